"""Read a dataset kept as tables (the layout of :mod:`graph.tables`): CSV or Parquet files.

The tables become the same plain data as the YAML files (``actors.yaml``
and ``relations.yaml`` in shape), so the dataset's rules in :mod:`graph.load`
run on them unchanged; the :class:`TableLocator` turns a rule's path back
into ``FILE:ROW:COLUMN`` (the row is the line a CSV record starts on, the
header being line 1; in Parquet, the record's number counting the first as
row 2 so both read alike; the column counts from 1 as spreadsheets do).

What only tables can get wrong is checked here: unknown, missing or repeated
columns, cells that are not numbers or booleans, a type, kind or document
declared twice, and a relation whose ``sign``, ``symmetric`` or ``role``
disagrees with its type.

>>> sorted(TABLE_SUFFIXES)
['.csv', '.parquet']
"""

from __future__ import annotations

import contextlib
import csv
import gc
import io
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..problems import Problem, did_you_mean
from ..tables import TABLES, parse_cell, parse_csv_cell, split_list
from . import DataPath, Source
from .text import file_problem, read_bytes, read_utf8

__all__ = ["TABLE_SUFFIXES", "TableLocator", "find_tables", "read_tables"]

TABLE_SUFFIXES = (".csv", ".parquet")
# Field names in the YAML shape that the tables spell differently.
_RENAMED = {"src": "source", "dst": "target"}
_RENAMED_BACK = {value: key for key, value in _RENAMED.items()}
# Columns that repeat a type's properties on each relation, checked against the types table.
_REPEATED = ("sign", "symmetric", "role")
# What a type's property is when its table leaves it empty.
_DEFAULTS = {"symmetric": False, "role": "action"}
# Settings of the dataset table whose value is a list joined by "|".
_LIST_SETTINGS = ("evidence_allowed",)


def find_tables(folder: Path) -> dict[str, Path]:
    """Return ``{table: file}`` for each table of the layout present in ``folder``.

    >>> find_tables(Path("/nonexistent"))
    {}
    """
    found = {}
    for name in TABLES:
        for suffix in TABLE_SUFFIXES:
            path = folder / f"{name}{suffix}"
            # lexists: a symlink loop or a broken link is a table with a problem, not no table.
            if os.path.lexists(path):
                found.setdefault(name, path)
    return found


@dataclass
class _Table:
    """One table read: its file, its columns (name → number from 1) and its rows."""

    shown_as: str
    columns: dict[str, int] = field(default_factory=dict)
    rows: list[tuple[int, dict]] = field(default_factory=list)  # (row number, {column: value})
    raw: dict[tuple[int, str], str] = field(default_factory=dict)


class TableLocator:
    """Places a path of the plain data in its table: file, row and column.

    ``sections`` maps a path's first element (``"actors"``, ``"kinds"``, ...)
    to the table it came from and how its items map to rows: by position for
    lists (actors, relations), by key for mappings (kinds, types, documents).
    """

    def __init__(self, main: _Table, sections: dict[str, tuple[_Table, dict]]):
        self.main = main
        self.sections = sections

    def _table(self, path: DataPath) -> tuple[_Table, dict | None]:
        if not path or path[0] not in self.sections:
            return self.main, None
        return self.sections[path[0]]

    def file(self, path: DataPath) -> str:
        """Return the table file the value at ``path`` was read from."""
        return self._table(path)[0].shown_as

    def position(self, path: DataPath, key: bool = False) -> tuple[int, int]:
        table, rows = self._table(path)
        if rows is None or len(path) < 2 or path[1] not in rows:
            return 1, 1
        row = rows[path[1]]
        if len(path) == 2:
            first = next(iter(table.columns.values()), 1)
            return row, first
        column = _RENAMED_BACK.get(path[2], path[2])
        return row, table.columns.get(column, 1)

    def text(self, path: DataPath, key: bool = False) -> str | None:
        table, rows = self._table(path)
        if rows is None or len(path) < 2 or path[1] not in rows:
            return None
        if len(path) == 2:
            return str(path[1]) if key else None
        column = _RENAMED_BACK.get(path[2], path[2])
        return table.raw.get((rows[path[1]], column))


def read_tables(
    folder: Path, max_file_size: int | None = None
) -> tuple[Source | None, Source | None, dict, list[Problem]]:
    """Return the actors and relations sources of a table folder, provenance, and problems.

    Provenance is ``{"actors": {id: label}, "relations": [label, ...],
    "documents": {key: label}}`` from the tables' ``dataset`` column.
    """
    # Millions of small dicts and tuples, none cyclic: the cyclic collector's
    # passes over them would make reading grow faster than the tables do.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _read_tables(folder, max_file_size)
    finally:
        if enabled:
            gc.enable()


def _read_tables(folder: Path, max_file_size: int | None):
    files = find_tables(folder)
    problems: list[Problem] = []
    for name in TABLES:
        both = [folder / f"{name}{suffix}" for suffix in TABLE_SUFFIXES]
        if all(os.path.lexists(path) for path in both):
            problems.append(
                Problem(str(both[1]), 1, 1, f"both {both[0].name} and {both[1].name}: keep one")
            )
    tables: dict[str, _Table] = {}
    for name, path in files.items():
        table = _read_table(name, path, max_file_size, problems)
        if table is not None:
            tables[name] = table
    required = ["actors", "relations"]
    relations = tables.get("relations")
    if "types" not in files and relations is not None and not _has_sign_column(relations):
        # Without a sign column, the types cannot be derived. A relations table not
        # read (missing or broken) has its own problem: whether types are missing is unknown.
        required.append("types")
    for name in required:
        if name not in files:
            problems.append(
                Problem(
                    str(folder / f"{name}.csv"),
                    1,
                    1,
                    f"table missing: {name}.csv or {name}.parquet (see docs/exports.md)",
                )
            )
    if any(name not in tables for name in required) or ("types" in files and "types" not in tables):
        return None, None, {}, problems
    provenance: dict = {"actors": {}, "relations": [], "documents": {}}
    actors_source = _actors_source(tables, provenance, problems)
    relations_source = _relations_source(tables, provenance, problems)
    return actors_source, relations_source, provenance, problems


def _read_table(name: str, path: Path, max_file_size, problems) -> _Table | None:
    """Return one table read and its columns checked (cells typed, raw text kept)."""
    shown = str(path)
    if path.suffix == ".parquet":
        header, records = _read_parquet(path, shown, max_file_size, problems)
        parse = parse_cell  # the spreadsheet rule is CSV's: Parquet text is as written
    else:
        header, records = _read_csv(path, shown, max_file_size, problems)
        parse = parse_csv_cell
    if header is None:
        return None
    table = _Table(shown)
    known = TABLES[name].column_names
    for number, column in enumerate(header, start=1):
        if column in table.columns:
            problems.append(Problem(shown, 1, number, f"column {column!r} appears twice"))
        elif column not in known:
            hint = next(iter(did_you_mean(str(column), known)), None)
            problems.append(
                Problem(
                    shown,
                    1,
                    number,
                    f"unknown column {column!r} in the {name} table (allowed: {', '.join(known)})",
                    hint,
                )
            )
        else:
            table.columns[column] = number
    missing = [c.name for c in TABLES[name].columns if c.required and c.name not in table.columns]
    if missing:
        problems.append(
            Problem(shown, 1, 1, f"the {name} table has no column {', '.join(map(repr, missing))}")
        )
        return None
    types = {column.name: column.type for column in TABLES[name].columns}
    for row_number, cells in records:
        values = {}
        for column in table.columns:
            value = cells[table.columns[column] - 1] if table.columns[column] <= len(cells) else ""
            if isinstance(value, str) and types[column] == "list" and path.suffix == ".parquet":
                value = split_list(value)  # aliases written as one |-joined text
            if isinstance(value, str):
                table.raw[(row_number, column)] = value
                # A cell that does not parse is kept as written: the rules say what is wrong.
                with contextlib.suppress(ValueError):
                    value = parse(value, types[column])
            elif value is not None:
                table.raw[(row_number, column)] = str(value)
            if value is not None and value != []:
                values[column] = value
        table.rows.append((row_number, values))
    return table


def _read_csv(path: Path, shown: str, max_file_size, problems):
    text, problem = read_utf8(path, shown, max_file_size)
    if problem:
        problems.append(problem)
        return None, []
    # A quote may be long: the file's size bounds a field, not csv's 128 KiB default.
    csv.field_size_limit(max(csv.field_size_limit(), min(len(text) + 1, 2**31 - 1)))
    first_line = text.split("\n", 1)[0]
    # Spreadsheets in many locales save CSV with ';' (or tabs): the header tells.
    delimiter = next((d for d in (",", ";", "\t") if d in first_line), ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records = []
    try:
        header = next(reader, None)
        if header is None:
            problems.append(Problem(shown, 1, 1, "empty table: the first line names the columns"))
            return None, []
        start = reader.line_num + 1
        for cells in reader:
            if len(cells) > len(header):
                # Never cut silently: the cells past the header would be lost (a quote cut short).
                problems.append(
                    Problem(
                        shown,
                        start,
                        len(header) + 1,
                        f"row has {len(cells)} cells but the header names {len(header)} "
                        f"columns (a {delimiter!r} inside a cell needs the cell in double quotes)",
                    )
                )
            if cells:  # a blank line is no record
                records.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as error:
        problems.append(Problem(shown, reader.line_num or 1, 1, f"not valid CSV: {error}"))
        return None, []
    return header, records


def _read_parquet(path: Path, shown: str, max_file_size, problems):
    """Return the header and records of a Parquet file, or of a folder of part files.

    Each file is read as the YAML and CSV files are (only a regular file, at
    most ``max_file_size`` bytes, refused before reading), then parsed from
    memory; columns are taken by position, so a repeated name is reported as
    such by the header's check.
    """
    try:
        import pyarrow as pa
        import pyarrow.parquet as parquet
    except ImportError:
        problems.append(
            Problem(shown, 1, 1, "Parquet needs pyarrow: pip install 'news-actor-graph[parquet]'")
        )
        return None, []
    header, records = None, []
    parts = _parquet_parts(path, shown, max_file_size, problems)
    if parts is None:
        return None, []
    for part, part_shown in parts:
        raw, problem = read_bytes(part, part_shown, max_file_size)
        if problem:
            problems.append(problem)
            return None, []
        try:
            table = parquet.ParquetFile(pa.BufferReader(raw)).read()
        except Exception as error:  # pyarrow raises several kinds for a broken file
            reason = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
            problems.append(Problem(part_shown, 1, 1, f"cannot read Parquet file: {reason}"))
            return None, []
        names = list(table.column_names)
        if header is None:
            header = names
        elif names != header:
            problems.append(
                Problem(part_shown, 1, 1, f"columns {names} differ from the first part's {header}")
            )
            return None, []
        number = len(records) + 2
        columns = [column.to_pylist() for column in table.columns]
        records.extend(enumerate((list(row) for row in zip(*columns, strict=True)), number))
    if header is None:
        problems.append(Problem(shown, 1, 1, "no Parquet part files in this folder"))
    return header, records


def _parquet_parts(path: Path, shown: str, max_file_size, problems) -> list | None:
    """Return the files of a Parquet table: the file itself, or a folder's part files in order.

    Spark writes a table as a folder of ``part-*.parquet`` files beside
    ``_SUCCESS`` and ``.crc`` files; names starting with ``_`` or ``.`` are
    not data. Returns ``[(file, shown as), ...]``, or None with the problem
    added when the path is neither a folder nor a regular file within the size limit.
    """
    if path.is_dir():
        return [
            (part, str(part))
            for part in sorted(path.iterdir())
            if part.suffix == ".parquet" and not part.name.startswith(("_", "."))
        ]
    problem = file_problem(path, shown, max_file_size)
    if problem:
        problems.append(problem)
        return None
    return [(path, shown)]


def _keyed(table: _Table, key: str, what: str, problems) -> tuple[dict, dict]:
    """Return ``{key: values}`` and ``{key: row}``; a key given twice is an error."""
    items, rows = {}, {}
    for row, values in table.rows:
        name = values.get(key)
        if name is None:
            problems.append(Problem(table.shown_as, row, table.columns[key], f"{what} is empty"))
            continue
        if not isinstance(name, str):
            name = str(name)
        if name in items:
            problems.append(
                Problem(
                    table.shown_as,
                    row,
                    table.columns[key],
                    f"{what} {name!r} appears twice (first on row {rows[name]})",
                )
            )
            continue
        items[name] = {k: v for k, v in values.items() if k != key}
        rows[name] = row
    return items, rows


def _actors_source(tables, provenance, problems) -> Source:
    actors_table = tables["actors"]
    actors, rows = [], {}
    for index, (row, values) in enumerate(actors_table.rows):
        label = values.pop("dataset", None)
        actors.append(values)
        rows[index] = row
        if "id" in values and label:
            provenance["actors"][str(values["id"])] = label
    data: dict = {"actors": actors}
    sections = {"actors": (actors_table, rows)}
    kinds_table = tables.get("kinds")
    if kinds_table is not None and kinds_table.rows:
        kinds, kind_rows = _keyed(kinds_table, "name", "kind", problems)
        data["kinds"] = kinds
        sections["kinds"] = (kinds_table, kind_rows)
    locator = TableLocator(actors_table, sections)
    return Source(actors_table.shown_as, data, locator)


def _relations_source(tables, provenance, problems) -> Source:
    relations_table = tables["relations"]
    types_table = tables.get("types")
    if types_table is not None:
        types, type_rows = _keyed(types_table, "name", "relation type", problems)
    else:
        types_table = relations_table
        types, type_rows = _derived_types(relations_table, problems)
    relations, rows = [], {}
    for index, (row, values) in enumerate(relations_table.rows):
        provenance["relations"].append(values.pop("dataset", None))
        repeated = {name: values.pop(name) for name in _REPEATED if name in values}
        _check_repeated(relations_table, row, values.get("type"), repeated, types, problems)
        relations.append({_RENAMED.get(key, key): value for key, value in values.items()})
        rows[index] = row
    data: dict = {"types": types, "relations": relations}
    sections = {"relations": (relations_table, rows), "types": (types_table, type_rows)}
    documents_table = tables.get("documents")
    if documents_table is not None and documents_table.rows:
        documents, document_rows = _keyed(documents_table, "key", "document key", problems)
        data["documents"] = {}
        for key, values in documents.items():
            data["documents"][key] = values.get("path")
            if values.get("dataset"):
                provenance["documents"][key] = values["dataset"]
        sections["documents"] = (documents_table, {k: r for k, r in document_rows.items()})
    settings_table = tables.get("dataset")
    if settings_table is not None and settings_table.rows:
        settings, setting_rows = _keyed(settings_table, "key", "setting", problems)
        data["settings"] = {
            key: split_list(str(values.get("value", "")))
            if key in _LIST_SETTINGS
            else values.get("value")
            for key, values in settings.items()
        }
        sections["settings"] = (settings_table, setting_rows)
    locator = _RelationsLocator(relations_table, sections)
    locator.derived_types = types_table is relations_table
    return Source(relations_table.shown_as, data, locator)


class _RelationsLocator(TableLocator):
    """Places relations.yaml's data: a document's path is the value at ``("documents", key)``
    (its cell is the path column).

    Types derived from the relations table (no types table) are placed at
    their first relation's ``sign`` cell.
    """

    derived_types = False

    def position(self, path: DataPath, key: bool = False) -> tuple[int, int]:
        if len(path) >= 2 and path[0] == "settings" and "settings" in self.sections:
            table, rows = self.sections["settings"]
            if path[1] in rows:
                column = "key" if key or len(path) == 2 else "value"
                return rows[path[1]], table.columns.get(column, 1)
        if len(path) == 2 and path[0] == "documents" and "documents" in self.sections:
            table, rows = self.sections["documents"]
            if path[1] in rows:
                column = "key" if key else "path"
                return rows[path[1]], table.columns.get(column, 1)
        if len(path) == 2 and path[0] == "types" and not key and self.derived_types:
            table, rows = self.sections["types"]
            if path[1] in rows:
                return rows[path[1]], table.columns.get("sign", 1)
        if len(path) == 2 and path[0] in ("types", "kinds") and key:
            table, rows = self.sections.get(path[0], (None, {}))
            if table is not None and path[1] in rows:
                return rows[path[1]], table.columns.get("name", 1)
        return super().position(path, key)

    def text(self, path: DataPath, key: bool = False) -> str | None:
        if len(path) >= 2 and path[0] == "settings" and "settings" in self.sections:
            table, rows = self.sections["settings"]
            if path[1] in rows:
                return table.raw.get((rows[path[1]], "key" if key else "value"))
        if len(path) == 2 and path[0] == "documents" and "documents" in self.sections:
            table, rows = self.sections["documents"]
            if path[1] in rows:
                return table.raw.get((rows[path[1]], "key" if key else "path"))
        return super().text(path, key)


def _has_sign_column(table: _Table | None) -> bool:
    return table is not None and "sign" in table.columns


def _derived_types(table: _Table, problems) -> tuple[dict, dict]:
    """Return the types a relations table implies by its sign, symmetric and role columns.

    Without a types table, each type takes its sign (and symmetry) from its
    first relation; later relations may leave them empty, and must agree
    when they do not (:func:`_check_repeated` reports those that do not).
    """
    types: dict[str, dict] = {}
    rows: dict[str, int] = {}
    for row, values in table.rows:
        name = values.get("type")
        if not isinstance(name, str) or name in types:
            continue
        # Without a sign here, the rules report the type's missing sign at this cell.
        types[name] = {key: values[key] for key in _REPEATED if key in values}
        rows[name] = row
    return types, rows


def _check_repeated(table, row, type_name, repeated, types, problems) -> None:
    """A relation's ``sign``/``symmetric``/``role`` cells, when filled, must agree with its type."""
    declared = types.get(type_name) if isinstance(type_name, str) else None
    if declared is None:
        return
    for name, value in repeated.items():
        expected = declared.get(name, _DEFAULTS.get(name))
        if expected is not None and value != expected:
            shown = table.raw.get((row, name), str(value))
            problems.append(
                Problem(
                    table.shown_as,
                    row,
                    table.columns[name],
                    f"{name} {shown!r} disagrees with type {type_name!r} "
                    f"({name} {_show(expected)} in the types table)",
                )
            )


def _show(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def is_table_folder(folder: str | os.PathLike) -> bool:
    """Return whether ``folder`` holds a dataset as tables (and no actors.yaml)."""
    folder = Path(folder)
    return not (folder / "actors.yaml").exists() and bool(find_tables(folder))
