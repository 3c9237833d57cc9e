"""The cache of loaded datasets: warm loads equal cold ones, and nothing stale or broken is trusted.

Whether a load came from the cache is seen through the progress events: a
load from the files reports a "loading" step, a load from the cache none.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

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
    return sorted(p for p in private_cache.iterdir() if p.suffix == ".cols")


def _header(data: bytes) -> dict:
    """Return an entry's header: its first line is ``CHECKSUM HEADER-JSON``."""
    return json.loads(data.split(b"\n", 1)[0].split(b" ", 1)[1])


def _part(data: bytes, name: str) -> bytes:
    """Return the bytes of the part ``name`` of an entry."""
    _, start, size, _ = _header(data)["blobs"][name]
    return data[start : start + size]


def _with_header(data: bytes, **fields) -> bytes:
    """Return the entry with header fields changed, its header checksum right (only the parts'
    places keep their meaning while the header line keeps its length)."""
    line, rest = data.split(b"\n", 1)
    header = _header(data)
    header.update(fields)
    text = json.dumps(header, separators=(",", ":")).encode()
    new = cache._digest(text).encode() + b" " + text
    return new + b"\n" + rest if len(new) == len(line) else new + b"\n"


def _rewritten(data: bytes, **parts) -> bytes:
    """Return the entry rewritten by the cache's own writer, some parts replaced."""
    import io

    header = _header(data)
    arrays = {}
    for name, (kind, start, size, _) in header["blobs"].items():
        arrays[name] = (kind, data[start : start + size])
    arrays.update({name: (array.dtype.str, array) for name, array in parts.items()})
    out = io.BytesIO()
    cache._write(out, header["key"], arrays)
    return out.getvalue()


def test_a_second_load_comes_from_the_cache_and_equals_the_first(private_cache):
    cold, from_files = loaded_from_files(SMALL)
    assert from_files and len(entries(private_cache)) == 1
    warm, from_files = loaded_from_files(SMALL)
    assert not from_files
    assert warm == cold
    assert warm.relations == cold.relations and list(warm.actors) == list(cold.actors)
    assert warm.find_actor(cold.relations[0].source) == cold.actors[cold.relations[0].source]


@pytest.fixture
def as_columns(monkeypatch):
    """Read every entry back as columns, as a dataset of more than a few thousand relations."""
    monkeypatch.setattr(cache, "OBJECTS_UP_TO", 0)


def test_the_cache_lives_under_xdg_cache_home_and_holds_columns(private_cache, as_columns):
    load_dataset(SMALL)
    (entry,) = entries(private_cache)
    assert private_cache.name == "news-actor-graph"
    data = entry.read_bytes()
    assert _header(data)["format"] == cache.FORMAT
    first = load_dataset(SMALL, cache=False).relations[0]
    ends = _part(data, "evidence_ends")
    assert (
        _part(data, "evidence")[: int.from_bytes(ends[8:16], "little")] == first.evidence.encode()
    )
    warm = load_dataset(SMALL)
    assert warm.columns is not None  # the relations are columns until asked for
    assert warm.relations[0] == first and warm.columns is None


def test_a_small_entry_is_read_back_as_objects_checked_whole(private_cache):
    # A few thousand relations are built at once (numpy costs more to import), every part
    # checked now: a quote changed in the entry is a broken entry, read again from the files.
    cold = load_dataset(SMALL)
    warm, from_files = loaded_from_files(SMALL)
    assert not from_files and warm.columns is None and warm.relations == cold.relations
    (entry,) = entries(private_cache)
    data = entry.read_bytes()
    _, start, _, _ = _header(data)["blobs"]["evidence"]
    entry.write_bytes(data[:start] + bytes([data[start] ^ 1]) + data[start + 1 :])
    again, from_files = loaded_from_files(SMALL)
    assert from_files and again == cold and entry.read_bytes() == data


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


def _truncate_last_part(data: bytes) -> bytes:
    return data[:-1]


def _flip(data: bytes) -> bytes:
    # A bit of a numeric column (the targets): its checksum is checked on every load.
    _, start, _, _ = _header(data)["blobs"]["target"]
    return data[:start] + bytes([data[start] ^ 1]) + data[start + 1 :]


def _flip_header(data: bytes) -> bytes:
    at = data.index(b'"format"') + 2
    return data[:at] + bytes([data[at] ^ 1]) + data[at + 1 :]


def _foreign(data: bytes) -> bytes:
    # A well-formed entry whose content is not a dataset (checksums right, shape wrong).
    import numpy as np

    meta = np.frombuffer(json.dumps({"actors": "rm -rf /"}).encode(), dtype="|u1")
    return _rewritten(data, meta=meta)


def _out_of_range(data: bytes) -> bytes:
    # Checksums right, but a relation whose source is no actor.
    import numpy as np

    source = np.frombuffer(_part(data, "source"), dtype="<i4").copy()
    source[0] = 10_000
    return _rewritten(data, source=source)


def _stale(data: bytes) -> bytes:
    return _with_header(data, format="news-actor-graph dataset cache 0")


def _other_version(data: bytes) -> bytes:
    # Written by another version of the package: its key (which hashes the code) differs.
    return _with_header(data, key="f" * 40)


def _pickle(data: bytes) -> bytes:
    import pickle

    return pickle.dumps({"actors": []})


@pytest.mark.parametrize(
    "damage",
    [
        _truncate,
        _truncate_last_part,
        _flip,
        _flip_header,
        _foreign,
        _out_of_range,
        _stale,
        _other_version,
        _pickle,
        lambda d: b"",
    ],
)
@pytest.mark.parametrize("read_as", ["objects", "columns"])
def test_a_broken_entry_is_ignored_and_rebuilt(private_cache, damage, read_as, monkeypatch):
    if read_as == "columns":
        monkeypatch.setattr(cache, "OBJECTS_UP_TO", 0)
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
from pathlib import Path
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


# --- Hardening, second round (issue 25): D10-D15 ---------------------------------------------


def test_a_retargeted_document_symlink_is_read_again(write_dataset, tmp_path):
    # D10: the cache must not certify quotes against a file it no longer reads.
    folder = write_dataset()
    (folder / "article.txt").rename(folder / "first.txt")
    (folder / "other.txt").write_text("Nothing of the kind was signed.\n", encoding="utf-8")
    (folder / "article.txt").symlink_to("first.txt")
    assert loaded_from_files(folder)[1]
    assert not loaded_from_files(folder)[1]
    (folder / "article.txt").unlink()
    (folder / "article.txt").symlink_to("other.txt")
    with pytest.raises(DatasetError, match="evidence quote not found"):
        load_dataset(folder)


def test_a_document_symlink_pointed_outside_the_folder_is_refused_again(write_dataset, tmp_path):
    # D10: the same file, with the quote, moved outside the folder: no longer allowed.
    folder = write_dataset()
    outside = tmp_path / "outside.txt"
    outside.write_bytes((folder / "article.txt").read_bytes())
    (folder / "article.txt").rename(folder / "first.txt")
    (folder / "article.txt").symlink_to("first.txt")
    assert loaded_from_files(folder)[1]
    assert not loaded_from_files(folder)[1]
    (folder / "article.txt").unlink()
    (folder / "article.txt").symlink_to(outside)
    with pytest.raises(DatasetError, match="outside the dataset folder"):
        load_dataset(folder)


def test_a_retargeted_document_root_is_checked_again(write_dataset, tmp_path):
    # D10: a document reached by a path of its own stays allowed only while its root holds it.
    shelf, empty = tmp_path / "shelf", tmp_path / "empty"
    shelf.mkdir()
    empty.mkdir()
    folder = write_dataset(
        relations=RELATIONS.replace(
            "documents: {article: article.txt}",
            "document_roots: [roots]\ndocuments: {article: ../shelf/article.txt}",
        )
    )
    (folder / "article.txt").rename(shelf / "article.txt")
    (folder / "roots").symlink_to(shelf)
    allowed = [folder / "roots"]  # the user allows the folder the link leads to
    assert loaded_from_files(folder, document_roots=allowed)[1]
    assert not loaded_from_files(folder, document_roots=allowed)[1]
    (folder / "roots").unlink()
    (folder / "roots").symlink_to(empty)
    with pytest.raises(DatasetError, match="outside the dataset folder"):
        load_dataset(folder, document_roots=allowed)


def test_an_entry_certified_under_a_document_root_is_not_used_without_it(write_dataset, tmp_path):
    # The roots the user allowed are part of the key: a run that does not allow
    # the folder reads the files again, and refuses the document.
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    folder = write_dataset(
        relations=RELATIONS.replace(
            "documents: {article: article.txt}", "documents: {article: ../shelf/article.txt}"
        )
    )
    (folder / "article.txt").rename(shelf / "article.txt")
    assert loaded_from_files(folder, document_roots=[shelf])[1]
    assert not loaded_from_files(folder, document_roots=[shelf])[1]
    with pytest.raises(DatasetError, match="outside the dataset folder"):
        load_dataset(folder)
    other = tmp_path / "other"
    other.mkdir()
    with pytest.raises(DatasetError, match="outside the dataset folder"):
        load_dataset(folder, document_roots=[other])
    assert not loaded_from_files(folder, document_roots=[str(shelf)])[1]


def test_an_entry_holds_each_document_it_read_with_its_target(write_dataset, private_cache):
    folder = write_dataset()
    load_dataset(folder)
    (entry,) = entries(private_cache)
    paths = json.loads(_part(entry.read_bytes(), "meta"))["paths"]
    assert paths == [
        [
            str(folder / "article.txt"),
            os.path.realpath(folder / "article.txt"),
            cache.content_hash((folder / "article.txt").read_bytes()),
        ]
    ]


def test_a_folder_typed_elsewhere_gets_the_folder_of_this_run(write_dataset, tmp_path, monkeypatch):
    # D11: an entry made from "." must not hand "." to a run from another directory.
    folder = write_dataset(relations=RELATIONS.replace("documents: {article: article.txt}\n", ""))
    monkeypatch.chdir(folder)
    here = load_dataset(".")
    assert here.folder == Path(".")
    monkeypatch.chdir(tmp_path)
    dataset = load_dataset(folder)
    assert dataset.folder == folder
    assert dataset == load_dataset(folder, cache=False)
    assert [w.file for w in dataset.warnings] == [str(folder / "relations.yaml")]


def _nested_payload(data: bytes) -> bytes:
    import numpy as np

    return _rewritten(data, meta=np.frombuffer(b"[" * 200_000 + b"]" * 200_000, dtype="|u1"))


def _nested_header(data: bytes) -> bytes:
    header = b'{"format":' * 200_000 + b"1" + b"}" * 200_000
    return cache._digest(header).encode() + b" " + header + b"\n" + data.split(b"\n", 1)[1]


@pytest.mark.parametrize("damage", [_nested_payload, _nested_header])
def test_a_deeply_nested_entry_is_corrupt_not_a_crash(private_cache, damage):
    # D12: past the nesting limit an entry is ignored and rebuilt, on every run.
    cold = load_dataset(SMALL)
    (entry,) = entries(private_cache)
    good = entry.read_bytes()
    entry.write_bytes(damage(good))
    dataset, from_files = loaded_from_files(SMALL)
    assert from_files and dataset == cold
    assert entry.read_bytes() == good


_LOAD_SMALL = f"""
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 31, 1 << 31))
from graph import load_dataset, progress
events = []
with progress.reporting(events.append):
    dataset = load_dataset({str(SMALL)!r})
print(len(dataset.relations), any(event.what == "loading" for event in events))
"""


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "symlink", "too-large"])
def test_an_entry_that_is_not_a_small_regular_file_is_never_read(private_cache, kind, tmp_path):
    # D13: a FIFO would hang the reader, /dev/zero would fill its memory. Run in a child
    # process with a memory cap and a time limit, so that on failure the test fails.
    load_dataset(SMALL)
    (entry,) = entries(private_cache)
    good = entry.read_bytes()
    env = dict(os.environ)
    if kind == "too-large":
        env["GRAPH_CACHE_MAX_BYTES"] = str(len(good) - 1)
    else:
        entry.unlink()
    if kind == "fifo":
        os.mkfifo(entry)
    elif kind == "dev-zero":
        entry.symlink_to("/dev/zero")
    elif kind == "symlink":  # a good entry, but elsewhere: not the cache's own file
        elsewhere = tmp_path / "elsewhere.json"
        elsewhere.write_bytes(good)
        entry.symlink_to(elsewhere)
    child = subprocess.run(
        [sys.executable, "-c", _LOAD_SMALL], capture_output=True, timeout=120, env=env
    )
    relations = len(load_dataset(SMALL, cache=False).relations)
    assert child.returncode == 0, child.stderr.decode()[-2000:]
    assert child.stdout.decode().split() == [str(relations), "True"]
    if kind != "too-large":
        assert not entry.is_symlink() and entry.read_bytes() == good  # rebuilt, a regular file


def test_trimming_deletes_only_the_caches_own_entries(private_cache, monkeypatch):
    # D14: the user's own *.json files in the cache folder are not the cache's to delete.
    private_cache.mkdir(parents=True)
    mine = private_cache / "notes.json"
    mine.write_text('{"mine": true}\n', encoding="utf-8")
    lookalike = private_cache / ("0" * 40 + ".cols")  # named like an entry, but a link
    lookalike.symlink_to(mine)
    for path in (mine, lookalike):
        os.utime(path, (1, 1), follow_symlinks=False)
    monkeypatch.setenv("GRAPH_CACHE_MAX_BYTES", "0")
    load_dataset(SMALL)
    assert sorted(p.name for p in private_cache.iterdir()) == sorted([mine.name, lookalike.name])
    assert mine.read_text(encoding="utf-8") == '{"mine": true}\n'


def test_a_folder_named_like_an_entry_does_not_stop_trimming(private_cache, tmp_path, monkeypatch):
    # D15: the folder is skipped; the old entries behind it still go.
    private_cache.mkdir(parents=True)
    for name in ("folder.json", "1" * 40 + ".cols"):
        (private_cache / name).mkdir()
        os.utime(private_cache / name, (1, 1))
    copies = []
    for number in range(2):
        copy = tmp_path / f"d{number}"
        copy.mkdir()
        for name in ("actors.yaml", "relations.yaml", "article.txt"):
            (copy / name).write_bytes((SMALL / name).read_bytes())
        copies.append(copy)
    load_dataset(copies[0])
    (first,) = [p for p in private_cache.iterdir() if p.is_file()]
    os.utime(first, (2, 2))
    monkeypatch.setenv("GRAPH_CACHE_MAX_BYTES", str(first.stat().st_size + 10))
    load_dataset(copies[1])
    files = [p for p in private_cache.iterdir() if p.is_file()]
    assert len(files) == 1 and files[0] != first
    assert (private_cache / "folder.json").is_dir()


def test_a_damaged_quote_is_found_when_first_read(private_cache, as_columns):
    # The texts are checked when a command first reads them, not on every load: a quote
    # changed in the file (which the cache never does) is an error naming the entry, which
    # goes; the next load reads the files again.
    cold = load_dataset(SMALL)
    (entry,) = entries(private_cache)
    data = entry.read_bytes()
    _, start, _, _ = _header(data)["blobs"]["evidence"]
    entry.write_bytes(data[:start] + bytes([data[start] ^ 1]) + data[start + 1 :])
    warm, from_files = loaded_from_files(SMALL)
    assert not from_files and warm.actors == cold.actors
    with pytest.raises(DatasetError, match="cache entry changed while in use"):
        warm.relations  # noqa: B018
    assert entries(private_cache) == []
    again, from_files = loaded_from_files(SMALL)
    assert from_files and again == cold


def test_an_entry_replaced_while_mapped_leaves_the_reader_whole(private_cache, as_columns):
    # Entries are renamed over, never changed in place: a process holding the old one
    # mapped keeps reading it whole (a file truncated under a mapping would kill it).
    cold = load_dataset(SMALL)
    (entry,) = entries(private_cache)
    warm = load_dataset(SMALL)
    assert warm.columns is not None
    replacement = entry.with_name(".tmp-replacement.part")
    replacement.write_bytes(b"x")
    os.replace(replacement, entry)
    assert warm.relations == cold.relations


def test_entries_of_the_earlier_json_format_are_trimmed_first(private_cache, monkeypatch):
    private_cache.mkdir(parents=True)
    old = private_cache / ("a" * 40 + ".json")  # an entry of format 4: never read now
    old.write_bytes(b"{}\n" * 1000)
    os.utime(old, (1, 1))
    mine = private_cache / "notes.json"
    mine.write_text("{}\n", encoding="utf-8")
    load_dataset(SMALL)
    (entry,) = entries(private_cache)
    monkeypatch.setenv("GRAPH_CACHE_MAX_BYTES", str(entry.stat().st_size + 10))
    cache.trim()
    assert sorted(p.name for p in private_cache.iterdir()) == sorted([entry.name, mine.name])
