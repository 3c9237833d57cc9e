"""``kumu``: ``elements.csv`` and ``connections.csv`` for Kumu's spreadsheet import.

Elements have ``Label`` (the actor's name), ``Type`` (its kind),
``Description``, ``Tags`` (the aliases, ``|``-separated as Kumu expects)
and the fields ``ID`` and ``Dataset``. Connections name their elements by
label in ``From`` and ``To`` (names are unique in a dataset), and carry
``Type`` (the relation type), ``Direction`` (``directed``, or ``mutual`` for a
symmetric relation), ``Description`` (the evidence quote), ``Strength``
(the weight), ``Sign``, ``Document``, ``Date`` and ``Dataset``. Cells follow
the table layout's CSV rules (see :mod:`graph.tables`), formula guard included.
"""

from __future__ import annotations

from ..model import SIGN_NAMES
from ..tables import dataset_tables
from ._csv import csv_text

__all__ = ["render"]

ELEMENT_COLUMNS = [
    ("Label", "text"),
    ("Type", "text"),
    ("Description", "text"),
    ("Tags", "list"),
    ("ID", "text"),
    ("Dataset", "text"),
]
CONNECTION_COLUMNS = [
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
]


def render(dataset, folder=None) -> dict[str, str]:
    """Return ``{"elements.csv": text, "connections.csv": text}``."""
    tables = dataset_tables(dataset)
    names = {row["id"]: row["name"] for row in tables["actors"]}
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
            "From": names[row["src"]],
            "To": names[row["dst"]],
            "Type": row["type"],
            "Direction": "mutual" if row["symmetric"] else "directed",
            "Description": row["evidence"],
            "Strength": row["weight"],
            "Sign": SIGN_NAMES[row["sign"]],
            "Document": row["document"],
            "Date": row["date"],
            "Dataset": row["dataset"],
        }
        for row in tables["relations"]
    ]
    return {
        "elements.csv": csv_text(ELEMENT_COLUMNS, elements),
        "connections.csv": csv_text(CONNECTION_COLUMNS, connections),
    }
