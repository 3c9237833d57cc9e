"""``gdelt`` in Spark (``graph import gdelt --engine spark``): the path for GDELT's archive.

The same import as :func:`.gdelt.read_rows`, with the rows in Spark
DataFrames: Spark reads the files (its text reader ends lines where Python
does: ``\\n``, ``\\r\\n``, a lone ``\\r``), splits the cells, tells each
row's layout apart by its number of cells, and writes the relations, the
documents and the attributes as partitioned Parquet tables (folders of part
files, which ``--data`` and ``--tables`` read). What is mapped is mapped by
the very functions of :mod:`.gdelt` and the mapping tables, on the driver,
once per *distinct* value (CAMEO codes, dates, Goldstein scores, actors'
cells), and sent back to Spark as small frames joined to the rows
(broadcast): Spark's executors run no Python.

Whatever the row path decides by the order of the rows is decided here by
each row's place (its file, the block of the file and its row in the block):
an actor's name and aliases (the first spelling first), a type's
description (its first row's CAMEO code), the report's first example of each
reason (its line number counted in Spark), the first URL of a document key,
and the relations' order in the table. The small tables (actors, types,
kinds, the dataset settings) are written by the driver, as the local import
writes them.

Not done in Spark: ``--articles`` (a folder of texts, searched by Python).
Document keys of URLs that are not ASCII are made by Java's lower-casing,
which may differ from Python's on a few letters; bytes that are not UTF-8
are replaced as Spark replaces them.
"""

from __future__ import annotations

from pathlib import Path

from ..tables import TABLES
from . import gdelt_rows as gdelt
from .mappings import mapping

__all__ = ["read"]

# Python's whitespace (str.isspace), as a Java regular expression.
WHITESPACE = (
    "[\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F"
    "\\u205F\\u3000]"
)
ATTRIBUTES = gdelt.ATTRIBUTES
# The cells the mapping reads (positions in every layout).
COLUMNS = (0, 1, 5, 6, 12, 13, 14, 15, 16, 22, 23, 24, 25, 26, 31, 32, 33, 34)
SPARK_TYPES = {"text": "string", "list": "array<string>", "int": "int", "bool": "boolean",
               "float": "double"}  # fmt: skip


def read(sources, writer, report, spark, mentions=None) -> tuple[str, ...]:
    """Import the files in Spark into the writer's staging folder; return the tables written.

    The actors, types and kinds are declared on ``writer`` (written by its
    ``close``); the relations, documents and attributes are written by Spark,
    in a fixed number of jobs (a dozen at most) whatever the size of the input.
    """
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    names = [Path(source).name for source in sources]
    lines = None
    for index, source in enumerate(sources):
        frame = (
            spark.read.text(str(Path(source).resolve()))
            .withColumn("file", F.lit(index))
            .withColumn("block", F.input_file_block_start())
            .withColumn("row", F.monotonically_increasing_id())
        )
        lines = frame if lines is None else lines.unionByName(frame)
    lines = (
        lines.withColumn("blank", F.col("value").rlike(f"^{WHITESPACE}*$"))
        .withColumn("cells", F.split("value", "\t", -1))
        .withColumn("n", F.size("cells"))
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    at = F.struct("file", "block", "row")
    known = F.col("n").isin(*gdelt.LAYOUTS) & ~F.col("blank")

    def cell(index):
        return F.col("cells").getItem(index)

    def known_cell(index):
        return F.when(known, cell(index))

    pair = F.concat_ws("\t", cell(gdelt.QUAD_CLASS), cell(gdelt.GOLDSTEIN))

    # Job 1: each file's first line (a header?) and the distinct values the driver maps.
    summary = (
        lines.groupBy("file")
        .agg(
            F.min(F.struct("block", "row", "value")).alias("first"),
            F.collect_set(F.when(known, pair)).alias("pairs"),
            F.collect_set(known_cell(gdelt.EVENT_CODE)).alias("codes"),
            F.collect_set(known_cell(1)).alias("dates"),
        )
        .collect()
    )
    header = F.lit(False)
    pairs, codes, dates = set(), set(), set()
    for file, first, file_pairs, file_codes, file_dates in summary:
        pairs.update(file_pairs)
        codes.update(file_codes)
        dates.update(file_dates)
        if first.value.strip() and first.value.split("\t")[0].strip().upper() == "GLOBALEVENTID":
            header = header | (
                (F.col("file") == file)
                & (F.col("block") == first.block)
                & (F.col("row") == first.row)
            )
    cameo = mapping("cameo")
    scores = []
    for text in sorted(pairs):
        quad, score = text.split("\t")
        goldstein = gdelt.goldstein_of(score)
        reason = gdelt.disagreement(quad.strip(), goldstein)
        scores.append((text, reason, quad.strip(), _text(goldstein)))
    code_rows = []
    for raw in sorted(codes):
        row = gdelt.cameo_row(cameo, raw.strip())
        mapped = (row["type"], int(row["sign"]), row["code"]) if row else (None, None, None)
        code_rows.append((raw, raw.strip(), row is not None, *mapped))

    rows = (
        lines.where(~F.col("blank") & ~header)
        .select(
            "file",
            "block",
            "row",
            "n",
            *(F.when(known, cell(index)).alias(f"c{index}") for index in COLUMNS),
            F.when(known, pair).alias("pair"),
            F.when(known & (F.col("n") == 61), cell(59)).when(known, cell(56)).alias("added"),
            F.when(known & (F.col("n") == 61), cell(60))
            .when(known & (F.col("n") == 58), cell(57))
            .otherwise(F.lit(""))
            .alias("url"),
        )
        .join(
            F.broadcast(
                _small(
                    spark,
                    scores,
                    "pair string, disagreement string, quad_class string, goldstein string",
                )
            ),
            "pair",
            "left",
        )
        .join(
            F.broadcast(
                _small(
                    spark,
                    code_rows,
                    "c26 string, event_code string, known boolean, type string, sign int, "
                    "cameo string",
                )
            ),
            "c26",
            "left",
        )
        .join(
            F.broadcast(
                _small(
                    spark,
                    [(raw, gdelt._date(raw)) for raw in sorted(dates)],
                    "c1 string, date string",
                )
            ),
            "c1",
            "left",
        )
    )
    first, second = F.col(f"c{gdelt.ACTOR1}") != "", F.col(f"c{gdelt.ACTOR2}") != ""
    rows = rows.withColumn(
        "skip",
        F.when(
            ~F.col("n").isin(*gdelt.LAYOUTS),
            F.concat(F.col("n").cast("string"), F.lit(" columns (expected 57, 58 or 61)")),
        )
        .when(~first & ~second, "no actor")
        .when(~first | ~second, "one actor only")
        .when(~F.col("known"), "unknown CAMEO code"),
    )

    def key(start):
        return F.concat_ws("\t", *(F.col(f"c{start + offset}") for offset in (0, 1, 7, 8, 9)))

    rows = (
        rows.withColumn("key1", F.when(F.col("skip").isNull(), key(gdelt.ACTOR1)))
        .withColumn("key2", F.when(F.col("skip").isNull(), key(gdelt.ACTOR2)))
        .persist(StorageLevel.MEMORY_AND_DISK)
    )

    # Job 2: the actors, declared in the order the row path meets them (source, then target).
    sides = [
        rows.where(F.col(name).isNotNull()).select(
            F.col(name).alias("key"), at.alias("at"), F.lit(side).alias("side")
        )
        for side, name in enumerate(("key1", "key2"))
    ]
    met = (
        sides[0]
        .unionByName(sides[1])
        .groupBy("key")
        .agg(F.min(F.struct("at", "side")).alias("first"))
        .orderBy("first")
        .collect()
    )
    ids = []
    for actor_key, _ in met:
        code_cell, name_cell, *types = actor_key.split("\t")
        actor = gdelt.actor_of(code_cell, name_cell, types)
        ids.append((actor_key, gdelt.declare_actor(writer, actor)))
    actors = _small(spark, ids, "key string, id string")
    if len(ids) < 1_000_000:
        actors = F.broadcast(actors)
    rows = (
        rows.join(
            actors.withColumnRenamed("key", "key1").withColumnRenamed("id", "src"), "key1", "left"
        )
        .join(
            actors.withColumnRenamed("key", "key2").withColumnRenamed("id", "dst"), "key2", "left"
        )
        .withColumn(
            "skip",
            F.when(F.col("src") == F.col("dst"), "same actor at both ends").otherwise(
                F.col("skip")
            ),
        )
    )
    made = F.col("skip").isNull()

    # Mentions: each event's best mention gives the URL and the locator.
    rows = rows.withColumn("event_id", _strip(F.col("c0"))).withColumn("url", _strip(F.col("url")))
    rows = rows.withColumn("locator", F.concat(F.lit("GLOBALEVENTID "), F.col("event_id")))
    rows = rows.withColumn("evidence_state", F.lit("asserted"))
    if mentions is not None:
        keys, urls, locators = gdelt.mention_locators(Path(mentions))
        best = _small(
            spark,
            list(zip(keys, urls, locators, strict=True)),
            "event_id string, mention_url string, mention_locator string",
        )
        rows = rows.join(F.broadcast(best), "event_id", "left")
        found = F.col("mention_url").isNotNull()
        rows = (
            rows.withColumn("url", F.when(found, F.col("mention_url")).otherwise(F.col("url")))
            .withColumn(
                "locator", F.when(found, F.col("mention_locator")).otherwise(F.col("locator"))
            )
            .withColumn(
                "evidence_state", F.when(found, "located").otherwise(F.col("evidence_state"))
            )
        )
    rows = rows.withColumn(
        "document", F.when(made & (F.col("url") != ""), _url_key(F.col("url")))
    ).persist(StorageLevel.MEMORY_AND_DISK)

    # Job 3: the report's counts, each reason's first row, each type's first CAMEO row.
    def entry(what, reason, cameo=None):
        return F.struct(
            F.lit(what).alias("what"),
            reason.cast("string").alias("reason"),
            (F.lit(None) if cameo is None else cameo).cast("string").alias("cameo"),
        )

    entries = F.array(
        entry("read", F.lit("")),
        entry("skip", F.col("skip")),
        entry("disagree", F.col("disagreement")),
        entry("type", F.when(made, F.col("type")), F.col("cameo")),
        entry("state", F.when(made, F.col("evidence_state"))),
    )
    counts = (
        rows.select(at.alias("at"), F.explode(entries).alias("entry"))
        .where(F.col("entry.reason").isNotNull())
        .groupBy("entry.what", "entry.reason")
        .agg(F.count("*").alias("count"), F.min(F.struct("at", "entry.cameo")).alias("first"))
        .collect()
    )
    examples: dict[str, tuple] = {}
    for what, reason, count, first in sorted(counts, key=lambda row: (row[0], row[1])):
        if what == "read":
            report.rows_read += count
        elif what in ("skip", "disagree"):
            examples[reason] = tuple(first.at)
            (report.skip if what == "skip" else report.disagree)(reason, "", count)
        elif what == "type":
            row = cameo[first.cameo]
            description = f"CAMEO {row['code']}: {row['description']}"
            writer.relation_type(row["type"], int(row["sign"]), False, description)
        else:
            writer.states[reason] = count
            writer.relation_count += count
    roles = _small(
        spark,
        [(name, declared.get("role")) for name, declared in writer.types.items()],
        "type string, role string",
    )

    # Jobs 4-7: the relations (numbered in the rows' order), their attributes, the documents.
    staging = writer.staging
    numbered, ordered = _numbered(
        rows.where(made).join(F.broadcast(roles), "type", "left").orderBy(at), F
    )
    numbered.orderBy("relation").select(
        *(
            _relation_column(column.name, column.type, F).alias(column.name)
            for column in TABLES["relations"].columns
        )
    ).write.parquet(str(staging / "relations.parquet"))
    numbered.orderBy("relation").select(
        "relation",
        "event_id",
        "event_code",
        "quad_class",
        "goldstein",
        F.col("c31").alias("num_mentions"),
        F.col("c32").alias("num_sources"),
        F.col("c33").alias("num_articles"),
        F.col("c34").alias("avg_tone"),
        F.col("c25").alias("is_root_event"),
        F.col("added").alias("date_added"),
        F.col("n").cast("string").alias("columns"),
    ).write.parquet(str(staging / "import" / "attributes.parquet"))
    documents = (
        numbered.where(F.col("document").isNotNull())
        .groupBy(F.col("document").alias("key"))
        .agg(F.min_by("url", "relation").alias("path"))
        .withColumn("dataset", F.lit(None).cast("string"))
        .orderBy("key")
    )
    documents.write.parquet(str(staging / "documents.parquet"))
    writer.document_count = spark.read.parquet(str(staging / "documents.parquet")).count()

    # Job 8: each reason's first row as a line number.
    _examples(spark, lines, examples, names, report)
    for frame in (lines, rows, ordered):
        frame.unpersist()
    return ("relations", "documents")


def _relation_column(name: str, column_type: str, F):
    """The relations table's column ``name`` from the mapped rows (null where none)."""
    given = {
        "src": F.col("src"),
        "dst": F.col("dst"),
        "type": F.col("type"),
        "sign": F.col("sign"),
        "symmetric": F.lit(False),
        "document": F.col("document"),
        "date": F.col("date"),
        "role": F.col("role"),
        "evidence_state": F.col("evidence_state"),
        "locator": F.col("locator"),
    }
    return given.get(name, F.lit(None)).cast(SPARK_TYPES[column_type])


def _numbered(frame, F):
    """Return the rows of an ordered frame with ``relation``: 1, 2, ... in that order.

    Each partition's rows are counted (one small collect), and a row's number
    is the rows of the partitions before it plus its place in its own: no
    window over the whole frame, so it scales with the rows. Returns the
    numbered frame and the persisted one under it (to unpersist when done).
    """
    from pyspark import StorageLevel

    frame = (
        frame.withColumn("part", F.spark_partition_id())
        .withColumn("place", F.monotonically_increasing_id())
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    parts = sorted(
        tuple(row) for row in frame.groupBy("part").agg(F.count("*"), F.min("place")).collect()
    )
    starts, total = [], 0
    for part, count, first in parts:
        starts.append((part, total - first + 1))
        total += count
    shift = _small(frame.sparkSession, starts, "part int, shift long")
    numbered = frame.join(F.broadcast(shift), "part").withColumn(
        "relation", F.col("place") + F.col("shift")
    )
    return numbered, frame


def _examples(spark, lines, examples: dict, names: list[str], report) -> None:
    """Set the report's example of each reason: the line number of its first row, in its file."""
    from pyspark.sql import functions as F

    if not examples:
        return
    places = _small(
        spark,
        [(reason, file, block, row) for reason, (file, block, row) in examples.items()],
        "reason string, file int, at_block long, at_row long",
    )
    numbers = (
        lines.join(F.broadcast(places), "file")
        .where(
            (F.col("block") < F.col("at_block"))
            | ((F.col("block") == F.col("at_block")) & (F.col("row") <= F.col("at_row")))
        )
        .groupBy("reason", "file")
        .count()
        .collect()
    )
    for reason, file, count in numbers:
        report.examples[reason] = f"{names[file]}:{count}"


def _small(spark, rows: list[tuple], schema: str):
    """Return a small frame made on the driver (a mapping, joined by broadcast)."""
    return spark.createDataFrame(rows, schema)


def _strip(column):
    """``str.strip()`` in Spark: Python's whitespace off both ends."""
    from pyspark.sql import functions as F

    return F.regexp_replace(column, f"^{WHITESPACE}+|{WHITESPACE}+$", "")


def _url_key(url):
    """:func:`.gdelt._url_key` in Spark: the URL's host and the first 10 hex digits of its SHA-1."""
    from pyspark.sql import functions as F

    host = F.regexp_replace(F.lower(url), "^[a-z]+://(www\\.)?", "")
    host = F.substring_index(host, "/", 1)
    host = F.regexp_replace(host, "[^a-z0-9]+", "-")
    host = F.regexp_replace(host, "^-+|-+$", "")
    host = F.substring(host, 1, 40)
    host = F.when(host == "", F.lit("url")).otherwise(host)
    return F.concat(host, F.lit("-"), F.substring(F.sha1(url.cast("binary")), 1, 10))


def _text(value) -> str:
    if value is None:
        return ""
    return repr(value) if isinstance(value, float) else str(value)
