"""Entity resolution: one stable IRI per real person, body, post, document and place.

Mentions are keyed by their folded names (case, tone placement, abbreviations and
NFC folded), so `Thành uỷ Hải Phòng` and `Thành ủy Hải Phòng` are one body, in every
article. IRIs are readable slugs plus a short hash of the key: deterministic across runs.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from kg.namespaces import ID
from kg.normalize import fold


def ascii_slug(text: str, limit: int = 60) -> str:
    """`Trần Lưu Quang` → `tran-luu-quang`."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:limit] or "x"


def _iri(kind: str, label: str, *key: str) -> URIRef:
    digest = hashlib.sha1("\x1f".join(key).encode("utf-8")).hexdigest()[:8]
    return ID[f"{kind}/{ascii_slug(label)}-{digest}"]


def person_iri(name: str) -> URIRef:
    return _iri("person", name, fold(name))


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
