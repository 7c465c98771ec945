"""`KnowledgeGraph`: the library's front door, from articles to answers.

>>> kg = KnowledgeGraph.open("memory")
>>> summary = kg.ingest(["data/articles"])
>>> rows = kg.sparql("SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name")
>>> [r["name"] for r in rows]
['Nguyễn Hồng Sơn', 'Trần Lưu Quang', 'Trần Tuấn Anh']
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

import networkx as nx
from rdflib import Literal
from rdflib.term import Node

from kg import ingest as pipeline
from kg.errors import InputError
from kg.ingest import IngestSummary
from kg.ingest.state import FILE_NAME, IngestState
from kg.records import Article, Extraction
from kg.store import OxigraphStore, QueryResult, open_store

__all__ = ["KnowledgeGraph", "IngestSummary"]


class KnowledgeGraph:
    """A store of articles' named graphs, with SPARQL, NetworkX views and HTML on top."""

    def __init__(self, store, location: str):
        self.store, self.location = store, location
        self._state: IngestState | None = None

    @classmethod
    def open(cls, location: str | Path = "kg-store", read_only: bool = False) -> "KnowledgeGraph":
        """Open (or create) the store at `location`; `"memory"` keeps it in memory."""
        return cls(open_store(location, read_only=read_only), str(location))

    @property
    def state(self) -> IngestState:
        """The ingest state: beside an on-disk store's data, in memory for other stores."""
        if self._state is None:
            on_disk = isinstance(self.store, OxigraphStore)
            self._state = IngestState(Path(self.location) / FILE_NAME if on_disk else None)
        return self._state

    def close(self) -> None:
        if self._state is not None:
            self._state.close()
        self.store.close()

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def ingest(self, paths: Iterable[str | Path],
               progress: Callable[[Article | InputError], None] | None = None,
               workers: int | None = None, dask: str | None = None) -> IngestSummary:
        """Read every article under `paths` into the store; unreadable input is counted and skipped.

        Extraction runs in `workers` processes (default: one per core; 1: in this process), or on
        Dask (`dask="local"` or a scheduler address). See `kg.ingest`.
        """
        return pipeline.run(self.store, self.state, paths, progress, workers, dask)

    def add_extraction(self, extraction: Extraction) -> None:
        """Store what was extracted from an article, replacing what the article said before."""
        pipeline.add_extraction(self.store, self.state, extraction)

    def remove(self, article_id: str) -> bool:
        """Take an article out of the store, with every entity that only it named."""
        return pipeline.remove(self.store, self.state, article_id)

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
