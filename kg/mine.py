"""Gazetteers mined from a corpus (`kg mine`): names a strong cue establishes in some articles,
recognised in every article.

A body's name is established where it stands alone, closed by punctuation or the end of its
sentence (`… Bộ Công an.`), so that extraction can end a name there when words run on after it
elsewhere (`Bộ Công an điều tra …`). A news outlet is established by a cue (`hãng tin Reuters`,
a credit line `Theo AFP`), so that `Reuters` is a body wherever it appears; so is a company or a club
by its Latin name (`hãng Nike`, `CLB Barcelona`).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from kg import gazetteer
from kg.extract.lexicon import KNOWN_NAMES, Lexicon, PhraseMatcher, lexicon, listed, place_at
from kg.extract.names import looks_foreign
from kg.extract.bodies import (MINED, BodyMention, after_place, breaks, compound_end, find_body, linked,
                               starts_item, starts_person)
from kg.extract.text import Sentence, Token, sentences, tokenize
from kg.hierarchy import central_name
from kg.normalize import fold, normalise
from kg.records import Article

MIN_ARTICLES = 3  # a name must be established in this many articles
MAX_OUTLET_WORDS = 4
RUN_ON_WORDS = 3  # lower-case words after a known name that may be a verb run on
RUN_ON_RATIO = 2  # … when the shorter name is established this many times as often
MAX_WORD_SYLLABLES = 2  # syllables (+1) of a name's last word whose first alone is capitalised (`Nhà nước`)
MAX_LOWER_TAIL = 6  # lower-case words after a name's extracted end that may still be its own (`… chất lượng giáo dục`)
HEADER = ("# Bodies established in the corpus (`kg mine`; rebuilt on demand, do not edit by hand).\n"
          "# name\tkind\tarticles that establish it\n")


def _closes(tokens: tuple[Token, ...], end: int) -> bool:
    """Punctuation (not a hyphen joining two names) or the end of the sentence after a name."""
    return end == len(tokens) or (not tokens[end].is_word and not tokens[end].text.isdigit()
                                  and tokens[end].text not in "-–&/")


def _closed_at(tokens: tuple[Token, ...], end: int, lex: Lexicon) -> int | None:
    """Where a name that ends at `end` is closed: there, or after the lower-case syllable that finishes
    its last word, begun by a lone capital (`Ngân hàng Nhà` `nước.`, `Cục Địa` `bàn.`); not after a place
    (`Bộ Ngoại giao Mỹ` `cho biết.`), a run of capitals (`Báo Thanh Niên` `đưa tin.`) or before a stop word."""
    if _closes(tokens, end):
        return end
    lone = end > 1 and tokens[end - 1].is_capitalised and not tokens[end - 2].is_capitalised  # `hàng Nhà`
    if not lone or after_place(tokens, end, lex):
        return None
    for more in range(1, MAX_WORD_SYLLABLES):
        k = end + more
        if k > len(tokens) or not (tokens[k - 1].is_word and not tokens[k - 1].is_capitalised) \
                or lex.stopwords.match(tokens, k - 1):
            return None
        if _closes(tokens, k):
            return k
    return None


def _lower_tail(tokens: tuple[Token, ...], body: BodyMention, lex: Lexicon) -> int | None:
    """Where punctuation closes a run of lower-case words that goes on after a name the rules cut short: one
    that ends in the lower-case syllable of a lone capitalised word (`Trung tâm Kiểm định` `chất lượng giáo
    dục (…)`), not a place, a run of capitals or a central body (`Bộ Xây dựng thực hiện …`). None of the words
    is a stop word (unless it finishes a word of data/name_compounds.txt: `việc làm`), a clause word of
    data/body_breaks.txt or an admin word."""
    end = body.end
    if end < 3 or tokens[end - 1].is_capitalised or not tokens[end - 2].is_capitalised \
            or tokens[end - 3].is_capitalised and end - 3 > body.start or central_name(body.name) is not None:
        return None
    k = end
    while k < len(tokens) and k - end < MAX_LOWER_TAIL and tokens[k].is_word and not tokens[k].is_capitalised:
        if (lex.stopwords.match(tokens, k) and compound_end(tokens, k) is None) or breaks().match(tokens, k) \
                or lex.admin_words.match(tokens, k):
            return None
        k += 1
    return k if k > end and _closes(tokens, k) else None


def _is_latin(token: Token) -> bool:
    return token.is_capitalised and token.text.isascii() and any(c.isalpha() for c in token.text)


def _foreign_name(name: str) -> bool:
    """`Reuters`, `AFP`, `Zing.vn`, `Daily Mail`: a word no Vietnamese syllable spells, not `Tin`."""
    return any(looks_foreign(w) or (len(w) > 1 and w.isupper()) or "." in w for w in name.split())


@lru_cache(maxsize=1)
def _person_words() -> frozenset[str]:
    """The words of the names `kg mine-names` established as persons' (`Trump`)."""
    return frozenset(w for name, _, _ in gazetteer.mined_triples(KNOWN_NAMES) for w in name.split())


def _company_name(name: str) -> bool:
    """A Latin name after a company's cue that is no person's (`hãng của Trump`) and no bare initials (`TH`)."""
    return _foreign_name(name) and len(name) > 2 and not any(w in _person_words() for w in name.split())


def _latin_name(tokens: tuple[Token, ...], i: int) -> int:
    """The end of a run of capitalised Latin-script words at tokens[i] (`New York Times`)."""
    k = i
    while k < len(tokens) and k - i < MAX_OUTLET_WORDS and _is_latin(tokens[k]):
        k += 1
    return k


@lru_cache(maxsize=1)
def _outlet_cues() -> tuple[PhraseMatcher, frozenset[str]]:
    """Cues before an outlet's name anywhere, and `(cue)`s that open a credit line."""
    cues = gazetteer.words("outlet_cues.txt")
    return (PhraseMatcher((w, w) for w in cues if not w.startswith("(")),
            frozenset(w.strip("()") for w in cues if w.startswith("(")))


def _company_cues() -> PhraseMatcher:
    """Cues before the Latin name of a company or a club (`hãng Nike`, `CLB Barcelona`)."""
    return listed("company_cues.txt")


def _outlets_in(sentence: Sentence, cues: tuple[PhraseMatcher, frozenset[str]], lex: Lexicon) -> Iterator[str]:
    tokens, (inline, credit) = sentence.tokens, cues
    first = 1 if tokens and tokens[0].text == "(" else 0
    if len(tokens) > first and tokens[first].folded in credit:  # a credit line: `Theo AFP`, `(Theo Reuters)`
        end = _latin_name(tokens, first + 1)
        if end > first + 1 and all(not t.is_word for t in tokens[end:]):
            yield sentence.span_text(first + 1, end)
    yield from _cued(sentence, inline, lex)


def _cued(sentence: Sentence, cues: PhraseMatcher, lex: Lexicon) -> Iterator[str]:
    """The Latin-script names that follow a cue (`hãng tin Reuters`), not a country (`tờ Mỹ`)."""
    tokens = sentence.tokens
    for i in range(len(tokens)):
        cue = cues.match(tokens, i)
        if cue and (end := _latin_name(tokens, cue[0])) > cue[0] and lex.countries.match(tokens, cue[0]) is None:
            yield sentence.span_text(cue[0], end)


def _skip(tokens: tuple[Token, ...], i: int, lex: Lexicon) -> int | None:
    """The end of a place, a person's name or a title at tokens[i], which no body starts inside."""
    if starts_person(tokens, i, lex):
        return i + 2
    m = lex.roles.match(tokens, i, capitalised=True)
    return place_at(tokens, i, lex) or (m[0] if m else None)


def _named(body: BodyMention, lex: Lexicon) -> bool:
    """A body named beyond its head noun: two words after a one-word head (not `Bộ Lĩnh`, `Trường Sơn`),
    and not ending in a bare admin word (`Ủy ban nhân dân tỉnh`)."""
    words = tokenize(body.name)
    head = len(tokenize(body.head.head))
    bare_admin = any((m := lex.admin_words.match(words, k)) and m[0] == len(words)
                     for k in range(max(0, len(words) - 2), len(words)))
    return not body.head.complete and not bare_admin and len(words) - head >= (2 if head == 1 else 1)


def _bodies_in(sentence: Sentence, lex: Lexicon) -> Iterator[tuple[str, str]]:
    """Bodies whose name more than a head noun, closed by punctuation (`… Bộ Công an.`)."""
    tokens, i = sentence.tokens, 0
    while i < len(tokens):
        if not tokens[i].is_capitalised or (i and lex.place_words.match(tokens, i - 1)):
            i += 1
            continue
        if skip := _skip(tokens, i, lex):
            i = skip
            continue
        body = find_body(sentence, i, lex, known=False)
        if body is None:
            i += 1
            continue
        end = _closed_at(tokens, body.end, lex) or _lower_tail(tokens, body, lex)
        if end and _named(body, lex):
            yield (body.name if end == body.end else sentence.span_text(i, end)), body.head.kind
        i = body.end


def established(article: Article, lex: Lexicon | None = None) -> set[tuple[str, str]]:
    """The (name, kind) of every body and outlet that a strong cue establishes in one article."""
    lex = lex or lexicon()
    cues = _outlet_cues()
    found = set()
    for sentence in sentences(normalise(article.full_text).text):
        found.update(_bodies_in(sentence, lex))
        found.update((name, "press") for name in _outlets_in(sentence, cues, lex) if _foreign_name(name))
        found.update((name, "company") for name in _cued(sentence, _company_cues(), lex) if _company_name(name))
    return found


def mine_bodies(articles: Iterable[Article]) -> list[tuple[str, str, int]]:
    """(name, kind, articles) of every name established in at least MIN_ARTICLES articles, most first."""
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    lex = lexicon()
    for article in articles:
        for name, kind in established(article, lex):
            counts[fold(name)] += 1
            forms[fold(name)][(name, kind)] += 1
    rows = [(*forms[key].most_common(1)[0][0], n) for key, n in counts.most_common() if n >= MIN_ARTICLES]
    rows = [row for row in rows if not _not_a_body(row[0], lex) and not person_after_central(row[0], lex)]
    return _without_run_ons(rows)


def _not_a_body(name: str, lex: Lexicon) -> bool:
    """A name data/not_bodies.txt lists whole: a platform (`Youtube`), a word or a city read as an outlet (`Daily`,
    `London`), not a longer name it starts (`Daily Mail`, `London Evening Standard`)."""
    tokens = tokenize(name)
    m = lex.not_bodies.match(tokens, 0)
    return m is not None and m[0] == len(tokens)


def person_after_central(name: str, lex: Lexicon) -> bool:
    """`Bộ Nông nghiệp và Phát triển nông thôn Nguyễn Xuân Cường`: a central body's name and a person's after it."""
    words = tokenize(name)
    return any(starts_person(words, k, lex) and central_name(name[:words[k].start].strip()) is not None
               for k in range(2, len(words)))


def _without_run_ons(rows: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """Drop `Bộ Tài chính ban hành`: a name that is another, more often established one and a few
    lower-case words (a verb before the sentence's end), unless those finish its last word (`Cục Quản lý
    Khám` `chữa bệnh`)."""
    counts = {fold(name): n for name, _, n in rows}

    def run_on(name: str, n: int) -> bool:
        words = tokenize(name)
        for cut in range(1, RUN_ON_WORDS + 1):
            stem, tail = words[:-cut], words[-cut:]
            if len(stem) < 2 or any(t.is_capitalised for t in tail):
                return False
            lone = stem[-1].is_capitalised and not stem[-2].is_capitalised
            if not lone and counts.get(fold(" ".join(t.text for t in stem)), 0) >= RUN_ON_RATIO * n:
                return True
        return False

    return [row for row in rows if not run_on(row[0], row[2]) and not _verb_and_object(row[0], counts, lexicon())]


def _verb_and_object(name: str, established_names: dict[str, int], lex: Lexicon) -> bool:
    """`Ngân hàng MHB thành lập Công ty MHBS`, `Bộ Tài chính ban hành Quyết định số`: an established name, then
    lower-case words and a new item (a body or a document), is a clause run on; not a part named with its body
    (`Ủy ban Tư pháp của Quốc hội`) nor a name going on to its place (`… tỉnh Hòa Bình`)."""
    words = tokenize(name)
    for cut in range(2, len(words) - 1):
        if words[cut].is_capitalised or fold(" ".join(t.text for t in words[:cut])) not in established_names:
            continue
        k = cut
        while k < len(words) and words[k].is_word and not words[k].is_capitalised \
                and not linked(words[k], lex) and not lex.admin_words.match(words, k):
            k += 1
        if cut < k < len(words) and words[k].is_capitalised and starts_item(words, k, lex):
            return True
    return False


def write_bodies(rows: list[tuple[str, str, int]], folder: Path | None = None) -> Path:
    """Write the mined bodies to `data/mined_bodies.tsv` (or into `folder`)."""
    folder = folder or gazetteer.data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / MINED
    gazetteer.write_rows(path, HEADER, rows)
    return path
