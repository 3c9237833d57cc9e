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
    engine: str = "local",
    spark_master: str | None = None,
) -> ImportReport:
    """Import ``sources`` (files in ``format_name``) into the folder ``output``; return the report.

    The folder must not already hold a dataset unless ``replace``. ``mentions``
    (a GDELT Mentions file) and ``articles`` (a folder of article texts with a
    ``urls.tsv``) are GDELT's. The same input always gives the same tables.
    ``engine="spark"`` imports GDELT files in Spark (:mod:`.gdelt_spark`, on
    ``spark_master`` or the active session) and writes Parquet tables.
    """
    if engine not in ("local", "spark"):
        raise ImportTargetError(f"unknown import engine {engine!r} (local or spark)")
    if engine == "spark":
        if format_name != "gdelt":
            raise ImportTargetError("--engine spark imports the gdelt format only")
        if articles is not None:
            raise ImportTargetError("--articles is read by the local import only")
        table_format = "parquet"
    if format_name not in FORMATS:
        raise ImportTargetError(
            f"unknown import format {format_name!r} (one of: {', '.join(sorted(FORMATS))})"
        )
    options = {}
    if mentions is not None or articles is not None:
        if format_name != "gdelt":
            raise ImportTargetError("--mentions and --articles are for the gdelt format")
        options = {"mentions": mentions}
        if engine == "local":
            options["articles"] = articles
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    sources = [Path(source) for source in sources]
    for source in sources:
        if not source.is_file():
            raise ImportTargetError(f"{source}: no such file")
    module = importlib.import_module(f"{__name__}.{FORMATS[format_name][0]}")
    report = ImportReport(format_name)
    spark = None
    if engine == "spark":
        from ..spark.session import spark_session
        from . import gdelt_spark

        with step("starting Spark", spark_master or ""):
            spark = spark_session(spark_master)
    writer = TableWriter(output, replace=replace, table_format=table_format)
    try:
        written: tuple[str, ...] = ()
        with step(f"importing {format_name}", str(sources[0]) if sources else ""):
            if spark is not None:
                written = gdelt_spark.read(sources, writer, report, spark, **options)
            else:
                module.read(sources, writer, report, **options)
        report.relations_made = writer.relation_count
        report.actors = len(writer.actors)
        report.types = len(writer.types)
        report.documents = writer.document_total()
        report.states = dict(writer.states)
        report.output = str(output)
        writer.close(report.to_dict(), written)
    except BaseException:
        writer.abort()
        raise
    return report
