"""Who is most central, and by which measure: networkx's centralities on the projection.

Every measure runs on :func:`graph.build.projection`: directed by default
(symmetric types count both ways), undirected with ``directed=False``;
parallel relations between one ordered pair count once, or with ``weighted``
as the sum of their weights.

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
               directed); falls back to the undirected projection when power
               iteration does not converge (a directed graph without cycles)
pagerank       ``pagerank`` (weight = the summed weights when weighted)
=============  =============================================================

Rows are ordered by score (highest first), ties by id; equal scores share a
rank ("1224" ranking), so a rank is 1 + the number of actors scoring higher.
"""

from __future__ import annotations

from ..model import Dataset
from ..problems import QueryError

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
# networkx's default: on a graph without cycles the iteration only drifts
# towards the sinks, fails to converge in time, and we fall back.
EIGENVECTOR_MAX_ITER = 100
# Scores equal up to float noise (1e-12) count as ties, so ties go by id.
TIE_DIGITS = 12


def centrality(
    dataset: Dataset,
    measure: str = "degree",
    directed: bool = True,
    weighted: bool = False,
    top: int | None = None,
) -> dict:
    """Return every actor's score for ``measure``, highest first, ties by id.

    ``measure`` is one of :data:`MEASURES`, or ``"all"``: then each row holds
    ``scores`` and ``ranks`` (one key per measure) instead of ``score`` and
    ``rank``, and rows follow the order of the first measure, degree.
    ``top`` keeps the first rows only.

    >>> from graph.model import Actor, Dataset, Relation, RelationType
    >>> star = Dataset(
    ...     actors={i: Actor(i, i.upper(), "country") for i in "abc"},
    ...     types={"aid": RelationType("aid", 1)},
    ...     relations=[Relation("a", "aid", "b", "q"), Relation("a", "aid", "c", "q")])
    >>> [(row["id"], row["score"], row["rank"]) for row in centrality(star)["results"]]
    [('a', 1.0, 1), ('b', 0.5, 2), ('c', 0.5, 2)]
    >>> centrality(star, "in-degree", top=1)["results"][0]["id"]
    'b'
    """
    from ..build import projection

    measures = _measures(measure, directed)
    graph = projection(dataset, directed=directed, weighted=weighted)
    result: dict = {"measure": measure, "directed": directed, "weighted": weighted}
    scores = {}
    for name in measures:
        if name == "eigenvector":
            scores[name], note = _eigenvector(dataset, graph, weighted)
            result["converged"] = note is None
            if note:
                result["note"] = note
        else:
            scores[name] = measure_scores(graph, name, weighted)
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

    Eigenvector centrality raises ``networkx.PowerIterationFailedConvergence``
    as networkx does; :func:`centrality` catches it and falls back.

    >>> import networkx as nx
    >>> measure_scores(nx.path_graph(3), "betweenness")
    {0: 0.0, 1: 1.0, 2: 0.0}
    """
    import networkx as nx

    if len(graph) == 0:
        return {}
    weight = "weight" if weighted else None
    if measure in ("degree", "in-degree", "out-degree"):
        return _degree(graph, measure, weighted)
    if measure in ("betweenness", "closeness"):
        distance = _with_distances(graph) if weighted else graph
        if measure == "betweenness":
            return nx.betweenness_centrality(distance, weight=weight and "distance")
        return nx.closeness_centrality(distance, distance=weight and "distance")
    if measure == "pagerank":
        return nx.pagerank(graph, weight=weight)
    if measure == "eigenvector":
        return nx.eigenvector_centrality(graph, max_iter=EIGENVECTOR_MAX_ITER, weight=weight)
    raise QueryError(f"unknown measure {measure!r} (choose from: {', '.join(MEASURES)}, all)")


def _eigenvector(dataset: Dataset, graph, weighted: bool) -> tuple[dict, str | None]:
    """Return eigenvector scores, from the undirected projection (with a note) if need be."""
    import networkx as nx

    from ..build import projection

    try:
        return measure_scores(graph, "eigenvector", weighted), None
    except nx.PowerIterationFailedConvergence:
        if not graph.is_directed():
            raise QueryError(
                "eigenvector centrality did not converge on this graph; try pagerank"
            ) from None
    # A directed graph without a dominant strongly connected part (a chain, a
    # tree pointing one way) has no stable eigenvector; ignoring direction does.
    undirected = projection(dataset, directed=False, weighted=weighted)
    note = (
        f"eigenvector centrality did not converge on the directed graph in "
        f"{EIGENVECTOR_MAX_ITER} iterations; its scores are from the undirected projection"
    )
    return measure_scores(undirected, "eigenvector", weighted), note


def _measures(measure: str, directed: bool) -> tuple[str, ...]:
    if measure == "all":
        return MEASURES if directed else tuple(m for m in MEASURES if m not in DIRECTED_ONLY)
    if measure not in MEASURES:
        raise QueryError(f"unknown measure {measure!r} (choose from: {', '.join(MEASURES)}, all)")
    if measure in DIRECTED_ONLY and not directed:
        raise QueryError(f"{measure} needs direction: drop --undirected or use degree")
    return (measure,)


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
