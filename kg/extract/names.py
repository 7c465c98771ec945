"""Person names: a surname from the gazetteer and up to four capitalised given names."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

from kg import gazetteer
from kg.extract.bodies import province_level_person, starts_person
from kg.extract.lexicon import Lexicon, PhraseMatcher, listed, opens_time_phrase, place_at
from kg.extract.text import Sentence, tokenize
from kg.normalize import fold

MAX_NAME_WORDS = 5
NAMED_PLACES = "named_places.tsv"


@dataclass(frozen=True)
class NameMention:
    start: int  # token indices in the sentence
    end: int
    name: str


def _openers() -> PhraseMatcher:
    """`Tuy nhiên`, `Tiếp đó`: the next sentence glued to a name (`data/sentence_openers.txt`)."""
    return listed("sentence_openers.txt")


def _is_acronym(text: str) -> bool:
    return len(text) > 1 and text.isupper() and not ROMAN.fullmatch(text)


def stops_name(sentence: Sentence, k: int, lex: Lexicon) -> bool:
    tokens = sentence.tokens
    t = tokens[k]
    if not (t.is_word and t.is_capitalised) or t.text in lex.name_enders or _is_acronym(t.text):
        return True
    if opens_time_phrase(tokens, k, lex) or _openers().match(tokens, k, capitalised=True) \
            or lex.honorifics.match(tokens, k, capitalised=True):
        return True
    if (role := lex.roles.match(tokens, k, capitalised=True)) is not None:
        # `Lê Tiến Trưởng, …`: a one-word role with no body after it is a given name
        return role[0] - k > 1 or (role[0] < len(tokens) and tokens[role[0]].is_capitalised)
    body = lex.body_heads.match(tokens, k, capitalised=True)
    return body is not None and body[0] - k > 1


# A Vietnamese syllable without its marks: onset, vowel nucleus, final consonant.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(?:uye|uya|uyu|ieu|yeu|oai|oay|oeo|uay|uoi|uou|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|ya"
    r"|[aeiouy])(?:ch|ng|nh|[cmnpt])?")
_INITIAL_SURNAME = re.compile(r"[A-ZĐ][a-z]?\.[A-ZĐ]\w")  # `V.Soi-blơ`, `Ph.Phi-ông`


def unmarked(word: str) -> str:
    """A word folded to lower case, without tone or vowel marks, đ as d."""
    return "".join(c for c in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(c)) \
        .replace("đ", "d")


def is_initial_surname(word: str) -> bool:
    """`V.Soi-blơ`, `Ph.Phi-ông`: a foreign name as Vietnamese papers print it."""
    return _INITIAL_SURNAME.match(word) is not None


@lru_cache(maxsize=1 << 16)
def looks_foreign(word: str) -> bool:
    """`Netanyahu`, `Hee-sang`, `V.Soi-blơ`: a capitalised word no Vietnamese syllable spells; acronyms are not."""
    if not word[:1].isupper() or (len(word) > 1 and word.isupper()):
        return False
    if is_initial_surname(word) or "-" in word:
        return True
    return not _SYLLABLE.fullmatch(unmarked(word))


_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")  # `Jae-in`, `Hee-sang`


@lru_cache(maxsize=None)
def _hyphen_surnames() -> frozenset[str]:
    return gazetteer.words("korean_surnames.txt")


def find_evident_name(sentence: Sentence, i: int, lex: Lexicon) -> NameMention | None:
    """A foreign name whose form alone shows it, with no cue: an initial and a transliterated surname
    (`C.Mô-nê`, `P.Gen-ti-lô-ni`), a Korean surname and a hyphenated given name (`Song Young-gil`), or
    two or more transliterated words (`Phi-đen Ca-xtơ-rô`; a country's name is read as a place first)."""
    tokens = sentence.tokens
    word = tokens[i].text
    if "-" not in word and "." not in word and (i + 1 == len(tokens) or "-" not in tokens[i + 1].text):
        return None  # the common case: nothing hyphenated or dotted here
    if is_initial_surname(word) and _transliterated_surname(word[word.index(".") + 1:]):
        return NameMention(i, i + 1, word) if fold(word) not in lex.non_persons else None
    if word in _hyphen_surnames() and i + 1 < len(tokens) and _HYPHENATED_GIVEN.fullmatch(tokens[i + 1].text):
        return NameMention(i, i + 2, sentence.span_text(i, i + 2))
    end = i
    while end < len(tokens) and end - i < MAX_NAME_WORDS - 1 and _transliterated(tokens[end].text):
        end += 1
    name = sentence.span_text(i, end)
    return NameMention(i, end, name) if end - i > 1 and fold(name) not in lex.non_persons else None


def _transliterated_surname(word: str) -> bool:
    """`Mô-nê`, `Putin`: a foreign surname of at least three letters with a vowel; not a word glued to the next
    (`TúTổng`) nor an abbreviation (`Th`)."""
    return len(word) > 2 and looks_foreign(word) and any(c in "aeiouy" for c in unmarked(word)) \
        and not any(c.isupper() for part in word.split("-") for c in part[1:])


def _transliterated(word: str) -> bool:
    """`Ca-xtơ-rô`: a capitalised word of syllables joined by hyphens, the later ones lower-case."""
    parts = word.split("-")
    return len(parts) > 1 and word[0].isupper() and all(p.isalpha() and p[0].islower() for p in parts[1:]) \
        and parts[0].isalpha()


def _occupations() -> PhraseMatcher:
    return listed("occupations.txt")


MAX_CUE_WORDS = 3


@lru_cache(maxsize=None)
def _cue_ends() -> frozenset[str]:
    """The last words of occupations and honorifics, folded."""
    phrases = [*gazetteer.words("occupations.txt"), *(w for w, _ in gazetteer.pairs("honorifics.tsv"))]
    return frozenset(tokenize(p)[-1].folded for p in phrases if tokenize(p))


def _after_occupation(tokens, i: int) -> bool:
    return any(_occupations().ending_at(tokens, i, MAX_CUE_WORDS))


def after_cue(tokens, i: int, lex: Lexicon) -> bool:
    """An occupation (`HLV`, `tiền đạo`), a rank or a degree (`trung tướng`, `Giáo sư`) ends before token i."""
    return _after_occupation(tokens, i) or any(lex.honorifics.ending_at(tokens, i, MAX_CUE_WORDS))


def find_cued_foreign_name(sentence: Sentence, i: int, lex: Lexicon) -> NameMention | None:
    """`HLV Zidane`, `trung tướng Vincent Stewart`: a foreign name after an occupation, a rank or a degree;
    `tiền đạo Công Phượng`, `con trai Trung Dũng`: given names alone after an occupation or a kinship word;
    not a place (`tiền đạo Chile`)."""
    tokens = sentence.tokens
    if not i or tokens[i - 1].folded not in _cue_ends():
        return None  # the common case: no cue word before
    foreign = looks_foreign(tokens[i].text)
    if not (after_cue(tokens, i, lex) if foreign else _after_occupation(tokens, i)) or place_at(tokens, i, lex):
        return None
    name = find_foreign_name(sentence, i, lex)
    if name is None or foreign:
        return name
    given = tokens[name.start:name.end]
    if len(given) > MAX_GIVEN_WORDS or any(looks_foreign(t.text) for t in given) \
            or (name.end < len(tokens) and place_at(tokens, name.end, lex)) \
            or (len(given) == 1 and name.end < len(tokens) and tokens[name.end].is_word
                and not tokens[name.end].is_capitalised):
        return None  # `HLV The Voice`, `HLV Sông Lam Nghệ An`: a show, a club; `nghị sĩ Cộng hòa`, `chồng Tây điển trai`
    return name


MAX_GIVEN_WORDS = 3


ROMAN = re.compile(r"[IVX]{2,}")  # `Felipe VI`: a regnal number, not an initial
_INITIALS = re.compile(r"(?:[A-ZĐ][a-z]?\.)+[A-ZĐ][a-z]?\.?")  # `T.A`, `K.L.`, `Ng.T.A`: given names cut to initials


def _is_abbreviated(sentence: Sentence, start: int, end: int) -> bool:
    """`Nguyễn Văn A.`, `Trần T.`, `ông Tr.`: a name cut to an initial is not a person."""
    tokens = sentence.tokens
    last = tokens[end - 1].text
    if end - start > 1 and ROMAN.fullmatch(last):
        return False
    if len(last) == 1 or (end < len(tokens) and _INITIALS.fullmatch(tokens[end].text)):
        return True  # `Nguyễn Văn A.`, `Nguyễn Thị T.A (18 tuổi)`: the name goes on in initials
    return end < len(tokens) and tokens[end].text == "." and len(last) <= 2 and (
        last.isupper() or not any(c in "aeiouy" for c in unmarked(last)))  # `ông Tr.`


def _thing_heads() -> PhraseMatcher:
    return listed("named_after.txt")


_HOUSE_NUMBER = re.compile(r"\d{1,4}[A-Z]?(?:/\d+[A-Z]?)*")
ADDRESS_FOLLOWERS = frozenset(",()-–")
MAX_HEAD_WORDS = 5  # `phổ thông dân tộc nội trú`
MAX_CHAINED_NAME = 4


@lru_cache(maxsize=None)
def _head_compounds() -> frozenset[str]:
    return frozenset(fold(w) for w in gazetteer.words("head_compounds.txt"))


def _compound_tail(tokens, k: int) -> bool:
    """The word at k ends a compound that is no head (`trường` of `Môi trường`, `hướng` of `định hướng`)."""
    return k > 0 and fold(f"{tokens[k - 1].text} {tokens[k].text}") in _head_compounds()


def after_head(tokens, i: int, lex: Lexicon, places: bool = True) -> bool:
    """The longest head ending right before token i is one of `data/named_after.txt` (any case) or, with
    `places`, a lower-case place word; no compound ends in it (`Bộ … Môi trường`, data/head_compounds.txt),
    and a street's head inside a place's is the place's (`phố` of `thành phố`)."""
    heads = {k for *_, k in _thing_heads().ending_at(tokens, i, MAX_HEAD_WORDS)}
    words = {k for *_, k in lex.place_words.ending_at(tokens, i, MAX_HEAD_WORDS)
             if not tokens[k].is_capitalised or _is_acronym(tokens[k].text)}
    k = min((k for k in heads | words if not _compound_tail(tokens, k)), default=None)  # the longest
    return k is not None and (k in heads or places)


def _after_house_number(tokens, i: int, end: int) -> bool:
    """`93 Nguyễn Văn Linh, quận …`: a name after a house number (not a year) and before the rest of an address."""
    number = tokens[i - 1].text if i else ""
    return bool(_HOUSE_NUMBER.fullmatch(number)) and not (len(number) == 4 and number[:2] in ("19", "20")) \
        and (end == len(tokens) or tokens[end].text in ADDRESS_FOLLOWERS)


def _chained_name_start(tokens, i: int) -> range:
    """`Nguyễn Kiệm - Nguyễn Thái Sơn`: where the name before a dash at i-1 may start."""
    if i < 2 or tokens[i - 1].text not in "-–":
        return range(0)
    k = i - 2
    while k > 0 and i - 1 - k < MAX_CHAINED_NAME and tokens[k - 1].is_word and tokens[k - 1].is_capitalised:
        k -= 1
    return range(i - 2, k - 1, -1)


def _thing_at(tokens, i: int, lex: Lexicon, depth: int = 0) -> bool:
    """A head before the name at i, or a street's head before a name chained to it by dashes (`nút giao
    Nguyễn Kiệm - Nguyễn Thái Sơn`; a place is no chain: `UBND TP Hà Nội - Nguyễn Đức Chung`)."""
    return after_head(tokens, i, lex, places=depth == 0) or depth < MAX_CHAINED_NAME and any(
        _thing_at(tokens, k, lex, depth + 1) for k in _chained_name_start(tokens, i))


LIST_OPENERS = frozenset({"như", "là", "gồm", ":"})  # between a head and the first item of its list
MAX_LIST_ITEMS = 8


def _listed_after_a_head(tokens, i: int, lex: Lexicon) -> bool:
    """`các tuyến đường như Xã Đàn, Láng Hạ, Lê Duẩn`, `đường Kim Mã và Nguyễn Chí Thanh`: the name at i ends a
    list of capitalised names that a head of data/named_after.txt opens. After a comma, two items at least stand
    before it (`Trên đường Láng, Nguyễn Văn A đi xe máy` is a person)."""
    items, k = 0, i
    while items < MAX_LIST_ITEMS and k > 1 and tokens[k - 1].text in (",", "và"):
        start = k - 1
        while start > 0 and k - 1 - start < MAX_NAME_WORDS and tokens[start - 1].is_word and tokens[start - 1].is_capitalised:
            start -= 1
        if start == k - 1:
            return False
        items += 1
        opener = start - 1 if start > 0 and tokens[start - 1].folded in LIST_OPENERS else start
        if after_head(tokens, opener, lex, places=False):
            return items >= 2 or tokens[i - 1].text == "và"
        k = start
    return False


def names_a_thing(sentence: Sentence, i: int, end: int, lex: Lexicon) -> bool:
    """`đường Trần Phú`, `Trường THCS Trần Văn Ơn`, `vòng xoay Nguyễn Kiệm - Nguyễn Thái Sơn`, `93 Nguyễn
    Văn Linh,`, `các tuyến đường như Kim Mã, Láng Hạ, Lê Duẩn`: the name at i, or one that starts a few words
    earlier and runs through it (`Văn Linh` of `Nguyễn Văn Linh`), names a place, a building, an institution or a
    prize."""
    tokens = sentence.tokens
    if _listed_after_a_head(tokens, i, lex):
        return True
    for k in range(i, max(-1, i - MAX_NAME_WORDS), -1):
        if k < i and not (starts_person(tokens, k, lex) and tokens[k].is_capitalised):
            break
        if not province_level_person(tokens, k, lex) and (
                _thing_at(tokens, k, lex) or _after_house_number(tokens, k, end)):
            return True
    return False


def _before_a_name(tokens, i: int, lex: Lexicon) -> bool:
    """`… HĐND Ông Đoàn Văn B`: a capitalised form of address is not a surname when a name follows."""
    return lex.honorifics.match(tokens, i, capitalised=True) is not None and i + 1 < len(tokens) \
        and starts_person(tokens, i + 1, lex)


def _name_end(sentence: Sentence, i: int, lex: Lexicon) -> int:
    tokens = sentence.tokens
    end = i + 1
    while end < len(tokens) and end - i < MAX_NAME_WORDS and not stops_name(sentence, end, lex):
        end += 1
    if end - i > 1 and end < len(tokens) and _given_after_middle(tokens, end):
        end += 1  # `Nguyễn Văn Để`, `Lê Văn Được`: a word that ends other names is this one's given name
    return end


@lru_cache(maxsize=None)
def middle_names() -> frozenset[str]:
    """`Văn`, `Thị`: middle names that no Vietnamese name ends with (data/middle_names.txt)."""
    return gazetteer.words("middle_names.txt")


def _given_after_middle(tokens, k: int) -> bool:
    """Token k is a capitalised Vietnamese word right after a middle name (`Để` of `Nguyễn Văn Để`): the given
    name, whatever else the word may start (a clause, a title); not an acronym or an initial (`Nguyễn Thị T.A`)."""
    word = tokens[k].text
    return tokens[k - 1].text in middle_names() and tokens[k].is_word and tokens[k].is_capitalised \
        and word[1:].islower() and _SYLLABLE.fullmatch(unmarked(word)) is not None


def name_spans(sentence: Sentence, lex: Lexicon) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of capitalised words a surname starts (not inside another such run)."""
    tokens, previous = sentence.tokens, False
    for i in range(len(tokens) - 1):
        starts = starts_person(tokens, i, lex)
        if starts and not previous and (end := _name_end(sentence, i, lex)) - i > 1:
            yield i, end
        previous = starts


def thing_names(sentences: Iterable[Sentence], lex: Lexicon) -> frozenset[str]:
    """The names (folded) an article writes as places, buildings, institutions or prizes (`đường Nguyễn Văn
    Linh`): elsewhere in it, with no title, they name the same thing (`từ Nguyễn Kiệm qua Nguyễn Văn Linh`)."""
    return frozenset(fold(sentence.span_text(i, end)) for sentence in sentences for i, end in name_spans(sentence, lex)
                     if names_a_thing(sentence, i, end, lex))


def cued(tokens, i: int, lex: Lexicon) -> bool:
    """A title, a form of address, a rank, a degree or an occupation ends right before token i."""
    return after_cue(tokens, i, lex) or any(lex.roles.ending_at(tokens, i, MAX_CUE_WORDS))


@lru_cache(maxsize=None)
def _named_places() -> frozenset[str]:
    return frozenset(fold(name) for name, _, _ in gazetteer.mined_triples(NAMED_PLACES))


def find_name(sentence: Sentence, i: int, lex: Lexicon) -> NameMention | None:
    """The Vietnamese person name starting at token i, if one does."""
    tokens = sentence.tokens
    if not (starts_person(tokens, i, lex) or _rare_surname(tokens, i, lex)) or _is_acronym(tokens[i + 1].text) \
            or _before_a_name(tokens, i, lex) or _inside_a_thing(sentence, i, lex):
        return None
    end = _name_end(sentence, i, lex)
    if end - i < 2 or _is_abbreviated(sentence, i, end) or names_a_thing(sentence, i, end, lex) \
            or _body_of_a_place(tokens, i, end, lex) \
            or any(looks_foreign(t.text) for t in tokens[i + 1:end]):  # `La Liga`: given names are syllables
        return None
    name = " ".join(t.text for t in tokens[i:end])
    if fold(name) in lex.non_persons or non_person_prefix(tokens, i, end, lex) \
            or lex.provinces.match(tokens, i, capitalised=True) \
            or _named_place(sentence, i, end, lex):  # `Kim Thành (Hải Dương)`, `Thái Cực Quyền`
        return None
    return NameMention(i, end, name)


def _rare_surname(tokens, i: int, lex: Lexicon) -> bool:
    """`ông Chẩu Văn Lâm`, `Chủ tịch UBND tỉnh Trà Vinh Đồng Văn Lâm`: a capitalised Vietnamese word that
    data/surnames.txt lacks, then a middle name and a capitalised word, right after a title, a form of address
    or an occupation, or after a province that ends a title's body; not a place (`huyện Đồng Văn`)."""
    if i + 2 >= len(tokens) or tokens[i + 1].text not in middle_names() or not tokens[i + 2].is_capitalised \
            or not tokens[i + 2].is_word or _SYLLABLE.fullmatch(unmarked(tokens[i].text)) is None:
        return False
    after_province = i > 0 and tokens[i - 1].is_capitalised and any(lex.provinces.ending_at(tokens, i, 3, capitalised=True))
    inside = i > 1 and tokens[i - 1].is_capitalised and tokens[i - 2].is_capitalised and tokens[i - 2].is_word
    return (after_province or cued(tokens, i, lex) and not inside) and not place_at(tokens, i, lex) \
        and lex.body_heads.match(tokens, i, capitalised=True) is None  # `Hai Bà Trưng Văn Minh`: no cue


def _body_of_a_place(tokens, i: int, end: int, lex: Lexicon) -> bool:
    """`Đoàn Việt Nam`, `Đoàn Hà Nội`: a surname that is also a body's head, then only a country or a province, or a
    body's longer head (`Đoàn Thanh niên Cộng sản`);
    `Từ Đà Nẵng đến …`: a surname that is also a word no name goes on with (data/name_enders.txt), then a place."""
    head = lex.body_heads.match(tokens, i, capitalised=True)
    if head is not None and head[0] > end:  # `Đoàn Thanh niên Cộng sản Hồ Chí Minh`: a body's name runs through it
        return True
    opens = head is not None and head[0] == i + 1 or tokens[i].text in lex.name_enders
    return opens and place_at(tokens, i + 1, lex) == end


def _named_place(sentence: Sentence, i: int, end: int, lex: Lexicon) -> bool:
    """The name at tokens[i:end] is one the corpus writes as a place or a thing, and no cue stands before it."""
    return fold(sentence.span_text(i, end)) in _named_places() and not cued(sentence.tokens, i, lex)


def _inside_a_thing(sentence: Sentence, i: int, lex: Lexicon) -> bool:
    """`Văn Trỗi` of `đường Nguyễn Văn Trỗi`, `Văn Can` of `Lương Văn Can, Phạm Văn Đồng`: a name that starts
    right before token i names a place or a thing."""
    k = i - 1
    if k < 0 or not starts_person(sentence.tokens, k, lex):
        return False
    end = _name_end(sentence, k, lex)
    return _named_place(sentence, k, end, lex) or names_a_thing(sentence, k, end, lex)


@lru_cache(maxsize=None)
def particles() -> frozenset[str]:
    return gazetteer.words("name_particles.txt")


def inner_particle(tokens, start: int, k: int) -> bool:
    """`van` of `Louis van Gaal`: a particle between foreign words of a name; `al-Assad` of `Bashar al-Assad`: a
    particle joined by a hyphen to a capitalised word goes on a name."""
    if not start < k < len(tokens):
        return False
    if _hyphen_particle(tokens[k].text):
        return tokens[k - 1].is_capitalised
    return k < len(tokens) - 1 and tokens[k].text in particles() and looks_foreign(tokens[k - 1].text) \
        and tokens[k + 1].is_capitalised and tokens[k + 1].is_word


def _hyphen_particle(word: str) -> bool:
    """`al-Assad`, `el-Sisi`: a particle joined by a hyphen to a capitalised word."""
    particle, hyphen, rest = word.partition("-")
    return bool(hyphen) and particle in particles() and rest[:1].isupper()


def find_foreign_name(sentence: Sentence, i: int, lex: Lexicon) -> NameMention | None:
    """Capitalised words after an honorific or a title (`ông Juan Carlos`): a name of any origin; not after a
    form of address that a street's head opens (`phố Bà Triệu`, `đường Bà Huyện Thanh Quan`)."""
    tokens = sentence.tokens
    if i > 1 and after_head(tokens, i - 1, lex, places=False) and lex.honorifics.match(tokens, i - 1):
        return None
    end = i
    while end < len(tokens) and end - i < MAX_NAME_WORDS and (
            not stops_name(sentence, end, lex) or inner_particle(tokens, i, end)):
        if lex.provinces.match(tokens, end, capitalised=True):
            break
        if end > i and starts_person(tokens, end, lex) and not (end == i + 1 and tokens[end].text in middle_names()):
            return None  # `Chủ tịch Vinatex Trần Quang Nghị`: the word before a Vietnamese name is a body
        end += 1
        if _hyphen_particle(tokens[end - 1].text):
            break  # `Bashar al-Assad Ankara`: the name ends at its particle's word
    if end == i or _is_abbreviated(sentence, i, end) or _capitalised_compound(tokens, i, end, lex):
        return None
    # `Thủ tướng I-xra-en B.Nê-ta-ni-a-hu`: an initial and a surname start the name
    i = next((k for k in range(i + 1, end) if is_initial_surname(tokens[k].text)), i)
    name = " ".join(t.text for t in tokens[i:end])
    if fold(name) in lex.non_persons:
        return None
    if skip := non_person_prefix(tokens, i, end, lex):  # `Quốc vương Saudi Arabia Salman`
        i += skip
        name = " ".join(t.text for t in tokens[i:end])
    return NameMention(i, end, name)


def _capitalised_compound(tokens, i: int, end: int, lex: Lexicon) -> bool:
    """`Đại sứ Cộng hòa Sudan`, `các tổng thống Cộng hòa tiền nhiệm`, `Đại sứ Du lịch`: one Vietnamese word right
    after a title, then a lower-case word, is the first syllable of a capitalised word (a title is followed by a
    full name, not a lone given name)."""
    return end == i + 1 < len(tokens) and not looks_foreign(tokens[i].text) and tokens[end].is_word \
        and tokens[end].text[:1].islower() and any(lex.roles.ending_at(tokens, i, MAX_CUE_WORDS))


def non_person_prefix(tokens, i: int, end: int, lex: Lexicon) -> int:
    """How many first words of the name at tokens[i:end], fewer than all, are a known not-person (a country
    data/countries.txt does not list: `Saudi Arabia` of `Saudi Arabia Salman`); 0 if none."""
    for k in range(end - 1, i, -1):
        if fold(" ".join(t.text for t in tokens[i:k])) in lex.non_persons:
            return k - i
    return 0


def full_name_for(name: str, names: list[str]) -> str | None:
    """The longest of `names` that `name` shortens: its last words (`Kim Tiến` of `Nguyễn Thị Kim Tiến`),
    or, for one word, the first word of a foreign name (`Felipe` of `Felipe VI`)."""
    words = name.split()
    longer = [n for n in names if len(n.split()) > len(words) and (
        n.split()[-len(words):] == words or (len(words) == 1 and n.split()[0] == name))]
    return max(longer, key=lambda n: len(n.split()), default=None)
