"""What an article says about who a person is, beside their posts: birth year, age, residence,
occupation or status, rank, team, the name the person goes by, and the words in brackets after the name.

`Nguyễn Văn A (SN 1992, trú tại xã B, huyện C)`, `bị cáo Nguyễn Văn A, 56 tuổi`,
`thủ môn Bùi Văn D (U20 Việt Nam)`. Resolution compares these to tell namesakes apart
(kg/resolve.py). The words live in `data/descriptors.tsv`, `data/honorifics.tsv` and `data/descriptor_cues.tsv`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.gazetteer import body_heads, pairs, provinces, roles, words
from kg.normalize import fix_tone_placement
from kg.records import Article, Person

Descriptor = tuple[str, str]  # (kind, value), e.g. ("born", "1992"), ("category", "sport/coach")
SPORT_COACH, STAGE_COACH = "job/sport/coach", "job/art"  # `HLV` of a team, of a show's contestants (singers, models)

WINDOW = 160  # characters read after a name, and 48 before it, within its sentence
_YEAR = r"((?:19|20)\d\d)"
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n")
_BRACKET = re.compile(r"^\s*\(([^()\n]{1,80})\)")
_WORD = re.compile(r"[^\W_][\w.]*")
_TAIL = re.compile(r"\w*$")


def _any(*kinds: str) -> str:
    """An alternation of the words of these kinds of data/descriptor_cues.tsv."""
    return "|".join(_cues(*kinds))


@lru_cache(maxsize=None)
def _born() -> re.Pattern:
    """A birth year right after the name: `, SN 1992`, `(sinh ngày 1/2/1990`, `(1992)`."""
    cues = "|".join(re.escape(w) + (r" \d{1,2}/\d{1,2}/" if k == "born-date" else "")
                    for w, k in pairs("descriptor_cues.tsv") if k in ("born", "born-date"))
    return re.compile(rf"^\s*[,(–-]?\s*(?:{cues})\s*:?\s*{_YEAR}\b|^\s*\(\s*{_YEAR}\s*[,)]", re.IGNORECASE)


@lru_cache(maxsize=None)
def _age(before: bool = False) -> re.Pattern:
    """An age right after the name (`, 56 tuổi`), or right before it (`56 tuổi, X`)."""
    if before:
        return re.compile(rf"\b(\d{{1,3}})\s*(?:{_any('age')})\s*[,(]?\s*$", re.IGNORECASE)
    return re.compile(rf"^\s*[,(]\s*(\d{{1,3}})\s*(?:{_any('age')})\b|^\s*(\d{{1,3}})\s*(?:{_any('age')})\b",
                      re.IGNORECASE)


@lru_cache(maxsize=None)
def _residence_cue() -> re.Pattern:
    """What opens a residence: `trú tại`, `quê quán:`, and `ở` right after the name or its comma."""
    after = "|".join(rf"(?<=^, ){w}|(?<=^ ){w}" for w in _cues("residence-after"))
    return re.compile(rf"\b(?:{_any('residence')}|{after})\s*(?:{_any('residence-link')})?\s*:?\s*", re.IGNORECASE)


@lru_cache(maxsize=None)
def _team_cue() -> re.Pattern:
    """A national team: `U20 Việt Nam`, `U-23 VN`, `đội tuyển quốc gia`."""
    return re.compile(rf"\b(U-?\d{{2}}|{_any('team')})\s+({_any('team-country')})\b", re.IGNORECASE)


@lru_cache(maxsize=None)
def _near() -> re.Pattern:
    """An admin word before a place's name (`xã Hòa Bình`, `TX. Sơn Tây`)."""
    return re.compile(rf"\b(?:{_any('near')})[.\s]\s*", re.IGNORECASE)


@lru_cache(maxsize=None)
def _place_lead() -> re.Pattern:
    return re.compile(rf"^(?:{_any('place-lead')})\s+", re.IGNORECASE)


@lru_cache(maxsize=None)
def _categories() -> tuple[tuple[str, str], ...]:
    """(folded word, category), longest word first."""
    found = [(_low(word), category) for word, category in pairs("descriptors.tsv")]
    return tuple(sorted(found, key=lambda wc: -len(wc[0])))


@lru_cache(maxsize=None)
def _cues(*kinds: str) -> tuple[str, ...]:
    """The words of these kinds of data/descriptor_cues.tsv, in file order, as regular expressions: a word
    ending in `.` (an abbreviation, `tp.`) with its dot or without."""
    return tuple(re.escape(w[:-1]) + r"\.?" if w.endswith(".") else re.escape(w)
                 for w, k in pairs("descriptor_cues.tsv") if k in kinds)


@lru_cache(maxsize=None)
def _delegation() -> re.Pattern:
    """What comes before a deputy's province in brackets: `đoàn `, `đoàn ĐBQH tỉnh `, `đoàn TP.`."""
    delegation, body = "|".join(_cues("delegation")), "|".join(_cues("delegation-body"))
    qualifier = "|".join(w + (r"\s*" if w.endswith(r"\.?") else r"\s+") for w in _cues("place-qualifier"))
    return re.compile(rf"^(?:{delegation})\s+(?:(?:{body})\s+)?(?:{qualifier})?")


@lru_cache(maxsize=None)
def _tag_filler() -> re.Pattern:
    """The words of a tag that only qualify a place (`tp`, `tỉnh`)."""
    return re.compile(rf"(?<!\w)(?:{'|'.join(_cues('place-qualifier'))})(?!\w)\s*")


@lru_cache(maxsize=None)
def _team_gap() -> re.Pattern:
    """What may stand between a titled name and its team: punctuation, and a word that links them (`của`)."""
    return re.compile(rf"[\s(),:–-]*(?:{'|'.join(_cues('team-link'))})?[\s(),:–-]*$", re.IGNORECASE)


@lru_cache(maxsize=None)
def _honorifics() -> tuple[tuple[str, str], ...]:
    """(folded word, kind) of forms of address, ranks and academic titles, longest first."""
    return tuple(sorted(((_low(w), k) for w, k in pairs("honorifics.tsv")), key=lambda wk: -len(wk[0])))


@lru_cache(maxsize=None)
def _titles() -> tuple[tuple[str, str], ...]:
    """(folded title word, folded role) of data/roles.tsv, longest first: `bộ trưởng` → `bộ trưởng`."""
    return tuple((_low(r.surface), _low(r.role)) for r in roles() if " " in r.surface)  # not `Trưởng` of `thuyền trưởng`


@lru_cache(maxsize=None)
def _enders() -> dict[str, tuple[tuple[str, Descriptor], ...]]:
    """The words of the three lists by their last run of letters (`hlv trưởng` under `trưởng`): the
    categories and the words that date a title first, then the forms of address, then the titles, each
    longest first, as `_words_before` tries them."""
    index: dict[str, list[tuple[str, Descriptor]]] = {}
    leading = sorted([(w, ("category", c)) for w, c in _categories()] + [(w, ("lead", w)) for w in _title_leads()],
                     key=lambda wd: -len(wd[0]))
    for word, found in leading + [(w, (k, w)) for w, k in _honorifics()] + [(w, ("title", r)) for w, r in _titles()]:
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
    """Status words, ranks, academic titles and titles of office right before the name, through forms of
    address (`Bộ trưởng` of `Bộ trưởng Nguyễn Văn A` is a title even when no body is read with it)."""
    return _peel(before)[0]


def _peel(before: str) -> tuple[list[Descriptor], str]:
    """The words of `_words_before`, and what is left of `before` once they are taken off its end."""
    found: list[Descriptor] = []
    low = _low(before)
    rest = low.rstrip(" :,")
    comma = "," in low[len(rest):]
    while rest:  # a word `rest` ends with ends with the same run of letters (`_ends_with` wants no letter before)
        hit = next(((w, d) for w, d in _enders().get(_TAIL.search(rest).group(), ()) if _ends_with(rest, w)), None)
        if hit is None or comma and ("title" in (hit[1][0], *(k for k, _ in found))):  # a title is not read
            break  # across a comma (`người phát ngôn của Thủ tướng, ông X`), nor a word before a title and a comma
        word, (kind, value) = hit
        if kind not in ("address", "lead"):  # `ông`, `nguyên`: peeled, no descriptor
            found.append((kind, value))
        cut = rest[: len(rest) - len(word)]
        rest = cut.rstrip(" :,")
        comma = comma or "," in cut[len(rest):]
    return found, rest


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
    part = _place_lead().sub("", part.strip())
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
    match = _residence_cue().search(after)
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
        title = _title(part)
        if title:  # `(lúc đó là Bí thư Thành ủy)`, `(Giám đốc Công ty X)`: a title, not a tag
            found.extend(title)
            continue
        alias = _alias(part)
        if alias:
            found.append(("alias", alias))
            continue
        low = _place_lead().sub("", _low(part))
        delegation = _delegation().sub("", low)  # `(đoàn Quảng Ninh)`: a deputy's province
        place = delegation if delegation in _provinces() else _place(part) if _admin_word(low) else ""
        found.append(("place", place) if place else ("tag", _tag(low)))
    return found


@lru_cache(maxsize=None)
def _alias_cue() -> re.Pattern:
    """What opens the name a person goes by (`tên thường gọi`, `biệt danh`, `tức`, then `là`: data/descriptor_cues.tsv
    `alias`, `alias-link`), then the status words before it (`bé`, `ca sĩ`: data/descriptors.tsv)."""
    statuses = "|".join(re.escape(w) for w, _ in _categories())
    return re.compile(rf"^(?:{_any('alias')})\s+(?:(?:{_any('alias-link')})\s+)?(?:(?:{statuses})\s+)?",
                      re.IGNORECASE)


@lru_cache(maxsize=None)
def _stage() -> re.Pattern:
    """A show whose coaches (`HLV`) are artists (data/descriptor_cues.tsv `stage`: `The Voice`, `giám khảo`)."""
    return re.compile(rf"(?<!\w)(?:{_any('stage')})(?!\w)", re.IGNORECASE)


def _alias(part: str) -> str:
    """`tên thường gọi là bé Nô`, `thường gọi Nô`, `tên ở nhà là Nô` → `nô`; `tức Năm Cam` → `năm cam`; "" if no
    name follows the cue (`tức chồng của bà Kim`)."""
    text = fix_tone_placement(part.strip())
    match = _alias_cue().match(text)
    name = " ".join(re.sub(r"[\"“”'‘’]", " ", text[match.end():]).split()) if match else ""
    return _low(name) if name[:1].isupper() else ""


def _tag(low: str) -> str:
    """A tag compared without the words that only qualify a place (`đoàn luật sư tp hà nội` = `… hà nội`)."""
    return " ".join(_tag_filler().sub("", low).split())


def _affiliation(after: str) -> list[Descriptor]:
    """`X, Đoàn luật sư Hà Nội cho biết`, `X - Bệnh viện Bạch Mai`: a body right after a comma or a dash, to
    its last capitalised word within its clause (at most 8 words): an `affiliation`, compared with tags."""
    match = re.match(r"\s*(?:,|\s-|–)\s*([^,;()\n]+)", after)
    if match is None:
        return []
    run = re.split(rf"\s+-\s+|\s+(?:{_any('list-link')})\s+", match.group(1))[0].split()[:8]  # not the next item
    while run and not run[-1][:1].isupper():
        run.pop()
    if len(run) < 2:
        return []
    body = " ".join(run)
    starts = any(body.startswith(h) and not body[len(h):len(h) + 1].isalnum() for h in _affiliation_heads())
    named = run[0] in words("surnames.txt") and all(w[:1].isupper() for w in run)  # `Đoàn Mạnh Giao`
    return [("affiliation", _tag(_low(body)))] if starts and not named and not _title(body) else []  # not `Viện trưởng`


@lru_cache(maxsize=None)
def _affiliation_heads() -> tuple[str, ...]:
    return tuple(h.head for h in body_heads() if h.head[:1].isupper())


@lru_cache(maxsize=None)
def _title_leads() -> tuple[str, ...]:
    """The words that date a title in brackets (`lúc đó là`, `nguyên`; data/descriptor_cues.tsv), longest first."""
    leads = (_low(w) for w, k in pairs("descriptor_cues.tsv") if k == "title-lead")
    return tuple(sorted(leads, key=len, reverse=True))


def _title(part: str) -> list[Descriptor]:
    """The title a bracket's part starts with, after words that date it (`lúc đó là`, `nguyên`): its role
    (`title`), and `titled` = `role|body` when words follow it (`Bí thư Tỉnh ủy Sóc Trăng`); else []."""
    low = _low(part.strip())
    lead = next((w for w in _title_leads() if low.startswith(w + " ")), "")
    low = low[len(lead):].lstrip()
    surface, role = next(((w, r) for w, r in _titles() if low.startswith(w) and not low[len(w):len(w) + 1].isalnum()),
                         ("", ""))
    if not role:
        return []
    body = part.strip()[len(part.strip()) - len(low) + len(surface):].strip(" ,.")
    return [("title", role)] + ([("titled", f"{role}|{body}")] if body else [])


def _team(before: str, after: str, titled: bool) -> list[Descriptor]:
    """A national team (`U20 Việt Nam`, `tuyển Việt Nam`) next to the name, with nothing but punctuation,
    `của`/`thuộc` or a sport word between (`thủ môn U20 Việt Nam X`, `X (U20 Việt Nam)`); for a name with no
    title before it, also one a few words off (`A, B, X biến hàng thủ tuyển Việt Nam …`), but not for
    `Bộ trưởng X giao nhiệm vụ cho U20 Việt Nam`."""
    for match in _team_cue().finditer(after[:40]):
        if not titled or _team_gap().fullmatch(after[:match.start()]):
            return [("team", _team_name(match))]
    for match in _team_cue().finditer(before[-40:]):
        words, rest = _peel(before[-40:][match.end():])
        if not titled and match.start() >= 16 or not rest.strip(" ,:–-") and all(k != "title" for k, _ in words):
            return [("team", _team_name(match))]
    return []


def _team_name(match: re.Match) -> str:
    return _low(f"{match.group(1).replace('-', '')} {match.group(2)}")


def _mention(before: str, after: str, year: int | None) -> list[Descriptor]:
    found = _words_before(before) + _category_after(after) + _affiliation(after) + _residence(after) + _bracket(after)
    born = _born().match(after)
    if born:
        found.append(("born", born.group(1) or born.group(2)))
    age = _age().match(after) or _age(before=True).search(before)
    if age:
        years = int(age.group(1) or age.group(2))
        found.append(("born", str(year - years)) if year and years < 120 else ("age", str(years)))
    around = before + " " + after
    found.extend(("near", _low(name)) for m in _near().finditer(around) if (name := _capitalised(around[m.end():])))
    return found + _team(before, after, any(kind == "title" for kind, _ in found))


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
    if ("category", SPORT_COACH) in found and _stage().search(text):
        found = [("category", STAGE_COACH) if d == ("category", SPORT_COACH) else d for d in found]
    return [d for d in dict.fromkeys(found) if d != ("category", "caption")]
