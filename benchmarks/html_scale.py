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
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]


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
    page = render_html(dataset) if limit is None else render_html(dataset, physics_limit=limit)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,300,500,1000,2000,5000")
    parser.add_argument("--physics", choices=["auto", "on", "off"], default="auto")
    parser.add_argument("--keep", type=Path, help="keep pages and screenshots in this folder")
    parser.add_argument("--interactions", action="store_true", help="time click, filter, search")
    parser.add_argument("--cli", metavar="NxM", help="time a whole `graph html` process instead")
    options = parser.parse_args(argv)
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
