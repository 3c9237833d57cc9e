"""A large relations.yaml read in pieces (graph.load_chunked): the same dataset, the same problems.

The lane is forced on small generated corpora (``CHUNKED_FROM`` 0, pieces
of a few kilobytes, so a corpus is cut in a dozen pieces and shared among
forked processes) and compared with the simple load: the same relations, the
same cache entry byte for byte, and where something is wrong, the same
problems at the same FILE:LINE:COL in the same order, whichever piece holds
the fault.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import graph.load
from benchmarks import corpus
from graph import load_chunked
from graph.columns import buffers_of
from graph.load import load_dataset, validate
from graph.sources.chunks import split_records, wrapped
from graph.sources.yaml_fast import parses

PIECE = 6_000  # characters: a 300 x 1500 corpus is cut in about 50 pieces


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """A generated corpus (300 actors, 1,500 relations, every quote in its document)."""
    folder = tmp_path_factory.mktemp("corpus")
    corpus.write(folder, (300, 1500), seed=5)
    return folder


def chunked(monkeypatch, processes: int | None = 2) -> None:
    """Send every load through the lane, in small pieces, on ``processes`` processes."""
    monkeypatch.setattr(graph.load, "CHUNKED_FROM", 0)
    monkeypatch.setattr(load_chunked, "PIECE_CHARACTERS", PIECE)
    if processes is not None:
        monkeypatch.setattr(load_chunked, "workers", lambda: processes)


def simple(monkeypatch) -> None:
    monkeypatch.setattr(graph.load, "CHUNKED_FROM", 1 << 62)


def entry_parts(dataset) -> tuple:
    """Return what the cache writes of ``dataset``: its tables and every column's bytes."""
    tables, parts = buffers_of(dataset)
    return tables, {
        name: (kind, bytes(memoryview(data).cast("B"))) for name, (kind, data) in parts.items()
    }


def copy_corpus(source: Path, target: Path, edit=None) -> Path:
    """Copy a corpus folder, ``edit`` applied to relations.yaml's text."""
    shutil.copytree(source / "docs", target / "docs")
    (target / "actors.yaml").write_bytes((source / "actors.yaml").read_bytes())
    text = (source / "relations.yaml").read_text(encoding="utf-8")
    (target / "relations.yaml").write_text(edit(text) if edit else text, encoding="utf-8")
    return target


# Cutting the text


def test_split_records_cuts_at_items_and_keeps_the_rest_apart():
    text = (
        "# a comment\ndocuments: {d: d.txt}\nrelations:\n"
        "  - {source: a, target: b}\n  # between\n  - source: b\n    target: c\n"
        "  -\n    source: c\n\ntypes:\n  t: {sign: 1}\n"
    )
    records = split_records(text, "relations", 3)
    assert records.head == "# a comment\ndocuments: {d: d.txt}\ntypes:\n  t: {sign: 1}\n"
    assert records.before == "# a comment\ndocuments: {d: d.txt}\n"
    assert "".join(records.pieces) + records.head.split("\n", 2)[2] == text.split("relations:\n")[1]
    assert len(records) == 3
    assert all(piece.startswith("  -") for piece in records.pieces)
    assert wrapped(records, 1).startswith("relations:\n  ")


def test_split_records_items_at_the_keys_indentation():
    text = "relations:\n- {a: 1}\n- {a: 2}\n- {a: 3}\n- {a: 4}\ntypes: {}\n"
    records = split_records(text, "relations", 2)
    assert records.pieces == ["- {a: 1}\n- {a: 2}\n", "- {a: 3}\n- {a: 4}\n"]
    assert records.head == "types: {}\n"


@pytest.mark.parametrize(
    "text",
    [
        "relations: [{a: 1}]\n",  # flow style
        "relations:\n  - {a: 1}\nrelations:\n  - {a: 2}\n",  # written twice
        "relations:\r\n  - {a: 1}\r\n",  # carriage returns
        "relations:\n  a: 1\n",  # a mapping, not a sequence
        "types: {}\n",  # no such key
    ],
)
def test_split_records_refuses_other_layouts(text):
    assert split_records(text, "relations", 2) is None


def test_a_cut_inside_a_quoted_text_leaves_a_piece_that_does_not_parse():
    # The second item line is inside the first item's quote: the piece before it is open.
    text = 'relations:\n  - {a: "one\n  - b"}\n  - {a: 2}\n'
    records = split_records(text, "relations", 3)
    assert len(records) > 1
    assert not all(parses(wrapped(records, index)) for index in range(len(records)))
    assert parses(text)


# The same dataset


@pytest.mark.parametrize("processes", [1, 2, 3])
def test_the_lane_gives_the_simple_loads_dataset_and_cache_entry(generated, monkeypatch, processes):
    simple(monkeypatch)
    expected = load_dataset(generated, cache=False)
    chunked(monkeypatch, processes)
    found = load_dataset(generated, cache=False)
    assert found.columns is not None  # the lane was taken: columns, no objects built
    assert entry_parts(found) == entry_parts(expected)
    assert found.relations == expected.relations
    assert found == expected


def test_the_lane_fills_the_cache_with_the_same_entry(generated, monkeypatch, tmp_path):
    entries = []
    for name, lane in (("simple", simple), ("chunked", chunked)):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / name))
        lane(monkeypatch)
        report = validate(generated)
        assert report["valid"] and report["relations"] == 1500
        (entry,) = (tmp_path / name / "news-actor-graph").glob("*.cols")
        entries.append(entry.read_bytes())
    assert entries[0] == entries[1]


def test_the_seed_and_small_datasets_take_the_simple_load(generated):
    assert load_dataset(cache=False).columns is None
    assert load_dataset(generated, cache=False).columns is None  # far below CHUNKED_FROM


# The same problems, wherever they are


def _nth_item(text: str, number: int) -> int:
    """Return where the ``number``-th relation (from 0) starts in relations.yaml's text."""
    at = text.index("\nrelations:\n")
    for _ in range(number + 1):
        at = text.index("\n  - ", at + 1)
    return at + 1


def unknown_actor_late(text: str) -> str:
    start = _nth_item(text, 1400)
    return text[:start] + text[start:].replace("source: a", "source: zz", 1)


def written_twice_across_pieces(text: str) -> str:
    first, later = _nth_item(text, 3), _nth_item(text, 1200)
    end = _nth_item(text, 4)
    return text[:later] + text[first:end] + text[later:]


def hedge_in_the_middle(text: str) -> str:
    start = _nth_item(text, 700)
    return text[:start] + text[start:].replace('evidence: "', 'evidence: "They could say ', 1)


def quote_not_found_in_two_pieces(text: str) -> str:
    for number in (1450, 90):  # later first, so the earlier offset still holds
        start = _nth_item(text, number)
        text = text[:start] + text[start:].replace('evidence: "', 'evidence: "Zyx qwv ', 1)
    return text


def cut_inside_a_quote(text: str) -> str:
    start = _nth_item(text, 600)
    return text[:start] + text[start:].replace('evidence: "', 'evidence: "Line one\n  - ', 1)


@pytest.mark.parametrize(
    "edit",
    [
        unknown_actor_late,
        written_twice_across_pieces,
        hedge_in_the_middle,
        quote_not_found_in_two_pieces,
        cut_inside_a_quote,
    ],
)
def test_problems_in_any_piece_are_reported_as_the_simple_load_reports_them(
    generated, monkeypatch, tmp_path, edit, run
):
    folder = copy_corpus(generated, tmp_path / "edited", edit)
    simple(monkeypatch)
    expected = validate(folder, cache=False)
    expected_cli = run("validate", "--data", str(folder), "--format", "json")
    assert expected["problems"], "the edit must make a problem"
    assert not any(p["message"].startswith("document ") for p in expected["problems"])
    chunked(monkeypatch)
    assert validate(folder, cache=False) == expected
    found_cli = run("validate", "--data", str(folder), "--format", "json")
    assert (found_cli.exit_code, found_cli.stdout, found_cli.stderr) == (
        expected_cli.exit_code,
        expected_cli.stdout,
        expected_cli.stderr,
    )


def test_text_output_of_a_problem_in_a_late_piece(generated, monkeypatch, tmp_path, run):
    folder = copy_corpus(generated, tmp_path / "edited", unknown_actor_late)
    chunked(monkeypatch)
    result = run("validate", "--data", str(folder))
    assert result.exit_code == 1
    line = (folder / "relations.yaml").read_text().count(
        "\n", 0, _nth_item((folder / "relations.yaml").read_text(), 1400)
    ) + 1
    assert f"relations.yaml:{line}:" in result.stderr
    assert result.stderr.endswith(
        "error: unknown actor 'zz00280' in source (did you mean 'a00280'?)\n"
    )
    assert result.stderr.count("error:") == 1


# The processes


def test_run_pieces_gives_the_same_list_on_any_number_of_processes():
    def work(index):
        return {"index": index, "pid_free": [index] * index}

    expected = [work(index) for index in range(7)]
    for processes in (1, 2, 3, 7, 12):
        assert load_chunked.run_pieces(work, 7, processes) == expected


def test_a_child_that_fails_has_its_pieces_done_by_the_parent():
    parent = os.getpid()

    def work(index):
        if os.getpid() != parent:
            raise RuntimeError("a child that dies")
        return [index]

    assert load_chunked.run_pieces(work, 5, 3) == [[0], [1], [2], [3], [4]]


def test_a_doubt_in_any_piece_gives_none():
    def work(index):
        return None if index == 4 else [index]

    for processes in (1, 2, 3):
        assert load_chunked.run_pieces(work, 6, processes) is None


def test_no_fork_or_threads_means_one_process(monkeypatch):
    import threading

    monkeypatch.delattr(os, "fork")
    assert load_chunked.workers() == 1
    monkeypatch.undo()
    started = threading.Event()
    stop = threading.Event()
    thread = threading.Thread(target=lambda: (started.set(), stop.wait()))
    thread.start()
    try:
        started.wait()
        assert load_chunked.workers() == 1
    finally:
        stop.set()
        thread.join()


@pytest.mark.parametrize(
    "edit",
    [
        lambda text: text.replace("id: a00007", "id: A00007", 1),  # refused, kept, named
        lambda text: text.replace("id: a00009", "id: a00008", 1),  # written twice
        lambda text: text.replace("name: ", "name: no", 1),  # fine, but the located reading decides
    ],
)
def test_problems_in_the_actors_found_while_the_pieces_are_checked(
    generated, monkeypatch, tmp_path, edit
):
    folder = copy_corpus(generated, tmp_path / "edited")
    actors = folder / "actors.yaml"
    actors.write_text(edit(actors.read_text(encoding="utf-8")), encoding="utf-8")
    simple(monkeypatch)
    expected = validate(folder, cache=False)
    chunked(monkeypatch)
    assert validate(folder, cache=False) == expected
