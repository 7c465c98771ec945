"""Documents: a type word, then a number (`số 137-QĐNS/TW`) or a proper title, a date and an issuer."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.bodies import find_body, name_end
from kg.extract.dates import find_dates
from kg.extract.lexicon import Lexicon
from kg.extract.text import Sentence

# A document number: digits, then a code with a slash or a dash (`166/QĐ-UBND`, `11-CTr/TW`, `67/CP`).
_NUMBER = re.compile(r"\d+(?:[/\-][\w\-/.&]*[^\W\d_][\w\-/.&]*|/\d{4}/[\w\-]+)")
_GLUED_WORD = re.compile(r"(?<=[A-ZĐ])[a-zà-ỹđ]{3,}$")  # `67/CPvừa`: a word glued to the number
MAX_WORDS_BEFORE_NUMBER = 4
MAX_TITLE_WORDS = 60
CLAUSE_ENDS = frozenset({".", ";", ":", "(", "-", "–", "!", "?", '"'})  # `Chương trình kiểm tra số 11-CTr/TW`


@dataclass(frozen=True)
class DocumentMention:
    type: str
    number: str | None
    name: str | None
    date: str | None
    issuer: str | None
    start: int  # character offsets in the normalised text
    end: int


def _number_after(sentence: Sentence, j: int) -> tuple[int, str] | None:
    """A document number within a few words after token j: (token index after it, number)."""
    tokens = sentence.tokens
    for k in range(j, min(j + MAX_WORDS_BEFORE_NUMBER + 2, len(tokens))):
        t = tokens[k]
        if t.folded == "số" and k + 1 < len(tokens) and tokens[k + 1].text[0].isdigit():
            return k + 2, _GLUED_WORD.sub("", tokens[k + 1].text)
        if _NUMBER.fullmatch(t.text):
            return k + 1, _GLUED_WORD.sub("", t.text)
        if not t.is_word or t.is_capitalised or t.folded in ("của", "về", "ngày"):
            return None
    return None


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


def _clause_end(tokens, start: int) -> int:
    """The end of the clause from `start`: the next `.`, `;`, `:`, `(` or spaced dash, within a limit."""
    for k in range(start, min(len(tokens), start + MAX_TITLE_WORDS)):
        if tokens[k].text in CLAUSE_ENDS:
            return k
    return min(len(tokens), start + MAX_TITLE_WORDS)


def find_document(sentence: Sentence, i: int, lex: Lexicon) -> DocumentMention | None:
    """A numbered or titled document whose type word starts at token i."""
    tokens = sentence.tokens
    m = lex.document_types.match(tokens, i)
    if m is None:
        return None
    end, _, doc_type = m
    doc_type = doc_type[0].upper() + doc_type[1:]
    number = _number_after(sentence, end)
    if number:
        j, text = number
        date, issuer, j = _date_and_issuer(sentence, j, lex)
        return DocumentMention(doc_type, text, None, date, issuer, tokens[i].start, tokens[j - 1].end)
    if not tokens[i].is_capitalised or end >= len(tokens) or not tokens[end].is_word:
        return None
    if tokens[end].is_capitalised:
        title_end = _joined_title_end(tokens, name_end(tokens, end, lex, allow=lex.cues["in-title"]), lex)
    elif i > 0 and doc_type in lex.descriptive_documents and (
            tokens[end].folded == "về" or not lex.stopwords.match(tokens, end)):
        title_end = _clause_end(tokens, end)  # `… về Đề án hoàn thiện thể chế kinh tế …`: a descriptive title
    else:
        return None
    name = sentence.span_text(i, title_end)
    return DocumentMention(doc_type, None, name, None, None, tokens[i].start, tokens[title_end - 1].end)
