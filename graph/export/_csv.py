"""CSV text shared by the CSV writers: one header row, cells as the table layout writes them."""

from __future__ import annotations

import csv
import io

from ..tables import csv_cell

__all__ = ["csv_text"]


def csv_text(columns: list[tuple[str, str]], rows: list[dict]) -> str:
    """Return a CSV file: ``columns`` are ``(name, type)`` pairs, each row a dict by name.

    Cells follow :func:`graph.tables.csv_cell` (lists ``|``-joined, text that
    a spreadsheet would run as a formula guarded by ``'``); lines end in ``\\n``.

    >>> print(csv_text([("id", "text"), ("weight", "float")], [{"id": "=x", "weight": 2}]), end="")
    id,weight
    '=x,2.0
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([name for name, _ in columns])
    for row in rows:
        writer.writerow([csv_cell(row.get(name), kind) for name, kind in columns])
    return buffer.getvalue()
