"""NetworkX views of the graph, each built by one SPARQL query.

(Queries keep OPTIONAL and BIND last: Oxigraph evaluates what follows them on its own.)

Nodes are IRIs with `label` (a readable name) and `type` (`person`, `organisation`,
`post`, `meeting`, `document`); the graphs are plain NetworkX, ready for analysis or
export. Views take `since`/`until` (ISO dates) to keep tenures and meetings in a range,
and `body` to keep what touches one body and the bodies under it.

>>> from kg import KnowledgeGraph
>>> graph = KnowledgeGraph.open("memory")
>>> _ = graph.ingest(["data/articles"])
>>> sorted(d["label"] for _, d in graph.view("co_attendance").nodes(data=True))
['Nguyễn Hồng Sơn', 'Trần Lưu Quang', 'Trần Tuấn Anh']
"""
from __future__ import annotations

import datetime
from pathlib import Path

import networkx as nx

from kg import lookup

MEMBERSHIP = """
SELECT ?person ?name ?org ?orgName ?role ?asOf ?current WHERE {
  ?t a kg:Tenure ; org:member ?person ; org:organization ?org ; kg:roleName ?role ; kg:current ?current .
  ?person schema:name ?name . ?org schema:name ?orgName .
  OPTIONAL { ?t kg:asOf ?asOf }
}"""

CO_ATTENDANCE = """
SELECT ?m ?date ?a ?aName WHERE {
  ?m a kg:Meeting ; schema:attendee ?a . ?a schema:name ?aName .
  OPTIONAL { ?m schema:startDate ?date }
}"""

HIERARCHY = """
SELECT DISTINCT ?child ?childName ?parent ?parentName WHERE {
  ?child org:subOrganizationOf ?parent .
  ?child schema:name ?childName . ?parent schema:name ?parentName .
}"""

MEETING_BODIES = """
SELECT DISTINCT ?m ?label ?date ?org ?orgName WHERE {
  ?m a kg:Meeting ; kg:organisation ?org ; schema:name ?label . ?org schema:name ?orgName .
  OPTIONAL { ?m schema:startDate ?date }
}"""

DOCUMENTS = """
SELECT DISTINCT ?d ?label ?org ?orgName WHERE {
  ?d a kg:Document ; schema:name ?label . OPTIONAL { ?d kg:issuer ?org . ?org schema:name ?orgName }
}"""


def in_range(value, since: str | None, until: str | None, keep_undated: bool = False) -> bool:
    """Whether a date falls in [since, until] (ISO dates, either open).

    Undated values (or day and month only) are kept when no range is asked, or with `keep_undated`.
    """
    if not isinstance(value, datetime.date):
        return keep_undated or (since is None and until is None)
    day = value.isoformat()
    return (since is None or day >= since) and (until is None or day <= until)


def _bodies_under(kg, body: str | None) -> set[str] | None:
    """The IRIs of the named body and every body under it, or None for no filter.

    The name is looked up with or without diacritics; one found nowhere raises `kg.lookup.UnknownName`.
    """
    if body is None:
        return None
    roots = {m.iri for m in lookup.require(kg, body, ("organisation",))}
    tree = hierarchy(kg)
    under = set(roots)
    for root in roots & set(tree):
        under |= nx.ancestors(tree, root)
    return under


def _date(value) -> str | None:
    return value.isoformat() if isinstance(value, datetime.date) else value


def membership(kg, since: str | None = None, until: str | None = None, body: str | None = None) -> nx.MultiGraph:
    """Persons and the bodies they hold posts in; one edge per (role, as-of date), with `current`."""
    return _usual_labels(kg, _membership(kg, since, until, _bodies_under(kg, body)))


def _usual_labels(kg, g: nx.Graph) -> nx.Graph:
    """The graph with each person labelled by the spelling most of its mentions use (`kg.lookup.usual_names`)."""
    persons = [n for n, kind in g.nodes(data="type") if kind == "person"]
    for node, name in lookup.usual_names(kg, persons).items():
        g.nodes[node]["label"] = name
    return g


def _membership(kg, since: str | None, until: str | None, bodies: set[str] | None) -> nx.MultiGraph:
    g = nx.MultiGraph()
    for r in kg.sparql(MEMBERSHIP):
        if not in_range(r["asOf"], since, until) or (bodies is not None and r["org"] not in bodies):
            continue
        g.add_node(r["person"], label=r["name"], type="person")
        g.add_node(r["org"], label=r["orgName"], type="organisation")
        key = (r["role"], _date(r["asOf"]))
        if not g.has_edge(r["person"], r["org"], key):
            g.add_edge(r["person"], r["org"], key=key, role=r["role"], as_of=_date(r["asOf"]), current=r["current"])
    return g


def co_attendance(kg, since: str | None = None, until: str | None = None, body: str | None = None) -> nx.Graph:
    """Persons who attended the same meetings; `weight` is the number of meetings shared."""
    keep = _meetings_of(kg, _bodies_under(kg, body))
    attendees: dict[str, set[str]] = {}
    g = nx.Graph()
    for r in kg.sparql(CO_ATTENDANCE):
        if in_range(r["date"], since, until) and (keep is None or r["m"] in keep):
            attendees.setdefault(r["m"], set()).add(r["a"])
            g.add_node(r["a"], label=r["aName"], type="person")
    for people in attendees.values():
        ordered = sorted(people)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                weight = g.edges[a, b]["weight"] + 1 if g.has_edge(a, b) else 1
                g.add_edge(a, b, weight=weight)
    return _usual_labels(kg, g)


def _meetings_of(kg, bodies: set[str] | None) -> set[str] | None:
    """The meetings in which one of `bodies` took part (None: no filter)."""
    if bodies is None:
        return None
    return {r["m"] for r in kg.sparql(MEETING_BODIES) if r["org"] in bodies}


def hierarchy(kg, since: str | None = None, until: str | None = None, body: str | None = None) -> nx.DiGraph:
    """Bodies, with an edge from each body to the body it is part of (`org:subOrganizationOf`)."""
    g = nx.DiGraph()
    for r in kg.sparql(HIERARCHY):
        g.add_node(r["child"], label=r["childName"], type="organisation")
        g.add_node(r["parent"], label=r["parentName"], type="organisation")
        g.add_edge(r["child"], r["parent"], relation="subOrganizationOf")
    if body is not None:
        keep = _bodies_under(kg, body) or set()
        g = g.subgraph(keep & set(g)).copy()
    return g


def full(kg, since: str | None = None, until: str | None = None, body: str | None = None) -> nx.MultiDiGraph:
    """Everything, typed: persons → bodies (role) and meetings, meetings → bodies, documents → issuers,
    bodies → parents."""
    g = nx.MultiDiGraph()
    bodies = _bodies_under(kg, body)
    members = _membership(kg, since, until, bodies)
    g.add_nodes_from(members.nodes(data=True))
    for a, b, d in members.edges(data=True):
        person, org = (a, b) if members.nodes[a]["type"] == "person" else (b, a)
        g.add_edge(person, org, relation="holds", **d)
    keep = _meetings_of(kg, bodies)
    for r in kg.sparql(CO_ATTENDANCE):
        if in_range(r["date"], since, until) and (keep is None or r["m"] in keep):
            g.add_node(r["a"], label=r["aName"], type="person")
            g.add_node(r["m"], type="meeting", date=_date(r["date"]))
            g.add_edge(r["a"], r["m"], relation="attended")
    for r in kg.sparql(MEETING_BODIES):
        if r["m"] in g:
            g.nodes[r["m"]]["label"] = r["label"]
            g.add_node(r["org"], label=r["orgName"], type="organisation")
            g.add_edge(r["m"], r["org"], relation="took part")
    for n, d in g.nodes(data=True):
        d.setdefault("label", n)
    if body is None:
        for r in kg.sparql(DOCUMENTS):
            g.add_node(r["d"], label=r["label"], type="document")
            if r["org"]:
                g.add_node(r["org"], label=r["orgName"], type="organisation")
                g.add_edge(r["d"], r["org"], relation="issued by")
        for a, b, d in hierarchy(kg).edges(data=True):
            if a in g and b in g:
                g.add_edge(a, b, relation=d["relation"])
    return _usual_labels(kg, g)


VIEWS = {"membership": membership, "co_attendance": co_attendance, "hierarchy": hierarchy, "full": full}
EXPORT_FORMATS = ("graphml", "gexf", "json", "csv")


def build(kg, name: str, **filters) -> nx.Graph:
    try:
        view = VIEWS[name]
    except KeyError:
        raise ValueError(f"no view named {name!r}; choose one of {', '.join(VIEWS)}") from None
    return view(kg, **filters)


def _plain(g: nx.Graph) -> nx.Graph:
    """A copy whose attribute values GraphML and GEXF accept: no None; dates, partial ones
    (`--10-18`) and anything else that is not a plain number or string, as text."""
    clean = g.copy()
    edges = clean.edges(keys=True, data=True) if clean.is_multigraph() else clean.edges(data=True)
    for d in [d for _, d in clean.nodes(data=True)] + [d for *_, d in edges]:
        for k, v in list(d.items()):
            if v is None:
                del d[k]
            elif type(v) not in (str, int, float, bool):
                d[k] = v.isoformat() if isinstance(v, datetime.date) else str(v)
    return clean


def export(g: nx.Graph, path: str | Path, fmt: str) -> Path:
    """Write a view for Gephi (`graphml`, `gexf`), for code (`json`, node-link) or spreadsheets (`csv` edges).

    The file is written beside `path` and renamed into place: a failed export leaves no file behind.
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"no export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    path = Path(path)
    partial = path.with_name(f".{path.name}.partial")
    try:
        _write(g, partial, fmt)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def _write(g: nx.Graph, path: Path, fmt: str) -> None:
    import csv
    import json

    if fmt == "graphml":
        nx.write_graphml(_stringify_keys(_plain(g)), path)
    elif fmt == "gexf":
        nx.write_gexf(_stringify_keys(_plain(g)), path)
    elif fmt == "json":
        path.write_text(json.dumps(nx.node_link_data(g, edges="edges"), ensure_ascii=False, default=str),
                        encoding="utf-8")
    elif fmt == "csv":
        with path.open("w", encoding="utf-8", newline="") as f:
            rows = [(a, b, d) for a, b, d in g.edges(data=True)]
            columns = sorted({k for *_, d in rows for k in d})
            writer = csv.writer(f)
            writer.writerow(["source", "source_label", "target", "target_label", *columns])
            for a, b, d in rows:
                writer.writerow([a, g.nodes[a].get("label"), b, g.nodes[b].get("label"), *(d.get(c) for c in columns)])


def _stringify_keys(g: nx.Graph) -> nx.Graph:
    """GraphML wants edge keys it can write: tuples become text."""
    if not g.is_multigraph():
        return g
    out = g.__class__()
    out.add_nodes_from(g.nodes(data=True))
    for a, b, k, d in g.edges(keys=True, data=True):
        out.add_edge(a, b, key=str(k), **d)
    return out
