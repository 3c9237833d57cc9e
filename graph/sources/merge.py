"""Several datasets in one graph: each loaded with the usual rules, then merged by these.

* The same id is the same actor. Its name and kind must agree in every
  dataset (else an error at each place); its aliases are united; each
  dataset's description is kept (``Actor.descriptions``), the first being
  the actor's ``description``; ``Actor.datasets`` lists where it is defined.
* An id, name or alias may not name two different actors across datasets.
* A relation type's sign and symmetry must agree wherever it is declared;
  kinds are united.
* Documents are namespaced ``label/key``, and every relation keeps its
  dataset (``Relation.dataset``) and its namespaced document.
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
    types: dict[str, RelationType] = {}
    type_from: dict[str, int] = {}
    for number, dataset in enumerate(datasets):
        for relation_type in dataset.types.values():
            known = types.get(relation_type.name)
            if known is None:
                types[relation_type.name] = relation_type
                type_from[relation_type.name] = number
                continue
            for field in ("sign", "symmetric", "role"):
                if getattr(known, field) != getattr(relation_type, field):
                    problems += places.conflict(
                        f"type {relation_type.name!r} has {field} {getattr(known, field)!r} in "
                        f"{labels[type_from[relation_type.name]]} but "
                        f"{getattr(relation_type, field)!r} in {labels[number]}; merged "
                        f"datasets must agree: write the same {field} in both, or rename the "
                        "type in one of them",
                        (number, ("types", relation_type.name, field)),
                        (type_from[relation_type.name], ("types", relation_type.name, field)),
                    )
            if known.description is None and relation_type.description:
                types[relation_type.name] = replace(known, description=relation_type.description)
    if problems:
        raise DatasetError(problems)
    kinds = _united_kinds(datasets)
    documents: dict[str, Document] = {}
    urls: dict[str, str] = {}
    relations: list[Relation] = []
    for number, dataset in enumerate(datasets):
        label = labels[number]
        for key, document in dataset.documents.items():
            documents[f"{label}/{key}"] = replace(document, key=f"{label}/{key}", dataset=label)
        urls.update((f"{label}/{key}", url) for key, url in dataset.document_urls.items())
        for relation in dataset.relations:
            document = f"{label}/{relation.document}" if relation.document is not None else None
            relations.append(replace(relation, document=document, dataset=label))
    warnings = sorted(problem for dataset in datasets for problem in dataset.warnings)
    sources = {label: Path(folder) for label, folder in zip(labels, folders)}
    merged = Dataset(actors, types, relations, kinds, documents, None, warnings, sources)
    merged.document_urls = urls
    # Each dataset's relations passed its own setting: the merge allows what any one does.
    allowed = {state for dataset in datasets for state in dataset.evidence_allowed}
    merged.evidence_allowed = tuple(state for state in EVIDENCE_STATES if state in allowed)
    return merged


def _united_kinds(datasets: list[Dataset]) -> dict[str, Kind] | None:
    if all(dataset.kinds is None for dataset in datasets):
        return None
    kinds: dict[str, Kind] = {}
    for dataset in datasets:
        vocabulary = dataset.kinds
        if vocabulary is None:  # a dataset without a vocabulary contributes its actors' kinds
            vocabulary = {actor.kind: Kind(actor.kind) for actor in dataset.actors.values()}
        for name, kind in vocabulary.items():
            known = kinds.get(name)
            if known is None or (known.description is None and kind.description):
                kinds[name] = kind
    return kinds


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
        if len(what) == 1:  # a path in relations.yaml's data
            return self._position(number, 1, what[0])
        actor_id, field = what
        position = self.actor_position.get((number, actor_id), 0)
        return self._position(number, 0, ("actors", position, field))

    def _position(self, number: int, which: int, path: tuple) -> tuple[str, int, int]:
        sources = self._read(number)
        source = sources[which]
        if source is None:
            return str(self.folders[number]), 1, 1
        locator = source.locator
        file = getattr(locator, "file", None)
        try:
            line, column = locator.position(path)
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
