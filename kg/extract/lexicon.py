"""Longest-match lookup of gazetteer phrases in a token sequence.

Each matcher is an Aho-Corasick automaton (pyahocorasick) over folded tokens: the
first probe of a token sequence finds every phrase in it in one pass, and the probes
that follow, one per token by the extractors, are table lookups.
"""
from __future__ import annotations

from typing import Generic, Iterable, Sequence, TypeVar

import ahocorasick

from kg.extract.text import Token, tokenize

T = TypeVar("T")
_SEP = "\x00"  # between folded tokens: no token contains it


def _key(folded: Iterable[str]) -> str:
    return _SEP + _SEP.join(folded) + _SEP


_RECENT = 4  # token sequences remembered: the extractors alternate between a sentence and a few pieces


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


def _folded_text(tokens: Sequence[Token]) -> tuple[str, dict[int, int]]:
    """The key text of a token sequence, and the token index at each separator."""
    starts, pos = {}, 0
    for i, token in enumerate(tokens):
        starts[pos] = i
        pos += len(token.folded) + 1
    return _key(t.folded for t in tokens), starts


_TEXTS: dict = {}


class PhraseMatcher(Generic[T]):
    """A set of phrases, compared token by token after case folding; the first of equal phrases wins."""

    def __init__(self, phrases: Iterable[tuple[str, T]]):
        self._automaton = ahocorasick.Automaton()
        for phrase, value in phrases:
            folded = [t.folded for t in tokenize(phrase)]
            key = _key(folded)
            if folded and key not in self._automaton:
                self._automaton.add_word(key, (len(key), len(folded), phrase, value))
        if len(self._automaton):
            self._automaton.make_automaton()
        self._tables: dict = {}  # recent token sequences: their tables of `_scan`
        self._last, self._table = None, {}  # the sequence probed last (a tuple), and its table

    def _scan(self, tokens: Sequence[Token]) -> dict[int, list[tuple[int, str, T]]]:
        """Every phrase in `tokens`, by start index, longest first: [(end index, phrase, value)]."""
        table: dict[int, list[tuple[int, str, T]]] = {}
        if not len(self._automaton):
            return table
        text, starts = _remember(_TEXTS, tokens, _folded_text)
        for end, (length, size, phrase, value) in self._automaton.iter(text):
            i = starts[end + 1 - length]
            table.setdefault(i, []).append((i + size, phrase, value))
        for found in table.values():
            found.sort(key=lambda m: -m[0])
        return table

    def _load(self, tokens: Sequence[Token]) -> dict[int, list[tuple[int, str, T]]]:
        table = _remember(self._tables, tokens, self._scan)
        if isinstance(tokens, tuple):
            self._last, self._table = tokens, table
        return table

    def match(self, tokens: Sequence[Token], i: int, capitalised: bool = False) -> tuple[int, str, T] | None:
        """The longest phrase starting at tokens[i]: (end index, phrase, value), or None.

        With `capitalised`, the first token must be capitalised as written in the phrase.
        """
        table = self._table if tokens is self._last else self._load(tokens)
        for end, phrase, value in table.get(i, ()):
            if not capitalised or tokens[i].text[0] == phrase[0]:
                return end, phrase, value
        return None

    def __contains__(self, phrase: str) -> bool:
        return self._automaton.exists(_key(t.folded for t in tokenize(phrase)))


class Lexicon:
    """Every gazetteer the extractor reads, as matchers over tokens. Build with `lexicon()`."""

    def __init__(self):
        from kg import gazetteer as gz
        from kg.normalize import clean, fold

        self.surnames = frozenset(clean(s) for s in gz.words("surnames.txt"))
        self.stopwords = PhraseMatcher((w, w) for w in gz.words("stopwords.txt"))
        self.countries = PhraseMatcher((clean(w), w) for w in gz.words("countries.txt"))
        self.non_persons = frozenset(fold(w) for w in gz.words("non_persons.txt"))
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
        cues = gz.pairs("cue_words.tsv")
        self.cues = {kind: frozenset(w for w, k in cues if k == kind)  # every kind the file names
                     for kind in {k for _, k in cues} | {"credit", "former", "planned", "future", "in-title"}}
        self.attendance = PhraseMatcher((w, w) for w in gz.words("attendance_words.txt"))
        self.document_types = PhraseMatcher((w, t or w) for w, t, _ in gz.triples("document_types.tsv"))
        self.descriptive_documents = frozenset(w for w, _, flag in gz.triples("document_types.tsv") if flag)


_LEXICON: Lexicon | None = None


def lexicon() -> Lexicon:
    """The shared lexicon, built on first use."""
    global _LEXICON
    if _LEXICON is None:
        _LEXICON = Lexicon()
    return _LEXICON


def place_at(tokens, k: int, lex: Lexicon) -> int | None:
    """The end of a province or country named at tokens[k], if one is."""
    m = lex.provinces.match(tokens, k, capitalised=True) or lex.countries.match(tokens, k, capitalised=True)
    return m[0] if m else None
