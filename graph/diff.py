"""Compare two versions of a dataset: what was added, removed or changed.

Actors, relation types, kinds and documents are matched by id, name or key.
Relations have no id: one that is unchanged in every field (source, type,
target, document, evidence, date, weight, hedged, evidence_state, locator)
matches its twin; the rest are
paired in file order by source, type and target, and a pair whose other
fields differ is *changed*; whatever is left is added or removed. Evidence
compares after quote normalisation (see :mod:`graph.evidence`), so retyping
a curly quote straight is no change. A document changes when its text does
(a URL document when its URL does). A type's fields include its ``role``;
the dataset's settings (``evidence_allowed``) compare as ``setting`` rows.

>>> from graph import load_dataset
>>> same = diff_datasets(load_dataset(), load_dataset())
>>> same["equal"], same["changes"]
(True, [])
"""

from __future__ import annotations

from collections import defaultdict

from .evidence import normalize_text
from .model import Dataset, Relation

__all__ = ["diff_datasets"]

RELATION_FIELDS = (
    "evidence",
    "document",
    "date",
    "weight",
    "hedged",
    "evidence_state",
    "locator",
)


def diff_datasets(old: Dataset, new: Dataset) -> dict:
    """Return ``{"equal", "counts", "changes"}``: every difference from ``old`` to ``new``.

    Each change is ``{"change": "added"|"removed"|"changed", "what": "actor"|"relation"|
    "type"|"kind"|"document"|"setting", "id", "field", "old", "new"}``: one row per changed
    field, one row per added or removed item (its fields in ``old`` or ``new``).
    Relations are named ``source -type-> target``, with ``old_number``/``new_number``,
    their place in the list of relations (from 1).
    """
    changes: list[dict] = []
    changes += _compare_items(
        "actor",
        old.actors,
        new.actors,
        lambda a: a.to_dict(),
        ("name", "kind", "aliases", "description"),
    )
    changes += _compare_items(
        "type",
        old.types,
        new.types,
        lambda t: {
            "sign": t.sign,
            "symmetric": t.symmetric,
            "description": t.description,
            "role": t.role,
        },
        ("sign", "symmetric", "description", "role"),
    )
    changes += _compare_items(
        "kind",
        old.kinds or {},
        new.kinds or {},
        lambda k: {"description": k.description},
        ("description",),
    )
    changes += _compare_items(
        "document",
        old.documents,
        new.documents,
        lambda d: {"text": _read(d.path)},
        ("text",),
        shown=lambda d: {"path": str(d.path)},
    )
    changes += _compare_items(
        "document", old.document_urls, new.document_urls, lambda url: {"url": url}, ("url",)
    )
    changes += _compare_items(
        "setting",
        {"evidence_allowed": list(old.evidence_allowed)},
        {"evidence_allowed": list(new.evidence_allowed)},
        lambda value: {"value": value},
        ("value",),
    )
    changes += _compare_relations(old.relations, new.relations)
    counts = {
        what: {"added": 0, "removed": 0, "changed": 0}
        for what in ("actor", "relation", "type", "kind", "document", "setting")
    }
    items = set()  # an item with several changed fields counts once
    for change in changes:
        item = (change["what"], change["change"], change["id"], change.get("new_number"))
        if item not in items:
            items.add(item)
            counts[change["what"]][change["change"]] += 1
    return {"equal": not changes, "counts": counts, "changes": changes}


def _read(path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _compare_items(what, old: dict, new: dict, fields_of, compared, shown=None) -> list[dict]:
    shown = shown or fields_of
    rows = []
    for key in old:
        if key not in new:
            rows.append(_row("removed", what, key, None, shown(old[key]), None))
    for key in new:
        if key not in old:
            rows.append(_row("added", what, key, None, None, shown(new[key])))
            continue
        if key not in old:
            continue
        before, after = fields_of(old[key]), fields_of(new[key])
        for field in compared:
            if before[field] != after[field]:
                shown_before, shown_after = before[field], after[field]
                if field == "text":  # a document's text is too long to show
                    shown_before, shown_after = (
                        f"{len(before[field] or '')} characters",
                        (f"{len(after[field] or '')} characters"),
                    )
                rows.append(_row("changed", what, key, field, shown_before, shown_after))
    return rows


def _row(change, what, item_id, field, old, new, **extra) -> dict:
    return {
        "change": change,
        "what": what,
        "id": item_id,
        "field": field,
        "old": old,
        "new": new,
        **extra,
    }


def _relation_name(relation: Relation) -> str:
    return f"{relation.source} -{relation.type}-> {relation.target}"


def _identity(relation: Relation) -> tuple:
    return (
        relation.source,
        relation.type,
        relation.target,
        relation.document,
        normalize_text(relation.evidence),
        relation.date,
        relation.weight,
        relation.hedged,
        relation.evidence_state,
        relation.locator,
    )


def _fields(relation: Relation) -> dict:
    return {field: getattr(relation, field) for field in RELATION_FIELDS}


def _compare_relations(old: list[Relation], new: list[Relation]) -> list[dict]:
    numbers = {id(r): n for n, r in enumerate(old, start=1)}
    numbers.update({id(r): n for n, r in enumerate(new, start=1)})
    unmatched_old: dict[tuple, list[Relation]] = defaultdict(list)
    for relation in old:
        unmatched_old[_identity(relation)].append(relation)
    left_new = []
    for relation in new:
        twins = unmatched_old.get(_identity(relation))
        if twins:
            twins.pop(0)
        else:
            left_new.append(relation)
    left_old = _take_unmatched(old, unmatched_old)
    by_triple: dict[tuple, list[Relation]] = defaultdict(list)
    for relation in left_old:
        by_triple[(relation.source, relation.type, relation.target)].append(relation)
    rows = []
    paired_old: set[int] = set()
    for relation in left_new:
        candidates = by_triple.get((relation.source, relation.type, relation.target))
        if candidates:
            before = candidates.pop(0)
            paired_old.add(id(before))
            lines = {"old_number": numbers[id(before)], "new_number": numbers[id(relation)]}
            old_fields, new_fields = _fields(before), _fields(relation)
            for field in RELATION_FIELDS:
                same = (
                    normalize_text(old_fields[field]) == normalize_text(new_fields[field])
                    if field == "evidence"
                    else old_fields[field] == new_fields[field]
                )
                if not same:
                    rows.append(
                        _row(
                            "changed",
                            "relation",
                            _relation_name(relation),
                            field,
                            old_fields[field],
                            new_fields[field],
                            **lines,
                        )
                    )
        else:
            rows.append(
                _row(
                    "added",
                    "relation",
                    _relation_name(relation),
                    None,
                    None,
                    _fields(relation),
                    new_number=numbers[id(relation)],
                )
            )
    for relation in left_old:
        if id(relation) not in paired_old:
            rows.append(
                _row(
                    "removed",
                    "relation",
                    _relation_name(relation),
                    None,
                    _fields(relation),
                    None,
                    old_number=numbers[id(relation)],
                )
            )
    order = {"removed": 0, "added": 1, "changed": 2}
    rows.sort(
        key=lambda row: (order[row["change"]], row.get("old_number") or row.get("new_number") or 0)
    )
    return rows


def _take_unmatched(old: list[Relation], unmatched: dict[tuple, list[Relation]]) -> list[Relation]:
    """Return the old relations no new relation matched, in file order."""
    left = {id(relation) for twins in unmatched.values() for relation in twins}
    return [relation for relation in old if id(relation) in left]
