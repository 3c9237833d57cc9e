"""The WebGL page (sigma.js through SwiftShader): forced on the seed, chosen by size on a corpus.

What both renderers share (panel, filters, search, slider, path, fragment,
downloads) is tested on both in ``test_workbench.py``; here is what the WebGL
page does its own way: one line per pair of actors, labels placed at every
frame, the keyboard, and drawing whole what vis-network would cut.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from graph import load_dataset
from graph.render import render_html

from .conftest import ARTIFACTS
from .helpers import NODE_POINT, serious_accessibility_violations, show_everything

pytestmark = pytest.mark.browser

# The actors in sigma's graph (it also holds a node per cluster, with a count).
ACTORS_DRAWN = "() => graph.filterNodes((id, attributes) => !attributes.count).length"
# The labels of the last frame: [{id, box: {left, right, top, bottom}}].
LABELS = "() => window.drawnLabels.map((label) => [label.id, label.box])"
# A point on the line of a pair of actors where sigma finds that line and no node.
PAIR_POINT = """(pair) => {
  const box = document.getElementById("mynetwork").getBoundingClientRect();
  const ends = [graph.source(pair), graph.target(pair)].map((id) => graphView.point(id));
  for (const t of [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7]) {
    const x = ends[0].x + t * (ends[1].x - ends[0].x);
    const y = ends[0].y + t * (ends[1].y - ends[0].y);
    if (sigma.getNodeAtPosition({x, y}) === null && sigma.getEdgeAtPoint(x, y) === pair) {
      return {x: box.left + x, y: box.top + y};
    }
  }
  return null;
}"""


def overlapping(labels) -> list:
    """The pairs of label boxes that overlap."""
    found = []
    for n, (first, a) in enumerate(labels):
        for second, b in labels[n + 1 :]:
            if (
                a["left"] < b["right"]
                and b["left"] < a["right"]
                and a["top"] < b["bottom"]
                and b["top"] < a["bottom"]
            ):
                found.append((first, second))
    return found


def synthetic(actors: int, relations: int):
    sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
    from html_scale import synthetic as make

    return make(actors, relations)


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory) -> tuple[Path, object]:
    """1,000 actors, 4,200 relations: above the threshold, so `auto` picks WebGL."""
    dataset = synthetic(1_000, 4_200)
    page = tmp_path_factory.mktemp("corpus") / "corpus.html"
    page.write_text(render_html(dataset), encoding="utf-8")
    return page, dataset


def test_the_seed_forced_to_webgl_is_offline_error_free_and_hashed(visit, seed_pages):
    seen = visit(seed_pages["webgl"])
    page = seen.page
    assert seen.problems() == []
    assert seen.requests == [seed_pages["webgl"].resolve().as_uri()]
    assert page.evaluate("graphView.renderer") == "webgl"
    assert page.evaluate("typeof network") == "undefined"  # no vis-network on this page
    text = seed_pages["webgl"].read_text("utf-8")
    # graphology, sigma and the page's own script, each admitted by its hash.
    assert len(re.findall(r"'sha256-[^']+'", text)) == 3
    assert "Copyright (C) 2013-2025, Alexis Jacomy" in text  # sigma's licence travels with it
    seed = load_dataset()
    pairs = {frozenset((r.source, r.target)) for r in seed.relations}
    assert page.evaluate(ACTORS_DRAWN) == len(seed.actors)
    assert page.evaluate("graph.size") == len(pairs)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "seed-graph-webgl.png"))


def screen_pixel(page, x: float, y: float) -> tuple[int, int, int]:
    """The colour Chromium composed at a point of the page (a 1 x 1 screenshot)."""
    import struct
    import zlib

    png = page.screenshot(clip={"x": int(x), "y": int(y), "width": 1, "height": 1})
    at, chunks = 8, b""
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at : at + 8])
        if kind == b"IDAT":
            chunks += png[at + 8 : at + 8 + length]
        at += 12 + length
    # One row of one pixel: whatever its filter, the bytes are the colour.
    row = zlib.decompress(chunks)
    return tuple(row[1:4])


def mixed(colour: str, paper: str, share: float = 0.22) -> tuple[int, int, int]:
    """A colour veiled: this share of it on the paper."""
    rgb = [int(colour[n : n + 2], 16) for n in (1, 3, 5)]
    under = [int(paper[n : n + 2], 16) for n in (1, 3, 5)]
    return tuple(round(c * share + p * (1 - share)) for c, p in zip(rgb, under))


def near(found, wanted, tolerance: int = 4) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(found, wanted))


# Actors whose centre, on screen, is covered by nothing but themselves (no
# label, no emphasised line or other actor within reach): [id, x, y, colour].
CLEAR_CENTRES = """([ids, clearance]) => {
  const box = document.getElementById("mynetwork").getBoundingClientRect();
  const radius = (id) => sigma.getNodeDisplayData(id).size * sigma.scaleSize(1);
  const emphasis = graphView.emphasised() || {nodes: [], edges: []};
  const inside = (id) => emphasis.nodes.includes(id);
  const lines = graph.edges().filter((pair) => inside(graph.source(pair)) &&
    inside(graph.target(pair))).map((pair) => graph.extremities(pair).map(graphView.point));
  const away = (p, [a, b]) => {
    const [dx, dy] = [b.x - a.x, b.y - a.y];
    const along = ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy || 1);
    const t = Math.max(0, Math.min(1, along));
    return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
  };
  const labelled = (p) => window.drawnLabels.some(({box: b}) =>
    p.x > b.left - 2 && p.x < b.right + 2 && p.y > b.top - 2 && p.y < b.bottom + 2);
  const drawn = graph.nodes().filter((id) => !sigma.getNodeDisplayData(id).hidden);
  const result = [];
  for (const id of ids) {
    const p = graphView.point(id);
    if (!drawn.includes(id) || radius(id) < 3 || labelled(p)) continue;
    const crowded = drawn.some((other) => other !== id &&
      Math.hypot(graphView.point(other).x - p.x, graphView.point(other).y - p.y) <
        radius(other) + clearance);
    if (crowded || (!inside(id) && lines.some((line) => away(p, line) < clearance))) continue;
    const [x, y] = [box.left + p.x, box.top + p.y];
    if (x < 1 || y < 1 || x > innerWidth - 2 || y > innerHeight - 2) continue;
    result.push([id, x, y, sigma.getNodeDisplayData(id).color]);
  }
  return result;
}"""


def test_a_real_click_on_an_actor_opens_its_panel_and_veils_the_rest(visit, seed_pages):
    page = visit(seed_pages["webgl"]).page
    # The emphasis is a veil and an overlay: sigma never re-processes its items for it.
    page.evaluate(
        "() => { window.processed = 0; sigma.on('beforeProcess', () => window.processed++); }"
    )
    point = page.evaluate(NODE_POINT, "russia")
    page.mouse.click(point["x"], point["y"])
    assert page.inner_text("#details-title") == load_dataset().actors["russia"].name
    page.mouse.move(0, 0)  # no tooltip over the pixels read below
    page.wait_for_selector(".graph-tooltip", state="hidden")
    shown = page.evaluate("graphView.emphasised()")
    assert "russia" in shown["nodes"]
    paper = page.evaluate("getComputedStyle(document.querySelector('.sigma-veil')).backgroundColor")
    paper = "#" + "".join(f"{int(n):02x}" for n in re.findall(r"\d+", paper)[:3])
    # Veiled: an actor outside the neighbourhood is drawn at 22% of its colour
    # on the paper; the neighbours and the selected actor in their own colours.
    outside = [n for n in page.evaluate("graph.nodes()") if n not in shown["nodes"]]
    clear = page.evaluate(CLEAR_CENTRES, [outside, 6])
    assert len(clear) >= 3
    for _, x, y, colour in clear:
        assert near(screen_pixel(page, x, y), mixed(colour, paper)), (colour, x, y)
    inside = page.evaluate(CLEAR_CENTRES, [shown["nodes"], 3])
    assert "russia" in {id for id, *_ in inside} and len(inside) >= 3
    for _, x, y, colour in inside:
        assert near(screen_pixel(page, x, y), mixed(colour, paper, 1)), (colour, x, y)
    # The emphasised lines are on the overlay, the others are not.
    on_overlay = """(pair) => {
      const [a, b] = [graph.source(pair), graph.target(pair)].map((id) => graphView.point(id));
      const ctx = sigma.canvasContexts.emphasis;
      const [x, y] = [a.x + b.x, a.y + b.y].map((v) => Math.round((v / 2) * devicePixelRatio));
      return ctx.getImageData(x, y, 1, 1).data[3] > 0;
    }"""
    russia_pairs = page.evaluate(
        "() => graph.edges('russia').filter((pair) => !sigma.getEdgeDisplayData(pair).hidden)"
    )
    assert russia_pairs and all(page.evaluate(on_overlay, p) for p in russia_pairs)
    assert page.evaluate("window.processed") == 0
    # Labels over the veil: only emphasised actors, never overlapping.
    labels = page.evaluate(LABELS)
    assert labels and {label for label, _ in labels} <= set(shown["nodes"])
    assert labels[0][0] == "russia"  # the selected actor's label first
    assert overlapping(labels) == []
    # Cleared: no veil, nothing on the overlay, still nothing re-processed.
    page.evaluate("graphView.clear()")
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.sigma-veil')).display") == "none"
    )
    assert not any(page.evaluate(on_overlay, p) for p in russia_pairs)
    again = page.evaluate(CLEAR_CENTRES, [outside, 6])
    assert len(again) >= 3
    for _, x, y, colour in again:
        assert near(screen_pixel(page, x, y), mixed(colour, paper, 1)), (colour, x, y)
    assert page.evaluate("window.processed") == 0


def test_a_click_on_a_line_lists_every_relation_between_the_two(visit, seed_pages):
    seed = load_dataset()
    between = Counter(frozenset((r.source, r.target)) for r in seed.relations)
    pair_ends = max(sorted(between, key=sorted), key=lambda ends: between[ends])
    page = visit(seed_pages["webgl"]).page
    first = next(
        f"r{n}"
        for n, r in enumerate(seed.relations)
        if frozenset((r.source, r.target)) == pair_ends
    )
    ids = page.evaluate("(id) => graphView.pairOf(id)", first)
    assert len(ids) == between[pair_ends] > 1
    key = page.evaluate("([a, b]) => graph.edge(a, b)", sorted(pair_ends))
    point = page.evaluate(PAIR_POINT, key)
    assert point is not None
    page.mouse.click(point["x"], point["y"])
    listed = page.evaluate(
        "() => [...document.querySelectorAll('#details-body li[data-edge]')].map("
        "(li) => li.dataset.edge)"
    )
    assert sorted(listed) == sorted(ids)
    assert page.evaluate("graphView.emphasised().edges") == sorted(ids)
    # The line's width grows with the count; a mixed pair has a colour of its own.
    lone = sorted(next(ends for ends in sorted(between, key=sorted) if between[ends] == 1))
    width = "([a, b]) => sigma.getEdgeDisplayData(graph.edge(a, b)).size"
    assert page.evaluate(width, sorted(pair_ends)) > page.evaluate(width, lone)


# Labels whose box covers their own actor's centre: [] when every label is beside its actor.
OVER_THEIR_ACTOR = """() => window.drawnLabels.filter(({id, box}) => {
  const at = graphView.point(id);
  return at && at.x > box.left && at.x < box.right && at.y > box.top && at.y < box.bottom;
}).map(({id}) => id)"""
REDRAWN = "() => new Promise((done) => { sigma.once('afterRender', done); sigma.refresh(); })"


def test_labels_never_overlap_when_fitted_zoomed_or_filtered(visit, seed_pages):
    page = visit(seed_pages["webgl"]).page
    show_everything(page)  # commentary and affiliations too
    page.wait_for_timeout(400)  # every label is placed 150 ms after the view stops
    page.evaluate(REDRAWN)
    fitted = page.evaluate(LABELS)
    # 29 actors: room for every name, under, beside or above its actor.
    missing = sorted(set(load_dataset().actors) - {label for label, _ in fitted})
    assert missing == []
    assert overlapping(fitted) == []
    assert page.evaluate(OVER_THEIR_ACTOR) == []
    # Not every label fits under its actor on the seed: some are placed elsewhere.
    under = page.evaluate(
        """() => window.drawnLabels.filter(({id, box}) =>
             Math.abs((box.left + box.right) / 2 - graphView.point(id).x) < 1 &&
             box.top > graphView.point(id).y).length"""
    )
    assert 0 < under < len(fitted)
    # With a selection: the emphasised actors only, the selected one first, none overlapping.
    page.evaluate("graphView.select('russia')")
    selected = page.evaluate(LABELS)
    assert selected[0][0] == "russia" and overlapping(selected) == []
    assert {label for label, _ in selected} <= set(page.evaluate("graphView.emphasised().nodes"))
    page.evaluate("graphView.clear()")
    for button in ["zoom in"] * 2 + ["zoom out"] * 6:
        page.get_by_role("button", name=button).click()
        page.wait_for_timeout(400)
        page.evaluate(REDRAWN)
        assert overlapping(page.evaluate(LABELS)) == []
        assert page.evaluate(OVER_THEIR_ACTOR) == []
    smaller = page.evaluate(LABELS)
    assert len(smaller) < len(fitted)
    page.locator('#legend-kinds input[data-name="person"]').uncheck()
    page.evaluate(REDRAWN)
    people = {a.id for a in load_dataset().actors.values() if a.kind == "person"}
    assert not people & {label for label, _ in page.evaluate(LABELS)}


def test_the_keyboard_pans_zooms_walks_and_opens(visit, seed_pages):
    page = visit(seed_pages["webgl"]).page
    show_everything(page)  # commentary and affiliations too
    page.focus("#mynetwork")
    state = "() => sigma.getCamera().getState()"
    before = page.evaluate(state)
    page.keyboard.press("ArrowLeft")  # a fifth of the view (controls.js, through renderer.pan)
    page.wait_for_function("(x) => sigma.getCamera().getState().x < x", arg=before["x"])
    page.keyboard.press("Minus")
    page.wait_for_function("(r) => sigma.getCamera().getState().ratio > r", arg=before["ratio"])
    page.keyboard.press("Tab")  # marks the most important actor; Enter opens it
    seed = load_dataset()
    assert f"(1 of {len(seed.actors)})" in page.inner_text("#status")
    assert page.evaluate("graphView.selected()") is None
    page.keyboard.press("Enter")
    assert page.locator("#details").is_visible()
    opened = page.evaluate("graphView.selected()")
    assert page.inner_text("#status").startswith(seed.actors[opened].name)
    page.keyboard.press("Escape")
    assert page.evaluate("graphView.selected()") is None


def test_no_serious_or_critical_accessibility_violation_on_webgl(visit, seed_pages):
    page = visit(seed_pages["webgl"]).page
    page.evaluate("graphView.select('russia')")
    bad = serious_accessibility_violations(page)
    assert bad == [], bad


def test_a_corpus_above_the_threshold_is_drawn_whole_with_webgl(visit, corpus_page):
    page_file, dataset = corpus_page
    seen = visit(page_file)
    page = seen.page
    assert seen.problems() == []
    assert page.evaluate("graphView.renderer") == "webgl"
    pairs = {frozenset((r.source, r.target)) for r in dataset.relations}
    assert page.evaluate(ACTORS_DRAWN) == len(dataset.actors)
    assert page.evaluate("graph.size") == len(pairs)
    # At the fitted view: at least the 30 most important labelled, none overlapping.
    labels = page.evaluate(LABELS)
    assert len(labels) >= 30
    assert overlapping(labels) == []
    # The busiest actor's panel counts every one of its relations by type and
    # lists each type's first five; "Show all" lists every one.
    counts = Counter(end for r in dataset.relations for end in {r.source, r.target})
    hub = max(sorted(counts), key=lambda actor: counts[actor])
    page.evaluate("(id) => graphView.select(id)", hub)
    page.wait_for_function("() => document.getElementById('details').dataset.complete === 'true'")
    by_type = Counter(r.type for r in dataset.relations if hub in (r.source, r.target))
    headings = page.locator("#details-body h3").all_inner_texts()
    assert headings == [
        f"{name} ({dataset.types[name].sign_name}) · {by_type[name]}" for name in sorted(by_type)
    ]
    listed = page.locator("#details-body li[data-edge]").count()
    assert listed == sum(min(5, n) for n in by_type.values()) < counts[hub]
    page.get_by_role("button", name=f"Show all {counts[hub]:,} relations").click()
    page.wait_for_function("() => document.getElementById('details').dataset.complete === 'true'")
    assert page.locator("#details-body li[data-edge]").count() == counts[hub]
    assert page.locator("#details-body .show-all").count() == 0
    selected = page.evaluate(LABELS)
    assert selected[0][0] == hub and overlapping(selected) == []


# Counts the frames sigma draws once the renderer hands it to the page (the
# frame drawn while sigma is made comes before).
COUNT_FRAMES = """
window.framesDrawn = 0;
let made;
Object.defineProperty(window, "sigma", {configurable: true, get: () => made, set(value) {
  made = value;
  value.on("afterRender", () => window.framesDrawn++);
}});
"""
FRAME_SHOWN = "() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 300)))"


def test_a_large_page_is_drawn_once_as_it_loads(browser_context, corpus_page):
    # Each whole frame costs seconds on a large page (SwiftShader draws on the
    # CPU): the actors are sized for the first view before sigma draws it, and
    # the first report of the graph's size brings no re-fit.
    page_file, _ = corpus_page
    page = browser_context.new_page()
    try:
        page.add_init_script(COUNT_FRAMES)
        page.goto(page_file.resolve().as_uri())
        page.wait_for_function("() => window.graphStable === true")
        page.evaluate(FRAME_SHOWN)
        assert page.evaluate("window.framesDrawn") == 0
        assert page.evaluate("window.graphRefits") is None
        sizes = page.evaluate(
            """() => {
              const ratio = Math.max(sigma.getGraphToViewportRatio(), 0.3);
              const block = JSON.parse(document.getElementById("graph-data").textContent);
              const size = (id) => graph.getNodeAttribute(id, "size");
              return block.nodes.map((node) => [size(node.id), node.size * ratio]);
            }"""
        )
        assert all(drawn == pytest.approx(wanted, rel=1e-6) for drawn, wanted in sizes)
        assert len(page.evaluate(LABELS)) >= 30  # the first frame's labels
        # Resized, the view is fitted again and drawn.
        page.set_viewport_size({"width": 1000, "height": 700})
        page.wait_for_function("() => window.graphRefits === 1")
        assert page.evaluate("window.framesDrawn") >= 1
    finally:
        page.close()


def test_a_cut_vis_page_lists_finds_and_explains_what_it_left_out(visit, tmp_path):
    dataset = synthetic(600, 1_200)
    page_file = tmp_path / "cut.html"
    page_file.write_text(render_html(dataset, max_actors=200, renderer="vis"), encoding="utf-8")
    seen = visit(page_file)
    page = seen.page
    drawn = set(page.evaluate("nodes.getIds()"))
    left_out = sorted(set(dataset.actors) - drawn)
    assert len(left_out) == 400
    # Search finds an actor that is not drawn; its panel says so and lists every relation.
    actor = dataset.actors[left_out[0]]
    assert page.evaluate("(name) => graphView.find(name)", actor.name) == actor.id
    page.fill("#search", actor.name)
    page.press("#search", "Enter")
    assert page.inner_text("#details-title") == actor.name
    assert "Not drawn" in page.inner_text("#details-body")
    page.wait_for_function("() => document.getElementById('details').dataset.complete === 'true'")
    mine = [r for r in dataset.relations if actor.id in (r.source, r.target)]
    assert page.locator("#details-body li[data-edge]").count() == len(mine)
    # The heading lists every actor left out, each opening its panel.
    page.locator(".offstage summary").click()
    page.locator(".offstage li").nth(399).wait_for()  # built when opened (the toggle event)
    assert page.locator(".offstage li").count() == 400
    assert seen.problems() == []


def test_communities_collapse_into_clusters_that_open_on_click(visit, corpus_page):
    page_file, dataset = corpus_page
    page = visit(page_file).page
    page.get_by_role("button", name="Clusters").click()
    collapsed = page.evaluate("graphClusters.collapsed()")
    assert len(collapsed) >= 5
    # A cluster that sigma finds under its own centre (none drawn over it).
    first = page.evaluate(
        """(numbers) => numbers.find((n) => {
             const at = graphView.point("cluster\u0000" + n);
             return sigma.getNodeAtPosition(at) === "cluster\u0000" + n;
           })""",
        collapsed,
    )
    assert first is not None
    members = page.evaluate("(n) => graphClusters.members(n)", first)
    hidden = "(ids) => ids.filter((id) => sigma.getNodeDisplayData(id).hidden).length"
    assert page.evaluate(hidden, members) == len(members)
    # The summed lines carry every relation between a cluster and the rest.
    inside = set(members)
    crossing = sum(1 for r in dataset.relations if (r.source in inside) != (r.target in inside))
    summed = page.evaluate(
        """(n) => graph.edges().filter((e) => e.startsWith("sum\\u0000") &&
             (graph.source(e) === "cluster\\u0000" + n || graph.target(e) === "cluster\\u0000" + n))
             .reduce((total, e) => total + graph.getEdgeAttribute(e, "sum"), 0)""",
        first,
    )
    assert summed == crossing
    point = page.evaluate(NODE_POINT, f"cluster\u0000{first}")
    page.mouse.click(point["x"], point["y"])
    page.wait_for_function("(n) => !graphClusters.collapsed().includes(n)", arg=first)
    assert page.evaluate(hidden, members) == 0
    assert overlapping(page.evaluate(LABELS)) == []
    page.get_by_role("button", name="Clusters").click()  # open all
    assert page.evaluate("graphClusters.collapsed()") == []


def test_merge_pairs_on_a_vis_page_draws_one_line_per_pair(visit, tmp_path):
    from .helpers import write_page

    seed = load_dataset()
    page = visit(write_page(tmp_path, "--merge-pairs")).page
    assert page.evaluate("graphView.renderer") == "vis"
    between = Counter(frozenset((r.source, r.target)) for r in seed.relations)
    assert page.evaluate("edges.length") == len(between)
    ends = max(sorted(between, key=sorted), key=lambda pair: between[pair])
    ids = [f"r{n}" for n, r in enumerate(seed.relations) if frozenset((r.source, r.target)) == ends]
    assert page.evaluate("(id) => graphView.pairOf(id)", ids[0]) == ids
    # Only hostile: a line stays while one of its relations is shown.
    page.locator("#legend-signs li", has_text="hostile").get_by_role("button").click()
    hostile = {
        frozenset((r.source, r.target)) for r in seed.relations if seed.types[r.type].sign < 0
    }
    assert page.evaluate("edges.get({filter: (e) => !e.hidden}).length") == len(hostile)


def test_hostile_text_on_a_webgl_page_stays_text(visit, tmp_path):
    hostile_folder = Path(__file__).parents[1] / "data" / "hostile"
    hostile = load_dataset(hostile_folder)
    page_file = tmp_path / "hostile.html"
    page_file.write_text(render_html(hostile, renderer="webgl"), encoding="utf-8")
    seen = visit(page_file)
    page = seen.page
    for actor in hostile.actors.values():
        page.evaluate("(id) => graphView.select(id)", actor.id)
        assert page.inner_text("#details-title") == actor.name
        point = page.evaluate(NODE_POINT, actor.id)
        page.mouse.move(point["x"], point["y"])
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert seen.problems() == []


def test_the_png_is_twice_the_screen_on_webgl(visit, seed_pages):
    import base64

    page = visit(seed_pages["webgl"]).page
    with page.expect_download() as waiting:
        page.get_by_role("button", name="Download PNG").click()
    content = Path(waiting.value.path()).read_bytes()
    assert content[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(content[16:20], "big")
    assert width == 2 * page.evaluate("document.getElementById('mynetwork').clientWidth")
    assert page.evaluate("devicePixelRatio") == 1  # the screen's own again
    assert base64.b64encode(content)
