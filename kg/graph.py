"""`KnowledgeGraph`: the library's front door, from articles to answers.

>>> kg = KnowledgeGraph.open("memory")
>>> summary = kg.ingest(["data/articles"])
>>> rows = kg.sparql("SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name")
>>> [r["name"] for r in rows]
['Nguyễn Hồng Sơn', 'Trần Lưu Quang', 'Trần Tuấn Anh']
"""
from __future__ import annotations

import hashlib
import time
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.articles import content_hash, read_articles
from kg.errors import InputError
from kg.extract import extract
from kg.gazetteer import data_dir
from kg.namespaces import ID, KG
from kg.rdf import ENTITIES, extraction_graph, resolve_persons
from kg.records import Article, Extraction
from kg.resolve import article_iri
from kg.store import QueryResult, open_store

BATCH_FLUSH = 500
ENTITY_PREFIXES = tuple(str(ID[kind]) for kind in ("person/", "org/", "post/", "document/", "place/"))



@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """A digest of the code and gazetteers: an article is re-extracted when either changes."""
    digest = hashlib.sha256()
    files = sorted(Path(__file__).parent.rglob("*.py")) + sorted(data_dir().rglob("*.t[sx][vt]"))
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]  # articles between flushes of the on-disk store


@dataclass
class IngestSummary:
    articles: int = 0  # read and stored (new or changed)
    unchanged: int = 0  # already stored with the same content
    skipped: int = 0  # could not be read
    problems: list[InputError] = field(default_factory=list)
    triples: int = 0  # in the store afterwards
    seconds: float = 0.0


class KnowledgeGraph:
    """A store of articles' named graphs, with SPARQL, NetworkX views and HTML on top."""

    def __init__(self, store, location: str):
        self.store, self.location = store, location

    @classmethod
    def open(cls, location: str | Path = "kg-store", read_only: bool = False) -> "KnowledgeGraph":
        """Open (or create) the store at `location`; `"memory"` keeps it in memory."""
        return cls(open_store(location, read_only=read_only), str(location))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _stored_hash(self, article: Article) -> str | None:
        graph = article_iri(article.id)
        if not self.store.has_graph(graph):
            return None
        rows = self.store.query(f"SELECT ?h WHERE {{ GRAPH <{graph}> {{ <{graph}> <{KG.contentHash}> ?h }} }}").rows
        return rows[0]["h"] if rows else None

    def _known_contexts(self, key: str) -> list[str]:
        """The place contexts of the persons already stored under this folded name."""
        rows = self.store.query(
            f"SELECT DISTINCT ?c WHERE {{ ?p kg:nameKey {Literal(key).n3()} ; kg:placeContext ?c }}").rows
        return [r["c"] for r in rows]

    def add_article(self, article: Article) -> bool:
        """Extract one article and store its graph; False if it was already stored unchanged."""
        if self._stored_hash(article) == content_hash(article, pipeline_fingerprint()):
            return False
        self.add_extraction(extract(article))
        return True

    def add_extraction(self, extraction: Extraction) -> None:
        """Store what was extracted from an article, replacing what the article said before."""
        persons = resolve_persons(extraction, self._known_contexts)
        graph = extraction_graph(extraction, pipeline_fingerprint(), persons)
        replaced = self._references(graph.iri) if self.store.has_graph(graph.iri) else set()
        self.store.replace_graph(graph.iri, graph.facts)
        self.store.add(ENTITIES, graph.entities)
        self._collect(replaced)

    def _references(self, graph: URIRef) -> set[URIRef]:
        """The entities an article's graph links to."""
        return {t for triple in self.store.graph_triples(graph) for t in triple[::2]
                if isinstance(t, URIRef) and str(t).startswith(ENTITY_PREFIXES)}

    def _referenced(self, entity: URIRef) -> bool:
        """Whether an article, or another entity, still links to `entity`."""
        return next(self.store.graphs_with(obj=entity), None) is not None or any(
            g != ENTITIES for g in self.store.graphs_with(subject=entity))

    def _collect(self, candidates: set[URIRef]) -> None:
        """Drop the descriptions of entities that no article names any more, and then of their parents."""
        pending = list(candidates)
        while pending:
            entity = pending.pop()
            if self._referenced(entity):
                continue
            pending.extend(o for o in self.store.remove_subject(ENTITIES, entity)
                           if isinstance(o, URIRef) and str(o).startswith(ENTITY_PREFIXES))

    def ingest(self, paths: Iterable[str | Path],
               progress: Callable[[Article | InputError], None] | None = None) -> IngestSummary:
        """Read every article under `paths` into the store; unreadable input is counted and skipped."""
        summary, started = IngestSummary(), time.perf_counter()
        for item in read_articles(paths):
            if isinstance(item, InputError):
                summary.skipped += 1
                summary.problems.append(item)
            elif self.add_article(item):
                summary.articles += 1
                if summary.articles % BATCH_FLUSH == 0:
                    self.store.flush()
            else:
                summary.unchanged += 1
            if progress:
                progress(item)
        self.store.flush()
        summary.triples = self.store.triple_count()
        summary.seconds = time.perf_counter() - started
        return summary

    def remove(self, article_id: str) -> bool:
        """Take an article out of the store, with every entity that only it named."""
        graph = article_iri(article_id)
        if not self.store.has_graph(graph):
            return False
        references = self._references(graph)
        self.store.remove_graph(graph)
        self._collect(references)
        return True

    def sparql(self, query: str, bindings: dict | None = None) -> QueryResult:
        """Run SPARQL over the union of all articles' graphs; the common prefixes are declared.

        `bindings` gives values to variables (strings become literals), never pasted into the text.
        Oxigraph binds only variables the query projects, so project the ones you bind.
        """
        terms = {k: v if isinstance(v, Node) else Literal(v) for k, v in (bindings or {}).items()}
        return self.store.query(query, terms)

    def ask(self, question: str, **args: str) -> QueryResult:
        """Run a ready question of `docs/queries/` (see `kg.ask`), such as `ask("positions", name="…")`."""
        from kg.ask import ask
        return ask(self, question, **args)

    def __len__(self) -> int:
        return self.store.triple_count()

    def view(self, name: str, **filters) -> nx.Graph:
        """A NetworkX view: `membership`, `co_attendance`, `hierarchy` or `full` (see `kg.views`).

        `filters`: `since` and `until` (ISO dates), `body` (a body's name: it and the bodies under it).
        """
        from kg import views
        return views.build(self, name, **filters)

    def export(self, name: str, path: str | Path, fmt: str = "graphml", **filters) -> Path:
        """Write a view to `path` as `graphml`, `gexf`, `json` or `csv` (see `kg.views.export`)."""
        from kg import views
        return views.export(self.view(name, **filters), path, fmt)

    def visualize(self, out: str | Path, **selection) -> Path:
        """Write the interactive HTML page of the graph to `out`.

        `selection` takes the fields of `kg.viz.Selection`: focus, depth, types, since, until, limit.
        """
        from kg import viz
        return viz.write_html(self, out, viz.Selection(**selection))

    def validate(self):
        """Check the graph against the SHACL shapes; returns a `kg.validate.Report`."""
        from kg.validate import validate_store
        return validate_store(self.store)
