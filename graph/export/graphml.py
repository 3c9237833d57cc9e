"""``graphml``: GraphML for Gephi, yEd and Cytoscape, written by networkx.

Attributes are those of :mod:`graph.export._graph` in its flat form:
aliases ``|``-joined, missing values left out (GraphML's readers then see no
value). Edge ids are ``r0``, ``r1``, ... in relation order.

A carriage return is written ``&#13;``: XML parsers turn a raw one (and a
CRLF pair) into a line feed, so a quote's CRLF line breaks would not come
back. networkx writes text as it is and attributes escaped, so a raw
carriage return in its output can only be in text.
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
    return buffer.getvalue().replace(b"\r", b"&#13;")
