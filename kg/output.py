"""Printing results for a terminal (aligned tables) or for machines (CSV, TSV, JSON)."""
from __future__ import annotations

import csv
import datetime
import io
import json
import time
from typing import Callable, Sequence, TextIO

from rich.console import Console
from rich.table import Table

FORMATS = ("table", "csv", "tsv", "json")
CELL_CHARS = 60  # a table cell longer than this is shortened; csv, tsv and json keep the full text


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value)


def render_rows(columns: Sequence[str], rows: Sequence[dict], fmt: str, console: Console,
                max_rows: int | None = None, title: str | None = None, cell_chars: int | None = CELL_CHARS) -> None:
    """Print rows as a table (cells longer than `cell_chars` shortened), or as CSV, TSV or JSON on standard output."""
    if fmt == "json":
        console.file.write(json.dumps([{c: _json(r.get(c)) for c in columns} for r in rows],
                                      ensure_ascii=False, indent=1) + "\n")
        return
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_text(r.get(c)) for c in columns] for r in rows)
        console.file.write(buffer.getvalue())
        return
    shown = rows if max_rows is None else rows[:max_rows]
    table = Table(*columns, title=title, show_lines=False)
    for r in shown:
        table.add_row(*(_shortened(_text(r.get(c)), cell_chars) for c in columns))
    console.print(table)
    if len(shown) < len(rows):
        console.print(f"… {len(rows) - len(shown)} more rows (use --limit 0 or --format csv for all)")
    else:
        console.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}")


def _shortened(text: str, chars: int | None) -> str:
    """A long cell (a sentence of evidence) cut at a word boundary, so that a row stays a few lines high."""
    if chars is None or len(text) <= chars:
        return text
    cut = text.rfind(" ", 0, chars)
    return text[:cut if cut > chars // 2 else chars].rstrip() + " …"


def _json(value):
    return value.isoformat() if isinstance(value, (datetime.date, datetime.datetime)) else value


class LogProgress:
    """Progress for a log, not a terminal: a plain line every `every` seconds, and one at the end."""

    def __init__(self, what: str, stream: TextIO, every: float = 5.0, clock: Callable[[], float] = time.monotonic):
        self.what, self.stream, self.every, self.clock = what, stream, every, clock
        self.count, self.started = 0, clock()
        self.last = self.started

    def __call__(self, *_, steps: int = 1) -> None:
        """Count `steps` done; print a line when `every` seconds have passed since the last one."""
        self.count += steps
        if self.clock() - self.last >= self.every:
            self._line("")

    def finish(self) -> None:
        self._line(", done")

    def _line(self, end: str) -> None:
        self.last = self.clock()
        self.stream.write(f"{self.what}: {self.count:,} after {self.last - self.started:.0f} s{end}\n")
        self.stream.flush()
