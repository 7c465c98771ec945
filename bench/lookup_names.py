"""Time name lookups (kg/lookup.py) on a store: as stored, without diacritics, and unknown (with suggestions).

    python bench/lookup_names.py STORE [SAMPLE]

Samples SAMPLE persons and bodies from the store and prints the median and worst time of
each kind of lookup; a found name should cost milliseconds whatever the store's size.
"""
from __future__ import annotations

import random
import statistics
import sys
import time

from kg import KnowledgeGraph
from kg.lookup import UnknownName, find, require
from kg.normalize import fold

NAMES = "SELECT ?name WHERE { ?n a ?type ; schema:name ?name . VALUES ?type { kg:Person kg:Organisation } }"


def _timed(function, *args) -> float:
    started = time.perf_counter()
    try:
        function(*args)
    except UnknownName:
        pass
    return (time.perf_counter() - started) * 1000


def main(store: str, sample: int = 30) -> None:
    with KnowledgeGraph.open(store, read_only=True) as graph:
        names = [r["name"] for r in graph.sparql(NAMES)]
        random.seed(1)
        picked = random.sample(names, min(sample, len(names)))
        plain = [fold(name, marks=False) for name in picked]
        runs = {
            "as stored": [_timed(find, graph, n) for n in picked],
            "without diacritics": [_timed(find, graph, n) for n in plain],
            "unknown (suggestions)": [_timed(require, graph, n + " Zzz") for n in picked[:10]],
        }
    print(f"{len(names):,} names in {store}")
    for what, times in runs.items():
        print(f"{what:>22}: median {statistics.median(times):7.1f} ms, worst {max(times):7.1f} ms")


if __name__ == "__main__":
    main(sys.argv[1], *(int(a) for a in sys.argv[2:]))
