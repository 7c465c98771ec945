"""Where the graph lives: Oxigraph on disk (the default) or rdflib in memory.

`open_store(location)` hides the backend: both take one article's named graph at a
time (`replace_graph`), answer SPARQL over the union of all graphs, and count triples.
"""
from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Iterator, Protocol

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError, StoreError
from kg import namespaces
from kg.namespaces import PREFIXES

MEMORY = "memory"


class QueryResult:
    """Rows of a SELECT (dicts of plain Python values), or the boolean of an ASK, or triples."""

    def __init__(self, variables: list[str], rows: list[dict], boolean: bool | None = None,
                 triples: list[tuple[Node, Node, Node]] | None = None):
        self.variables, self.rows, self.boolean, self.triples = variables, rows, boolean, triples

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def _plain(term: Node | None):
    """A result value as Python: IRIs as str, literals as their value (str, int, date …)."""
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return value if isinstance(value, (str, int, float, bool, datetime.date)) else str(term)
    return str(term)


XSD = str(namespaces.XSD)
RDF_LANG_STRING = str(namespaces.RDF.langString)
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _checked(pattern: re.Pattern, convert):
    def parse(text: str):
        if not pattern.fullmatch(text):
            raise ValueError(text)
        return convert(text)
    return parse


_BOOLEANS = {"true": True, "1": True, "false": False, "0": False}
_FAST = {  # datatype → parser of the lexical forms whose value rdflib's toPython() gives too
    XSD + "string": str, RDF_LANG_STRING: str,
    XSD + "integer": _checked(_INTEGER, int), XSD + "int": _checked(_INTEGER, int),
    XSD + "long": _checked(_INTEGER, int),
    XSD + "boolean": _BOOLEANS.__getitem__,
    XSD + "date": _checked(_DATE, datetime.date.fromisoformat),
}


def ox_plain(term):
    """A pyoxigraph result value as Python, as `_plain(rdflib_term(term))` gives it, without rdflib.

    Converting through rdflib's terms cost as much as evaluating the query; the common datatypes
    are read here and the others still go through rdflib.
    """
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        parse = _FAST.get(term.datatype.value)
        if parse is not None:
            try:
                return parse(term.value)
            except (KeyError, ValueError):
                pass
        return _plain(rdflib_term(term))
    return term.value


class Store(Protocol):
    def replace_graph(self, graph: URIRef, triples: list[tuple[Node, Node, Node]]) -> None: ...
    def add(self, graph: URIRef, triples: list[tuple[Node, Node, Node]]) -> None: ...
    def bulk_load(self, nquads: bytes) -> None:
        """Add N-Quads (UTF-8, every quad in a named graph) as `kg.rdf` writes them, its IRIs checked there:
        fast, not atomic, duplicates allowed."""
    def remove_subject(self, graph: URIRef, subject: URIRef) -> list[Node]: ...
    def graphs_with(self, subject: URIRef | None = None, obj: URIRef | None = None) -> Iterator[URIRef]: ...
    def subject_triples(self, graph: URIRef, subject: URIRef) -> Iterator[tuple[Node, Node, Node]]: ...
    def remove_graph(self, graph: URIRef) -> bool: ...
    def has_graph(self, graph: URIRef) -> bool: ...
    def query(self, sparql: str, bindings: dict[str, Node] | None = None) -> QueryResult: ...
    def triple_count(self) -> int: ...
    def named_graphs(self) -> Iterator[URIRef]: ...
    def graph_triples(self, graph: URIRef) -> Iterator[tuple[Node, Node, Node]]: ...
    def close(self) -> None: ...


def _ox_term(term: Node):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def rdflib_term(term) -> Node | None:
    """A pyoxigraph term as the rdflib term it stands for."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise StoreError(f"unexpected term in results: {term!r}")


class OxigraphStore:
    """An on-disk (or, with no path, in-memory) Oxigraph store."""

    def __init__(self, path: str | Path | None = None, read_only: bool = False):
        self.read_only = read_only
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(path))
            else:
                Path(path).mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {path}: {exc}. Is another kg command using it?") from exc

    def replace_graph(self, graph: URIRef, triples: list[tuple[Node, Node, Node]]) -> None:
        g = ox.NamedNode(str(graph))
        quads = [ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o), g) for s, p, o in triples]
        if self._store.contains_named_graph(g):
            self._store.remove_graph(g)
        self._store.extend(quads)

    def add(self, graph: URIRef, triples: list[tuple[Node, Node, Node]]) -> None:
        g = ox.NamedNode(str(graph))
        self._store.extend([ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o), g) for s, p, o in triples])

    def bulk_load(self, nquads: bytes) -> None:
        if nquads:
            self._store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS, lenient=True)  # IRIs not checked again

    def subject_triples(self, graph: URIRef, subject: URIRef) -> Iterator[tuple[Node, Node, Node]]:
        for q in self._store.quads_for_pattern(ox.NamedNode(str(subject)), None, None, ox.NamedNode(str(graph))):
            yield rdflib_term(q.subject), rdflib_term(q.predicate), rdflib_term(q.object)

    def remove_subject(self, graph: URIRef, subject: URIRef) -> list[Node]:
        """Remove the triples about `subject` in `graph`; return their objects."""
        quads = list(self._store.quads_for_pattern(ox.NamedNode(str(subject)), None, None, ox.NamedNode(str(graph))))
        for quad in quads:
            self._store.remove(quad)
        return [rdflib_term(q.object) for q in quads]

    def graphs_with(self, subject: URIRef | None = None, obj: URIRef | None = None) -> Iterator[URIRef]:
        """The graphs (with repeats) that hold a triple with this subject or object."""
        s = ox.NamedNode(str(subject)) if subject is not None else None
        o = ox.NamedNode(str(obj)) if obj is not None else None
        return (URIRef(q.graph_name.value) for q in self._store.quads_for_pattern(s, None, o, None))

    def remove_graph(self, graph: URIRef) -> bool:
        g = ox.NamedNode(str(graph))
        if not self._store.contains_named_graph(g):
            return False
        self._store.remove_graph(g)
        return True

    def has_graph(self, graph: URIRef) -> bool:
        return self._store.contains_named_graph(ox.NamedNode(str(graph)))

    def query(self, sparql: str, bindings: dict[str, Node] | None = None) -> QueryResult:
        substitutions = {ox.Variable(k): _ox_term(v) for k, v in (bindings or {}).items()}
        try:
            result = self._store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True,
                                       substitutions=substitutions or None)
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL: {exc}") from exc
        except OSError as exc:
            raise QueryError(f"query failed: {exc}") from exc
        if isinstance(result, ox.QueryBoolean):
            return QueryResult([], [], boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            rows = [dict(zip(variables, map(ox_plain, solution))) for solution in result]
            return QueryResult(variables, rows)
        triples = [(rdflib_term(t.subject), rdflib_term(t.predicate), rdflib_term(t.object)) for t in result]
        return QueryResult([], [], triples=triples)

    def triple_count(self) -> int:
        return len(self._store)

    def named_graphs(self) -> Iterator[URIRef]:
        return (URIRef(g.value) for g in self._store.named_graphs())

    def graph_triples(self, graph: URIRef) -> Iterator[tuple[Node, Node, Node]]:
        for q in self._store.quads_for_pattern(None, None, None, ox.NamedNode(str(graph))):
            yield rdflib_term(q.subject), rdflib_term(q.predicate), rdflib_term(q.object)


    def flush(self) -> None:
        if not self.read_only:
            self._store.flush()

    def close(self) -> None:
        self.flush()
        del self._store


class MemoryStore:
    """rdflib's in-memory Dataset: no files, for tests and small jobs."""

    def __init__(self):
        self._dataset = Dataset(default_union=True)

    def replace_graph(self, graph: URIRef, triples: list[tuple[Node, Node, Node]]) -> None:
        self._dataset.remove_graph(graph)
        g = self._dataset.graph(graph)
        for t in triples:
            g.add(t)

    def add(self, graph: URIRef, triples: list[tuple[Node, Node, Node]]) -> None:
        g = self._dataset.graph(graph)
        for t in triples:
            g.add(t)

    def bulk_load(self, nquads: bytes) -> None:
        if nquads:
            self._dataset.parse(data=nquads, format="nquads")

    def subject_triples(self, graph: URIRef, subject: URIRef) -> Iterator[tuple[Node, Node, Node]]:
        return iter(self._dataset.graph(graph).triples((subject, None, None)))

    def remove_subject(self, graph: URIRef, subject: URIRef) -> list[Node]:
        g = self._dataset.graph(graph)
        objects = list(g.objects(subject, None))
        g.remove((subject, None, None))
        return objects

    def graphs_with(self, subject: URIRef | None = None, obj: URIRef | None = None) -> Iterator[URIRef]:
        return (getattr(g, "identifier", g) for *_, g in self._dataset.quads((subject, None, obj, None)))

    def remove_graph(self, graph: URIRef) -> bool:
        if not self.has_graph(graph):
            return False
        self._dataset.remove_graph(graph)
        return True

    def has_graph(self, graph: URIRef) -> bool:
        return next(iter(self._dataset.quads((None, None, None, graph))), None) is not None

    def query(self, sparql: str, bindings: dict[str, Node] | None = None) -> QueryResult:
        try:
            result = self._dataset.query(sparql, initNs=PREFIXES, initBindings=bindings or {})
        except Exception as exc:  # rdflib raises pyparsing's and its own errors alike
            raise QueryError(f"malformed SPARQL: {exc}") from exc
        if result.type == "ASK":
            return QueryResult([], [], boolean=bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return QueryResult([], [], triples=list(result.graph))
        variables = [str(v) for v in result.vars]
        return QueryResult(variables, [{v: _plain(row[i]) for i, v in enumerate(variables)} for row in result])

    def triple_count(self) -> int:
        return sum(1 for _ in self._dataset.quads((None, None, None, None)))

    def named_graphs(self) -> Iterator[URIRef]:
        return (g.identifier for g in self._dataset.graphs() if isinstance(g.identifier, URIRef) and len(g))

    def graph_triples(self, graph: URIRef) -> Iterator[tuple[Node, Node, Node]]:
        return iter(self._dataset.graph(graph))


    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


def open_store(location: str | Path, read_only: bool = False) -> OxigraphStore | MemoryStore:
    """`memory` for rdflib's in-memory store, `http://HOST:PORT` for a SPARQL server, anything else a folder."""
    if str(location) == MEMORY:
        return MemoryStore()
    from kg.remote import RemoteStore, is_remote
    if is_remote(location):
        return RemoteStore(str(location), read_only=read_only)
    path = Path(location)
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file, not a store folder")
    if read_only and not path.exists():
        raise StoreError(f"no store at {path}; run `kg ingest --store {path} ARTICLES` first")
    return OxigraphStore(path, read_only=read_only)
