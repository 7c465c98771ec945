"""What an article says about who a person is, beside their posts: birth year, age, residence,
occupation or status, rank, team, and the words in brackets after the name.

`Nguyễn Văn A (SN 1992, trú tại xã B, huyện C)`, `bị cáo Nguyễn Văn A, 56 tuổi`,
`thủ môn Bùi Văn D (U20 Việt Nam)`. Resolution compares these to tell namesakes apart
(kg/resolve.py). The words live in `data/descriptors.tsv` and `data/honorifics.tsv`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.gazetteer import pairs, provinces, words
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
_BRACKET = re.compile(r"^\s*\(([^()\n]{1,80})\)")
_NEAR = re.compile(r"\b(?:xã|phường|thị trấn|huyện|quận|thị xã|TX|thôn|ấp|bản)[.\s]\s*", re.IGNORECASE)
_LEAD = re.compile(r"^(?:ở|tại|thuộc|cùng|trú|ngụ|quê)\s+", re.IGNORECASE)
_DELEGATION = re.compile(r"^đoàn\s+(?:đbqh\s+|đại biểu quốc hội\s+)?(?:tỉnh\s+|thành phố\s+|tp\.?\s*)?")
_WORD = re.compile(r"[^\W_][\w.]*")
_TAIL = re.compile(r"\w*$")


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
def _enders() -> dict[str, tuple[tuple[str, Descriptor], ...]]:
    """The words of both lists by their last run of letters (`hlv trưởng` under `trưởng`): the
    categories first, then the forms of address, each longest first, as `_words_before` tries them."""
    index: dict[str, list[tuple[str, Descriptor]]] = {}
    for word, found in [(w, ("category", c)) for w, c in _categories()] + [(w, (k, w)) for w, k in _honorifics()]:
        index.setdefault(_TAIL.search(word).group(), []).append((word, found))
    return {tail: tuple(words) for tail, words in index.items()}


@lru_cache(maxsize=None)
def _place_words() -> tuple[str, ...]:
    return tuple(sorted((_low(w) for w in words("place_words.txt")), key=len, reverse=True)) + (
        "tp", "tx", "tt", "p", "q", "h")


@lru_cache(maxsize=None)
def _provinces() -> frozenset[str]:
    return frozenset(_low(n) for p in provinces() for n in (p.name, *p.aliases))


def _low(text: str) -> str:
    return fix_tone_placement(text).casefold()


def _clip(text: str, backwards: bool = False) -> str:
    """The part of `text` inside the sentence of the name (before or after it)."""
    ends = list(_SENTENCE_END.finditer(text))
    if not ends:
        return text
    return text[ends[-1].end():] if backwards else text[:ends[0].start()]


def _categories_in(low: str) -> list[str]:
    return [c for w, c in _categories() if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", low)]


def _words_before(before: str) -> list[Descriptor]:
    """Status words, ranks and titles right before the name, through forms of address."""
    found: list[Descriptor] = []
    rest = _low(before).rstrip(" :,")
    while rest:  # a word `rest` ends with ends with the same run of letters (`_ends_with` wants no letter before)
        hit = next(((w, d) for w, d in _enders().get(_TAIL.search(rest).group(), ()) if _ends_with(rest, w)), None)
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


def _capitalised(text: str) -> str:
    """The run of capitalised words `text` starts with (`Quảng Long` of `Quảng Long mất tích`)."""
    run = []
    for match in _WORD.finditer(text):
        if text[run[-1].end():match.start()].strip() if run else text[:match.start()].strip():
            break
        if not (match.group()[0].isupper() or run and match.group().isdigit()):
            break
        run.append(match)
    return text[run[0].start():run[-1].end()].rstrip(".") if run else ""


def _admin_word(low: str) -> str | None:
    """The admin word `low` starts with (`xã`, `tx.`), if any."""
    return next((w for w in _place_words() if low.startswith(w + " ") or low.startswith(w + ".")), None)


def _place(part: str) -> str:
    """`xã Hòa Bình` → `hòa bình`; `ở thôn Bản Phố` → `bản phố`; "" when no capitalised name follows."""
    part = _LEAD.sub("", part.strip())
    word = _admin_word(_low(part))
    return _low(_capitalised(part[len(word):].lstrip(" .") if word else part))


def _places(text: str) -> list[str]:
    """The place names of `xã B, huyện C (tỉnh D)`, in order, folded; they stop at the first part that is none."""
    found = []
    for part in re.split(r"[,()–-]", text):
        place = _place(part)
        if not place:
            break
        found.append(place)
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
        if not part or re.search(r"\d", part) or any(c == "caption" for c in _categories_in(_low(part))):
            continue
        low = _LEAD.sub("", _low(part))
        delegation = _DELEGATION.sub("", low)  # `(đoàn Quảng Ninh)`: a deputy's province
        place = delegation if delegation in _provinces() else _place(part) if _admin_word(low) else ""
        found.append(("place", place) if place else ("tag", low))
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
    around = before + " " + after
    found.extend(("near", _low(name)) for m in _NEAR.finditer(around) if (name := _capitalised(around[m.end():])))
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
    found = [(kind, " ".join(value.split())) for kind, value in found]  # one line: values go into N-Quads
    return [d for d in dict.fromkeys(found) if d != ("category", "caption")]
