"""What the page draws, as JSON-ready data: nodes, edges, legend, vis-network options.

Everything the page shows from the dataset travels in this one structure; the
page's script turns it into ``vis.DataSet`` objects and builds every text it
shows with ``textContent``. Lists are sorted (nodes by id, edges in file
order, search entries by text) so the same dataset gives the same bytes.

Each relation is one edge whose id is ``r`` plus its position in
``dataset.relations``. A relation of a symmetric type is one edge with arrows
at both ends; parallel relations between the same two actors are drawn as
curves bending apart, so each can be hovered on its own.
"""

from __future__ import annotations

import copy
import math
import unicodedata
from collections import Counter, defaultdict

from ..display import shown_path
from ..model import Dataset, every_description
from .limits import PHYSICS_SIZE, live_physics
from .style import (
    CAMP_COLORS,
    FRUSTRATED_COLOR,
    KIND_COLORS,
    LEANING_STYLE,
    MIXED_COLOR,
    PATH_COLOR,
    UNVERIFIED_BAND,
    edge_width,
    kind_styles,
    node_size,
    sign_style,
    type_family,
)

__all__ = [
    "COLOR_BY",
    "LABEL_LENGTH",
    "PHYSICS_LIMIT",
    "group_legend",
    "label_scales",
    "page_data",
    "page_number",
    "relation_columns",
    "short_label",
]

# Above this size (actors + relations) the page gets positions computed in
# Python and no live physics: see graph.render.limits, the table of thresholds.
PHYSICS_LIMIT = PHYSICS_SIZE

COLOR_BY = ("kind", "camp", "community")

# Labels the page draws itself on graphs without physics: screen pixels per
# character and per row (13 px text), how far a big node pushes its label
# down (graph units), and the zoom from which every label is drawn.
LABEL_CHAR_WIDTH, LABEL_ROW, LARGEST_LABEL_DROP, MAX_LABEL_SCALE = 7.5, 18.0, 30.0, 8.0

# No text is drawn on the canvas smaller than this, in screen pixels: labels
# of vis-network's own (edge types, actors on small pages) are hidden below it.
READABLE_PX = 11

# Longer names are cut to this many characters plus "…" in the label drawn
# under a node (the full name stays in the node's ``name``, its tooltip and
# the search): a name thousands of characters long would otherwise be drawn
# as wide, and fitting it into the view would shrink the graph to a speck.
LABEL_LENGTH = 50


def page_data(
    dataset: Dataset,
    scores: dict[str, dict],
    size_by: str,
    title: str,
    dataset_name: str,
    focus: dict | None = None,
    path: dict | None = None,
    physics_limit: int = PHYSICS_LIMIT,
    color_by: str = "kind",
    groups: dict | None = None,
    omitted: dict | None = None,
    renderer: str = "vis",
    whole: Dataset | None = None,
    kept: list[int] | None = None,
) -> dict:
    """Return the page's data: meta, kinds, types, groups, nodes, edges, search, dates, options.

    ``scores`` maps actor ids to ``{"score", "rank"}`` of the ``size_by``
    measure; ``focus`` is ``{"id", "name", "depth"}`` of an ego network;
    ``path`` is ``{"source", "target", "count", "relations"}`` where
    ``relations`` holds the positions of the relations on a shortest path.
    ``color_by`` is "kind", "camp" or "community"; then ``groups`` holds
    ``{"of": {actor id: group number}, "names": [...], "frustrated": {positions}}``,
    and for camps ``"standing"``: ``{actor id: {"standing", "margin"}}``, which
    each placed actor's node carries (a leaning one with a dashed border).
    ``omitted`` says how many actors and relations were left out for size.
    ``renderer`` is "vis" or "webgl" (the WebGL page gets lighter items: no
    vis-network styles, no label zooms; it places labels itself).
    ``whole`` is the dataset before the cut, ``kept`` the positions in it of
    the relations of ``dataset`` (None: all): what was not drawn goes to
    ``offstage`` (the panel and the search still show it), and a relation's
    id is ``r`` plus its position in ``whole``.
    """
    webgl = renderer == "webgl"
    physics = not webgl and live_physics(len(dataset.actors), len(dataset.relations), physics_limit)
    on_path = set(path["relations"]) if path else set()
    nodes = _nodes(dataset, scores, focus, on_path, color_by, groups, webgl=webgl)
    if not physics:
        from .layout import positions

        clusters = {}
        placed = positions(dataset, clusters=clusters)
        for node in nodes:
            node["x"], node["y"] = placed[node["id"]]
            if webgl and node["id"] in clusters:
                node["cluster"] = clusters[node["id"]]
        if not webgl:
            for node, scale in zip(nodes, label_scales(nodes)):
                # vis-network draws no label (it would scale with the zoom); the page does.
                node.update(labelScale=scale, font={"size": 0})
    frustrated = (groups or {}).get("frustrated", set())
    meta = {
        "title": title,
        "dataset": dataset_name,
        "documents": [
            {"key": key, "file": shown_path(document.path.name)}
            for key, document in sorted(dataset.documents.items())
        ],
        "actors": len(dataset.actors),
        "relations": len(dataset.relations),
        "sizeBy": size_by,
        "focus": focus,
        "path": {key: value for key, value in path.items() if key != "relations"} if path else None,
        "physics": physics,
        "colorBy": color_by,
        "omitted": omitted,
        "directed": True,
        "renderer": renderer,
    }
    edges = _edges(dataset, on_path, labelled=physics, frustrated=frustrated, webgl=webgl)
    if kept is not None:
        for edge, number in zip(edges, kept):
            edge["id"] = f"r{number}"
    whole = whole if whole is not None else dataset
    return {
        "meta": meta,
        "kinds": _kind_legend(dataset),
        "types": _type_legend(dataset),
        "groups": group_legend(nodes, color_by, groups),
        "nodes": nodes,
        "edges": edges,
        "offstage": _offstage(whole, dataset, scores, kept),
        "search": _search_entries(whole),
        "signs": {
            **{sign: sign_style(sign) for sign in ("cooperative", "hostile", "neutral")},
            "mixed": {"color": MIXED_COLOR, "dashes": False},
        },
        "dates": _date_stops(dataset),
        "options": {} if webgl else _options(physics),
    }


def _marks(dataset: Dataset, relation) -> dict:
    """What a relation says of itself beyond its type: only what differs from the defaults.

    ``role`` (the type's, when not "action"), ``hedged`` (when true),
    ``state`` (the evidence state, when not "verified"), ``locator``, and
    ``url`` (the document's address when it is given as a URL: the page
    links it, never fetches it). The page fills in the defaults (base.js).
    """
    marks = {}
    role = dataset.types[relation.type].role
    if role != "action":
        marks["role"] = role
    if relation.hedged:
        marks["hedged"] = True
    if relation.evidence_state != "verified":
        marks["state"] = relation.evidence_state
    if relation.locator:
        marks["locator"] = relation.locator
    url = dataset.document_urls.get(relation.document) if relation.document else None
    if url:
        marks["url"] = url
    return marks


def _offstage(whole: Dataset, drawn: Dataset, scores: dict, kept: list[int] | None) -> dict:
    """The actors and relations of ``whole`` that are not drawn, as the page's items.

    They are not drawn, but the panel lists them (an actor's every relation
    in the data), the search finds them and the heading lists them.
    """
    if kept is None and len(whole.actors) == len(drawn.actors):
        return {"nodes": [], "edges": []}
    taken = set(kept if kept is not None else range(len(whole.relations)))
    nodes = []
    for actor_id in sorted(set(whole.actors) - set(drawn.actors)):
        actor = whole.actors[actor_id]
        score = scores.get(actor_id, {"score": 0.0, "rank": None})
        nodes.append(
            {
                "id": actor.id,
                "name": actor.name,
                "label": short_label(actor.name),
                "kind": actor.kind,
                "aliases": list(actor.aliases),
                "description": actor.description,
                "score": _number(score["score"]),
                "rank": score["rank"],
            }
        )
    edges = []
    for position, relation in enumerate(whole.relations):
        if position in taken:
            continue
        edges.append(_relation_item(whole, position, relation))
    return {"nodes": nodes, "edges": edges}


def _relation_item(dataset: Dataset, position: int, relation) -> dict:
    """A relation's fields as the page shows them, whole: ``r<position>``, ends, type, quote, marks.

    Offstage relations and vis-network edges carry these (vis-network's
    styles are added to them); the WebGL page's edges only what differs from
    the defaults (:func:`_plain_edges`).
    """
    relation_type = dataset.types[relation.type]
    return {
        "id": f"r{position}",
        "from": relation.source,
        "to": relation.target,
        "type": relation.type,
        "sign": relation_type.sign_name,
        "symmetric": relation_type.symmetric,
        "evidence": relation.evidence,
        "document": relation.document,
        "date": relation.date,
        "weight": _number(relation.weight),
        **_marks(dataset, relation),
    }


def group_legend(nodes: list[dict], color_by: str, groups: dict | None) -> list[dict]:
    """Camps or communities with their colour and number of actors (none for kinds)."""
    if color_by == "kind" or not groups:
        return []
    counts = Counter(node["colorGroup"] for node in nodes)
    return [
        {
            "group": number,
            "name": name,
            "count": counts[number],
            "color": _group_color(color_by, number),
        }
        for number, name in enumerate(groups["names"])
        if counts[number]
    ]


def _group_color(color_by: str, number: int) -> str:
    if color_by == "camp":
        return CAMP_COLORS[min(number, len(CAMP_COLORS) - 1)]
    return KIND_COLORS[number % len(KIND_COLORS)]


def _date_stops(dataset: Dataset) -> list[dict]:
    """The distinct relation dates, oldest first, each with the last day of its period.

    The page's date slider shows, at a stop, the relations whose period
    starts on or before that day, and every undated one (``--as-of``'s rule).
    """
    from ..dates import period_end, period_start

    dated = {relation.date for relation in dataset.relations if relation.date}
    stops = sorted(dated, key=lambda text: (period_end(text), text))
    return [
        {"date": text, "start": period_start(text).isoformat(), "end": period_end(text).isoformat()}
        for text in stops
    ]


def label_scales(nodes: list[dict]) -> list[float]:
    """The zoom from which each node's label is drawn, so that drawn labels never overlap.

    On pages without physics the page draws labels itself, at a constant
    size on screen (13 px, ``LABEL_CHAR_WIDTH`` px a character), under the
    node. Two labels ``dx, dy`` apart in the graph stop overlapping from the
    zoom ``s`` where ``s * |dx|`` exceeds half their widths or ``s * |dy|``
    (less the largest node's size, which moves a label down) exceeds a
    label's height. Nodes are visited by rank (ties by id); each label gets
    the smallest zoom at which it meets no label drawn before it: the most
    important labels show at the overview, all of them when zoomed in.
    """
    import numpy as np

    order = sorted(
        range(len(nodes)),
        key=lambda n: (nodes[n]["rank"] is None, nodes[n]["rank"] or 0, nodes[n]["id"]),
    )
    xs = np.array([nodes[n]["x"] for n in order])
    ys = np.array([nodes[n]["y"] for n in order])
    widths = np.array([LABEL_CHAR_WIDTH * len(nodes[n]["label"]) + 6.0 for n in order])
    scales = np.zeros(len(order))
    for i in range(1, len(order)):
        dx = np.abs(xs[:i] - xs[i])
        dy = np.maximum(np.abs(ys[:i] - ys[i]) - LARGEST_LABEL_DROP, 0.0)
        with np.errstate(divide="ignore"):
            # A hair above the exact zoom, so boxes that just touch count as apart.
            apart = np.minimum((widths[:i] + widths[i]) / 2 / dx, LABEL_ROW / dy) * 1.0001
        clash = apart[scales[:i] < apart]
        scales[i] = min(float(clash.max()), MAX_LABEL_SCALE) if clash.size else 0.0
    result = [0.0] * len(nodes)
    for place, n in enumerate(order):
        result[n] = math.ceil(float(scales[place]) * 10_000) / 10_000  # rounded up: still apart
    return result


def _vocabulary_kinds(dataset: Dataset) -> list[str]:
    """Kinds in vocabulary order (declared ones first), so colours survive filtering."""
    declared = list(dataset.kinds or ())
    used = sorted({actor.kind for actor in dataset.actors.values()} - set(declared))
    return declared + used


def _nodes(
    dataset: Dataset,
    scores: dict,
    focus: dict | None,
    on_path: set[int],
    color_by: str = "kind",
    groups: dict | None = None,
    webgl: bool = False,
) -> list[dict]:
    styles = kind_styles(_vocabulary_kinds(dataset))
    values = [entry["score"] for entry in scores.values()] or [0.0]
    lowest, highest = min(values), max(values)
    path_actors = {
        actor
        for position in on_path
        for actor in (dataset.relations[position].source, dataset.relations[position].target)
    }
    nodes = []
    for actor_id in sorted(dataset.actors):
        actor = dataset.actors[actor_id]
        score = scores.get(actor_id, {"score": 0.0, "rank": None})
        node = {
            "id": actor.id,
            "label": short_label(actor.name),
            "name": actor.name,
            "kind": actor.kind,
            "aliases": list(actor.aliases),
            "description": every_description(actor),
            "score": _number(score["score"]),
            "rank": score["rank"],
            "size": node_size(score["score"], lowest, highest),
            **styles[actor.kind],
        }
        if groups and color_by != "kind":
            number = groups["of"].get(actor.id, len(groups["names"]) - 1)
            node.update(colorGroup=number, color=_group_color(color_by, number))
            placed = groups.get("standing", {}).get(actor.id)
            if placed:
                node.update(placed)
                if placed["standing"] == "leaning":
                    node.update(copy.deepcopy(LEANING_STYLE))
        if focus and actor.id == focus["id"]:
            node.update(focus=True) if webgl else node.update(borderWidth=5, focus=True)
        if actor.id in path_actors:
            node.update(onPath=True)
            if not webgl:
                node.update(borderWidth=4, shadow={"enabled": True, "color": PATH_COLOR})
        nodes.append(node)
    return nodes


def short_label(text: str, length: int = LABEL_LENGTH) -> str:
    """Return ``text`` cut to ``length`` characters plus "…" if it is longer.

    Characters are counted as a reader sees them: a combining mark, a joiner
    (ZWJ), a variation selector or a skin-tone modifier belongs to the
    character before it, and a flag's two regional indicators are one
    character; a cut never falls inside one (Python strings hold code points,
    so no surrogate pair can be split either). However many marks are stacked
    on one character, at most ``4 * length`` code points are kept.

    >>> short_label("Ruritania")
    'Ruritania'
    >>> short_label("abcdef", length=3)
    'abc…'
    >>> short_label("e\u0301e\u0301e\u0301", length=2)  # é, é, é in decomposed form
    'e\u0301e\u0301…'
    >>> short_label("\U0001f1ec\U0001f1e7\U0001f1eb\U0001f1f7", length=1)  # two flags
    '\U0001f1ec\U0001f1e7…'
    """
    if len(text) <= length:
        return text
    count = 0
    regional = False  # the previous code point opened a flag
    for position, char in enumerate(text):
        if position >= 4 * length:
            return text[:position].rstrip("\u200d") + "…"
        joins = position > 0 and (
            _continues(char) or text[position - 1] == "\u200d" or (regional and _flag(char))
        )
        regional = _flag(char) and not (regional and joins)
        if joins:
            continue
        if count == length:
            return text[:position] + "…"
        count += 1
    return text


def _continues(char: str) -> bool:
    """Whether ``char`` belongs to the character before it (a mark, joiner, modifier...)."""
    return (
        unicodedata.category(char) in ("Mn", "Mc", "Me")
        or char == "\u200d"
        or "\ufe00" <= char <= "\ufe0f"
        or "\U000e0100" <= char <= "\U000e01ef"
        or "\U000e0020" <= char <= "\U000e007f"  # tags, as in the flag of England
        or "\U0001f3fb" <= char <= "\U0001f3ff"
    )


def _flag(char: str) -> bool:
    return "\U0001f1e6" <= char <= "\U0001f1ff"


def _edges(
    dataset: Dataset,
    on_path: set[int],
    labelled: bool,
    frustrated: set[int] = frozenset(),
    webgl: bool = False,
) -> list[dict]:
    """One edge per relation; ``labelled`` writes the type on it (too slow to draw at scale).

    ``webgl`` edges carry the relation only (the WebGL page styles them
    itself, one line per pair of actors), no vis-network options.
    """
    if webgl:
        return _plain_edges(dataset, on_path, frustrated)
    bends = _bends(dataset)
    edges = []
    for position, relation in enumerate(dataset.relations):
        relation_type = dataset.types[relation.type]
        style = sign_style(relation_type.sign_name)
        family = type_family(relation.type, relation_type.sign_name)
        edge = _relation_item(dataset, position, relation)
        edge.update(
            arrows="to, from" if relation_type.symmetric else "to",
            color={"color": style["color"], "highlight": style["color"], "hover": style["color"]},
            dashes=style["dashes"],
            width=edge_width(relation.weight, family),
        )
        _mark_style(edge)
        if labelled:
            edge["label"] = relation.type
        if position in frustrated:
            edge.update(
                frustrated=True,
                shadow={"enabled": True, "color": FRUSTRATED_COLOR, "size": 10, "x": 0, "y": 0},
            )
        if position in bends:
            edge["smooth"] = bends[position]
        if position in on_path:
            edge.update(
                onPath=True,
                width=edge["width"] + 4,
                shadow={"enabled": True, "color": PATH_COLOR, "size": 12, "x": 0, "y": 0},
            )
        edges.append(edge)
    return edges


def _mark_style(edge: dict) -> None:
    """vis-network's marks of a hedged or unverified relation, told apart without colour.

    The line style already tells the sign, so these marks are of their own
    kind: a hedged relation carries a small circle at its middle; one not
    verified (located or asserted) a translucent grey band along it, wider than
    the line.
    """
    if edge.get("hedged"):
        edge["arrows"] += ", middle"  # a circle: see _options
    if edge.get("state"):
        edge["background"] = {
            "enabled": True,
            "color": UNVERIFIED_BAND,
            "size": edge["width"] + 8,
        }
        # vis-network draws the band on curves only: a curve of no roundness is straight.
        edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0}


def _plain_edges(dataset: Dataset, on_path: set[int], frustrated: set[int]) -> list[dict]:
    """The WebGL page's edges: only what differs from the defaults, to keep large pages small.

    ``sign`` and ``symmetric`` come from the type's legend entry, a missing
    ``date`` or ``document`` is null and a missing ``weight`` 1: the page
    fills them in (``base.js``), so every module sees whole items.
    """
    edges = []
    for position, relation in enumerate(dataset.relations):
        edge = {
            "id": f"r{position}",
            "from": relation.source,
            "to": relation.target,
            "type": relation.type,
            "evidence": relation.evidence,
            **_marks(dataset, relation),
        }
        if relation.date:
            edge["date"] = relation.date
        if relation.document:
            edge["document"] = relation.document
        if relation.weight != 1:
            edge["weight"] = _number(relation.weight)
        if position in frustrated:
            edge["frustrated"] = True
        if position in on_path:
            edge["onPath"] = True
        edges.append(edge)
    return edges


# What relation_columns encodes of an edge in columns; anything else an edge
# carries goes, as it is, to the "extra" list.
_COLUMN_FIELDS = frozenset(
    {"id", "from", "to", "type", "sign", "symmetric", "evidence", "date", "document"}
    | {"weight", "role", "hedged", "state", "frustrated", "onPath"}
)


def relation_columns(
    edges: list[dict], actor_ids: list[str], types: list[dict]
) -> tuple[dict, list]:
    """Encode the page's edges as columns of numbers, and their quotes apart.

    A large page holds hundreds of thousands of relations: as one JSON object
    each, their field names and repeated values made most of the file and of
    the time the browser spent reading it. Here each field is a column of
    small whole numbers, one a relation (base.js turns them back into the
    same items):

    * ``ends``: ``from`` and ``to`` of each relation in turn, as positions in
      ``actor_ids``; ``type``: positions in ``types`` (the type legend, which
      gives ``sign``, ``symmetric`` and ``role``);
    * ``date``, ``document``, ``state``: 0 for none (``state``: verified), else
      1 + a position in the column's own ``values`` (sorted);
    * ``ids``: the relations' positions (``r<N>``), or null when they are
      ``0, 1, 2, ...``;
    * ``weight``: ``at`` (positions in this list) and ``value``, where the
      weight is not 1; ``hedged``, ``frustrated``, ``onPath``: the positions
      where they are true;
    * ``extra``: ``[position, {field: value}]`` for whatever else an edge
      carries (a locator, a document URL, a sign or role that differs from
      its type's), so nothing is lost.

    The quotes are returned apart, one a relation in order, for a block the
    page reads only when it first shows one. The same edges give the same
    columns.

    >>> columns, quotes = relation_columns(
    ...     [{"id": "r0", "from": "b", "to": "a", "type": "t", "evidence": "q", "date": "2025"}],
    ...     ["a", "b"],
    ...     [{"name": "t", "sign": "hostile", "symmetric": False, "role": "action"}],
    ... )
    >>> columns["ends"], columns["type"], columns["date"], quotes
    ([1, 0], [0], {'values': ['2025'], 'index': [1]}, ['q'])
    """
    actor_at = {actor_id: number for number, actor_id in enumerate(actor_ids)}
    type_at = {entry["name"]: number for number, entry in enumerate(types)}
    ids = [int(edge["id"][1:]) for edge in edges]
    ends, type_column, quotes, extra = [], [], [], []
    weights, flags = {"at": [], "value": []}, {"hedged": [], "frustrated": [], "onPath": []}
    for number, edge in enumerate(edges):
        ends += (actor_at[edge["from"]], actor_at[edge["to"]])
        legend = types[type_at[edge["type"]]]
        type_column.append(type_at[edge["type"]])
        quotes.append(edge.get("evidence"))
        if edge.get("weight", 1) != 1:
            weights["at"].append(number)
            weights["value"].append(edge["weight"])
        for flag, positions in flags.items():
            if edge.get(flag):
                positions.append(number)
        others = {key: value for key, value in edge.items() if key not in _COLUMN_FIELDS}
        for key in ("sign", "symmetric"):
            if key in edge and edge[key] != legend[key]:
                others[key] = edge[key]
        if edge.get("role", "action") != legend["role"]:
            others["role"] = edge.get("role", "action")
        for flag in flags:
            if flag in edge and edge[flag] is not True and edge[flag] is not False:
                others[flag] = edge[flag]
        if others:
            extra.append([number, dict(sorted(others.items()))])
    columns = {
        "count": len(edges),
        "ids": None if ids == list(range(len(edges))) else ids,
        "ends": ends,
        "type": type_column,
        "date": _dictionary([edge.get("date") for edge in edges]),
        "document": _dictionary([edge.get("document") for edge in edges]),
        "state": _dictionary(
            [
                None if edge.get("state", "verified") == "verified" else edge["state"]
                for edge in edges
            ]
        ),
        "weight": weights,
        **flags,
        "extra": extra,
    }
    return columns, quotes


def _unverified(edge: dict) -> str | None:
    state = edge.get("state", "verified")
    return None if state == "verified" else state


def _dictionary(values: list) -> dict:
    """``{"values": sorted distinct values, "index": 0 for None, else 1 + position}``."""
    distinct = sorted({value for value in values if value is not None})
    at = {value: number for number, value in enumerate(distinct, start=1)}
    return {"values": distinct, "index": [0 if value is None else at[value] for value in values]}


def _bends(dataset: Dataset) -> dict[int, dict]:
    """Curves for parallel relations: alternate sides, bending further for each pair."""
    between = defaultdict(list)
    for position, relation in enumerate(dataset.relations):
        between[frozenset((relation.source, relation.target))].append(position)
    bends = {}
    for positions in between.values():
        if len(positions) < 2:
            continue
        for order, position in enumerate(positions):
            relation = dataset.relations[position]
            clockwise = (order % 2 == 0) == (relation.source < relation.target)
            bends[position] = {
                "enabled": True,
                "type": "curvedCW" if clockwise else "curvedCCW",
                "roundness": round(0.25 * (order // 2 + 1), 2),
            }
    return bends


def _kind_legend(dataset: Dataset) -> list[dict]:
    styles = kind_styles(_vocabulary_kinds(dataset))
    counts = Counter(actor.kind for actor in dataset.actors.values())
    descriptions = {name: every_description(kind) for name, kind in (dataset.kinds or {}).items()}
    return [
        {"name": kind, "count": counts[kind], "description": descriptions.get(kind), **styles[kind]}
        for kind in styles
        if counts[kind]
    ]


def _type_legend(dataset: Dataset) -> list[dict]:
    counts = Counter(relation.type for relation in dataset.relations)
    legend = []
    for name, relation_type in dataset.types.items():
        if counts[name]:
            style = sign_style(relation_type.sign_name)
            legend.append(
                {
                    "name": name,
                    "count": counts[name],
                    "sign": relation_type.sign_name,
                    "symmetric": relation_type.symmetric,
                    "family": type_family(name, relation_type.sign_name),
                    "role": relation_type.role,
                    "description": every_description(relation_type),
                    **style,
                }
            )
    return legend


def _search_entries(dataset: Dataset) -> list[list[str]]:
    """``[text, actor id]`` for every name and alias, sorted by text."""
    entries = {
        (text, actor.id)
        for actor in dataset.actors.values()
        for text in (actor.name, *actor.aliases)
    }
    return [list(entry) for entry in sorted(entries, key=lambda e: (e[0].casefold(), e))]


def _options(physics: bool) -> dict:
    """vis-network options: live physics for small graphs, fixed positions for large ones."""
    options = {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": physics},
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": not physics,
            "multiselect": False,
        },
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 14, "color": "#222222", "strokeWidth": 3, "strokeColor": "#ffffff"},
            # vis-network draws a label from 13 px on screen (fading it in up to
            # 14 px, its drawThreshold); smaller, the page draws them at 13 px.
            "scaling": {"label": {"drawThreshold": 14}},
        },
        "edges": {
            "smooth": False,
            "arrows": {
                "to": {"scaleFactor": 0.5},
                "from": {"scaleFactor": 0.5},
                # only hedged relations enable it ("to, middle"): see _mark_style
                "middle": {"type": "circle", "scaleFactor": 0.6},
            },
            # A type's label shows from READABLE_PX + 1 on screen (vis-network
            # fades it in over the pixel below its drawThreshold): zoomed out,
            # the line's style and width tell the type's family.
            "scaling": {"label": {"drawThreshold": READABLE_PX + 2}},
            "font": {
                "size": 11,
                "color": "#555555",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "middle",
            },
            "selectionWidth": 2,
            "hoverWidth": 1.5,
        },
    }
    if physics:
        options["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -80,
                "springLength": 120,
                "springConstant": 0.06,
                "avoidOverlap": 0.5,
            },
            "stabilization": {"enabled": True, "iterations": 600, "updateInterval": 25},
        }
    else:
        options["physics"] = {"enabled": False}
    return options


def _number(value) -> float:
    """A JSON-native number (numpy floats and the like are not)."""
    return round(float(value), 6)


page_number = _number
