"""Communities: networkx's modularity communities on the undirected projection, deterministic."""

from __future__ import annotations

import doctest
import math

import networkx as nx
import pytest

from graph import QueryError, load_dataset
from graph.build import projection, story
from graph.filters import filter_dataset
from graph.model import Actor, Dataset, Relation, RelationType
from graph.queries import communities as communities_module
from graph.queries.communities import communities

from .conftest import DATA, SMALL


def groups(result: dict) -> list[list[str]]:
    return [c["actors"] for c in result["communities"]]


def ordered(found) -> list[list[str]]:
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))


@pytest.mark.parametrize("folder", [None, SMALL, DATA / "weighted", DATA / "signed"])
@pytest.mark.parametrize("weighted", [False, True])
def test_louvain_and_greedy_equal_networkx(folder, weighted):
    dataset = story(load_dataset(folder))[0]  # the rankings read the story's actions
    graph = projection(dataset, directed=False, weighted=weighted)
    weight = "weight" if weighted else None
    louvain = communities(dataset, weighted=weighted)
    expected = ordered(nx.community.louvain_communities(graph, weight=weight, seed=0))
    assert groups(louvain) == expected
    assert louvain["modularity"] == nx.community.modularity(graph, expected, weight=weight)
    greedy = communities(dataset, "greedy", weighted=weighted)
    expected = ordered(nx.community.greedy_modularity_communities(graph, weight=weight))
    assert groups(greedy) == expected
    assert greedy["seed"] is None


def test_small_dataset_communities_by_hand():
    result = communities(load_dataset(SMALL), "greedy")
    assert groups(result) == [
        ["pact", "ruritania", "turkiye", "varga"],
        ["freedonia", "sylvania"],
        ["atlantis"],
    ]
    # 7 edges; the first community holds 4 of them (degrees 10), the second 1 (degrees 4).
    assert result["modularity"] == pytest.approx(4 / 7 - (10 / 14) ** 2 + 1 / 7 - (4 / 14) ** 2)
    assert result["communities"][1] == {
        "community": 2,
        "size": 2,
        "actors": ["freedonia", "sylvania"],
        "names": ["Freedonia", "Sylvania"],
        # Greedy is deterministic: one run, nothing moves.
        "stability": 1.0,
        "unstable": False,
        "shares": {"freedonia": 1.0, "sylvania": 1.0},
    }
    assert result["stability"] == {
        "runs": 1,
        "seeds": [],
        "unstable_below": 0.8,
        "reduced": False,
    }


def test_same_input_same_answer():
    seed = load_dataset()
    assert communities(seed) == communities(seed)


def test_no_relations_means_no_modularity():
    empty = filter_dataset(load_dataset(SMALL), types=["leader_of"], exclude=["varga"])
    result = communities(empty)
    assert result["modularity"] is None
    assert len(result["communities"]) == len(empty.actors)


def two_triangles(weight: float) -> Dataset:
    """Triangles abc and def, tied by c-d; every relation of ``weight``."""
    pairs = [("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("e", "f"), ("d", "f"), ("c", "d")]
    return Dataset(
        actors={i: Actor(i, i.upper(), "country") for i in "abcdef"},
        types={"aid": RelationType("aid", 1)},
        relations=[Relation(u, "aid", v, "q", weight=weight) for u, v in pairs],
    )


@pytest.mark.parametrize("method", ["louvain", "greedy"])
@pytest.mark.parametrize("weight", [2.0**-1000, 2.0**-1074, 2.0**1000])
def test_tiny_and_huge_weights_give_the_communities_of_weight_1(method, weight):
    # 2**-1000 squared vanished: the modularity divided by zero.
    result = communities(two_triangles(weight), method, weighted=True)
    assert result == communities(two_triangles(1.0), method, weighted=True)
    assert groups(result) == [["a", "b", "c"], ["d", "e", "f"]]
    assert result["modularity"] == pytest.approx(2 * (3 / 7 - (7 / 14) ** 2))


def test_weights_summing_past_the_float_range_are_a_query_error():
    doubled = two_triangles(1e308)
    doubled.relations += doubled.relations
    with pytest.raises(QueryError, match="weigh inf in all; weights must add up to a positive"):
        communities(doubled, weighted=True)


@pytest.mark.parametrize("resolution", [0, -1.0, math.nan, math.inf, -math.inf])
def test_the_resolution_must_be_a_finite_number_above_0(resolution):
    with pytest.raises(QueryError) as raised:
        communities(load_dataset(SMALL), resolution=resolution)
    assert str(raised.value) == (
        f"the resolution must be a finite number above 0, not {resolution!r}"
    )


def test_unknown_method_is_a_query_error():
    with pytest.raises(QueryError, match="choose from: louvain, greedy"):
        communities(load_dataset(SMALL), "magic")


def test_docstring_examples():
    assert doctest.testmod(communities_module).failed == 0


WAVERING = DATA / "wavering"


def test_each_actor_says_how_often_it_lands_with_its_communitys_core():
    result = communities(load_dataset(WAVERING))
    rows = [
        (c["actors"], c["shares"], c["stability"], c["unstable"]) for c in result["communities"]
    ]
    # Bora and Cora change community with the seed: 11 runs of 20 with their core each.
    assert rows == [
        (["alba", "bora", "fara"], {"alba": 1.0, "bora": 0.55, "fara": 1.0}, 0.85, False),
        (["cora", "gala"], {"cora": 0.55, "gala": 1.0}, 0.775, True),
        (["dara", "elna"], {"dara": 1.0, "elna": 1.0}, 1.0, False),
    ]
    assert result["stability"] == {
        "runs": 20,
        "seeds": list(range(20)),
        "unstable_below": 0.8,
        "reduced": False,
    }
    assert result["signs"].startswith("ignored")


def test_shares_match_runs_of_networkx_matched_by_overlap():
    dataset = load_dataset(WAVERING)
    graph = projection(dataset)
    runs = [nx.community.louvain_communities(graph, seed=seed) for seed in range(5, 25)]
    cores = ordered(runs[0])
    result = communities(dataset, seed=5)
    assert groups(result) == cores
    for core, row in zip(cores, result["communities"]):
        for actor in core:
            landed = 0
            for run in runs:
                best = max(run, key=lambda group: (len(group & set(core)), -ord(min(group)[0])))
                landed += actor in best
            assert row["shares"][actor] == landed / 20, actor
    assert result["stability"]["seeds"] == list(range(5, 25))


def test_fewer_runs_above_a_size_and_the_output_says_so(run):
    assert communities_module.stability_runs(10_000) == 20
    assert communities_module.stability_runs(40_000) == 5
    assert communities_module.stability_runs(10**6) == 2
    result = communities(load_dataset(WAVERING), runs=2)
    assert result["stability"]["runs"] == 2 and result["stability"]["reduced"] is False
    table = run("communities", "--data", str(WAVERING)).stdout
    assert "2  2     0.78 unstable  Cora (0.55), Gala\n" in table
    assert "signs:       ignored: a hostile relation ties two actors as a cooperative" in table
    with pytest.raises(QueryError):
        communities(load_dataset(WAVERING), runs=0)


def test_communities_read_the_story_unless_asked_for_the_commentary():
    dataset = load_dataset(DATA / "roles")
    result = communities(dataset)
    assert groups(result) == [
        ["coalition", "northland", "westland"],
        ["eastland", "militants"],
        ["southland"],
    ]
    assert [a["id"] for a in result["not_in_story"]] == ["analyst", "institute"]
    every = communities(dataset, with_commentary=True)
    assert groups(every) == [
        ["coalition", "northland", "westland"],
        ["analyst", "institute"],
        ["eastland", "militants"],
        ["southland"],
    ]
    assert every["roles"] == ["action", "commentary", "affiliation"]
