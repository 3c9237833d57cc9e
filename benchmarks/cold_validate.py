"""Cold ``graph validate`` as a whole process: wall, CPU and memory, versions interleaved.

    .venv/bin/python benchmarks/cold_validate.py --data /tmp/corpus-L --code /tmp/main --code .
    .venv/bin/python benchmarks/cold_validate.py --size L --runs 3 --floors

Each run starts ``python -m graph validate --data DIR`` with an empty cache
(a fresh ``XDG_CACHE_HOME``), once for each ``--code`` folder (a checkout:
its ``graph`` package is the one imported), alternating, so that a busy
machine weighs on every version alike. For each run it gives:

* wall seconds, and CPU seconds (user + system of the command and every
  process it forked: the pieces of :mod:`graph.load_chunked`);
* the peak resident memory of the largest process (what ``/usr/bin/time``
  and ``benchmarks/run.py`` report), and the peak of the sum over the
  process and its children, as RSS (pages shared by a forked child counted
  twice) and as PSS (shared pages divided among the processes sharing
  them), sampled every 20 ms;
* the load average before and after.

``--floors`` adds a process that only ``json.load``s the same data written
as JSON (``corpus.json``, written by ``--size`` or ``benchmarks/corpus.py``)
and, with ``--yaml``, one that only parses the YAML with PyYAML's
``CSafeLoader`` (tens of seconds on L).
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


def _tree(pid: int) -> list[int]:
    """Return ``pid`` and its descendants (from /proc; empty where /proc is not there)."""
    found = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as listing:
                for child in listing.read().split():
                    found += _tree(int(child))
    except OSError:
        pass
    return found


def _memory(pid: int) -> tuple[int, int]:
    """Return the RSS and PSS of ``pid`` in KiB (0, 0 once it is gone)."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def measure(command: list[str], env: dict, cwd: Path) -> dict:
    """Run ``command``; return its wall and CPU seconds and its memory peaks in MiB."""
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL)
    rss_sum = pss_sum = 0
    while True:
        done, status, usage = os.wait4(child.pid, os.WNOHANG)
        if done:
            break
        sample = [_memory(pid) for pid in _tree(child.pid)]
        rss_sum = max(rss_sum, sum(rss for rss, _ in sample))
        pss_sum = max(pss_sum, sum(pss for _, pss in sample))
        time.sleep(0.02)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed ({status}): {' '.join(command)}")
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "largest": usage.ru_maxrss / 1024,
        "rss_sum": rss_sum / 1024,
        "pss_sum": pss_sum / 1024,
    }


def load_average() -> str:
    try:
        return ", ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="the dataset folder")
    parser.add_argument("--size", help="generate this corpus size (S, M, L, XL) instead")
    parser.add_argument(
        "--code", type=Path, action="append", help="a checkout to run (repeat; default: this one)"
    )
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--floors", action="store_true", help="json.load of corpus.json too")
    parser.add_argument("--yaml", action="store_true", help="and CSafeLoader (slow)")
    options = parser.parse_args(argv)
    codes = [path.resolve() for path in options.code or [ROOT]]
    with tempfile.TemporaryDirectory() as temporary:
        data = options.data
        if data is None:
            sys.path.insert(0, str(ROOT))
            from benchmarks import corpus

            data = Path(temporary) / "corpus"
            corpus.write(data, options.size or "L", seed=0, json_too=True)
        data = data.resolve()
        print(f"{data}; load average at the start: {load_average()}")
        print("| run | code | wall s | CPU s | largest MiB | sum RSS MiB | sum PSS MiB | load |")
        print("|---|---|---:|---:|---:|---:|---:|---|")
        for run in range(1, options.runs + 1):
            for code in codes:
                cache = tempfile.mkdtemp(dir=temporary)
                env = {**os.environ, "XDG_CACHE_HOME": cache, "PYTHONPATH": str(code)}
                env.pop("GRAPH_NO_CACHE", None)
                command = [PYTHON, "-m", "graph", "validate", "--data", str(data)]
                figures = measure(command, env, code)
                print(
                    f"| {run} | {code} | {figures['wall']:.2f} | {figures['cpu']:.2f} | "
                    f"{figures['largest']:.0f} | {figures['rss_sum']:.0f} | "
                    f"{figures['pss_sum']:.0f} | {load_average()} |",
                    flush=True,
                )
        if options.floors and (data / "corpus.json").exists():
            code = f"import json; json.load(open({str(data / 'corpus.json')!r}))"
            figures = measure([PYTHON, "-c", code], dict(os.environ), ROOT)
            print(
                f"| floor | json.load | {figures['wall']:.2f} | {figures['cpu']:.2f} | "
                f"{figures['largest']:.0f} | {figures['rss_sum']:.0f} | "
                f"{figures['pss_sum']:.0f} | {load_average()} |"
            )
        if options.yaml:
            code = (
                "import sys, yaml\n"
                "for name in ('actors.yaml', 'relations.yaml'):\n"
                "    with open(sys.argv[1] + '/' + name, encoding='utf-8') as f:\n"
                "        yaml.load(f, Loader=yaml.CSafeLoader)\n"
            )
            figures = measure([PYTHON, "-c", code, str(data)], dict(os.environ), ROOT)
            print(
                f"| floor | CSafeLoader | {figures['wall']:.2f} | {figures['cpu']:.2f} | "
                f"{figures['largest']:.0f} | {figures['rss_sum']:.0f} | "
                f"{figures['pss_sum']:.0f} | {load_average()} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
