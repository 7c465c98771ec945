"""Events: a head noun (`buổi làm việc`, `hội nghị` …) with its date, place and participants."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from kg import gazetteer as gz
from kg.articles import is_calendar_date
from kg.extract.dates import DateMention, find_dates, follows, starts_other_year_range, year_of
from kg.extract.lexicon import Lexicon, cue_before
from kg.extract.text import Sentence

PLANNED_WINDOW = 6  # words before an event's noun that may say it is still to come
LEAD_SENTENCES = 3  # sentences after the title where a news lead dates the article's event
CLASSIFIERS = frozenset({"buổi", "cuộc", "phiên", "chuyến", "đợt"})  # `buổi lễ` and `lễ truy điệu` are one kind
NOT_AN_EVENT = "-"
SESSION = "buổi "  # `buổi …`: one occasion, on one day
MAX_CAPTION_TOKENS = 6  # `Toàn cảnh hội nghị`: a photo caption
DEMONSTRATIVE_WINDOW = 2  # words after an event noun that may point back (`cuộc kiểm tra này`)


@dataclass
class EventMention:
    type: str
    sentence: int  # index of the sentence
    start: int  # character offsets in the normalised text
    end: int
    date: DateMention | None = None
    participants: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    anaphoric: bool = False  # `buổi …`, `… này`, a caption: refers to an event the article reports


@lru_cache(maxsize=None)
def verb_surfaces() -> frozenset[str]:
    """Event words that are verbs (`họp`, `làm việc với`): events only where their sentence dates them."""
    return frozenset(w.casefold() for w, _, flags in gz.triples("event_types.tsv") if "verb" in flags.split(","))


def find_event_types(sentence: Sentence, lex: Lexicon) -> list[tuple[int, int, str, bool]]:
    """Every event head noun in the sentence: (first token, end token, type, whether a verb names it)."""
    found, end, tokens = [], 0, sentence.tokens
    for i in lex.event_types.starts(tokens):
        if i < end:
            continue
        end, surface, event_type = lex.event_types.match(tokens, i)
        if event_type != NOT_AN_EVENT:  # `Trung tâm Hội nghị quốc gia`: a building
            found.append((i, end, event_type.lower(), surface.casefold() in verb_surfaces()))
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


def event_dates(sentence: Sentence, skip: list[tuple[int, int]], lex: Lexicon) -> list[DateMention]:
    """The dates of a sentence that may date an event: not inside a document's reference, not still to come,
    not a birth's or a plan's (`sinh ngày 10/5/1961`); a range's start keeps its day and month, and its year only
    if the range ends in it (`kỷ niệm … (9/5/1945 – 9/5/2017)`: `--05-09`)."""
    return [replace(d, year=None) if starts_other_year_range(d, sentence.text, sentence.start) else d
            for d in find_dates(sentence.text, sentence.start)
            if not any(a <= d.start < b for a, b in skip) and not is_future_date(sentence, d, lex)
            and not follows(sentence.text[:d.start - sentence.start], lex.cues["other-year"])]


def read_events(index: int, sentence: Sentence, skip: list[tuple[int, int]], lex: Lexicon) -> list[EventMention]:
    """The events a sentence reports, each with its nearest date; none inside the `skip` spans (documents).
    Its dates are read only if it has an event noun."""
    heads = find_event_types(sentence, lex)
    if not heads:
        return []
    dates, tokens, found = event_dates(sentence, skip, lex), sentence.tokens, []
    for start, end, kind, verb in heads:
        if is_planned(sentence, start, lex) or any(a <= tokens[start].start < b for a, b in skip):
            continue
        date = nearest_date(sentence, start, dates)
        if date is None and (verb or _is_generic(sentence, start, lex)):
            continue
        found.append(EventMention(kind, index, tokens[start].start, tokens[end - 1].end, date,
                                  anaphoric=_is_anaphoric(sentence, end, kind, lex)))
    return found


def _is_generic(sentence: Sentence, start: int, lex: Lexicon) -> bool:
    """`các cuộc họp`, `một số chuyến thăm`: meetings in general, not one the article reports."""
    return cue_before(sentence.tokens, start, lex.cues["generic"], 2)


def _is_anaphoric(sentence: Sentence, end: int, kind: str, lex: Lexicon) -> bool:
    """`buổi làm việc`, `cuộc kiểm tra này`, `Toàn cảnh hội nghị` (a caption): the event the article reports."""
    tokens = sentence.tokens
    return kind.startswith(SESSION) or len(tokens) <= MAX_CAPTION_TOKENS or any(
        t.folded in lex.cues["demonstrative"] for t in tokens[end:end + DEMONSTRATIVE_WINDOW])


def _kind(event_type: str) -> list[str]:
    words = event_type.split()
    return words[1:] if words[0] in CLASSIFIERS and len(words) > 1 else words


def same_kind(a: str, b: str) -> bool:
    """`buổi lễ` and `lễ truy điệu`, `cuộc họp` and `phiên họp báo`: one names the other's kind."""
    x, y = _kind(a), _kind(b)
    return x[:len(y)] == y or y[:len(x)] == x


def _antecedent(mention: EventMention, dated: list[EventMention]) -> EventMention | None:
    """The dated event an undated mention refers back to: of its kind, or of any kind for a session or a noun
    with a demonstrative (`tại buổi làm việc`, `cuộc kiểm tra này`); the nearest before it, else after."""
    kin = [e for e in dated if mention.anaphoric or same_kind(e.type, mention.type)]
    before = [e for e in kin if e.sentence <= mention.sentence]
    return before[-1] if before else (kin[0] if kin else None)


def lead_date(sentences: list[Sentence], lex: Lexicon) -> DateMention | None:
    """`Chiều 20/5, tại Hà Nội, …`: the first date of the article's lead, the day of the event it reports."""
    for sentence in sentences[1:1 + LEAD_SENTENCES]:
        dates = event_dates(sentence, [], lex)
        if dates:
            return dates[0]
    return None


def assemble_events(mentions: list[EventMention], lead: DateMention | None) -> list[EventMention]:
    """One event per date and kind: an undated mention is the dated event of its kind it refers back to; with no
    dated event at all, the first session named (`tại buổi lễ`) is the event of the article's lead date."""
    sessions = [m for m in mentions if m.type.startswith(SESSION)]
    if lead is not None and sessions and not any(m.date for m in mentions):
        sessions[0].date = lead
    events: dict[tuple, EventMention] = {}
    dated = [m for m in mentions if m.date]
    for mention in mentions:
        target = mention if mention.date else _antecedent(mention, dated)
        key = (target.type, target.date.iso) if target else ("undated", mention.type)
        event = events.setdefault(key, target or mention)
        if event is not mention:
            event.participants.extend(n for n in mention.participants if n not in event.participants)
    return list(events.values())


def _has_attendance(sentence: Sentence, lex: Lexicon) -> bool:
    return bool(lex.attendance.starts(sentence.tokens))


def add_attendance(events: list[EventMention], sentences: list[Sentence], names_by_sentence: dict[int, list[str]],
                   lex: Lexicon) -> None:
    """The persons of a sentence that says who attends (`tham dự`, `chủ trì` …) join the event before it."""
    by_sentence = sorted(events, key=lambda e: e.sentence)
    for index, names in names_by_sentence.items():
        if not names or not by_sentence or not _has_attendance(sentences[index], lex):
            continue
        event = ([e for e in by_sentence if e.sentence <= index] or by_sentence[:1])[-1]
        event.participants.extend(name for name in names if name not in event.participants)


def article_date(events: list[EventMention], sentences: list[Sentence], text: str, lex: Lexicon) -> str | None:
    """The day of the event the article leads with (its first dated event in the title or lead), `YYYY-MM-DD`
    only where the text ties a year to it; None otherwise: an undated article stays undated."""
    lead_end = sentences[min(LEAD_SENTENCES, len(sentences) - 1)].end if sentences else 0
    date = next((e.date for e in events if e.date and e.date.start < lead_end), None)
    if date is None:
        return None
    sentence = next(s for s in sentences if s.start <= date.start < s.end)
    iso = date.with_year(year_of(date, sentence.text, sentence.start, text, lex.cues["other-year"]))
    return iso if not iso.startswith("-") and is_calendar_date(iso) else None
