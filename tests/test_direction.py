"""One direction vocabulary: the documented defaults, --directed/--undirected on every
query command (old spellings kept), and --sign beside --type."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from graph import QueryError, load_dataset, projection
from graph.queries.camps import camps
from graph.queries.communities import communities
from graph.queries.direction import DEFAULT_DIRECTED
from graph.queries.neighbors import neighbors
from graph.queries.paths import shortest_paths

from .conftest import SMALL

COMMANDS = {
    "centrality": ["centrality", "--measure", "betweenness"],
    "path": ["path", "Ruritania", "Pact"],
    "neighbors": ["neighbors", "Ruritania"],
    "communities": ["communities"],
    "whatif": ["whatif", "--exclude", "pact"],
}


def as_json(result) -> dict:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_defaults_to_the_documented_direction_and_takes_both_flags(run, command):
    arguments = [*COMMANDS[command], "--data", str(SMALL), "--format", "json"]
    default = as_json(run(*arguments))
    undirected = as_json(run(*arguments, "--undirected"))
    directed = as_json(run(*arguments, "--directed"))
    assert default == undirected
    if command == "neighbors":
        assert (directed["direction"], default["direction"]) == ("out", "both")
    else:
        assert (directed["directed"], default["directed"]) == (True, False)


def test_camps_reads_signs_without_direction(run):
    assert run("camps", "--data", str(SMALL), "--undirected").exit_code == 0
    result = run("camps", "--data", str(SMALL), "--directed")
    assert result.exit_code == 2
    assert "camps reads relation signs without direction: drop --directed" in result.stderr
    with pytest.raises(QueryError):
        camps(load_dataset(SMALL), directed=True)


def test_neighbors_direction_and_the_pair_must_agree(run):
    result = run(
        "neighbors", "Ruritania", "--direction", "in", "--undirected", "--data", str(SMALL)
    )
    assert result.exit_code == 2
    assert "direction 'in' and --undirected contradict each other" in result.stderr
    small = load_dataset(SMALL)
    assert neighbors(small, "ruritania", directed=True) == neighbors(small, "ruritania", 1, "out")


def test_library_none_is_the_default_of_the_table():
    small = load_dataset(SMALL)
    assert shortest_paths(small, "ruritania", "pact")["directed"] is DEFAULT_DIRECTED["path"]
    assert communities(small)["directed"] is DEFAULT_DIRECTED["communities"]


def test_directed_communities_maximise_directed_modularity():
    small = load_dataset(SMALL)
    result = communities(small, directed=True)
    graph = projection(small, directed=True)
    found = nx.community.louvain_communities(graph, seed=0)
    expected = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    assert [c["actors"] for c in result["communities"]] == expected
    assert result["modularity"] == nx.community.modularity(graph, expected)


@pytest.mark.parametrize(
    "arguments",
    [
        ["stats"],
        ["centrality"],
        ["path", "Ruritania", "Freedonia"],
        ["neighbors", "Ruritania"],
        ["camps"],
        ["communities"],
        ["whatif", "--exclude", "pact"],
        ["html", "-o", "{tmp}/page.html"],
    ],
    ids=lambda arguments: arguments[0],
)
def test_every_filtering_command_takes_sign(run, tmp_path, arguments):
    arguments = [a.replace("{tmp}", str(tmp_path)) for a in arguments]
    good = run(*arguments, "--sign", "cooperative,neutral", "--data", str(SMALL))
    assert good.exit_code in (0, 1), good.stderr
    bad = run(*arguments, "--sign", "friendly", "--data", str(SMALL))
    assert bad.exit_code == 2
    assert "unknown sign 'friendly' (choose from: cooperative, hostile, neutral, or 1, -1, 0)" in (
        bad.stderr
    )


def test_sign_reads_the_numbers_relations_yaml_writes(run):
    # relations.yaml writes `sign: -1`: --sign -1 is --sign hostile, in the CLI and the library.
    from graph.filters import filter_dataset

    small = load_dataset(SMALL)
    for number, word in (("-1", "hostile"), ("1", "cooperative"), ("+1", "cooperative")):
        by_number = run("centrality", "--sign", number, "--data", str(SMALL), "--format", "json")
        by_word = run("centrality", "--sign", word, "--data", str(SMALL), "--format", "json")
        assert by_number.exit_code == 0, by_number.stderr
        assert by_number.stdout == by_word.stdout
    assert filter_dataset(small, signs=-1) == filter_dataset(small, signs="hostile")
    assert filter_dataset(small, signs=["0", "1"]) == filter_dataset(
        small, signs=["neutral", "cooperative"]
    )
    typo = run("centrality", "--sign", "hostil", "--data", str(SMALL))
    assert typo.exit_code == 2
    assert "unknown sign 'hostil'; did you mean 'hostile'?" in typo.stderr
    with pytest.raises(QueryError, match="unknown kind 'contry'; did you mean 'country'"):
        filter_dataset(small, kinds=["contry"])


def test_sign_keeps_the_relations_whose_type_has_that_sign(run):
    small = load_dataset(SMALL)
    result = as_json(run("camps", "--sign", "hostile", "--data", str(SMALL), "--format", "json"))
    hostile = {r.source for r in small.relations if small.types[r.type].sign < 0}
    hostile |= {r.target for r in small.relations if small.types[r.type].sign < 0}
    placed = [*result["camps"], *result["leaning"]]  # one hostile relation each: leaning
    assert {actor for camp in placed for actor in camp} == hostile
    both = as_json(
        run(
            "centrality",
            "--sign",
            "hostile",
            "--type",
            "allied_with",
            "--data",
            str(SMALL),
            "--format",
            "json",
        )
    )
    assert all(row["score"] == 0 for row in both["results"])


def test_html_sizes_nodes_by_the_direction_asked(run, tmp_path):
    from graph.build import story
    from graph.queries.centrality import centrality

    from .test_html import page_data

    seed = load_dataset()
    for flag, directed in (("--directed", True), ("--undirected", False), (None, None)):
        page = tmp_path / "page.html"
        arguments = ["html", "--size-by", "betweenness", "-o", str(page)]
        result = run(*arguments, *([flag] if flag else []))
        assert result.exit_code == 0, result.stderr
        drawn = {n["id"]: n["score"] for n in page_data(page.read_text("utf-8"))["nodes"]}
        ranked = centrality(seed, "betweenness", directed=directed)
        # Actors not in the story (commentators) are drawn, unranked: size 0.
        expected = {row["id"]: round(row["score"], 6) for row in ranked["results"]}
        expected.update({actor["id"]: 0.0 for actor in ranked["not_in_story"]})
        assert drawn == expected, flag
    in_story, left_out = story(seed)
    undirected = nx.betweenness_centrality(projection(in_story, directed=False))
    assert drawn == {
        **{actor: round(score, 6) for actor, score in undirected.items()},
        **dict.fromkeys(left_out, 0.0),
    }


def test_docstring_examples():
    import doctest
    import importlib

    for name in (
        "graph",
        "graph.names",
        "graph.model",
        "graph.build",
        "graph.queries.direction",
        "graph.queries.summary",
    ):
        assert doctest.testmod(importlib.import_module(name)).failed == 0, name


def test_stats_counts_what_the_filters_keep(run):
    from graph.filters import filter_dataset

    small = load_dataset(SMALL)
    kept = filter_dataset(small, signs="hostile")
    result = run("stats", "--sign", "hostile", "--data", str(SMALL), "--format", "json")
    assert result.exit_code == 0, result.stderr
    counts = json.loads(result.stdout)
    assert (counts["actors"], counts["relations"]) == (len(kept.actors), len(kept.relations))
    assert counts["relations"] < len(small.relations)
