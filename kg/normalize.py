"""Text normalisation: Unicode NFC, one tone-mark placement, expanded abbreviations.

Normalised text keeps a map back to the original, so that every extracted span
can be reported at its place in the article as written.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache

from kg import gazetteer

try:
    from re import _parser as re_parser  # Python 3.11 on
except ImportError:  # pragma: no cover
    import sre_parse as re_parser

TONE_MARKS = {"\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5"}


def _old_style_table() -> dict[str, str]:
    """`oà` → `òa`, `uỷ` → `ủy` … for every tone and case, all in composed (NFC) form."""
    table = {}
    for first in "oOuU":
        for second in "aAeEyY":
            for mark in TONE_MARKS:
                old = first + unicodedata.normalize("NFC", second + mark)
                table[old] = unicodedata.normalize("NFC", first + mark) + second
    return table


_OLD_STYLE = _old_style_table()
assert {len(old) for old in _OLD_STYLE} == {2}  # the look-behind below is written for two characters
# Not after q (`quý`), nor before a letter. The look-behind comes last: a pattern that starts with its
# alternatives of literals is searched by first character, which makes it about ten times faster.
_OLD_STYLE_RE = re.compile(r"(?:" + "|".join(_OLD_STYLE) + r")(?<![qQ]..)(?![^\W\d_])")
_QUOTES = {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "\u00a0": " ", "\u2009": " ", "\u200b": " ",
           "\ufeff": " "}


def fix_tone_placement(text: str) -> str:
    """Write `hoà`, `uỷ`, `khoẻ` as `hòa`, `ủy`, `khỏe` (the placement the gazetteers use).

    The change keeps the text's length, so offsets stay valid.
    """
    return _OLD_STYLE_RE.sub(lambda m: _OLD_STYLE[m.group()], text)


def _plain_quotes(text: str) -> str:
    """Curly quotes as straight ones, odd spaces as spaces (one character each: offsets stay valid)."""
    for odd, plain in _QUOTES.items():
        if odd in text:  # str.replace per character is many times faster than str.translate
            text = text.replace(odd, plain)
    return text


@dataclass(frozen=True)
class NormalisedText:
    """Text after normalisation, with the original offset of every character.

    Only abbreviations change lengths, so the map back is kept as the expansions alone: (start, end) in
    `text`, then in `original`, in order; every other character is where the expansions before it put it."""

    text: str
    original: str
    expansions: tuple[tuple[int, int, int, int], ...] = ()

    @cached_property
    def _starts(self) -> list[int]:
        return [start for start, _, _, _ in self.expansions]

    @property
    def offsets(self) -> tuple[int, ...]:
        """The original offset of each character of `text`."""
        return tuple(map(self._offset, range(len(self.text))))

    def _offset(self, i: int) -> int:
        k = bisect_right(self._starts, i) - 1
        if k < 0:
            return i
        start, end, original_start, original_end = self.expansions[k]
        return original_start if i < end else original_end + i - end

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span in the original text that produced text[start:end]."""
        if start >= len(self.text):
            return len(self.original), len(self.original)
        first = self._offset(start)
        last = self._offset(end) if end < len(self.text) else len(self.original)
        return first, max(last, first + 1)

    def original_text(self, start: int, end: int) -> str:
        a, b = self.original_span(start, end)
        return self.original[a:b]


def _expand(text: str) -> tuple[str, tuple[tuple[int, int, int, int], ...]]:
    """The text with its abbreviations expanded, and the expansions as `NormalisedText` keeps them."""
    out: list[str] = []
    expansions = []
    pos = at = 0  # in `text`, in the result
    for start, end, expansion in _abbreviations(text):
        out += (text[pos:start], expansion)
        at += start - pos
        expansions.append((at, at + len(expansion), start, end))
        at += len(expansion)
        pos = end
    out.append(text[pos:])
    return "".join(out), tuple(expansions)


def _abbreviations(text: str) -> list[tuple[int, int, str]]:
    """The abbreviations in `text`, each as (start, end, expansion)."""
    pattern, branches, expansions = _abbreviation_pattern()
    found = []
    for m in pattern.finditer(text):
        expansion = expansions[branches.match(text, m.start()).lastindex]
        if m.end() < len(text) and text[m.end()].isalnum():
            expansion += " "  # `TP.Trà Vinh` → `thành phố Trà Vinh`
        found.append((m.start(), m.end(), expansion))
    return found


@lru_cache(maxsize=1)
def _abbreviation_pattern() -> tuple[re.Pattern, re.Pattern, dict[int, str]]:
    """One pattern for every abbreviation; the same with each abbreviation's pattern a group; and the
    expansion of each of those groups by its number.

    The first abbreviation that matches where the whole pattern does is the one it matched (an
    alternation tries its branches in order): the grouped pattern, matched there, names it by its last
    group (a group closes after those inside it). Searching with the grouped pattern instead is about
    ten times slower, since groups hide the branches' first characters from `re`; the whole pattern is
    only tried where one of those characters stands (three times faster than at every word start).
    """
    rows = gazetteer.abbreviations()
    firsts = [_first_characters(pattern) for pattern, _ in rows]
    start = "" if None in firsts else "(?=[" + "".join(re.escape(c) for c in sorted(set().union(*firsts))) + "])"
    whole = r"(?<![\w/\-])" + start + "(?:" + "|".join(f"(?:{pattern})" for pattern, _ in rows) + ")"
    expansions, group = {}, 1
    for pattern, expansion in rows:
        expansions[group] = expansion
        group += 1 + re.compile(pattern).groups
    branches = re.compile("|".join(f"({pattern})" for pattern, _ in rows))
    return re.compile(whole), branches, expansions


def _first_characters(pattern: str) -> frozenset[str] | None:
    """The characters a match of `pattern` may start with, or None where that is not plain to see."""
    parsed = re_parser.parse(pattern)
    return None if parsed.state.flags & re.IGNORECASE else _first_of(list(parsed))


def _first_of(items: list) -> frozenset[str] | None:
    for op, arg in items:
        if op in (re_parser.AT, re_parser.ASSERT, re_parser.ASSERT_NOT):
            continue  # `\b`, a look-around: nothing read yet
        if op == re_parser.LITERAL:
            return frozenset(chr(arg))
        if op == re_parser.IN and all(o in (re_parser.LITERAL, re_parser.RANGE) for o, _ in arg):
            return frozenset(chr(c) for o, a in arg for c in ((a,) if o == re_parser.LITERAL else range(a[0], a[1] + 1)))
        if op == re_parser.SUBPATTERN and not arg[1] & re.IGNORECASE:
            return _first_of(list(arg[-1]))
        if op == re_parser.BRANCH:
            firsts = [_first_of(list(branch)) for branch in arg[1]]
            return None if None in firsts else frozenset().union(*firsts)
        return None
    return None


def normalise(text: str, expand_abbreviations: bool = True) -> NormalisedText:
    """Normalise article text for extraction, keeping offsets into `text`."""
    text = unicodedata.normalize("NFC", text)  # articles are stored in NFC: offsets refer to it
    result = _plain_quotes(fix_tone_placement(text))  # both keep every character's place
    if not expand_abbreviations:
        return NormalisedText(result, text)
    expanded, expansions = _expand(result)
    return NormalisedText(expanded, text, expansions)


def clean(text: str) -> str:
    """Normalised text, without offsets: for names and labels (what `normalise` gives as its text)."""
    return _expand(_plain_quotes(fix_tone_placement(unicodedata.normalize("NFC", text))))[0]


MAX_FOLDED = 1 << 16  # keys kept by fold (names and bodies recur across sentences and articles)
_FOLDED: dict[bool, dict[str, str]] = {True: {}, False: {}}  # by `marks`: text → key
_SYLLABLES: dict[str, str] = {}  # fold_syllable's: the words of names and bodies are few
_PUNCTUATION = re.compile(r"[\s\-–—,.;:()\"'“”]+")


def fold_syllable(syllable: str) -> str:
    """`ủy` → `uy3`: the tone mark moved to the end as a digit, so placements compare equal."""
    folded = _SYLLABLES.get(syllable)
    if folded is None:
        if len(_SYLLABLES) >= MAX_FOLDED:
            _SYLLABLES.clear()
        folded = _SYLLABLES[syllable] = _fold_syllable(syllable)
    return folded


def _fold_syllable(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable)
    tone = "".join(TONE_MARKS[c] for c in decomposed if c in TONE_MARKS)
    base = "".join(c for c in decomposed if c not in TONE_MARKS)
    return unicodedata.normalize("NFC", base) + tone


def fold(text: str | None, marks: bool = True) -> str:
    """A comparison key: abbreviations expanded, case, punctuation and tone placement folded.

    Two names that a reader would call the same give the same key. With `marks=False` every
    diacritic is dropped too (`đ` → `d`), for names typed without them. Keys are kept in a plain
    dict, emptied when full: an lru_cache keeps a list per entry, which every full garbage
    collection walks.
    """
    if not text:
        return ""
    kept = _FOLDED[marks]
    key = kept.get(text)
    if key is None:
        if len(kept) >= MAX_FOLDED:
            kept.clear()
        key = kept[text] = _fold(text, marks)
    return key


def _fold(text: str, marks: bool) -> str:
    text = _PUNCTUATION.sub(" ", clean(text).casefold()).strip()
    if not marks:
        bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
        return bare.replace("đ", "d")
    return " ".join(fold_syllable(s) for s in text.split())
