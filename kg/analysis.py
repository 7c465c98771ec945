"""Network measures over the views: who is central, how the graph falls apart."""
from __future__ import annotations

import networkx as nx

BETWEENNESS_SAMPLE = 300  # pivots for approximate betweenness on large graphs


def centrality(g: nx.Graph, top: int = 10) -> tuple[list[dict], dict[str, int]]:
    """The `top` persons and `top` bodies by degree (with betweenness), and component counts."""
    simple = nx.Graph(g)
    k = min(BETWEENNESS_SAMPLE, simple.number_of_nodes()) or None
    between = nx.betweenness_centrality(simple, k=k, seed=0) if simple.number_of_nodes() else {}
    rows = []
    for kind in ("person", "organisation"):
        nodes = [n for n, d in simple.nodes(data=True) if d.get("type") == kind]
        for n in sorted(nodes, key=lambda n: (-simple.degree(n), n))[:top]:
            rows.append({"type": kind, "name": simple.nodes[n]["label"], "degree": simple.degree(n),
                         "betweenness": f"{between.get(n, 0.0):.4f}"})
    sizes = sorted((len(c) for c in nx.connected_components(simple)), reverse=True)
    return rows, {"components": len(sizes), "largest component": sizes[0] if sizes else 0}
