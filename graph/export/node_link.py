"""``json``: networkx node-link data with the key ``links``, as D3's force layout expects.

``{"directed": true, "multigraph": true, "graph": {...}, "nodes": [{"id", "name", "kind",
"aliases", "description", "dataset"}], "links": [{"source", "target", "key", "type",
"sign", "symmetric", "evidence", "document", "date", "weight", "dataset", "role", "hedged",
"evidence_state", "locator"}]}``. Aliases stay a list and missing values are
``null``; ``graph`` holds the relation types (with their ``role``), the
kinds, the URL documents and the ``evidence_allowed`` setting, so the file is
the whole dataset.
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
        name: {
            "sign": t.sign,
            "symmetric": t.symmetric,
            "description": t.description,
            "role": t.role,
        }
        for name, t in dataset.types.items()
    }
    graph.graph["kinds"] = {
        name: {"description": kind.description} for name, kind in (dataset.kinds or {}).items()
    }
    graph.graph["document_urls"] = dict(dataset.document_urls)
    graph.graph["evidence_allowed"] = list(dataset.evidence_allowed)
    data = nx.node_link_data(graph, edges="links")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
