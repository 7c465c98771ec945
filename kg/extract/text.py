"""Sentences and tokens of normalised text, each with its character offsets."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

_TOKEN = re.compile(r"\w+(?:[./\-&]\w+)*|[^\w\s]")
# A sentence ends at a line break, or at . ! ? … before a capital letter or a quote.
_SENTENCE_END = re.compile(r"\n+|(?<=[.!?…])\s+(?=[\"'(\[]?[^\W\d_])")


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


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    return tuple([_new(Token, (w := m.group(), m.start() + offset, m.end() + offset, w.casefold(), w[0].isalpha(),
                               w[0].isupper())) for m in _TOKEN.finditer(text)])


def sentences(text: str) -> list[Sentence]:
    """Split text into sentences at line breaks and sentence-final punctuation."""
    found, pos = [], 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            start = pos + chunk.index(stripped[0])
            found.append(Sentence(stripped, start, start + len(stripped), tokenize(stripped, start)))
        if m:
            pos = m.end()
    return found
