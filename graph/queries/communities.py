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

How sure the grouping is: Louvain depends on its seed, so it is run
``runs`` times (seeds ``seed``, ``seed + 1``, ...). The run with ``seed`` is
the one reported; each of its communities is the *core* its members are
measured against. In every run, a core is matched to the community sharing
the most members with it (ties: the one holding the smallest id); an actor's
``share`` is the fraction of runs in which it lands in its core's match (the
reported run counts: at least ``1/runs``). A community whose members' mean
share is under :data:`UNSTABLE_BELOW` is ``unstable``. Runs cost as much as
one run each, so :func:`stability_runs` takes fewer on large graphs (at most
two on 20,000 actors and 200,000 relations) and the result says so. Greedy
needs no seed and gives the same communities every time: one run, every
share 1.
"""

from __future__ import annotations

import math

from ..choices import check_choice
from ..model import Dataset
from ..problems import QueryError
from ..weights import scaled_weights
from ._checks import check_count
from .direction import resolve_directed

__all__ = ["METHODS", "RUNS", "UNSTABLE_BELOW", "communities", "stability_runs"]

METHODS = ("louvain", "greedy")
# Louvain runs compared (fewer on large graphs: see stability_runs).
RUNS = 20
# Projection edges x runs the stability check may spend: 20 runs up to 10,000 edges,
# then fewer, never under 2 (L's ~96,000 edges: 2 runs, about twice one run).
RUN_BUDGET = 200_000
# A community whose members land with its core in fewer runs than this, on average.
UNSTABLE_BELOW = 0.8
SIGNS = "ignored: a hostile relation ties two actors as a cooperative one does"


def communities(
    dataset: Dataset,
    method: str = "louvain",
    directed: bool | None = None,
    weighted: bool = False,
    resolution: float = 1.0,
    seed: int = 0,
    engine: str | None = None,
    with_commentary: bool = False,
    runs: int | None = None,
) -> dict:
    """Return the communities found, largest first (ties by smallest id), and how stable each is.

    networkx computes them: ``engine`` (see :mod:`graph.engines`) may be
    ``"auto"`` or ``"networkx"``; another is an error naming networkx.
    ``runs``: how many Louvain runs to compare (None: :func:`stability_runs`).
    Each community has ``stability`` (its members' mean share), ``unstable``
    and ``shares`` (``{id: share}``); ``stability`` in the result says how it
    was measured, ``signs`` that signs are ignored. Only action relations
    count unless ``with_commentary`` (see :func:`graph.build.story`).

    >>> from graph.model import Actor, Dataset, Relation, RelationType
    >>> pairs = Dataset(
    ...     actors={i: Actor(i, i.upper(), "country") for i in "abcd"},
    ...     types={"aid": RelationType("aid", 1)},
    ...     relations=[Relation("a", "aid", "b", "q"), Relation("c", "aid", "d", "q")])
    >>> result = communities(pairs)
    >>> [c["actors"] for c in result["communities"]], result["modularity"]
    ([['a', 'b'], ['c', 'd']], 0.5)
    >>> [(c["stability"], c["unstable"]) for c in result["communities"]]
    [(1.0, False), (1.0, False)]
    >>> result["stability"]["runs"]
    20
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
    if runs is not None:
        check_count(runs, "the number of runs")
    directed = resolve_directed(directed, "communities")
    full = dataset
    dataset, left_out = story(full, with_commentary)
    graph = projection(dataset, directed=directed, weighted=weighted)
    if weighted:
        graph, _ = scaled_weights(graph)
    weight = "weight" if weighted else None
    wanted = stability_runs(graph.number_of_edges()) if runs is None else runs
    count = wanted if method == "louvain" else 1

    def run(offset: int) -> list[set]:
        if method == "louvain":
            return nx.community.louvain_communities(
                graph, weight=weight, resolution=resolution, seed=seed + offset
            )
        return nx.community.greedy_modularity_communities(
            graph, weight=weight, resolution=resolution
        )

    found = run(0)
    ordered = sorted((sorted(community) for community in found), key=lambda c: (-len(c), c[0]))
    # Modularity divides by the number of relations: none, no modularity.
    modularity = (
        nx.community.modularity(graph, ordered, weight=weight, resolution=resolution)
        if graph.number_of_edges()
        else None
    )
    hits = _hits(ordered, [found, *(run(offset) for offset in range(1, count))])
    return {
        "method": method,
        "engine": chosen.name,
        "directed": directed,
        "weighted": weighted,
        **story_keys(full, left_out, with_commentary),
        "resolution": resolution,
        "seed": seed if method == "louvain" else None,
        "modularity": modularity,
        "signs": SIGNS,
        "stability": {
            "runs": count,
            "seeds": [seed + offset for offset in range(count)] if method == "louvain" else [],
            "unstable_below": UNSTABLE_BELOW,
            "reduced": method == "louvain" and runs is None and count < RUNS,
        },
        "communities": [
            {
                "community": number,
                "size": len(members),
                "actors": members,
                "names": [dataset.actors[member].name for member in members],
                # From whole counts, so a mean of exactly 0.8 is not 0.7999...
                "stability": (mean := sum(hits[m] for m in members) / (len(members) * count)),
                "unstable": mean < UNSTABLE_BELOW,
                "shares": {member: hits[member] / count for member in members},
            }
            for number, members in enumerate(ordered, start=1)
        ],
    }


def stability_runs(edges: int) -> int:
    """Return how many Louvain runs to compare on a projection of ``edges`` edges.

    :data:`RUNS` while ``RUNS * edges`` fits :data:`RUN_BUDGET`, then as many as
    fit, never under 2 (the reported run and one more).

    >>> stability_runs(500), stability_runs(20_000), stability_runs(96_000)
    (20, 10, 2)
    """
    return max(2, min(RUNS, RUN_BUDGET // max(edges, 1)))


def _hits(cores: list[list[str]], runs: list[list[set]]) -> dict[str, int]:
    """Return, per actor, in how many of ``runs`` it lands in its core's best match."""
    landed = {actor: 0 for core in cores for actor in core}
    for partition in runs:
        group_of = {actor: number for number, group in enumerate(partition) for actor in group}
        smallest = [min(group) for group in partition]
        for core in cores:
            overlap: dict[int, int] = {}
            for actor in core:
                overlap[group_of[actor]] = overlap.get(group_of[actor], 0) + 1
            match = min(overlap, key=lambda number: (-overlap[number], smallest[number]))
            for actor in core:
                landed[actor] += group_of[actor] == match
    return landed
