"""Load on `kg serve`: clients asking ready questions, alone and beside runaway queries.

usage: python bench/server_load.py [--store DIR | --articles N] [--clients 50] [--runaways 2]
                                   [--seconds 20] [--timeout 10] [--workers 2] [--skip Q,…]
Without --store, the first N articles of the corpus (default 2,000) are ingested into a
temporary store first. The server runs on a free loopback port. Phase 1: the clients
alone; phase 2: the clients plus the runaway queries (each runs until the timeout).
Prints requests/s, latency percentiles and statuses in each phase, p99 per question, and
the p99 of the cheap questions (median alone under CHEAP_MS; target: under 500 ms with
the runaways), and what became of the runaways.
"""
from __future__ import annotations

import argparse
import asyncio
import collections
import gzip
import itertools
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from kg import KnowledgeGraph
from kg.ask import bindings, bound_text, ready_queries
from kg.errors import QueryError

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"
CHEAP_MS = 50  # a question whose median alone is under this is a cheap one
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
SAMPLE = {"name": """SELECT DISTINCT ?v WHERE { ?t org:member ?p . ?p schema:name ?v } ORDER BY MD5(?v) LIMIT 12""",
          "body": """SELECT DISTINCT ?v WHERE { ?t org:organization ?o . ?o schema:name ?v } ORDER BY MD5(?v) LIMIT 12"""}


def build_store(articles: int, folder: Path) -> Path:
    """Ingest the corpus's first `articles` articles into a new store under `folder`."""
    sample = folder / "sample.jsonl"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as corpus, open(sample, "w", encoding="utf-8") as out:
        out.writelines(itertools.islice(corpus, articles))
    started = time.perf_counter()
    with KnowledgeGraph.open(folder / "store") as graph:
        summary = graph.ingest([sample])
    print(f"built a store of {summary.articles:,} articles, {summary.triples:,} triples "
          f"in {time.perf_counter() - started:.0f} s")
    return folder / "store"


def ready_requests(store: Path, skip: set[str]) -> list[tuple[str, str]]:
    """The ready questions (name, text) not in `skip`, each asked about a dozen persons or bodies of the store."""
    texts = []
    with KnowledgeGraph.open(store, read_only=True) as graph:
        values = {param: [r["v"] for r in graph.sparql(q).rows] for param, q in SAMPLE.items()}
        for query in (q for q in ready_queries().values() if q.name not in skip):
            param = next(p.name for p in query.params if not p.optional)
            for value in values[param]:
                try:
                    texts.append((query.name, bound_text(query, bindings(graph, query, {param: value}))))
                except QueryError as exc:  # a name the lookup does not take: ask about the others
                    print(f"skipped {query.name} {value!r}: {exc}")
    return texts


def alone(store: Path, texts: list[tuple[str, str]]) -> dict[str, float]:
    """Median ms of each question run alone in this process: above CHEAP_MS it is not a cheap question."""
    times = collections.defaultdict(list)
    with KnowledgeGraph.open(store, read_only=True) as graph:
        for name, text in texts:
            started = time.perf_counter()
            graph.sparql(text)
            times[name].append((time.perf_counter() - started) * 1000)
    return {name: statistics.median(t) for name, t in times.items()}


def p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98] if len(values) > 1 else values[0]


class Connection:
    """One kept-alive HTTP/1.1 connection, as lean as a client can be (httpx would cost the
    client more CPU than the server spends on a cheap query, on the same two cores)."""

    def __init__(self, port: int):
        self.port, self.reader, self.writer = port, None, None

    async def post(self, body: bytes) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        self.writer.write(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                          b"Accept: application/sparql-results+json\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
        head = await self.reader.readuntil(b"\r\n\r\n")
        length = next(int(line.split(b":")[1]) for line in head.lower().split(b"\r\n")
                      if line.startswith(b"content-length:"))
        await self.reader.readexactly(length)
        return int(head.split(b" ", 2)[1])


async def cheap_client(port: int, texts: list[tuple[str, bytes]], start: int, until: float,
                       latencies: dict[str, list[float]], statuses: collections.Counter) -> None:
    connection = Connection(port)
    for i in itertools.count(start):
        if time.monotonic() >= until:
            return
        name, body = texts[i % len(texts)]
        started = time.perf_counter()
        statuses[await connection.post(body)] += 1
        latencies[name].append((time.perf_counter() - started) * 1000)


async def runaway_client(port: int, until: float, outcomes: collections.Counter) -> None:
    connection = Connection(port)
    while time.monotonic() < until:
        started = time.perf_counter()
        status = await connection.post(RUNAWAY.encode())
        outcomes[f"{status} after {time.perf_counter() - started:.0f} s"] += 1


async def phase(port: int, texts: list[tuple[str, bytes]], clients: int, runaways: int, seconds: float,
                cheap: set[str]) -> None:
    by_question: dict[str, list[float]] = collections.defaultdict(list)
    statuses: collections.Counter = collections.Counter()
    outcomes: collections.Counter = collections.Counter()
    lead = 1.0 if runaways else 0.0  # the runaways are running before the clients start
    background = [asyncio.ensure_future(runaway_client(port, time.monotonic() + seconds + lead, outcomes))
                  for _ in range(runaways)]
    await asyncio.sleep(lead)
    started = time.monotonic()
    await asyncio.gather(*(cheap_client(port, texts, i * 7, started + seconds, by_question, statuses)
                           for i in range(clients)))
    elapsed = time.monotonic() - started
    await asyncio.gather(*background)
    latencies = [ms for values in by_question.values() for ms in values]
    cuts = statistics.quantiles(latencies, n=100)
    print(f"{clients} clients + {runaways} runaways: {len(latencies):,} requests in {elapsed:.1f} s = "
          f"{len(latencies) / elapsed:,.0f}/s; p50 {cuts[49]:.0f} ms, p95 {cuts[94]:.0f} ms, p99 {cuts[98]:.0f} ms, "
          f"max {max(latencies):.0f} ms; statuses {dict(statuses)}"
          + (f"; runaways {dict(outcomes)}" if runaways else ""))
    print("  p99 by question: " + ", ".join(f"{n} {p99(v):.0f} ms" for n, v in sorted(by_question.items())))
    cheap_p99 = p99([ms for n, values in by_question.items() if n in cheap for ms in values])
    print(f"  cheap questions ({', '.join(sorted(cheap))}): p99 {cheap_p99:.0f} ms (target < 500 ms): "
          f"{'met' if cheap_p99 < 500 else 'NOT met'}")


def serve(store: Path, port: int, timeout: float, workers: int) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, "-c", "from kg.cli import run; run()", "serve", "--store", str(store),
                               "--port", str(port), "--timeout", str(timeout), "--workers", str(workers)],
                              stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("kg serve did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--runaways", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--timeout", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip", default="", help="Ready questions to leave out, comma-separated.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = args.store or build_store(args.articles, Path(folder))
        texts = ready_requests(store, set(filter(None, args.skip.split(","))))
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = serve(store, port, args.timeout, args.workers)
        try:
            medians = alone(store, texts)
            cheap = {name for name, ms in medians.items() if ms < CHEAP_MS}
            print(f"{len(texts)} ready-question requests; alone, median ms: "
                  + ", ".join(f"{n} {ms:.1f}" for n, ms in sorted(medians.items()))
                  + f"; kg serve --workers {args.workers} --timeout {args.timeout:g}")
            bodies = [(name, text.encode("utf-8")) for name, text in texts]
            asyncio.run(phase(port, bodies, args.clients, 0, args.seconds, cheap))
            asyncio.run(phase(port, bodies, args.clients, args.runaways, args.seconds, cheap))
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
