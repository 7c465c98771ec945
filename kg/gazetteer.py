"""Domain knowledge read from the data files under `data/`.

Every list the extractor relies on (surnames, role words, body heads, provinces,
abbreviations, event and document types) lives in a data file, so that the
extractor grows by editing data, not code. Each loader is cached.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from kg.errors import DataError


def data_dir() -> Path:
    """The folder of gazetteers: `$KG_DATA`, else `data/` beside the package."""
    path = Path(os.environ.get("KG_DATA") or Path(__file__).resolve().parent.parent / "data")
    if not path.is_dir():
        raise DataError(f"gazetteer folder {path} not found; set KG_DATA to the repository's data/ folder")
    return path


def _rows(name: str) -> list[list[str]]:
    """Non-blank, non-comment lines of a data file, split on tabs."""
    path = data_dir() / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataError(f"cannot read gazetteer {path}: {exc.strerror}") from exc
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _column(rows: list[list[str]], i: int) -> str:
    return rows[i].strip() if i < len(rows) else ""


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """A one-column list, such as `surnames.txt`."""
    return frozenset(row[0].strip() for row in _rows(name))


@lru_cache(maxsize=None)
def abbreviations() -> tuple[tuple[str, str], ...]:
    return tuple((row[0], _column(row, 1)) for row in _rows("abbreviations.tsv"))


@dataclass(frozen=True)
class Province:
    name: str
    kind: str  # "tỉnh" or "thành phố"
    aliases: tuple[str, ...]

    @property
    def qualified(self) -> str:
        """The name with its kind, as bodies write it: `tỉnh Đồng Tháp`, `Thành phố Hồ Chí Minh`."""
        return self.name if self.name.startswith("Thành phố") else f"{self.kind} {self.name}"


@lru_cache(maxsize=None)
def provinces() -> tuple[Province, ...]:
    return tuple(
        Province(row[0].strip(), _column(row, 1),
                 tuple(a.strip() for a in _column(row, 2).split(",") if a.strip()))
        for row in _rows("provinces.tsv"))


@dataclass(frozen=True)
class Role:
    """A title word: its surface form, the role it names and the head noun its body starts with."""

    surface: str
    role: str
    head: str = ""
    org: str = ""  # a fixed body, as in `Thủ tướng` → `Chính phủ`
    foreign: bool = False  # a foreign name may follow (`Tổng thống Nga Vladimir Putin`)
    office: bool = False  # the head is an office inside the body after it (`Chánh Văn phòng Sở X`)


@lru_cache(maxsize=None)
def roles() -> tuple[Role, ...]:
    """Role words, longest surface first, so that `Phó Bí thư Thường trực` wins over `Phó Bí thư`."""
    found = [Role(row[0].strip(), _column(row, 1) or row[0].strip(), _column(row, 2), _column(row, 3),
                  _column(row, 4) == "foreign", _column(row, 4) == "office") for row in _rows("roles.tsv")]
    return tuple(sorted(found, key=lambda r: -len(r.surface)))


@dataclass(frozen=True)
class BodyHead:
    """A noun that starts a body's name, with the kind of body it makes."""

    head: str
    kind: str
    complete: bool  # the head alone names one body (`Bộ Chính trị`), needing no qualifier
    local: bool  # a provincial body whose place may be left implied (`Thành ủy`, `Sở …`)
    open: bool = False  # a one-word head whose name may go on in lower case (`Đoàn kiểm tra`)
    placed: bool = False  # only a place may follow the head (`Ủy ban nhân dân tỉnh X`)
    proper: bool = False  # the name ends at its last capitalised word (`Báo Lao Động`)


@lru_cache(maxsize=None)
def body_heads() -> tuple[BodyHead, ...]:
    found = []
    for row in _rows("bodies.tsv"):
        flags = set(_column(row, 2).split(","))
        found.append(BodyHead(row[0].strip(), _column(row, 1), "complete" in flags, "local" in flags,
                              "open" in flags, "placed" in flags, "proper" in flags))
    return tuple(sorted(found, key=lambda b: -len(b.head)))


@lru_cache(maxsize=None)
def pairs(name: str) -> tuple[tuple[str, str], ...]:
    """A two-column list, such as `event_types.tsv`."""
    return tuple((row[0].strip(), _column(row, 1)) for row in _rows(name))


@lru_cache(maxsize=None)
def triples(name: str) -> tuple[tuple[str, str, str], ...]:
    """A three-column list, such as `implied_place.tsv`."""
    return tuple((row[0].strip(), _column(row, 1), _column(row, 2)) for row in _rows(name))


def write_rows(path: Path, header: str, rows: Iterable[tuple]) -> None:
    """Write a mined list: its comment `header`, then one tab-separated line per row."""
    path.write_text(header + "".join("\t".join(map(str, row)) + "\n" for row in rows), encoding="utf-8")


def mined_triples(name: str) -> tuple[tuple[str, str, str], ...]:
    """A three-column list that a `kg mine-…` command writes: empty until it has been mined."""
    return triples(name) if (data_dir() / name).exists() else ()
