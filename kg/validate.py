"""SHACL validation of the graph against `ontology/shapes.ttl`."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Graph

from kg.errors import DataError


def ontology_dir() -> Path:
    path = Path(__file__).resolve().parent.parent / "ontology"
    if not path.is_dir():
        raise DataError(f"ontology folder {path} not found; install kg from its repository (pip install -e .)")
    return path


@dataclass
class Report:
    conforms: bool
    text: str
    triples: int


def validate(data: Graph) -> Report:
    """Validate `data` against the shapes, with the ontology for class hierarchy."""
    shapes = Graph().parse(ontology_dir() / "shapes.ttl")
    ontology = Graph().parse(ontology_dir() / "kg.ttl")
    conforms, _, text = shacl_validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                       allow_warnings=True)
    return Report(bool(conforms), text, len(data))
