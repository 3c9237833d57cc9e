"""What-if: centrality with and without actors, and who is cut off."""

from __future__ import annotations

import doctest

import pytest

from graph import QueryError, load_dataset
from graph.filters import filter_dataset
from graph.queries import whatif as whatif_module
from graph.queries.centrality import centrality
from graph.queries.whatif import whatif

from .conftest import DATA, SMALL


@pytest.fixture(scope="module")
def small():
    return load_dataset(SMALL)


def test_scores_before_and_after_equal_centrality(small):
    result = whatif(small, ["ruritania"], "betweenness", directed=False)
    before = {r["id"]: r for r in centrality(small, "betweenness", directed=False)["results"]}
    without = filter_dataset(small, exclude=["ruritania"])
    after = {r["id"]: r for r in centrality(without, "betweenness", directed=False)["results"]}
    assert {row["id"] for row in result["results"]} == set(after)
    for row in result["results"]:
        assert row["before"] == before[row["id"]]["score"]
        assert row["after"] == after[row["id"]]["score"]
        assert row["change"] == row["after"] - row["before"]
        assert (row["rank_before"], row["rank_after"]) == (
            before[row["id"]]["rank"],
            after[row["id"]]["rank"],
        )
    changes = [abs(row["change"]) for row in result["results"]]
    assert changes == sorted(changes, reverse=True)
    assert result["excluded"] == [
        {
            "id": "ruritania",
            "name": "Ruritania",
            "kind": "country",
            "score": 1 / 3,
            "rank": 1,
        }
    ]


def test_removing_ruritania_cuts_off_its_president(small):
    result = whatif(small, ["ruritania"], directed=True)
    # Before: the main component and isolated Atlantis; after, Varga is alone too.
    assert (result["components_before"], result["components_after"]) == (2, 3)
    assert result["disconnected"] == [{"id": "varga", "name": "Ilse Varga", "component_size": 1}]
    varga = next(row for row in result["results"] if row["id"] == "varga")
    assert (varga["before"], varga["after"]) == (1 / 6, 0.0)


def test_the_smaller_pieces_of_a_broken_chain_are_disconnected():
    chain = load_dataset(DATA / "chain")
    assert [a["id"] for a in whatif(chain, ["captain"])["disconnected"]] == [
        "lieutenant",
        "sergeant",
    ]
    assert [a["id"] for a in whatif(chain, ["colonel", "lieutenant"])["disconnected"]] == [
        "general",
        "sergeant",
    ]
    # Two pieces of one size: neither is the main body any more.
    assert [a["id"] for a in whatif(chain, ["major", "sergeant"])["disconnected"]] == [
        "captain",
        "colonel",
        "general",
        "lieutenant",
    ]


def test_one_id_as_a_string_is_one_actor(small):
    # Not the actors 'p', 'a', 'c' and 't'.
    assert whatif(small, "pact") == whatif(small, ["pact"])
    with pytest.raises(QueryError, match="unknown actor 'us'"):
        whatif(small, "us")


def test_excluding_every_actor_leaves_nothing_to_compare(small):
    result = whatif(small, small.actors, "pagerank")
    assert result["results"] == []
    assert [actor["id"] for actor in result["excluded"]] == sorted(small.actors)
    assert (result["components_before"], result["components_after"]) == (2, 0)
    assert result["disconnected"] == []


def test_top_and_errors(small):
    assert len(whatif(small, ["pact"], top=2)["results"]) == 2
    with pytest.raises(QueryError, match="at least one"):
        whatif(small, [])
    with pytest.raises(QueryError, match="unknown actor 'narnia'"):
        whatif(small, ["narnia"])
    with pytest.raises(QueryError, match="unknown measure 'all' \\(choose from: degree, in-deg"):
        whatif(small, ["pact"], "all")


def test_docstring_examples():
    assert doctest.testmod(whatif_module).failed == 0


ROLES = DATA / "roles"


def test_whatif_reads_the_story_by_default():
    result = whatif(load_dataset(ROLES), ["eastland"])
    # Without Eastland the militants are cut off; the analyst is not counted at all.
    assert [a["id"] for a in result["disconnected"]] == ["militants"]
    assert {row["id"] for row in result["results"]} == {
        *("coalition", "militants", "northland", "southland", "westland")
    }
    assert result["roles"] == ["action"]
    assert [a["id"] for a in result["not_in_story"]] == ["analyst", "institute"]
    every = whatif(load_dataset(ROLES), ["eastland"], with_commentary=True)
    # The analyst also warns about Eastland: with commentary, the militants' only tie stays cut.
    assert [a["id"] for a in every["disconnected"]] == ["militants"]
    assert "analyst" in {row["id"] for row in every["results"]}
    with pytest.raises(QueryError, match="not in the story"):
        whatif(load_dataset(ROLES), ["analyst"])
