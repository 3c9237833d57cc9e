"""What a relation says of itself, on the page: role, hedge, evidence state; leaning
actors; colour and size switched in the viewer. Each test runs on both renderers."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import load_dataset
from graph.queries.camps import camps
from graph.render.html import prepare_page

from .helpers import serious_accessibility_violations, write_page

pytestmark = pytest.mark.browser

MARKS = Path(__file__).parents[1] / "data" / "marks"
BOTH = pytest.mark.parametrize("renderer", ["vis", "webgl"])


@pytest.fixture(scope="module")
def marks_pages(tmp_path_factory) -> dict[str, Path]:
    """tests/data/marks drawn by each renderer (forced)."""
    return {
        renderer: write_page(
            tmp_path_factory.mktemp(f"marks-{renderer}"),
            "--data",
            str(MARKS),
            "--renderer",
            renderer,
        )
        for renderer in ("vis", "webgl")
    }


@pytest.fixture(scope="module")
def camp_pages(tmp_path_factory) -> dict[str, Path]:
    """The seed coloured by camp, by each renderer."""
    return {
        renderer: write_page(
            tmp_path_factory.mktemp(f"camps-{renderer}"),
            "--color-by",
            "camp",
            "--renderer",
            renderer,
        )
        for renderer in ("vis", "webgl")
    }


def reopen(visit, path: Path, fragment: str):
    """Open ``path`` with ``fragment`` in its address, as a shared link would; return the Visit."""
    seen = visit(path)
    seen.page.goto(Path(path).resolve().as_uri() + "#" + fragment)
    seen.page.reload()
    seen.page.wait_for_function("() => window.graphStable === true")
    return seen


HIDDEN = "() => graphView.hidden()"
HASH = "() => decodeURIComponent(location.hash)"


def panel_items(page, actor: str) -> dict[str, str]:
    """Open ``actor``'s panel; return its relations' texts by relation id."""
    page.evaluate("(id) => graphView.select(id)", actor)
    page.wait_for_function("() => document.getElementById('details').dataset.complete === 'true'")
    items = page.locator("#details li[data-edge]")
    return {
        items.nth(n).get_attribute("data-edge"): items.nth(n).inner_text()
        for n in range(items.count())
    }


def pair_display(page, a: str, b: str) -> dict:
    """The WebGL line between two actors as sigma draws it: {size, color}."""
    return page.evaluate(
        """([a, b]) => {
          const shown = sigma.getEdgeDisplayData(graph.edge(a, b));
          return {size: shown.size, color: shown.color, hidden: shown.hidden};
        }""",
        [a, b],
    )


@BOTH
def test_commentary_and_affiliations_are_off_by_default_and_toggled(visit, marks_pages, renderer):
    seen = visit(marks_pages[renderer])
    page = seen.page
    # Pat Pundit only assesses and is affiliated: not drawn, nor the think tank.
    assert page.evaluate(HIDDEN) == {"nodes": ["pundit", "tank"], "edges": ["r4", "r5"]}
    assert page.locator("#roles-note").is_visible()
    assert page.locator("#roles-note-text").inner_text() == "2 commentators not drawn:"
    assert page.locator("#roles-count").inner_text() == "0 of 2"
    assert "4 actors of 6" in page.locator("#subtitle").inner_text()
    # The panel of an actor lists every relation, the hidden commentary marked so.
    items = panel_items(page, "north")
    assert sorted(items) == ["r0", "r3", "r4"]
    assert "commentary" in items["r4"]
    assert "Pat Pundit thinks Northland will win" in items["r4"]
    assert "commentary" not in items["r0"]
    page.evaluate("() => graphView.clear()")
    # "show them" turns the toggle on; the address keeps it.
    page.get_by_role("button", name="show them").click()
    assert page.evaluate(HIDDEN) == {"nodes": [], "edges": []}
    assert page.locator("#show-roles").is_checked()
    assert page.locator("#roles-note").is_hidden()
    assert "roles=show" in page.evaluate(HASH)
    again = reopen(visit, marks_pages[renderer], "roles=show")
    assert again.page.evaluate(HIDDEN) == {"nodes": [], "edges": []}
    assert again.page.locator("#show-roles").is_checked()
    # Reset draws them off again.
    page.click("#reset")
    assert page.evaluate(HIDDEN)["nodes"] == ["pundit", "tank"]
    assert seen.problems() == [] and again.problems() == []


@BOTH
def test_hedged_relations_are_marked_and_can_be_left_out(visit, marks_pages, renderer):
    seen = visit(marks_pages[renderer])
    page = seen.page
    if renderer == "vis":
        middle = "(id) => network.body.edges[id].options.arrows.middle"
        assert page.evaluate(middle, "r1")["enabled"] is True
        # The middle mark of every edge that enables it is a circle (the page's options).
        assert page.evaluate("() => network.edgesHandler.options.arrows.middle.type") == "circle"
        assert page.evaluate(middle, "r0")["enabled"] is False
    else:
        # No dashes in WebGL: a pair whose shown relations are all hedged is half as wide.
        plain = pair_display(page, "north", "south")
        hedged = pair_display(page, "south", "east")
        assert hedged["size"] == pytest.approx(max(1, plain["size"] / 2))
    items = panel_items(page, "south")
    assert items["r1"].splitlines()[1] == "hedged"
    assert "hedged" not in items["r0"]
    page.evaluate("() => graphView.clear()")
    page.uncheck("#show-hedged")
    assert page.evaluate(HIDDEN)["edges"] == ["r1", "r3", "r4", "r5"]
    assert "hedged=hide" in page.evaluate(HASH)
    again = reopen(visit, marks_pages[renderer], "hedged=hide")
    assert again.page.evaluate(HIDDEN)["edges"] == ["r1", "r3", "r4", "r5"]
    assert not again.page.locator("#show-hedged").is_checked()
    assert seen.problems() == [] and again.problems() == []


@BOTH
def test_unverified_relations_are_marked_and_filtered_by_state(visit, marks_pages, renderer):
    seen = visit(marks_pages[renderer])
    page = seen.page
    if renderer == "vis":
        band = "(id) => network.body.edges[id].options.background.enabled"
        assert page.evaluate(band, "r2") is True  # located
        assert page.evaluate(band, "r3") is True  # asserted
        assert page.evaluate(band, "r0") is False
    else:
        assert pair_display(page, "east", "west")["color"].endswith("80")  # half-transparent
        assert not pair_display(page, "north", "south")["color"].endswith("80")
    items = panel_items(page, "west")
    assert "located: quote not checked" in items["r2"]
    assert "at: paragraph 4, chars 210-268" in items["r2"]
    assert "asserted: no quote checked" in items["r3"]
    link = page.locator('#details li[data-edge="r2"] a.document-url')
    assert link.get_attribute("href") == "https://example.org/wire/2025-03-12"
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert page.locator('#details li[data-edge="r3"] a').count() == 0
    page.evaluate("() => graphView.clear()")
    # The legend's states: "only verified" leaves the located and asserted ones out.
    states = page.locator("#legend-states li")
    assert [states.nth(n).locator(".count").inner_text() for n in range(3)] == ["2", "1", "1"]
    page.get_by_role("button", name="show only verified").click()
    assert {"r2", "r3"} <= set(page.evaluate(HIDDEN)["edges"])
    assert page.evaluate(HASH).count("hideState=") == 2
    assert seen.problems() == []  # the URL is never fetched


@BOTH
def test_leaning_actors_have_a_style_of_their_own_and_their_margin(visit, camp_pages, renderer):
    found = camps(load_dataset())
    leaning = sorted(a["id"] for a in found["actors"] if a["standing"] == "leaning")
    member = next(a for a in found["actors"] if a["standing"] == "member")
    assert leaning
    seen = visit(camp_pages[renderer])
    page = seen.page
    if renderer == "vis":
        dashes = (
            "(id) => nodes.get(id).shapeProperties && nodes.get(id).shapeProperties.borderDashes"
        )
        assert page.evaluate(dashes, leaning[0]) == [4, 3]
        assert not page.evaluate(dashes, member["id"])
    else:
        ratio = """(id) => sigma.getNodeDisplayData(id).size / graph.getNodeAttribute(id, "size")"""
        assert page.evaluate(ratio, leaning[0]) == pytest.approx(0.7)
        assert page.evaluate(ratio, member["id"]) == pytest.approx(1)
    page.evaluate("(id) => graphView.select(id)", leaning[0])
    standing = page.locator("#details .standing").inner_text()
    margin = next(a["margin"] for a in found["actors"] if a["id"] == leaning[0])
    assert standing.endswith(f"leaning · margin {margin}")
    assert seen.problems() == []


@BOTH
def test_colour_and_size_are_switched_in_the_viewer(visit, seed_pages, renderer):
    seed = load_dataset()
    by_camp = {n["id"]: n for n in prepare_page(seed, color_by="camp")["nodes"]}
    by_betweenness = {n["id"]: n for n in prepare_page(seed, size_by="betweenness")["nodes"]}
    top = min(by_betweenness.values(), key=lambda n: n["rank"] or 99)
    seen = visit(seed_pages[renderer])
    page = seen.page
    assert page.locator("#color-switch").input_value() == "kind"
    page.select_option("#color-switch", "camp")
    page.select_option("#size-switch", "betweenness")
    assert page.evaluate(HASH) == "#color=camp&size=betweenness"
    assert (
        page.locator("#key-line")
        .inner_text()
        .startswith("Size: betweenness centrality. Colour: camp")
    )
    assert page.locator("#groups").is_visible()
    if renderer == "vis":
        colors = page.evaluate("() => Object.fromEntries(nodes.get().map((n) => [n.id, n.color]))")
        sizes = page.evaluate("() => Object.fromEntries(nodes.get().map((n) => [n.id, n.size]))")
        assert sizes == {key: node["size"] for key, node in by_betweenness.items()}
    else:
        colors = page.evaluate(
            "() => Object.fromEntries(graph.mapNodes((id, a) => [id, a.color])"
            ".filter(([id]) => !id.startsWith('cluster')))"
        )
        sizes = page.evaluate(
            "() => Object.fromEntries(graph.mapNodes((id, a) => [id, a.size])"
            ".filter(([id]) => !id.startsWith('cluster')))"
        )
        # Sizes are the page's, times one zoom factor.
        factor = sizes[top["id"]] / top["size"]
        for key, node in by_betweenness.items():
            assert sizes[key] == pytest.approx(node["size"] * factor)
    assert colors == {key: node["color"] for key, node in by_camp.items()}
    page.evaluate("(id) => graphView.select(id)", top["id"])
    assert f"betweenness {top['score']} (rank 1)" in page.locator("#details").inner_text()
    # The address reopens the same switches.
    again = reopen(visit, seed_pages[renderer], "color=camp&size=betweenness").page
    assert again.locator("#color-switch").input_value() == "camp"
    assert again.locator("#size-switch").input_value() == "betweenness"
    assert seen.problems() == []


@BOTH
def test_the_csv_download_carries_role_hedge_and_evidence_state(visit, marks_pages, renderer):
    import csv
    import io

    page = reopen(visit, marks_pages[renderer], "roles=show").page
    rows = list(csv.DictReader(io.StringIO(page.evaluate("() => graphView.relationsCsv()"))))
    data = load_dataset(MARKS)
    assert [
        (row["role"], row["hedged"], row["evidence_state"], row["locator"]) for row in rows
    ] == [
        (
            data.types[r.type].role,
            "true" if r.hedged else "false",
            r.evidence_state,
            r.locator or "",
        )
        for r in data.relations
    ]


@BOTH
def test_axe_finds_no_violation_with_the_marks_shown(visit, marks_pages, renderer):
    page = reopen(visit, marks_pages[renderer], "roles=show&actor=west").page
    page.wait_for_function("() => document.getElementById('details').dataset.complete === 'true'")
    bad = serious_accessibility_violations(page)
    assert bad == [], bad
