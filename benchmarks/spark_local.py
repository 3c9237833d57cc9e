"""Spark in local mode beside networkx on the same graphs: BENCHMARKS.md's ``## Spark``.

    .venv/bin/python benchmarks/spark_local.py                 # seed and M, local[2]
    .venv/bin/python benchmarks/spark_local.py --sizes seed,M,L --master 'local[*]'

Each query runs in-process on a dataset already loaded (loading is the same
for both engines), once for Spark after one warm-up query, and its time is
wall clock; Spark's start is timed separately. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import corpus
from graph import load_dataset
from graph.queries.centrality import centrality
from graph.queries.paths import shortest_paths
from graph.queries.summary import stats


def timed(function, *args, **kwargs) -> float:
    start = time.perf_counter()
    function(*args, **kwargs)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="seed,M")
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args(argv)

    from graph.spark import queries as spark
    from graph.spark.frames import from_dataset
    from graph.spark.session import spark_session

    start = time.perf_counter()
    session = spark_session(args.master)
    started = time.perf_counter() - start
    print(
        f"machine: {platform.node()}, {platform.processor() or platform.machine()}; "
        f"Spark {session.version} on {args.master}, started in {started:.1f} s\n"
    )
    print("| graph | query | networkx | spark | spark / networkx |")
    print("| --- | --- | ---: | ---: | ---: |")
    for size in args.sizes.split(","):
        dataset = load_dataset() if size == "seed" else corpus.dataset(size, seed=0)
        label = f"{size} ({len(dataset.actors):,} / {len(dataset.relations):,})"
        graph = from_dataset(session, dataset)
        spark.centrality(graph, "degree")  # warm-up: the JVM compiles as it goes
        ids = sorted(dataset.actors)
        source, target = ids[1], ids[-3]
        ends = (dataset.actors[source], dataset.actors[target])
        queries = [
            ("stats", (stats, dataset), (spark.stats, graph)),
            ("centrality degree", (centrality, dataset, "degree"), (spark.centrality, graph)),
            (
                "centrality pagerank",
                (centrality, dataset, "pagerank"),
                (spark.centrality, graph, "pagerank"),
            ),
            ("path", (shortest_paths, dataset, source, target), (spark.path, graph, *ends)),
        ]
        for name, (function, *arguments), (ours, *our_arguments) in queries:
            base = timed(function, *arguments, engine="networkx")
            mine = timed(ours, *our_arguments)
            print(f"| {label} | {name} | {base:.3f} s | {mine:.1f} s | {mine / base:,.0f}× |")
    session.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
