"""A store behind a SPARQL 1.1 server: the Protocol for queries and updates, the Graph Store Protocol for graphs.

`http://HOST:PORT` is an Oxigraph server (`oxigraph serve`: `/query`, `/update`, `/store`).
Other servers are named by a prefix, or their endpoints given in the URL's query string:

>>> endpoints("fuseki+http://db:3030/kg").store
'http://db:3030/kg/data'
>>> endpoints("graphdb+http://db:7200/repositories/kg").update
'http://db:7200/repositories/kg/statements'
>>> endpoints("http://db:8890?query=/sparql&update=/sparql&store=/sparql-graph-crud").query
'http://db:8890/sparql'

Everything goes over plain HTTP (one kept-alive connection per server). Only IRIs are
sent: a blank node would not name the same node in a second request.
"""
from __future__ import annotations

import http.client
import json
from dataclasses import dataclass
from typing import Iterator
from urllib.parse import parse_qs, urlencode, urlsplit

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError, StoreError
from kg.namespaces import PREFIXES
from kg.store import QueryResult, _ox_term, _plain, rdflib_term

TIMEOUT = 600.0  # seconds one request may take: a bulk load of many articles is one request
SCHEMES = ("http://", "https://", "oxigraph+http://", "oxigraph+https://", "fuseki+http://", "fuseki+https://",
           "graphdb+http://", "graphdb+https://")
RESULTS = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
PROLOGUE = " ".join(f"PREFIX {k}: <{v}>" for k, v in PREFIXES.items()) + "\n"


@dataclass(frozen=True)
class Endpoints:
    """Where a server answers queries, updates and graph requests, and how it unites all graphs."""

    query: str
    update: str
    store: str  # the Graph Store Protocol: one graph at a time, named by ?graph=
    dataset: str  # where N-Quads for many graphs may be POSTed at once
    union: dict[str, str]  # parameters that make a query's default graph the union of all graphs


def _oxigraph(base: str) -> Endpoints:
    return Endpoints(base + "/query", base + "/update", base + "/store", base + "/store", {"union-default-graph": ""})


def _fuseki(base: str) -> Endpoints:
    return Endpoints(base + "/query", base + "/update", base + "/data", base + "/data",
                     {"default-graph-uri": "urn:x-arq:UnionGraph"})


def _graphdb(base: str) -> Endpoints:  # GraphDB's default graph already holds every statement
    return Endpoints(base, base + "/statements", base + "/rdf-graphs/service", base + "/statements", {})


SERVERS = {"oxigraph": _oxigraph, "fuseki": _fuseki, "graphdb": _graphdb}


def is_remote(location: object) -> bool:
    """Whether a store location is a SPARQL server's URL."""
    return str(location).lower().startswith(SCHEMES)


def endpoints(location: str) -> Endpoints:
    """The endpoints of `[SERVER+]http(s)://HOST:PORT[/PATH][?query=…&update=…&store=…&dataset=…]`."""
    server, _, url = location.rpartition("+") if "+" in location.split("://")[0] else ("oxigraph", "", location)
    if server not in SERVERS:
        raise StoreError(f"unknown SPARQL server kind {server!r} in {location}; use one of {', '.join(SERVERS)}")
    parts = urlsplit(url)
    if not parts.hostname:
        raise StoreError(f"{location} names no host; write http://HOST:PORT")
    base = f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"
    chosen = SERVERS[server](base)
    given = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    names = ("query", "update", "store", "dataset")
    unknown = sorted(set(given) - set(names))
    if unknown:
        raise StoreError(f"{location}: unknown endpoint option(s) {', '.join(unknown)}; use "
                         + ", ".join(n + "=" for n in names))
    host = f"{parts.scheme}://{parts.netloc}"
    return Endpoints(**{k: host + given[k] if k in given else getattr(chosen, k) for k in names}, union=chosen.union)


class _Http:
    """Requests over kept-alive connections, with errors that name the URL."""

    def __init__(self, timeout: float = TIMEOUT):
        self.timeout = timeout
        self._connections: dict[tuple[str, str], http.client.HTTPConnection] = {}

    def _connection(self, scheme: str, netloc: str) -> http.client.HTTPConnection:
        key = (scheme, netloc)
        if key not in self._connections:
            kind = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
            self._connections[key] = kind(netloc, timeout=self.timeout)
        return self._connections[key]

    def request(self, method: str, url: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, str, bytes]:
        """Status, content type and body of one request; a dropped kept-alive connection is retried once."""
        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        for attempt in (1, 2):
            connection = self._connection(parts.scheme, parts.netloc)
            try:
                connection.request(method, target or "/", body=body, headers=headers or {})
                response = connection.getresponse()
                return response.status, response.getheader("Content-Type", ""), response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as exc:
                connection.close()
                if attempt == 2:
                    raise StoreError(f"the SPARQL server at {url} closed the connection: {exc}") from exc
            except http.client.HTTPException as exc:
                connection.close()
                raise StoreError(f"{url} did not answer in HTTP: {exc!r}") from exc
            except OSError as exc:
                connection.close()
                raise StoreError(f"cannot reach the SPARQL server at {url}: {exc.strerror or exc}. Is it running? "
                                 "(start one with `oxigraph serve --location DIR`)") from exc
        raise AssertionError("unreachable")

    def close(self) -> None:
        for connection in self._connections.values():
            connection.close()
        self._connections.clear()


def _json_term(value: dict) -> Node:
    kind = value.get("type")
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if kind in ("literal", "typed-literal"):
        datatype = value.get("datatype")
        return Literal(value["value"], lang=value.get("xml:lang"), datatype=URIRef(datatype) if datatype else None)
    raise StoreError(f"unexpected term in SPARQL JSON results: {value!r}")


def _ntriples(triples: list[tuple[Node, Node, Node]], graph: URIRef | None = None) -> bytes:
    """Triples as N-Triples (or, with `graph`, N-Quads); blank nodes are refused."""
    for triple in triples:
        if any(isinstance(t, BNode) for t in triple):
            raise StoreError(f"a blank node cannot go to a remote store (mint an IRI): {triple}")
    if graph is None:
        return ox.serialize([ox.Triple(*map(_ox_term, t)) for t in triples], format=ox.RdfFormat.N_TRIPLES)
    g = ox.NamedNode(str(graph))
    return ox.serialize([ox.Quad(*map(_ox_term, t), g) for t in triples], format=ox.RdfFormat.N_QUADS)


def _parse(payload: bytes, fmt: ox.RdfFormat) -> Iterator[tuple[Node, Node, Node]]:
    return ((rdflib_term(q.subject), rdflib_term(q.predicate), rdflib_term(q.object))
            for q in ox.parse(payload, format=fmt))


def _values(bindings: dict[str, Node]) -> str:
    """A trailing VALUES clause that binds variables, as rdflib's SPARQLStore does."""
    names = " ".join("?" + k for k in bindings)
    return f"\nVALUES ({names}) {{ ({' '.join(v.n3() for v in bindings.values())}) }}"


class RemoteStore:
    """The Store protocol of `kg.store` over a SPARQL 1.1 server."""

    def __init__(self, location: str, read_only: bool = False, timeout: float = TIMEOUT):
        self.location, self.read_only = location, read_only
        self.endpoints = endpoints(location)
        self._http = _Http(timeout)
        self._select("ASK {}", union=False)  # a clear error now if the server is not there

    def _send(self, method: str, url: str, body: bytes | None, content_type: str | None,
              accept: str | None = None) -> tuple[int, str, bytes]:
        headers = {k: v for k, v in (("Content-Type", content_type), ("Accept", accept)) if v}
        status, media, payload = self._http.request(method, url, body, headers)
        if status == 400 and url == self.endpoints.query:
            raise QueryError(f"malformed SPARQL (said {url}): {payload.decode('utf-8', 'replace')[:500]}")
        if status >= 400 and not (status == 404 and method in ("GET", "DELETE")):
            raise StoreError(f"{method} {url} answered {status}: {payload.decode('utf-8', 'replace')[:300].strip()}")
        return status, media, payload

    def _write(self, method: str, url: str, body: bytes | None = None, content_type: str | None = None) -> int:
        if self.read_only:
            raise StoreError(f"the store at {self.location} was opened read-only")
        return self._send(method, url, body, content_type)[0]

    def _graph_url(self, graph: URIRef) -> str:
        return f"{self.endpoints.store}?{urlencode({'graph': str(graph)})}"

    def _select(self, sparql: str, union: bool = True) -> QueryResult:
        """The server's answer, with rows of rdflib terms (`query` turns them into plain values)."""
        form = {"query": sparql, **(self.endpoints.union if union else {})}
        url = self.endpoints.query
        _, media, payload = self._send("POST", url, urlencode(form).encode(),
                                       "application/x-www-form-urlencoded", RESULTS)
        media = media.split(";")[0].strip().lower()
        if media in ("application/n-triples", "text/turtle"):
            try:
                return QueryResult([], [], triples=list(_parse(payload, ox.RdfFormat.from_media_type(media))))
            except SyntaxError as exc:
                raise StoreError(f"{url} sent broken {media}: {exc}") from exc
        try:
            answer = json.loads(payload)
            if "boolean" in answer:
                return QueryResult([], [], boolean=bool(answer["boolean"]))
            variables = answer["head"]["vars"]
            rows = [{v: _json_term(b[v]) if v in b else None for v in variables}
                    for b in answer["results"]["bindings"]]
        except (ValueError, KeyError, TypeError) as exc:
            raise StoreError(f"{url} answered with {media or 'no content type'}, not SPARQL results "
                             f"({exc}): {payload[:200]!r}") from exc
        return QueryResult(variables, rows)

    def _update(self, sparql: str) -> None:
        self._write("POST", self.endpoints.update, urlencode({"update": sparql}).encode(),
                    "application/x-www-form-urlencoded")

    def query(self, sparql: str, bindings: dict[str, Node] | None = None) -> QueryResult:
        result = self._select(PROLOGUE + sparql + (_values(bindings) if bindings else ""))
        result.rows = [{v: _plain(t) for v, t in row.items()} for row in result.rows]
        return result

    def replace_graph(self, graph: URIRef, triples: list[tuple[Node, Node, Node]]) -> None:
        self._write("PUT", self._graph_url(graph), _ntriples(triples), "application/n-triples")

    def add(self, graph: URIRef, triples: list[tuple[Node, Node, Node]]) -> None:
        if triples:
            self._write("POST", self._graph_url(graph), _ntriples(triples), "application/n-triples")

    def bulk_load(self, nquads: bytes) -> None:
        """Add N-Quads (many graphs) in one request."""
        if nquads:
            self._write("POST", self.endpoints.dataset, nquads, "application/n-quads")

    def subject_triples(self, graph: URIRef, subject: URIRef) -> Iterator[tuple[Node, Node, Node]]:
        rows = self._select(f"SELECT ?p ?o WHERE {{ GRAPH <{graph}> {{ <{subject}> ?p ?o }} }}", union=False).rows
        return ((subject, r["p"], r["o"]) for r in rows)

    def remove_subject(self, graph: URIRef, subject: URIRef) -> list[Node]:
        """Remove the triples about `subject` in `graph`; return their objects."""
        objects = [o for _, _, o in self.subject_triples(graph, subject)]
        self._update(f"DELETE WHERE {{ GRAPH <{graph}> {{ <{subject}> ?p ?o }} }}")
        return objects

    def graphs_with(self, subject: URIRef | None = None, obj: URIRef | None = None) -> Iterator[URIRef]:
        """The graphs that hold a triple with this subject or object."""
        s = f"<{subject}>" if subject is not None else "?s"
        o = f"<{obj}>" if obj is not None else "?o"
        rows = self._select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {s} ?p {o} }} }}", union=False).rows
        return (r["g"] for r in rows)

    def remove_graph(self, graph: URIRef) -> bool:
        return self._write("DELETE", self._graph_url(graph)) != 404

    def has_graph(self, graph: URIRef) -> bool:
        return bool(self._select(f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", union=False).boolean)

    def triple_count(self) -> int:
        rows = self._select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", union=False).rows
        return int(rows[0]["n"].toPython())

    def named_graphs(self) -> Iterator[URIRef]:
        rows = self._select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", union=False).rows
        return (r["g"] for r in rows)

    def graph_triples(self, graph: URIRef) -> Iterator[tuple[Node, Node, Node]]:
        status, media, payload = self._send("GET", self._graph_url(graph), None, None, "application/n-triples")
        if status == 404:
            return iter(())
        return _parse(payload, ox.RdfFormat.N_TRIPLES)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self._http.close()
