"""Stage 3, load: article graphs rendered as N-Quads and bulk-loaded, an article's hash last.

Crash safety: an article's graph and the descriptions of its entities are loaded first, its
`kg:contentHash` triple after them, so a stored hash means a complete article. The ingest state
marks an article pending until its hash is in; a graph about to be replaced or removed first
journals the entities it names, and those are collected (dropped when nothing names them any
more) only at the end, so a crash at any point is repaired by the next run.
"""
from __future__ import annotations

import hashlib
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Iterable, Iterator, Sequence

from rdflib import URIRef

from kg.ingest.extract import worker_pool
from kg.ingest.state import IngestState
from kg.namespaces import ID
from kg.rdf import ALL, ENTITIES, PERSONLESS, PERSONS, article_quads
from kg.records import Extraction
from kg.resolve import PersonResolution, article_iri

BATCH = 2000  # articles per bulk load
QUERY_BATCH = 200  # graphs named in one query
FEW = 2000  # articles to load or remove up to which the store is asked about their graphs alone
TRIPLES = "triples"  # the ingest state's record of the store's triple count, while nothing changes it
ENTITY_PREFIXES = tuple(str(ID[kind]) for kind in ("person/", "org/", "post/", "document/", "place/"))
Persons = dict[str, PersonResolution]


def graph_hash(extraction_hash: str, persons: Persons, fingerprint: str) -> str:
    """The `kg:contentHash` of an article's graph: a digest of its extraction's hash (the article's content and
    the extraction code), of the resolution and RDF code, and of how its persons resolved."""
    resolved = sorted((name, str(r.iri), r.key, r.context, r.reason, r.score, r.features)
                      for name, r in persons.items())
    return hashlib.sha256(repr((extraction_hash, fingerprint, resolved)).encode("utf-8")).hexdigest()[:16]


Task = tuple[Extraction, Persons, str, str]  # an extraction, its persons, its graph's hash, the load run


def render(task: Task, part: str = ALL) -> tuple[bytes, bytes]:
    """One article as N-Quads (its whole graph, or its PERSONS part): its graph and the descriptions of its
    entities that this process has not rendered yet in this run; then its hash alone.

    A description left out went into an earlier task of the run, of this batch or an earlier one, or into
    a graph's part rendered in the map (`render_personless`), and everything loads in order, an article's
    hash after its batch: it is in the store before the hash.
    """
    extraction, persons, content, run = task
    quads = article_quads(extraction, content, persons, _described(run), part)
    return quads.body.encode("utf-8"), quads.last.encode("utf-8")


def render_personless(extraction: Extraction, run: str) -> bytes:
    """The part of a new article's graph that does not depend on how its persons resolve, rendered by the
    worker that extracted it, and loaded while the map goes on (`Background`)."""
    return article_quads(extraction, described=_described(run), part=PERSONLESS).body.encode("utf-8")


_DESCRIBED: tuple[str, set[str]] = ("", set())  # the load run, and the entity lines this process has rendered in it


def _described(run: str) -> set[str]:
    global _DESCRIBED
    if _DESCRIBED[0] != run:
        _DESCRIBED = (run, set())
    return _DESCRIBED[1]


class Background:
    """Bulk loads in a thread of their own, one after the other: Oxigraph's loader releases the GIL, so this
    process goes on (unpacking, resolving, rendering) meanwhile. At most one load runs: asking for the next waits
    for it."""

    def __init__(self, store):
        self.store, self._thread = store, ThreadPoolExecutor(1)
        self._running: Future | None = None

    def load(self, parts: Sequence[bytes]) -> None:
        """Bulk-load these N-Quads in order once the previous load is done."""
        self.wait()
        self._running = self._thread.submit(self._load, parts)

    def _load(self, parts: Sequence[bytes]) -> None:
        for nquads in parts:
            self.store.bulk_load(nquads)
        self.store.flush()

    def wait(self) -> None:
        """Until every load asked is in the store (a failed one raises here)."""
        if self._running:
            future, self._running = self._running, None
            future.result()

    def __enter__(self) -> "Background":
        return self

    def __exit__(self, *failure) -> None:
        try:
            if not failure[0]:
                self.wait()
        finally:
            self._thread.shutdown()


def _values(graphs: list) -> Iterator[str]:
    """The graphs as the terms of SPARQL VALUES clauses, QUERY_BATCH at a time."""
    for start in range(0, len(graphs), QUERY_BATCH):
        yield " ".join(f"<{g}>" for g in graphs[start:start + QUERY_BATCH])


def stored_hashes(store, graphs: list[str] | None = None) -> dict[str, str]:
    """{article graph IRI: its content hash} of the complete articles in the store (of these graphs, if given)."""
    found = {}
    for values in _values(graphs) if graphs is not None else [None]:
        among = f"VALUES ?g {{ {values} }} " if values is not None else ""
        found.update((r["g"], r["h"]) for r in store.query(
            f"SELECT ?g ?h WHERE {{ {among}GRAPH ?g {{ ?g kg:contentHash ?h }} }}").rows)
    return found


def graphs_in_store(store, articles: list[str]) -> set[str]:
    """The graphs of these articles that the store holds (and, for many articles, every other graph in it):
    asked about those graphs alone, or for many articles, read off the store's list of graphs."""
    if len(articles) > FEW:
        return {str(g) for g in store.named_graphs()}
    graphs = [str(article_iri(a)) for a in articles]
    return {r["g"] for values in _values(graphs) for r in store.query(
        f"SELECT DISTINCT ?g WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}").rows}


def in_store(store, articles: list[str]) -> tuple[set[str], dict[str, str]]:
    """The graphs of these articles that the store holds (`graphs_in_store`), and the content hashes of the
    complete ones."""
    existing = graphs_in_store(store, articles)
    if len(articles) > FEW:
        return existing, stored_hashes(store) if existing else {}
    return existing, stored_hashes(store, [g for g in (str(article_iri(a)) for a in articles) if g in existing])


def references(store, graphs: list[URIRef]) -> set[URIRef]:
    """The entities these article graphs link to (one query per batch of graphs)."""
    found = set()
    for values in _values(graphs):
        rows = store.query(f"SELECT DISTINCT ?e WHERE {{ VALUES ?g {{ {values} }} "
                           f"GRAPH ?g {{ {{ ?e ?p ?o }} UNION {{ ?s ?p ?e }} }} FILTER(isIRI(?e)) }}").rows
        found.update(URIRef(r["e"]) for r in rows if r["e"].startswith(ENTITY_PREFIXES))
    return found


def _referenced(store, entity: URIRef) -> bool:
    """Whether an article, or another entity, still links to `entity`."""
    return next(store.graphs_with(obj=entity), None) is not None or any(
        g != ENTITIES for g in store.graphs_with(subject=entity))


def collect(store, candidates: Iterable[URIRef]) -> None:
    """Drop the descriptions of entities that no article names any more, and then of their parents."""
    pending = list(candidates)
    while pending:
        entity = pending.pop()
        if not _referenced(store, entity):
            pending.extend(o for o in store.remove_subject(ENTITIES, entity)
                           if isinstance(o, URIRef) and str(o).startswith(ENTITY_PREFIXES))


def _unhook(store, state: IngestState, graphs: Iterable[URIRef]) -> None:
    """Journal the entities these graphs name, then remove the graphs."""
    graphs = list(graphs)
    with state.transaction():
        state.add_orphans(references(store, graphs))
    for g in graphs:
        store.remove_graph(g)


def _tasks(state: IngestState, batch: list[tuple[str, str]], extractions: dict[str, Extraction],
           resolved: dict[tuple[str, str], PersonResolution], stored: dict[str, str], fingerprint: str,
           run: str) -> list[Task]:
    """What to render of these pending articles: those whose graph in the store is not the one they should have.

    Resolutions come from `resolved` (this run's), else from the state (an earlier run's).
    """
    missing = state.cached(h for a, h in batch if a not in extractions)
    found = {a: extractions.get(a) or missing[h] for a, h in batch}
    earlier = state.resolutions(a for a, e in found.items() if any((a, p.name) not in resolved for p in e.persons))
    tasks = []
    for article_id, extraction_hash in batch:
        extraction = found[article_id]
        persons = {p.name: resolved.get((article_id, p.name)) or earlier[article_id, p.name]
                   for p in extraction.persons}
        content = graph_hash(extraction_hash, persons, fingerprint)
        if not stored or stored.get(str(article_iri(article_id))) != content:  # a new store has no graph to compare
            tasks.append((extraction, persons, content, run))
    return tasks


def _write(store, state: IngestState, batch: list[tuple[str, str]], rendered: Iterable[tuple[bytes, bytes]]) -> None:
    """Bulk-load a batch's rendered graphs, their hashes after them; then mark the batch loaded."""
    rendered = list(rendered)
    if rendered:
        store.bulk_load(b"".join(body for body, _ in rendered))
        store.bulk_load(b"".join(last for _, last in rendered))
        store.flush()
    _loaded(state, batch)


class Finisher:
    """The graphs begun in the map (`render_personless`), finished: once an article's persons are resolved,
    this process renders its PERSONS part (no extraction pickled to workers again), and `loader` loads it,
    and then the article's hash, in the background."""

    def __init__(self, state: IngestState, begun: dict[str, str], extractions: dict[str, Extraction],
                 fingerprint: str, run: str, loader: Background):
        self.state, self.begun, self.extractions = state, dict(begun), extractions
        self.fingerprint, self.run, self.loader = fingerprint, run, loader
        self.finished: list[tuple[str, str]] = []  # (article id, extraction hash)

    def __call__(self, articles: Iterable[str], resolved: dict[tuple[str, str], PersonResolution]) -> None:
        """Finish the graphs of these articles (those begun and not finished yet), their persons as `resolved`."""
        batch = [(a, self.begun.pop(a)) for a in articles if a in self.begun]
        if batch:
            tasks = _tasks(self.state, batch, self.extractions, resolved, {}, self.fingerprint, self.run)
            rendered = [render(t, PERSONS) for t in tasks]
            self.loader.load([b"".join(body for body, _ in rendered), b"".join(last for _, last in rendered)])
            self.finished.extend(batch)

    def close(self, resolved: dict[tuple[str, str], PersonResolution]) -> list[tuple[str, str]]:
        """Finish the rest (an article that names no person is in no name block), and wait till everything is
        in the store; the graphs finished."""
        rest = sorted(self.begun)
        for start in range(0, len(rest), BATCH):
            self(rest[start:start + BATCH], resolved)
        self.loader.wait()
        return self.finished


def load(store, state: IngestState, extractions: dict[str, Extraction], fingerprint: str, workers: int = 1,
         resolved: dict[tuple[str, str], PersonResolution] | None = None, run: str = "",
         finisher: Finisher | None = None) -> int:
    """Bring the store to what the state says: remove doomed graphs, load pending ones; the graphs written.

    The graphs begun in the map are finished first (`finisher`): then every part this process rendered
    (in the map, with this `run`) is in the store, before any hash below, as `render` needs. For the other
    pending graphs, the workers render one batch while this process bulk-loads the one before.
    """
    finished = finisher.close(resolved or {}) if finisher else []
    if finished:
        _loaded(state, finished)
    pending, doomed = state.pending(), state.doomed()
    if pending or doomed:  # the store changes: its triples are counted again after the run
        with state.transaction():
            state.drop_meta(TRIPLES)
    existing, stored = in_store(store, [a for a, _ in pending] + doomed) if pending or doomed else (set(), {})
    _unhook(store, state, (article_iri(d) for d in doomed if str(article_iri(d)) in existing))
    written, previous, run = len(finished), None, run or uuid.uuid4().hex
    with worker_pool(min(workers, len(pending))) as imap:
        for start in range(0, len(pending), BATCH):
            batch = pending[start:start + BATCH]
            tasks = _tasks(state, batch, extractions, resolved or {}, stored, fingerprint, run)
            if existing:
                _unhook(store, state, (g for g in (article_iri(t[0].article.id) for t in tasks) if str(g) in existing))
            rendering = imap(render, tasks)
            if previous:
                _write(store, state, *previous)
            previous, written = (batch, rendering), written + len(tasks)
        if previous:
            _write(store, state, *previous)
    collect(store, state.orphans())
    store.flush()
    with state.transaction():
        state.collected(doomed)
    return written


def _loaded(state: IngestState, batch: list[tuple[str, str]]) -> None:
    with state.transaction():
        state.loaded(a for a, _ in batch)
