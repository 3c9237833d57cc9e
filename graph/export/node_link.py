"""``json``: networkx node-link data with the key ``links``, as D3's force layout expects.

``{"directed": true, "multigraph": true, "graph": {...}, "nodes": [{"id", "name", "kind",
"aliases", "description", "dataset"}], "links": [{"source", "target", "key", "type",
"sign", "symmetric", "evidence", "document", "date", "weight", "dataset", "role", "hedged",
"evidence_state", "locator"}]}``. Aliases stay a list and missing values are
``null``; ``graph`` holds the relation types (with their ``role``), the
kinds, the URL documents and the ``evidence_allowed`` setting, so the file is
the whole dataset. A merged graph's nodes, types and kinds also hold
``descriptions``, ``{dataset label: text}`` (every dataset's; ``description``
joins them, see :func:`graph.model.every_description`).
"""

from __future__ import annotations

import json

import networkx as nx

from ..model import every_description
from ._graph import export_graph

__all__ = ["render"]


def render(dataset, folder=None) -> str:
    """Return the node-link JSON text."""
    graph = export_graph(dataset)
    merged = bool(dataset.sources)
    graph.graph["types"] = {
        name: {
            "sign": t.sign,
            "symmetric": t.symmetric,
            "description": every_description(t),
            "role": t.role,
            **_per_dataset(t, merged),
        }
        for name, t in dataset.types.items()
    }
    graph.graph["kinds"] = {
        name: {"description": every_description(kind), **_per_dataset(kind, merged)}
        for name, kind in (dataset.kinds or {}).items()
    }
    graph.graph["document_urls"] = dict(dataset.document_urls)
    graph.graph["evidence_allowed"] = list(dataset.evidence_allowed)
    if merged:
        for actor in dataset.actors.values():
            graph.nodes[actor.id].update(_per_dataset(actor, merged))
    data = nx.node_link_data(graph, edges="links")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _per_dataset(item, merged: bool) -> dict:
    """Return ``{"descriptions": {label: text}}`` in a merged graph, else nothing."""
    return {"descriptions": dict(item.descriptions)} if merged else {}
