"""The numba engine: exact betweenness equal to networkx to 1e-9, the same bytes every run."""

from __future__ import annotations

import json
import subprocess
import sys

import networkx as nx
import pytest

from benchmarks import corpus
from graph import load_dataset
from graph.engines import ENGINES, Projection, choose
from graph.engines.numba_engine import BLOCK, PAYS_FROM, betweenness
from graph.model import Actor, Dataset, Relation, RelationType

from .conftest import DATA, SMALL

pytest.importorskip("numba", reason="the test set-up installs numba ([fast])")

NUMBA = ENGINES["numba"]


def pieces() -> Dataset:
    """Three pieces (a path, a triangle, a star), two lone actors, a symmetric type."""
    ids = [*"abcdefghijkl", "lone1", "lone2"]
    types = {"aid": RelationType("aid", 1), "talks": RelationType("talks", 0, symmetric=True)}
    pairs = [
        ("a", "aid", "b"),
        ("b", "aid", "c"),
        ("c", "talks", "d"),
        ("e", "aid", "f"),
        ("f", "aid", "g"),
        ("g", "aid", "e"),
        ("h", "talks", "i"),
        ("h", "aid", "j"),
        ("k", "aid", "h"),
        ("h", "aid", "l"),
        ("a", "aid", "b"),  # parallel: one edge, as networkx's DiGraph counts a path once
    ]
    return Dataset(
        actors={i: Actor(i, i.upper(), "country") for i in ids},
        types=types,
        relations=[Relation(s, t, o, "q") for s, t, o in pairs],
    )


GRAPHS = {
    "pieces": pieces,
    "small": lambda: load_dataset(SMALL),
    "weighted": lambda: load_dataset(DATA / "weighted"),
    "seed": load_dataset,
    "generated": lambda: corpus.dataset((400, 2400), seed=5),
}


@pytest.mark.parametrize("name", GRAPHS)
@pytest.mark.parametrize("directed", [True, False])
def test_betweenness_equals_networkx_to_1e_9(name, directed):
    graph = Projection.of(GRAPHS[name](), directed=directed)
    reference = nx.betweenness_centrality(graph.to_networkx())
    found = NUMBA.centrality(graph, "betweenness")
    assert list(found) == sorted(reference)
    assert max(abs(found[n] - reference[n]) for n in reference) < 1e-9
    assert max(reference.values()) > 0.01  # something to compare


def test_tiny_graphs_are_networkx_s_too():
    for nodes, edges in [([], {}), (["a"], {}), (["a", "b"], {("a", "b"): 1})]:
        graph = Projection(nodes, edges, directed=False)
        assert betweenness(graph) == nx.betweenness_centrality(graph.to_networkx())
    loop = Projection(["a", "b", "c"], {("a", "a"): 1, ("a", "b"): 1, ("b", "c"): 1})
    assert betweenness(loop) == {"a": 0.0, "b": 0.5, "c": 0.0}


@pytest.mark.parametrize("directed", [True, False])
def test_any_number_of_threads_gives_the_same_bytes(directed):
    data = corpus.dataset((400, 2400), seed=7)
    graph = Projection.of(data, directed=directed)
    assert len(data.actors) > 5 * BLOCK  # several blocks, shared among the threads
    one = json.dumps(betweenness(graph, workers=1))
    for workers in (2, 3, 8):
        assert json.dumps(betweenness(graph, workers=workers)) == one


def test_reruns_of_the_command_give_the_same_bytes(tmp_path):
    corpus.write(tmp_path, (600, 3000), seed=3)
    args = ["centrality", "--measure", "betweenness", "--data", str(tmp_path)]
    args += ["--format", "json", "--engine", "numba"]
    outputs = [
        subprocess.run(
            [sys.executable, "-m", "graph", *args], capture_output=True, check=True
        ).stdout
        for _ in range(2)
    ]
    assert outputs[0] == outputs[1]
    result = json.loads(outputs[0])
    assert result["engine"] == "numba"
    reference = nx.betweenness_centrality(
        Projection.of(load_dataset(tmp_path), False).to_networkx()
    )
    assert {r["id"]: r["score"] for r in result["results"]} == pytest.approx(reference, abs=1e-9)


def test_auto_takes_numba_for_exact_betweenness_on_large_graphs_only():
    assert choose("auto", "betweenness", actors=PAYS_FROM).name == "numba"
    assert choose("auto", "betweenness", actors=PAYS_FROM - 1).name == "rustworkx"
    assert choose("auto", "betweenness").name == "rustworkx"
    assert choose("auto", "betweenness", actors=PAYS_FROM, weighted=True).name == "networkx"
    assert choose("auto", "betweenness", actors=PAYS_FROM, sample=True).name == "networkx"
    assert choose("auto", "closeness", actors=PAYS_FROM).name == "rustworkx"
    assert choose("numba", "betweenness").name == "numba"  # asked for by name: any size


def test_what_numba_cannot_run_is_a_usage_error_naming_who_can(run):
    result = run("centrality", "--measure", "closeness", "--engine", "numba")
    assert result.exit_code == 2
    assert "the numba engine cannot compute closeness centrality" in result.stderr
    assert "engines that can: networkx, rustworkx" in result.stderr
    weighted = run("centrality", "--measure", "betweenness", "--weighted", "--engine", "numba")
    assert weighted.exit_code == 2
    assert "cannot compute betweenness centrality with --weighted" in weighted.stderr


def test_without_numba_it_says_how_to_install():
    code = (
        "import sys; sys.modules['numba'] = None\n"
        "from graph.cli.main import main\n"
        "sys.argv = ['graph'] + sys.argv[1:]\n"
        "main()\n"
    )
    args = ["centrality", "--measure", "betweenness", "--format", "json", "--engine", "numba"]
    forced = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    assert forced.returncode == 2
    assert "the numba engine is not installed: pip install" in forced.stderr
