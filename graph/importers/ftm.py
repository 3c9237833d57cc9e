"""``ftm``: FollowTheMoney entities (one JSON object a line) into our tables.

Entities of a schema listed as a kind in ``ftm.tsv`` (``Person``,
``Organization``, ``PublicBody``, ...) become actors; interval entities of a
schema listed as a relation (``Membership``, ``UnknownLink``, ...) become
relations from their source property to their target property, ``summary``
the quote and ``proof`` the document; ``Article``/``Document`` entities
become documents (their ``bodyText`` a text beside the tables, else their
``sourceUrl``). What :mod:`graph.export.ftm` writes comes back whole: the
actor's kind in ``keywords`` (``graph:kind=...``), the relation's type,
sign, role, hedge, state and locator in ``description`` (``graph:`` and a
JSON object), so seed -> ftm -> import gives the seed again. A relation
whose quote is in its proof's text is ``verified``; one with a proof but no
text to check, ``located``; otherwise ``asserted``.
"""

from __future__ import annotations

import json

from ..evidence import normalize_text
from ..problems import DatasetError, Problem
from ..progress import advance
from .ids import actor_id, slug
from .mappings import mapping_rows

__all__ = ["ACTOR_PREFIX", "DOCUMENT_PREFIX", "GRAPH_PREFIX", "KIND_PREFIX", "read"]

ACTOR_PREFIX = "graph-actor-"
DOCUMENT_PREFIX = "graph-document-"
KIND_PREFIX = "graph:kind="
KIND_DESCRIPTION_PREFIX = "graph:kind-description="
GRAPH_PREFIX = "graph:"
DOCUMENT_SCHEMATA = ("Article", "Document", "PlainText", "HyperText", "Pages", "Page")


def read(sources, writer, report, **options) -> None:
    """Map the entities of each file to actors, relations and documents."""
    kinds = {row["schema"]: row for row in mapping_rows("ftm") if row["what"] == "kind"}
    links = {row["schema"]: row for row in mapping_rows("ftm") if row["what"] == "relation"}
    entities = []
    for path in sources:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    entity = json.loads(line)
                except json.JSONDecodeError as error:
                    raise DatasetError(
                        [Problem(str(path), number, error.colno, error.msg)]
                    ) from None
                if not isinstance(entity, dict) or not entity.get("id") or not entity.get("schema"):
                    raise DatasetError(
                        [Problem(str(path), number, 1, "an entity needs an id and a schema")]
                    )
                entities.append((f"{path.name}:{number}", entity))
    report.rows_read = len(entities)
    ids: dict[str, str] = {}
    texts: dict[str, str | None] = {}
    for where, entity in entities:  # actors and documents first: relations refer to them
        schema, props = entity["schema"], _properties(entity)
        if schema in kinds:
            ids[entity["id"]] = _actor(writer, entity, props, kinds[schema]["ours"])
        elif schema in DOCUMENT_SCHEMATA:
            key = _document_key(entity["id"])
            body = _first(props, "bodyText")
            url = _first(props, "sourceUrl")
            if body is None and url is None:
                report.skip("document without bodyText or sourceUrl", where)
                continue
            writer.document(key, text=body, url=url)
            ids[entity["id"]] = key
            texts[key] = body
        elif schema not in links:
            report.skip(f"schema {schema} not mapped", where)
    for number, (where, entity) in enumerate(entities, start=1):
        advance(number, len(entities))
        link = links.get(entity["schema"])
        if link is not None:
            _relation(writer, report, where, entity, link, ids, texts)


def _properties(entity: dict) -> dict:
    props = entity.get("properties") or {}
    return {name: [str(v) for v in value] if isinstance(value, list) else [str(value)]
            for name, value in props.items()}  # fmt: skip


def _first(props: dict, name: str) -> str | None:
    values = props.get(name) or []
    return values[0] if values else None


def _document_key(entity_id: str) -> str:
    if entity_id.startswith(DOCUMENT_PREFIX):
        return entity_id[len(DOCUMENT_PREFIX) :]
    return slug(entity_id) or "document"


def _actor(writer, entity: dict, props: dict, kind: str) -> str:
    entity_id = entity["id"]
    names = props.get("name") or [entity_id]
    identifier = (
        entity_id[len(ACTOR_PREFIX) :]
        if entity_id.startswith(ACTOR_PREFIX)
        else actor_id("", names[0])
        if names[0] != entity_id
        else slug(entity_id)
    )
    for keyword in props.get("keywords", []):
        if keyword.startswith(KIND_PREFIX):
            kind = keyword[len(KIND_PREFIX) :]
    description = None
    for note in props.get("notes", []):
        if note.startswith(KIND_DESCRIPTION_PREFIX):
            description = note[len(KIND_DESCRIPTION_PREFIX) :]
    writer.kind(kind, description)
    writer.actor(identifier, names[0], kind)
    actor = writer.actors[identifier]
    for alias in [*names[1:], *props.get("alias", [])]:
        if alias not in actor["aliases"] and alias != actor["name"]:
            actor["aliases"].append(alias)
    actor["description"] = _first(props, "description")
    return identifier


def _relation(writer, report, where, entity, link, ids, texts) -> None:
    props = _properties(entity)
    source = ids.get(_first(props, link["source"]) or "")
    target = ids.get(_first(props, link["target"]) or "")
    if source is None or target is None:
        report.skip("source or target is not an actor", where)
        return
    meta = {}
    for text in props.get("description", []):
        if text.startswith(GRAPH_PREFIX):
            meta = json.loads(text[len(GRAPH_PREFIX) :])
    type_name = meta.get("type") or _first(props, "role") or link["ours"]
    type_name = type_name if meta.get("type") else slug(type_name).replace("-", "_") or "linked_to"
    sign = int(meta.get("sign", 0))
    symmetric = bool(meta.get("symmetric", False))
    writer.relation_type(type_name, sign, symmetric, meta.get("type_description"))
    if meta.get("role") and meta["role"] != "action":
        writer.types[type_name]["role"] = meta["role"]
    evidence = _first(props, "summary")
    proof = ids.get(_first(props, "proof") or "")
    state = meta.get("evidence_state")
    if state is None:
        text = texts.get(proof) if proof else None
        if evidence and text and normalize_text(evidence) in normalize_text(text):
            state = "verified"
        elif proof:
            state = "located"
        else:
            state = "asserted"
    writer.relation(
        {
            "src": source,
            "dst": target,
            "type": type_name,
            "sign": sign,
            "symmetric": symmetric,
            "evidence": evidence,
            "document": proof,
            "date": _first(props, "date") or _first(props, "startDate"),
            "weight": meta.get("weight"),
            "hedged": meta.get("hedged", False),
            "evidence_state": state,
            "locator": meta.get("locator") or (None if state != "located" else entity["id"]),
        },
        {"entity": entity["id"], "schema": entity["schema"]},
    )
