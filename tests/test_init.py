"""graph init: a new dataset that validates, schemas an editor finds, nothing overwritten."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from graph import load_dataset, validate
from graph.scaffold import DATASET_FILES, ScaffoldError, init_dataset

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "Nordic ministers met in Tromsø.\nThey agreed on “a patrol group”.\n"


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "nordic.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    return path


def schema_of(yaml_file: Path) -> Path:
    """Return the schema a YAML language server would use: the modeline, from the file's folder."""
    first = yaml_file.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, first
    return yaml_file.parent / match.group(1)


def test_init_writes_a_dataset_that_validates_with_the_article_as_document(run, tmp_path, article):
    folder = tmp_path / "work" / "nordic"
    result = run("init", str(folder), "--article", str(article))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == (
        f"created {folder}/schemas/actors.schema.json\n"
        f"created {folder}/schemas/relations.schema.json\n"
        f"created {folder}/actors.yaml\n"
        f"created {folder}/relations.yaml\n"
        f"created {folder}/nordic.txt\n"
        f"next: fill in {folder}/actors.yaml and {folder}/relations.yaml, "
        f"then run: graph validate --data {folder}\n"
    )
    assert (folder / "nordic.txt").read_bytes() == article.read_bytes()
    report = validate(folder)
    assert (report["valid"], report["quotes_checked"], report["problems"]) == (True, True, [])
    dataset = load_dataset(folder)
    assert dataset.documents["article"].path == folder / "nordic.txt"
    assert (len(dataset.actors), len(dataset.relations)) == (0, 0)
    check = run("validate", "--data", str(folder))
    assert (check.exit_code, check.stdout) == (
        0,
        "ok: 0 actors, 0 relations, 15 types; quotes checked: 0 verified, 0 located, 0 asserted\n",
    )


def test_the_starter_vocabulary_gives_each_type_a_sign_and_when_to_use_it(tmp_path):
    folder = tmp_path / "new"
    init_dataset(folder)
    dataset = load_dataset(folder)
    signs = {name: kind.sign for name, kind in dataset.types.items()}
    assert sorted(signs.values()).count(-1) == 4
    assert sorted(signs.values()).count(0) == 3
    assert sorted(signs.values()).count(1) == 8
    assert all(len(kind.description) > 30 for kind in dataset.types.values())
    assert {name for name, kind in dataset.types.items() if kind.symmetric} == {
        "allied_with",
        "fights",
        "meets_with",
    }
    assert all(kind.description for kind in dataset.kinds.values())
    # Without an article, the quotes are unchecked until one is declared.
    assert [w.message for w in dataset.warnings] == [
        "no documents declared: evidence quotes are not checked"
    ]
    relations = (folder / "relations.yaml").read_text(encoding="utf-8")
    assert "# documents: {article: article.txt}" in relations


def test_a_new_article_merges_with_the_seed_its_starter_types_agreeing(run, tmp_path, article):
    # An analyst grows the seed article by article: every type the starter
    # vocabulary shares with the seed has the same sign and symmetry.
    folder = tmp_path / "next"
    init_dataset(folder, article)
    starter = load_dataset(folder).types
    seed = load_dataset().types
    shared = sorted(set(starter) & set(seed))
    assert shared  # the check below compares something
    assert [
        name
        for name in shared
        if (starter[name].sign, starter[name].symmetric) != (seed[name].sign, seed[name].symmetric)
    ] == []
    result = run("validate", "--data", str(folder), "--data", str(ROOT / "data"))
    assert result.exit_code == 0, result.stderr


def test_the_modelines_find_the_schemas_from_the_folder_itself(tmp_path, article):
    folder = tmp_path / "anywhere"
    init_dataset(folder, article)
    for name in ("actors", "relations"):
        yaml_file = folder / f"{name}.yaml"
        schema_file = schema_of(yaml_file)
        assert schema_file.resolve() == (folder / "schemas" / f"{name}.schema.json").resolve()
        shipped = ROOT / "graph" / "schemas" / f"{name}.schema.json"
        assert schema_file.read_bytes() == shipped.read_bytes()
        schema = json.loads(schema_file.read_text(encoding="utf-8"))
        jsonschema.validate(yaml.safe_load(yaml_file.read_text(encoding="utf-8")), schema)
    # Filled in, the files still pass the schemas an editor uses.
    actors = folder / "actors.yaml"
    actors.write_text(
        actors.read_text(encoding="utf-8").replace(
            "actors: []", "actors:\n  - {id: norway, name: Norway, kind: country}"
        ),
        encoding="utf-8",
    )
    schema = json.loads(schema_of(actors).read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(actors.read_text(encoding="utf-8")), schema)
    assert list(load_dataset(folder).actors) == ["norway"]


def test_init_never_overwrites_and_then_writes_nothing(run, tmp_path, article):
    folder = tmp_path / "taken"
    folder.mkdir()
    (folder / "relations.yaml").write_text("mine\n", encoding="utf-8")
    (folder / "nordic.txt").write_text("another text\n", encoding="utf-8")
    result = run("init", str(folder), "--article", str(article))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: not overwriting what is there: {folder}/relations.yaml, {folder}/nordic.txt "
        "(choose another folder)\n"
    )
    assert sorted(p.name for p in folder.iterdir()) == ["nordic.txt", "relations.yaml"]
    assert (folder / "relations.yaml").read_text(encoding="utf-8") == "mine\n"


def test_an_article_already_in_the_folder_is_used_where_it_is(tmp_path, article):
    written = init_dataset(tmp_path, article)
    assert [path.name for path in written] == [Path(name).name for name in DATASET_FILES]
    assert load_dataset(tmp_path).documents["article"].path == article


def test_init_refuses_what_it_cannot_use(run, tmp_path):
    not_utf8 = tmp_path / "latin1.txt"
    not_utf8.write_bytes("Tromsø".encode("latin-1"))
    result = run("init", str(tmp_path / "a"), "--article", str(not_utf8))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: the article {not_utf8} is not UTF-8 text (byte 6): save it as UTF-8 plain "
        "text first\n"
    )
    assert not (tmp_path / "a").exists()
    a_file = tmp_path / "file"
    a_file.write_text("x", encoding="utf-8")
    result = run("init", str(a_file))
    assert (result.exit_code, result.stderr) == (1, f"Error: {a_file} exists and is not a folder\n")
    missing = run("init", str(tmp_path / "b"), "--article", str(tmp_path / "nowhere.txt"))
    assert missing.exit_code == 2
    assert "does not exist" in missing.stderr
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = run("init", str(tmp_path / "d"), "--article", str(fifo))
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: the article {fifo} is not a regular file\n",
    )
    named = tmp_path / "actors.yaml"
    named.write_text("text\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match=r"the article cannot be called actors\.yaml"):
        init_dataset(tmp_path / "c", named)


def test_an_odd_folder_name_stays_inside_the_comment(tmp_path):
    folder = tmp_path / "two\nlines"
    init_dataset(folder)
    text = (folder / "actors.yaml").read_text(encoding="utf-8")
    assert "graph validate --data FOLDER\n" in text
    assert load_dataset(folder).kinds
    spaced = tmp_path / "my data"
    init_dataset(spaced)
    assert f"graph validate --data '{spaced}'\n" in (spaced / "relations.yaml").read_text(
        encoding="utf-8"
    )


def test_a_symlink_in_the_way_counts_as_taken(tmp_path):
    folder = tmp_path / "links"
    folder.mkdir()
    os.symlink(tmp_path / "nowhere", folder / "actors.yaml")
    with pytest.raises(ScaffoldError, match="not overwriting what is there"):
        init_dataset(folder)


def test_a_file_called_schemas_is_in_the_way_and_an_unmakeable_folder_is_said(run, tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "schemas").write_text("not a folder\n", encoding="utf-8")
    with pytest.raises(ScaffoldError) as error:
        init_dataset(folder)
    assert str(error.value) == (
        f"not overwriting what is there: {folder}/schemas (choose another folder)"
    )
    # Under a file, no folder can be made, not even by root.
    a_file = tmp_path / "a-file"
    a_file.write_text("x\n", encoding="utf-8")
    result = run("init", str(a_file / "new"))
    assert (result.exit_code, result.stderr) == (
        1,
        f"Error: cannot write {a_file}/new/schemas: Not a directory\n",
    )


@pytest.mark.parametrize("layout", ["csv", "parquet"])
def test_init_refuses_a_folder_that_holds_a_dataset_as_tables(run, tmp_path, layout):
    """A new actors.yaml beside the tables would hide them: the folder's actors would become 0."""
    folder = tmp_path / "tables"
    assert run("export", "--format", layout, "-o", str(folder)).exit_code == 0
    before = sorted(path.name for path in folder.iterdir())
    actors = len(load_dataset(folder).actors)
    result = run("init", str(folder))
    assert result.exit_code == 1
    names = ", ".join(f"{table}.{layout}" for table in ("actors", "relations", "types", "kinds"))
    assert result.stderr == (
        f"Error: {folder} holds a dataset as tables ({names}, documents.{layout}, "
        f"dataset.{layout}): a new "
        "actors.yaml there would hide it (choose another folder)\n"
    )
    assert sorted(path.name for path in folder.iterdir()) == before
    assert len(load_dataset(folder).actors) == actors > 0


def test_an_article_name_that_is_not_utf8_is_refused_and_nothing_is_left(run, tmp_path):
    # D20: the name cannot be written into relations.yaml (UTF-8); say so, write nothing.
    odd = tmp_path / os.fsdecode(b"art\xff.txt")
    odd.write_bytes(ARTICLE.encode("utf-8"))
    folder = tmp_path / "new"
    result = run("init", str(folder), "--article", str(odd))
    assert (result.exit_code, result.stderr) == (
        1,
        "Error: the article's file name art\\xff.txt is not UTF-8, so relations.yaml cannot "
        "name it: rename it first\n",
    )
    assert not folder.exists()
    renamed = odd.rename(tmp_path / "art.txt")
    assert run("init", str(folder), "--article", str(renamed)).exit_code == 0
    assert load_dataset(folder).documents["article"].path == folder / "art.txt"


def test_a_write_that_fails_takes_back_what_init_wrote(run, tmp_path):
    # D20: the article is written last; when it cannot be (here its temporary name is too
    # long for the file system), the files written before it go too, so a retry can run.
    long = tmp_path / ("a" * 240 + ".txt")
    long.write_bytes(ARTICLE.encode("utf-8"))
    folder = tmp_path / "new"
    result = run("init", str(folder), "--article", str(long))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: cannot write {folder}/")
    assert not folder.exists()
    kept = tmp_path / "kept"
    kept.mkdir()
    (kept / "notes.txt").write_text("mine\n", encoding="utf-8")
    assert run("init", str(kept), "--article", str(long)).exit_code == 1
    assert sorted(p.name for p in kept.iterdir()) == ["notes.txt"]  # the user's folder stays


@pytest.mark.parametrize(
    "name", ["coverage.yaml", "relations.yaml", "Actors.YAML", "actors.csv", "relations.parquet"]
)
def test_an_article_named_like_a_file_of_the_dataset_is_refused(tmp_path, name):
    # D21: copied in, it would be read as that file (coverage.yaml: the left-out names).
    named = tmp_path / name
    named.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(ScaffoldError) as error:
        init_dataset(tmp_path / "new", named)
    assert str(error.value) == (
        f"the article cannot be called {name}: the dataset uses that name for its own file; "
        "rename it first"
    )
    assert not (tmp_path / "new").exists()


def test_the_reserved_names_include_the_coverage_file():
    from graph.coverage import LEFT_OUT_FILE
    from graph.scaffold import RESERVED

    assert LEFT_OUT_FILE in RESERVED
