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
Kind colours are the hues of Paul Tol's colour-blind-safe "muted" palette,
darkened until each reaches 3:1 contrast (WCAG's rule for graphics) against
the page's canvas, without the hues the signs use, so no actor looks like a
relation's sign.

Within a sign, the type's family sets the width: a leading type
(:data:`LEADING_TYPES`, "who leads") is drawn twice as wide as the other
cooperative ones, with a larger arrow head (vis-network sizes arrows by the
width), and a hostile one a unit wider than the rest, so both stand out
without a click:

>>> [type_family(name, sign) for name, sign in
...  [("leads", "cooperative"), ("backs", "cooperative"), ("opposes", "hostile")]]
['leading', 'cooperative', 'hostile']
>>> [edge_width(1.0, family) for family in ("leading", "hostile", "cooperative")]
[4.0, 3.0, 2.0]
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "CAMP_COLORS",
    "DIMMED",
    "FRUSTRATED_COLOR",
    "KIND_COLORS",
    "KIND_SHAPES",
    "LEADING_TYPES",
    "MIXED_COLOR",
    "PATH_COLOR",
    "SIGN_STYLES",
    "UNVERIFIED_BAND",
    "edge_width",
    "kind_styles",
    "node_size",
    "sign_style",
    "type_family",
]

# Paul Tol's "muted" hues (colour-blind safe), minus its rose and blue, which
# are too near the sign colours, and darkened where needed (sand, cyan, teal,
# olive, pink) so that each is at least 4.6:1 against the canvas (#fcfcfc;
# WCAG asks 3:1 of graphics). Shapes cycle separately so that kinds beyond
# the tenth still differ in colour or shape.
KIND_COLORS = [
    "#332288",
    "#117733",
    "#8a6d00",
    "#2b6f8e",
    "#aa4499",
    "#2b7d70",
    "#5e6b1f",
    "#882255",
    "#6b4226",
    "#c2456e",
]
KIND_SHAPES = ["dot", "square", "diamond", "triangle", "hexagon", "star", "triangleDown"]

SIGN_STYLES = {
    "cooperative": {"color": "#0077bb", "dashes": False},
    "hostile": {"color": "#cc3311", "dashes": [10, 5]},
    "neutral": {"color": "#7a7a7a", "dashes": [2, 5]},
}
# A pair of actors linked by relations of more than one sign, drawn as one edge
# on WebGL pages: a colour of its own, far from the three signs.
MIXED_COLOR = "#996600"
# Colours of `--color-by camp`: the larger camp, the other, actors in no camp.
CAMP_COLORS = ["#332288", "#8a6d00", "#767676"]
FRUSTRATED_COLOR = "#aa4499"  # the glow of a relation that goes against the camps
# An actor leaning to a camp (its side rests on fewer relations than --min-margin): the
# camp's colour with a dashed border, so the difference does not rest on colour alone.
LEANING_STYLE = {"borderWidth": 3, "shapeProperties": {"borderDashes": [4, 3]}}

# The band drawn along a relation whose quote is not verified (vis pages): a
# translucent grey, wider than the line (the legend's swatch is the same).
UNVERIFIED_BAND = "rgba(120, 120, 120, 0.35)"

PATH_COLOR = "#ff8f00"  # the glow around edges and nodes on a highlighted path
DIMMED = "#d9d9d9"  # what the page paints outside a clicked node's neighbourhood

SMALLEST_NODE, LARGEST_NODE = 10, 40

#: Relation types of the "leading" family: drawn twice as wide (with larger
#: arrow heads) as the other cooperative types. Names as vocabularies spell
#: them; a type not listed takes its sign's family.
LEADING_TYPES = frozenset(
    {"leads", "co_leads", "co-leads", "commands", "heads", "chairs", "directs", "spearheads"}
)
#: What each family adds to an edge's width (1 + its weight, at most 5).
FAMILY_WIDTH = {"leading": 2.0, "hostile": 1.0}


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


def type_family(type_name: str, sign_name: str) -> str:
    """Return the type's family: "leading", else its sign ("cooperative", "hostile", "neutral")."""
    if sign_name == "cooperative" and type_name in LEADING_TYPES:
        return "leading"
    return sign_name


def edge_width(weight: float, family: str) -> float:
    """Return an edge's drawn width: 1 + its weight (at most 4), plus its family's extra."""
    return round(1 + min(weight, 4.0) + FAMILY_WIDTH.get(family, 0.0), 2)


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
