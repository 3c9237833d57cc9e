"""graph extract: proposals from articles, measured on PLOVER's gold records and the seed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.extract_accuracy import GOLD, SEED, score_gold, score_seed, split_records
from graph.cli.main import cli
from graph.extract import extract_files, extract_text, render_proposals
from graph.importers.plover import blank_trailing_commas, read_records

RELATION_KEYS = [
    "source", "type", "target", "sign", "evidence", "spans", "cue",
    "confidence", "hedged", "reason", "document",
]  # fmt: skip


def _pairs(result):
    return [(r["source"], r["type"], r["target"]) for r in result["relations"]]


def test_gold_file_is_read_without_eval():
    records = read_records(GOLD)
    assert len(records) == 323
    assert records[0]["event"] == "DOCUMENT"
    # Each closing comma becomes a space, so lines and columns in errors stay the file's.
    assert blank_trailing_commas('{"a": [1, 2,], "b": "x,}",}') == '{"a": [1, 2 ], "b": "x,}" }'


def test_gold_split_is_by_the_last_digit_of_the_id():
    held_out, development = split_records("held-out"), split_records("development")
    assert (len(held_out), len(development)) == (143, 144)
    assert all(int(record["id"][-1]) % 2 == 1 for record in held_out)


def test_held_out_accuracy_meets_the_goals():
    gold = score_gold("held-out")
    assert (gold["records"], gold["proposals"], gold["correct"], gold["found"]) == (
        143, 141, 109, 105,
    )  # fmt: skip
    assert (gold["right_sign"], gold["right_category"], gold["attributes"]) == (96, 70, 10)
    assert gold["precision"] >= 0.70 and gold["recall"] >= 0.70
    assert gold["sign_accuracy"] >= 0.80
    assert gold["category_accuracy"] >= 0.60


def test_development_half_meets_the_goals_too():
    gold = score_gold("development")
    assert (gold["records"], gold["proposals"], gold["correct"], gold["found"]) == (
        144, 150, 115, 104,
    )  # fmt: skip
    assert gold["precision"] >= 0.70 and gold["recall"] >= 0.70
    assert gold["sign_accuracy"] >= 0.80 and gold["category_accuracy"] >= 0.60


def test_seed_actors_and_pairs_are_found_and_proposals_are_few():
    seed = score_seed()
    assert (seed["actors"], seed["actors_found"]) == (29, 29)
    assert (seed["pairs"], seed["pairs_found"], seed["right_sign"]) == (64, 48, 35)
    # Issue 22's goal: 0.70 (48 of 64 on the second reading, issue 20; BENCHMARKS.md).
    assert seed["pairs_found"] / seed["pairs"] >= 0.70
    assert (seed["proposals"], seed["relations"]) == (80, 77)
    assert seed["proposals_per_relation"] <= 2


def _check_verbatim(text, result):
    for relation in result["relations"]:
        assert list(relation) == RELATION_KEYS
        start, end = relation["spans"]["evidence"]
        assert text[start:end] == relation["evidence"]
        for name in ("source", "target", "cue"):
            start, end = relation["spans"][name]
            assert 0 <= start < end <= len(text)
        assert text[slice(*relation["spans"]["cue"])] == relation["cue"]
    for actor in result["actors"]:
        assert list(actor) == ["id", "name", "kind", "known", "mentions"]
        assert all(mention in text for mention in actor["mentions"])


def test_every_quote_is_verbatim_on_every_fixture():
    checked = 0
    for record in read_records(GOLD)[1:]:
        result = extract_text(record["text"], record["id"])
        _check_verbatim(record["text"], result)
        checked += len(result["relations"])
    seed_text = SEED.read_text(encoding="utf-8")
    _check_verbatim(seed_text, extract_text(seed_text, "article"))
    assert checked == 368


def test_passive_voice_turns_source_and_target_round():
    result = extract_text("Iran was criticised by the United States on Monday.", "n")
    assert _pairs(result) == [("united-states", "disapprove", "iran")]
    assert "passive" in result["relations"][0]["reason"]


def test_coordinated_actors_that_agree_are_symmetric():
    result = extract_text("Armenia and Azerbaijan agreed on Tuesday.", "n")
    assert _pairs(result) == [("armenia", "agree", "azerbaijan")]
    assert "symmetric" in result["relations"][0]["reason"]


def test_hedge_is_marked_and_lowers_confidence():
    plain = extract_text("France will send troops to Mali.", "n")["relations"][0]
    hedged = extract_text("France could send troops to Mali.", "n")["relations"][0]
    assert (plain["hedged"], hedged["hedged"]) == (False, True)
    assert hedged["confidence"] < plain["confidence"]


def test_acronym_in_brackets_is_the_same_body():
    text = "The Revolutionary United Front (RUF) attacked Freetown. Later the RUF freed Ghana."
    result = extract_text(text, "n")
    front = next(a for a in result["actors"] if a["id"] == "revolutionary-united-front")
    assert front["mentions"] == ["RUF", "Revolutionary United Front"]
    assert _pairs(result) == [
        ("revolutionary-united-front", "fight", "sierra-leone"),
        ("revolutionary-united-front", "retreat", "ghana"),
    ]


def test_title_gives_person_and_affiliation():
    result = extract_text("French President Emmanuel Macron met Olaf Scholz.", "n")
    assert ("emmanuel-macron", "affiliate", "france") in _pairs(result)
    assert ("emmanuel-macron", "consult", "olaf-scholz") in _pairs(result)


def test_a_deployment_is_the_force_named_before():
    text = "Britain is planning a multinational force. Russia rejected the deployment on Monday."
    result = extract_text(text, "n")
    assert _pairs(result) == [
        ("united-kingdom", "agree", "multinational-force"),
        ("russia", "reject", "multinational-force"),
    ]
    force = next(a for a in result["actors"] if a["id"] == "multinational-force")
    assert force["mentions"] == ["deployment", "multinational force"]
    assert result["relations"][1]["spans"]["target"] == [63, 73]  # "deployment", verbatim


def test_a_countrys_armed_services_are_one_actor():
    result = extract_text("Kenya's army fought in Somalia. Kenyan soldiers left.", "n")
    army = next(a for a in result["actors"] if a["id"] == "kenya-s-army")
    assert army["mentions"] == ["Kenya's army", "Kenyan soldiers"]
    assert _pairs(result) == [
        ("kenya-s-army", "affiliate", "kenya"),
        ("kenya-s-army", "fight", "somalia"),
    ]


def test_a_ministry_without_its_country_is_the_last_countrys():
    text = "Fighting continued in Sudan. The Defense Ministry said the army attacked rebels."
    result = extract_text(text, "n")
    ministry = next(r for r in result["relations"] if r["source"] == "defense-ministry")
    assert (ministry["type"], ministry["target"]) == ("affiliate", "sudan")
    assert ministry["evidence"] == text[:-1]  # both sentences, verbatim


def test_a_quotation_is_its_speakers_statement():
    text = "President William Ruto spoke. “Uganda and Tanzania must act,” he said."
    result = extract_text(text, "n")
    statements = [r for r in result["relations"] if r["source"] == "william-ruto"]
    assert [(r["type"], r["target"]) for r in statements] == [
        ("state", "tanzania"),
        ("state", "uganda"),
    ]
    assert statements[0]["cue"] == "said" and text[slice(*statements[0]["spans"]["source"])] == "he"


def test_an_appositive_gives_an_affiliation_and_no_subject():
    text = "Leo Litra, fellow at the Atlantic Council, argued that Russia would attack Ukraine."
    assert _pairs(extract_text(text, "n")) == [
        ("leo-litra", "affiliate", "atlantic-council"),
        ("russia", "fight", "ukraine"),
    ]


def test_a_passive_with_a_reduced_passive_before_it():
    text = (
        "The taskforce announced by Macron will be led by France and the UK,"
        " with participation from Türkiye and the United States."
    )
    assert sorted(_pairs(extract_text(text, "n"))) == [
        ("france", "affiliate", "taskforce"),
        ("macron", "state", "taskforce"),
        ("turkiye", "affiliate", "taskforce"),
        ("united-kingdom", "affiliate", "taskforce"),
        ("united-states", "affiliate", "taskforce"),
    ]


def test_a_phrase_with_a_gap_is_one_cue():
    # "play a * role" (cues.tsv): the gap holds one word or none.
    text = "President William Ruto said Tanzania could play a key role in Somalia."
    relation = extract_text(text, "n")["relations"][0]
    assert (relation["source"], relation["type"], relation["target"]) == (
        "william-ruto", "agree", "tanzania",
    )  # fmt: skip
    assert relation["cue"] == "play a key role" and relation["hedged"]
    assert _pairs(extract_text("Tanzania played a role in the talks.", "n")) == [
        ("tanzania", "agree", "talks"),
    ]


def test_a_quotation_inside_a_clause_and_a_second_verb_of_its_subject():
    # A quotation opened inside a clause is part of it; "and would deploy" shares the
    # subject; a negated act stays the subject's, not the speaker's.
    text = (
        "He said that Germany would not rush to send troops and would deploy them"
        " “in a rear position in Vilnius”."
    )
    assert sorted(_pairs(extract_text(text, "n"))) == [
        ("germany", "mobilize", "lithuania"),
        ("germany", "reject", "troops"),
    ]


def test_an_official_titled_by_a_country_acts_for_it():
    text = "After talks with Ukraine in Geneva, US Secretary of State Marco Rubio flew home."
    pairs = _pairs(extract_text(text, "n"))
    assert ("marco-rubio", "consult", "ukraine") in pairs
    assert ("united-states", "consult", "ukraine") in pairs


def test_a_two_word_force_with_no_body_word_is_an_actor():
    result = extract_text("Macron said the coalition was working on air support.", "n")
    assert _pairs(result) == [("coalition", "cooperate", "air-support")]
    force = next(a for a in result["actors"] if a["id"] == "air-support")
    assert (force["kind"], force["mentions"]) == ("force", ["air support"])


def test_dataset_actors_and_types_are_used(tmp_path):
    from graph import load_dataset

    dataset = load_dataset(Path(__file__).resolve().parent.parent / "data")
    text = SEED.read_text(encoding="utf-8")
    result = extract_text(text, "article", dataset)
    known = [actor["id"] for actor in result["actors"] if actor["known"]]
    assert len(known) == 28
    types = {relation["type"] for relation in result["relations"]}
    # A category no type of the dataset shares a word with keeps its own name.
    assert "leads" in types and types - set(dataset.types) == {"aid", "demand", "disapprove"}


def test_output_is_deterministic_and_renders_json_lines_and_yaml():
    results = extract_files([SEED, SEED])
    assert results[0] == results[1]
    lines = render_proposals(results, "json").splitlines()
    assert len(lines) == 2 and json.loads(lines[0]) == results[0]
    assert render_proposals(results[:1], "yaml").startswith("document: ")


def test_parallel_matches_serial(tmp_path):
    paths = []
    for number in range(9):
        path = tmp_path / f"a{number}.txt"
        path.write_text(f"Kenya criticised Uganda {number} times.\n", encoding="utf-8")
        paths.append(path)
    assert extract_files(paths, processes=2) == extract_files(paths, processes=1)


def test_cli_writes_proposals_atomically_and_leaves_the_dataset(tmp_path):
    output = tmp_path / "proposals.json"
    runner = CliRunner()
    data = Path(__file__).resolve().parent.parent / "data"
    before = (data / "relations.yaml").read_bytes()
    result = runner.invoke(cli, ["extract", str(SEED), "--data", str(data), "-o", str(output)])
    assert result.exit_code == 0, result.output
    written = json.loads(output.read_text(encoding="utf-8"))
    assert written["relations"][0]["document"] == "article"
    assert (data / "relations.yaml").read_bytes() == before
    missing = runner.invoke(cli, ["extract", str(tmp_path / "none.txt")])
    assert missing.exit_code == 2


@pytest.mark.parametrize("output_format", ["json", "yaml"])
def test_cli_formats(output_format):
    result = CliRunner().invoke(cli, ["extract", str(SEED), "--format", output_format])
    assert result.exit_code == 0
    assert ("document" in result.output) and ("relations" in result.output)
