"""An extraction as RDF: the facts of one article's named graph, and the descriptions of its entities.

Each fact is an n-ary node (Tenure, Meeting) or a link, in the article's own named
graph, tied to the article (`prov:wasDerivedFrom`) and to its sentence (`kg:evidence`,
with text and offsets). The standard shortcuts (`org:holds`, `org:memberOf`,
`schema:attendee`) are written beside them, so plain queries need no reasoner.

Persons, bodies, posts, documents and places are shared by many articles: their
descriptions (types, names, keys, parents) go once into the entities graph
(`ENTITIES`), so that a query joins each of them once, not once per article.

The graph is written straight as N-Quads text (terms as N-Quads spells them), the form the
store's bulk loader reads: building rdflib terms and serialising them cost more than extraction's
slowest readers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from rdflib import URIRef

from kg import namespaces
from kg.articles import content_hash, is_calendar_date
from kg.hierarchy import parent_of
from kg.normalize import fold
from kg.records import Document, Event, Evidence, Extraction, Person, Position
from kg.resolve import (PersonResolution, article_iri, document_iri, organisation_iri, place_iri, post_iri,
                        resolve_persons, scoped_iri)

ENTITIES = namespaces.ID["graph/entities"]
_ENTITIES = f"<{ENTITIES}>"
CACHED = 1 << 16  # bodies and posts remembered by a process: they recur across articles


class _Vocabulary:
    """A namespace whose terms come written as N-Quads IRIs (`<…#name>`), each made once."""

    def __init__(self, namespace: str):
        self._base = str(namespace)

    def __getattr__(self, name: str) -> str:
        term = f"<{self._base}{name}>"
        setattr(self, name, term)
        return term


KG, ORG, PROV, RDF, RDFS, SCHEMA = (_Vocabulary(n) for n in (namespaces.KG, namespaces.ORG, namespaces.PROV,
                                                               namespaces.RDF, namespaces.RDFS, namespaces.SCHEMA))
XSD = str(namespaces.XSD)
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_TO_ESCAPE = re.compile(r'[\\"\n\r]')
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _iri(node: str) -> str:
    return f"<{node}>"


def _text(text: str) -> str:
    """A plain literal, escaped as N-Quads needs (translate() is slow, so only when something needs it)."""
    return f'"{text.translate(_ESCAPES)}"' if _TO_ESCAPE.search(text) else f'"{text}"'


def _vi(text: str) -> str:
    return f"{_text(text)}@vi"


def _typed(lexical: str, datatype: str) -> str:
    return f'"{lexical}"^^<{XSD}{datatype}>'


def _date(value: str | None) -> str | None:
    """An ISO date as xsd:date, `--MM-DD` as xsd:gMonthDay; anything else, or no such day, as nothing."""
    if not value or not is_calendar_date(value):
        return None
    return _typed(value, "gMonthDay" if value.startswith("--") else "date")


@lru_cache(maxsize=CACHED)
def _organisation(name: str) -> str:
    return _iri(organisation_iri(name))


_parent = lru_cache(maxsize=CACHED)(parent_of)  # the name of the body a body is part of


@lru_cache(maxsize=CACHED)
def _post(role: str, org: str) -> str:
    return _iri(post_iri(role, org))


def _lines(triples: Iterable[str], graph: str) -> str:
    return "".join(f"{t} {graph} .\n" for t in triples)


@dataclass
class ArticleQuads:
    """What one article adds to the store, as N-Quads: its graph and the entities it describes
    (`body`), and the article's `kg:contentHash` (`last`), which a store takes after the rest."""

    iri: URIRef
    body: str
    last: str


class _Writer:
    """Collects the triples of one article's graph, each as the N-Quads text of its three terms."""

    def __init__(self, extraction: Extraction, content: str, persons: dict[str, PersonResolution],
                 sentences: bool = True):
        self.extraction, self.content, self.persons = extraction, content, persons
        self.sentences = sentences  # False: evidence sentences are written by the PERSONLESS part
        self.iri = article_iri(extraction.article.id)
        self.article = _iri(self.iri)
        self.facts: dict[str, None] = {}
        self.entities: dict[str, None] = {}
        as_of = extraction.date if extraction.date and not extraction.date.startswith("-") else None
        self.as_of, self.year = _date(as_of), as_of[:4] if as_of else ""

    def dated(self, value: str | None) -> str | None:
        """`--10-18` with the year of the article's date, when it has one."""
        if value and value.startswith("--") and self.as_of is not None:
            return f"{self.year}{value[1:]}"
        return value

    def add(self, s: str, p: str, o: str | None) -> None:
        """A fact of this article."""
        if o is not None:
            self.facts[f"{s} {p} {o}"] = None

    def describe(self, s: str, p: str, o: str | None) -> None:
        """A description of a shared entity."""
        if o is not None:
            self.entities[f"{s} {p} {o}"] = None

    def named(self, node: str, types: tuple[str, ...], name: str, shared: bool = True) -> None:
        say = self.describe if shared else self.add
        for t in types:
            say(node, RDF.type, t)
        say(node, SCHEMA.name, _vi(name))
        say(node, RDFS.label, _vi(name))

    def evidence(self, node: str, evidence: Evidence | None) -> None:
        self.add(node, PROV.wasDerivedFrom, self.article)
        if evidence is not None:
            self.add(node, KG.evidence, self.sentence(evidence) if self.sentences else self.sentence_node(evidence))

    def sentence_node(self, evidence: Evidence) -> str:
        return _iri(scoped_iri(self.iri, "sentence", str(evidence.start), str(evidence.end)))

    def sentence(self, evidence: Evidence) -> str:
        """The sentence a fact was read from, with its text and offsets."""
        sentence = self.sentence_node(evidence)
        self.add(sentence, RDF.type, KG.Evidence)
        self.add(sentence, KG.text, _text(evidence.sentence))
        self.add(sentence, KG.start, _typed(str(evidence.start), "integer"))
        self.add(sentence, KG.end, _typed(str(evidence.end), "integer"))
        self.add(sentence, PROV.wasDerivedFrom, self.article)
        return sentence

    def write_article(self) -> None:
        a = self.extraction.article
        self.named(self.article, (KG.Article, SCHEMA.NewsArticle), a.title or a.id, shared=False)
        self.add(self.article, SCHEMA.identifier, _text(a.id))
        self.add(self.article, SCHEMA.headline, _vi(a.title) if a.title else None)
        self.add(self.article, SCHEMA.datePublished, _date(a.date))
        self.add(self.article, KG.asOf, self.as_of)
        self.add(self.article, KG.source, _text(a.source) if a.source else None)
        url = a.url if a.url and a.url.startswith("http") and not _NOT_IN_IRI.search(a.url) else None
        self.add(self.article, SCHEMA.url, _iri(url) if url else None)

    def hash_quad(self) -> str:
        content = self.content or content_hash(self.extraction.article)
        return f"{self.article} {KG.contentHash} {_text(content)} {self.article} .\n"

    def organisation(self, name: str, kind: str = "", mentioned: bool = True) -> str:
        """A body, with the chain of bodies it is part of."""
        node, parent = _organisation(name), _parent(name)
        self.named(node, (KG.Organisation, ORG.Organization, SCHEMA.Organization), name)
        self.describe(node, KG.nameKey, _text(fold(name)))
        self.describe(node, KG.plainKey, _text(fold(name, marks=False)))
        self.describe(node, KG.kind, _text(kind) if kind else None)
        if mentioned:
            self.add(self.article, SCHEMA.mentions, node)
        whole = _organisation(parent) if parent else None
        if whole and f"{node} {ORG.subOrganizationOf} {whole}" not in self.entities:
            self.describe(node, ORG.subOrganizationOf, whole)
            self.organisation(parent, mentioned=False)
        return node

    def person(self, person: Person) -> str:
        resolution = self.persons[person.name]
        node = _iri(resolution.iri)
        self.named(node, (KG.Person, SCHEMA.Person), person.name)
        self.describe(node, KG.nameKey, _text(fold(person.name)))
        self.describe(node, KG.plainKey, _text(fold(person.name, marks=False)))
        # How a person resolved can change when other articles come in: an article's claim, replaced with its graph.
        self.add(node, KG.placeContext, _text(resolution.context) if resolution.context else None)
        self.add(self.article, SCHEMA.mentions, node)
        note = _iri(scoped_iri(self.iri, "resolution", str(resolution.iri)))
        self.add(note, RDF.type, KG.Resolution)
        self.add(note, KG.person, node)
        self.add(note, SCHEMA.name, _vi(person.name))  # this article's spelling: a node's name is the one most use
        self.add(note, KG.reason, _text(resolution.reason))
        self.add(note, KG.score, _typed(repr(float(resolution.score)), "double"))
        for feature in resolution.features:
            self.add(note, KG.feature, _text(feature))
        self.add(note, PROV.wasDerivedFrom, self.article)
        for position in person.positions:
            if position.org:
                self.tenure(node, position)
        return node

    def post(self, position: Position) -> None:
        """A post and its body, described (whoever holds it), and the sentence that names it."""
        org = self.organisation(position.org)
        post = _post(position.role, position.org)
        self.named(post, (KG.Post, ORG.Post), f"{position.role} {position.org}")
        self.describe(post, KG.roleName, _vi(position.role))
        self.describe(post, KG.roleKey, _text(fold(position.role)))
        self.describe(post, ORG.postIn, org)
        if position.evidence is not None:
            self.sentence(position.evidence)

    def tenure(self, who: str, position: Position) -> None:
        """Who holds a post, as this article says (the post itself: `post`)."""
        org, post = _organisation(position.org), _post(position.role, position.org)
        tenure = _iri(scoped_iri(self.iri, "tenure", who[1:-1], post[1:-1]))  # the IRIs without their <>
        self.add(tenure, RDF.type, KG.Tenure)
        self.add(tenure, RDF.type, ORG.Membership)
        self.add(tenure, ORG.member, who)
        self.add(tenure, ORG.organization, org)
        self.add(tenure, KG.post, post)
        self.add(tenure, KG.roleName, _vi(position.role))
        self.add(tenure, KG.current, _typed("true" if position.current else "false", "boolean"))
        self.add(tenure, KG.asOf, self.as_of)
        self.evidence(tenure, position.evidence)
        if position.current:
            self.add(who, ORG.holds, post)
            self.add(who, ORG.memberOf, org)
            self.add(post, ORG.heldBy, who)

    def event_node(self, index: int, event: Event) -> str:
        return _iri(scoped_iri(self.iri, "event", str(index), event.type, event.date or ""))

    def event(self, index: int, event: Event) -> None:
        """An event, its place and bodies; its attendees are persons (`attendees`)."""
        node = self.event_node(index, event)
        date = self.dated(event.date)
        self.named(node, (KG.Meeting, SCHEMA.Event), f"{event.type} {date or ''}".strip(), shared=False)
        self.add(node, KG.eventType, _vi(event.type))
        self.add(node, SCHEMA.startDate, _date(date))
        if event.place:
            place = _iri(place_iri(event.place))
            self.named(place, (KG.Place, SCHEMA.Place), event.place)
            self.add(node, SCHEMA.location, place)
        for org in event.organisations:
            self.add(node, KG.organisation, self.organisation(org))
        self.evidence(node, event.evidence[0] if event.evidence else None)

    def attendees(self, index: int, event: Event) -> None:
        node = self.event_node(index, event)
        for name in event.participants:
            if name in self.persons:
                self.add(node, SCHEMA.attendee, _iri(self.persons[name].iri))

    def document(self, doc: Document) -> None:
        node = _iri(document_iri(doc.type, doc.number, doc.name))
        self.named(node, (KG.Document, SCHEMA.Legislation), doc.name or f"{doc.type} {doc.number}")
        self.describe(node, KG.documentType, _vi(doc.type))
        self.describe(node, KG.number, _text(doc.number) if doc.number else None)
        # The date and issuer are the article's claims: articles may differ (the same number is reused
        # across years), so they stay in the article's graph, with its provenance.
        self.add(node, SCHEMA.dateCreated, _date(doc.date))
        if doc.issuer:
            self.add(node, KG.issuer, self.organisation(doc.issuer))
        self.add(self.article, SCHEMA.mentions, node)
        self.evidence(node, doc.evidence)

    def quads(self, described: set[str] | None, last: bool) -> ArticleQuads:
        entities = self.entities if described is None else [t for t in self.entities if t not in described]
        if described is not None:
            described.update(entities)
        return ArticleQuads(self.iri, _lines(self.facts, self.article) + _lines(entities, _ENTITIES),
                            self.hash_quad() if last else "")


def resolve_alone(extraction: Extraction) -> dict[str, PersonResolution]:
    """Each person of the extraction resolved as if no other article named them."""
    return {name: r for (_, name), r in resolve_persons([extraction]).items()}


ALL, PERSONLESS, PERSONS = "all", "personless", "persons"  # the parts of an article's graph `article_quads` writes


def article_quads(extraction: Extraction, content: str = "", persons: dict[str, PersonResolution] | None = None,
                  described: set[str] | None = None, part: str = ALL) -> ArticleQuads:
    """The named graph of one article, and the descriptions of the entities it names, as N-Quads.

    `content` is the graph's `kg:contentHash` (by default, the article's content hash); `persons` says which
    node each person is (by default, resolved against no other article). The entity lines in `described`
    are left out, and those written are added to it. `part` splits the graph in two whose union is the whole:
    PERSONLESS, what does not depend on how persons resolve (no hash), and PERSONS, the persons, their
    tenures and the events' attendees, with the hash.
    """
    if part == PERSONLESS:
        persons = {}
    w = _Writer(extraction, content, persons if persons is not None else resolve_alone(extraction), part != PERSONS)
    if part != PERSONS:
        w.write_article()
        for org in extraction.organisations:
            w.organisation(org.name, org.kind)
        for position in (q for p in extraction.persons for q in p.positions if q.org):
            w.post(position)
    if part != PERSONLESS:
        for person in extraction.persons:
            w.person(person)
    for i, event in enumerate(extraction.events):
        if part != PERSONS:
            w.event(i, event)
        if part != PERSONLESS:
            w.attendees(i, event)
    if part != PERSONS:
        for doc in extraction.documents:
            w.document(doc)
    return w.quads(described, last=part != PERSONLESS)
