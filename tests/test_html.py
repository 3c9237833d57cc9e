"""The page as text: what goes in, what never does, and that it is the same every time."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path

import pytest

from benchmarks import corpus
from graph import load_dataset
from graph.model import Dataset
from graph.render import html, render_html
from graph.render.data import LABEL_LENGTH
from graph.render.html import script_json

HOSTILE = Path(__file__).parent / "data" / "hostile"
SMALL = Path(__file__).parent / "data" / "small"


def synthetic_dataset(actors: int, relations: int, seed: int = 1) -> Dataset:
    """A reproducible corpus from the shared generator (benchmarks/corpus.py), in memory."""
    return corpus.dataset((actors, relations), seed=seed)


def page_data(page: str) -> dict:
    """The JSON block the page draws from."""
    block = re.search(
        r'<script type="application/json" id="graph-data">\n(.*?)\n</script>', page, re.S
    )
    return json.loads(block.group(1))


@pytest.fixture(scope="module")
def seed_page() -> str:
    return render_html(load_dataset())


def test_the_page_loads_nothing_from_anywhere(seed_page):
    # Outside the inlined scripts and styles, every src or href is a data: URL,
    # and the CSP forbids loading anything anyway.
    markup = re.sub(r"<(script|style)\b[^>]*>.*?</\1>", "", seed_page, flags=re.S)
    links = re.findall(r"""\b(?:src|href)\s*=\s*["']?([^"'\s>]*)""", markup)
    assert links == ["data:,"]
    assert "default-src 'none'" in seed_page
    assert not re.search(r"<(?:link|script)[^>]+(?:src|href)=[\"']?https?:", seed_page)
    assert "sourceMappingURL" not in seed_page


def test_every_actor_and_relation_is_drawn_once(seed_page):
    seed = load_dataset()
    data = page_data(seed_page)
    assert [node["id"] for node in data["nodes"]] == sorted(seed.actors)
    assert [(e["from"], e["type"], e["to"]) for e in data["edges"]] == [
        (r.source, r.type, r.target) for r in seed.relations
    ]


def test_symmetric_relations_are_one_edge_with_arrows_both_ways(seed_page):
    seed = load_dataset()
    for edge, relation in zip(page_data(seed_page)["edges"], seed.relations):
        symmetric = seed.types[relation.type].symmetric
        # A hedged relation also carries a circle at its middle (docs/page.md, marks).
        middle = ", middle" if relation.hedged else ""
        assert edge["arrows"] == ("to, from" if symmetric else "to") + middle


def test_hostile_text_never_appears_as_markup():
    page = render_html(load_dataset(HOSTILE), title="<script>window.__pwned=1</script>")
    data_block = page[
        page.index('id="graph-data"') : page.index("</script>", page.index("graph-data"))
    ]
    for raw in ("<script", "<img", "</script", "<svg", "<iframe", "<a ", "\u2028", "\u2029"):
        assert raw not in data_block
    # Only the template's own script elements: the data, vis-network, the page's script.
    assert len(re.findall("^<script", page, re.M)) == 3
    assert len(re.findall("</script>", page)) == 3
    data = page_data(page)
    assert data["meta"]["title"] == "<script>window.__pwned=1</script>"
    names = {node["name"] for node in data["nodes"]}
    assert '<img src=x onerror="window.__pwned=1">' in names


def test_only_the_pages_own_scripts_may_run(seed_page):
    import base64
    import hashlib

    policy = re.search(r'Content-Security-Policy" content="([^"]+)"', seed_page).group(1)
    scripts = re.findall(r"^<script>(.*?)</script>$", seed_page, re.M | re.S)
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in scripts
    ]
    assert len(scripts) == 2
    assert f"script-src {' '.join(hashes)};" in policy
    assert "unsafe" not in policy.split("style-src")[0]


def test_the_page_script_never_sets_html():
    script = html._assets()["page.js"]  # every module of graph/render/page/, joined
    for risky in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert risky not in script


def test_script_json_escapes_what_could_end_the_script():
    text = script_json({"a": "</script>\u2028&", "b": [{"c": ">"}]})
    assert json.loads(text) == {"a": "</script>\u2028&", "b": [{"c": ">"}]}
    assert not set("<>&\u2028") & set(text)


def test_the_same_input_gives_the_same_bytes(seed_page):
    assert render_html(load_dataset()) == seed_page
    large = synthetic_dataset(60, 120)
    assert render_html(large, physics_limit=10) == render_html(large, physics_limit=10)


def test_separate_runs_give_the_same_bytes_whatever_the_hash_seed(tmp_path):
    """Set and dict order of strings change per process; the page must not."""
    import subprocess
    import sys

    code = (
        "import hashlib\n"
        "from graph import load_dataset\n"
        "from graph.render import render_html\n"
        "from tests.test_html import synthetic_dataset\n"
        "large = synthetic_dataset(200, 400)\n"
        "pages = render_html(load_dataset()) + render_html(large, physics_limit=100)\n"
        "print(hashlib.sha256(pages.encode()).hexdigest())\n"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=Path(__file__).parents[1],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1


def test_size_by_changes_node_sizes():
    dataset = load_dataset(SMALL)
    by_degree = {n["id"]: n["size"] for n in page_data(render_html(dataset))["nodes"]}
    by_in = {
        n["id"]: n["size"] for n in page_data(render_html(dataset, size_by="in-degree"))["nodes"]
    }
    assert by_degree != by_in
    assert by_in["pact"] == max(by_in.values())  # three relations point at the pact
    assert by_degree["atlantis"] == min(by_degree.values())  # isolated


def test_focus_and_depth_keep_the_ego_network():
    dataset = load_dataset(SMALL)
    one = page_data(render_html(dataset, focus="Ilse Varga", depth=1))
    assert {n["id"] for n in one["nodes"]} == {"varga", "ruritania"}
    assert one["meta"]["focus"] == {"id": "varga", "name": "Ilse Varga", "depth": 1}
    two = page_data(render_html(dataset, focus="varga", depth=2))
    assert {n["id"] for n in two["nodes"]} == {"varga", "ruritania", "freedonia", "pact", "turkiye"}
    # Every relation among the kept actors, none leaving them.
    assert len(two["edges"]) == 6


def test_highlight_path_marks_the_edges_of_the_shortest_paths():
    dataset = load_dataset(SMALL)
    data = page_data(render_html(dataset, highlight_path=("varga", "Sylvania")))
    marked = {(e["from"], e["to"]) for e in data["edges"] if e.get("onPath")}
    # varga -> ruritania -> freedonia <- sylvania (both trades_with relations)
    assert marked == {("varga", "ruritania"), ("ruritania", "freedonia"), ("sylvania", "freedonia")}
    assert sum(1 for e in data["edges"] if e.get("onPath")) == 4
    assert {n["id"] for n in data["nodes"] if n.get("onPath")} == {
        "varga",
        "ruritania",
        "freedonia",
        "sylvania",
    }
    assert data["meta"]["path"] == {
        "source": "Ilse Varga",
        "target": "Sylvania",
        "sourceId": "varga",
        "targetId": "sylvania",
        "count": 1,
        "hops": 3,
    }


def test_highlight_path_without_a_path_marks_nothing():
    data = page_data(render_html(load_dataset(SMALL), highlight_path=("varga", "atlantis")))
    assert data["meta"]["path"]["count"] == 0
    assert not any(e.get("onPath") for e in data["edges"])


def test_a_long_name_is_cut_in_the_label_and_whole_everywhere_else():
    """A label thousands of characters wide would shrink the whole view to a speck."""
    import dataclasses

    dataset = load_dataset(SMALL)
    name = "Ilse " + "Varga-" * 400
    varga = dataclasses.replace(dataset.actors["varga"], name=name)
    page = render_html(dataclasses.replace(dataset, actors={**dataset.actors, "varga": varga}))
    data = page_data(page)
    node = next(node for node in data["nodes"] if node["id"] == "varga")
    assert node["label"] == name[:LABEL_LENGTH] + "…"
    assert node["name"] == name
    assert [name, "varga"] in data["search"]
    # Short names are drawn whole.
    assert all(n["label"] == n["name"] for n in data["nodes"] if n["id"] != "varga")
    # No name of the seed is long enough to be cut.
    assert all(n["label"] == n["name"] for n in page_data(render_html(load_dataset()))["nodes"])


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("x" * 40, "x" * 40),
        ("x" * 41, "x" * 40 + "…"),
        # A combining accent stays with its letter, and is not counted.
        ("e\u0301" * 41, "e\u0301" * 40 + "…"),
        ("x" * 39 + "e\u0301" + "yz", "x" * 39 + "e\u0301…"),
        # Characters beyond the BMP (surrogate pairs in JavaScript) are one each.
        ("\U0001f600" * 41, "\U0001f600" * 40 + "…"),
        # Joined emoji, skin tones and flags are never split.
        (
            "x" * 39 + "\U0001f468\u200d\U0001f469\u200d\U0001f467" + "yz",
            "x" * 39 + "\U0001f468\u200d\U0001f469\u200d\U0001f467…",
        ),
        ("x" * 39 + "\U0001f44d\U0001f3fd" + "yz", "x" * 39 + "\U0001f44d\U0001f3fd…"),
        ("x" * 39 + "\U0001f1ec\U0001f1e7\U0001f1eb\U0001f1f7", "x" * 39 + "\U0001f1ec\U0001f1e7…"),
        (
            "x" * 39
            + "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"
            + "yz",
            "x" * 39 + "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f…",
        ),
        # Marks stacked without end are cut, never leaving a mark without its letter.
        ("Z" + "\u0301" * 1000, "Z" + "\u0301" * 159 + "…"),
    ],
    ids=[
        "40 kept",
        "41 cut",
        "accents",
        "accent at the end",
        "astral",
        "zwj",
        "skin tone",
        "flags",
        "tag flag",
        "stacked marks",
    ],
)
def test_short_labels_cut_between_characters(text, label):
    from graph.render.data import short_label

    assert short_label(text, length=40) == label


def test_highlight_path_without_a_path_is_a_note_not_an_error(run, tmp_path):
    """The page is still worth having, so exit 0; but say that nothing is highlighted."""
    page = tmp_path / "page.html"
    result = run(
        "html", "-o", str(page), "--data", str(SMALL), "--highlight-path", "varga", "atlantis"
    )
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == (
        f"wrote {page}\nno path between Ilse Varga and Atlantis: nothing highlighted\n"
    )
    assert page_data(page.read_text("utf-8"))["meta"]["path"]["count"] == 0
    found = run(
        "html", "-o", str(page), "--data", str(SMALL), "--highlight-path", "varga", "sylvania"
    )
    assert found.stderr == f"wrote {page}\n"


def test_a_large_graph_gets_positions_and_no_physics():
    dataset = synthetic_dataset(actors=40, relations=80)
    small = page_data(render_html(dataset))
    assert small["options"]["physics"]["enabled"] is True
    assert all("x" not in node for node in small["nodes"])
    large = page_data(render_html(dataset, physics_limit=119))
    assert large["options"]["physics"] == {"enabled": False}
    assert all(
        isinstance(node["x"], float) and isinstance(node["y"], float) for node in large["nodes"]
    )
    assert len({(node["x"], node["y"]) for node in large["nodes"]}) == 40


def test_parallel_relations_bend_apart():
    dataset = load_dataset(SMALL)
    trades = [e for e in page_data(render_html(dataset))["edges"] if e["type"] == "trades_with"]
    assert {e["smooth"]["type"] for e in trades} == {"curvedCW", "curvedCCW"}
    assert {e["smooth"]["roundness"] for e in trades} == {0.25}


def test_kind_colours_follow_the_vocabulary_also_after_filtering():
    from graph.filters import filter_dataset

    dataset = load_dataset(SMALL)
    everything = {k["name"]: k["color"] for k in page_data(render_html(dataset))["kinds"]}
    people = filter_dataset(dataset, kinds=["person", "country"])
    some = {k["name"]: k["color"] for k in page_data(render_html(people))["kinds"]}
    assert some == {kind: everything[kind] for kind in some}


def test_graph_html_in_an_empty_folder_writes_exactly_one_file(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("html")
    assert result.exit_code == 0
    assert os.listdir(tmp_path) == ["graph.html"]
    assert result.stdout == ""
    assert result.stderr == f"wrote {tmp_path / 'graph.html'}\n"
    assert (tmp_path / "graph.html").read_text("utf-8") == render_html(load_dataset())


def test_graph_html_applies_filters_focus_and_title(run, tmp_path):
    page = tmp_path / "page.html"
    result = run(
        "html", "-o", str(page), "--data", str(SMALL), "--kind", "country", "--title", "Türkiye"
    )
    assert result.exit_code == 0, result.output
    data = page_data(page.read_text("utf-8"))
    assert {n["kind"] for n in data["nodes"]} == {"country"}
    assert data["meta"]["title"] == "Türkiye"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "graph.txt"], "must end in .html or .htm"),
        (["--focus", "Nobody"], "unknown actor 'Nobody'"),
        (["--highlight-path", "varga", "varga"], "same actor"),
        (["--focus", "varga", "--depth", "0"], "0 is not in the range"),
        # --depth alone would be silently ignored: it only means something with --focus.
        (["--depth", "2"], "--depth is how far from --focus ACTOR to draw: give --focus too"),
        (["--size-by", "fame"], "'fame' is not one of"),
    ],
)
def test_bad_options_are_usage_errors_that_write_nothing(run, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = run("html", "--data", str(SMALL), *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert os.listdir(tmp_path) == []


def test_an_unwritable_output_is_a_clean_error(run, tmp_path):
    result = run("html", "-o", str(tmp_path / "missing" / "graph.html"))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot write ")


def test_open_shows_the_written_page_in_the_browser(run, tmp_path, monkeypatch):
    import webbrowser

    opened = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    result = run("html", "-o", str(tmp_path / "page.html"), "--open")
    assert result.exit_code == 0
    assert opened == [(tmp_path / "page.html").as_uri()]


def test_pyvis_builds_the_page(monkeypatch):
    """pyvis's Node and Edge make every item, fed in bulk; its generate_html renders the page.

    The adders (quadratic: each looks ids up in a list) are never called.
    """
    import pyvis.edge
    import pyvis.node
    from pyvis.network import Network

    calls = Counter()
    rendered = []

    def spy(owner, name):
        method = getattr(owner, name)

        def spied(this, *args, **kwargs):
            calls[f"{owner.__name__}.{name}"] += 1
            result = method(this, *args, **kwargs)
            if name == "generate_html":
                rendered.append(this)
            return result

        monkeypatch.setattr(owner, name, spied)

    for owner, name in [
        (Network, "add_node"),
        (Network, "add_edge"),
        (Network, "generate_html"),
        (pyvis.node.Node, "__init__"),
        (pyvis.edge.Edge, "__init__"),
    ]:
        spy(owner, name)
    dataset = load_dataset(SMALL)
    # Positions, shadows and curves: every kind of attribute the page uses.
    page = render_html(dataset, highlight_path=("varga", "sylvania"), physics_limit=3)
    assert calls == {
        "Node.__init__": len(dataset.actors),
        "Edge.__init__": len(dataset.relations),
        "Network.generate_html": 1,
    }
    [net] = rendered
    assert page == net.html
    data = page_data(page)
    assert data["nodes"] == net.nodes  # as pyvis normalised them, in its order
    assert data["edges"] == net.edges
    assert data["options"] == net.options
    assert all("x" in node for node in net.nodes)
    assert net.directed
    # Our template in our escaping environment, whichever branch pyvis takes;
    # no title anywhere, so pyvis's "href" pop-up switch stays off.
    assert net.templateEnv.autoescape is True
    assert net.path == net.template.name == "page.html"
    assert not any("title" in item for item in net.nodes + net.edges)
    assert "bootstrap" not in page and "tom-select" not in page


def test_the_template_uses_nothing_of_pyvis_but_nodes_edges_and_options():
    """pyvis also passes heading, tooltip_link, cdn_resources...: the template ignores them."""
    from jinja2 import Environment, meta

    from graph.render.html import _environment

    plain = Environment()  # the page's filters, but none of its globals
    plain.filters.update(_environment({}).filters)
    source = (Path(__file__).parents[1] / "graph" / "render" / "page.html").read_text("utf-8")
    used = meta.find_undeclared_variables(plain.parse(source))
    assert used == {
        *("nodes", "edges", "options"),  # from pyvis's generate_html
        *("relations", "quotes"),  # WebGL pages only: rendered without pyvis
        *("meta", "kinds", "types", "groups", "search", "signs", "dates", "offstage", "switches"),
        *("version", "script_hashes", "library_css", "page_css", "library_js", "page_js"),
    }


def modules_imported_by(args: list[str], folder: Path) -> set[str]:
    """The top-level modules a fresh ``graph ARGS`` process has imported when it exits."""
    import subprocess
    import sys

    found = folder / "modules.json"
    code = (
        "import atexit, json, sys\n"
        "written = sys.argv[1]\n"
        "atexit.register(lambda: open(written, 'w').write(json.dumps(sorted(sys.modules))))\n"
        "sys.argv = ['graph', *sys.argv[2:]]\n"
        "from graph.cli.main import main\n"
        "main()\n"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(found), *args],
        cwd=folder,
        capture_output=True,
        check=True,
    )
    return {name.split(".")[0] for name in json.loads(found.read_text("utf-8"))}


@pytest.mark.parametrize("args", [["validate"], ["centrality"], ["show", "uk"], ["html", "--help"]])
def test_other_commands_never_import_pyvis(args, tmp_path):
    """pyvis imports IPython (and Jinja): only rendering a page pays for them."""
    assert not modules_imported_by(args, tmp_path) & {"pyvis", "IPython", "jinja2"}


def test_graph_html_imports_pyvis(tmp_path):
    # The check above can see pyvis when it is there.
    assert {"pyvis", "IPython"} <= modules_imported_by(["html"], tmp_path)


def test_highlight_path_outside_the_focus_is_a_usage_error(run, tmp_path):
    page = tmp_path / "page.html"
    args = ["html", "-o", str(page), "--focus", "Downing Street", "--highlight-path"]
    result = run(*args, "turkiye", "the Kremlin")
    assert result.exit_code == 2
    assert (
        "Türkiye is more than 1 relation(s) away from United Kingdom: "
        "raise --depth to highlight a path to it" in result.stderr
    )
    assert not page.exists()
    assert run(*args, "turkiye", "the Kremlin", "--depth", "3").exit_code == 0
    assert page.exists()


def test_physics_follows_the_size_table():
    """Live physics up to PHYSICS_SIZE actors + relations, precomputed positions above."""
    from graph.render.limits import PHYSICS_SIZE

    small = synthetic_dataset(actors=PHYSICS_SIZE // 3, relations=PHYSICS_SIZE - PHYSICS_SIZE // 3)
    assert page_data(render_html(small))["meta"]["physics"] is True
    larger = synthetic_dataset(actors=PHYSICS_SIZE // 3, relations=PHYSICS_SIZE)
    assert page_data(render_html(larger))["meta"]["physics"] is False


@pytest.fixture(scope="module")
def corpus_2000():
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
    from html_scale import synthetic

    return synthetic(2000, 8000)


def covered_centres(nodes: list[dict], radius: float) -> int:
    """How many nodes have another node's shape (a disc of ``radius``) over their centre."""
    import numpy as np
    from scipy.spatial import cKDTree

    points = np.array([(node["x"], node["y"]) for node in nodes])
    return len({i for pair in cKDTree(points).query_pairs(radius) for i in pair})


def test_no_node_covers_another_centre_at_2000_actors(corpus_2000):
    """The largest node (size 40; a square's corner reaches 40 * sqrt 2) covers no centre."""
    from graph.render.style import LARGEST_NODE

    nodes = page_data(render_html(corpus_2000))["nodes"]
    assert len(nodes) == 2000
    assert covered_centres(nodes, LARGEST_NODE * 2**0.5) == 0


def test_no_covered_centres_at_8000_actors():
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
    from html_scale import synthetic

    from graph.render.layout import MIN_DISTANCE, positions

    placed = positions(synthetic(8000, 8000))
    nodes = [{"x": x, "y": y} for x, y in placed.values()]
    assert covered_centres(nodes, MIN_DISTANCE - 0.2) == 0  # positions are rounded to 0.1


def test_a_component_above_large_is_laid_out_whole_apart_and_the_same_each_time():
    """Above LARGE actors (dense: ten relations an actor) each community is scaled, not tidied."""
    from graph.render.layout import LARGE, MIN_DISTANCE, positions

    dataset = synthetic_dataset(LARGE + 1_000, 30_000)
    clusters = {}
    placed = positions(dataset, clusters=clusters)
    assert positions(dataset) == placed
    nodes = [{"x": x, "y": y} for x, y in placed.values()]
    assert covered_centres(nodes, MIN_DISTANCE - 0.2) == 0
    touched = {end for r in dataset.relations for end in (r.source, r.target)}
    assert set(clusters) == touched
    assert max(Counter(clusters.values()).values()) < LARGE  # communities, not one blob


def test_positions_are_the_same_whatever_size_by(corpus_2000):
    def places(measure):
        nodes = page_data(render_html(corpus_2000, size_by=measure))["nodes"]
        return {node["id"]: (node["x"], node["y"]) for node in nodes}

    assert places("degree") == places("pagerank")


def test_isolated_actors_sit_beside_the_graph_not_far_out():
    """Actors without relations are packed in a grid next to the rest, within its extent."""
    dataset = synthetic_dataset(actors=300, relations=600)
    from graph.model import Actor

    lonely = {f"z{i:03d}": Actor(f"z{i:03d}", f"Lonely {i}", "person") for i in range(50)}
    from dataclasses import replace

    dataset = replace(dataset, actors={**dataset.actors, **lonely})
    nodes = page_data(render_html(dataset, physics_limit=10))["nodes"]
    xs = [n["x"] for n in nodes if n["id"].startswith("a")]
    ys = [n["y"] for n in nodes if n["id"].startswith("a")]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    for node in nodes:
        assert abs(node["x"]) <= width and abs(node["y"]) <= height


def test_drawn_labels_never_overlap_at_any_zoom(corpus_2000):
    """Each label is drawn from its labelScale on; at any zoom the drawn ones do not overlap.

    Two labels overlap at zoom s when their screen boxes (13 px text, 7.5 px a
    character, 18 px a row, pushed down by up to 30 graph units by a big node)
    meet; the first zoom where both are drawn is the larger of their scales,
    and from there on they only move apart.
    """
    import numpy as np

    from graph.render.data import LABEL_CHAR_WIDTH, LABEL_ROW, LARGEST_LABEL_DROP

    nodes = page_data(render_html(corpus_2000, renderer="vis"))["nodes"]
    assert all(node["font"] == {"size": 0} for node in nodes)  # vis-network draws none
    x = np.array([n["x"] for n in nodes])
    y = np.array([n["y"] for n in nodes])
    width = np.array([LABEL_CHAR_WIDTH * len(n["label"]) + 6 for n in nodes])
    scale = np.array([n["labelScale"] for n in nodes])
    for i in range(len(nodes)):
        both = np.maximum(scale[i], scale)
        apart_x = both * np.abs(x - x[i]) >= (width + width[i]) / 2
        apart_y = both * np.maximum(np.abs(y - y[i]) - LARGEST_LABEL_DROP, 0) >= LABEL_ROW
        clash = ~(apart_x | apart_y)
        clash[i] = False
        assert not clash.any(), (nodes[i]["id"], [nodes[j]["id"] for j in np.flatnonzero(clash)])
    # The most important actor's label is drawn at every zoom; some wait for a closer look.
    assert scale[min(range(len(nodes)), key=lambda n: nodes[n]["rank"])] == 0
    assert (scale > 0.3).sum() > len(nodes) / 2


def test_above_the_actor_limit_only_the_most_important_are_drawn(run, tmp_path):
    from graph.queries.centrality import centrality

    dataset = load_dataset(SMALL)
    ranking = centrality(dataset, measure="degree")["results"]
    top = sorted(ranking, key=lambda row: (-row["score"], row["id"]))[:3]
    page = tmp_path / "top.html"
    found = run("html", "-o", str(page), "--data", str(SMALL), "--max-actors", "3")
    data = page_data(page.read_text("utf-8"))
    assert {node["id"] for node in data["nodes"]} == {row["id"] for row in top}
    kept = {row["id"] for row in top}
    drawn = [r for r in dataset.relations if r.source in kept and r.target in kept]
    assert len(data["edges"]) == len(drawn)
    omitted = data["meta"]["omitted"]
    assert omitted["actors"] == len(dataset.actors) - 3
    assert omitted["relations"] == len(dataset.relations) - len(drawn)
    assert (
        f"drew the 3 most important of {len(dataset.actors)} actors (by degree) and "
        f"{len(drawn)} of {len(dataset.relations)} relations" in found.stderr
    )


def test_a_graph_within_the_limits_is_drawn_whole_and_says_nothing(run, tmp_path):
    page = tmp_path / "whole.html"
    found = run("html", "-o", str(page), "--data", str(SMALL))
    assert page_data(page.read_text("utf-8"))["meta"]["omitted"] is None
    assert found.stderr == f"wrote {page}\n"


def test_color_by_camp_equals_graph_camps(run):
    from graph.queries.camps import camps

    dataset = load_dataset()
    found = camps(dataset)
    data = page_data(render_html(dataset, color_by="camp"))
    by_group = {}
    for node in data["nodes"]:
        by_group.setdefault(node["colorGroup"], set()).add(node["id"])
    # Members and leaning actors take their camp's colour; undecided ones are in no camp.
    assert by_group[0] == set(found["camps"][0]) | set(found["leaning"][0])
    assert by_group[1] == set(found["camps"][1]) | set(found["leaning"][1])
    outside = {actor["id"] for actor in found["not_in_story"]}
    assert by_group.get(2, set()) == set(found["unaligned"]) | set(found["undecided"]) | outside
    node_of = {node["id"]: node for node in data["nodes"]}
    for actor in found["actors"]:
        node = node_of[actor["id"]]
        assert (node["standing"], node["margin"]) == (actor["standing"], actor["margin"])
        # Leaning is told by a dashed border, not by colour alone.
        dashed = node.get("shapeProperties", {}).get("borderDashes")
        assert bool(dashed) == (actor["standing"] == "leaning"), actor["id"]
    assert {a["id"] for a in found["actors"] if a["standing"] == "leaning"} == {
        "british-army",
        "military-chiefs",
    }
    colours = {g["group"]: g["color"] for g in data["groups"]}
    assert all(node["color"] == colours[node["colorGroup"]] for node in data["nodes"])
    frustrated = {
        (e["from"], e["type"], e["to"], e["evidence"]) for e in data["edges"] if e.get("frustrated")
    }
    assert frustrated == {
        (f["source"], f["type"], f["target"], f["evidence"]) for f in found["frustrated"]
    }


def test_color_by_community_equals_graph_communities():
    from graph.queries.communities import communities

    dataset = load_dataset()
    found = communities(dataset)["communities"]
    data = page_data(render_html(dataset, color_by="community"))
    group_of = {node["id"]: node["colorGroup"] for node in data["nodes"]}
    for row in found:
        assert {group_of[actor] for actor in row["actors"]} == {row["community"] - 1}
    outside = communities(dataset)["not_in_story"]
    assert outside  # the seed's analysts and think tanks
    assert {group_of[actor["id"]] for actor in outside} == {len(found)}
    assert data["groups"][-1]["name"] == "not in the story"
    assert [g["count"] for g in data["groups"]] == [row["size"] for row in found] + [len(outside)]


def test_sign_colours_survive_colour_blindness_and_differ_in_line_style():
    from itertools import combinations

    from graph.render.style import KIND_COLORS, SIGN_STYLES
    from graph.render.vision import difference, simulate

    colours = {sign: style["color"] for sign, style in SIGN_STYLES.items()}
    for deficiency in ("deuteranopia", "protanopia"):
        seen = {sign: simulate(colour, deficiency) for sign, colour in colours.items()}
        for first, second in combinations(seen, 2):
            assert difference(seen[first], seen[second]) > 30, (deficiency, first, second)
    dashes = [repr(style["dashes"]) for style in SIGN_STYLES.values()]
    assert len(set(dashes)) == 3  # solid, dashed, dotted: told apart without colour
    for kind in KIND_COLORS:
        for sign in colours.values():
            assert difference(kind, sign) > 20, (kind, sign)


def test_kind_and_camp_colours_have_3_to_1_contrast_with_the_canvas():
    """WCAG's rule for graphics: every node colour against the light canvas (#fcfcfc)."""
    from graph.render.style import CAMP_COLORS, KIND_COLORS

    def luminance(colour: str) -> float:
        linear = [
            c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
            for c in (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        ]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    canvas = luminance("#fcfcfc")
    ratios = {colour: (canvas + 0.05) / (luminance(colour) + 0.05) for colour in KIND_COLORS}
    assert min(ratios.values()) >= 4.6, ratios
    for colour in CAMP_COLORS:
        assert (canvas + 0.05) / (luminance(colour) + 0.05) >= 3, colour


def test_relation_dates_become_slider_stops_with_their_periods():
    data = page_data(render_html(load_dataset(SMALL)))
    dated = sorted({r.date for r in load_dataset(SMALL).relations if r.date})
    assert sorted(stop["date"] for stop in data["dates"]) == dated
    ends = [stop["end"] for stop in data["dates"]]
    assert ends == sorted(ends)
    month = next(stop for stop in data["dates"] if len(stop["date"]) == 7)
    assert month["start"].endswith("-01")


def test_a_merged_pages_header_names_its_datasets(tmp_path):
    second = Path(__file__).parent / "data" / "second"
    data = page_data(render_html(load_dataset([":seed:", second, SMALL])))
    assert data["meta"]["dataset"] == "data (embedded seed) + second + small"
    assert page_data(render_html(load_dataset(SMALL)))["meta"]["dataset"] == "small"


# -- what a relation says of itself, and the viewer's switches ---------------------------

MARKS = Path(__file__).parent / "data" / "marks"


@pytest.mark.parametrize("renderer", ["vis", "webgl"])
def test_the_page_carries_role_hedge_state_locator_and_url(renderer):
    data = html.prepare_page(load_dataset(MARKS), renderer=renderer)
    marks = [
        {key: edge[key] for key in ("role", "hedged", "state", "locator", "url") if key in edge}
        for edge in data["edges"]
    ]
    assert marks == [
        {},
        {"hedged": True},
        {
            "state": "located",
            "locator": "paragraph 4, chars 210-268",
            "url": "https://example.org/wire/2025-03-12",
        },
        {"state": "asserted", "hedged": True},
        {"role": "commentary"},
        {"role": "affiliation"},
    ]
    assert {t["name"]: t["role"] for t in data["types"]}["assesses"] == "commentary"
    if renderer == "vis":
        # Marks of their own kind, besides the sign's colour and dashes.
        assert [e["arrows"] for e in data["edges"]][:4] == ["to", "to, middle", "to", "to, middle"]
        assert [bool(e.get("background")) for e in data["edges"]] == [
            False,
            False,
            True,
            True,
            False,
            False,
        ]


def quotes_block(page: str) -> list:
    """The WebGL page's quotes, one a relation, from their own JSON block."""
    block = re.search(
        r'<script type="application/json" id="graph-quotes">\n(.*?)\n</script>', page, re.S
    )
    return json.loads(block.group(1))["edges"]


def decoded(columns: dict, quotes: list, actor_ids: list, types: list) -> list[dict]:
    """The relations of a WebGL page made whole from its columns, as base.js makes them."""
    count = columns["count"]
    items = []
    for n in range(count):
        legend = types[columns["type"][n]]
        item = {
            "id": f"r{columns['ids'][n] if columns['ids'] else n}",
            "from": actor_ids[columns["ends"][2 * n]],
            "to": actor_ids[columns["ends"][2 * n + 1]],
            "type": legend["name"],
            "sign": legend["sign"],
            "symmetric": legend["symmetric"],
            "evidence": quotes[n],
            "weight": 1,
            "role": legend["role"],
            "hedged": False,
            "locator": None,
            "url": None,
        }
        for field, empty in (("date", None), ("document", None), ("state", "verified")):
            index = columns[field]["index"][n]
            item[field] = columns[field]["values"][index - 1] if index else empty
        items.append(item)
    for n, weight in zip(columns["weight"]["at"], columns["weight"]["value"]):
        items[n]["weight"] = weight
    for flag in ("hedged", "frustrated", "onPath"):
        for n in columns[flag]:
            items[n][flag] = True
    for n, fields in columns["extra"]:
        items[n].update(fields)
    return items


@pytest.mark.parametrize("folder", [MARKS, HOSTILE, None])
def test_a_webgl_page_carries_every_relation_in_columns_and_its_quotes_apart(folder):
    dataset = load_dataset(folder) if folder else load_dataset()
    kwargs = {"renderer": "webgl", "highlight_path": ("uk", "russia")} if not folder else {}
    kwargs.setdefault("renderer", "webgl")
    wanted = html.prepare_page(dataset, color_by="camp", **kwargs)
    page = render_html(dataset, color_by="camp", **kwargs)
    data = page_data(page)
    assert "edges" not in data
    ids = [node["id"] for node in data["nodes"]]
    items = decoded(data["relations"], quotes_block(page), ids, data["types"])
    defaults = {"weight": 1, "role": "action", "hedged": False, "state": "verified"}
    defaults.update(date=None, document=None, locator=None, url=None)
    legend = {entry["name"]: entry for entry in data["types"]}
    whole = [
        {
            **defaults,
            "sign": legend[edge["type"]]["sign"],
            "symmetric": legend[edge["type"]]["symmetric"],
            **edge,
        }
        for edge in wanted["edges"]
    ]
    assert items == whole
    quotes = page[page.index('id="graph-quotes"') : page.index("</script>", page.index("quotes"))]
    for raw in ("<script", "<img", "</script", "<svg", "\u2028", "\u2029"):
        assert raw not in quotes  # hostile text only escaped, as in the data block
    if folder is None:
        assert any(item.get("onPath") for item in items)
        assert any(item.get("frustrated") for item in items)


def test_a_cut_webgl_pages_relations_keep_their_ids(monkeypatch):
    from graph.render import limits

    monkeypatch.setattr(limits, "WEBGL_ACTORS", 10)
    dataset = load_dataset()
    page = render_html(dataset, renderer="webgl")
    data = page_data(page)
    ids = [node["id"] for node in data["nodes"]]
    items = decoded(data["relations"], quotes_block(page), ids, data["types"])
    wanted = html.prepare_page(dataset, renderer="webgl")["edges"]
    assert data["relations"]["ids"] is not None
    assert [item["id"] for item in items] == [edge["id"] for edge in wanted]
    assert [item["evidence"] for item in items] == [edge["evidence"] for edge in wanted]


def test_the_switches_hold_each_measure_and_colouring_as_the_cli_computes_them():
    from graph.queries.centrality import centrality

    seed = load_dataset()
    data = html.prepare_page(seed)
    assert data["switches"]["sizes"] == ["degree", "betweenness", "pagerank"]
    assert data["switches"]["colors"] == ["kind", "camp", "community"]
    rows = centrality(seed, measure="pagerank")["results"]
    nodes = {node["id"]: node for node in data["nodes"]}
    for row in rows:
        assert nodes[row["id"]]["scores"]["pagerank"][:2] == [round(row["score"], 6), row["rank"]]
    by_camp = {node["id"]: node for node in html.prepare_page(seed, color_by="camp")["nodes"]}
    for actor, node in nodes.items():
        assert node["groupOf"]["camp"] == by_camp[actor]["colorGroup"]
    assert data["switches"]["groups"]["camp"] == html.prepare_page(seed, color_by="camp")["groups"]


def test_a_page_above_the_switch_size_offers_degree_and_what_it_was_written_with():
    big = corpus.dataset((200, 500))  # 700 actors + relations: above SWITCH_SIZE
    assert len(big.actors) + len(big.relations) > html.SWITCH_SIZE
    data = html.prepare_page(big, size_by="closeness")
    assert data["switches"]["sizes"] == ["closeness", "degree"]
    assert data["switches"]["colors"] == ["kind"]
