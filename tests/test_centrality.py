"""Centrality: every measure equals networkx on the documented projection, and exact hand values."""

from __future__ import annotations

import doctest
import math
from pathlib import Path

import networkx as nx
import pytest

from graph import QueryError, load_dataset
from graph.build import projection, story
from graph.model import Actor, Dataset, Relation, RelationType
from graph.queries import _checks, eigenvector
from graph.queries import centrality as centrality_module
from graph.queries.centrality import MEASURES, centrality

from .conftest import DATA, SMALL

DATASETS = {
    "seed": None,
    "small": SMALL,
    "weighted": DATA / "weighted",
    "chain": DATA / "chain",
}


def networkx_scores(dataset, measure: str, directed: bool, weighted: bool) -> dict:
    """The documented mapping, written out once more: measure -> networkx call on the projection."""
    graph = projection(dataset, directed=directed, weighted=weighted)
    weight = "weight" if weighted else None
    n = len(graph)
    if measure in ("degree", "in-degree", "out-degree"):
        if not weighted:
            function = {
                "degree": nx.degree_centrality,
                "in-degree": nx.in_degree_centrality,
                "out-degree": nx.out_degree_centrality,
            }[measure]
            return function(graph)
        view = {"degree": graph.degree}.get(measure) or getattr(graph, measure.replace("-", "_"))
        return {node: value / (n - 1) for node, value in view(weight="weight")}
    if measure in ("betweenness", "closeness"):
        for _, _, data in graph.edges(data=True):
            data["distance"] = 1 / data["weight"]
        distance = "distance" if weighted else None
        if measure == "betweenness":
            return nx.betweenness_centrality(graph, weight=distance)
        return nx.closeness_centrality(graph, distance=distance)
    if measure == "pagerank":
        # Until the scores change by less than 1e-12 in total (graph.engines.PAGERANK).
        return nx.pagerank(graph, weight=weight, tol=1e-12 / n, max_iter=1000)
    # Weighted, the weights are scaled by a power of two so the largest is in [1, 2).
    try:
        return nx.eigenvector_centrality(scaled(graph) if weighted else graph, weight=weight)
    except nx.PowerIterationFailedConvergence:
        undirected = projection(dataset, directed=False, weighted=weighted)
        return nx.eigenvector_centrality(
            scaled(undirected) if weighted else undirected, weight=weight
        )


def scaled(graph):
    shift = 1 - math.frexp(max(w for _, _, w in graph.edges(data="weight")))[1]
    for _, _, data in graph.edges(data=True):
        data["weight"] = math.ldexp(data["weight"], shift)
    return graph


def scores_of(result: dict) -> dict:
    return {row["id"]: row["score"] for row in result["results"]}


@pytest.fixture(scope="module")
def small():
    return load_dataset(SMALL)


# In- and out-degree need direction: undirected, they are usage errors.
PROJECTIONS = [
    (measure, directed)
    for measure in MEASURES
    for directed in (True, False)
    if directed or measure not in ("in-degree", "out-degree")
]


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize(("measure", "directed"), PROJECTIONS)
@pytest.mark.parametrize("weighted", [False, True])
def test_every_measure_equals_networkx_on_the_projection(name, measure, directed, weighted):
    # The rankings read the story (the action relations): networkx is given the same.
    dataset = story(load_dataset(DATASETS[name]))[0]
    result = centrality(dataset, measure, directed=directed, weighted=weighted)
    expected = networkx_scores(dataset, measure, directed, weighted)
    # Engines agree with networkx to 1e-9 (pagerank: both stop near the limit, not on one bit).
    tolerance = {"abs": 1e-12} if measure == "pagerank" else {"rel": 1e-12, "abs": 1e-15}
    assert scores_of(result) == pytest.approx(expected, **tolerance)
    assert [row["id"] for row in result["results"]] == sorted(
        expected, key=lambda node: (-round(expected[node], 12), node)
    )


def test_degree_on_the_small_dataset_by_hand(small):
    # Directed projection: the symmetric alliance and talks count both ways,
    # Sylvania's two trades with Freedonia count once.
    result = centrality(small, "degree", directed=True)
    assert result["measure"] == "degree" and result["directed"] is True
    assert [(r["id"], r["score"], r["rank"]) for r in result["results"]] == [
        ("ruritania", 1.0, 1),
        ("freedonia", 4 / 6, 2),
        ("pact", 0.5, 3),
        ("turkiye", 0.5, 3),
        ("sylvania", 1 / 6, 5),
        ("varga", 1 / 6, 5),
        ("atlantis", 0.0, 7),
    ]
    assert result["results"][0] == {
        "id": "ruritania",
        "name": "Ruritania",
        "kind": "country",
        "score": 1.0,
        "rank": 1,
    }


def test_in_degree_and_weighted_degree_by_hand(small):
    assert scores_of(centrality(small, "in-degree")) == {
        "ruritania": 0.5,
        "pact": 0.5,
        "freedonia": 2 / 6,
        "turkiye": 1 / 6,
        "atlantis": 0.0,
        "sylvania": 0.0,
        "varga": 0.0,
    }
    weighted = scores_of(centrality(small, "degree", directed=True, weighted=True))
    # Freedonia: alliance both ways (1 + 1), member of the pact (1), trades 2 + 0.5.
    assert weighted["freedonia"] == pytest.approx(5.5 / 6)
    assert weighted["sylvania"] == pytest.approx(2.5 / 6)


def test_undirected_betweenness_by_hand(small):
    scores = scores_of(centrality(small, "betweenness", directed=False))
    assert scores == pytest.approx(
        {
            "ruritania": 5 / 15,
            "freedonia": 4 / 15,
            "pact": 1 / 15,
            "turkiye": 0.0,
            "sylvania": 0.0,
            "varga": 0.0,
            "atlantis": 0.0,
        }
    )


def test_weights_make_parallel_relations_closer():
    square = load_dataset(DATA / "weighted")
    unweighted = scores_of(centrality(square, "betweenness", directed=False))
    assert unweighted == pytest.approx(dict.fromkeys(["alpha", "bravo", "charlie", "delta"], 1 / 6))
    # Alpha-Bravo (weights 1 + 2) is 1/3 long: every detour now goes through it.
    weighted = scores_of(centrality(square, "betweenness", directed=False, weighted=True))
    assert weighted == pytest.approx({"alpha": 1 / 3, "bravo": 1 / 3, "charlie": 0, "delta": 0})
    closeness = scores_of(centrality(square, "closeness", directed=False, weighted=True))
    assert closeness["alpha"] == pytest.approx(3 / (1 / 3 + 1 + 4 / 3))
    assert scores_of(centrality(square, "closeness", directed=False))["alpha"] == 0.75


def test_eigenvector_falls_back_when_power_iteration_fails():
    chain = load_dataset(DATA / "chain")
    with pytest.raises(nx.PowerIterationFailedConvergence):
        nx.eigenvector_centrality(projection(chain, directed=True))
    result = centrality(chain, "eigenvector", directed=True)
    assert result["converged"] is False
    assert "undirected projection" in result["note"]
    assert scores_of(result) == nx.eigenvector_centrality(projection(chain, directed=False))


def test_eigenvector_on_two_near_identical_groups_is_the_exact_leading_eigenvector():
    # Two groups of five, all allied, but b0-b1: eigenvalues 4 and 3.65 are too
    # close for 100 rounds, on the directed graph and on the undirected one.
    groups = load_dataset(DATA / "groups")
    for directed in (True, False):
        result = centrality(groups, "eigenvector", directed=directed)
        assert result["converged"] is False
        scores = scores_of(result)
        assert scores == pytest.approx(
            {f"a{i}": 5**-0.5 for i in range(5)} | {f"b{i}": 0.0 for i in range(5)}, rel=1e-12
        )
        assert [row["rank"] for row in result["results"]] == [1] * 5 + [6] * 5
    assert result["note"] == (
        "eigenvector centrality did not converge in 100 iterations; its scores are the exact "
        "leading eigenvector (numpy), where only the component(s) with the largest eigenvalue "
        "score above 0"
    )
    directed = centrality(groups, "eigenvector", directed=True)
    assert directed["note"].startswith(
        "eigenvector centrality did not converge in 100 iterations on the directed graph nor "
        "on the undirected projection; its scores are the exact leading eigenvector of the "
        "undirected projection (numpy)"
    )
    everything = centrality(groups, "all", directed=True)
    assert everything["converged"] is False
    assert everything["results"][0]["scores"]["eigenvector"] == pytest.approx(5**-0.5)


def test_the_exact_leading_eigenvector_is_where_power_iteration_goes():
    karate = nx.karate_club_graph()
    exact = eigenvector.leading_eigenvector(karate, weighted=False)
    assert exact == pytest.approx(nx.eigenvector_centrality_numpy(karate), rel=1e-9)
    # Two equal triangles share the top; a path's smaller eigenvalue scores 0.
    pieces = nx.union_all([nx.complete_graph([1, 2, 3]), nx.complete_graph([4, 5, 6])])
    pieces.add_edges_from([(7, 8), (8, 9)])
    assert eigenvector.leading_eigenvector(pieces, weighted=False) == pytest.approx(
        dict.fromkeys(range(1, 7), 6**-0.5) | dict.fromkeys([7, 8, 9], 0.0), rel=1e-12
    )
    # Power iteration gets there within its tolerance.
    assert nx.eigenvector_centrality(pieces) == pytest.approx(
        eigenvector.leading_eigenvector(pieces, weighted=False), abs=1e-4
    )
    assert eigenvector.leading_eigenvector(nx.empty_graph(2), weighted=False) == pytest.approx(
        {0: 2**-0.5, 1: 2**-0.5}, rel=1e-15
    )


def star(weight: float, parallel: int = 1) -> Dataset:
    """Hub a aids b, c and d; b aids c, c and d aid a; each ``parallel`` times with ``weight``."""
    return Dataset(
        actors={i: Actor(i, i.upper(), "country") for i in "abcd"},
        types={"aid": RelationType("aid", 1)},
        relations=[
            Relation(source, "aid", target, "q", weight=weight)
            for source, target in [
                ("a", "b"),
                ("a", "c"),
                ("a", "d"),
                ("b", "c"),
                ("c", "a"),
                ("d", "a"),
            ]
            for _ in range(parallel)
        ],
    )


@pytest.mark.parametrize("weight", [2.0**-19, 2.0**-1074, 2.0**1000])
@pytest.mark.parametrize("measure", ["eigenvector", "pagerank", "betweenness"])
@pytest.mark.parametrize("directed", [True, False])
def test_the_size_of_weights_does_not_change_the_scores(weight, measure, directed):
    # Weights scale by a power of two to exactly those of weight 1: the same bits.
    # Before, 2**-19 (about 1.9e-6) stopped eigenvector's power iteration after a
    # round, 2**-1074 made PageRank fail to converge and betweenness overflow.
    scores = centrality(star(weight, parallel=2), measure, directed=directed, weighted=True)
    ones = centrality(star(1.0, parallel=2), measure, directed=directed, weighted=True)
    assert scores["results"] == ones["results"]
    assert scores.get("converged", True) is True


def test_closeness_keeps_its_scale_with_tiny_weights():
    # Distances of 2**1000 each: their sums overflowed; closeness is 2**-1000 times that of 1.
    tiny = centrality(star(2.0**-1000), "closeness", directed=False, weighted=True)
    ones = centrality(star(1.0), "closeness", directed=False, weighted=True)
    assert scores_of(tiny) == {
        node: math.ldexp(score, -1000) for node, score in scores_of(ones).items()
    }


@pytest.mark.parametrize("measure", [*MEASURES, "all"])
def test_weights_summing_past_the_float_range_are_query_errors(measure):
    # Two relations of 1e308 weigh inf together: JSON cannot hold it, nor can networkx.
    if measure in ("degree", "in-degree", "out-degree", "all"):
        message = f"{measure.replace('all', 'degree')} centrality overflows with these"
    else:
        message = "the relations between 'a' and 'b' weigh inf in all; weights must add up"
    with pytest.raises(QueryError) as raised:
        centrality(star(1e308, parallel=2), measure, weighted=True)
    assert str(raised.value).startswith(message)


def test_pagerank_that_does_not_converge_is_a_query_error(small, monkeypatch):
    def fail(*args, **kwargs):
        raise nx.PowerIterationFailedConvergence(100)

    monkeypatch.setattr(nx, "pagerank", fail)
    with pytest.raises(QueryError, match="pagerank did not converge on this graph"):
        centrality(small, "pagerank", engine="networkx")


def test_eigenvector_reports_convergence(small):
    result = centrality(small, "eigenvector")
    assert result["converged"] is True and "note" not in result


def test_all_measures_one_key_each(small):
    result = centrality(small, "all", directed=True)
    assert result["measures"] == list(MEASURES)
    first = result["results"][0]
    assert first["id"] == "ruritania"
    assert set(first["scores"]) == set(MEASURES) == set(first["ranks"])
    graph = projection(small, directed=True)
    tight = nx.pagerank(graph, tol=1e-12 / len(small.actors), max_iter=1000)
    assert first["scores"]["pagerank"] == pytest.approx(tight["ruritania"], abs=1e-12)
    undirected = centrality(small, "all", directed=False)
    assert undirected["measures"] == [m for m in MEASURES if m not in ("in-degree", "out-degree")]


def test_top_keeps_the_first_rows(small):
    top = centrality(small, directed=True, top=2)["results"]
    assert [row["id"] for row in top] == ["ruritania", "freedonia"]


def test_unknown_measure_and_in_degree_without_direction_are_query_errors(small):
    with pytest.raises(QueryError, match="choose from: degree, in-degree"):
        centrality(small, "fame")
    with pytest.raises(QueryError, match="in-degree needs direction"):
        centrality(small, "in-degree", directed=False)


def test_empty_dataset_gives_no_rows(small):
    from graph.filters import filter_dataset

    empty = filter_dataset(small, kinds=["alliance"], exclude=["pact"])
    assert centrality(empty, "all")["results"] == []


def test_docstring_examples():
    assert doctest.testmod(centrality_module).failed == 0
    assert doctest.testmod(eigenvector).failed == 0
    assert doctest.testmod(_checks).failed == 0


def test_by_default_each_measure_reads_direction_as_documented(small):
    from graph.queries.direction import DEFAULT_DIRECTED

    for measure in MEASURES:
        default = centrality(small, measure)
        assert default["directed"] is DEFAULT_DIRECTED[measure], measure
        explicit = centrality(small, measure, directed=DEFAULT_DIRECTED[measure])
        assert default == explicit, measure
    everything = centrality(small, "all")
    assert everything["measures"] == list(MEASURES)
    assert everything["directed_measures"] == ["in-degree", "out-degree"]
    undirected = projection(small, directed=False)
    expected = nx.betweenness_centrality(undirected)
    assert {r["id"]: r["scores"]["betweenness"] for r in everything["results"]} == expected
    assert {r["id"]: r["scores"]["in-degree"] for r in everything["results"]} == (
        nx.in_degree_centrality(projection(small, directed=True))
    )


def test_directed_must_be_a_bool_or_none(small):
    with pytest.raises(QueryError, match="directed must be True, False or None, not 'yes'"):
        centrality(small, "degree", directed="yes")


ROLES = DATA / "roles"


def test_by_default_only_actions_count_and_commentators_are_not_in_the_story():
    result = centrality(load_dataset(ROLES))
    # Five actors in the story (the analyst and her institute are not), n - 1 = 5.
    assert [(r["id"], r["score"], r["rank"]) for r in result["results"]] == [
        ("eastland", 3 * (1 / 5), 1),
        ("coalition", 2 * (1 / 5), 2),
        ("northland", 2 * (1 / 5), 2),
        ("westland", 2 * (1 / 5), 2),
        ("militants", 1 / 5, 5),
        ("southland", 0.0, 6),
    ]
    assert result["roles"] == ["action"]
    assert result["not_in_story"] == [
        {"id": "analyst", "name": "Ada Analyst"},
        {"id": "institute", "name": "The Institute"},
    ]


def test_with_commentary_every_role_counts():
    result = centrality(load_dataset(ROLES), with_commentary=True)
    scores = {r["id"]: r["score"] for r in result["results"]}
    assert scores == {
        "eastland": 4 * (1 / 7),
        "analyst": 3 * (1 / 7),
        "westland": 3 * (1 / 7),
        "coalition": 2 * (1 / 7),
        "northland": 2 * (1 / 7),
        "institute": 1 / 7,
        "militants": 1 / 7,
        "southland": 0.0,
    }
    assert result["roles"] == ["action", "commentary", "affiliation"]
    assert result["not_in_story"] == []


def test_the_table_counts_who_is_not_in_the_story(run):
    table = run("centrality", "--data", str(ROLES)).stdout
    assert table.endswith(
        "not in the story: 2 actors, only commentary or affiliation (--with-commentary\n"
        "                  counts them): Ada Analyst, The Institute\n"
    )
    every = run("centrality", "--data", str(ROLES), "--with-commentary").stdout
    assert "not in the story" not in every and "Ada Analyst" in every


def test_eigenvector_gives_the_same_bytes_whatever_the_hash_seed():
    # The exact fallback read each component in set order, which the hash seed changes.
    import os
    import subprocess
    import sys

    command = [sys.executable, "-m", "graph", "centrality", "--measure", "eigenvector"]
    command += ["--data", str(Path(__file__).parent / "data" / "groups"), "--format", "json"]
    outputs = set()
    for seed in ("1", "2", "3", "4"):
        environment = {**os.environ, "PYTHONHASHSEED": seed, "GRAPH_NO_CACHE": "1"}
        done = subprocess.run(command, capture_output=True, text=True, env=environment)
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1
