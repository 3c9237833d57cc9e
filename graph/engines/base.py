"""What every engine shares: the graph it is handed, the operations it may offer, its errors."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..problems import QueryError

if TYPE_CHECKING:
    from ..model import Dataset

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


@dataclass
class Projection:
    """The simple graph queries compute on, as plain data any engine can read.

    ``nodes`` are actor ids in the dataset's order; ``edges`` maps an ordered
    pair ``(source, target)`` to its weight: 1, or with ``weighted`` the sum
    of the weights of the relations between them. Undirected, a pair is
    ``(smaller id, larger id)``; directed, a relation of a symmetric type
    counts both ways. ``dataset`` is the dataset it was built from, for
    engines that read relations themselves (Spark).

    >>> from graph.model import Actor, Dataset, Relation, RelationType
    >>> data = Dataset(
    ...     actors={i: Actor(i, i.upper(), "country") for i in "abc"},
    ...     types={"ally": RelationType("ally", 1, symmetric=True),
    ...            "aid": RelationType("aid", 1)},
    ...     relations=[Relation("a", "aid", "b", "q", weight=2.0),
    ...                Relation("a", "aid", "b", "q", weight=3.0),
    ...                Relation("b", "ally", "c", "q")])
    >>> Projection.of(data, weighted=True).edges
    {('a', 'b'): 5.0, ('b', 'c'): 1.0, ('c', 'b'): 1.0}
    >>> Projection.of(data, directed=False).edges
    {('a', 'b'): 1, ('b', 'c'): 1}
    """

    nodes: list[str]
    edges: dict[tuple[str, str], float]
    directed: bool = True
    weighted: bool = False
    dataset: Dataset | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, dataset: Dataset, directed: bool = True, weighted: bool = False) -> Projection:
        """Return the projection of ``dataset`` (see the class docstring)."""
        edges: dict[tuple[str, str], float] = {}
        symmetric = {name for name, kind in dataset.types.items() if kind.symmetric}
        for relation in dataset.relations:
            source, target = relation.source, relation.target
            if not directed:
                # Undirected, a symmetric relation is one tie, like any other.
                pairs = [(min(source, target), max(source, target))]
            elif relation.type in symmetric:
                pairs = [(source, target), (target, source)]
            else:
                pairs = [(source, target)]
            for pair in pairs:
                edges[pair] = edges.get(pair, 0.0) + relation.weight if weighted else 1
        return cls(list(dataset.actors), edges, directed, weighted, dataset)


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
