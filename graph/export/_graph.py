"""The graph the graph-file writers (GraphML, GEXF, node-link JSON) hand to networkx.

One node per actor, keyed by id; one arc per relation, keyed ``r0``, ``r1``,
... in file order (a symmetric relation is one arc, with ``symmetric`` true,
not two). Attributes are every field of the dataset:

* nodes: ``name``, ``kind``, ``aliases``, ``description``, ``dataset``;
* arcs: ``type``, ``sign``, ``symmetric``, ``evidence``, ``document``,
  ``date``, ``weight``, ``dataset``, ``role`` (the type's), ``hedged``,
  ``evidence_state``, ``locator``.

``flat=True`` gives what XML formats can hold: aliases ``|``-joined (see
:func:`graph.tables.join_list`) and missing values left out, since
networkx's GraphML and GEXF writers refuse lists and ``None``.
"""

from __future__ import annotations

import networkx as nx

from ..tables import dataset_tables, join_list

__all__ = ["EDGE_ATTRIBUTES", "NODE_ATTRIBUTES", "export_graph"]

# Every attribute with its XML type (GraphML's and GEXF's names), in a fixed order: the
# XML writers declare each, whether the data uses it or not, so the schema never shifts.
NODE_ATTRIBUTES = [
    ("name", "string"),
    ("kind", "string"),
    ("aliases", "string"),
    ("description", "string"),
    ("dataset", "string"),
]
EDGE_ATTRIBUTES = [
    ("type", "string"),
    ("sign", "long"),
    ("symmetric", "boolean"),
    ("evidence", "string"),
    ("document", "string"),
    ("date", "string"),
    ("weight", "double"),
    ("dataset", "string"),
    ("role", "string"),
    ("hedged", "boolean"),
    ("evidence_state", "string"),
    ("locator", "string"),
]


def export_graph(dataset, flat: bool = False) -> nx.MultiDiGraph:
    """Return the dataset as a ``MultiDiGraph`` with every attribute (see the module doc)."""
    tables = dataset_tables(dataset)
    graph = nx.MultiDiGraph()
    for row in tables["actors"]:
        attributes = {key: value for key, value in row.items() if key != "id"}
        graph.add_node(row["id"], **_flatten(attributes) if flat else attributes)
    for position, row in enumerate(tables["relations"]):
        attributes = {key: value for key, value in row.items() if key not in ("src", "dst")}
        graph.add_edge(
            row["src"],
            row["dst"],
            key=f"r{position}",
            **_flatten(attributes) if flat else attributes,
        )
    return graph


def _flatten(attributes: dict) -> dict:
    flat = {}
    for key, value in attributes.items():
        if isinstance(value, list):
            value = join_list(value)
        if value is not None and value != "":
            flat[key] = value
    return flat
