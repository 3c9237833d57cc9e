"""Each loader rule, tried on a small broken dataset: exact file, line, column and message."""

from __future__ import annotations

import time

import pytest

from graph import DatasetError, load_dataset
from graph.load import seed_folder

from .conftest import ACTORS, DATA, RELATIONS, SMALL


def problems_of(folder) -> list[str]:
    """Return every problem of a dataset as 'FILE:LINE:COL: ...' with the folder stripped."""
    with pytest.raises(DatasetError) as caught:
        load_dataset(folder)
    return [str(p).replace(f"{folder}/", "") for p in caught.value.problems]


def test_small_dataset_loads_in_file_order():
    dataset = load_dataset(SMALL)
    assert list(dataset.actors) == [
        "ruritania",
        "freedonia",
        "turkiye",
        "sylvania",
        "pact",
        "varga",
        "atlantis",
    ]
    assert len(dataset.relations) == 8
    assert dataset.types["allied_with"].symmetric is True
    assert dataset.types["opposes"].sign == -1
    first = dataset.relations[0]
    assert (first.source, first.type, first.target, first.date) == (
        "ruritania",
        "allied_with",
        "freedonia",
        "2025-03-10",
    )
    assert first.document == "article"
    assert dataset.relations[6].weight == 2.0
    assert dataset.relations[4].date == "2025"
    assert dataset.warnings == []


def test_broken_dataset_reports_every_problem_in_one_run():
    assert problems_of(DATA / "broken") == [
        "actors.yaml:7:11: error: unknown kind 'contry' (declared: country, person); declare it"
        " under 'kinds:' at the top of actors.yaml (did you mean 'country'?)",
        "actors.yaml:8:9: error: actor id 'Freedonia' must be lowercase letters, digits, '-' or"
        " '_', starting with a letter or digit (did you mean 'freedonia'?)",
        "actors.yaml:11:5: error: duplicate actor id 'ruritania' (first defined on line 5)",
        "actors.yaml:17:15: error: 'Ruritania' already names actor 'ruritania' (line 5); ids,"
        " names and aliases must be unique, ignoring case and accents",
        "actors.yaml:18:5: error: unknown field 'nickname' in an actor (allowed: id, name, kind,"
        " aliases, description) (did you mean 'name'?)",
        "actors.yaml:20:11: error: name must be a string, not a boolean ('No') (put it in quotes)",
        "actors.yaml:22:5: error: an actor is missing required field 'id'",
        "relations.yaml:1:44: error: document 'missing' (nowhere.txt): file not found",
        "relations.yaml:4:19: error: sign must be 1 (cooperative), -1 (hostile) or 0 (neutral),"
        " not '-2'",
        "relations.yaml:7:11: error: unknown relation type 'alied_with' (declared: allied_with,"
        " opposes); declare it under 'types:' at the top of relations.yaml, with its sign"
        " (did you mean 'allied_with'?)",
        # 'Freedonia' is close, but not a valid id: it is not suggested.
        "relations.yaml:8:13: error: unknown actor 'freedonai' in target",
        "relations.yaml:13:13: error: relation from 'varga' to itself (self-loops are not allowed)",
        "relations.yaml:14:15: error: evidence quote not found in document 'article'",
        "relations.yaml:16:11: error: date '2025-02-30' does not exist:"
        " day is out of range for month",
        "relations.yaml:17:13: error: weight must be a number from 1e-06 to 1e+06, not '0'",
        "relations.yaml:18:13: error: source 'Ilse Varga' is a name or alias; relations use"
        " actor ids (did you mean 'varga'?)",
        "relations.yaml:22:15: error: unknown document 'artcle' (did you mean 'article'?)",
        "relations.yaml:23:5: error: relation must name its document (one of: article, missing)",
    ]


def test_duplicate_mapping_keys_are_refused(write_dataset):
    folder = write_dataset(
        actors=ACTORS.replace("    kind: country\n", "    kind: country\n    kind: person\n", 1)
    )
    assert problems_of(folder) == [
        "actors.yaml:5:5: error: duplicate key 'kind' (first defined on line 4)",
    ]


def test_python_tags_are_refused_and_never_run(write_dataset, tmp_path):
    marker = tmp_path / "pwned"
    folder = write_dataset(actors=f'actors: !!python/object/apply:os.system ["touch {marker}"]\n')
    assert problems_of(folder) == [
        "actors.yaml:1:9: error: unsupported YAML tag '!!python/object/apply:os.system':"
        " only plain data is allowed",
    ]
    assert not marker.exists()


def test_billion_laughs_is_refused_quickly(write_dataset):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghij":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    folder = write_dataset(actors="\n".join(lines) + "\n")
    started = time.perf_counter()
    problems = problems_of(folder)
    assert time.perf_counter() - started < 1.0
    assert problems == [
        "actors.yaml:7:4: error: anchors and aliases expand to more than 5,000,000 values;"
        " refusing to load (write the values out instead)",
    ]


def test_recursive_alias_is_refused(write_dataset):
    assert problems_of(write_dataset(actors="a: &a [*a]\n")) == [
        "actors.yaml:1:4: error: an alias refers to itself (recursive YAML)",
    ]


def test_non_utf8_is_refused_at_the_byte(write_dataset):
    folder = write_dataset()
    (folder / "actors.yaml").write_bytes(
        ACTORS.replace("Freedonia", "Fr\xe9edonia").encode("latin-1")
    )
    assert problems_of(folder) == [
        "actors.yaml:6:13: error: not valid UTF-8: byte 0xe9 cannot start or continue a character",
    ]


def test_invalid_yaml_points_at_the_syntax_error(write_dataset):
    assert problems_of(write_dataset(relations="types: [\n")) == [
        "relations.yaml:2:1: error: invalid YAML: while parsing a flow node"
        " did not find expected node content",
    ]


def test_missing_files_and_empty_files(write_dataset):
    folder = write_dataset(actors="")
    (folder / "relations.yaml").unlink()
    assert problems_of(folder) == [
        "actors.yaml:1:1: error: the file is empty",
        "relations.yaml:1:1: error: file not found",
    ]


def test_wrong_types_of_fields(write_dataset):
    actors = ACTORS.replace("    name: Freedonia\n", "    name: Freedonia\n    aliases: Fredo\n")
    relations = RELATIONS.replace(
        "allied_with: {sign: 1, symmetric: true}", "allied_with: {sign: 1, symmetric: maybe}"
    )
    assert problems_of(write_dataset(actors, relations)) == [
        "actors.yaml:7:14: error: aliases must be a list of strings, not a string ('Fredo')",
        "relations.yaml:3:37: error: symmetric must be true or false, not a string ('maybe')",
    ]


def test_unknown_top_level_keys_and_missing_vocabulary(write_dataset):
    relations = RELATIONS.replace("types:", "typos:")
    assert problems_of(write_dataset(relations=relations)) == [
        "relations.yaml:1:1: error: relations.yaml is missing required field 'types'",
        "relations.yaml:2:1: error: unknown field 'typos' in relations.yaml"
        " (allowed: types, relations, documents, document_roots, settings) (did you mean 'types'?)",
    ]


def test_quote_matching_folds_case_whitespace_and_typography(write_dataset):
    relations = RELATIONS.replace(
        '"Ruritania and Freedonia signed an alliance"',
        "'FREEDONIA''S   PACT\" - it said'",
    ).replace("evidence:", "evidence:", 1)
    relations = relations.replace(
        "'FREEDONIA''S   PACT\" - it said'", "'\"freedonia''s   PACT\" - IT said'"
    )
    dataset = load_dataset(write_dataset(relations=relations))
    assert dataset.relations[0].evidence == '"freedonia\'s   PACT" - IT said'


def test_misquoted_evidence_says_where_it_goes_astray(write_dataset):
    relations = RELATIONS.replace("signed an alliance", "signed a treaty")
    assert problems_of(write_dataset(relations=relations)) == [
        "relations.yaml:8:15: error: evidence quote not found in document 'article'; it matches"
        " up to 'ritania and freedonia signed a' then differs at ' treaty'",
    ]


def test_dataset_without_documents_warns_that_quotes_are_unchecked(write_dataset):
    relations = RELATIONS.replace("documents: {article: article.txt}\n", "")
    dataset = load_dataset(write_dataset(relations=relations))
    assert [str(w).split("/")[-1] for w in dataset.warnings] == [
        "relations.yaml:1:1: warning: no documents declared: evidence quotes are not checked",
    ]


def test_several_documents_require_each_relation_to_name_one(write_dataset):
    relations = RELATIONS.replace(
        "documents: {article: article.txt}", "documents: {article: article.txt, other: article.txt}"
    )
    assert problems_of(write_dataset(relations=relations)) == [
        "relations.yaml:5:5: error: relation must name its document (one of: article, other)",
    ]


def test_aliases_collide_ignoring_case_and_accents(write_dataset):
    actors = ACTORS.replace(
        "    name: Freedonia\n", "    name: Freedonia\n    aliases: [RURITÁNIA]\n"
    )
    assert problems_of(write_dataset(actors=actors)) == [
        "actors.yaml:7:15: error: 'RURITÁNIA' already names actor 'ruritania' (line 2); ids, names"
        " and aliases must be unique, ignoring case and accents",
    ]


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2025-13", "date '2025-13' does not exist: month must be in 1..12"),
        ("25-01-01", "date must be YYYY, YYYY-MM or YYYY-MM-DD, not '25-01-01'"),
        ("yesterday", "date must be YYYY, YYYY-MM or YYYY-MM-DD, not 'yesterday'"),
    ],
)
def test_dates_must_be_real(write_dataset, date, message):
    relations = RELATIONS + f"    date: {date}\n"
    assert problems_of(write_dataset(relations=relations)) == [
        f"relations.yaml:9:11: error: {message}"
    ]


def test_dataset_folder_that_does_not_exist(tmp_path):
    assert problems_of(tmp_path / "nowhere") == [
        f"{tmp_path}/nowhere:1:1: error: dataset folder not found"
    ]


def test_seed_folder_is_the_shipped_data():
    assert (seed_folder() / "actors.yaml").is_file()
    assert load_dataset().folder == seed_folder()


# Regressions found by review: each once raised a traceback or pointed at the wrong place.

TYPES_ONLY = "types: {t: {sign: 1}}\nrelations: []\n"


def test_actor_without_name_is_reported_not_crashed(write_dataset):
    actors = "actors:\n  - id: a\n    kind: country\n"
    assert problems_of(write_dataset(actors, TYPES_ONLY)) == [
        "actors.yaml:2:5: error: an actor is missing required field 'name'",
        "relations.yaml:1:1: warning: no documents declared: evidence quotes are not checked",
    ]


def test_alias_collision_points_at_the_colliding_alias(write_dataset):
    actors = """\
    actors:
      - {id: b, name: B, kind: country}
      - id: a
        name: A
        kind: country
        aliases: [5, Bee, b]
    """
    assert problems_of(write_dataset(actors, TYPES_ONLY))[:2] == [
        "actors.yaml:6:15: error: each of aliases must be a string, not an integer ('5')"
        " (put it in quotes)",
        "actors.yaml:6:23: error: 'b' already names actor 'b' (line 2); ids, names and aliases"
        " must be unique, ignoring case and accents",
    ]


def test_invalid_names_do_not_also_collide(write_dataset):
    actors = """\
    actors:
      - {id: a, name: ~, kind: country}
      - {id: b, name: 6, kind: country}
    """
    assert problems_of(write_dataset(actors, TYPES_ONLY))[:2] == [
        "actors.yaml:2:19: error: name must be a string, not nothing (null)",
        "actors.yaml:3:19: error: name must be a string, not an integer ('6') (put it in quotes)",
    ]


@pytest.mark.parametrize(
    ("weight", "shown"), [("1" + "0" * 400, "1" + "0" * 400), (".inf", ".inf"), ("1e-9", "1e-9")]
)
def test_weights_out_of_range_are_refused(write_dataset, weight, shown):
    assert problems_of(write_dataset(relations=RELATIONS + f"    weight: {weight}\n")) == [
        f"relations.yaml:9:13: error: weight must be a number from 1e-06 to 1e+06, not {shown!r}",
    ]


def test_document_paths_that_are_not_regular_files(write_dataset):
    relations = RELATIONS.replace(
        "documents: {article: article.txt}",
        "document_roots: [/dev]\n"
        'documents: {article: article.txt, nul: "a\\0b", dir: ".", zero: /dev/zero}',
    ).replace("    evidence:", "    document: article\n    evidence:")
    assert problems_of(write_dataset(relations=relations)) == [
        "relations.yaml:2:40: error: the path of document 'nul' contains the invisible or"
        " control character U+0000",
        "relations.yaml:2:53: error: document 'dir' (.): not a regular file",
        "relations.yaml:2:64: error: document 'zero' (/dev/zero): not a regular file",
    ]


def test_a_pipe_is_not_read(write_dataset):
    import os

    folder = write_dataset()
    (folder / "actors.yaml").unlink()
    os.mkfifo(folder / "actors.yaml")
    assert problems_of(folder)[0] == "actors.yaml:1:1: error: not a regular file"


def test_control_character_in_yaml_is_located(write_dataset):
    folder = write_dataset(actors=ACTORS.replace("Freedonia", "Free\x01donia"))
    assert problems_of(folder) == [
        "actors.yaml:6:15: error: invalid YAML: character U+0001 is not allowed in YAML text",
    ]


def test_bad_byte_after_a_bom_is_located(write_dataset):
    folder = write_dataset()
    (folder / "actors.yaml").write_bytes(b"\xef\xbb\xbfactors: []\n\xff\n")
    assert problems_of(folder) == [
        "actors.yaml:2:1: error: not valid UTF-8: byte 0xff cannot start or continue a character",
    ]


def test_declared_documents_that_fail_do_not_warn_about_missing_documents(write_dataset):
    relations = RELATIONS.replace("article.txt}", "gone.txt}")
    assert problems_of(write_dataset(relations=relations)) == [
        "relations.yaml:1:22: error: document 'article' (gone.txt): file not found",
    ]


@pytest.mark.parametrize("date", ["'２０２５-１１'", "'٢٠٢٥'"])
def test_dates_need_ascii_digits(write_dataset, date):
    assert problems_of(write_dataset(relations=RELATIONS + f"    date: {date}\n")) == [
        f"relations.yaml:9:11: error: date must be YYYY, YYYY-MM or YYYY-MM-DD,"
        f" not {date.strip(chr(39))!r}",
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ('"Free\\e]0;pwned\\adonia"', "name contains the invisible or control character U+001B"),
        ('"\\u202eainodeerF"', "name contains the invisible or control character U+202E"),
        ('"Free\\r\\ndonia"', "name contains the invisible or control character U+000D"),
        ('"\\u200b\\u2060"', "name must not be empty"),
    ],
)
def test_names_with_control_or_invisible_characters_are_refused(write_dataset, name, message):
    actors = ACTORS.replace("    name: Freedonia", f"    name: {name}")
    assert problems_of(write_dataset(actors=actors)) == [f"actors.yaml:6:11: error: {message}"]


def test_merge_keys_are_refused_with_a_reason(write_dataset):
    actors = "base: &base {kind: country}\nactors:\n  - {<<: *base, id: a, name: A}\n"
    assert problems_of(write_dataset(actors=actors))[0] == (
        "actors.yaml:3:6: error: merge keys ('<<') are not supported: write the fields out"
    )


def test_missing_relations_is_reported_once(write_dataset):
    relations = "documents: {article: article.txt}\ntypes: {t: {sign: 1}}\n"
    assert problems_of(write_dataset(relations=relations)) == [
        "relations.yaml:1:1: error: relations.yaml is missing required field 'relations'",
    ]


def test_a_file_is_not_a_dataset_folder(tmp_path):
    (tmp_path / "file").write_text("x")
    assert problems_of(tmp_path / "file") == [f"{tmp_path}/file:1:1: error: not a folder"]


def test_kind_with_an_empty_vocabulary(write_dataset):
    actors = "kinds: {}\n" + ACTORS
    assert problems_of(write_dataset(actors=actors))[0] == (
        "actors.yaml:5:11: error: unknown kind 'country' (no kinds are declared); declare it"
        " under 'kinds:' at the top of actors.yaml"
    )


def test_an_unreadable_document_is_reported_once(write_dataset):
    relations = RELATIONS.replace("article.txt}", "article.txt, notes: /dev/zero}") + (
        "    document: notes\n"
    )
    assert problems_of(write_dataset(relations=relations)) == [
        "relations.yaml:1:42: error: document 'notes' (/dev/zero) is outside the dataset"
        " folder; list the folder it is in under document_roots to allow it",
    ]


def test_invalid_type_names_do_not_also_say_the_vocabulary_is_empty(write_dataset):
    relations = RELATIONS.replace("allied_with: {sign: 1, symmetric: true}", "? [x]\n  : {sign: 1}")
    problems = problems_of(write_dataset(relations=relations))
    assert not any("at least one relation type" in problem for problem in problems)
