"""Eigenvector centrality that always gives an answer, and says how it got it.

networkx's ``eigenvector_centrality`` is a power iteration (100 rounds):
it fails where no eigenvector dominates (a directed graph without cycles)
and where two are close (two near-identical groups, 4 and 3.9: the gap
closes by a factor 0.98 a round). So, in turn:

1. **power iteration** on the graph asked for: when it converges, that is
   the answer (``converged`` true);
2. on a directed graph, the same on the **undirected projection**;
3. the **exact leading eigenvector** of the undirected projection, from
   ``numpy.linalg.eigh`` per connected component: what the power iteration
   would reach if it ran for ever. networkx's ``eigenvector_centrality_numpy``
   refuses graphs in pieces (``AmbiguousSolution``); on such a graph only the
   component(s) with the largest eigenvalue score above 0.

Weighted, the weights are first scaled by a power of two so the largest is
in [1, 2): the power iteration adds ``A x`` to ``x`` each round, so with
weights of 1e-6 it would stop after a round or two, barely moved from its
start.
"""

from __future__ import annotations

import math

from ..model import Dataset
from ..weights import scaled_weights

__all__ = ["MAX_ITER", "eigenvector_scores", "leading_eigenvector", "power_iteration"]

# networkx's default; past it, rounds only creep towards the answer.
MAX_ITER = 100
# Components whose leading eigenvalues agree to 12 digits share the top.
TIE_TOLERANCE = 1e-12


def eigenvector_scores(dataset: Dataset, graph, weighted: bool) -> tuple[dict, str | None]:
    """Return ``{id: score}`` for ``graph`` (a projection of ``dataset``) and a note, or None.

    The note says which of the steps above gave the scores, when not the first.
    """
    import networkx as nx

    from ..build import projection

    scores = power_iteration(graph, weighted)
    if scores is not None:
        return scores, None
    rounds = f"in {MAX_ITER} iterations"
    if graph.is_directed():
        undirected = projection(dataset, directed=False, weighted=weighted)
        scores = power_iteration(undirected, weighted)
        if scores is not None:
            note = f"on the directed graph {rounds}; its scores are from the undirected projection"
            return scores, f"eigenvector centrality did not converge {note}"
        where = f"{rounds} on the directed graph nor on the undirected projection"
        exact = "the exact leading eigenvector of the undirected projection"
    else:
        undirected = graph
        where, exact = rounds, "the exact leading eigenvector"
    note = f"eigenvector centrality did not converge {where}; its scores are {exact} (numpy)"
    if nx.number_connected_components(undirected) > 1:
        note += ", where only the component(s) with the largest eigenvalue score above 0"
    return leading_eigenvector(undirected, weighted), note


def power_iteration(graph, weighted: bool) -> dict | None:
    """Return networkx's ``eigenvector_centrality`` of ``graph``, or None if it does not converge.

    >>> import networkx as nx
    >>> round(power_iteration(nx.path_graph(3), weighted=False)[1], 6)
    0.707107
    >>> power_iteration(nx.path_graph(3, create_using=nx.DiGraph), weighted=False) is None
    True
    """
    import networkx as nx

    if len(graph) == 0:
        return {}
    if weighted:
        graph, _ = scaled_weights(graph)
    try:
        return nx.eigenvector_centrality(
            graph, max_iter=MAX_ITER, weight="weight" if weighted else None
        )
    except nx.PowerIterationFailedConvergence:
        return None


def leading_eigenvector(graph, weighted: bool) -> dict:
    """Return the leading eigenvector of an undirected ``graph``: unit length, non-negative.

    This is the limit of networkx's power iteration from its uniform start:
    each component's Perron vector, weighted by its sum, for the components
    whose eigenvalue ties for the largest; 0 elsewhere.

    >>> import networkx as nx
    >>> graph = nx.union(nx.complete_graph(3), nx.path_graph(["x", "y"]))
    >>> {node: round(score, 6) for node, score in leading_eigenvector(graph, False).items()}
    {0: 0.57735, 1: 0.57735, 2: 0.57735, 'x': 0.0, 'y': 0.0}
    """
    import networkx as nx
    import numpy as np

    if weighted:
        graph, _ = scaled_weights(graph)
    weight = "weight" if weighted else None
    pieces = []
    for component in nx.connected_components(graph):
        # A set's order changes with the hash seed, and eigh's last bits with the order.
        nodes = sorted(component, key=str)
        values, vectors = np.linalg.eigh(nx.to_numpy_array(graph, nodelist=nodes, weight=weight))
        # A connected component's leading eigenvector has one sign throughout.
        pieces.append((values[-1], nodes, np.abs(vectors[:, -1])))
    top = max((value for value, _, _ in pieces), default=0.0)
    scores = dict.fromkeys(graph, 0.0)
    for value, nodes, vector in pieces:
        if value >= top - TIE_TOLERANCE * abs(top):
            share = vector.sum()
            scores.update((node, float(share * entry)) for node, entry in zip(nodes, vector))
    norm = math.hypot(*scores.values()) or 1.0
    return {node: score / norm for node, score in scores.items()}
