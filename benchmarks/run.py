"""Whole-process timings of `graph` beside floors and peers measured in the same run, as ratios.

    .venv/bin/python benchmarks/run.py --markdown      # S, M and L
    .venv/bin/python benchmarks/run.py --sizes S,M     # quicker
    .venv/bin/python benchmarks/run.py --sizes XL --markdown --no-engines --no-betweenness
    .venv/bin/python benchmarks/run.py --sizes L,XL --corpora /work/bench  # corpora written before

For each size it writes a corpus (:mod:`benchmarks.corpus`, seed 0) with the
same data as JSON beside it, then times whole processes (start-up, imports,
loading and output included), each the fastest of ``--repeat`` runs, with
its peak memory (``ru_maxrss``) and, for betweenness, its CPU time:

* ours: ``graph validate`` with an empty cache (``XDG_CACHE_HOME`` pointed at
  a fresh folder), then ``graph stats``, ``graph centrality --measure
  pagerank`` (every actor's row, as the table, the default; and as JSON),
  ``graph path`` and exact betweenness warm (after one run has filled the
  cache), ``graph camps`` (not on XL), and on M ``graph html``; on the seed,
  ``graph centrality``;
* floors (issue 24): a process that only ``json.load``s the same data
  written as JSON, one that only parses the YAML with PyYAML's
  ``CSafeLoader`` (on XL estimated from a tenth of the bytes and scaled,
  ``--yaml-sample``: the whole parse holds ~8 GB for minutes), and the
  import floor ``python -c "import networkx, yaml, click"``;
* peers (issue 10): scripts that ``json.load`` the data, build networkx's
  ``DiGraph`` and call ``nx.pagerank`` or ``nx.all_shortest_paths``;
  networkx's exact betweenness, estimated from sampled sources where it would
  take minutes (time for K sources × n / K).

Each goal of issue 24 is a row: our figure, the figure it is compared with,
the ratio, the goal and whether it is met (on L: warm ``stats``, ``pagerank``
and ``path`` ≤ 1.0× ``json.load``; cold ``validate`` ≤ 2.5 s and ≤ 0.1× the
CSafeLoader parse, its peak memory ≤ 2× ``json.load``'s; exact betweenness ≤
45 s on 2 cores; on M ``graph html`` ≤ 12× the import floor; on XL cold
``validate`` ≤ 15 s and warm ``stats`` ≤ 1.5 s). Each table's title gives the
load average before and after it: the machine is shared while helpers work,
figures are noisy; the ratios are taken within one run. Where the load is
high, betweenness's CPU time (user + sys, all threads) tells more than its
wall time: on two idle cores the wall time is about half of it. ``graph``'s
bytecode is compiled before the first run, as an install compiles it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
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
# starts the command and reports its peak (and CPU time) instead, on the last
# line, after the command's own output.
PEAK = (
    "import os, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "sys.stdout.flush()\n"
    "child = subprocess.Popen(sys.argv[1:], stderr=subprocess.DEVNULL)\n"
    "_, status, usage = os.wait4(child.pid, 0)\n"
    "child.returncode = os.waitstatus_to_exitcode(status)\n"
    "wall, cpu = time.perf_counter() - start, usage.ru_utime + usage.ru_stime\n"
    "print('\\n', wall, usage.ru_maxrss / 1024, cpu)\n"
)


def peak(command: list[str], env: dict | None = None) -> tuple[float, float]:
    """Run ``command`` once; return (wall seconds, peak RSS in MiB)."""
    wall, memory, _, _ = usage(command, env)
    return wall, memory


def usage(command: list[str], env: dict | None = None) -> tuple[float, float, float, str]:
    """Run ``command`` once; return (wall s, peak RSS in MiB, CPU s: user + sys, its output)."""
    output = subprocess.run(
        [PYTHON, "-c", PEAK, *command],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=True,
    ).stdout
    out, _, numbers = output.rstrip().rpartition("\n")
    wall, memory, cpu = (float(x) for x in numbers.split())
    return wall, memory, cpu, out


def compile_package() -> None:
    """Compile ``graph``'s bytecode first and let every process use it, as an install does.

    pip compiles an installed package; a checkout run under
    ``PYTHONDONTWRITEBYTECODE`` (set in some shells and CI images) would
    otherwise compile every module in every timed process.
    """
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    package = Path(__file__).resolve().parent.parent / "graph"
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(package)], check=True)


def load() -> str:
    """Return the load averages (1, 5, 15 minutes) as uptime prints them."""
    try:
        return ", ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "?"


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
    for name in ("networkx", "rustworkx", "numba", "PyYAML", "click"):
        try:
            versions.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            versions.append(f"{name} not installed")
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory}; {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}; " + ", ".join(versions)
    )


def written(folder: Path, size: str, ready: Path | None) -> tuple[Path, list[str], int, str]:
    """Return the corpus folder of ``size``, its actor ids, its relation count and what was done.

    A folder ``ready/SIZE`` holding the corpus with its ``corpus.json`` (as
    ``benchmarks/corpus.py SIZE DIR --json`` writes it) is used as it is;
    otherwise the corpus is written into ``folder``.
    """
    if ready is not None and (ready / size / "corpus.json").is_file():
        folder = ready / size
        actors = (folder / "actors.yaml").read_text(encoding="utf-8")
        ids = re.findall(r"^  - id: (\S+)$", actors, flags=re.MULTILINE)
        with open(folder / "relations.yaml", "rb") as file:
            relations = sum(
                block.count(b"\n  - source: ") for block in iter(lambda: file.read(1 << 24), b"")
            )
        return folder, ids, relations, f"read {folder}"
    started = time.perf_counter()
    built = corpus.write(folder, size, seed=0, json_too=True)
    spent = f"generated in {time.perf_counter() - started:.1f} s"
    return folder, [actor["id"] for actor in built.actors], len(built.relations), spent


def yaml_floor(folder: Path, sample: float) -> tuple[float, float, str]:
    """Return (seconds, peak MiB, how) of the CSafeLoader parse of ``folder``'s YAML.

    ``sample`` below 1 parses that share of each file (cut at an entry) and
    scales time and memory by the bytes: PyYAML holds the whole document as
    Python objects, ~8 GB and minutes on XL, linear in the bytes.
    """
    if sample >= 1:
        seconds, memory = peak([PYTHON, "-c", YAML_PARSE, str(folder)])
        return seconds, memory, "CSafeLoader parse"
    with tempfile.TemporaryDirectory(prefix="graph-yaml-sample-") as cut:
        whole = kept = 0
        for name, entry in (("actors.yaml", b"\n  - id: "), ("relations.yaml", b"\n  - source: ")):
            data = (folder / name).read_bytes()
            end = data.find(entry, int(len(data) * sample))
            part = data if end < 0 else data[: end + 1]
            (Path(cut) / name).write_bytes(part)
            whole, kept = whole + len(data), kept + len(part)
        base_s, base_mb = peak([PYTHON, "-c", "pass"])
        seconds, memory = peak([PYTHON, "-c", YAML_PARSE, cut])
    scale = whole / kept
    estimate = (seconds - base_s) * scale + base_s, (memory - base_mb) * scale + base_mb
    return *estimate, f"CSafeLoader parse, est. from {kept / whole:.0%} of the bytes"


def rows_for(
    size: str,
    folder: Path,
    repeat: int,
    betweenness: bool = True,
    ready: Path | None = None,
    yaml_sample: float = 1.0,
) -> list[dict]:
    """Measure one size; return the rows of its table (goals: issue 24's, see the docstring)."""
    folder, ids, relations, how = written(folder, size, ready)
    data = str(folder)
    data_json = str(folder / "corpus.json")
    source, target = ids[1], ids[-1]
    n = len(ids)
    large = size == "L"
    rows = [{"what": f"corpus {size} ({n} actors, {relations} relations): {how}", "ours": None}]

    cache = tempfile.mkdtemp(prefix="graph-cache-")
    warm_env = {"XDG_CACHE_HOME": cache}

    def ours(*args, env=warm_env):
        result = timed([*GRAPH, *args, "--data", data], env, repeat)
        if result["rc"] not in (0, 1):
            print(f"  ! graph {' '.join(args)}: exit {result['rc']}: {result['err']}", flush=True)
        return result

    def script(code, *args):
        return timed([PYTHON, "-c", code, *args], None, repeat)

    # The floors.
    json_s, json_mb = min(peak([PYTHON, "-c", JSON_LOAD, data_json]) for _ in range(repeat))
    yaml_s, yaml_mb, yaml_how = yaml_floor(folder, yaml_sample)
    imports_s = script(IMPORTS)["s"]
    rows.append({"what": "floor: json.load of the same data", "ours": json_s})
    rows.append({"what": "floor: json.load peak RSS (MiB)", "ours": json_mb, "unit": "MiB"})
    rows.append({"what": f"floor: {yaml_how} of the YAML", "ours": yaml_s})
    rows.append({"what": f"floor: {yaml_how}, peak RSS (MiB)", "ours": yaml_mb, "unit": "MiB"})
    rows.append({"what": "floor: import networkx, yaml, click", "ours": imports_s})
    # Cold validate: a fresh cache folder each run.
    validate_s, validate_mb = min(
        peak(
            [*GRAPH, "validate", "--data", data],
            {"XDG_CACHE_HOME": tempfile.mkdtemp(prefix="graph-cold-")},
        )
        for _ in range(repeat)
    )
    rows.append(
        row(
            "validate, cold (quotes checked)",
            validate_s,
            yaml_how,
            yaml_s,
            0.1 if large else None,
            absolute={"L": 2.5, "XL": 15}.get(size),
        )
    )
    rows.append(
        row(
            "validate peak RSS (MiB)",
            validate_mb,
            "json.load peak RSS",
            json_mb,
            2 if large else None,
            unit="MiB",
        )
    )
    # Fill the warm cache (where the loader keeps one), then measure warm commands.
    ours("validate")
    stats = ours("stats", "--format", "json")
    rows.append(
        row(
            "stats, warm",
            stats["s"],
            "json.load",
            json_s,
            1.0 if large else None,
            absolute=1.5 if size == "XL" else None,
        )
    )
    # Every actor's row, as a table (the default): what a reader runs.
    pagerank_json = ours("centrality", "--measure", "pagerank", "--format", "json")
    pagerank = ours("centrality", "--measure", "pagerank")
    rows.append(
        row(
            f"centrality pagerank, warm, {n:,} rows as the table ({_engine(pagerank_json)})",
            pagerank["s"],
            "json.load",
            json_s,
            1.0 if large else None,
        )
    )
    rows.append(
        row("centrality pagerank, warm, as JSON", pagerank_json["s"], "json.load", json_s, None)
    )
    path = ours("path", source, target, "--format", "json")
    rows.append(
        row(
            f"path {source} {target}, warm ({_engine(path)})",
            path["s"],
            "json.load",
            json_s,
            1.0 if large else None,
        )
    )
    if size != "XL":  # the peers of issue 10
        peer = script(PAGERANK, data_json)
        rows.append(
            row("pagerank, warm", pagerank["s"], "json + DiGraph + nx.pagerank", peer["s"], None)
        )
        peer = script(PATHS, data_json, source, target)
        rows.append(
            row("path, warm", path["s"], "json + DiGraph + nx.all_shortest_paths", peer["s"], None)
        )
    if betweenness:
        command = [*GRAPH, "centrality", "--measure", "betweenness", "--data", data]
        command += ["--format", "json", "--top", "1"]
        exact_s, _, exact_cpu, out = usage(command, warm_env)
        answered = _engine({"out": out})
        sample = n if n <= 2000 else 100
        estimate = timed([PYTHON, "-c", BETWEENNESS, data_json, str(sample)])
        # The whole process, with the sampled sources' time replaced by all sources' estimate.
        spent, scaled = (float(x) for x in (estimate["out"].split() or ["nan", "nan"]))
        nx_s = estimate["s"] - spent + scaled
        label = "networkx exact" if sample >= n else f"networkx, est. from {sample} sources"
        rows.append(
            row(
                f"exact betweenness ({answered})",
                exact_s,
                label,
                nx_s,
                None,
                absolute=45 if large else None,
            )
        )
        rows.append(
            {
                "what": "exact betweenness, CPU time (user + sys, all threads)",
                "ours": exact_cpu,
            }
        )
    if size == "XL":  # camps' exact split and margins: minutes on a million relations
        return rows
    camps = ours("camps", "--format", "json")
    try:
        frustrated = len(json.loads(camps["out"])["frustrated"])
    except (ValueError, KeyError):
        frustrated = "?"
    rows.append({"what": f"camps ({frustrated} frustrated relations)", "ours": camps["s"]})
    if size in ("S", "M"):
        with tempfile.TemporaryDirectory() as out:
            page = timed(
                [*GRAPH, "html", "--data", data, "--output", f"{out}/page.html"], warm_env, repeat
            )
        rows.append(
            row(
                "html",
                page["s"],
                "import networkx, yaml, click",
                imports_s,
                12 if size == "M" else None,
            )
        )
    return rows


def _engine(result: dict) -> str:
    try:
        return json.loads(result["out"]).get("engine", "?")
    except ValueError:
        return "failed"


def row(what, ours, versus, theirs, goal, unit="s", absolute=None) -> dict:
    """A table row: ratio = ours / theirs; met when within the ratio goal and the absolute goal."""
    entry = {"what": what, "ours": ours, "unit": unit, "versus": versus, "theirs": theirs}
    if theirs:
        entry["ratio"] = ours / theirs
    goals, met = [], []
    if absolute is not None:
        goals.append(f"≤ {absolute} s")
        met.append(ours <= absolute)
    if goal is not None:
        goals.append(f"≤ {goal}×")
        met.append("ratio" in entry and entry["ratio"] <= goal)
    if goals:
        entry["goal"] = " and ".join(goals)
        entry["met"] = all(met)
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
    for engine in engines:  # imports (scipy, numba's kernel) are not the operation
        if engine.can("pagerank"):
            engine.centrality(tiny, "pagerank")
        if engine.can("components"):
            engine.components(tiny)
        if engine.can("betweenness"):
            engine.centrality(tiny, "betweenness")
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
    parser.add_argument(
        "--no-betweenness", action="store_true", help="skip exact betweenness (long on XL)"
    )
    parser.add_argument(
        "--no-engines", action="store_true", help="skip the in-process engine tables"
    )
    parser.add_argument(
        "--corpora",
        type=Path,
        help="read each size's corpus from DIR/SIZE where it is there with its corpus.json "
        "(benchmarks/corpus.py SIZE DIR/SIZE --json), rather than writing it",
    )
    parser.add_argument(
        "--yaml-sample",
        type=float,
        default=None,
        metavar="SHARE",
        help="estimate the CSafeLoader floor from this share of the YAML, scaled by the bytes "
        "(default: 0.1 on XL, whose whole parse holds ~8 GB for minutes; 1: parse it all)",
    )
    options = parser.parse_args(argv)
    compile_package()
    print(f"Machine: {machine()}\n", flush=True)
    print(f"Load average at the start (1, 5, 15 min): {load()}\n", flush=True)
    print(render("Seed", seed_rows(options.repeat or 3), options.markdown), flush=True)
    with tempfile.TemporaryDirectory() as temporary:
        root = options.keep or Path(temporary)
        for size in options.sizes.split(","):
            size = size.strip().upper()
            repeat = options.repeat or (3 if size in ("S", "M") else 1)
            before = load()
            sample = options.yaml_sample or (0.1 if size == "XL" else 1.0)
            rows = rows_for(
                size,
                root / size,
                repeat,
                not options.no_betweenness,
                options.corpora,
                sample,
            )
            print(
                render(
                    f"{size}: {corpus.SIZES[size].actors:,} actors, "
                    f"{corpus.SIZES[size].relations:,} relations (repeat {repeat}; "
                    f"load {before} before, {load()} after)",
                    rows,
                    options.markdown,
                ),
                flush=True,
            )
            if options.no_engines or size == "XL":
                continue
            names, rows = engine_rows(size, repeat if size in ("S", "M") else 3)
            title = f"{size}: engines in-process (data loaded, no start-up)"
            print(render_engines(title, names, rows, options.markdown), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
