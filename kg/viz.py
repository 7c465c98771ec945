"""The interactive HTML page: a laid-out graph with communities, a side panel and a time filter.

Everything is computed here and travels as JSON: the layout (ForceAtlas2 inside each Louvain
community, the communities placed by ForceAtlas2 on the graph between them), the communities,
each node's rank, and the facts its panel shows. The page's script (`kg/templates/graph.html`)
draws them with vis-network (shipped inside pyvis), works from `file://` with no network, and
puts every name on the page as text, never as markup.

Dates shown are as-of dates (the date of the article that states a fact); a meeting's or a
document's own date is shown only when it is not later than the article that reports it.
"""
from __future__ import annotations

import datetime
import functools
import gc
import html
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import networkx as nx
from rdflib import URIRef

from kg import lookup
from kg.normalize import fold
from kg.rdf import ENTITIES

DEFAULT_LIMIT = 1500  # nodes embedded in the page
COLLAPSE_ABOVE = 100  # an overview with more nodes opens with its communities collapsed
MIN_COMMUNITY = 3  # smaller groups are neither coloured nor collapsed
SEED = 1  # Louvain and ForceAtlas2 are seeded: the same store gives the same page
SPACING = 45.0  # canvas units of room per node, so labels fit at close zoom
SMALL_GROUP = 12  # communities up to this size are drawn as a ring around their most central node
LARGE_GROUP = 150  # communities above this size are laid out as communities of their own
PACKING = 0.5  # share of the area round the linked communities that they cover
OVERLAP = 0.5  # canvas units two discs may overlap once pushed apart
MAX_LIST = 12  # rows per list in a panel
LINK_SHARE = 0.2  # at most this share of an overview's nodes are meetings and documents
MIN_PIECE = 3  # an overview's pieces (connected components) of fewer nodes give their places
CORE = ("person", "organisation")  # what an overview is about; meetings and documents only link them
TYPES = ("person", "organisation", "meeting", "document")
STYLE = {  # type → (shape, legend label)
    "person": ("dot", "Person / Cá nhân"),
    "organisation": ("square", "Organisation / Cơ quan"),
    "meeting": ("diamond", "Meeting / Sự kiện"),
    "document": ("triangle", "Document / Văn bản"),
}
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#2f4b7c", "#a05195", "#665191", "#d45087", "#008080", "#8c6d31", "#637939")
LOOSE = "#b0b0b0"

NAMES = """
SELECT ?node ?type ?label WHERE { GRAPH ?g {
  { ?node a kg:Person ; schema:name ?label . BIND("person" AS ?type) }
  UNION { ?node a kg:Organisation ; schema:name ?label . BIND("organisation" AS ?type) }
  UNION { ?node a kg:Document ; schema:name ?label . BIND("document" AS ?type) } } }"""

TENURES = """
SELECT ?person ?org ?role ?current ?article WHERE { GRAPH ?article {
  ?t org:member ?person ; org:organization ?org ; kg:roleName ?role ; kg:current ?current } }"""

MEETINGS = """
SELECT ?m ?type ?date ?article WHERE { GRAPH ?article { ?m a kg:Meeting ; kg:eventType ?type }
  OPTIONAL { GRAPH ?article { ?m schema:startDate ?date } } }"""

DOCUMENTS = """
SELECT ?d ?article ?date WHERE { ?d a kg:Document . GRAPH ?article { ?d prov:wasDerivedFrom ?article }
  OPTIONAL { GRAPH ?article { ?d schema:dateCreated ?date } } }"""

LINKS = """
SELECT DISTINCT ?a ?b ?kind WHERE { GRAPH ?g {
  { ?a schema:attendee ?b . BIND("attended" AS ?kind) }
  UNION { ?a kg:organisation ?b . BIND("took part" AS ?kind) }
  UNION { ?a kg:issuer ?b . BIND("issued" AS ?kind) }
  UNION { ?a org:subOrganizationOf ?b . BIND("part of" AS ?kind) } } }"""

AS_OF = "SELECT ?article ?asOf WHERE { GRAPH ?article { ?article kg:asOf ?asOf } }"
CO_MENTIONS = f"""
SELECT DISTINCT ?p ?d WHERE {{ ?d a kg:Document . GRAPH ?article {{ ?article schema:mentions ?d , ?p }}
  GRAPH <{ENTITIES}> {{ ?p a kg:Person }} }}"""  # for the page's persons only (VALUES) was 2x slower

# Read for the nodes on the page only (VALUES): a sentence or a name costs Oxigraph a lookup to decode.
SOURCES = """
SELECT ?node ?sentence ?article WHERE { VALUES ?node { __NODES__ }
  { GRAPH ?article { ?t org:member ?node ; kg:evidence ?ev . ?ev kg:text ?sentence } }
  UNION { GRAPH ?article { ?node kg:evidence ?ev . ?ev kg:text ?sentence } } }"""
HEADLINES = """
SELECT ?article ?headline WHERE { VALUES ?article { __NODES__ } GRAPH ?article { ?article schema:headline ?headline } }"""
# Oxigraph evaluates an OPTIONAL inside a GRAPH, or a pattern on the union graph, on its own and then
# joins: OPTIONAL { GRAPH … } and the entities graph named keep each to the rows at hand.


def _gc_paused(fn):
    """`fn` run with the cyclic garbage collector paused: the page's steps build hundreds of
    thousands of objects that live on, and each collection scanned them all again (15% of the time)."""
    @functools.wraps(fn)
    def run(*args, **kwargs):
        was_on = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was_on:
                gc.enable()
    return run


@dataclass
class Selection:
    """What to draw: node types, a date range, a focus and its depth, a size limit (0: none)."""

    focus: str | None = None
    depth: int = 1
    types: tuple[str, ...] = TYPES
    since: datetime.date | None = None
    until: datetime.date | None = None
    limit: int = DEFAULT_LIMIT


@dataclass
class Facts:
    """What the store says, keyed by IRI; each claim with its article (and so its as-of date)."""

    names: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    tenures: dict[tuple[str, str, str], list[tuple[str | None, bool, str]]] = field(default_factory=dict)
    dates: dict[str, str | None] = field(default_factory=dict)  # meeting or document → date shown
    seen: dict[str, list[str]] = field(default_factory=dict)  # meeting or document → its articles
    links: list[tuple[str, str, str]] = field(default_factory=list)
    as_of: dict[str, str] = field(default_factory=dict)  # article → its as-of date, when it has one
    documents: dict[str, set[str]] = field(default_factory=dict)  # person → documents named beside them
    # Read for the page's nodes only (`read_details`):
    articles: dict[str, str] = field(default_factory=dict)  # article cited → its headline
    sources: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # node → (sentence, article)


@dataclass
class View:
    """The nodes embedded in the page (`graph`), those drawn first (`shown`), and what was left out."""

    graph: nx.MultiGraph
    facts: Facts
    shown: set[str]
    left_out: int = 0
    focused: bool = False


def _iso(value) -> str | None:
    return value.isoformat() if isinstance(value, datetime.date) else None


def _trusted(date: str | None, as_of: str | None) -> str | None:
    """A date kept only when what states it is not older: the article for a fact, today for an article."""
    return date if date and as_of and date <= as_of else None


def read_facts(kg, selection: Selection) -> Facts:
    """The nodes and links of the whole store, with as-of dates inside the selection's range."""
    facts = Facts()
    today = datetime.date.today().isoformat()
    facts.as_of = {r["article"]: d for r in kg.sparql(AS_OF) if (d := _trusted(_iso(r["asOf"]), today))}
    in_range = _in_range(facts, selection)
    for r in kg.sparql(NAMES):
        facts.names[r["node"]], facts.types[r["node"]] = r["label"], r["type"]
    facts.names.update(lookup.usual_names(kg))  # a person by the spelling most of its mentions use
    for r in kg.sparql(TENURES):
        if in_range(r["article"]):
            facts.tenures.setdefault((r["person"], r["org"], r["role"]), []).append(
                (facts.as_of.get(r["article"]), bool(r["current"]), r["article"]))
    for r in kg.sparql(MEETINGS):
        if in_range(r["article"]):
            _meeting(facts, r, facts.as_of.get(r["article"]))
    for r in kg.sparql(DOCUMENTS):
        if in_range(r["article"]):
            facts.seen.setdefault(r["d"], []).append(r["article"])
            facts.dates[r["d"]] = facts.dates.get(r["d"]) or _trusted(_iso(r["date"]), facts.as_of.get(r["article"]))
    facts.links = [(r["a"], r["b"], r["kind"]) for r in kg.sparql(LINKS)]
    for r in kg.sparql(CO_MENTIONS):
        facts.documents.setdefault(r["p"], set()).add(r["d"])
    return facts


def read_details(kg, facts: Facts, nodes: list[str], selection: Selection) -> None:
    """What only the panels show, for these nodes: source sentences (from articles in range) and the
    headlines of the articles they cite."""
    if not nodes:
        return
    in_range = _in_range(facts, selection)
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for r in kg.sparql(_for(SOURCES, nodes)):
        if in_range(r["article"]):
            found[r["node"]].add((r["sentence"], r["article"]))
    facts.sources = {n: sorted(pairs, key=lambda s: (facts.as_of.get(s[1]) or "", s[1], s[0]), reverse=True)
                     for n, pairs in found.items()}  # latest first, in an order no store changes
    cited = sorted({a for found in facts.sources.values() for _, a in found[:MAX_LIST]})  # as panels list them
    facts.articles = {r["article"]: r["headline"] for r in kg.sparql(_for(HEADLINES, cited))} if cited else {}


def _for(query: str, iris: list[str]) -> str:
    """The query with its VALUES row filled with these IRIs (rdflib refuses to write an invalid one)."""
    return query.replace("__NODES__", " ".join(URIRef(i).n3() for i in iris))


def _in_range(facts: Facts, selection: Selection):
    """Whether an article's as-of date is inside the selection's range (undated articles are)."""
    since, until = (d.isoformat() if d else None for d in (selection.since, selection.until))

    def inside(article: str) -> bool:
        date = facts.as_of.get(article)
        return date is None or ((since is None or date >= since) and (until is None or date <= until))
    return inside


def _meeting(facts: Facts, row: dict, as_of: str | None) -> None:
    """A meeting named by its type and the date it can be trusted with: its own, or its article's."""
    node, date = row["m"], _trusted(_iso(row["date"]), as_of)
    facts.types[node], facts.dates[node] = "meeting", date
    facts.names[node] = f"{row['type']} {date}" if date else f"{row['type']}, as of {as_of}" if as_of else row["type"]
    facts.seen[node] = [row["article"]]


def _months(facts: Facts, articles: list[str]) -> tuple[str | None, str | None]:
    dates = sorted(d for a in articles if (d := facts.as_of.get(a)))
    return (dates[0][:7], dates[-1][:7]) if dates else (None, None)


def _graph(facts: Facts, types: tuple[str, ...]) -> nx.MultiGraph:
    """One edge per tenure (person, body, role), attendance, part taken, issue and part-of."""
    g = nx.MultiGraph()
    for node, kind in facts.types.items():
        if kind in types:
            g.add_node(node, label=facts.names[node], type=kind)
    for (person, org, role), sightings in facts.tenures.items():
        if person in g and org in g:
            first, last = _months(facts, [a for *_, a in sightings])
            g.add_edge(person, org, key=("tenure", role), kind="tenure", label=role, first=first, last=last,
                       current=max(sightings, key=lambda s: (s[0] or "", s[1]))[1])
    for a, b, kind in facts.links:
        if a in g and b in g:
            dated = a if a in facts.seen else b if b in facts.seen else None
            first, last = _months(facts, facts.seen[dated]) if dated else (None, None)
            g.add_edge(a, b, key=(kind, ""), kind=kind, label=kind, first=first, last=last, current=True)
    g.remove_nodes_from([n for n, d in g.nodes(data=True) if d["type"] in ("meeting", "document")
                         and n not in facts.seen])
    return g


def _centres(g: nx.MultiGraph, focus: str) -> list[str]:
    wanted = fold(focus)
    return [n for n, d in g.nodes(data=True) if fold(d["label"]) == wanted] or \
        [n for n, d in g.nodes(data=True) if wanted in fold(d["label"])]


@_gc_paused
def build_view(kg, selection: Selection | None = None) -> View:
    """The nodes to embed and draw, after filters, focus and the size limit.

    A focused page also embeds the ring beyond its depth, hidden, for the panel's "expand".
    """
    selection = selection or Selection()
    facts = read_facts(kg, selection)
    g = _graph(facts, selection.types)
    if selection.focus:
        distance: dict[str, int] = {}
        for centre in _centres(g, selection.focus):
            for n, d in nx.single_source_shortest_path_length(g, centre, cutoff=selection.depth + 1).items():
                distance[n] = min(d, distance.get(n, d))
        order = sorted(distance, key=lambda n: (distance[n], -g.degree(n), n))
    else:
        distance = dict.fromkeys(g, 0)
        order = overview(g, _articles(g, facts), selection.limit)
    keep = order[:selection.limit or None]
    shown = {n for n in keep if distance[n] <= selection.depth}
    left_out = sum(1 for n in order[len(keep):] if distance[n] <= selection.depth)
    read_details(kg, facts, keep, selection)
    return View(_induced(g, keep), facts, shown, left_out, bool(selection.focus))


def _articles(g: nx.MultiGraph, facts: Facts) -> dict[str, int]:
    """Per person or body on the page: the number of articles that state a post, meeting or document of it."""
    found: dict[str, set[str]] = defaultdict(set)
    for (person, org, _), sightings in facts.tenures.items():
        for *_, article in sightings:
            found[person].add(article)
            found[org].add(article)
    for a, b, _ in facts.links:
        for node, other in ((a, b), (b, a)):
            found[node].update(facts.seen.get(other, ()))
    return {n: len(found[n]) for n in g if g.nodes[n]["type"] in CORE}


def overview(g: nx.Graph, articles: dict[str, int], limit: int) -> list[str]:
    """The nodes of an overview, in the order they are kept: persons and bodies, most written about first,
    and the meetings and documents that link two or more of them (up to LINK_SHARE of `limit`), those
    linking most first; pieces of fewer than MIN_PIECE nodes give their places to the next persons and
    bodies linked to what is kept. With no persons or bodies among the types drawn: the most connected."""
    degree = dict(g.degree())
    core = sorted(articles, key=lambda n: (-articles[n], -degree[n], n))
    if not core:
        return sorted(g, key=lambda n: (-degree[n], n))
    budget = int(limit * LINK_SHARE) if limit else len(g)
    head = core[:max(limit - budget, 0)] if limit else core
    links = _links(g, head, articles, degree)[:budget]
    if limit:
        head, links = _attached(g, core, head, links, limit)
    kept = set(head).union(links)
    rest = sorted((n for n in g if n not in kept and n not in articles), key=lambda n: (-degree[n], n))
    return head + links + [n for n in core if n not in kept] + rest


def _attached(g: nx.Graph, core: list[str], head: list[str], links: list[str], limit: int):
    """`head` and `links` without their pieces of fewer than MIN_PIECE nodes, `head` filled up to `limit`
    with the next of `core` linked to what is kept (each joins the rest, so no new piece appears)."""
    kept = set(head).union(links)
    small = set().union(*(c for c in nx.connected_components(g.subgraph(kept)) if len(c) < MIN_PIECE))
    head, links = [n for n in head if n not in small], [n for n in links if n not in small]
    kept -= small
    for n in core:
        if len(head) + len(links) >= limit:
            break
        if n not in kept and n not in small and any(m in kept for m in g[n]):
            head.append(n)
            kept.add(n)
    return head, links


def _links(g: nx.Graph, head: list[str], core: dict, degree: dict[str, int]) -> list[str]:
    """The meetings and documents linking two or more of `head`, those linking most first."""
    linking: dict[str, int] = defaultdict(int)
    for n in head:
        for m in g[n]:
            if m not in core:
                linking[m] += 1
    return sorted((m for m, k in linking.items() if k >= 2), key=lambda m: (-linking[m], -degree[m], m))


def _induced(g: nx.Graph, nodes: list[str]) -> nx.Graph:
    """The subgraph on `nodes`, in their order: a subgraph view may follow a set's order, which
    changes with Python's hash seed, and Louvain and ForceAtlas2 depend on the order of nodes."""
    keep = set(nodes)
    sub = g.__class__()
    sub.add_nodes_from((n, g.nodes[n]) for n in nodes)
    edges = g.edges(nodes, keys=True, data=True) if g.is_multigraph() else g.edges(nodes, data=True)
    sub.add_edges_from(e for e in edges if e[1] in keep)
    return sub


def communities(g: nx.Graph) -> list[list[str]]:
    """Louvain communities, largest first, each listed most central first (deterministic)."""
    found = nx.community.louvain_communities(g, weight="weight", seed=SEED)
    ranked = [sorted(c, key=lambda n: (-g.degree(n, weight="weight"), n)) for c in found]
    return sorted(ranked, key=lambda c: (-len(c), c[0]))


def _steps(n: int, most: int = 60, budget: float = 1e7) -> int:
    """Steps of an n² algorithm: fewer for large n keep a 5,000-node page in seconds."""
    return max(3, min(most, int(budget / max(n, 1) ** 2)))


def _local_layout(g: nx.Graph, group: list[str]) -> dict[str, tuple[float, float]]:
    """A community's own layout, centred on 0: its most central node amid a ring, ForceAtlas2 when
    larger, and when larger still its own communities laid out as the page's are (ForceAtlas2 is n²)."""
    import numpy as np
    if len(group) <= SMALL_GROUP:
        radius = SPACING * max(1.0, (len(group) - 1) / (2 * math.pi)) if len(group) > 1 else 0.0
        angles = [2 * math.pi * i / (len(group) - 1) for i in range(len(group) - 1)]
        ring = [(radius * math.cos(a), radius * math.sin(a)) for a in angles]
        return dict(zip(group, [(0.0, 0.0)] + ring))
    if len(group) > LARGE_GROUP:
        inside = _induced(g, group)
        parts = communities(inside)
        if len(parts) > 1:
            pos = layout(inside, parts)
            x, y = (sum(p[k] for p in pos.values()) / len(pos) for k in (0, 1))
            return {n: (px - x, py - y) for n, (px, py) in pos.items()}
    return dict(zip(group, _place(_induced(g, group), [SPACING / 2] * len(group))))


def _separate(centres: list[list[float]], radii: list[float], rounds: int) -> None:
    """Push overlapping discs apart, in place."""
    import numpy as np
    pos, r = np.array(centres, dtype=float).reshape(-1, 2), np.array(radii, dtype=float)
    turn = np.arange(len(r)) * math.pi * (3 - math.sqrt(5))
    pos += 1e-3 * np.column_stack([np.cos(turn), np.sin(turn)])  # discs on the same spot part too
    for _ in range(rounds):
        diff = pos[:, None] - pos[None]
        dist = np.maximum(np.linalg.norm(diff, axis=-1), 1e-9)
        overlap = np.clip(r[:, None] + r[None] - dist, 0, None)
        np.fill_diagonal(overlap, 0)
        if overlap.max() < OVERLAP:
            break
        push = np.where(overlap > 0, overlap / 2 + OVERLAP / 4, 0.0)  # a little more, so pairs clear
        pos += (diff / dist[..., None] * push[..., None]).sum(axis=1)
    centres[:] = pos.tolist()


def layout(g: nx.Graph, groups: list[list[str]]) -> dict[str, tuple[float, float]]:
    """Each community laid out on its own; those linked to others placed by how strongly they are
    linked, the rest (whole components of the page) in rings around them."""
    where = {n: i for i, group in enumerate(groups) for n in group}
    between = nx.Graph()
    between.add_nodes_from(range(len(groups)))
    for a, b, w in g.edges(data="weight"):
        if where[a] != where[b]:
            old = between.get_edge_data(where[a], where[b], {"weight": 0})["weight"]
            between.add_edge(where[a], where[b], weight=old + w)
    local = [_local_layout(g, group) for group in groups]
    radii = [SPACING + max(math.hypot(x, y) for x, y in p.values()) for p in local]
    linked = [i for i in between if between.degree(i)] or [0]
    inside = between.subgraph(linked)
    centres = dict(zip(inside, _place(inside, [radii[i] for i in inside])))
    inner = max(math.hypot(*centres[i]) + radii[i] for i in linked)
    loose = sorted(set(range(len(groups))) - set(linked), key=lambda i: (-radii[i], i))
    centres.update(zip(loose, _rings(inner, [radii[i] for i in loose])))
    return {n: (round(centres[i][0] + x, 1), round(centres[i][1] + y, 1))
            for i, p in enumerate(local) for n, (x, y) in p.items()}


def _place(g: nx.Graph, radii: list[float]) -> list[list[float]]:
    """Discs of these radii, one per node of `g` (in its order), placed by ForceAtlas2 round 0 and
    scaled to cover about twice their area, then pushed apart until none overlap."""
    import numpy as np
    if len(radii) == 1:
        return [[0.0, 0.0]]
    placed = nx.forceatlas2_layout(g, max_iter=_steps(len(g), 30), seed=SEED, weight="weight", strong_gravity=True)
    xy, r = np.array([placed[n] for n in g], dtype=float), np.array(radii, dtype=float)
    xy -= np.average(xy, axis=0, weights=r ** 2)
    spread = math.sqrt(float((xy ** 2).sum(axis=1).mean())) or 1.0
    centres = (xy * math.sqrt(float((r ** 2).sum()) / PACKING / 2) / spread).tolist()
    _separate(centres, radii, rounds=_steps(len(centres), 200, 4e6))
    return centres


def _rings(inner: float, radii: list[float]) -> list[tuple[float, float]]:
    """Discs of these radii (largest first) in rings round a disc of radius `inner`, none overlapping,
    each ring's discs spread evenly round it."""
    placed: list[tuple[float, float]] = []
    while len(placed) < len(radii):
        start = len(placed)
        ring, angles = inner + radii[start], [0.0]
        for k in range(start + 1, len(radii)):
            step = _angle(radii[k - 1] + radii[k], ring)
            if angles[-1] + step + _angle(radii[k] + radii[start], ring) > 2 * math.pi:
                break
            angles.append(angles[-1] + step)
        end = start + len(angles)
        slack = (2 * math.pi - angles[-1] - _angle(radii[end - 1] + radii[start], ring)) / len(angles)
        placed += [(ring * math.cos(a + i * slack), ring * math.sin(a + i * slack)) for i, a in enumerate(angles)]
        inner = ring + radii[start]
    return placed


def _angle(chord: float, radius: float) -> float:
    """The angle at the centre of a circle of this radius between two points `chord` apart."""
    return 2 * math.asin(min(1.0, chord / (2 * radius)))


def _beside(g: nx.Graph, pos: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Nodes hidden until "Expand" (the ring beyond a focus), on a spiral round their first placed neighbour."""
    placed: dict[str, tuple[float, float]] = {}
    around: dict[str, int] = defaultdict(int)
    for n in sorted(set(g) - set(pos)):
        anchor = min((m for m in g[n] if m in pos), default=None)
        k = around[anchor] = around[anchor] + 1
        x, y = pos.get(anchor, (0.0, 0.0))
        distance, angle = SPACING * (1 + math.sqrt(k)), k * math.pi * (3 - math.sqrt(5))
        placed[n] = (round(x + distance * math.cos(angle), 1), round(y + distance * math.sin(angle), 1))
    return placed


def _simple(g: nx.MultiGraph) -> nx.Graph:
    simple = nx.Graph()
    simple.add_nodes_from(g)
    for a, b in g.edges():
        if a != b:
            simple.add_edge(a, b, weight=simple.get_edge_data(a, b, {"weight": 0})["weight"] + 1)
    return simple


@_gc_paused
def page_data(view: View) -> dict:
    """The JSON the page draws: nodes with positions, edges with months, communities, panels."""
    g = view.graph
    simple = _simple(g)
    drawn = _induced(simple, [n for n in g if n in view.shown])
    groups = communities(drawn)
    pos = layout(drawn, groups)
    pos.update(_beside(simple, pos))
    index = {n: i for i, n in enumerate(sorted(g, key=lambda n: (-simple.degree(n), g.nodes[n]["label"], n)))}
    big = [group for group in groups if len(group) >= MIN_COMMUNITY]
    group_of = {n: i for i, group in enumerate(big) for n in group}
    ix = _Index(view, index)
    nodes = [None] * len(index)
    for n, i in index.items():
        d = g.nodes[n]
        nodes[i] = {"id": i, "name": d["label"], "kind": d["type"], "x": pos[n][0], "y": pos[n][1],
                    "size": round(min(30.0, 6 + 2.5 * math.sqrt(simple.degree(n))), 1), "c": group_of.get(n, -1),
                    **({} if n in view.shown else {"ring": True}), **_node_months(view.facts, n)}
    return {
        "nodes": nodes,
        "edges": [_compact({"a": index[a], "b": index[b], "kind": d["kind"], "first": d["first"], "last": d["last"],
                            "label": d["label"] if d["kind"] == "tenure" else None,
                            "former": not d["current"] or None}) for a, b, d in g.edges(data=True)],
        "communities": [_community(group, index, pos, g, i) for i, group in enumerate(big)],
        "collapsed": not view.focused and len(g) > COLLAPSE_ABOVE,
        "months": _month_range(nodes, g),
        "panels": [_panel(ix, n) for n in sorted(index, key=index.get)],
        "articles": ix.table(),
        "legend": [{"type": t, "label": label, "shape": shape} for t, (shape, label) in STYLE.items()],
        "note": f"{len(g)} nodes, {g.number_of_edges()} edges"
                + (f"; {view.left_out} nodes left out (--limit)" if view.left_out else ""),
    }


def _compact(item: dict) -> dict:
    """An item without its empty fields: the page reads a missing field as empty."""
    return {k: v for k, v in item.items() if v is not None}


def _node_months(facts: Facts, node: str) -> dict:
    if node not in facts.seen:
        return {}
    first, last = _months(facts, facts.seen[node])
    return {"first": first, "last": last}


def _community(group: list[str], index: dict[str, int], pos: dict, g: nx.MultiGraph, i: int) -> dict:
    """A community named by its most central body or person, placed at its members' centre."""
    named = [n for n in group if g.nodes[n]["type"] in ("person", "organisation")] or group
    x, y = (sum(pos[n][k] for n in group) / len(group) for k in (0, 1))
    return {"id": f"c{i}", "name": g.nodes[named[0]]["label"], "members": [index[n] for n in group],
            "color": PALETTE[i % len(PALETTE)], "x": round(x, 1), "y": round(y, 1),
            "r": round(max(math.hypot(pos[n][0] - x, pos[n][1] - y) for n in group), 1)}


def _month_range(nodes: list[dict], g: nx.MultiGraph) -> list[str]:
    """The months in which the page's facts were seen, in order: the stops of the time filter."""
    return sorted({m for n in nodes for m in (n.get("first"), n.get("last")) if m}
                  | {m for *_, d in g.edges(data=True) for m in (d["first"], d["last"]) if m})


@dataclass
class _Index:
    """Facts looked up by node, built once per page."""

    view: View
    number: dict[str, int]
    articles: dict[str, int] = field(default_factory=dict)
    tenures: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    linked: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))

    def __post_init__(self) -> None:
        for key, sightings in self.view.facts.tenures.items():
            self.tenures[key[0]].append((key, sightings))
            self.tenures[key[1]].append((key, sightings))
        for a, b, kind in self.view.facts.links:
            self.linked[(a, kind)].append(b)
            self.linked[(b, "~" + kind)].append(a)

    def ref(self, node: str):
        """A node of the page by its number, any other by its name."""
        return self.number.get(node, self.view.facts.names.get(node, node))

    def article(self, article: str) -> int:
        return self.articles.setdefault(article, len(self.articles))

    def table(self) -> list[tuple[str, str | None]]:
        """The articles the panels cite, as (headline, as-of), in the order of their numbers."""
        facts = self.view.facts
        return [(facts.articles.get(a, a), facts.as_of.get(a)) for a in self.articles]


def _span(sightings: list[tuple[str | None, bool, str]]) -> dict:
    """First and last seen (as-of dates), and whether the latest sighting says current."""
    dates = sorted(d for d, *_ in sightings if d)
    latest = max(sightings, key=lambda s: (s[0] or "", s[1]))
    return {"first": dates[0] if dates else None, "last": dates[-1] if dates else None, "current": latest[1]}


def _posts(ix: _Index, node: str, other: int) -> list[dict]:
    """Tenures of a person (other=1: the body) or of a body (other=0: the person), latest first."""
    rows = [{"role": key[2], "who": ix.ref(key[other]), **_span(sightings)}
            for key, sightings in ix.tenures.get(node, ()) if key[1 - other] == node]
    return sorted(rows, key=lambda t: (t["last"] or "", t["role"]), reverse=True)[:3 * MAX_LIST]


def _panel(ix: _Index, node: str) -> dict:
    """What the side panel lists for one node."""
    facts, kind = ix.view.facts, ix.view.facts.types[node]
    panel: dict = {"sources": [[s, ix.article(a)] for s, a in facts.sources.get(node, [])[:MAX_LIST]]}
    if kind == "person":
        meetings = sorted(ix.linked.get((node, "~attended"), []),
                          key=lambda m: _months(facts, facts.seen.get(m, []))[0] or "", reverse=True)[:MAX_LIST]
        panel["career"] = _posts(ix, node, 1)
        panel["meetings"] = [{"m": ix.ref(m), "with": [ix.ref(p) for p in ix.linked[(m, "attended")] if p != node]}
                             for m in meetings]
        panel["documents"] = [ix.ref(d) for d in sorted(facts.documents.get(node, ()))[:MAX_LIST]]
    elif kind == "organisation":
        panel["holders"] = _posts(ix, node, 0)
        panel["parents"] = [ix.ref(b) for b in ix.linked.get((node, "part of"), [])]
        panel["children"] = [ix.ref(a) for a in ix.linked.get((node, "~part of"), [])][:3 * MAX_LIST]
    else:
        dates = sorted(d for a in facts.seen.get(node, ()) if (d := facts.as_of.get(a)))
        panel["date"], panel["asOf"] = facts.dates.get(node), dates[0] if dates else None
        panel["links"] = [ix.ref(n) for key in ((node, "attended"), (node, "took part"), (node, "issued"))
                          for n in ix.linked.get(key, [])][:3 * MAX_LIST]
    return panel


def _vis_assets() -> tuple[str, str]:
    lib = resources.files("pyvis") / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), \
        (lib / "vis-network.css").read_text(encoding="utf-8")


def _script_safe(text: str) -> str:
    """JSON that cannot close its <script> element or open another."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@_gc_paused
def render(data: dict, title: str = "kg graph") -> str:
    """The whole page as one self-contained HTML string."""
    js, css = _vis_assets()
    parts = {
        "__TITLE__": html.escape(title),
        "__VIS_CSS__": css.replace("</", "<\\/"),
        "__DATA__": _script_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":"))),
        "__VIS_JS__": js.replace("</script", "<\\/script"),
    }
    template = (resources.files("kg") / "templates" / "graph.html").read_text(encoding="utf-8")
    return re.sub("|".join(parts), lambda m: parts[m.group()], template)


def write_html(kg, out: str | Path, selection: Selection | None = None) -> Path:
    """Write the page to `out` as UTF-8 and return its path."""
    path = Path(out)
    path.write_text(render(page_data(build_view(kg, selection))), encoding="utf-8")
    return path
