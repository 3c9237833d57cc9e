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
        "relations.yaml:7:11: error: unknown relation type 'welcomes' (declared: allied_with, "
        "opposes); declare it under 'types:' at the top of relations.yaml, with its sign"
    ]
    close = write_dataset(relations=RELATIONS.replace("type: allied_with", "type: alied_with"))
    assert errors(run, close) == [
        "relations.yaml:6:11: error: unknown relation type 'alied_with' (declared: allied_with); "
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
