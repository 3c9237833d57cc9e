"""``parquet``: the six tables of :mod:`graph.tables` as Parquet files, written by pyarrow.

Aliases are ``list<string>``, signs ``int8``, weights ``double``, symmetry
``bool``; missing values are nulls. pyarrow is an optional extra
(``pip install 'news-actor-graph[parquet]'``), imported only here.
"""

from __future__ import annotations

import io

from ..problems import GraphError
from ..tables import TABLES, dataset_tables, document_copies

__all__ = ["arrow_schema", "render"]


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise GraphError("Parquet needs pyarrow: pip install 'news-actor-graph[parquet]'") from None
    return pyarrow


def arrow_schema(table: str):
    """Return the pyarrow schema of one table of the layout."""
    pa = _pyarrow()
    types = {
        "text": pa.string(),
        "list": pa.list_(pa.string()),
        "int": pa.int8(),
        "bool": pa.bool_(),
        "float": pa.float64(),
    }
    return pa.schema(
        [
            pa.field(column.name, types[column.type], nullable=not column.required)
            for column in TABLES[table].columns
        ]
    )


def render(dataset, folder=None) -> dict[str, bytes]:
    """Return ``{"actors.parquet": bytes, ...}``."""
    pa = _pyarrow()
    copied, files = document_copies(dataset)
    tables = dataset_tables(dataset, folder, copied)
    for name in TABLES:
        table = pa.Table.from_pylist(tables[name], schema=arrow_schema(name))
        buffer = io.BytesIO()
        pa.parquet.write_table(table, buffer)
        files[f"{name}.parquet"] = buffer.getvalue()
    return files
