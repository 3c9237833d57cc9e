"""The compiled kernel of :mod:`graph.engines.numba_engine`: Brandes's dependencies for a block.

Imported only by that engine, and only when it computes: importing this
module imports numba. The kernel is compiled on first use and cached on disk
(numba's ``cache=True``), so later processes load it instead of compiling.
"""

from __future__ import annotations

import numba
import numpy as np

__all__ = ["dependencies"]


@numba.njit(nogil=True, cache=True)
def dependencies(indptr, indices, first, last):  # pragma: no cover - compiled
    """Return the sum, over sources ``first`` to ``last - 1`` in order, of their dependencies.

    The graph is in compressed rows: the out-neighbours of node ``v`` are
    ``indices[indptr[v]:indptr[v + 1]]`` (both ways when undirected; no
    repeated neighbour). One breadth-first search a source counts the
    shortest paths (``sigma``); then, farthest nodes first, each node's
    dependency is ``sigma[v] * sum((1 + delta[w]) / sigma[w])`` over its
    successors ``w`` on shortest paths (Brandes 2001, pulled from the
    successors, which the search lists as it finds them, so the way back
    reads only the arcs of shortest paths). A source's dependencies
    are added to the block's sums in one fixed order (source by source), so
    a block gives the same bits on any thread.
    """
    n = indptr.shape[0] - 1
    out = np.zeros(n)
    sigma = np.zeros(n)
    coefficient = np.zeros(n)
    dist = np.full(n, -1, np.int32)
    order = np.empty(max(n, 1), np.int32)  # nodes in the order the search reaches them
    ends = np.empty(max(n, 1) + 1, np.int64)  # order[i]'s successors: dag[ends[i]:ends[i + 1]]
    dag = np.empty(max(indices.shape[0], 1), np.int32)
    for source in range(first, last):
        sigma[source] = 1.0
        dist[source] = 0
        order[0] = source
        head = 0
        tail = 1
        used = 0
        ends[0] = 0
        while head < tail:
            v = order[head]
            head += 1
            step = dist[v] + 1
            paths = sigma[v]
            for k in range(indptr[v], indptr[v + 1]):
                w = indices[k]
                found = dist[w]
                if found < 0:
                    dist[w] = step
                    order[tail] = w
                    tail += 1
                    sigma[w] = paths
                    dag[used] = w
                    used += 1
                elif found == step:
                    sigma[w] += paths
                    dag[used] = w
                    used += 1
            ends[head] = used
        for i in range(tail - 1, 0, -1):
            v = order[i]
            total = 0.0
            for j in range(ends[i], ends[i + 1]):
                total += coefficient[dag[j]]
            delta = sigma[v] * total
            out[v] += delta
            coefficient[v] = (1.0 + delta) / sigma[v]
        for i in range(tail):
            v = order[i]
            sigma[v] = 0.0
            coefficient[v] = 0.0
            dist[v] = -1
    return out
