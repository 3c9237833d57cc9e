"""Load a dataset folder (``actors.yaml`` + ``relations.yaml``) strictly.

Every rule of the file format is checked and every broken rule becomes a
:class:`~graph.problems.Problem` pointing at the offending value. If any is an
error, :func:`load_dataset` raises one :class:`~graph.problems.DatasetError`
holding all of them; warnings travel on ``Dataset.warnings``.

>>> dataset = load_dataset()          # the embedded seed dataset
>>> dataset.find_actor("turkiye").name
'Türkiye'
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from operator import itemgetter
from pathlib import Path

from . import progress
from .dates import parse_period
from .evidence import DocumentIndex, normalize_text
from .model import Actor, Dataset, Document, Kind, Relation, RelationType
from .names import ActorIndex, name_key
from .problems import DatasetError, Problem, did_you_mean
from .sources import DataPath, NotLocated, Source, decode_utf8, read_yaml
from .sources import cache as caching
from .sources.text import MAX_FILE_SIZE, file_problem, read_bytes

__all__ = ["ACTORS_FILE", "RELATIONS_FILE", "load_dataset", "seed_folder", "validate"]

ACTORS_FILE = "actors.yaml"
RELATIONS_FILE = "relations.yaml"

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]*")
# Weights are multiplied and summed by the queries: bounded, they stay finite.
MIN_WEIGHT, MAX_WEIGHT = 1e-6, 1e6
# C0/C1 controls, bidirectional overrides and tag characters (invisible text);
# names also refuse the line and paragraph separators, text fields may keep
# tabs and line breaks.
_FORBIDDEN_IN_NAME = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\U000e0000-\U000e007f]"
)
_FORBIDDEN_IN_TEXT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\U000e0000-\U000e007f]"
)
# A quote shorter than this (after normalisation) shows little: a warning.
MIN_EVIDENCE_CHARACTERS = 8

# A letter or digit: a string holding one is not empty once folded.
_VISIBLE = re.compile("[0-9A-Za-z]")
# Marks a field that is absent, as opposed to present and null.
_MISSING = object()


def seed_folder() -> Path:
    """Return the folder of the embedded seed dataset (installed or in a checkout)."""
    package = Path(__file__).resolve().parent
    installed = package / "_seed" / "data"
    return installed if installed.is_dir() else package.parent / "data"


def load_dataset(
    folder: str | os.PathLike | list | tuple | None = None,
    max_file_size: int | None = None,
    *,
    cache: bool | None = None,
) -> Dataset:
    """Return the validated dataset in ``folder`` (the embedded seed when None).

    ``folder`` may hold YAML files or tables (see :mod:`graph.sources.tables`).
    A list of folders gives one graph of several datasets, merged by the rules
    of :mod:`graph.sources.merge` (an empty list is the seed).

    Files over ``max_file_size`` bytes (default
    :data:`graph.sources.text.MAX_FILE_SIZE`, 2 GiB) are refused before they
    are read. A dataset loaded before, unchanged, comes from the cache
    (:mod:`graph.sources.cache`) unless ``cache`` is False (None: unless
    ``GRAPH_NO_CACHE`` or ``--no-cache`` says otherwise). Raises
    :class:`~graph.problems.DatasetError` listing every problem found.
    """
    if isinstance(folder, (list, tuple)):
        return _load_several(list(folder), max_file_size, cache)
    if folder is not None and not os.fspath(folder):
        raise DatasetError([Problem("''", 0, 0, "the dataset folder's name is empty")])
    folder = seed_folder() if folder is None else Path(folder)
    key = None
    if (caching.enabled() if cache is None else cache) and folder.is_dir():
        files = [folder / ACTORS_FILE, folder / RELATIONS_FILE]
        limit = MAX_FILE_SIZE if max_file_size is None else max_file_size
        key = caching.key_of(folder, files, f"max_file_size={limit}")
        cached = caching.load(key) if key else None
        if cached is not None:
            return cached
    with progress.step("loading", str(folder)):
        loader = _Loader(folder, max_file_size)
        dataset = loader.load()
    errors = [p for p in loader.problems if p.severity == "error"]
    if errors or dataset is None:
        raise DatasetError(loader.problems)
    dataset.warnings = sorted(p for p in loader.problems if p.severity != "error")
    if key:
        caching.store(key, dataset, loader.resolved)
    return dataset


def _load_several(folders: list, max_file_size: int | None, cache: bool | None) -> Dataset:
    """Load each folder (every problem of every one reported together), then merge them."""
    from .sources.merge import merge_datasets

    if not folders:
        return load_dataset(None, max_file_size, cache=cache)
    if len(folders) == 1:
        return load_dataset(folders[0], max_file_size, cache=cache)
    datasets, problems = [], []
    for folder in folders:
        try:
            datasets.append(load_dataset(folder, max_file_size, cache=cache))
        except DatasetError as error:
            problems += error.problems
    if problems:
        raise DatasetError(problems)
    return merge_datasets(datasets, [Path(folder) for folder in folders])


def validate(
    folder: str | os.PathLike | list | tuple | None = None,
    max_file_size: int | None = None,
    *,
    cache: bool | None = None,
) -> dict:
    """Return a report on the dataset in ``folder``: valid or not, and every problem.

    >>> report = validate()
    >>> report["valid"], report["problems"]
    (True, [])
    """
    try:
        dataset = load_dataset(folder, max_file_size, cache=cache)
    except DatasetError as error:
        problems, dataset = error.problems, None
    else:
        problems = dataset.warnings
    return {
        "valid": dataset is not None,
        "actors": len(dataset.actors) if dataset else None,
        "relations": len(dataset.relations) if dataset else None,
        "types": len(dataset.types) if dataset else None,
        "quotes_checked": bool(dataset and dataset.documents),
        "problems": [problem.to_dict() for problem in problems],
    }


class _Checker:
    """Reads typed values out of one source's plain data, recording problems by path.

    A problem is placed through the source's locator; a source read without
    positions raises :class:`~graph.sources.NotLocated` there, and the loader
    applies the rules again to a located reading.
    """

    def __init__(self, source: Source, problems: list[Problem]):
        self.shown_as = source.shown_as
        self.locator = source.locator
        self.suspect = source.suspect
        self.problems = problems

    def error(
        self, path: DataPath, message: str, hint: str | None = None, key: bool = False
    ) -> None:
        line, column = self.locator.position(path, key)
        self.problems.append(Problem(self.file(path), line, column, message, hint))

    def warn(self, path: DataPath, message: str) -> None:
        line, column = self.locator.position(path)
        self.problems.append(Problem(self.file(path), line, column, message, severity="warning"))

    @property
    def from_tables(self) -> bool:
        """Return whether the data came from tables (whose locator names each value's file)."""
        return hasattr(self.locator, "file")

    def file(self, path: DataPath) -> str:
        """Return the file a path's value came from: a table locator knows, else the source's."""
        file = getattr(self.locator, "file", None)
        return file(path) if file is not None else self.shown_as

    def line(self, path: DataPath) -> int:
        return self.locator.position(path)[0]

    def raw(self, value, path: DataPath, key: bool = False) -> str:
        """Return a scalar as it was written (a string is its own text)."""
        if isinstance(value, str):
            return value
        return self.locator.text(path, key) or ""

    def describe(self, value, path: DataPath, key: bool = False) -> str:
        """Return what a value is, with its text, for messages: "a boolean ('No')"."""
        kind = _kind(value)
        if value is None or isinstance(value, (list, dict)):
            return kind
        raw = self.raw(value, path, key)
        return f"{kind} ({raw!r})" if raw else kind

    def show(self, value, path: DataPath) -> str:
        if isinstance(value, (list, dict)):
            return self.describe(value, path)
        return repr(self.raw(value, path))

    def fields(
        self,
        value,
        path: DataPath,
        what: str,
        required: tuple[str, ...],
        optional: tuple[str, ...],
    ) -> dict | None:
        """Return a mapping's known fields, after checking its keys."""
        if not isinstance(value, dict):
            self.error(path, f"{what} must be a mapping, not {self.describe(value, path)}")
            return None
        known = (*required, *optional)
        found = {}
        for key, item in value.items():
            if key in known and isinstance(key, str):
                found[key] = item
            else:
                text = self.raw(key, (*path, key), key=True)
                hint = next(iter(did_you_mean(text, known)), None)
                allowed = ", ".join(known)
                self.error(
                    (*path, key),
                    f"unknown field {text!r} in {what} (allowed: {allowed})",
                    hint,
                    key=True,
                )
        for key in required:
            if key not in found:
                self.error(path, f"{what} is missing required field {key!r}")
        return found

    def string(
        self, value, path: DataPath, what: str, multiline: bool = False, key: bool = False
    ) -> str | None:
        """Return a non-empty string, or None after recording why it is not one.

        Control characters (terminal escapes, line breaks in a name) and
        bidirectional overrides are refused: they would garble or spoof
        what a terminal or a page shows. ``multiline`` text may hold line
        breaks and tabs.
        """
        if type(value) is not str:
            quote_it = value is not None and not isinstance(value, (list, dict))
            extra = " (put it in quotes)" if quote_it else ""
            self.error(
                path,
                f"{what} must be a string, not {self.describe(value, path, key)}{extra}",
                key=key,
            )
            return None
        if self.suspect is not None and self.suspect(value):
            raise NotLocated(path)  # YAML 1.1 may read it otherwise: the located reading decides
        # isprintable() is False for every forbidden character, and answers in C.
        if not value.isprintable():
            forbidden = _FORBIDDEN_IN_TEXT if multiline else _FORBIDDEN_IN_NAME
            bad = forbidden.search(value)
            if bad:
                self.error(
                    path,
                    f"{what} contains the invisible or control character U+{ord(bad[0]):04X}",
                    key=key,
                )
                return None
        if not (_VISIBLE.search(value) or name_key(value)):
            self.error(path, f"{what} must not be empty", key=key)
            return None
        return value

    def string_list(self, value, path: DataPath, what: str) -> list[tuple[str, DataPath]]:
        """Return the strings of a list with their paths (a lone string is refused)."""
        if not isinstance(value, list):
            self.error(path, f"{what} must be a list of strings, not {self.describe(value, path)}")
            return []
        values = []
        for index, item in enumerate(value):
            text = self.string(item, (*path, index), f"each of {what}")
            if text is not None:
                values.append((text, (*path, index)))
        return values

    def mapping_items(self, value, path: DataPath, what: str) -> list[tuple[object, object]]:
        if not isinstance(value, dict):
            self.error(path, f"{what} must be a mapping, not {self.describe(value, path)}")
            return []
        return list(value.items())

    def sequence_items(self, value, path: DataPath, what: str) -> list:
        if not isinstance(value, list):
            self.error(path, f"{what} must be a list, not {self.describe(value, path)}")
            return []
        return value

    def identifier(self, value, path: DataPath, what: str) -> str | None:
        text = self.string(value, path, what)
        if text is not None and not ID_PATTERN.fullmatch(text):
            self.error(
                path,
                f"{what} {text!r} must be lowercase letters, digits, '-' or '_', "
                "starting with a letter or digit",
                fixed_id(text),
            )
            return None
        return text

    def optional_text(self, value, path: DataPath, what: str) -> str | None:
        if value is None or value is _MISSING:
            return None
        return self.string(value, path, what, multiline=True)

    def boolean(self, value, path: DataPath, what: str) -> bool | None:
        if type(value) is bool:
            return value
        self.error(path, f"{what} must be true or false, not {self.describe(value, path)}")
        return None

    def sign(self, value, path: DataPath) -> int | None:
        if type(value) is int and value in (-1, 0, 1):
            return value
        self.error(
            path,
            "sign must be 1 (cooperative), -1 (hostile) or 0 (neutral), "
            f"not {self.show(value, path)}",
        )
        return None

    def weight(self, value, path: DataPath) -> float | None:
        if type(value) in (int, float):
            try:
                number = float(value)
            except OverflowError:
                number = math.inf
            if MIN_WEIGHT <= number <= MAX_WEIGHT:
                return number
        self.error(
            path,
            f"weight must be a number from {MIN_WEIGHT:g} to {MAX_WEIGHT:g}, "
            f"not {self.show(value, path)}",
        )
        return None

    def date(self, value, path: DataPath) -> str | None:
        # Dates are text, so 2025-11-03 stays a string and 2025-11 is allowed.
        if isinstance(value, (list, dict)):
            self.error(
                path,
                f"date must be YYYY, YYYY-MM or YYYY-MM-DD, not {self.describe(value, path)}",
            )
            return None
        small = type(value) is int and abs(value) < 10**18  # str() of a huge int raises
        text = str(value) if small else self.raw(value, path)
        try:
            parse_period(text)
        except ValueError as error:
            self.error(path, str(error))
            return None
        return text


class _Loader:
    """One load of one folder; ``problems`` collects everything found."""

    def __init__(self, folder: Path, max_file_size: int | None = None):
        self.folder = folder
        self.max_file_size = max_file_size
        self.problems: list[Problem] = []
        # Documents read and indexed, by path: a second pass of the rules reuses them.
        self.documents: dict[str, tuple[DocumentIndex | None, Problem | None]] = {}
        # Every path resolved, as declared -> (target, hash of the bytes read; None: a folder),
        # so that the cache certifies only what was read (graph.sources.cache).
        self.resolved: dict[str, tuple[str, str | None]] = {}
        self.hashes: dict[str, str] = {}

    def load(self) -> Dataset | None:
        actors_path, relations_path = self.folder / ACTORS_FILE, self.folder / RELATIONS_FILE
        if not self.folder.is_dir():
            problem = file_problem(self.folder, str(self.folder))
            if problem is None or problem.message == "not a regular file":
                reason = "not a folder"
            elif problem.message == "file not found":
                reason = "dataset folder not found"
            else:
                reason = problem.message
            self.problems.append(Problem(str(self.folder), 1, 1, reason))
            return None
        from .sources.tables import is_table_folder

        if is_table_folder(self.folder):
            return self.load_tables()
        actors, found = read_yaml(actors_path, str(actors_path), self.max_file_size)
        read_problems = list(found)
        relations, found = read_yaml(relations_path, str(relations_path), self.max_file_size)
        read_problems += found
        try:
            self.problems = list(read_problems)
            return _Rules(self).apply(actors, relations)
        except NotLocated:
            # Something is wrong (or worth a warning): read again with positions, the
            # reference reading, and apply the rules to it.
            self.problems = list(read_problems)
            actors = self.located(actors)
            relations = self.located(relations)
            return _Rules(self).apply(actors, relations)

    def load_tables(self) -> Dataset | None:
        """Load a folder of tables (see :mod:`graph.sources.tables`): same rules, rows kept."""
        from .sources.tables import read_tables

        actors, relations, provenance, found = read_tables(self.folder, self.max_file_size)
        self.problems = list(found)
        dataset = _Rules(self).apply(actors, relations) if actors and relations else None
        if dataset is None or any(p.severity == "error" for p in self.problems):
            return dataset
        return _with_provenance(dataset, provenance)

    def located(self, source: Source | None) -> Source | None:
        if source is None:
            return None
        located, found = source.located()
        self.problems += found
        return located

    def read_document(
        self, path: Path, shown_as: str
    ) -> tuple[DocumentIndex | None, Problem | None]:
        """Return the quote index of the document at ``path``, or why it cannot be read.

        A file is read and indexed once, however many keys name it and however
        its path is spelt.
        """
        key = os.path.realpath(path)
        if key not in self.documents:
            raw, problem = read_bytes(path, shown_as, self.max_file_size)
            text, problem = ("", problem) if problem else decode_utf8(raw, shown_as)
            self.documents[key] = (None if problem else DocumentIndex(text)), problem
            self.hashes[key] = caching.content_hash(raw)
            del text, raw
        self.resolved[os.fspath(path)] = (key, self.hashes[key])
        return self.documents[key]

    def resolve_root(self, path: Path) -> str:
        """Return the resolved ``path`` of a document root (remembered for the cache)."""
        target = os.path.realpath(path)
        self.resolved[os.fspath(path)] = (target, None)
        return target


class _Rules:
    """The format's rules, applied once to the plain data of both files."""

    def __init__(self, loader: _Loader):
        self.loader = loader
        self.folder = loader.folder
        self.problems = loader.problems
        self.index: ActorIndex | None = None  # built only to suggest fixes
        # Actors kept under an id the rules refuse: id -> (the fixed spelling, its line).
        self.invalid_ids: dict[str, tuple[str | None, int]] = {}
        self.declared_documents: list[str] = []
        self.declared_set: set[str] = set()
        self.indexes: dict[str, DocumentIndex] = {}

    def apply(self, actors_source: Source | None, relations_source: Source | None):
        kinds, actors = self.load_actors(actors_source) if actors_source else (None, None)
        if relations_source is None:
            return None
        documents, types, relations = self.load_relations(relations_source, actors)
        if actors is None or types is None:
            return None
        return Dataset(actors, types, relations, kinds, documents, self.folder)

    # actors.yaml

    def load_actors(self, source: Source) -> tuple[dict[str, Kind] | None, dict[str, Actor] | None]:
        check = _Checker(source, self.problems)
        top = check.fields(
            source.data, (), "actors.yaml", required=("actors",), optional=("kinds",)
        )
        if top is None or "actors" not in top:
            return None, None
        kinds = self.load_kinds(check, top["kinds"]) if "kinds" in top else None
        actors: dict[str, Actor] = {}
        first_path: dict[str, DataPath] = {}
        named: dict[str, tuple[str, DataPath]] = {}  # folded name -> (actor id, path)
        for index, value in enumerate(check.sequence_items(top["actors"], ("actors",), "actors")):
            path = ("actors", index)
            actor, spellings = self.load_actor(check, value, path, kinds)
            if actor is None:
                continue
            if actor.id in actors:
                check.error(
                    path,
                    f"duplicate actor id {actor.id!r} "
                    f"(first defined on line {check.line(first_path[actor.id])})",
                )
                continue
            actors[actor.id] = actor
            first_path[actor.id] = path
            self.check_names_unique(check, actor.id, spellings, named)
        return kinds, actors

    def load_kinds(self, check: _Checker, value) -> dict[str, Kind]:
        kinds = {}
        seen: dict[str, str] = {}
        for key, item in check.mapping_items(value, ("kinds",), "kinds"):
            path = ("kinds", key)
            name = check.string(key, path, "a kind", key=True)
            name = self.distinct_name(check, name, path, seen, "kind")
            if name is None:
                continue
            description = None
            if item is not None:
                fields = check.fields(item, path, f"kind {name!r}", (), ("description",))
                if fields:
                    description = check.optional_text(
                        fields.get("description", _MISSING), (*path, "description"), "description"
                    )
            kinds[name] = Kind(name, description)
        return kinds

    def load_actor(self, check: _Checker, value, path: DataPath, kinds: dict | None):
        """Return the actor (or None) and each valid id, name and alias with its path."""
        fields = check.fields(
            value, path, "an actor", ("id", "name", "kind"), ("aliases", "description")
        )
        if fields is None:
            return None, []
        at = {key: (*path, key) for key in fields}
        actor_id = check.identifier(fields["id"], at["id"], "actor id") if "id" in fields else None
        name = check.string(fields["name"], at["name"], "name") if "name" in fields else None
        kind = check.string(fields["kind"], at["kind"], "kind") if "kind" in fields else None
        kind = _nfc(kind)
        if kind is not None and kinds is not None and kind not in kinds:
            hint = next(iter(did_you_mean(kind, kinds)), None)
            declared = f"declared: {_listing(kinds)}" if kinds else "no kinds are declared"
            check.error(
                at["kind"],
                f"unknown kind {kind!r} ({declared}); declare it "
                + (
                    "in the kinds table"
                    if check.from_tables
                    else "under 'kinds:' at the top of actors.yaml"
                ),
                hint,
            )
        aliases = (
            check.string_list(fields["aliases"], at["aliases"], "aliases")
            if "aliases" in fields
            else []
        )
        description = check.optional_text(
            fields.get("description", _MISSING), (*path, "description"), "description"
        )
        spellings = [(actor_id, at.get("id")), (name, at.get("name")), *aliases]
        spellings = [(text, text_path) for text, text_path in spellings if text is not None]
        if actor_id is None and "id" in fields and not isinstance(fields["id"], (list, dict)):
            # Keep a badly spelt actor, so relations to it are not reported twice.
            actor_id = check.raw(fields["id"], at["id"]) or None
            if actor_id is not None and actor_id not in self.invalid_ids:
                self.invalid_ids[actor_id] = (fixed_id(actor_id), check.line(at["id"]))
        if actor_id is None:
            return None, []
        aliases = tuple(alias for alias, _ in aliases)
        return Actor(actor_id, name or "", kind or "", aliases, description), spellings

    def distinct_name(self, check, name: str | None, path, seen: dict, what: str) -> str | None:
        """Return a kind's or a type's name in NFC; one that looks like an earlier one is an error.

        Names that differ only in Unicode form (NFC or NFD), case, accents or
        invisible characters would look the same in every output.
        """
        if name is None:
            return None
        name = _nfc(name)
        folded = name_key(name)
        if folded in seen:
            check.error(
                path,
                f"{what} {name!r} looks the same as {seen[folded]!r}, declared before: "
                "names must differ beyond case, accents, invisible characters and Unicode form",
                key=True,
            )
            return None
        seen[folded] = name
        return name

    def check_names_unique(self, check, actor_id: str, spellings: list, named: dict) -> None:
        """Record each spelling; one that already names another actor is an error."""
        for text, text_path in spellings:
            key = name_key(text)
            owner = named.get(key)
            if owner is None:
                named[key] = (actor_id, text_path)
            elif owner[0] != actor_id:
                check.error(
                    text_path,
                    f"{text!r} already names actor {owner[0]!r} (line {check.line(owner[1])}); "
                    "ids, names and aliases must be unique, ignoring case and accents",
                )

    # relations.yaml

    def load_relations(self, source: Source, actors: dict[str, Actor] | None):
        check = _Checker(source, self.problems)
        top = check.fields(
            source.data,
            (),
            "relations.yaml",
            required=("types", "relations"),
            optional=("documents", "document_roots"),
        )
        if top is None:
            return {}, None, []
        roots = self.load_roots(check, top.get("document_roots", _MISSING))
        documents = self.load_documents(check, top.get("documents", _MISSING), roots)
        if "documents" not in top:
            check.warn((), "no documents declared: evidence quotes are not checked")
        types = self.load_types(check, top["types"]) if "types" in top else None
        relations = []
        items = (
            check.sequence_items(top["relations"], ("relations",), "relations")
            if "relations" in top
            else ()
        )
        bulk = self.relations_in_bulk(check, items, actors, types)
        if bulk is not None:
            return documents, types, bulk
        # (source, target, type, document) -> [(quote, path)] of the relations kept so far
        written: dict[tuple, list] = {}
        for index, value in enumerate(items):
            if not index % 8192:
                progress.advance(index, len(items))
            path = ("relations", index)
            relation = self.load_relation(check, value, path, actors, types)
            if relation is None:
                continue
            source, target = relation.source, relation.target
            if target < source and types and types[relation.type].symmetric:
                source, target = target, source
            key = (source, target, relation.type, relation.document)
            earlier = written.get(key)
            if earlier is None:
                written[key] = [(relation.evidence, path)]
            else:
                first = _same_quote(relation.evidence, earlier)
                if first is not None:
                    check.warn(
                        path,
                        f"this relation is written twice, on lines {check.line(first)} and "
                        f"{check.line(path)} (same source, type, target and quote): the second "
                        "is ignored",
                    )
                    continue
                earlier.append((relation.evidence, path))
            relations.append(relation)
        progress.advance(len(items), len(items))
        return documents, types, relations

    def load_roots(self, check: _Checker, value) -> list[str]:
        """Return the folders documents may be read from: the dataset's, and ``document_roots``.

        Each root is resolved (symlinks followed) relative to the dataset folder.
        """
        roots = [os.path.realpath(self.folder)]
        if value is _MISSING:
            return roots
        for text, path in check.string_list(value, ("document_roots",), "document_roots"):
            root = self.loader.resolve_root(self.folder / text)
            if os.path.isdir(root):
                roots.append(root)
            else:
                check.error(path, f"document root {text!r} is not a folder")
        return roots

    def load_documents(self, check: _Checker, value, roots: list[str]) -> dict[str, Document]:
        documents: dict[str, Document] = {}
        if value is _MISSING:
            return documents
        for key, item in check.mapping_items(value, ("documents",), "documents"):
            path = ("documents", key)
            name = check.string(key, path, "a document key", key=True)
            if name is not None:
                self.declared_documents.append(name)
                self.declared_set.add(name)
            relative = check.string(item, path, f"the path of document {name!r}")
            if name is None or relative is None:
                continue
            file = self.folder / relative
            if not _inside(os.path.realpath(file), roots):
                # Never read: neither its text nor its absolute path is shown anywhere.
                check.error(
                    path,
                    f"document {name!r} ({relative}) is outside the dataset folder; "
                    "list the folder it is in under document_roots to allow it",
                )
                continue
            index, problem = self.loader.read_document(file, relative)
            if problem:
                at_start = (problem.line, problem.column) in ((1, 1), (0, 0))
                where = "" if at_start else f" (at {problem.line}:{problem.column})"
                check.error(path, f"document {name!r} ({relative}): {problem.message}{where}")
                continue
            documents[name] = Document(name, file.resolve())
            self.indexes[name] = index
        return documents

    def load_types(self, check: _Checker, value) -> dict[str, RelationType]:
        types = {}
        seen: dict[str, str] = {}  # folded name -> name as first declared
        for key, item in check.mapping_items(value, ("types",), "types"):
            path = ("types", key)
            name = check.string(key, path, "a relation type", key=True)
            name = self.distinct_name(check, name, path, seen, "relation type")
            fields = check.fields(
                item, path, f"type {name!r}", ("sign",), ("symmetric", "description")
            )
            if name is None or fields is None:
                continue
            sign = check.sign(fields["sign"], (*path, "sign")) if "sign" in fields else None
            symmetric = (
                check.boolean(fields["symmetric"], (*path, "symmetric"), "symmetric")
                if "symmetric" in fields
                else False
            )
            description = check.optional_text(
                fields.get("description", _MISSING), (*path, "description"), "description"
            )
            # A type with a bad field is still known, so its relations are not reported too.
            types[name] = RelationType(name, sign or 0, bool(symmetric), description)
        if isinstance(value, dict) and not value:
            check.error(("types",), "types must declare at least one relation type")
        return types

    _RELATION_FIELDS = frozenset(("source", "type", "target", "evidence"))
    _RELATION_OPTIONAL = frozenset(("document", "date", "weight"))

    def relations_in_bulk(self, check, items, actors, types) -> list[Relation] | None:
        """Return the relations when every one is valid (see :meth:`_relations_in_bulk`)."""
        try:
            return self._relations_in_bulk(check, items, actors, types)
        except TypeError:  # a list or mapping where a value was expected: one by one
            return None

    def _relations_in_bulk(self, check, items, actors, types) -> list[Relation] | None:
        """Return the relations when every one is valid, checked a column at a time; else None.

        The same rules as :meth:`load_relation`, asked of each distinct value
        once and of each column in C where possible: a fast lane for large,
        valid datasets. It never reports a problem: at the first doubt it
        returns None, and the relations are checked one by one.
        """
        if not items or actors is None or types is None or type(items) is not list:
            return None
        if set(map(type, items)) != {dict}:
            return None
        for layout in set(map(tuple, items)):
            keys = frozenset(layout)
            if not (
                self._RELATION_FIELDS <= keys <= self._RELATION_FIELDS | self._RELATION_OPTIONAL
            ):
                return None
        declared = self.declared_documents
        default = declared[0] if len(declared) == 1 else None
        if len(declared) > 1 and not all("document" in item for item in items):
            return None
        if any(type(item["document"]) is not str for item in items if "document" in item):
            return None
        sources = list(map(itemgetter("source"), items))
        targets = list(map(itemgetter("target"), items))
        type_names = list(map(itemgetter("type"), items))
        evidence = list(map(itemgetter("evidence"), items))
        documents = [item.get("document", default) for item in items]
        dates = [item.get("date", _MISSING) for item in items]
        weights = [item.get("weight", 1.0) for item in items]
        for column in (sources, targets, type_names):
            if set(map(type, column)) != {str}:
                return None
        if any(map(str.__eq__, sources, targets)):
            return None
        names = {*sources, *targets, *type_names, *(d for d in documents if d is not None)}
        if not all(self.good_string(check, name) for name in names):
            return None
        if not (set(sources) <= actors.keys() and set(targets) <= actors.keys()):
            return None
        if not set(type_names) <= types.keys():
            return None
        if not {d for d in documents if d is not None} <= self.declared_set:
            return None
        if not all(map(self._good_evidence_fast, evidence)) and not all(
            self.good_string(check, text, multiline=True) for text in evidence
        ):
            return None
        if check.suspect is not None and any(map(check.suspect, evidence)):
            return None
        dated = {(type(d), d) for d in dates if d is not _MISSING}
        for kind, value in dated:
            if kind is int and abs(value) < 10**18:
                text = str(value)
            elif kind is str:
                text = value
            else:
                return None
            try:
                parse_period(text)
            except ValueError:
                return None
        for kind, value in {(type(w), w) for w in weights}:
            if kind not in (int, float) or not MIN_WEIGHT <= value <= MAX_WEIGHT:
                return None
        dates = [None if d is _MISSING else str(d) if type(d) is int else d for d in dates]
        weights = [float(w) for w in weights]
        needles = list(map(normalize_text, evidence))
        if min(map(len, needles)) < MIN_EVIDENCE_CHARACTERS:
            return None
        if self._written_twice(sources, targets, type_names, documents, needles, types):
            return None  # the one-by-one lane warns about it
        indexes = self.indexes
        for document, needle in zip(documents, needles):
            index = indexes.get(document)
            if index is not None and not index.find(needle):
                return None
        progress.advance(len(items), len(items))
        return list(
            map(Relation, sources, type_names, targets, evidence, documents, dates, weights)
        )

    @staticmethod
    def _written_twice(sources, targets, type_names, documents, needles, types) -> bool:
        """Return whether two relations state the same fact from the same (folded) quote."""
        symmetric = {name for name, kind in types.items() if kind.symmetric}
        facts = set()
        for source, target, type_name, document, needle in zip(
            sources, targets, type_names, documents, needles
        ):
            if target < source and type_name in symmetric:
                source, target = target, source
            facts.add((source, target, type_name, document, needle))
        return len(facts) < len(needles)

    @staticmethod
    def _good_evidence_fast(text) -> bool:
        # Printable and holding a letter or digit: a string the rules accept as it is.
        return type(text) is str and text.isprintable() and _VISIBLE.search(text) is not None

    def good_string(self, check, value, multiline: bool = False) -> bool:
        """Return whether :meth:`_Checker.string` would accept ``value`` (recording nothing)."""
        if type(value) is not str:
            return False
        if check.suspect is not None and check.suspect(value):
            return False
        if not value.isprintable():
            forbidden = _FORBIDDEN_IN_TEXT if multiline else _FORBIDDEN_IN_NAME
            if forbidden.search(value):
                return False
        return bool(_VISIBLE.search(value) or name_key(value))

    def load_relation(self, check, value, path, actors, types) -> Relation | None:
        fields = check.fields(
            value,
            path,
            "a relation",
            ("source", "type", "target", "evidence"),
            ("document", "date", "weight"),
        )
        if fields is None:
            return None
        at = {key: (*path, key) for key in fields}
        source = self.actor_reference(check, fields, at, "source", actors)
        target = self.actor_reference(check, fields, at, "target", actors)
        type_name = check.string(fields["type"], at["type"], "type") if "type" in fields else None
        type_name = _nfc(type_name)
        if type_name is not None and types is not None and type_name not in types:
            hint = next(iter(did_you_mean(type_name, types)), None)
            declared = f"declared: {_listing(types)}" if types else "no types are declared"
            check.error(
                at["type"],
                f"unknown relation type {type_name!r} ({declared}); declare it "
                + (
                    "in the types table, with its sign"
                    if check.from_tables
                    else "under 'types:' at the top of relations.yaml, with its sign"
                ),
                hint,
            )
            type_name = None
        if source is not None and source == target:
            check.error(
                at["target"], f"relation from {source!r} to itself (self-loops are not allowed)"
            )
            source = None
        evidence = (
            check.string(fields["evidence"], at["evidence"], "evidence", multiline=True)
            if "evidence" in fields
            else None
        )
        document = self.document_reference(check, path, fields, at)
        date = check.date(fields["date"], at["date"]) if "date" in fields else None
        weight = check.weight(fields["weight"], at["weight"]) if "weight" in fields else 1.0
        needle = None if evidence is None else normalize_text(evidence)  # folded once
        if needle is not None and len(needle) < MIN_EVIDENCE_CHARACTERS:
            check.warn(
                at["evidence"],
                f"evidence quote {evidence!r} is shorter than {MIN_EVIDENCE_CHARACTERS} "
                "characters: too short to show the relation",
            )
        if evidence is not None and document is not None and document in self.indexes:
            self.check_quote(check, at["evidence"], needle, document, self.indexes[document])
        if None in (source, target, type_name, evidence, weight) or (
            "date" in fields and date is None
        ):
            return None
        return Relation(source, type_name, target, evidence, document, date, weight)

    def actor_reference(self, check, fields, at, what, actors) -> str | None:
        if what not in fields:
            return None
        value = check.string(fields[what], at[what], what)
        if value is None or actors is None or value in actors:
            # With no readable actors.yaml, references cannot be checked.
            return value
        if self.index is None:
            self.index = ActorIndex({a.id: [a.name, *a.aliases] for a in actors.values()})
        named = self.index.get(value)
        if named is not None and named in self.invalid_ids:
            # The actor is there, but its id is refused: say so, and never suggest that id.
            fixed, line = self.invalid_ids[named]
            advice = (
                f"fix that id to {fixed!r} and this reference works"
                if fixed == value
                else "fix that id, then refer to the actor by it"
            )
            check.error(
                at[what],
                f"{what} {value!r} names actor {named!r} (actors.yaml line {line}), whose id "
                f"is not valid: {advice}",
            )
        elif named is not None:
            check.error(
                at[what], f"{what} {value!r} is a name or alias; relations use actor ids", named
            )
        else:
            valid = [i for i in self.index.suggest(value, count=3) if i not in self.invalid_ids]
            check.error(at[what], f"unknown actor {value!r} in {what}", next(iter(valid), None))
        return None

    def document_reference(self, check, path, fields, at) -> str | None:
        # Declared documents count even when unreadable: that error is reported once.
        documents = self.declared_documents
        if "document" not in fields:
            if len(documents) == 1:
                return documents[0]
            if len(documents) > 1:
                check.error(
                    path, f"relation must name its document (one of: {', '.join(documents)})"
                )
            return None
        key = check.string(fields["document"], at["document"], "document")
        if key is not None and key not in self.declared_set:
            hint = next(iter(did_you_mean(key, documents)), None)
            check.error(at["document"], f"unknown document {key!r}", hint)
            return None
        return key

    def check_quote(self, check, path, needle: str, document: str, index: DocumentIndex) -> None:
        """Report a quote (``needle``, already normalised) that is not in its document."""
        if index.find(needle):
            return
        # The longest prefix found tells the user where the quote goes astray
        # (a plain search, paid only for quotes that are wrong).
        low, high = 0, len(needle)
        while low < high:
            middle = (low + high + 1) // 2
            if needle[:middle] in index.text:
                low = middle
            else:
                high = middle - 1
        detail = ""
        if low >= 8:
            matched, rest = needle[max(0, low - 30) : low], needle[low : low + 30]
            detail = f"; it matches up to {matched!r} then differs at {rest!r}"
        check.error(path, f"evidence quote not found in document {document!r}{detail}")


def _with_provenance(dataset: Dataset, provenance: dict) -> Dataset:
    """Return ``dataset`` with the dataset labels its tables gave each row."""
    from dataclasses import replace

    labels = provenance.get("relations", [])
    if any(labels):
        dataset.relations = [
            replace(relation, dataset=label) if label else relation
            for relation, label in zip(dataset.relations, labels)
        ]
    for actor_id, label in provenance.get("actors", {}).items():
        if actor_id in dataset.actors:
            actor = dataset.actors[actor_id]
            dataset.actors[actor_id] = replace(actor, datasets=tuple(label.split("|")))
    for key, label in provenance.get("documents", {}).items():
        if key in dataset.documents:
            dataset.documents[key] = replace(dataset.documents[key], dataset=label)
    return dataset


def fixed_id(text: str) -> str | None:
    """Return ``text`` spelt as a valid id, or None when nothing of it is left.

    >>> fixed_id("Greenland"), fixed_id("São Tomé & Príncipe"), fixed_id("!!")
    ('greenland', 'sao-tome-principe', None)
    """
    return re.sub(r"[^a-z0-9_-]+", "-", name_key(text)).strip("-_") or None


def _nfc(text: str | None) -> str | None:
    """Return ``text`` in Unicode NFC, so a name typed in NFD is the same name."""
    return None if text is None else unicodedata.normalize("NFC", text)


def _inside(path: str, roots: list[str]) -> bool:
    """Return whether the resolved ``path`` lies in one of the resolved ``roots``."""
    return any(os.path.commonpath([path, root]) == root for root in roots)


def _listing(names, limit: int = 10) -> str:
    names = list(names)
    more = f", … ({len(names) - limit} more)" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more


def _same_quote(quote: str, earlier: list[tuple[str, DataPath]]) -> DataPath | None:
    """Return the path of the earlier relation with the same quote (compared folded), if any.

    Only relations that share their ends, type and document get here: rare,
    so loading does not fold every quote twice.
    """
    folded = normalize_text(quote)
    for text, path in earlier:
        if text == quote or normalize_text(text) == folded:
            return path
    return None


def _kind(value) -> str:
    """Return what kind of YAML value ``value`` is, in words."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "a value"
