"""Who is most central, and by which measure: centralities on the projection, by an engine.

The scores come from the engine chosen (see :mod:`graph.engines`:
``engine="auto"`` takes rustworkx where it is installed and gives the same
numbers, networkx otherwise); the table below is the reference, networkx.

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
pagerank       ``pagerank`` (weight = the summed weights when weighted),
               damping 0.85, until the scores change by less than 1e-12 in
               total (:data:`graph.engines.PAGERANK`)
=============  =============================================================

``sample=K`` estimates betweenness from K source actors drawn with ``seed``
(networkx's ``betweenness_centrality(k=K, seed=seed)``); the result states it
under ``sample``. Exact betweenness costs one breadth-first search per actor.

Weighted, every measure but degree runs on weights scaled by a power of two
(see :func:`graph.weights.scaled_weights`): the same scores, without
overflow or underflow at the ends of the float range. A weight sum that is
not finite, or a score that overflows, is a :class:`QueryError`; so is a
PageRank that does not converge.

Rows are ordered by score (highest first), ties by id; equal scores share a
rank ("1224" ranking), so a rank is 1 + the number of actors scoring higher.
"""

from __future__ import annotations

import math
from itertools import repeat

from ..build import story, story_keys
from ..choices import check_choice
from ..engines import MEASURES, Projection, choose
from ..model import Dataset
from ..problems import QueryError
from ._checks import check_count
from .direction import resolve_directed
from .eigenvector import eigenvector_scores, leading_eigenvector, power_iteration

__all__ = ["DIRECTED_ONLY", "MEASURES", "centrality", "measure_scores"]

DIRECTED_ONLY = ("in-degree", "out-degree")
# Scores equal up to float noise (1e-12) count as ties, so ties go by id.
TIE_DIGITS = 12


def centrality(
    dataset: Dataset,
    measure: str = "degree",
    directed: bool | None = None,
    weighted: bool = False,
    top: int | None = None,
    engine: str | None = None,
    sample: int | None = None,
    seed: int = 0,
    with_commentary: bool = False,
) -> dict:
    """Return every actor's score for ``measure``, highest first, ties by id.

    ``measure`` is one of :data:`MEASURES`, or ``"all"``: then each row holds
    ``scores`` and ``ranks`` (one key per measure) instead of ``score`` and
    ``rank``, and rows follow the order of the first measure, degree.
    ``directed`` None reads each measure its default way (undirected, but
    in-degree and out-degree along the arrows); ``result["directed"]`` says
    how the first measure was read, ``"directed_measures"`` (for ``"all"``)
    which were read along arrows. ``top`` keeps the first rows only. ``engine`` names the engine
    (``"auto"``, ``"networkx"``, ``"rustworkx"``...; None reads
    ``GRAPH_ENGINE``); ``engine`` in the result says which answered (with
    ``engines`` per measure for ``"all"``). ``sample`` and ``seed``: see above.
    Only action relations count unless ``with_commentary`` (see
    :func:`graph.build.story`): ``roles`` says which were read, and
    ``not_in_story`` lists the actors left out (``id`` and ``name``).

    >>> from graph.model import Actor, Dataset, Relation, RelationType
    >>> star = Dataset(
    ...     actors={i: Actor(i, i.upper(), "country") for i in "abc"},
    ...     types={"aid": RelationType("aid", 1)},
    ...     relations=[Relation("a", "aid", "b", "q"), Relation("a", "aid", "c", "q")])
    >>> [(row["id"], row["score"], row["rank"]) for row in centrality(star)["results"]]
    [('a', 1.0, 1), ('b', 0.5, 2), ('c', 0.5, 2)]
    >>> centrality(star, "in-degree", top=1)["results"][0]["id"]
    'b'
    >>> centrality(star, "pagerank", directed=True)["results"][0]["id"]
    'b'
    """
    check_count(top, "top")
    check_count(sample, "the sample")
    measures = _measures(measure, directed)
    if sample is not None and "betweenness" not in measures:
        raise QueryError("--sample estimates betweenness only: add --measure betweenness")
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise QueryError(f"the seed must be a whole number, not {seed!r}")
    engines = {
        name: choose(
            engine,
            name,
            weighted=weighted,
            sample=sample is not None and name == "betweenness",
            actors=len(dataset.actors),
        )
        for name in measures
    }
    directions = {name: resolve_directed(directed, name) for name in measures}
    full = dataset
    dataset, left_out = story(full, with_commentary)
    graphs = {
        way: Projection.of(dataset, directed=way, weighted=weighted)
        for way in sorted(set(directions.values()))
    }
    graph = graphs[directions[measures[0]]]
    result: dict = {
        "measure": measure,
        "directed": directions[measures[0]],
        "weighted": weighted,
        **story_keys(full, left_out, with_commentary),
    }
    if measure == "all":
        result["directed_measures"] = [name for name in measures if directions[name]]
    scores = {}
    for name in measures:
        graph = graphs[directions[name]]
        if name == "eigenvector":
            from ..engines.networkx_engine import to_networkx

            scores[name], note = eigenvector_scores(dataset, to_networkx(graph), weighted)
            result["converged"] = note is None
            if note:
                result["note"] = note
        else:
            scores[name] = engines[name].centrality(graph, name, sample=sample, seed=seed)
        _check_finite(scores[name], name)
    answered = list(dict.fromkeys(e.name for e in engines.values()))
    result["engine"] = "+".join(answered)
    if measure == "all":
        result["engines"] = {name: e.name for name, e in engines.items()}
    if "betweenness" in measures:
        sources = None if sample is None else min(sample, len(graph.nodes))
        result["sample"] = None if sources is None else {"sources": sources, "seed": seed}
    ranked = {name: _ranked(scores[name]) for name in measures}
    ranks = {name: dict(ranked[name]) for name in measures} if measure == "all" else {}
    actors = dataset.actors
    if measure == "all":
        rows = []
        for actor_id, _ in ranked[measures[0]][:top]:
            actor = actors[actor_id]
            row = {"id": actor.id, "name": actor.name, "kind": actor.kind}
            row["scores"] = {name: scores[name][actor_id] for name in measures}
            row["ranks"] = {name: ranks[name][actor_id] for name in measures}
            rows.append(row)
    else:
        score = scores[measure]
        rows = [
            {"id": a.id, "name": a.name, "kind": a.kind, "score": score[i], "rank": rank}
            for i, rank in ranked[measure][:top]
            for a in (actors[i],)
        ]
    if measure == "all":
        result["measures"] = list(measures)
    result["results"] = rows
    return result


def measure_scores(graph, measure: str, weighted: bool = False) -> dict:
    """Return ``{node: score}`` for one measure of a networkx graph, computed by networkx.

    Eigenvector centrality on an undirected graph falls back to the exact
    leading eigenvector when power iteration fails; on a directed graph
    that fails it is a QueryError (:func:`centrality` then falls back to the
    undirected projection, which needs the dataset).

    >>> import networkx as nx
    >>> measure_scores(nx.path_graph(3), "betweenness")
    {0: 0.0, 1: 1.0, 2: 0.0}
    """
    from ..engines.networkx_engine import scores

    check_choice(measure, MEASURES, "measure")
    if measure != "eigenvector" or len(graph) == 0:
        return scores(graph, measure, weighted)
    found = power_iteration(graph, weighted)
    if found is None and graph.is_directed():
        raise QueryError("eigenvector centrality did not converge on this directed graph")
    return found if found is not None else leading_eigenvector(graph, weighted)


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


def _ranked(scores: dict) -> list[tuple[str, int]]:
    """Return ``(id, rank)`` by score, highest first, ties by id sharing a rank."""
    rounded = dict(zip(scores, map(round, scores.values(), repeat(TIE_DIGITS))))
    # By id, then by score highest first: a stable sort keeps ids in order among ties.
    keyed = sorted(sorted(rounded), key=rounded.__getitem__, reverse=True)
    ranks: list[tuple[str, int]] = []
    for position, node in enumerate(keyed, start=1):
        tied = ranks and rounded[node] == rounded[ranks[-1][0]]
        ranks.append((node, ranks[-1][1] if tied else position))
    return ranks
