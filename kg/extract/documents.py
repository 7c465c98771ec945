"""Documents: a type word, then a number (`số 137-QĐNS/TW`, a list `số 12, 13`) or a proper title, a date and an
issuer."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from kg import gazetteer as gz
from kg.extract.bodies import find_body, name_end
from kg.extract.dates import find_dates
from kg.extract.lexicon import Lexicon, PhraseMatcher, cue_before, lexicon
from kg.extract.text import Sentence, Token, sentences, tokenize
from kg.normalize import fold, normalise
from kg.records import Article

# A document number: digits, then a code with a slash or a dash (`166/QĐ-UBND`, `11-CTr/TW`, `67/CP`).
_NUMBER = re.compile(r"\d+(?:[/\-][\w\-/.&]*[^\W\d_][\w\-/.&]*|/\d{4}/[\w\-]+)")
# A number with no code, right after a capitalised type word: `Chỉ thị 05 của …`, `Quyết định 33/2014`.
_BARE_NUMBER = re.compile(r"\d{1,5}(?:/\d{4})?")
BARE_NUMBER_FOLLOWERS = frozenset({"của", "ngày", "về", "và", ",", ".", ";", ")", "(", ":"})
_GLUED_WORD = re.compile(r"(?<=[A-ZĐ])[a-zà-ỹđ]{3,}$")  # `67/CPvừa`: a word glued to the number
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,7}")
MAX_WORDS_BEFORE_NUMBER = 4
MAX_TITLE_WORDS = 60
MAX_NAMED_TITLE_WORDS = 12  # a title before its short name in brackets
KNOWN_DOCUMENTS = "known_documents.tsv"
MIN_DOCUMENT_ARTICLES = 3
MIN_DESCRIBED_WORDS = 5
MAX_RUN_ON = 8
RUN_ON_SHARE = 0.6  # of the articles printing a title that run on with the same word
TITLE_LINKS = frozenset({"về", "và", "của"})  # stop words that go on a descriptive title
CLAUSE_ENDS = frozenset({".", ";", ":", "(", ")", "-", "–", "!", "?", '"'})  # `Chương trình kiểm tra số 11-CTr/TW`


@dataclass(frozen=True)
class DocumentMention:
    type: str
    number: str | None
    name: str | None
    date: str | None
    issuer: str | None
    start: int  # character offsets in the normalised text
    end: int
    acronym: str | None = None  # `Hiệp định … (TPP)`: the short name the text gives in brackets


@lru_cache(maxsize=None)
def flagged_types(flag: str) -> frozenset[str]:
    """Document types with `flag` in the third column of document_types.tsv (`descriptive`, `lower`)."""
    return frozenset(w for w, _, flags in gz.triples("document_types.tsv") if flag in flags.split(","))


def _number_at(tokens: tuple[Token, ...], k: int) -> str | None:
    """The document number written at tokens[k] (`166/QĐ-UBND`), or after `số` there (`số 2357`)."""
    if tokens[k].folded == "số" and k + 1 < len(tokens) and tokens[k + 1].text[0].isdigit():
        return _GLUED_WORD.sub("", tokens[k + 1].text)
    return _GLUED_WORD.sub("", tokens[k].text) if _NUMBER.fullmatch(tokens[k].text) else None


def _is_bare_number(tokens: tuple[Token, ...], k: int) -> bool:
    """`Chỉ thị 05 của …`: digits alone, followed by what follows a document's number."""
    return bool(_BARE_NUMBER.fullmatch(tokens[k].text)) and (
        k + 1 == len(tokens) or tokens[k + 1].folded in BARE_NUMBER_FOLLOWERS or "/" in tokens[k].text)


def _numbers_after(sentence: Sentence, j: int, capitalised: bool) -> tuple[int, list[str]]:
    """The numbers within a few words after token j, a list (`số 12, 13 và 14`) giving several:
    (token index after the last, numbers)."""
    tokens, numbers = sentence.tokens, []
    for k in range(j, min(j + MAX_WORDS_BEFORE_NUMBER + 2, len(tokens))):
        number = _number_at(tokens, k) or (tokens[k].text if capitalised and k == j and _is_bare_number(tokens, k)
                                           else None)
        if number:
            numbers.append(number)
            j = k + 2 if tokens[k].folded == "số" else k + 1
            break
        t = tokens[k]
        if not t.is_word or t.is_capitalised or t.folded in ("của", "về", "ngày"):
            return j, []
    while numbers and j + 1 < len(tokens) and tokens[j].folded in (",", "và"):
        k = j + 1
        number = _number_at(tokens, k) or (tokens[k].text if _is_bare_number(tokens, k) else None)
        if number is None:
            break
        numbers.append(number)
        j = k + 2 if tokens[k].folded == "số" else k + 1
    return j, numbers


def _date_and_issuer(sentence: Sentence, j: int, lex: Lexicon) -> tuple[str | None, str | None, int]:
    """`ngày 23/6/2021 của Bộ Chính trị` after a number."""
    tokens, date, issuer = sentence.tokens, None, None
    if j < len(tokens) and tokens[j].folded == "ngày":
        rest = sentence.text[tokens[j].start - sentence.start:]
        dates = find_dates(rest, tokens[j].start)
        if dates and dates[0].start - tokens[j].start <= 6:
            date = dates[0].iso if dates[0].year else None
            while j < len(tokens) and tokens[j].start < dates[0].end:
                j += 1
    if j + 1 < len(tokens) and tokens[j].folded == "của":
        body = find_body(sentence, j + 1, lex)
        if body:
            issuer, j = body.name, body.end
    return date, issuer, j


def _joined_title_end(tokens, end: int, lex: Lexicon) -> int:
    """`Luật Phòng, chống tham nhũng`: `phòng, chống` is one phrase of a title, comma and all."""
    if end + 1 < len(tokens) and tokens[end].text == "," and tokens[end - 1].folded == "phòng" \
            and tokens[end + 1].folded == "chống":
        return name_end(tokens, end + 1, lex, allow=lex.cues["in-title"])
    return end


def _clause_end(tokens: tuple[Token, ...], start: int, lex: Lexicon) -> int:
    """The end of a descriptive title from `start`: the next `.`, `;`, `:`, `(` or spaced dash, or a verb after
    a proper name (`… Khu du lịch quốc gia Sơn Trà có …`), within a limit."""
    for k in range(start, min(len(tokens), start + MAX_TITLE_WORDS)):
        if tokens[k].text in CLAUSE_ENDS:
            return k
        if tokens[k - 1].is_capitalised and tokens[k].folded not in TITLE_LINKS | lex.cues["in-title"] \
                and lex.stopwords.match(tokens, k):
            return k
    return min(len(tokens), start + MAX_TITLE_WORDS)


def _inside_name(tokens: tuple[Token, ...], i: int, lex: Lexicon) -> bool:
    """`Pháp Luật TP.HCM` (a newspaper), `Tổ chức Hiệp ước …`: a type word after a capitalised word inside a
    sentence, or a capitalised one right after a body's head noun or a word that names a body after a document."""
    if i > 1 and tokens[i - 1].is_capitalised and tokens[i - 1].is_word:  # `Pháp luật Plus` too
        return True
    if not tokens[i].is_capitalised or i == 0:
        return False
    return cue_before(tokens, i, lex.cues["names-document"], 2) or any(
        (m := lex.body_heads.match(tokens, k)) and m[0] == i for k in range(max(0, i - 3), i))


def _before_acronym(tokens: tuple[Token, ...], end: int) -> int | None:
    """`Hiệp định đối tác xuyên Thái Bình Dương (TPP)`: the `(` of a short name that closes the title from end."""
    for k in range(end + 1, min(len(tokens), end + MAX_NAMED_TITLE_WORDS)):
        if not tokens[k].is_word and tokens[k].text not in "-–":
            return k if _acronym(tokens, k) else None
    return None


def _title_end(tokens: tuple[Token, ...], end: int, lex: Lexicon) -> int:
    """Where a capitalised title from tokens[end] ends, with a number and a term after it
    (`Nghị quyết Trung ương 4 (khóa XII)`, `Luật Đất đai năm 2013`)."""
    k = _joined_title_end(tokens, name_end(tokens, end, lex, allow=lex.cues["in-title"]), lex)
    if k < len(tokens) and tokens[k].text.isdigit() and (
            len(tokens[k].text) <= 2 and any(t.is_capitalised for t in tokens[k - 2:k])
            or tokens[k - 1].folded in lex.cues["in-title"]):
        k += 1  # `Trung ương 4`, `Luật Đất đai năm 2013`
    while k > end + 1 and tokens[k - 1].folded in lex.cues["in-title"]:
        k -= 1  # `Bộ luật Lao động năm …`: a dangling `năm`
    if k + 3 < len(tokens) and tokens[k].text == "(" and tokens[k + 1].folded in lex.cues["in-title"] \
            and tokens[k + 3].text == ")":
        k += 4
    return k


def _acronym(tokens: tuple[Token, ...], k: int) -> str | None:
    """`(TPP)` right after a title: its short name."""
    if k + 2 < len(tokens) and tokens[k].text == "(" and tokens[k + 2].text == ")" \
            and _ACRONYM.fullmatch(tokens[k + 1].text):
        return tokens[k + 1].text
    return None


def _titled(sentence: Sentence, i: int, end: int, doc_type: str, surface: str, lex: Lexicon) -> DocumentMention | None:
    """A document named by a title after its type word at i (`Luật Đất đai`, `thỏa thuận Minsk`,
    `Đề án hoàn thiện thể chế …`)."""
    tokens = sentence.tokens
    if end >= len(tokens) or not tokens[end].is_word:
        return None
    bracket = _before_acronym(tokens, end)
    if not tokens[i].is_capitalised and not (surface in flagged_types("lower") and any(
            t.is_capitalised for t in tokens[end:bracket or end + 1])):  # `kỷ luật trung ương (…)`: no title
        return None
    if bracket is not None:
        title_end = bracket
    elif tokens[end].is_capitalised:
        title_end = _title_end(tokens, end, lex)
    elif i > 0 and surface in flagged_types("descriptive") and (
            tokens[end].folded == "về" or not (stop := lex.stopwords.match(tokens, end))
            or (stop[0] == end + 1 and tokens[end].folded in lex.cues["in-title"])):
        title_end = _clause_end(tokens, end, lex)  # `… về Đề án hoàn thiện thể chế kinh tế …`: a descriptive title
    else:
        return None
    if title_end <= end:
        return None
    name = doc_type + sentence.span_text(end - 1, title_end)[len(tokens[end - 1].text):]
    return DocumentMention(doc_type, None, name, None, None, tokens[i].start, tokens[title_end - 1].end,
                           _acronym(tokens, title_end))


@lru_cache(maxsize=None)
def _known_rows() -> tuple[tuple[str, str, str], ...]:
    """(title, type, short name) of `data/known_documents.tsv`."""
    return gz.mined_triples(KNOWN_DOCUMENTS)


@lru_cache(maxsize=None)
def _known_titles() -> PhraseMatcher:
    return PhraseMatcher((title, (doc_type, title, tuple(t.text for t in tokenize(title))))
                         for title, doc_type, _ in _known_rows())


@lru_cache(maxsize=None)
def _known_acronyms() -> dict[str, tuple[str, str]]:
    """Short name → (type, name): a title's own initials stand for the title (`BLHS`), others for themselves (`TPP`)."""
    return {acronym: (doc_type, title if _initials(title) == acronym else acronym)
            for title, doc_type, acronym in _known_rows() if acronym}


def _initials(title: str) -> str:
    return "".join(w[0] for w in title.split()).upper()


def _ends_title(tokens: tuple[Token, ...], k: int, lex: Lexicon) -> bool:
    """Whether a title may end before tokens[k]: at the end, punctuation, a capital or a stop word."""
    return k >= len(tokens) or not tokens[k].is_word or tokens[k].is_capitalised or bool(
        lex.stopwords.match(tokens, k))


def _known_title(sentence: Sentence, i: int, surface: str, lex: Lexicon) -> DocumentMention | None:
    """`luật tổ chức chính quyền địa phương`, `Luật Tổ chức chính quyền địa phương`: a title of
    `data/known_documents.tsv`, printed with its capitals or run on past them; or in lower case, then only
    after a type word written so before names or as a long title, not after a plural (`các hiệp định …`),
    and ending before a lower-case word or punctuation."""
    tokens = sentence.tokens
    m = _known_titles().match(tokens, i)
    if m is None or not _ends_title(tokens, m[0], lex):
        return None
    doc_type, title, printed = m[2]
    if tuple(t.text for t in tokens[i:m[0]]) != printed and (
            not (surface in flagged_types("lower") or _described(title, doc_type))
            or (i and tokens[i - 1].folded in lex.cues["generic"])
            or (m[0] < len(tokens) and tokens[m[0]].is_capitalised)):
        return None
    return DocumentMention(doc_type, None, title, None, None, tokens[i].start, tokens[m[0] - 1].end)


def _known_acronym(sentence: Sentence, i: int, lex: Lexicon) -> DocumentMention | None:
    """`rút khỏi TPP`: a short name the corpus gives a treaty in brackets, printed alone (not in brackets after
    the title, nor after a type word: `thỏa thuận TPP` is read there)."""
    tokens = sentence.tokens
    known = _known_acronyms().get(tokens[i].text)
    if known is None or (i and tokens[i - 1].text == "(") or any(lex.document_types.ending_at(tokens, i, 3)):
        return None
    doc_type, name = known
    return DocumentMention(doc_type, None, name, None, None, tokens[i].start, tokens[i].end, tokens[i].text)


def find_documents(sentence: Sentence, i: int, lex: Lexicon, known: bool = True) -> list[DocumentMention]:
    """The documents whose type word starts at token i: one per number (`Quyết định số 12, 13`), or one titled;
    or a known document's short name there. `known=False` reads the text alone, not `data/known_documents.tsv`."""
    tokens = sentence.tokens
    m = lex.document_types.match(tokens, i)
    if m is None:
        acronym = _known_acronym(sentence, i, lex) if known and tokens[i].text.isupper() else None
        return [acronym] if acronym else []
    if _inside_name(tokens, i, lex):
        return []
    end, surface, doc_type = m
    doc_type = doc_type[0].upper() + doc_type[1:]
    j, numbers = _numbers_after(sentence, end, tokens[i].is_capitalised)
    if numbers:
        date, issuer, j = _date_and_issuer(sentence, j, lex)
        return [DocumentMention(doc_type, number, None, date, issuer, tokens[i].start, tokens[j - 1].end)
                for number in numbers]
    titled = _titled(sentence, i, end, doc_type, surface, lex)
    listed = _known_title(sentence, i, surface, lex) if known else None
    if listed and (titled is None or listed.end > titled.end):
        titled = listed  # `Luật Tổ chức chính quyền địa phương`, not `Luật Tổ chức`
    return [titled] if titled else []


def documents_in(sentence: Sentence, lex: Lexicon) -> list[DocumentMention]:
    """Every document `find_documents` reads at any token of the sentence, in order; a title may name another
    document (`Đề án … Nghị quyết Hội nghị …`). Only tokens where a type word or a known short name is are read;
    the tokens are looked at for a short name only if the sentence's text holds one."""
    tokens, acronyms = sentence.tokens, _known_acronyms()
    starts = set(lex.document_types.starting(tokens))
    if _any_of(tuple(acronyms)).search(sentence.text):
        starts.update(i for i, t in enumerate(tokens) if t.text in acronyms)
    return [d for i in sorted(starts) for d in find_documents(sentence, i, lex)]


@lru_cache(maxsize=4)
def _any_of(words: tuple[str, ...]) -> re.Pattern:
    """A pattern finding any of the words anywhere in a text (a token that is one, and more)."""
    return re.compile("|".join(re.escape(word) for word in words))


def titled_documents(article: Article, lex: Lexicon) -> set[tuple[str, str, str, tuple[str, ...]]]:
    """The (type, title, short name, lower-case words after it) of the documents an article names by a
    capitalised title."""
    found = set()
    for sentence in sentences(normalise(article.full_text).text):
        tokens = sentence.tokens
        for i, token in enumerate(tokens):
            if token.is_capitalised and lex.document_types.match(tokens, i):
                found.update((d.type, d.name, d.acronym or "", _words_after(sentence, d, lex))
                             for d in find_documents(sentence, i, lex, known=False) if d.name)
    return found


def _words_after(sentence: Sentence, mention: DocumentMention, lex: Lexicon) -> tuple[str, ...]:
    """The lower-case words that run on after a title up to a stop word or punctuation: where a title the
    capitals cut short may go on (`Luật Tổ chức` `chính quyền địa phương`)."""
    tokens = sentence.tokens
    k = next((k for k, t in enumerate(tokens) if t.start >= mention.end), len(tokens))
    words = []
    while k < len(tokens) and len(words) < MAX_RUN_ON and not _ends_title(tokens, k, lex):
        words.append(tokens[k].text)
        k += 1
    return tuple(words)


def _described(title: str, doc_type: str) -> bool:
    return len(title.split()) - len(doc_type.split()) >= MIN_DESCRIBED_WORDS


def _proper(title: str, doc_type: str) -> bool:
    """A title with a capitalised word after its type (`Hiệp định Đối tác …`), not a kind (`Hiệp định thương mại
    tự do`), or a long description (`Quy định về những điều đảng viên không được làm`)."""
    return any(w[0].isupper() for w in title.split()[len(doc_type.split()):]) or _described(title, doc_type)


def _run_on(words: list[tuple[str, ...]], min_articles: int) -> tuple[str, ...]:
    """The words most articles print after a title, as long as at least `min_articles` and most agree."""
    found: tuple[str, ...] = ()
    while True:
        going = Counter(w[len(found)] for w in words if len(w) > len(found) and w[:len(found)] == found)
        if not going:
            return found
        word, count = going.most_common(1)[0]
        if count < min_articles or count < RUN_ON_SHARE * sum(1 for w in words if w[:len(found)] == found):
            return found
        found += (word,)


def mine_documents(articles: Iterable[Article], min_articles: int = MIN_DOCUMENT_ARTICLES) -> list[tuple[str, str, str, int]]:
    """Titles of documents printed capitalised in at least `min_articles` articles, run on by the lower-case
    words most of them print after (`Luật Tổ chức chính quyền địa phương`), with the short name of a treaty
    given in brackets (`TPP`): (title, type, short name, articles), most frequent first."""
    lex = lexicon()
    counts: Counter = Counter()
    written: dict[str, tuple[str, str]] = {}
    acronyms: dict[str, Counter] = {}
    after: dict[str, list[tuple[str, ...]]] = {}
    for article in articles:
        for doc_type, title, acronym, words in titled_documents(article, lex):
            key = fold(title)
            counts[key] += 1
            written.setdefault(key, (title, doc_type))
            after.setdefault(key, []).append(words)
            if acronym and doc_type in flagged_types("treaty"):
                acronyms.setdefault(key, Counter())[acronym] += 1
    rows: dict[str, tuple[str, str, str, int]] = {}
    for key, count in counts.items():
        title, doc_type = written[key]
        title = " ".join((title, *_run_on(after[key], min_articles)))
        if count >= min_articles and _proper(title, doc_type):
            short, more = _short(acronyms.get(key), min_articles), rows.get(fold(title), ("", "", "", 0))
            rows[fold(title)] = (title, doc_type, short or more[2], count + more[3])  # run on into one already kept
    return sorted(rows.values(), key=lambda row: (-row[3], row[0]))


def _short(acronyms: Counter | None, min_articles: int) -> str:
    """The short name given in brackets in at least `min_articles` articles, if one is."""
    if not acronyms:
        return ""
    acronym, count = acronyms.most_common(1)[0]
    return acronym if count >= min_articles else ""


def write_known_documents(rows: list[tuple[str, str, str, int]], path: Path) -> None:
    header = ("# Titles of documents printed capitalised in at least this many corpus articles, with the short\n"
              "# name they give in brackets; extraction reads them lower-case and the short name alone.\n"
              "# Written by `mine_documents` in kg/extract/documents.py.\n# title\ttype\tshort name\tarticles\n")
    gz.write_rows(path, header, rows)
