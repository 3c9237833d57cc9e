"""``graphml``: GraphML for Gephi, yEd and Cytoscape, written by networkx.

Attributes are those of :mod:`graph.export._graph` in its flat form:
aliases ``|``-joined, missing values left out (GraphML's readers then see no
value). Every key is declared, in a fixed order with fixed ids, whether the
data uses it or not (``date`` when nothing is dated), so the schema never
shifts with the data. Edge ids are ``r0``, ``r1``, ... in relation order.

A carriage return is written ``&#13;``: XML parsers turn a raw one (and a
CRLF pair) into a line feed, so a quote's CRLF line breaks would not come
back. The writer is networkx's ElementTree one (whether lxml is installed or
not), which writes text as it is and attributes escaped, so a raw carriage
return in its output can only be in text.
"""

from __future__ import annotations

import io

from ._graph import EDGE_ATTRIBUTES, NODE_ATTRIBUTES, export_graph

__all__ = ["render"]


def render(dataset, folder=None) -> bytes:
    """Return the GraphML document (UTF-8 bytes)."""
    from networkx.readwrite.graphml import GraphMLWriter

    writer = GraphMLWriter(encoding="utf-8", prettyprint=True)
    for scope, attributes in (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)):
        for name, xml_type in attributes:
            writer.get_key(name, xml_type, scope, None)
    writer.add_graph_element(export_graph(dataset, flat=True))
    buffer = io.BytesIO()
    writer.dump(buffer)
    return buffer.getvalue().replace(b"\r", b"&#13;")
