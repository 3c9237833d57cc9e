"""``graphml``: GraphML for Gephi, yEd and Cytoscape, written by networkx.

Attributes are those of :mod:`graph.export._graph` in its flat form:
aliases ``|``-joined, missing values left out (GraphML's readers then see no
value). Edge ids are ``r0``, ``r1``, ... in relation order.
"""

from __future__ import annotations

import io

import networkx as nx

from ._graph import export_graph

__all__ = ["render"]


def render(dataset, folder=None) -> bytes:
    """Return the GraphML document (UTF-8 bytes)."""
    buffer = io.BytesIO()
    nx.write_graphml(export_graph(dataset, flat=True), buffer, encoding="utf-8")
    return buffer.getvalue()
