"""How long each `graph export` format and `graph coverage` take as a dataset grows.

    .venv/bin/python benchmarks/export_scale.py [--sizes 1000,10000,100000]

For each size N it builds a synthetic dataset in memory (N actors, 2N
relations, the generator of html_scale.py, every relation quoting one
sentence of a synthetic document), then times each export format's
``render`` (the bytes a file would hold) and ``graph coverage`` over the
document. Times are seconds of wall clock, best of one run; the point is
the growth from one size to the next (near-linear is the goal).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from html_scale import synthetic

from graph.coverage import coverage
from graph.export import FORMATS, render_export
from graph.model import Document


def with_document(size: int, folder: Path):
    """Return the synthetic dataset whose relations all quote one written document."""
    dataset = synthetic(size, 2 * size)
    sentences = []
    relations = []
    for number, relation in enumerate(dataset.relations):
        source, target = dataset.actors[relation.source], dataset.actors[relation.target]
        sentence = f"{source.name} met {target.name} on day {number}"
        sentences.append(sentence + ".")
        relations.append(replace(relation, evidence=sentence, document="doc"))
    path = folder / f"doc-{size}.txt"
    path.write_text(" ".join(sentences) + "\n", encoding="utf-8")
    return replace(
        dataset, relations=relations, documents={"doc": Document("doc", path)}, folder=folder
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    sizes = [int(size) for size in parser.parse_args().sizes.split(",")]
    import tempfile

    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        print("actors  relations  " + "  ".join(f"{name:>8}" for name in [*FORMATS, "coverage"]))
        for size in sizes:
            dataset = with_document(size, folder)
            times = []
            for name in FORMATS:
                started = time.perf_counter()
                render_export(dataset, name, folder)
                times.append(time.perf_counter() - started)
            started = time.perf_counter()
            coverage(dataset, left_out={})
            times.append(time.perf_counter() - started)
            cells = "  ".join(f"{seconds:8.2f}" for seconds in times)
            print(f"{size:>6}  {2 * size:>9}  {cells}", flush=True)


if __name__ == "__main__":
    main()
