"""The page in a real browser: offline, error-free, complete, explained on hover, safe."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from graph import load_dataset
from graph.render.data import LABEL_LENGTH

from .conftest import ARTIFACTS
from .helpers import (
    EMPTY_POINT,
    NODE_POINT,
    VIEW,
    hover_edge,
    hover_node,
    off_centre,
    outside_the_canvas,
    show_everything,
    write_page,
)

pytestmark = pytest.mark.browser

HOSTILE = Path(__file__).parents[1] / "data" / "hostile"
# The actors and relations drawn in colour over the veil (null: nothing veiled).
EMPHASISED = "() => graphView.emphasised()"
# 2,009 characters, hostile ones among them, and no space to break at.
VERY_LONG_NAME = ("<b>Very-long-name</b>&amp;" * 80)[:2009]


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory) -> Path:
    return write_page(tmp_path_factory.mktemp("hostile"), "--data", str(HOSTILE))


@pytest.fixture(scope="module")
def hostile_plus(tmp_path_factory) -> Path:
    """``tests/data/hostile`` and an actor named by 2,009 characters, of kind and type __proto__."""
    import shutil

    folder = tmp_path_factory.mktemp("hostile-plus") / "hostile-plus"
    shutil.copytree(HOSTILE, folder)
    actors = yaml.safe_load((folder / "actors.yaml").read_text("utf-8"))
    actors["kinds"]["__proto__"] = {"description": "a kind named like Object.prototype"}
    actors["actors"].append({"id": "very-long", "name": VERY_LONG_NAME, "kind": "__proto__"})
    relations = yaml.safe_load((folder / "relations.yaml").read_text("utf-8"))
    relations["types"]["__proto__"] = {"sign": 1}
    relations["relations"].append(
        {"source": "very-long", "type": "__proto__", "target": "svg", "evidence": "a proto quote"}
    )
    for name, content in (("actors.yaml", actors), ("relations.yaml", relations)):
        text = yaml.safe_dump(content, allow_unicode=True, sort_keys=False)
        (folder / name).write_text(text, encoding="utf-8")
    with (folder / "article.txt").open("a", encoding="utf-8") as article:
        article.write("And a proto quote.\n")
    return folder


@pytest.fixture(scope="module")
def hostile_plus_page(tmp_path_factory, hostile_plus) -> Path:
    return write_page(tmp_path_factory.mktemp("hostile-plus-page"), "--data", str(hostile_plus))


def test_seed_page_is_offline_complete_and_error_free(visit, seed_page):
    seed = load_dataset()
    seen = visit(seed_page)
    page = seen.page
    show_everything(page)  # commentary and affiliations too
    counts = page.evaluate("[nodes.length, edges.length, network.body.nodeIndices.length]")
    assert counts == [len(seed.actors), len(seed.relations), len(seed.actors)]
    assert page.evaluate("network.physics.options.enabled") is False  # frozen once stable
    assert page.inner_text("#subtitle").startswith("Dataset: embedded seed dataset")
    assert "ukraine-reassurance-force.txt" in page.inner_text("#sources")
    ARTIFACTS.mkdir(exist_ok=True)
    # The README's picture: the most important actor's evidence open in the panel.
    page.evaluate("graphView.select(nodes.get().find((n) => n.rank === 1).id)")
    page.wait_for_timeout(200)
    page.screenshot(path=str(ARTIFACTS / "seed-graph.png"))
    page.evaluate("graphView.clear()")
    assert seen.requests == [seed_page.resolve().as_uri()]
    assert seen.problems() == []


def test_hovering_an_edge_shows_its_type_and_quote(visit, seed_page):
    seed = load_dataset()
    position, relation = next(
        (i, r)
        for i, r in enumerate(seed.relations)
        if (r.source, r.target) == ("us", "peace-talks")
    )
    page = visit(seed_page).page
    text = hover_edge(page, f"r{position}")
    assert relation.evidence in text
    assert relation.type in text
    assert "United States → US-led peace talks" in text


def test_hovering_a_node_shows_name_kind_description_and_aliases(visit, seed_page):
    uk = load_dataset().actors["uk"]
    page = visit(seed_page).page
    text = hover_node(page, "uk")
    for expected in (uk.name, f"kind: {uk.kind}", uk.description, ", ".join(uk.aliases)):
        assert expected in text


def test_search_by_alias_focuses_the_actor_and_dims_the_rest(visit, seed_page):
    page = visit(seed_page).page
    page.fill("#search", "downing street")
    page.press("#search", "Enter")
    assert page.evaluate("network.getSelectedNodes()") == ["uk"]
    neighbours = set(page.evaluate("network.getConnectedNodes('uk')"))
    shown = page.evaluate(EMPHASISED)
    assert set(shown["nodes"]) == neighbours | {"uk"}
    touching = {
        f"r{i}" for i, r in enumerate(load_dataset().relations) if "uk" in (r.source, r.target)
    }
    assert set(shown["edges"]) == touching


def test_a_failed_search_clears_the_previous_highlight(visit, seed_page):
    """Dimmed nodes left from the last search would read as this search's answer."""
    page = visit(seed_page).page
    page.fill("#search", "downing street")
    page.press("#search", "Enter")
    assert page.evaluate(EMPHASISED) is not None
    page.fill("#search", "Atlantis")
    page.press("#search", "Enter")
    assert page.inner_text("#status") == "No actor matches “Atlantis”."
    assert page.evaluate(EMPHASISED) is None
    assert page.evaluate("network.getSelectedNodes()") == []
    assert page.locator("#details").is_hidden()


def test_clicking_a_node_highlights_its_neighbourhood_and_empty_space_resets(visit, seed_page):
    page = visit(seed_page).page
    show_everything(page)  # commentary and affiliations too
    point = page.evaluate(NODE_POINT, "russia")
    page.mouse.click(point["x"], point["y"])
    near = set(page.evaluate("network.getConnectedNodes('russia')")) | {"russia"}
    assert set(page.evaluate(EMPHASISED)["nodes"]) == near
    empty = page.evaluate(EMPTY_POINT)
    page.mouse.click(empty["x"], empty["y"])
    assert page.evaluate(EMPHASISED) is None


def test_kind_and_type_checkboxes_hide_nodes_and_edges(visit, seed_page):
    seed = load_dataset()
    page = visit(seed_page).page
    show_everything(page)  # commentary and affiliations too
    page.locator('#legend-kinds input[data-name="person"]').uncheck()
    people = {a.id for a in seed.actors.values() if a.kind == "person"}
    hidden = set(page.evaluate("nodes.get({filter: n => n.hidden}).map(n => n.id)"))
    assert hidden == people
    # A type the seed uses, whatever its vocabulary.
    chosen = seed.relations[0].type
    page.locator(f'#legend-types input[data-name="{chosen}"]').uncheck()
    hidden_edges = set(page.evaluate("edges.get({filter: e => e.hidden}).map(e => e.id)"))
    expected = {
        f"r{i}"
        for i, r in enumerate(seed.relations)
        if r.type == chosen or r.source in people or r.target in people
    }
    assert hidden_edges == expected


def test_hostile_text_runs_no_script_and_is_shown_literally(visit, hostile_page):
    hostile = load_dataset(HOSTILE)
    seen = visit(hostile_page)
    page = seen.page
    for actor in hostile.actors.values():
        text = hover_node(page, actor.id)
        assert actor.name in text and actor.kind in text
        assert (actor.description or "").replace("\u2028", "\n").split("\n")[0] in text
    for position, relation in enumerate(hostile.relations):
        text = hover_edge(page, f"r{position}")
        assert relation.evidence in text and relation.type in text
    page.fill("#search", "<b>bold</b> &amp; alias")
    page.press("#search", "Enter")
    assert page.evaluate("network.getSelectedNodes()") == ["script-name"]

    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img, iframe, svg, a, b').length") == 0
    assert page.evaluate("document.scripts.length") == 3  # the data, vis-network, the page's own
    kinds = page.locator("#legend-kinds .name").all_inner_texts()
    assert sorted(kinds) == sorted({a.kind for a in hostile.actors.values()})
    types = page.locator("#legend-types .name").all_inner_texts()
    assert sorted(types) == sorted(hostile.types)
    options = page.evaluate(
        "[...document.querySelectorAll('#actor-names option')].map(o => o.value)"
    )
    assert "</script><script>window.__pwned=1</script>" in options
    assert '<b>doc</b> & "key"' in page.inner_text("#sources")
    assert seen.requests == [hostile_page.resolve().as_uri()]
    assert seen.problems() == []


def test_a_large_graph_arrives_laid_out_without_physics(visit, tmp_path):
    from graph.render import render_html

    from ..test_html import synthetic_dataset

    dataset = synthetic_dataset(actors=800, relations=1600)
    page_file = tmp_path / "large.html"
    page_file.write_text(render_html(dataset), encoding="utf-8")
    seen = visit(page_file)
    page = seen.page
    assert page.evaluate("[nodes.length, edges.length]") == [800, 1600]
    assert page.evaluate("network.physics.options.enabled") is False
    first = min(dataset.actors)
    assert page.evaluate(f"nodes.get('{first}').x") is not None
    assert outside_the_canvas(page.evaluate(VIEW)) == {}
    assert seen.problems() == []


def test_even_a_markup_bug_could_not_run_inline_handlers(visit, tmp_path, monkeypatch):
    """Defence in depth: the CSP allows only our scripts, by hash, and no inline handler."""
    from graph.render import html

    assets = html._assets()
    buggy = assets["page.js"].replace("made.textContent = ", "made.innerHTML = ")
    assert buggy != assets["page.js"]
    monkeypatch.setitem(assets, "page.js", buggy)
    page_file = tmp_path / "buggy.html"
    page_file.write_text(html.render_html(load_dataset(HOSTILE)), encoding="utf-8")
    seen = visit(page_file)
    hover_node(seen.page, "img-name")
    assert seen.page.evaluate("typeof window.__pwned") == "undefined"
    assert seen.console_errors  # the browser reports the handlers it refused
    assert all("Content Security Policy" in error for error in seen.console_errors)


def test_the_first_view_frames_every_node_and_label_centred(visit, seed_page):
    """The view is fitted once labels are measured: nothing cut off, nothing off-centre."""
    view = visit(seed_page).page.evaluate(VIEW)
    assert outside_the_canvas(view) == {}
    dx, dy = off_centre(view)
    assert abs(dx) < 3 and abs(dy) < 3, (dx, dy)
    assert view["scale"] > 0.5


def test_a_long_name_is_cut_in_the_drawing_but_whole_in_tooltip_and_search(visit, tmp_path):
    import dataclasses

    from graph.render import render_html

    seed = load_dataset()
    name = "The United Kingdom of Great Britain and Northern Ireland, " * 2 + "also known as UK"
    assert len(name) > 120
    uk = dataclasses.replace(seed.actors["uk"], name=name)
    page_file = tmp_path / "long.html"
    page_file.write_text(
        render_html(dataclasses.replace(seed, actors={**seed.actors, "uk": uk})), encoding="utf-8"
    )
    seen = visit(page_file)
    page = seen.page
    view = page.evaluate(VIEW)
    assert outside_the_canvas(view) == {}
    assert view["scale"] > 0.5
    dx, dy = off_centre(view)
    assert abs(dx) < 3 and abs(dy) < 3, (dx, dy)
    assert page.evaluate("nodes.get('uk').label") == name[:LABEL_LENGTH] + "…"
    assert page.evaluate("nodes.get('uk').name") == name
    assert name in hover_node(page, "uk")
    page.fill("#search", name)
    page.press("#search", "Enter")
    assert page.evaluate("network.getSelectedNodes()") == ["uk"]
    assert seen.problems() == []


def test_a_2009_character_name_leaves_every_node_and_edge_reachable(
    visit, hostile_plus, hostile_plus_page
):
    dataset = load_dataset(hostile_plus)
    assert len(dataset.actors["very-long"].name) == 2009
    seen = visit(hostile_plus_page)
    page = seen.page
    view = page.evaluate(VIEW)
    assert outside_the_canvas(view) == {}
    assert view["scale"] > 0.3
    for actor in dataset.actors.values():
        assert actor.name in hover_node(page, actor.id)
    for position, relation in enumerate(dataset.relations):
        text = hover_edge(page, f"r{position}")
        assert relation.evidence in text and relation.type in text
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert seen.problems() == []


def test_a_kind_and_a_type_named_proto_can_be_hidden(visit, hostile_plus, hostile_plus_page):
    """The legend's filters hold names as keys: "__proto__" must be a name like any other."""
    dataset = load_dataset(hostile_plus)
    page = visit(hostile_plus_page).page
    hidden_nodes = "nodes.get({filter: (n) => n.hidden}).map((n) => n.id)"
    hidden_edges = "edges.get({filter: (e) => e.hidden}).map((e) => e.id)"
    proto_edges = {f"r{i}" for i, r in enumerate(dataset.relations) if r.type == "__proto__"}
    assert proto_edges
    page.locator('#legend-types input[data-name="__proto__"]').uncheck()
    assert set(page.evaluate(hidden_edges)) == proto_edges
    assert page.evaluate(hidden_nodes) == []
    page.locator('#legend-types input[data-name="__proto__"]').check()
    assert page.evaluate(hidden_edges) == []
    page.locator('#legend-kinds input[data-name="__proto__"]').uncheck()
    assert page.evaluate(hidden_nodes) == ["very-long"]
    touching = {
        f"r{i}" for i, r in enumerate(dataset.relations) if "very-long" in (r.source, r.target)
    }
    assert set(page.evaluate(hidden_edges)) == touching
    page.locator('#legend-kinds input[data-name="__proto__"]').check()
    assert page.evaluate(hidden_nodes) == []
