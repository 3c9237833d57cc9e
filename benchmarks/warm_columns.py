"""Warm commands against the floor: whole processes, the cache filled first (issue 24, columns).

    .venv/bin/python benchmarks/corpus.py L /tmp/corpus-L --json
    .venv/bin/python benchmarks/warm_columns.py /tmp/corpus-L [--code DIR] [--runs 5]

Runs ``graph stats``, ``graph centrality --measure pagerank`` and ``graph
path`` (first actor to last) on a dataset whose cache entry exists (one run
first fills it), and the floor ``python -c "import json;
json.load(open('corpus.json'))"`` on the same data written as JSON; prints
each one's best and median wall time and the ratio of the best to the
floor's best. ``--code DIR`` runs the ``graph`` package found in DIR (a copy
of another commit, to compare before and after on one machine in one run);
``--cold`` also times ``graph validate`` with an empty cache. Python writes
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


def timed(command: list[str], cwd: Path, env: dict, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--code", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cache", type=Path, help="XDG_CACHE_HOME to use (default: a new one)")
    parser.add_argument("--cold", action="store_true", help="also time a cold graph validate")
    options = parser.parse_args(argv)
    folder = options.folder.resolve()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONDONTWRITEBYTECODE", "GRAPH_NO_CACHE")
    }
    env["XDG_CACHE_HOME"] = str(options.cache or tempfile.mkdtemp(prefix="graph-cache-"))
    python = sys.executable
    first, last = _ends(folder / "actors.yaml")
    graph = [python, "-m", "graph"]
    data = ["--data", str(folder)]
    commands = {
        "stats": [*graph, "stats", *data],
        "centrality --measure pagerank": [*graph, "centrality", "--measure", "pagerank", *data],
        f"path {first} {last}": [*graph, "path", first, last, *data],
    }
    floor = [python, "-c", f"import json; json.load(open({str(folder / 'corpus.json')!r}))"]
    rows = []
    if options.cold:
        with tempfile.TemporaryDirectory(prefix="graph-cold-") as cold:
            cold_env = dict(env, XDG_CACHE_HOME=cold)
            rows.append(
                ("validate (cold)", timed([*graph, "validate", *data], options.code, cold_env, 1))
            )
    subprocess.run(
        commands["stats"], cwd=options.code, env=env, check=True, stdout=subprocess.DEVNULL
    )
    rows.append(("json.load (floor)", timed(floor, options.code, env, options.runs)))
    for name, command in commands.items():
        rows.append((name, timed(command, options.code, env, options.runs)))
    best_floor = min(dict(rows)["json.load (floor)"])
    print(f"{'command':34} {'best':>7} {'median':>7} {'x floor':>8}")
    for name, times in rows:
        ratio = min(times) / best_floor
        print(f"{name:34} {min(times):7.2f} {statistics.median(times):7.2f} {ratio:8.2f}")
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
