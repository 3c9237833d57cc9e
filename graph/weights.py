"""Relation weights fit to compute with: scaled by a power of two, checked positive and finite.

Below the engines and the queries: the networkx engine, eigenvector
centrality and communities all scale the weights of a networkx graph before
handing it to networkx.
"""

from __future__ import annotations

import math

from .problems import QueryError

__all__ = ["scaled_weights"]


def scaled_weights(graph):
    """Return a copy of ``graph`` with its weights times ``2**shift``, and ``shift``.

    The largest weight lands in [1, 2). Multiplying by a power of two is
    exact in floating point, so measures that do not depend on the scale
    (PageRank, betweenness, modularity) give the same bits as before, while
    weights near the ends of the float range (1e-300, 1e300) no longer
    underflow or overflow inside networkx. A weight that is not a positive,
    finite number (a sum of parallel relations that overflowed, say) is a
    QueryError.

    >>> import networkx as nx
    >>> graph = nx.Graph([("a", "b", {"weight": 0.25}), ("b", "c", {"weight": 3.0})])
    >>> scaled, shift = scaled_weights(graph)
    >>> sorted(scaled.edges(data="weight")), shift
    ([('a', 'b', 0.125), ('b', 'c', 1.5)], -1)
    """
    weights = [(u, v, w) for u, v, w in graph.edges(data="weight")]
    for u, v, weight in weights:
        if not (isinstance(weight, (int, float)) and math.isfinite(weight) and weight > 0):
            raise QueryError(
                f"the relations between {u!r} and {v!r} weigh {weight!r} in all; "
                "weights must add up to a positive, finite number"
            )
    if not weights:
        return graph, 0
    _, exponent = math.frexp(max(weight for _, _, weight in weights))
    shift = 1 - exponent
    copy = graph.copy()
    for u, v, weight in weights:
        # ldexp, not a product: 2**shift itself may be out of range (shift up to 1074).
        copy[u][v]["weight"] = math.ldexp(weight, shift)
        if copy[u][v]["weight"] == 0:
            raise QueryError("relation weights span too wide a range to compute with")
    return copy, shift
