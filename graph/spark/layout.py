"""The table layout Spark reads (see docs/spark.md): the tables and where each one is."""

from __future__ import annotations

__all__ = ["TABLES", "table_uri"]

TABLES = ("actors", "relations", "types", "kinds", "documents")


def table_uri(uri: str, name: str) -> str:
    """Return the URI of table ``name`` (``NAME.parquet``) in the folder ``uri``."""
    return f"{uri.rstrip('/')}/{name}.parquet"
