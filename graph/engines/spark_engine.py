"""Apache Spark as an engine: the projection sent to Spark, computed as DataFrame iterations.

Offered: degree, in-degree, out-degree and pagerank (weighted or not),
``components`` and ``shortest_paths``, computed by :mod:`graph.spark.algorithms`
to networkx's numbers (pagerank to 1e-9, the rest exactly). Two differences
from the other engines, both documented in docs/spark.md:

* ``shortest_paths`` returns only the first shortest path in id order (a
  breadth-first search on the cluster cannot list every shortest path
  cheaply); it is the first path the other engines list;
* ``auto`` never picks Spark: it starts a JVM, and on one machine it is
  slower than networkx by design. Ask for it with ``--engine spark``.

The ``graph`` commands with ``--engine spark`` do more than this class: they
send the dataset (or Parquet tables, ``--tables``) to Spark and filter there
(see :mod:`graph.spark.queries`); this class serves the Python API
(``centrality(dataset, engine="spark")``).
"""

from __future__ import annotations

import importlib.util

from .base import PAGERANK, Engine

__all__ = ["SPARK_OPERATIONS", "SparkEngine"]

SPARK_OPERATIONS = ("degree", "in-degree", "out-degree", "pagerank", "components", "shortest_paths")


class SparkEngine(Engine):
    name = "spark"
    install = "pip install 'news-actor-graph[spark]' (and Java 17 or later)"

    def available(self) -> bool:
        return importlib.util.find_spec("pyspark") is not None

    def can(self, operation: str, *, weighted: bool = False, sample: bool = False) -> bool:
        return operation in SPARK_OPERATIONS and not sample

    def centrality(self, graph, measure, *, sample=None, seed=0):
        from ..spark import algorithms

        spark, actors, edges = _frames(graph)
        count = len(graph.nodes)
        if measure == "pagerank":
            from ..spark.frames import SparkGraph

            holder = SparkGraph(spark, actors, None, {}, None, {}, "projection")
            scores = algorithms.pagerank(
                holder,
                actors,
                edges,
                count,
                PAGERANK["alpha"],
                PAGERANK["total_change"],
                PAGERANK["max_iter"],
                directed=graph.directed,
            )
            result = {row.id: row.score for row in scores.collect()}
            holder.release()
            return result
        scores = algorithms.degrees(actors, edges, measure, graph.directed, graph.weighted, count)
        return {row.id: row.score for row in scores.collect()}

    def components(self, graph):
        from ..spark import algorithms

        _, actors, edges = _frames(graph)
        found: dict[str, set[str]] = {}
        for row in algorithms.components(actors, edges).collect():
            found.setdefault(row.component, set()).add(row.id)
        return list(found.values())

    def shortest_paths(self, graph, source, target):
        from ..spark import algorithms

        _, _, edges = _frames(graph)
        distance, layers = algorithms.bfs_layers(edges, source, target, graph.directed)
        if distance is None:
            return []
        return [tuple(algorithms.first_shortest_path(edges, layers, target, graph.directed))]


def _frames(graph):
    """Return the Spark session, and the projection's actors and edges as DataFrames."""
    from ..spark.session import spark_session

    spark = spark_session()
    actors = spark.createDataFrame([(node,) for node in graph.nodes], "id string")
    edges = spark.createDataFrame(
        [(s, t, float(w)) for (s, t), w in graph.edges.items()],
        "src string, dst string, weight double",
    )
    return spark, actors, edges
