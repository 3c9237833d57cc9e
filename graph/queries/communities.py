"""Which actors cluster together: networkx's modularity communities on the undirected projection.

``louvain`` is ``networkx.community.louvain_communities`` with a fixed seed;
``greedy`` is ``greedy_modularity_communities`` (Clauset-Newman-Moore), which
needs no seed. Both run on :func:`graph.build.projection`, undirected by
default (``directed=True``: the directed projection, where networkx maximises
directed modularity; see :mod:`graph.queries.direction`). Relation signs are
ignored, parallel relations count once
(or, with ``weighted``, as the sum of their weights, scaled by a power of
two so the largest is in [1, 2): modularity does not depend on the scale,
and sums of weights near the ends of the float range would overflow or
vanish). Modularity is ``networkx.community.modularity`` of the partition
found.
"""

from __future__ import annotations

import math

from ..choices import check_choice
from ..model import Dataset
from ..problems import QueryError
from ..weights import scaled_weights
from .direction import resolve_directed

__all__ = ["METHODS", "communities"]

METHODS = ("louvain", "greedy")


def communities(
    dataset: Dataset,
    method: str = "louvain",
    directed: bool | None = None,
    weighted: bool = False,
    resolution: float = 1.0,
    seed: int = 0,
    engine: str | None = None,
    with_commentary: bool = False,
) -> dict:
    """Return the communities found, largest first (ties by smallest id), and their modularity.

    networkx computes them: ``engine`` (see :mod:`graph.engines`) may be
    ``"auto"`` or ``"networkx"``; another is an error naming networkx.

    >>> from graph.model import Actor, Dataset, Relation, RelationType
    >>> pairs = Dataset(
    ...     actors={i: Actor(i, i.upper(), "country") for i in "abcd"},
    ...     types={"aid": RelationType("aid", 1)},
    ...     relations=[Relation("a", "aid", "b", "q"), Relation("c", "aid", "d", "q")])
    >>> result = communities(pairs)
    >>> [c["actors"] for c in result["communities"]], result["modularity"]
    ([['a', 'b'], ['c', 'd']], 0.5)
    """
    import networkx as nx

    from ..build import projection, story, story_keys
    from ..engines import choose

    chosen = choose(engine, "communities")
    check_choice(method, METHODS, "method")
    if not (isinstance(resolution, (int, float)) and math.isfinite(resolution) and resolution > 0):
        raise QueryError(f"the resolution must be a finite number above 0, not {resolution!r}")
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise QueryError(f"the seed must be a whole number, not {seed!r}")
    directed = resolve_directed(directed, "communities")
    full = dataset
    dataset, left_out = story(full, with_commentary)
    graph = projection(dataset, directed=directed, weighted=weighted)
    if weighted:
        graph, _ = scaled_weights(graph)
    weight = "weight" if weighted else None
    if method == "louvain":
        found = nx.community.louvain_communities(
            graph, weight=weight, resolution=resolution, seed=seed
        )
    else:
        found = nx.community.greedy_modularity_communities(
            graph, weight=weight, resolution=resolution
        )
    ordered = sorted((sorted(community) for community in found), key=lambda c: (-len(c), c[0]))
    # Modularity divides by the number of relations: none, no modularity.
    modularity = (
        nx.community.modularity(graph, ordered, weight=weight, resolution=resolution)
        if graph.number_of_edges()
        else None
    )
    return {
        "method": method,
        "engine": chosen.name,
        "directed": directed,
        "weighted": weighted,
        **story_keys(full, left_out, with_commentary),
        "resolution": resolution,
        "seed": seed if method == "louvain" else None,
        "modularity": modularity,
        "communities": [
            {
                "community": number,
                "size": len(members),
                "actors": members,
                "names": [dataset.actors[member].name for member in members],
            }
            for number, members in enumerate(ordered, start=1)
        ],
    }
