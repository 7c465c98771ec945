"""Events: a head noun (`buổi làm việc`, `hội nghị` …) with its date, place and participants."""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.dates import DateMention
from kg.extract.lexicon import Lexicon
from kg.extract.text import Sentence

PLANNED_WINDOW = 6  # words before an event's noun that may say it is still to come


@dataclass
class EventMention:
    type: str
    sentence: int  # index of the sentence
    start: int  # character offsets in the normalised text
    end: int
    date: DateMention | None = None
    participants: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)


def find_event_types(sentence: Sentence, lex: Lexicon) -> list[tuple[int, int, str]]:
    """Every event head noun in the sentence: (first token, end token, type)."""
    found, i, tokens = [], 0, sentence.tokens
    while i < len(tokens):
        m = lex.event_types.match(tokens, i)
        if m:
            found.append((i, m[0], m[2].lower()))
            i = m[0]
        else:
            i += 1
    return found


def is_planned(sentence: Sentence, token: int, lex: Lexicon) -> bool:
    """Whether the words before the event's noun say it has not happened yet."""
    before = sentence.text[:sentence.tokens[token].start - sentence.start].casefold()
    return any(word in " ".join(before.split()[-PLANNED_WINDOW:]) for word in lex.cues["planned"])


def is_future_date(sentence: Sentence, date: DateMention, lex: Lexicon) -> bool:
    """`ngày mai (27-6)`: a date of what is still to happen, not of the event reported."""
    before = sentence.text[:date.start - sentence.start].casefold().rstrip(" (")
    return any(before.endswith(cue) for cue in lex.cues["future"])


def nearest_date(sentence: Sentence, token: int, dates: list[DateMention]) -> DateMention | None:
    """The date for an event noun at `token`: the nearest one before it, else the first one after it."""
    at = sentence.tokens[token].start
    before = [d for d in dates if d.end <= at]
    return before[-1] if before else next((d for d in dates if d.start >= at), None)
