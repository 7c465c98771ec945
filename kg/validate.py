"""SHACL validation of the graph against `ontology/shapes.ttl`.

Every article's named graph types the nodes it links to, so the store is checked a
batch of articles at a time: the same verdict as checking the whole union, in bounded memory.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Graph, URIRef

from kg.errors import DataError
from kg.namespaces import ID
from kg.rdf import ENTITIES


def ontology_dir() -> Path:
    path = Path(__file__).resolve().parent.parent / "ontology"
    if not path.is_dir():
        raise DataError(f"ontology folder {path} not found; install kg from its repository (pip install -e .)")
    return path


GRAPHS_PER_BATCH = 2000


@dataclass
class Report:
    conforms: bool
    text: str
    triples: int  # in what was checked: for a store, its whole count, as `kg stats` gives it
    graphs: int = 0  # article graphs checked, each with the descriptions of the entities it names


@lru_cache(maxsize=1)
def _shapes() -> tuple[Graph, Graph]:
    return Graph().parse(ontology_dir() / "shapes.ttl"), Graph().parse(ontology_dir() / "kg.ttl")


def validate(data: Graph) -> Report:
    """Validate `data` against the shapes, with the ontology for class hierarchy."""
    shapes, ontology = _shapes()
    conforms, _, text = shacl_validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                       allow_warnings=True)
    return Report(bool(conforms), text, len(data))


def _describe(store, batch: Graph, entities: set[URIRef]) -> None:
    """Add the descriptions of `entities` and of the entities they name (parents, bodies of posts)."""
    pending, seen = list(entities), set()
    while pending:
        entity = pending.pop()
        if entity in seen:
            continue
        seen.add(entity)
        for triple in store.subject_triples(ENTITIES, entity):
            batch.add(triple)
            if isinstance(triple[2], URIRef) and triple[2].startswith(str(ID)):
                pending.append(triple[2])


def _batches(store, size: int) -> Iterator[tuple[Graph, int]]:
    batch, count, named = Graph(), 0, set()
    for graph in store.named_graphs():
        if graph == ENTITIES:
            continue
        for triple in store.graph_triples(graph):
            batch.add(triple)
            named.update(t for t in triple[::2] if isinstance(t, URIRef))
        count += 1
        if count == size:
            _describe(store, batch, named)
            yield batch, count
            batch, count, named = Graph(), 0, set()
    if count:
        _describe(store, batch, named)
        yield batch, count


def validate_store(store, batch_size: int = GRAPHS_PER_BATCH,
                   progress: Callable[..., None] | None = None) -> Report:
    """Validate every article's graph in the store, a batch of articles at a time.

    `progress(steps=n)` is told of each batch of n article graphs checked.
    """
    failed, graphs = [], 0
    for batch, count in _batches(store, batch_size):
        report = validate(batch)
        if not report.conforms:
            failed.append(report.text)
        graphs += count
        if progress:
            progress(steps=count)
    return Report(not failed, "\n".join(failed), store.triple_count(), graphs)
