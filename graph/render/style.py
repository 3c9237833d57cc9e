"""How the page looks: a colour and shape per actor kind, a colour and dash per relation sign.

Palettes are fixed lists handed out in vocabulary order, so the same dataset
always gets the same colours, also after filtering.

>>> styles = kind_styles(["country", "person"])
>>> styles["country"], styles["person"]
({'color': '#332288', 'shape': 'dot'}, {'color': '#117733', 'shape': 'square'})
>>> sign_style("hostile")
{'color': '#cc3311', 'dashes': [10, 5]}

Sign is told by line style as well as colour (solid cooperative, long dashes
hostile, dots neutral), and the three sign colours stay apart under
deuteranopia and protanopia (:mod:`.vision` checks it; the tests assert it).
Kind colours are Paul Tol's colour-blind-safe "muted" palette without the
hues the signs use, so no actor looks like a relation's sign.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "CAMP_COLORS",
    "DIMMED",
    "FRUSTRATED_COLOR",
    "KIND_COLORS",
    "KIND_SHAPES",
    "PATH_COLOR",
    "SIGN_STYLES",
    "kind_styles",
    "node_size",
    "sign_style",
]

# Paul Tol's "muted" scheme (colour-blind safe), minus its rose and blue, which
# are too near the sign colours; shapes cycle separately so that kinds beyond
# the tenth still differ in colour or shape.
KIND_COLORS = [
    "#332288",
    "#117733",
    "#ddcc77",
    "#88ccee",
    "#aa4499",
    "#44aa99",
    "#999933",
    "#882255",
    "#6b4226",
    "#ee99aa",
]
KIND_SHAPES = ["dot", "square", "diamond", "triangle", "hexagon", "star", "triangleDown"]

SIGN_STYLES = {
    "cooperative": {"color": "#0077bb", "dashes": False},
    "hostile": {"color": "#cc3311", "dashes": [10, 5]},
    "neutral": {"color": "#7a7a7a", "dashes": [2, 5]},
}
# Colours of `--color-by camp`: the larger camp, the other, actors in no camp.
CAMP_COLORS = ["#332288", "#ddcc77", "#bbbbbb"]
FRUSTRATED_COLOR = "#aa4499"  # the glow of a relation that goes against the camps
# An actor leaning to a camp (its side rests on fewer relations than --min-margin): the
# camp's colour with a dashed border, so the difference does not rest on colour alone.
LEANING_STYLE = {"borderWidth": 3, "shapeProperties": {"borderDashes": [4, 3]}}

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
