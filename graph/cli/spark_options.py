"""``--engine spark``'s own options and the path of a command to Spark.

``--tables URI`` (Parquet tables read by Spark itself) and ``--spark-master
URL`` (or ``SPARK_MASTER``) on ``stats``, ``centrality`` and ``path``. A
command goes to :mod:`graph.spark.queries` when the engine is ``spark`` or
``--tables`` is given; Spark's progress lines go to stderr when it is a
terminal (Spark takes seconds to start).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

__all__ = ["spark_graph", "spark_options", "spark_progress", "uses_spark"]


def spark_options(command):
    """``--tables URI`` and ``--spark-master URL``."""
    options = [
        click.option(
            "--tables",
            metavar="URI",
            help="Parquet tables (actors, relations, types, kinds, documents) in a folder or "
            "any URI Spark reads (hdfs://, s3a://), read by Spark itself: implies --engine spark.",
        ),
        click.option(
            "--spark-master",
            metavar="URL",
            envvar="SPARK_MASTER",
            help="Spark master for --engine spark [env: SPARK_MASTER; default: local[*], "
            "or the active session inside spark-submit or a notebook].",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def uses_spark(engine: str | None, tables: str | None, data: Path | None) -> bool:
    """Return whether the command runs on Spark; bad combinations are usage errors."""
    if tables is not None:
        if data is not None:
            raise click.UsageError("give --data or --tables, not both")
        if engine not in (None, "auto", "spark"):
            raise click.UsageError(f"--tables is read by Spark: use --engine spark, not {engine}")
        return True
    return engine == "spark"


def spark_progress():
    """Return a progress callback writing to stderr when it is a terminal, else None."""
    if not sys.stderr.isatty():
        return None
    return lambda message: click.echo(message, err=True)


def spark_graph(data: Path | None, tables: str | None, master: str | None):
    """Return the dataset (``--data`` or the seed, loader-checked) or ``--tables`` on Spark."""
    from ..spark.frames import from_dataset, from_tables
    from ..spark.session import spark_session

    progress = spark_progress()
    from .options import load

    dataset = None if tables is not None else load(data)
    spark = spark_session(master, progress=progress)
    if tables is not None:
        if progress:
            progress(f"reading and checking the tables at {tables} in Spark...")
        return from_tables(spark, tables)
    return from_dataset(spark, dataset)


def spark_lookup(graph, query: str, parameter: str):
    """Return the actor ``query`` names, or a usage error naming ``parameter``."""
    from ..problems import UnknownActorError

    try:
        return graph.find_actor(query)
    except UnknownActorError as error:
        raise click.BadParameter(str(error), param_hint=parameter) from None
