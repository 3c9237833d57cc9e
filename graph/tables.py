r"""The table layout: the six tables that hold a dataset, for every table reader and writer.

A dataset in tables is one folder holding six files, each a ``.csv`` or a
``.parquet`` file (``actors.csv`` or ``actors.parquet``, ...):

============  ===============================================================================
table         columns
============  ===============================================================================
actors        id, name, kind, aliases, description, dataset
relations     src, dst, type, sign, symmetric, evidence, document, date, weight, dataset,
              role, hedged, evidence_state, locator
types         name, sign, symmetric, description, role
kinds         name, description
documents     key, path, dataset
dataset       key, value (the dataset's settings: ``evidence_allowed``)
============  ===============================================================================

A document's ``path`` may be a URL (never fetched). The ``dataset`` table
holds the settings of ``relations.yaml``, one a row: ``evidence_allowed``
with the states joined by ``|`` (``verified|located|asserted``). A relation
without a quote (``located`` or ``asserted``) has an empty ``evidence``.

``src``/``dst`` and the actors' ``id`` are the names Spark GraphFrames and
DuckDB users expect. A relation repeats its type's ``sign``, ``symmetric``
and ``role`` so that an edge table is usable on its own. Document paths are
relative to the folder holding the tables.

Cells: ``aliases`` is a ``list<string>`` in Parquet and one text in CSV, the
aliases joined by ``|`` with a literal bar written ``\|`` and a literal
backslash ``\\``. A missing value is an empty cell (a Parquet null).
Booleans are ``true``/``false``; numbers are written in full (``1.0``,
``-1``). In CSV, a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab,
a carriage return or ``'`` gets a ``'`` in front so that a spreadsheet shows
it as text instead of running it as a formula (numbers never do; the rule is
:mod:`graph.cells`'s, shared by every CSV writer); a reader takes that ``'``
off again, so tables round-trip exactly. Parquet has no such rule: its text
cells are stored and read as they are (:func:`parse_cell`).

>>> [column.name for column in TABLES["relations"].columns][:3]
['src', 'dst', 'type']
>>> join_list(["a|b", "c"])
'a\\|b|c'
>>> split_list(join_list(["a|b", "c\\"]))
['a|b', 'c\\']
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .cells import spreadsheet_safe, spreadsheet_unescape
from .display import shown_name

if TYPE_CHECKING:
    from .model import Dataset

__all__ = [
    "FALSE_WORDS",
    "TABLES",
    "TRUE_WORDS",
    "Column",
    "TableSpec",
    "csv_cell",
    "dataset_label",
    "dataset_tables",
    "document_copies",
    "join_list",
    "parse_cell",
    "parse_csv_cell",
    "split_list",
]


@dataclass(frozen=True)
class Column:
    """A column: its name, its type (text, list, int, bool or float) and whether it must be set."""

    name: str
    type: str = "text"
    required: bool = False
    description: str = ""


@dataclass(frozen=True)
class TableSpec:
    """A table of the layout: its name and its columns, in order."""

    name: str
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]


TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec(
            "actors",
            (
                Column("id", required=True, description="lowercase [a-z0-9][a-z0-9_-]*, unique"),
                Column("name", required=True),
                Column("kind", required=True),
                Column("aliases", "list"),
                Column("description"),
                Column("dataset", description="label of the dataset the row comes from"),
            ),
        ),
        TableSpec(
            "relations",
            (
                Column("src", required=True, description="actor id"),
                Column("dst", required=True, description="actor id"),
                Column("type", required=True),
                Column("sign", "int", description="the type's sign, repeated: 1, 0 or -1"),
                Column("symmetric", "bool", description="the type's symmetry, repeated"),
                Column("evidence", description="the quote; required when verified"),
                Column("document"),
                Column("date", description="YYYY, YYYY-MM or YYYY-MM-DD"),
                Column("weight", "float", description="> 0; empty means 1"),
                Column("dataset"),
                Column("role", description="the type's role, repeated"),
                Column("hedged", "bool", description="the quote says it may hold; empty: false"),
                Column("evidence_state", description="verified (empty), located or asserted"),
                Column("locator", description="where in the document: 'sentence 3, chars 1-9'"),
            ),
        ),
        TableSpec(
            "types",
            (
                Column("name", required=True),
                Column("sign", "int", required=True),
                Column("symmetric", "bool"),
                Column("description"),
                Column("role", description="action (empty), commentary or affiliation"),
            ),
        ),
        TableSpec("kinds", (Column("name", required=True), Column("description"))),
        TableSpec(
            "documents",
            (
                Column("key", required=True),
                Column(
                    "path", required=True, description="relative to the tables' folder, or a URL"
                ),
                Column("dataset"),
            ),
        ),
        TableSpec(
            "dataset",
            (
                Column("key", required=True, description="a setting: evidence_allowed"),
                Column("value", description="its value; a list joined by |"),
            ),
        ),
    )
}


def dataset_label(dataset: Dataset) -> str | None:
    """Return the label of a dataset read from one folder: the folder's name."""
    return dataset.folder.resolve().name if dataset.folder is not None else None


def dataset_tables(
    dataset: Dataset, folder: str | os.PathLike | None = None, copied: dict | None = None
) -> dict:
    """Return ``{table: [row, ...]}``: the dataset's six tables, rows as dicts of typed values.

    ``folder`` is where the tables will be written: document paths are made
    relative to it (absolute when ``folder`` is None), unless ``copied`` maps
    a document key to the path of its copy beside the tables (see
    :func:`document_copies`). Values are Python values (``None`` when
    missing, a list for aliases), ready for any writer.
    """
    copied = copied or {}
    # Labels, document keys and paths come from file names, which may hold bytes that
    # are not UTF-8: shown_name writes them as \xNN, so every writer gets text it can encode.
    label = shown_name(dataset_label(dataset))
    actors = [
        {
            "id": actor.id,
            "name": actor.name,
            "kind": actor.kind,
            "aliases": list(actor.aliases),
            "description": actor.description,
            "dataset": shown_name("|".join(actor.datasets)) if actor.datasets else label,
        }
        for actor in dataset.actors.values()
    ]
    relations = []
    for relation in dataset.relations:
        relation_type = dataset.types[relation.type]
        relations.append(
            {
                "src": relation.source,
                "dst": relation.target,
                "type": relation.type,
                "sign": relation_type.sign,
                "symmetric": relation_type.symmetric,
                "evidence": relation.evidence or None,
                "document": shown_name(relation.document),
                "date": relation.date,
                "weight": relation.weight,
                "dataset": shown_name(relation.dataset) or label,
                "role": relation_type.role,
                "hedged": relation.hedged,
                "evidence_state": relation.evidence_state,
                "locator": relation.locator,
            }
        )
    types = [
        {
            "name": relation_type.name,
            "sign": relation_type.sign,
            "symmetric": relation_type.symmetric,
            "description": relation_type.description,
            "role": relation_type.role,
        }
        for relation_type in dataset.types.values()
    ]
    kinds = [
        {"name": kind.name, "description": kind.description}
        for kind in (dataset.kinds or {}).values()
    ]
    documents = [
        {
            "key": shown_name(document.key),
            "path": copied.get(document.key) or shown_name(_relative_path(document.path, folder)),
            "dataset": shown_name(document.dataset) or label,
        }
        for document in dataset.documents.values()
    ]
    documents += [
        {"key": shown_name(key), "path": url, "dataset": label}
        for key, url in dataset.document_urls.items()
    ]
    settings = [{"key": "evidence_allowed", "value": join_list(dataset.evidence_allowed)}]
    return {
        "actors": actors,
        "relations": relations,
        "types": types,
        "kinds": kinds,
        "documents": documents,
        "dataset": settings,
    }


DOCUMENTS_FOLDER = "documents"


def document_copies(dataset: Dataset) -> tuple[dict[str, str], dict[str, bytes]]:
    """Return where each document goes beside the tables, and the files to write there.

    A table folder holds its documents in ``documents/`` (their own file
    names; a clash gets ``-2``, ``-3``, ... before the suffix), so the folder
    is a dataset on its own: ``--data`` reads it anywhere. Returns
    ``({key: "documents/name"}, {"documents/name": bytes})``; a file named by
    several keys is copied once.
    """
    paths: dict[str, str] = {}
    files: dict[str, bytes] = {}
    by_source: dict[str, str] = {}
    for document in dataset.documents.values():
        source = os.path.realpath(document.path)
        if source in by_source:
            paths[document.key] = by_source[source]
            continue
        name = shown_name(Path(document.path).name)
        stem, suffix = os.path.splitext(name)
        number = 1
        while f"{DOCUMENTS_FOLDER}/{name}" in files:
            number += 1
            name = f"{stem}-{number}{suffix}"
        relative = f"{DOCUMENTS_FOLDER}/{name}"
        files[relative] = Path(document.path).read_bytes()
        paths[document.key] = by_source[source] = relative
    return paths, files


def _relative_path(path: Path, folder: str | os.PathLike | None) -> str:
    """Return ``path`` relative to ``folder`` with forward slashes (absolute if it cannot be)."""
    if folder is None:
        return Path(path).resolve().as_posix()
    try:
        return Path(os.path.relpath(Path(path).resolve(), Path(folder).resolve())).as_posix()
    except ValueError:  # another drive, on Windows
        return Path(path).resolve().as_posix()


def join_list(items) -> str:
    """Return a list as one CSV cell: items joined by ``|``, a bar or backslash escaped."""
    return "|".join(item.replace("\\", "\\\\").replace("|", "\\|") for item in items)


def split_list(cell: str) -> list[str]:
    """Return the items of a ``|``-joined cell (see :func:`join_list`); an empty cell has none.

    >>> split_list("Britain|UK"), split_list(""), split_list("a\\\\|b")
    (['Britain', 'UK'], [], ['a|b'])
    """
    if cell == "":
        return []
    items, current, escaped = [], [], False
    for char in cell:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    if escaped:
        current.append("\\")  # a lone backslash at the end stands for itself
    items.append("".join(current))
    return items


def csv_cell(value, column_type: str = "text") -> str:
    """Return a value as a CSV cell of the layout.

    >>> csv_cell(None), csv_cell(True, "bool"), csv_cell(1.0, "float"), csv_cell(-1, "int")
    ('', 'true', '1.0', '-1')
    >>> csv_cell(["UK", "Britain"], "list"), csv_cell("=HYPERLINK()")
    ('UK|Britain', "'=HYPERLINK()")
    """
    if value is None:
        return ""
    if column_type == "list":
        return spreadsheet_safe(join_list(value))
    if column_type == "bool":
        return "true" if value else "false"
    if column_type == "float":
        return repr(float(value))
    if column_type == "int":
        return str(int(value))
    return spreadsheet_safe(str(value))


# A boolean written as text (any case, spaces around): what parse_cell reads as true or false.
TRUE_WORDS = ("true", "1", "yes")
FALSE_WORDS = ("false", "0", "no")


def parse_csv_cell(cell: str, column_type: str = "text"):
    """Return the value of a CSV cell, or raise ``ValueError`` saying what was expected.

    Text and lists come back as written (the formula guard removed); an empty
    cell is ``None`` (an empty list for a list).

    >>> parse_csv_cell("'=1"), parse_csv_cell("", "list"), parse_csv_cell("TRUE", "bool")
    ('=1', [], True)
    """
    if column_type in ("text", "list"):
        cell = spreadsheet_unescape(cell)  # the guard is CSV's: a spreadsheet opens CSV
    return parse_cell(cell, column_type)


def parse_cell(cell: str, column_type: str = "text"):
    """Return the value of a cell written as text, or raise ``ValueError`` saying what was expected.

    The reading every table shares (a Parquet text cell, and Spark's
    ``--tables``, read it too): text as it is, lists split at ``|``, booleans
    ``true``/``false`` (also ``1``/``0``, ``yes``/``no``, any case), numbers
    in full. An empty cell is ``None`` (an empty list for a list). No formula
    guard: that is :func:`parse_csv_cell`'s.

    >>> parse_cell("'=1"), parse_cell("false", "bool"), parse_cell(" -1", "int")
    ("'=1", False, -1)
    """
    if column_type == "list":
        return split_list(cell)
    if cell == "":
        return None
    if column_type == "bool":
        lowered = cell.strip().lower()
        if lowered in TRUE_WORDS:
            return True
        if lowered in FALSE_WORDS:
            return False
        raise ValueError(f"expected true or false, not {cell!r}")
    if column_type == "int":
        try:
            return int(cell.strip())
        except ValueError:
            raise ValueError(f"expected a whole number, not {cell!r}") from None
    if column_type == "float":
        try:
            return float(cell.strip())
        except ValueError:
            raise ValueError(f"expected a number, not {cell!r}") from None
    return cell
