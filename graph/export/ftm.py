"""``ftm``: FollowTheMoney entities, one JSON object a line (Aleph, OpenSanctions, ``ftm``).

Actors become entities of the schema their kind maps to in
``graph/importers/ftm.tsv`` (``LegalEntity`` for a kind not listed), with
their kind in ``keywords`` (``graph:kind=country``) and its description in
``notes``. Each relation becomes an interval entity: the schema its type
maps to where FtM's model lets that schema join the two actors' schemata
(a ``ProjectParticipant``'s project must be a ``Project``), otherwise
``UnknownLink`` (subject -> object) with the type as its ``role``; the
quote in ``summary`` (FtM's own GEXF and Cypher exports keep it; they drop
``proof``), the date in ``date``, the document as an
``Article`` entity (its text in ``bodyText``, or its URL in ``sourceUrl``)
referenced by ``proof``, and what FtM has no property for (the type's sign,
symmetry, description and role, the relation's hedge, evidence state,
locator and weight) in ``description`` as ``graph:`` and a JSON object.
``graph import ftm`` reads all of it back: seed -> ftm -> import is the seed.
Entity ids are ``graph-actor-<id>``, ``graph-document-<key>`` and
``graph-relation-<number>``, the same every time.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..display import shown_name
from ..importers.ftm import ACTOR_PREFIX, DOCUMENT_PREFIX, GRAPH_PREFIX, KIND_PREFIX
from ..importers.mappings import mapping_rows
from ..model import every_description

__all__ = ["render"]

DEFAULT_SCHEMA = "LegalEntity"


def render(dataset, folder=None) -> str:
    """Return the dataset as FtM entities, one JSON object a line (actors, documents, relations)."""
    rows = mapping_rows("ftm")
    schema_of_kind = {row["ours"]: row["schema"] for row in rows if row["what"] == "kind"}
    link_of_type = {row["ours"]: row for row in rows if row["what"] == "relation"}
    is_a = {row["schema"]: set(row["is_a"].split("|")) for row in rows if row["what"] == "kind"}
    schema_of_actor = {
        actor.id: schema_of_kind.get(actor.kind, DEFAULT_SCHEMA)
        for actor in dataset.actors.values()
    }
    kinds = dataset.kinds or {}
    lines = []
    for actor in sorted(dataset.actors.values(), key=lambda actor: actor.id):
        props = {"name": [actor.name], "keywords": [f"{KIND_PREFIX}{actor.kind}"]}
        if actor.aliases:
            props["alias"] = list(actor.aliases)
        if every_description(actor):
            props["description"] = [every_description(actor)]
        kind = kinds.get(actor.kind)
        if kind is not None and every_description(kind):
            props["notes"] = [f"graph:kind-description={every_description(kind)}"]
        lines.append(_entity(f"{ACTOR_PREFIX}{actor.id}", schema_of_actor[actor.id], props))
    urls = getattr(dataset, "document_urls", {})
    for key in sorted({*dataset.documents, *urls}):
        lines.append(_document(key, dataset.documents.get(key), urls.get(key)))
    for number, relation in enumerate(dataset.relations, start=1):
        relation_type = dataset.types[relation.type]
        link = link_of_type.get(relation.type)
        if link is not None and not (
            link["source_range"] in is_a[schema_of_actor[relation.source]]
            and link["target_range"] in is_a[schema_of_actor[relation.target]]
        ):
            link = None  # FtM's schema would not take these actors: an UnknownLink
        schema = link["schema"] if link else "UnknownLink"
        source, target = (link["source"], link["target"]) if link else ("subject", "object")
        props = {
            source: [f"{ACTOR_PREFIX}{relation.source}"],
            target: [f"{ACTOR_PREFIX}{relation.target}"],
        }
        if link is None:
            props["role"] = [relation.type]
        if relation.evidence:
            props["summary"] = [relation.evidence]
        if relation.document:
            props["proof"] = [f"{DOCUMENT_PREFIX}{shown_name(relation.document)}"]
        if relation.date:
            props["date"] = [relation.date]
        meta = {
            "type": relation.type,
            "sign": relation_type.sign,
            "symmetric": relation_type.symmetric,
            "type_description": every_description(relation_type),
            "role": getattr(relation_type, "role", "action"),
            "hedged": getattr(relation, "hedged", False),
            "evidence_state": getattr(relation, "evidence_state", "verified"),
            "locator": getattr(relation, "locator", None),
            "weight": relation.weight,
        }
        props["description"] = [GRAPH_PREFIX + json.dumps(meta, sort_keys=True)]
        lines.append(_entity(f"graph-relation-{number}", schema, props))
    return "".join(line + "\n" for line in lines)


def _document(key: str, document, url: str | None) -> str:
    key = shown_name(key)  # keys and file names may hold bytes that are not UTF-8
    props = {"title": [key]}
    if document is None:
        props["sourceUrl"] = [url]
    else:
        path = str(document.path)
        props["bodyText"] = [Path(path).read_text(encoding="utf-8")]
        props["fileName"] = [shown_name(Path(path).name)]
    return _entity(f"{DOCUMENT_PREFIX}{key}", "Article", props)


def _entity(entity_id: str, schema: str, props: dict) -> str:
    return json.dumps(
        {"id": entity_id, "schema": schema, "properties": props}, ensure_ascii=False, sort_keys=True
    )
