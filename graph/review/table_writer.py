"""Append additions to a dataset kept as CSV tables (the layout of :mod:`graph.tables`).

Rows are appended in each table's own column order, line ending and cell
rules (:func:`graph.tables.csv_cell`: a text cell a spreadsheet would run as
a formula gets its ``'``); the rows already there are kept byte for byte. A
table the additions need and the folder lacks (``documents.csv`` for a
first document) is started with the layout's columns. Parquet tables are
not appended to: convert them to CSV first (``graph export --format csv``).

>>> text = append_rows("id,name,kind\\r\\nuk,United Kingdom,country\\r\\n", "actors",
...                    [{"id": "x", "name": "=1+1", "kind": "person"}])
>>> text.splitlines(), text.endswith("\\r\\n")
(['id,name,kind', 'uk,United Kingdom,country', "x,'=1+1,person"], True)
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..tables import TABLES, csv_cell
from .additions import Additions
from .decisions import ReviewError

__all__ = ["append_rows", "table_texts"]


def append_rows(text: str, table: str, rows: list[dict]) -> str:
    """Return the CSV ``text`` of ``table`` with ``rows`` appended (an empty text gets a header)."""
    types = {column.name: column.type for column in TABLES[table].columns}
    newline = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
    if text.strip():
        header = next(csv.reader(io.StringIO(text)))
        if text.lstrip("\ufeff") and not text.endswith(("\n", "\r")):
            text += newline
    else:
        header, text = TABLES[table].column_names, ""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator=newline)
    if not text:
        writer.writerow(header)
    for row in rows:
        writer.writerow(csv_cell(row.get(column), types.get(column, "text")) for column in header)
    return text + stream.getvalue()


def table_texts(folder: Path, tables: dict[str, Path], dataset, additions: Additions) -> dict:
    """Return ``{path: new text}`` of the CSV tables the additions change."""
    parquet = [path.name for path in tables.values() if path.suffix == ".parquet"]
    if parquet:
        raise ReviewError(
            f"the tables {', '.join(parquet)} are Parquet, which graph review does not append "
            "to: export the dataset as CSV tables (graph export --format csv) and review into that"
        )
    rows: dict[str, list[dict]] = {}
    rows["actors"] = [{**actor, "dataset": None} for actor in additions.actors]
    rows["types"] = [
        {"name": name, "sign": fields["sign"], "symmetric": False, **fields}
        for name, fields in additions.types.items()
    ]
    rows["documents"] = [
        {"key": document.key, "path": document.path} for document in additions.documents
    ]
    types = {name: (t.sign, t.symmetric) for name, t in dataset.types.items()}
    types.update({name: (fields["sign"], False) for name, fields in additions.types.items()})
    rows["relations"] = [
        {
            "src": relation["source"],
            "dst": relation["target"],
            "type": relation["type"],
            "sign": types[relation["type"]][0],
            "symmetric": types[relation["type"]][1],
            "evidence": relation["evidence"],
            "document": relation["document"],
            "hedged": relation.get("hedged", False),
        }
        for relation in additions.relations
    ]
    texts = {}
    for table, new_rows in rows.items():
        if not new_rows:
            continue
        if table == "types" and "types" not in tables:
            continue  # types come from the relations' sign column
        path = tables.get(table, folder / f"{table}.csv")
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        if table == "relations" and additions.name_document is not None:
            text = _name_document(text, additions.name_document)
        texts[path] = append_rows(text, table, new_rows)
    if additions.name_document is not None and "relations" not in texts:
        path = tables["relations"]
        texts[path] = _name_document(path.read_text(encoding="utf-8"), additions.name_document)
    return texts


def _name_document(text: str, key: str) -> str:
    """Return the relations table with ``key`` in every empty ``document`` cell."""
    newline = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
    records = list(csv.reader(io.StringIO(text)))
    if not records or "document" not in records[0]:
        return text
    column = records[0].index("document")
    if not any(len(record) > column and record[column] == "" for record in records[1:]):
        return text
    for record in records[1:]:
        if len(record) > column and record[column] == "":
            record[column] = csv_cell(key)
    stream = io.StringIO()
    csv.writer(stream, lineterminator=newline).writerows(records)
    return stream.getvalue()
