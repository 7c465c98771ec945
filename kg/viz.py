"""The interactive HTML page: a pyvis network written through our own offline template.

pyvis builds the nodes, edges and options; the page inlines vis-network (shipped
inside pyvis) so it works from `file://` with no network. Names are passed as JSON
data, never as markup.
"""
from __future__ import annotations

import html
import json
import re
from importlib import resources
from pathlib import Path

from pyvis.network import Network

STYLE = {  # type → (colour, shape, legend label)
    "person": ("#e4572e", "dot", "Person / Cá nhân"),
    "organisation": ("#9ecae1", "box", "Organisation / Cơ quan"),
    "meeting": ("#f3a712", "diamond", "Meeting / Sự kiện"),
    "document": ("#7a6fbe", "triangle", "Document / Văn bản"),
}

NODES = """
SELECT ?node ?type ?label WHERE {
  { ?node a kg:Person . BIND("person" AS ?type) } UNION { ?node a kg:Organisation . BIND("organisation" AS ?type) }
  UNION { ?node a kg:Meeting . BIND("meeting" AS ?type) } UNION { ?node a kg:Document . BIND("document" AS ?type) }
  ?node schema:name ?label .
}"""

EDGES = """
SELECT DISTINCT ?a ?b ?label WHERE {
  { ?t a kg:Tenure ; org:member ?a ; org:organization ?b ; kg:roleName ?label ; kg:current true }
  UNION { ?b schema:attendee ?a . BIND("attended" AS ?label) }
  UNION { ?b kg:organisation ?a . BIND("took part" AS ?label) }
  UNION { ?a kg:issuer ?b . BIND("issued by" AS ?label) }
  UNION { ?a org:subOrganizationOf ?b . BIND("part of" AS ?label) }
}"""

OPTIONS = {
    "layout": {"improvedLayout": False},
    "edges": {"smooth": False, "font": {"size": 10, "align": "middle"}, "color": {"color": "#999"}},
    "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 150}},
    "interaction": {"hover": True, "navigationButtons": False},
}


def _vis_assets() -> tuple[str, str]:
    lib = resources.files("pyvis") / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), \
        (lib / "vis-network.css").read_text(encoding="utf-8")


def _script_safe(text: str) -> str:
    """JSON or script text that cannot close its <script> element."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def build_network(kg, limit: int = 1500) -> tuple[Network, int]:
    """A pyvis network of the graph's most connected nodes; also how many nodes were left out."""
    labels, types = {}, {}
    for r in kg.sparql(NODES):
        labels.setdefault(r["node"], r["label"])
        types.setdefault(r["node"], r["type"])
    edges = [(r["a"], r["b"], r["label"]) for r in kg.sparql(EDGES) if r["a"] in labels and r["b"] in labels]
    degree: dict[str, int] = {}
    for a, b, _ in edges:
        degree[a] = degree.get(a, 0) + 1
        degree[b] = degree.get(b, 0) + 1
    kept = set(sorted(labels, key=lambda n: -degree.get(n, 0))[:limit])
    net = Network(height="100%", width="100%", directed=False, cdn_resources="in_line")
    for node in sorted(kept):
        color, shape, _ = STYLE[types[node]]
        net.add_node(node, label=labels[node], title=f"{labels[node]} ({types[node]})", color=color, shape=shape,
                     value=1 + degree.get(node, 0))
    net.edges.extend({"from": a, "to": b, "label": label, "title": label}
                     for a, b, label in edges if a in kept and b in kept)
    return net, len(labels) - len(kept)


def render(net: Network, left_out: int, title: str = "kg graph") -> str:
    """The whole page as one self-contained HTML string."""
    js, css = _vis_assets()
    data = {
        "nodes": net.nodes, "edges": net.edges, "options": OPTIONS,
        "legend": [{"label": label, "color": color} for color, _, label in STYLE.values()],
        "note": f"{len(net.nodes)} nodes, {len(net.edges)} edges"
                + (f"; {left_out} less connected nodes left out" if left_out else ""),
    }
    parts = {
        "__TITLE__": html.escape(title),
        "__VIS_CSS__": css.replace("</", "<\\/"),
        "__DATA__": _script_safe(json.dumps(data, ensure_ascii=False)),
        "__VIS_JS__": js.replace("</script", "<\\/script"),
    }
    template = (resources.files("kg") / "templates" / "graph.html").read_text(encoding="utf-8")
    return re.sub("|".join(parts), lambda m: parts[m.group()], template)


def write_html(kg, out: str | Path, limit: int = 1500) -> Path:
    """Write the page to `out` as UTF-8 and return its path."""
    net, left_out = build_network(kg, limit)
    path = Path(out)
    path.write_text(render(net, left_out), encoding="utf-8")
    return path
