"""The ingest state beside the store: which articles it should hold, their extractions, and a journal.

A small SQLite file (`kg-ingest.sqlite` inside an on-disk store's folder; in memory for other
stores) records, in transactions that survive a crash:
- `extraction`: each article's extraction, keyed by its content hash and the extraction code;
- `article`: the articles the store should hold, with `pending` set until their graph is loaded;
- `mention`: the name blocks (`kg.resolve.block_key`) of the persons each article mentions;
- `resolution`: which node each (article, person name) is, and the evidence (score, features) that joined it;
- `dirty`: the name blocks to resolve again; `doomed`: graphs to remove; `orphan`: entities to collect;
- `meta`: the fingerprint of the resolution and RDF code the store was built with, and its triple count
  since the last change (`triples`).
"""
from __future__ import annotations

import json
import pickle
import sqlite3
import zlib
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

from rdflib import URIRef

from kg.errors import StoreError
from kg.records import Extraction
from kg.resolve import PersonResolution, block_key

FILE_NAME = "kg-ingest.sqlite"
BLOCKS = "plain"  # how `mention` keys name blocks: a state keyed otherwise is keyed again
_SCHEMA = """
CREATE TABLE IF NOT EXISTS extraction (hash TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS article (id TEXT PRIMARY KEY, hash TEXT NOT NULL, pending INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS mention (key TEXT NOT NULL, article TEXT NOT NULL, PRIMARY KEY (key, article));
CREATE INDEX IF NOT EXISTS mention_article ON mention (article);
CREATE TABLE IF NOT EXISTS resolution (article TEXT NOT NULL, name TEXT NOT NULL, iri TEXT NOT NULL,
    key TEXT NOT NULL, context TEXT NOT NULL, reason TEXT NOT NULL, score REAL NOT NULL DEFAULT 0,
    features TEXT NOT NULL DEFAULT '[]', PRIMARY KEY (article, name));
CREATE INDEX IF NOT EXISTS resolution_key ON resolution (key);
CREATE TABLE IF NOT EXISTS dirty (key TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS doomed (id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS orphan (iri TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def pack(extraction: Extraction) -> bytes:
    """An extraction for the cache, without its article's text: nothing after extraction reads the text (the
    graph names the article by id, title, date, source and url), and it was half of what a worker pickled, this
    process unpacked and SQLite stored. An article ingested again is given back whole (`kg.ingest._with_article`)."""
    textless = replace(extraction, article=replace(extraction.article, text=""))
    return zlib.compress(pickle.dumps(textless, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(data: bytes) -> Extraction:
    return pickle.loads(zlib.decompress(data))


class IngestState:
    """The sidecar of one store; `path=None` keeps it in memory."""

    def __init__(self, path: str | Path | None = None):
        try:
            self.db = sqlite3.connect(str(path) if path else ":memory:", isolation_level=None)
            self.db.executescript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;" + _SCHEMA)
            self._add_evidence_columns()
            self._rekey_blocks()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the ingest state {path}: {exc}") from exc

    def _add_evidence_columns(self) -> None:
        """A state written before resolutions kept their evidence: add the columns, resolve and load all again."""
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(resolution)")}
        if "features" in columns:
            return
        with self.transaction():
            self.db.execute("ALTER TABLE resolution ADD COLUMN score REAL NOT NULL DEFAULT 0")
            self.db.execute("ALTER TABLE resolution ADD COLUMN features TEXT NOT NULL DEFAULT '[]'")
            self.invalidate()

    def _rekey_blocks(self) -> None:
        """A state whose blocks were keyed otherwise (by the name with diacritics): its mentions keyed again
        from the cached extractions; every block is then resolved and every graph loaded again."""
        if self.meta("blocks") == BLOCKS:
            return
        with self.transaction():
            articles = self.db.execute("SELECT a.id, e.data FROM article a JOIN extraction e ON e.hash = a.hash")
            keys = [(block_key(p.name), a) for a, data in articles.fetchall() for p in unpack(data).persons]
            for table in ("mention", "resolution", "dirty"):
                self.db.execute(f"DELETE FROM {table}")
            self.db.executemany("INSERT OR IGNORE INTO mention VALUES (?, ?)", keys)
            self.invalidate()
            self.set_meta("blocks", BLOCKS)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All the writes inside land together or not at all."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    def meta(self, name: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def article_hashes(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT id, hash FROM article"))

    def pending(self) -> list[tuple[str, str]]:
        """(article id, extraction hash) of the articles whose graphs are to be (re)loaded."""
        return self.db.execute("SELECT id, hash FROM article WHERE pending ORDER BY id").fetchall()

    def doomed(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM doomed ORDER BY id")]

    def orphans(self) -> list[URIRef]:
        return [URIRef(r[0]) for r in self.db.execute("SELECT iri FROM orphan ORDER BY iri")]

    def dirty_keys(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT key FROM dirty ORDER BY key")]

    def cached(self, hashes: Iterable[str]) -> dict[str, Extraction]:
        """The extractions cached under these hashes (those found)."""
        found = {}
        for chunk in _chunks(list(dict.fromkeys(hashes))):
            marks = ",".join("?" * len(chunk))
            for h, data in self.db.execute(f"SELECT hash, data FROM extraction WHERE hash IN ({marks})", chunk):
                found[h] = unpack(data)
        return found

    def articles_mentioning(self, keys: Iterable[str]) -> dict[str, str]:
        """{article id: extraction hash} of the stored articles that mention a person of these keys."""
        found = {}
        for chunk in _chunks(list(keys)):
            marks = ",".join("?" * len(chunk))
            found.update(self.db.execute(
                f"SELECT DISTINCT a.id, a.hash FROM mention m JOIN article a ON a.id = m.article "
                f"WHERE m.key IN ({marks})", chunk))
        return found

    def keys_of(self, article_id: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT key FROM mention WHERE article = ?", (article_id,))]

    def resolutions(self, article_ids: Iterable[str]) -> dict[tuple[str, str], PersonResolution]:
        found = {}
        for chunk in _chunks(list(article_ids)):
            marks = ",".join("?" * len(chunk))
            for article, name, iri, key, context, reason, score, features in self.db.execute(
                    f"SELECT article, name, iri, key, context, reason, score, features FROM resolution "
                    f"WHERE article IN ({marks})", chunk):
                found[article, name] = PersonResolution(URIRef(iri), key, context, reason, score,
                                                        tuple(json.loads(features)))
        return found

    def set_meta(self, name: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (name, value))

    def drop_meta(self, name: str) -> None:
        self.db.execute("DELETE FROM meta WHERE name = ?", (name,))

    def save_extractions(self, extractions: Iterable[tuple[str, bytes]]) -> None:
        """Cache packed extractions (`pack`) by hash (a crash keeps what was saved)."""
        self.db.executemany("INSERT OR REPLACE INTO extraction VALUES (?, ?)", extractions)

    def record(self, articles: Iterable[tuple[str, str, list[str]]]) -> None:
        """Articles (id, extraction hash, person keys) new or changed: pending, their old and new blocks dirty."""
        for article_id, extraction_hash, keys in articles:
            self.db.execute("INSERT OR IGNORE INTO dirty SELECT key FROM mention WHERE article = ?", (article_id,))
            self.db.execute("DELETE FROM mention WHERE article = ?", (article_id,))
            self.db.execute("INSERT OR REPLACE INTO article VALUES (?, ?, 1)", (article_id, extraction_hash))
            self.db.executemany("INSERT OR IGNORE INTO mention VALUES (?, ?)", ((k, article_id) for k in keys))
            self.db.executemany("INSERT OR IGNORE INTO dirty VALUES (?)", ((k,) for k in keys))
            self.db.execute("DELETE FROM doomed WHERE id = ?", (article_id,))

    def forget(self, article_id: str) -> None:
        """The store should no longer hold this article: its graph doomed, its blocks dirty."""
        self.db.execute("INSERT OR IGNORE INTO dirty SELECT key FROM mention WHERE article = ?", (article_id,))
        for table, column in (("mention", "article"), ("resolution", "article"), ("article", "id")):
            self.db.execute(f"DELETE FROM {table} WHERE {column} = ?", (article_id,))
        self.db.execute("INSERT OR IGNORE INTO doomed VALUES (?)", (article_id,))

    def invalidate(self) -> None:
        """Resolve every block again and reload every graph (the resolution or RDF code changed)."""
        self.db.execute("UPDATE article SET pending = 1")
        self.db.execute("INSERT OR IGNORE INTO dirty SELECT DISTINCT key FROM mention")

    def save_resolutions(self, keys: list[str], resolutions: dict[tuple[str, str], PersonResolution],
                         changed: Iterable[str]) -> None:
        """The resolutions of these blocks; the articles whose graphs they change become pending."""
        for chunk in _chunks(keys):
            marks = ",".join("?" * len(chunk))
            self.db.execute(f"DELETE FROM resolution WHERE key IN ({marks})", chunk)
            self.db.execute(f"DELETE FROM dirty WHERE key IN ({marks})", chunk)
        self.db.executemany("INSERT OR REPLACE INTO resolution VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            ((a, n, str(r.iri), r.key, r.context, r.reason, r.score,
                              json.dumps(list(r.features), ensure_ascii=False))
                             for (a, n), r in resolutions.items()))
        self.db.executemany("UPDATE article SET pending = 1 WHERE id = ?", ((a,) for a in changed))

    def add_orphans(self, iris: Iterable[URIRef]) -> None:
        self.db.executemany("INSERT OR IGNORE INTO orphan VALUES (?)", ((str(i),) for i in iris))

    def loaded(self, article_ids: Iterable[str]) -> None:
        """These graphs are in the store as they should be."""
        self.db.executemany("UPDATE article SET pending = 0 WHERE id = ?", ((a,) for a in article_ids))

    def collected(self, doomed: Iterable[str]) -> None:
        """These graphs are gone, and the entities journalled are collected."""
        self.db.executemany("DELETE FROM doomed WHERE id = ?", ((d,) for d in doomed))
        self.db.execute("DELETE FROM orphan")


def _chunks(items: list, size: int = 500) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
