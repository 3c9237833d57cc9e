"""Graph algorithms as DataFrame iterations: the arithmetic of networkx, run by Spark.

Each function takes DataFrames and returns one; only small answers (a
count, a path) come back to the driver. They follow :mod:`graph.build`'s
projection and networkx's definitions exactly:

* :func:`projection`: one arc per ordered pair (symmetric types both ways),
  or one edge per unordered pair undirected; ``weight`` 1, or the summed
  weights with ``weighted``;
* :func:`degrees`: networkx's ``degree``, ``in_degree`` and ``out_degree``
  (a weighted sum with ``weighted``), times ``1/(n-1)`` as
  ``degree_centrality`` computes it;
* :func:`pagerank`: networkx's ``_pagerank_scipy`` step for step: uniform
  start and teleport, dangling actors' rank spread uniformly, stop at the
  first iteration whose L1 change is below ``n * tol``;
* :func:`components`: weakly connected components by the alternating
  large-star / small-star rounds of Kiveris et al. (2014), which need
  O(log² n) rounds whatever the diameter;
* :func:`bfs_layers` and :func:`first_shortest_path`: breadth-first search
  from the source, then the smallest shortest path in id order, chosen hop
  by hop among the actors that lie on a shortest path.
"""

from __future__ import annotations

from ..problems import QueryError

__all__ = [
    "bfs_layers",
    "components",
    "degrees",
    "first_shortest_path",
    "pagerank",
    "projection",
]


def _f():
    from pyspark.sql import functions

    return functions


def projection(relations, directed: bool = True, weighted: bool = False):
    """Return ``src``, ``dst``, ``weight``: the projection of :func:`graph.build.projection`."""
    F = _f()
    if directed:
        forward = relations.select("src", "dst", "weight")
        backward = relations.where("symmetric").select(
            F.col("dst").alias("src"), F.col("src").alias("dst"), "weight"
        )
        arcs = forward.unionByName(backward)
    else:
        arcs = relations.select(
            F.least("src", "dst").alias("src"), F.greatest("src", "dst").alias("dst"), "weight"
        )
    total = F.sum("weight") if weighted else F.lit(1.0)
    return arcs.groupBy("src", "dst").agg(total.alias("weight"))


def degrees(actors, edges, measure: str, directed: bool, weighted: bool, count: int):
    """Return ``id``, ``score``: networkx's degree centralities on the projection ``edges``."""
    F = _f()
    value = F.col("weight") if weighted else F.lit(1.0)
    ends = {"degree": ("src", "dst"), "in-degree": ("dst",), "out-degree": ("src",)}[measure]
    parts = [edges.select(F.col(end).alias("id"), value.alias("d")) for end in ends]
    degree = parts[0] if len(parts) == 1 else parts[0].unionByName(parts[1])
    totals = degree.groupBy("id").agg(F.sum("d").alias("d"))
    if count <= 1:
        return actors.select("id", F.lit(1.0).alias("score"))
    scale = 1.0 / (count - 1.0)
    scored = actors.select("id").join(totals, "id", "left")
    return scored.select("id", (F.coalesce("d", F.lit(0.0)) * F.lit(scale)).alias("score"))


def pagerank(
    graph, actors, edges, count: int, alpha: float, total_change: float, max_iter: int, directed
):
    """Return ``id``, ``score``: networkx's pagerank of the projection ``edges``.

    networkx's power iteration, step for step: ``x = alpha * (x @ Q +
    dangling * p) + (1 - alpha) * p`` from the uniform ``x`` and ``p``,
    ``Q`` the weights divided by their actor's total, ``dangling`` the sum of
    ``x`` over actors with no way out; it stops at the first step whose
    total absolute change is below ``total_change``, and fails after
    ``max_iter`` steps. Spark runs :data:`BATCH` steps per job (each job
    returns the changes of all its steps); ``graph`` (a
    :class:`~graph.spark.frames.SparkGraph`) caches the frames.
    """
    F = _f()
    if count == 0:
        return actors.select("id", F.lit(0.0).alias("score"))
    if not directed:
        edges = edges.unionByName(
            edges.select(F.col("dst").alias("src"), F.col("src").alias("dst"), "weight")
        )
    out = edges.groupBy("src").agg(F.sum("weight").alias("out"))
    nodes = graph.cache(
        actors.select("id")
        .join(out.withColumnRenamed("src", "id"), "id", "left")
        .select("id", F.col("out").isNull().alias("dangling"))
    )
    # networkx: Q = diag(1 / row sums) @ A, a product of floats. Each actor also
    # links to itself with p = 0 ("own"): its row survives the join and keeps its state.
    links = graph.cache(
        edges.join(out, "src")
        .select(
            "src",
            "dst",
            (F.col("weight") * (F.lit(1.0) / F.col("out"))).alias("p"),
            F.lit(False).alias("own"),
        )
        .unionByName(
            nodes.select(
                F.col("id").alias("src"),
                F.col("id").alias("dst"),
                F.lit(0.0).alias("p"),
                F.lit(True).alias("own"),
            )
        )
    )
    teleport = 1.0 / count
    state = nodes.select("id", "dangling", F.lit(teleport).alias("x"))
    done = 0
    while done < max_iter:
        steps = min(BATCH, max_iter - done)
        batch = state.select(
            "*",
            F.array().cast("array<double>").alias("xs"),
            F.array().cast("array<double>").alias("changes"),
        )
        for _ in range(steps):
            batch = _pagerank_step(links, batch, alpha, teleport)
        batch = batch.localCheckpoint()
        changes = batch.select("changes").first()[0]
        for index, change in enumerate(changes, start=1):
            if change < total_change:
                return batch.select("id", F.element_at("xs", index).alias("score"))
        done += steps
        state = batch.select("id", "dangling", "x")
    raise QueryError(f"pagerank did not converge on this graph in {max_iter} iterations")


# Power-iteration steps per Spark job.
BATCH = 10


def _pagerank_step(links, state, alpha: float, teleport: float):
    """One power iteration on ``state`` (``id``, ``dangling``, ``x``, ``xs``, ``changes``).

    The new ``x`` is appended to ``xs`` and the step's total change to
    ``changes``; the state is read once, so steps chain in one plan.
    """
    from pyspark.sql import Window

    F = _f()
    everyone = Window.partitionBy()
    own = F.col("own")
    flowed = (
        links.join(state.withColumnRenamed("id", "src"), "src")
        .groupBy(F.col("dst").alias("id"))
        .agg(
            F.sum(F.col("x") * F.col("p")).alias("flow"),
            F.max(F.when(own, F.col("x"))).alias("last"),
            F.max(F.when(own, F.col("dangling"))).alias("dangling"),
            F.first(F.when(own, F.col("xs")), ignorenulls=True).alias("xs"),
            F.first(F.when(own, F.col("changes")), ignorenulls=True).alias("changes"),
        )
    )
    dangling = F.coalesce(
        F.sum(F.when(F.col("dangling"), F.col("last"))).over(everyone), F.lit(0.0)
    )
    stepped = flowed.select(
        "id",
        "dangling",
        "last",
        "xs",
        "changes",
        (
            F.lit(alpha) * (F.col("flow") + dangling * F.lit(teleport))
            + F.lit((1 - alpha) * teleport)
        ).alias("x"),
    )
    change = F.sum(F.abs(F.col("x") - F.col("last"))).over(everyone)
    return stepped.select(
        "id",
        "dangling",
        "x",
        F.concat("xs", F.array("x")).alias("xs"),
        F.concat("changes", F.array(change)).alias("changes"),
    )


def components(actors, edges):
    """Return ``id``, ``component`` (the smallest id in the actor's weakly connected component)."""
    F = _f()
    pairs = edges.where(F.col("src") != F.col("dst")).select(
        F.least("src", "dst").alias("u"), F.greatest("src", "dst").alias("v")
    )
    # Kept as (larger, smaller): each round maps an actor to a smaller one of its component.
    links = pairs.select(F.col("v").alias("a"), F.col("u").alias("b")).distinct().localCheckpoint()
    while True:
        before = links
        links = _small_star(_large_star(links)).localCheckpoint()
        if _same(before, links):
            break
    labelled = links.select(F.col("a").alias("id"), F.col("b").alias("component"))
    return (
        actors.select("id")
        .join(labelled, "id", "left")
        .select("id", F.coalesce("component", "id").alias("component"))
    )


def _neighbourhoods(links):
    """Both directions of every link: (node, neighbour)."""
    F = _f()
    return links.select(F.col("a").alias("n"), F.col("b").alias("m")).unionByName(
        links.select(F.col("b").alias("n"), F.col("a").alias("m"))
    )


def _large_star(links):
    """Link every larger neighbour of a node to the smallest of the node and its neighbours."""
    F = _f()
    both = _neighbourhoods(links)
    smallest = both.groupBy("n").agg(F.min("m").alias("low"))
    joined = both.join(smallest, "n").select("n", "m", F.least("n", "low").alias("low"))
    return (
        joined.where(F.col("m") > F.col("n"))
        .select(F.col("m").alias("a"), F.col("low").alias("b"))
        .distinct()
        .localCheckpoint()
    )


def _small_star(links):
    """Link a node and its smaller neighbours to the smallest of them."""
    F = _f()
    smaller = _neighbourhoods(links).where(F.col("m") < F.col("n"))
    smallest = smaller.groupBy("n").agg(F.min("m").alias("low"))
    moved = smaller.join(smallest, "n").where(F.col("m") != F.col("low"))
    return (
        moved.select(F.col("m").alias("a"), F.col("low").alias("b"))
        .unionByName(smallest.select(F.col("n").alias("a"), F.col("low").alias("b")))
        .distinct()
    )


def _same(first, second) -> bool:
    return first.exceptAll(second).isEmpty() and second.exceptAll(first).isEmpty()


def bfs_layers(edges, source: str, target: str, directed: bool):
    """Return ``(distance, layers)``: breadth-first layers from ``source`` until ``target``.

    ``layers[k]`` is a DataFrame of the ids at distance k; ``distance`` is
    None when ``target`` cannot be reached.
    """
    F = _f()
    arcs = edges.select("src", "dst")
    if not directed:
        arcs = arcs.unionByName(arcs.select(F.col("dst").alias("src"), F.col("src").alias("dst")))
    spark = edges.sparkSession
    frontier = spark.createDataFrame([(source,)], "id string")
    seen = frontier
    layers = [frontier]
    while True:
        reached = (
            arcs.join(frontier.withColumnRenamed("id", "src"), "src")
            .select(F.col("dst").alias("id"))
            .distinct()
            .join(seen, "id", "left_anti")
            .localCheckpoint()
        )
        if reached.isEmpty():
            return None, layers
        layers.append(reached)
        if not reached.where(F.col("id") == target).isEmpty():
            return len(layers) - 1, layers
        seen = seen.unionByName(reached).localCheckpoint()
        frontier = reached


def first_shortest_path(edges, layers, target: str, directed: bool) -> list[str]:
    """Return the smallest shortest path in id order, given the BFS ``layers`` up to ``target``."""
    F = _f()
    arcs = edges.select("src", "dst")
    if not directed:
        arcs = arcs.unionByName(arcs.select(F.col("dst").alias("src"), F.col("src").alias("dst")))
    spark = edges.sparkSession
    # on_path[k]: the actors at distance k from which the target is d - k hops away.
    distance = len(layers) - 1
    on_path = [None] * (distance + 1)
    on_path[distance] = spark.createDataFrame([(target,)], "id string")
    for k in range(distance - 1, 0, -1):
        ahead = on_path[k + 1].withColumnRenamed("id", "dst")
        onward = arcs.join(ahead, "dst").select(F.col("src").alias("id")).distinct()
        on_path[k] = layers[k].join(onward, "id", "left_semi").localCheckpoint()
    path = [layers[0].first()["id"]]
    for k in range(1, distance + 1):
        step = arcs.where(F.col("src") == path[-1]).select(F.col("dst").alias("id"))
        path.append(step.join(on_path[k], "id", "left_semi").agg(F.min("id")).first()[0])
    return path
