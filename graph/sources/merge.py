"""Several datasets in one graph: each loaded with the usual rules, then merged by these.

* The same id is the same actor. Its name and kind must agree in every
  dataset (else an error at each place); its aliases are united; each
  dataset's description is kept (``Actor.descriptions``), the first being
  the actor's ``description``; ``Actor.datasets`` lists where it is defined.
* An id, name or alias may not name two different actors across datasets.
* A relation type's sign and symmetry must agree wherever it is declared;
  kinds are united. A kind or type is spelt the same in every dataset
  (compared by :func:`graph.names.name_key`, as within one). Each dataset's
  description of a kind or type is kept (``descriptions``), as an actor's.
* Documents are namespaced ``label/key``, and every relation keeps its
  dataset (``Relation.dataset``) and its namespaced document. Two that would
  get the same key (``a`` + ``b/k`` and ``a/b`` + ``k``) are an error at both.
* A dataset's label is its folder's name, widened with parent folders when
  two clash (``a/data`` and ``b/data``).

>>> dataset_labels(["/x/a/data", "/x/b/data", "/x/news"])
['a/data', 'b/data', 'news']
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from ..model import EVIDENCE_STATES, Actor, Dataset, Document, Kind, Relation, RelationType
from ..names import name_key
from ..problems import DatasetError, Problem

__all__ = ["dataset_labels", "merge_datasets"]


def dataset_labels(folders) -> list[str]:
    """Return each folder's label: its name, with as many parent folders as tell it apart."""
    parts = [Path(os.path.realpath(folder)).parts for folder in folders]
    depth = [1] * len(parts)
    while True:
        labels = ["/".join(p[-d:]) for p, d in zip(parts, depth)]
        clashing = {label for label in labels if labels.count(label) > 1}
        if not clashing:
            return labels
        grown = False
        for number, label in enumerate(labels):
            if label in clashing and depth[number] < len(parts[number]) - 1:
                depth[number] += 1
                grown = True
        if not grown:
            return labels


def merge_datasets(datasets: list[Dataset], folders: list) -> Dataset:
    """Return one dataset holding all of ``datasets`` (loaded from ``folders``), merged.

    Raises :class:`DatasetError` with every disagreement, each at the
    places it is written.
    """
    labels = dataset_labels(folders)
    if len(set(labels)) < len(labels):
        seen = sorted({label for label in labels if labels.count(label) > 1})
        raise DatasetError(
            [
                Problem(
                    str(folders[labels.index(label)]),
                    1,
                    1,
                    "dataset given twice: name each folder once",
                )
                for label in seen
            ]
        )
    places = _Places(folders)
    problems: list[Problem] = []
    actors: dict[str, Actor] = {}
    first: dict[str, int] = {}  # actor id -> dataset number that defined it first
    named: dict[str, tuple[str, int]] = {}  # folded spelling -> (actor id, dataset number)
    for number, dataset in enumerate(datasets):
        label = labels[number]
        for position, actor in enumerate(dataset.actors.values()):
            places.actor_position[(number, actor.id)] = position
            known = actors.get(actor.id)
            if known is None:
                actors[actor.id] = replace(
                    actor,
                    datasets=(label,),
                    descriptions=((label, actor.description),) if actor.description else (),
                )
                first[actor.id] = number
            else:
                for field in ("name", "kind"):
                    if getattr(known, field) != getattr(actor, field):
                        problems += places.conflict(
                            f"actor {actor.id!r} has {field} {getattr(known, field)!r} in "
                            f"{labels[first[actor.id]]} but {getattr(actor, field)!r} in {label}"
                            f"; merged datasets must agree: write the same {field} in both, "
                            "or give one of them another id",
                            (number, actor.id, field),
                            (first[actor.id], actor.id, field),
                        )
                aliases = known.aliases + tuple(a for a in actor.aliases if a not in known.aliases)
                descriptions = known.descriptions + (
                    ((label, actor.description),) if actor.description else ()
                )
                actors[actor.id] = replace(
                    known,
                    aliases=aliases,
                    description=known.description or actor.description,
                    datasets=(*known.datasets, label),
                    descriptions=descriptions,
                )
            for spelling in (actor.id, actor.name, *actor.aliases):
                key = name_key(spelling)
                owner = named.setdefault(key, (actor.id, number))
                if owner[0] != actor.id:
                    problems += places.conflict(
                        f"{spelling!r} names actor {owner[0]!r} in {labels[owner[1]]} but "
                        f"actor {actor.id!r} in {label}: ids, names and aliases must be unique",
                        (number, actor.id, "name"),
                        (owner[1], owner[0], "name"),
                    )
    types: dict[str, RelationType] = {}  # folded name -> the type as first declared
    type_from: dict[str, int] = {}
    for number, dataset in enumerate(datasets):
        for relation_type in dataset.types.values():
            folded = name_key(relation_type.name)
            known = types.get(folded)
            if known is None:
                types[folded] = _first_described(relation_type, labels[number])
                type_from[folded] = number
                continue
            there = type_from[folded]
            if known.name != relation_type.name:
                problems += places.conflict(
                    _spelt_apart(
                        "type", relation_type.name, labels[number], known.name, labels[there]
                    ),
                    (number, ("types", relation_type.name), True),
                    (there, ("types", known.name), True),
                )
            for field in ("sign", "symmetric", "role"):
                if getattr(known, field) != getattr(relation_type, field):
                    named = relation_type.name != known.name
                    renamed = f"{relation_type.name!r} has {field} " if named else ""
                    problems += places.conflict(
                        f"type {known.name!r} has {field} {getattr(known, field)!r} in "
                        f"{labels[there]} but {renamed}"
                        f"{getattr(relation_type, field)!r} in {labels[number]}; merged "
                        f"datasets must agree: write the same {field} in both, or rename the "
                        "type in one of them",
                        (number, ("types", relation_type.name, field)),
                        (there, ("types", known.name, field)),
                    )
            types[folded] = _described(known, relation_type, labels[number])
    kinds, kind_problems = _united_kinds(datasets, labels, places)
    problems += kind_problems
    documents: dict[str, Document] = {}
    urls: dict[str, str] = {}
    document_from: dict[str, tuple[int, str]] = {}  # namespaced key -> (dataset number, key)
    for number, dataset in enumerate(datasets):
        label = labels[number]
        # A key is a file or a URL within one dataset, so only other datasets' keys collide.
        cited = [*dataset.documents.items(), *dataset.document_urls.items()]
        for key, document in cited:
            namespaced = f"{label}/{key}"
            if namespaced in document_from:
                # 'a' + 'b/k' and 'a/b' + 'k': a relation would cite another dataset's article.
                there, their_key = document_from[namespaced]
                problems += places.conflict(
                    f"document {their_key!r} of dataset {labels[there]} and document {key!r} "
                    f"of dataset {label} would both be {namespaced!r} in the merged graph: "
                    "rename one of them",
                    (there, ("documents", their_key), True),
                    (number, ("documents", key), True),
                )
                continue
            document_from[namespaced] = (number, key)
            if isinstance(document, str):
                urls[namespaced] = document
            else:
                documents[namespaced] = replace(document, key=namespaced, dataset=label)
    if problems:
        raise DatasetError(problems)
    relations: list[Relation] = []
    for number, dataset in enumerate(datasets):
        label = labels[number]
        for relation in dataset.relations:
            document = f"{label}/{relation.document}" if relation.document is not None else None
            relations.append(replace(relation, document=document, dataset=label))
    warnings = sorted(problem for dataset in datasets for problem in dataset.warnings)
    sources = {label: Path(folder) for label, folder in zip(labels, folders)}
    types_by_name = {relation_type.name: relation_type for relation_type in types.values()}
    merged = Dataset(actors, types_by_name, relations, kinds, documents, None, warnings, sources)
    merged.document_urls = urls
    # Each dataset's relations passed its own setting: the merge allows what any one does.
    allowed = {state for dataset in datasets for state in dataset.evidence_allowed}
    merged.evidence_allowed = tuple(state for state in EVIDENCE_STATES if state in allowed)
    return merged


def _united_kinds(
    datasets: list[Dataset], labels: list[str], places: _Places
) -> tuple[dict[str, Kind] | None, list[Problem]]:
    """Return every dataset's kinds, united, and the kinds spelt apart (as problems)."""
    if all(dataset.kinds is None for dataset in datasets):
        return None, []
    kinds: dict[str, Kind] = {}  # folded name -> the kind as first declared
    kind_from: dict[str, tuple[int, tuple]] = {}  # folded name -> (dataset number, its place)
    problems: list[Problem] = []
    for number, dataset in enumerate(datasets):
        vocabulary = dataset.kinds
        where = {name: (("kinds", name), True) for name in vocabulary or ()}
        if vocabulary is None:  # a dataset without a vocabulary contributes its actors' kinds
            vocabulary, where = {}, {}
            for position, actor in enumerate(dataset.actors.values()):
                vocabulary.setdefault(actor.kind, Kind(actor.kind))
                where.setdefault(actor.kind, (("actors", position, "kind"),))
        for name, kind in vocabulary.items():
            folded = name_key(name)
            known = kinds.get(folded)
            if known is None:
                kinds[folded] = _first_described(kind, labels[number])
                kind_from[folded] = (number, where[name])
                continue
            there, their_place = kind_from[folded]
            if known.name != name:
                problems += places.conflict(
                    _spelt_apart("kind", name, labels[number], known.name, labels[there]),
                    (number, *where[name]),
                    (there, *their_place),
                )
            kinds[folded] = _described(known, kind, labels[number])
    return {kind.name: kind for kind in kinds.values()}, problems


def _spelt_apart(what: str, name: str, label: str, known: str, known_label: str) -> str:
    return (
        f"{what} {name!r} in {label} looks the same as {known!r} in {known_label} but is spelt "
        f"differently (case or invisible characters); merged datasets must spell a {what} the "
        f"same: write {known!r} in both"
    )


def _first_described(item, label: str):
    """Return a type or kind as first met in a merge, its description kept as ``label``'s."""
    return replace(item, descriptions=((label, item.description),) if item.description else ())


def _described(known, other, label: str):
    """Return ``known`` (a type or kind) with ``other``'s description kept beside its own."""
    return replace(
        known,
        description=known.description or other.description,
        descriptions=known.descriptions
        + (((label, other.description),) if other.description else ()),
    )


class _Places:
    """Finds where an actor's field or a type's field is written, only when a conflict needs it."""

    def __init__(self, folders: list):
        self.folders = [Path(folder) for folder in folders]
        self.actor_position: dict[tuple[int, str], int] = {}
        self._sources: dict[int, tuple] = {}

    def conflict(self, message: str, here: tuple, there: tuple) -> list[Problem]:
        """Return the problem at both places: where it is written here, and there."""
        return [Problem(*self.place(*where), message) for where in (here, there)]

    def place(self, number: int, *what) -> tuple[str, int, int]:
        """Return where ``what`` is written: (actor id, field), or (data path[, key])."""
        if isinstance(what[0], tuple):  # a path in the data: its first part names the file
            path, key = what[0], len(what) > 1 and what[1]
            return self._position(number, 0 if path[0] in ("actors", "kinds") else 1, path, key)
        actor_id, field = what
        position = self.actor_position.get((number, actor_id), 0)
        return self._position(number, 0, ("actors", position, field))

    def _position(
        self, number: int, which: int, path: tuple, key: bool = False
    ) -> tuple[str, int, int]:
        sources = self._read(number)
        source = sources[which]
        if source is None:
            return str(self.folders[number]), 1, 1
        locator = source.locator
        file = getattr(locator, "file", None)
        try:
            line, column = locator.position(path, key)
        except Exception:  # a path the reading cannot place: the file itself
            line, column = 1, 1
        return (file(path) if file else source.shown_as), line, column

    def _read(self, number: int) -> tuple:
        if number not in self._sources:
            from . import read_yaml
            from .tables import is_table_folder, read_tables

            folder = self.folders[number]
            if is_table_folder(folder):
                actors, relations, _, _ = read_tables(folder)
            else:
                actors = _located(read_yaml(folder / "actors.yaml", str(folder / "actors.yaml")))
                relations = _located(
                    read_yaml(folder / "relations.yaml", str(folder / "relations.yaml"))
                )
            self._sources[number] = (actors, relations)
        return self._sources[number]


def _located(read) -> object:
    source, _ = read
    if source is None:
        return None
    located, _ = source.located()
    return located
