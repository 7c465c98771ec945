"""Longest-match lookup of gazetteer phrases in a token sequence.

The phrases of every matcher go into one Aho-Corasick automaton (pyahocorasick) over folded
tokens: the first probe of a token sequence finds every phrase of every matcher in it in one
pass, and the probes that follow, one per token by the extractors, are table lookups. Scans are
kept by the sequence's folded text, so a sentence read for the article's places and again for its
mentions, or a body's name tokenized again, is scanned once.
"""
from __future__ import annotations

import gc
import weakref
from contextlib import contextmanager
from functools import lru_cache
from typing import Generic, Iterable, Iterator, KeysView, Sequence, TypeVar

import ahocorasick

from kg.extract.text import Token, tokenize

KNOWN_NAMES = "known_names.tsv"  # persons' names the corpus establishes, written by `kg mine-names`

T = TypeVar("T")
_SEP = "\x00"  # between folded tokens: no token contains it
_RECENT = 64  # token tuples whose tables are found by identity, without spelling their key again
# Scans kept by key (then all are dropped): an article's sentences and the pieces read again. Few: what
# is kept outlives the young generations, and each full garbage collection walks every table kept
# (with 8,192 kept, those collections took a tenth of extraction's CPU).
_KEPT = 256
Table = dict[int, list[tuple[int, str, T]]]  # start index → [(end index, phrase, value)], shortest first
_NONE: Table = {}  # the table of a matcher with no phrase in a sequence (never written to)


def _key(folded: Iterable[str]) -> str:
    return _SEP + _SEP.join(folded) + _SEP


def _remember(cache: dict, tokens: Sequence[Token], make):
    """make(tokens), computed once for each of the last few tuples of tokens (lists change: not kept)."""
    entry = cache.get(id(tokens))
    if entry is not None and entry[0] is tokens:
        return entry[1]
    value = make(tokens)
    if isinstance(tokens, tuple):
        if len(cache) >= _RECENT:
            del cache[next(iter(cache))]
        cache[id(tokens)] = (tokens, value)  # the reference keeps the id from being reused
    return value


class _Index:
    """One automaton over the phrases of all live matchers; a token sequence is scanned once for all.

    `last` is the tuple of tokens probed last and `current` its tables, shared by every matcher: the
    extractors probe one sentence with one matcher after another, token by token."""

    def __init__(self):
        self.matchers: list[weakref.ref] = []
        self.automaton: ahocorasick.Automaton | None = None
        self.recent: dict = {}
        self.by_key: dict[str, list[Table]] = {}
        self.stale = False
        self.last: Sequence[Token] | None = None
        self.current: list[Table] = []

    def register(self, matcher: "PhraseMatcher") -> None:
        self.matchers.append(weakref.ref(matcher))
        self.stale = True
        self.last = None

    def _build(self) -> None:
        alive = [m for m in (ref() for ref in self.matchers) if m is not None]
        self.matchers = [weakref.ref(m) for m in alive]
        entries: dict[str, tuple[int, int, list]] = {}
        for slot, matcher in enumerate(alive):
            matcher.slot = slot
            for key, (size, phrase, value) in matcher.phrases.items():
                entries.setdefault(key, (len(key), size, []))[2].append((slot, phrase, value))
        self.automaton = ahocorasick.Automaton()
        for key, entry in entries.items():
            self.automaton.add_word(key, entry)
        self.automaton.make_automaton()
        self.recent.clear()
        self.by_key.clear()
        self.stale = False

    def tables(self, tokens: Sequence[Token]) -> list[Table]:
        """For each matcher (by slot), the table of every phrase it has in `tokens`."""
        if self.stale:
            self._build()
        tables = _remember(self.recent, tokens, self._scan)
        if isinstance(tokens, tuple):
            self.last, self.current = tokens, tables
        return tables

    def _scan(self, tokens: Sequence[Token]) -> list[Table]:
        key = _key([t.folded for t in tokens])
        tables = self.by_key.get(key)
        if tables is not None:
            return tables
        if len(self.by_key) >= _KEPT:
            self.by_key.clear()
        tables = self.by_key[key] = [_NONE] * len(self.matchers)
        if len(self.automaton):
            for end, (length, size, entries) in self.automaton.iter(key):
                i = key.count(_SEP, 0, end + 1 - length)  # the separators before the phrase: its first token
                for slot, phrase, value in entries:
                    table = tables[slot]
                    if table is _NONE:
                        table = tables[slot] = {}
                    table.setdefault(i, []).append((i + size, phrase, value))
        return tables


_INDEX = _Index()


class PhraseMatcher(Generic[T]):
    """A set of phrases, compared token by token after case folding; the first of equal phrases wins."""

    def __init__(self, phrases: Iterable[tuple[str, T]]):
        self.phrases: dict[str, tuple[int, str, T]] = {}  # key → (tokens, phrase, value)
        for phrase, value in phrases:
            folded = [t.folded for t in tokenize(phrase)]
            if folded:
                self.phrases.setdefault(_key(folded), (len(folded), phrase, value))
        self.slot = -1  # this matcher's place in the shared index
        _INDEX.register(self)

    def match(self, tokens: Sequence[Token], i: int, capitalised: bool = False) -> tuple[int, str, T] | None:
        """The longest phrase starting at tokens[i]: (end index, phrase, value), or None.

        With `capitalised`, the first token must be capitalised as written in the phrase.
        """
        index = _INDEX
        found = (index.current if tokens is index.last else index.tables(tokens))[self.slot].get(i)
        if found:
            for end, phrase, value in reversed(found):
                if not capitalised or tokens[i].text[0] == phrase[0]:
                    return end, phrase, value
        return None

    def starts(self, tokens: Sequence[Token]) -> list[int]:
        """The indices in `tokens` where a phrase starts, in order: where `match` may find one."""
        return sorted(self.starting(tokens))

    def starting(self, tokens: Sequence[Token]) -> KeysView[int]:
        """The indices in `tokens` where a phrase starts, as a set (unordered; no copy made)."""
        index = _INDEX
        return (index.current if tokens is index.last else index.tables(tokens))[self.slot].keys()

    def ending_at(self, tokens: Sequence[Token], k: int, longest: int, since: int = 0,
                  capitalised: bool = False) -> Iterator[tuple[int, str, T, int]]:
        """The phrases `match` finds up to `longest` tokens before tokens[k], and not before tokens[since],
        that end right at tokens[k] (`phường` before `Hội Hợp`), the nearest first: each as `match` gives it,
        then the index where it starts."""
        for size in range(1, min(longest, k - since) + 1):
            m = self.match(tokens, k - size, capitalised)
            if m is not None and m[0] == k:
                yield *m, k - size

    def __contains__(self, phrase: str) -> bool:
        return _key(t.folded for t in tokenize(phrase)) in self.phrases


class Lexicon:
    """Every gazetteer the extractor reads, as matchers over tokens. Build with `lexicon()`."""

    def __init__(self):
        from kg import gazetteer as gz
        from kg.normalize import clean, fold

        self.surnames = frozenset(clean(s) for s in gz.words("surnames.txt"))
        self.stopwords = PhraseMatcher((w, w) for w in gz.words("stopwords.txt"))
        self.countries = PhraseMatcher((clean(w), w) for w in gz.words("countries.txt"))
        self.non_persons = frozenset(fold(w) for w in gz.words("non_persons.txt"))
        self.known_names = PhraseMatcher((n, n) for n, _, _ in gz.mined_triples(KNOWN_NAMES))  # `kg mine-names`
        self.name_enders = frozenset(gz.words("name_enders.txt"))
        self.not_bodies = PhraseMatcher((w, w) for w in gz.words("not_bodies.txt"))
        self.honorifics = PhraseMatcher((clean(w), kind) for w, kind in gz.pairs("honorifics.tsv"))
        self.place_words = PhraseMatcher((w, w) for w in gz.words("place_words.txt"))
        self.title_links = PhraseMatcher((w, w) for w in gz.words("title_links.txt"))
        self.admin_words = PhraseMatcher((w, w) for w in gz.words("admin_words.txt"))
        self.roles = PhraseMatcher((clean(r.surface), r) for r in gz.roles())
        self.body_heads = PhraseMatcher((clean(b.head), b) for b in gz.body_heads())
        self.provinces = PhraseMatcher(  # provinces by name and alias
            (clean(name), p) for p in gz.provinces() for name in (p.name, *p.aliases))
        self.body_aliases = {fold(a): clean(c) for a, c in gz.pairs("body_aliases.tsv")}
        self.event_types = PhraseMatcher((w, t or w) for w, t in gz.pairs("event_types.tsv"))
        self.implied_place = gz.triples("implied_place.tsv")
        times = gz.pairs("time_words.tsv")
        self.time_words = {kind: frozenset(w for w, k in times if k == kind) for kind in ("opener", "follower")}
        cues = gz.pairs("cue_words.tsv")
        self.cues = {kind: frozenset(w for w, k in cues if k == kind)  # every kind the file names
                     for kind in {k for _, k in cues} | {"credit", "former", "planned", "future", "in-title"}}
        self.attendance = PhraseMatcher((w, w) for w in gz.words("attendance_words.txt"))
        self.document_types = PhraseMatcher((w, t or w) for w, t, _ in gz.triples("document_types.tsv"))
        self.descriptive_documents = frozenset(w for w, _, flag in gz.triples("document_types.tsv") if flag)


_LEXICON: Lexicon | None = None
GC_THRESHOLD = (10_000, 10, 10)  # allocations between collections of the youngest generation, and so on


def lexicon() -> Lexicon:
    """The shared lexicon, built on first use."""
    global _LEXICON
    if _LEXICON is None:
        _LEXICON = Lexicon()
    return _LEXICON


@contextmanager
def rare_collections() -> Iterator[None]:
    """The garbage collector run rarely, and never over the objects that exist already (the lexicon).

    Extraction and rendering make millions of short-lived objects and almost no cycles, so the default
    (a collection every 700 allocations, each full one walking the lexicon's tables and the modules
    loaded) costs 10-20% of their CPU time. Frozen before forking, the lexicon's pages also stay shared
    with the workers. Wrap a run over many articles in it; the settings are restored after it.
    """
    lexicon()
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def cue_before(tokens, end: int, cues: frozenset[str], longest: int) -> bool:
    """A cue phrase of at most `longest` words ends right before tokens[end]."""
    before = " ".join(t.folded for t in tokens[max(0, end - longest):end])
    return any(before == cue or before.endswith(" " + cue) for cue in cues)


@lru_cache(maxsize=None)
def listed(file: str) -> PhraseMatcher[str]:
    """The phrases of a word list under data/ (`body_breaks.txt`), as a matcher of themselves, built once."""
    from kg import gazetteer
    return PhraseMatcher((w, w) for w in gazetteer.words(file))


def opens_time_phrase(tokens, k: int, lex: Lexicon) -> bool:
    """`Ngày 5/6`, `Sáng nay` at tokens[k]: a heading's or a caption's time phrase (data/time_words.tsv), glued
    to the name before it, not a word of that name."""
    if tokens[k].text not in lex.time_words["opener"] or k + 1 >= len(tokens):
        return False
    nxt = tokens[k + 1].text
    return nxt[0].isdigit() or nxt in lex.time_words["follower"]


def place_at(tokens, k: int, lex: Lexicon) -> int | None:
    """The end of a province or country named at tokens[k], if one is."""
    m = lex.provinces.match(tokens, k, capitalised=True) or lex.countries.match(tokens, k, capitalised=True)
    return m[0] if m else None
