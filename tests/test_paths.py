"""Paths: the same paths networkx finds on the projection, each hop explained by its relations."""

from __future__ import annotations

import doctest
import random
import subprocess
import sys

import networkx as nx
import pytest

from graph import QueryError, load_dataset
from graph.build import projection
from graph.model import Actor, Dataset, Relation, RelationType
from graph.queries import paths as paths_module
from graph.queries.paths import shortest_paths

from .conftest import DATA, SMALL


@pytest.fixture(scope="module")
def small():
    return load_dataset(SMALL)


def actor_lists(result: dict) -> list[list[str]]:
    return [path["actors"] for path in result["paths"]]


def test_shortest_paths_ignore_direction_and_explain_each_hop(small):
    result = shortest_paths(small, "freedonia", "turkiye")
    assert (result["source"], result["target"], result["directed"]) == (
        "freedonia",
        "turkiye",
        False,
    )
    assert actor_lists(result) == [
        ["freedonia", "pact", "turkiye"],
        ["freedonia", "ruritania", "turkiye"],
    ]
    first, second = result["paths"]
    assert first["names"] == ["Freedonia", "Northern Pact", "Türkiye"]
    assert first["hops"] == [
        {
            "source": "freedonia",
            "type": "member_of",
            "target": "pact",
            "evidence": "the Northern Pact, which Freedonia joined",
            "direction": "forward",
            "role": "action",
            "also": [],
        },
        {
            "source": "turkiye",
            "type": "opposes",
            "target": "pact",
            "evidence": 'Türkiye opposes the Northern Pact - "a provocation"',
            "direction": "backward",
            "role": "action",
            "also": [],
        },
    ]
    # Symmetric types read both ways, whichever way the file wrote them.
    assert [(hop["source"], hop["type"], hop["direction"]) for hop in second["hops"]] == [
        ("ruritania", "allied_with", "both"),
        ("turkiye", "talks_with", "both"),
    ]


def test_directed_paths_follow_relations_and_symmetric_types_both_ways(small):
    assert actor_lists(shortest_paths(small, "freedonia", "turkiye", directed=True)) == [
        ["freedonia", "ruritania", "turkiye"]
    ]
    assert shortest_paths(small, "pact", "ruritania", directed=True)["paths"] == []


def test_parallel_relations_pick_the_first_and_list_the_others(small):
    hop = shortest_paths(small, "sylvania", "ruritania")["paths"][0]["hops"][0]
    assert hop["evidence"] == "Sylvania, a quiet neighbour, trades with Freedonia"
    assert [other["evidence"] for other in hop["also"]] == [
        "Sylvania also sells grain to Freedonia"
    ]


def test_max_length_gives_every_simple_path_up_to_it(small):
    result = shortest_paths(small, "freedonia", "turkiye", max_length=3)
    assert actor_lists(result) == [
        ["freedonia", "pact", "turkiye"],
        ["freedonia", "ruritania", "turkiye"],
        ["freedonia", "pact", "ruritania", "turkiye"],
        ["freedonia", "ruritania", "pact", "turkiye"],
    ]
    assert [path["length"] for path in result["paths"]] == [2, 2, 3, 3]


@pytest.mark.parametrize("folder", [None, SMALL, DATA / "weighted", DATA / "signed"])
@pytest.mark.parametrize("directed", [False, True])
def test_paths_equal_networkx_for_every_pair(folder, directed):
    dataset = load_dataset(folder)
    graph = projection(dataset, directed=directed)
    actors = sorted(dataset.actors)[:12]
    for source in actors:
        for target in actors:
            if source == target:
                continue
            try:
                expected = sorted(nx.all_shortest_paths(graph, source, target), key=_order)
            except nx.NetworkXNoPath:
                expected = []
            result = shortest_paths(dataset, source, target, directed=directed)
            assert actor_lists(result) == expected
            within = sorted(nx.all_simple_paths(graph, source, target, cutoff=3), key=_order)
            assert actor_lists(shortest_paths(dataset, source, target, directed, 3)) == within


def _order(path):
    return (len(path), path)


def test_no_path_is_an_empty_list(small):
    assert shortest_paths(small, "ruritania", "atlantis")["paths"] == []
    assert shortest_paths(small, "ruritania", "atlantis", max_length=4)["paths"] == []


def test_too_short_a_max_length_says_how_long_the_shortest_is(small):
    result = shortest_paths(small, "sylvania", "ruritania", max_length=1)
    assert (result["paths"], result["shortest_length"]) == ([], 2)
    assert shortest_paths(small, "sylvania", "ruritania")["shortest_length"] == 2
    assert shortest_paths(small, "ruritania", "atlantis", max_length=3)["shortest_length"] is None


@pytest.fixture(scope="module")
def clique():
    return load_dataset(DATA / "clique")


@pytest.fixture
def explored(monkeypatch):
    """Record the nodes of every graph handed to the simple-path search.

    Past 10 nodes the search is not run, so a test fails rather than hangs
    should the pruning ever hand it the whole clique again.
    """
    from graph.queries import paths

    seen = []
    search = paths.simple_paths

    def spy(graph, *args, **kwargs):
        seen.append(sorted(graph))
        return search(graph, *args, **kwargs) if len(graph) <= 10 else iter(())

    monkeypatch.setattr(paths, "simple_paths", spy)
    return seen


def test_an_unreachable_target_is_not_searched_for(clique, explored):
    # Up to 13 hops, a00 has billions of simple paths in its clique; z is not in it.
    result = shortest_paths(clique, "a00", "z", max_length=13)
    assert (result["paths"], result["shortest_length"], explored) == ([], None, [])


def test_the_search_keeps_to_the_actors_a_short_path_can_cross(clique, small, explored):
    # The outpost hangs on a00 alone: no simple path to it goes through the clique.
    result = shortest_paths(clique, "a00", "x", max_length=13)
    assert [path["actors"] for path in result["paths"]] == [["a00", "x"]]
    # Sylvania is 3 hops from Türkiye, Varga 2 from each end: too far for 2 hops.
    shortest_paths(small, "freedonia", "turkiye", max_length=2)
    assert explored == [["a00", "x"], ["freedonia", "pact", "ruritania", "turkiye"]]


def test_path_search_on_a_dense_graph_ends_quickly():
    # Before the pruning, either of these ran for longer than anyone would wait.
    for arguments in (["a00", "z"], ["a00", "x"]):
        command = [sys.executable, "-m", "graph", "path", *arguments, "--max", "13"]
        done = subprocess.run(
            [*command, "--data", str(DATA / "clique")], capture_output=True, timeout=30
        )
        assert done.returncode in (0, 1), done.stderr


@pytest.mark.parametrize("seed", range(20))
def test_pruned_search_finds_every_simple_path(seed):
    rng = random.Random(seed)
    graph = nx.gnp_random_graph(12, rng.choice([0.2, 0.35, 0.5]), seed=seed, directed=seed % 2)
    dataset = Dataset(
        actors={f"n{i:02d}": Actor(f"n{i:02d}", f"N{i}", "country") for i in graph},
        types={"aid": RelationType("aid", 1)},
        relations=[Relation(f"n{u:02d}", "aid", f"n{v:02d}", "q") for u, v in graph.edges],
    )
    directed = bool(seed % 2)
    plain = projection(dataset, directed=directed)
    for _ in range(10):
        source, target = rng.sample(sorted(dataset.actors), 2)
        cutoff = rng.randint(1, 6)
        expected = sorted(nx.all_simple_paths(plain, source, target, cutoff=cutoff), key=_order)
        found = shortest_paths(dataset, source, target, directed, cutoff)
        assert actor_lists(found) == expected


def test_seed_path_from_turkiye_to_russia():
    result = shortest_paths(load_dataset(), "turkiye", "russia")
    path = result["paths"][0]
    assert path["actors"] == ["turkiye", "coalition-task-force", "reassurance-force", "russia"]
    assert [(hop["type"], hop["direction"]) for hop in path["hops"]] == [
        ("participates_in", "forward"),
        ("plans", "forward"),
        ("opposes", "backward"),
    ]
    assert all(hop["evidence"] for hop in path["hops"])


def test_bad_arguments_are_query_errors(small, monkeypatch):
    with pytest.raises(QueryError, match="same actor"):
        shortest_paths(small, "ruritania", "ruritania")
    with pytest.raises(QueryError, match="at least 1"):
        shortest_paths(small, "ruritania", "pact", max_length=0)
    with pytest.raises(QueryError, match="unknown actor 'narnia'"):
        shortest_paths(small, "ruritania", "narnia")
    monkeypatch.setattr(paths_module, "MAX_PATHS", 3)
    with pytest.raises(QueryError, match="more than 3 paths of at most 3 hops"):
        shortest_paths(small, "freedonia", "turkiye", max_length=3)
    monkeypatch.setattr(paths_module, "MAX_PATHS", 1)
    with pytest.raises(QueryError, match="more than 1 shortest paths"):
        shortest_paths(small, "freedonia", "turkiye")


def test_docstring_examples():
    assert doctest.testmod(paths_module).failed == 0


def test_paths_cross_commentary_and_mark_each_hops_role(run):
    dataset = load_dataset(DATA / "roles")
    [path] = shortest_paths(dataset, "institute", "eastland")["paths"]
    assert [(hop["type"], hop["role"]) for hop in path["hops"]] == [
        ("affiliated_with", "affiliation"),
        ("warns_about", "commentary"),
    ]
    table = run("path", "institute", "eastland", "--data", str(DATA / "roles")).stdout
    assert "path  hop  relation           role         evidence\n" in table
    plain = run("path", "militants", "westland", "--data", str(DATA / "roles")).stdout
    assert "role" not in plain
