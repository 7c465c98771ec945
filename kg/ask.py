"""Ready questions: the SPARQL files of `docs/queries/`, run with parameters bound as RDF terms.

Each file starts with comment lines: `# NAME: what it answers`, then one
`# param NAME: description` per parameter (`optional` when it may be left out), and
its WHERE clause opens with `VALUES (?param …) { (UNDEF …) }`: run as it is, the file
asks about everything. `ask` turns each argument into an RDF term (a folded-name
literal, or an `xsd:date`) and puts the terms, as rdflib writes them, in that row, so
what a user types is only ever a literal's value: quotes and braces cannot change the
query. (Oxigraph also binds variables itself, but after planning the query: a lookup
by name then scans the whole store, 20× slower on the corpus, and `holders` did not
finish; a VALUES row is planned first.) Names are folded, so `Thành uỷ` finds `Thành ủy`.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Literal
from rdflib.namespace import XSD

from kg.errors import DataError, QueryError
from kg.normalize import fold
from kg.store import QueryResult

_PARAM = re.compile(r"#\s*param\s+(\w+)\s*:\s*(.*)")
DATE_PARAMS = {"date"}


@dataclass(frozen=True)
class Param:
    name: str
    description: str

    @property
    def optional(self) -> bool:
        return self.description.startswith("optional")


@dataclass(frozen=True)
class ReadyQuery:
    name: str
    summary: str
    params: tuple[Param, ...]
    text: str


def queries_dir() -> Path:
    path = Path(__file__).resolve().parent.parent / "docs" / "queries"
    if not path.is_dir():
        raise DataError(f"ready questions folder {path} not found; install kg from its repository")
    return path


def _parse(path: Path) -> ReadyQuery:
    text = path.read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    summary = header[0].lstrip("# ").split(":", 1)[-1].strip() if header else ""
    params = tuple(Param(m.group(1), m.group(2).strip()) for line in header if (m := _PARAM.match(line)))
    return ReadyQuery(path.stem, summary, params, text)


@lru_cache(maxsize=1)
def ready_queries() -> dict[str, ReadyQuery]:
    return {q.name: q for q in map(_parse, sorted(queries_dir().glob("*.rq")))}


def _term(param: str, value: str) -> Literal:
    if param in DATE_PARAMS:
        try:
            return Literal(datetime.date.fromisoformat(value), datatype=XSD.date)
        except ValueError:
            raise QueryError(f"{param} must be a date written YYYY-MM-DD, not {value!r}") from None
    return Literal(fold(value))


_VALUES_ROW = re.compile(r"VALUES\s*\(([^)]*)\)\s*\{\s*\(([^)]*)\)\s*\}")


def bound_text(query: ReadyQuery, terms: dict[str, Literal]) -> str:
    """The query with its parameters' VALUES rows filled with `terms` (UNDEF where none is given).

    A query repeats the row inside each subquery that needs the parameters.
    """
    declared = [p.name for p in query.params]
    rows = list(_VALUES_ROW.finditer(query.text))
    if not rows or any([v.lstrip("?") for v in m.group(1).split()] != declared for m in rows):
        expected = f"VALUES ({' '.join('?' + n for n in declared)}) {{ ({' '.join('UNDEF' for _ in declared)}) }}"
        raise DataError(f"{query.name}.rq must open its WHERE clause with {expected}")
    row = " ".join(terms[n].n3() if n in terms else "UNDEF" for n in declared)
    return _VALUES_ROW.sub(lambda m: m.group(0)[:m.start(2) - m.start()] + row + m.group(0)[m.end(2) - m.start():],
                           query.text)


def bindings(query: ReadyQuery, args: dict[str, str]) -> dict[str, Literal]:
    """The engine bindings for a ready question's arguments; unknown or missing ones are refused."""
    known = {p.name for p in query.params}
    unknown = sorted(set(args) - known)
    if unknown:
        raise QueryError(f"{query.name} takes {', '.join(sorted(known)) or 'no parameters'}, not {', '.join(unknown)}")
    missing = [p.name for p in query.params if not p.optional and not args.get(p.name)]
    if missing:
        raise QueryError(f"{query.name} needs {', '.join(missing)}")
    return {name: _term(name, value) for name, value in args.items() if value}


def ask(kg, question: str, **args: str) -> QueryResult:
    """Run the ready question `question` with its parameters; the parameter columns are left out."""
    try:
        query = ready_queries()[question]
    except KeyError:
        raise QueryError(f"no ready question {question!r}; choose one of {', '.join(ready_queries())}") from None
    result = kg.sparql(bound_text(query, bindings(query, args)))
    hidden = {p.name for p in query.params}
    variables = [v for v in result.variables if v not in hidden]
    return QueryResult(variables, [{v: row[v] for v in variables} for row in result.rows])
