"""The corpus through `kg ingest`, end to end: wall time, articles/s, peak RSS, stages, 1 vs 2 workers.

    python bench/ingest_corpus.py [CORPUS] [--limit N] [--workers 1,2] [--keep STORE] [--extracted STATE]

Each configuration runs in a fresh process (peak RSS is its own) into a new store in a temporary
folder. The last worker count also re-ingests the file unchanged, then adds 100 articles held back
from the first run. A regex scan of the same file (parse each line, find runs of capitalised
syllables) is measured in the same run, as the floor the ingest is compared with.

`--extracted STATE` (an ingest state holding the corpus, e.g. corpus-store/kg-ingest.sqlite, read only)
measures everything but extraction: each worker takes an article's extraction from that state
instead of extracting it (a lookup and an unpickling, ~0.15 ms per article), and the run goes on as
ever (packing, rendering, pipes, resolution, loads, bookkeeping).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"
HELD_BACK = 100
CAPITALISED_RUN = re.compile(r"[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*)+")  # runs of capitalised syllables


def regex_scan(path: Path) -> tuple[float, int]:
    """Seconds to read the file and find the runs of capitalised words in every article; the runs found."""
    started, found = time.perf_counter(), 0
    with gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else open(path, encoding="utf-8") as lines:
        for line in lines:
            found += len(CAPITALISED_RUN.findall(json.loads(line)["text"]))
    return time.perf_counter() - started, found


def split(corpus: Path, folder: Path, limit: int | None) -> tuple[Path, Path, int]:
    """The corpus (its first `limit` lines) as two files: all but the last 100 articles, and those 100."""
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        rows = [line for i, line in enumerate(lines) if limit is None or i < limit]
    head, tail = folder / "head.jsonl", folder / "tail.jsonl"
    head.write_text("".join(rows[:-HELD_BACK]), encoding="utf-8")
    tail.write_text("".join(rows[-HELD_BACK:]), encoding="utf-8")
    return head, tail, len(rows)


def take_extractions_from(state: str) -> None:
    """Extraction replaced by a lookup in an ingest state that holds the articles (by article id)."""
    import sqlite3
    from dataclasses import replace
    import kg.ingest.extract as stage
    from kg.ingest.state import unpack
    connections: dict[int, sqlite3.Connection] = {}  # one per worker process

    def extracted(article):
        db = connections.get(os.getpid()) or connections.setdefault(
            os.getpid(), sqlite3.connect(f"file:{state}?mode=ro", uri=True))
        row = db.execute("SELECT e.data FROM article a JOIN extraction e ON e.hash = a.hash WHERE a.id = ?",
                         (article.id,)).fetchone()
        if row is None:
            raise LookupError(f"{state} holds no extraction of article {article.id!r}")
        return replace(unpack(row[0]), article=article)

    stage.safe_extract = extracted


def child(store: str, path: str, workers: int, extracted: str | None = None) -> None:
    """One ingest, in this process: its figures as a JSON line."""
    from kg import KnowledgeGraph
    from kg.ingest import cpu_seconds
    if extracted:
        take_extractions_from(extracted)
    cpu = cpu_seconds()  # no worker has run yet in this process
    with KnowledgeGraph.open(store) as graph:
        summary = graph.ingest([path], workers=workers)
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "articles": summary.articles, "unchanged": summary.unchanged, "triples": summary.triples,
        "seconds": summary.seconds, "stages": summary.stages, "stage_cpu": summary.cpu,
        "graphs_written": summary.graphs_written,
        "rss_mb": me.ru_maxrss / 1024, "worker_rss_mb": kids.ru_maxrss / 1024,
        "cpu_seconds": cpu_seconds() - cpu}))


def run(store: Path, path: Path, workers: int, extracted: str | None = None) -> dict:
    more = ["--extracted", extracted] if extracted else []
    done = subprocess.run([sys.executable, __file__, "--child", str(store), str(path), "--workers", str(workers), *more],
                          capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"the ingest of {path} into {store} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def line(label: str, figures: dict, floor: float) -> str:
    stages = " ".join(f"{k} {v:.1f}/{figures['stage_cpu'][k]:.1f}" for k, v in figures["stages"].items())
    rate = (figures["articles"] + figures["unchanged"]) / figures["seconds"]
    return (f"{label:<28} {figures['seconds']:7.1f} s {rate:8.0f} art/s  {figures['seconds'] / floor:5.1f}× regex  "
            f"cpu {figures['cpu_seconds']:6.1f} s  rss {figures['rss_mb']:5.0f} MB (+ worker {figures['worker_rss_mb']:4.0f})"
            f"  [stage wall/cpu s: {stages}]  graphs {figures['graphs_written']:,}  triples {figures['triples']:,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(CORPUS))
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare, e.g. 1,2")
    parser.add_argument("--keep", metavar="STORE", help="build the last worker count's store here, and keep it")
    parser.add_argument("--extracted", metavar="STATE", help="take extractions from this ingest state instead of "
                        "extracting: everything but extraction measured")
    parser.add_argument("--child", nargs=2, metavar=("STORE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.keep and Path(args.keep).exists():
        parser.error(f"{args.keep} exists: the bench measures a new store")
    if args.child:
        child(*args.child, int(args.workers), args.extracted)
        return
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        folder = Path(tmp)
        head, tail, total = split(Path(args.corpus), folder, args.limit)
        floor, runs = regex_scan(head)
        print(f"{total - HELD_BACK:,} articles, then {HELD_BACK} more; regex scan of the same file: {floor:.1f} s "
              f"({runs:,} capitalised runs); cores: {len(os.sched_getaffinity(0))}; "
              f"load average before: {os.getloadavg()[0]:.1f}")
        counts = [int(w) for w in args.workers.split(",")]
        for workers in counts:
            store = Path(args.keep) if args.keep and workers == counts[-1] else folder / f"store-{workers}"
            print(line(f"new store, {workers} worker(s)", run(store, head, workers, args.extracted), floor), flush=True)
        print(line("re-ingest unchanged", run(store, head, counts[-1], args.extracted), floor))
        print(line(f"add {HELD_BACK} new articles", run(store, tail, counts[-1], args.extracted), floor))


if __name__ == "__main__":
    main()
