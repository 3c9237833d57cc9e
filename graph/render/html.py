"""The interactive page: one self-contained HTML file that works offline.

pyvis builds the page: its ``Network`` holds the nodes, edges and vis-network
options (:mod:`.network`), and ``Network.generate_html`` renders them. The
template is ours (``page.html``, with ``page.css`` and the script modules of
``page/``, joined in the order of :data:`PAGE_SCRIPT`), handed to
pyvis in a Jinja environment that escapes by default, and vis-network 9.1.2 is
inlined from the copy bundled in pyvis. pyvis's own template is not used: it
fetches Bootstrap and tom-select from CDNs, pastes names into the page without
escaping, and turns tooltips into HTML when a title holds "href".

Safety model: dataset text reaches the page only inside one
``<script type="application/json">`` block, with ``<``, ``>``, ``&``, U+2028
and U+2029 written as ``\\u`` escapes, so no text can close the block. The
page's script shows every text with ``textContent`` (never ``innerHTML``), and
a Content-Security-Policy forbids loading anything from anywhere.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..display import encodable, shown_path
from ..model import Dataset
from ..problems import QueryError
from .data import COLOR_BY, PHYSICS_LIMIT, page_data

if TYPE_CHECKING:
    import jinja2

__all__ = [
    "PAGE_SCRIPT",
    "ego_network",
    "page_modules",
    "page_script",
    "prepare_page",
    "render_html",
    "render_page",
    "script_json",
]

TEMPLATE = "page.html"
#: The page script's modules (in ``graph/render/page/``), joined in this order
#: into the one script the page inlines: no bundler, no build step. They share
#: one function scope (``prelude.js`` opens it, ``main.js`` starts the page and
#: closes it). Only the renderer draws; a second renderer would be a file giving
#: the same ``renderer`` object (docs/page.md, "Renderer interface") in its place.
PAGE_SCRIPT = (
    "prelude.js",
    "base.js",
    "heading.js",
    "tooltips.js",
    "state.js",
    "renderer-vis.js",
    "panel.js",
    "filters.js",
    "switches.js",
    "slider.js",
    "search.js",
    "paths.js",
    "explore.js",
    "controls.js",
    "downloads.js",
    "main.js",
)
VIS_NETWORK = "templates/lib/vis-9.1.2"  # inside the pyvis package
#: The renderer module that takes renderer-vis.js's place in PAGE_SCRIPT.
RENDERER_MODULES = {"vis": "renderer-vis.js", "webgl": "renderer-webgl.js"}
#: The WebGL page's libraries (in ``vendor/``, with their licences), in load order.
WEBGL_SCRIPTS = (
    ("graphology-0.26.0.umd.min.js", "graphology-LICENSE.txt"),
    ("sigma-3.0.3.min.js", "sigma-LICENSE.txt"),
)
#: The scripts each renderer inlines before the page's own.
LIBRARIES = {
    "vis": ("vis-network.min.js",),
    "webgl": tuple(name for name, _ in WEBGL_SCRIPTS),
}

_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def render_html(
    dataset: Dataset,
    size_by: str = "degree",
    directed: bool | None = None,
    focus: str | None = None,
    depth: int = 1,
    highlight_path: tuple[str, str] | None = None,
    title: str | None = None,
    physics_limit: int = PHYSICS_LIMIT,
    color_by: str = "kind",
    max_actors: int | None = None,
    renderer: str = "auto",
    merge_pairs: bool = False,
) -> str:
    """Return the whole page for ``dataset`` as a string.

    Parameters
    ----------
    dataset : Dataset
        What to draw, already filtered.
    size_by : str
        Centrality measure that sizes the nodes (one of
        ``graph.queries.centrality.MEASURES``).
    directed : bool or None
        Read ``size_by`` along the arrows (True) or not (False); None, the
        measure's default (see :mod:`graph.queries.direction`).
    focus, depth : str, int
        Draw only the actors within ``depth`` relations of ``focus`` (an id,
        name or alias), either direction, and every relation between them.
    highlight_path : (str, str)
        Draw the shortest paths between these two actors emphasised.
    title : str
        The page's heading; "Actor graph" by default.
    physics_limit : int
        Above this size (actors + relations), positions are computed here and
        the page runs no physics (:mod:`graph.render.limits`).
    color_by : str
        Node colours: "kind" (shapes always show the kind), "camp" (the two
        camps of ``graph camps``, frustrated relations glowing) or
        "community" (``graph communities``, Louvain).
    max_actors : int
        Draw at most this many actors, the most important by ``size_by``
        (default :data:`graph.render.limits.DRAW_ACTORS`, or
        ``WEBGL_ACTORS`` with WebGL); the page says how many were left out
        and lists them, and ``meta["omitted"]`` of :func:`prepare_page`.
    renderer : str
        "vis" (vis-network, through pyvis), "webgl" (sigma.js) or "auto":
        vis-network up to :data:`graph.render.limits.WEBGL_SIZE` actors +
        relations, WebGL above (``meta["renderer"]`` says which).
    merge_pairs : bool
        Draw one line per pair of actors on a vis-network page, its width by
        the number of relations (WebGL pages always do).

    Raises :class:`~graph.problems.QueryError` for unknown actors, a depth
    below 1, or a path asked between an actor and itself.

    Notes
    -----
    The page is pyvis's: a directed ``pyvis.network.Network`` gets every actor
    through ``add_node`` and every relation through ``add_edge``, and its
    ``generate_html`` renders our template (:func:`.network.build_network`).
    pyvis is imported on the first call, not before. Nothing is written: the
    caller saves the string (``graph html`` with
    :func:`graph.files.write_atomically`).

    It is ``render_page(prepare_page(...))``: a caller that wants to know
    what was drawn (``graph html`` says so when no path links the two
    actors) takes the two steps itself.

    Examples
    --------
    >>> from graph import load_dataset
    >>> page = render_html(load_dataset(), title="Seed")
    >>> page.startswith("<!DOCTYPE html>")
    True
    """
    return render_page(
        prepare_page(
            dataset,
            size_by=size_by,
            directed=directed,
            focus=focus,
            depth=depth,
            highlight_path=highlight_path,
            title=title,
            physics_limit=physics_limit,
            color_by=color_by,
            max_actors=max_actors,
            renderer=renderer,
            merge_pairs=merge_pairs,
        )
    )


def prepare_page(
    dataset: Dataset,
    size_by: str = "degree",
    directed: bool | None = None,
    focus: str | None = None,
    depth: int = 1,
    highlight_path: tuple[str, str] | None = None,
    title: str | None = None,
    physics_limit: int = PHYSICS_LIMIT,
    color_by: str = "kind",
    max_actors: int | None = None,
    renderer: str = "auto",
    merge_pairs: bool = False,
) -> dict:
    """Return what the page draws (see :func:`.data.page_data`); arguments as :func:`render_html`.

    ``["meta"]["path"]`` tells whether a highlighted path was found: its
    ``count`` of shortest paths is 0 when none links the two actors.

    >>> from graph import load_dataset
    >>> data = prepare_page(load_dataset(), highlight_path=("uk", "russia"))
    >>> data["meta"]["path"]["count"] > 0
    True
    """
    from ..queries.centrality import centrality
    from .limits import RENDERERS, choose_renderer

    if renderer not in RENDERERS:
        raise QueryError(f"renderer must be one of {', '.join(RENDERERS)}, not {renderer!r}")
    focused = None
    if focus is not None:
        actor = dataset.find_actor(focus)
        whole, dataset = dataset, ego_network(dataset, actor.id, depth)
        focused = {"id": actor.id, "name": actor.name, "depth": depth}
        for end in highlight_path or ():
            outside = whole.find_actor(end)
            if outside.id not in dataset.actors:
                raise QueryError(
                    f"{outside.name} is more than {depth} relation(s) away from {actor.name}: "
                    "raise --depth to highlight a path to it"
                )
    if color_by not in COLOR_BY:
        raise QueryError(f"color_by must be one of {', '.join(COLOR_BY)}, not {color_by!r}")
    if max_actors is not None and (isinstance(max_actors, bool) or max_actors < 1):
        raise QueryError(f"max_actors must be a whole number of at least 1, not {max_actors!r}")
    scores = {}
    if dataset.actors:
        ranking = centrality(dataset, measure=size_by, directed=directed)["results"]
        scores = {row["id"]: {"score": row["score"], "rank": row["rank"]} for row in ranking}
    drawer = choose_renderer(renderer, len(dataset.actors), len(dataset.relations))
    whole = dataset
    dataset, omitted, kept = _most_important(
        dataset, scores, max_actors, highlight_path, focused, drawer
    )
    path = _path(dataset, *highlight_path) if highlight_path else None
    groups = _groups(dataset, color_by)
    data = page_data(
        dataset,
        scores,
        size_by,
        title=title or "Actor graph",
        dataset_name=_dataset_name(dataset),
        focus=focused,
        path=path,
        physics_limit=physics_limit,
        color_by=color_by,
        groups=groups,
        omitted=omitted,
        renderer=drawer,
        whole=whole,
        kept=kept,
    )
    data["meta"]["mergePairs"] = bool(merge_pairs) or drawer == "webgl"
    _add_switches(data, dataset, size_by, color_by, groups, scores, directed)
    return data


# The measures and colourings the viewer switches between (docs/page.md,
# "Colour and size"): the other ones are computed only for pages up to this
# size (actors + relations), where betweenness and camps take milliseconds.
SWITCH_SIZE = PHYSICS_LIMIT
SWITCH_MEASURES = ("degree", "betweenness", "pagerank")


def _add_switches(
    data: dict,
    dataset: Dataset,
    size_by: str,
    color_by: str,
    groups: dict | None,
    scores: dict,
    directed: bool | None,
) -> None:
    """Give the page what its colour and size switches need, in ``data["switches"]``.

    Each node gets ``scores`` (measure -> ``[score, rank, size]``) and
    ``groupOf`` (colouring -> group number); ``switches`` lists the measures
    and colourings offered, with each colouring's legend. Above
    ``SWITCH_SIZE`` only what the page was written with, and degree, is offered.
    """
    from ..queries.centrality import centrality
    from .data import group_legend, page_number
    from .style import node_size

    small = len(dataset.actors) + len(dataset.relations) <= SWITCH_SIZE
    measures = [size_by] + [m for m in SWITCH_MEASURES if m != size_by and (small or m == "degree")]
    colorings = ["kind"] + [c for c in ("camp", "community") if small or c == color_by]
    ranked = {size_by: scores}
    for measure in measures[1:]:
        if dataset.actors:
            rows = centrality(dataset, measure=measure, directed=directed)["results"]
            ranked[measure] = {r["id"]: {"score": r["score"], "rank": r["rank"]} for r in rows}
        else:
            ranked[measure] = {}
    found = {color_by: groups} if groups else {}
    for coloring in colorings[1:]:
        if coloring not in found:
            found[coloring] = _groups(dataset, coloring)
    for measure in measures:
        values = [entry["score"] for entry in ranked[measure].values()] or [0.0]
        lowest, highest = min(values), max(values)
        for node in data["nodes"]:
            entry = ranked[measure].get(node["id"], {"score": 0.0, "rank": None})
            score = page_number(entry["score"])
            size = node_size(entry["score"], lowest, highest)
            node.setdefault("scores", {})[measure] = [score, entry["rank"], size]
    legends = {}
    for coloring in colorings[1:]:
        found_groups = found[coloring]
        last = len(found_groups["names"]) - 1
        for node in data["nodes"]:
            node.setdefault("groupOf", {})[coloring] = found_groups["of"].get(node["id"], last)
            placed = found_groups.get("standing", {}).get(node["id"])
            if placed:
                node.update(placed)
        shown = [{"colorGroup": node["groupOf"][coloring]} for node in data["nodes"]]
        legends[coloring] = group_legend(shown, coloring, found_groups)
    data["switches"] = {"sizes": measures, "colors": colorings, "groups": legends}


def _most_important(
    dataset: Dataset,
    scores: dict,
    max_actors: int | None,
    keep: tuple | None,
    focused,
    renderer: str = "vis",
) -> tuple[Dataset, dict | None, list[int] | None]:
    """Cut a dataset too large to draw to its leading actors (see :mod:`.limits`).

    Actors are ranked by their score (ties by id); the ends of a highlighted
    path and the focus are always kept. If the relations among the kept
    actors are still more than the renderer's cap (``DRAW_RELATIONS``, or
    ``WEBGL_RELATIONS``), those whose better-ranked end ranks highest are
    kept (ties in file order). Returns the cut dataset, what was left out
    (None if nothing) and the positions of the kept relations in ``dataset``
    (None if all are kept).
    """
    from dataclasses import replace

    from .limits import caps

    most_actors, most_relations = caps(renderer)
    limit = most_actors if max_actors is None else max_actors
    if len(dataset.actors) <= limit and len(dataset.relations) <= most_relations:
        return dataset, None, None
    # An actor with only commentary or affiliations has no score: it ranks last.
    unscored = {"score": 0.0}
    order = sorted(
        dataset.actors, key=lambda actor_id: (-scores.get(actor_id, unscored)["score"], actor_id)
    )
    wanted = [dataset.find_actor(end).id for end in keep or ()]
    if focused:
        wanted.append(focused["id"])
    chosen = list(dict.fromkeys(wanted + order))[:limit] if len(dataset.actors) > limit else order
    kept = set(chosen)
    positions = [
        n for n, r in enumerate(dataset.relations) if r.source in kept and r.target in kept
    ]
    if len(positions) > most_relations:
        place = {actor_id: number for number, actor_id in enumerate(chosen)}
        relations = dataset.relations
        best = sorted(
            positions,
            key=lambda n: (min(place[relations[n].source], place[relations[n].target]), n),
        )[:most_relations]
        positions = sorted(best)
    relations = [dataset.relations[n] for n in positions]
    actors = {key: actor for key, actor in dataset.actors.items() if key in kept}
    omitted = {
        "actors": len(dataset.actors) - len(actors),
        "relations": len(dataset.relations) - len(relations),
        "totalActors": len(dataset.actors),
        "totalRelations": len(dataset.relations),
        "maxActors": limit,
    }
    return replace(dataset, actors=actors, relations=relations), omitted, positions


def _groups(dataset: Dataset, color_by: str) -> dict | None:
    """Camps or communities as ``{"of": {id: number}, "names": [...], "frustrated": {...}}``."""
    if color_by == "camp":
        from ..queries.camps import camps

        found = camps(dataset)
        # Members and leaning actors take their camp's colour (a leaning one also a dashed
        # border, see graph.render.style); an undecided one is in no camp.
        of = {a["id"]: a["camp"] - 1 for a in found["actors"] if a["standing"] != "undecided"}
        standing = {
            a["id"]: {"standing": a["standing"], "margin": a["margin"]} for a in found["actors"]
        }
        wrong = {(f["source"], f["type"], f["target"], f["evidence"]) for f in found["frustrated"]}
        frustrated = {
            position
            for position, r in enumerate(dataset.relations)
            if (r.source, r.type, r.target, r.evidence) in wrong
        }
        names = ["camp 1", "camp 2", "in no camp"]
        return {"of": of, "names": names, "frustrated": frustrated, "standing": standing}
    if color_by == "community":
        from ..queries.communities import communities

        result = communities(dataset, runs=1)
        found = result["communities"]
        of = {actor_id: row["community"] - 1 for row in found for actor_id in row["actors"]}
        names = [f"community {row['community']}" for row in found]
        # Actors with only commentary or affiliation are in no community: a group of their own,
        # last (the page puts any actor missing from "of" in the last group).
        if result["not_in_story"]:
            names.append("not in the story")
        return {"of": of, "names": names}
    return None


def ego_network(dataset: Dataset, actor_id: str, depth: int) -> Dataset:
    """Return the actors within ``depth`` relations of ``actor_id`` and all relations among them."""
    from dataclasses import replace

    from ..queries.neighbors import neighbors

    near = {actor_id}
    near |= {row["id"] for row in neighbors(dataset, actor_id, depth=depth)["neighbors"]}
    actors = {key: actor for key, actor in dataset.actors.items() if key in near}
    relations = [r for r in dataset.relations if r.source in near and r.target in near]
    return replace(dataset, actors=actors, relations=relations)


def script_json(data) -> str:
    """Return ``data`` as JSON that is safe inside a ``<script>`` element.

    Lists of objects get one item per line, so pages diff line by line.

    >>> script_json({"name": "</script><b>&"})
    '{\\n"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"\\n}'
    """

    def dumps(value) -> str:
        return json.dumps(
            value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
        )

    parts = []
    for key in sorted(data):
        value = data[key]
        if isinstance(value, list) and value:
            items = ",\n".join(dumps(item) for item in value)
            parts.append(f"{dumps(key)}:[\n{items}\n]")
        else:
            parts.append(f"{dumps(key)}:{dumps(value)}")
    text = "{\n" + ",\n".join(parts) + "\n}"
    # Outside strings JSON has none of these characters, so escaping them all is safe.
    return re.sub("[<>&\u2028\u2029]", lambda match: _SCRIPT_ESCAPES[match.group()], text)


def _path(dataset: Dataset, source: str, target: str) -> dict:
    """The shortest paths between two actors, as the positions of their relations."""
    from ..queries.paths import shortest_paths

    source_actor, target_actor = dataset.find_actor(source), dataset.find_actor(target)
    result = shortest_paths(dataset, source_actor.id, target_actor.id, directed=False)
    # A hop names the relation behind it and, under "also", the others linking
    # the same two actors: all of them are drawn emphasised.
    wanted = {
        (link["source"], link["type"], link["target"], link["evidence"])
        for found in result["paths"]
        for hop in found["hops"]
        for link in (hop, *hop.get("also", ()))
    }
    on_path = {
        position
        for position, relation in enumerate(dataset.relations)
        if (relation.source, relation.type, relation.target, relation.evidence) in wanted
    }
    paths = result["paths"]
    return {
        "source": source_actor.name,
        "target": target_actor.name,
        "sourceId": source_actor.id,
        "targetId": target_actor.id,
        "count": len(paths),
        "hops": len(paths[0]["hops"]) if paths else None,
        "relations": sorted(on_path),
    }


def _dataset_name(dataset: Dataset) -> str:
    """The dataset's folder name, never its absolute path (which would differ per machine).

    A merged graph is named by its datasets' labels: ``data (embedded seed) + second``.
    """
    from ..load import seed_folder

    seed = seed_folder().resolve()
    if dataset.sources:
        return " + ".join(
            shown_path(label) + (" (embedded seed)" if Path(folder).resolve() == seed else "")
            for label, folder in dataset.sources.items()
        )
    if dataset.folder is None:
        return "in-memory dataset"
    if Path(dataset.folder).resolve() == seed:
        return "embedded seed dataset"
    return shown_path(Path(dataset.folder).resolve().name)


def render_page(data: dict) -> str:
    """Return the page for ``data`` (from :func:`prepare_page`).

    A vis-network page is rendered by pyvis (its ``Network`` holds the nodes,
    edges and options); a WebGL page has no vis-network options for pyvis to
    hold, so the same template is rendered directly, with the same
    environment.
    """
    renderer = data["meta"].get("renderer", "vis")
    rest = {key: value for key, value in data.items() if key not in ("nodes", "edges", "options")}
    environment = _environment(rest, renderer)
    if renderer == "webgl":
        from .data import relation_columns

        # The relations as columns of numbers and their quotes apart: a tenth
        # of the bytes to parse before the first frame (docs/page.md).
        relations, quotes = relation_columns(
            data["edges"], [node["id"] for node in data["nodes"]], data["types"]
        )
        template = environment.get_template(TEMPLATE)
        page = template.render(
            nodes=data["nodes"],
            relations=relations,
            quotes={"edges": quotes},
            options=json.dumps({}),
        )
        return encodable(page)
    from .network import build_network

    net = build_network(data["nodes"], data["edges"], data["options"])
    # pyvis renders templateEnv.get_template(path), or `template` in notebook
    # mode: both are ours. (set_template_dir would build an environment
    # without autoescaping.) Never write_html or show: they write the file
    # themselves, not atomically and not as UTF-8.
    net.template_dir = str(Path(__file__).parent)
    net.templateEnv = environment
    net.path = TEMPLATE
    net.template = environment.get_template(TEMPLATE)
    return encodable(net.generate_html())


def _environment(data: dict, renderer: str = "vis") -> jinja2.Environment:
    """Return a Jinja environment for ``page.html``: autoescaping, with the page's own variables.

    pyvis passes the template ``nodes``, ``edges`` and ``options``; the rest
    of the page's ``data`` (meta, legends, search) and the inlined assets are
    the environment's globals. Only the assets, checked by :func:`_assets`,
    and their hashes are marked safe; anything else would be escaped.
    ``renderer`` ("vis" or "webgl") chooses the libraries and the renderer
    module inlined.
    """
    import jinja2
    from markupsafe import Markup

    from .. import __version__

    assets = _assets(renderer)
    libraries = [f"\n{assets[name].strip()}\n" for name in LIBRARIES[renderer]]
    page_js = f"\n{assets['page.js'].strip()}\n"
    # Scripts run only if their hash is listed: no inline event handler (onerror=...)
    # can run, even if a bug ever let markup from the data into the page.
    hashes = " ".join(f"'sha256-{_sha256(text)}'" for text in [*libraries, page_js])
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["script_json"] = lambda value: Markup(script_json(value))
    environment.filters["parse_json"] = json.loads  # pyvis hands the options over as JSON
    environment.globals.update(
        data,
        version=__version__,
        script_hashes=Markup(hashes),
        library_css=Markup(assets.get("vis-network.css", "")),
        page_css=Markup(assets["page.css"]),
        library_js=[Markup(text) for text in libraries],
        page_js=Markup(page_js),
    )
    return environment


def _sha256(text: str) -> str:
    import base64
    import hashlib

    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def page_modules(renderer: str = "vis") -> tuple[str, ...]:
    """The page script's modules for a renderer ("vis" or "webgl"), in their order.

    >>> [name for name in page_modules("webgl") if name.startswith("renderer")]
    ['renderer-webgl.js']
    """
    return tuple(
        RENDERER_MODULES[renderer] if name == "renderer-vis.js" else name for name in PAGE_SCRIPT
    )


def page_script(modules: dict[str, str], renderer: str = "vis") -> str:
    """Join the page script's modules (name: text) in the order of :data:`PAGE_SCRIPT`.

    >>> page_script({name: f"// {name}\\n" for name in PAGE_SCRIPT}).splitlines()[:3]
    ['// prelude.js', '', '// base.js']
    """
    return "\n".join(modules[name].strip("\n") + "\n" for name in page_modules(renderer))


def _assets(renderer: str = "vis") -> dict[str, str]:
    """Our style and script (its modules joined: "page.js"), and the renderer's libraries.

    One dict per renderer, made once (``_assets()`` is ``_assets("vis")``).
    """
    return _renderer_assets(renderer)


@functools.lru_cache(maxsize=2)
def _renderer_assets(renderer: str) -> dict[str, str]:
    """What :func:`_assets` returns, cached by renderer.

    vis-network comes from pyvis's folder; sigma.js and graphology from
    ``vendor/`` (each preceded by its licence, in a comment). Each is
    checked to be safe to inline.
    """
    import importlib.resources
    import importlib.util

    ours = importlib.resources.files(__package__)
    assets = {"page.css": ours.joinpath("page.css").read_text("utf-8")}
    names = page_modules(renderer)
    modules = {name: ours.joinpath("page", name).read_text("utf-8") for name in names}
    for name, text in modules.items():
        if "</script" in text.lower() or "<!--" in text:
            raise RuntimeError(f"page/{name} cannot be inlined: it holds '</script' or '<!--'")
    assets["page.js"] = page_script(modules, renderer)
    checks = [("page.css", "</style"), ("page.js", "</script")]
    if renderer == "webgl":
        vendor = ours.joinpath("vendor")
        for name, licence in WEBGL_SCRIPTS:
            notice = vendor.joinpath(licence).read_text("utf-8").replace("*/", "* /")
            text = vendor.joinpath(name).read_text("utf-8")
            assets[name] = f"/*! {name}\n{notice.strip()}\n*/\n{text}"
            checks.append((name, "</script"))
    else:
        # pyvis's folder, found without importing it (its import pulls in IPython).
        spec = importlib.util.find_spec("pyvis")
        if spec is None or not spec.submodule_search_locations:
            raise RuntimeError("pyvis is not installed; it provides vis-network for the page")
        vis = Path(next(iter(spec.submodule_search_locations))) / VIS_NETWORK
        for name in ("vis-network.css", "vis-network.min.js"):
            assets[name] = (vis / name).read_text("utf-8")
        # The source map is not bundled; dropping the comment spares a DevTools fetch.
        assets["vis-network.min.js"] = re.sub(
            r"\n//# sourceMappingURL=\S*\s*$", "\n", assets["vis-network.min.js"]
        )
        checks += [("vis-network.css", "</style"), ("vis-network.min.js", "</script")]
    for name, closing in checks:
        if closing in assets[name].lower() or "<!--" in assets[name]:
            raise RuntimeError(f"{name} cannot be inlined: it holds {closing!r} or '<!--'")
    return assets
