"""NetworkX views of the graph, each built by one SPARQL query.

Nodes are IRIs with `label` (a readable name) and `type` (`person`, `organisation`);
the graphs are plain NetworkX, ready for analysis or export.
"""
from __future__ import annotations

import networkx as nx

MEMBERSHIP = """
SELECT ?person ?name ?org ?orgName ?role ?asOf ?current WHERE {
  ?t a kg:Tenure ; org:member ?person ; org:organization ?org ; kg:roleName ?role ; kg:current ?current .
  OPTIONAL { ?t kg:asOf ?asOf }
  ?person schema:name ?name . ?org schema:name ?orgName .
}"""

CO_ATTENDANCE = """
SELECT ?a ?aName ?b ?bName (COUNT(DISTINCT ?m) AS ?meetings) WHERE {
  ?m a kg:Meeting ; schema:attendee ?a, ?b .
  FILTER(STR(?a) < STR(?b))
  ?a schema:name ?aName . ?b schema:name ?bName .
} GROUP BY ?a ?aName ?b ?bName"""

HIERARCHY = """
SELECT ?child ?childName ?parent ?parentName WHERE {
  ?child org:subOrganizationOf ?parent .
  ?child schema:name ?childName . ?parent schema:name ?parentName .
}"""


def membership(kg) -> nx.MultiGraph:
    """Persons and the bodies they hold posts in; one edge per (role, as-of date), with `current`."""
    g = nx.MultiGraph()
    for r in kg.sparql(MEMBERSHIP):
        g.add_node(r["person"], label=r["name"], type="person")
        g.add_node(r["org"], label=r["orgName"], type="organisation")
        as_of = r["asOf"].isoformat() if hasattr(r["asOf"], "isoformat") else r["asOf"]
        key = (r["role"], as_of)
        if not g.has_edge(r["person"], r["org"], key):
            g.add_edge(r["person"], r["org"], key=key, role=r["role"], as_of=as_of, current=r["current"])
    return g


def co_attendance(kg) -> nx.Graph:
    """Persons who attended the same meetings; `weight` is the number of meetings shared."""
    g = nx.Graph()
    for r in kg.sparql(CO_ATTENDANCE):
        g.add_node(r["a"], label=r["aName"], type="person")
        g.add_node(r["b"], label=r["bName"], type="person")
        g.add_edge(r["a"], r["b"], weight=int(r["meetings"]))
    return g


def hierarchy(kg) -> nx.DiGraph:
    """Bodies, with an edge from each body to the body it is part of (`org:subOrganizationOf`)."""
    g = nx.DiGraph()
    for r in kg.sparql(HIERARCHY):
        g.add_node(r["child"], label=r["childName"], type="organisation")
        g.add_node(r["parent"], label=r["parentName"], type="organisation")
        g.add_edge(r["child"], r["parent"], relation="subOrganizationOf")
    return g


VIEWS = {"membership": membership, "co_attendance": co_attendance, "hierarchy": hierarchy}


def build(kg, name: str) -> nx.Graph:
    try:
        return VIEWS[name](kg)
    except KeyError:
        raise ValueError(f"no view named {name!r}; choose one of {', '.join(VIEWS)}") from None
