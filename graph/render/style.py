"""How the page looks: a colour and shape per actor kind, a colour and dash per relation sign.

Palettes are fixed lists handed out in vocabulary order, so the same dataset
always gets the same colours, also after filtering.

>>> styles = kind_styles(["country", "person"])
>>> styles["country"], styles["person"]
({'color': '#4e79a7', 'shape': 'dot'}, {'color': '#f28e2b', 'shape': 'square'})
>>> sign_style("hostile")
{'color': '#c62828', 'dashes': False}
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "DIMMED",
    "KIND_COLORS",
    "KIND_SHAPES",
    "PATH_COLOR",
    "SIGN_STYLES",
    "kind_styles",
    "node_size",
    "sign_style",
]

# Tableau 10: distinct on screen and in print; shapes cycle separately so that
# kinds beyond the tenth still differ in colour or shape.
KIND_COLORS = [
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#b07aa1",
    "#76b7b2",
    "#edc948",
    "#e15759",
    "#9c755f",
    "#ff9da7",
    "#bab0ac",
]
KIND_SHAPES = ["dot", "square", "diamond", "triangle", "hexagon", "star", "triangleDown"]

SIGN_STYLES = {
    "cooperative": {"color": "#2e7d32", "dashes": False},
    "hostile": {"color": "#c62828", "dashes": False},
    "neutral": {"color": "#78909c", "dashes": [6, 5]},
}

PATH_COLOR = "#ff8f00"  # the glow around edges and nodes on a highlighted path
DIMMED = "#d9d9d9"  # what the page paints outside a clicked node's neighbourhood

SMALLEST_NODE, LARGEST_NODE = 10, 40


def kind_styles(kinds: Iterable[str]) -> dict[str, dict]:
    """Return ``{kind: {"color", "shape"}}``, handing out the palettes in the given order."""
    return {
        kind: {
            "color": KIND_COLORS[position % len(KIND_COLORS)],
            "shape": KIND_SHAPES[position % len(KIND_SHAPES)],
        }
        for position, kind in enumerate(dict.fromkeys(kinds))
    }


def sign_style(sign_name: str) -> dict:
    """Return the colour and dash pattern of edges of this sign ('cooperative', ...)."""
    return dict(SIGN_STYLES[sign_name])


def node_size(score: float, lowest: float, highest: float) -> float:
    """Return a node's drawn size: its score placed linearly between the smallest and largest.

    >>> node_size(5, 0, 10)
    25.0
    >>> node_size(3, 3, 3)  # every score equal: all mid-sized
    25.0
    """
    if highest <= lowest:
        return (SMALLEST_NODE + LARGEST_NODE) / 2
    share = (score - lowest) / (highest - lowest)
    return round(SMALLEST_NODE + share * (LARGEST_NODE - SMALLEST_NODE), 2)
