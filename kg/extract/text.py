"""Sentences and tokens of normalised text, each with its character offsets."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

_TOKEN = re.compile(r"\w+(?:[./\-&]\w+)*|[^\w\s]")
# A sentence ends at a line break, or at . ! ? … before a capital letter or a quote.
_SENTENCE_END = re.compile(r"\n+|(?<=[.!?…])\s+(?=[\"'(\[]?[^\W\d_])")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_capitalised(self) -> bool:
        return self.text[0].isupper()

    @cached_property
    def folded(self) -> str:
        return self.text.casefold()


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    tokens: tuple[Token, ...]

    def span_text(self, i: int, j: int) -> str:
        """The text of tokens i..j-1, as written between them."""
        return self.text[self.tokens[i].start - self.start:self.tokens[j - 1].end - self.start]


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    return tuple(Token(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text))


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
