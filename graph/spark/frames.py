"""A dataset as Spark DataFrames, from a loaded dataset or from Parquet tables, and the filters.

A :class:`SparkGraph` holds two DataFrames that can be as large as the
cluster allows, and the small vocabularies as Python data:

* ``actors``: ``id``, ``name``, ``kind``, ``aliases`` (``array<string>``);
* ``relations``: ``src``, ``dst``, ``type``, ``sign``, ``symmetric``,
  ``evidence``, ``document``, ``date``, ``weight``, and ``file`` and ``row``
  (file order: the position in relations.yaml, or the Parquet file and row);
* ``types`` (name → :class:`~graph.model.RelationType`), ``kinds`` and
  ``documents`` (key → path), collected to the driver: they are vocabularies.

:func:`from_dataset` sends a dataset the loader has checked to Spark;
:func:`from_tables` has Spark read the table layout (see docs/spark.md) from
a folder or any URI Spark reads, so relations never pass through Python.
:meth:`SparkGraph.filtered` applies ``--type``, ``--kind``, ``--as-of`` and
``--exclude`` as DataFrame filters, with the rules of :mod:`graph.filters`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ..dates import period_end
from ..display import shown_path
from ..model import Actor, Dataset, RelationType
from ..names import ActorIndex
from ..problems import QueryError
from .dates import period_start
from .layout import TABLES, table_uri

__all__ = ["TABLES", "SparkGraph", "from_dataset", "from_tables"]

ACTOR_SCHEMA = "id string, name string, kind string, aliases array<string>"
RELATION_SCHEMA = (
    "src string, dst string, type string, sign int, symmetric boolean, evidence string, "
    "document string, date string, weight double, hedged boolean, evidence_state string, "
    "locator string, file string, row long"
)


@dataclass
class SparkGraph:
    """Actors and relations as DataFrames; vocabularies as Python data (see the module)."""

    spark: Any
    actors: Any
    relations: Any
    types: dict[str, RelationType]
    kinds: list[str] | None
    documents: dict[str, str]
    origin: str
    dataset: Dataset | None = None
    _index: ActorIndex | None = field(default=None, repr=False)
    _cached: list = field(default_factory=list, repr=False)

    def find_actor(self, query: str) -> Actor:
        """Return the actor ``query`` names (id, name or alias), as :meth:`Dataset.find_actor`.

        For tables the look-up collects ``id``, ``name``, ``kind`` and
        ``aliases`` of every actor to the driver once (never the relations).
        """
        if self.dataset is not None:
            return self.dataset.find_actor(query)
        if self._index is None:
            rows = self.actors.select("id", "name", "kind", "aliases").collect()
            self._actors = {
                row.id: Actor(row.id, row.name, row.kind, tuple(row.aliases or ())) for row in rows
            }
            self._index = ActorIndex(
                {actor.id: [actor.name, *actor.aliases] for actor in self._actors.values()}
            )
        return self._actors[self._index.resolve(query)]

    def filtered(
        self,
        types=None,
        kinds=None,
        as_of=None,
        exclude=(),
        signs=None,
        evidence=None,
        hedged=True,
    ) -> SparkGraph:
        """Return the graph narrowed as :func:`graph.filters.filter_dataset` narrows a dataset.

        Unknown types, signs, kinds, evidence states, dates or actors raise
        :class:`QueryError`. Evidence states are as the tables record them:
        Spark does not check quotes.
        """
        from pyspark.sql import functions as F

        from ..model import EVIDENCE_STATES, SIGN_NAMES

        states = _checked(evidence, EVIDENCE_STATES, "evidence state")
        types = _checked(types, self.types, "relation type")
        signs = _checked(signs, SIGN_NAMES.values(), "sign")
        if signs is not None:
            by_sign = {name for name, kind in self.types.items() if kind.sign_name in signs}
            types = by_sign if types is None else set(types) & by_sign
        known_kinds = self.kinds if self.kinds is not None else self.actor_kinds()
        kinds = _checked(kinds, known_kinds, "kind")
        if as_of is not None and not isinstance(as_of, str):
            raise QueryError(
                f"as_of must be a date written as text (YYYY[-MM[-DD]]), not {as_of!r}"
            )
        try:
            limit = period_end(as_of).isoformat() if as_of is not None else None
        except ValueError as error:
            raise QueryError(f"invalid as-of date: {error}") from None
        removed = sorted({self.find_actor(name).id for name in exclude or ()})
        if types is None and not (kinds or limit or removed) and states is None and hedged:
            return self
        actors = self.actors
        if removed:
            actors = actors.where(~F.col("id").isin(removed))
        if kinds:
            actors = actors.where(F.col("kind").isin(sorted(kinds)))
        relations = self.relations
        if types is not None:
            relations = relations.where(F.col("type").isin(sorted(types)))
        if states is not None:
            relations = relations.where(F.col("evidence_state").isin(sorted(states)))
        if not hedged:
            relations = relations.where(~F.col("hedged"))
        if limit:
            relations = relations.where(
                F.col("date").isNull() | (period_start(F.col("date")) <= limit)
            )
        if kinds or removed:
            kept = actors.select(F.col("id").alias("_kept"))
            for end in ("src", "dst"):
                relations = relations.join(kept, relations[end] == kept["_kept"], "left_semi")
        return replace(self, actors=actors, relations=relations, _cached=[])

    def actor_kinds(self) -> list[str]:
        """Return the kinds actors have (the vocabulary when none is declared)."""
        if self.dataset is not None:
            return sorted({actor.kind for actor in self.dataset.actors.values()})
        return sorted(row.kind for row in self.actors.select("kind").distinct().collect())

    def cache(self, frame):
        """Cache ``frame`` for this query; :meth:`release` frees every cached frame."""
        frame = frame.cache()
        self._cached.append(frame)
        return frame

    def release(self) -> None:
        for frame in self._cached:
            frame.unpersist()
        self._cached.clear()


def from_dataset(spark, dataset: Dataset) -> SparkGraph:
    """Return a dataset the loader has checked as DataFrames on ``spark``."""
    actors = spark.createDataFrame(
        [(a.id, a.name, a.kind, list(a.aliases)) for a in dataset.actors.values()],
        ACTOR_SCHEMA,
    )
    types = dataset.types
    relations = spark.createDataFrame(
        [
            (
                r.source,
                r.target,
                r.type,
                types[r.type].sign,
                types[r.type].symmetric,
                r.evidence,
                r.document,
                r.date,
                float(r.weight),
                r.hedged,
                r.evidence_state,
                r.locator,
                "",
                position,
            )
            for position, r in enumerate(dataset.relations)
        ],
        RELATION_SCHEMA,
    )
    return SparkGraph(
        spark,
        actors,
        relations,
        dict(types),
        list(dataset.kinds) if dataset.kinds is not None else None,
        {key: shown_path(document.path) for key, document in dataset.documents.items()},
        str(dataset.folder) if dataset.folder else "the seed dataset",
        dataset,
    )


def from_tables(spark, uri: str) -> SparkGraph:
    """Have Spark read the Parquet tables at ``uri`` and check them (see :mod:`graph.spark.checks`).

    Raises :class:`~graph.problems.DatasetError` listing every problem found.
    """
    from .checks import check_tables

    frames = read_tables(spark, uri)
    types, kinds, documents = check_tables(frames, uri)
    from pyspark.sql import functions as F

    type_frame = spark.createDataFrame(
        [(t.name, t.sign, t.symmetric) for t in types.values()],
        "_type string, _sign int, _symmetric boolean",
    )
    raw = frames["relations"]
    relations = raw.join(F.broadcast(type_frame), raw["type"] == type_frame["_type"]).select(
        F.col("src").cast("string"),
        F.col("dst").cast("string"),
        F.col("type").cast("string"),
        F.col("_sign").alias("sign"),
        F.col("_symmetric").alias("symmetric"),
        *(
            (
                F.col(name).cast("string") if name in raw.columns else F.lit(None).cast("string")
            ).alias(name)
            for name in ("evidence", "document", "date")
        ),
        (
            F.coalesce(F.col("weight").cast("double"), F.lit(1.0))
            if "weight" in raw.columns
            else F.lit(1.0)
        ).alias("weight"),
        (
            F.coalesce(F.col("hedged").cast("boolean"), F.lit(False))
            if "hedged" in raw.columns
            else F.lit(False)
        ).alias("hedged"),
        (
            F.coalesce(F.col("evidence_state").cast("string"), F.lit("verified"))
            if "evidence_state" in raw.columns
            else F.lit("verified")
        ).alias("evidence_state"),
        (
            F.col("locator").cast("string")
            if "locator" in raw.columns
            else F.lit(None).cast("string")
        ).alias("locator"),
        F.col("_metadata.file_path").alias("file"),
        F.col("_metadata.row_index").alias("row"),
    )
    actor_frame = frames["actors"]
    actors = actor_frame.select(
        F.col("id").cast("string"),
        F.col("name").cast("string"),
        F.col("kind").cast("string"),
        (F.col("aliases") if "aliases" in actor_frame.columns else F.array()).alias("aliases"),
    )
    return SparkGraph(spark, actors, relations, types, kinds, documents, uri)


def read_tables(spark, uri: str) -> dict:
    """Return ``{name: DataFrame}`` for every table found at ``uri`` (``actors`` and
    ``relations`` are required; the others are optional).

    A required table that is not there is a :class:`QueryError` (the URI is
    wrong); a table that is there but cannot be read, optional or not, is a
    :class:`~graph.problems.DatasetError` (an unreadable ``kinds`` table was
    dropped, and every kind passed).
    """
    from ..problems import DatasetError, Problem

    frames, problems = {}, []
    for name in TABLES:
        path = table_uri(uri, name)
        try:
            frames[name] = spark.read.parquet(path).select("*", "_metadata")
        except Exception as error:  # AnalysisException: PATH_NOT_FOUND, not Parquet...
            if not _not_found(error):
                problems.append(
                    Problem(path, 0, 0, f"cannot read the {name} table: {_reason(error)}")
                )
            elif name in ("actors", "relations"):
                raise QueryError(
                    f"--tables {uri}: cannot read the {name} table {path} ({_reason(error)})"
                ) from None
    if problems:
        raise DatasetError(problems)
    return frames


def _reason(error: Exception) -> str:
    """The first line of what Spark (or the JVM beneath it) says went wrong."""
    java = getattr(error, "java_exception", None)
    text = str(java.getMessage()) if java is not None else str(error)
    return text.strip().splitlines()[0] if text.strip() else type(error).__name__


def _not_found(error: Exception) -> bool:
    """Whether Spark's error says the path does not exist (not that it cannot be read)."""
    condition = getattr(error, "getCondition", None) or getattr(error, "getErrorClass", None)
    return (condition() if condition else None) == "PATH_NOT_FOUND"


def _checked(values, known, what: str) -> set[str] | None:
    if values is None:
        return None
    values = {values} if isinstance(values, str) else set(values)
    unknown = sorted(values - set(known))
    if unknown:
        choices = ", ".join(sorted(known))
        raise QueryError(f"unknown {what} {', '.join(map(repr, unknown))} (choose from: {choices})")
    return values
