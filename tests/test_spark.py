"""The Spark engine in local mode, against the default engine (networkx) on the same data.

One SparkSession (``local[2]``) serves the whole test session: commands run
in-process find it active and reuse it. Expected values are computed by the
networkx engine on the same data, never written down.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import corpus
from graph import load_dataset
from graph.filters import filter_dataset
from graph.problems import DatasetError
from graph.queries.centrality import centrality
from graph.queries.paths import shortest_paths
from graph.queries.summary import stats

ROOT = Path(__file__).resolve().parent.parent
PAGERANK_TOLERANCE = 1e-9


@pytest.fixture(scope="session")
def spark():
    from graph.spark.session import spark_session

    session = spark_session("local[2]")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def seed():
    return load_dataset()


@pytest.fixture(scope="session")
def generated():
    """A generated corpus of 2,000 actors and 20,000 relations (benchmarks/corpus.py, M)."""
    return corpus.dataset("M", seed=0)


def on_spark(spark, dataset):
    from graph.spark.frames import from_dataset

    return from_dataset(spark, dataset)


def without_engine(result: dict) -> dict:
    return {key: value for key, value in result.items() if key != "engine"}


def assert_same_ranking(ours: dict, reference: dict, tolerance: float = 0.0) -> None:
    assert ours["engine"] == "spark"
    assert [row["id"] for row in ours["results"]] == [row["id"] for row in reference["results"]]
    assert [row["rank"] for row in ours["results"]] == [row["rank"] for row in reference["results"]]
    for mine, theirs in zip(ours["results"], reference["results"]):
        assert abs(mine["score"] - theirs["score"]) <= tolerance, mine["id"]
    assert abs(sum(row["score"] for row in ours["results"]) - 1.0) < 1e-9 or tolerance == 0


# -- the seed ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("measure", "directed", "weighted"),
    [
        ("degree", True, False),
        ("degree", False, False),
        ("degree", True, True),
        ("in-degree", True, False),
        ("out-degree", True, True),
    ],
)
def test_degrees_on_the_seed_equal_the_default_engines(spark, seed, measure, directed, weighted):
    from graph.spark.queries import centrality as spark_centrality

    ours = spark_centrality(on_spark(spark, seed), measure, directed, weighted)
    reference = centrality(seed, measure, directed, weighted, engine="networkx")
    assert without_engine(ours) == without_engine(reference)


@pytest.mark.parametrize("directed", [True, False])
def test_pagerank_on_the_seed_equals_the_default_engines_to_1e_9(spark, seed, directed):
    from graph.spark.queries import centrality as spark_centrality

    ours = spark_centrality(on_spark(spark, seed), "pagerank", directed)
    reference = centrality(seed, "pagerank", directed, engine="networkx")
    assert_same_ranking(ours, reference, PAGERANK_TOLERANCE)
    assert abs(sum(row["score"] for row in ours["results"]) - 1.0) < 1e-12


def test_stats_on_the_seed_equal_the_default_engines(spark, seed):
    from graph.spark.queries import stats as spark_stats

    ours = spark_stats(on_spark(spark, seed))
    assert ours["engine"] == "spark"
    assert without_engine(ours) == without_engine(stats(seed, engine="networkx"))


def test_first_shortest_paths_on_the_seed_equal_the_default_engines(spark, seed):
    from graph.spark.queries import path as spark_path

    graph = on_spark(spark, seed)
    ids = sorted(seed.actors)
    pairs = [(ids[0], ids[-1]), (ids[5], ids[17]), ("turkiye", "russia")]
    for source, target in pairs:
        for directed in (False, True):
            ours = spark_path(graph, seed.actors[source], seed.actors[target], directed)
            reference = shortest_paths(seed, source, target, directed, engine="networkx")
            assert ours["shortest_length"] == reference["shortest_length"], (source, target)
            assert ours["paths"] == reference["paths"][:1], (source, target, directed)


def test_filters_apply_in_spark_as_in_the_default_engine(spark, seed):
    from graph.spark.queries import centrality as spark_centrality

    kinds = sorted({actor.kind for actor in seed.actors.values()})[:2]
    types = sorted(seed.types)[: len(seed.types) // 2]
    dates = sorted(r.date for r in seed.relations if r.date)
    hub = centrality(seed, "degree", engine="networkx")["results"][0]["id"]
    cases = [
        {"types": types},
        {"kinds": kinds},
        {"as_of": dates[len(dates) // 2][:7]} if dates else {"exclude": [hub]},
        {"exclude": [hub]},
    ]
    graph = on_spark(spark, seed)
    for case in cases:
        filtered = graph.filtered(**case)
        ours = spark_centrality(filtered, "degree")
        reference = centrality(filter_dataset(seed, **case), "degree", engine="networkx")
        assert without_engine(ours) == without_engine(reference), case


def test_the_python_api_takes_engine_spark(spark, seed):
    ours = centrality(seed, "out-degree", engine="spark")
    assert ours["engine"] == "spark"
    reference = centrality(seed, "out-degree", engine="networkx")
    assert without_engine(ours) == without_engine(reference)
    assert stats(seed, engine="spark")["components"] == stats(seed)["components"]


# -- the generated corpus (2,000 actors / 20,000 relations) -----------------


def test_generated_corpus_has_the_size_the_issue_asks(generated):
    assert len(generated.actors) >= 2_000 and len(generated.relations) >= 20_000


def test_generated_stats_and_degrees_equal_the_default_engines(spark, generated):
    from graph.spark.queries import centrality as spark_centrality
    from graph.spark.queries import stats as spark_stats

    graph = on_spark(spark, generated)
    assert without_engine(spark_stats(graph)) == without_engine(stats(generated, engine="networkx"))
    ours = spark_centrality(graph, "in-degree", top=25)
    reference = centrality(generated, "in-degree", top=25, engine="networkx")
    assert without_engine(ours) == without_engine(reference)


def test_generated_pagerank_equals_the_default_engines_to_1e_9(spark, generated):
    from graph.spark.queries import centrality as spark_centrality

    ours = spark_centrality(on_spark(spark, generated), "pagerank")
    reference = centrality(generated, "pagerank", engine="networkx")
    assert_same_ranking(ours, reference, PAGERANK_TOLERANCE)


def test_generated_first_shortest_path_equals_the_default_engines(spark, generated):
    from graph.spark.queries import path as spark_path

    ids = sorted(generated.actors)
    source, target = ids[1], ids[-3]
    ours = spark_path(
        on_spark(spark, generated), generated.actors[source], generated.actors[target]
    )
    reference = shortest_paths(generated, source, target, engine="networkx")
    assert ours["shortest_length"] == reference["shortest_length"]
    assert ours["paths"] == reference["paths"][:1]


# -- Parquet tables read by Spark -------------------------------------------


def write_tables(spark, dataset, folder: Path, breakage=None) -> str:
    """Write ``dataset`` as Parquet tables in the table layout, with Spark."""
    relations = [
        (
            r.source,
            r.target,
            r.type,
            dataset.types[r.type].sign,
            dataset.types[r.type].symmetric,
            r.evidence,
            r.document,
            r.date,
            float(r.weight),
            "seed",
        )
        for r in dataset.relations
    ]
    if breakage:
        relations = breakage(relations)
    frames = {
        "actors": (
            [
                (a.id, a.name, a.kind, list(a.aliases), a.description, "seed")
                for a in dataset.actors.values()
            ],
            "id string, name string, kind string, aliases array<string>, description string, "
            "dataset string",
        ),
        "relations": (
            relations,
            "src string, dst string, type string, sign int, symmetric boolean, evidence string, "
            "document string, date string, weight double, dataset string",
        ),
        "types": (
            [(t.name, t.sign, t.symmetric, t.description, t.role) for t in dataset.types.values()],
            "name string, sign int, symmetric boolean, description string, role string",
        ),
        "documents": (
            [(key, str(doc.path), "seed") for key, doc in dataset.documents.items()],
            "key string, path string, dataset string",
        ),
    }
    for name, (rows, schema) in frames.items():
        spark.createDataFrame(rows, schema).coalesce(1).write.parquet(
            str(folder / f"{name}.parquet")
        )
    return str(folder)


def test_tables_read_by_spark_give_the_default_engines_answers(spark, seed, tmp_path, run):
    uri = write_tables(spark, seed, tmp_path / "tables")
    result = run("stats", "--tables", uri, "--format", "json")
    assert result.exit_code == 0, result.stderr
    ours = json.loads(result.stdout)
    reference = stats(seed, engine="networkx")
    for key in ("actors", "relations", "components", "largest_component", "isolated", "density"):
        assert ours[key] == reference[key], key
    assert ours["engine"] == "spark"
    result = run("centrality", "--tables", uri, "--top", "5", "--format", "json")
    expected = centrality(seed, "degree", top=5, engine="networkx")
    assert without_engine(json.loads(result.stdout)) == without_engine(expected)


def test_tables_written_by_graph_export_are_read_by_spark(spark, seed, tmp_path, run):
    """The table layout is shared: ``graph export --format parquet`` feeds ``--tables``."""
    folder = tmp_path / "exported"
    assert run("export", "--format", "parquet", "-o", str(folder)).exit_code == 0
    ours = json.loads(run("stats", "--tables", str(folder), "--format", "json").stdout)
    reference = stats(seed, engine="networkx")
    assert {key: ours[key] for key in reference if key not in ("engine", "documents")} == {
        key: value for key, value in reference.items() if key not in ("engine", "documents")
    }
    assert sorted(ours["documents"]) == sorted(reference["documents"])


def test_bad_tables_are_reported_row_by_row(spark, seed, tmp_path):
    from graph.spark.frames import from_tables

    def breakage(relations):
        broken = list(relations)
        broken[1] = ("nobody", *broken[1][1:])
        broken[2] = (*broken[2][:3], 7, *broken[2][4:])
        broken[3] = (*broken[3][:7], "2025-02-30", *broken[3][8:])
        broken[4] = (*broken[4][:2], "befriends", *broken[4][3:])
        return broken

    uri = write_tables(spark, seed, tmp_path / "broken", breakage)
    with pytest.raises(DatasetError) as caught:
        from_tables(spark, uri)
    lines = [str(problem) for problem in caught.value.problems]
    part = next(Path(uri, "relations.parquet").glob("*.parquet"))
    assert all(line.startswith("file:") and part.name in line for line in lines), lines
    assert any(":2:1: error: unknown actor 'nobody'" in line for line in lines)
    assert any(":3:4: error: sign 7 disagrees with type" in line for line in lines)
    assert any(":4:8: error: date must be a real" in line for line in lines)
    assert any(":5:3: error: unknown relation type 'befriends'" in line for line in lines)
    assert len(lines) == 4


def write_frames(spark, folder: Path, tables: dict) -> str:
    """Write ``{name: (rows, schema)}`` as Parquet tables with Spark; return the folder."""
    for name, (rows, schema) in tables.items():
        spark.createDataFrame(rows, schema).coalesce(1).write.parquet(
            str(folder / f"{name}.parquet")
        )
    return str(folder)


SMALL_ACTORS = (
    [("a", "Alpha", "country", ["Al"]), ("b", "Beta", "country", []), ("c", "Gamma", "person", [])],
    "id string, name string, kind string, aliases array<string>",
)
SMALL_RELATIONS = (
    [
        ("a", "b", "meets", "Alpha met Beta in town"),
        ("c", "a", "fights", "Gamma fought Alpha"),
        ("b", "c", "meets", "Beta met Gamma there"),
    ],
    "src string, dst string, type string, evidence string",
)


def test_symmetric_written_as_text_is_read_as_data_reads_it(spark, tmp_path, run):
    """Text "false" was true to Spark (Python's bool of a non-empty text): ranks differed."""
    from graph.spark.frames import from_tables

    uri = write_frames(
        spark,
        tmp_path / "t",
        {
            "actors": SMALL_ACTORS,
            "relations": SMALL_RELATIONS,
            "types": (
                [("meets", 0, "false"), ("fights", -1, " TRUE ")],
                "name string, sign int, symmetric string",
            ),
        },
    )
    types = from_tables(spark, uri).types
    assert {name: t.symmetric for name, t in types.items()} == {"meets": False, "fights": True}
    args = ("centrality", "--measure", "in-degree", "--format", "json")
    ours = run(*args, "--tables", uri)
    reference = run(*args, "--data", uri)
    assert ours.exit_code == 0 and reference.exit_code == 0, ours.stderr + reference.stderr
    assert without_engine(json.loads(ours.stdout)) == without_engine(json.loads(reference.stdout))


def test_wrongly_typed_columns_are_one_located_line_each(spark, tmp_path, run):
    """Spark's cast errors printed Java frames and a Python traceback."""
    uri = write_frames(
        spark,
        tmp_path / "schema",
        {
            "actors": (
                [("a", "Alpha", 1, "Al"), ("b", "Beta", 1, None), ("c", "Gamma", 2, None)],
                "id string, name string, kind int, aliases string",
            ),
            "relations": SMALL_RELATIONS,
            "types": (
                [("meets", 0, False), ("fights", -1, False)],
                "name string, sign int, symmetric boolean",
            ),
        },
    )
    result = run("stats", "--tables", uri)
    assert result.exit_code == 1
    actors = f"{uri}/actors.parquet"
    assert result.stderr.splitlines() == [
        f"{actors}: error: column 'aliases' has type string, expected array<string>",
        f"{actors}: error: column 'kind' has type int, expected string",
    ]
    uri = write_frames(
        spark,
        tmp_path / "cells",
        {
            "actors": SMALL_ACTORS,
            "relations": (
                [
                    ("a", "b", "meets", "Alpha met Beta in town", "0", "no", "heavy"),
                    ("c", "a", "fights", "Gamma fought Alpha", "zero", "maybe", " 2.5"),
                    ("b", "c", "meets", "Beta met Gamma there", None, "", None),
                ],
                "src string, dst string, type string, evidence string, sign string, "
                "symmetric string, weight string",
            ),
            "types": (
                [("meets", "0", None), ("fights", "-1", "no"), ("loves", "1", "perhaps")],
                "name string, sign string, symmetric string",
            ),
        },
    )
    result = run("stats", "--tables", uri)
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr and "\tat org.apache" not in result.stderr
    lines = [line.split(".parquet:", 1)[1] for line in result.stderr.splitlines()]
    assert lines == ["3:3: error: symmetric of type 'loves' must be true or false, not 'perhaps'"]
    uri = write_frames(
        spark,
        tmp_path / "cells2",
        {
            "actors": SMALL_ACTORS,
            "relations": (
                [
                    ("a", "b", "meets", "Alpha met Beta in town", "0", "no", "heavy"),
                    ("c", "a", "fights", "Gamma fought Alpha", "zero", "maybe", " 2.5"),
                    ("b", "c", "meets", "Beta met Gamma there", None, "", None),
                ],
                "src string, dst string, type string, evidence string, sign string, "
                "symmetric string, weight string",
            ),
            "types": (
                [("meets", "0", None), ("fights", "-1", "no")],
                "name string, sign string, symmetric string",
            ),
        },
    )
    result = run("stats", "--tables", uri)
    assert result.exit_code == 1
    lines = [line.split(".parquet:", 1)[1] for line in result.stderr.splitlines()]
    assert lines == [
        "1:7: error: weight must be a number from 1e-06 to 1e+06",
        "2:5: error: sign zero disagrees with type 'fights' (-1)",
        "2:6: error: symmetric maybe disagrees with type 'fights' (false)",
    ]


def test_an_unreadable_optional_table_is_an_error(spark, tmp_path, run):
    """A kinds table Spark could not read was dropped, and every kind passed."""
    uri = write_frames(
        spark,
        tmp_path / "t",
        {
            "actors": SMALL_ACTORS,
            "relations": SMALL_RELATIONS,
            "types": ([("meets", 0), ("fights", -1)], "name string, sign int"),
        },
    )
    (tmp_path / "t" / "kinds.parquet").write_bytes(b"not Parquet at all")
    result = run("stats", "--tables", uri)
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{uri}/kinds.parquet: error: cannot read the kinds table: ")


# -- the command line -------------------------------------------------------


def test_cli_json_equals_the_default_engines_but_for_the_engine(spark, run):
    for args in (
        ["stats"],
        ["centrality", "--measure", "out-degree", "--top", "8"],
        ["path", "Türkiye", "Russia"],
    ):
        ours = run(*args, "--engine", "spark", "--format", "json")
        reference = run(*args, "--engine", "networkx", "--format", "json")
        assert ours.exit_code == 0, ours.stderr
        expected = reference.stdout
        if args[0] == "path":  # Spark gives the first shortest path only (docs/spark.md)
            first = json.loads(expected)
            assert len(first["paths"]) > 1  # the seed's Türkiye-Russia has several
            first["paths"] = first["paths"][:1]
            expected = json.dumps(first, ensure_ascii=False, indent=2) + "\n"
        assert ours.stdout.replace('"engine": "spark"', '"engine": "networkx"') == expected


def test_cli_usage_errors_name_the_engines_that_can(spark, run, tmp_path):
    result = run("centrality", "--engine", "spark", "--measure", "betweenness")
    assert result.exit_code == 2
    assert "engines that compute betweenness: networkx, rustworkx" in result.stderr
    result = run("path", "a", "b", "--engine", "spark", "--max", "3")
    assert result.exit_code == 2 and "engines that can: networkx" in result.stderr
    result = run("stats", "--tables", str(tmp_path), "--engine", "networkx")
    assert result.exit_code == 2 and "use --engine spark" in result.stderr
    result = run("stats", "--tables", str(tmp_path / "none"))
    assert result.exit_code == 2 and "cannot read the actors table" in result.stderr


def test_the_default_install_never_imports_pyspark():
    code = (
        "import sys, graph, graph.cli.main, graph.engines, graph.queries.centrality;"
        "from click.testing import CliRunner;"
        "r = CliRunner().invoke(graph.cli.main.cli, ['centrality', '--top', '1']);"
        "assert r.exit_code == 0, r.output;"
        "assert 'pyspark' not in sys.modules, 'pyspark imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_docs_spark_submit_command_runs_with_the_wheel(spark, seed, tmp_path):
    """docs/spark.md's cluster command, the master set to local[2], the tables in a folder."""
    docs = (ROOT / "docs" / "spark.md").read_text(encoding="utf-8")
    block = docs.split("<!-- spark-submit -->")[1].split("```sh")[1].split("```")[0]
    # The wheel is built below; installing it would replace this checkout's editable
    # install, which already provides the package and pyspark to the driver.
    submit = block[block.index("spark-submit") :]
    tables = write_tables(spark, seed, tmp_path / "corpus")
    command = (
        submit.replace("spark://HOST:7077", "local[2]")
        .replace("hdfs://namenode:8020/corpus", tables)
        .strip()
    )
    assert "spark-submit" in command and "local[2]" in command
    dist = tmp_path / "dist"
    build = ["wheel", "--no-deps", "--no-build-isolation", "--quiet", "-w", str(dist), str(ROOT)]
    subprocess.run(
        [sys.executable, "-m", "pip", *build],
        check=True,
        capture_output=True,
    )
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    env["PYSPARK_PYTHON"] = env["PYSPARK_DRIVER_PYTHON"] = sys.executable
    env.pop("SPARK_MASTER", None)
    done = subprocess.run(
        ["bash", "-c", command],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout)
    reference = centrality(load_dataset(), "in-degree", top=5, engine="networkx")
    assert without_engine(result) == without_engine(reference)


# -- Spark's own log file ----------------------------------------------------


def spark_stats_with_log(log: Path) -> subprocess.CompletedProcess:
    """``graph stats --engine spark`` in a new process (so a new session), its log at ``log``."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYSPARK_GATEWAY_PORT", "SPARK_MASTER")}
    env["GRAPH_SPARK_LOG"] = str(log)
    return subprocess.run(
        [sys.executable, "-m", "graph", "stats", "--engine", "spark", "--spark-master", "local[1]"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,  # a guard only: a FIFO used to hang the command for good
    )


def test_spark_log_is_never_written_through_a_symlink(tmp_path):
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me\n", encoding="utf-8")
    link = tmp_path / "spark.log"
    link.symlink_to(precious)
    done = spark_stats_with_log(link)
    assert precious.read_text(encoding="utf-8") == "keep me\n"
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines()[-1] == (
        f"Error: cannot write Spark's log: {link} is a symlink: refusing to write through it "
        "(remove it, or name another file in GRAPH_SPARK_LOG)"
    )


def test_spark_log_that_is_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "spark.log"
    os.mkfifo(fifo)
    done = spark_stats_with_log(fifo)
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines()[-1] == (
        f"Error: cannot write Spark's log: {fifo} is a FIFO (named pipe), not a regular file: "
        "refusing it (remove it, or name another file in GRAPH_SPARK_LOG)"
    )


def test_spark_reads_the_story_as_the_default_engines(spark):
    from graph.spark.queries import centrality as spark_centrality

    dataset = load_dataset(ROOT / "tests/data/roles")
    for with_commentary in (False, True):
        for measure in ("degree", "pagerank"):
            ours = spark_centrality(
                on_spark(spark, dataset), measure, with_commentary=with_commentary
            )
            reference = centrality(dataset, measure, with_commentary=with_commentary)
            assert ours["not_in_story"] == reference["not_in_story"]
            assert ours["roles"] == reference["roles"]
            assert_same_ranking(ours, reference, 1e-9 if measure == "pagerank" else 0.0)


# -- graph import gdelt --engine spark ---------------------------------------------------------


def test_gdelt_import_in_spark_equals_the_local_import(spark, tmp_path, run):
    """One Spark import of every GDELT fixture at once (and awkward rows, and Mentions):
    the report, every table (``graph diff``), the relations' order and the attributes
    are the local import's; ``--tables`` reads what Spark wrote."""
    import csv

    import pyarrow.parquet as pq

    from tests.test_import import FIXTURES, awkward_gdelt

    gdelt = FIXTURES / "gdelt"
    sources = [
        str(awkward_gdelt(tmp_path)),
        str(gdelt / "events.csv"),
        str(gdelt / "matched" / "events.tsv"),
    ]
    mentions = ["--mentions", str(gdelt / "matched" / "mentions.tsv")]
    local, spark_out = tmp_path / "local", tmp_path / "spark"
    assert run("import", "gdelt", *sources, *mentions, "-o", str(local)).exit_code == 0
    result = run("import", "gdelt", *sources, *mentions, "-o", str(spark_out), "--engine", "spark")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.replace(str(spark_out), "OUT") == (
        run("import", "gdelt", *sources, *mentions, "-o", str(local), "--replace").stdout.replace(
            str(local), "OUT"
        )
    )
    ours = json.loads((spark_out / "import" / "report.json").read_text())
    theirs = json.loads((local / "import" / "report.json").read_text())
    assert {**ours, "output": ""} == {**theirs, "output": ""}
    assert ours["relations_made"] == 71 + 471 + 3
    assert ours["evidence_states"] == {"asserted": 532, "located": 13}
    # Partitioned Parquet: folders of part files, read by --data and by --tables.
    assert (spark_out / "relations.parquet").is_dir()
    diff = run("diff", str(local), str(spark_out))
    assert diff.exit_code == 0, diff.stdout
    with open(local / "import" / "attributes.csv", newline="", encoding="utf-8") as handle:
        expected = list(csv.reader(handle))
    got = pq.read_table(spark_out / "import" / "attributes.parquet").to_pylist()
    assert [[str(row["relation"])] + [row[name] for name in expected[0][1:]] for row in got] == (
        expected[1:]
    )
    with open(local / "relations.csv", newline="", encoding="utf-8") as handle:
        order = [(row["src"], row["dst"], row["locator"]) for row in csv.DictReader(handle)]
    relations = pq.read_table(spark_out / "relations.parquet").to_pylist()
    assert [(row["src"], row["dst"], row["locator"]) for row in relations] == order
    stats_json = run("stats", "--tables", str(spark_out), "--format", "json")
    assert stats_json.exit_code == 0, stats_json.stderr
    assert json.loads(stats_json.stdout)["relations"] == 545


def test_spark_import_refuses_what_it_cannot_do(spark, tmp_path, run):
    from tests.test_import import ACLED

    result = run("import", "acled", str(ACLED), "-o", str(tmp_path / "a"), "--engine", "spark")
    assert result.exit_code == 2 and "gdelt format only" in result.stderr
    result = run(
        "import", "gdelt", str(ACLED), "-o", str(tmp_path / "b"), "--engine", "spark",
        "--tables", "csv",
    )  # fmt: skip
    assert result.exit_code == 2 and "Parquet tables, not CSV" in result.stderr
