"""CSV lines made by pyarrow, byte for byte what the csv module and our cell rules write.

The batch importers (:mod:`.gdelt_batches`) and the table writer's large
tables make their CSV this way: a column of strings is guarded against
formulas as :func:`graph.cells.spreadsheet_safe` guards it (:func:`guard`),
quoted where the csv module would quote it (:func:`quote`: the few cells that
need it are quoted by the csv module itself), and the columns are joined into
lines (:func:`csv_lines`). A value mapped once in Python is made a cell by
:func:`cell`, the same way.

>>> cell("a,b"), cell(None), cell(True, "bool"), cell(-1.0, None)
('"a,b"', '', 'true', '-1.0')
"""

from __future__ import annotations

import csv
import io

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..tables import csv_cell

__all__ = ["cell", "csv_lines", "guard", "quote", "text"]

# What the csv module may quote (the delimiter, the quote, line ends) and what the
# formula guard of graph.cells.spreadsheet_safe escapes.
QUOTED = '[,"\r\n]'
QUOTED_BYTES = np.frombuffer(b',"\r\n', dtype=np.uint8)
GUARDED_BYTES = np.frombuffer(b"=+-@\t\r'", dtype=np.uint8)


def text(value) -> str:
    if value is None:
        return ""
    return repr(value) if isinstance(value, float) else str(value)


def cell(value, column_type: str | None = "text") -> str:
    """Return a value as the csv module writes it (``column_type`` None: as text, unguarded)."""
    written = text(value) if column_type is None else csv_cell(value, column_type)
    if not any(char in written for char in ',"\r\n'):
        return written
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([written, ""])
    return out.getvalue()[:-2]


def guard(array: pa.Array) -> pa.Array:
    """Return the strings with the formula guard of :func:`graph.cells.spreadsheet_safe`."""
    offsets, data = _layout(array)
    lengths = np.diff(offsets)
    firsts = np.zeros(len(array), dtype=np.uint8)
    filled = lengths > 0
    firsts[filled] = data[offsets[:-1][filled] - offsets[0]]
    guarded = np.isin(firsts, GUARDED_BYTES) & filled
    if not guarded.any():
        return array
    return pc.if_else(pa.array(guarded), pc.binary_join_element_wise("'", array, ""), array)


def quote(array: pa.Array) -> pa.Array:
    """Return the strings as CSV cells (the few that need quoting quoted by the csv module)."""
    _, data = _layout(array)
    if not np.isin(data, QUOTED_BYTES).any():
        return array
    special = pc.match_substring_regex(array, QUOTED)
    values = array.filter(special).to_pylist()
    return pc.replace_with_mask(
        array, special, pa.array([cell(value, None) for value in values], pa.string())
    )


def csv_lines(columns: list) -> bytes:
    """Return CSV lines (``\\n`` ended, UTF-8) of columns of cells already quoted."""
    *first, last = columns
    last = (
        "\n" if isinstance(last, str) and not last else pc.binary_join_element_wise(last, "", "\n")
    )
    lines = pc.binary_join_element_wise(*first, last, ",")
    return _layout(lines)[1].tobytes()


def _layout(array: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """Return a string array's offsets and the bytes of its values (numpy views, no copy)."""
    _, offsets, data = array.buffers()
    at = np.frombuffer(offsets, dtype=np.int32)[array.offset : array.offset + len(array) + 1]
    if data is None:
        return at, np.zeros(0, dtype=np.uint8)
    return at, np.frombuffer(data, dtype=np.uint8)[int(at[0]) : int(at[-1])]
