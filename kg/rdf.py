"""An extraction as RDF: the facts of one article's named graph, and the descriptions of its entities.

Each fact is an n-ary node (Tenure, Meeting) or a link, in the article's own named
graph, tied to the article (`prov:wasDerivedFrom`) and to its sentence (`kg:evidence`,
with text and offsets). The standard shortcuts (`org:holds`, `org:memberOf`,
`schema:attendee`) are written beside them, so plain queries need no reasoner.

Persons, bodies, posts, documents and places are shared by many articles: their
descriptions (types, names, keys, parents) go once into the entities graph
(`ENTITIES`), so that a query joins each of them once, not once per article.
"""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.articles import content_hash, is_calendar_date
from kg.namespaces import ID, KG, ORG, PROV, RDF, RDFS, SCHEMA, XSD
from kg.normalize import fold
from kg.records import Document, Event, Evidence, Extraction, Person, Position
from kg.hierarchy import parent_of
from kg.resolve import (PersonResolution, article_iri, document_iri, organisation_iri, place_iri, post_iri,
                        resolve_persons, scoped_iri)

Triple = tuple[Node, Node, Node]
ENTITIES = ID["graph/entities"]


@dataclass
class ArticleGraph:
    """What one article adds to the store: its named graph and the entities it describes."""

    iri: URIRef
    facts: list[Triple]
    entities: list[Triple]


def _vi(text: str) -> Literal:
    return Literal(text, lang="vi")


def _date(value: str | None) -> Literal | None:
    """An ISO date as xsd:date, `--MM-DD` as xsd:gMonthDay; anything else, or no such day, as nothing."""
    if not value or not is_calendar_date(value):
        return None
    return Literal(value, datatype=XSD.gMonthDay if value.startswith("--") else XSD.date)


class _Writer:
    """Collects the triples of one article's graph."""

    def __init__(self, extraction: Extraction, fingerprint: str, persons: dict[str, PersonResolution]):
        self.extraction, self.fingerprint, self.persons = extraction, fingerprint, persons
        self.article = article_iri(extraction.article.id)
        self.facts: list[Triple] = []
        self.entities: dict[Triple, None] = {}
        self.as_of = _date(extraction.date if extraction.date and not extraction.date.startswith("-") else None)

    def dated(self, value: str | None) -> str | None:
        """`--10-18` with the year of the article's date, when it has one."""
        if value and value.startswith("--") and self.as_of is not None:
            return f"{str(self.as_of)[:4]}{value[1:]}"
        return value

    def add(self, s: Node, p: Node, o: Node | None) -> None:
        """A fact of this article."""
        if o is not None:
            self.facts.append((s, p, o))

    def describe(self, s: Node, p: Node, o: Node | None) -> None:
        """A description of a shared entity."""
        if o is not None:
            self.entities[(s, p, o)] = None

    def named(self, node: URIRef, types: tuple[URIRef, ...], name: str, shared: bool = True) -> None:
        say = self.describe if shared else self.add
        for t in types:
            say(node, RDF.type, t)
        say(node, SCHEMA.name, _vi(name))
        say(node, RDFS.label, _vi(name))

    def evidence(self, node: URIRef, evidence: Evidence | None) -> None:
        self.add(node, PROV.wasDerivedFrom, self.article)
        if evidence is None:
            return
        sentence = scoped_iri(self.article, "sentence", str(evidence.start), str(evidence.end))
        self.add(node, KG.evidence, sentence)
        self.add(sentence, RDF.type, KG.Evidence)
        self.add(sentence, KG.text, Literal(evidence.sentence))
        self.add(sentence, KG.start, Literal(evidence.start))
        self.add(sentence, KG.end, Literal(evidence.end))
        self.add(sentence, PROV.wasDerivedFrom, self.article)

    def write_article(self) -> None:
        a = self.extraction.article
        self.named(self.article, (KG.Article, SCHEMA.NewsArticle), a.title or a.id, shared=False)
        self.add(self.article, SCHEMA.identifier, Literal(a.id))
        self.add(self.article, SCHEMA.headline, _vi(a.title) if a.title else None)
        self.add(self.article, SCHEMA.datePublished, _date(a.date))
        self.add(self.article, KG.asOf, self.as_of)
        self.add(self.article, KG.source, Literal(a.source) if a.source else None)
        self.add(self.article, SCHEMA.url, URIRef(a.url) if a.url and a.url.startswith("http") else None)
        self.add(self.article, KG.contentHash, Literal(content_hash(a, self.fingerprint)))

    def organisation(self, name: str, kind: str = "", mentioned: bool = True) -> URIRef:
        """A body, with the chain of bodies it is part of."""
        node = organisation_iri(name)
        self.named(node, (KG.Organisation, ORG.Organization, SCHEMA.Organization), name)
        self.describe(node, KG.nameKey, Literal(fold(name)))
        self.describe(node, KG.plainKey, Literal(fold(name, marks=False)))
        self.describe(node, KG.kind, Literal(kind) if kind else None)
        if mentioned:
            self.add(self.article, SCHEMA.mentions, node)
        parent = parent_of(name)
        if parent and (node, ORG.subOrganizationOf, organisation_iri(parent)) not in self.entities:
            self.describe(node, ORG.subOrganizationOf, organisation_iri(parent))
            self.organisation(parent, mentioned=False)
        return node

    def person(self, person: Person) -> URIRef:
        resolution = self.persons[person.name]
        node = resolution.iri
        self.named(node, (KG.Person, SCHEMA.Person), person.name)
        self.describe(node, KG.nameKey, Literal(fold(person.name)))
        self.describe(node, KG.plainKey, Literal(fold(person.name, marks=False)))
        # How a person resolved can change when other articles come in: an article's claim, replaced with its graph.
        self.add(node, KG.placeContext, Literal(resolution.context) if resolution.context else None)
        self.add(self.article, SCHEMA.mentions, node)
        note = scoped_iri(self.article, "resolution", str(node))
        self.add(note, RDF.type, KG.Resolution)
        self.add(note, KG.person, node)
        self.add(note, KG.reason, Literal(resolution.reason))
        self.add(note, KG.score, Literal(float(resolution.score)))
        for feature in resolution.features:
            self.add(note, KG.feature, Literal(feature))
        self.add(note, PROV.wasDerivedFrom, self.article)
        for position in person.positions:
            if position.org:
                self.tenure(node, person, position)
        return node

    def tenure(self, who: URIRef, person: Person, position: Position) -> None:
        org = self.organisation(position.org)
        post = post_iri(position.role, position.org)
        self.named(post, (KG.Post, ORG.Post), f"{position.role} {position.org}")
        self.describe(post, KG.roleName, _vi(position.role))
        self.describe(post, KG.roleKey, Literal(fold(position.role)))
        self.describe(post, ORG.postIn, org)
        tenure = scoped_iri(self.article, "tenure", str(who), str(post))
        self.add(tenure, RDF.type, KG.Tenure)
        self.add(tenure, RDF.type, ORG.Membership)
        self.add(tenure, ORG.member, who)
        self.add(tenure, ORG.organization, org)
        self.add(tenure, KG.post, post)
        self.add(tenure, KG.roleName, _vi(position.role))
        self.add(tenure, KG.current, Literal(position.current))
        self.add(tenure, KG.asOf, self.as_of)
        self.evidence(tenure, position.evidence)
        if position.current:
            self.add(who, ORG.holds, post)
            self.add(who, ORG.memberOf, org)
            self.add(post, ORG.heldBy, who)

    def event(self, index: int, event: Event) -> None:
        node = scoped_iri(self.article, "event", str(index), event.type, event.date or "")
        date = self.dated(event.date)
        self.named(node, (KG.Meeting, SCHEMA.Event), f"{event.type} {date or ''}".strip(), shared=False)
        self.add(node, KG.eventType, _vi(event.type))
        self.add(node, SCHEMA.startDate, _date(date))
        if event.place:
            place = place_iri(event.place)
            self.named(place, (KG.Place, SCHEMA.Place), event.place)
            self.add(node, SCHEMA.location, place)
        for name in event.participants:
            if name in self.persons:
                self.add(node, SCHEMA.attendee, self.persons[name].iri)
        for org in event.organisations:
            self.add(node, KG.organisation, self.organisation(org))
        self.evidence(node, event.evidence[0] if event.evidence else None)

    def document(self, doc: Document) -> None:
        node = document_iri(doc.type, doc.number, doc.name)
        self.named(node, (KG.Document, SCHEMA.Legislation), doc.name or f"{doc.type} {doc.number}")
        self.describe(node, KG.documentType, _vi(doc.type))
        self.describe(node, KG.number, Literal(doc.number) if doc.number else None)
        # The date and issuer are the article's claims: articles may differ (the same number is reused
        # across years), so they stay in the article's graph, with its provenance.
        self.add(node, SCHEMA.dateCreated, _date(doc.date))
        if doc.issuer:
            self.add(node, KG.issuer, self.organisation(doc.issuer))
        self.add(self.article, SCHEMA.mentions, node)
        self.evidence(node, doc.evidence)


def resolve_alone(extraction: Extraction) -> dict[str, PersonResolution]:
    """Each person of the extraction resolved as if no other article named them."""
    return {name: r for (_, name), r in resolve_persons([extraction]).items()}


def extraction_graph(extraction: Extraction, fingerprint: str = "",
                     persons: dict[str, PersonResolution] | None = None) -> ArticleGraph:
    """The named graph of one article, and the descriptions of the entities it names.

    `fingerprint` names the pipeline that made it, so that a changed pipeline re-extracts;
    `persons` says which node each person is (by default, resolved against no other article).
    """
    w = _Writer(extraction, fingerprint, persons if persons is not None else resolve_alone(extraction))
    w.write_article()
    for org in extraction.organisations:
        w.organisation(org.name, org.kind)
    for person in extraction.persons:
        w.person(person)
    for i, event in enumerate(extraction.events):
        w.event(i, event)
    for doc in extraction.documents:
        w.document(doc)
    return ArticleGraph(w.article, list(dict.fromkeys(w.facts)), list(w.entities))
