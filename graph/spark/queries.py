"""``stats``, ``centrality`` and ``path`` on Spark, with the default engine's result shapes.

Each function takes a :class:`~graph.spark.frames.SparkGraph` and returns the
dict the networkx engine returns for the same question, plus
``"engine": "spark"``. Only the answer comes back to the driver: counts,
the ranked rows, one path and the relations along it.

* :func:`centrality`: degree, in-degree, out-degree and PageRank (weighted
  or not); other measures are a :class:`QueryError` naming the engines
  that offer them.
* :func:`path`: the shortest path length and the first shortest path in id
  order (the default engine's first path), explained with its evidence;
  ``--max`` is not offered.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ..engines.base import PAGERANK
from ..model import Actor, Dataset, Relation
from ..problems import QueryError
from ..queries._checks import check_count
from ..queries.centrality import MEASURES, TIE_DIGITS, _ranked
from ..queries.direction import resolve_directed
from . import algorithms
from .frames import SparkGraph

__all__ = ["SPARK_MEASURES", "centrality", "path", "stats"]

SPARK_MEASURES = ("degree", "in-degree", "out-degree", "pagerank")

ENGINE = "spark"


def stats(
    graph: SparkGraph,
    directed: bool | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict:
    """Return what :func:`graph.queries.summary.stats` returns, computed by Spark."""
    from pyspark.sql import functions as F

    from ..queries.direction import resolve_directed

    directed = resolve_directed(directed, "density")
    say = progress or (lambda message: None)
    say("counting in Spark...")
    actors = graph.cache(graph.actors.select("id", "kind"))
    relations = graph.cache(
        graph.relations.select("src", "dst", "type", "symmetric", "date", "weight")
    )
    by_kind = {row.kind: row["count"] for row in actors.groupBy("kind").count().collect()}
    by_type = {row.type: row["count"] for row in relations.groupBy("type").count().collect()}
    by_sign: Counter = Counter()
    for name, count in by_type.items():
        by_sign[graph.types[name].sign_name] += count
    dates = (
        relations.where(F.col("date").isNotNull())
        .agg(F.count("*").alias("n"), F.min("date").alias("first"), F.max("date").alias("last"))
        .first()
    )
    edges = graph.cache(algorithms.projection(relations, directed=directed))
    count, links = sum(by_kind.values()), edges.count()
    pairs = count * (count - 1) if directed else count * (count - 1) / 2
    say("finding components in Spark...")
    labels = algorithms.components(actors, edges)
    sizes = labels.groupBy("component").count()
    largest = sizes.agg(F.count("*").alias("n"), F.max("count").alias("largest")).first()
    ends = edges.select(F.col("src").alias("id")).unionByName(
        edges.select(F.col("dst").alias("id"))
    )
    isolated = sorted(row.id for row in actors.join(ends, "id", "left_anti").collect())
    graph.release()
    return {
        "actors": count,
        "relations": sum(by_type.values()),
        "actors_by_kind": _counts(by_kind),
        "relations_by_type": _counts(by_type),
        "relations_by_sign": _counts(by_sign),
        "engine": ENGINE,
        "documents": dict(graph.documents),
        "components": largest.n,
        "largest_component": largest.largest or 0,
        "isolated": isolated,
        "density": 0 if count <= 1 else links / pairs,
        "directed": directed,
        "dated_relations": dates.n,
        "first_date": dates.first,
        "last_date": dates.last,
    }


def centrality(
    graph: SparkGraph,
    measure: str = "degree",
    directed: bool | None = None,
    weighted: bool = False,
    top: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict:
    """Return what :func:`graph.queries.centrality.centrality` returns, computed by Spark."""
    from pyspark.sql import functions as F

    check_count(top, "top")
    check_measure(measure)
    directed = resolve_directed(directed, measure)
    say = progress or (lambda message: None)
    actors = graph.cache(graph.actors.select("id", "name", "kind"))
    count = actors.count()
    edges = graph.cache(algorithms.projection(graph.relations, directed, weighted))
    say(f"computing {measure} in Spark ({count} actors)...")
    if measure == "pagerank":
        scores = algorithms.pagerank(
            graph,
            actors,
            edges,
            count,
            PAGERANK["alpha"],
            PAGERANK["total_change"],
            PAGERANK["max_iter"],
            directed,
        )
    else:
        scores = algorithms.degrees(actors, edges, measure, directed, weighted, count)
    scores = graph.cache(scores)
    if top is not None:
        # Every actor that can rank in the top N: scores at least the N-th best, less the
        # tie tolerance; ranks are then computed in Python exactly as the default engine does.
        nth = scores.orderBy(F.desc("score"), "id").limit(top).agg(F.min("score")).first()[0]
        scores = scores.where(F.col("score") >= (nth or 0.0) - 10.0**-TIE_DIGITS)
    collected = {row.id: row.score for row in scores.collect()}
    chosen = _ranked(collected)[:top]
    known = (
        {
            row.id: row
            for row in actors.where(
                F.col("id").isin([actor_id for actor_id, _ in chosen])
            ).collect()
        }
        if top is not None
        else {row.id: row for row in actors.collect()}
    )
    graph.release()
    rows = [
        {
            "id": actor_id,
            "name": known[actor_id].name,
            "kind": known[actor_id].kind,
            "score": collected[actor_id],
            "rank": rank,
        }
        for actor_id, rank in chosen
    ]
    return {
        "measure": measure,
        "directed": directed,
        "weighted": weighted,
        "engine": ENGINE,
        "results": rows,
    }


def check_measure(measure: str) -> None:
    """Raise QueryError for a measure Spark does not compute, naming the engines that do."""
    if measure in SPARK_MEASURES:
        return
    if measure in (*MEASURES, "all"):
        from ..engines import ENGINES

        able = [e.name for e in ENGINES.values() if measure == "all" or e.can(measure)]
        if measure == "all":
            able = [e.name for e in ENGINES.values() if all(e.can(m) for m in MEASURES)]
        raise QueryError(
            f"--engine spark does not compute {measure}; it computes "
            f"{', '.join(SPARK_MEASURES)}; engines that compute {measure}: {', '.join(able)}"
        )
    raise QueryError(f"unknown measure {measure!r} (choose from: {', '.join(SPARK_MEASURES)})")


def path(
    graph: SparkGraph,
    source: Actor,
    target: Actor,
    directed: bool | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict:
    """Return what :func:`graph.queries.paths.shortest_paths` returns, with only the first path.

    The first shortest path in id order is the default engine's first path.
    """
    from pyspark.sql import functions as F

    from ..queries.paths import explain_paths

    directed = resolve_directed(directed, "path")
    if source.id == target.id:
        raise QueryError("source and target are the same actor")
    say = progress or (lambda message: None)
    say("searching breadth-first in Spark...")
    edges = graph.cache(algorithms.projection(graph.relations, directed=directed))
    distance, layers = algorithms.bfs_layers(edges, source.id, target.id, directed)
    paths = []
    if distance is not None:
        paths = [tuple(algorithms.first_shortest_path(edges, layers, target.id, directed))]
    on_path = sorted({node for found in paths for node in found})
    relations = (
        graph.relations.where(F.col("src").isin(on_path) & F.col("dst").isin(on_path))
        .orderBy("file", "row")
        .collect()
        if paths
        else []
    )
    actors = {
        row.id: Actor(row.id, row.name, row.kind)
        for row in graph.actors.where(F.col("id").isin(on_path)).collect()
    }
    graph.release()
    along = Dataset(
        actors,
        graph.types,
        [
            Relation(
                r.src,
                r.type,
                r.dst,
                r.evidence or "",
                r.document,
                r.date,
                r.weight,
                hedged=r.hedged,
                evidence_state=r.evidence_state,
                locator=r.locator,
            )
            for r in relations
        ],
    )
    return {
        "source": source.id,
        "target": target.id,
        "engine": ENGINE,
        "directed": directed,
        "max_length": None,
        "shortest_length": distance,
        "paths": explain_paths(along, paths, directed),
    }


def _counts(counts: dict) -> dict[str, int]:
    """A count per value, most frequent first, ties by name (as the default engine)."""
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
