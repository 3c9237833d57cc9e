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
from .sources import NotLocated, Source, decode_utf8, read_yaml, read_yaml_text, yaml_parser
from .sources import cache as caching
from .sources.text import MAX_FILE_SIZE, Realpaths, file_problem, read_bytes

__all__ = ["ACTORS_FILE", "RELATIONS_FILE", "SEED", "load_dataset", "seed_folder", "validate"]

ACTORS_FILE = "actors.yaml"
RELATIONS_FILE = "relations.yaml"
# The name of the embedded seed dataset wherever a folder is expected (``--data :seed:``).
SEED = ":seed:"
# From this many characters of relations.yaml on, it is read in pieces on several
# processes (graph.load_chunked); below, reading it whole is as fast.
CHUNKED_FROM = 16 << 20


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
    document_roots: list | tuple | None = None,
) -> Dataset:
    """Return the validated dataset in ``folder`` (the embedded seed when None).

    ``folder`` may hold YAML files or tables (see :mod:`graph.sources.tables`).
    A list of folders gives one graph of several datasets, merged by the rules
    of :mod:`graph.sources.merge` (an empty list is the seed). :data:`SEED`
    (``":seed:"``) names the embedded seed, in a list or alone.

    Files over ``max_file_size`` bytes (default
    :data:`graph.sources.text.MAX_FILE_SIZE`, 2 GiB) are refused before they
    are read. A dataset loaded before, unchanged, comes from the cache
    (:mod:`graph.sources.cache`) unless ``cache`` is False (None: unless
    ``GRAPH_NO_CACHE`` or ``--no-cache`` says otherwise).

    Documents are read only from inside ``folder`` and the folders listed in
    ``document_roots`` (the CLI's ``--document-root``): a dataset's own
    ``document_roots`` must lie inside them (see :mod:`graph.rules.documents`).

    Raises :class:`~graph.problems.DatasetError` listing every problem found.
    """
    if isinstance(folder, (list, tuple)):
        return _load_several(list(folder), max_file_size, cache, document_roots)
    if isinstance(folder, str) and folder == SEED:
        folder = None
    if folder is not None and not os.fspath(folder):
        raise DatasetError([Problem("''", 0, 0, "the dataset folder's name is empty")])
    folder = seed_folder() if folder is None else Path(folder)
    roots = _document_roots(document_roots)
    key = None
    if (caching.enabled() if cache is None else cache) and folder.is_dir():
        files = [folder / ACTORS_FILE, folder / RELATIONS_FILE]
        limit = MAX_FILE_SIZE if max_file_size is None else max_file_size
        # An entry certified under other roots is not this run's: the roots are in the key.
        allowed = [f"{root}\0{os.path.realpath(root)}" for root in roots]
        options = "\0".join([f"max_file_size={limit}", "document_roots", *allowed])
        key = caching.key_of(folder, files, options)
        cached = caching.load(key) if key else None
        if cached is not None:
            return cached
    with progress.step("loading", str(folder)):
        loader = _Loader(folder, max_file_size, roots)
        dataset = loader.load()
    errors = [p for p in loader.problems if p.severity == "error"]
    if errors or dataset is None:
        raise DatasetError(loader.problems)
    dataset.warnings = sorted(p for p in loader.problems if p.severity != "error")
    if key:
        caching.store(key, dataset, loader.resolved)
    return dataset


def _document_roots(document_roots) -> tuple[Path, ...]:
    """Return the folders the user allows documents from; one that is not a folder is an error."""
    if document_roots is None:
        return ()
    if isinstance(document_roots, (str, os.PathLike)):
        document_roots = [document_roots]
    roots = tuple(Path(root) for root in document_roots)
    problems = [
        Problem(str(root), 0, 0, "the document root given is not a folder")
        for root in roots
        if not os.path.isdir(root)
    ]
    if problems:
        raise DatasetError(problems)
    return roots


def _shipped_roots(folder: Path) -> tuple[Path, ...]:
    """Return the folders ``folder`` may name as document roots outside itself.

    Only the embedded seed has one: its article, shipped in ``seeds/`` beside
    ``data/`` (in a checkout and in the wheel alike). A copy of it elsewhere
    is an ordinary dataset.
    """
    seed = seed_folder()
    if os.path.realpath(folder) == os.path.realpath(seed):
        return (seed.parent / "seeds",)
    return ()


def _load_several(
    folders: list, max_file_size: int | None, cache: bool | None, document_roots
) -> Dataset:
    """Load each folder (every problem of every one reported together), then merge them."""
    from .sources.merge import merge_datasets

    for number, folder in enumerate(folders, start=1):
        if not isinstance(folder, (str, os.PathLike)):
            raise DatasetError(
                [
                    Problem(
                        repr(folder),
                        0,
                        0,
                        f"dataset {number} of the list is {type(folder).__name__}, not a "
                        f"folder: name each dataset's folder, or {SEED!r} for the embedded seed",
                    )
                ]
            )
    options = {"cache": cache, "document_roots": document_roots}
    if not folders:
        return load_dataset(None, max_file_size, **options)
    if len(folders) == 1:
        return load_dataset(folders[0], max_file_size, **options)
    folders = [seed_folder() if folder == SEED else Path(folder) for folder in folders]
    datasets, problems = [], []
    for folder in folders:
        try:
            datasets.append(load_dataset(folder, max_file_size, **options))
        except DatasetError as error:
            problems += error.problems
    if problems:
        raise DatasetError(problems)
    return merge_datasets(datasets, folders)


def validate(
    folder: str | os.PathLike | list | tuple | None = None,
    max_file_size: int | None = None,
    *,
    cache: bool | None = None,
    document_roots: list | tuple | None = None,
) -> dict:
    """Return a report on the dataset in ``folder``: valid or not, and every problem.

    >>> report = validate()
    >>> report["valid"], report["evidence_states"]
    (True, {'verified': 77, 'located': 0, 'asserted': 0})
    """
    try:
        dataset = load_dataset(folder, max_file_size, cache=cache, document_roots=document_roots)
    except DatasetError as error:
        problems, dataset = error.problems, None
    else:
        problems = dataset.warnings
    return {
        "valid": dataset is not None,
        "actors": len(dataset.actors) if dataset else None,
        "relations": dataset.relation_count if dataset else None,
        "types": len(dataset.types) if dataset else None,
        "quotes_checked": bool(dataset and dataset.documents),
        "evidence_states": evidence_counts(dataset) if dataset else None,
        "problems": [problem.to_dict() for problem in problems],
    }


def evidence_counts(dataset: Dataset) -> dict[str, int]:
    """Return how many relations have each evidence state, every state named.

    >>> evidence_counts(load_dataset())
    {'verified': 77, 'located': 0, 'asserted': 0}
    """
    from .model import EVIDENCE_STATES

    counts = dict.fromkeys(EVIDENCE_STATES, 0)
    if dataset.columns is not None:  # from the cache: count the codes
        import numpy as np

        found = np.bincount(dataset.columns.state, minlength=len(EVIDENCE_STATES)).tolist()
        return dict(zip(EVIDENCE_STATES, found))
    for relation in dataset.relations:
        counts[relation.evidence_state] += 1
    return counts


class _Loader:
    """One load of one folder; ``problems`` collects everything found."""

    def __init__(self, folder: Path, max_file_size: int | None = None, document_roots: tuple = ()):
        self.folder = folder
        self.max_file_size = max_file_size
        self.document_roots = document_roots
        self.problems: list[Problem] = []
        # Documents read and indexed, by path: a second pass of the rules reuses them.
        self.documents: dict[str, tuple[DocumentIndex | None, Problem | None]] = {}
        # Every path resolved, as declared -> (target, hash of the bytes read; None: a folder),
        # so that the cache certifies only what was read (graph.sources.cache).
        self.resolved: dict[str, tuple[str, str | None]] = {}
        self.hashes: dict[str, str] = {}
        self.realpath = Realpaths()

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
        text, found = self.read_text(relations_path)
        if not read_problems and not found and actors is not None:
            dataset = self.load_chunked(actors, text, str(relations_path))
            if dataset is not None:
                return dataset
        relations = None
        if text is not None:
            relations, found = read_yaml_text(text, str(relations_path))
        del text
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

    def read_text(self, path: Path) -> tuple[str | None, list[Problem]]:
        """Return the text of the file at ``path`` (None and why, if it cannot be read)."""
        raw, problem = read_bytes(path, str(path), self.max_file_size)
        if problem:
            return None, [problem]
        text, problem = decode_utf8(raw, str(path))
        return (None, [problem]) if problem else (text, [])

    def load_chunked(self, actors: Source, text: str, shown_as: str) -> Dataset | None:
        """Return the dataset read in pieces on several processes, or None: load it simply.

        Only a large ``relations.yaml`` read fast takes this lane, and only a
        dataset found plainly valid comes out of it (see :mod:`graph.load_chunked`).
        """
        if len(text) < CHUNKED_FROM or yaml_parser() != "fast":
            return None
        from .load_chunked import load_chunked
        from .rules import Context

        context = Context(
            self.folder,
            self.read_document,
            self.resolve_root,
            document_roots=tuple(self.document_roots),
            shipped_roots=_shipped_roots(self.folder),
        )
        return load_chunked(self.folder, actors, text, shown_as, context)

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
            self.folder,
            actors,
            relations,
            self.problems,
            self.read_document,
            self.resolve_root,
            self.document_roots,
            _shipped_roots(self.folder),
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
        key = self.realpath(path)
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
