"""A cache of loaded datasets, so that every command after the first loads warm.

An entry holds a valid dataset in columns (:mod:`graph.columns`; numpy
arrays and a small JSON part, never code: no pickle), one file mapped on a
warm load rather than parsed, and is keyed by the content of ``actors.yaml``
and ``relations.yaml``, by the dataset's folder (as typed and resolved), by
the options of the load (the size limit, and the document roots the user
allowed, as typed and resolved: an entry certified under other roots is
never reused), and by the code that builds it (a hash of this package's
source files, so it goes stale during development too). Editing any of them misses the cache.

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
* Checked: the first line of an entry is the BLAKE3 checksum of its JSON
  header, which lists each part (type, place, length, checksum). Every load
  checks the header, the JSON part and the numeric columns (a few MB on
  200,000 relations), and every code against its table; the texts (quotes,
  locators, most of an entry) are checked when first read, so a command
  that prints no quote never reads them (see :func:`_texts`). A dataset of
  at most :data:`OBJECTS_UP_TO` relations is read back as objects at once,
  every part checked, without numpy (whose import costs more than they do).
* Safe: an entry whose header, checksum, key or shape is wrong (corrupt,
  truncated, stale, written by another version, foreign, or nested past the
  parser's recursion limit) is ignored and rebuilt. Only regular files are
  read as entries (never a symlink, a pipe or a device), and none larger
  than the cache's size limit. Entries are written to a temporary file and
  renamed into place (never changed in place: a process holding an entry
  mapped keeps reading it whole), so two processes filling the cache at once
  leave a complete entry. Trimming deletes only the cache's own files (regular files
  named as it names them); anything else in the folder is left alone.

>>> key_of_code() == key_of_code()
True
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import itertools
import json
import os
import re
import stat
import struct
import sys
import time
from pathlib import Path

from blake3 import blake3

from ..columns import NUMERIC, TEXTS, buffers_of, relation_objects
from ..model import EVIDENCE_STATES, ROLES, Actor, Dataset, Document, Kind, RelationType
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
FORMAT = "news-actor-graph dataset cache 5 (columns)"
MAX_BYTES = 1 << 30  # 1 GiB of entries in all
_SUFFIX = ".cols"
# The names the cache gives its files: only these are ever trimmed.
# (``.json``: the entries of the cache's earlier format, never read now, trimmed first as
# the least recently used.)
_ENTRY_NAME = re.compile(r"[0-9a-f]{40}\.(cols|json)")
# The numpy types an entry's parts may have (never an object: nothing is unpickled), and sizes.
_TYPES = {"|u1": 1, "|b1": 1, "|i1": 1, "<i4": 4, "<i8": 8, "<f8": 8}
_HEADER_LIMIT = 1 << 16  # the first line: a checksum and the table of the parts
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
        digest = blake3(FORMAT.encode())
        for path in sorted(package.rglob("*")):
            if path.suffix in (".py", ".json") and path.is_file():
                digest.update(str(path.relative_to(package)).encode() + b"\0")
                digest.update(path.read_bytes())
        _code_key = digest.hexdigest(length=16)
    return _code_key


def content_hash(data: bytes) -> str:
    """Return the hash the cache keeps of a document's bytes, as the loader read them."""
    return blake3(data).hexdigest(length=16)


def _hash_file(path: Path | str, limit: int = 2 << 30, follow: bool = True):
    """Return a hash of a regular file's content; None for anything else (a pipe, a device...).

    Read with plain system calls, a block at a time (never mapped: a file
    truncated under a mapping kills the reader): thousands of documents are
    hashed on every warm load. ``follow=False``: a symbolic link is not
    followed, and gives :data:`_LINK`.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
    if not follow:
        if not getattr(os, "O_NOFOLLOW", 0) and os.path.islink(path):
            return _LINK  # no flag for it here: asked first
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if not follow and error.errno in (errno.ELOOP, errno.EMLINK):
            return _LINK if os.path.islink(path) else None
        return None
    except ValueError:
        return None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None  # the loader reports it; nothing of it is cached
        digest = blake3()
        while block := os.read(descriptor, 1 << 20):
            digest.update(block)
        return digest.hexdigest(length=16)
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
    digest = blake3()
    for part in (key_of_code(), os.path.realpath(folder), os.fspath(folder), options):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    for path in files:
        content = _hash_file(path)
        if content is None:
            return None
        digest.update(content.encode() + b"\0")
    return digest.hexdigest(length=20)


def load(key: str) -> Dataset | None:
    """Return the dataset cached under ``key``, or None (missing, or not to be trusted).

    The entry is mapped, not read: the header, the small JSON part (actors,
    types, documents, warnings, the paths read) and the numeric columns are
    checked against their checksums now; the texts (quotes, locators) only
    when a command first asks for them (see :func:`_mapped`).
    """
    path = cache_folder() / (key + _SUFFIX)
    mapped = _map_entry(path, max_bytes())
    if mapped is None:
        return None
    try:
        blobs = _blobs(mapped, key)
        meta = json.loads(_verified_view(mapped, blobs, "meta").tobytes())
        dataset = _dataset_from(meta, mapped, blobs, path)
        if not _unchanged(meta["paths"], [path for _, path in meta["documents"]]):
            return None  # a document or a root changed since, or now points elsewhere
    except (KeyError, TypeError, ValueError, IndexError, AttributeError, RecursionError):
        return None  # RecursionError: nested deeper than any entry the cache writes
    with contextlib.suppress(OSError, NotImplementedError):
        os.utime(path, follow_symlinks=False)  # most recently used
    return dataset


def _map_entry(path: Path, limit: int):
    """Return the entry at ``path`` mapped read-only, or None.

    Only a regular file of at most ``limit`` bytes is mapped: a symlink is
    not followed (its target is not the cache's), a pipe is not waited on
    and a device is not read at all. Entries are never changed in place
    (written elsewhere, then renamed over), so a mapping stays whole.
    """
    import mmap

    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or not 0 < info.st_size <= limit:
            return None
        return mmap.mmap(descriptor, info.st_size, access=mmap.ACCESS_READ)
    except (OSError, ValueError, MemoryError):
        return None
    finally:
        os.close(descriptor)


def _blobs(mapped, key: str) -> dict:
    """Return the entry's parts from its header, checked: ``{name: (type, start, size, checksum)}``.

    The first line is ``CHECKSUM HEADER``: the header is JSON, and
    ``CHECKSUM`` its hash. The header names the format, the key, the size of
    the file and where each part lies; every part must lie inside the file,
    aligned, a whole number of its values long.
    """
    line_end = mapped.find(b"\n", 0, _HEADER_LIMIT)
    if line_end < 0:
        raise ValueError("no header")
    checksum, _, header = mapped[:line_end].partition(b" ")
    if _digest(header).encode() != checksum:
        raise ValueError("header checksum")
    header = json.loads(header)
    if header["format"] != FORMAT or header["key"] != key or header["size"] != len(mapped):
        raise ValueError("another entry")
    blobs = {}
    for name, (kind, start, size, digest) in header["blobs"].items():
        if kind not in _TYPES or type(start) is not int or type(size) is not int:
            raise TypeError("bad part")
        itemsize = _TYPES[kind]
        if (
            start <= line_end
            or start % 8
            or size < 0
            or size % itemsize
            or start + size > len(mapped)
        ):
            raise ValueError("part out of the file")
        blobs[name] = (kind, start, size, str(digest))
    return blobs


def _verified(mapped, blobs: dict, name: str):
    """Return the part ``name`` as a numpy array over the mapping, after checking its checksum."""
    import numpy as np

    kind, start, size, digest = blobs[name]
    view = memoryview(mapped)[start : start + size]
    if _digest(view) != digest:
        raise ValueError(f"checksum of {name}")
    return np.frombuffer(mapped, dtype=kind, count=size // _TYPES[kind], offset=start)


def _unchanged(paths, documents: list[str]) -> bool:
    """Return whether every path the load resolved resolves as it did, to the bytes it read.

    ``paths`` holds ``[declared, target, hash]`` for each path the loader
    resolved: documents with the hash of the bytes read, document roots
    (folders) with None. Every one of ``documents`` (the dataset's, as the
    entry names them) must be among the targets read, so no entry certifies
    a document that the load did not read.
    """
    read = set()
    resolve = _realpaths()
    _check(paths, list)
    if not set(map(len, paths)) <= {3}:
        raise ValueError("a path is not [declared, target, hash]")
    declared_and_targets = [part for path in paths for part in path[:2]]
    _check(declared_and_targets, str)
    _check([path[2] for path in paths], str, optional=True)
    for declared, target, content in paths:
        if content is None:
            if resolve(declared) != target or not os.path.isdir(declared):
                return False
            continue
        if resolve(declared, hashed=True) != (target, content):
            return False
        read.add(target)
    return all(path in read for path in documents)


_LINK = object()  # what _hash_file gives for a symbolic link it was told not to follow


def _realpaths():
    """Return a function equal to ``os.path.realpath`` that resolves each folder once.

    Documents mostly share a few folders: resolving a folder costs a system
    call per component, the file's own name then one more. With ``hashed``,
    it returns the path resolved and the hash of the file there
    (:func:`_hash_file`), the file opened once: not followed if it is a link
    (then resolved and read as a link is).

    >>> realpath = _realpaths()
    >>> realpath(__file__) == os.path.realpath(__file__)
    True
    >>> realpath(__file__, hashed=True) == (os.path.realpath(__file__), _hash_file(__file__))
    True
    """
    folders: dict[str, str] = {}

    def realpath(path: str, hashed: bool = False):
        head, tail = os.path.split(path)
        if tail in ("", ".", ".."):
            resolved = os.path.realpath(path)
            return (resolved, _hash_file(path)) if hashed else resolved
        if head not in folders:
            folders[head] = os.path.realpath(head or os.curdir)
        candidate = os.path.join(folders[head], tail)
        if hashed:
            content = _hash_file(candidate, follow=False)
            if content is not _LINK:
                return candidate, content  # opened, not a link: resolved as it stands
            return os.path.realpath(candidate), _hash_file(path)
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
        parts = _parts_of(dataset, records)
        import tempfile

        handle, temporary = tempfile.mkstemp(
            prefix=_TEMPORARY_PREFIX, suffix=_TEMPORARY_SUFFIX, dir=folder
        )
        try:
            with os.fdopen(handle, "wb") as file:
                _write(file, key, parts)
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


def _digest(payload) -> str:
    """Return the checksum of ``payload`` (bytes, or any contiguous buffer: an array's)."""
    return blake3(memoryview(payload).cast("B")).hexdigest(length=16)


def _write(file, key: str, parts: dict) -> None:
    """Write an entry: its header line, then each part at a multiple of 8 bytes.

    ``parts`` maps each part's name to ``(numpy type, buffer)``.
    """
    buffers = {name: (kind, memoryview(data).cast("B")) for name, (kind, data) in parts.items()}
    table, start = {}, 0
    for name, (kind, data) in buffers.items():
        table[name] = [kind, start, data.nbytes, _digest(data)]
        start += -(-data.nbytes // 8) * 8
    # The parts' places count from the end of the header, whose length they change: fix it.
    offset = 0
    while True:
        blobs = {n: [k, s + offset, size, d] for n, (k, s, size, d) in table.items()}
        header = {"format": FORMAT, "key": key, "size": offset + start, "blobs": blobs}
        text = json.dumps(header, separators=(",", ":")).encode()
        line = _digest(text).encode() + b" " + text + b"\n"
        padded = -(-len(line) // 8) * 8
        if padded == offset:
            break
        offset = padded
    file.write(line + b" " * (offset - len(line)))
    for _, data in buffers.values():
        file.write(data)
        file.write(b"\0" * (-data.nbytes % 8))


def _parts_of(dataset: Dataset, records: list) -> dict:
    """Return the parts of an entry: the JSON of the small data, the columns, the texts."""
    tables, parts = buffers_of(dataset)
    _, _, dates, documents, labels = tables
    meta = {
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
        "document_names": documents,
        "dates": dates,
        "datasets": labels,
        "warnings": [problem.to_dict() for problem in dataset.warnings],
        "paths": records,
    }
    text = json.dumps(meta, ensure_ascii=False, separators=(",", ":"))
    return {"meta": ("|u1", text.encode("utf-8", "surrogatepass")), **parts}


def _check(values, kind, optional: bool = False) -> list:
    if type(values) is not list:
        raise TypeError("not a list")
    # The set of the values' exact types, gathered in C: a column of 200,000
    # values is checked in milliseconds.
    allowed = {kind, type(None)} if optional else {kind}
    if not set(map(type, values)) <= allowed:
        raise TypeError(f"not all {kind.__name__}" + (" or null" if optional else ""))
    return values


def _aliases(lists: list) -> list[tuple[str, ...]]:
    """Return each actor's aliases as a tuple, every one checked to be text (in one pass)."""
    _check(lists, list)
    _check(list(itertools.chain.from_iterable(lists)), str)
    return list(map(tuple, lists))


def _in_range(values, low: int, high: int):
    """Return ``values`` (an array or a list) if every one lies in [low, high), else raise
    IndexError."""
    if not len(values):
        return values
    least, most = (
        (min(values), max(values)) if type(values) is list else (values.min(), values.max())
    )
    if int(least) < low or int(most) >= high:
        raise IndexError("number out of range")
    return values


def _problem(data: dict) -> Problem:
    problem = Problem(**data)
    _check([problem.file, problem.message, problem.severity], str)
    _check([problem.line, problem.column], int)
    _check([problem.hint], str, optional=True)
    return problem


def _dataset_from(data: dict, mapped, blobs: dict, path: Path) -> Dataset:
    """Rebuild a dataset from an entry: the objects of ``data`` (checked), the mapped columns."""
    from ..columns import ColumnarDataset, Columns

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
        _aliases(_check(data["actor_aliases"], list)),
        _check(data["actor_description"], str, optional=True),
    ]
    if len({len(column) for column in actor_columns}) != 1:
        raise ValueError("actor columns of different lengths")
    actors = dict(zip(actor_columns[0], map(Actor, *actor_columns)))
    if len(actors) != len(actor_columns[0]):
        raise ValueError("an actor twice")
    types = {}
    for name, sign, symmetric, description, role in _check(data["types"], list):
        _check([name], str)
        if type(sign) is not int or sign not in (-1, 0, 1) or type(symmetric) is not bool:
            raise TypeError("bad relation type")
        _check([description], str, optional=True)
        if role not in ROLES:
            raise ValueError("bad role")
        types[name] = RelationType(name, sign, symmetric, description, role=role)
    documents = {}
    for key, document in _check(data["documents"], list):
        _check([key, document], str)
        documents[key] = Document(key, Path(document))
    urls = {}
    for key, url in _check(data["document_urls"], list):
        _check([key, url], str)
        urls[key] = url
    allowed = tuple(_check(data["evidence_allowed"], str))
    if not set(allowed) <= set(EVIDENCE_STATES):
        raise ValueError("bad evidence state")
    dates, labels = _check(data["dates"], str), _check(data["datasets"], str)
    names = _check(data["document_names"], str)
    as_objects = _as_objects(blobs)
    read = _verified_list if as_objects else _verified
    arrays = {name: read(mapped, blobs, name) for name in NUMERIC}
    count = len(arrays["source"])
    if any(len(values) != count for values in arrays.values()):
        raise ValueError("columns of different lengths")
    limits = {
        "source": (0, len(actors)),
        "target": (0, len(actors)),
        "type": (0, len(types)),
        "date": (-1, len(dates)),
        "document": (-1, len(names)),
        "dataset": (-1, len(labels)),
        "state": (0, len(EVIDENCE_STATES)),
    }
    for name, (low, high) in limits.items():
        _in_range(arrays[name], low, high)
    if as_objects:
        if any(flag > 1 for flag in arrays["hedged"]):
            raise ValueError("bad flag")
        arrays["hedged"] = list(map(bool, arrays["hedged"]))
    else:
        if arrays["hedged"].dtype != bool or arrays["weight"].dtype.kind != "f":
            raise TypeError("bad column type")
        if len(arrays["hedged"]) and arrays["hedged"].view("u1").max() > 1:
            raise ValueError("bad flag")
    warnings = [_problem(problem) for problem in _check(data["warnings"], dict)]
    folder = data["folder"]
    _check([folder], str, optional=True)
    dataset = Dataset(
        actors,
        types,
        [],
        kinds,
        documents,
        None if folder is None else Path(folder),
        warnings,
    )
    dataset.document_urls = urls
    dataset.evidence_allowed = allowed
    tables = (sorted(actors), list(types), dates, names, labels)
    if as_objects:
        texts = [_text_list(mapped, blobs, name, count) for name in TEXTS]
        dataset.relations = relation_objects(tables, arrays, *texts)
        return dataset
    texts = {name: _texts(mapped, blobs, name, count, path) for name in TEXTS}
    return ColumnarDataset.of(dataset, Columns(*tables, arrays, texts))


# A dataset of at most this many relations is read back as objects, checked whole,
# without numpy: importing numpy costs more than building a few thousand relations.
OBJECTS_UP_TO = 5_000
# The formats of memoryview (native, checked below) for the parts' numpy types.
_FORMATS = {"<i4": "i", "<i8": "q", "<f8": "d", "|b1": "B", "|i1": "b", "|u1": "B"}


def _as_objects(blobs: dict) -> bool:
    """Return whether the entry's relations are read as objects (few of them; see above)."""
    if sys.byteorder != "little" or any(blobs[name][0] != NUMERIC[name] for name in NUMERIC):
        return False  # read by numpy, which knows the byte order and checks the types
    if any(struct.calcsize(_FORMATS[kind]) != _TYPES[kind] for kind in NUMERIC.values()):
        return False
    return blobs["source"][2] // _TYPES[NUMERIC["source"]] <= OBJECTS_UP_TO


def _verified_list(mapped, blobs: dict, name: str) -> list:
    """Return the part ``name`` as a list of numbers, after checking its checksum."""
    return _verified_view(mapped, blobs, name).cast(_FORMATS[blobs[name][0]]).tolist()


def _verified_view(mapped, blobs: dict, name: str) -> memoryview:
    """Return the bytes of the part ``name``, after checking its checksum."""
    _, start, size, digest = blobs[name]
    view = memoryview(mapped)[start : start + size]
    if _digest(view) != digest:
        raise ValueError(f"checksum of {name}")
    return view


def _text_list(mapped, blobs: dict, name: str, count: int) -> list[str | None]:
    """Return a text column as a list of texts (or None), every part checked now."""
    parts = [name, name + "_ends", name + "_present"]
    if [blobs[part][0] for part in parts] != ["|u1", "<i8", "|b1"]:
        raise TypeError("bad text column")
    data = _verified_view(mapped, blobs, name).tobytes()
    ends, present = (_verified_list(mapped, blobs, part) for part in parts[1:])
    if len(ends) != count + 1 or len(present) != count:
        raise ValueError("text column of another length")
    if ends[0] != 0 or ends[-1] != len(data) or any(a > b for a, b in itertools.pairwise(ends)):
        raise ValueError("bad text ends")
    return [
        data[a:b].decode("utf-8", "surrogatepass") if shown else None
        for a, b, shown in zip(ends, ends[1:], present)
    ]


def _texts(mapped, blobs: dict, name: str, count: int, path: Path):
    """Return a text column over the mapping, its checksums checked on its first read.

    A text that fails then (the entry was changed in place, which the cache
    never does) is an error naming the entry, which is deleted.
    """
    import numpy as np

    from ..columns import TextColumn

    parts = [name, name + "_ends", name + "_present"]
    kinds = [blobs[part][0] for part in parts]
    if kinds != ["|u1", "<i8", "|b1"]:
        raise TypeError("bad text column")
    sizes = [blobs[part][2] // _TYPES[kind] for part, kind in zip(parts, kinds)]
    if sizes[1] != count + 1 or sizes[2] != count:
        raise ValueError("text column of another length")
    data, ends, present = (
        np.frombuffer(mapped, dtype=kind, count=size, offset=blobs[part][1])
        for part, kind, size in zip(parts, kinds, sizes)
    )

    def check() -> None:
        try:
            for part in parts:
                _verified(mapped, blobs, part)
            if len(ends) and (ends[0] != 0 or ends[-1] != len(data) or (np.diff(ends) < 0).any()):
                raise ValueError("bad text ends")
        except ValueError:
            _unlink(str(path))
            from ..problems import DatasetError

            raise DatasetError(
                [Problem(str(path), 0, 0, "the cache entry changed while in use: run again")]
            ) from None

    return TextColumn(memoryview(mapped)[blobs[name][1] :][: sizes[0]], ends, present, check)
