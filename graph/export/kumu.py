"""``kumu``: ``elements.csv`` and ``connections.csv`` for Kumu's spreadsheet import.

Kumu's import matches on ``ID`` when a sheet's first column is ``ID``, and
then reads a connection's ``From`` and ``To`` as element IDs; a connection
without an ID is created again on every import. So elements have ``ID``
first (the actor id), then ``Label`` (the name), ``Type`` (the kind),
``Description``, ``Tags`` (the aliases, ``|``-separated as Kumu expects)
and ``Dataset``; connections have ``ID`` first (``r0``, ``r1``, ... in
relation order, as in the other formats), ``From`` and ``To`` (element IDs),
``Type`` (the relation type), ``Direction`` (``directed``, or ``mutual`` for
a symmetric relation), ``Description`` (the evidence quote), ``Strength``
(the weight), ``Sign``, ``Document``, ``Date`` and ``Dataset``
(:data:`ELEMENT_COLUMNS`, :data:`CONNECTION_COLUMNS`, whatever the data
holds). Cells follow the table layout's CSV rules (see :mod:`graph.tables`),
formula guard included.
"""

from __future__ import annotations

from ..model import SIGN_NAMES
from ..tables import dataset_tables
from ._csv import csv_text

__all__ = ["CONNECTION_COLUMNS", "ELEMENT_COLUMNS", "render"]

ELEMENT_COLUMNS = [
    ("ID", "text"),
    ("Label", "text"),
    ("Type", "text"),
    ("Description", "text"),
    ("Tags", "list"),
    ("Dataset", "text"),
]
CONNECTION_COLUMNS = [
    ("ID", "text"),
    ("From", "text"),
    ("To", "text"),
    ("Type", "text"),
    ("Direction", "text"),
    ("Description", "text"),
    ("Strength", "float"),
    ("Sign", "text"),
    ("Document", "text"),
    ("Date", "text"),
    ("Dataset", "text"),
    ("Role", "text"),
    ("Hedged", "bool"),
    ("Evidence State", "text"),
    ("Locator", "text"),
]


def render(dataset, folder=None) -> dict[str, str]:
    """Return ``{"elements.csv": text, "connections.csv": text}``."""
    tables = dataset_tables(dataset)
    elements = [
        {
            "Label": row["name"],
            "Type": row["kind"],
            "Description": row["description"],
            "Tags": row["aliases"],
            "ID": row["id"],
            "Dataset": row["dataset"],
        }
        for row in tables["actors"]
    ]
    connections = [
        {
            "ID": f"r{position}",
            "From": row["src"],
            "To": row["dst"],
            "Type": row["type"],
            "Direction": "mutual" if row["symmetric"] else "directed",
            "Description": row["evidence"],
            "Strength": row["weight"],
            "Sign": SIGN_NAMES[row["sign"]],
            "Document": row["document"],
            "Date": row["date"],
            "Dataset": row["dataset"],
            "Role": row["role"],
            "Hedged": row["hedged"],
            "Evidence State": row["evidence_state"],
            "Locator": row["locator"],
        }
        for position, row in enumerate(tables["relations"])
    ]
    return {
        "elements.csv": csv_text(ELEMENT_COLUMNS, elements),
        "connections.csv": csv_text(CONNECTION_COLUMNS, connections),
    }
