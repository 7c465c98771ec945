"""Sentences and tokens of normalised text, each with its character offsets."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate, repeat
from operator import itemgetter
from typing import NamedTuple

_SPLIT = re.compile(r"(\w+(?:[./\-&]\w+)*|[^\w\s])")  # a token: a word (inner joiners kept) or a mark
_CAPITALS = "".join(c for c in map(chr, range(0x41, 0x1F00)) if c.isupper() and c.isalpha())
_LOWERS = "".join(c for c in map(chr, range(0x61, 0x1F00)) if c.islower() and c.isalpha())
# A full stop glued to the next sentence (`quy hoạch đè lên.Chủ tịch UBND tỉnh …`, `330 km/h.Trang bị …`): a word in
# lower case, `.`, a capitalised word. _GLUED finds where one may be (also `Tp.Hà`, `St.Petersburg`, which stay);
# _GLUED_DOT, in a token, the lower-case part (from the token's start or a joiner) the dot ends.
_GLUED = re.compile(f"\\.(?<=[{_LOWERS}]\\.)[{_CAPITALS}][{_LOWERS}]")  # the dot first: scanned for at C speed
_GLUED_DOT = re.compile(f"(?:^|(?<=[./\\-&]))[{_LOWERS}]+\\.(?=[{_CAPITALS}][{_LOWERS}])")
# A sentence ends at a line break, at . ! ? … before a letter or a quote, and at a run of spaces between
# two capitalised words (`HLV Nguyễn Hữu Thắng  Không giống …`: a caption's lost line break). Every end starts
# with a space: the look-ahead for one lets the scan skip any other character at once (twice as fast).
_SENTENCE_END = re.compile(
    r"(?=\s)(?:\n+|(?<=[.!?…])\s+(?=[\"'(\[]?[^\W\d_])|(?<=\w)(?P<gap> {2,})(?=[" + _CAPITALS + "]))")


class Token(NamedTuple):
    """A word or a mark, with its offsets, case-folded text and first-letter tests, all computed once
    (the extractors read them millions of times: a property or a cached property costs several times more)."""

    text: str
    start: int
    end: int
    folded: str
    is_word: bool  # starts with a letter
    is_capitalised: bool  # starts with a capital


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    tokens: tuple[Token, ...]

    def span_text(self, i: int, j: int) -> str:
        """The text of tokens i..j-1, as written between them."""
        return self.text[self.tokens[i].start - self.start:self.tokens[j - 1].end - self.start]


_new = tuple.__new__  # a token made without NamedTuple's keyword-handling constructor: twice as fast
_first = itemgetter(0)
MAX_KEPT = 1 << 13  # names tokenized again and again (a body's name by each test of it): their tokens are kept
_KEPT: dict[str, tuple[Token, ...]] = {}


def tokenize(text: str) -> tuple[Token, ...]:
    """The tokens of a short text (a name, a phrase), the same tuple for the same text while it is kept."""
    tokens = _KEPT.get(text)
    if tokens is None:
        if len(_KEPT) >= MAX_KEPT:
            _KEPT.clear()
        tokens = _KEPT[text] = _tokens(text)
    return tokens


def _tokens(text: str) -> tuple[Token, ...]:
    """The tokens of `text`, every field made by a map over all of them (a comprehension making each token costs
    a third more): the split by the token pattern alternates the text between tokens and the tokens, so the
    running sum of the parts' lengths gives each token's start and end (no match object per token)."""
    parts = _SPLIT.split(text)
    words = parts[1::2]
    offsets = list(accumulate(map(len, parts), initial=0))
    starts, ends = offsets[1::2], offsets[2::2]
    if _GLUED.search(text):
        words, starts, ends = _unglued(words, starts)
    firsts = list(map(_first, words))
    return tuple(map(_new, repeat(Token), zip(words, starts, ends, map(str.casefold, words),
                                               map(str.isalpha, firsts), map(str.isupper, firsts))))


def _unglued(words: list[str], starts: list[int]) -> tuple[list[str], list[int], list[int]]:
    """The words with each full stop glued between a lower-case word and a capitalised one split off (a lost space
    after a sentence's end: `lên.Chủ tịch` → `lên`, `.`, `Chủ`), and their starts and ends."""
    out_words, out_starts = [], []
    for word, start in zip(words, starts):
        at = 0
        for m in _GLUED_DOT.finditer(word):
            dot = m.end() - 1
            out_words += (word[at:dot], ".")
            out_starts += (start + at, start + dot)
            at = dot + 1
        out_words.append(word[at:])
        out_starts.append(start + at)
    return out_words, out_starts, [s + len(w) for w, s in zip(out_words, out_starts)]


def _ends_sentence(m: re.Match) -> bool:
    """A run of spaces ends a sentence only after a capitalised word (`của  Tổng thống`, `Môi trường  Trần Hồng
    Hà` are sloppy spacing inside one)."""
    if m.lastgroup != "gap":
        return True
    text, at = m.string, m.start()
    return text[text.rfind(" ", 0, at) + 1].isupper()


def sentences(text: str) -> list[Sentence]:
    """Split text into sentences at line breaks and sentence-final punctuation.

    The text is tokenized once: a sentence ends at a space and tokens hold none, so its tokens are those
    of the whole text between its offsets."""
    found, pos = [], 0
    tokens = _tokens(text)
    starts = [t.start for t in tokens]
    for m in [*filter(_ends_sentence, _SENTENCE_END.finditer(text)), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            start = pos + chunk.index(stripped[0])
            stop = start + len(stripped)
            found.append(Sentence(stripped, start, stop,
                                  tokens[bisect_left(starts, start):bisect_left(starts, stop)]))
        if m:
            pos = m.end()
    return found
