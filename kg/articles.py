"""Reading articles from `.txt`, `.json`, `.jsonl`, `.jsonl.gz` files and folders of them.

Bad input never stops a run: each problem is yielded as an `InputError` naming the
file (and line), and the caller decides to report and skip it.
"""
from __future__ import annotations

import datetime
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


_STRING_FIELDS = ("id", "title", "text", "date", "source", "url")


def _kind(value: object) -> str:
    return {bool: "true/false", int: "a number", float: "a number", dict: "an object",
            list: "a list"}.get(type(value), type(value).__name__)


def is_calendar_date(value: str) -> bool:
    """Whether `value` is a day written YYYY-MM-DD, or `--MM-DD` for a day without its year."""
    day = f"2000{value[1:]}" if value.startswith("--") else value  # 2000 is a leap year: --02-29 is a day
    try:
        return bool(_ISO_DATE.fullmatch(day)) and datetime.date.fromisoformat(day) is not None
    except ValueError:
        return False


def _checked_date(date: str, source: str, line: int | None) -> str:
    """The day of an ISO date (a time after it is dropped); an impossible date is refused."""
    if not is_calendar_date(date[:10]) or date.startswith("--"):
        raise InputError(source, f"date {date!r} is not a calendar date written YYYY-MM-DD", line)
    return date[:10]


def article_from_record(record: object, source: str, line: int | None = None,
                        default_id: str | None = None) -> Article:
    """An article from a JSON object with `title`, `text` and, unless `default_id`, `id`.

    Fields of the wrong type, an empty id or text and an impossible date are refused.
    """
    if not isinstance(record, dict):
        raise InputError(source, "expected a JSON object with id, title and text", line)
    record = {"id": default_id, **record}
    wrong = [f"{k} is {_kind(record[k])}" for k in _STRING_FIELDS
             if record.get(k) is not None and not isinstance(record[k], str)]
    if wrong:
        raise InputError(source, f"fields must be strings: {', '.join(wrong)}"
                                 + (" (write an id in quotes)" if "id is " in wrong[0] else ""), line)
    missing = [k for k in ("id", "text") if not (record.get(k) or "").strip()]
    if missing:
        raise InputError(source, f"missing field(s): {', '.join(missing)}", line)
    text, date = record["text"], record.get("date")
    _check_text(source, text, line)
    return Article(record["id"], _clean(record.get("title") or "").strip(), _clean(text),
                   record.get("source") or source, _checked_date(date, source, line) if date else None,
                   record.get("url"))


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 (byte {exc.start}); convert it with iconv first") from exc


def _read_txt(path: Path) -> Iterator[tuple[Article, None]]:
    text = _read_text(path)
    _check_text(str(path), text)
    title, _, body = _clean(text).partition("\n")
    if not (title.strip() or body.strip()):
        raise InputError(str(path), "empty file")
    yield Article(_stem(path), title.strip(), body, str(path.resolve())), None


def _read_json(path: Path) -> Iterator[tuple[Article, None]]:
    try:
        record = json.loads(_read_text(path))
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"broken JSON: {exc.msg}", exc.lineno) from exc
    yield article_from_record(record, str(path.resolve()), default_id=_stem(path)), None


def _read_jsonl(path: Path) -> Iterator[tuple[Article | InputError, int | None]]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8", errors="strict") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    yield article_from_record(json.loads(line), str(path), number), number
                except json.JSONDecodeError as exc:
                    yield InputError(str(path), f"broken JSON line: {exc.msg}", number), number
                except InputError as exc:
                    yield exc, number
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        yield InputError(str(path), f"cannot read further: {exc}"), None


_READERS = {".txt": _read_txt, ".json": _read_json, ".jsonl": _read_jsonl, ".jsonl.gz": _read_jsonl}


def input_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """The article files named, folders expanded in sorted order, each file once however it is spelt."""
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            children = [c for c in sorted(path.rglob("*")) if c.is_file() and _suffix(c)]
        elif not path.exists():
            yield InputError(str(path), "no such file or folder")
            continue
        elif _suffix(path) is None:
            yield InputError(str(path), f"unknown kind of file; expected one of {', '.join(SUFFIXES)}")
            continue
        else:
            children = [path]
        for child in children:
            if child.resolve() not in seen:
                seen.add(child.resolve())
                yield child


def missing_paths(paths: Iterable[str | Path]) -> list[str]:
    """The paths given that name no file or folder."""
    return [str(p) for p in paths if not Path(p).exists()]


def _read_file(path: Path) -> Iterator[tuple[Article | InputError, int | None]]:
    try:
        yield from _READERS[_suffix(path)](path)
    except InputError as exc:
        yield exc, exc.line


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article | InputError]:
    """Every article in `paths`, or an `InputError` for each one that cannot be read.

    Ids are unique in a run: the first article with an id wins, a later one is refused.
    """
    first_read: dict[str, str] = {}
    for item in input_files(paths):
        if isinstance(item, InputError):
            yield item
            continue
        for found, line in _read_file(item):
            if isinstance(found, Article):
                here = f"{item}:{line}" if line is not None else str(item)
                if first_read.setdefault(found.id, here) != here:
                    found = InputError(str(item), f"duplicate id {found.id!r}, first read at "
                                                  f"{first_read[found.id]}; this one is skipped", line)
            yield found


def content_hash(article: Article, salt: str = "") -> str:
    """A digest of what the article says (and `salt`), to tell an edited article from the same one again."""
    key = json.dumps([article.id, article.title, article.text, article.date, article.source, salt],
                     ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
