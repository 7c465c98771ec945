"""`kg ingest` killed with SIGKILL at random points, again and again, loses nothing in the end."""
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from kg import KnowledgeGraph
from tests.ingest_sample import sample_records, store_quads, write_records

KG = str(Path(sys.executable).parent / "kg")
KILLS = 6


def _edited(records: list[dict]) -> list[dict]:
    """Every other article rewritten: other posts, other provinces, so entities come and go."""
    return [dict(r, text=r["text"].replace("Bí thư", "Chủ tịch").replace("Nghệ An", "Hà Tĩnh")) if i % 2 else r
            for i, r in enumerate(records)]


def _ingest(store: Path, path: Path) -> subprocess.Popen:
    return subprocess.Popen([KG, "ingest", "--store", str(store), "--workers", "1", str(path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _seconds(store: Path, path: Path) -> float:
    """How long an uninterrupted `kg ingest` takes (of a missing path: the start-up alone)."""
    started = time.perf_counter()
    _ingest(store, path).wait()
    return time.perf_counter() - started


def test_killed_ingests_converge_to_the_quads_of_an_uninterrupted_run(tmp_path):
    records = sample_records(24)
    versions = [write_records(tmp_path / "v0.jsonl", records), write_records(tmp_path / "v1.jsonl", _edited(records))]
    _seconds(tmp_path / "warm", versions[0])  # a fresh checkout compiles its modules on the first run
    startup, whole = _seconds(tmp_path / "none", tmp_path / "missing"), _seconds(tmp_path / "timed", versions[1])
    rng, killed, run = random.Random(2024), 0, 0
    while killed < KILLS and run < 3 * KILLS:  # each run brings the other version: there is always work to interrupt
        process = _ingest(tmp_path / "killed", versions[run % 2])
        run += 1
        try:
            process.wait(timeout=startup + rng.random() * (whole - startup))
            whole = startup + (whole - startup) * 0.7  # it finished first: aim earlier next time
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
            killed += 1
    assert killed >= KILLS // 2
    for store in ("killed", "clean"):
        with KnowledgeGraph.open(tmp_path / store) as graph:
            graph.ingest([versions[1]], workers=1)
    assert store_quads(tmp_path / "killed") == store_quads(tmp_path / "clean")
