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
import itertools
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from .cells import spreadsheet_safe
from .display import encodable

__all__ = ["RENDERERS", "Fields", "Result", "Table", "display_width", "indented_json", "render"]

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


def render(result: Result, output_format: str, width: int = 80) -> str:
    """Return ``result`` rendered in ``output_format`` ('table', 'json' or 'csv')."""
    return encodable(RENDERERS[output_format](result, width))


def render_json(result: Result, width: int = 80) -> str:
    return indented_json(result.data) + "\n"


def indented_json(data) -> str:
    """Return ``json.dumps(data, ensure_ascii=False, indent=2)``, long flat lists in C.

    With ``indent``, the standard library encodes in Python, a few
    microseconds a value: 20,000 rows of a ranking take a tenth of a second.
    Each long list (or dict) of plain values, or of flat dicts (the rows of
    a result), is encoded by the C encoder with separators that lay it out
    as ``indent=2`` would, then put in place of a marker: the same text.

    >>> data = {"rows": [{"id": "a", "n": 1}] * 300, "ids": ["x"] * 300, "k": {"v": None}}
    >>> indented_json(data) == json.dumps(data, ensure_ascii=False, indent=2)
    True
    """
    bodies: list[str] = []
    swapped = _swap_long(data, 0, bodies) if type(data) is dict else data
    text = json.dumps(swapped, ensure_ascii=False, indent=2)
    if not bodies:
        return text
    # Each marker must stand exactly once in the text (a value of the data could spell one).
    markers = [json.dumps(_MARKER + str(number)) for number in range(len(bodies))]
    places = [text.find(marker) for marker in markers]
    if any(text.count(marker) != 1 for marker in markers):
        return json.dumps(data, ensure_ascii=False, indent=2)
    pieces, start = [], 0
    for place, marker, body in sorted(zip(places, markers, bodies)):
        pieces += [text[start:place], body]
        start = place + len(marker)
    pieces.append(text[start:])
    return "".join(pieces)


# A list or dict this long or longer is encoded by the C encoder (see indented_json).
_LONG = 64
_MARKER = "\0graph-json-"
_PLAIN_TYPES = {str, int, float, bool, type(None)}


def _swap_long(data: dict, depth: int, bodies: list[str]) -> dict:
    """Return ``data`` (a dict at ``depth``) with each long flat list or dict in it a marker."""
    swapped = {}
    for key, value in data.items():
        kind = type(value)
        body = None
        if kind in (list, dict) and len(value) >= _LONG:
            body = _flat_json(value, depth + 1)
        if body is not None:
            swapped[key] = _MARKER + str(len(bodies))
            bodies.append(body)
        elif kind is dict and depth < 4:  # results are shallow (and never circular)
            swapped[key] = _swap_long(value, depth + 1, bodies)
        else:
            swapped[key] = value
    return swapped


def _flat_json(value, depth: int) -> str | None:
    """Return ``value`` (a list or dict at ``depth``) as ``indent=2`` lays it out, or None.

    Only plain values (text, numbers, true, false, null), or for a list,
    dicts of them with text keys; anything else is left to ``json.dumps``.
    """
    inner, outer = "\n" + "  " * (depth + 1), "\n" + "  " * depth
    if type(value) is dict:
        if not set(map(type, value)) <= {str} or not set(map(type, value.values())) <= _PLAIN_TYPES:
            return None
        text = json.dumps(value, ensure_ascii=False, separators=("," + inner, ": "))
        return "{" + inner + text[1:-1] + outer + "}"
    kinds = set(map(type, value))
    if kinds <= _PLAIN_TYPES:
        text = json.dumps(value, ensure_ascii=False, separators=("," + inner, ": "))
        return "[" + inner + text[1:-1] + outer + "]"
    if kinds != {dict} or not all(value):
        return None
    if not set(map(type, itertools.chain.from_iterable(value))) <= {str}:
        return None
    cells = itertools.chain.from_iterable(map(dict.values, value))
    if not set(map(type, cells)) <= _PLAIN_TYPES:
        return None
    # Items apart by ",\0" (a raw NUL is never in JSON text: inside a string it is \u0000),
    # so the rows' borders are "},\0{" and the items' ",\0" before each key.
    text = json.dumps(value, ensure_ascii=False, separators=(",\0", ": "))
    deeper = inner + "  "
    rows = text[2:-2].replace("},\0{", inner + "}," + inner + "{" + deeper)
    rows = rows.replace(",\0", "," + deeper)
    return "[" + inner + "{" + deeper + rows + inner + "}" + outer + "]"


def render_csv(result: Result, width: int = 80) -> str:
    table = result.main_table
    buffer = io.StringIO()
    if table is None:
        return ""
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.columns)
    if not table.columns:  # rows of no cells: one empty line each
        writer.writerows([] for _ in table.rows)
        return buffer.getvalue()
    # Column by column: each column's cells made in one pass, then written in one call.
    cells = [_csv_column(_values(table.rows, column)) for column in table.columns]
    writer.writerows(zip(*cells))
    return buffer.getvalue()


def render_table(result: Result, width: int = 80) -> str:
    parts = []
    for block in result.blocks:
        lines = (
            _fields_lines(block, width) if isinstance(block, Fields) else _table_lines(block, width)
        )
        if block.title:
            lines = [*_wrap(_plain(block.title), width), *lines]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n" if parts else ""


RENDERERS: dict[str, Callable[[Result, int], str]] = {
    "table": render_table,
    "json": render_json,
    "csv": render_csv,
}


# Control characters and bidirectional overrides would drive the terminal or
# reorder the row; they are shown as U+FFFD instead.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _plain(value) -> str:
    """Return a cell's text: lists joined, floats short, None empty, one line, printable."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(_plain(item) for item in value)
    return _UNPRINTABLE.sub("\ufffd", " ".join(str(value).split()))


def _values(rows: list[dict], column: str) -> list:
    """Return the values of ``column`` in ``rows`` (None where a row has none)."""
    return [row.get(column) for row in rows]


def _plain_column(values: list) -> list[str]:
    """Return :func:`_plain` of every value of a column, the common cases in a few passes.

    Numbers, None and yes/no are made by their type; texts are cleaned only
    when the column as a whole shows that one needs it (a character that is
    not printable, or spaces to fold), which the columns of a ranking of
    20,000 actors never do.

    >>> _plain_column(["a  b", None, 0.5, 3, True, ["x", 1.0]])
    ['a b', '', '0.5', '3', 'yes', 'x, 1']
    """
    kinds = set(map(type, values))
    if kinds == {str}:
        texts = values
    elif kinds == {float}:
        return [f"{value:.6g}" for value in values]
    elif kinds == {int}:
        return list(map(str, values))
    else:
        texts = [value if type(value) is str else _plain(value) for value in values]
    if _clean(texts):
        return texts
    return [_plain(text) for text in texts]


def _clean(texts: list[str]) -> bool:
    """Return whether every text is already as :func:`_plain` leaves it (checked in C, at once).

    A printable text holds no control character, no bidirectional override
    and no white space but the plain space (every other space is not
    printable); then only spaces at an end or two together would change.
    """
    if not "".join(texts).isprintable():
        return False
    lines = "\n".join(texts)
    return not (
        "  " in lines
        or " \n" in lines
        or "\n " in lines
        or lines.startswith(" ")
        or lines.endswith(" ")
    )


def _csv_column(values: list) -> list[str]:
    """Return :func:`_csv_cell` of every value of a column (see :func:`_plain_column`)."""
    kinds = set(map(type, values))
    if kinds == {float}:
        return list(map(repr, values))
    if kinds == {int}:
        return list(map(str, values))
    if kinds <= {str, type(None), bool}:
        return list(map(spreadsheet_safe, _plain_column(values)))
    return [_csv_cell(value) for value in values]


def _csv_cell(value) -> str:
    """Return a CSV cell: numbers as they are (floats keep every digit); text like a table
    cell, made safe for spreadsheets (:func:`graph.cells.spreadsheet_safe`).

    >>> _csv_cell(-0.0303), _csv_cell(-3), _csv_cell("-3"), _csv_cell(["=a", "b"])
    ('-0.0303', '-3', "'-3", "'=a, b")
    """
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return spreadsheet_safe(_plain(value))


def display_width(text: str) -> int:
    """Return how many terminal columns ``text`` takes (wide East Asian characters take two).

    >>> display_width("Türkiye"), display_width("東京"), display_width("e\u0301")
    (7, 4, 1)
    """
    if text.isascii():
        return len(text)
    return sum(_char_width(char) for char in text)


def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _cut(text: str, width: int) -> str:
    """Return ``text`` cut to ``width`` columns, ending in an ellipsis when cut."""
    if display_width(text) <= width:
        return text
    kept, used = [], 0
    for char in text:
        used += _char_width(char)
        if used > width - 1:
            break
        kept.append(char)
    return "".join(kept) + ELLIPSIS


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - display_width(text), 0)


def _wrap(text: str, width: int) -> list[str]:
    """Return ``text`` broken into lines of at most ``width`` columns, at spaces where possible.

    Each character's width is looked at a bounded number of times, so a word
    of 100,000 characters costs as much as 100,000 characters of short words.

    >>> _wrap("a quote too long for one line", 12)
    ['a quote too', 'long for one', 'line']
    >>> _wrap("abcdefghij kl", 4)
    ['abcd', 'efgh', 'ij', 'kl']
    """
    lines: list[str] = []
    line, used = "", 0
    for word in text.split():
        word_width = display_width(word)
        if word_width > width:  # a word longer than a line is split
            if line:
                lines.append(line)
            *heads, line = _split_word(word, width)
            lines += heads
            used = display_width(line)
        elif not line:
            line, used = word, word_width
        elif used + 1 + word_width <= width:
            line, used = f"{line} {word}", used + 1 + word_width
        else:
            lines.append(line)
            line, used = word, word_width
    if line or not lines:
        lines.append(line)
    return lines


def _split_word(word: str, width: int) -> list[str]:
    """Split ``word`` into pieces of at most ``width`` columns, never before a combining mark.

    A piece holds at least one character, even one wider than ``width``.

    >>> _split_word("東京都", 3), _split_word("e\u0301e\u0301e", 2)
    (['東', '京', '都'], ['e\u0301e\u0301', 'e'])
    """
    pieces: list[str] = []
    piece: list[str] = []
    used = 0
    for char in word:
        char_width = _char_width(char)
        if char_width and piece and used + char_width > width:
            pieces.append("".join(piece))
            piece, used = [], 0
        piece.append(char)
        used += char_width
    pieces.append("".join(piece))
    return pieces


def _fields_lines(block: Fields, width: int) -> list[str]:
    label_width = max((len(label) for label, _ in block.items), default=0) + 1
    lines = []
    for label, value in block.items:
        room = max(width - label_width - 1, 20)
        wrapped = _wrap(_plain(value), room)
        lines.append(f"{label + ':':<{label_width}} {wrapped[0]}".rstrip())
        lines += [" " * (label_width + 1) + more for more in wrapped[1:]]
    return lines


def _table_lines(table: Table, width: int) -> list[str]:
    headers = [table.headers.get(column, column) for column in table.columns]
    # Column by column: a table of 20,000 rows is a few passes over each column.
    texts = [_plain_column(_values(table.rows, column)) for column in table.columns]
    sizes = [_widths(column) for column in texts]
    widths = [max([display_width(h), *size]) for h, size in zip(headers, sizes)]
    wrap_at = table.columns.index(table.wrap) if table.wrap in table.columns else None
    total = sum(widths) + len(GAP) * (len(widths) - 1)
    if total > width:
        widths = _fit(widths, headers, width, wrap_at)
    lines = [_join_row(headers, widths), _join_row(["-" * w for w in widths], widths)]
    if not texts:  # rows of no cells: one empty line each
        return lines + [""] * len(table.rows)
    if wrap_at is not None:
        for row in zip(*texts):
            first = [_cut(cell, w) for cell, w in zip(row, widths)]
            wrapped = _wrap(row[wrap_at], widths[wrap_at])
            first[wrap_at] = wrapped[0]
            lines.append(_join_row(first, widths))
            for more in wrapped[1:]:
                blank = [""] * len(row)
                blank[wrap_at] = more
                lines.append(_join_row(blank, widths))
        return lines
    padded = [_padded_column(*column) for column in zip(texts, sizes, widths)]
    lines += map(str.rstrip, map(GAP.join, zip(*padded)))
    return lines


def _widths(texts: list[str]) -> list[int]:
    """Return the display width of each text: its length, where every character of the
    column takes one terminal column (ASCII, and most accented letters)."""
    joined = "".join(texts)
    if joined.isascii() or all(_char_width(char) == 1 for char in set(joined) if ord(char) > 127):
        return list(map(len, texts))
    return list(map(display_width, texts))


def _padded_column(texts: list[str], sizes: list[int], width: int) -> list[str]:
    """Return each text cut (:func:`_cut`) then padded (:func:`_pad`) to ``width`` columns."""
    if max(sizes, default=0) <= width and sizes == list(map(len, texts)):
        # Nothing to cut, a column per character: padded as _pad pads.
        return list(map(str.ljust, texts, itertools.repeat(width)))
    return [
        _pad(text, width) if size <= width else _pad(_cut(text, width), width)
        for text, size in zip(texts, sizes)
    ]


def _fit(widths: list[int], headers: list[str], width: int, wrap_at: int | None) -> list[int]:
    """Shrink columns to fit ``width``: the wrapping column first, then the widest."""
    widths = list(widths)
    room = width - len(GAP) * (len(widths) - 1)
    floor = [max(display_width(h), 4) for h in headers]
    if wrap_at is not None:
        others = sum(w for i, w in enumerate(widths) if i != wrap_at)
        widths[wrap_at] = max(room - others, 24)
    while sum(widths) > room:
        shrinkable = [i for i in range(len(widths)) if widths[i] > floor[i] and i != wrap_at]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i])
        # Down to the next widest column in one step, not one column at a time.
        next_widest = max([floor[widest], *(widths[i] for i in shrinkable if i != widest)])
        step = max(1, min(widths[widest] - next_widest, sum(widths) - room))
        widths[widest] -= step
    return widths


def _join_row(cells: list[str], widths: list[int]) -> str:
    return GAP.join(_pad(cell, w) for cell, w in zip(cells, widths)).rstrip()
