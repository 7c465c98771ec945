"""Reading articles from `.txt`, `.json`, `.jsonl`, `.jsonl.gz` files and folders of them.

Bad input never stops a run: each problem is yielded as an `InputError` naming the
file (and line), and the caller decides to report and skip it.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
import unicodedata
from pathlib import Path
from typing import Iterable, Iterator

from kg.errors import InputError
from kg.records import Article

SUFFIXES = (".txt", ".json", ".jsonl", ".jsonl.gz")
MAX_ARTICLE_CHARS = 2_000_000  # larger texts are refused, not read into the graph
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _suffix(path: Path) -> str | None:
    name = path.name.lower()
    return next((s for s in sorted(SUFFIXES, key=len, reverse=True) if name.endswith(s)), None)


def _stem(path: Path) -> str:
    suffix = _suffix(path) or path.suffix
    return path.name[: len(path.name) - len(suffix)]


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _check_text(source: str, text: str, line: int | None = None) -> None:
    if "\x00" in text:
        raise InputError(source, "looks binary (contains NUL bytes)", line)
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(source, f"article of {len(text):,} characters is over the limit of "
                                 f"{MAX_ARTICLE_CHARS:,}", line)


def article_from_record(record: object, source: str, line: int | None = None,
                        default_id: str | None = None) -> Article:
    """An article from a JSON object with `title`, `text` and, unless `default_id`, `id`."""
    if not isinstance(record, dict):
        raise InputError(source, "expected a JSON object with id, title and text", line)
    ident = record.get("id", default_id)
    missing = [k for k, v in (("id", ident), ("text", record.get("text"))) if v in (None, "")]
    if missing:
        raise InputError(source, f"missing field(s): {', '.join(missing)}", line)
    text, title = record.get("text"), record.get("title") or ""
    if not isinstance(text, str) or not isinstance(title, str):
        raise InputError(source, "title and text must be strings", line)
    _check_text(source, text, line)
    date = record.get("date")
    if date is not None and not (isinstance(date, str) and _ISO_DATE.match(date)):
        raise InputError(source, f"date {date!r} is not ISO YYYY-MM-DD", line)
    return Article(str(ident), _clean(title).strip(), _clean(text), record.get("source") or source,
                   date[:10] if date else None, record.get("url"))


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 (byte {exc.start}); convert it with iconv first") from exc


def _read_txt(path: Path) -> Iterator[Article]:
    text = _read_text(path)
    _check_text(str(path), text)
    title, _, body = _clean(text).partition("\n")
    if not (title.strip() or body.strip()):
        raise InputError(str(path), "empty file")
    yield Article(_stem(path), title.strip(), body, str(path))


def _read_json(path: Path) -> Iterator[Article]:
    try:
        record = json.loads(_read_text(path))
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"broken JSON: {exc.msg}", exc.lineno) from exc
    yield article_from_record(record, str(path), default_id=_stem(path))


def _read_jsonl(path: Path) -> Iterator[Article | InputError]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8", errors="strict") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    yield article_from_record(json.loads(line), str(path), number)
                except json.JSONDecodeError as exc:
                    yield InputError(str(path), f"broken JSON line: {exc.msg}", number)
                except InputError as exc:
                    yield exc
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        yield InputError(str(path), f"cannot read further: {exc}")


_READERS = {".txt": _read_txt, ".json": _read_json, ".jsonl": _read_jsonl, ".jsonl.gz": _read_jsonl}


def input_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """The article files named, folders expanded in sorted order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and _suffix(child):
                    yield child
        elif not path.exists():
            yield InputError(str(path), "no such file or folder")
        elif _suffix(path) is None:
            yield InputError(str(path), f"unknown kind of file; expected one of {', '.join(SUFFIXES)}")
        else:
            yield path


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | InputError]:
    """Every article in `paths`, or an `InputError` for each one that cannot be read."""
    for item in input_files(paths):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield from _READERS[_suffix(item)](item)
        except InputError as exc:
            yield exc


def content_hash(article: Article, salt: str = "") -> str:
    """A digest of what the article says (and `salt`), to tell an edited article from the same one again."""
    key = json.dumps([article.id, article.title, article.text, article.date, article.source, salt],
                     ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
