"""``json``: networkx node-link data with the key ``links``, as D3's force layout expects.

``{"directed": true, "multigraph": true, "graph": {...}, "nodes": [{"id", "name", "kind",
"aliases", "description", "dataset"}], "links": [{"source", "target", "key", "type",
"sign", "symmetric", "evidence", "document", "date", "weight", "dataset"}]}``.
Aliases stay a list and missing values are ``null``; ``graph`` holds the
relation types and kinds, so the file is the whole dataset.
"""

from __future__ import annotations

import json

import networkx as nx

from ._graph import export_graph

__all__ = ["render"]


def render(dataset, folder=None) -> str:
    """Return the node-link JSON text."""
    graph = export_graph(dataset)
    graph.graph["types"] = {
        name: {"sign": t.sign, "symmetric": t.symmetric, "description": t.description}
        for name, t in dataset.types.items()
    }
    graph.graph["kinds"] = {
        name: {"description": kind.description} for name, kind in (dataset.kinds or {}).items()
    }
    data = nx.node_link_data(graph, edges="links")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
