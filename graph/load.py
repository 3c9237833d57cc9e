"""Load a dataset folder (``actors.yaml`` + ``relations.yaml``, or tables) strictly.

Loading reads the files (:mod:`graph.sources`), checks them
(:mod:`graph.rules`: every broken rule becomes a
:class:`~graph.problems.Problem` pointing at the offending value) and builds
the :class:`~graph.model.Dataset`. If any problem is an error,
:func:`load_dataset` raises one :class:`~graph.problems.DatasetError`
holding all of them; warnings travel on ``Dataset.warnings``.

>>> dataset = load_dataset()          # the embedded seed dataset
>>> dataset.find_actor("turkiye").name
'Türkiye'
"""

from __future__ import annotations

import os
from pathlib import Path

from . import progress
from .evidence import DocumentIndex
from .model import Dataset
from .problems import DatasetError, Problem
from .sources import NotLocated, Source, decode_utf8, read_yaml
from .sources import cache as caching
from .sources.text import MAX_FILE_SIZE, file_problem, read_bytes

__all__ = ["ACTORS_FILE", "RELATIONS_FILE", "load_dataset", "seed_folder", "validate"]

ACTORS_FILE = "actors.yaml"
RELATIONS_FILE = "relations.yaml"


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
    >>> report["valid"], report["evidence_states"]
    (True, {'verified': 75, 'located': 0, 'asserted': 0})
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
        "evidence_states": evidence_counts(dataset) if dataset else None,
        "problems": [problem.to_dict() for problem in problems],
    }


def evidence_counts(dataset: Dataset) -> dict[str, int]:
    """Return how many relations have each evidence state, every state named.

    >>> evidence_counts(load_dataset())
    {'verified': 75, 'located': 0, 'asserted': 0}
    """
    from .model import EVIDENCE_STATES

    counts = dict.fromkeys(EVIDENCE_STATES, 0)
    for relation in dataset.relations:
        counts[relation.evidence_state] += 1
    return counts


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
            return self.check(actors, relations)
        except NotLocated:
            # Something is wrong (or worth a warning): read again with positions, the
            # reference reading, and apply the rules to it.
            self.problems = list(read_problems)
            actors = self.located(actors)
            relations = self.located(relations)
            return self.check(actors, relations)

    def load_tables(self) -> Dataset | None:
        """Load a folder of tables (see :mod:`graph.sources.tables`): same rules, rows kept."""
        from .sources.tables import read_tables

        actors, relations, provenance, found = read_tables(self.folder, self.max_file_size)
        self.problems = list(found)
        dataset = self.check(actors, relations) if actors and relations else None
        if dataset is None or any(p.severity == "error" for p in self.problems):
            return dataset
        return _with_provenance(dataset, provenance)

    def check(self, actors: Source | None, relations: Source | None) -> Dataset | None:
        """Return the dataset the sources hold, checked by the rules (problems in ``problems``)."""
        from .rules import check_dataset  # on the first load: start-up does not pay for it

        return check_dataset(
            self.folder, actors, relations, self.problems, self.read_document, self.resolve_root
        )

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
