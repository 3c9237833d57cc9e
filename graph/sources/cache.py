"""A cache of loaded datasets, so that every command after the first loads warm.

An entry holds a valid dataset as JSON data (never code: no pickle) and is
keyed by the content of ``actors.yaml`` and ``relations.yaml``, by the
dataset's folder (as typed and resolved), and by the code that builds it (a
hash of this package's source files, so it goes stale during development
too). Editing any of them misses the cache.

The cache never certifies a document it did not read: an entry also holds,
for every path the load resolved (each document and each document root), the
path as declared, the target it resolved to and a hash of the bytes read
there. An entry is used only while every declared path still resolves to the
same target and every target still holds those bytes: a document edited, or
a symlink pointed elsewhere, is read again (and checked again).

* Where: ``$XDG_CACHE_HOME/news-actor-graph/`` (``~/.cache/...`` by default).
* Bounded: past :data:`MAX_BYTES` (``GRAPH_CACHE_MAX_BYTES``) in all, the
  least recently used entries are deleted.
* Off: ``--no-cache`` on any command, ``GRAPH_NO_CACHE=1``, or
  ``load_dataset(..., cache=False)``.
* Safe: an entry whose header, checksum, key or shape is wrong (corrupt,
  truncated, stale, written by another version, foreign, or nested past the
  parser's recursion limit) is ignored and rebuilt. Only regular files are
  read as entries (never a symlink, a pipe or a device), and none larger
  than the cache's size limit. Entries are written to a temporary file and
  renamed into place, so two processes filling the cache at once leave a
  complete entry. Trimming deletes only the cache's own files (regular files
  named as it names them); anything else in the folder is left alone.

>>> key_of_code() == key_of_code()
True
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import json
import os
import re
import stat
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from ..model import EVIDENCE_STATES, ROLES, Actor, Dataset, Document, Kind, Relation, RelationType
from ..problems import Problem

__all__ = [
    "APP",
    "MAX_BYTES",
    "cache_folder",
    "content_hash",
    "disabled",
    "enabled",
    "key_of_code",
    "load",
    "store",
]

APP = "news-actor-graph"
FORMAT = "news-actor-graph dataset cache 4"
MAX_BYTES = 1 << 30  # 1 GiB of entries in all
_SUFFIX = ".json"
# The names the cache gives its files: only these are ever trimmed.
_ENTRY_NAME = re.compile(r"[0-9a-f]{40}\.json")
_TEMPORARY_PREFIX, _TEMPORARY_SUFFIX = ".tmp-", ".part"

# Set by ``--no-cache`` for one command run (see graph.cli.options).
disabled: contextvars.ContextVar[bool] = contextvars.ContextVar("graph_no_cache", default=False)

_code_key: str | None = None


def enabled() -> bool:
    """Return whether the cache is used: not turned off by ``--no-cache`` or ``GRAPH_NO_CACHE``."""
    if disabled.get():
        return False
    return os.environ.get("GRAPH_NO_CACHE", "").strip().lower() in ("", "0", "false", "no")


def cache_folder() -> Path:
    """Return the folder of the cache: ``$XDG_CACHE_HOME/news-actor-graph`` or ``~/.cache/...``."""
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return root / APP


def max_bytes() -> int:
    """Return the size the cache is kept under (``GRAPH_CACHE_MAX_BYTES``, default 1 GiB)."""
    try:
        return max(0, int(os.environ.get("GRAPH_CACHE_MAX_BYTES", MAX_BYTES)))
    except ValueError:
        return MAX_BYTES


def key_of_code() -> str:
    """Return a hash of this package's source files: new code, new cache entries."""
    global _code_key
    if _code_key is None:
        package = Path(__file__).resolve().parent.parent
        digest = hashlib.blake2b(FORMAT.encode(), digest_size=16)
        for path in sorted(package.rglob("*")):
            if path.suffix in (".py", ".json") and path.is_file():
                digest.update(str(path.relative_to(package)).encode() + b"\0")
                digest.update(path.read_bytes())
        _code_key = digest.hexdigest()
    return _code_key


def content_hash(data: bytes) -> str:
    """Return the hash the cache keeps of a document's bytes, as the loader read them."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _hash_file(path: Path | str, limit: int = 2 << 30) -> str | None:
    """Return a hash of a regular file's content; None for anything else (a pipe, a device...)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None  # the loader reports it; nothing of it is cached
        digest = hashlib.blake2b(digest_size=16)
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            for block in iter(lambda: file.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None
    finally:
        os.close(descriptor)


def key_of(folder: Path, files: list[Path], options: str = "") -> str | None:
    """Return the key of a dataset from its folder, the content of ``files`` and the code.

    The folder counts both resolved (which files are read) and as typed (the
    dataset keeps it so, and paths in its messages start with it): a folder
    typed as ``.`` in one directory is not the ``.`` of another.
    """
    digest = hashlib.blake2b(digest_size=20)
    for part in (key_of_code(), os.path.realpath(folder), os.fspath(folder), options):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    for path in files:
        content = _hash_file(path)
        if content is None:
            return None
        digest.update(content.encode() + b"\0")
    return digest.hexdigest()


def load(key: str) -> Dataset | None:
    """Return the dataset cached under ``key``, or None (missing, or not to be trusted)."""
    path = cache_folder() / (key + _SUFFIX)
    data = _read_entry(path, max_bytes())
    if data is None:
        return None
    try:
        header_end = data.find(b"\n")
        if header_end < 0:
            return None
        header = json.loads(data[:header_end])
        payload = data[header_end + 1 :]
        del data
        if header["format"] != FORMAT or header["key"] != key:
            return None
        if len(payload) != header["size"] or _digest(payload) != header["checksum"]:
            return None
        content = json.loads(payload)
        del payload
        dataset = _dataset_from(content)
        if not _unchanged(content["paths"], dataset):
            return None  # a document or a root changed since, or now points elsewhere
    except (KeyError, TypeError, ValueError, IndexError, AttributeError, RecursionError):
        return None  # RecursionError: nested deeper than any entry the cache writes
    with contextlib.suppress(OSError, NotImplementedError):
        os.utime(path, follow_symlinks=False)  # most recently used
    return dataset


def _read_entry(path: Path, limit: int) -> bytes | None:
    """Return the bytes of the entry at ``path``, or None.

    Only a regular file of at most ``limit`` bytes is read: a symlink is not
    followed (its target is not the cache's), a pipe is not waited on and a
    device is not read at all.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            data = file.read(info.st_size + 1)
        return data if len(data) == info.st_size else None  # changed while read
    except (OSError, ValueError, MemoryError):
        return None
    finally:
        os.close(descriptor)


def _unchanged(paths, dataset: Dataset) -> bool:
    """Return whether every path the load resolved resolves as it did, to the bytes it read.

    ``paths`` holds ``[declared, target, hash]`` for each path the loader
    resolved: documents with the hash of the bytes read, document roots
    (folders) with None. Every document of ``dataset`` must be among the
    targets read, so no entry certifies a document that the load did not read.
    """
    read = set()
    hashed: dict[str, str | None] = {}  # a file named by many paths is hashed once
    realpath = _realpaths()
    for declared, target, content in _check(paths, list):
        _check([declared, target], str)
        _check([content], str, optional=True)
        if realpath(declared) != target:
            return False
        if content is None:
            if not os.path.isdir(declared):
                return False
            continue
        if target not in hashed:
            hashed[target] = _hash_file(declared)
        if hashed[target] != content:
            return False
        read.add(target)
    return all(str(document.path) in read for document in dataset.documents.values())


def _realpaths():
    """Return a function equal to ``os.path.realpath`` that resolves each folder once.

    Documents mostly share a few folders: resolving a folder costs a system
    call per component, the file's own name then one more.

    >>> realpath = _realpaths()
    >>> realpath(__file__) == os.path.realpath(__file__)
    True
    """
    folders: dict[str, str] = {}

    def realpath(path: str) -> str:
        head, tail = os.path.split(path)
        if tail in ("", ".", ".."):
            return os.path.realpath(path)
        if head not in folders:
            folders[head] = os.path.realpath(head or os.curdir)
        candidate = os.path.join(folders[head], tail)
        return os.path.realpath(candidate) if os.path.islink(candidate) else candidate

    return realpath


def store(key: str, dataset: Dataset, paths: dict[str, tuple[str, str | None]]) -> None:
    """Write ``dataset`` under ``key`` atomically, then trim the cache to its size; never raise.

    ``paths`` maps each path the load resolved, as declared, to its target
    and the hash of the bytes read there (:func:`content_hash`; None for a
    document root). A dataset with a document not read there is not stored.
    """
    folder = cache_folder()
    try:
        records = [[declared, target, content] for declared, (target, content) in paths.items()]
        read = {target for _, target, content in records if content is not None}
        if any(str(document.path) not in read for document in dataset.documents.values()):
            return  # never certify a document the load did not read
        folder.mkdir(parents=True, exist_ok=True)
        data = _data_of(dataset)
        data["paths"] = records
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(
            "utf-8", "surrogateescape"
        )
        header = {"format": FORMAT, "key": key, "size": len(payload), "checksum": _digest(payload)}
        handle, temporary = tempfile.mkstemp(
            prefix=_TEMPORARY_PREFIX, suffix=_TEMPORARY_SUFFIX, dir=folder
        )
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(json.dumps(header).encode() + b"\n")
                file.write(payload)
            os.replace(temporary, folder / (key + _SUFFIX))
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        trim(folder)
    except (OSError, ValueError, UnicodeError):
        return  # a cache that cannot be written is only slower


def trim(folder: Path | None = None, limit: int | None = None) -> None:
    """Delete the least recently used entries until the cache fits ``limit`` bytes.

    Only the cache's own files are counted and deleted: regular files named
    as it names its entries (and its temporary files, an hour after a
    process died writing one). Whatever else is in the folder stays, and
    skipping it never stops the trimming.
    """
    folder = cache_folder() if folder is None else folder
    limit = max_bytes() if limit is None else limit
    entries = []
    now = time.time()
    try:
        listing = list(os.scandir(folder))
    except OSError:
        return
    for item in listing:
        name = item.name
        entry = _ENTRY_NAME.fullmatch(name) is not None
        temporary = name.startswith(_TEMPORARY_PREFIX) and name.endswith(_TEMPORARY_SUFFIX)
        if not (entry or temporary):
            continue  # not the cache's: the user's own file, or a folder
        try:
            info = item.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            continue
        if temporary:
            if now - info.st_mtime > 3600:  # left by a process that died while writing
                _unlink(item.path)
        else:
            entries.append((info.st_mtime, info.st_size, item.path))
    total = sum(size for _, size, _ in entries)
    for _, size, path in sorted(entries):
        if total <= limit:
            break
        if _unlink(path):
            total -= size


def _unlink(path: str) -> bool:
    """Delete ``path``; return whether it is gone (another process may have deleted it)."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return True


def _digest(payload: bytes) -> str:
    return hashlib.blake2b(payload, digest_size=16).hexdigest()


def _data_of(dataset: Dataset) -> dict:
    """Return the dataset as JSON data; relations by column, actors and types by number."""
    actor_number = {actor_id: number for number, actor_id in enumerate(dataset.actors)}
    type_number = {name: number for number, name in enumerate(dataset.types)}
    document_number = {
        name: number for number, name in enumerate([*dataset.documents, *dataset.document_urls])
    }
    relations = dataset.relations
    return {
        "folder": str(dataset.folder) if dataset.folder is not None else None,
        "kinds": None
        if dataset.kinds is None
        else [[kind.name, kind.description] for kind in dataset.kinds.values()],
        "actor_id": list(dataset.actors),
        "actor_name": [a.name for a in dataset.actors.values()],
        "actor_kind": [a.kind for a in dataset.actors.values()],
        "actor_aliases": [list(a.aliases) for a in dataset.actors.values()],
        "actor_description": [a.description for a in dataset.actors.values()],
        "types": [
            [t.name, t.sign, t.symmetric, t.description, t.role] for t in dataset.types.values()
        ],
        "documents": [[d.key, str(d.path)] for d in dataset.documents.values()],
        "document_urls": [[key, url] for key, url in dataset.document_urls.items()],
        "evidence_allowed": list(dataset.evidence_allowed),
        "source": [actor_number[r.source] for r in relations],
        "type": [type_number[r.type] for r in relations],
        "target": [actor_number[r.target] for r in relations],
        "evidence": [r.evidence for r in relations],
        "document": [-1 if r.document is None else document_number[r.document] for r in relations],
        "date": [r.date for r in relations],
        "weight": [r.weight for r in relations],
        "hedged": [r.hedged for r in relations],
        "evidence_state": [r.evidence_state for r in relations],
        "locator": [r.locator for r in relations],
        "warnings": [problem.to_dict() for problem in dataset.warnings],
    }


def _check(values, kind, optional: bool = False) -> list:
    if type(values) is not list:
        raise TypeError("not a list")
    # The set of the values' exact types, gathered in C: a column of 200,000
    # values is checked in milliseconds.
    allowed = {kind, type(None)} if optional else {kind}
    if not set(map(type, values)) <= allowed:
        raise TypeError(f"not all {kind.__name__}" + (" or null" if optional else ""))
    return values


def _numbers(values, count: int, optional: bool = False) -> list:
    _check(values, int)
    if values and (min(values) < (-1 if optional else 0) or max(values) >= count):
        raise IndexError("number out of range")
    return values


def _problem(data: dict) -> Problem:
    problem = Problem(**data)
    _check([problem.file, problem.message, problem.severity], str)
    _check([problem.line, problem.column], int)
    _check([problem.hint], str, optional=True)
    return problem


def _dataset_from(data: dict) -> Dataset:
    """Rebuild a dataset from :func:`_data_of`'s data, checking every value's type."""
    kinds = None
    if data["kinds"] is not None:
        kinds = {}
        for name, description in _check(data["kinds"], list):
            _check([name], str)
            _check([description], str, optional=True)
            kinds[name] = Kind(name, description)
    actor_columns = [
        _check(data["actor_id"], str),
        _check(data["actor_name"], str),
        _check(data["actor_kind"], str),
        [tuple(_check(aliases, str)) for aliases in _check(data["actor_aliases"], list)],
        _check(data["actor_description"], str, optional=True),
    ]
    if len({len(column) for column in actor_columns}) != 1:
        raise ValueError("actor columns of different lengths")
    actors = dict(zip(actor_columns[0], map(Actor, *actor_columns)))
    types = {}
    for name, sign, symmetric, description, role in _check(data["types"], list):
        _check([name], str)
        if type(sign) is not int or sign not in (-1, 0, 1) or type(symmetric) is not bool:
            raise TypeError("bad relation type")
        _check([description], str, optional=True)
        if role not in ROLES:
            raise ValueError("bad role")
        types[name] = RelationType(name, sign, symmetric, description, role)
    documents = {}
    for key, path in _check(data["documents"], list):
        _check([key, path], str)
        documents[key] = Document(key, Path(path))
    urls = {}
    for key, url in _check(data["document_urls"], list):
        _check([key, url], str)
        urls[key] = url
    allowed = tuple(_check(data["evidence_allowed"], str))
    if not set(allowed) <= set(EVIDENCE_STATES):
        raise ValueError("bad evidence state")
    ids, type_names = list(actors), list(types)
    document_names = [*documents, *urls, None]
    count = len(data["source"])
    columns = [
        [ids[n] for n in _numbers(data["source"], len(ids))],
        [type_names[n] for n in _numbers(data["type"], len(type_names))],
        [ids[n] for n in _numbers(data["target"], len(ids))],
        _check(data["evidence"], str),
        [
            document_names[n]
            for n in _numbers(data["document"], len(document_names) - 1, optional=True)
        ],
        _check(data["date"], str, optional=True),
        _check(data["weight"], float),
    ]
    states = _check(data["evidence_state"], str)
    if not set(states) <= set(EVIDENCE_STATES):
        raise ValueError("bad evidence state")
    extra = [_check(data["hedged"], bool), states, _check(data["locator"], str, optional=True)]
    if any(len(column) != count for column in [*columns, *extra]):
        raise ValueError("columns of different lengths")
    relations = list(map(Relation, *columns))
    if any(extra[0]) or set(states) != {"verified"} or any(x is not None for x in extra[2]):
        relations = [
            replace(relation, hedged=hedged, evidence_state=state, locator=locator)
            for relation, hedged, state, locator in zip(relations, *extra)
        ]
    warnings = [_problem(problem) for problem in _check(data["warnings"], dict)]
    folder = data["folder"]
    _check([folder], str, optional=True)
    dataset = Dataset(
        actors,
        types,
        relations,
        kinds,
        documents,
        None if folder is None else Path(folder),
        warnings,
    )
    dataset.document_urls = urls
    dataset.evidence_allowed = allowed
    return dataset
