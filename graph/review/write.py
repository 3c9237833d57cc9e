"""Write accepted proposals into a dataset, and keep them only if the dataset still validates.

:func:`write_accepted` plans the additions (:mod:`graph.review.additions`),
computes every changed file's new text (YAML or CSV tables), and writes them
first into a staging folder beside the dataset (``.NAME.review-*``, a
sibling, so documents named by a relative path outside the dataset resolve
to the same files). The staged dataset is loaded with every rule; only when
it is valid, and holds every actor and relation the dataset had unchanged,
are the files replaced in the dataset, each atomically (new documents
first, then the actors, then the relations, so a reader in between sees a
valid dataset). Otherwise nothing in the dataset changes and
:class:`ReviewWriteError` carries the problems, placed in the dataset's own
files.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..files import write_atomically
from ..load import ACTORS_FILE, RELATIONS_FILE, load_dataset
from ..model import Dataset
from ..problems import DatasetError, Problem
from .additions import Additions, plan_additions
from .decisions import Draft, ReviewError
from .proposals import ArticleProposals

__all__ = ["ReviewWriteError", "WriteReport", "write_accepted"]


class ReviewWriteError(DatasetError):
    """The additions would make the dataset invalid; nothing was written."""


@dataclass
class WriteReport:
    """What a write added: counts, the files changed (``articles``: those copied in), and the
    dataset as it is now."""

    additions: Additions
    files: list[Path] = field(default_factory=list)
    articles: list[Path] = field(default_factory=list)
    dataset: Dataset | None = None


def write_accepted(
    folder: str | os.PathLike,
    accepted: list[tuple[str, Draft, ArticleProposals]],
    max_file_size: int | None = None,
    dataset: Dataset | None = None,
    document_roots: list | None = None,
) -> WriteReport:
    """Write ``accepted`` (``(key, draft, article)`` each) into the dataset in ``folder``.

    Returns a :class:`WriteReport`. Raises :class:`ReviewError` when the
    dataset cannot be written to (Parquet tables), :class:`ReviewWriteError`
    when the result would not validate, and
    :class:`~graph.problems.DatasetError` when the dataset is invalid to
    begin with. ``document_roots`` are the folders the user allows documents
    from, as for :func:`~graph.load.load_dataset`.
    """
    from ..sources.tables import find_tables

    folder = Path(folder)
    if dataset is None:
        dataset = load_dataset(folder, max_file_size, cache=False, document_roots=document_roots)
    tables = {} if (folder / ACTORS_FILE).exists() else find_tables(folder)
    additions = plan_additions(dataset, accepted, "tables" if tables else "yaml")
    report = WriteReport(additions, dataset=dataset)
    if additions.is_empty():
        return report
    texts = _new_texts(folder, tables, dataset, additions)
    copies = {
        folder / document.path: document.copy_from
        for document in additions.documents
        if document.copy_from is not None
    }
    options = {"max_file_size": max_file_size, "document_roots": document_roots}
    staged = _validate_staged(folder, dataset, texts, copies, additions, options)
    for target, source in copies.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, source.read_bytes())
    for path, text in texts.items():
        write_atomically(path, text)
    report.files = [*copies, *texts]
    report.articles = list(copies)
    report.dataset = staged
    return report


def _new_texts(folder: Path, tables: dict, dataset: Dataset, additions: Additions) -> dict:
    """Return ``{path: text}`` of the dataset files to replace, in the order to replace them."""
    if tables:
        from .table_writer import table_texts

        texts = table_texts(folder, tables, dataset, additions)
        order = ["documents", "kinds", "types", "actors", "relations"]
        return dict(sorted(texts.items(), key=lambda item: order.index(item[0].stem)))
    from .yaml_writer import yaml_texts

    actors_path, relations_path = folder / ACTORS_FILE, folder / RELATIONS_FILE
    actors, relations = yaml_texts(
        actors_path.read_text(encoding="utf-8"),
        relations_path.read_text(encoding="utf-8"),
        additions,
    )
    texts = {actors_path: actors, relations_path: relations}
    return {path: text for path, text in texts.items() if text != path.read_text(encoding="utf-8")}


def _validate_staged(folder, dataset, texts, copies, additions, options) -> Dataset:
    """Return the dataset the new files make, loaded from a staging folder; raise if invalid."""
    parent = folder.resolve().parent
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.resolve().name}.review-", dir=parent))
    except OSError as error:
        raise ReviewError(
            f"cannot stage the changes beside {folder} (in {parent}): {error.strerror or error}"
        ) from None
    try:
        _stage(folder, staging, dataset, texts, copies)
        try:
            staged = load_dataset(staging, cache=False, **options)
        except DatasetError as error:
            raise ReviewWriteError(_placed(error.problems, staging, folder)) from None
        _check_kept(dataset, staged, additions, folder)
        return staged
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _stage(folder: Path, staging: Path, dataset: Dataset, texts: dict, copies: dict) -> None:
    """Fill ``staging`` with the dataset as it will be: new texts, and the files they read."""
    root = folder.resolve()
    wanted: set[Path] = set()
    for path in folder.iterdir():
        if path.is_file() and path.suffix in (".yaml", ".yml", ".csv", ".parquet"):
            wanted.add(path.resolve())
    for document in dataset.documents.values():
        wanted.add(Path(os.path.realpath(document.path)))
    for path in wanted:
        with contextlib.suppress(ValueError):
            relative = path.relative_to(root)
            _link_or_copy(path, staging / relative)
    for target, source in copies.items():
        _link_or_copy(source.resolve(), staging / target.resolve().relative_to(root))
    for path, text in texts.items():
        destination = staging / path.resolve().relative_to(root)
        destination.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            destination.unlink()
        destination.write_text(text, encoding="utf-8", newline="")


def _link_or_copy(source: Path, destination: Path) -> None:
    destination.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, destination)
    except OSError:
        shutil.copyfile(source, destination)


def _placed(problems: list[Problem], staging: Path, folder: Path) -> list[Problem]:
    """Return ``problems`` naming the dataset's files instead of the staged copies."""
    staged, real = str(staging), str(folder)
    placed = []
    for problem in problems:
        file = problem.file
        if file.startswith(staged):
            file = real + file[len(staged) :]
        message = problem.message.replace(staged, real)
        placed.append(
            Problem(file, problem.line, problem.column, message, problem.hint, problem.severity)
        )
    return placed


def _check_kept(before: Dataset, after: Dataset, additions: Additions, folder: Path) -> None:
    """Raise unless ``after`` holds ``before``'s actors and relations unchanged, plus the new."""
    lost = [
        actor_id
        for actor_id, actor in before.actors.items()
        if after.actors.get(actor_id) is None or _fields(after.actors[actor_id]) != _fields(actor)
    ]
    old = [_fields(relation) for relation in before.relations]
    new = [_fields(relation) for relation in after.relations[: len(old)]]
    if lost or old != new or len(after.relations) != len(old) + len(additions.relations):
        raise ReviewError(
            f"writing into {folder} would change what it holds already "
            f"(actors changed: {', '.join(lost) or 'none'}): nothing was written; "
            "please report this with the dataset's files"
        )


def _fields(record) -> dict:
    """Return an actor's or relation's data, less the label of the folder it was read from."""
    data = record.to_dict()
    data.pop("dataset", None)
    data.pop("datasets", None)
    return data
