"""The ``graph import`` command: another layout's data (PLOVER, GDELT, ACLED, FtM) as a dataset."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..importers import FORMATS
from ..problems import DatasetError
from .base import GraphCommand, write_stdout

__all__ = ["COMMANDS", "import_command"]


@click.command("import", cls=GraphCommand)
@click.argument("format_name", metavar="FORMAT", type=click.Choice(sorted(FORMATS)))
@click.argument("sources", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the dataset into (tables, documents/, import/report.json).",
)
@click.option("--replace", is_flag=True, help="Overwrite a dataset already in the folder.")
@click.option(
    "--tables",
    "table_format",
    type=click.Choice(["csv", "parquet"]),
    default=None,
    help="Write the tables as CSV (the default) or Parquet (the parquet extra); "
    "--engine spark writes Parquet.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "spark"]),
    default="local",
    show_default=True,
    help="local: this process (pyarrow's batches when installed); spark: gdelt files read, "
    "mapped and written as partitioned Parquet by Spark (the spark extra; docs/spark.md).",
)
@click.option(
    "--spark-master",
    metavar="URL",
    envvar="SPARK_MASTER",
    help="Spark master for --engine spark [env: SPARK_MASTER; default: local[*]].",
)
@click.option(
    "--mentions",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="gdelt: a Mentions file; each event gets its best mention's URL and locator.",
)
@click.option(
    "--articles",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="gdelt: a folder of article texts with urls.tsv; found sentences become quotes.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress line and no report.")
@click.pass_context
def import_command(
    ctx,
    format_name,
    sources,
    output,
    replace,
    table_format,
    engine,
    spark_master,
    mentions,
    articles,
    quiet,
):
    """Import FORMAT files (plover, gdelt, acled, ftm) as a dataset in the table layout.

    Every command reads the folder written (--data DIR). The report says the
    rows read, relations made, rows skipped with the reason and sign
    disagreements; it is also written to DIR/import/report.json. A folder
    that already holds a dataset is refused unless --replace. The mappings
    are in docs/import.md.
    """
    from ..importers import ImportTargetError, import_dataset
    from ..progress import reporting
    from .progress_line import TerminalProgress

    if engine == "spark" and table_format == "csv":
        raise click.UsageError("--engine spark writes Parquet tables, not CSV", ctx)
    listener = None if quiet or not sys.stderr.isatty() else TerminalProgress(sys.stderr)
    try:
        with reporting(listener):
            report = import_dataset(
                format_name,
                sources,
                output,
                replace=replace,
                table_format=table_format or "csv",
                mentions=mentions,
                articles=articles,
                engine=engine,
                spark_master=spark_master,
            )
    except ImportTargetError as error:
        raise click.UsageError(str(error), ctx) from None
    except DatasetError:
        raise
    if not quiet:
        write_stdout(_report_text(report.to_dict()))


def _report_text(report: dict) -> str:
    lines = [
        f"imported {report['format']} into {report['output']}",
        f"rows read:       {report['rows_read']}",
        f"relations made:  {report['relations_made']}",
        f"actors:          {report['actors']}",
        f"types:           {report['types']}",
        f"documents:       {report['documents']}",
        "evidence:        "
        + (", ".join(f"{n} {state}" for state, n in report["evidence_states"].items()) or "none"),
        f"rows skipped:    {report['rows_skipped']}",
    ]
    lines += [f"  {count:>7}  {reason}" for reason, count in report["skipped"].items()]
    disagreements = sum(report["sign_disagreements"].values())
    lines.append(f"sign disagreements: {disagreements}")
    lines += [f"  {count:>7}  {reason}" for reason, count in report["sign_disagreements"].items()]
    return "\n".join(lines) + "\n"


COMMANDS = (import_command,)
