"""``gdelt``: GDELT 1.0 and 2.0 event files into our tables.

Files are tab-separated, with or without GDELT's header row; the layout is
told apart *per row* by its number of columns, since a real 1.0 daily file
mixes them: 61 (2.0), 58 (1.0 with ``SOURCEURL``), 57 (1.0 before source
URLs). The mapping (CAMEO codes, actors, the Goldstein sign, Mentions and
article texts) is in :mod:`.gdelt_rows`, which also reads a file a row at a
time; :mod:`.gdelt_batches` reads it a block at a time with pyarrow, the
same bytes out; :mod:`.gdelt_spark` runs the import in Spark.
"""

from __future__ import annotations

import importlib.util

from .gdelt_rows import EVENT_COLUMNS, read_mentions, read_rows

__all__ = ["EVENT_COLUMNS", "read", "read_mentions", "read_rows"]


def read(sources, writer, report, mentions=None, articles=None, batches=None) -> None:
    """Map every event row of each file to a relation (see the module docstring).

    With pyarrow installed (``batches`` None or True) the rows are mapped a batch
    at a time by :mod:`.gdelt_batches`, unless ``articles`` are given; otherwise
    (``batches=False``, or no pyarrow) by :func:`read_rows`, a row at a time.
    Both write the same bytes.
    """
    if batches is None:
        batches = articles is None and importlib.util.find_spec("pyarrow") is not None
    if batches:
        from . import gdelt_batches  # pyarrow, imported late

        gdelt_batches.read(sources, writer, report, mentions=mentions)
    else:
        read_rows(sources, writer, report, mentions=mentions, articles=articles)
