"""The query commands end to end: exact output, the JSON contract, filters and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph import load_dataset
from graph.cli.query_commands import COMMANDS
from graph.filters import filter_dataset
from graph.queries.camps import camps
from graph.queries.centrality import centrality
from graph.queries.whatif import whatif

from .conftest import DATA, SMALL

ROOT = Path(__file__).resolve().parents[1]
# The query commands' documentation, wherever it lives now.
DOC_FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

# One invocation of each query command that needs the fewest arguments.
QUERIES = {
    "centrality": ["centrality"],
    "path": ["path", "freedonia", "turkiye"],
    "neighbors": ["neighbors", "ruritania"],
    "camps": ["camps"],
    "communities": ["communities"],
    "whatif": ["whatif", "--exclude", "pact"],
}

SEED_QUERIES = [
    ["centrality", "--top", "10"],
    ["centrality", "--measure", "all"],
    ["centrality", "--measure", "pagerank", "--weighted", "--undirected"],
    ["path", "Türkiye", "Russia"],
    ["path", "Türkiye", "Russia", "--max", "3"],
    ["neighbors", "Türkiye", "--depth", "2"],
    ["camps"],
    ["communities"],
    ["whatif", "--exclude", "US"],
]


def as_json(result) -> dict:
    return json.loads(result.stdout)


def test_centrality_table_and_csv(run):
    result = run("centrality", "--data", str(SMALL), "--top", "2", "--directed")
    assert result.exit_code == 0
    assert result.stdout == (
        "Degree centrality (directed, unweighted)\n"
        "rank  id         name       kind     score\n"
        "----  ---------  ---------  -------  --------\n"
        "1     ruritania  Ruritania  country  1\n"
        "2     freedonia  Freedonia  country  0.666667\n"
    )
    csv = run("centrality", "--data", str(SMALL), "--top", "2", "--directed", "--format", "csv")
    # CSV keeps every digit of a score; the table shows six.
    assert csv.stdout == (
        "rank,id,name,kind,score\n1,ruritania,Ruritania,country,1.0\n"
        "2,freedonia,Freedonia,country,0.6666666666666666\n"
    )


def test_centrality_json_is_the_library_result_after_filters(run):
    result = run(
        "centrality",
        *("--data", str(SMALL), "--format", "json", "--measure", "betweenness"),
        *("--type", "allied_with,leads", "--type", "talks_with", "--kind", "country,alliance"),
        *("--as-of", "2025-05", "--exclude", "Sylvania", "--undirected"),
    )
    assert result.exit_code == 0, result.stderr
    narrowed = filter_dataset(
        load_dataset(SMALL),
        types=["allied_with", "leads", "talks_with"],
        kinds=["country", "alliance"],
        as_of="2025-05",
        exclude=["sylvania"],
    )
    expected = centrality(narrowed, "betweenness", directed=False)
    assert as_json(result) == expected
    assert set(expected) >= {"measure", "directed", "results"}
    assert set(expected["results"][0]) == {"id", "name", "kind", "score", "rank"}


def test_path_explains_each_hop_with_its_quote(run):
    result = run("path", "Türkiye", "Russia")
    assert result.exit_code == 0
    assert "path 1: Türkiye —participates_in→ Reassurance force ←opposes— Russia" in result.stdout
    assert "Macron indicated that Türkiye could play a naval" in result.stdout
    assert "the Kremlin this week describing any overseas" in result.stdout
    data = as_json(run("path", "Türkiye", "Russia", "--format", "json"))
    assert (data["source"], data["target"]) == ("turkiye", "russia")
    assert set(data["paths"][0]["hops"][0]) >= {"source", "type", "target", "evidence"}


def test_path_table_lists_other_relations_between_a_pair(run):
    result = run("path", "sylvania", "ruritania", "--data", str(SMALL))
    assert result.stdout == (
        "1 shortest path(s), ignoring direction\n"
        "path 1: Sylvania —trades_with→ Freedonia ←allied_with→ Ruritania\n"
        "\n"
        "path  hop  relation       evidence\n"
        "----  ---  -------------  --------------------------------------------------\n"
        "1     1    —trades_with→  Sylvania, a quiet neighbour, trades with Freedonia\n"
        "1     1    —trades_with→  Sylvania also sells grain to Freedonia\n"
        "1     2    ←allied_with→  Ruritania and Freedonia signed an alliance\n"
    )


def test_no_path_exits_1_like_grep(run):
    result = run("path", "ruritania", "atlantis", "--data", str(SMALL))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "no path from Ruritania to Atlantis\n"
    square = str(DATA / "weighted")
    data = run("path", "delta", "alpha", "--directed", "--format", "json", "--data", square)
    assert data.exit_code == 1 and as_json(data)["paths"] == []


def test_a_path_longer_than_max_says_how_long_the_shortest_is(run):
    result = run("path", "sylvania", "ruritania", "--max", "1", "--data", str(SMALL))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "no path of at most 1 hop(s) between Sylvania and Ruritania (the shortest has 2)\n"
    )


def test_an_actor_left_out_by_the_filters_is_a_usage_error(run):
    result = run("path", "varga", "turkiye", "--data", str(SMALL), "--kind", "country")
    assert result.exit_code == 2
    assert "Ilse Varga is left out by --kind or --exclude" in result.stderr


def test_neighbors_json(run):
    result = run(
        "neighbors", "Ankara", "--direction", "out", "--data", str(SMALL), "--format", "json"
    )
    assert as_json(result) == {
        "actor": "turkiye",
        "name": "Türkiye",
        "engine": "networkx",
        "depth": 1,
        "direction": "out",
        "neighbors": [
            {"id": "pact", "name": "Northern Pact", "kind": "alliance", "depth": 1},
            {"id": "ruritania", "name": "Ruritania", "kind": "country", "depth": 1},
        ],
    }


def test_camps_table_and_json(run):
    folder = DATA / "signed"
    result = run("camps", "--data", str(folder))
    assert result.stdout == (
        "method:     exact (exact up to 22 actors on cycles, local search beyond)\n"
        "frustrated: 1 relation(s)\n"
        "placement:  5 forced by signed relations, 2 placed by convention\n"
        "unsure:     3 resting on one relation, 0 fitting either side as well\n"
        "\n"
        "Camps\n"
        "camp       size  members\n"
        "---------  ----  ----------------------------------------\n"
        "1          4     North Isle, Westholm, Westland, Westmark\n"
        "2          3     Eastland, Eastmark, South Isle\n"
        "unaligned  1     Observer\n"
        "\n"
        "How sure each placement is (unsure first; margin: how many more relations would\n"
        "not fit if the actor switched sides, with those tied to the rest only through\n"
        "it)\n"
        "camp  actor       placement      margin  note\n"
        "----  ----------  -------------  ------  ---------------------------------------\n"
        "1     North Isle  by convention  1       placed by convention: no signed path to\n"
        "                                         the main group; rests on one relation\n"
        "1     Westholm    forced         2\n"
        "1     Westmark    forced         3\n"
        "1     Westland    forced         4\n"
        "2     Eastmark    forced         1       rests on one relation\n"
        "2     South Isle  by convention  1       placed by convention: no signed path to\n"
        "                                         the main group; rests on one relation\n"
        "2     Eastland    forced         4\n"
        "\n"
        "Frustrated relations (positive across camps, negative within one)\n"
        "source    type      target    evidence\n"
        "--------  --------  --------  --------------------------------\n"
        "Westholm  supports  Eastmark  Westholm supports Eastmark's bid\n"
    )
    assert as_json(run("camps", "--data", str(folder), "--format", "json")) == camps(
        load_dataset(folder)
    )


def test_communities_and_whatif_json(run):
    result = run("communities", "--method", "greedy", "--data", str(SMALL), "--format", "json")
    assert [c["actors"] for c in as_json(result)["communities"]][-1] == ["atlantis"]
    result = run("whatif", "--exclude", "Ruritania", "--data", str(SMALL), "--format", "json")
    assert as_json(result) == whatif(load_dataset(SMALL), ["ruritania"])


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["centrality", "--measure", "fame"], "'fame' is not one of 'degree', 'in-degree'"),
        (["centrality", "--measure", "in-degree", "--undirected"], "in-degree needs direction"),
        (["whatif"], "name at least one actor to leave out with --exclude ACTOR"),
        (["whatif", "--exclude", "pact", "--measure", "all"], "'all' is not one of 'degree'"),
        (["neighbors", "pact", "--direction", "up"], "'up' is not one of 'both', 'out', 'in'"),
        (["neighbors", "pact", "--depth", "0"], "0 is not in the range x>=1"),
        (["path", "pact", "narnia"], "Invalid value for TARGET: unknown actor 'narnia'"),
        (["communities", "--method", "magic"], "'magic' is not one of 'louvain', 'greedy'"),
        (["communities", "--resolution", "nan"], "nan is not a finite number"),
        (["communities", "--resolution", "inf"], "inf is not a finite number"),
        (["communities", "--resolution", "0"], "0.0 is not in the range x>0"),
    ],
)
def test_usage_errors_exit_2_with_the_valid_choices(run, arguments, message):
    result = run(*arguments, "--data", str(SMALL))
    assert result.exit_code == 2
    assert message in result.stderr


# Every query command on a dataset of one actor and no relations; exit codes
# per command (path from an actor to itself is a usage error).
LONE_QUERIES = {
    "centrality": (["centrality", "--measure", "all"], 0),
    "path": (["path", "hermit", "hermit"], 2),
    "neighbors": (["neighbors", "hermit", "--depth", "3"], 0),
    "camps": (["camps"], 0),
    "communities": (["communities", "--weighted"], 0),
    "whatif": (["whatif", "--exclude", "hermit"], 0),
}


@pytest.mark.parametrize("output_format", ["table", "json", "csv"])
@pytest.mark.parametrize("command", QUERIES)
def test_every_query_answers_in_every_format(run, command, output_format):
    small = run(*QUERIES[command], "--data", str(SMALL), "--format", output_format)
    assert small.exit_code == 0, small.stderr
    arguments, exit_code = LONE_QUERIES[command]
    lone = run(*arguments, "--data", str(DATA / "lone"), "--format", output_format)
    assert lone.exit_code == exit_code, lone.stderr
    if output_format == "json" and exit_code == 0:
        json.loads(lone.stdout)


# An empty answer is an answer: exit 0, a note on stderr. Only path exits 1.
EMPTY_ANSWERS = [
    (
        ["neighbors", "atlantis", "--data", str(SMALL)],
        "no neighbours of Atlantis within 1 hop(s) (direction: both)\n",
    ),
    (
        ["camps", "--type", "talks_with", "--data", str(SMALL)],
        "no signed relations: every actor is unaligned\n",
    ),
    (
        ["whatif", "--data", str(SMALL)]
        + [f"--exclude={actor}" for actor in load_dataset(SMALL).actors],
        "no actors left to compare once the --exclude actors are left out\n",
    ),
    (
        ["centrality", "--kind", "alliance", "--exclude", "pact", "--data", str(SMALL)],
        "no actors to rank: the filters leave none\n",
    ),
    (
        ["communities", "--kind", "alliance", "--exclude", "pact", "--data", str(SMALL)],
        "no actors to group: the filters leave none\n",
    ),
]


@pytest.mark.parametrize("output_format", ["table", "json", "csv"])
@pytest.mark.parametrize(("arguments", "message"), EMPTY_ANSWERS, ids=lambda a: str(a)[:30])
def test_an_empty_answer_exits_0_with_a_note(run, arguments, message, output_format):
    result = run(*arguments, "--format", output_format)
    assert (result.exit_code, result.stderr) == (0, message)
    if output_format == "json":
        json.loads(result.stdout)


@pytest.mark.parametrize(
    "arguments",
    [
        ["centrality", "--measure", "eigenvector"],
        ["centrality", "--measure", "all", "--undirected"],
        ["whatif", "--exclude", "a0", "--measure", "eigenvector"],
    ],
    ids=" ".join,
)
def test_eigenvector_on_near_identical_groups_answers(run, arguments):
    result = run(*arguments, "--data", str(DATA / "groups"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = as_json(result)
    assert "did not converge" in (data.get("note") or data["notes"][0])


def test_all_measures_csv_keeps_every_digit_and_the_table_rounds(run):
    arguments = ["centrality", "--measure", "all", "--top", "2", "--directed", "--data", str(SMALL)]
    data = as_json(run(*arguments, "--format", "json"))
    csv = run(*arguments, "--format", "csv").stdout.splitlines()
    freedonia = dict(zip(csv[0].split(","), csv[2].split(",")))
    assert freedonia["id"] == "freedonia"
    scores = data["results"][1]["scores"]
    assert {m: float(freedonia[m]) for m in data["measures"]} == scores
    assert freedonia["degree"] == "0.6666666666666666"
    table = run(*arguments).stdout
    assert "freedonia  0.6667  0.3333  0.3333" in table


@pytest.mark.parametrize("command", QUERIES)
@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--type", "hugs"], "unknown relation type 'hugs' (choose from: allied_with, leader_of"),
        (["--kind", "planet"], "unknown kind 'planet' (choose from: alliance, country, person)"),
        (["--as-of", "2025-02-30"], "invalid as-of date: date '2025-02-30' does not exist"),
        (["--exclude", "Narnia"], "unknown actor 'Narnia'"),
    ],
)
def test_every_query_command_takes_the_filters(run, command, option, message):
    result = run(*QUERIES[command], *option, "--data", str(SMALL))
    assert result.exit_code == 2
    assert message in result.stderr
    assert run(*QUERIES[command], "--as-of", "2025", "--data", str(SMALL)).exit_code in (0, 1)


@pytest.mark.parametrize("arguments", SEED_QUERIES, ids=" ".join)
def test_seed_tables_fit_80_columns_and_repeat_exactly(run, arguments):
    first = run(*arguments)
    assert first.exit_code == 0, first.stderr
    assert max(len(line) for line in first.stdout.splitlines()) <= 80
    assert run(*arguments).stdout == first.stdout
    for output_format in ("json", "csv"):
        assert run(*arguments, "--format", output_format).exit_code == 0


def test_every_query_command_has_help_and_is_documented():
    text = "".join(path.read_text(encoding="utf-8") for path in DOC_FILES)
    for command in COMMANDS:
        assert command.help, command.name
        assert f"graph {command.name}" in text, command.name


def test_docstring_examples():
    import doctest

    from graph.cli import query_views

    assert doctest.testmod(query_views).failed == 0


def test_evidence_and_hedged_filters_narrow_every_query(run):
    """--evidence keeps the states named; --no-hedged leaves hedged relations out."""
    fields = Path(__file__).resolve().parent / "data" / "fields"
    dataset = load_dataset(fields)
    assert len(filter_dataset(dataset, evidence="verified").relations) == 4
    assert len(filter_dataset(dataset, hedged=False).relations) == 5
    kept = filter_dataset(dataset, evidence=["located", "asserted"], hedged=False).relations
    assert [(r.source, r.type, r.target) for r in kept] == [
        ("freedonia", "attacks", "strait"),
        ("ruritania", "attacks", "freedonia"),
    ]

    def relations(*options):
        result = run("stats", "--data", str(fields), "--format", "json", *options)
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)["relations"]

    assert relations() == 7
    assert relations("--evidence", "verified") == 4
    assert relations("--evidence", "located,asserted", "--no-hedged") == 2
    result = run("centrality", "--data", str(fields), "--evidence", "checked")
    assert result.exit_code == 2
    assert "unknown evidence state 'checked'" in result.stderr
