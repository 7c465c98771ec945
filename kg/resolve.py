"""Entity resolution: one stable IRI per real person, body, post, document and place.

Mentions are keyed by their folded names (case, tone placement, abbreviations and
NFC folded), so `Thành uỷ Hải Phòng` and `Thành ủy Hải Phòng` are one body, in every
article. A person's key adds the province their posts name, so that two officials
called `Nguyễn Văn Hùng` in two provinces stay two persons (see docs/resolution.md).
IRIs are readable slugs plus a short hash of the key: deterministic across runs.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable

from rdflib import URIRef

from kg.namespaces import ID
from kg.normalize import fold
from kg.records import Person


def ascii_slug(text: str, limit: int = 60) -> str:
    """`Trần Lưu Quang` → `tran-luu-quang`."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:limit] or "x"


def _iri(kind: str, label: str, *key: str) -> URIRef:
    digest = hashlib.sha1("\x1f".join(key).encode("utf-8")).hexdigest()[:8]
    return ID[f"{kind}/{ascii_slug(label)}-{digest}"]


def person_iri(name: str, context: str = "") -> URIRef:
    """The IRI of the person of this name in this place context (`""`: no place known)."""
    return _iri("person", name, fold(name), *([fold(context)] if context else []))


@dataclass(frozen=True)
class PersonResolution:
    """Which node a person of one article is, and why."""

    iri: URIRef
    key: str  # the folded name
    context: str  # the province that tells namesakes apart, or ""
    reason: str


def person_context(person: Person, provinces_in: Callable[[str], list[str]]) -> str:
    """The province most named by the bodies of a person's posts, current or former; "" if none."""
    named = Counter(p for position in person.positions if position.org for p in provinces_in(position.org))
    return named.most_common(1)[0][0] if named else ""


def resolve_person(person: Person, provinces_in: Callable[[str], list[str]],
                   known_contexts: Callable[[str], Iterable[str]]) -> PersonResolution:
    """Merge with the namesake of the same province; with no province, with the only namesake known."""
    key, context = fold(person.name), person_context(person, provinces_in)
    if context:
        reason = f"same name, posts in {context}"
    else:
        placed = sorted({c for c in known_contexts(key) if c})
        if len(placed) == 1:
            context, reason = placed[0], f"same name; the only namesake known is of {placed[0]}"
        else:
            reason = "same name; no place named" + (f" ({len(placed)} namesakes elsewhere)" if placed else "")
    return PersonResolution(person_iri(person.name, context), key, context, reason)


def organisation_iri(name: str) -> URIRef:
    return _iri("org", name, fold(name))


def post_iri(role: str, org: str) -> URIRef:
    return _iri("post", f"{role} {org}", fold(role), fold(org))


def document_iri(doc_type: str, number: str | None, name: str | None) -> URIRef:
    return _iri("document", f"{doc_type} {number or name or ''}", fold(doc_type), fold(number or name))


def place_iri(name: str) -> URIRef:
    return _iri("place", name, fold(name))


def article_iri(article_id: str) -> URIRef:
    return ID[f"article/{ascii_slug(article_id, 120)}-{hashlib.sha1(article_id.encode()).hexdigest()[:6]}"]


def scoped_iri(article: URIRef, kind: str, *key: str) -> URIRef:
    """An IRI for something that exists only within one article (a tenure, an event, a sentence)."""
    digest = hashlib.sha1("\x1f".join(key).encode("utf-8")).hexdigest()[:10]
    return URIRef(f"{article}/{kind}/{digest}")
