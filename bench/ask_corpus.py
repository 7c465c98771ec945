"""Time the ready questions of docs/queries/ on a store.

usage: python bench/ask_corpus.py STORE [SAMPLE]
Each question runs for SAMPLE persons or bodies drawn evenly from those holding or
having posts (a fixed pseudo-random order), then for the busiest one. Prints the median
and worst times (target: median under 100 ms).
"""
import statistics
import sys
import time

from kg import KnowledgeGraph
from kg.ask import ready_queries

SAMPLE_PERSONS = """SELECT DISTINCT ?name WHERE { ?t org:member ?p . ?p schema:name ?name }
ORDER BY MD5(?name) LIMIT SAMPLE"""
SAMPLE_BODIES = """SELECT DISTINCT ?name WHERE { ?t org:organization ?o . ?o schema:name ?name }
ORDER BY MD5(?name) LIMIT SAMPLE"""
BUSIEST_PERSON = """SELECT ?name (COUNT(?a) AS ?n) WHERE { ?a schema:mentions ?p . ?p a kg:Person ; schema:name ?name }
GROUP BY ?name ORDER BY DESC(?n) LIMIT 1"""
BUSIEST_BODY = """SELECT ?name (COUNT(?t) AS ?n) WHERE { ?t org:organization ?o . ?o schema:name ?name }
GROUP BY ?name ORDER BY DESC(?n) LIMIT 1"""


def _time(graph, question: str, args: dict) -> float:
    started = time.perf_counter()
    graph.ask(question, **args)
    return (time.perf_counter() - started) * 1000


def main(store: str, sample: int) -> None:
    with KnowledgeGraph.open(store, read_only=True) as graph:
        people = [r["name"] for r in graph.sparql(SAMPLE_PERSONS.replace("SAMPLE", str(sample))).rows]
        bodies = [r["name"] for r in graph.sparql(SAMPLE_BODIES.replace("SAMPLE", str(sample))).rows]
        busiest = {"name": graph.sparql(BUSIEST_PERSON).rows[0]["name"],
                   "body": graph.sparql(BUSIEST_BODY).rows[0]["name"]}
        print(f"store {store}: {len(graph):,} triples; {len(people)} persons and {len(bodies)} bodies sampled; "
              f"busiest {busiest['name']!r} and {busiest['body']!r}")
        medians = []
        for query in ready_queries().values():
            param = next(p.name for p in query.params if not p.optional)
            values = people if param == "name" else bodies
            times = [_time(graph, query.name, {param: v}) for v in values for _ in range(3)]
            worst_case = _time(graph, query.name, {param: busiest[param]})
            medians.append(statistics.median(times))
            print(f"{query.name:12s} median {medians[-1]:7.1f} ms  90th {statistics.quantiles(times, n=10)[-1]:7.1f} ms"
                  f"  busiest {worst_case:8.1f} ms")
        print(f"slowest median {max(medians):.1f} ms (target < 100 ms): {'met' if max(medians) < 100 else 'NOT met'}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 30)
