"""What every engine shares: the graph it is handed, the operations it may offer, its errors.

The graph is the model's :class:`~graph.model.Projection` (plain data),
re-exported here: engines sit on the model and never reach up to the queries.
"""

from __future__ import annotations

from ..model import Projection
from ..problems import QueryError

__all__ = [
    "MEASURES",
    "OPERATIONS",
    "PAGERANK",
    "Engine",
    "EngineError",
    "Projection",
    "pagerank_tol",
]

# Centrality measures, in the order commands list them.
MEASURES = (
    "degree",
    "in-degree",
    "out-degree",
    "betweenness",
    "closeness",
    "eigenvector",
    "pagerank",
)
# Every operation an engine may offer: one per measure, and these.
OPERATIONS = (
    *MEASURES,
    "components",  # connected (weakly, when directed) components
    "shortest_paths",  # every shortest path between two actors
    "simple_paths",  # every simple path up to a length (graph path --max)
    "neighbors",  # the actors within N hops (graph neighbors)
    "communities",  # modularity communities (graph communities)
)
# PageRank on every engine: networkx's damping (0.85) and dangling rule
# (a dangling actor's score is spread over all actors), iterating until the
# scores change by less than 1e-12 in total (the sum over all actors of the
# absolute change), at most 1000 rounds. networkx's default, tol=1e-6, stops
# on a total change of n * 1e-6 (errors near 2e-6); even tol=1e-10 leaves
# 4e-8 on 300 actors. Stopping on 1e-12 in total (networkx's tol = 1e-12 / n)
# keeps every score within about 1e-12 of the limit, so engines agree to 1e-9.
PAGERANK = {"alpha": 0.85, "total_change": 1e-12, "max_iter": 1000}


def pagerank_tol(actors: int) -> float:
    """Return networkx's (and rustworkx's) ``tol`` for :data:`PAGERANK` on ``actors`` actors.

    >>> pagerank_tol(100)
    1e-14
    """
    return PAGERANK["total_change"] / max(actors, 1)


class EngineError(QueryError):
    """An engine that is not installed, or cannot compute what was asked (a usage error)."""


class Engine:
    """One way of computing the operations queries need. Subclass, then :func:`register`.

    A subclass sets ``name`` (what ``--engine`` takes), ``install`` (how to
    get it, for messages) and overrides :meth:`available`, :meth:`can` and the
    operations it offers. Every operation takes a :class:`Projection` and
    returns plain data keyed by actor id; scores must equal networkx's
    (the reference) to 1e-9, and the same input must give the same result
    every run.
    """

    name = ""
    install = ""

    def available(self) -> bool:
        """Return whether the engine can run here (its library is installed)."""
        return True

    def can(self, operation: str, *, weighted: bool = False, sample: bool = False) -> bool:
        """Return whether the engine offers ``operation`` (one of :data:`OPERATIONS`).

        ``weighted``: on summed weights; ``sample``: betweenness from sampled sources.
        """
        return False

    def pays(self, operation: str, actors: int) -> bool:
        """Return whether ``auto`` should take this engine for ``operation`` on ``actors`` actors.

        True unless overridden: an engine whose start-up costs more than it
        saves on small graphs (numba) says so here.
        """
        return True

    def centrality(
        self, graph: Projection, measure: str, *, sample: int | None = None, seed: int = 0
    ) -> dict[str, float]:
        """Return ``{id: score}`` for one measure of :data:`MEASURES` but eigenvector.

        Weighted (``graph.weighted``), betweenness and closeness read
        ``1/weight`` as the distance; pagerank uses :data:`PAGERANK`.
        ``sample`` (betweenness only): estimate from that many source
        actors drawn with ``seed``.
        """
        raise NotImplementedError

    def components(self, graph: Projection) -> list[set[str]]:
        """Return the connected components (weakly connected when directed), in any order."""
        raise NotImplementedError

    def shortest_paths(self, graph: Projection, source: str, target: str) -> list[tuple[str, ...]]:
        """Return every shortest path from ``source`` to ``target`` (hops unweighted), or []."""
        raise NotImplementedError
