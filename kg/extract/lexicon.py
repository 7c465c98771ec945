"""Longest-match lookup of gazetteer phrases in a token sequence."""
from __future__ import annotations

from typing import Generic, Iterable, Sequence, TypeVar

from kg.extract.text import Token, tokenize

T = TypeVar("T")


class PhraseMatcher(Generic[T]):
    """A trie of phrases, compared token by token after case folding."""

    def __init__(self, phrases: Iterable[tuple[str, T]]):
        self._root: dict = {}
        for phrase, value in phrases:
            node = self._root
            for token in tokenize(phrase):
                node = node.setdefault(token.folded, {})
            node.setdefault(None, (phrase, value))

    def match(self, tokens: Sequence[Token], i: int, capitalised: bool = False) -> tuple[int, str, T] | None:
        """The longest phrase starting at tokens[i]: (end index, phrase, value), or None.

        With `capitalised`, the first token must be capitalised as written in the phrase.
        """
        node, best = self._root, None
        j = i
        while j < len(tokens) and tokens[j].folded in node:
            node = node[tokens[j].folded]
            j += 1
            if None in node:
                phrase, value = node[None]
                if not capitalised or tokens[i].text[0] == phrase[0]:
                    best = (j, phrase, value)
        return best

    def __contains__(self, phrase: str) -> bool:
        node = self._root
        for token in tokenize(phrase):
            if token.folded not in node:
                return False
            node = node[token.folded]
        return None in node


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
        self.cues = {kind: frozenset(w for w, k in cues if k == kind)
                     for kind in ("credit", "former", "planned", "future", "in-title", "title-filler")}
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
