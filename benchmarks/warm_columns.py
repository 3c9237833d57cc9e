"""Warm commands against the floor: whole processes, the cache filled first (issue 24, columns).

    .venv/bin/python benchmarks/corpus.py L /tmp/corpus-L --json
    .venv/bin/python benchmarks/warm_columns.py /tmp/corpus-L [--code DIR ...] [--runs 5]

Runs ``graph stats``, ``graph centrality --measure pagerank`` and ``graph
path`` (first actor to last) on a dataset whose cache entry exists (one run
first fills it), and the floor ``python -c "import json;
json.load(open('corpus.json'))"`` on the same data written as JSON; prints
each one's best and median wall time and the ratio of the best to the
floor's best. ``--code DIR`` (repeatable) runs the ``graph`` package found in DIR (a copy
of another commit: before and after compared in one run, their runs
interleaved with the floor's, round by round); ``--cold`` also times one
``graph validate`` with an empty cache (which fills it). Python writes
its bytecode caches here as for any user (PYTHONDONTWRITEBYTECODE is unset).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(command: list[str], cwd: Path, env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument(
        "--code", type=Path, action="append", help="a folder holding graph/ (repeatable)"
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold", action="store_true", help="also time a cold graph validate")
    options = parser.parse_args(argv)
    folder = options.folder.resolve()
    codes = options.code or [Path(__file__).resolve().parent.parent]
    hidden = ("PYTHONDONTWRITEBYTECODE", "GRAPH_NO_CACHE")
    base = {k: v for k, v in os.environ.items() if k not in hidden}
    envs = [dict(base, XDG_CACHE_HOME=tempfile.mkdtemp(prefix="graph-cache-")) for _ in codes]
    python = sys.executable
    first, last = _ends(folder / "actors.yaml")
    graph = [python, "-m", "graph"]
    data = ["--data", str(folder)]
    commands = {
        "stats": [*graph, "stats", *data],
        "centrality --measure pagerank": [*graph, "centrality", "--measure", "pagerank", *data],
        "centrality --measure pagerank --top 20": [
            *graph,
            "centrality",
            "--measure",
            "pagerank",
            "--top",
            "20",
            *data,
        ],
        f"path {first} {last}": [*graph, "path", first, last, *data],
    }
    floor = [python, "-c", f"import json; json.load(open({str(folder / 'corpus.json')!r}))"]
    times: dict = {}
    for code, env in zip(codes, envs):
        if options.cold:
            times[code, "validate (cold)"] = [timed([*graph, "validate", *data], code, env)]
        else:  # fill the cache
            timed(commands["stats"], code, env)
    # Rounds: the floor, then every command of every code; noise hits them all alike.
    for _ in range(options.runs):
        times.setdefault((None, "json.load (floor)"), []).append(timed(floor, codes[0], base))
        for code, env in zip(codes, envs):
            for name, command in commands.items():
                times.setdefault((code, name), []).append(timed(command, code, env))
    best_floor = min(times[None, "json.load (floor)"])
    print(f"{'code':24} {'command':40} {'best':>6} {'median':>6} {'x floor':>7}")
    for (code, name), found in times.items():
        place = "" if code is None else str(code)[-24:]
        ratio = min(found) / best_floor
        print(
            f"{place:24} {name:40} {min(found):6.2f} {statistics.median(found):6.2f} {ratio:7.2f}"
        )
    return 0


def _ends(actors: Path) -> tuple[str, str]:
    ids = [
        line.split(":", 1)[1].strip()
        for line in actors.read_text().splitlines()
        if line.startswith("  - id:")
    ]
    return ids[0], ids[-1]


if __name__ == "__main__":
    sys.exit(main())
