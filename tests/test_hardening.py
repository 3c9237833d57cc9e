"""Issue 15: hostile inputs and faults through the real CLI, each once a defect.

Each test here failed before its fix: a clear message and an exit code, never
a traceback, nothing overwritten that is not a regular file.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from .conftest import SMALL

GRAPH = [sys.executable, "-m", "graph"]


def test_html_refuses_to_replace_a_fifo_behind_a_symlink(run, tmp_path):
    os.mkfifo(tmp_path / "pipe")
    os.symlink("pipe", tmp_path / "page.html")
    result = run("html", "--data", str(SMALL), "-o", str(tmp_path / "page.html"))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: cannot write {tmp_path / 'page.html'}: {tmp_path / 'pipe'} is a FIFO "
        "(named pipe), not a regular file: refusing to replace it\n"
    )
    assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe").st_mode)
    assert sorted(os.listdir(tmp_path)) == ["page.html", "pipe"]


def test_a_closed_stdout_is_an_error_not_lost_output():
    for command in ("stats", "validate", "show turkiye --format csv", "export --format json"):
        result = subprocess.run(
            f"exec {' '.join(GRAPH)} {command} >&-",
            shell=True,
            capture_output=False,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert result.returncode == 1, command
        # validate prints the dataset's warnings first (the seed's hedge warnings).
        lines = [line for line in result.stderr.splitlines() if ": warning: " not in line]
        assert lines == ["Error: cannot write output: stdout is closed"]


HOSTILE_ACTORS = """\
actors:
  - id: ruritania
    name: "=HYPERLINK(\\"http://evil.example\\",\\"click\\")"
    kind: country
  - id: freedonia
    name: "+cmd|' /C calc'!A0"
    kind: country
  - id: sylvania
    name: "-2+3"
    kind: "@SUM(A1)"
  - id: lonely
    name: Lonely
    kind: country
"""

HOSTILE_RELATIONS = """\
documents: {article: article.txt}
types:
  allied_with: {sign: 1, symmetric: true}
relations:
  - source: ruritania
    type: allied_with
    target: freedonia
    evidence: "Ruritania and Freedonia signed an alliance"
  - source: freedonia
    type: allied_with
    target: sylvania
    evidence: "Freedonia's pact"
  - source: lonely
    type: allied_with
    target: ruritania
    evidence: "it said"
"""


def test_csv_cells_that_a_spreadsheet_would_run_are_prefixed_numbers_are_not(run, write_dataset):
    import csv
    import io

    folder = write_dataset(HOSTILE_ACTORS, HOSTILE_RELATIONS)
    result = run("neighbors", "freedonia", "--data", str(folder), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows == [
        ["depth", "id", "name", "kind"],
        ["1", "ruritania", '\'=HYPERLINK("http://evil.example","click")', "country"],
        ["1", "sylvania", "'-2+3", "'@SUM(A1)"],
    ]
    result = run(
        "whatif", "--exclude", "ruritania", "--directed", "--data", str(folder), "--format", "csv"
    )
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["id", "name", "before", "after", "change", "rank"]
    changes = {row[0]: row[1:5] for row in rows[1:]}
    # Scores stay numbers, with every digit and their minus sign.
    assert changes["lonely"] == ["Lonely", "0.6666666666666666", "0.0", "-0.6666666666666666"]
    assert changes["freedonia"][0] == "'+cmd|' /C calc'!A0"


def _problems(folder) -> list[str]:
    from graph import validate

    return [
        f"{p['file'].rsplit('/', 1)[-1]}:{p['line']}:{p['column']}: {p['message']}"
        for p in validate(folder)["problems"]
    ]


def test_month_or_day_00_does_not_exist(run, write_dataset):
    from .conftest import RELATIONS

    for date, month_or_day in [
        ("2025-00", "month must be in 1..12"),
        ("2024-12-00", "day is out of range for month"),
        ("0001-00-00", "month must be in 1..12"),
    ]:
        folder = write_dataset(relations=RELATIONS + f"    date: '{date}'\n")
        assert _problems(folder) == [
            f"relations.yaml:9:11: date '{date}' does not exist: {month_or_day}"
        ]
    result = run("centrality", "--as-of", "2025-00", "--data", str(SMALL))
    assert result.exit_code == 2
    assert "date '2025-00' does not exist: month must be in 1..12" in result.stderr


def _names(count: int, seed: int = 7) -> list[str]:
    """Return ``count`` distinct made-up names, the same on every run."""
    import random

    syllables = ["ka", "ri", "to", "mel", "sun", "dor", "va", "lin", "qu", "es", "ba", "zo"]
    draw = random.Random(seed)
    names: set[str] = set()
    while len(names) < count:
        words = ("".join(draw.choices(syllables, k=draw.randint(2, 4))) for _ in range(2))
        names.add(" ".join(words).title())
    return sorted(names)


def _counting_comparisons(monkeypatch) -> list[int]:
    """Count difflib's comparisons (each starts with set_seq1), the work did-you-mean does."""
    import difflib

    calls = [0]
    original = difflib.SequenceMatcher.set_seq1

    def counted(self, a):
        calls[0] += 1
        return original(self, a)

    monkeypatch.setattr(difflib.SequenceMatcher, "set_seq1", counted)
    return calls


def test_suggestions_cost_a_bounded_number_of_comparisons_per_question(monkeypatch):
    from graph.names import ActorIndex
    from graph.problems import did_you_mean
    from graph.suggest import SHORTLIST

    names = _names(3_000)
    index = ActorIndex({f"a{number}": [name] for number, name in enumerate(names)})
    calls = _counting_comparisons(monkeypatch)
    questions = [name[:3] + name[4:] for name in names[::15]]  # 200 typos: a letter left out
    found = [index.suggest(question, count=1) for question in questions]
    assert calls[0] <= len(questions) * (SHORTLIST + 1)  # not questions × vocabulary (600,000)
    # ... and the typo still finds its actor.
    assert found == [[f"a{number}"] for number in range(0, 3_000, 15)]

    types = [name.lower().replace(" ", "_") for name in _names(5_000, seed=8)]
    calls[0] = 0
    misspelt = [kind[:-1] for kind in types[::25]]
    hints = [did_you_mean(word, types) for word in misspelt]
    assert calls[0] <= len(misspelt) * (SHORTLIST + 1)
    assert hints == [[kind] for kind in types[::25]]


def test_wrapping_a_long_non_ascii_word_looks_at_each_character_a_bounded_number_of_times(
    monkeypatch,
):
    import graph.output as output
    from graph.output import Result, Table, render

    calls = [0]
    original = output._char_width

    def counted(char):
        calls[0] += 1
        return original(char)

    monkeypatch.setattr(output, "_char_width", counted)
    word = "Ünïcödé" * 3_000  # 21,000 characters, none ASCII-only
    table = Table(["id", "evidence"], [{"id": "x", "evidence": f"a {word} b"}], wrap="evidence")
    lines = render(Result({}, [table]), "table").splitlines()
    assert calls[0] <= 10 * len(word)  # not len(word)² / width (about 2.8 million)
    assert lines[2] == "x   a"
    assert {len(line) for line in lines[3:-1]} == {80}  # 4 columns for the id, 76 for the text
    assert "".join(line[4:] for line in lines[3:]) == word + " b"


def test_bytes_that_are_not_utf8_in_a_path_are_shown_not_a_traceback(tmp_path):
    import json
    import shutil

    folder = os.fsdecode(bytes(tmp_path) + b"/d\xff")
    shutil.copytree(SMALL, folder)
    (tmp_path / "broken").mkdir()
    broken = os.fsdecode(bytes(tmp_path) + b"/broken/\xfe")
    shutil.copytree(SMALL, broken)
    os.remove(os.path.join(broken, "article.txt"))
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}

    def graph(*args):
        return subprocess.run([*GRAPH, *args], capture_output=True, env=env, cwd=tmp_path)

    page = tmp_path / "page.html"
    result = graph("html", "--data", folder, "-o", str(page))
    assert result.returncode == 0, result.stderr
    assert '"dataset":"d\\\\xff"' in page.read_text("utf-8")  # JSON in the page: d\\xff
    result = graph("stats", "--data", folder, "--format", "json")
    assert result.returncode == 0, result.stderr
    documents = json.loads(result.stdout.decode("utf-8"))["documents"]
    assert documents == {"article": f"{tmp_path}/d\\xff/article.txt"}
    result = graph("validate", "--data", broken, "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout.decode("utf-8"))
    assert report["problems"][0]["file"] == f"{tmp_path}/broken/\\xfe/relations.yaml"
    assert result.stderr.decode("utf-8").startswith(f"{tmp_path}/broken/\\xfe/relations.yaml:")
    assert b"Traceback" not in result.stderr


INVISIBLE_NAMES = ["\u3164", "\u2800", "\ufe0f", "\u115f\u1160", "\u034f", "\uffa0"]


def test_names_made_only_of_invisible_characters_are_empty(write_dataset):
    actors = "actors:\n" + "".join(
        f'  - {{id: a{number}, name: "{name}", kind: country}}\n'
        for number, name in enumerate(INVISIBLE_NAMES)
    )
    problems = _problems(write_dataset(actors=actors))
    assert [p for p in problems if p.startswith("actors.yaml")] == [
        f"actors.yaml:{line}:20: name must not be empty" for line in range(2, 8)
    ]


def test_a_variation_selector_or_a_filler_does_not_make_a_second_actor(write_dataset):
    actors = """\
actors:
  - {id: russia, name: Russia, kind: country}
  - {id: russia-2, name: "Russia\\ufe0f", kind: country}
  - {id: russia-3, name: "Russia\\u3164", kind: country}
  - {id: russia-4, name: "Rus\\u034fsia", kind: country}
"""
    problems = _problems(write_dataset(actors=actors))
    assert [p.split(" already names ")[1][:15] for p in problems if "already names" in p] == [
        "actor 'russia' "
    ] * 3


def _article(words: int, seed: int = 3) -> str:
    import random

    draw = random.Random(seed)
    vocabulary = ["".join(draw.choices("abcdefghijklmnopqrstuvwxyz", k=draw.randint(2, 9)))]
    vocabulary += [
        "".join(draw.choices("abcdefghijklmnopqrstuvwxyz", k=draw.randint(2, 9)))
        for _ in range(20_000)
    ]
    common = ["the", "of", "and", "to", "a", "in"]
    return " ".join(
        draw.choice(common) if draw.random() < 0.4 else draw.choice(vocabulary)
        for _ in range(words)
    )


def test_the_document_index_takes_memory_in_proportion_to_the_text():
    import tracemalloc

    import numpy  # noqa: F401  (imported before measuring: its import is not the index)

    from graph.evidence import DocumentIndex

    text = _article(400_000)
    tracemalloc.start()
    try:
        index = DocumentIndex(text)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # The normalised text itself is one times the text; the old pair index was 35 times.
    assert kept <= 3.5 * len(text)
    assert peak <= 10 * len(text)
    assert index.contains(text[1_000:1_200].split(" ", 1)[1])


def test_the_document_index_finds_exactly_what_a_plain_search_finds():
    import random

    from graph.evidence import DocumentIndex, normalize_text

    text = _article(50_000, seed=5)
    index = DocumentIndex(text)
    draw = random.Random(9)
    for _ in range(400):
        start = draw.randrange(len(text) - 100)
        quote = text[start : start + draw.randint(1, 80)]
        if draw.random() < 0.3:  # a quote gone astray
            cut = draw.randrange(len(quote))
            quote = quote[:cut] + draw.choice("xq ") + quote[cut + 1 :]
        needle = normalize_text(quote)
        assert index.contains(quote) == (bool(needle) and needle in index.text), quote


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(run, write_dataset):
    from .conftest import ARTICLE

    folder = write_dataset(article=ARTICLE + "x" * 3_000)
    result = run("validate", "--data", str(folder), "--max-file-size", "2K")
    assert result.exit_code == 1
    assert result.stderr == (
        f"{folder}/relations.yaml:1:22: error: document 'article' (article.txt): file is "
        "3.01 KiB, over the limit of 2 KiB (raise it with --max-file-size)\n"
    )
    result = run("stats", "--data", str(folder), "--max-file-size", "100")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{folder}/actors.yaml: error: file is 120 bytes, over the limit of 100 bytes "
        "(raise it with --max-file-size)"
    )
    assert run("validate", "--data", str(folder)).exit_code == 0  # 2 GiB by default
    result = run("validate", "--data", str(folder), "--max-file-size", "lots")
    assert result.exit_code == 2
    assert "'lots' is not a size (examples: 500M, 2G, 1048576)" in result.stderr


def test_a_symlink_loop_is_reported_as_a_loop_not_as_missing(write_dataset):
    folder = write_dataset()
    (folder / "actors.yaml").unlink()
    os.symlink("actors.yaml", folder / "actors.yaml")
    (folder / "article.txt").unlink()
    os.symlink("loop.txt", folder / "article.txt")
    os.symlink("article.txt", folder / "loop.txt")
    assert _problems(folder) == [
        "actors.yaml:1:1: symlink loop: the file's symlinks lead back to itself",
        "relations.yaml:1:22: document 'article' (article.txt): "
        "symlink loop: the file's symlinks lead back to itself",
    ]


def test_line_separators_and_tag_characters_are_refused_in_names(write_dataset):
    actors = """\
actors:
  - {id: ruritania, name: "Ruri\\u2028tania", kind: country}
  - {id: freedonia, name: "Freedonia", aliases: ["Free\\U000E0041donia"], kind: country}
"""
    assert _problems(write_dataset(actors=actors))[:2] == [
        "actors.yaml:2:27: name contains the invisible or control character U+2028",
        "actors.yaml:3:50: each of aliases contains the invisible or control character U+E0041",
    ]


def test_a_type_in_nfc_and_in_nfd_is_one_type(write_dataset):
    from graph import load_dataset

    from .conftest import RELATIONS

    nfc, nfd = "\u00e9paule", "e\u0301paule"  # épaule, composed and decomposed
    relations = RELATIONS.replace(
        "  allied_with: {sign: 1, symmetric: true}",
        f"  allied_with: {{sign: 1, symmetric: true}}\n  {nfc}: {{sign: 1}}\n  {nfd}: {{sign: -1}}",
    )
    assert _problems(write_dataset(relations=relations)) == [
        f"relations.yaml:5:3: relation type {nfc!r} looks the same as {nfc!r}, declared "
        "before: names must differ beyond case, accents, invisible characters and Unicode form"
    ]
    relations = RELATIONS.replace("allied_with", nfc, 1)
    relations = relations.replace("type: allied_with", f"type: {nfd}")
    dataset = load_dataset(write_dataset(relations=relations))
    assert list(dataset.types) == [nfc]
    assert [relation.type for relation in dataset.relations] == [nfc]


def test_documents_outside_the_dataset_folder_are_refused_unless_under_a_root(
    run, write_dataset, tmp_path
):
    import json

    from .conftest import ARTICLE, RELATIONS

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.txt").write_text("the secret password is hunter2\n")
    (outside / "article.txt").write_text(ARTICLE)
    folder = write_dataset()
    os.symlink(outside / "secret.txt", folder / "link.txt")
    documents = (
        "documents: {article: article.txt, up: ../elsewhere/secret.txt, "
        f"absolute: {outside}/secret.txt, link: link.txt, proc: /proc/self/environ}}"
    )
    relations = RELATIONS.replace("documents: {article: article.txt}", documents)
    relations += "    document: article\n"
    relations += (
        relations[relations.index("  - source") :]
        .replace("Ruritania and Freedonia signed an alliance", "the secret password is hunter")
        .replace("document: article", "document: up")
    )
    folder = write_dataset(relations=relations)
    refused = "is outside the dataset folder; list the folder it is in under document_roots"
    result = run("validate", "--data", str(folder))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert [line.split(": error: ")[1] for line in lines] == [
        f"document 'up' (../elsewhere/secret.txt) {refused} to allow it",
        f"document 'absolute' ({outside}/secret.txt) {refused} to allow it",
        f"document 'link' (link.txt) {refused} to allow it",
        f"document 'proc' (/proc/self/environ) {refused} to allow it",
    ]
    assert "hunter" not in result.stderr  # nothing of the file is read, no hint reveals it
    # A root named in relations.yaml lets them in (here the quote then matches).
    allowed = relations.replace(documents, "document_roots: [../elsewhere]\n" + documents)
    allowed = allowed.replace(", proc: /proc/self/environ", "")
    folder = write_dataset(relations=allowed)
    result = run("stats", "--data", str(folder), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["documents"]["up"] == str(outside / "secret.txt")


def test_a_document_named_by_many_keys_is_read_and_indexed_once(write_dataset):
    import tracemalloc

    import numpy  # noqa: F401  (imported before measuring)

    from graph import load_dataset

    from .conftest import ARTICLE, RELATIONS

    article = _article(100_000) + " " + ARTICLE
    spellings = ", ".join(f"k{n}: {'./' * n}article.txt" for n in range(300))
    relations = RELATIONS.replace("article: article.txt", spellings)
    relations += "    document: k299\n"
    folder = write_dataset(relations=relations, article=article)
    tracemalloc.start()
    try:
        dataset = load_dataset(folder)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(dataset.documents) == 300
    assert peak <= 40 * len(article)  # one read and one index, not 300 (over 700 times)


def test_a_trivial_quote_is_a_warning(run, write_dataset):
    from .conftest import ARTICLE, RELATIONS

    for quote in ("a", ".", "it said"):
        relations = RELATIONS.replace("Ruritania and Freedonia signed an alliance", quote)
        result = run("validate", "--data", str(write_dataset(relations=relations, article=ARTICLE)))
        assert result.exit_code == 0
        assert result.stderr.split(": ", 1)[1] == (
            f"warning: evidence quote {quote!r} is shorter than 8 characters: "
            "too short to show the relation\n"
        )


def test_problems_are_printed_up_to_a_limit_then_counted(run, write_dataset):
    from .conftest import RELATIONS

    quote = "Ruritania and Freedonia signed an alliance"
    bad = "".join(
        f"  - {{source: nobody{n}, type: allied_with, target: freedonia, evidence: {quote}}}\n"
        for n in range(150)
    )
    folder = write_dataset(relations=RELATIONS + bad)
    result = run("stats", "--data", str(folder))
    lines = result.stderr.splitlines()
    assert result.exit_code == 1
    assert len(lines) == 101
    assert lines[-1] == (
        "... and 50 more problem(s) (50 error(s)) not shown; --max-problems 0 shows all"
    )
    result = run("validate", "--data", str(folder), "--max-problems", "3")
    assert len(result.stderr.splitlines()) == 4
    result = run("validate", "--data", str(folder), "--max-problems", "0")
    assert len(result.stderr.splitlines()) == 150


def test_an_empty_graph_data_is_the_same_error_as_an_empty_data_option(run):
    from_env = run("stats", env={"GRAPH_DATA": ""})
    from_option = run("stats", "--data", "")
    assert from_env.exit_code == from_option.exit_code == 2
    message = "Error: Invalid value for '--data': the dataset folder's name is empty"
    assert from_env.stderr.splitlines()[-1] == from_option.stderr.splitlines()[-1]
    assert from_env.stderr.splitlines()[-1] == message + " (unset GRAPH_DATA for the seed)"


def test_path_max_on_a_dense_graph_is_refused_within_a_bounded_number_of_steps(monkeypatch):
    import networkx as nx
    import pytest

    from graph.problems import QueryError
    from graph.queries import paths
    from graph.queries.paths import simple_paths

    monkeypatch.setattr(paths, "MAX_STEPS", 20_000)  # the default, a million, takes seconds

    # Every route to t crosses m: once m is on a path through the clique, the
    # search meets only dead ends (networkx's all_simple_paths explores them all).
    graph = nx.complete_graph([f"k{n}" for n in range(40)])
    graph.add_edges_from([("s", "m"), ("m", "t")])
    graph.add_edges_from(("s", f"k{n}") for n in range(40))
    graph.add_edges_from(("m", f"k{n}") for n in range(40))
    behind = nx.single_source_shortest_path_length(graph, "t")
    steps = [0]
    with pytest.raises(QueryError, match="the search passed 20,000 steps without finishing"):
        for _ in simple_paths(graph, "s", "t", 7, behind, steps):
            pass
    assert steps[0] == 20_001
    # A question the graph can answer is answered, with the exact paths.
    steps = [0]
    found = sorted(simple_paths(graph, "s", "t", 3, behind, steps))
    assert found == [["s", "k" + str(n), "m", "t"] for n in sorted(range(40), key=str)] + [
        ["s", "m", "t"]
    ]
    assert steps[0] < 200


def test_the_path_estimate_is_never_below_the_true_count():
    import random

    import networkx as nx

    from graph.queries.paths import estimate_paths

    for seed in range(30):
        draw = random.Random(seed)
        graph = nx.gnp_random_graph(10, draw.choice([0.2, 0.4, 0.6]), seed=seed, directed=seed % 2)
        source, target = 0, 9
        if not nx.has_path(graph, source, target):
            continue
        reverse = graph.reverse(copy=False) if graph.is_directed() else graph
        behind = nx.single_source_shortest_path_length(reverse, target)
        for cutoff in (2, 4, 6):
            true = sum(1 for _ in nx.all_simple_paths(graph, source, target, cutoff=cutoff))
            assert estimate_paths(graph, source, target, cutoff, behind) >= true
    tree = nx.balanced_tree(3, 3)
    behind = nx.single_source_shortest_path_length(tree, 39)
    assert estimate_paths(tree, 0, 39, 6, behind) == 1


def test_a_path_question_far_too_big_is_refused_before_any_search(monkeypatch):
    import pytest

    from graph.model import Actor, Dataset, Relation, RelationType
    from graph.problems import QueryError
    from graph.queries import paths

    ids = [f"a{n:02d}" for n in range(30)]
    dataset = Dataset(
        actors={i: Actor(i, i.upper(), "country") for i in ids},
        types={"aid": RelationType("aid", 1)},
        relations=[Relation(a, "aid", b, "q") for a in ids for b in ids if a < b],
    )
    searched = []
    monkeypatch.setattr(paths, "simple_paths", lambda *args: searched.append(args) or iter(()))
    with pytest.raises(QueryError, match=r"about [0-9,]+ routes of at most 8 hops \(an estimate\)"):
        paths.shortest_paths(dataset, "a00", "a01", max_length=8)
    assert searched == []


def test_an_output_in_a_missing_folder_says_to_create_it(run, tmp_path):
    missing = tmp_path / "missing"
    commands = (
        ["html", "-o", str(missing / "page.html")],
        ["export", "--format", "json", "-o", str(missing / "g.json")],
    )
    for command in commands:
        result = run(*command)
        assert result.exit_code == 1
        name = Path(command[-1]).name
        assert result.stderr == (
            f"Error: cannot write {missing / name}: No such file or directory "
            f"(the folder {missing} does not exist: create it first)\n"
        )
    assert not missing.exists()
