"""Whole-process timings of `graph` beside floors and peers measured in the same run, as ratios.

    .venv/bin/python benchmarks/run.py                 # S, M and L
    .venv/bin/python benchmarks/run.py --sizes S,M     # quicker
    .venv/bin/python benchmarks/run.py --sizes L,XL --markdown

For each size it writes a corpus (:mod:`benchmarks.corpus`, seed 0) with the
same data as JSON beside it, then times whole processes (start-up, imports,
loading and output included), each the fastest of ``--repeat`` runs, with
its peak memory (``ru_maxrss``):

* ours: ``graph validate`` with an empty cache (``XDG_CACHE_HOME`` pointed at
  a fresh folder), then ``graph stats``, ``graph centrality --measure
  pagerank``, ``graph path`` and exact betweenness warm (after one run has
  filled the cache, where the loader keeps one), ``graph camps``, and on M
  ``graph html``; on the seed, ``graph centrality``;
* floors and peers: a process that only ``json.load``s the same data, one
  that only parses the YAML with PyYAML's ``CSafeLoader``, scripts that
  ``json.load`` the data, build networkx's ``DiGraph`` and call
  ``nx.pagerank`` or ``nx.all_shortest_paths``, and ``python -c "import
  networkx, yaml, click"``. networkx's exact betweenness is estimated from
  sampled sources where it would take minutes (time for K sources × n / K).

Each goal of issue 10 is a row: our figure, the figure it is compared with,
the ratio, the goal and whether it is met. The machine is shared while
helpers work: figures are noisy; rerun on an idle machine before quoting.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import corpus

PYTHON = sys.executable
GRAPH = [PYTHON, "-m", "graph"]

JSON_LOAD = "import json, sys; json.load(open(sys.argv[1]))"
YAML_PARSE = (
    "import sys, yaml\n"
    "for name in ('actors.yaml', 'relations.yaml'):\n"
    "    with open(sys.argv[1] + '/' + name) as f:\n"
    "        yaml.load(f, Loader=yaml.CSafeLoader)\n"
)
DIGRAPH = (
    "import json, sys, networkx as nx\n"
    "data = json.load(open(sys.argv[1]))\n"
    "g = nx.DiGraph()\n"
    "g.add_nodes_from(a['id'] for a in data['actors'])\n"
    "g.add_edges_from((r['source'], r['target']) for r in data['relations'])\n"
)
PAGERANK = DIGRAPH + "nx.pagerank(g)\n"
PATHS = DIGRAPH + "list(nx.all_shortest_paths(g.to_undirected(), sys.argv[2], sys.argv[3]))\n"
BETWEENNESS = (
    DIGRAPH + "import time\n"
    "k = min(int(sys.argv[2]), len(g))\n"
    "start = time.perf_counter()\n"
    "nx.betweenness_centrality(g, k=k if k < len(g) else None, seed=0)\n"
    "spent = time.perf_counter() - start\n"
    "print(spent, spent * len(g) / k)\n"
)
IMPORTS = "import networkx, yaml, click"


def timed(command: list[str], env: dict | None = None, repeat: int = 1) -> dict:
    """Run ``command`` ``repeat`` times; return the fastest wall time, peak RSS, output and code."""
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, **(env or {})},
        )
        out, err = process.communicate()
        wall = time.perf_counter() - start
        run = {
            "s": wall,
            "rc": process.returncode,
            "out": out.decode(),
            "err": err.decode()[-500:],
        }
        if best is None or wall < best["s"]:
            best = run
    return best


# Linux counts a child's memory from before it calls exec: measured from this
# (large) process, every child would seem as big. A small Python process
# starts the command and reports its peak instead.
PEAK = (
    "import os, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "_, status, usage = os.wait4(child.pid, 0)\n"
    "child.returncode = os.waitstatus_to_exitcode(status)\n"
    "print(time.perf_counter() - start, usage.ru_maxrss / 1024)\n"
)


def peak(command: list[str], env: dict | None = None) -> tuple[float, float]:
    """Run ``command`` once; return (wall seconds, peak RSS in MiB)."""
    output = subprocess.run(
        [PYTHON, "-c", PEAK, *command],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=True,
    ).stdout.split()
    return float(output[0]), float(output[1])


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = Path("/proc/meminfo").read_text().split()[1]
        memory = f"{int(memory) / 1024**2:.0f} GiB"
    except OSError:
        memory = "?"
    from importlib.metadata import PackageNotFoundError, version

    versions = []
    for name in ("networkx", "rustworkx", "PyYAML", "click"):
        try:
            versions.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            versions.append(f"{name} not installed")
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory}; {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}; " + ", ".join(versions)
    )


def rows_for(size: str, folder: Path, repeat: int) -> list[dict]:
    """Measure one size; return the rows of its table."""
    started = time.perf_counter()
    built = corpus.write(folder, size, seed=0, json_too=True)
    generated = time.perf_counter() - started
    data = str(folder)
    data_json = str(folder / "corpus.json")
    ids = [actor["id"] for actor in built.actors]
    source, target = ids[1], ids[-1]
    n = len(ids)
    rows = [
        {
            "what": f"generate {size} ({n} actors, {len(built.relations)} relations)",
            "ours": generated,
        }
    ]

    cache = tempfile.mkdtemp(prefix="graph-cache-")
    warm_env = {"XDG_CACHE_HOME": cache}

    def ours(*args, env=warm_env):
        result = timed([*GRAPH, *args, "--data", data], env, repeat)
        if result["rc"] not in (0, 1):
            print(f"  ! graph {' '.join(args)}: exit {result['rc']}: {result['err']}", flush=True)
        return result

    def script(code, *args):
        return timed([PYTHON, "-c", code, *args], None, repeat)

    # Cold validate: a fresh cache folder each run.
    validate_s, validate_mb = min(
        peak(
            [*GRAPH, "validate", "--data", data],
            {"XDG_CACHE_HOME": tempfile.mkdtemp(prefix="graph-cold-")},
        )
        for _ in range(repeat)
    )
    json_s, json_mb = min(peak([PYTHON, "-c", JSON_LOAD, data_json]) for _ in range(repeat))
    yaml_s = script(YAML_PARSE, data)["s"]
    rows.append(
        row(
            "validate, cold (quotes checked)",
            validate_s,
            "CSafeLoader parse",
            yaml_s,
            0.1 if size == "L" else None,
        )
    )
    rows.append(
        row(
            "validate peak RSS (MiB)",
            validate_mb,
            "json.load peak RSS",
            json_mb,
            3 if size == "L" else None,
            unit="MiB",
        )
    )
    # Fill the warm cache (where the loader keeps one), then measure warm commands.
    ours("validate")
    stats = ours("stats", "--format", "json")
    rows.append(row("stats, warm", stats["s"], "json.load", json_s, 3 if size == "L" else None))
    pagerank = ours("centrality", "--measure", "pagerank", "--format", "json")
    peer = script(PAGERANK, data_json)
    engine = _engine(pagerank)
    rows.append(
        row(
            f"centrality pagerank, warm ({engine})",
            pagerank["s"],
            "json + DiGraph + nx.pagerank",
            peer["s"],
            1.5 if size == "L" else None,
        )
    )
    path = ours("path", source, target, "--format", "json")
    peer = script(PATHS, data_json, source, target)
    rows.append(
        row(
            f"path {source} {target}, warm ({_engine(path)})",
            path["s"],
            "json + DiGraph + nx.all_shortest_paths",
            peer["s"],
            1.5 if size == "L" else None,
        )
    )
    exact = ours("centrality", "--measure", "betweenness", "--format", "json", "--top", "1")
    sample = n if n <= 2000 else 100
    estimate = timed([PYTHON, "-c", BETWEENNESS, data_json, str(sample)])
    # The whole process, with the sampled sources' time replaced by all sources' estimate.
    spent, scaled = (float(x) for x in (estimate["out"].split() or ["nan", "nan"]))
    nx_s = estimate["s"] - spent + scaled
    label = "networkx exact" if sample >= n else f"networkx, est. from {sample} sources"
    rows.append(
        row(
            f"exact betweenness ({_engine(exact)})",
            exact["s"],
            label,
            nx_s,
            None,
            absolute=45 if size == "L" else None,
        )
    )
    camps = ours("camps", "--format", "json")
    try:
        frustrated = len(json.loads(camps["out"])["frustrated"])
    except (ValueError, KeyError):
        frustrated = "?"
    rows.append({"what": f"camps ({frustrated} frustrated relations)", "ours": camps["s"]})
    if size == "M":
        with tempfile.TemporaryDirectory() as out:
            page = timed(
                [*GRAPH, "html", "--data", data, "--output", f"{out}/page.html"], warm_env, repeat
            )
        rows.append(row("html", page["s"], None, None, None, absolute=3))
    return rows


def _engine(result: dict) -> str:
    try:
        return json.loads(result["out"]).get("engine", "?")
    except ValueError:
        return "failed"


def row(what, ours, versus, theirs, goal, unit="s", absolute=None) -> dict:
    """A table row: ratio = ours / theirs; met when under the ratio goal or the absolute goal."""
    entry = {"what": what, "ours": ours, "unit": unit, "versus": versus, "theirs": theirs}
    if theirs:
        entry["ratio"] = ours / theirs
    if goal is not None:
        entry["goal"] = f"≤ {goal}×"
        entry["met"] = entry["ratio"] <= goal
    if absolute is not None:
        entry["goal"] = f"≤ {absolute} s"
        entry["met"] = ours <= absolute
    return entry


def engine_rows(size: str, repeat: int) -> tuple[list[str], list[dict]]:
    """Time each engine's operations in-process on the loaded corpus (no start-up, no loading).

    Columns are every registered engine that is installed; a cell is empty
    where the engine does not offer the operation. Betweenness is timed on
    S and M only (on L the whole-process row above covers it).
    """
    from graph.engines import ENGINES, Projection

    data = corpus.dataset(size)
    ids = sorted(data.actors)
    engines = [engine for engine in ENGINES.values() if engine.available()]
    directed = Projection.of(data, directed=True)
    undirected = Projection.of(data, directed=False)
    operations = [
        ("projection (plain data)", None, lambda e: Projection.of(data, directed=True)),
        ("pagerank", "pagerank", lambda e: e.centrality(directed, "pagerank")),
        ("degree", "degree", lambda e: e.centrality(directed, "degree")),
        ("closeness", "closeness", lambda e: e.centrality(directed, "closeness")),
        ("components", "components", lambda e: e.components(directed)),
        (
            "shortest paths",
            "shortest_paths",
            lambda e: e.shortest_paths(undirected, ids[1], ids[-1]),
        ),
    ]
    if size in ("S", "M"):
        operations.append(
            ("betweenness", "betweenness", lambda e: e.centrality(directed, "betweenness"))
        )
    if size not in ("S", "M"):
        operations = [op for op in operations if op[0] != "closeness"]
    tiny = Projection.of(corpus.dataset("S"))
    for engine in engines:  # imports (scipy for networkx's pagerank) are not the operation
        engine.centrality(tiny, "pagerank")
        engine.components(tiny)
    rows = []
    for label, operation, call in operations:
        cells = {}
        for engine in engines:
            if operation is not None and not engine.can(operation):
                continue
            best = float("inf")
            for _ in range(repeat):
                start = time.perf_counter()
                call(engine)
                best = min(best, time.perf_counter() - start)
                if best > 5:
                    break  # slow enough that noise does not matter
            cells[engine.name] = best
            if operation is None:
                break
        rows.append({"what": label, **cells})
    return [engine.name for engine in engines], rows


def _ratio(reference: float, other: float) -> str:
    """Return how many times faster ``other`` is, as ``"3×"``, or ``"1/181×"`` when slower."""
    if other <= 0 or reference <= 0:
        return ""
    ratio = reference / other
    return f"{ratio:.0f}×" if ratio >= 1 else f"1/{1 / ratio:.0f}×"


def render_engines(title: str, names: list[str], rows: list[dict], markdown: bool) -> str:
    reference = names[0]
    header = ["operation", *names, *(f"{reference} / {name}" for name in names[1:])]
    lines = [f"### {title}" if markdown else title, ""] if markdown else [title]
    if markdown:
        lines += ["| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]
    for entry in rows:
        times = [f"{entry[n]:.3f} s" if n in entry else "" for n in names]
        ratios = [
            _ratio(entry[reference], entry[n]) if n in entry and reference in entry else ""
            for n in names[1:]
        ]
        cells = [entry["what"], *times, *ratios]
        if markdown:
            lines.append("| " + " | ".join(cells) + " |")
        else:
            lines.append(f"  {cells[0]:<24}" + "".join(f"{cell:>14}" for cell in cells[1:]))
    return "\n".join(lines) + "\n"


def seed_rows(repeat: int) -> list[dict]:
    ours = timed([*GRAPH, "centrality"], None, repeat)
    imports = timed([PYTHON, "-c", IMPORTS], None, repeat)
    return [
        row(
            "centrality (degree) on the seed",
            ours["s"],
            "import networkx, yaml, click",
            imports["s"],
            1.25,
        )
    ]


def render(title: str, rows: list[dict], markdown: bool) -> str:
    def number(value, unit="s"):
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        return f"{value:,.0f} MiB" if unit == "MiB" else f"{value:.2f} s"

    lines = []
    if markdown:
        lines += [
            f"### {title}",
            "",
            "| what | ours | compared with | theirs | ratio | goal | met |",
            "|---|---:|---|---:|---:|---|---|",
        ]
    else:
        lines += [title]
    for entry in rows:
        cells = [
            entry["what"],
            number(entry["ours"], entry.get("unit", "s")),
            entry.get("versus") or "",
            number(entry.get("theirs"), entry.get("unit", "s")),
            f"{entry['ratio']:.2f}×" if "ratio" in entry else "",
            entry.get("goal", ""),
            {True: "yes", False: "no"}.get(entry.get("met"), ""),
        ]
        if markdown:
            lines.append("| " + " | ".join(cells) + " |")
        else:
            lines.append(
                f"  {cells[0]:<52} {cells[1]:>10}  {cells[2]:<40} {cells[3]:>10} "
                f"{cells[4]:>8} {cells[5]:>7} {cells[6]}"
            )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="S,M,L", help="comma-separated: S, M, L, XL")
    parser.add_argument(
        "--repeat",
        type=int,
        default=0,
        help="runs per figure, the fastest kept (default: 3 on S and M, 1 above)",
    )
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    parser.add_argument("--keep", type=Path, help="write the corpora here (default: a temp dir)")
    options = parser.parse_args(argv)
    print(f"Machine: {machine()}\n", flush=True)
    print(render("Seed", seed_rows(options.repeat or 3), options.markdown), flush=True)
    with tempfile.TemporaryDirectory() as temporary:
        root = options.keep or Path(temporary)
        for size in options.sizes.split(","):
            size = size.strip().upper()
            repeat = options.repeat or (3 if size in ("S", "M") else 1)
            rows = rows_for(size, root / size, repeat)
            print(
                render(
                    f"{size}: {corpus.SIZES[size].actors:,} actors, "
                    f"{corpus.SIZES[size].relations:,} relations (repeat {repeat})",
                    rows,
                    options.markdown,
                ),
                flush=True,
            )
            names, rows = engine_rows(size, repeat if size in ("S", "M") else 3)
            title = f"{size}: engines in-process (data loaded, no start-up)"
            print(render_engines(title, names, rows, options.markdown), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
