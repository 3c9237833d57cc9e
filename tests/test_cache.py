"""The cache of loaded datasets: warm loads equal cold ones, and nothing stale or broken is trusted.

Whether a load came from the cache is seen through the progress events: a
load from the files reports a "loading" step, a load from the cache none.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from graph import DatasetError, load_dataset, progress
from graph.sources import cache

from .conftest import RELATIONS, SMALL


def loaded_from_files(folder, **options) -> tuple[object, bool]:
    """Load ``folder``; return the dataset and whether the files were read (not the cache)."""
    events = []
    with progress.reporting(events.append):
        dataset = load_dataset(folder, **options)
    return dataset, any(event.what == "loading" for event in events)


def entries(private_cache) -> list:
    if not private_cache.is_dir():
        return []
    return sorted(p for p in private_cache.iterdir() if p.suffix == ".json")


def test_a_second_load_comes_from_the_cache_and_equals_the_first(private_cache):
    cold, from_files = loaded_from_files(SMALL)
    assert from_files and len(entries(private_cache)) == 1
    warm, from_files = loaded_from_files(SMALL)
    assert not from_files
    assert warm == cold
    assert warm.relations == cold.relations and list(warm.actors) == list(cold.actors)
    assert warm.find_actor(cold.relations[0].source) == cold.actors[cold.relations[0].source]


def test_the_cache_lives_under_xdg_cache_home_and_holds_json_data(private_cache):
    load_dataset(SMALL)
    (entry,) = entries(private_cache)
    assert private_cache.name == "news-actor-graph"
    header, payload = entry.read_bytes().split(b"\n", 1)
    assert json.loads(header)["format"] == cache.FORMAT
    assert json.loads(payload)["evidence"][0] == load_dataset(SMALL).relations[0].evidence


def test_editing_a_yaml_file_or_a_document_invalidates_the_entry(write_dataset):
    folder = write_dataset()
    assert loaded_from_files(folder)[1]
    assert not loaded_from_files(folder)[1]
    actors = (folder / "actors.yaml").read_text(encoding="utf-8")
    (folder / "actors.yaml").write_text(actors.replace("Freedonia", "Fredonia"), encoding="utf-8")
    dataset, from_files = loaded_from_files(folder)
    assert from_files and dataset.actors["freedonia"].name == "Fredonia"
    (folder / "article.txt").write_text("Nothing of the kind was signed.\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="evidence quote not found"):
        load_dataset(folder)


def test_warnings_are_kept_in_the_cache(write_dataset):
    folder = write_dataset(relations=RELATIONS.replace("documents: {article: article.txt}\n", ""))
    cold = load_dataset(folder)
    warm, from_files = loaded_from_files(folder)
    assert not from_files and warm.warnings == cold.warnings and len(cold.warnings) == 1


def _truncate(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _flip(data: bytes) -> bytes:
    return data[:-10] + bytes([data[-10] ^ 1]) + data[-9:]


def _foreign(data: bytes) -> bytes:
    # A well-formed entry whose content is not a dataset (checksum right, shape wrong).
    payload = json.dumps({"actors": "rm -rf /"}).encode()
    header = json.loads(data.split(b"\n", 1)[0])
    header.update(size=len(payload), checksum=cache._digest(payload))
    return json.dumps(header).encode() + b"\n" + payload


def _stale(data: bytes) -> bytes:
    header, payload = data.split(b"\n", 1)
    fields = json.loads(header)
    fields["format"] = "news-actor-graph dataset cache 0"
    return json.dumps(fields).encode() + b"\n" + payload


def _pickle(data: bytes) -> bytes:
    import pickle

    return pickle.dumps({"actors": []})


@pytest.mark.parametrize("damage", [_truncate, _flip, _foreign, _stale, _pickle, lambda d: b""])
def test_a_broken_entry_is_ignored_and_rebuilt(private_cache, damage):
    cold = load_dataset(SMALL)
    (entry,) = entries(private_cache)
    good = entry.read_bytes()
    entry.write_bytes(damage(good))
    dataset, from_files = loaded_from_files(SMALL)
    assert from_files and dataset == cold
    assert entry.read_bytes() == good  # rewritten whole


def test_no_cache_option_and_environment_variable_bypass_it(run, private_cache, monkeypatch):
    assert run("stats", "--data", str(SMALL), "--no-cache").exit_code == 0
    assert entries(private_cache) == []
    monkeypatch.setenv("GRAPH_NO_CACHE", "1")
    assert run("validate", "--data", str(SMALL)).exit_code == 0
    assert entries(private_cache) == []
    monkeypatch.delenv("GRAPH_NO_CACHE")
    assert run("validate", "--data", str(SMALL)).exit_code == 0
    assert len(entries(private_cache)) == 1
    assert not loaded_from_files(SMALL)[1]
    assert loaded_from_files(SMALL, cache=False)[1]


def test_the_least_recently_used_entries_go_first(tmp_path, private_cache, monkeypatch):
    folders, names = [], []
    for number in range(3):
        folder = tmp_path / f"d{number}"
        folder.mkdir()
        for name in ("actors.yaml", "relations.yaml", "article.txt"):
            (folder / name).write_bytes((SMALL / name).read_bytes())
        folders.append(folder)
    for folder in folders[:2]:
        before = set(entries(private_cache))
        load_dataset(folder)
        (new,) = set(entries(private_cache)) - before
        names.append(new)
    os.utime(names[0], (1, 1))
    os.utime(names[1], (2, 2))
    assert not loaded_from_files(folders[0])[1]  # used again: now the most recent
    size = names[0].stat().st_size
    monkeypatch.setenv("GRAPH_CACHE_MAX_BYTES", str(2 * size + size // 2))
    load_dataset(folders[2])  # a third entry does not fit: the least recently used goes
    remaining = entries(private_cache)
    assert len(remaining) == 2 and names[0] in remaining and names[1] not in remaining


_LOADER = """
import sys
from graph import load_dataset
dataset = load_dataset(sys.argv[1])
print(len(dataset.relations))
"""


def test_processes_filling_the_cache_at_once_leave_one_good_entry(private_cache):
    children = [
        subprocess.Popen([sys.executable, "-c", _LOADER, str(SMALL)], stdout=subprocess.PIPE)
        for _ in range(4)
    ]
    outputs = [child.communicate(timeout=120)[0] for child in children]
    expected = str(len(load_dataset(SMALL, cache=False).relations)).encode() + b"\n"
    assert outputs == [expected] * 4
    assert [child.returncode for child in children] == [0] * 4
    assert len(entries(private_cache)) == 1
    assert [p.name for p in private_cache.iterdir() if p.name.startswith(".tmp-")] == []
    assert not loaded_from_files(SMALL)[1]


def test_the_key_depends_on_folder_options_and_content(tmp_path):
    files = [SMALL / "actors.yaml", SMALL / "relations.yaml"]
    key = cache.key_of(SMALL, files)
    assert key == cache.key_of(SMALL, files)
    assert key != cache.key_of(tmp_path, files)
    assert key != cache.key_of(SMALL, files, "max_file_size=10")
    assert cache.key_of(SMALL, [tmp_path / "missing.yaml"]) is None
