"""The interactive HTML page: a pyvis network written through our own offline template.

pyvis holds the nodes, edges and options; the page inlines vis-network (shipped inside
pyvis), so it works from `file://` with no network. Names, titles and sentences travel
as JSON data and are put on the page with `textContent`, never as markup.
"""
from __future__ import annotations

import datetime
import html
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from kg.normalize import fold
from kg.views import in_range

DEFAULT_LIMIT = 1500  # nodes a browser lays out and settles in a few seconds
MAX_CARD_LINES = 12
TYPES = ("person", "organisation", "meeting", "document")
STYLE = {  # type → (colour, shape, legend label)
    "person": ("#e4572e", "dot", "Person / Cá nhân"),
    "organisation": ("#9ecae1", "box", "Organisation / Cơ quan"),
    "meeting": ("#f3a712", "diamond", "Meeting / Sự kiện"),
    "document": ("#7a6fbe", "triangle", "Document / Văn bản"),
}

NODES = """
SELECT DISTINCT ?node ?type ?label ?date WHERE {
  { ?node a kg:Person ; schema:name ?label . BIND("person" AS ?type) }
  UNION { ?node a kg:Organisation ; schema:name ?label . BIND("organisation" AS ?type) }
  UNION { ?node a kg:Meeting ; schema:name ?label . OPTIONAL { ?node schema:startDate ?date } BIND("meeting" AS ?type) }
  UNION { ?node a kg:Document ; schema:name ?label . OPTIONAL { ?node schema:dateCreated ?date }
          BIND("document" AS ?type) }
}"""

EDGES = """
SELECT DISTINCT ?a ?b ?label ?date WHERE {
  { ?t a kg:Tenure ; org:member ?a ; org:organization ?b ; kg:roleName ?label ; kg:current true .
    OPTIONAL { ?t kg:asOf ?date } }
  UNION { ?b schema:attendee ?a . OPTIONAL { ?b schema:startDate ?date } BIND("attended" AS ?label) }
  UNION { ?b kg:organisation ?a . OPTIONAL { ?b schema:startDate ?date } BIND("took part" AS ?label) }
  UNION { ?a kg:issuer ?b . BIND("issued" AS ?label) }
  UNION { ?a org:subOrganizationOf ?b . BIND("part of" AS ?label) }
}"""

SOURCES = """
SELECT DISTINCT ?node ?article ?headline WHERE {
  ?article a kg:Article ; schema:mentions ?node . OPTIONAL { ?article schema:headline ?headline }
}"""

OPTIONS = {
    "layout": {"improvedLayout": False},
    "nodes": {"font": {"size": 14}, "scaling": {"min": 10, "max": 40}},
    "edges": {"smooth": False, "font": {"size": 10, "align": "middle"}, "color": {"color": "#999"}},
    "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 150, "updateInterval": 50}},
    "interaction": {"hover": True, "tooltipDelay": 100},
}


@dataclass
class Selection:
    """What to draw: node types, a date range, a focus and its depth, a size limit."""

    focus: str | None = None
    depth: int = 1
    types: tuple[str, ...] = TYPES
    since: datetime.date | None = None
    until: datetime.date | None = None
    limit: int = DEFAULT_LIMIT


@dataclass
class View:
    graph: nx.MultiGraph
    left_out: int = 0
    cards: dict[str, list[str]] = field(default_factory=dict)


def _in_range(value, selection: Selection) -> bool:
    since, until = (d.isoformat() if d else None for d in (selection.since, selection.until))
    return in_range(value, since, until, keep_undated=True)


def _graph(kg, selection: Selection) -> nx.MultiGraph:
    g = nx.MultiGraph()
    for r in kg.sparql(NODES):
        if r["type"] in selection.types and (r["type"] != "meeting" or _in_range(r["date"], selection)):
            g.add_node(r["node"], label=r["label"], type=r["type"], date=r["date"])
    for r in kg.sparql(EDGES):
        if r["a"] in g and r["b"] in g and _in_range(r["date"], selection):
            g.add_edge(r["a"], r["b"], key=(r["label"], str(r["date"])), label=r["label"], date=r["date"])
    return g


def _focus(g: nx.MultiGraph, selection: Selection) -> nx.MultiGraph:
    wanted = fold(selection.focus)
    centres = [n for n, d in g.nodes(data=True) if fold(d["label"]) == wanted] or \
              [n for n, d in g.nodes(data=True) if wanted in fold(d["label"])]
    if not centres:
        return g.subgraph([]).copy()
    keep = set()
    for centre in centres:
        keep.update(nx.ego_graph(g, centre, radius=selection.depth))
    return g.subgraph(keep).copy()


def _cards(kg, g: nx.MultiGraph) -> dict[str, list[str]]:
    """A few lines per node: its positions or links with dates, then the articles behind it."""
    cards: dict[str, list[str]] = {}
    for a, b, d in g.edges(data=True):
        date = d["date"].isoformat() if isinstance(d["date"], datetime.date) else ""
        for node, other in ((a, b), (b, a)):
            line = f"{d['label']} — {g.nodes[other]['label']}" + (f" ({date})" if date else "")
            cards.setdefault(node, []).append(line)
    for r in kg.sparql(SOURCES):
        if r["node"] in g:
            cards.setdefault(r["node"], []).append(f"Article: {r['headline'] or r['article']}")
    return {n: sorted(set(lines), key=lines.index)[:MAX_CARD_LINES] for n, lines in cards.items()}


def build_view(kg, selection: Selection | None = None) -> View:
    """The nodes and edges to draw, after focus, filters and the size limit."""
    selection = selection or Selection()
    g = _graph(kg, selection)
    if selection.focus:
        g = _focus(g, selection)
    total = g.number_of_nodes()
    if total > selection.limit:
        keep = sorted(g.nodes, key=lambda n: (-g.degree(n), n))[:selection.limit]
        g = g.subgraph(keep).copy()
    return View(g, total - g.number_of_nodes(), _cards(kg, g))


def to_network(view: View) -> Network:
    """The view as a pyvis network: colour and shape by type, size by degree, edges labelled."""
    net = Network(height="100%", width="100%", directed=False, cdn_resources="in_line")
    for node, d in view.graph.nodes(data=True):
        color, shape, _ = STYLE[d["type"]]
        net.add_node(node, label=d["label"], color=color, shape=shape, value=1 + view.graph.degree(node),
                     kind=d["type"])
    net.edges.extend({"from": a, "to": b, "label": d["label"]} for a, b, d in view.graph.edges(data=True))
    return net


def _vis_assets() -> tuple[str, str]:
    lib = resources.files("pyvis") / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), \
        (lib / "vis-network.css").read_text(encoding="utf-8")


def _script_safe(text: str) -> str:
    """JSON that cannot close its <script> element or open another."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render(net: Network, view: View, title: str = "kg graph") -> str:
    """The whole page as one self-contained HTML string."""
    js, css = _vis_assets()
    for node in net.nodes:
        node.pop("title", None)  # hover cards are built by the page's script, as text
    data = {
        "nodes": net.nodes, "edges": net.edges, "options": OPTIONS, "cards": view.cards,
        "legend": [{"type": t, "label": label, "color": color} for t, (color, _, label) in STYLE.items()],
        "note": f"{len(net.nodes)} nodes, {len(net.edges)} edges"
                + (f"; {view.left_out} less connected nodes left out (--limit)" if view.left_out else ""),
    }
    parts = {
        "__TITLE__": html.escape(title),
        "__VIS_CSS__": css.replace("</", "<\\/"),
        "__DATA__": _script_safe(json.dumps(data, ensure_ascii=False, default=str)),
        "__VIS_JS__": js.replace("</script", "<\\/script"),
    }
    template = (resources.files("kg") / "templates" / "graph.html").read_text(encoding="utf-8")
    return re.sub("|".join(parts), lambda m: parts[m.group()], template)


def write_html(kg, out: str | Path, selection: Selection | None = None) -> Path:
    """Write the page to `out` as UTF-8 and return its path."""
    view = build_view(kg, selection)
    path = Path(out)
    path.write_text(render(to_network(view), view), encoding="utf-8")
    return path
