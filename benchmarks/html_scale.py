"""How long `graph html` pages take to render in Python, to stand still and to answer in Chromium.

    .venv/bin/python benchmarks/html_scale.py [--sizes 100,300,500,1000,5000] [--physics auto]
    .venv/bin/python benchmarks/html_scale.py --sizes 2000x8000,8000x8000 --interactions
    .venv/bin/python benchmarks/html_scale.py --cli 2000x20000

A size is N (N actors, 2N relations) or NxM (N actors, M relations).

For each size it builds a synthetic dataset (N actors, 2N relations) with the
shared generator, :mod:`benchmarks.corpus` (groups of 40 actors linked mostly
among themselves, heavy-tailed degrees, seven kinds, a signed type
vocabulary, as news graphs look), renders the page
with :func:`graph.render.render_html`, opens it from a file in headless
Chromium (Debian's, as the browser tests use) and reports:

* ``render_s``: Python time to build the page (centrality, layout, pyvis's
  ``Network`` and its ``generate_html``; the first size also pays for
  importing pyvis);
* ``stable_s``: from navigation until the page sets ``window.graphStable``
  (physics settled and frozen, or, without physics, the first frame drawn);
* ``click_s``: a click on a node until its neighbourhood is highlighted and
  the next frame drawn, a measure of how usable the page is.

With ``--interactions`` it also reports, on the page as a reader uses it:

* ``hub_ms``: a click on the actor with the most relations until the next
  frame is painted (the details panel filled, the rest veiled);
* ``filter_ms``: unticking the most common relation type until the next frame;
* ``search_longest_ms``: the longest task (PerformanceObserver "longtask")
  while a search is typed and Enter pressed, its panel filled and the view
  moved to the actor.

``--cli NxM`` writes the synthetic dataset as YAML and times the whole
``graph html --data`` process (loading, checking, layout, pyvis, writing).

``--physics on`` forces live physics at every size (``off``: never), to see
where live physics stops being practical.

WebGL (issue 23; Chromium draws WebGL through SwiftShader, on the CPU):

    .venv/bin/python benchmarks/html_scale.py --fluid 500x1000,1000x2000,2000x4000
    .venv/bin/python benchmarks/html_scale.py --goals [M] [--shots docs/]

``--fluid`` times one zoom frame (a zoom step until the frame after it is
drawn, median of 9) on vis-network and WebGL pages of each size: where
vis-network's frame passes 50 ms it is no longer fluid, which sets
``graph.render.limits.WEBGL_SIZE``. ``--goals`` measures the WebGL page
against the issue's goals: on M (2,000 / 20,000) and L (20,000 / 200,000)
from :mod:`benchmarks.corpus`, ``interactive_s`` (navigation until the page
is stable: fitted, drawn and answering), ``hub_ms`` (the busiest actor
selected until its panel is full and the frame after it drawn; then until
"Show all" has listed every relation), the file's size, a whole redraw until
it is on screen (sigma's refresh, then the next frame: SwiftShader's raster,
the floor of any click that veils the rest), ``graph html`` on the written L
corpus (wall and CPU seconds), a zoom frame of the page against a bare sigma
page drawing the same positions and lines in the same browser, and, on a
2,000 / 8,000 page at 1280 x 800, the share of the graph's canvas that edges
cover and the labels drawn.
It also prints a zoom frame with the hub selected, and the browser's CPU
time a frame (every Chromium process, SwiftShader's raster included) while
the camera zooms in and out at every animation frame for 3 s, on the page
and on the bare page: the zoom frames stop at sigma's ``afterRender``,
before the raster that costs most of a frame on the CPU.
``--shots FOLDER`` saves the WebGL pages at 30, 2,000 and 20,000 actors.

Load (issue 23): the same pages, written before and after a change, opened in
turn (interleaved, so that a loaded machine weighs on both alike):

    .venv/bin/python benchmarks/html_scale.py --write-goals M,L --keep /tmp/after
    .venv/bin/python benchmarks/html_scale.py --load /tmp/before/L.html,/tmp/after/L.html --rounds 3

``--write-goals`` writes the goals' pages (``M.html``, ``L.html`` and their
bare sigma pages, ``M-bare.html``, ``L-bare.html``) into ``--keep``. ``--load``
reports for each page: ``interactive`` (navigation until the page is stable,
as ``--goals``), ``shown`` (until the frame after it is on screen: the first
frame's raster, SwiftShader's, done), and the CPU seconds that Chromium's
renderer and GPU processes spent meanwhile, which a loaded machine changes
less than the wall times; then the least wall time and the median CPU of each.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import corpus
from graph.model import Dataset
from graph.render import render_html
from graph.render.data import PHYSICS_LIMIT

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-sync",
    "--enable-unsafe-swiftshader",  # WebGL through SwiftShader
    "--use-angle=swiftshader",
]


def synthetic(actors: int, relations: int, seed: int = 1) -> Dataset:
    """A reproducible corpus from the shared generator (:mod:`benchmarks.corpus`), in memory."""
    return corpus.dataset((actors, relations), seed=seed)


# The page's click handler runs synchronously; then wait for the next painted frame.
CLICK = """(id) => new Promise((done) => {
  const at = network.canvasToDOM(network.getPositions([id])[id]);
  const started = performance.now();
  network.body.emitter.emit("click", {nodes: [id], edges: [], pointer: {DOM: at}});
  requestAnimationFrame(() => setTimeout(() => done((performance.now() - started) / 1000)));
})"""


HUB_CLICK = """(id) => new Promise((done) => {
  const at = network.canvasToDOM(network.getPositions([id])[id]);
  const started = performance.now();
  network.body.emitter.emit("click", {nodes: [id], edges: [], pointer: {DOM: at}});
  requestAnimationFrame(() => setTimeout(() => done(performance.now() - started)));
})"""

FILTER = """(name) => new Promise((done) => {
  const boxes = [...document.querySelectorAll('#legend-types input')];
  const box = boxes.find((b) => b.dataset.name === name);
  const started = performance.now();
  box.click();
  requestAnimationFrame(() => setTimeout(() => done(performance.now() - started)));
})"""

SEARCH = """(text) => new Promise((done) => {
  const longest = [0];
  const watcher = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest[0] = Math.max(longest[0], entry.duration);
  });
  watcher.observe({type: "longtask", buffered: false});
  const search = document.getElementById("search");
  search.focus();
  search.value = text;
  search.dispatchEvent(new InputEvent("input", {inputType: "insertText", data: text}));
  search.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter"}));
  setTimeout(() => { watcher.disconnect(); done(longest[0]); }, 1500);
})"""


def interactions(tab, dataset) -> dict:
    """Hub click, filter toggle and search on a loaded page, in milliseconds (best of 3)."""
    from collections import Counter

    degree = Counter()
    for relation in dataset.relations:
        degree[relation.source] += 1
        degree[relation.target] += 1
    hub = min(degree, key=lambda actor: (-degree[actor], actor))
    common = Counter(relation.type for relation in dataset.relations).most_common(1)[0][0]
    hub_ms, filter_ms, search_ms = [], [], []
    for _ in range(3):
        hub_ms.append(tab.evaluate(HUB_CLICK, hub))
        tab.evaluate("graphView.clear()")
        filter_ms.append(tab.evaluate(FILTER, common))
        tab.evaluate(FILTER, common)  # and back
        search_ms.append(tab.evaluate(SEARCH, dataset.actors[hub].name))
        tab.evaluate("graphView.clear()")
    return {
        "hub_ms": round(min(hub_ms)),
        "filter_ms": round(min(filter_ms)),
        "search_longest_ms": round(min(search_ms)),
    }


def write_yaml(dataset, folder: Path) -> None:
    """Write a synthetic dataset in the project's YAML format (no documents: quotes unchecked)."""
    import yaml

    folder.mkdir(parents=True, exist_ok=True)
    actors = {
        "actors": [{"id": a.id, "name": a.name, "kind": a.kind} for a in dataset.actors.values()]
    }
    relations = {
        "types": {
            name: {"sign": t.sign, **({"symmetric": True} if t.symmetric else {})}
            for name, t in dataset.types.items()
        },
        "relations": [
            {"source": r.source, "type": r.type, "target": r.target, "evidence": r.evidence}
            for r in dataset.relations
        ],
    }
    for name, content in (("actors.yaml", actors), ("relations.yaml", relations)):
        text = yaml.safe_dump(content, sort_keys=False, allow_unicode=True)
        (folder / name).write_text(text, encoding="utf-8")


def time_cli(actors: int, relations: int, folder: Path) -> dict:
    """Wall time of a whole ``graph html --data`` process on a synthetic dataset (best of 3)."""
    import subprocess

    data = folder / f"data-{actors}x{relations}"
    write_yaml(synthetic(actors, relations), data)
    graph = Path(sys.executable).with_name("graph")
    times = []
    for _ in range(3):
        started = time.perf_counter()
        done = subprocess.run(
            [str(graph), "html", "--data", str(data), "-o", str(folder / "cli.html")],
            capture_output=True,
            text=True,
        )
        times.append(time.perf_counter() - started)
        if done.returncode:
            raise SystemExit(done.stderr)
    return {"seconds": round(min(times), 2), "stderr": done.stderr.strip()}


def parse_size(text: str) -> tuple[int, int]:
    actors, _, relations = text.partition("x")
    return int(actors), int(relations) if relations else 2 * int(actors)


def measure(size, physics: str, folder: Path, browser, with_interactions=False) -> dict:
    size, relation_count = size
    dataset = synthetic(size, relation_count)
    limit = {"auto": None, "on": size, "off": 0}[physics]
    started = time.perf_counter()
    if limit is not None:
        limit += relation_count
    # vis-network's figures: the older rows of BENCHMARKS.md (WebGL: --goals, --fluid).
    if limit is None:
        page = render_html(dataset, renderer="vis")
    else:
        page = render_html(dataset, physics_limit=limit, renderer="vis")
    render_s = time.perf_counter() - started
    path = folder / f"page-{size}.html"
    path.write_text(page, encoding="utf-8")
    tab = browser.new_page(viewport={"width": 1400, "height": 1000})
    started = time.perf_counter()
    tab.goto(path.as_uri())
    tab.wait_for_function("() => window.graphStable === true", timeout=600_000)
    stable_s = time.perf_counter() - started
    tab.screenshot(path=str(folder / f"page-{size}.png"))
    click_s = tab.evaluate(CLICK, sorted(dataset.actors)[0])
    tab.evaluate("graphView.clear()")
    measured = interactions(tab, dataset) if with_interactions else {}
    tab.close()
    physics_on = size + relation_count <= (PHYSICS_LIMIT if limit is None else limit)
    return {
        **measured,
        "actors": size,
        "relations": relation_count,
        "physics": "live" if physics_on else "precomputed",
        "render_s": round(render_s, 2),
        "stable_s": round(stable_s, 2),
        "click_s": round(click_s, 2),
        "bytes": len(page.encode("utf-8")),
    }


# One zoom step until the frame after it is drawn, in ms, whichever renderer.
ZOOM_FRAMES = """(steps) => new Promise((done) => {
  const times = [];
  const vis = typeof network !== "undefined";
  const step = () => {
    const started = performance.now();
    const drawn = () => {
      times.push(performance.now() - started);
      if (times.length < steps) setTimeout(step, 40);
      else done(times.sort((a, b) => a - b)[Math.floor(steps / 2)]);
    };
    const factor = times.length % 2 ? 1.08 : 1 / 1.08;
    if (vis) {
      network.once("afterDrawing", drawn);
      network.moveTo({scale: network.getScale() * factor});
    } else {
      sigma.once("afterRender", drawn);
      const camera = sigma.getCamera();
      camera.setState({ratio: camera.getState().ratio / factor});
    }
  };
  step();
})"""

# The busiest actor selected until its panel is full and the next frame drawn, in ms.
HUB_PANEL = """(id) => new Promise((done) => {
  const details = document.getElementById("details");
  const started = performance.now();
  graphView.select(id);
  const check = () => {
    if (details.dataset.complete === "true") {
      requestAnimationFrame(() => setTimeout(() => done(performance.now() - started)));
    } else setTimeout(check, 1);
  };
  check();
})"""

# Then "Show all": until every relation of the hub is listed and the next frame drawn.
HUB_ALL = """(id) => new Promise((done) => {
  const details = document.getElementById("details");
  const started = performance.now();
  graphView.select(id);
  const check = () => {
    if (details.dataset.complete !== "true") return setTimeout(check, 1);
    const every = details.querySelector("p .show-all");
    if (every) {
      every.click();
      return setTimeout(check, 1);
    }
    requestAnimationFrame(() => setTimeout(() => done(performance.now() - started)));
  };
  check();
})"""

# A whole redraw until the frame is on screen (SwiftShader rasterises it on
# the CPU after sigma's afterRender): the floor of any click that changes the
# drawing, such as a selection veiling the rest.
REDRAW = """() => new Promise((done) => {
  const started = performance.now();
  sigma.refresh();
  requestAnimationFrame(() => setTimeout(() => done(performance.now() - started)));
})"""

# The camera zoomed in and out at every animation frame for `ms`: the frames drawn.
# With the browser's CPU time over the same window (browser_cpu), the CPU a
# frame costs, SwiftShader's raster included (the zoom frames above stop at
# sigma's afterRender, before the raster).
MOVING_FRAMES = """(ms) => new Promise((done) => {
  let frames = 0;
  const count = () => frames++;
  sigma.on("afterRender", count);
  const started = performance.now();
  let n = 0;
  const step = () => {
    const camera = sigma.getCamera();
    camera.setState({ratio: camera.getState().ratio * (n++ % 2 ? 1.02 : 1 / 1.02)});
    if (performance.now() - started < ms) requestAnimationFrame(step);
    else {
      sigma.off("afterRender", count);
      done(frames);
    }
  };
  requestAnimationFrame(step);
})"""


def browser_cpu() -> float:
    """CPU seconds (user + system) of every process started under this one (Chromium's)."""
    import os

    me, parent, ticks = os.getpid(), {}, {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parent[int(entry)] = int(fields[1])
            ticks[int(entry)] = int(fields[11]) + int(fields[12])
    total = 0
    for pid, used in ticks.items():
        up = pid
        while up in parent and up != me:
            up = parent[up]
        total += used if up == me and pid != me else 0
    return total / os.sysconf("SC_CLK_TCK")


def cpu_per_frame(tab, ms: int = 3000) -> float:
    """The browser's CPU milliseconds a frame while the camera moves (see MOVING_FRAMES)."""
    before = browser_cpu()
    frames = tab.evaluate(MOVING_FRAMES, ms)
    return 1000 * (browser_cpu() - before) / max(frames, 1)


# Share of the graph's canvas that the edge layer covers, and the labels drawn.
COVERAGE = """() => {
  sigma.render();
  const edges = sigma.getCanvases().edges;
  const copy = document.createElement("canvas");
  copy.width = edges.width;
  copy.height = edges.height;
  const ctx = copy.getContext("2d");
  ctx.drawImage(edges, 0, 0);
  const pixels = ctx.getImageData(0, 0, copy.width, copy.height).data;
  let covered = 0;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) covered++;
  return {covered: covered / (copy.width * copy.height), labels: window.drawnLabels.length};
}"""

BARE_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>bare sigma</title>
<style>html, body, #g {{ margin: 0; width: 100%; height: 100%; }}</style></head>
<body><div id="g"></div>
<script type="application/json" id="d">{data}</script>
<script>{graphology}</script>
<script>{sigma}</script>
<script>
const d = JSON.parse(document.getElementById("d").textContent);
const graph = new graphology.Graph({{type: "undirected"}});
for (const [id, x, y, size, color] of d.nodes) graph.addNode(id, {{x, y, size, color}});
for (const [a, b, size, color] of d.edges) graph.mergeEdge(a, b, {{size, color}});
window.sigma = new Sigma(graph, document.getElementById("g"));
sigma.once("afterRender", () => (window.graphStable = true));
sigma.scheduleRender();
</script></body></html>
"""


def bare_page(data: dict) -> str:
    """A page drawing the same positions and lines with sigma's defaults, nothing else."""
    from collections import Counter

    from graph.render.html import _assets

    assets = _assets("webgl")
    colours = {"cooperative": "#0077bb", "hostile": "#cc3311", "neutral": "#7a7a7a"}
    signs = {entry["name"]: entry["sign"] for entry in data["types"]}
    pairs = Counter(tuple(sorted((e["from"], e["to"]))) for e in data["edges"])
    sign_of = {}
    for e in data["edges"]:
        sign_of.setdefault(tuple(sorted((e["from"], e["to"]))), signs[e["type"]])
    nodes = [[n["id"], n["x"], -n["y"], 3, n["color"]] for n in data["nodes"]]
    edges = [[a, b, 1, colours[sign_of[(a, b)]]] for (a, b) in pairs]
    import json as json_

    text = json_.dumps({"nodes": nodes, "edges": edges}).replace("<", "\\u003c")
    return BARE_PAGE.format(
        data=text,
        graphology=assets["graphology-0.26.0.umd.min.js"],
        sigma=assets["sigma-3.0.3.min.js"],
    )


def open_page(browser, path: Path, width: int = 1280, height: int = 800):
    """Open a page; return the tab and the seconds from navigation until it is stable."""
    tab = browser.new_page(viewport={"width": width, "height": height})
    started = time.perf_counter()
    tab.goto(path.as_uri())
    tab.wait_for_function("() => window.graphStable === true", timeout=600_000)
    return tab, time.perf_counter() - started


def fluid(sizes, folder: Path, browser) -> None:
    """A zoom frame on vis-network and on WebGL pages of each size (ms, median of 9)."""
    print("actors relations  items  vis_frame_ms webgl_frame_ms")
    for actors, relations in sizes:
        dataset = synthetic(actors, relations)
        row = []
        for renderer in ("vis", "webgl"):
            path = folder / f"fluid-{actors}x{relations}-{renderer}.html"
            path.write_text(render_html(dataset, renderer=renderer), encoding="utf-8")
            tab, _ = open_page(browser, path)
            tab.evaluate(ZOOM_FRAMES, 3)  # warm
            row.append(tab.evaluate(ZOOM_FRAMES, 9))
            tab.close()
        print(
            f"{actors:>6} {relations:>9} {actors + relations:>6}  {row[0]:>12.0f} {row[1]:>14.0f}",
            flush=True,
        )


def hub_of(dataset) -> str:
    from collections import Counter

    degree = Counter(end for r in dataset.relations for end in {r.source, r.target})
    return min(degree, key=lambda actor: (-degree[actor], actor))


def goals(folder: Path, browser, shots: Path | None, names=("M", "L")) -> None:
    """The WebGL page against the goals of issue 23 (see the module's docstring)."""
    import resource
    import subprocess

    from graph import load_dataset
    from graph.render.html import prepare_page, render_page

    if shots:
        shots.mkdir(parents=True, exist_ok=True)
        seed = folder / "seed-webgl.html"
        seed.write_text(render_html(load_dataset(), renderer="webgl"), encoding="utf-8")
        tab, _ = open_page(browser, seed)
        tab.screenshot(path=str(shots / "page-webgl-30.png"))
        tab.close()
    for name in names:
        dataset = corpus.dataset(name)
        started = time.perf_counter()
        data = prepare_page(dataset)
        page = render_page(data)
        render_s = time.perf_counter() - started
        path = folder / f"{name}.html"
        path.write_text(page, encoding="utf-8")
        tab, interactive_s = open_page(browser, path)
        if shots:
            actors = len(dataset.actors)
            tab.screenshot(path=str(shots / f"page-webgl-{actors}.png"))
        hub = hub_of(dataset)
        hub_ms = min(tab.evaluate(HUB_PANEL, hub) for _ in range(3))
        tab.evaluate("graphView.clear()")
        all_ms = tab.evaluate(HUB_ALL, hub)
        listed = tab.evaluate("document.querySelectorAll('#details-body li[data-edge]').length")
        tab.evaluate("graphView.clear()")
        tab.evaluate(ZOOM_FRAMES, 3)
        frame_ms = tab.evaluate(ZOOM_FRAMES, 9)
        redraw_ms = min(tab.evaluate(REDRAW) for _ in range(3))
        # The same zoom frames with the hub selected (its emphasised lines redrawn each frame).
        tab.evaluate("(id) => graphView.select(id)", hub)
        tab.evaluate(ZOOM_FRAMES, 3)
        selected_frame_ms = tab.evaluate(ZOOM_FRAMES, 9)
        tab.evaluate("graphView.clear()")
        cpu_frame_ms = cpu_per_frame(tab)
        tab.close()
        bare = folder / f"{name}-bare.html"
        bare.write_text(bare_page(data), encoding="utf-8")
        tab, bare_s = open_page(browser, bare)
        tab.evaluate(ZOOM_FRAMES, 3)
        bare_ms = tab.evaluate(ZOOM_FRAMES, 9)
        bare_redraw_ms = min(tab.evaluate(REDRAW) for _ in range(3))
        bare_cpu_frame_ms = cpu_per_frame(tab)
        tab.close()
        print(
            f"{name}: {len(dataset.actors):,} actors, {len(dataset.relations):,} relations, "
            f"renderer {data['meta']['renderer']}; render_page {render_s:.1f} s; "
            f"file {len(page.encode('utf-8')) / 1e6:.1f} MB; interactive {interactive_s:.2f} s; "
            f"hub ({hub}) to full panel {hub_ms:.0f} ms, to all {listed:,} listed "
            f"{all_ms:.0f} ms; zoom frame {frame_ms:.0f} ms, "
            f"bare sigma {bare_ms:.0f} ms ({frame_ms / bare_ms:.2f}x; bare page stable "
            f"{bare_s:.2f} s); a redraw to screen {redraw_ms:.0f} ms, bare sigma "
            f"{bare_redraw_ms:.0f} ms",
            flush=True,
        )
        print(f"{name}: zoom frame with the hub selected {selected_frame_ms:.0f} ms", flush=True)
        print(
            f"{name}: browser CPU a frame while zooming {cpu_frame_ms:.0f} ms, bare sigma "
            f"{bare_cpu_frame_ms:.0f} ms ({cpu_frame_ms / bare_cpu_frame_ms:.2f}x)",
            flush=True,
        )
    if "L" not in names:
        return
    data_folder = folder / "L-data"
    corpus.write(data_folder, "L")
    # This checkout's `graph` (the installed script may be another checkout's).
    root = Path(__file__).resolve().parent.parent
    command = [sys.executable, "-m", "graph", "html", "--data", str(data_folder)]
    command += ["-o", str(folder / "cli.html")]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=root)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if done.returncode:
        raise SystemExit(done.stderr)
    print(f"graph html --data L: {wall:.1f} s wall, {cpu:.1f} s CPU ({done.stderr.strip()})")
    dataset = synthetic(2_000, 8_000)
    path = folder / "2000x8000.html"
    path.write_text(render_html(dataset), encoding="utf-8")
    tab, _ = open_page(browser, path)
    found = tab.evaluate(COVERAGE)
    tab.close()
    print(
        f"2,000 / 8,000 at 1280x800, fitted: edges cover {100 * found['covered']:.1f}% "
        f"of the graph's canvas; {found['labels']} labels drawn"
    )


def write_goal_pages(folder: Path, names) -> None:
    """Write the goals' WebGL pages and their bare sigma pages into ``folder``."""
    from graph.render.html import prepare_page, render_page

    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        data = prepare_page(corpus.dataset(name))
        page = render_page(data)
        (folder / f"{name}.html").write_text(page, encoding="utf-8")
        (folder / f"{name}-bare.html").write_text(bare_page(data), encoding="utf-8")
        print(f"{folder / name}.html: {len(page.encode('utf-8')) / 1e6:.1f} MB", flush=True)


def chromium_cpu() -> dict[str, float]:
    """CPU seconds (user + system) of the Chromium processes under this one, by process type."""
    import os

    tick = os.sysconf("SC_CLK_TCK")
    table = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            words = (entry / "cmdline").read_bytes().replace(b"\0", b" ").split()
        except OSError:
            continue
        table[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick, words)
    ours, grown = {os.getpid()}, True
    while grown:
        children = {pid for pid, (parent, _, _) in table.items() if parent in ours} - ours
        ours |= children
        grown = bool(children)
    spent: dict[str, float] = {}
    for pid in ours - {os.getpid()}:
        _, seconds, words = table[pid]
        if not words or b"chrom" not in words[0]:
            continue
        kind = next((w[7:].decode() for w in words if w.startswith(b"--type=")), "browser")
        spent[kind] = spent.get(kind, 0.0) + seconds
    return spent


# Until the frame after this one is drawn: the one before is on screen.
NEXT_FRAME = "() => new Promise((done) => requestAnimationFrame(() => setTimeout(done)))"


def load(paths: list[Path], rounds: int, browser) -> None:
    """Open each page in turn, ``rounds`` times: interactive, shown, CPU of renderer and GPU."""
    import os
    import statistics

    rows: dict[Path, list[tuple]] = {path: [] for path in paths}
    for _ in range(rounds):
        for path in paths:
            tab = browser.new_page(viewport={"width": 1280, "height": 800})
            time.sleep(0.3)
            before = chromium_cpu()
            started = time.perf_counter()
            tab.goto(path.resolve().as_uri(), timeout=600_000)
            tab.wait_for_function("() => window.graphStable === true", timeout=600_000)
            interactive = time.perf_counter() - started
            tab.evaluate(NEXT_FRAME)
            shown = time.perf_counter() - started
            time.sleep(0.5)  # the GPU process's last work on that frame
            after = chromium_cpu()
            tab.close()
            cpu = {kind: after.get(kind, 0) - before.get(kind, 0) for kind in after}
            row = (interactive, shown, cpu.get("renderer", 0.0), cpu.get("gpu-process", 0.0))
            rows[path].append(row)
            print(
                f"{path}: interactive {row[0]:.2f} s, shown {row[1]:.2f} s; CPU renderer "
                f"{row[2]:.2f} s, GPU {row[3]:.2f} s; load {os.getloadavg()[0]:.1f}",
                flush=True,
            )
    for path, found in rows.items():
        print(
            f"{path}: least interactive {min(r[0] for r in found):.2f} s, shown "
            f"{min(r[1] for r in found):.2f} s; median CPU renderer "
            f"{statistics.median(r[2] for r in found):.2f} s, GPU "
            f"{statistics.median(r[3] for r in found):.2f} s ({len(found)} rounds)"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,300,500,1000,2000,5000")
    parser.add_argument("--physics", choices=["auto", "on", "off"], default="auto")
    parser.add_argument("--keep", type=Path, help="keep pages and screenshots in this folder")
    parser.add_argument("--interactions", action="store_true", help="time click, filter, search")
    parser.add_argument("--cli", metavar="NxM", help="time a whole `graph html` process instead")
    parser.add_argument("--fluid", metavar="SIZES", help="a zoom frame, vis-network and WebGL")
    parser.add_argument(
        "--goals",
        nargs="?",
        const="M,L",
        metavar="M,L",
        help="the WebGL page's goals (issue 23); M alone: M's page only",
    )
    parser.add_argument("--shots", type=Path, help="with --goals: save WebGL screenshots here")
    parser.add_argument(
        "--write-goals", metavar="M,L", help="write the goals' pages and bare pages into --keep"
    )
    parser.add_argument("--load", metavar="PAGES", help="time these page files' loads, in turn")
    parser.add_argument("--rounds", type=int, default=3, help="with --load: rounds (default 3)")
    options = parser.parse_args(argv)
    if options.write_goals:
        if not options.keep:
            parser.error("--write-goals needs --keep FOLDER")
        write_goal_pages(options.keep, options.write_goals.split(","))
        return 0
    if options.load:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            load([Path(p) for p in options.load.split(",")], options.rounds, browser)
            browser.close()
        return 0
    if options.fluid or options.goals:
        from playwright.sync_api import sync_playwright

        with tempfile.TemporaryDirectory() as temporary, sync_playwright() as playwright:
            folder = options.keep or Path(temporary)
            folder.mkdir(parents=True, exist_ok=True)
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            if options.fluid:
                fluid([parse_size(s) for s in options.fluid.split(",")], folder, browser)
            if options.goals:
                goals(folder, browser, options.shots, tuple(options.goals.split(",")))
            browser.close()
        return 0
    if options.cli:
        with tempfile.TemporaryDirectory() as temporary:
            found = time_cli(*parse_size(options.cli), Path(temporary))
        print(f"graph html --data {options.cli}: {found['seconds']} s")
        print(found["stderr"])
        return 0
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as temporary, sync_playwright() as playwright:
        folder = options.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        header = "actors relations physics      render_s stable_s click_s  MB"
        if options.interactions:
            header += "  hub_ms filter_ms search_longest_ms"
        print(header)
        for size in (parse_size(s) for s in options.sizes.split(",")):
            row = measure(size, options.physics, folder, browser, options.interactions)
            line = (
                f"{row['actors']:>6} {row['relations']:>9} {row['physics']:<12} "
                f"{row['render_s']:>8} {row['stable_s']:>8} {row['click_s']:>7} "
                f"{row['bytes'] / 1e6:>4.1f}"
            )
            if options.interactions:
                line += f"  {row['hub_ms']:>6} {row['filter_ms']:>9} {row['search_longest_ms']:>17}"
            print(line, flush=True)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
