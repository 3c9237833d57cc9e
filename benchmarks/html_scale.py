"""How long `graph html` pages take to render in Python and to stand still in Chromium.

    .venv/bin/python benchmarks/html_scale.py [--sizes 100,300,500,1000,5000] [--physics auto]

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


def measure(size: int, physics: str, folder: Path, browser) -> dict:
    dataset = synthetic(size, 2 * size)
    limit = {"auto": None, "on": size, "off": 0}[physics]
    started = time.perf_counter()
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
    tab.close()
    return {
        "actors": size,
        "relations": 2 * size,
        "physics": "live" if size <= (PHYSICS_LIMIT if limit is None else limit) else "precomputed",
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
    options = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as temporary, sync_playwright() as playwright:
        folder = options.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        print("actors relations physics      render_s stable_s click_s  MB")
        for size in (int(s) for s in options.sizes.split(",")):
            row = measure(size, options.physics, folder, browser)
            print(
                f"{row['actors']:>6} {row['relations']:>9} {row['physics']:<12} "
                f"{row['render_s']:>8} {row['stable_s']:>8} {row['click_s']:>7} "
                f"{row['bytes'] / 1e6:>4.1f}",
                flush=True,
            )
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
