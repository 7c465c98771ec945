"""Names the corpus establishes: mined where a strong cue stands beside them, recognised anywhere.

`kg mine-names CORPUS` reads every article and keeps the names that a title or a form of
address introduces (`ông X`, `X, Bí thư …`, `Tổng thống Mỹ X`) but that the surname rule
would not find alone (foreign names, pen names, rare surnames). Those cued in at least
`min_articles` articles go to `data/known_names.tsv`, and extraction then recognises them
where they stand without a cue (`… cuộc gặp với Donald Trump`).
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from kg import gazetteer
from kg.extract.bodies import MAX_ADMIN_WORDS, starts_person
from kg.extract.lexicon import KNOWN_NAMES, Lexicon, lexicon, place_at
from kg.extract.names import (MAX_NAME_WORDS, NameMention, after_cue, after_head, cued, find_cued_foreign_name,
                              find_evident_name, find_foreign_name, inner_particle, is_initial_surname, looks_foreign,
                              name_spans, names_a_thing, non_person_prefix, particles, stops_name, unmarked)
from kg.extract.text import Sentence, sentences, tokenize
from kg.normalize import fold, normalise
from kg.records import Article

MIN_ARTICLES = 3
ADDRESS = frozenset({"ông", "bà", "chí"})  # `ông X`, `bà X`, `đồng chí X`


@lru_cache(maxsize=None)
def _rows() -> tuple[tuple[str, str, str], ...]:
    return gazetteer.mined_triples(KNOWN_NAMES)


@lru_cache(maxsize=None)
def _countries() -> dict[str, str]:
    return {fold(name): country for name, _, country in _rows() if country}


def known_country(name: str) -> str | None:
    """The country whose titles the corpus gives this foreign name (`Donald Trump` → `Mỹ`), if it agrees on one."""
    return _countries().get(fold(name))


def find_known_name(sentence: Sentence, i: int, lex: Lexicon) -> NameMention | None:
    """A name of `data/known_names.tsv` starting at token i and ending where a name ends, or a foreign
    name whose form or cue shows it (`find_evident_name`, `find_cued_foreign_name`)."""
    tokens = sentence.tokens
    found = lex.known_names.match(tokens, i, capitalised=True)
    if found is None and (evident := find_evident_name(sentence, i, lex) or find_cued_foreign_name(sentence, i, lex)):
        return evident
    if found is None or after_head(tokens, i, lex, places=False) or _inside_known(tokens, i, lex) \
            or (found[0] == i + 1 and i and tokens[i - 1].is_capitalised and looks_foreign(tokens[i - 1].text)):
        return None  # `tàu sân bay USS Ronald Reagan`, and its `Reagan`; `Williams` of `Serena Williams`
    end = found[0]
    if inner_particle(tokens, i, end):  # `Abdel Fattah` known, `Abdel Fattah el-Sisi` printed
        return find_foreign_name(sentence, i, lex)
    if end < len(tokens) and not stops_name(sentence, end, lex) and not _next_phrase(tokens, i, end):
        return None
    return NameMention(i, end, sentence.span_text(i, end))


def _inside_known(tokens, i: int, lex: Lexicon) -> bool:
    """A known name that starts before token i runs through it (`Reagan` of `Ronald Reagan`)."""
    return any((m := lex.known_names.match(tokens, k, capitalised=True)) and m[0] > i
               for k in range(max(0, i - MAX_NAME_WORDS + 1), i))


def _next_phrase(tokens, start: int, end: int) -> bool:
    """`Nơi`, `Hãng`: a capitalised Vietnamese word after a known name of two or more words starts the next
    sentence or phrase (`Tổng thống Mỹ Donald Trump Nơi đây …`); not a particle (`Salman Bin Abdul Aziz`), nor
    a regnal number (`Osius III`), nor a given name after a first name (`John Huy Trần`)."""
    word = tokens[end].text
    return end - start > 1 and word[1:].islower() and not looks_foreign(word) and word.lower() not in particles()


def _worth_knowing(name: str, lex: Lexicon) -> bool:
    """Only what the surname rule misses (a first word not a surname), and not initials (`Tr.`, `Ng.T.A`):
    a foreign-looking word in it, or three Vietnamese words (`Chử Xuân Dũng`; two, `Tuấn Anh`, are
    given names that many people share)."""
    words = name.split()
    if words[0] in lex.surnames or not all(map(_spelt, words)) or _has_place(name, lex) \
            or fold(name) in lex.non_persons:
        return False
    return any(map(looks_foreign, words)) or len(words) > 2


def _has_place(name: str, lex: Lexicon) -> bool:
    """A country or a province in the name, or its first words a known not-person (`Saudi Arabia Salman`:
    a king's title names his country before his name)."""
    tokens = tokenize(name)
    return any(place_at(tokens, k, lex) for k in range(len(tokens))) or non_person_prefix(tokens, 0, len(tokens), lex) > 0


def _spelt(word: str) -> bool:
    """A word with a vowel, no slash (a credit, `Đức/Báo`), and no dots but those of an initial and a surname
    (`V.Putin`)."""
    return any(c in "aeiouy" for c in unmarked(word)) and "/" not in word \
        and ("." not in word or is_initial_surname(word))


def _may_name_an_unknown(sentence: Sentence, lex: Lexicon) -> bool:
    """A capitalised word after the first that looks foreign or follows a form of address without
    being a surname: only sentences with one are worth reading for names to mine."""
    tokens = sentence.tokens
    return any(t.is_capitalised and t.is_word and t.text not in lex.surnames
               and (looks_foreign(t.text) or tokens[k - 1].folded in ADDRESS)
               for k, t in enumerate(tokens) if k)


def cued_names(article: Article, lex: Lexicon) -> dict[str, str]:
    """The names of an article that a title holds or a form of address, a rank, a degree or an occupation
    introduces, each with the country of a foreign title it holds (or '')."""
    from kg.extract.mentions import read_mentions
    from kg.extract.positions import attach_titles

    found: dict[str, str] = {}
    for sentence in sentences(normalise(article.full_text).text):
        if not _may_name_an_unknown(sentence, lex):
            continue
        mentions = read_mentions(sentence, lex)
        for holder, title in attach_titles(mentions):
            if title.country or holder.value.name not in found:
                found[holder.value.name] = title.country or ""
        for m in mentions:
            if m.kind == "name" and after_cue(sentence.tokens, m.start, lex) \
                    and not _address_in_a_name(sentence.tokens, m.start, lex):  # `ông X`, `HLV X`, `trung tướng X`
                found.setdefault(m.value.name, "")
    return {name: country for name, country in found.items() if _worth_knowing(name, lex)}


def _address_in_a_name(tokens, start: int, lex: Lexicon) -> bool:
    """`tỉnh Bà Rịa Vũng Tàu`, `Đồng Nai, Bà Rịa Vũng Tàu`, `đường Bà Huyện Thanh Quan`: a capitalised word of
    address after a word or a comma begins a place's name; it cues no person."""
    k = start - 1
    return k > 0 and tokens[k].is_capitalised and (tokens[k - 1].is_word or tokens[k - 1].text == ",") \
        and (m := lex.honorifics.match(tokens, k)) is not None and m[0] == start and m[2] == "address"


def _agreed(countries: Counter) -> str:
    """The country most of a name's foreign titles give, if at least two articles and two in three agree."""
    if not countries:
        return ""
    country, count = countries.most_common(1)[0]
    return country if count >= 2 and 3 * count >= 2 * sum(countries.values()) else ""


def mine_names(articles: Iterable[Article], min_articles: int = MIN_ARTICLES) -> list[tuple[str, int, str]]:
    """Names cued in at least `min_articles` articles: (name, articles, agreed country), most frequent first."""
    lex = lexicon()
    counts: Counter = Counter()
    countries: dict[str, Counter] = {}
    for article in articles:
        for name, country in cued_names(article, lex).items():
            counts[name] += 1
            if country:
                countries.setdefault(name, Counter())[country] += 1
    rows = [(n, c, _agreed(countries.get(n, Counter()))) for n, c in counts.items() if c >= min_articles]
    return sorted(_with_full_names(rows), key=lambda row: (-row[1], row[0]))


def _with_full_names(rows: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """A one-word name is kept only as the last word of a longer one kept (`Trump` of `Donald Trump`);
    alone (`Reuters`, `Disney`) it is more likely a brand, and a first name (`Robert`) is shared."""
    ends = {name.split()[-1] for name, _, _ in rows if " " in name}
    return [row for row in rows if " " in row[0] or row[0] in ends]


def write_known_names(rows: list[tuple[str, int, str]], path: Path) -> None:
    header = ("# Names established by a cue (a title, a form of address) in at least this many corpus\n"
              "# articles, with the country their foreign titles agree on; written by `kg mine-names`.\n"
              "# name\tarticles\tcountry\n")
    gazetteer.write_rows(path, header, rows)


MIN_PLACE_ARTICLES = 5
MAX_CUED_SHARE = 0.1


def _admin_before(tokens, i: int, lex: Lexicon) -> bool:
    """A lower-case administrative word (`huyện`, `phường`) ends right before token i."""
    return any(not tokens[m[3]].is_capitalised for m in lex.admin_words.ending_at(tokens, i, MAX_ADMIN_WORDS))


def _place_after_admin(tokens, i: int, end: int, lex: Lexicon) -> bool:
    """An administrative word ends right before the name at tokens[i:end] (`huyện Kim Thành`), or before one
    capitalised word that starts no name and begins the place's (`quận Nam Từ Liêm`); not a place and a person's
    name after it (`tỉnh Bắc Ninh Nguyễn Văn A`)."""
    if _admin_before(tokens, i, lex):
        return True
    return i > 1 and tokens[i - 1].is_word and tokens[i - 1].is_capitalised and not starts_person(tokens, i - 1, lex) \
        and _admin_before(tokens, i - 1, lex) and not any(starts_person(tokens, k, lex) for k in range(i + 1, end))


def place_and_person_uses(article: Article, lex: Lexicon) -> tuple[set[str], set[str]]:
    """The names an article writes as (the end of) a place after an administrative word (`huyện Kim Thành`,
    `quận Bắc Từ Liêm`) or as a thing (`đường Lương Văn Can`), and those a cue introduces (`ông Kim Thành`)."""
    places, persons = set(), set()
    for sentence in sentences(normalise(article.full_text).text):
        for i, end in name_spans(sentence, lex):
            name = sentence.span_text(i, end)
            if _place_after_admin(sentence.tokens, i, end, lex) or names_a_thing(sentence, i, end, lex):
                places.add(name)
            elif cued(sentence.tokens, i, lex):
                persons.add(name)
    return places, persons


def mine_places(articles: Iterable[Article], min_articles: int = MIN_PLACE_ARTICLES) -> list[tuple[str, int, int]]:
    """Names that at least `min_articles` articles write as places or things and hardly any with a cue
    (`Kim Thành`, `Hoàng Mai`, `Lương Văn Can`): (name, place articles, cued articles), most frequent first."""
    lex = lexicon()
    as_place: Counter = Counter()
    as_person: Counter = Counter()
    for article in articles:
        places, persons = place_and_person_uses(article, lex)
        as_place.update(places)
        as_person.update(persons)
    rows = [(name, count, as_person[name]) for name, count in as_place.items()
            if count >= min_articles and as_person[name] <= MAX_CUED_SHARE * count]
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def write_named_places(rows: list[tuple[str, int, int]], path: Path) -> None:
    header = ("# Names that corpus articles write as places or things, after an administrative word (huyện Kim Thành,\n"
              "# quận Nam Từ Liêm) or a street's, school's, company's or prize's head (đường Trần Phú), in at least this\n"
              "# many articles and with a title or a form of address in at most a tenth as many: not persons where no\n"
              "# cue stands before them. Written by `mine_places` in kg/extract/known.py.\n"
              "# name\tplace articles\tcued articles\n")
    gazetteer.write_rows(path, header, rows)
