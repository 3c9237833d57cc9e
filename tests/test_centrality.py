"""Centrality: every measure equals networkx on the documented projection, and exact hand values."""

from __future__ import annotations

import doctest

import networkx as nx
import pytest

from graph import QueryError, load_dataset
from graph.build import projection
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
        return nx.pagerank(graph, weight=weight)
    try:
        return nx.eigenvector_centrality(graph, weight=weight)
    except nx.PowerIterationFailedConvergence:
        undirected = projection(dataset, directed=False, weighted=weighted)
        return nx.eigenvector_centrality(undirected, weight=weight)


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
    dataset = load_dataset(DATASETS[name])
    result = centrality(dataset, measure, directed=directed, weighted=weighted)
    expected = networkx_scores(dataset, measure, directed, weighted)
    assert scores_of(result) == pytest.approx(expected, rel=1e-12, abs=1e-15)
    assert [row["id"] for row in result["results"]] == sorted(
        expected, key=lambda node: (-round(expected[node], 12), node)
    )


def test_degree_on_the_small_dataset_by_hand(small):
    # Directed projection: the symmetric alliance and talks count both ways,
    # Sylvania's two trades with Freedonia count once.
    result = centrality(small, "degree")
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
    weighted = scores_of(centrality(small, "degree", weighted=True))
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
        nx.eigenvector_centrality(projection(chain))
    result = centrality(chain, "eigenvector")
    assert result["converged"] is False
    assert "undirected projection" in result["note"]
    assert scores_of(result) == nx.eigenvector_centrality(projection(chain, directed=False))


def test_eigenvector_reports_convergence(small):
    result = centrality(small, "eigenvector")
    assert result["converged"] is True and "note" not in result


def test_all_measures_one_key_each(small):
    result = centrality(small, "all")
    assert result["measures"] == list(MEASURES)
    first = result["results"][0]
    assert first["id"] == "ruritania"
    assert set(first["scores"]) == set(MEASURES) == set(first["ranks"])
    assert first["scores"]["pagerank"] == nx.pagerank(projection(small))["ruritania"]
    undirected = centrality(small, "all", directed=False)
    assert undirected["measures"] == [m for m in MEASURES if m not in ("in-degree", "out-degree")]


def test_top_keeps_the_first_rows(small):
    assert [row["id"] for row in centrality(small, top=2)["results"]] == ["ruritania", "freedonia"]


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
