"""Stage 1, extract: the pure `kg.extract.extract` mapped over articles, in processes or on Dask.

Results are cached by the article's content hash salted with `extraction_fingerprint()`, a digest
of the extraction code and the data files only: a change to resolution or RDF code does not
re-extract.
"""
from __future__ import annotations

import ast
import hashlib
import multiprocessing
import os
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Callable, Collection, Iterable, Iterator, Sequence

from kg.errors import InputError, KGError
from kg.extract import extract
from kg.extract.lexicon import rare_collections
from kg.gazetteer import data_dir
from kg.ingest.state import pack, unpack
from kg.records import Article, Extraction

PACKAGE = Path(__file__).resolve().parent.parent
CHUNK = 16  # articles per task sent to a worker
DASK_BATCH = 200  # articles per Dask task


def _module_file(name: str) -> Path | None:
    parts = name.split(".")[1:]
    for candidate in (PACKAGE.joinpath(*parts).with_suffix(".py"), PACKAGE.joinpath(*parts, "__init__.py")):
        if parts and candidate.is_file():
            return candidate
    return None


@lru_cache(maxsize=None)  # both fingerprints read the modules they share
def _imports(path: Path) -> frozenset[str]:
    """The `kg.*` modules a source file imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("kg."))
        elif isinstance(node, ast.ImportFrom) and node.module and (node.module + ".").startswith("kg."):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return frozenset(found)


def code_files(*modules: str) -> list[Path]:
    """The source files of these modules and of every `kg` module they import, directly or not."""
    seen: dict[Path, None] = {}
    pending = list(modules)
    while pending:
        path = _module_file(pending.pop())
        if path is not None and path not in seen:
            seen[path] = None
            pending.extend(_imports(path))
    return sorted(seen)


def fingerprint(*modules: str, data: bool = True) -> str:
    """A digest of the code of these modules (with what they import) and, with `data`, of data/."""
    digest = hashlib.sha256()
    files = code_files(*modules) + (sorted(p for p in data_dir().rglob("*") if p.is_file()) if data else [])
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


@lru_cache(maxsize=1)
def extraction_fingerprint() -> str:
    return fingerprint("kg.extract", "kg.articles")


def workers_default() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def safe_extract(article: Article) -> Extraction | InputError:
    """The extraction of one article; a failure of the extractor is reported for that article, not raised."""
    try:
        return extract(article)
    except Exception as exc:  # one article must not stop the run: the failure is reported and it is skipped
        return InputError(article.source or article.id, f"article {article.id!r}: extraction failed "
                          f"({type(exc).__name__}: {exc}); please report it")


Render = Callable[[Extraction], bytes]  # a part of an article's graph, rendered by the worker that extracted it
Item = tuple[Article, Render | None]
Made = tuple[bytes, bytes | None]  # the packed extraction, and what `render` made of it (None: not asked)


def packed_extract(item: Item) -> Made | InputError:
    """The extraction of one article packed for the cache, by the worker (the main process only unpacks it),
    and the part of its graph the item's `render` writes, from the extraction at hand."""
    article, render = item
    found = safe_extract(article)
    if isinstance(found, InputError):
        return found
    return pack(found), render(found) if render else None


def _extract_batch(items: Sequence[Item]) -> list[Made | InputError]:
    return [packed_extract(i) for i in items]


def extract_all(items: Sequence[Item], workers: int = 1, dask: str | None = None) -> Iterator[Made | InputError]:
    """`packed_extract` of each item, in input order: in this process (1 worker), a pool, or Dask.

    `dask` is `"local"` for a LocalCluster of `workers` processes, or a scheduler address.
    """
    if dask:
        yield from _on_dask(items, workers, dask)
    else:
        yield from pooled(packed_extract, items, workers)


@contextmanager
def worker_pool(workers: int) -> Iterator[Callable[[Callable, Sequence], Iterator]]:
    """An `imap(function, items)` that maps in `workers` forked processes (in this one for a single worker).

    Each call returns at once: the workers start on its items while the caller does something else.
    """
    with rare_collections():
        if workers <= 1:
            yield map
            return
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield lambda function, items: pool.imap(function, items, max(1, min(CHUNK, len(items) // (4 * workers))))


def pooled(function, items: Sequence, workers: int) -> Iterator:
    """`map(function, items)` in `workers` forked processes (in this one for a single worker or item)."""
    if not items:
        return
    with worker_pool(min(workers, len(items))) as imap:
        yield from imap(function, items)


def _on_dask(items: Sequence[Item], workers: int, address: str) -> Iterator[Made | InputError]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise KGError("--dask needs the dask extra: pip install -e '.[dask]'") from exc
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) \
        if address == "local" else None
    try:
        with Client(cluster or address) as client:
            batches = [items[i:i + DASK_BATCH] for i in range(0, len(items), DASK_BATCH)]
            for future in client.map(_extract_batch, batches, pure=False):
                yield from future.result()
    except OSError as exc:
        raise KGError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    finally:
        if cluster is not None:
            cluster.close()


def extractions(articles: Iterable[Article], cached: dict[str, Extraction], hashes: dict[str, str],
                workers: int, dask: str | None, render: Render | None = None, rendered: Collection[str] = ()
                ) -> Iterator[tuple[Article, Extraction | InputError, bytes | None, bytes | None]]:
    """(article, extraction or failure, the extraction packed if newly made, what `render` made of it) for each
    article: from `cached` by hash, else extracted; `render` runs, by the worker, for the articles
    `rendered` names."""
    articles = list(articles)
    made = extract_all([(a, render if a.id in rendered else None) for a in articles if hashes[a.id] not in cached],
                       workers, dask)
    for article in articles:
        found = cached.get(hashes[article.id])
        if found is not None:
            yield article, found, None, None
            continue
        result = next(made)
        if isinstance(result, InputError):
            yield article, result, None, None
        else:
            yield article, unpack(result[0]), *result
