"""The mapping tables of the importers: tab-separated data files beside this module.

Each file starts with ``#`` comments saying where it comes from, then a
header row naming its columns; :func:`mapping` returns its rows as dicts.
docs/import.md shows every table.

>>> mapping("cameo")["040"]["type"]
'consult_unspecified'
>>> mapping("plover")["ASSAULT"]["sign"]
'-1'
"""

from __future__ import annotations

import functools
from pathlib import Path

__all__ = ["FOLDER", "mapping", "mapping_rows", "sign_of_score"]

FOLDER = Path(__file__).parent


@functools.cache
def mapping_rows(name: str) -> tuple[dict[str, str], ...]:
    """Return the rows of ``name.tsv`` in file order, each a dict by column name."""
    lines = [
        line
        for line in (FOLDER / f"{name}.tsv").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=True)))
    return tuple(rows)


@functools.cache
def mapping(name: str) -> dict[str, dict[str, str]]:
    """Return the rows of ``name.tsv`` by their first column (the first row of a key wins)."""
    rows: dict[str, dict[str, str]] = {}
    for row in mapping_rows(name):
        rows.setdefault(next(iter(row.values())), row)
    return rows


def sign_of_score(score: float) -> int:
    """Return the sign a conflict-cooperation score gives: >= +1 -> 1, <= -1 -> -1, else 0.

    >>> sign_of_score(3.4), sign_of_score(-0.4), sign_of_score(-1.0)
    (1, 0, -1)
    """
    if score >= 1:
        return 1
    if score <= -1:
        return -1
    return 0
