"""`kg serve`: the SPARQL 1.1 Protocol over the store, on Starlette and uvicorn.

Queries run in a pool of worker processes, each with its own read-only view of the
Oxigraph store. The time a query waits for a worker counts toward `--timeout`; a query
still running then, or whose client went away, is stopped by ending its worker, and a
fresh one takes its place (as it does for a worker that dies). A query that runs past
`LONG_AFTER` seconds (or `CROWDED_AFTER` while other queries wait for a worker) moves to a
long lane at lower CPU priority and its place is refilled, so a few runaway queries cannot
hold up cheap ones; at most `workers` queries run long at once, one more is stopped. Results are capped at `--max-rows`; requests at
`--max-request-size`. Updates are refused unless `--allow-update`, `SERVICE` unless
`--allow-service`. Errors reach clients as one line of text, never a traceback.
"""
from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import multiprocessing as mp
import os
import re
import threading
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs

import pyoxigraph as ox
from rdflib import Graph, Variable
from rdflib.plugins.serializers.nt import NTSerializer
from rdflib.plugins.serializers.turtle import TurtleSerializer
from rdflib.plugins.sparql.results.csvresults import CSVResultSerializer
from rdflib.plugins.sparql.results.jsonresults import JSONResultSerializer
from rdflib.plugins.sparql.results.xmlresults import XMLResultSerializer
from rdflib.query import Result
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from kg.namespaces import PREFIXES
from kg.store import rdflib_term

log = logging.getLogger("kg.server")

SELECT_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt", "text/plain": "nt"}
MEDIA = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml", "csv": "text/csv",
         "tsv": "text/tab-separated-values", "turtle": "text/turtle", "nt": "application/n-triples"}
# Serialisers by class, not by name: a lookup by name scans the installed plugins, 0.5 s in each new worker
SERIALIZERS = {"json": JSONResultSerializer, "xml": XMLResultSerializer, "csv": CSVResultSerializer,
               "turtle": TurtleSerializer, "nt": NTSerializer}
MAX_REQUEST_SIZE = 1 << 20  # bytes of a request body or query string; queries are rarely over a few kB
LONG_AFTER = 1.0  # seconds after which a running query moves to the long lane
CROWDED_AFTER = 0.1  # ... or after which it does so while other queries wait for a worker
LONG_NICENESS = 19  # the long lane runs at the lowest CPU priority: cheap queries come first
START_TIMEOUT = 60.0  # seconds a new worker may take to open the store
RETRY_AFTER = "5"  # seconds, the hint given with a 503
SHUTDOWN_GRACE = 2.0  # seconds requests in flight get once the server is told to stop


@dataclass(frozen=True)
class Answer:
    status: int
    media_type: str
    body: bytes
    truncated: bool = False


def _text(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", message.encode("utf-8"))


def negotiate(accept: str, table: dict[str, str], default: str) -> str | None:
    """The format to answer in: the client's most preferred one we serve, None if it accepts none.

    >>> negotiate("text/csv;q=0.5, application/json", SELECT_TYPES, "json"), negotiate("", GRAPH_TYPES, "turtle")
    ('json', 'turtle')
    >>> negotiate("image/png", SELECT_TYPES, "json") is None
    True
    """
    if not accept.strip():
        return default
    ranges = []
    for part in accept.split(","):
        media, *params = (p.strip().lower() for p in part.split(";"))
        q = next((p[2:] for p in params if p.startswith("q=")), "1")
        with contextlib.suppress(ValueError):
            ranges.append((-float(q), len(ranges), media))
    for q, _, media in sorted(ranges):
        if q == 0:
            continue
        if media in table:
            return table[media]
        if media == "*/*":
            return default
        if media.endswith("/*"):
            return next((fmt for m, fmt in table.items() if m.startswith(media[:-1])), None) or next(
                (f for m, f in MEDIA.items() if m.startswith(media[:-1]) and f in table.values()), None)
    return None


def _unacceptable(accept: str, table: dict[str, str]) -> Answer:
    return _text(406, f"cannot answer in {accept}; this query's results come as one of {', '.join(table)}")


_INERT = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
                    r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'" r'|<[^<>"{}|^`\\\s]*>|#[^\n]*', re.S)
_SERVICE = re.compile(r"(?<![\w?$:.@-])SERVICE(?![\w:.-])", re.I)


def uses_service(sparql: str) -> bool:
    """Whether a query or update calls `SERVICE` (outside strings, IRIs and comments).

    >>> uses_service("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }"), uses_service('SELECT ?service { ?s ex:service "SERVICE" }')
    (True, False)
    """
    return _SERVICE.search(_INERT.sub(" ", sparql)) is not None


def _serialize(result: Result | Graph, fmt: str) -> bytes:
    out = io.BytesIO()
    SERIALIZERS[fmt](result).serialize(out, encoding="utf-8")
    return out.getvalue()


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
    return _serialize(answer, fmt), truncated


def run_query(store: ox.Store, sparql: str, accept: str, cap: int) -> Answer:
    """One query against the store, serialised for the client's `Accept` (406 when it takes none we serve)."""
    try:
        result = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
    except SyntaxError as exc:
        return _text(400, f"malformed SPARQL: {exc}")
    if isinstance(result, (ox.QueryBoolean, ox.QuerySolutions)):
        fmt = negotiate(accept, SELECT_TYPES, "json")
        if fmt is None:
            return _unacceptable(accept, SELECT_TYPES)
        if isinstance(result, ox.QuerySolutions):
            body, truncated = _solutions(result, fmt, cap)
            return Answer(200, MEDIA[fmt], body, truncated)
        if fmt in ("csv", "tsv"):
            return Answer(200, MEDIA[fmt], f"{'true' if result else 'false'}\n".encode())
        answer = Result("ASK")
        answer.askAnswer = bool(result)
        return Answer(200, MEDIA[fmt], _serialize(answer, fmt))
    fmt = negotiate(accept, GRAPH_TYPES, "turtle")
    if fmt is None:
        return _unacceptable(accept, GRAPH_TYPES)
    graph, truncated = Graph(), False
    for i, triple in enumerate(result):
        if i == cap:
            truncated = True
            break
        graph.add((rdflib_term(triple.subject), rdflib_term(triple.predicate), rdflib_term(triple.object)))
    return Answer(200, MEDIA[fmt], _serialize(graph, fmt), truncated)


def _worker(path: str, conn) -> None:
    """A worker process: open the store, say so, then answer queries until the pipe closes."""
    try:
        store = ox.Store.read_only(path)
    except OSError as exc:
        conn.send(f"cannot open the store at {path}: {exc}")
        return
    conn.send("ready")
    while True:
        try:
            sparql, accept, cap = conn.recv()
        except EOFError:  # the server is gone
            return
        try:
            answer = run_query(store, sparql, accept, cap)
        except Exception as exc:  # a query's failure goes back to its client, the worker lives on
            answer = _text(500, f"query failed: {exc}")
        conn.send(answer)


@dataclass(eq=False)
class Worker:
    process: mp.process.BaseProcess
    conn: object
    generation: int
    ended: str = ""  # why it was ended, once it was
    long: bool = False
    since: float | None = None  # when its current query was sent (event loop time)
    pending: asyncio.Future | None = field(default=None, repr=False)  # resolved when the pipe is readable
    reading: bool = False  # whether the event loop watches the pipe


class WorkerPool:
    """`size` worker processes for queries, refilled as workers end, plus a bounded long lane.

    Every method runs on the event loop: no locks, and a worker's end is noticed through its
    process sentinel, so a worker that dies while idle is replaced at once.
    """

    def __init__(self, path: str, size: int, timeout: float, long_after: float = LONG_AFTER,
                 crowded_after: float = CROWDED_AFTER):
        self.path, self.size, self.timeout = path, size, timeout
        self.long_after, self.crowded_after = long_after, crowded_after
        self._context = mp.get_context("forkserver")
        self._context.set_forkserver_preload(["kg.server"])
        self._idle: list[Worker] = []
        self._waiting: list[asyncio.Future] = []
        self._lane: set[Worker] = set()  # the normal lane: starting, idle and busy workers
        self._long: set[Worker] = set()
        self._generation = 0
        self._starting = 0
        self.replaced = 0
        self.closed = False

    async def start(self) -> None:
        """Start the workers; fails with the first worker's error if the store cannot be opened."""
        results = await asyncio.gather(*(self._spawn() for _ in range(self.size)), return_exceptions=True)
        failures = [r for r in results if isinstance(r, BaseException)]
        if failures:
            self.close()
            raise failures[0]

    async def _spawn(self) -> None:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_worker, args=(self.path, child), daemon=True)
        self._starting += 1
        try:
            await asyncio.to_thread(process.start)
            child.close()
            worker = Worker(process, parent, self._generation)
            asyncio.get_running_loop().add_reader(process.sentinel, self._died, worker)
            try:
                message = await asyncio.wait_for(self._readable(worker), START_TIMEOUT)
            except BaseException:
                self._end(worker, "could not start")
                raise
        finally:
            self._starting -= 1
        if message != "ready":
            self._end(worker, "could not start")
            raise OSError(message)
        self._lane.add(worker)
        self._release(worker)

    def _spawn_later(self, delay: float = 0.0) -> None:
        """Start a replacement worker in the background; try again a second later if it fails."""
        async def spawn():
            await asyncio.sleep(delay)
            if self.closed:
                return
            try:
                await self._spawn()
                self.replaced += 1
            except (OSError, asyncio.TimeoutError, EOFError) as exc:
                log.error("a new query worker did not start (%s); trying again", exc)
                self._spawn_later(1.0)
        asyncio.get_running_loop().create_task(spawn())

    async def _readable(self, worker: Worker):
        """The next message from a worker; EOFError if it ended."""
        loop = asyncio.get_running_loop()
        worker.pending = loop.create_future()
        loop.add_reader(worker.conn.fileno(), self._stop_reading, worker)
        worker.reading = True
        try:
            await worker.pending
        finally:
            self._stop_reading(worker)
        if worker.ended:
            raise EOFError(worker.ended)
        return worker.conn.recv()

    def _stop_reading(self, worker: Worker) -> None:
        """Wake whoever waits on the worker's pipe, and stop watching it (before it may be closed)."""
        if worker.reading:
            asyncio.get_running_loop().remove_reader(worker.conn.fileno())
            worker.reading = False
        if worker.pending is not None and not worker.pending.done():
            worker.pending.set_result(None)

    def _died(self, worker: Worker) -> None:
        """A worker's process ended (killed by us or by anyone else)."""
        asyncio.get_running_loop().remove_reader(worker.process.sentinel)
        worker.process.join()
        self._end(worker, worker.ended or "died")
        worker.conn.close()

    def _end(self, worker: Worker, why: str) -> None:
        """Stop a worker for good and, if it served the normal lane, start its replacement."""
        if worker.ended:
            return
        worker.ended = why
        if worker.process.is_alive():
            worker.process.kill()  # the only sure way to stop a query that is still running
        self._stop_reading(worker)
        if worker in self._idle:
            self._idle.remove(worker)
        self._long.discard(worker)
        if worker in self._lane:
            self._lane.discard(worker)
            if not self.closed:
                self._spawn_later()

    def _release(self, worker: Worker) -> None:
        """A free worker goes to the first query still waiting, or to the idle list."""
        if worker.generation != self._generation:
            self._end(worker, "stale view of the store")
            return
        while self._waiting:
            waiter = self._waiting.pop(0)
            if not waiter.done():
                waiter.set_result(worker)
                return
        self._idle.append(worker)

    async def _acquire(self) -> Worker:
        if self._idle:
            return self._idle.pop()
        loop = asyncio.get_running_loop()
        waiter = loop.create_future()
        self._waiting.append(waiter)
        loop.call_later(self.crowded_after, self._relieve)
        try:
            return await waiter
        except BaseException:  # timed out or cancelled: hand on a worker that arrived meanwhile
            if waiter.done() and not waiter.cancelled():
                self._release(waiter.result())
            raise

    def _relieve(self) -> None:
        """Queries are waiting: move the oldest query that has run `crowded_after` to the long lane."""
        if all(w.done() for w in self._waiting) or len(self._long) >= self.size:
            return
        now = asyncio.get_running_loop().time()
        running = [w for w in self._lane if w.since is not None and now - w.since >= self.crowded_after]
        if running:
            self._move_long(min(running, key=lambda w: w.since))

    def _go_long(self, worker: Worker) -> None:
        """A query has run `long_after` seconds: free its place in the normal lane, or stop it."""
        if worker.ended or worker not in self._lane:
            return
        if len(self._long) >= self.size:
            self._end(worker, f"stopped: {self.size} other long queries are running")
            return
        self._move_long(worker)

    def _move_long(self, worker: Worker) -> None:
        self._lane.discard(worker)
        self._long.add(worker)
        worker.long = True
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, worker.process.pid, LONG_NICENESS)
        self._spawn_later()

    async def run(self, sparql: str, accept: str, cap: int, arrived: float) -> Answer:
        """Answer one query, or a 503 once `timeout` seconds have passed since it `arrived`."""
        deadline = asyncio.get_running_loop().time() + self.timeout - (time.monotonic() - arrived)
        for _ in range(self.size + 1):  # a worker that dies under a query is replaced, the query tried again
            try:
                async with asyncio.timeout_at(deadline):
                    worker = await self._acquire()
            except TimeoutError:
                return _text(503, f"no query worker was free within the {self.timeout:g} s timeout; try again later")
            answer = await self._ask(worker, (sparql, accept, cap), deadline)
            if answer is not None:
                return answer
        return _text(503, "query ended early: its workers died; try again later")

    async def _ask(self, worker: Worker, request: tuple, deadline: float) -> Answer | None:
        """The worker's answer, a 503 if it was stopped, None if it died on its own."""
        timer = asyncio.get_running_loop().call_later(self.long_after, self._go_long, worker)
        try:
            worker.conn.send(request)
            worker.since = asyncio.get_running_loop().time()
            async with asyncio.timeout_at(deadline):
                answer = await self._readable(worker)
        except TimeoutError:
            self._end(worker, "timeout")
            return _text(503, f"query stopped after the {self.timeout:g} s timeout")
        except (EOFError, OSError):
            self._end(worker, "died")  # nothing to do when it has ended already
        except BaseException:  # cancelled: the client went away, or the server is stopping
            self._end(worker, "client gone")
            raise
        finally:
            timer.cancel()
            worker.since = None
        if worker.ended:  # a worker that died on its own is retried; one that we stopped says why
            return None if worker.ended == "died" else _text(503, f"query {worker.ended}; try again later")
        if worker.long:
            self._end(worker, "long query done")  # it runs at low priority: a fresh one replaced it
        else:
            self._release(worker)
        return answer

    def refresh(self) -> None:
        """New views of the store for every worker (after an update): idle ones now, busy ones when done."""
        self._generation += 1
        for worker in list(self._idle):
            self._end(worker, "stale view of the store")

    def status(self) -> dict:
        busy = len(self._lane) - len(self._idle)
        return {"workers": self.size, "idle": len(self._idle), "busy": busy, "long": len(self._long),
                "starting": self._starting, "waiting": sum(not w.done() for w in self._waiting),
                "replaced": self.replaced, "pids": sorted(w.process.pid for w in self._lane | self._long)}

    def close(self) -> None:
        self.closed = True
        for worker in list(self._lane | self._long):
            self._end(worker, "server stopping")


class BadRequest(Exception):
    """A request the Protocol cannot take: its status and a one-line reason."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status, self.reason = status, reason


def _form(raw: bytes) -> dict[str, list[str]]:
    """A query string or form body, decoded strictly as UTF-8."""
    try:
        return parse_qs(raw.decode("utf-8"), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError as exc:
        raise BadRequest(400, f"the request is not valid UTF-8 ({exc.reason} at byte {exc.start})") from None


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise BadRequest(413, f"the request is {int(declared):,} bytes; the limit is {limit:,} (--max-request-size)")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise BadRequest(413, f"the request is over the limit of {limit:,} bytes (--max-request-size)")
    return bytes(body)


async def sparql_request(request: Request, limit: int) -> tuple[str | None, str | None]:
    """The query or update of a request, per the SPARQL 1.1 Protocol; BadRequest if it has neither."""
    raw_query = request.scope.get("query_string", b"")
    if len(raw_query) > limit:
        raise BadRequest(414, f"the query string is over the limit of {limit:,} bytes (--max-request-size)")
    params = _form(raw_query)
    if request.method == "POST":
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await _body(request, limit)
        if content_type in ("application/sparql-query", "application/sparql-update"):
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise BadRequest(400, f"the request body is not valid UTF-8 ({exc.reason} at byte {exc.start})") \
                    from None
            return (text, None) if content_type == "application/sparql-query" else (None, text)
        if content_type not in ("application/x-www-form-urlencoded", ""):
            raise BadRequest(415, f"cannot read a {content_type} body: send application/sparql-query, "
                                  "application/sparql-update or a form")
        params = {**params, **_form(body)}
    query, update = (params.get("query") or [None])[0], (params.get("update") or [None])[0]
    if not query and not update:
        raise BadRequest(400, "give a SPARQL query as `query` (GET or form) or an application/sparql-query body")
    return query, update


async def _until_disconnected(request: Request) -> None:
    """Returns when the client closes its connection (call it once the body is read)."""
    while (await request.receive())["type"] != "http.disconnect":
        pass


async def _unless_gone(request: Request, work) -> Answer | None:
    """Await `work`, cancelled if the client goes away first (then None)."""
    task, watch = asyncio.ensure_future(work), asyncio.ensure_future(_until_disconnected(request))
    try:
        await asyncio.wait({task, watch}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        watch.cancel()
        if not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
    return None if task.cancelled() else task.result()


def create_app(store_path: str | Path, timeout: float = 30.0, max_rows: int = 10_000, allow_update: bool = False,
               workers: int = 2, allow_service: bool = False, max_request_size: int = MAX_REQUEST_SIZE) -> Starlette:
    """The ASGI app: `/` (query page), `/sparql` and `/query` (SPARQL Protocol), `/questions`, `/health`."""
    pool = WorkerPool(str(store_path), workers, timeout)
    write_lock = threading.Lock()

    def update(text: str) -> Answer:
        with write_lock:
            try:
                store = ox.Store(str(store_path))
            except OSError:
                return Answer(503, "text/plain", b"the store is held by another process (an ingest?); "
                                                 b"try again when it is done")
            try:
                store.update(text, prefixes=PREFIXES)
            except SyntaxError as exc:
                return _text(400, f"malformed SPARQL update: {exc}")
            finally:
                store.flush()
                del store
            return Answer(204, "text/plain", b"")

    async def answer(request: Request) -> Answer | None:
        """The answer to a Protocol request; None if its client went away first."""
        arrived = time.monotonic()
        try:
            query, update_text = await sparql_request(request, max_request_size)
        except BadRequest as exc:
            return _text(exc.status, exc.reason)
        if not allow_service and uses_service(query or update_text):
            return _text(403, "SERVICE (federated query) is refused: start kg serve with --allow-service")
        if update_text is None:
            return await _unless_gone(request, pool.run(query, request.headers.get("accept", ""), max_rows, arrived))
        if not allow_update:
            return _text(403, "updates are refused: start kg serve with --allow-update")
        if request.method == "GET":
            return _text(405, "updates must be POSTed")
        result = await run_in_threadpool(update, update_text)
        pool.refresh()
        return result

    async def sparql(request: Request) -> Response:
        result = await answer(request)
        if result is None:
            return Response(status_code=499)  # nobody reads it
        headers = {"X-Result-Truncated": str(max_rows)} if result.truncated else {}
        if result.status == 503:
            headers["Retry-After"] = RETRY_AFTER
        return Response(result.body, result.status, headers=headers, media_type=result.media_type)

    async def page(request: Request) -> Response:
        html = (resources.files("kg") / "templates" / "query.html").read_text(encoding="utf-8")
        return HTMLResponse(html)

    async def questions(request: Request) -> Response:
        from kg.ask import ready_queries
        return JSONResponse([{"name": q.name, "summary": q.summary, "query": q.text}
                             for q in ready_queries().values()])

    async def health(request: Request) -> Response:
        status = pool.status()
        return JSONResponse(status, 200 if status["idle"] + status["busy"] else 503)

    async def internal_error(request: Request, exc: Exception) -> Response:
        log.exception("error answering %s", request.url.path)
        return PlainTextResponse("internal error; the server log has the details", 500)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        await pool.start()
        yield
        pool.close()

    return Starlette(routes=[
        Route("/", page), Route("/questions", questions), Route("/health", health),
        Route("/sparql", sparql, methods=["GET", "POST"]), Route("/query", sparql, methods=["GET", "POST"]),
        Route("/update", sparql, methods=["POST"]),
    ], lifespan=lifespan, exception_handlers={Exception: internal_error})


def serve(store_path: str | Path, host: str = "127.0.0.1", port: int = 7878, **options) -> None:
    """Run the app on uvicorn until SIGINT or SIGTERM; requests in flight then get `SHUTDOWN_GRACE` seconds."""
    import uvicorn
    uvicorn.run(create_app(store_path, **options), host=host, port=port, log_level="warning",
                timeout_graceful_shutdown=SHUTDOWN_GRACE)
