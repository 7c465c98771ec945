"""The server stays up: queue time counts, runaway queries are fenced off, dead workers are
replaced, clients that leave stop their query, SIGTERM stops it, hostile requests get clean errors."""
import asyncio
import contextlib
import os
import signal
import threading
import time
import warnings
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pyoxigraph as ox
import pytest

from kg import server
from kg.server import WorkerPool, create_app
from tests.servers import RUNAWAY, kg_serve, sample_store

with warnings.catch_warnings():  # Starlette asks for httpx2, not installed here
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

CHEAP = "ASK { ?p a kg:Person }"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return sample_store(tmp_path_factory.mktemp("hardening") / "store")


def _with_pool(store, scenario, **options):
    """Run `scenario(pool)` on a started pool, closing it afterwards."""
    async def run():
        pool = WorkerPool(str(store), **options)
        await pool.start()
        try:
            return await scenario(pool)
        finally:
            pool.close()
    return asyncio.run(run())


def test_time_spent_waiting_for_a_worker_counts_toward_the_timeout(store):
    async def scenario(pool):
        runaway = asyncio.ensure_future(pool.run(RUNAWAY, "", 10, time.monotonic()))
        await asyncio.sleep(0.1)
        started = time.monotonic()
        queued = await pool.run(CHEAP, "", 10, arrived=started - 1.0)  # 1 s of its 1.5 s already spent
        runaway.cancel()
        return queued, time.monotonic() - started
    answer, waited = _with_pool(store, scenario, size=1, timeout=1.5, long_after=60, crowded_after=60)
    assert answer.status == 503 and b"no query worker was free" in answer.body
    assert waited < 1.2  # it gave up at its own deadline, not when the runaway ended


def test_runaway_queries_move_to_a_bounded_long_lane_and_cheap_ones_go_on(store):
    async def scenario(pool):
        first = asyncio.ensure_future(pool.run(RUNAWAY, "", 10, time.monotonic()))
        await asyncio.sleep(0.5)
        started = time.monotonic()
        cheap = await pool.run(CHEAP, "application/json", 10, time.monotonic())
        cheap_seconds = time.monotonic() - started
        lanes = pool.status()
        second = await pool.run(RUNAWAY, "", 10, time.monotonic())  # the long lane (1 place) is full
        first.cancel()
        return cheap, cheap_seconds, lanes, second
    cheap, seconds, lanes, second = _with_pool(store, scenario, size=1, timeout=20, long_after=0.1)
    assert cheap.status == 200 and b'"boolean": true' in cheap.body and seconds < 5
    assert lanes["long"] == 1
    assert second.status == 503 and b"1 other long queries are running" in second.body


def test_workers_that_die_are_replaced(store):
    async def scenario(pool):
        before = pool.status()["pids"]
        for pid in before:
            os.kill(pid, signal.SIGKILL)
        answer = await pool.run(CHEAP, "", 10, time.monotonic())
        await asyncio.sleep(0.5)
        return before, answer, pool.status()
    before, answer, after = _with_pool(store, scenario, size=2, timeout=30)
    assert answer.status == 200
    assert len(after["pids"]) == 2 and not set(after["pids"]) & set(before) and after["replaced"] >= 2


@pytest.fixture
def client(store):
    def make(**options):
        app = create_app(store, **{"timeout": 10.0, "workers": 1, **options})
        return TestClient(app, raise_server_exceptions=False)
    return make


def test_a_request_over_the_size_limit_is_refused(client):
    with client(max_request_size=1000) as c:
        r = c.post("/sparql", content=CHEAP + " " * 2000, headers={"Content-Type": "application/sparql-query"})
        assert r.status_code == 413 and "--max-request-size" in r.text
        assert c.get("/sparql", params={"query": CHEAP + " " * 2000}).status_code == 414
        assert c.post("/sparql", content=CHEAP, headers={"Content-Type": "application/sparql-query"}).status_code == 200


def test_input_that_is_not_utf8_is_a_400(client):
    with client() as c:
        r = c.post("/sparql", content=b"ASK { ?s ?p \xff }", headers={"Content-Type": "application/sparql-query"})
        assert r.status_code == 400 and "not valid UTF-8" in r.text
        assert c.get("/sparql?query=ASK%20%7B%7D%FF").status_code == 400
        r = c.post("/sparql", content=b"query=ASK%20%7B%7D%FF", headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert r.status_code == 400


def test_an_accept_it_cannot_serve_is_a_406(client):
    with client() as c:
        r = c.get("/sparql", params={"query": CHEAP}, headers={"Accept": "image/png"})
        assert r.status_code == 406 and "application/sparql-results+json" in r.text
        construct = "CONSTRUCT WHERE { ?p a kg:Person }"
        assert c.get("/sparql", params={"query": construct},
                     headers={"Accept": "application/sparql-results+json"}).status_code == 406
        r = c.get("/sparql", params={"query": CHEAP}, headers={"Accept": "image/png;q=0.9, */*;q=0.1"})
        assert r.status_code == 200 and r.json()["boolean"] is True


@pytest.fixture
def recorder():
    """A loopback HTTP server that counts the requests it gets (a SERVICE target)."""
    seen = []

    class Record(BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append(self.path)
            self.send_response(500)
            self.end_headers()
        do_POST = do_GET

        def log_message(self, *args):
            pass

    target = ThreadingHTTPServer(("127.0.0.1", 0), Record)
    threading.Thread(target=target.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{target.server_address[1]}/sparql", seen
    target.shutdown()


def test_service_is_refused_unless_allowed(client, recorder):
    url, seen = recorder
    query = f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"
    with client() as c:
        r = c.post("/sparql", data={"query": query})
        assert r.status_code == 403 and "--allow-service" in r.text and not seen
        assert c.get("/sparql", params={"query": 'ASK { ?p ?service "SERVICE <http://x/>" }'}).status_code == 200
    with client(allow_service=True) as c:
        c.post("/sparql", data={"query": query})
    assert seen  # allowed, the call went out


def test_an_update_while_another_process_holds_the_store_is_a_clean_503(client, store):
    with client(allow_update=True) as c:
        holder = ox.Store(str(store))  # as an ingest would
        try:
            r = c.post("/update", data={"update": "INSERT DATA { <https://example.org/a> a kg:Person }"})
        finally:
            del holder
        assert r.status_code == 503 and r.headers["Retry-After"] and "another process" in r.text
        assert "Traceback" not in r.text


def test_no_traceback_reaches_a_client(client, monkeypatch):
    def broken(_):
        raise RuntimeError("a bug deep inside")
    monkeypatch.setattr(server, "uses_service", broken)
    with client() as c:
        r = c.get("/sparql", params={"query": CHEAP})
    assert r.status_code == 500 and r.text.startswith("internal error")
    assert "Traceback" not in r.text and "a bug deep inside" not in r.text


def test_a_query_whose_client_went_away_is_stopped(store):
    with kg_serve(store, "--workers", "1", "--timeout", "60") as (url, _):
        with pytest.raises(httpx.TimeoutException):
            httpx.post(url + "/sparql", data={"query": RUNAWAY}, timeout=1.0)
        deadline = time.monotonic() + 10
        while (status := httpx.get(url + "/health").json())["busy"] + status["long"]:
            assert time.monotonic() < deadline, f"the abandoned query still runs: {status}"
            time.sleep(0.1)
        assert httpx.get(url + "/sparql", params={"query": CHEAP}).json()["boolean"] is True


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_sigterm_stops_the_server_and_its_workers_within_seconds(store):
    with kg_serve(store, "--timeout", "60") as (url, process):
        def runaway():
            with contextlib.suppress(httpx.HTTPError):  # the server goes away under it
                httpx.post(url + "/sparql", data={"query": RUNAWAY}, timeout=30)
        threading.Thread(target=runaway, daemon=True).start()
        time.sleep(0.5)
        pids = httpx.get(url + "/health").json()["pids"]
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)
        assert time.monotonic() - started < 6
        deadline = time.monotonic() + 5
        while any(map(_alive, pids)):
            assert time.monotonic() < deadline, "workers outlived the server"
            time.sleep(0.1)
