"""What an article says about who a person is, beside their posts: birth year, age, residence,
occupation or status, rank, team, and the words in brackets after the name.

`Nguyễn Văn A (SN 1992, trú tại xã B, huyện C)`, `bị cáo Nguyễn Văn A, 56 tuổi`,
`thủ môn Bùi Văn D (U20 Việt Nam)`. Resolution compares these to tell namesakes apart
(kg/resolve.py). The words live in `data/descriptors.tsv` and `data/honorifics.tsv`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.gazetteer import pairs, words
from kg.normalize import fix_tone_placement
from kg.records import Article, Person

Descriptor = tuple[str, str]  # (kind, value), e.g. ("born", "1992"), ("category", "sport/coach")

WINDOW = 160  # characters read after a name, and 48 before it, within its sentence
_YEAR = r"((?:19|20)\d\d)"
_BORN = re.compile(rf"^\s*[,(–-]?\s*(?:SN|sinh năm|sinh ngày \d{{1,2}}/\d{{1,2}}/|sinh|năm sinh)\s*:?\s*{_YEAR}\b"
                   rf"|^\s*\(\s*{_YEAR}\s*[,)]", re.IGNORECASE)
_AGE = re.compile(r"^\s*[,(]\s*(\d{1,3})\s*tuổi\b|^\s*(\d{1,3})\s*tuổi\b", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(\d{1,3})\s*tuổi\s*[,(]?\s*$", re.IGNORECASE)
_RESIDENCE = re.compile(r"\b(?:thường trú|tạm trú|trú|ngụ|quê|(?<=^, )ở|(?<=^ )ở)\s*(?:tại|ở|quán)?\s*:?\s*",
                        re.IGNORECASE)
_TEAM = re.compile(r"\b(U-?\d{2}|đội tuyển|ĐT|tuyển)\s+(Việt Nam|quốc gia|VN)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n")
_BRACKET = re.compile(r"^\s*\(([^()]{1,80})\)")
_NEAR = re.compile(r"\b(?:xã|phường|thị trấn|huyện|quận|thị xã|TX|thôn|ấp|bản)\s+([A-ZÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZÀ-Ỹ][\wÀ-ỹ]*)*)")
_CAPITALISED = re.compile(r"[A-ZÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZÀ-Ỹ0-9][\wÀ-ỹ]*)*")


@lru_cache(maxsize=None)
def _categories() -> tuple[tuple[str, str], ...]:
    """(folded word, category), longest word first."""
    found = [(_low(word), category) for word, category in pairs("descriptors.tsv")]
    return tuple(sorted(found, key=lambda wc: -len(wc[0])))


@lru_cache(maxsize=None)
def _honorifics() -> tuple[tuple[str, str], ...]:
    """(folded word, kind) of forms of address, ranks and academic titles, longest first."""
    return tuple(sorted(((_low(w), k) for w, k in pairs("honorifics.tsv")), key=lambda wk: -len(wk[0])))


@lru_cache(maxsize=None)
def _place_words() -> tuple[str, ...]:
    return tuple(sorted((_low(w) for w in words("place_words.txt")), key=len, reverse=True)) + (
        "tp", "tx", "tt", "p", "q", "h")


def _low(text: str) -> str:
    return fix_tone_placement(text).casefold()


def _clip(text: str, backwards: bool = False) -> str:
    """The part of `text` inside the sentence of the name (before or after it)."""
    ends = list(_SENTENCE_END.finditer(text))
    if not ends:
        return text
    return text[ends[-1].end():] if backwards else text[:ends[0].start()]


def _words_before(before: str) -> list[Descriptor]:
    """Status words, ranks and titles right before the name, through forms of address."""
    found: list[Descriptor] = []
    rest = _low(before).rstrip(" :,")
    while rest:
        hit = next(((w, ("category", c)) for w, c in _categories() if _ends_with(rest, w)), None) or next(
            ((w, (k, w)) for w, k in _honorifics() if _ends_with(rest, w)), None)
        if hit is None:
            break
        word, (kind, value) = hit
        if kind != "address":
            found.append((kind, value))
        rest = rest[: len(rest) - len(word)].rstrip(" :,")
    return found


def _ends_with(text: str, word: str) -> bool:
    return text.endswith(word) and (len(text) == len(word) or not text[-len(word) - 1].isalnum())


def _category_after(after: str) -> list[Descriptor]:
    """`Nguyễn Văn A, thủ môn …`: a status word right after a comma."""
    low = _low(after).lstrip()
    if not low.startswith(","):
        return []
    low = low[1:].lstrip()
    return next(([("category", c)] for w, c in _categories()
                 if low.startswith(w) and not low[len(w):len(w) + 1].isalnum()), [])


def _places(text: str) -> list[str]:
    """The place names of `xã B, huyện C (tỉnh D)`: capitalised runs, admin words dropped, folded."""
    found = []
    for part in re.split(r"[,()]", text):
        part = part.strip()
        low = _low(part)
        word = next((w for w in _place_words() if low.startswith(w + " ") or low.startswith(w + ".")), None)
        if word:
            part = part[len(word):].lstrip(" .")
        match = _CAPITALISED.match(part)
        if match is None or (word is None and found == [] and not part[:1].isupper()):
            break
        found.append(_low(match.group()))
    return found


def _residence(after: str) -> list[Descriptor]:
    match = _RESIDENCE.search(after)
    if match is None or match.start() > 60:
        return []
    return [("place", p) for p in _places(after[match.end():])]


def _bracket(after: str) -> list[Descriptor]:
    """`(Viettel)`, `(SN 1995, Hải Dương)`: each part a descriptor (years and ages read elsewhere)."""
    match = _BRACKET.match(after)
    if match is None:
        return []
    found: list[Descriptor] = []
    for part in match.group(1).split(","):
        part = part.strip()
        if not part or re.search(r"\d", part) or _RESIDENCE.match(part):
            continue
        places = _places(part)
        found.extend(("place", p) for p in places) if places else found.append(("tag", _low(part)))
    return found


def _mention(before: str, after: str, year: int | None) -> list[Descriptor]:
    found = _words_before(before) + _category_after(after) + _residence(after) + _bracket(after)
    born = _BORN.match(after)
    if born:
        found.append(("born", born.group(1) or born.group(2)))
    age = _AGE.match(after) or _AGE_BEFORE.search(before)
    if age:
        years = int(age.group(1) or age.group(2))
        found.append(("born", str(year - years)) if year and years < 120 else ("age", str(years)))
    found.extend(("near", _low(m.group(1))) for m in _NEAR.finditer(before + " " + after))
    team = _TEAM.search(before[-24:] + " " + after[:40])
    if team:
        found.append(("team", _low(f"{team.group(1).replace('-', '')} {team.group(2)}")))
    return found


def describe(person: Person, article: Article) -> list[Descriptor]:
    """Descriptors of `person` read around each of its mentions in `article`, in order, without repeats.

    An age becomes a birth year when the article's input gives its date.
    """
    text, year = article.full_text, int(article.date[:4]) if article.date else None
    found: list[Descriptor] = []
    for ev in person.evidence:
        before = _clip(text[max(0, ev.start - 48):ev.start], backwards=True)
        after = _clip(text[ev.end:ev.end + WINDOW])
        found.extend(_mention(before, after, year))
    return list(dict.fromkeys(found))
