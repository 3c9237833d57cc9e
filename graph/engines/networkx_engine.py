"""The reference engine: networkx, always installed; every operation, every option."""

from __future__ import annotations

import math

from ..problems import QueryError
from .base import MEASURES, OPERATIONS, PAGERANK, Engine, Projection, pagerank_tol

__all__ = ["NetworkxEngine", "to_networkx"]


def to_networkx(graph: Projection):
    """Return ``graph`` as a networkx ``DiGraph`` (``Graph`` undirected) with ``weight``s."""
    return graph.to_networkx()


class NetworkxEngine(Engine):
    name = "networkx"
    install = "networkx is a dependency of the package"

    def can(self, operation: str, *, weighted: bool = False, sample: bool = False) -> bool:
        return operation in OPERATIONS and (not sample or operation == "betweenness")

    def centrality(self, graph, measure, *, sample=None, seed=0):
        return scores(to_networkx(graph), measure, graph.weighted, sample=sample, seed=seed)

    def components(self, graph):
        import networkx as nx

        built = to_networkx(graph)
        if graph.directed:
            return list(nx.weakly_connected_components(built))
        return list(nx.connected_components(built))

    def shortest_paths(self, graph, source, target):
        import networkx as nx

        try:
            return [tuple(p) for p in nx.all_shortest_paths(to_networkx(graph), source, target)]
        except nx.NetworkXNoPath:
            return []


def scores(graph, measure: str, weighted: bool = False, sample=None, seed=0) -> dict:
    """Return ``{node: score}`` for one measure of a networkx graph (eigenvector excepted).

    >>> import networkx as nx
    >>> scores(nx.path_graph(3), "betweenness")
    {0: 0.0, 1: 1.0, 2: 0.0}
    """
    import networkx as nx

    from ..choices import check_choice
    from ..weights import scaled_weights

    if len(graph) == 0:
        return {}
    check_choice(measure, [m for m in MEASURES if m != "eigenvector"], "measure")
    if measure in ("degree", "in-degree", "out-degree"):
        return _degree(graph, measure, weighted)
    shift = 0
    if weighted:
        graph, shift = scaled_weights(graph)
    weight = "weight" if weighted else None
    if measure == "pagerank":
        try:
            return nx.pagerank(
                graph,
                alpha=PAGERANK["alpha"],
                tol=pagerank_tol(len(graph)),
                max_iter=PAGERANK["max_iter"],
                weight=weight,
            )
        except nx.PowerIterationFailedConvergence:
            rounds = PAGERANK["max_iter"]
            raise QueryError(
                f"pagerank did not converge on this graph in {rounds} rounds"
            ) from None
    distance = _with_distances(graph) if weighted else graph
    if measure == "betweenness":
        k = None if sample is None or sample >= len(graph) else sample
        return nx.betweenness_centrality(
            distance, k=k, seed=seed if k else None, weight=weight and "distance"
        )
    # Distances shrank by the factor the weights grew by (2**shift): closeness grew by it.
    closeness = nx.closeness_centrality(distance, distance=weight and "distance")
    return {node: math.ldexp(value, -shift) for node, value in closeness.items()}


def _degree(graph, measure: str, weighted: bool) -> dict:
    import networkx as nx

    function, view = {
        "degree": (nx.degree_centrality, graph.degree),
        "in-degree": (nx.in_degree_centrality, getattr(graph, "in_degree", None)),
        "out-degree": (nx.out_degree_centrality, getattr(graph, "out_degree", None)),
    }[measure]
    if not weighted or len(graph) <= 1:
        return function(graph)
    # The same arithmetic as networkx's degree_centrality, on summed weights.
    scale = 1 / (len(graph) - 1)
    return {node: value * scale for node, value in view(weight="weight")}


def _with_distances(graph):
    """Return a copy whose edges also carry ``distance = 1/weight``: more relations, closer."""
    copy = graph.copy()
    for _, _, data in copy.edges(data=True):
        data["distance"] = 1 / data["weight"]
    return copy
