"""The rules Spark checks on Parquet tables before a query, and those it cannot.

Checked in Spark, over every row (the relations never leave the cluster):

* columns: ``actors`` has ``id``, ``name``, ``kind``; ``relations`` has
  ``src``, ``dst``, ``type``, ``evidence``; a ``types`` table exists; each
  column of the layout has a Spark type that fits it (:data:`ACCEPTED_TYPES`:
  text is ``string``, aliases ``array<string>``; a sign, a boolean or a
  weight may also be text, read as ``--data`` reads it, by
  :func:`graph.tables.parse_cell`);
* actors: an id, a name and a kind on every row; ids unique; the kind
  declared when a non-empty ``kinds`` table exists;
* relations: ``src`` and ``dst`` name known actors and differ; the type is
  declared in ``types``; ``sign`` and ``symmetric``, when given, agree with
  the type; the weight lies in [1e-6, 1e6]; the date is a real
  ``YYYY[-MM[-DD]]``; the document, when given, is in ``documents``;
* the small tables (``types``, ``kinds``, ``documents``), collected to the
  driver: names unique, signs -1, 0 or 1.

Not checked: that each quote is really in its document (that needs the
documents' text and the loader's quote matching; load the tables with
``--data`` for it), and the look-alike checks on names that the YAML loader
runs. Problems are ``FILE:ROW:COLUMN: error: message`` (row 1 is the first
row of data, columns count from 1); at most :data:`SHOWN` per run are listed,
with the number left out.
"""

from __future__ import annotations

from ..model import RelationType
from ..problems import DatasetError, Problem
from ..tables import FALSE_WORDS, TRUE_WORDS, parse_cell
from ..tables import TABLES as LAYOUT  # the columns of each table (not layout.TABLES, the names)
from .dates import period_start
from .layout import table_uri

__all__ = ["SHOWN", "check_tables"]

SHOWN = 50
MIN_WEIGHT, MAX_WEIGHT = 1e-6, 1e6
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
_INTEGRAL = ("tinyint", "smallint", "int", "bigint")
# The Spark types each column type of the layout (graph.tables) may have, or a column its own;
# text in a number or boolean column is read as --data reads it (graph.tables.parse_cell).
ACCEPTED_TYPES = {
    "text": ("string",),
    "list": ("array<string>",),
    "int": (*_INTEGRAL, "string"),
    "bool": ("boolean", "string"),
    "float": ("double", "float", "decimal", *_INTEGRAL, "string"),
    "date": ("string", "date"),
}
REQUIRED = {
    "actors": ("id", "name", "kind"),
    "relations": ("src", "dst", "type", "evidence"),
    "types": ("name", "sign"),
    "kinds": ("name",),
    "documents": ("key", "path"),
}


def check_tables(frames: dict, uri: str):
    """Check the tables; return ``(types, kinds, documents)`` or raise DatasetError."""
    problems: list[Problem] = []
    for name, frame in frames.items():
        missing = [c for c in REQUIRED[name] if c not in frame.columns]
        for column in missing:
            columns = ", ".join(c for c in frame.columns if c != "_metadata")
            problems.append(
                Problem(table_uri(uri, name), 1, 1, f"missing column {column!r} (has: {columns})")
            )
    if "types" not in frames:
        problems.append(Problem(table_uri(uri, "types"), 1, 1, "missing the types table"))
    for name, frame in frames.items():
        problems += _type_problems(frame, table_uri(uri, name), name)
    if problems:
        raise DatasetError(problems)
    types, kinds, documents = _vocabularies(frames, problems, uri)
    rows = [_actor_problems(frames["actors"], kinds), _relation_problems(frames, types, documents)]
    found = _union([frame for frame in rows if frame is not None])
    total = found.count()
    for row in found.orderBy("file", "row", "column").limit(SHOWN).collect():
        problems.append(Problem(row.file, row.row + 1, row.column, row.message))
    if total > SHOWN:
        problems.append(
            Problem(uri, 1, 1, f"{total - SHOWN} more problem(s) not shown ({total} in all)")
        )
    if problems:
        raise DatasetError(problems)
    return types, kinds, documents


def _type_problems(frame, shown: str, table: str) -> list[Problem]:
    """A column of the layout whose Spark type no reading fits: ``FILE: error: ...``.

    Caught before any query: Spark would fail mid-query with a cast error
    (Java frames and a traceback) or compare unlike values silently.
    """
    columns = {column.name: column.type for column in LAYOUT[table].columns}
    problems = []
    for column, spark_type in frame.dtypes:
        if column not in columns:
            continue
        accepted = ACCEPTED_TYPES.get(column, ACCEPTED_TYPES[columns[column]])
        if spark_type.split("(")[0] not in accepted:  # decimal(10,2) is a decimal
            expected = " or ".join(accepted)
            message = f"column {column!r} has type {spark_type}, expected {expected}"
            problems.append(Problem(shown, 0, 0, message))
    return problems


def _cell(row: dict, column: str, column_type: str):
    """A small table's cell read as ``--data`` reads it: text by :func:`graph.tables.parse_cell`.

    Raises ``ValueError`` for text that is not a value of the column's type.
    """
    value = row.get(column)
    return parse_cell(value, column_type) if isinstance(value, str) else value


def _vocabularies(frames: dict, problems: list[Problem], uri: str):
    """Collect types, kinds and documents (small tables) and check them in Python."""
    types: dict[str, RelationType] = {}
    number = _column_numbers(frames["types"])
    for row in _rows(frames["types"]):
        name = row["name"]
        where = (row["_metadata"]["file_path"], row["_metadata"]["row_index"] + 1)
        try:
            sign = _cell(row, "sign", "int")
        except ValueError:
            sign = row["sign"]
        try:
            symmetric = _cell(row, "symmetric", "bool")
        except ValueError:
            shown = row["symmetric"]
            problems.append(
                Problem(
                    *where,
                    number["symmetric"],
                    f"symmetric of type {name!r} must be true or false, not {shown!r}",
                )
            )
            continue
        if name in types:
            problems.append(Problem(*where, number["name"], f"duplicate type {name!r}"))
        elif type(sign) is not int or sign not in (-1, 0, 1):
            problems.append(
                Problem(*where, number["sign"], f"sign of type {name!r} must be -1, 0 or 1")
            )
        else:
            role = row.get("role") or "action"
            types[name] = RelationType(name, sign, bool(symmetric), row.get("description"), role)
    kinds = None
    if "kinds" in frames:
        kinds = [row["name"] for row in _rows(frames["kinds"])] or None
    documents = {}
    if "documents" in frames:
        documents = {row["key"]: _beside(uri, row["path"]) for row in _rows(frames["documents"])}
    if problems:
        raise DatasetError(problems)
    return types, kinds, documents


def _beside(uri: str, path: str | None) -> str | None:
    """A document's path as the tables give it, made relative to the tables' folder."""
    if path is None or "://" in path or path.startswith("/"):
        return path
    return f"{uri.rstrip('/')}/{path}"


def _column_numbers(frame) -> dict[str, int]:
    """Each column's number from 1, as problems show it (``_metadata`` left out)."""
    return {name: n for n, name in enumerate((c for c in frame.columns if c != "_metadata"), 1)}


def _rows(frame) -> list[dict]:
    return [row.asDict(recursive=True) for row in frame.collect()]


def _located(frame, column: str, message):
    """Rows of ``frame`` as problems at ``column`` with ``message`` (a Column or text)."""
    from pyspark.sql import functions as F

    position = [c for c in frame.columns if c != "_metadata"].index(column) + 1
    return frame.select(
        F.col("_metadata.file_path").alias("file"),
        F.col("_metadata.row_index").alias("row"),
        F.lit(position).alias("column"),
        (F.lit(message) if isinstance(message, str) else message).alias("message"),
    )


def _missing(column):
    from pyspark.sql import functions as F

    return F.col(column).isNull() | (F.trim(F.col(column).cast("string")) == "")


def _quoted(column):
    from pyspark.sql import functions as F

    return F.concat(F.lit("'"), F.col(column).cast("string"), F.lit("'"))


def _actor_problems(actors, kinds):
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    found = [
        _located(actors.where(_missing(column)), column, f"missing {column}")
        for column in ("id", "name", "kind")
    ]
    by_id = Window.partitionBy("id")
    first = F.min(F.struct("_metadata.file_path", "_metadata.row_index")).over(by_id)
    repeated = actors.where(~_missing("id")).withColumn("_first", first)
    repeated = repeated.where(
        F.struct("_metadata.file_path", "_metadata.row_index") != F.col("_first")
    )
    found.append(
        _located(
            repeated,
            "id",
            F.concat(
                F.lit("duplicate actor id "),
                _quoted("id"),
                F.lit(" (first on row "),
                (F.col("_first.row_index") + 1).cast("string"),
                F.lit(")"),
            ),
        )
    )
    if kinds:
        unknown = actors.where(~_missing("kind") & ~F.col("kind").isin(kinds))
        message = F.concat(F.lit("unknown kind "), _quoted("kind"))
        found.append(_located(unknown, "kind", message))
    return _union(found)


def _relation_problems(frames: dict, types: dict, documents: dict):
    from pyspark.sql import functions as F

    relations = frames["relations"]
    ids = frames["actors"].where(~_missing("id")).select(F.col("id").cast("string").alias("_id"))
    found = [
        _located(relations.where(_missing(column)), column, f"missing {column}")
        for column in ("src", "dst", "type")
    ]
    # A quote is required of verified relations only; Spark cannot check quotes, so the
    # other states are taken as recorded.
    verified = (
        F.col("evidence_state").isNull() | (F.col("evidence_state") == "verified")
        if "evidence_state" in relations.columns
        else F.lit(True)
    )
    found.append(
        _located(relations.where(_missing("evidence") & verified), "evidence", "missing evidence")
    )
    for end in ("src", "dst"):
        present = relations.where(~_missing(end))
        unknown = present.join(ids, present[end].cast("string") == ids["_id"], "left_anti")
        found.append(_located(unknown, end, F.concat(F.lit("unknown actor "), _quoted(end))))
    loops = relations.where(F.col("src") == F.col("dst"))
    found.append(
        _located(loops, "dst", "relation from an actor to itself (self-loops are not allowed)")
    )
    known = relations.where(~_missing("type") & ~F.col("type").isin(list(types)))
    found.append(
        _located(known, "type", F.concat(F.lit("unknown relation type "), _quoted("type")))
    )
    for column, field in (("sign", "sign"), ("symmetric", "symmetric")):
        if column not in relations.columns:
            continue
        value = _read_as(relations, column, "int" if column == "sign" else "bool")
        expected = (
            F.create_map(
                *(
                    item
                    for t in types.values()
                    for item in (F.lit(t.name), F.lit(getattr(t, field)))
                )
            )
            if types
            else None
        )
        if expected is None:
            continue
        wrong = relations.where(
            ~_missing(column)
            & F.col("type").isin(list(types))
            & (value.isNull() | (value != expected[F.col("type")]))
        )
        message = F.concat(
            F.lit(f"{column} "),
            F.col(column).cast("string"),
            F.lit(" disagrees with type "),
            _quoted("type"),
            F.lit(" ("),
            expected[F.col("type")].cast("string"),
            F.lit(")"),
        )
        found.append(_located(wrong, column, message))
    if "weight" in relations.columns:
        weight = F.col("weight").try_cast("double")  # text that is no number: null, reported
        bad = relations.where(
            F.col("weight").isNotNull()
            & (weight.isNull() | F.isnan(weight) | (weight < MIN_WEIGHT) | (weight > MAX_WEIGHT))
        )
        found.append(
            _located(
                bad, "weight", f"weight must be a number from {MIN_WEIGHT:g} to {MAX_WEIGHT:g}"
            )
        )
    if "date" in relations.columns:
        date = F.col("date").cast("string")
        real = F.try_to_date(period_start(date), "yyyy-MM-dd")
        bad = relations.where(date.isNotNull() & ((~date.rlike(DATE_PATTERN)) | real.isNull()))
        message = F.concat(
            F.lit("date must be a real YYYY, YYYY-MM or YYYY-MM-DD, not "), _quoted("date")
        )
        found.append(_located(bad, "date", message))
    if "document" in relations.columns:
        unknown = relations.where(
            F.col("document").isNotNull() & ~F.col("document").isin(list(documents))
        )
        found.append(
            _located(unknown, "document", F.concat(F.lit("unknown document "), _quoted("document")))
        )
    return _union(found)


def _read_as(frame, column: str, column_type: str):
    """``column`` as an int or a boolean; text read as :func:`graph.tables.parse_cell` reads
    it (a boolean's words from :data:`graph.tables.TRUE_WORDS`), null where it is not one."""
    from pyspark.sql import functions as F

    if dict(frame.dtypes)[column] != "string":
        return F.col(column)
    text = F.lower(F.trim(F.col(column)))
    if column_type == "int":
        return text.try_cast("int")
    return F.when(text.isin(list(TRUE_WORDS)), F.lit(True)).when(
        text.isin(list(FALSE_WORDS)), F.lit(False)
    )


def _union(frames: list):
    result = frames[0]
    for frame in frames[1:]:
        result = result.unionByName(frame)
    return result
