"""Time the ready questions of docs/queries/ on a store, with the most-mentioned person and body.

usage: python bench/ask_corpus.py STORE [RUNS]
Prints the median and worst time of each question (target: median under 100 ms).
"""
import statistics
import sys
import time

from kg import KnowledgeGraph
from kg.ask import ready_queries

TOP_PERSON = """SELECT ?name (COUNT(?a) AS ?n) WHERE { ?a schema:mentions ?p . ?p a kg:Person ; schema:name ?name }
GROUP BY ?name ORDER BY DESC(?n) LIMIT 1"""
TOP_BODY = """SELECT ?name (COUNT(?t) AS ?n) WHERE { ?t org:organization ?o . ?o schema:name ?name }
GROUP BY ?name ORDER BY DESC(?n) LIMIT 1"""


def main(store: str, runs: int) -> None:
    with KnowledgeGraph.open(store, read_only=True) as graph:
        person = graph.sparql(TOP_PERSON).rows[0]["name"]
        body = graph.sparql(TOP_BODY).rows[0]["name"]
        print(f"store {store}: {len(graph):,} triples; person {person!r}, body {body!r}")
        args = {"name": person, "body": body}
        medians = []
        for query in ready_queries().values():
            given = {p.name: args[p.name] for p in query.params if p.name in args}
            times, rows = [], 0
            for _ in range(runs):
                started = time.perf_counter()
                rows = len(graph.ask(query.name, **given).rows)
                times.append((time.perf_counter() - started) * 1000)
            medians.append(statistics.median(times))
            print(f"{query.name:12s} median {medians[-1]:8.1f} ms  worst {max(times):8.1f} ms  rows {rows}")
        print(f"slowest median {max(medians):.1f} ms (target < 100 ms): "
              f"{'met' if max(medians) < 100 else 'NOT met'}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 9)
