"""Messages that teach: indentation named as such, declared types listed, no invalid suggestion,
a relation written twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import load_dataset

from .conftest import ACTORS, DATA, RELATIONS

TWO_ACTORS = """\
actors:
  - id: ruritania
    name: Ruritania
    kind: country
  - id: freedonia
    name: Freedonia
    kind: country
"""


def errors(run, folder) -> list[str]:
    result = run("validate", "--data", str(folder))
    return [line.replace(f"{folder}/", "") for line in result.stderr.splitlines()]


@pytest.mark.parametrize(
    ("actors", "expected"),
    [
        (
            TWO_ACTORS.replace("    name: Ruritania", "     name: Ruritania"),
            "actors.yaml:3:6: error: bad indentation: this line starts at column 6, but the keys "
            "above it start at column 5",
        ),
        (
            TWO_ACTORS.replace("    name: Ruritania", "   name: Ruritania"),
            "actors.yaml:3:4: error: bad indentation: this line starts at column 4, but the keys "
            "above it start at column 5",
        ),
        (
            TWO_ACTORS.replace("  - id: freedonia", "   - id: freedonia"),
            "actors.yaml:5:4: error: bad indentation: this line starts at column 4, but the items "
            "of the list above start at column 3",
        ),
        (
            TWO_ACTORS.replace("  - id: freedonia", " - id: freedonia"),
            "actors.yaml:5:2: error: bad indentation: this line starts at column 2, but the items "
            "of the list above start at column 3",
        ),
        (
            TWO_ACTORS.replace("    name: Ruritania", "  name: Ruritania"),
            "actors.yaml:3:3: error: bad indentation: this line starts at column 3, where the "
            "list above has its '-': indent it to column 5 to add to the item above, or start "
            "it with '- ' to begin a new item",
        ),
        (
            TWO_ACTORS.replace("    name: Ruritania", "\tname: Ruritania"),
            "actors.yaml:3:1: error: a tab indents this line: YAML indents with spaces only",
        ),
        (
            TWO_ACTORS.replace("  - id: ruritania", "  - id ruritania"),
            "actors.yaml:2:5: error: this line has no ':' after its key (write 'key: value')",
        ),
        (
            TWO_ACTORS.replace("name: Ruritania", "name: Ruritania: the old kingdom"),
            "actors.yaml:3:11: error: this value holds ': ', which YAML reads as another key: "
            "put the value in quotes",
        ),
    ],
    ids=[
        "key too deep",
        "key too shallow",
        "item too deep",
        "item too shallow",
        "key at the dash",
        "tab",
        "no colon",
        "colon in value",
    ],
)
def test_indentation_and_colon_mistakes_are_named_as_such(run, write_dataset, actors, expected):
    folder = write_dataset(actors=actors)
    assert errors(run, folder) == [expected]


@pytest.mark.parametrize(
    ("evidence", "expected"),
    [
        (
            'evidence: "Ruritania and "Freedonia" signed"',
            'relations.yaml:8:30: error: the quoted value closes at this ", but text follows it: '
            'put a value that holds " between single quotes (\'He said "no"\')',
        ),
        (
            "evidence: 'Freedonia's pact'",
            "relations.yaml:8:25: error: the quoted value closes at this ', but text follows it: "
            "put a value that holds ' between double quotes (\"Britain's plan\")",
        ),
        (
            'evidence: "Ruritania and Freedonia signed an alliance',
            "relations.yaml:8:15: error: the quote that opens this value is never closed: end "
            "the value with the same mark (\" or ')",
        ),
        (
            'evidence:\n    "Ruritania and Freedonia signed an alliance"',
            "relations.yaml:9:5: error: this value belongs to 'evidence' on the line above: "
            "indent it further than 'evidence', or put it on the same line",
        ),
    ],
    ids=["double inside double", "single inside single", "never closed", "value below its key"],
)
def test_quoting_mistakes_say_how_to_quote(run, write_dataset, evidence, expected):
    relations = RELATIONS.replace(
        'evidence: "Ruritania and Freedonia signed an alliance"', evidence
    )
    assert errors(run, write_dataset(relations=relations)) == [expected]


def test_a_parser_error_that_is_not_indentation_keeps_its_words(run, write_dataset):
    folder = write_dataset(actors="actors: [a, b\nkinds: {}\n")
    assert errors(run, folder) == [
        "actors.yaml:2:6: error: invalid YAML: while parsing a flow sequence did not find "
        "expected ',' or ']'"
    ]


def test_an_unknown_type_lists_the_declared_ones_and_says_where_to_declare_it(run, write_dataset):
    relations = RELATIONS.replace("type: allied_with", "type: welcomes").replace(
        "  allied_with: {sign: 1, symmetric: true}",
        "  allied_with: {sign: 1, symmetric: true}\n  opposes: {sign: -1}",
    )
    folder = write_dataset(relations=relations)
    assert errors(run, folder) == [
        "relations.yaml:7:11: error: unknown relation type 'welcomes' (declared — cooperative: "
        "allied_with; hostile: opposes); declare it under 'types:' at the top of relations.yaml,"
        " with its sign"
    ]
    close = write_dataset(relations=RELATIONS.replace("type: allied_with", "type: alied_with"))
    assert errors(run, close) == [
        "relations.yaml:6:11: error: unknown relation type 'alied_with' (declared — cooperative: "
        "allied_with); "
        "declare it under 'types:' at the top of relations.yaml, with its sign "
        "(did you mean 'allied_with'?)"
    ]


def test_no_suggestion_is_an_id_that_is_itself_invalid(run, write_dataset):
    actors = ACTORS.replace("id: freedonia", "id: Freedonia")
    folder = write_dataset(actors=actors)
    assert errors(run, folder) == [
        "actors.yaml:5:9: error: actor id 'Freedonia' must be lowercase letters, digits, '-' or "
        "'_', starting with a letter or digit (did you mean 'freedonia'?)",
        "relations.yaml:7:13: error: target 'freedonia' names actor 'Freedonia' (actors.yaml "
        "line 5), whose id is not valid: fix that id to 'freedonia' and this reference works",
    ]
    typo = write_dataset(
        actors=actors, relations=RELATIONS.replace("target: freedonia", "target: freedonai")
    )
    # 'Freedonia' is the closest id, but not a valid one: no suggestion rather than a wrong one.
    assert errors(run, typo)[1:] == [
        "relations.yaml:7:13: error: unknown actor 'freedonai' in target"
    ]
    by_name = write_dataset(
        actors=actors, relations=RELATIONS.replace("target: freedonia", "target: FREEDONIA")
    )
    assert errors(run, by_name)[1:] == [
        "relations.yaml:7:13: error: target 'FREEDONIA' names actor 'Freedonia' (actors.yaml "
        "line 5), whose id is not valid: fix that id, then refer to the actor by it"
    ]


def test_a_relation_written_twice_is_a_warning_naming_both_lines(run, write_dataset):
    twice = RELATIONS + (
        "  - source: freedonia\n"
        "    type: allied_with\n"
        "    target: ruritania\n"
        '    evidence: "Ruritania and  Freedonia signed an alliance"\n'
    )
    folder = write_dataset(relations=twice)
    result = run("validate", "--data", str(folder))
    assert result.exit_code == 0
    assert result.stderr == (
        f"{folder}/relations.yaml:9:5: warning: this relation is written twice, on lines 5 and "
        "9 (same source, type, target and quote): the second is ignored\n"
    )
    assert len(load_dataset(folder).relations) == 1


def test_the_same_words_for_another_fact_are_not_a_duplicate(run, write_dataset):
    # Another type, the other direction of a directed type, another quote: three facts.
    relations = RELATIONS.replace(
        "  allied_with: {sign: 1, symmetric: true}",
        "  allied_with: {sign: 1, symmetric: true}\n  supports: {sign: 1}",
    )
    for source, kind, target, quote in [
        ("ruritania", "supports", "freedonia", "signed an alliance"),
        ("freedonia", "supports", "ruritania", "signed an alliance"),
        ("ruritania", "allied_with", "freedonia", "Ruritania and Freedonia"),
    ]:
        relations += (
            f"  - {{source: {source}, type: {kind}, target: {target}, evidence: {quote!r}}}\n"
        )
    folder = write_dataset(relations=relations)
    result = run("validate", "--data", str(folder))
    assert (result.exit_code, result.stderr) == (0, "")
    assert len(load_dataset(folder).relations) == 4


def test_a_relation_written_twice_word_for_word_in_a_valid_dataset_is_caught_too(run, tmp_path):
    # A valid dataset takes the loader's bulk lane: a duplicate sends it one by one.
    folder = DATA / "signed"
    relations = (folder / "relations.yaml").read_text(encoding="utf-8") + (
        '  - {source: westmark, type: allied_with, target: westland, evidence: "Westland and '
        'Westmark are allies"}\n'
    )
    copy = write_copy(folder, relations, tmp_path)
    result = run("validate", "--data", str(copy))
    assert (result.exit_code, result.stdout) == (
        0,
        "ok: 8 actors, 11 relations, 4 types; quotes checked: 11 verified, 0 located, 0 asserted\n",
    )
    assert result.stderr == (
        f"{copy}/relations.yaml:19:5: warning: this relation is written twice, on lines 8 and 19 "
        "(same source, type, target and quote): the second is ignored\n"
    )


def write_copy(folder: Path, relations: str, into: Path) -> Path:
    import shutil

    copy = into / folder.name
    shutil.copytree(folder, copy)
    (copy / "relations.yaml").write_text(relations, encoding="utf-8")
    return copy


def _starter_with(folder: Path, type_name: str, uses: int) -> Path:
    """A dataset made by ``graph init`` (its 15 types) whose relations use ``type_name``."""
    from graph.scaffold import init_dataset

    init_dataset(folder)
    actors = folder / "actors.yaml"
    actors.write_text(
        actors.read_text().replace(
            "actors: []",
            "actors:\n"
            + "".join(f"  - {{id: a{n}, name: A{n}, kind: country}}\n" for n in range(uses + 1)),
        )
    )
    relations = folder / "relations.yaml"
    relations.write_text(
        relations.read_text().replace(
            "relations: []",
            "relations:\n"
            + "".join(
                f"  - {{source: a0, type: {type_name}, target: a{n + 1},"
                f' evidence: "A0 acts on A{n + 1} here"}}\n'
                for n in range(uses)
            ),
        )
    )
    return folder


def test_an_undeclared_type_is_told_once_with_the_type_its_words_mean(run, tmp_path):
    # Issue 25's hints: "sanctions" was told six times "did you mean 'stations_in'?", with a
    # list of declared types cut before every hostile one; the starter's threatens
    # "Threatens, sanctions or sets out to deter the target".
    folder = _starter_with(tmp_path / "new", "sanctions", 6)
    problems = [line for line in errors(run, folder) if ": error: " in line]
    assert problems == [
        "relations.yaml:61:24: error: unknown relation type 'sanctions', used by 6 relations"
        " (lines 61, 62, 63, 64, 65, 66) (declared — cooperative: leads, member_of, represents,"
        " supports, proposes, takes_part_in, contributes_to, allied_with; neutral: meets_with,"
        " assesses, stations_in; hostile: opposes, criticises, threatens, fights); declare it"
        " under 'types:' at the top of relations.yaml, with its sign (did you mean 'threatens'?)"
    ]


@pytest.mark.parametrize(
    ("undeclared", "meant"),
    [
        ("sanctioned", "threatens"),  # a form of a description's word
        ("condemns", "criticises"),
        ("endorses", "supports"),
        ("stationed_in", "stations_in"),  # a form of a type's own name
        ("threatns", "threatens"),  # a slip of the keyboard
        ("opposed", "opposes"),
        ("negotiates_with", "meets_with"),
    ],
)
def test_a_hint_goes_by_the_meaning_of_the_declared_types(tmp_path, undeclared, meant):
    from graph.rules.references import type_hint

    folder = _starter_with(tmp_path / "new", "leads", 1)
    assert type_hint(undeclared, load_dataset(folder).types) == meant


def test_a_close_spelling_of_the_opposite_sign_never_comes_first():
    from graph.model import RelationType
    from graph.rules.references import type_hint

    types = {
        "aids": RelationType("aids", 1, description="Gives aid or money to the target"),
        "attacks": RelationType("attacks", -1, description="Raids, strikes or bombs the target"),
        "meets": RelationType("meets", 0, description="Talks with the target"),
    }
    # Spelt almost like the cooperative type, but its word is the hostile one's.
    assert type_hint("raids", types) == "attacks"
    assert type_hint("aid", types) == "aids"
    # A slip of the keyboard wins over a word when the signs do not clash.
    types["meats"] = RelationType("meats", 0, description="Talks with the target")
    assert type_hint("meets_", types) in ("meets", "meats")
