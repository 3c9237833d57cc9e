"""``gexf``: GEXF 1.2 for Gephi, written by networkx.

Attributes are those of :mod:`graph.export._graph` in its flat form, with two
of GEXF's own fields used as Gephi expects: an actor's name is its node
``label``, a relation's type its edge ``label`` (GEXF keeps ``type`` for an
edge's direction, so the relation type is not also written under that name).
Relations are directed arcs; a symmetric one says so in ``symmetric``.
The file carries no modification date, so the same dataset gives the same bytes.
"""

from __future__ import annotations

import io

import networkx as nx

from ._graph import export_graph

__all__ = ["render"]


def render(dataset, folder=None) -> bytes:
    """Return the GEXF document (UTF-8 bytes)."""
    from networkx.readwrite.gexf import GEXFWriter

    graph = export_graph(dataset, flat=True)
    labelled = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        attributes = dict(data)
        labelled.add_node(node, label=attributes.pop("name"), **attributes)
    for source, target, key, data in graph.edges(keys=True, data=True):
        attributes = dict(data)
        # The edge id is the relation's key too, so ids follow the relations' order.
        labelled.add_edge(
            source, target, key=key, id=key, label=attributes.pop("type"), **attributes
        )
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(labelled)
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
