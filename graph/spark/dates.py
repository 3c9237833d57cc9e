"""Periods in Spark columns: ``YYYY[-MM[-DD]]`` text, as :mod:`graph.dates` reads them."""

from __future__ import annotations

__all__ = ["period_start"]


def period_start(column):
    """The first day of a ``YYYY[-MM[-DD]]`` column, as ISO text (compares as a date)."""
    from pyspark.sql import functions as F

    length = F.length(column)
    return (
        F.when(length == 4, F.concat(column, F.lit("-01-01")))
        .when(length == 7, F.concat(column, F.lit("-01")))
        .otherwise(column)
    )
