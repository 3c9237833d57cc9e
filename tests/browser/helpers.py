"""Moving a real mouse over the graph's nodes and edges, found through vis-network's API."""

from __future__ import annotations

# Where on the page a node's centre is: canvas coordinates to the page's pixels.
NODE_POINT = """(id) => {
  const box = document.getElementById("mynetwork").getBoundingClientRect();
  const dom = network.canvasToDOM(network.getPositions([id])[id]);
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
