"""The article's places, and bodies completed with the place they leave implied."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import Iterator

from kg import gazetteer
from kg.errors import DataError

from kg.extract.bodies import (MAX_ADMIN_WORDS, BodyMention, department_head, find_body, international, ministry_head,
                               place_end, province_level_person)
from kg.extract.lexicon import Lexicon, cue_before, lexicon
from kg.extract.names import looks_foreign
from kg.extract.text import Sentence, Token, tokenize
from kg.gazetteer import BodyHead, Province
from kg.hierarchy import PARTY, central_name
from kg.normalize import fold


DELEGATION = "delegation"  # the kind of a body's team (`Đoàn kiểm tra`, data/bodies.tsv)
MIN_COUNTRY_MENTIONS = 2  # a foreign country named this often, in an article naming no Vietnamese place
MAX_BYLINE_WORDS = 6  # an article's last line of at most this many capitalised words is a byline
MAX_ACRONYM_REACH = 16  # tokens before `(ACRONYM)` where the body it stands for may begin
MAX_CUE_WORDS = 6  # words of a cue, a title or a central body's name right before a country's name
LIST_MARKS = frozenset({",", "và", "-", "–"})  # between two countries of a list: `Mỹ, Anh và Pháp`


class Places:
    """Provinces, and districts written `quận X`, `huyện X`, named in an article, most-mentioned first;
    and the foreign country of a foreign news article."""

    def __init__(self, sentences: list[Sentence], lex: Lexicon):
        counts: Counter[Province] = Counter()
        countries: Counter[str] = Counter()
        self.acronyms: dict[str, str] = {}  # `Sacombank` → `Ngân hàng Thương mại cổ phần Sài Gòn Thương Tín`
        self.bracketed: dict[str, Province | str] = {}  # `Công an Hàm Tân` → Bình Thuận, `Viện Asan` → `Hàn Quốc`
        self.chambers: dict[str, set[str]] = {}  # `Thượng viện` → {`Mỹ`}: the countries a foreign chamber is named with
        self.seats: dict[str, Province | None] = {}  # `TAND Cấp cao` → Hà Nội (`… tại Hà Nội`); None if two differ
        for k, sentence in enumerate(sentences):
            counts.update(_places_in(sentence.tokens, lex, districts=True))
            if any(chamber in sentence.text for chamber in _chamber_heads()):
                for chamber, country in _chambers_in(sentence.tokens, lex):
                    self.chambers.setdefault(chamber, set()).add(country)
            if not (k == len(sentences) - 1 and _is_byline(sentence)):
                countries.update(_article_countries(sentence.tokens, lex))
            self.acronyms.update(_acronyms_in(sentence, lex))
            for name, where in _bracketed_places_in(sentence, lex):
                self.bracketed.setdefault(name, where)
            for name, seat in _seats_in(sentence, lex):
                self.seats[name] = seat if self.seats.get(name, seat) == seat else None
        self.ranked = [p for p, _ in counts.most_common()]
        provinces = gazetteer.provinces()
        self.country = _foreign_news(countries, any(p in provinces for p in counts))

    def spelled_out(self, name: str, lex: Lexicon) -> str:
        """A body's name with the acronym the article defines written out: `SCMP` → its full name,
        `Hội đồng quản trị Sacombank` → `Hội đồng quản trị Ngân hàng …`, `Ngân hàng Sacombank` → `Ngân hàng …`;
        after a bare head, the acronym names the field of another head's body (`Cục QLTT` of `Chi cục Quản lý thị
        trường (QLTT)` → `Cục Quản lý thị trường`)."""
        words = name.split()
        full = self.acronyms.get(words[-1]) if words else None
        if full is None:
            return name
        before = " ".join(words[:-1])
        if not before or full.startswith(before):
            return full
        field, bare = _after_head(full, lex), _after_head(before, lex)
        if bare == [] and fold("".join(w[0] for w in field or ()), marks=False) == fold(words[-1], marks=False):
            return " ".join([before, *field])  # the acronym's letters are the field's: `QLTT`, Quản lý thị trường
        return f"{before} {full}"

    def chamber_country(self, name: str, lex: Lexicon) -> str | None:
        """The one country the article names a foreign chamber with, if `name` ends in that chamber bare:
        `Ủy ban Tư pháp Thượng viện` in an article that writes `Thượng viện Mỹ` → `Mỹ`."""
        if not self.chambers:
            return None
        tokens = tokenize(name)
        for _, _, head, _ in lex.body_heads.ending_at(tokens, len(tokens), MAX_CUE_WORDS, capitalised=True):
            countries = self.chambers.get(head.head, ())
            if len(countries) == 1:
                return next(iter(countries))
        return None

    def main(self, kind: str = "any") -> Province | None:
        """The most-mentioned place of that kind: `tỉnh`, `thành phố`, `huyện` …, `province` (a
        province or a centrally run city, not a district) or `any`."""
        provinces = gazetteer.provinces()
        return next((p for p in self.ranked if kind == "any" or p.kind == kind
                     or (kind == "province" and p in provinces)), None)


def _after_head(name: str, lex: Lexicon) -> list[str] | None:
    """The words of a body's name after the head noun it starts with (`Quản lý thị trường` of `Chi cục Quản lý thị
    trường`; [] for a bare head, `Cục`); None if it starts with none."""
    tokens = tokenize(name)
    m = lex.body_heads.match(tokens, 0, capitalised=True) if tokens else None
    return name[tokens[m[0] - 1].end:].split() if m else None


def _acronyms_in(sentence: Sentence, lex: Lexicon) -> Iterator[tuple[str, str]]:
    """`Bưu điện Hoa Nam Buổi sáng (SCMP)`: a body's name, then its Latin acronym in brackets."""
    tokens = sentence.tokens
    if "(" not in sentence.text:
        return
    for p in range(1, len(tokens) - 2):
        acronym = tokens[p + 1].text
        if tokens[p].text != "(" or tokens[p + 2].text != ")" or not (acronym.isascii() and acronym.isalpha()) \
                or len(acronym) < 2 or not acronym[0].isupper():
            continue
        for i in range(max(0, p - MAX_ACRONYM_REACH), p):
            body = find_body(sentence, i, lex) if tokens[i].is_capitalised else None
            if body is not None and body.end == p:
                yield acronym, body.name
                break


@lru_cache(maxsize=1)
def _chamber_heads() -> frozenset[str]:
    """The chambers no Vietnamese body is (`Thượng viện`, `Hạ viện`): complete heads of the national assembly's kind
    in data/bodies.tsv that name no central body (Vietnam's is one house)."""
    return frozenset(h.head for h in gazetteer.body_heads()
                     if h.kind == NATIONAL_ASSEMBLY and h.complete and central_name(h.head) is None)


def _chambers_in(tokens: tuple[Token, ...], lex: Lexicon) -> Iterator[tuple[str, str]]:
    """`Hạ viện Mỹ`: a foreign chamber (`_chamber_heads`), then the country it is of, as written."""
    for i, _, country in _country_spans(tokens, lex):
        for _, _, head, _ in lex.body_heads.ending_at(tokens, i, MAX_CUE_WORDS, capitalised=True):
            if head.head in _chamber_heads() and country not in _home_countries():
                yield head.head, country


def _bracketed_places_in(sentence: Sentence, lex: Lexicon) -> Iterator[tuple[str, Province | str]]:
    """`Công an Hàm Tân (Bình Thuận)`, `Viện Asan (Hàn Quốc)`: a body's name, then a bracket that holds only its
    province (its kind may come first: `(tỉnh Bình Thuận)`) or its foreign country, as written (a foreign chamber
    may come first: `Ủy ban Đối ngoại Hội đồng Liên bang (Thượng viện Nga)`)."""
    tokens = sentence.tokens
    if "(" not in sentence.text:
        return
    for p in range(1, len(tokens) - 2):
        if tokens[p].text != "(":
            continue
        admin = lex.admin_words.match(tokens, p + 1)
        chamber = None if admin else lex.body_heads.match(tokens, p + 1, capitalised=True)
        chamber = chamber if chamber and chamber[2].head in _chamber_heads() else None  # `(Thượng viện Nga)`
        start = admin[0] if admin else chamber[0] if chamber else p + 1
        province = None if chamber else lex.provinces.match(tokens, start, capitalised=True)
        country = None if province or admin else lex.countries.match(tokens, start, capitalised=True)
        m = province or country
        if m is None or m[0] >= len(tokens) or tokens[m[0]].text != ")" \
                or (country and m[1] in _home_countries()):
            continue
        where = province[2] if province else sentence.span_text(start, m[0])
        for i in range(max(0, p - MAX_ACRONYM_REACH), p):
            body = find_body(sentence, i, lex) if tokens[i].is_capitalised else None
            if body is not None and body.end == p:
                yield body.name, where
                break


def _seats_in(sentence: Sentence, lex: Lexicon) -> Iterator[tuple[str, Province]]:
    """`TAND Cấp cao tại Hà Nội`: a body whose name ends in an ending data/implied_place.tsv marks `seat`, then the
    word that row gives and a province, its seat."""
    tokens = sentence.tokens
    folded = fold(sentence.text)
    for ending, word, form in lex.implied_place:
        if form != "seat" or fold(ending) not in folded:
            continue
        for p in range(1, len(tokens) - 1):
            m = lex.provinces.match(tokens, p + 1, capitalised=True) if tokens[p].folded == word.lower() else None
            if m is None:
                continue
            for i in range(max(0, p - MAX_ACRONYM_REACH), p):
                body = find_body(sentence, i, lex) if tokens[i].is_capitalised else None
                if body is not None and body.end == p:
                    yield body.name, m[2]
                    break


def _foreign_news(countries: Counter[str], local: bool) -> str | None:
    """The country an article is about when it names no Vietnamese place and not Việt Nam, as written:
    its bare `Quốc hội`, `Chính phủ`, `Bộ Ngoại giao` are that country's."""
    home = set(_home_countries())
    if local or any(c in home for c in countries):
        return None
    ranked = countries.most_common(2) + [("", 0), ("", 0)]
    (top, n), (_, second) = ranked[0], ranked[1]
    return top if n >= MIN_COUNTRY_MENTIONS and n > second else None  # a tie names no one country


def _is_byline(sentence: Sentence) -> bool:
    """`Anh Quốc`: an article's last line of capitalised words alone is its author's name, no place."""
    return 0 < len(sentence.tokens) <= MAX_BYLINE_WORDS and all(t.is_word and t.is_capitalised for t in sentence.tokens)


def _countries_in(tokens: tuple[Token, ...], lex: Lexicon) -> Iterator[str]:
    """The countries a sentence names: the home country by its canonical name, others as written."""
    return (country for _, _, country in _country_spans(tokens, lex))


def _article_countries(tokens: tuple[Token, ...], lex: Lexicon) -> Iterator[str]:
    """The countries a sentence names that tell what an article is about: a country whose name is one
    Vietnamese syllable (`Anh`, `Đức`, `Nga`, `Mỹ`) is also a given name (`Tuấn Anh`, `ông Đức`), a pronoun
    (`Anh ấy`) or a language (`tiếng Anh`, `Toán, Văn, Anh`), so it counts only where it reads as a country."""
    spans = [span for span in _country_spans(tokens, lex) if not ends_a_name(tokens, span[0], lex)]
    for k, (i, end, country) in enumerate(spans):
        if not _ambiguous(tokens[i:end]) or _country_context(tokens, i, end, lex) \
                or (k and _listed(tokens, spans[k - 1][1], i)) \
                or (k + 1 < len(spans) and _listed(tokens, end, spans[k + 1][0])) or _after_a_word(tokens, i, end, lex):
            yield country


def _ambiguous(name: tuple[Token, ...]) -> bool:
    """A country's name of one Vietnamese syllable (`Anh`, `Pháp`), not a foreign word (`Syria`)."""
    return len(name) == 1 and not looks_foreign(name[0].text)


def _listed(tokens: tuple[Token, ...], end: int, start: int) -> bool:
    """Two countries listed side by side (`Mỹ, Anh`, `Pháp và Anh`): one mark between them."""
    return start == end + 1 and tokens[end].text in LIST_MARKS


def _country_context(tokens: tuple[Token, ...], i: int, end: int, lex: Lexicon) -> bool:
    """Whether what comes right before a country's name at tokens[i:end] says it is a country: a `country` cue of
    data/country_cues.txt (`nước`, `tại`, `Vương quốc`), a title (`Thủ tướng`), a body's head or a central body's
    name (`Chính phủ`, `Bộ Ngoại giao`), or a bracket holding the name alone (`London (Anh)`)."""
    if cue_before(tokens, i, _country_cues("country"), MAX_CUE_WORDS) \
            or (i and tokens[i - 1].text == "(" and end < len(tokens) and tokens[end].text == ")"):
        return True
    if any(lex.roles.ending_at(tokens, i, MAX_CUE_WORDS)) or any(lex.body_heads.ending_at(tokens, i, MAX_CUE_WORDS)):
        return True
    return any(tokens[j].is_capitalised and central_name(" ".join(t.text for t in tokens[j:i]))
               for j in range(max(0, i - MAX_CUE_WORDS), i))


def _after_a_word(tokens: tuple[Token, ...], i: int, end: int, lex: Lexicon) -> bool:
    """`nhằm vào Nga`, `Georgia, Mỹ`, `U21 Anh`, `Nga đã`: a country's name after a word that is no syllable of a
    Vietnamese name (a pronoun is written in lower case there; `Tuấn Anh`, `Toán, Văn, Anh` are names and
    subjects), or starting a sentence unless it is a form of address (`Anh ấy`, data/honorifics.tsv); not after a
    form of address (`ông Đức`) or a `language` cue (`tiếng Anh`), nor going on into a Vietnamese name (`huyện Anh
    Sơn`; a foreign one may follow: `Cố vấn An ninh quốc gia Mỹ H.R McMaster`)."""
    if end < len(tokens) and _name_syllable(tokens[end]):
        return False
    before = tokens[i - 1] if i else None
    if before is None or (not before.is_word and before.text != ","):
        return lex.honorifics.match(tokens, i) is None  # `Nga đã …`; not the pronoun `Anh ấy`
    if before.text == ",":
        return i < 2 or not _name_syllable(tokens[i - 2])  # `Ngày 25/5, Anh …`; not `Toán, Văn, Anh`
    return not _name_syllable(before) and not any(lex.honorifics.ending_at(tokens, i, MAX_CUE_WORDS)) \
        and not cue_before(tokens, i, _country_cues("language"), MAX_CUE_WORDS)


def _name_syllable(token: Token) -> bool:
    """`Tuấn`, `Văn`: a capitalised Vietnamese syllable, as a person's name is written (not `Georgia`, `U21`, `AFP`)."""
    return token.is_word and token.is_capitalised and token.text.isalpha() and not token.text.isupper() \
        and not looks_foreign(token.text)


def _country_spans(tokens: tuple[Token, ...], lex: Lexicon) -> Iterator[tuple[int, int, str]]:
    """Where each country a sentence names starts and ends, with its name as `_countries_in` gives it."""
    end = 0
    for i in lex.countries.starts(tokens):
        m = lex.countries.match(tokens, i, capitalised=True) if i >= end and tokens[i].is_capitalised else None
        if m is None:
            continue
        if not (i and fold(f"{tokens[i - 1].text} {tokens[i].text}") in _country_words()) \
                and not (m[0] < len(tokens) and not tokens[m[0]].is_capitalised
                         and fold(f"{tokens[m[0] - 1].text} {tokens[m[0]].text}") in _country_compounds()):
            yield i, m[0], m[1] if m[1] in _home_countries() else " ".join(t.text for t in tokens[i:m[0]])
        end = m[0]


def _form(name: str, lex: Lexicon) -> str:
    """How a body of this name takes its place: `bare`, `replace` or `qualified`."""
    return next((form for ending, _, form in lex.implied_place
                 if ending == "*" or name.endswith(" " + ending) or name == ending), "qualified")


def names_place(name: str, lex: Lexicon) -> bool:
    """Whether a body's name already says where it is (`… tỉnh Đồng Tháp`, `… Hải Phòng`, `… Quận ủy Tân Phú`)."""
    tokens = tokenize(name)
    texts = [t.text for t in tokens]
    if any(lex.provinces.match(tokens, i, capitalised=True) for i in lex.provinces.starts(tokens)):
        return True
    for head in _bare_heads(lex.implied_place):
        for i in range(len(tokens) - len(head)):
            if texts[i:i + len(head)] == head and tokens[i + len(head)].is_capitalised:
                return True
    return any((m := lex.admin_words.match(tokens, i)) and m[0] < len(tokens) and tokens[m[0]].is_capitalised
               for i in lex.admin_words.starts(tokens))


def province_qualified(name: str, lex: Lexicon) -> str | None:
    """A local body's name ending in a province without its kind, with the kind written as the province's canonical
    name has it (`Công an An Giang` → `Công an tỉnh An Giang`); None if it ends otherwise."""
    bare = _bare_province(name, lex)
    return f"{bare[0]} {bare[1].qualified}" if bare and _form(bare[0], lex) == "qualified" else None


@lru_cache(maxsize=1)
def _bare_heads(implied: tuple[tuple[str, str, str], ...]) -> tuple[list[str], ...]:
    """The words of the endings data/implied_place.tsv marks `bare` (`Quận ủy`): a place follows them bare."""
    return tuple([t.text for t in tokenize(ending)] for ending, _, form in implied if form == "bare")


def _bare_province(name: str, lex: Lexicon) -> tuple[str, Province] | None:
    """`Đảng bộ Hải Phòng` → (`Đảng bộ`, Hải Phòng): a name ending in a province without its kind; not the
    end of a longer province name (`Huế` of `tỉnh Thừa Thiên Huế`)."""
    tokens = tokenize(name)
    end = 0
    for i in lex.provinces.starts(tokens):
        m = lex.provinces.match(tokens, i, capitalised=True) if i >= end and i else None
        if m and m[0] == len(tokens) and not any(lex.admin_words.ending_at(tokens, i, MAX_ADMIN_WORDS)):
            return name[:tokens[i].start].rstrip(), m[2]
        end = m[0] if m else end
    return None


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """`tư pháp`: two words ending in a country's name that name no country (data/country_words.txt)."""
    return frozenset(fold(w) for w in gazetteer.words("country_words.txt"))


@lru_cache(maxsize=None)
def _country_cues(reading: str) -> frozenset[str]:
    """The cues of data/country_cues.txt of one reading: `country` (`nước`, `tại`), `language` (`tiếng`) or
    `national` (`quốc gia`)."""
    return frozenset(" ".join(t.folded for t in tokenize(w)) for w, kind in gazetteer.pairs("country_cues.txt")
                     if kind == reading)


@lru_cache(maxsize=1)
def _country_compounds() -> frozenset[str]:
    """`pháp chế`: a country's name and a lower-case syllable it compounds with (data/country_compounds.txt)."""
    return frozenset(fold(w) for w in gazetteer.words("country_compounds.txt"))


@lru_cache(maxsize=1)
def _home_countries() -> tuple[str, ...]:
    return tuple(name for name, flag in gazetteer.pairs("countries.txt") if flag == "home")


def central_form(name: str, lex: Lexicon) -> str:
    """A central body's one name, whatever the variant: `Bộ Công an Việt Nam` → `Bộ Công an`,
    `Bộ Kế hoạch - Đầu tư Lào` → `Bộ Kế hoạch và Đầu tư Lào` (a foreign body keeps its country)."""
    tokens = tokenize(name)
    for i in lex.countries.starts(tokens):
        country = lex.countries.match(tokens, i, capitalised=True) if i else None
        if country and country[0] == len(tokens) and (central := central_name(name[:tokens[i].start])):
            return central if country[1] in _home_countries() else f"{central} {name[tokens[i].start:]}"
    return central_name(name) or name


def department_form(name: str) -> str:
    """A provincial department's fields written as its ministry's: `Sở Tài nguyên - Môi trường tỉnh X` →
    `Sở Tài nguyên và Môi trường tỉnh X` (as `Bộ Tài nguyên và Môi trường`)."""
    words, ministry_words = name.split(), ministry_head().split()
    if len(words) < 2 or words[0] != department_head():
        return name
    for k in range(len(words), 1, -1):
        ministry = central_name(" ".join([*ministry_words, *words[1:k]]))
        if ministry and ministry.split()[:len(ministry_words)] == ministry_words and len(ministry.split()) > 1:
            return " ".join([words[0], *ministry.split()[len(ministry_words):], *words[k:]])
    return name


def complete_body(body: BodyMention, places: Places, lex: Lexicon) -> str:
    """The body's canonical name: aliases applied and an implied place filled in."""
    spelled = places.spelled_out(body.name, lex)
    name = central_form(lex.body_aliases.get(fold(body.name), without_of(spelled, lex) if body.head.kind != DELEGATION
                                             else spelled), lex)
    name = department_form(name)
    if chamber := places.chamber_country(name, lex):
        return f"{name} {chamber}"  # `Ủy ban Quân vụ Thượng viện` in an article that writes `Thượng viện Mỹ`
    where = places.bracketed.get(body.name)
    country = where if isinstance(where, str) else places.country  # `Viện Asan (Hàn Quốc)` in news about the North
    if country and body.head.kind in NATIONAL_KINDS and not body.head.local \
            and (where or (not _foreign_named(name) and _every_state_has(name, body.head, lex))) \
            and not foreign_country(tokenize(name), lex) and not names_place(name, lex) and not international(name):
        return f"{name} {country}"  # `Quốc hội` in news about the US: `Quốc hội Mỹ`
    if body.head.complete or central_name(name) == name:
        return name  # a national body takes no place: `Mặt trận Tổ quốc Việt Nam`
    if _abroad(name, lex):
        return name  # `Sở Di trú Mỹ`, `Sở Khoa học và Công nghệ Lào`: a foreign body takes no Vietnamese place
    if body.head.local and (qualified := province_qualified(name, lex)):
        return qualified  # `Ủy ban nhân dân Hải Phòng` → `… thành phố Hải Phòng`
    if names_place(name, lex) or (_form(body.head.head, lex) == "bare" and name != body.head.head):
        return name  # `Quận ủy Tân Phú`: after a committee's head, the words are its place
    if not places.country and (numbered := _numbered_province(name, lex)):
        return f"{name} {numbered.qualified}"  # `Công an quận 9` in an article about Hà Nội: Thành phố Hồ Chí Minh's
    for ending, kind, form in lex.implied_place:
        if ending == "*":
            if not body.head.local:
                return name
        elif fold(name) == fold(ending):
            name = ending  # `Ban thường vụ` is written `Ban Thường vụ`
        elif not fold(name).endswith(" " + fold(ending)):
            continue  # `Ban Pháp chế Hội đồng nhân dân Thành phố` ends in `thành phố`
        if form == "seat" and (seat := places.seats.get(body.name)):
            return f"{name} {kind} {seat.name}"  # `Tòa án nhân dân Cấp cao tại Hà Nội`
        if form in ("none", "seat"):
            return name  # `Công an nhân dân`: the national force, no province's
        province = where if isinstance(where, Province) and kind in ("any", "province", where.kind) \
            else places.main(kind)  # `Công an Hàm Tân (Bình Thuận)` in news about a man from Thành phố Hồ Chí Minh
        if province is None:
            return name
        if form == "bare":
            return f"{name} {province.name}"
        if form == "committee":  # `Ban Thường vụ` → `Ban Thường vụ Tỉnh ủy Yên Bái`
            return f"{name} {_party_committee(province.kind, lex)} {province.name}"
        if form == "replace":
            return f"{name[: -len(ending)]}{province.qualified}"
        return f"{name} {province.qualified}"
    return name


def _every_state_has(name: str, head: BodyHead, lex: Lexicon) -> bool:
    """Whether a body is one that every state has, so that a foreign article's bare one is that country's: a ministry,
    a parliament's chamber, a party's body, a head that names one body (`Nội các`), a central body's name (`Chính
    phủ`), a body its name calls national (data/country_cues.txt, `national`: `Hội đồng An ninh Quốc gia`), or a
    unit of one of these (`Ủy ban Quốc phòng Quốc hội`, `Văn phòng Đạo đức Chính phủ`). Not a centre, an institute,
    a room or a council (`Trung tâm Nghiên cứu An ninh` of Georgetown, `Phòng Bầu dục` in news about Russia): only
    its bracket says whose it is."""
    if head.kind != STATE or head.complete or central_name(name):
        return True
    tokens = tokenize(name)
    words = f" {' '.join(t.folded for t in tokens)} "
    return any(f" {cue} " in words for cue in _country_cues("national")) \
        or any(m[2].kind in NATIONAL_KINDS and m[2].complete
               for m in lex.body_heads.ending_at(tokens, len(tokens), MAX_CUE_WORDS, capitalised=True))


def _foreign_named(name: str) -> bool:
    """`Viện Lowy`, `Trung tâm Hội chợ và Triển lãm Hamburg`: a name with a foreign word names one institution,
    which need not be of the country a foreign article is about (news about Triều Tiên quotes Viện Lowy)."""
    return any(t.is_word and looks_foreign(t.text) for t in tokenize(name)[1:])


def without_of(name: str, lex: Lexicon) -> str:
    """`Cục Đông Á của Bộ Ngoại giao Mỹ` → `Cục Đông Á Bộ Ngoại giao Mỹ`, `Báo Politico của Mỹ` → `Báo Politico
    Mỹ`: a unit is named after the body or the country it belongs to without the `của` between them (not a
    delegation, a body's team rather than a unit of it: `Đoàn kiểm tra của Bộ Chính trị`)."""
    tokens = tokenize(name)
    cut = [(tokens[i - 1].end, t.end) for i, t in enumerate(tokens[:-1])
           if i and t.folded in lex.cues["of"] and tokens[i + 1].is_capitalised]
    for start, end in reversed(cut):
        name = name[:start] + name[end:]
    return name


@lru_cache(maxsize=1)
def _numbered_provinces() -> dict[str, Province]:
    """Admin word → the one province whose places of that level are numbered (data/numbered_places.tsv)."""
    by_name = {p.name: p for p in gazetteer.provinces()}
    try:
        return {word: by_name[province] for word, province in gazetteer.pairs("numbered_places.tsv")}
    except KeyError as e:
        raise DataError(f"data/numbered_places.tsv: {e.args[0]} is no province of data/provinces.tsv") from None


def _numbered_province(name: str, lex: Lexicon) -> Province | None:
    """The province of a numbered place the name holds (`quận 9`), if data/numbered_places.tsv gives one."""
    tokens = tokenize(name)
    for i in lex.admin_words.starts(tokens):
        m = lex.admin_words.match(tokens, i)
        if m and m[1] in _numbered_provinces() and m[0] < len(tokens) and tokens[m[0]].text.isdigit():
            return _numbered_provinces()[m[1]]
    return None


def _abroad(name: str, lex: Lexicon) -> bool:
    """Whether a body's name names a foreign country and not the home one (`Hội Hữu nghị Việt Nam - Cuba` has
    chapters in provinces); a country's name that starts a province's (`Lào Cai`) or ends a longer capitalised
    name (`Đông Anh`, `Chính Pháp`) is none."""
    tokens = tokenize(name)
    named = [country for i, _, country in _country_spans(tokens, lex)
             if not lex.provinces.match(tokens, i, capitalised=True)
             and not (i and tokens[i - 1].is_capitalised and tokens[i - 1].is_word)]
    return bool(named) and not any(c in _home_countries() for c in named)


def _party_committee(kind: str, lex: Lexicon) -> str:
    """The party committee of a place of this kind (`tỉnh` → `Tỉnh ủy`, `thành phố` → `Thành ủy`): the
    ending data/implied_place.tsv writes bare before a place of this kind that data/bodies.tsv makes a party's."""
    for ending, place_kind, form in lex.implied_place:
        if form == "bare" and place_kind == kind:
            tokens = tokenize(ending)
            head = lex.body_heads.match(tokens, 0)
            if head and head[0] == len(tokens) and head[2].kind == PARTY:
                return ending
    raise DataError(f"data/implied_place.tsv names no party committee of a {kind}")


def _places_in(tokens, lex: Lexicon, districts: bool = False) -> Iterator[Province]:
    """The provinces named in `tokens`, in order; with `districts`, also `quận X`, `huyện X` …"""
    starts = lex.provinces.starts(tokens)
    if districts:
        starts = sorted({*starts, *lex.admin_words.starts(tokens)})
    end = 0
    for i in starts:  # where a province or a district's word is
        if i < end:
            continue
        m = lex.provinces.match(tokens, i, capitalised=True) if tokens[i].is_capitalised else None
        if m:
            if not ends_a_name(tokens, i, lex):
                yield m[2]
            end = m[0]
            continue
        admin = lex.admin_words.match(tokens, i) if districts else None
        if admin and not tokens[i].is_capitalised and admin[0] < len(tokens) \
                and tokens[admin[0]].is_capitalised and tokens[admin[0]].is_word \
                and not lex.provinces.match(tokens, admin[0], capitalised=True) \
                and not province_level_person(tokens, admin[0], lex):
            end = place_end(tokens, admin[0], lex)
            yield Province(" ".join(t.text for t in tokens[admin[0]:end]), admin[1], ())


def ends_a_name(tokens: tuple[Token, ...], i: int, lex: Lexicon) -> bool:
    """Whether the place or country at tokens[i] ends a person's name, a surname and at most one given name before
    it (`Phó Thủ tướng Trương Hòa Bình`, `đại biểu Dương Trung Quốc`): it names no place then. Not after a body's
    head (`Bệnh viện Bạch Mai Hà Nội`) nor after a head that is also a surname (`Đoàn Hưng Yên`), nor a sentence's
    first word (`Từ Hà Nội, đoàn …`: `from`)."""
    j = i
    while j > 0 and i - j < 2 and _name_syllable(tokens[j - 1]):
        j -= 1
    return 0 < j < i and tokens[j].text in lex.surnames and not lex.body_heads.match(tokens, j, capitalised=True) \
        and not any(lex.body_heads.ending_at(tokens, j, MAX_CUE_WORDS)) \
        and not any(lex.admin_words.ending_at(tokens, j, MAX_ADMIN_WORDS))


def provinces_named(text: str, lex: Lexicon | None = None) -> list[str]:
    """The provinces a text names, by canonical name, in order."""
    return [p.name for p in _places_in(tokenize(text), lex or lexicon())]


NATIONAL_ASSEMBLY = "national assembly"  # the kind of a parliament and its chambers (data/bodies.tsv)
STATE = "state"  # the kind of the state's bodies that are no ministry (data/bodies.tsv: Chính phủ, Trung tâm, Viện …)
NATIONAL_KINDS = frozenset({"ministry", STATE, NATIONAL_ASSEMBLY, PARTY})  # bodies every state has


def foreign_country(tokens: tuple[Token, ...], lex: Lexicon) -> str | None:
    """The last foreign country a sentence names, as written (`Lào`), if it names one."""
    home = _home_countries()
    return next((c for c in reversed(list(_countries_in(tokens, lex))) if c not in home), None)


def foreign_body(body: BodyMention | None, holder: str, country: str | None, lex: Lexicon) -> BodyMention | None:
    """`Somdy Douangdy, Bộ trưởng Bộ Tài chính` in news about Laos → `Bộ Tài chính Lào`: a holder with a
    foreign name holds a national post in the country the text is about, unless the body's name says where;
    only in a ministry or a body every state has (a central body's name), not `Hội đồng quản trị`."""
    if body is None or country is None or body.head.kind not in NATIONAL_KINDS or body.head.local \
            or (body.head.kind != "ministry" and central_name(body.name) is None) \
            or holder.split()[0] in lex.surnames or names_place(body.name, lex) \
            or foreign_country(tokenize(body.name), lex):
        return None
    return replace(body, name=f"{body.name} {country}")
