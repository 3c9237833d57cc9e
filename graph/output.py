"""Render one result as an aligned table, JSON or CSV.

A command builds a :class:`Result`: the JSON payload (the stable contract)
plus the tables a person reads. Renderers are a registry keyed by format
name, so adding a format is adding one function.

>>> result = Result({"n": 1}, [Table(["id", "score"], [{"id": "uk", "score": 0.5}])])
>>> print(render(result, "table"), end="")
id  score
--  -----
uk  0.5
>>> print(render(result, "csv"), end="")
id,score
uk,0.5
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["RENDERERS", "Fields", "Result", "Table", "render"]

ELLIPSIS = "…"
GAP = "  "


@dataclass
class Table:
    """Rows of a result: ``columns`` are keys into each row, shown under ``headers``.

    ``wrap`` names the column that takes the width left over and wraps its
    text (an evidence quote, say); other columns too wide are cut with an ellipsis.
    """

    columns: list[str]
    rows: list[dict]
    headers: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    wrap: str | None = None


@dataclass
class Fields:
    """A block of ``label: value`` lines (an actor's card, a summary)."""

    items: list[tuple[str, object]]
    title: str | None = None


@dataclass
class Result:
    """What a command answers: the JSON payload and the blocks a table shows."""

    data: dict
    blocks: list[Table | Fields]

    @property
    def main_table(self) -> Table | None:
        """Return the table that CSV output writes (the last one)."""
        tables = [block for block in self.blocks if isinstance(block, Table)]
        return tables[-1] if tables else None


def render(result: Result, format: str, width: int = 80) -> str:
    """Return ``result`` rendered in ``format`` ('table', 'json' or 'csv')."""
    return RENDERERS[format](result, width)


def render_json(result: Result, width: int = 80) -> str:
    return json.dumps(result.data, ensure_ascii=False, indent=2) + "\n"


def render_csv(result: Result, width: int = 80) -> str:
    table = result.main_table
    buffer = io.StringIO()
    if table is None:
        return ""
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([_plain(row.get(column)) for column in table.columns])
    return buffer.getvalue()


def render_table(result: Result, width: int = 80) -> str:
    parts = []
    for block in result.blocks:
        lines = (
            _fields_lines(block, width) if isinstance(block, Fields) else _table_lines(block, width)
        )
        if block.title:
            lines = [block.title, *lines]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n" if parts else ""


RENDERERS: dict[str, Callable[[Result, int], str]] = {
    "table": render_table,
    "json": render_json,
    "csv": render_csv,
}


def _plain(value) -> str:
    """Return a cell's text: lists joined, floats short, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(_plain(item) for item in value)
    return " ".join(str(value).split())


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + ELLIPSIS


def _fields_lines(block: Fields, width: int) -> list[str]:
    label_width = max((len(label) for label, _ in block.items), default=0) + 1
    lines = []
    for label, value in block.items:
        text = _plain(value)
        room = max(width - label_width - 1, 20)
        wrapped = textwrap.wrap(text, room) or [""]
        lines.append(f"{label + ':':<{label_width}} {wrapped[0]}")
        lines += [" " * (label_width + 1) + more for more in wrapped[1:]]
    return lines


def _table_lines(table: Table, width: int) -> list[str]:
    headers = [table.headers.get(column, column) for column in table.columns]
    cells = [[_plain(row.get(column)) for column in table.columns] for row in table.rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    wrap_at = table.columns.index(table.wrap) if table.wrap in table.columns else None
    total = sum(widths) + len(GAP) * (len(widths) - 1)
    if total > width:
        widths = _fit(widths, headers, width, wrap_at)
    lines = [_join_row(headers, widths), _join_row(["-" * w for w in widths], widths)]
    for row in cells:
        if wrap_at is None:
            lines.append(_join_row([_cut(c, w) for c, w in zip(row, widths)], widths))
            continue
        wrapped = textwrap.wrap(row[wrap_at], widths[wrap_at]) or [""]
        first = [_cut(c, w) for c, w in zip(row, widths)]
        first[wrap_at] = wrapped[0]
        lines.append(_join_row(first, widths))
        for more in wrapped[1:]:
            blank = [""] * len(row)
            blank[wrap_at] = more
            lines.append(_join_row(blank, widths))
    return lines


def _fit(widths: list[int], headers: list[str], width: int, wrap_at: int | None) -> list[int]:
    """Shrink columns to fit ``width``: the wrapping column first, then the widest."""
    widths = list(widths)
    room = width - len(GAP) * (len(widths) - 1)
    floor = [max(len(h), 4) for h in headers]
    if wrap_at is not None:
        others = sum(w for i, w in enumerate(widths) if i != wrap_at)
        widths[wrap_at] = max(room - others, 24)
    while sum(widths) > room:
        widest = max(
            (i for i in range(len(widths)) if widths[i] > floor[i] and i != wrap_at),
            key=lambda i: widths[i],
            default=None,
        )
        if widest is None:
            break
        widths[widest] -= 1
    return widths


def _join_row(cells: list[str], widths: list[int]) -> str:
    return GAP.join(f"{cell:<{w}}" for cell, w in zip(cells, widths)).rstrip()
