"""Who is most central, and by which measure: networkx's centralities on the projection.

Every measure runs on :func:`graph.build.projection`: undirected by default,
in-degree and out-degree directed (see :mod:`graph.queries.direction`);
``directed=True`` reads every measure along the arrows (symmetric types count
both ways), ``directed=False`` none. Parallel relations between one pair count
once, or with ``weighted`` as the sum of their weights.

=============  =============================================================
measure        networkx function (on the projection)
=============  =============================================================
degree         ``degree_centrality``; weighted: ``G.degree(weight=)/(n-1)``
in-degree      ``in_degree_centrality``; weighted: ``G.in_degree(weight=)/(n-1)``
out-degree     ``out_degree_centrality``; weighted: ``G.out_degree(weight=)/(n-1)``
betweenness    ``betweenness_centrality``; weighted: distance = 1/weight
closeness      ``closeness_centrality`` (incoming distances when directed);
               weighted: distance = 1/weight
eigenvector    ``eigenvector_centrality(max_iter=100)`` (in-edges when
               directed); when power iteration does not converge, the
               undirected projection, then the exact leading eigenvector
               (see :mod:`graph.queries.eigenvector`)
pagerank       ``pagerank`` (weight = the summed weights when weighted)
=============  =============================================================

Weighted, every measure but degree runs on weights scaled by a power of two
(see :func:`graph.queries._checks.scaled_weights`): the same scores, without
overflow or underflow at the ends of the float range. A weight sum that is
not finite, or a score that overflows, is a :class:`QueryError`; so is a
PageRank that does not converge.

Rows are ordered by score (highest first), ties by id; equal scores share a
rank ("1224" ranking), so a rank is 1 + the number of actors scoring higher.
"""

from __future__ import annotations

import math

from ..model import Dataset
from ..problems import QueryError
from ._checks import check_choice, check_count, scaled_weights
from .direction import resolve_directed
from .eigenvector import eigenvector_scores, leading_eigenvector, power_iteration

__all__ = ["DIRECTED_ONLY", "MEASURES", "centrality", "measure_scores"]

MEASURES = (
    "degree",
    "in-degree",
    "out-degree",
    "betweenness",
    "closeness",
    "eigenvector",
    "pagerank",
)
DIRECTED_ONLY = ("in-degree", "out-degree")
# Scores equal up to float noise (1e-12) count as ties, so ties go by id.
TIE_DIGITS = 12


def centrality(
    dataset: Dataset,
    measure: str = "degree",
    directed: bool | None = None,
    weighted: bool = False,
    top: int | None = None,
) -> dict:
    """Return every actor's score for ``measure``, highest first, ties by id.

    ``measure`` is one of :data:`MEASURES`, or ``"all"``: then each row holds
    ``scores`` and ``ranks`` (one key per measure) instead of ``score`` and
    ``rank``, and rows follow the order of the first measure, degree.
    ``directed`` None reads each measure its default way (undirected, but
    in-degree and out-degree along the arrows); ``result["directed"]`` says
    how the first measure was read. ``top`` keeps the first rows only.

    >>> from graph.model import Actor, Dataset, Relation, RelationType
    >>> star = Dataset(
    ...     actors={i: Actor(i, i.upper(), "country") for i in "abc"},
    ...     types={"aid": RelationType("aid", 1)},
    ...     relations=[Relation("a", "aid", "b", "q"), Relation("a", "aid", "c", "q")])
    >>> [(row["id"], row["score"], row["rank"]) for row in centrality(star)["results"]]
    [('a', 1.0, 1), ('b', 0.5, 2), ('c', 0.5, 2)]
    >>> centrality(star, "pagerank", directed=True)["results"][0]["id"]
    'b'
    >>> centrality(star, "in-degree", top=1)["results"][0]["id"]
    'b'
    """
    from ..build import projection

    check_count(top, "top")
    measures = _measures(measure, directed)
    directions = {name: resolve_directed(directed, name) for name in measures}
    graphs = {
        way: projection(dataset, directed=way, weighted=weighted)
        for way in sorted(set(directions.values()))
    }
    result: dict = {
        "measure": measure,
        "directed": directions[measures[0]],
        "weighted": weighted,
    }
    if measure == "all":
        result["directed_measures"] = [name for name in measures if directions[name]]
    scores = {}
    for name in measures:
        graph = graphs[directions[name]]
        if name == "eigenvector":
            scores[name], note = eigenvector_scores(dataset, graph, weighted)
            result["converged"] = note is None
            if note:
                result["note"] = note
        else:
            scores[name] = measure_scores(graph, name, weighted)
        _check_finite(scores[name], name)
    ranks = {name: dict(_ranked(scores[name])) for name in measures}
    rows = []
    for actor_id, rank in _ranked(scores[measures[0]])[:top]:
        actor = dataset.actors[actor_id]
        row = {"id": actor.id, "name": actor.name, "kind": actor.kind}
        if measure == "all":
            row["scores"] = {name: scores[name][actor_id] for name in measures}
            row["ranks"] = {name: ranks[name][actor_id] for name in measures}
        else:
            row.update(score=scores[measure][actor_id], rank=rank)
        rows.append(row)
    if measure == "all":
        result["measures"] = list(measures)
    result["results"] = rows
    return result


def measure_scores(graph, measure: str, weighted: bool = False) -> dict:
    """Return ``{node: score}`` for one measure, calling networkx on a projection.

    Eigenvector centrality on an undirected graph falls back to the exact
    leading eigenvector when power iteration fails; on a directed graph
    that fails it is a QueryError (:func:`centrality` then falls back to the
    undirected projection, which needs the dataset).

    >>> import networkx as nx
    >>> measure_scores(nx.path_graph(3), "betweenness")
    {0: 0.0, 1: 1.0, 2: 0.0}
    """
    import networkx as nx

    if len(graph) == 0:
        return {}
    if measure in ("degree", "in-degree", "out-degree"):
        return _degree(graph, measure, weighted)
    if measure == "eigenvector":
        scores = power_iteration(graph, weighted)
        if scores is None and graph.is_directed():
            raise QueryError("eigenvector centrality did not converge on this directed graph")
        return scores if scores is not None else leading_eigenvector(graph, weighted)
    check_choice(measure, MEASURES, "measure")
    shift = 0
    if weighted:
        graph, shift = scaled_weights(graph)
    weight = "weight" if weighted else None
    if measure == "pagerank":
        try:
            return nx.pagerank(graph, weight=weight)
        except nx.PowerIterationFailedConvergence:
            raise QueryError("pagerank did not converge on this graph in 100 iterations") from None
    distance = _with_distances(graph) if weighted else graph
    if measure == "betweenness":
        return nx.betweenness_centrality(distance, weight=weight and "distance")
    # Distances shrank by the factor the weights grew by (2**shift): closeness grew by it.
    closeness = nx.closeness_centrality(distance, distance=weight and "distance")
    return {node: math.ldexp(value, -shift) for node, value in closeness.items()}


def _measures(measure: str, directed: bool | None) -> tuple[str, ...]:
    check_choice(measure, [*MEASURES, "all"], "measure")
    if measure == "all":
        if directed is False:
            return tuple(m for m in MEASURES if m not in DIRECTED_ONLY)
        return MEASURES
    return (measure,)


def _check_finite(scores: dict, measure: str) -> None:
    """Raise QueryError for scores JSON cannot hold (weights near the top of the float range)."""
    if not all(math.isfinite(score) for score in scores.values()):
        raise QueryError(f"{measure} centrality overflows with these relation weights")


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


def _ranked(scores: dict) -> list[tuple[str, int]]:
    """Return ``(id, rank)`` by score, highest first, ties by id sharing a rank."""
    keyed = sorted(scores, key=lambda node: (-round(scores[node], TIE_DIGITS), node))
    ranks: list[tuple[str, int]] = []
    for position, node in enumerate(keyed, start=1):
        tied = ranks and round(scores[node], TIE_DIGITS) == round(scores[ranks[-1][0]], TIE_DIGITS)
        ranks.append((node, ranks[-1][1] if tied else position))
    return ranks
