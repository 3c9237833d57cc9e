"""A cache of loaded datasets, so that every command after the first loads warm.

An entry holds a valid dataset as JSON data (never code: no pickle) and is
keyed by the content of every file the dataset reads (``actors.yaml``,
``relations.yaml`` and each document), by the dataset's folder, and by the
code that builds it (a hash of this package's source files, so it goes stale
during development too). Editing any of them misses the cache.

* Where: ``$XDG_CACHE_HOME/news-actor-graph/`` (``~/.cache/...`` by default).
* Bounded: past :data:`MAX_BYTES` (``GRAPH_CACHE_MAX_BYTES``) in all, the
  least recently used entries are deleted.
* Off: ``--no-cache`` on any command, ``GRAPH_NO_CACHE=1``, or
  ``load_dataset(..., cache=False)``.
* Safe: an entry whose header, checksum, key or shape is wrong (corrupt,
  truncated, stale, written by another version, or foreign) is ignored and
  rebuilt. Entries are written to a temporary file and renamed into place,
  so two processes filling the cache at once leave a complete entry.

>>> key_of_code() == key_of_code()
True
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import json
import os
import stat
import tempfile
import time
from pathlib import Path

from ..model import Actor, Dataset, Document, Kind, Relation, RelationType
from ..problems import Problem

__all__ = [
    "APP",
    "MAX_BYTES",
    "cache_folder",
    "disabled",
    "enabled",
    "key_of_code",
    "load",
    "store",
]

APP = "news-actor-graph"
FORMAT = "news-actor-graph dataset cache 2"
MAX_BYTES = 1 << 30  # 1 GiB of entries in all
_SUFFIX = ".json"

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


def _hash_file(path: Path, limit: int = 2 << 30) -> str | None:
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
    """Return the key of a dataset from its folder, the content of ``files`` and the code."""
    digest = hashlib.blake2b(digest_size=20)
    for part in (key_of_code(), str(folder.resolve()), options):
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
    try:
        with open(path, "rb") as file:
            header = json.loads(file.readline())
            payload = file.read()
    except (OSError, ValueError):
        return None
    try:
        if header["format"] != FORMAT or header["key"] != key:
            return None
        if len(payload) != header["size"] or _digest(payload) != header["checksum"]:
            return None
        data = json.loads(payload)
        dataset = _dataset_from(data)
        hashed: dict = {}  # a file named by many keys is hashed once
        for name, checksum in data["document_hashes"].items():
            document = dataset.documents[name].path
            if document not in hashed:
                hashed[document] = _hash_file(document)
            if hashed[document] != checksum:
                return None  # a document changed since
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # most recently used
    return dataset


def store(key: str, dataset: Dataset) -> None:
    """Write ``dataset`` under ``key`` atomically, then trim the cache to its size; never raise."""
    folder = cache_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        hashes, hashed = {}, {}  # a file named by many keys is hashed once
        for name, document in dataset.documents.items():
            if document.path not in hashed:
                hashed[document.path] = _hash_file(document.path)
            hashes[name] = hashed[document.path]
            if hashes[name] is None:
                return
        data = _data_of(dataset)
        data["document_hashes"] = hashes
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(
            "utf-8", "surrogateescape"
        )
        header = {"format": FORMAT, "key": key, "size": len(payload), "checksum": _digest(payload)}
        handle, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=".part", dir=folder)
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
    """Delete the least recently used entries until the cache fits ``limit`` bytes."""
    folder = cache_folder() if folder is None else folder
    limit = max_bytes() if limit is None else limit
    entries = []
    now = time.time()
    for path in folder.iterdir():
        try:
            info = path.stat()
        except OSError:
            continue
        if path.name.startswith(".tmp-") and now - info.st_mtime > 3600:
            path.unlink(missing_ok=True)  # left by a process that died while writing
        elif path.suffix == _SUFFIX:
            entries.append((info.st_mtime, info.st_size, path))
    total = sum(size for _, size, _ in entries)
    for _, size, path in sorted(entries):
        if total <= limit:
            break
        path.unlink(missing_ok=True)
        total -= size


def _digest(payload: bytes) -> str:
    return hashlib.blake2b(payload, digest_size=16).hexdigest()


def _data_of(dataset: Dataset) -> dict:
    """Return the dataset as JSON data; relations by column, actors and types by number."""
    actor_number = {actor_id: number for number, actor_id in enumerate(dataset.actors)}
    type_number = {name: number for number, name in enumerate(dataset.types)}
    document_number = {name: number for number, name in enumerate(dataset.documents)}
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
        "types": [[t.name, t.sign, t.symmetric, t.description] for t in dataset.types.values()],
        "documents": [[d.key, str(d.path)] for d in dataset.documents.values()],
        "source": [actor_number[r.source] for r in relations],
        "type": [type_number[r.type] for r in relations],
        "target": [actor_number[r.target] for r in relations],
        "evidence": [r.evidence for r in relations],
        "document": [-1 if r.document is None else document_number[r.document] for r in relations],
        "date": [r.date for r in relations],
        "weight": [r.weight for r in relations],
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
    for name, sign, symmetric, description in _check(data["types"], list):
        _check([name], str)
        if type(sign) is not int or sign not in (-1, 0, 1) or type(symmetric) is not bool:
            raise TypeError("bad relation type")
        _check([description], str, optional=True)
        types[name] = RelationType(name, sign, symmetric, description)
    documents = {}
    for key, path in _check(data["documents"], list):
        _check([key, path], str)
        documents[key] = Document(key, Path(path))
    ids, type_names, document_names = list(actors), list(types), [*documents, None]
    count = len(data["source"])
    columns = [
        [ids[n] for n in _numbers(data["source"], len(ids))],
        [type_names[n] for n in _numbers(data["type"], len(type_names))],
        [ids[n] for n in _numbers(data["target"], len(ids))],
        _check(data["evidence"], str),
        [document_names[n] for n in _numbers(data["document"], len(documents), optional=True)],
        _check(data["date"], str, optional=True),
        _check(data["weight"], float),
    ]
    if any(len(column) != count for column in columns):
        raise ValueError("columns of different lengths")
    relations = list(map(Relation, *columns))
    warnings = [_problem(problem) for problem in _check(data["warnings"], dict)]
    folder = data["folder"]
    _check([folder], str, optional=True)
    return Dataset(
        actors,
        types,
        relations,
        kinds,
        documents,
        None if folder is None else Path(folder),
        warnings,
    )
