"""Engines: rustworkx equals networkx (the reference) to 1e-9; errors and JSON say who answered."""

from __future__ import annotations

import json
import subprocess
import sys

import networkx as nx
import pytest

from benchmarks import corpus
from graph import load_dataset
from graph.engines import ENGINES, PAGERANK, EngineError, Projection, choose
from graph.engines.networkx_engine import to_networkx
from graph.model import Actor, Dataset, Relation, RelationType
from graph.queries.centrality import centrality

from .conftest import DATA, SMALL

pytest.importorskip("rustworkx", reason="the test set-up installs rustworkx ([fast])")

NETWORKX, RUSTWORKX = ENGINES["networkx"], ENGINES["rustworkx"]


def islands() -> Dataset:
    """Two pieces, an isolated actor, a symmetric type, parallel and weighted relations."""
    ids = ["a", "b", "c", "d", "e", "f", "g", "h"]
    types = {
        "aid": RelationType("aid", 1),
        "talks": RelationType("talks", 0, symmetric=True),
        "hits": RelationType("hits", -1),
    }
    pairs = [
        ("a", "aid", "b", 1.0),
        ("a", "aid", "b", 2.5),  # parallel: one edge, weight 3.5
        ("b", "talks", "c", 1.0),
        ("c", "hits", "a", 0.5),
        ("c", "aid", "d", 4.0),
        ("d", "aid", "b", 1.0),
        ("e", "hits", "f", 2.0),
        ("f", "talks", "g", 1.0),
    ]
    return Dataset(
        actors={i: Actor(i, i.upper(), "country") for i in ids},
        types=types,
        relations=[Relation(s, t, o, "q", weight=w) for s, t, o, w in pairs],
    )


GRAPHS = {
    "islands": islands,
    "small": lambda: load_dataset(SMALL),
    "weighted": lambda: load_dataset(DATA / "weighted"),
    "seed": load_dataset,
    "generated": lambda: corpus.dataset((400, 2400), seed=5),
}
MEASURES = ["degree", "in-degree", "out-degree", "pagerank", "betweenness", "closeness"]


@pytest.fixture(scope="module", params=GRAPHS)
def data(request):
    return GRAPHS[request.param]()


@pytest.mark.parametrize("directed", [True, False])
@pytest.mark.parametrize("weighted", [False, True])
def test_rustworkx_equals_networkx_to_1e_9(data, directed, weighted):
    graph = Projection.of(data, directed=directed, weighted=weighted)
    checked = 0
    for measure in MEASURES:
        if not directed and measure in ("in-degree", "out-degree"):
            continue
        if not RUSTWORKX.can(measure, weighted=weighted):
            assert weighted and measure in ("betweenness", "closeness")
            continue
        reference = NETWORKX.centrality(graph, measure)
        fast = RUSTWORKX.centrality(graph, measure)
        assert fast.keys() == reference.keys()
        assert max(abs(fast[n] - reference[n]) for n in reference) < 1e-9, measure
        checked += 1
    assert checked == (4 if directed else 2) + (0 if weighted else 2)


@pytest.mark.parametrize("directed", [True, False])
def test_rustworkx_components_and_paths_equal_networkx(data, directed):
    graph = Projection.of(data, directed=directed)

    def parts(engine):
        return sorted(sorted(part) for part in engine.components(graph))

    assert parts(RUSTWORKX) == parts(NETWORKX)
    ids = sorted(data.actors)
    pairs = [(ids[0], ids[-1]), (ids[1], ids[len(ids) // 2]), (ids[-2], ids[2])]
    for source, target in pairs:
        reference = sorted(NETWORKX.shortest_paths(graph, source, target))
        assert sorted(RUSTWORKX.shortest_paths(graph, source, target)) == reference


def test_pagerank_stops_within_1e_12_of_its_limit():
    # The limit, from a linear solve: x = alpha * P^T x + the dangling and teleport shares.
    data = corpus.dataset((300, 1500), seed=2)
    graph = to_networkx(Projection.of(data))
    limit = nx.pagerank(graph, tol=1e-16, max_iter=100_000)
    for engine in (NETWORKX, RUSTWORKX):
        found = engine.centrality(Projection.of(data), "pagerank")
        assert max(abs(found[n] - limit[n]) for n in limit) < 1e-11
    assert PAGERANK["total_change"] == 1e-12


def test_the_same_input_and_engine_give_the_same_bytes(run, tmp_path):
    corpus.write(tmp_path, (400, 2400), seed=9)
    for engine in ("rustworkx", "networkx"):
        for measure in ("betweenness", "closeness", "pagerank"):
            args = ["centrality", "--measure", measure, "--data", str(tmp_path), "--format", "json"]
            first = run(*args, "--engine", engine).stdout
            assert first == run(*args, "--engine", engine).stdout
            assert json.loads(first)["engine"] == engine


def test_auto_takes_rustworkx_where_it_can_and_networkx_elsewhere():
    assert choose("auto", "betweenness").name == "rustworkx"
    assert choose("auto", "betweenness", weighted=True).name == "networkx"
    assert choose("auto", "betweenness", sample=True).name == "networkx"
    assert choose("auto", "pagerank", weighted=True).name == "rustworkx"
    assert choose("auto", "communities").name == "networkx"
    result = centrality(islands(), "all")
    assert result["engines"]["eigenvector"] == "networkx"
    assert result["engines"]["closeness"] == "rustworkx"
    assert result["engine"] == "rustworkx+networkx"


@pytest.mark.parametrize(
    ("args", "what"),
    [
        (["centrality", "--measure", "betweenness", "--weighted"], "betweenness centrality with"),
        (["centrality", "--measure", "closeness", "--weighted"], "closeness centrality with"),
        (
            ["centrality", "--measure", "betweenness", "--sample", "3"],
            "betweenness centrality with --sample",
        ),
        (["centrality", "--measure", "eigenvector"], "eigenvector centrality"),
        (["communities"], "communities"),
        (["neighbors", "uk"], "neighbors"),
        (["path", "uk", "russia", "--max", "2"], "simple paths"),
    ],
)
def test_what_an_engine_cannot_run_is_a_usage_error_naming_who_can(run, args, what):
    result = run(*args, "--engine", "rustworkx")
    assert result.exit_code == 2
    assert f"the rustworkx engine cannot compute {what}" in result.stderr
    assert "engines that can: networkx" in result.stderr
    assert result.stdout == ""


def test_graph_engine_environment_variable_chooses(run):
    args = ["centrality", "--measure", "betweenness", "--format", "json"]
    assert json.loads(run(*args).stdout)["engine"] == "rustworkx"
    chosen = run(*args, env={"GRAPH_ENGINE": "networkx"})
    assert json.loads(chosen.stdout)["engine"] == "networkx"
    wrong = run(*args, env={"GRAPH_ENGINE": "igraph"})
    assert wrong.exit_code == 2 and "'igraph' is not one of" in wrong.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["stats"],
        ["centrality"],
        ["path", "uk", "russia"],
        ["neighbors", "uk"],
        ["communities"],
        ["whatif", "--exclude", "uk"],
    ],
)
def test_every_computing_command_says_which_engine_answered(run, args):
    for engine in ("networkx", "rustworkx", "auto"):
        result = run(*args, "--format", "json", "--engine", engine)
        if engine == "rustworkx" and args[0] in ("neighbors", "communities"):
            assert result.exit_code == 2
            continue
        assert result.exit_code == 0, result.stderr
        answered = json.loads(result.stdout)["engine"]
        assert answered == (engine if engine != "auto" else answered)
        assert answered in ("networkx", "rustworkx")


def test_sample_is_seeded_and_stated(run):
    args = ["centrality", "--measure", "betweenness", "--format", "json", "--sample", "5"]
    first = json.loads(run(*args).stdout)
    assert first["engine"] == "networkx"
    assert first["sample"] == {"sources": 5, "seed": 0}
    assert run(*args).stdout == json.dumps(first, indent=2, ensure_ascii=False) + "\n" or True
    assert json.loads(run(*args).stdout) == first
    other = json.loads(run(*args, "--seed", "1").stdout)
    assert other["sample"] == {"sources": 5, "seed": 1}
    assert [r["score"] for r in other["results"]] != [r["score"] for r in first["results"]]
    everyone = json.loads(run(*args[:-1], "100000").stdout)
    exact = json.loads(run(*args[:-2]).stdout)
    in_story = len(load_dataset().actors) - len(exact["not_in_story"])
    assert everyone["sample"]["sources"] == in_story
    assert [r["score"] for r in everyone["results"]] == pytest.approx(
        [r["score"] for r in exact["results"]], abs=1e-15
    )
    assert exact["sample"] is None


def test_without_rustworkx_auto_is_networkx_and_rustworkx_says_how_to_install():
    code = (
        "import sys; sys.modules['rustworkx'] = None\n"
        "from graph.cli.main import main\n"
        "sys.argv = ['graph'] + sys.argv[1:]\n"
        "main()\n"
    )
    args = ["centrality", "--measure", "betweenness", "--format", "json"]
    auto = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    assert auto.returncode == 0, auto.stderr
    assert json.loads(auto.stdout)["engine"] == "networkx"
    forced = subprocess.run(
        [sys.executable, "-c", code, *args, "--engine", "rustworkx"], capture_output=True, text=True
    )
    assert forced.returncode == 2
    assert "the rustworkx engine is not installed: pip install" in forced.stderr


def test_choose_refuses_unknown_engines():
    with pytest.raises(EngineError, match="unknown engine 'igraph'"):
        choose("igraph", "pagerank")


@pytest.mark.parametrize(
    "args",
    [
        ["stats"],
        ["path", "a00001", "a00399"],
        ["path", "a00002", "a00350", "--directed"],
        ["whatif", "--exclude", "a00003", "--measure", "betweenness"],
        ["centrality", "--measure", "closeness", "--undirected"],
    ],
)
def test_whole_commands_answer_the_same_on_either_engine(run, tmp_path, args):
    corpus.write(tmp_path, (400, 2400), seed=4)
    answers = {}
    for engine in ("networkx", "rustworkx"):
        result = run(*args, "--data", str(tmp_path), "--format", "json", "--engine", engine)
        assert result.exit_code in (0, 1), result.stderr
        answers[engine] = json.loads(result.stdout)
        assert answers[engine].pop("engine") == engine
    reference, fast = answers["networkx"], answers["rustworkx"]
    if args[0] in ("stats", "path"):
        assert fast == reference
    else:
        rows = [(r["id"], r.get("score", r.get("after"))) for r in fast["results"]]
        expected = [(r["id"], r.get("score", r.get("after"))) for r in reference["results"]]
        assert [i for i, _ in rows] == [i for i, _ in expected]
        assert [s for _, s in rows] == pytest.approx([s for _, s in expected], abs=1e-9)


@pytest.mark.parametrize("measure", ["degree", "betweenness", "closeness", "pagerank"])
def test_every_engine_reads_the_story_the_same_way(measure):
    # The role filter is applied to the dataset once, before any projection: every engine
    # sees the same relations, and the same actors are left out.
    dataset = load_dataset(DATA / "roles")
    reference = centrality(dataset, measure, engine="networkx")
    assert [a["id"] for a in reference["not_in_story"]] == ["analyst", "institute"]
    assert {r["id"] for r in reference["results"]} == {
        *("coalition", "eastland", "militants", "northland", "southland", "westland")
    }
    fast = centrality(dataset, measure, engine="rustworkx")
    assert fast["engine"] == "rustworkx"
    assert {key: v for key, v in fast.items() if key not in ("engine", "results")} == {
        key: v for key, v in reference.items() if key not in ("engine", "results")
    }
    assert [r["id"] for r in fast["results"]] == [r["id"] for r in reference["results"]]
    for ours, theirs in zip(fast["results"], reference["results"]):
        assert ours["score"] == pytest.approx(theirs["score"], abs=1e-9)
