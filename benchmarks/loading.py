"""Loading and the cache at corpus scale: our figures beside the floors, as whole processes.

    .venv/bin/python benchmarks/loading.py --sizes M,L [--repeat 3]
    .venv/bin/python benchmarks/loading.py --data /path/to/dataset

For each dataset, every figure is a separate process, timed from start to
exit (the minimum of ``--repeat`` runs) with its peak resident memory:

* ``validate, cold``: ``graph validate`` with an empty cache (quotes checked;
  the run also fills the cache);
* ``CSafeLoader only``: a process that only parses the two YAML files with
  PyYAML's C loader (garbage collector on, as by default);
* ``json.load only``: a process that only ``json.load``s the same data,
  written once as JSON;
* ``stats, warm`` and ``validate, warm``: ``graph stats --format json`` and
  ``graph validate`` with the cache filled.

Corpora come from ``benchmarks/corpus.py`` (sizes S, M, L, XL), written to a
temporary folder, or from ``--data``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def run(command: list[str], env: dict) -> tuple[float, float, float]:
    """Run ``command``; return its wall and CPU (user + system) seconds and peak MiB."""
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed ({status}): {' '.join(command)}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def best(command: list[str], env: dict, repeat: int, before=None) -> tuple[float, float, float]:
    runs = []
    for _ in range(repeat):
        if before:
            before()
        runs.append(run(command, env))
    return tuple(min(run[i] for run in runs) for i in range(3))


def measure(folder: Path, repeat: int, work: Path) -> list[tuple[str, float, float, float]]:
    cache = work / "cache"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    env.pop("GRAPH_NO_CACHE", None)
    graph = [PYTHON, "-m", "graph"]
    files = [str(folder / "actors.yaml"), str(folder / "relations.yaml")]
    # The same data, written once as JSON for the floor, by a child process: a
    # child starts with its parent's peak memory, so this process stays small.
    as_json = [str(work / (Path(name).stem + ".json")) for name in files]
    convert = (
        "import json, sys, yaml\n"
        "for source, target in zip(sys.argv[1:3], sys.argv[3:]):\n"
        "    data = yaml.load(open(source, encoding='utf-8'), Loader=yaml.CSafeLoader)\n"
        "    open(target, 'w', encoding='utf-8').write(json.dumps(data, default=str))"
    )
    subprocess.run([PYTHON, "-c", convert, *files, *as_json], check=True)

    def empty_cache():
        subprocess.run(["rm", "-rf", str(cache)], check=True)

    rows = []
    rows.append(
        (
            "validate, cold",
            *best([*graph, "validate", "--data", str(folder)], env, repeat, empty_cache),
        )
    )
    parse = (
        "import sys, yaml\nfor f in sys.argv[1:]:\n    yaml.load(open(f), Loader=yaml.CSafeLoader)"
    )
    rows.append(("CSafeLoader only", *best([PYTHON, "-c", parse, *files], env, 1)))
    floor = "import sys, json\nfor f in sys.argv[1:]:\n    json.load(open(f))"
    rows.append(("json.load only", *best([PYTHON, "-c", floor, *as_json], env, repeat)))
    run([*graph, "validate", "--data", str(folder)], env)  # fill the cache
    stats = [*graph, "stats", "--data", str(folder), "--format", "json"]
    rows.append(("stats, warm", *best(stats, env, repeat)))
    rows.append(("validate, warm", *best([*graph, "validate", "--data", str(folder)], env, repeat)))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="M,L")
    parser.add_argument("--data", type=Path, help="measure this dataset folder instead")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="graph-loading-") as temporary:
        work = Path(temporary)
        datasets = []
        if options.data:
            datasets.append((options.data.name, options.data))
        else:
            sys.path.insert(0, str(ROOT))
            from benchmarks import corpus

            for size in options.sizes.split(","):
                folder = work / f"corpus-{size}"
                corpus.write(size, folder)
                datasets.append((size, folder))
        print("| dataset | process | wall s | CPU s | peak MiB | ratios (wall; CPU) |")
        print("| --- | --- | ---: | ---: | ---: | --- |")
        for name, folder in datasets:
            scratch = work / f"work-{name}"
            scratch.mkdir()
            rows = measure(folder, options.repeat, scratch)
            figures = {process: figures for process, *figures in rows}
            yaml_wall, yaml_cpu, _ = figures["CSafeLoader only"]
            json_wall, json_cpu, json_mib = figures["json.load only"]

            def versus(process, wall, cpu, floor, figures=figures):
                mine = figures[process]
                return f"{mine[0] / wall:.2f}× / {mine[1] / cpu:.2f}× {floor} time"

            ratios = {
                "validate, cold": versus("validate, cold", yaml_wall, yaml_cpu, "CSafeLoader")
                + f", {figures['validate, cold'][2] / json_mib:.1f}× json.load memory",
                "stats, warm": versus("stats, warm", json_wall, json_cpu, "json.load"),
                "validate, warm": versus("validate, warm", json_wall, json_cpu, "json.load"),
            }
            for process, wall, cpu, memory in rows:
                ratio = ratios.get(process, "")
                print(f"| {name} | {process} | {wall:.2f} | {cpu:.2f} | {memory:.0f} | {ratio} |")
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
