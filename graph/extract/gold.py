"""Read PLOVER's gold standard records: a JSON array that allows trailing commas.

The file (``tests/fixtures/plover/PLOVER_GSR_CAMEO.txt``) is not strict JSON:
objects and arrays may end with ``,``. :func:`read_gold_records` drops those
commas outside strings and parses the rest with :mod:`json` (never ``eval``).

>>> strict_json('[{"a": "x,]", "b": [1, 2,],},]')
'[{"a": "x,]", "b": [1, 2]}]'
"""

from __future__ import annotations

import json
import os
from pathlib import Path

__all__ = ["read_gold_records", "strict_json"]


def strict_json(text: str) -> str:
    """Return ``text`` without the commas that close an array or object (outside strings)."""
    kept: list[str] = []
    in_string = escaped = False
    pending = None  # index in ``kept`` of a comma that may be trailing
    for char in text:
        if in_string:
            kept.append(char)
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char in "]}" and pending is not None:
            del kept[pending]
        if not char.isspace():
            pending = None
        if char == '"':
            in_string = True
        elif char == ",":
            pending = len(kept)
        kept.append(char)
    return "".join(kept)


def read_gold_records(path: str | os.PathLike) -> list[dict]:
    """Return the records of a PLOVER gold standard file, in file order.

    Raises :class:`ValueError` (a :class:`json.JSONDecodeError`) when the
    text is not JSON once trailing commas are dropped.
    """
    records = json.loads(strict_json(Path(path).read_text(encoding="utf-8")))
    if not isinstance(records, list):
        raise ValueError(f"{path}: expected a JSON array of records")
    return records
