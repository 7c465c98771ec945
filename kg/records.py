"""The small typed records that flow between the stages of the pipeline."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One news article as read from the input; `text` is the body without the title."""

    id: str
    title: str
    text: str
    source: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD, when the input gives it
    url: str | None = None

    @property
    def full_text(self) -> str:
        """Title and body, as extraction reads them; evidence offsets refer to this text."""
        return f"{self.title}\n{self.text}" if self.title else self.text


@dataclass(frozen=True)
class Evidence:
    """Where a fact was stated: the sentence and the character span in the article's full text."""

    sentence: str
    start: int
    end: int


@dataclass
class Position:
    role: str
    org: str | None
    current: bool = True  # False for `nguyên …` (former) titles
    evidence: Evidence | None = None


@dataclass
class Person:
    name: str
    positions: list[Position] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    # what the article says about who they are: (kind, value), e.g. ("born", "1992") (kg/extract/descriptors.py)
    descriptors: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Organisation:
    name: str
    kind: str = ""
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Event:
    type: str
    date: str | None  # YYYY-MM-DD, --MM-DD when the year is not stated, or None
    place: str | None = None
    participants: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Document:
    type: str
    number: str | None
    date: str | None = None
    issuer: str | None = None
    name: str | None = None
    evidence: Evidence | None = None


@dataclass
class Extraction:
    """Everything extracted from one article: the input of resolution and of both serialisations."""

    article: Article
    date: str | None
    persons: list[Person] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)

    def to_json(self) -> dict:
        """The shape of `extraction.schema.json`: current positions only, evidence left out."""
        return {
            "source": self.article.source or self.article.id,
            "date": self.date,
            "persons": [
                {"name": p.name,
                 "positions": [{"role": q.role, "org": q.org} for q in p.positions if q.current]}
                for p in self.persons],
            "organisations": [o.name for o in self.organisations],
            "events": [
                {"type": e.type, "date": e.date, "place": e.place,
                 "participants": list(e.participants), "organisations": list(e.organisations)}
                for e in self.events],
            "documents": [
                {"type": d.type, "number": d.number, "date": d.date, "issuer": d.issuer, "name": d.name}
                for d in self.documents],
        }
