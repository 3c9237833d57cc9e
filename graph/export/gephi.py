"""``gephi``: ``nodes.csv`` and ``edges.csv`` for Gephi's spreadsheet import.

Gephi reads ``Id`` and ``Label`` for nodes, ``Source``, ``Target``, ``Type``
(``Directed``, or ``Undirected`` for a symmetric relation), ``Id``,
``Label`` (the relation type), ``Kind`` (the relation type again: Gephi
keeps parallel edges of different kinds apart instead of merging them) and
``Weight`` for edges; every other column becomes a node or edge attribute.
The columns are :data:`NODE_COLUMNS` and :data:`EDGE_COLUMNS`, whatever the
data holds. Import both files in Gephi's "Import
spreadsheet" as a nodes table and an edges table. Cells follow the table
layout's CSV rules (see :mod:`graph.tables`), formula guard included.
"""

from __future__ import annotations

from ..tables import dataset_tables
from ._csv import csv_text

__all__ = ["EDGE_COLUMNS", "NODE_COLUMNS", "render"]

NODE_COLUMNS = [
    ("Id", "text"),
    ("Label", "text"),
    ("kind", "text"),
    ("aliases", "list"),
    ("description", "text"),
    ("dataset", "text"),
]
EDGE_COLUMNS = [
    ("Source", "text"),
    ("Target", "text"),
    ("Type", "text"),
    ("Id", "text"),
    ("Label", "text"),
    ("Kind", "text"),
    ("Weight", "float"),
    ("sign", "int"),
    ("evidence", "text"),
    ("document", "text"),
    ("date", "text"),
    ("dataset", "text"),
    ("role", "text"),
    ("hedged", "bool"),
    ("evidence_state", "text"),
    ("locator", "text"),
]


def render(dataset, folder=None) -> dict[str, str]:
    """Return ``{"nodes.csv": text, "edges.csv": text}``."""
    tables = dataset_tables(dataset)
    nodes = [{"Id": row["id"], "Label": row["name"], **row} for row in tables["actors"]]
    edges = [
        {
            **row,
            "Source": row["src"],
            "Target": row["dst"],
            "Type": "Undirected" if row["symmetric"] else "Directed",
            "Id": f"r{position}",
            "Label": row["type"],
            "Kind": row["type"],
            "Weight": row["weight"],
        }
        for position, row in enumerate(tables["relations"])
    ]
    return {"nodes.csv": csv_text(NODE_COLUMNS, nodes), "edges.csv": csv_text(EDGE_COLUMNS, edges)}
