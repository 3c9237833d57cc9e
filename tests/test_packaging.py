"""A non-editable install carries the seed dataset: every command works from any folder."""

import subprocess
import sys
import zipfile
from pathlib import Path

from graph.render.html import PAGE_SCRIPT

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_embeds_the_seed_and_loads_it_from_anywhere(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {
        "graph/_seed/data/actors.yaml",
        "graph/_seed/data/relations.yaml",
        "graph/_seed/seeds/ukraine-reassurance-force.txt",
        "graph/schemas/actors.schema.json",
        "graph/scaffold/actors.yaml",
        "graph/scaffold/relations.yaml",
        "graph/render/page.html",
        "graph/render/page.css",
        *(f"graph/render/page/{name}" for name in PAGE_SCRIPT),
    } <= names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import graph, sys; d = graph.load_dataset(); "
            "print(d.folder.relative_to(sys.argv[1]), len(d.relations), len(d.documents))",
            str(site),
        ],
        cwd=elsewhere,
        env={"PYTHONPATH": str(site)},
        capture_output=True,
        text=True,
        check=True,
    )
    relations = len((ROOT / "data/relations.yaml").read_text().split("\n  - source:")) - 1
    # Its article is read from the shipped seeds/ (the one root outside a dataset's folder
    # allowed without --document-root): quotes checked.
    assert completed.stdout == f"graph/_seed/data {relations} 1\n"
    # graph init works from the installed package too.
    scaffold = "import graph.scaffold as s; print(len(s.init_dataset('new')))"
    completed = subprocess.run(
        [sys.executable, "-c", scaffold],
        cwd=elsewhere,
        env={"PYTHONPATH": str(site)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert completed.stdout == "4\n"
    assert (elsewhere / "new/schemas/relations.schema.json").is_file()
    # The page's script modules ship too: the installed package writes the page.
    page = "from graph import load_dataset, render_html; print(render_html(load_dataset())[-16:])"
    completed = subprocess.run(
        [sys.executable, "-c", page],
        cwd=elsewhere,
        env={"PYTHONPATH": str(site)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert completed.stdout == "</body>\n</html>\n\n"
