"""The page as a workbench, in Chromium: panel, filters, path, dates, keep, every reader."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from graph import load_dataset
from graph.queries.paths import shortest_paths

from .conftest import ARTIFACTS
from .helpers import (
    EDGE_POINT,
    EMPTY_POINT,
    NODE_POINT,
    VIEW,
    hidden_at_first,
    off_centre,
    outside_the_canvas,
    serious_accessibility_violations,
    show_everything,
    write_page,
)

pytestmark = pytest.mark.browser

WORKBENCH = Path(__file__).parents[1] / "data" / "workbench"


@pytest.fixture(scope="module")
def bench_page(tmp_path_factory) -> Path:
    return write_page(tmp_path_factory.mktemp("bench"), "--data", str(WORKBENCH))


@pytest.fixture(scope="module")
def bench_pages(tmp_path_factory, bench_page) -> dict[str, Path]:
    """The workbench data drawn by each renderer (the WebGL one forced)."""
    webgl = write_page(
        tmp_path_factory.mktemp("bench-webgl"), "--data", str(WORKBENCH), "--renderer", "webgl"
    )
    return {"vis": bench_page, "webgl": webgl}


BOTH = pytest.mark.parametrize("renderer", ["vis", "webgl"])


def click_node(page, node_id: str) -> None:
    point = page.evaluate(NODE_POINT, node_id)
    page.mouse.click(point["x"], point["y"])


# -- the details panel ------------------------------------------------------------


@BOTH
def test_clicking_an_actor_lists_every_relation_with_its_quote(visit, seed_pages, renderer):
    seed = load_dataset()
    # The actor with the most relations, whoever it is in the seed of the day.
    counts = {}
    for relation in seed.relations:
        for end in {relation.source, relation.target}:
            counts[end] = counts.get(end, 0) + 1
    hub = max(sorted(counts), key=lambda actor: counts[actor])
    page = visit(seed_pages[renderer]).page
    assert page.evaluate("graphView.renderer") == renderer
    click_node(page, hub)
    assert page.locator("#details").is_visible()
    assert page.inner_text("#details-title") == seed.actors[hub].name
    listed = page.evaluate(
        """() => [...document.querySelectorAll('#details-body li[data-edge]')].map(
             (li) => [li.dataset.edge, li.querySelector('.quote').textContent])"""
    )
    expected = {
        (f"r{i}", r.evidence) for i, r in enumerate(seed.relations) if hub in (r.source, r.target)
    }
    assert sorted(map(tuple, listed)) == sorted(expected)
    # Grouped by type: one heading per type, each with its count.
    types = {r.type for r in seed.relations if hub in (r.source, r.target)}
    assert page.locator("#details-body h3").count() == len(types)


def test_the_copy_button_puts_the_whole_quote_on_the_clipboard(visit, browser_context, seed_page):
    seed = load_dataset()
    browser_context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = visit(seed_page).page
    relation = seed.relations[0]
    page.evaluate("(id) => graphView.select(id)", relation.source)
    item = page.locator('#details-body li[data-edge="r0"]')
    item.get_by_role("button", name="copy the quote").click()
    assert page.evaluate("navigator.clipboard.readText()") == relation.evidence
    assert item.get_by_role("button", name="copy the quote").inner_text() == "Copied"


def test_clicking_a_relation_shows_its_card(visit, bench_page):
    data = load_dataset(WORKBENCH)
    page = visit(bench_page).page
    point = page.evaluate(EDGE_POINT, "r1")
    assert point is not None
    page.mouse.click(point["x"], point["y"])
    relation = data.relations[1]
    assert page.inner_text("#details-title") == f"{relation.type} (hostile)"
    assert page.inner_text("#details-body .quote") == relation.evidence
    assert page.evaluate("graphView.emphasised()") == {
        "nodes": sorted({relation.source, relation.target}),
        "edges": ["r1"],
    }


# -- filters, legend, heading -----------------------------------------------------


@BOTH
def test_only_hostile_is_one_click_and_counts_and_heading_follow(visit, seed_pages, renderer):
    seed = load_dataset()
    page = visit(seed_pages[renderer]).page
    show_everything(page)  # commentary and affiliations too
    page.locator("#legend-signs li", has_text="hostile").get_by_role("button").click()
    hostile = {f"r{i}" for i, r in enumerate(seed.relations) if seed.types[r.type].sign < 0}
    hidden = set(page.evaluate("graphView.hidden().edges"))
    assert hidden == {f"r{i}" for i in range(len(seed.relations))} - hostile
    counts = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('#legend-types li')].map(
             (li) => [li.querySelector('input').dataset.name,
                      Number(li.querySelector('.count').textContent)]))"""
    )
    for name in counts:
        shown = sum(1 for r in seed.relations if r.type == name and seed.types[name].sign < 0)
        assert counts[name] == shown
    subtitle = page.inner_text("#subtitle")
    assert f"{len(hostile)} relations of {len(seed.relations)} shown" in subtitle
    page.locator("#legend-signs").locator("..").get_by_role(
        "button", name="hide every signs"
    ).click()
    assert len(page.evaluate("graphView.hidden().edges")) == len(seed.relations)
    page.locator("#legend-signs").locator("..").get_by_role(
        "button", name="show every signs"
    ).click()
    assert page.evaluate("graphView.hidden().edges") == []
    assert "shown" not in page.inner_text("#subtitle")


def test_kind_counts_follow_the_kind_filter(visit, bench_page):
    page = visit(bench_page).page
    page.locator('#legend-kinds input[data-name="country"]').uncheck()
    counts = page.locator("#legend-kinds .count").all_inner_texts()
    data = load_dataset(WORKBENCH)
    kinds = [k for k in data.kinds if any(a.kind == k for a in data.actors.values())]
    expected = [
        0 if kind == "country" else sum(1 for a in data.actors.values() if a.kind == kind)
        for kind in kinds
    ]
    assert [int(c) for c in counts] == expected


@BOTH
def test_search_prefers_exact_then_prefix_then_substring(visit, bench_pages, renderer):
    page = visit(bench_pages[renderer]).page
    find = "(query) => graphView.find(query)"
    assert page.evaluate(find, "tur") == "turkiye"  # prefix of Türkiye beats "Turkish..." by rank
    assert page.evaluate(find, "türkiye") == "turkiye"  # exact
    assert page.evaluate(find, "turner") == "cato"  # inside "Cato Turner"
    assert page.evaluate(find, "turkish") == "defmin"  # alias prefix
    assert page.evaluate(find, "ministry") == "defmin"
    assert page.evaluate(find, "zzz") is None


@BOTH
def test_the_date_slider_shows_what_was_known_by_each_date(visit, bench_pages, renderer):
    from graph.dates import period_end, period_start

    data = load_dataset(WORKBENCH)
    page = visit(bench_pages[renderer]).page
    stops = sorted({r.date for r in data.relations if r.date}, key=period_end)
    for index, stop in enumerate(stops):
        page.locator("#date-slider").fill(str(index))
        hidden = set(page.evaluate("graphView.hidden().edges"))
        expected = {
            f"r{i}"
            for i, r in enumerate(data.relations)
            if r.date and period_start(r.date) > period_end(stop)
        }
        assert hidden == expected, stop
        assert page.inner_text("#date-value") == f"as of {stop}"
    page.locator("#date-slider").fill(str(len(stops)))
    assert page.evaluate("graphView.hidden().edges") == []


# -- the path between two actors ----------------------------------------------------


@pytest.mark.parametrize(
    ("source", "target", "renderer"),
    [
        ("defmin", "borin", "vis"),
        ("arden", "turkiye", "vis"),
        ("cato", "defmin", "vis"),
        ("defmin", "borin", "webgl"),
        ("arden", "turkiye", "webgl"),
    ],
)
def test_the_path_in_the_page_equals_graph_path(visit, bench_pages, source, target, renderer):
    data = load_dataset(WORKBENCH)
    expected = shortest_paths(data, source, target)["paths"]
    page = visit(bench_pages[renderer]).page
    page.fill("#path-from", data.actors[source].name)
    page.fill("#path-to", data.actors[target].name)
    page.locator("#path-form").get_by_role("button", name="Show").click()
    found = page.evaluate("graphView.paths")
    keys = ("source", "type", "target", "evidence", "direction")

    def hop(h):
        return {
            **{key: h[key] for key in keys},
            "also": [{key: a[key] for key in keys} for a in h["also"]],
        }

    assert [p["actors"] for p in found] == [p["actors"] for p in expected]
    assert [[hop(h) for h in p["hops"]] for p in found] == [
        [hop(h) for h in p["hops"]] for p in expected
    ]
    lines = page.locator("#path-result .path-line").all_inner_texts()
    assert len(lines) == len(expected)
    shown = page.evaluate("graphView.emphasised()")
    assert set(shown["nodes"]) == {actor for p in expected for actor in p["actors"]}


def test_the_seed_path_equals_graph_path(visit, seed_page):
    seed = load_dataset()
    ids = sorted(seed.actors)
    first, last = ids[0], ids[-1]
    expected = shortest_paths(seed, first, last)["paths"]
    page = visit(seed_page).page
    show_everything(page)  # commentary and affiliations too
    page.evaluate("([a, b]) => graphView.showPath(a, b)", [first, last])
    assert [p["actors"] for p in page.evaluate("graphView.paths")] == [
        p["actors"] for p in expected
    ]


# -- keep and share -------------------------------------------------------------------


@BOTH
def test_the_fragment_reopens_the_same_view(visit, bench_pages, renderer):
    bench_page = bench_pages[renderer]
    page = visit(bench_page).page
    page.locator('#legend-kinds input[data-name="person"]').uncheck()
    page.locator("#date-slider").fill("2")
    page.evaluate("graphView.showPath('defmin', 'borin')")
    page.evaluate("graphView.select('saturnia')")
    url = page.url
    assert "#" in url
    state = page.evaluate(
        "() => [graphView.hidden(), graphView.emphasised(), graphView.selected(), "
        "document.getElementById('date-value').textContent, graphView.paths.length]"
    )
    again = visit(bench_page).page
    again.goto(url)
    again.reload()
    again.wait_for_function("() => window.graphStable === true")
    assert (
        again.evaluate(
            "() => [graphView.hidden(), graphView.emphasised(), graphView.selected(), "
            "document.getElementById('date-value').textContent, graphView.paths.length]"
        )
        == state
    )
    assert again.locator('#legend-kinds input[data-name="person"]').is_checked() is False


@BOTH
def test_the_csv_download_holds_the_shown_relations_formula_safe(visit, bench_pages, renderer):
    data = load_dataset(WORKBENCH)
    page = visit(bench_pages[renderer]).page
    page.locator('#legend-types input[data-name="meets"]').uncheck()
    with page.expect_download() as waiting:
        page.get_by_role("button", name="Download shown relations (CSV)").click()
    download = waiting.value
    assert download.suggested_filename == "relations.csv"
    # utf-8-sig: the download starts with a byte order mark, for spreadsheets.
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text("utf-8-sig"))))
    shown = [r for r in data.relations if r.type != "meets"]
    assert len(rows) == len(shown)
    from graph.cells import spreadsheet_safe

    for row, relation in zip(rows, shown):
        # The CLI's rule (graph.cells), cell for cell.
        assert row["evidence"] == spreadsheet_safe(relation.evidence)
        assert row["source"] == relation.source and row["type"] == relation.type
        assert row["weight"] == str(relation.weight).removesuffix(".0")


@BOTH
def test_the_png_download_is_the_current_view(visit, seed_pages, renderer):
    page = visit(seed_pages[renderer]).page
    with page.expect_download() as waiting:
        page.get_by_role("button", name="Download PNG").click()
    download = waiting.value
    assert download.suggested_filename == "graph.png"
    content = Path(download.path()).read_bytes()
    assert content[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(content[16:20], "big")
    # Twice the screen's resolution (test_first_view.py checks the caption and key).
    assert width == 2 * page.evaluate("document.querySelector('#mynetwork canvas').clientWidth")


# -- every reader -----------------------------------------------------------------------


def test_a_phone_gets_a_usable_graph_above_the_panel(visit, seed_page):
    page = visit(seed_page).page
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_function("() => window.graphRefits >= 1")  # re-fitted and drawn
    graph = page.locator("#mynetwork").bounding_box()
    panel = page.locator("#panel").bounding_box()
    assert graph["width"] >= 350 and graph["height"] >= 300
    assert panel["y"] >= graph["y"] + graph["height"] - 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "seed-graph-phone.png"))
    assert outside_the_canvas(page.evaluate(VIEW)) == {}


def test_zoom_fit_and_reset_buttons(visit, seed_page):
    page = visit(seed_page).page
    fitted = page.evaluate("network.getScale()")

    def press(name):
        """Click a view button and wait until its animation has finished."""
        page.evaluate("() => network.once('animationFinished', () => (window.moved = true))")
        page.evaluate("() => (window.moved = false)")
        page.get_by_role("button", name=name).click()
        page.wait_for_function("() => window.moved === true")
        return page.evaluate("network.getScale()")

    assert press("zoom in") > fitted * 1.25
    press("zoom out")
    assert press("zoom out") < fitted * 0.8
    assert abs(press("Fit") - fitted) < fitted * 0.05
    assert outside_the_canvas(page.evaluate(VIEW)) == {}
    page.locator('#legend-kinds input[data-name="person"]').uncheck()
    page.evaluate("graphView.select('russia')")
    page.get_by_role("button", name="Reset").click()
    assert page.evaluate("graphView.hidden()") == hidden_at_first(load_dataset())
    assert page.evaluate("graphView.emphasised()") is None


def test_keyboard_pans_zooms_walks_actors_and_opens_the_panel(visit, seed_page):
    page = visit(seed_page).page
    page.focus("#mynetwork .vis-network")
    before = page.evaluate("network.getViewPosition()")
    page.keyboard.down("ArrowLeft")
    page.wait_for_function("(at) => network.getViewPosition().x !== at.x", arg=before)
    page.keyboard.up("ArrowLeft")
    scale = page.evaluate("network.getScale()")
    page.keyboard.down("Minus")
    page.wait_for_function("(s) => network.getScale() < s", arg=scale)
    page.keyboard.up("Minus")
    page.keyboard.press("Tab")
    first = page.evaluate("network.getSelectedNodes()")
    assert len(first) == 1
    ranks = page.evaluate("nodes.get().map((n) => [n.rank, n.id])")
    assert first[0] == min(ranks, key=lambda r: (r[0] is None, r[0] or 0, r[1]))[1]
    page.keyboard.press("Enter")
    assert page.locator("#details").is_visible()
    assert page.evaluate("graphView.selected()") == first[0]
    page.keyboard.press("Escape")
    assert page.evaluate("graphView.selected()") is None


def test_the_view_is_refitted_when_the_window_changes(visit, seed_page):
    page = visit(seed_page).page
    page.set_viewport_size({"width": 900, "height": 600})
    page.wait_for_function("() => window.graphRefits >= 1")
    view = page.evaluate(VIEW)
    assert outside_the_canvas(view) == {}
    x, y = off_centre(view)
    assert abs(x) < 10 and abs(y) < 10


def test_sign_line_styles_differ_in_the_legend_and_on_edges(visit, seed_page):
    page = visit(seed_page).page
    styles = page.evaluate(
        """() => [...document.querySelectorAll('#legend-signs .line')].map(
             (line) => line.style.borderTopStyle)"""
    )
    assert len(set(styles)) == 3
    dashes = page.evaluate(
        """() => { const by = {}; edges.get().forEach((e) => by[e.sign] = JSON.stringify(e.dashes));
                   return by; }"""
    )
    assert len(set(dashes.values())) == len(dashes)


def test_positions_do_not_depend_on_size_by(visit, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = visit(write_page(tmp_path / "a", "--size-by", "degree")).page
    second = visit(write_page(tmp_path / "b", "--size-by", "betweenness")).page
    where = "() => network.getPositions()"
    assert first.evaluate(where) == second.evaluate(where)
    sizes = "() => nodes.get().map((n) => n.size)"
    assert first.evaluate(sizes) != second.evaluate(sizes)


def test_print_hides_the_controls_and_keeps_graph_and_legend(visit, seed_page):
    page = visit(seed_page).page
    page.emulate_media(media="print")
    for hidden in ("#controls", "#search", ".export", "#path-form"):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.locator("#legend-types").is_visible()
    assert page.locator("#mynetwork canvas").is_visible()
    page.emulate_media(media="screen")
    assert page.locator("#controls").is_visible()


def test_dark_mode_when_the_system_asks(browser_context, seed_page):
    page = browser_context.new_page()
    try:
        page.emulate_media(color_scheme="dark")
        page.goto(seed_page.resolve().as_uri())
        page.wait_for_function("() => window.graphStable === true")
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(18, 19, 22)"
        font = page.evaluate("network.body.nodes[nodes.getIds()[0]].options.font.color")
        assert font == "#e8e8e8"
    finally:
        page.close()


def test_no_serious_or_critical_accessibility_violation(visit, seed_page, bench_page):
    for page_file, scheme in ((seed_page, "light"), (bench_page, "light"), (seed_page, "dark")):
        page = visit(page_file).page
        if scheme == "dark":
            page.emulate_media(color_scheme="dark")
            page.reload()
            page.wait_for_function("() => window.graphStable === true")
        page.evaluate("graphView.select(nodes.getIds()[0])")  # the panel open, too
        bad = serious_accessibility_violations(page)
        assert bad == [], bad


def test_a_large_corpus_is_cut_and_says_so(visit, tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
    from html_scale import synthetic

    from graph.render import render_html

    dataset = synthetic(600, 1200)
    page_file = tmp_path / "cut.html"
    page_file.write_text(render_html(dataset, max_actors=200), encoding="utf-8")
    seen = visit(page_file)
    text = seen.page.inner_text("#omitted")
    assert "the 200 most important of 600 actors" in text
    assert "400 actors" in text
    assert seen.page.evaluate("nodes.length") == 200
    assert seen.problems() == []


def test_the_empty_space_click_still_clears_after_a_path(visit, bench_page):
    page = visit(bench_page).page
    page.evaluate("graphView.select('arden')")
    empty = page.evaluate(EMPTY_POINT)
    page.mouse.click(empty["x"], empty["y"])
    assert page.evaluate("graphView.emphasised()") is None
    assert page.locator("#details").is_hidden()


def test_a_long_sources_line_folds_after_three(visit, tmp_path):
    import shutil

    import yaml

    folder = tmp_path / "many-sources"
    shutil.copytree(WORKBENCH, folder)
    relations = yaml.safe_load((folder / "relations.yaml").read_text("utf-8"))
    for number in range(5):
        (folder / f"extra{number}.txt").write_text("nothing quoted here\n", encoding="utf-8")
        relations["documents"][f"extra{number}"] = f"extra{number}.txt"
    for relation in relations["relations"]:
        relation["document"] = "article"  # several documents: each relation names its own
    (folder / "relations.yaml").write_text(yaml.safe_dump(relations), encoding="utf-8")
    page = visit(write_page(tmp_path, "--data", str(folder))).page
    summary = page.locator("#sources summary")
    assert summary.inner_text() == "and 3 more"
    assert page.locator("#sources details").get_attribute("open") is None
    summary.click()
    assert "extra4 (extra4.txt)" in page.inner_text("#sources")


def test_hostile_text_in_panel_labels_path_and_csv_stays_text(visit, tmp_path):
    """Every actor's panel, every relation's card, a path and the CSV, on hostile data
    drawn without physics (so the page draws the labels itself): nothing runs."""
    from graph.render import render_html

    hostile_folder = Path(__file__).parents[1] / "data" / "hostile"
    hostile = load_dataset(hostile_folder)
    page_file = tmp_path / "hostile.html"
    page_file.write_text(render_html(hostile, physics_limit=1), encoding="utf-8")
    seen = visit(page_file)
    page = seen.page
    assert page.evaluate("network.physics.options.enabled") is False
    for actor in hostile.actors.values():
        page.evaluate("(id) => graphView.select(id)", actor.id)
        title = page.evaluate("document.getElementById('details-title').textContent")
        assert title == actor.name
    for position, relation in enumerate(hostile.relations):
        page.evaluate("(id) => graphView.selectEdge(id)", f"r{position}")
        assert page.evaluate("document.querySelector('#details-body .quote').textContent") == (
            relation.evidence
        )
    ids = sorted(hostile.actors)
    page.evaluate("([a, b]) => graphView.showPath(a, b)", [ids[0], ids[-1]])
    rows = list(csv.DictReader(io.StringIO(page.evaluate("graphView.relationsCsv()"))))
    assert len(rows) == len(hostile.relations)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img, iframe, svg, b, script').length") == 3
    assert seen.problems() == []


def test_a_highlighted_path_lists_its_hops_in_the_panel(visit, tmp_path):
    data = load_dataset(WORKBENCH)
    expected = shortest_paths(data, "arden", "turkiye")["paths"]
    page = visit(
        write_page(tmp_path, "--data", str(WORKBENCH), "--highlight-path", "Arden", "Ankara")
    ).page
    assert [p["actors"] for p in page.evaluate("graphView.paths")] == [
        p["actors"] for p in expected
    ]
    assert page.locator("#path-result .path-line").count() == len(expected)
    assert page.input_value("#path-from") == "Arden"


# -- exploring the structure --------------------------------------------------------------


@BOTH
def test_degree_core_largest_group_lonely_and_around_filter_as_networkx(
    visit, seed_pages, renderer
):
    import networkx as nx

    from graph.render.html import ego_network

    seed = load_dataset()
    simple = nx.Graph()
    simple.add_nodes_from(seed.actors)
    simple.add_edges_from((r.source, r.target) for r in seed.relations if r.source != r.target)
    counts = {actor: 0 for actor in seed.actors}
    for r in seed.relations:
        for end in {r.source, r.target}:
            counts[end] += 1
    page = visit(seed_pages[renderer]).page
    show_everything(page)  # commentary and affiliations too

    def hidden() -> set[str]:
        return set(page.evaluate("graphView.hidden().nodes"))

    def setting(field: str, value) -> None:
        locator = page.locator(f"#explore-{field}")
        if isinstance(value, bool):
            locator.set_checked(value)
        else:
            locator.fill(str(value))
            locator.dispatch_event("change")

    setting("minDegree", 5)
    assert hidden() == {a for a in seed.actors if counts[a] < 5}
    setting("minDegree", 0)
    setting("core", 3)
    assert hidden() == set(seed.actors) - set(nx.k_core(simple, 3))
    assert "core=3" in page.url
    setting("core", 0)
    page.locator("#legend-signs li", has_text="hostile").get_by_role("button").click()
    page.locator("#hide-lonely").check()
    hostile_ends = {
        end for r in seed.relations if seed.types[r.type].sign < 0 for end in (r.source, r.target)
    }
    assert hidden() == set(seed.actors) - hostile_ends
    page.get_by_role("button", name="Reset").click()
    assert hidden() == set(hidden_at_first(seed)["nodes"])
    page.check("#show-roles")  # the neighbourhood over every relation, as ego_network
    page.fill("#explore-around", seed.actors["russia"].name)
    page.get_by_role("button", name="show only the actors around this one").click()
    assert hidden() == set(seed.actors) - set(ego_network(seed, "russia", 1).actors)
    page.get_by_role("button", name="one relation further out").click()
    assert hidden() == set(seed.actors) - set(ego_network(seed, "russia", 2).actors)
    assert "around=russia" in page.url and "depth=2" in page.url
    again = visit(seed_pages[renderer]).page
    again.goto(page.url)
    again.reload()
    again.wait_for_function("() => window.graphStable === true")
    assert set(again.evaluate("graphView.hidden().nodes")) == hidden()
