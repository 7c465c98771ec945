"""SHACL validation of the graph against `ontology/shapes.ttl`.

Every article's named graph types the nodes it links to, so the store is checked a
batch of articles at a time: the same verdict as checking the whole union, in bounded memory.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Graph

from kg.errors import DataError


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
    triples: int


@lru_cache(maxsize=1)
def _shapes() -> tuple[Graph, Graph]:
    return Graph().parse(ontology_dir() / "shapes.ttl"), Graph().parse(ontology_dir() / "kg.ttl")


def validate(data: Graph) -> Report:
    """Validate `data` against the shapes, with the ontology for class hierarchy."""
    shapes, ontology = _shapes()
    conforms, _, text = shacl_validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                       allow_warnings=True)
    return Report(bool(conforms), text, len(data))


def _batches(store, size: int) -> Iterator[Graph]:
    batch, count = Graph(), 0
    for graph in store.named_graphs():
        for triple in store.graph_triples(graph):
            batch.add(triple)
        count += 1
        if count == size:
            yield batch
            batch, count = Graph(), 0
    if count:
        yield batch


def validate_store(store, batch_size: int = GRAPHS_PER_BATCH) -> Report:
    """Validate every article's graph in the store, a batch of articles at a time."""
    reports = [validate(batch) for batch in _batches(store, batch_size)]
    failed = [r.text for r in reports if not r.conforms]
    return Report(not failed, "\n".join(failed), sum(r.triples for r in reports))
