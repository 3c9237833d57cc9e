"""graph review: proposals into a dataset, by hand or all at once, checked by the real loader."""

from __future__ import annotations

import csv
import difflib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli.main import cli
from graph.load import load_dataset
from graph.review import ReviewError, read_proposals
from graph.review.proposals import ProposalsError

ROOT = Path(__file__).resolve().parent.parent
PROPOSALS = Path(__file__).parent / "data" / "proposals"
SEED_ARTICLE = ROOT / "seeds" / "ukraine-reassurance-force.txt"

# What seed.json proposes, in order: (source, type, target, confidence).
SEED_PROPOSALS = [
    ("uk", "leads", "reassurance-force", 0.9),
    ("france", "leads", "reassurance-force", 0.85),
    ("russia", "opposes", "uk", 0.55),
    ("united-states", "proposes", "draft-peace-resolution", 0.8),
    ("taskforce", "proposes", "emmanuel-macron", 0.75),
    ("turkiye", "takes_part_in", "taskforce", 0.6),
    ("donald-trump", "approves", "poland", 0.5),
    ("marco-rubio", "takes_part_in", "virtual-coalition-meeting", 0.7),
    ("emmanuel-macron", "supports", "turkiye", 0.3),
]


def graph(*args: str, input: str | None = None, color: bool = False):
    return CliRunner().invoke(cli, list(args), input=input, color=color, catch_exceptions=False)


def proposals(tmp_path: Path, name: str) -> Path:
    """Copy a proposals file (and the articles it names) into ``tmp_path``; return the copy."""
    lines = []
    for line in (PROPOSALS / name).read_text(encoding="utf-8").splitlines(keepends=True):
        lines.append(line.replace("../../../seeds/", f"{ROOT}/seeds/"))
    copy = tmp_path / name
    copy.write_text("".join(lines), encoding="utf-8")
    shutil.copy(PROPOSALS / "on.txt", tmp_path / "on.txt")
    return copy


def new_dataset(tmp_path: Path, article: Path | None = SEED_ARTICLE) -> Path:
    folder = tmp_path / "ds"
    args = ["init", str(folder)] + (["--article", str(article)] if article else [])
    assert graph(*args).exit_code == 0
    return folder


def written(folder: Path) -> list[tuple[str, str, str]]:
    return [(r.source, r.type, r.target) for r in load_dataset(folder, cache=False).relations]


def test_accept_all_writes_a_valid_dataset_with_exact_counts(tmp_path):
    folder = new_dataset(tmp_path)
    result = graph(
        "review",
        str(proposals(tmp_path, "seed.json")),
        "--data",
        str(folder),
        "--accept-all",
        "--min-confidence",
        "0.5",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"wrote into {folder}: 8 relation(s), 13 new actor(s), 1 new type(s), 0 new document(s)",
        f"files: {folder}/actors.yaml, {folder}/relations.yaml",
        "note: actor 'draft-peace-resolution': kind 'plan' is not declared: wrote 'initiative'",
        "note: declared the relation type 'approves' with sign 1",
        "note: actor 'virtual-coalition-meeting': kind 'meeting' is not declared: wrote 'event'",
        "ok: 13 actors, 8 relations, 16 types; quotes checked: 8 verified, 0 located, 0 asserted",
        "left for review: 1 below --min-confidence 0.5",
    ]
    validated = graph("validate", "--data", str(folder))
    assert validated.exit_code == 0
    assert (
        validated.stdout == "ok: 13 actors, 8 relations, 16 types; quotes checked: "
        "8 verified, 0 located, 0 asserted\n"
    )
    wanted = [(s, t, d) for s, t, d, confidence in SEED_PROPOSALS if confidence >= 0.5]
    assert written(folder) == wanted
    dataset = load_dataset(folder, cache=False)
    assert dataset.actors["uk"].aliases == ("Britain", "UK")
    assert dataset.actors["draft-peace-resolution"].kind == "initiative"
    assert dataset.types["approves"].sign == 1
    assert {r.document for r in dataset.relations} == {"article"}
    # Run again: everything decided is left alone; the one below the threshold is written now.
    again = graph("review", str(tmp_path / "seed.json"), "--data", str(folder), "--accept-all")
    assert again.exit_code == 0
    assert again.stdout.splitlines()[0].startswith(f"wrote into {folder}: 1 relation(s), 0 new")
    assert again.stdout.splitlines()[1] == f"files: {folder}/relations.yaml"
    assert written(folder)[-1] == ("emmanuel-macron", "supports", "turkiye")


def test_comments_and_layout_are_kept_byte_for_byte(tmp_path):
    folder = new_dataset(tmp_path)
    before = {
        name: (folder / name).read_text(encoding="utf-8")
        for name in ("actors.yaml", "relations.yaml")
    }
    graph("review", str(proposals(tmp_path, "seed.json")), "--data", str(folder), "--accept-all")
    for name, old in before.items():
        new = (folder / name).read_text(encoding="utf-8")
        removed, added, kept = [], [], []
        for line in difflib.ndiff(old.splitlines(), new.splitlines()):
            if line.startswith("- "):
                removed.append(line[2:])
            elif line.startswith("+ "):
                added.append(line[2:])
            elif line.startswith("  "):
                kept.append(line[2:])
        key = name.split(".")[0]
        # The only line changed is the empty list, which becomes a block list.
        assert removed == [f"{key}: []"]
        assert added[0] in (
            f"{key}:",
            '  "approves": {sign: 1, description: "Declared by graph review: say when to use it."}',
        )
        assert all(line.startswith(("  - ", "    ", f"{key}:", '  "approves"')) for line in added)
        # Every other line, comments and blank lines included, is kept, in order.
        assert kept == [line for line in old.splitlines() if line != f"{key}: []"]
        assert new.startswith(old[: old.index("types:" if key == "relations" else "actors:")])


def test_values_yaml_1_1_would_misread_read_back_exactly(tmp_path):
    folder = new_dataset(tmp_path, article=None)
    result = graph(
        "review", str(proposals(tmp_path, "on.json")), "--data", str(folder), "--accept-all"
    )
    assert result.exit_code == 0, result.output
    assert "1 new document(s)" in result.stdout
    dataset = load_dataset(folder, cache=False)
    names = {actor.id: actor.name for actor in dataset.actors.values()}
    assert names == {"on": "No", "010": "010", "yes": "Yes", "null": "Null", "off": "Off"}
    assert dataset.types["no"].sign == 0 and dataset.types["y"].sign == 0
    assert list(dataset.documents) == ["on"]
    assert (folder / "on.txt").read_bytes() == (PROPOSALS / "on.txt").read_bytes()
    assert written(folder) == [
        ("on", "no", "010"),
        ("yes", "y", "null"),
        ("off", "meets_with", "on"),
    ]
    text = (folder / "relations.yaml").read_text(encoding="utf-8")
    assert 'documents:\n  "on": "on.txt"\n' in text
    assert '    evidence: "No said on Tuesday that 010 and Yes will meet at 1:30"\n' in text
    assert graph("validate", "--data", str(folder)).exit_code == 0


@pytest.mark.parametrize("layout", ["jsonl", "yaml"])
def test_several_articles_add_the_second_article(tmp_path, layout):
    folder = new_dataset(tmp_path)
    path = proposals(tmp_path, "both.jsonl")
    if layout == "yaml":  # one YAML document an article, as yaml.safe_dump_all writes them
        import yaml

        articles = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        path = tmp_path / "both.yaml"
        path.write_text(yaml.safe_dump_all(articles, allow_unicode=True), encoding="utf-8")
    result = graph("review", str(path), "--data", str(folder), "--accept-all")
    assert result.exit_code == 0, result.output
    dataset = load_dataset(folder, cache=False)
    assert sorted(dataset.documents) == ["article", "on"]
    assert len(dataset.relations) == 12 and len(dataset.actors) == 18
    assert [r.document for r in dataset.relations].count("on") == 3


def test_interactive_review_quit_and_resume(tmp_path):
    folder = new_dataset(tmp_path)
    path = proposals(tmp_path, "seed.json")
    keys = (
        "\n".join(
            [
                "a",  # 1.1 uk leads the force: accept
                "r",  # 1.2: reject
                "t",
                "criticises",
                "a",  # 1.3: change the type, accept
                "e",
                "Washington unveiled a draft peace plan",  # 1.4: not in the article: refused
                "e",
                "Washington unveiled a draft peace resolution",
                "a",
                "",  # verbatim; kind: default
                "d",
                "a",  # 1.5 the passive read backwards: flip, accept
                "n",  # 1.6: skip
                "q",  # 1.7: quit
            ]
        )
        + "\n"
    )
    result = graph("review", str(path), "--data", str(folder), input=keys)
    assert result.exit_code == 0, result.output
    assert (
        "refused: the quote is not in the article (it matches up to 'ington unveiled a "
        "draft peace ', then differs): not changed" in result.stderr
    )
    assert (
        "Draft peace resolution: the kind 'plan' is not declared here\nkind for Draft "
        "peace resolution (country, bloc, organisation, group, person, media, force, "
        "initiative, event) [initiative]: \n" in result.stdout
    )
    assert result.stdout.splitlines()[-2:] == [
        "stopped: run the same command to resume",
        "4 accepted, 1 rejected, 4 left of 9",
    ]
    assert written(folder) == [
        ("uk", "leads", "reassurance-force"),
        ("russia", "criticises", "uk"),
        ("united-states", "proposes", "draft-peace-resolution"),
        ("emmanuel-macron", "proposes", "taskforce"),
    ]
    dataset = load_dataset(folder, cache=False)
    assert dataset.relations[2].evidence == "Washington unveiled a draft peace resolution"
    state = json.loads((tmp_path / "seed.json.review.json").read_text(encoding="utf-8"))
    assert sorted(entry["decision"] for entry in state["decisions"].values()) == [
        "accepted",
        "accepted",
        "accepted",
        "accepted",
        "rejected",
    ]
    # Resume: the skipped proposal comes first. A declared type's sign is the type's: a new
    # sign asks for a type of that sign; a new type takes the sign.
    keys = "\n".join(["s", "-1", "opposes", "a", "s", "0", "a", "q"]) + "\n"
    resumed = graph("review", str(path), "--data", str(folder), input=keys)
    assert resumed.exit_code == 0, resumed.output
    assert "[1/4] proposal 1.6" in resumed.stdout
    assert "[2/4] proposal 1.7" in resumed.stdout
    assert resumed.stdout.splitlines()[-1] == "6 accepted, 1 rejected, 2 left of 9"
    assert written(folder)[4:] == [
        ("turkiye", "opposes", "taskforce"),
        ("donald-trump", "approves", "poland"),
    ]
    assert load_dataset(folder, cache=False).types["approves"].sign == 0
    assert graph("validate", "--data", str(folder)).exit_code == 0


def test_the_sentence_is_shown_with_both_mentions_highlighted(tmp_path):
    folder = new_dataset(tmp_path)
    result = graph(
        "review",
        str(proposals(tmp_path, "seed.json")),
        "--data",
        str(folder),
        input="q\n",
        color=True,
    )
    assert "\x1b[36m\x1b[1m\x1b[4mBritain\x1b[0m" in result.stdout  # the source
    assert "\x1b[35m\x1b[1m\x1b[4mreassurance force\x1b[0m" in result.stdout  # the target
    plain = graph("review", str(tmp_path / "seed.json"), "--data", str(folder), input="q\n")
    assert "\x1b[" not in plain.stdout
    assert (
        "  Britain and France Are Leading the push for a so-called reassurance force In "
        "ukraine Retraining the army and maintaining a peace agreement if it emerges."
        in plain.stdout.splitlines()
    )


def test_a_resume_into_another_dataset_is_refused(tmp_path):
    folder = new_dataset(tmp_path)
    path = proposals(tmp_path, "seed.json")
    graph("review", str(path), "--data", str(folder), input="r\nq\n")
    other = tmp_path / "other"
    graph("init", str(other))
    result = graph("review", str(path), "--data", str(other), "--accept-all")
    assert result.exit_code == 1
    assert f"this review writes into {folder.resolve()}" in result.stderr


def test_an_actor_the_dataset_has_is_found_by_a_mention(tmp_path):
    folder = new_dataset(tmp_path)
    actors = (
        (folder / "actors.yaml")
        .read_text(encoding="utf-8")
        .replace("actors: []", "actors:\n  - {id: uk-gov, name: UK government, kind: organisation}")
    )
    (folder / "actors.yaml").write_text(actors, encoding="utf-8")
    path = proposals(tmp_path, "seed.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["actors"][0].update(name="Britain", mentions=["Britain", "UK government"])
    path.write_text(json.dumps(data), encoding="utf-8")
    result = graph("review", str(path), "--data", str(folder), "--accept-all")
    assert result.exit_code == 0, result.output
    assert written(folder)[0] == ("uk-gov", "leads", "reassurance-force")
    assert "uk" not in load_dataset(folder, cache=False).actors


def test_a_write_that_would_not_validate_leaves_the_dataset_alone(tmp_path):
    folder = new_dataset(tmp_path)
    path = proposals(tmp_path, "seed.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["relations"][0]["type"] = "Leads"  # looks the same as the declared "leads"
    path.write_text(json.dumps(data), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    result = graph("review", str(path), "--data", str(folder), "--accept-all")
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{folder}/relations.yaml:")
    assert "'Leads'" in first and "'leads'" in first
    assert result.stderr.splitlines()[-1] == (
        f"Error: nothing was written into {folder}: the dataset would not be valid"
    )
    # Nothing changed, and nothing was left behind (no staging folder, no state).
    after = {p.name: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before


def test_proposals_with_a_bad_shape_are_located(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Britain and France lead the force.\n", encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"document": "a.txt",\n'
        ' "actors": [{"id": "uk", "name": "Britain", "kind": "country"}],\n'
        ' "relations": [{"source": "uk", "type": "leads", "target": "fr",\n'
        '                "evidence": "Britain and Spain", "confidence": 2}]}\n',
        encoding="utf-8",
    )
    with pytest.raises(ProposalsError) as error:
        read_proposals(bad)
    assert [str(problem) for problem in error.value.problems] == [
        f"{bad}:3:60: error: target 'fr' is not the id of a proposed actor",
        f"{bad}:4:64: error: confidence must be a number from 0 to 1",
    ]
    folder = new_dataset(tmp_path)
    result = graph("review", str(bad), "--data", str(folder), "--accept-all")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{bad}:3:60: error: target 'fr'")


def test_an_edited_quote_must_be_verbatim():
    from graph.review import Draft, edit_quote
    from graph.review.proposals import ProposedRelation

    draft = Draft.of(ProposedRelation(0, 0, "a", "leads", "b", "Britain leads", 1))
    article = "Britain “leads” the force — today."
    assert edit_quote(draft, 'britain "leads" the force - today', article).evidence == (
        'britain "leads" the force - today'
    )
    with pytest.raises(ReviewError, match="not in the article"):
        edit_quote(draft, "France leads", article)


def test_accept_all_into_csv_tables_appends_rows(tmp_path):
    folder = new_dataset(tmp_path)
    tables = tmp_path / "tables"
    exported = graph("export", "--data", str(folder), "--format", "csv", "-o", str(tables))
    assert exported.exit_code == 0
    before = {
        name: (tables / name).read_bytes() for name in ("actors.csv", "relations.csv", "types.csv")
    }
    result = graph(
        "review",
        str(proposals(tmp_path, "seed.json")),
        "--data",
        str(tables),
        "--accept-all",
        "--min-confidence",
        "0.5",
    )
    assert result.exit_code == 0, result.output
    assert (
        result.stdout.splitlines()[-2]
        == "ok: 13 actors, 8 relations, 16 types; quotes checked: 8 verified, 0 located, 0 asserted"
    )
    for name, old in before.items():
        assert (tables / name).read_bytes().startswith(old)
    with open(tables / "relations.csv", encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [(r["src"], r["type"], r["dst"], r["sign"]) for r in rows][:2] == [
        ("uk", "leads", "reassurance-force", "1"),
        ("france", "leads", "reassurance-force", "1"),
    ]
    assert (tables / "types.csv").read_text(encoding="utf-8").splitlines()[-1] == (
        "approves,1,false,Declared by graph review: say when to use it.,"
    )
    validated = graph("validate", "--data", str(tables))
    assert (
        validated.stdout == "ok: 13 actors, 8 relations, 16 types; quotes checked: "
        "8 verified, 0 located, 0 asserted\n"
    )
