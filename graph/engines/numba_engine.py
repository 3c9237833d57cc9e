"""Exact betweenness on every core, the same bytes every run: Brandes's algorithm under numba.

Offered: exact, unweighted betweenness (directed or not), normalised as
networkx normalises it, equal to networkx's to 1e-9. Everything else
(weighted, ``--sample``, the other operations) is another engine's.

Why the bits never change: the sources (actors in sorted id order) are cut
into fixed blocks of :data:`BLOCK` consecutive actors. A block is one call of
the compiled kernel (:mod:`graph.engines._brandes`), which adds its sources'
dependencies source by source into an array of its own; the blocks' arrays
are then added in block order. Which thread computed a block, and when,
changes nothing, and neither does the number of threads: one thread and
eight give the same bytes. The kernel releases the GIL (numba's ``nogil``),
so the blocks run on plain Python threads, one a core by default. (rustworkx
on several threads adds the sources' shares in the order its threads finish,
so its last bits change from run to run; it runs on one.)

``auto`` takes this engine for exact betweenness on graphs of at least
:data:`PAYS_FROM` actors, where it is installed (``numba``, in the ``[fast]``
extra): below that, importing numba and loading the compiled kernel cost more
than the threads save, and rustworkx (or networkx) answers. The kernel is
compiled on the first run and cached by numba; ``--engine numba`` asks for it
at any size.
"""

from __future__ import annotations

import importlib.util
import os

from .base import Engine, Projection

__all__ = ["BLOCK", "PAYS_FROM", "NumbaEngine", "betweenness"]

BLOCK = 64  # sources a block: fixed, so the sums never depend on the threads
PAYS_FROM = 5_000  # actors from which auto takes this engine for betweenness


class NumbaEngine(Engine):
    name = "numba"
    install = "pip install 'news-actor-graph[fast]' (or: pip install numba)"

    def available(self) -> bool:
        return importlib.util.find_spec("numba") is not None

    def can(self, operation: str, *, weighted: bool = False, sample: bool = False) -> bool:
        return operation == "betweenness" and not weighted and not sample

    def pays(self, operation: str, actors: int) -> bool:
        return actors >= PAYS_FROM

    def centrality(self, graph, measure, *, sample=None, seed=0):
        if measure != "betweenness" or graph.weighted or sample is not None:
            raise ValueError(f"numba computes exact unweighted betweenness only, not {measure}")
        return betweenness(graph)


def workers_here() -> int:
    """Return how many cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def betweenness(graph: Projection, workers: int | None = None) -> dict[str, float]:
    """Return every actor's exact betweenness in ``graph`` (unweighted), as networkx normalises it.

    ``workers``: threads (default: one a core); the result is the same bits
    for any number.

    >>> from graph.model import Projection
    >>> path = Projection(["a", "b", "c"], {("a", "b"): 1, ("b", "c"): 1}, directed=False)
    >>> betweenness(path, workers=2)
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    """
    import numpy as np

    from ._brandes import dependencies

    ids = sorted(graph.nodes)
    n = len(ids)
    if n == 0:
        return {}
    indptr, indices = _rows(graph, ids)
    blocks = [(first, min(first + BLOCK, n)) for first in range(0, n, BLOCK)]
    workers = workers or workers_here()
    total = np.zeros(n)
    if workers == 1 or len(blocks) == 1:
        for first, last in blocks:
            total += dependencies(indptr, indices, first, last)
    else:
        from concurrent.futures import ThreadPoolExecutor

        dependencies(indptr, indices, 0, 0)  # compile (or load) before the threads start
        window = 4 * workers  # blocks in flight at once: memory stays window * n floats
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for start in range(0, len(blocks), window):
                chunk = blocks[start : start + window]
                found = pool.map(lambda block: dependencies(indptr, indices, *block), chunk)
                for partial in found:  # in block order, whoever finished first
                    total += partial
    if n > 2:
        total *= 1 / ((n - 1) * (n - 2))
    return dict(zip(ids, total.tolist()))


def _rows(graph: Projection, ids: list[str]):
    """Return ``graph`` in compressed rows over the indices of ``ids``: (indptr, indices).

    Each row lists a node's out-neighbours in index order (both ways when
    undirected); self-loops are left out, as they lie on no shortest path.
    """
    import numpy as np

    position = {actor: index for index, actor in enumerate(ids)}
    pairs = [(position[s], position[t]) for (s, t) in graph.edges if s != t]
    ends = np.array(pairs, dtype=np.int64).reshape(-1, 2)
    if not graph.directed:
        ends = np.concatenate([ends, ends[:, ::-1]])
    ends = np.unique(ends, axis=0)  # sorted by source then target, no repeats
    counts = np.bincount(ends[:, 0], minlength=len(ids))
    indptr = np.zeros(len(ids) + 1, dtype=np.int64)
    np.cumsum(counts, out=indptr[1:])
    return indptr, np.ascontiguousarray(ends[:, 1], dtype=np.int32)
