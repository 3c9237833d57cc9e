"""graph diff: added, removed and changed items between two versions; exit codes like diff."""

from __future__ import annotations

import json
import shutil

import pytest

from graph import load_dataset
from graph.diff import diff_datasets

from .conftest import DATA

CASE = DATA / "interop"


@pytest.fixture
def versions(tmp_path):
    """Return (old, new) folders: new is a copy of tests/data/interop to edit."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(CASE, old)
    shutil.copytree(CASE, new)
    return old, new


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_equal_versions(run, versions):
    old, new = versions
    assert diff_datasets(load_dataset(old), load_dataset(new))["equal"] is True
    result = run("diff", str(old), str(new))
    assert result.exit_code == 0
    assert "result:   equal" in result.stdout


def test_every_kind_of_change(run, versions):
    old, new = versions
    edit(new / "actors.yaml", "name: Ruritania", "name: Ruritania Republic")
    edit(
        new / "actors.yaml",
        "  - id: sylvania\n",
        "  - id: atlantis\n    name: Atlantis\n    kind: country\n  - id: sylvania\n",
    )
    edit(new / "relations.yaml", "  meets: {sign: 0}", "  meets: {sign: 0, symmetric: true}")
    edit(
        new / "relations.yaml",
        "    date: 2025-11\n    weight: 2.5",
        "    date: 2025-12\n    weight: 2.5",
    )
    edit(
        new / "relations.yaml",
        '    evidence: "=SUM(A1) was written"\n    document: article\n    weight: 0.5\n',
        '    evidence: "=SUM(A1) was written"\n    document: article\n',
    )
    edit(
        new / "relations.yaml",
        '  - source: sylvania\n    type: "rejects `x`"\n    target: ruritania\n'
        '    evidence: "Sylvania rejected the pact"\n    document: notes\n',
        "",
    )
    edit(new / "notes.txt", "+1 for Sylvania", "+2 for Sylvania")
    report = diff_datasets(load_dataset(old), load_dataset(new))
    assert report["equal"] is False
    rows = [
        (row["change"], row["what"], row["id"], row["field"], row["old"], row["new"])
        for row in report["changes"]
    ]
    assert ("changed", "actor", "ruritania", "name", "Ruritania", "Ruritania Republic") in rows
    assert ("changed", "type", "meets", "symmetric", False, True) in rows
    assert (
        "changed",
        "relation",
        "ruritania -allied_with-> freedonia",
        "date",
        "2025-11",
        "2025-12",
    ) in rows
    assert ("changed", "relation", "sylvania -meets-> council", "weight", 0.5, 1.0) in rows
    added = [row for row in report["changes"] if row["change"] == "added"]
    assert [(row["what"], row["id"]) for row in added] == [("actor", "atlantis")]
    removed = [row for row in report["changes"] if row["change"] == "removed"]
    assert [(row["what"], row["id"], row["old_number"]) for row in removed] == [
        ("relation", "sylvania -rejects `x`-> ruritania", 3)
    ]
    assert ("changed", "document", "notes", "text", "58 characters", "58 characters") in rows
    assert report["counts"]["relation"] == {"added": 0, "removed": 1, "changed": 2}
    assert report["counts"]["actor"] == {"added": 1, "removed": 0, "changed": 1}

    result = run("diff", str(old), str(new))
    assert result.exit_code == 1
    assert "ruritania: name: Ruritania → Ruritania Republic" in result.stdout
    data = json.loads(run("diff", str(old), str(new), "--format", "json").stdout)
    assert data == json.loads(json.dumps(report))
    csv_lines = run("diff", str(old), str(new), "--format", "csv").stdout.splitlines()
    assert csv_lines[0] == "change,what,id,field,old,new"
    assert "changed,actor,ruritania,name,Ruritania,Ruritania Republic" in csv_lines


def test_retyped_quotes_are_no_change(versions):
    old, new = versions
    edit(new / "relations.yaml", "Sylvania rejected the pact", "SYLVANIA  rejected the pact")
    assert diff_datasets(load_dataset(old), load_dataset(new))["equal"] is True


def test_a_second_relation_between_the_same_actors_is_added(versions):
    old, new = versions
    relations = (new / "relations.yaml").read_text(encoding="utf-8")
    last = relations[relations.index("  - source: sylvania\n    type: meets") :]
    # Same ends and type, another quote: a second relation, not the first one changed.
    second = last.replace("=SUM(A1) was written", "was written on the wall")
    (new / "relations.yaml").write_text(relations + second, encoding="utf-8")
    report = diff_datasets(load_dataset(old), load_dataset(new))
    assert [(row["change"], row["id"]) for row in report["changes"]] == [
        ("added", "sylvania -meets-> council")
    ]


def test_trouble_exits_2(run, versions, tmp_path):
    old, new = versions
    edit(new / "relations.yaml", "target: freedonia", "target: freedonai")
    result = run("diff", str(old), str(new))
    assert result.exit_code == 2
    assert "unknown actor 'freedonai'" in result.stderr
    assert run("diff", str(old)).exit_code == 2
    assert run("diff", str(old), str(tmp_path / "missing")).exit_code == 2
    assert run("diff", str(old), str(old), "--format", "xml").exit_code == 2


def test_a_dataset_equals_its_table_export(run, tmp_path):
    from graph.export import export_dataset

    export_dataset(load_dataset(CASE), "parquet", tmp_path / "tables")
    result = run("diff", str(CASE), str(tmp_path / "tables"))
    assert result.exit_code == 0, result.stdout


def test_every_new_field_is_compared(tmp_path):
    """Role, hedged, evidence_state, locator, a URL document and the setting each show."""
    folder = tmp_path / "fields"
    shutil.copytree(DATA / "fields", folder)
    old = load_dataset(folder)
    edit(folder / "relations.yaml", "role: commentary", "role: action")
    edit(folder / "relations.yaml", "    hedged: true\n  - source: mara", "  - source: mara")
    edit(folder / "relations.yaml", "chars 210-268", "chars 210-270")
    edit(
        folder / "relations.yaml",
        "evidence_state: asserted",
        "evidence_state: located\n    locator: summary\n    document: wire",
    )
    edit(folder / "relations.yaml", "wire/2025-03-12", "wire/2025-03-13")
    edit(folder / "relations.yaml", "[verified, located, asserted]", "[verified, located]")
    report = diff_datasets(old, load_dataset(folder))
    changed = sorted((c["what"], c["field"]) for c in report["changes"] if c["field"])
    assert changed == [
        ("document", "url"),
        ("relation", "document"),
        ("relation", "evidence_state"),
        ("relation", "hedged"),
        ("relation", "locator"),
        ("relation", "locator"),
        ("setting", "value"),
        ("type", "role"),
    ]
    assert report["counts"]["setting"] == {"added": 0, "removed": 0, "changed": 1}
