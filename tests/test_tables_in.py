"""--data accepts a folder of tables (CSV or Parquet): same rules, problems at FILE:ROW:COLUMN."""

from __future__ import annotations

import filecmp
import json
import os

import pytest

from graph import DatasetError, load_dataset
from graph.export import export_dataset

from .conftest import DATA

INTEROP = DATA / "interop"


def same_files(first, second) -> bool:
    comparison = filecmp.dircmp(first, second)
    names = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    return all((first / n).read_bytes() == (second / n).read_bytes() for n in names) and (
        not comparison.diff_files
    )


@pytest.mark.parametrize("source", [None, INTEROP], ids=["seed", "interop"])
def test_csv_export_read_back_exports_the_same_bytes(run, tmp_path, source):
    first, second = tmp_path / "first", tmp_path / "second"
    data = [] if source is None else ["--data", str(source)]
    assert run("export", "--format", "csv", "-o", str(first), *data).exit_code == 0
    result = run("export", "--format", "csv", "-o", str(second), "--data", str(first))
    assert result.exit_code == 0, result.stderr
    assert same_files(first, second)


def test_parquet_tables_read_back_like_csv(run, tmp_path):
    assert run("export", "--format", "parquet", "-o", str(tmp_path / "p")).exit_code == 0
    run(
        "export",
        "--format",
        "csv",
        "-o",
        str(tmp_path / "from-parquet"),
        "--data",
        str(tmp_path / "p"),
    )
    run("export", "--format", "csv", "-o", str(tmp_path / "from-yaml"))
    assert same_files(tmp_path / "from-parquet", tmp_path / "from-yaml")


def test_tables_load_as_the_same_dataset(tmp_path):
    original = load_dataset(INTEROP)
    export_dataset(original, "csv", tmp_path)
    tables = load_dataset(tmp_path)
    assert [a.to_dict() | {"datasets": ["interop"]} for a in original.actors.values()] == [
        a.to_dict() for a in tables.actors.values()
    ]
    assert [r.to_dict() for r in tables.relations] == [
        r.to_dict() | {"dataset": "interop"} for r in original.relations
    ]
    assert tables.types == original.types and tables.kinds == original.kinds


def test_queries_run_on_tables(run, tmp_path):
    export_dataset(load_dataset(), "csv", tmp_path)
    yaml_stats = json.loads(run("stats", "--format", "json").stdout)
    table_stats = json.loads(run("stats", "--format", "json", "--data", str(tmp_path)).stdout)
    assert table_stats.pop("documents").keys() == yaml_stats.pop("documents").keys()
    assert table_stats == yaml_stats
    assert run("centrality", "--data", str(tmp_path)).stdout == run("centrality").stdout


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_problems_point_at_file_row_and_column(run, tmp_path):
    export_dataset(load_dataset(INTEROP), "csv", tmp_path)
    actors, relations = tmp_path / "actors.csv", tmp_path / "relations.csv"
    edit(actors, "id,name,kind,aliases,description,", "id,name,kind,aliases,descripton,")
    edit(actors, "freedonia,Freedonia 😀,country", "freedonia,Freedonia 😀,contry")
    edit(relations, "2025-11,2.5,", "2025-11,heavy,")
    edit(relations, "2025-11-03", "2025-02-30")
    edit(relations, "sylvania,ruritania,rejects `x`,-1", "sylvania,ruritanai,rejects `x`,1")
    result = run("validate", "--data", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{actors}:1:5: error: unknown column 'descripton' in the actors table (allowed: id, "
        "name, kind, aliases, description, dataset) (did you mean 'description'?)",
        f"{actors}:4:3: error: unknown kind 'contry' (declared: country, council `body`); "
        "declare it in the kinds table (did you mean 'country'?)",
        f"{relations}:2:9: error: weight must be a number from 1e-06 to 1e+06, not 'heavy'",
        f"{relations}:3:8: error: date '2025-02-30' does not exist: day is out of range for month",
        f"{relations}:5:2: error: unknown actor 'ruritanai' in target (did you mean 'ruritania'?)",
        f"{relations}:5:4: error: sign '1' disagrees with type 'rejects `x`' (sign -1 in the "
        "types table)",
    ]


def test_a_quote_not_in_its_document_is_found_in_tables(tmp_path):
    export_dataset(load_dataset(INTEROP), "csv", tmp_path)
    edit(tmp_path / "relations.csv", "Sylvania rejected the pact", "Sylvania accepted the pact")
    with pytest.raises(DatasetError) as caught:
        load_dataset(tmp_path)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.column) == (str(tmp_path / "relations.csv"), 5, 6)
    assert "evidence quote not found in document 'notes'" in problem.message


def test_table_folder_mistakes(tmp_path):
    export_dataset(load_dataset(INTEROP), "csv", tmp_path)
    (tmp_path / "types.csv").write_text(
        "name,sign,symmetric\nmeets,0,false\nmeets,1,true\nallied_with,1,true\n"
        "rejects `x`,-1,maybe\n",
        encoding="utf-8",
    )
    (tmp_path / "kinds.parquet").write_bytes(b"")
    (tmp_path / "documents.csv").write_text("key\narticle\n", encoding="utf-8")
    with pytest.raises(DatasetError) as caught:
        load_dataset(tmp_path)
    shown = [
        (p.file.rsplit("/", 1)[-1], p.line, p.column, p.message) for p in caught.value.problems
    ]
    assert ("types.csv", 3, 1, "relation type 'meets' appears twice (first on row 2)") in shown
    assert ("types.csv", 5, 3, "symmetric must be true or false, not a string ('maybe')") in shown
    assert ("kinds.parquet", 1, 1, "both kinds.csv and kinds.parquet: keep one") in shown
    assert ("documents.csv", 1, 1, "the documents table has no column 'path'") in shown


def test_a_missing_table_is_named(tmp_path):
    export_dataset(load_dataset(INTEROP), "csv", tmp_path)
    (tmp_path / "types.csv").unlink()
    assert set(load_dataset(tmp_path).types) == {"allied_with", "meets", "rejects `x`"}
    (tmp_path / "relations.csv").write_text("src,dst,type,evidence\n", encoding="utf-8")
    with pytest.raises(DatasetError) as caught:
        load_dataset(tmp_path)
    assert [p.message for p in caught.value.problems] == [
        "table missing: types.csv or types.parquet (see docs/exports.md)"
    ]


def test_spreadsheet_csv_dialects_and_long_quotes(tmp_path):
    """Semicolons (European spreadsheets), a BOM, CRLF and a quote longer than 128 KiB."""
    long_quote = "word " * 40000
    (tmp_path / "article.txt").write_text(f"A met B. {long_quote}\n", encoding="utf-8")
    (tmp_path / "actors.csv").write_bytes(
        "\ufeffid;name;kind\r\na;Alpha;country\r\nb;Beta;country\r\n".encode()
    )
    (tmp_path / "types.csv").write_text("name,sign\nmeets,0\n", encoding="utf-8")
    (tmp_path / "documents.csv").write_text("key,path\narticle,article.txt\n", encoding="utf-8")
    (tmp_path / "relations.csv").write_text(
        f"src\tdst\ttype\tevidence\na\tb\tmeets\tA met B\nb\ta\tmeets\t{long_quote.strip()}\n",
        encoding="utf-8",
    )
    dataset = load_dataset(tmp_path)
    assert [actor.name for actor in dataset.actors.values()] == ["Alpha", "Beta"]
    assert len(dataset.relations[1].evidence) == len(long_quote.strip())


def test_parquet_aliases_may_be_one_joined_text(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    export_dataset(load_dataset(INTEROP), "csv", tmp_path)
    (tmp_path / "actors.csv").unlink()
    rows = [
        {"id": "ruritania", "name": "Ruritania", "kind": "country", "aliases": "Rurit\\|ania|R"}
    ]
    rows += [
        {"id": i, "name": n, "kind": k, "aliases": None}
        for i, n, k in [
            ("freedonia", "Freedonia 😀", "country"),
            ("council", "Iron Council", "council `body`"),
            ("sylvania", "Sylvania 東京", "country"),
        ]
    ]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "actors.parquet")
    assert load_dataset(tmp_path).actors["ruritania"].aliases == ("Rurit|ania", "R")


def test_without_a_types_table_the_sign_column_declares_the_types(tmp_path):
    (tmp_path / "actors.csv").write_text("id,name,kind\na,Alpha,country\nb,Beta,country\n")
    (tmp_path / "relations.csv").write_text(
        "src,dst,type,sign,symmetric,evidence\n"
        "a,b,meets,0,true,A met B\n"
        "b,a,meets,,,B met A\n"
        "a,b,fights,-1,,A fought B\n"
    )
    dataset = load_dataset(tmp_path)
    assert {name: (t.sign, t.symmetric) for name, t in dataset.types.items()} == {
        "meets": (0, True),
        "fights": (-1, False),
    }
    (tmp_path / "relations.csv").write_text(
        "src,dst,type,sign,evidence\na,b,meets,,A met B\nb,a,meets,1,B met A\n"
    )
    with pytest.raises(DatasetError) as caught:
        load_dataset(tmp_path)
    errors = [(p.line, p.column, p.message) for p in caught.value.problems if p.severity == "error"]
    assert errors == [(2, 4, "type 'meets' is missing required field 'sign'")]


# Text that starts like an escaped spreadsheet cell: an apostrophe before a formula start
# or before another apostrophe. Only CSV takes that apostrophe off (a spreadsheet opens CSV).
APOSTROPHE_ACTORS = """\
kinds:
  "'=kind": {description: "''described"}
actors:
  - id: quote
    name: "''Quoted"
    kind: "'=kind"
    aliases: ["'@handle", "'-5"]
  - id: formula
    name: "'=SUM(A1)"
    kind: "'=kind"
    description: "'+plus"
  - id: minus
    name: "'-minus"
    kind: "'=kind"
"""

APOSTROPHE_RELATIONS = """\
documents: {article: article.txt}
types:
  "'-opposes": {sign: -1, description: "'@described"}
  "'+meets": {sign: 0, symmetric: true}
relations:
  - source: quote
    type: "'-opposes"
    target: formula
    evidence: "'=quoted formula said it"
  - source: minus
    type: "'+meets"
    target: quote
    evidence: "''twice quoted words here"
"""

APOSTROPHE_ARTICLE = "It read: '=quoted formula said it, then ''twice quoted words here.\n"


def test_parquet_keeps_leading_apostrophes_that_csv_escapes(run, tmp_path, write_dataset):
    """The spreadsheet rule is CSV's: Parquet stores and reads every text exactly."""
    import pyarrow.parquet as pq

    folder = write_dataset(APOSTROPHE_ACTORS, APOSTROPHE_RELATIONS, APOSTROPHE_ARTICLE)
    original = load_dataset(folder)
    for layout in ("parquet", "csv"):
        tables = tmp_path / layout
        assert (
            run("export", "--format", layout, "-o", str(tables), "--data", str(folder)).exit_code
            == 0
        )
        result = run("diff", str(folder), str(tables), "--format", "json")
        assert result.exit_code == 0, (layout, result.stdout, result.stderr)
        assert json.loads(result.stdout)["equal"] is True
        read = load_dataset(tables)
        assert [a.name for a in read.actors.values()] == ["''Quoted", "'=SUM(A1)", "'-minus"]
        assert read.actors["quote"].aliases == ("'@handle", "'-5")
        assert set(read.kinds) == {"'=kind"} and set(read.types) == set(original.types)
        assert [r.evidence for r in read.relations] == [r.evidence for r in original.relations]
    stored = pq.read_table(tmp_path / "parquet" / "actors.parquet").column("name").to_pylist()
    assert stored == ["''Quoted", "'=SUM(A1)", "'-minus"]  # as they are: no spreadsheet opens it


def small_tables(folder, actors_rows="a,Alpha,country\nb,Beta,country\n"):
    """Two actors and one relation as CSV tables (types from the sign column); return the folder."""
    folder.mkdir(exist_ok=True)
    (folder / "actors.csv").write_text("id,name,kind\n" + actors_rows, encoding="utf-8")
    (folder / "relations.csv").write_text(
        "src,dst,type,sign,evidence\na,b,meets,0,Alpha met Beta in town\n", encoding="utf-8"
    )
    return folder


def problems_of(folder, **options) -> list[tuple[str, int, int, str]]:
    with pytest.raises(DatasetError) as caught:
        load_dataset(folder, **options)
    return [
        (p.file.rsplit("/", 1)[-1], p.line, p.column, p.message)
        for p in caught.value.problems
        if p.severity == "error"
    ]


def test_a_csv_row_with_more_cells_than_the_header_is_an_error(tmp_path):
    """Cells past the header were dropped: a quote with an unquoted comma was cut short."""
    folder = small_tables(tmp_path / "t", "a,Alpha,country\nb,Beta,country,spare\n")
    assert problems_of(folder) == [
        (
            "actors.csv",
            3,
            4,
            "row has 4 cells but the header names 3 columns "
            "(a ',' inside a cell needs the cell in double quotes)",
        )
    ]
    (folder / "actors.csv").write_text("id;name;kind\na;Alpha;country\nb;Beta;country\n")
    (folder / "relations.csv").write_text(
        "src,dst,type,sign,evidence\na,b,meets,0,Alpha met Beta, then left\n"
    )
    [problem] = problems_of(folder)
    assert problem[:3] == ("relations.csv", 2, 6)


def write_parquet(path, columns: dict) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table(list(columns.values()), names=list(columns)), path)


def test_parquet_tables_obey_the_file_size_limit(tmp_path):
    folder = small_tables(tmp_path / "t")
    (folder / "actors.csv").unlink()
    write_parquet(
        folder / "actors.parquet",
        {"id": ["a", "b"], "name": ["Alpha", "Beta"], "kind": ["country", "country"]},
    )
    assert len(load_dataset(folder).actors) == 2
    size = (folder / "actors.parquet").stat().st_size
    from graph.sources.text import show_size

    assert problems_of(folder, max_file_size=size - 1) == [
        (
            "actors.parquet",
            0,
            0,
            f"file is {show_size(size)}, over the limit of {show_size(size - 1)} "
            "(raise it with --max-file-size)",
        )
    ]


def test_a_parquet_folder_of_part_files_is_read_and_capped_per_file(tmp_path):
    folder = small_tables(tmp_path / "t")
    (folder / "actors.csv").unlink()
    parts = folder / "actors.parquet"
    parts.mkdir()
    write_parquet(parts / "part-0.parquet", {"id": ["a"], "name": ["Alpha"], "kind": ["c"]})
    write_parquet(parts / "part-1.parquet", {"id": ["b"], "name": ["Beta"], "kind": ["c"]})
    (parts / "_SUCCESS").write_text("")
    assert list(load_dataset(folder).actors) == ["a", "b"]
    os.mkfifo(parts / "part-2.parquet")
    assert problems_of(folder) == [("part-2.parquet", 1, 1, "not a regular file")]


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_a_table_that_is_a_symlink_loop_is_said_to_be_one(tmp_path, suffix):
    folder = small_tables(tmp_path / "t")
    (folder / "actors.csv").unlink()
    (folder / f"actors{suffix}").symlink_to(f"actors{suffix}")
    assert problems_of(folder) == [
        (f"actors{suffix}", 1, 1, "symlink loop: the file's symlinks lead back to itself")
    ]


def test_an_unreadable_relations_table_is_the_only_problem(tmp_path):
    """Without a types table, whether types are missing depends on relations' sign column."""
    folder = small_tables(tmp_path / "t")
    (folder / "relations.csv").write_bytes(b"src,dst,type,sign,evidence\na,b,meets,0,caf\xe9\n")
    assert problems_of(folder) == [
        (
            "relations.csv",
            2,
            16,
            "not valid UTF-8: byte 0xe9 cannot start or continue a character",
        )
    ]
    (folder / "relations.csv").unlink()
    assert problems_of(folder) == [
        (
            "relations.csv",
            1,
            1,
            "table missing: relations.csv or relations.parquet (see docs/exports.md)",
        )
    ]


def test_a_repeated_parquet_column_is_one_located_line(run, tmp_path):
    """pyarrow's own message for it ran to 8 lines (its scanner's fields)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = small_tables(tmp_path / "t")
    (folder / "actors.csv").unlink()
    columns = [["a", "b"], ["Alpha", "Beta"], ["c", "c"], ["x", "y"]]
    table = pa.Table.from_arrays(columns, names=["id", "name", "kind", "name"])
    pq.write_table(table, folder / "actors.parquet")
    result = run("validate", "--data", str(folder))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert errors == [f"{folder / 'actors.parquet'}:1:4: error: column 'name' appears twice"]


def test_the_dataset_table_opts_in_to_the_weaker_evidence_states(tmp_path):
    """An importer's tables: dataset.csv allows located and asserted; problems at their cells."""
    folder = small_tables(tmp_path / "t")
    (folder / "relations.csv").write_text(
        "src,dst,type,sign,evidence,evidence_state,locator,hedged\n"
        "a,b,meets,0,Alpha met Beta in town,verified,,\n"
        'b,a,meets,0,,located,"sentence 2, chars 4-20",true\n'
        "a,b,meets,0,,asserted,,\n",
        encoding="utf-8",
    )
    (folder / "documents.csv").write_text(
        "key,path\nwire,https://example.org/a\n", encoding="utf-8"
    )
    assert problems_of(folder) == [
        (
            "relations.csv",
            2,
            1,
            "document 'wire' is a URL, never fetched: a relation citing it can be at most "
            "located (evidence_state: located, with a locator)",
        ),
        (
            "relations.csv",
            3,
            6,
            "evidence_state 'located' is not allowed in this dataset (allowed: verified); "
            "a dataset opts in with a row evidence_allowed in the dataset table",
        ),
        (
            "relations.csv",
            4,
            6,
            "evidence_state 'asserted' is not allowed in this dataset (allowed: verified); "
            "a dataset opts in with a row evidence_allowed in the dataset table",
        ),
    ]
    (folder / "dataset.csv").write_text(
        "key,value\nevidence_allowed,verified|located|asserted\n", encoding="utf-8"
    )
    edit(folder / "relations.csv", "town,verified,,", "town,asserted,,")
    dataset = load_dataset(folder)
    assert [(r.evidence_state, r.hedged, r.locator) for r in dataset.relations] == [
        ("asserted", False, None),
        ("located", True, "sentence 2, chars 4-20"),
        ("asserted", False, None),
    ]
    (folder / "dataset.csv").write_text(
        "key,value\nevidence_allowed,verified|checked\nlanguage,en\n", encoding="utf-8"
    )
    assert problems_of(folder)[:2] == [
        (
            "dataset.csv",
            2,
            2,
            "unknown evidence state 'checked' (choose from: verified, located, asserted)",
        ),
        ("dataset.csv", 3, 1, "unknown field 'language' in settings (allowed: evidence_allowed)"),
    ]


def test_a_relation_repeating_another_role_than_its_type_is_an_error(tmp_path):
    folder = small_tables(tmp_path / "t")
    (folder / "types.csv").write_text("name,sign,role\nmeets,0,commentary\n", encoding="utf-8")
    (folder / "relations.csv").write_text(
        "src,dst,type,role,evidence\na,b,meets,action,Alpha met Beta in town\n", encoding="utf-8"
    )
    assert problems_of(folder) == [
        (
            "relations.csv",
            2,
            4,
            "role 'action' disagrees with type 'meets' (role commentary in the types table)",
        )
    ]
    edit(folder / "relations.csv", "meets,action", "meets,commentary")
    assert load_dataset(folder).types["meets"].role == "commentary"
