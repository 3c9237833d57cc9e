"""``gexf``: GEXF 1.2 for Gephi, written by networkx.

Attributes are those of :mod:`graph.export._graph` in its flat form, with three
of GEXF's own fields used as Gephi expects: an actor's name is its node
``label``, a relation's type its edge ``label`` (GEXF keeps ``type`` for an
edge's direction, so the relation type is not also written under that name)
and its weight the edge's ``weight``. Every other attribute is declared, in a
fixed order with fixed ids (:data:`NODE_ATTRIBUTES`, :data:`EDGE_ATTRIBUTES`),
whether the data uses it or not, and no other is written (networkx's own
``networkx_key`` is left out: the edge id already is the relation's key).
Relations are directed arcs; a symmetric one says so in ``symmetric``.
The file carries no modification date, so the same dataset gives the same bytes.
"""

from __future__ import annotations

import io

import networkx as nx

from . import _graph
from ._graph import export_graph

__all__ = ["EDGE_ATTRIBUTES", "NODE_ATTRIBUTES", "render"]

# The attributes declared, with their ids: what GEXF's own fields do not hold.
NODE_ATTRIBUTES = [(name, kind) for name, kind in _graph.NODE_ATTRIBUTES if name != "name"]
EDGE_ATTRIBUTES = [
    (name, kind) for name, kind in _graph.EDGE_ATTRIBUTES if name not in ("type", "weight")
]


def render(dataset, folder=None) -> bytes:
    """Return the GEXF document (UTF-8 bytes)."""
    from xml.etree.ElementTree import Element

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
    graph_element = writer.graph_element
    # networkx numbers attributes as it meets them: renumber them to the fixed list.
    new_ids = {}
    for element in graph_element.findall("attributes"):
        for attribute in element.findall("attribute"):
            new_ids[attribute.get("id")] = (element.get("class"), attribute.get("title"))
        graph_element.remove(element)
    fixed = {}
    for position, (kind, attributes) in enumerate(
        (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES))
    ):
        declaration = Element("attributes", {"class": kind, "mode": "static"})
        for title, xml_type in attributes:
            fixed[(kind, title)] = str(len(fixed))
            declaration.append(
                Element("attribute", {"id": fixed[(kind, title)], "title": title, "type": xml_type})
            )
        graph_element.insert(position, declaration)
    for values in graph_element.iter("attvalues"):
        for value in list(values):
            target = fixed.get(new_ids[value.get("for")])
            if target is None:  # networkx_key
                values.remove(value)
            else:
                value.set("for", target)
    for parent in graph_element.iter():
        for values in parent.findall("attvalues"):
            if len(values) == 0:
                parent.remove(values)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
