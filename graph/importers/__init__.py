"""Import data from other layouts (event data, FollowTheMoney) into our table layout.

One module a foreign layout (:mod:`.plover`, :mod:`.gdelt`, :mod:`.acled`,
:mod:`.ftm`), each a ``read(sources, writer, report, **options)`` that maps
the foreign rows to our tables through the mapping tables of
:mod:`.mappings` (data files, documented in docs/import.md) and counts what
did not map in the :class:`~.report.ImportReport`. :func:`import_dataset`
runs one and writes the dataset (:mod:`.tables_out`).

>>> sorted(FORMATS)
['acled', 'ftm', 'gdelt', 'plover']
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from ..progress import step
from .report import ImportReport
from .tables_out import ImportTargetError, TableWriter

__all__ = ["FORMATS", "ImportReport", "ImportTargetError", "import_dataset"]

# name -> (module, what it reads)
FORMATS: dict[str, tuple[str, str]] = {
    "plover": ("plover", "PLOVER event records (a JSON array, trailing commas allowed)"),
    "gdelt": ("gdelt", "GDELT 1.0 / 2.0 event files (tab-separated, 57, 58 or 61 columns)"),
    "acled": ("acled", "ACLED's CSV export"),
    "ftm": ("ftm", "FollowTheMoney entities, one JSON object a line"),
}


def import_dataset(
    format_name: str,
    sources,
    output: str | os.PathLike,
    *,
    replace: bool = False,
    table_format: str = "csv",
    mentions: str | os.PathLike | None = None,
    articles: str | os.PathLike | None = None,
) -> ImportReport:
    """Import ``sources`` (files in ``format_name``) into the folder ``output``; return the report.

    The folder must not already hold a dataset unless ``replace``. ``mentions``
    (a GDELT Mentions file) and ``articles`` (a folder of article texts with a
    ``urls.tsv``) are GDELT's. The same input always gives the same tables.
    """
    if format_name not in FORMATS:
        raise ImportTargetError(
            f"unknown import format {format_name!r} (one of: {', '.join(sorted(FORMATS))})"
        )
    options = {}
    if mentions is not None or articles is not None:
        if format_name != "gdelt":
            raise ImportTargetError("--mentions and --articles are for the gdelt format")
        options = {"mentions": mentions, "articles": articles}
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    sources = [Path(source) for source in sources]
    for source in sources:
        if not source.is_file():
            raise ImportTargetError(f"{source}: no such file")
    module = importlib.import_module(f"{__name__}.{FORMATS[format_name][0]}")
    report = ImportReport(format_name)
    writer = TableWriter(output, replace=replace, table_format=table_format)
    try:
        with step(f"importing {format_name}", str(sources[0]) if sources else ""):
            module.read(sources, writer, report, **options)
        report.relations_made = writer.relation_count
        report.actors = len(writer.actors)
        report.types = len(writer.types)
        report.documents = len(writer.documents)
        report.states = dict(writer.states)
        report.output = str(output)
        writer.close(report.to_dict())
    except BaseException:
        writer.abort()
        raise
    return report
