"""Neighbours: the ego network networkx gives, with each actor's depth."""

from __future__ import annotations

import doctest

import networkx as nx
import pytest

from graph import QueryError, load_dataset
from graph.build import projection
from graph.queries import neighbors as neighbors_module
from graph.queries.neighbors import DIRECTIONS, neighbors

from .conftest import DATA, SMALL


@pytest.fixture(scope="module")
def small():
    return load_dataset(SMALL)


def depths(result: dict) -> list[tuple[str, int]]:
    return [(n["id"], n["depth"]) for n in result["neighbors"]]


def test_neighbours_in_either_direction(small):
    result = neighbors(small, "ruritania")
    assert (result["actor"], result["name"], result["depth"], result["direction"]) == (
        "ruritania",
        "Ruritania",
        1,
        "both",
    )
    assert result["neighbors"][0] == {
        "id": "freedonia",
        "name": "Freedonia",
        "kind": "country",
        "depth": 1,
        "roles": ["action"],
    }
    assert depths(result) == [("freedonia", 1), ("pact", 1), ("turkiye", 1), ("varga", 1)]
    assert depths(neighbors(small, "ruritania", depth=2))[-1] == ("sylvania", 2)


def test_out_and_in_follow_direction_with_symmetric_types_both_ways(small):
    assert depths(neighbors(small, "ruritania", direction="out")) == [
        ("freedonia", 1),
        ("pact", 1),
        ("turkiye", 1),
    ]
    assert depths(neighbors(small, "ruritania", direction="in")) == [
        ("freedonia", 1),
        ("turkiye", 1),
        ("varga", 1),
    ]


def test_depth_along_a_chain():
    chain = load_dataset(DATA / "chain")
    assert depths(neighbors(chain, "general", depth=2, direction="out")) == [
        ("colonel", 1),
        ("major", 2),
    ]
    assert depths(neighbors(chain, "sergeant", depth=3, direction="in")) == [
        ("lieutenant", 1),
        ("captain", 2),
        ("major", 3),
    ]
    assert neighbors(chain, "sergeant", direction="out")["neighbors"] == []


@pytest.mark.parametrize("direction", DIRECTIONS)
@pytest.mark.parametrize("depth", [1, 2, 3])
def test_neighbours_equal_networkx_ego_graph_on_the_seed(direction, depth):
    seed = load_dataset()
    graph = projection(seed, directed=direction != "both")
    if direction == "in":
        graph = graph.reverse()
    for actor in seed.actors:
        ego = nx.ego_graph(graph, actor, radius=depth)
        result = neighbors(seed, actor, depth, direction)
        assert {n["id"] for n in result["neighbors"]} == set(ego) - {actor}
        lengths = nx.single_source_shortest_path_length(graph, actor)
        assert all(n["depth"] == lengths[n["id"]] for n in result["neighbors"])


def test_an_isolated_actor_has_no_neighbours(small):
    assert neighbors(small, "atlantis", depth=3)["neighbors"] == []
    assert neighbors(load_dataset(DATA / "lone"), "hermit")["neighbors"] == []


def test_bad_arguments_are_query_errors(small):
    with pytest.raises(QueryError, match="at least 1"):
        neighbors(small, "ruritania", depth=0)
    with pytest.raises(QueryError, match="choose from: both, out, in"):
        neighbors(small, "ruritania", direction="up")
    with pytest.raises(QueryError, match="unknown actor 'narnia'"):
        neighbors(small, "narnia")


def test_docstring_examples():
    assert doctest.testmod(neighbors_module).failed == 0


def test_neighbors_follow_every_role_and_mark_it(run):
    found = neighbors(load_dataset(DATA / "roles"), "westland", depth=2)["neighbors"]
    assert [(n["id"], n["depth"], n["roles"]) for n in found] == [
        ("analyst", 1, ["commentary"]),
        ("coalition", 1, ["action"]),
        ("eastland", 1, ["action"]),
        ("institute", 2, ["affiliation"]),
        ("militants", 2, ["action"]),
        ("northland", 2, ["action"]),
    ]
    table = run("neighbors", "Westland", "--data", str(DATA / "roles")).stdout
    assert "1      analyst    Ada Analyst    person        commentary\n" in table
