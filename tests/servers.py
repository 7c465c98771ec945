"""Servers the tests start on free loopback ports (and always stop), and articles to fill them."""
from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from pathlib import Path

# Two short articles written for these tests: a person named again, a meeting, a post.
SHORT_ARTICLES = [
    {"id": "remote-1", "title": "Hội nghị Tỉnh ủy Lâm Đồng", "date": "2022-03-05",
     "text": "Ngày 5/3/2022, đồng chí Phạm Văn Thắng, Bí thư Tỉnh ủy Lâm Đồng, chủ trì hội nghị Ban Thường vụ "
             "Tỉnh ủy. Dự hội nghị có đồng chí Lê Thị Hoa, Phó Chủ tịch UBND tỉnh Lâm Đồng."},
    {"id": "remote-2", "title": "Tiếp xúc cử tri", "date": "2022-04-10",
     "text": "Ngày 10/4/2022, Bí thư Tỉnh ủy Lâm Đồng Phạm Văn Thắng tiếp xúc cử tri huyện Đức Trọng."},
]
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def sample_store(path: Path, *sources) -> Path:
    """An on-disk store at `path` holding the sample article (and any other `sources`)."""
    from kg import KnowledgeGraph
    from tests.conftest import SAMPLE
    with KnowledgeGraph.open(path) as graph:
        graph.ingest([SAMPLE, *sources])
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{process.args[0]} did not start on port {port}") from None
            time.sleep(0.05)


@contextlib.contextmanager
def running(command: list[str], port: int):
    """Run a server command until the block ends; yields its process once the port answers."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_port(port, process)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=20)


@contextlib.contextmanager
def kg_serve(store: Path, *options: str):
    """`kg serve` over `store`; yields (base URL, process)."""
    port = free_port()
    command = [sys.executable, "-c", "from kg.cli import run; run()", "serve", "--store", str(store),
               "--port", str(port), *options]
    with running(command, port) as process:
        yield f"http://127.0.0.1:{port}", process
