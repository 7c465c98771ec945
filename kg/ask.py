"""Ready questions: the SPARQL files of `docs/queries/`, run with parameters bound as RDF terms.

Each file starts with comment lines: `# NAME: what it answers`, then one
`# param NAME: description` per parameter (`optional` when it may be left out), and
its WHERE clause opens with `VALUES (?param …) { (UNDEF …) }`: run as it is, the file
asks about everything. `ask` turns each argument into an RDF term (a folded-name
literal, or an `xsd:date`) and puts the terms, as rdflib writes them, in that row, so
what a user types is only ever a literal's value: quotes and braces cannot change the
query. (Oxigraph also binds variables itself, but after planning the query: a lookup
by name then scans the whole store, 20× slower on the corpus, and `holders` did not
finish; a VALUES row is planned first.) Names and roles are looked up first (`kg.lookup`):
`Thành uỷ` and `Thanh uy` find `Thành ủy`, a name found nowhere is refused with the
nearest known ones, and a name typed without diacritics that fits several adds a row each.
A question that projects a person's node (`?p` beside `?person`) answers one row per node, named by
the spelling most of its mentions use (`Nguyễn Thị Kim Ngân`, not a slip of one article).
"""
from __future__ import annotations

import datetime
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Literal
from rdflib.namespace import XSD

from kg import lookup
from kg.errors import DataError, QueryError
from kg.normalize import fold
from kg.store import QueryResult

_PARAM = re.compile(r"#\s*param\s+(\w+)\s*:\s*(.*)")
_NAMED_ARG = re.compile(r"([A-Za-z_]\w*)=(.*)", re.S)
DATE_PARAMS = {"date"}
ENTITY_PARAMS = {"name": ("person",), "body": ("organisation",)}  # looked up among these kinds
ROLE_PARAMS = {"role"}
NAMED_NODES = {"person": "p", "body": "org"}  # a column of names: the variable of the node it names
HOLDERS_OF = {"holders": ("title", "post")}  # a question listing persons per post: its title column, its node
MAIN_SHARE, SUCCESSOR_SHARE, SUCCESSOR_ARTICLES = 10, 20, 3  # `_main_holders`: a tenth; a twentieth from 3 articles


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


def parse_args(query: ReadyQuery, args: list[str]) -> dict[str, str]:
    """`["Thành ủy Hải Phòng", "role=Bí thư"]` → `{"body": …, "role": …}`: by name, else in order.

    An argument written `word=value` names a parameter: an unknown one is refused, not taken as a value.
    """
    declared = [p.name for p in query.params]
    named, positional = {}, []
    for arg in args:
        m = _NAMED_ARG.fullmatch(arg)
        if m is None:
            positional.append(arg)
        elif m.group(1) not in declared or m.group(1) in named:
            problem = "given twice" if m.group(1) in named else "is not one of its parameters"
            raise QueryError(f"{m.group(1)} {problem}: {query.name} takes {', '.join(declared) or 'none'}")
        else:
            named[m.group(1)] = m.group(2)
    free = [n for n in declared if n not in named]
    if len(positional) > len(free):
        raise QueryError(f"{query.name} takes {len(declared)} argument(s): {', '.join(declared)}")
    return {**named, **dict(zip(free, positional))}


def _terms(kg, param: str, value: str, within: str = "") -> list[Literal]:
    """The RDF terms a parameter's value stands for: a date, or the keys of the names it finds (a role's
    within the body named `within`)."""
    if param in DATE_PARAMS:
        try:
            return [Literal(datetime.date.fromisoformat(value), datatype=XSD.date)]
        except ValueError:
            raise QueryError(f"{param} must be a date written YYYY-MM-DD, not {value!r}") from None
    if param in ENTITY_PARAMS:
        return [Literal(k) for k in dict.fromkeys(m.key for m in lookup.require(kg, value, ENTITY_PARAMS[param]))]
    if param in ROLE_PARAMS:
        return [Literal(k) for k in lookup.role_keys(kg, value, within)]
    return [Literal(fold(value))]


_VALUES_ROW = re.compile(r"VALUES\s*\(([^)]*)\)\s*\{\s*\(([^)]*)\)\s*\}")


def bound_text(query: ReadyQuery, terms: dict[str, list[Literal]]) -> str:
    """The query with its parameters' VALUES rows filled with `terms` (UNDEF where none is given).

    A parameter with several terms gives a row each (with every combination of the others).
    A query repeats the rows inside each subquery that needs the parameters.
    """
    declared = [p.name for p in query.params]
    found = list(_VALUES_ROW.finditer(query.text))
    if not found or any([v.lstrip("?") for v in m.group(1).split()] != declared for m in found):
        expected = f"VALUES ({' '.join('?' + n for n in declared)}) {{ ({' '.join('UNDEF' for _ in declared)}) }}"
        raise DataError(f"{query.name}.rq must open its WHERE clause with {expected}")
    rows = ") (".join(" ".join(t.n3() if t is not None else "UNDEF" for t in combination)
                      for combination in itertools.product(*(terms.get(n, [None]) for n in declared)))
    return _VALUES_ROW.sub(lambda m: m.group(0)[:m.start(2) - m.start()] + rows + m.group(0)[m.end(2) - m.start():],
                           query.text)


def bindings(kg, query: ReadyQuery, args: dict[str, str]) -> dict[str, list[Literal]]:
    """The terms for a ready question's arguments; unknown or missing parameters and names are refused."""
    known = {p.name for p in query.params}
    unknown = sorted(set(args) - known)
    if unknown:
        raise QueryError(f"{query.name} takes {', '.join(sorted(known)) or 'no parameters'}, not {', '.join(unknown)}")
    missing = [p.name for p in query.params if not p.optional and not args.get(p.name)]
    if missing:
        raise QueryError(f"{query.name} needs {', '.join(missing)}")
    try:
        terms = {name: _terms(kg, name, value, args.get("body", "")) for name, value in args.items() if value}
    except lookup.UnknownName:  # `Nga` role=`Bộ trưởng Quốc phòng`: the title of `Bộ Quốc phòng Nga`
        found = lookup.title_in(kg, args["role"], args["body"]) if args.get("role") and args.get("body") else None
        if found is None:
            raise
        terms = {name: _terms(kg, name, value) for name, value in args.items() if value and name not in ("body", "role")}
        terms |= {"body": [Literal(k) for k in dict.fromkeys(m.key for m in found[0])],
                  "role": [Literal(k) for k in found[1]]}
    if "body" in terms and "role" in terms:  # a title asked of a country its state holds: the state's
        keys = lookup.state_keys(kg, args["body"], [str(t) for t in terms["body"]], [str(t) for t in terms["role"]])
        terms["body"] = [Literal(k) for k in keys]
    return terms


def ask(kg, question: str, **args: str) -> QueryResult:
    """Run the ready question `question` with its parameters; the parameter columns are left out."""
    try:
        query = ready_queries()[question]
    except KeyError:
        raise QueryError(f"no ready question {question!r}; choose one of {', '.join(ready_queries())}") from None
    result = kg.sparql(bound_text(query, bindings(kg, query, args)))
    nodes = {column: node for column, node in NAMED_NODES.items() if {column, node} <= set(result.variables)}
    post, post_node = HOLDERS_OF.get(question, (None, None))
    hidden = {p.name for p in query.params} | set(nodes.values()) | {post_node}
    variables = [v for v in result.variables if v not in hidden]
    shown = [*variables, *nodes.values()]  # two namesakes with the same answer stay two rows
    rows = _main_holders(result.rows, post_node, "date" in args) if post else result.rows
    unique = {tuple(str(row[v]) for v in shown): row for row in _one_row_per_node(kg, rows, nodes)}
    rows = _one_name_per_holder(list(unique.values()), post) if post else list(unique.values())
    return QueryResult(variables, [{v: row[v] for v in variables} for row in rows])


def _one_row_per_node(kg, rows: list[dict], nodes: dict[str, str]) -> list[dict]:
    """The rows with each named node's column set to its usual name (rows then repeat where spellings differed)."""
    for column, node in nodes.items():
        usual = lookup.usual_names(kg, {row[node] for row in rows if row[node]})
        for row in rows:  # a store written before resolutions carried spellings: the first one shown
            usual.setdefault(row[node], row[column])
        rows = [{**row, column: usual[row[node]]} for row in rows]
    return rows


def _one_name_per_holder(rows: list[dict], post: str) -> list[dict]:
    """The rows without a holder whom another holder of the same post names alike, short or spelt otherwise
    (`lookup.alike_names`: two nodes of one name the resolution kept apart, `Putin` beside `Vladimir Putin`,
    `Jim Mattis` beside `James Mattis`). Of names alike, the one kept is a name of more than one word, not
    starting with an initial (`E.Macron`), then the one that the most articles name with it or with a name
    alike (`Hun Sen`, alike to `Samdech Techo Hun Sen` and `HunSen`), then with it alone, then the one of fewer
    words (then by its node; one person named alike in two bodies found, `ECB` and `Ngân hàng Trung ương châu Âu`,
    by the latest article, then by the post)."""
    by_post: dict[str, list[dict]] = {}
    for row in rows:
        by_post.setdefault(str(row[post]), []).append(row)
    others: dict[int, list[dict]] = {}
    for held in by_post.values():
        for row, alike in zip(held, lookup.alike_names([str(row["person"]) for row in held])):
            others[id(row)] = [held[j] for j in alike]

    def rank(row: dict) -> tuple:
        words = fold(str(row["person"]), marks=False).split()
        support = int(row["articles"]) + sum(int(other["articles"]) for other in others[id(row)])
        return len(words) > 1, len(words[0]) > 1, support, int(row["articles"]), -len(words), str(row["person"]), \
            str(row.get("p", "")), str(row.get("article", "")), str(row.get(HOLDERS_OF["holders"][1], ""))

    ranks = {id(row): rank(row) for row in rows}  # each once: a row is compared with each name alike
    return [row for row in rows if all(ranks[id(other)] < ranks[id(row)] for other in others[id(row)])]


def _post_of(row: dict, post: str) -> tuple:
    """The post a row's holder is weighed in: its title in its body, a body spelt two ways being one (the letters of
    its key: `Chính phủ Cam-pu-chia` is `Chính phủ Campuchia`); without a body column, the post's node."""
    body = row.get("body")
    return (str(row.get("title")), re.sub(r"[\W\d_]", "", str(body))) if body else (str(row[post]),)


def _main_holders(rows: list[dict], post: str, dated: bool) -> list[dict]:
    """The rows without holders that few articles name beside a post's main holder, likely misreadings: named by
    fewer than a tenth of the articles that name the main holder (a twentieth when three articles or more name
    them: a successor), or by one article when the main holder is named by several (unless a date is asked and
    that article is dated). Holders are weighed per post (`_post_of`), so that a country's Chủ tịch nước and its Chủ tịch
    Quốc hội are not weighed against each other, but the posts of one body spelt two ways are one."""
    rows = [row for row in rows if row["articles"]]  # rdflib answers an empty group with a row of nothing
    top: dict[tuple, int] = {}
    for row in rows:
        top[_post_of(row, post)] = max(top.get(_post_of(row, post), 0), int(row["articles"]))

    def kept(row: dict) -> bool:
        n, most = int(row["articles"]), top[_post_of(row, post)]
        return (n * MAIN_SHARE >= most or n >= SUCCESSOR_ARTICLES and n * SUCCESSOR_SHARE >= most) \
            and (n > 1 or most == 1 or dated and row["dated"] is True)

    return [row for row in rows if kept(row)]
