"""The whole graph as N-Quads files, for bulk loaders (`oxigraph load`, Jena `tdb2.tdbloader`, QLever).

Each named graph goes whole into one of `shards` files, chosen by a hash of its IRI, so
the same store always gives the same files and loaders can take the shards in parallel.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from kg.errors import StoreError
from kg.store import _ox_term

SHARD_NAME = "part-{:05d}.nq"


def shard_of(graph: URIRef, shards: int) -> int:
    """The shard a graph goes to: stable across runs and machines."""
    return int.from_bytes(hashlib.sha1(str(graph).encode("utf-8")).digest()[:8], "big") % shards


def write_nquads(store, directory: str | Path, shards: int = 1) -> tuple[list[Path], int]:
    """Write every named graph of `store` under `directory`; return the files and the number of quads.

    Files `part-NNNNN.nq` left there by an earlier export with more shards are removed.
    """
    if shards < 1:
        raise StoreError(f"--shards must be at least 1, not {shards}")
    folder = Path(directory)
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder} is a file; give a folder for the N-Quads shards")
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / SHARD_NAME.format(i) for i in range(shards)]
    partial = [path.with_suffix(".nq.partial") for path in paths]
    files = [open(path, "wb") for path in partial]
    count = 0
    try:
        for graph in sorted(store.named_graphs()):
            name = ox.NamedNode(str(graph))
            quads = [ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o), name) for s, p, o in store.graph_triples(graph)]
            ox.serialize(quads, files[shard_of(graph, shards)], format=ox.RdfFormat.N_QUADS)
            count += len(quads)
    finally:
        for file in files:
            file.close()
    for temporary, path in zip(partial, paths, strict=True):
        temporary.replace(path)
    for stale in set(folder.glob("part-[0-9][0-9][0-9][0-9][0-9].nq")) - set(paths):
        stale.unlink()
    return paths, count
