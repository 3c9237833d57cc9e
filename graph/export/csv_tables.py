"""``csv``: the dataset as the six tables of :mod:`graph.tables`, one CSV file each."""

from __future__ import annotations

from ..tables import TABLES, dataset_tables, document_copies
from ._csv import csv_text

__all__ = ["render"]


def render(dataset, folder=None) -> dict[str, str]:
    """Return ``{"actors.csv": text, ...}``, the six tables in the layout's column order.

    The documents come along, as ``documents/NAME`` (see :func:`graph.tables.document_copies`).
    """
    copied, files = document_copies(dataset)
    tables = dataset_tables(dataset, folder, copied)
    for name, spec in TABLES.items():
        files[f"{name}.csv"] = csv_text([(c.name, c.type) for c in spec.columns], tables[name])
    return files
