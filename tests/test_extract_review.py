"""From an article to a valid dataset: graph init, graph extract, graph review --accept-all,
graph validate, run through the command line as an analyst runs them (issue 22)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli.main import cli
from graph.extract.vocabulary import starter_types
from graph.importers.plover import read_records
from graph.load import load_dataset

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "ukraine-reassurance-force.txt"
GOLD = ROOT / "tests" / "fixtures" / "plover" / "PLOVER_GSR_CAMEO.txt"
STARTER = ROOT / "graph" / "scaffold" / "relations.yaml"

# The starter vocabulary `graph init` writes (graph/scaffold/relations.yaml).
STARTER_TYPES = {
    "leads", "member_of", "represents", "supports", "proposes", "takes_part_in",
    "contributes_to", "allied_with", "meets_with", "assesses", "stations_in", "opposes",
    "criticises", "threatens", "fights",
}  # fmt: skip


def graph(*args: str):
    return CliRunner().invoke(cli, [str(arg) for arg in args], catch_exceptions=False)


def ok(result) -> str:
    assert result.exit_code == 0, result.output
    return result.output


def test_the_seed_article_into_an_empty_dataset_with_its_vocabulary(tmp_path):
    dataset = tmp_path / "reassurance"
    ok(graph("init", dataset, "--article", SEED))
    proposals = tmp_path / "proposals.json"
    assert ok(graph("extract", SEED, "--data", dataset, "-o", proposals)) == (
        f"wrote {proposals}: 49 actor(s) and 80 relation(s) proposed from 1 article(s)\n"
    )
    found = json.loads(proposals.read_text(encoding="utf-8"))
    assert (len(found["actors"]), len(found["relations"])) == (49, 80)
    # The article is named by its file's stem: review finds init's copy by its text.
    assert {relation["document"] for relation in found["relations"]} == {
        "ukraine-reassurance-force"
    }
    # With --data, cues take the starter types; only a demand has none of its own.
    types = Counter(relation["type"] for relation in found["relations"])
    assert set(types) - STARTER_TYPES == {"demand"}
    assert sorted(types.items()) == [
        ("allied_with", 2), ("assesses", 15), ("contributes_to", 7), ("criticises", 1),
        ("demand", 1), ("leads", 5), ("meets_with", 10), ("member_of", 12), ("opposes", 4),
        ("proposes", 2), ("stations_in", 5), ("supports", 8), ("takes_part_in", 8),
    ]  # fmt: skip
    quoted = [r for r in found["relations"] if r["reason"].startswith("quoted by")]
    assert quoted and {r["type"] for r in quoted} == {"assesses"}

    output = ok(graph("review", proposals, "--data", dataset, "--accept-all"))
    assert output.splitlines()[:3] == [
        "wrote into " + f"{dataset}: 80 relation(s), 39 new actor(s), 1 new type(s), "
        "0 new document(s)",
        f"files: {dataset / 'actors.yaml'}, {dataset / 'relations.yaml'}",
        "note: declared the relation type 'demand' with sign -1",
    ]
    assert ok(graph("validate", "--data", dataset)) == (
        "ok: 39 actors, 80 relations, 16 types; "
        "quotes checked: 80 verified, 0 located, 0 asserted\n"
    )
    loaded = load_dataset(dataset)
    assert set(loaded.documents) == {"article"}
    # Every guessed kind is one the starter declares: nothing had to be mapped.
    assert Counter(actor.kind for actor in loaded.actors.values()) == {
        "force": 10, "country": 9, "person": 8, "organisation": 8,
        "initiative": 2, "bloc": 1, "event": 1,
    }  # fmt: skip
    # Reviewing the same proposals again adds nothing: the decisions were kept.
    assert ok(graph("review", proposals, "--data", dataset, "--accept-all")) == (
        f"wrote into {dataset}: 0 relation(s), 0 new actor(s), 0 new type(s), 0 new document(s)\n"
    )


def test_the_seed_article_without_data_gets_plover_types_that_review_declares(tmp_path):
    dataset = tmp_path / "reassurance"
    ok(graph("init", dataset, "--article", SEED))
    proposals = tmp_path / "proposals.json"
    ok(graph("extract", SEED, "-o", proposals))
    found = json.loads(proposals.read_text(encoding="utf-8"))
    assert (len(found["actors"]), len(found["relations"])) == (49, 80)
    assert {relation["document"] for relation in found["relations"]} == {
        "ukraine-reassurance-force"
    }
    types = {relation["type"] for relation in found["relations"]}
    assert types == {
        "affiliate", "agree", "aid", "consult", "cooperate", "demand", "disapprove",
        "mobilize", "reject", "state", "support",
    }  # fmt: skip

    output = ok(graph("review", proposals, "--data", dataset, "--accept-all"))
    # The article is the copy init made: found by its text, not added again.
    assert output.splitlines()[0] == (
        f"wrote into {dataset}: 80 relation(s), 39 new actor(s), 11 new type(s), 0 new document(s)"
    )
    assert ok(graph("validate", "--data", dataset)) == (
        "ok: 39 actors, 80 relations, 26 types; "
        "quotes checked: 80 verified, 0 located, 0 asserted\n"
    )
    loaded = load_dataset(dataset)
    assert {name: loaded.types[name].sign for name in ("disapprove", "state", "agree")} == {
        "disapprove": -1,
        "state": 0,
        "agree": 1,
    }


def _gold_articles(folder: Path) -> list[Path]:
    """Write every PLOVER gold sentence as an article of its own; return their paths."""
    folder.mkdir()
    paths = []
    records = [r for r in read_records(GOLD) if r.get("event") != "DOCUMENT"]
    for number, record in enumerate(records):
        # One id is used twice in the file: the number keeps the two apart.
        path = folder / f"{number:03d}-{record['id']}.txt"
        path.write_text(record["text"] + "\n", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize(
    ("with_data", "written", "new_types", "types"),
    [
        (True, "368 relation(s), 345 new actor(s), 6 new type(s), 290 new document(s)", 6, 21),
        (False, "368 relation(s), 345 new actor(s), 20 new type(s), 290 new document(s)", 20, 35),
    ],
)
def test_every_plover_sentence_into_one_dataset(tmp_path, with_data, written, new_types, types):
    articles = _gold_articles(tmp_path / "articles")
    assert len(articles) == 322
    dataset = tmp_path / "plover"
    ok(graph("init", dataset))
    proposals = tmp_path / "proposals.jsonl"
    data = ["--data", dataset] if with_data else []
    ok(graph("extract", *articles, *data, "-o", proposals, "--quiet"))
    found = [json.loads(line) for line in proposals.read_text(encoding="utf-8").splitlines()]
    assert len(found) == 322
    for result in found:
        text = Path(result["document"]).read_text(encoding="utf-8")
        for relation in result["relations"]:
            start, end = relation["spans"]["evidence"]
            assert text[start:end] == relation["evidence"]

    # The 32 sentences with no proposal are not added as documents.
    assert sum(1 for result in found if result["relations"]) == 290
    output = ok(graph("review", proposals, "--data", dataset, "--accept-all"))
    assert output.splitlines()[0] == f"wrote into {dataset}: {written}"
    assert output.count("note: declared the relation type") == new_types
    # A corpus's articles are counted, not listed one by one.
    assert output.splitlines()[1] == (
        f"files: 290 articles copied in, {dataset / 'actors.yaml'}, {dataset / 'relations.yaml'}"
    )
    assert "note: copied 290 articles into the dataset, as documents\n" in output
    assert ok(graph("validate", "--data", dataset)) == (
        f"ok: 345 actors, 368 relations, {types} types; "
        "quotes checked: 368 verified, 0 located, 0 asserted\n"
    )


def test_the_starter_table_names_the_starter_types_with_their_signs():
    import yaml

    text = STARTER.read_text(encoding="utf-8").replace("@DOCUMENTS@", "")
    declared = {name: kind["sign"] for name, kind in yaml.safe_load(text)["types"].items()}
    assert set(declared) == STARTER_TYPES
    for (category, cue), (name, sign) in starter_types().items():
        assert declared[name] == sign, (category, cue, name)
