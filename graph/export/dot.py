"""``dot``: a Graphviz digraph for print figures, coloured by actor kind and relation sign.

Nodes are filled with the page's colour for their kind (and a matching
shape); edges are green (cooperative), red (hostile) or grey and dashed
(neutral), labelled with the relation type, with the evidence as tooltip
(shown by SVG output). A symmetric relation is drawn with arrows at both
ends (``dir="both"``, else ``"forward"``). The relation's weight is the
edge's ``penwidth`` (Graphviz's line width in points, 1 by default as a
weight is), so stronger relations are drawn thicker; Graphviz's own
``weight`` is a layout hint that dot takes only as an integer, so it would
round the weight. Every other field travels as an extra attribute
(:data:`NODE_FIELDS`, :data:`EDGE_FIELDS`), which Graphviz keeps and
ignores. Every node and every edge has the same attributes, a missing value
written ``""`` (Graphviz's "not set").

Every string is quoted and escaped: backslashes and double quotes, line
breaks (as ``\\n``), and ``&``, which Graphviz would otherwise read as the
start of an HTML entity. Render with ``dot -Tpng graph.dot -o graph.png``.

>>> quote('say "hi" \\\\ & <b>')
'"say \\\\"hi\\\\" \\\\\\\\ &amp; <b>"'
"""

from __future__ import annotations

from ..model import SIGN_NAMES
from ..render.style import SIGN_STYLES, kind_styles
from ..tables import dataset_tables, join_list

__all__ = ["EDGE_FIELDS", "NODE_FIELDS", "quote", "render"]

# The dataset's fields each node and edge carries besides the drawing attributes.
NODE_FIELDS = ["kind", "aliases", "description", "dataset"]
EDGE_FIELDS = [
    "type",
    "sign",
    "evidence",
    "document",
    "date",
    "dataset",
    "role",
    "hedged",
    "evidence_state",
    "locator",
]

# The page's shapes, in Graphviz's names.
_SHAPES = {
    "dot": "ellipse",
    "square": "box",
    "diamond": "diamond",
    "triangle": "triangle",
    "hexagon": "hexagon",
    "star": "star",
    "triangleDown": "invtriangle",
}


def quote(text) -> str:
    """Return ``text`` as a quoted DOT string that Graphviz shows exactly."""
    text = str(text)
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")
    text = text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")
    return f'"{text}"'


def _attributes(pairs: dict) -> str:
    return ", ".join(
        f"{key}={quote('' if value is None else value)}" for key, value in pairs.items()
    )


def render(dataset, folder=None) -> str:
    """Return the DOT text of the whole dataset."""
    tables = dataset_tables(dataset)
    kinds = [*(dataset.kinds or {}), *(actor.kind for actor in dataset.actors.values())]
    styles = kind_styles(kinds)
    lines = [
        "digraph actors {",
        '  graph [rankdir="LR", overlap="false", splines="true", fontname="Helvetica"];',
        '  node [style="filled", fontname="Helvetica", fontsize="11"];',
        '  edge [fontname="Helvetica", fontsize="9"];',
    ]
    for row in tables["actors"]:
        style = styles[row["kind"]]
        attributes = {
            "label": row["name"],
            "tooltip": row["description"],
            "fillcolor": style["color"],
            "shape": _SHAPES.get(style["shape"], "ellipse"),
            "kind": row["kind"],
            "aliases": join_list(row["aliases"]),
            "description": row["description"],
            "dataset": row["dataset"],
        }
        lines.append(f"  {quote(row['id'])} [{_attributes(attributes)}];")
    for row in tables["relations"]:
        sign = SIGN_STYLES[SIGN_NAMES[row["sign"]]]
        attributes = {
            "label": row["type"],
            "tooltip": row["evidence"],
            "color": sign["color"],
            "fontcolor": sign["color"],
            "style": "dashed" if sign["dashes"] else "solid",
            "dir": "both" if row["symmetric"] else "forward",
            "penwidth": repr(row["weight"]),
            "type": row["type"],
            "sign": row["sign"],
            "evidence": row["evidence"],
            "document": row["document"],
            "date": row["date"],
            "dataset": row["dataset"],
            "role": row["role"],
            "hedged": "true" if row["hedged"] else "false",
            "evidence_state": row["evidence_state"],
            "locator": row["locator"],
        }
        lines.append(f"  {quote(row['src'])} -> {quote(row['dst'])} [{_attributes(attributes)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
