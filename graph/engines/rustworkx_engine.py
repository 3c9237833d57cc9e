"""The accelerator: rustworkx (Apache-2.0, Rust), where it gives networkx's numbers.

Offered: degree, in-degree and out-degree (weighted too), pagerank (weighted
too, with :data:`~graph.engines.base.PAGERANK`), exact betweenness and
closeness (unweighted), components and shortest paths. Anything else
(weighted betweenness or closeness, ``--sample``, eigenvector, simple paths,
neighbours, communities) is networkx's.

The graph is built with nodes in sorted id order and edges added sorted by
source then target, one per pair (parallel relations are already one edge of
the :class:`~graph.engines.base.Projection`, as networkx's ``DiGraph`` counts
a path once). Degrees are summed from the projection directly, with
networkx's arithmetic. Betweenness runs on one thread: on several, rustworkx
adds the sources' shares in the order its threads finish, and the last bits
of the scores change from run to run (the numba engine runs it on every
core with fixed sums: :mod:`graph.engines.numba_engine`). Closeness (one
actor per task, no shared sums), pagerank and the rest give the same bits
every run.
"""

from __future__ import annotations

import importlib.util

from .base import PAGERANK, Engine, Projection, pagerank_tol

__all__ = ["RustworkxEngine"]

_UNWEIGHTED = ("betweenness", "closeness", "components", "shortest_paths")
_NEVER = 2**62  # a parallel_threshold no graph reaches
_WEIGHTED = ("degree", "in-degree", "out-degree", "pagerank")


class RustworkxEngine(Engine):
    name = "rustworkx"
    install = "pip install 'news-actor-graph[fast]' (or: pip install rustworkx)"

    def available(self) -> bool:
        return importlib.util.find_spec("rustworkx") is not None

    def can(self, operation: str, *, weighted: bool = False, sample: bool = False) -> bool:
        if sample:
            return False
        return operation in _WEIGHTED or (operation in _UNWEIGHTED and not weighted)

    def centrality(self, graph, measure, *, sample=None, seed=0):
        if not graph.nodes:
            return {}
        if measure in ("degree", "in-degree", "out-degree"):
            return _degree(graph, measure)  # summed here: rustworkx is not even imported
        import rustworkx as rx

        built, ids = _build(graph)
        if measure == "pagerank":
            if graph.weighted:
                built = _scaled(built)
            if not graph.directed:
                built = built.to_directed()
            try:
                found = rx.pagerank(
                    built,
                    alpha=PAGERANK["alpha"],
                    # Unweighted, every edge weighs 1: rustworkx's default weight, 1.0,
                    # without a Python call per edge (the same scores, bit for bit).
                    weight_fn=float if graph.weighted else None,
                    tol=pagerank_tol(len(ids)),
                    max_iter=PAGERANK["max_iter"],
                )
            except rx.FailedToConverge:
                from ..problems import QueryError

                rounds = PAGERANK["max_iter"]
                raise QueryError(
                    f"pagerank did not converge on this graph in {rounds} rounds"
                ) from None
        elif measure == "betweenness":
            # One thread: rustworkx sums the sources' shares in whatever order its
            # threads finish, which changes the last bits from run to run.
            found = rx.betweenness_centrality(built, normalized=True, parallel_threshold=_NEVER)
        elif measure == "closeness":
            # Like networkx, on incoming distances when directed.
            found = rx.closeness_centrality(built, wf_improved=True)
        else:
            raise ValueError(f"rustworkx does not compute {measure}")
        return {ids[index]: found[index] for index in range(len(ids))}

    def components(self, graph):
        import rustworkx as rx

        # Components are sets: the order edges are added in does not matter, and a
        # projection of columns holds them sorted already (no sort to pay either way).
        built, ids = _build(graph, ordered=hasattr(graph, "heads"), weights=False)
        found = (
            rx.weakly_connected_components(built)
            if graph.directed
            else rx.connected_components(built)
        )
        return [{ids[index] for index in part} for part in found]

    def shortest_paths(self, graph, source, target):
        import rustworkx as rx

        if source == target:
            return [(source,)]  # as networkx: the path of no hops
        # The paths found are the same whatever the order of the edges (the query sorts
        # them): a projection of columns is added as it is held, sorted.
        built, ids = _build(graph, ordered=hasattr(graph, "heads"), weights=False)
        position = {actor: index for index, actor in enumerate(ids)}
        function = rx.digraph_all_shortest_paths if graph.directed else rx.graph_all_shortest_paths
        found = function(built, position[source], position[target])
        return [tuple(ids[index] for index in path) for path in found]


def _build(graph: Projection, ordered: bool = True, weights: bool = True):
    """Return the rustworkx graph of ``graph`` (weights as edge data) and the id of each index.

    ``ordered``: add edges sorted by source then target, so that scores summed
    over edges come out the same whatever the order of the relations in the
    files. Components and shortest paths do not depend on it, nor read the
    weights: ``weights=False`` leaves them out of a projection of columns.
    """

    if hasattr(graph, "heads"):  # a projection of columns: its arrays, no dictionary
        return _build_from_arrays(graph, ordered, weights)
    ids = sorted(graph.nodes)
    position = {actor: index for index, actor in enumerate(ids)}
    built = _empty(graph)
    built.add_nodes_from(ids)
    edges = [(position[s], position[t], w) for (s, t), w in graph.edges.items()]
    if ordered:
        edges.sort()
    built.add_edges_from(edges)
    return built, ids


def _build_from_arrays(graph, ordered: bool, weights: bool = True):
    """:func:`_build` from a :class:`~graph.columns.ColumnProjection`: the same graph.

    Its pairs are held sorted by source then target (the ``ordered`` order),
    and otherwise put in the order of its ``edges``, as :func:`_build` adds them.
    Without ``weights``, the edges hold no data.
    """

    ids = graph.ids
    built = _empty(graph)
    built.add_nodes_from(ids)
    order = None if ordered else graph.first_order()
    heads = (graph.heads if order is None else graph.heads[order]).tolist()
    tails = (graph.tails if order is None else graph.tails[order]).tolist()
    if weights:
        built.add_edges_from(list(zip(heads, tails, graph.weight_list(order))))
    else:
        built.add_edges_from_no_data(list(zip(heads, tails)))
    return built, ids


def _empty(graph: Projection):
    """Return an empty rustworkx graph for ``graph``: directed or not.

    A projection holds each pair once, so the graph would have no parallel
    edges either way; made as a multigraph, rustworkx does not look for an
    existing edge before adding each one (which costs a hub's degree every
    time: 6 times slower on 200,000 relations). The graph is the same.
    """
    import rustworkx as rx

    return rx.PyDiGraph(multigraph=True) if graph.directed else rx.PyGraph(multigraph=True)


def _scaled(built):
    """Return ``built`` with its weights scaled so the largest is in [1, 2) (see scaled_weights).

    PageRank does not depend on the scale; sums near the ends of the float
    range would overflow or vanish. A weight that is not a positive, finite
    number is a QueryError, worded as networkx's engine words it.
    """
    import math

    from ..problems import QueryError

    edges = list(built.weighted_edge_list())
    for u, v, weight in edges:
        if not (math.isfinite(weight) and weight > 0):
            raise QueryError(
                f"the relations between {built[u]!r} and {built[v]!r} weigh {weight!r} in all; "
                "weights must add up to a positive, finite number"
            )
    if edges:
        shift = 1 - math.frexp(max(weight for _, _, weight in edges))[1]
        for index in built.edge_indices():
            weight = built.get_edge_data_by_index(index)
            built.update_edge_by_index(index, math.ldexp(weight, shift))
    return built


def _degree(graph: Projection, measure: str) -> dict:
    """Degree centrality as networkx computes it: (summed) degree / (n - 1)."""
    if hasattr(graph, "heads"):  # a projection of columns
        return _degree_from_arrays(graph, measure)
    totals = dict.fromkeys(graph.nodes, 0.0 if graph.weighted else 0)
    ends = {"degree": (0, 1), "out-degree": (0,), "in-degree": (1,)}[measure]
    for pair, weight in graph.edges.items():
        for end in ends:
            totals[pair[end]] += weight
    if len(totals) <= 1:
        return dict.fromkeys(totals, 1)  # networkx gives a lone actor 1
    scale = 1 / (len(totals) - 1)
    return {actor: total * scale for actor, total in totals.items()}


def _degree_from_arrays(graph, measure: str) -> dict:
    """:func:`_degree` on a projection of columns: the same sums, in the same order."""
    ends = {"degree": (0, 1), "out-degree": (0,), "in-degree": (1,)}[measure]
    found = graph.degree_totals(ends).tolist()
    position = {actor: index for index, actor in enumerate(graph.ids)}
    if len(graph.nodes) <= 1:
        return dict.fromkeys(graph.nodes, 1)  # networkx gives a lone actor 1
    scale = 1 / (len(graph.nodes) - 1)
    return {actor: found[position[actor]] * scale for actor in graph.nodes}
