"""Several datasets in one graph: the seed plus tests/data/second, and the merge rules."""

from __future__ import annotations

import json
import os
import textwrap

import pytest

from graph import DatasetError, load_dataset
from graph.sources.merge import dataset_labels

from .conftest import DATA

SECOND = DATA / "second"


@pytest.fixture(scope="module")
def parts():
    return load_dataset(), load_dataset(SECOND)


@pytest.fixture(scope="module")
def merged():
    return load_dataset([":seed:", SECOND])


def _seed():
    from graph import seed_folder

    return seed_folder()


def test_the_same_id_is_the_same_actor(parts, merged):
    seed, second = parts
    assert set(merged.actors) == set(seed.actors) | set(second.actors)
    ukraine = merged.actors["ukraine"]
    assert ukraine.aliases == (*seed.actors["ukraine"].aliases, "Kyiv")
    assert ukraine.datasets == ("data", "second")
    assert ukraine.description == seed.actors["ukraine"].description
    assert dict(ukraine.descriptions) == {
        "data": seed.actors["ukraine"].description,
        "second": "Receives German air defence systems.",
    }
    assert merged.actors["germany"].datasets == ("second",)


def test_relations_keep_their_dataset_and_namespaced_document(parts, merged):
    seed, second = parts
    assert len(merged.relations) == len(seed.relations) + len(second.relations)
    assert [r.dataset for r in merged.relations] == ["data"] * len(seed.relations) + [
        "second"
    ] * len(second.relations)
    assert {r.document for r in merged.relations} == {f"data/{k}" for k in seed.documents} | {
        "second/article"
    }
    assert sorted(merged.documents) == sorted(
        {f"data/{k}" for k in seed.documents} | {"second/article"}
    )


def test_repeated_data_and_graph_data_with_pathsep_agree(run):
    seed = str(_seed())
    repeated = run("stats", "--format", "json", "--data", seed, "--data", str(SECOND))
    assert repeated.exit_code == 0, repeated.stderr
    joined = run("stats", "--format", "json", env={"GRAPH_DATA": seed + os.pathsep + str(SECOND)})
    assert joined.stdout == repeated.stdout
    stats = json.loads(repeated.stdout)
    assert stats["actors"] == len(load_dataset([seed, SECOND]).actors)


def test_an_empty_entry_in_graph_data_is_an_error(run):
    result = run("stats", env={"GRAPH_DATA": str(SECOND) + os.pathsep + os.pathsep + str(SECOND)})
    assert result.exit_code == 2
    assert "the dataset folder's name is empty" in result.stderr
    assert run("stats", "--data", "").stderr.splitlines()[-1] == result.stderr.splitlines()[-1]


def test_every_command_works_on_the_merged_graph(run, tmp_path):
    data = ["--data", str(_seed()), "--data", str(SECOND)]
    assert run("validate", *data).exit_code == 0
    show = run("show", "Germany", *data)
    assert show.exit_code == 0
    assert "dataset" in show.stdout.splitlines()[show.stdout.splitlines().index("") + 2]
    shown = json.loads(run("show", "Ukraine", "--format", "json", *data).stdout)
    assert shown["actor"]["datasets"] == ["data", "second"]
    assert shown["actor"]["descriptions"]["second"] == "Receives German air defence systems."
    assert set(shown["actor"]["descriptions"]) == {"data", "second"}
    assert {row["dataset"] for row in shown["relations"]} == {"data", "second"}
    path = json.loads(run("path", "Greta Lind", "Russia", "--format", "json", *data).stdout)
    assert {hop["dataset"] for hop in path["paths"][0]["hops"]} == {"second"}
    table = run("path", "Greta Lind", "Germany", *data).stdout
    assert table.splitlines()[3].split() == ["path", "hop", "relation", "evidence", "dataset"]
    for command in (["centrality"], ["camps"], ["communities"], ["neighbors", "Kyiv"]):
        assert run(*command, *data).exit_code == 0, command
    page = tmp_path / "merged.html"
    assert run("html", "-o", str(page), *data).exit_code == 0
    assert "second/article" in page.read_text(encoding="utf-8")
    assert (
        run("export", "--format", "graphml", "-o", str(tmp_path / "g.graphml"), *data).exit_code
        == 0
    )
    assert run("coverage", "second/article", *data).exit_code == 0


def test_a_merged_csv_export_reads_back_to_the_same_bytes(run, tmp_path):
    data = ["--data", str(_seed()), "--data", str(SECOND)]
    assert run("export", "--format", "csv", "-o", str(tmp_path / "a"), *data).exit_code == 0
    result = run(
        "export", "--format", "csv", "-o", str(tmp_path / "b"), "--data", str(tmp_path / "a")
    )
    assert result.exit_code == 0, result.stderr
    for path in sorted((tmp_path / "a").rglob("*.*")):
        assert (tmp_path / "b" / path.relative_to(tmp_path / "a")).read_bytes() == path.read_bytes()
    actors = (tmp_path / "a" / "actors.csv").read_text(encoding="utf-8")
    assert ",data|second\n" in actors


def write(folder, actors: str, relations: str, article: str = "A and B met. C too.\n"):
    folder.mkdir(parents=True)
    (folder / "actors.yaml").write_text(textwrap.dedent(actors), encoding="utf-8")
    (folder / "relations.yaml").write_text(textwrap.dedent(relations), encoding="utf-8")
    (folder / "article.txt").write_text(article, encoding="utf-8")
    return folder


ACTORS = """\
    actors:
      - id: a
        name: Alpha
        kind: country
      - id: b
        name: Beta
        kind: country
    """
RELATIONS = """\
    documents: {article: article.txt}
    types:
      meets: {sign: 0, symmetric: true}
    relations:
      - source: a
        type: meets
        target: b
        evidence: "A and B met"
    """


def test_disagreements_are_errors_at_both_places(tmp_path):
    first = write(tmp_path / "one" / "news", ACTORS, RELATIONS)
    second = write(
        tmp_path / "two" / "news",
        ACTORS.replace("name: Beta", "name: Bravo").replace(
            "  - id: a\n        name: Alpha\n        kind: country",
            "  - id: a\n        name: Alpha\n        kind: person",
        ),
        RELATIONS.replace(
            "meets: {sign: 0, symmetric: true}", "meets: {sign: -1, symmetric: true}"
        ),
    )
    with pytest.raises(DatasetError) as caught:
        load_dataset([first, second])
    shown = [f"{p.file}:{p.line}:{p.column}: {p.message}" for p in caught.value.problems]
    agree = "; merged datasets must agree: write the same"
    kind = (
        f"actor 'a' has kind 'country' in one/news but 'person' in two/news{agree} kind in "
        "both, or give one of them another id"
    )
    name = (
        f"actor 'b' has name 'Beta' in one/news but 'Bravo' in two/news{agree} name in both, "
        "or give one of them another id"
    )
    sign = (
        f"type 'meets' has sign 0 in one/news but -1 in two/news{agree} sign in both, "
        "or rename the type in one of them"
    )
    assert shown == [
        f"{first / 'actors.yaml'}:4:11: {kind}",
        f"{first / 'actors.yaml'}:6:11: {name}",
        f"{first / 'relations.yaml'}:3:17: {sign}",
        f"{second / 'actors.yaml'}:4:11: {kind}",
        f"{second / 'actors.yaml'}:6:11: {name}",
        f"{second / 'relations.yaml'}:3:17: {sign}",
    ]


def test_a_name_may_not_name_two_actors_across_datasets(tmp_path):
    first = write(tmp_path / "first", ACTORS, RELATIONS)
    second = write(
        tmp_path / "second",
        ACTORS.replace("id: b", "id: bee"),
        RELATIONS.replace("target: b", "target: bee"),
    )
    with pytest.raises(DatasetError) as caught:
        load_dataset([first, second])
    assert any(
        "'Beta' names actor 'b' in first but actor 'bee' in second" in p.message
        for p in caught.value.problems
    )


def test_every_problem_of_every_dataset_in_one_run(tmp_path):
    first = write(tmp_path / "first", ACTORS, RELATIONS.replace("target: b", "target: bb"))
    second = write(tmp_path / "second", ACTORS.replace("kind: country", "kind: 7", 1), RELATIONS)
    with pytest.raises(DatasetError) as caught:
        load_dataset([first, second])
    files = {p.file for p in caught.value.problems}
    assert files == {str(first / "relations.yaml"), str(second / "actors.yaml")}


def test_labels_widen_until_they_differ():
    assert dataset_labels(["/x/a/data", "/x/b/data"]) == ["a/data", "b/data"]
    assert dataset_labels(["/p/q/a/d", "/p/r/a/d", "/p/e"]) == ["q/a/d", "r/a/d", "e"]


def test_the_same_folder_twice_is_an_error(tmp_path):
    first = write(tmp_path / "first", ACTORS, RELATIONS)
    with pytest.raises(DatasetError, match="given twice"):
        load_dataset([first, first])


def test_coverage_of_a_merged_graph_keeps_each_datasets_reasons():
    from graph.coverage import coverage

    merged = load_dataset([DATA / "coverage", SECOND])
    report = coverage(merged, "coverage/article")
    assert [row["text"] for row in report["documents"][0]["left_out"]] == ["Harbour City"]


def test_the_seed_is_named_in_a_merge_as_seed(run, merged):
    by_path = load_dataset([_seed(), SECOND])
    assert merged.actors == by_path.actors
    assert merged.relations == by_path.relations
    assert list(merged.sources) == ["data", "second"]
    named = run("stats", "--format", "json", "--data", ":seed:", "--data", str(SECOND))
    assert named.exit_code == 0, named.stderr
    by_folder = run("stats", "--format", "json", "--data", str(_seed()), "--data", str(SECOND))
    assert named.stdout == by_folder.stdout
    alone = run("stats", "--format", "json", "--data", ":seed:")
    assert alone.stdout == run("stats", "--format", "json").stdout


@pytest.mark.parametrize("entry", [None, 7])
def test_an_entry_that_is_not_a_folder_is_a_clear_error(entry):
    for folders in ([SECOND, entry], [entry]):
        with pytest.raises(DatasetError) as caught:
            load_dataset(folders)
        (problem,) = caught.value.problems
        assert problem.message == (
            f"dataset {len(folders)} of the list is {type(entry).__name__}, not a folder: "
            "name each dataset's folder, or ':seed:' for the embedded seed"
        )


def test_namespaced_document_keys_that_collide_refuse_the_merge(tmp_path):
    # Labels 'a', 'a/b' and 'c/b': dataset 'a' keys a document 'b/k', dataset 'a/b' keys
    # one 'k'; both would be 'a/b/k', and a relation of one would cite the other's article.
    cites = RELATIONS.replace("documents: {article: article.txt}", "documents: {KEY: article.txt}")
    first = write(
        tmp_path / "p" / "a",
        ACTORS,
        cites.replace("KEY", '"b/k"'),
        "A and B met. C too.\n",
    )
    second = write(
        tmp_path / "q" / "a" / "b",
        ACTORS,
        cites.replace("KEY", "k").replace("A and B met", "A and B met again"),
        "A and B met again.\n",
    )
    third = write(tmp_path / "r" / "c" / "b", ACTORS, RELATIONS)
    with pytest.raises(DatasetError) as caught:
        load_dataset([first, second, third])
    message = (
        "document 'b/k' of dataset a and document 'k' of dataset a/b would both be "
        "'a/b/k' in the merged graph: rename one of them"
    )
    assert [str(problem) for problem in caught.value.problems] == [
        f"{first / 'relations.yaml'}:1:13: error: {message}",
        f"{second / 'relations.yaml'}:1:13: error: {message}",
    ]


def test_types_and_kinds_spelt_apart_by_case_or_invisible_characters_refuse_the_merge(tmp_path):
    # One dataset declares 'meets' (neutral) and the kind 'country'; the other 'Meets', hostile,
    # and 'country' with a zero-width space: each looks like the other's name in every output.
    vocabulary = "kinds:\n      country: {description: A state}\n    "
    first = write(tmp_path / "one", ACTORS.replace("actors:", vocabulary + "actors:"), RELATIONS)
    hidden = "country\u200b"
    second = write(
        tmp_path / "two",
        ACTORS.replace("actors:", vocabulary.replace("country", hidden) + "actors:")
        .replace("id: a\n", "id: c\n")
        .replace("id: b\n", "id: d\n")
        .replace("Alpha", "Gamma")
        .replace("Beta", "Delta")
        .replace("kind: country", f"kind: {hidden}"),
        RELATIONS.replace("meets", "Meets")
        .replace("sign: 0", "sign: -1")
        .replace("source: a", "source: c")
        .replace("target: b", "target: d"),
    )
    with pytest.raises(DatasetError) as caught:
        load_dataset([first, second])
    spelt = (
        "{what} {new!r} in two looks the same as {old!r} in one but is spelt "
        "differently (case or invisible characters); merged datasets must spell a {what} the "
        "same: write {old!r} in both"
    )
    kind = spelt.format(what="kind", new=hidden, old="country")
    meets = spelt.format(what="type", new="Meets", old="meets")
    sign = (
        "type 'meets' has sign 0 in one but 'Meets' has sign -1 in two; merged datasets must "
        "agree: write the same sign in both, or rename the type in one of them"
    )
    assert [str(problem) for problem in caught.value.problems] == [
        f"{first / 'actors.yaml'}:2:3: error: {kind}",
        f"{first / 'relations.yaml'}:3:3: error: {meets}",
        f"{first / 'relations.yaml'}:3:17: error: {sign}",
        f"{second / 'actors.yaml'}:2:3: error: {kind}",
        f"{second / 'relations.yaml'}:3:3: error: {meets}",
        f"{second / 'relations.yaml'}:3:17: error: {sign}",
    ]
