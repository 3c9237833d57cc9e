"""What the browser tests share: writing a page, its accessibility check, moving a real mouse."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from graph.cli.main import cli


def write_page(folder: Path, *args: str) -> Path:
    """Run ``graph html`` as a user would; return the page it wrote."""
    page = folder / "graph.html"
    result = CliRunner().invoke(cli, ["html", "-o", str(page), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return page


def serious_accessibility_violations(page) -> list:
    """Return axe-core's serious and critical violations on ``page``: (rule, impact, 3 targets)."""
    from axe_playwright_python.sync_playwright import Axe

    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in Axe().run(page).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


# Where on the page a node's centre is, whichever renderer draws it.
NODE_POINT = """(id) => {
  const box = document.getElementById("mynetwork").getBoundingClientRect();
  const dom = graphView.point(id);
  return {x: box.left + dom.x, y: box.top + dom.y};
}"""

# A point on the edge where vis-network would show this edge's tooltip and no
# other: no node there, and no other edge (the checks vis-network's popup makes).
EDGE_POINT = """(id) => {
  const box = document.getElementById("mynetwork").getBoundingClientRect();
  const body = network.body;
  const edge = body.edges[id];
  const steps = [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8, 0.15, 0.85];
  for (const t of steps) {
    const at = edge.edgeType.getPoint(t);
    const probe = {left: at.x, top: at.y, right: at.x, bottom: at.y};
    const onNodes = body.nodeIndices.filter((n) => body.nodes[n].isOverlappingWith(probe));
    const onEdges = body.edgeIndices.filter(
      (e) => body.edges[e].connected && body.edges[e].isOverlappingWith(probe));
    if (onNodes.length === 0 && onEdges.length === 1 && onEdges[0] === id) {
      const dom = network.canvasToDOM(at);
      return {x: box.left + dom.x, y: box.top + dom.y};
    }
  }
  return null;
}"""

# A point of the canvas with neither node nor edge, scanning from the top left.
EMPTY_POINT = """() => {
  const box = document.getElementById("mynetwork").getBoundingClientRect();
  for (let y = 5; y < box.height; y += 15) {
    for (let x = 5; x < box.width; x += 15) {
      if (network.getNodeAt({x, y}) === undefined && network.getEdgeAt({x, y}) === undefined) {
        return {x: box.left + x, y: box.top + y};
      }
    }
  }
  return null;
}"""


def hover(page, point) -> str:
    """Move the mouse onto empty canvas, then onto ``point``; return the tooltip's text."""
    tooltip = page.locator("div.vis-tooltip")
    empty = page.evaluate(EMPTY_POINT)
    page.mouse.move(empty["x"], empty["y"])
    if tooltip.count():
        tooltip.wait_for(state="hidden")
    page.mouse.move(point["x"] - 3, point["y"] - 3)
    page.mouse.move(point["x"], point["y"], steps=3)
    tooltip.wait_for(state="visible", timeout=5_000)
    return tooltip.inner_text()


def hover_node(page, node_id: str) -> str:
    """Hover the node ``node_id`` with the mouse; return its tooltip's text."""
    return hover(page, page.evaluate(NODE_POINT, node_id))


def hover_edge(page, edge_id: str) -> str:
    """Hover the edge ``edge_id`` with the mouse; return its tooltip's text."""
    point = page.evaluate(EDGE_POINT, edge_id)
    assert point is not None, f"no point on edge {edge_id} is free of nodes and other edges"
    return hover(page, point)


# The view: its scale, the canvas's size and every node's box (shape and label)
# in the canvas's own pixels, as vis-network measured them when it last drew.
VIEW = """() => {
  const box = document.getElementById("mynetwork").getBoundingClientRect();
  const boxes = {};
  for (const id of nodes.getIds({filter: (n) => !n.hidden})) {
    const b = network.getBoundingBox(id);
    const topLeft = network.canvasToDOM({x: b.left, y: b.top});
    const bottomRight = network.canvasToDOM({x: b.right, y: b.bottom});
    boxes[id] = {left: topLeft.x, top: topLeft.y, right: bottomRight.x, bottom: bottomRight.y};
  }
  return {scale: network.getScale(), width: box.width, height: box.height, boxes};
}"""


def outside_the_canvas(view: dict) -> dict:
    """The nodes whose shape or label is not wholly on the canvas, with their boxes."""
    return {
        node: box
        for node, box in view["boxes"].items()
        if box["left"] < 0
        or box["top"] < 0
        or box["right"] > view["width"]
        or box["bottom"] > view["height"]
    }


# The seed's page opens with commentary and affiliations hidden: this shows them.
SHOW_ROLES = "#show-roles"


def show_everything(page) -> None:
    """Tick "Commentary and affiliations" and fit the view: every actor and relation drawn."""
    page.check(SHOW_ROLES)
    page.click("#fit")
    # The fit moves for 200 ms: wait until two polls find the same zoom.
    page.wait_for_function(
        """() => {
          const same = window.lastScale === graphView.scale();
          window.lastScale = graphView.scale();
          return same;
        }""",
        polling=100,
    )


def hidden_at_first(dataset) -> dict:
    """What a page of ``dataset`` hides when it opens (as ``graphView.hidden()``).

    Commentary and affiliations, and the actors with no other relation.
    """
    aside = [dataset.types[r.type].role != "action" for r in dataset.relations]
    ends = {}
    for relation, off in zip(dataset.relations, aside):
        for end in {relation.source, relation.target}:
            ends.setdefault(end, []).append(off)
    return {
        "nodes": sorted(actor for actor, offs in ends.items() if all(offs)),
        "edges": sorted(f"r{n}" for n, off in enumerate(aside) if off),
    }


def off_centre(view: dict) -> tuple[float, float]:
    """How far the middle of all the nodes' boxes is from the canvas's middle, in pixels."""
    boxes = view["boxes"].values()
    middle_x = (min(b["left"] for b in boxes) + max(b["right"] for b in boxes)) / 2
    middle_y = (min(b["top"] for b in boxes) + max(b["bottom"] for b in boxes)) / 2
    return middle_x - view["width"] / 2, middle_y - view["height"] / 2
