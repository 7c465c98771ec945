"""Ingest as map → resolve → load, each stage a module.

1. `extract`: the pure extractor mapped over new or changed articles (processes or Dask), cached;
2. `resolve`: person resolution over every mention of the name blocks those articles touch;
3. `load`: the article graphs whose content or resolution changed, bulk-loaded, hash last.

Stages hand over through the ingest state (`state`), written in transactions, so that a run
killed at any point is completed by the next one, whatever that one is given.
"""
from __future__ import annotations

import resource
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from pathlib import Path
from typing import Callable, Collection, Iterable

from kg.articles import content_hash, read_articles
from kg.errors import InputError
from kg.ingest.extract import extraction_fingerprint, extractions, fingerprint, workers_default
from kg.ingest.load import BATCH, TRIPLES, Background, Finisher, graphs_in_store, load, render_personless
from kg.ingest.resolve import person_keys, resolve
from kg.ingest.state import IngestState, pack
from kg.records import Article, Extraction
from kg.resolve import article_iri

SAVE_EVERY = 500  # extractions cached per transaction while the map runs


@dataclass
class IngestSummary:
    articles: int = 0  # read and stored (new or changed)
    unchanged: int = 0  # already stored with the same content
    skipped: int = 0  # could not be read
    problems: list[InputError] = field(default_factory=list)
    triples: int = 0  # in the store afterwards
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)  # seconds of read, extract, resolve, load
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds of each stage, its worker processes included
    graphs_written: int = 0  # article graphs (re)loaded, new ones and those whose persons resolved anew


@lru_cache(maxsize=1)
def store_fingerprint() -> str:
    """A digest of the resolution and RDF code: a change resolves and loads every article again."""
    return fingerprint("kg.rdf", "kg.resolve", "kg.ingest.resolve", "kg.ingest.load")


def _check_fingerprint(state: IngestState) -> None:
    if state.meta("store_fingerprint") != store_fingerprint():
        with state.transaction():
            state.invalidate()
            state.set_meta("store_fingerprint", store_fingerprint())


def _new_graphs(store, articles: list[Article]) -> set[str]:
    """The articles, each given once, whose graph the store does not hold: begun in the map."""
    counts = Counter(a.id for a in articles)
    once = [a for a, n in counts.items() if n == 1]
    held = graphs_in_store(store, once) if once else set()
    return {a for a in once if str(article_iri(a)) not in held}


def _extract(state: IngestState, articles: list[Article], hashes: dict[str, str], workers: int,
             dask: str | None, progress: Callable | None, summary: IngestSummary,
             begin: Collection[str], run: str, loader: Background) -> tuple[dict[str, Extraction], dict[str, str]]:
    """Stage 1: the extraction of each article, cached as it comes; the articles recorded as pending.

    The articles `begin` names have the PERSONLESS part of their graphs rendered by the workers and loaded
    in the background as the map goes on (`load.Background`), each batch once the state has its articles
    pending (`_begin`); those begun are returned with the extractions ({article id: extraction hash}).
    """
    found, fresh, parts, begun = {}, [], [], {}
    cached = state.cached(hashes[a.id] for a in articles)
    render = partial(render_personless, run=run)
    for article, extraction, packed, part in extractions(articles, cached, hashes, workers, dask, render, begin):
        if progress:
            progress(article)
        if isinstance(extraction, InputError):
            summary.articles, summary.skipped = summary.articles - 1, summary.skipped + 1
            summary.problems.append(extraction)
            continue
        found[article.id] = _with_article(extraction, article)
        if packed:
            fresh.append((hashes[article.id], packed))
        if len(fresh) >= SAVE_EVERY:
            with state.transaction():
                state.save_extractions(fresh)
            fresh = []
        if part is not None:
            parts.append((article.id, part))
            begun[article.id] = hashes[article.id]
        if len(parts) >= BATCH:
            _begin(state, loader, parts, fresh, found, hashes)
            fresh, parts = [], []
    if parts:
        _begin(state, loader, parts, fresh, found, hashes)
        fresh = []
    with state.transaction():
        state.save_extractions(fresh)
        state.record((a, hashes[a], person_keys(e)) for a, e in found.items() if a not in begun)  # begun: recorded
    return found, begun


def _begin(state: IngestState, loader: Background, parts: list[tuple[str, bytes]], fresh: list[tuple[str, bytes]],
           found: dict[str, Extraction], hashes: dict[str, str]) -> None:
    """Load the PERSONLESS parts of these articles' graphs, once the state has them pending (their extractions
    cached first, with the others `fresh`): a run that dies after this leaves part of a graph the next run
    finishes, whatever articles that run is given (settle loads what is pending, the part unhooked first)."""
    with state.transaction():
        state.save_extractions(fresh)
        state.record((a, hashes[a], person_keys(found[a])) for a, _ in parts)
    loader.load([b"".join(part for _, part in parts)])


def _with_article(extraction: Extraction, article: Article) -> Extraction:
    """An extraction with the article as given now: the cache keeps no text (`state.pack`), and the same content
    may come with another url."""
    return replace(extraction, article=article)


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (a stage's worker pool ends with the stage)."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def run(store, state: IngestState, paths: Iterable[str | Path], progress: Callable | None = None,
        workers: int | None = None, dask: str | None = None) -> IngestSummary:
    """Read every article under `paths` into the store; unreadable input is counted and skipped."""
    summary, started, cpu = IngestSummary(), time.perf_counter(), cpu_seconds()
    workers = workers or workers_default()
    articles = []
    for item in read_articles(paths):
        if isinstance(item, InputError):
            summary.skipped += 1
            summary.problems.append(item)
            if progress:
                progress(item)
        else:
            articles.append(item)
    _check_fingerprint(state)
    salt, stored = extraction_fingerprint(), state.article_hashes()
    hashes = {a.id: content_hash(a, salt) for a in articles}
    changed = [a for a in articles if stored.get(a.id) != hashes[a.id]]
    summary.unchanged, summary.articles = len(articles) - len(changed), len(changed)
    if progress:
        for a in articles:
            if stored.get(a.id) == hashes[a.id]:
                progress(a)
    begin, run_id = _new_graphs(store, changed) if changed else set(), uuid.uuid4().hex
    if begin:  # the store changes from the map on: its triples are counted again after the run
        with state.transaction():
            state.drop_meta(TRIPLES)
    summary.stages["read"], summary.cpu["read"] = time.perf_counter() - started, cpu_seconds() - cpu
    with Background(store) as loader:
        found, begun = _timed(summary, "extract", _extract, state, changed, hashes, workers, dask, progress,
                              summary, begin, run_id, loader)
        settle(store, state, found, workers, summary, run_id, begun, loader)
    summary.triples = triple_count(store, state)
    summary.seconds = time.perf_counter() - started
    return summary


def settle(store, state: IngestState, found: dict[str, Extraction], workers: int = 1,
           summary: IngestSummary | None = None, run: str = "", begun: dict[str, str] | None = None,
           loader: Background | None = None) -> None:
    """Stages 2 and 3: resolve the dirty blocks, then load what is pending (after a crash too).

    The graphs `begun` in the map ({article id: extraction hash}; loaded by `loader`) are finished as
    their persons resolve: the resolve stage's time includes rendering them (`load.Finisher`).
    """
    summary = summary or IngestSummary()
    finisher = Finisher(state, begun, found, store_fingerprint(), run, loader) if begun else None
    resolved = _timed(summary, "resolve", resolve, state, found, finisher)
    summary.graphs_written = _timed(summary, "load", load, store, state, found, store_fingerprint(), workers,
                                    resolved, run, finisher)


def triple_count(store, state: IngestState) -> int:
    """The store's triples: counted (a scan of the whole store) after a run that changed it, else remembered."""
    known = state.meta(TRIPLES)
    if known is None:
        known = str(store.triple_count())
        with state.transaction():
            state.set_meta(TRIPLES, known)
    return int(known)


def _timed(summary: IngestSummary, stage: str, function, *args):
    started, cpu = time.perf_counter(), cpu_seconds()
    result = function(*args)
    summary.stages[stage], summary.cpu[stage] = time.perf_counter() - started, cpu_seconds() - cpu
    return result


def add_extraction(store, state: IngestState, extraction: Extraction) -> None:
    """Store what was extracted from one article, resolved with what the store already holds."""
    article = extraction.article
    key = content_hash(article, extraction_fingerprint())
    _check_fingerprint(state)
    with state.transaction():
        state.save_extractions([(key, pack(extraction))])
        state.record([(article.id, key, person_keys(extraction))])
    settle(store, state, {article.id: extraction})


def remove(store, state: IngestState, article_id: str) -> bool:
    """Take an article out of the store, with every entity only it named; False if it was not there."""
    if article_id not in state.article_hashes() and not store.has_graph(article_iri(article_id)):
        return False
    with state.transaction():
        state.forget(article_id)
    settle(store, state, {})
    return True
