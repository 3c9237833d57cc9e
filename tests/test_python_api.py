"""The library as a notebook uses it: names only, networkx's own functions, one page."""

from __future__ import annotations

import json
import re
import subprocess
import sys


def test_a_notebook_session_with_names_only(tmp_path):
    import networkx as nx

    import graph

    dataset = graph.load_dataset()
    simple = dataset.to_networkx(simple=True)
    assert type(simple) is nx.Graph
    assert simple.nodes["uk"]["name"] == "United Kingdom"
    clustering = nx.clustering(simple)
    assert clustering == nx.clustering(graph.projection(dataset))
    assert set(nx.k_core(simple, 2)) <= set(dataset.actors)
    directed = dataset.to_networkx(simple=True, directed=True)
    assert type(directed) is nx.DiGraph
    assert directed.number_of_edges() >= simple.number_of_edges()
    # Every function that takes an actor takes what the CLI takes.
    path = graph.shortest_paths(dataset, "Healey", "the Kremlin")["paths"][0]
    assert (path["actors"][0], path["actors"][-1]) == ("john-healey", "russia")
    around = graph.neighbors(dataset, "Macron")["neighbors"]
    assert "coalition-of-the-willing" in [row["id"] for row in around]
    assert graph.show(dataset, "Rubio")["actor"]["id"] == "marco-rubio"
    without = graph.whatif(dataset, "Coalition of the Willing")
    assert [row["id"] for row in without["excluded"]] == ["coalition-of-the-willing"]
    page = graph.render_html(
        dataset, focus="Macron", depth=2, highlight_path=("Rubio", "Macron"), title="Macron"
    )
    data = json.loads(
        re.search(r'<script type="application/json"[^>]*>(.*?)</script>', page, re.S).group(1)
    )
    assert "emmanuel-macron" in {node["id"] for node in data["nodes"]}


def test_multigraph_keeps_every_relation_either_way():
    import graph

    dataset = graph.load_dataset()
    assert dataset.to_networkx().number_of_edges() >= len(dataset.relations)
    assert dataset.to_networkx(directed=False).number_of_edges() == len(dataset.relations)


def test_import_graph_stays_cheap_and_names_load_on_use():
    code = (
        "import sys, graph\n"
        "before = sorted(m for m in ('networkx', 'pyvis', 'scipy') if m in sys.modules)\n"
        "graph.projection; graph.centrality\n"
        "middle = 'pyvis' in sys.modules\n"
        "graph.render_html\n"
        "assert graph.render.render_html is graph.render_html\n"
        "assert graph.build.projection is graph.projection\n"
        "print(before, middle, 'graph.render.html' in sys.modules, 'render_html' in dir(graph))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert completed.stdout == "[] False True True\n"
