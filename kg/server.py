"""`kg serve`: the SPARQL 1.1 Protocol over the store, on Starlette and uvicorn.

Queries run in a small pool of worker processes, each with its own read-only view of
the Oxigraph store: a query that outlives `--timeout` is stopped by ending its worker
(a fresh one takes its place), so a runaway query never holds up the others. Results
are capped at `--max-rows`. Updates are refused with 403 unless `--allow-update`.
"""
from __future__ import annotations

import contextlib
import io
import multiprocessing as mp
import queue
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs

import pyoxigraph as ox
from rdflib import Graph, Variable
from rdflib.query import Result
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from kg.namespaces import PREFIXES
from kg.store import rdflib_term

SELECT_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt", "text/plain": "nt"}
MEDIA = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml", "csv": "text/csv",
         "tsv": "text/tab-separated-values", "turtle": "text/turtle", "nt": "application/n-triples"}


@dataclass(frozen=True)
class Answer:
    status: int
    media_type: str
    body: bytes
    truncated: bool = False


def _choose(accept: str, table: dict[str, str], default: str) -> str:
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        if media in table:
            return table[media]
    return default


def _solutions(result: ox.QuerySolutions, fmt: str, cap: int) -> tuple[bytes, bool]:
    variables = [v.value for v in result.variables]
    rows, truncated = [], False
    for solution in result:
        if len(rows) == cap:
            truncated = True
            break
        rows.append([solution[v] for v in variables])
    if fmt == "tsv":  # pyoxigraph's terms print as N-Triples, which is what TSV results hold
        lines = ["\t".join("?" + v for v in variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8"), truncated
    answer = Result("SELECT")
    answer.vars = [Variable(v) for v in variables]
    answer.bindings = [{Variable(v): rdflib_term(t) for v, t in zip(variables, row, strict=True) if t is not None}
                       for row in rows]
    out = io.BytesIO()
    answer.serialize(out, format=fmt, encoding="utf-8")
    return out.getvalue(), truncated


def run_query(store: ox.Store, sparql: str, accept: str, cap: int) -> Answer:
    """One query against the store, serialised for the client's `Accept`."""
    try:
        result = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
    except SyntaxError as exc:
        return Answer(400, "text/plain", f"malformed SPARQL: {exc}".encode())
    if isinstance(result, ox.QueryBoolean):
        fmt = _choose(accept, SELECT_TYPES, "json")
        if fmt in ("csv", "tsv"):
            return Answer(200, MEDIA[fmt], f"{'true' if result else 'false'}\n".encode())
        answer = Result("ASK")
        answer.askAnswer = bool(result)
        out = io.BytesIO()
        answer.serialize(out, format=fmt, encoding="utf-8")
        return Answer(200, MEDIA[fmt], out.getvalue())
    if isinstance(result, ox.QuerySolutions):
        fmt = _choose(accept, SELECT_TYPES, "json")
        body, truncated = _solutions(result, fmt, cap)
        return Answer(200, MEDIA[fmt], body, truncated)
    fmt = _choose(accept, GRAPH_TYPES, "turtle")
    graph, truncated = Graph(), False
    for i, triple in enumerate(result):
        if i == cap:
            truncated = True
            break
        graph.add((rdflib_term(triple.subject), rdflib_term(triple.predicate), rdflib_term(triple.object)))
    return Answer(200, MEDIA[fmt], graph.serialize(format=fmt, encoding="utf-8"), truncated)


def _worker(path: str, conn) -> None:
    store = ox.Store.read_only(path)
    while True:
        sparql, accept, cap = conn.recv()
        try:
            conn.send(run_query(store, sparql, accept, cap))
        except Exception as exc:  # a query's failure goes back to its client, the worker lives on
            conn.send(Answer(500, "text/plain", f"query failed: {exc}".encode()))


class WorkerPool:
    """Processes that each hold a read-only view of the store; one query at a time each."""

    def __init__(self, path: str, size: int, timeout: float):
        self.path, self.timeout = path, timeout
        self._context = mp.get_context("spawn")
        self._idle: queue.Queue = queue.Queue()
        self._lock = threading.Lock()
        self._all: list = []
        for _ in range(size):
            self._idle.put(self._start())

    def _start(self):
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_worker, args=(self.path, child), daemon=True)
        process.start()
        with self._lock:  # forget the workers that were ended, keep the live ones to close
            self._all = [p for p in self._all if p.is_alive()] + [process]
        return process, parent

    def run(self, sparql: str, accept: str, cap: int) -> Answer:
        process, conn = self._idle.get()
        conn.send((sparql, accept, cap))
        if conn.poll(self.timeout):
            answer = conn.recv()
            self._idle.put((process, conn))
            return answer
        process.kill()  # the only sure way to stop a query that is still running
        process.join()
        self._idle.put(self._start())
        return Answer(503, "text/plain", f"query stopped after the {self.timeout:g} s timeout".encode())

    def restart(self) -> None:
        """New views of the store for every worker (after an update)."""
        size = self._idle.qsize()
        for _ in range(size):
            process, _ = self._idle.get()
            process.kill()
            process.join()
        for _ in range(size):
            self._idle.put(self._start())

    def close(self) -> None:
        with self._lock:
            for process in self._all:
                if process.is_alive():
                    process.kill()


async def _sparql_request(request: Request) -> tuple[str | None, str | None]:
    """The query or update of a request, per the SPARQL 1.1 Protocol."""
    if request.method == "GET":
        return request.query_params.get("query"), request.query_params.get("update")
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/sparql-query":
        return (await request.body()).decode("utf-8"), None
    if content_type == "application/sparql-update":
        return None, (await request.body()).decode("utf-8")
    if content_type not in ("application/x-www-form-urlencoded", ""):
        return None, None
    form = parse_qs((await request.body()).decode("utf-8"))
    return (form.get("query") or [None])[0], (form.get("update") or [None])[0]


def create_app(store_path: str | Path, timeout: float = 30.0, max_rows: int = 10_000, allow_update: bool = False,
               workers: int = 2) -> Starlette:
    """The ASGI app: `/` (query page), `/sparql` and `/query` (SPARQL Protocol), `/questions`."""
    pool = WorkerPool(str(store_path), workers, timeout)
    write_lock = threading.Lock()

    def update(text: str) -> Answer:
        with write_lock:
            store = ox.Store(str(store_path))
            try:
                store.update(text, prefixes=PREFIXES)
            except SyntaxError as exc:
                return Answer(400, "text/plain", f"malformed SPARQL update: {exc}".encode())
            finally:
                store.flush()
                del store
            pool.restart()
            return Answer(204, "text/plain", b"")

    async def sparql(request: Request) -> Response:
        query, update_text = await _sparql_request(request)
        if update_text is not None:
            if not allow_update:
                return PlainTextResponse("updates are refused: start kg serve with --allow-update", 403)
            if request.method == "GET":
                return PlainTextResponse("updates must be POSTed", 405)
            answer = await run_in_threadpool(update, update_text)
        elif not query:
            return PlainTextResponse("give a SPARQL query as `query` (GET or form) or an "
                                     "application/sparql-query body", 400)
        else:
            answer = await run_in_threadpool(pool.run, query, request.headers.get("accept", ""), max_rows)
        headers = {"X-Result-Truncated": str(max_rows)} if answer.truncated else {}
        return Response(answer.body, answer.status, headers=headers, media_type=answer.media_type)

    async def page(request: Request) -> Response:
        html = (resources.files("kg") / "templates" / "query.html").read_text(encoding="utf-8")
        return HTMLResponse(html)

    async def questions(request: Request) -> Response:
        from kg.ask import ready_queries
        return JSONResponse([{"name": q.name, "summary": q.summary, "query": q.text}
                             for q in ready_queries().values()])

    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        pool.close()

    return Starlette(routes=[
        Route("/", page), Route("/questions", questions),
        Route("/sparql", sparql, methods=["GET", "POST"]), Route("/query", sparql, methods=["GET", "POST"]),
        Route("/update", sparql, methods=["POST"]),
    ], lifespan=lifespan)
