"""The rules of the dataset format: plain data in, problems and a :class:`~graph.model.Dataset` out.

Every reader (:mod:`graph.sources`: YAML fast or located, tables) gives
plain data; :func:`check_dataset` applies every rule to it, the same for
every reader, and each broken rule becomes a :class:`~graph.problems.Problem`
placed at the offending value. One module a subject:

========================  =====================================================
:mod:`.checker`           the shared helper: typed values out of plain data,
                          problems placed by path
:mod:`.values`            what one value must be: ids, names, text, weights,
                          dates (used by the checker and the bulk lane alike)
:mod:`.context`           what one subject learns that a later one needs
:mod:`.kinds`             the kinds of actors
:mod:`.actors`            the actors
:mod:`.distinct`          names that must differ (kinds, types, actors' names)
:mod:`.documents`         documents (files or URLs) and the roots they may be
                          read from
:mod:`.settings`          the dataset's settings (the evidence states allowed)
:mod:`.relation_types`    relation types
:mod:`.relations`         relations, one by one or in bulk
:mod:`.references`        an actor's kind; a relation's actors, type, document
:mod:`.evidence`          the quote: long enough, found in its document, and
                          hedge words on relations not marked hedged
========================  =====================================================

A new subject is a new module here, called from :func:`check_actors_file`
or :func:`check_relations_file` below: the one place where the subjects are
applied, in the order their problems are reported.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..model import Actor, Dataset, Document, Kind, Relation, RelationType
from ..problems import Problem
from ..sources import Source
from .actors import check_actors
from .checker import MISSING, Checker
from .context import Context, ReadDocument, ResolveRoot
from .documents import check_documents, check_roots
from .kinds import check_kinds
from .relation_types import check_types
from .relations import check_relations
from .settings import check_settings

__all__ = [
    "Checker",
    "Context",
    "check_actors_file",
    "check_dataset",
    "check_relations_file",
    "check_relations_head",
]


def check_dataset(
    folder: Path,
    actors: Source | None,
    relations: Source | None,
    problems: list[Problem],
    read_document: ReadDocument,
    resolve_root: ResolveRoot = os.path.realpath,
    document_roots: tuple[Path, ...] = (),
    shipped_roots: tuple[Path, ...] = (),
) -> Dataset | None:
    """Return the dataset the two sources hold, adding every problem found to ``problems``.

    None when a file cannot be read or lacks what a dataset needs. Raises
    :class:`~graph.sources.NotLocated` when a problem must be placed in a
    source read without positions: apply the rules again to a located reading.
    Documents are read from ``folder`` and the folders of ``document_roots``
    (the user's choice); the dataset may also name ``shipped_roots`` under
    ``document_roots`` (see :mod:`.documents`).
    """
    context = Context(
        folder,
        read_document,
        resolve_root,
        document_roots=tuple(document_roots),
        shipped_roots=tuple(shipped_roots),
    )
    kinds, actor_map = check_actors_file(actors, problems, context) if actors else (None, None)
    if relations is None:
        return None
    documents, types, relation_list = check_relations_file(relations, problems, actor_map, context)
    if actor_map is None or types is None:
        return None
    dataset = Dataset(actor_map, types, relation_list, kinds, documents, folder)
    dataset.document_urls = context.document_urls
    dataset.evidence_allowed = context.evidence_allowed
    return dataset


def check_actors_file(
    source: Source, problems: list[Problem], context: Context
) -> tuple[dict[str, Kind] | None, dict[str, Actor] | None]:
    """Return the kinds and the actors of ``actors.yaml`` (or the actors and kinds tables)."""
    check = Checker(source, problems)
    top = check.fields(source.data, (), "actors.yaml", required=("actors",), optional=("kinds",))
    if top is None or "actors" not in top:
        return None, None
    kinds = check_kinds(check, top["kinds"]) if "kinds" in top else None
    return kinds, check_actors(check, top["actors"], kinds, context)


def check_relations_file(
    source: Source, problems: list[Problem], actors: dict[str, Actor] | None, context: Context
) -> tuple[dict[str, Document], dict[str, RelationType] | None, list[Relation]]:
    """Return the documents, types and relations of ``relations.yaml`` (or their tables)."""
    check = Checker(source, problems)
    head = check_relations_head(check, source.data, context)
    if head is None:
        return {}, None, []
    top, documents, types = head
    items = (
        check.sequence_items(top["relations"], ("relations",), "relations")
        if "relations" in top
        else ()
    )
    return documents, types, check_relations(check, items, actors, types, context)


def check_relations_head(
    check: Checker, data, context: Context
) -> tuple[dict, dict[str, Document], dict[str, RelationType] | None] | None:
    """Return the fields of ``relations.yaml``, its documents and its types: all but relations.

    None when the file is not a mapping.
    """
    top = check.fields(
        data,
        (),
        "relations.yaml",
        required=("types", "relations"),
        optional=("documents", "document_roots", "settings"),
    )
    if top is None:
        return None
    check_settings(check, top.get("settings", MISSING), context)
    roots = check_roots(check, top.get("document_roots", MISSING), context)
    documents = check_documents(check, top.get("documents", MISSING), roots, context)
    if "documents" not in top:
        check.warn((), "no documents declared: evidence quotes are not checked")
    types = check_types(check, top["types"]) if "types" in top else None
    return top, documents, types
