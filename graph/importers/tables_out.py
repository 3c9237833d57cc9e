"""Write an imported dataset in the table layout, streaming its relations to disk.

An importer hands rows to a :class:`TableWriter`: actors, types and kinds
are kept in memory (a few thousand at most, even for GDELT), relations and
their source attributes are written as they come, so a file of millions of
rows never sits in memory. Everything is written into a staging folder
beside the output and moved into place at the end: an import that fails
leaves the output folder as it was.

The relation columns written are those of the layout (:data:`graph.tables.TABLES`);
the fields an importer also knows (``evidence_state``, ``locator``,
``hedged``) are written where the layout has a column for them. The
attributes of the foreign rows that have no column in our layout (GDELT's
QuadClass and Goldstein score, PLOVER's mode, ACLED's fatalities...) go to
``import/attributes.csv``, one row a relation, joined by the relation's row
number; ``import/report.json`` is the import's report.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import shutil
import tempfile
from pathlib import Path

from ..model import EVIDENCE_STATES
from ..names import name_key
from ..problems import GraphError
from ..tables import TABLES, csv_cell, parse_csv_cell

__all__ = ["DATASET_FILES", "ImportTargetError", "TableWriter", "holds_dataset"]

# The files whose presence makes a folder a dataset (either layout).
DATASET_FILES = (
    *(f"{name}{suffix}" for name in TABLES for suffix in (".csv", ".parquet")),
    "dataset.csv",
    "dataset.parquet",
    "actors.yaml",
    "relations.yaml",
)
# What an import writes, and what --replace removes first.
WRITTEN = (*DATASET_FILES[:-2], "documents", "import")
# The dataset settings an import writes: the evidence states it may hold.
SETTINGS_TABLE = "dataset"


class ImportTargetError(GraphError):
    """The output folder cannot take the import (it holds a dataset and --replace was not given)."""


def holds_dataset(folder: Path) -> bool:
    """Return whether ``folder`` already holds a dataset (tables or YAML)."""
    return any((folder / name).exists() for name in DATASET_FILES)


class TableWriter:
    """The tables of one import, staged in a folder and moved into place by :meth:`close`."""

    def __init__(self, output: str | os.PathLike, replace: bool = False, table_format: str = "csv"):
        self.output = Path(output)
        if self.output.exists() and not self.output.is_dir():
            raise ImportTargetError(f"{self.output} is not a folder")
        if self.output.is_dir() and holds_dataset(self.output) and not replace:
            raise ImportTargetError(
                f"{self.output} already holds a dataset: give --replace to overwrite it"
            )
        if table_format not in ("csv", "parquet"):
            raise ImportTargetError(f"unknown table format {table_format!r} (csv or parquet)")
        self.table_format = table_format
        parent = self.output.resolve().parent
        parent.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=f".{self.output.name}.import-", dir=parent))
        self.actors: dict[str, dict] = {}
        self.types: dict[str, dict] = {}
        self.kinds: dict[str, str | None] = {}
        self.documents: dict[str, str] = {}  # key -> path (relative) or URL
        self._document_texts: dict[str, str] = {}
        self.states: dict[str, int] = {}
        self.relation_count = 0
        self.document_count = 0  # documents written by Spark (else: len(documents))
        self._url_arrays: list = []  # (keys, URLs) pyarrow arrays, in the rows' order
        self._url_table = None
        known = TABLES["relations"].column_names
        self.relation_columns = known
        self._relation_types = {c.name: c.type for c in TABLES["relations"].columns}
        self._relations_file = open(  # noqa: SIM115 (closed by close or abort)
            self.staging / "relations.csv", "w", newline="", encoding="utf-8"
        )
        self._relations = csv.writer(self._relations_file, lineterminator="\n")
        self._relations.writerow(known)
        self._attributes_file = None
        self._attributes = None
        self._attribute_names: tuple[str, ...] = ()

    # -- rows -------------------------------------------------------------------------------

    def kind(self, name: str, description: str | None = None) -> None:
        """Declare an actor kind (the first description given is kept)."""
        self.kinds.setdefault(name, description)

    def relation_type(
        self, name: str, sign: int, symmetric: bool = False, description: str | None = None
    ) -> None:
        """Declare a relation type (the first declaration is kept)."""
        self.types.setdefault(
            name, {"name": name, "sign": sign, "symmetric": symmetric, "description": description}
        )

    def actor(self, actor_id: str, name: str, kind: str, spelling: str | None = None) -> None:
        """Add an actor, or add ``spelling`` (and ``name``) to its aliases when it is known."""
        actor = self.actors.get(actor_id)
        if actor is None:
            actor = self.actors[actor_id] = {
                "id": actor_id,
                "name": name,
                "kind": kind,
                "aliases": [],
                "description": None,
            }
        for text in (name, spelling):
            text = " ".join((text or "").split())
            if text and text != actor["name"] and text not in actor["aliases"]:
                actor["aliases"].append(text)

    def document(self, key: str, text: str | None = None, url: str | None = None) -> str:
        """Declare a document: a text written beside the tables, or a URL; return its key."""
        if key in self.documents:
            if text is None or self._document_texts.get(key) == text:
                return key
            number = 2  # another text under a key already used (a repeated record id)
            while (
                f"{key}-{number}" in self.documents
                and self._document_texts.get(f"{key}-{number}") != text
            ):
                number += 1
            key = f"{key}-{number}"
            if key in self.documents:
                return key
        if text is not None:
            self._document_texts[key] = text
            relative = f"documents/{key}.txt"
            path = self.staging / relative
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            self.documents[key] = relative
        else:
            self.documents[key] = url or key
        return key

    def relation(self, row: dict, attributes: dict | None = None) -> None:
        """Write one relation (a dict by column); ``attributes`` go to attributes.csv."""
        self.relation_count += 1
        state = row.get("evidence_state") or "verified"
        if "role" not in row:
            row["role"] = self.types.get(row.get("type"), {}).get("role")
        self.states[state] = self.states.get(state, 0) + 1
        self._relations.writerow(
            [
                csv_cell(row.get(column), self._relation_types[column])
                for column in self.relation_columns
            ]
        )
        if attributes:
            self._open_attributes(tuple(attributes))
            self._attributes.writerow(
                [
                    self.relation_count,
                    *(_text(attributes.get(name)) for name in self._attribute_names),
                ]
            )

    def relation_lines(
        self,
        lines: bytes,
        count: int,
        states: dict[str, int],
        attribute_names: tuple[str, ...] = (),
        attribute_lines: bytes = b"",
    ) -> None:
        """Append ``count`` relations already made into CSV lines (UTF-8, ``\\n`` ended).

        The lines must be what :meth:`relation` would write, and ``attribute_lines``
        what it writes to attributes.csv, each numbered from :attr:`relation_count` + 1:
        the batch importers (:mod:`.gdelt_batches`) make them with pyarrow.
        """
        self.relation_count += count
        for state, number in states.items():
            self.states[state] = self.states.get(state, 0) + number
        self._relations_file.flush()
        self._relations_file.buffer.write(lines)
        if attribute_names:
            self._open_attributes(attribute_names)
            self._attributes_file.flush()
            self._attributes_file.buffer.write(attribute_lines)

    def url_documents(self, keys, urls) -> None:
        """Declare URL documents given as pyarrow arrays (the first URL of a key wins).

        What :meth:`document` does for one URL, for a batch of them, kept as
        arrays (no Python object a document): the batch importers' way.
        """
        self._url_arrays.append((keys, urls))
        self._url_table = None

    def document_total(self) -> int:
        """Return the number of documents declared (or written by Spark)."""
        if self.document_count:
            return self.document_count
        if self._url_arrays:
            return len(self._documents_arrays()[0])
        return len(self.documents)

    def _documents_arrays(self):
        """Return every document's key and path as pyarrow arrays, by key (first of a key wins)."""
        if self._url_table is not None:
            return self._url_table
        import numpy as np
        import pyarrow as pa
        import pyarrow.compute as pc

        keys = [pa.array(list(self.documents), pa.string())]
        paths = [pa.array(list(self.documents.values()), pa.string())]
        keys += [pair[0] for pair in self._url_arrays]
        paths += [pair[1] for pair in self._url_arrays]
        keys = pa.concat_arrays(keys)
        encoded = keys.dictionary_encode()
        _, firsts = np.unique(encoded.indices.to_numpy(zero_copy_only=False), return_index=True)
        firsts = pa.array(firsts)
        keys, paths = keys.take(firsts), pa.concat_arrays(paths).take(firsts)
        order = pc.sort_indices(keys)  # by UTF-8 bytes: the order of sorted() on str
        self._url_table = (keys.take(order), paths.take(order))
        return self._url_table

    def _open_attributes(self, names: tuple[str, ...]) -> None:
        if self._attributes is None:
            self._attribute_names = names
            (self.staging / "import").mkdir(exist_ok=True)
            self._attributes_file = open(  # noqa: SIM115 (closed by close or abort)
                self.staging / "import" / "attributes.csv", "w", newline="", encoding="utf-8"
            )
            self._attributes = csv.writer(self._attributes_file, lineterminator="\n")
            self._attributes.writerow(["relation", *self._attribute_names])

    # -- finishing ----------------------------------------------------------------------------

    def close(self, report: dict, written: tuple[str, ...] = ()) -> Path:
        """Write the other tables and the report, and move everything into the output folder.

        ``written``: tables already in the staging folder as Parquet (the Spark
        import writes ``relations`` and ``documents`` itself).
        """
        self._relations_file.close()
        if self._attributes_file is not None:
            self._attributes_file.close()
        if "relations" in written:
            (self.staging / "relations.csv").unlink()
        tables = {
            "actors": _distinct_names(sorted(self.actors.values(), key=lambda actor: actor["id"])),
            "types": [self.types[name] for name in sorted(self.types)],
            "kinds": [
                {"name": name, "description": self.kinds[name]} for name in sorted(self.kinds)
            ],
        }
        for row in tables["types"]:
            row.setdefault("role", None)
        for name, rows in tables.items():
            _write_csv(self.staging / f"{name}.csv", name, rows)
        if "documents" not in written:
            self._write_documents(self.staging / "documents.csv")
        states = [state for state in EVIDENCE_STATES if self.states.get(state)] or ["verified"]
        _write_csv(
            self.staging / f"{SETTINGS_TABLE}.csv",
            SETTINGS_TABLE,
            [{"key": "evidence_allowed", "value": "|".join(states)}],
        )
        (self.staging / "import").mkdir(exist_ok=True)
        (self.staging / "import" / "report.json").write_text(
            json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        if self.table_format == "parquet":
            for name in TABLES:
                if name not in written:
                    _csv_to_parquet(self.staging / f"{name}.csv", name)
        self._move_into_place()
        return self.output

    def _write_documents(self, path: Path) -> None:
        """Write the documents table, by key (pyarrow sorts and writes a long one)."""
        if not self._url_arrays and (
            len(self.documents) < ARROW_ROWS or importlib.util.find_spec("pyarrow") is None
        ):
            rows = [{"key": key, "path": self.documents[key]} for key in sorted(self.documents)]
            _write_csv(path, "documents", rows)
            return
        from .arrow_csv import csv_lines, guard, quote

        keys, paths = self._documents_arrays()
        cells = {"key": quote(guard(keys)), "path": quote(guard(paths))}
        columns = TABLES["documents"].column_names
        with open(path, "wb") as handle:
            handle.write((",".join(columns) + "\n").encode("utf-8"))
            if len(keys):
                handle.write(csv_lines([cells.get(name, "") for name in columns]))

    def abort(self) -> None:
        """Drop the staging folder (the output folder is left as it was)."""
        for handle in (self._relations_file, self._attributes_file):
            if handle is not None and not handle.closed:
                handle.close()
        shutil.rmtree(self.staging, ignore_errors=True)

    def _move_into_place(self) -> None:
        self.output.mkdir(parents=True, exist_ok=True)
        for name in WRITTEN:
            old = self.output / name
            if old.is_dir() and not old.is_symlink():
                shutil.rmtree(old)
            elif old.exists() or old.is_symlink():
                old.unlink()
        for entry in sorted(self.staging.iterdir()):
            os.replace(entry, self.output / entry.name)
        self.staging.rmdir()


def _distinct_names(actors: list[dict]) -> list[dict]:
    """Return the actors with every name and alias naming one actor only (ids first, then names).

    Foreign data spells actors loosely ("Islamic fundamentalists" coded as two
    countries): an alias already naming another actor is dropped, and a name
    already taken gets the actor's id after it.
    """
    owner = {name_key(actor["id"]): actor["id"] for actor in actors}
    for actor in actors:
        key = name_key(actor["name"])
        if owner.get(key, actor["id"]) != actor["id"]:
            actor["name"] = f"{actor['name']} ({actor['id']})"
            key = name_key(actor["name"])
        owner.setdefault(key, actor["id"])
    for actor in actors:
        kept = []
        for alias in actor["aliases"]:
            key = name_key(alias)
            if key and owner.setdefault(key, actor["id"]) == actor["id"] and alias not in kept:
                kept.append(alias)
        actor["aliases"] = kept
    return actors


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)


# A documents table this long is sorted and written by pyarrow where it is installed.
ARROW_ROWS = 10_000


def _write_csv(path: Path, table: str, rows: list[dict]) -> None:
    columns = TABLES[table].columns
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow([column.name for column in columns])
        for row in rows:
            writer.writerow([csv_cell(row.get(column.name), column.type) for column in columns])


def _csv_to_parquet(path: Path, table: str, batch_rows: int = 100_000) -> None:
    """Rewrite one staged CSV table as Parquet, a batch at a time, and remove the CSV."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ImportTargetError(
            "Parquet needs pyarrow: pip install 'news-actor-graph[parquet]'"
        ) from None
    arrow_types = {
        "text": pa.string(),
        "list": pa.list_(pa.string()),
        "int": pa.int8(),
        "bool": pa.bool_(),
        "float": pa.float64(),
    }
    columns = TABLES[table].columns
    schema = pa.schema(
        [pa.field(c.name, arrow_types[c.type], nullable=not c.required) for c in columns]
    )
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        types = [next(c.type for c in columns if c.name == name) for name in header]
        with pq.ParquetWriter(path.with_suffix(".parquet"), schema) as writer:
            batch: list[dict] = []
            for cells in reader:
                batch.append(
                    {
                        name: parse_csv_cell(cell, kind)
                        for name, cell, kind in zip(header, cells, types, strict=True)
                    }
                )
                if len(batch) >= batch_rows:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    batch = []
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    path.unlink()
