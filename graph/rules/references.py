"""References between the parts of a dataset: an actor's kind, a relation's actors, type, document.

A reference to something not declared is an error with the nearest name
as a hint; one to an actor's name or alias, or to an actor whose id is
refused, says how to fix it.
"""

from __future__ import annotations

from ..model import Actor, Kind, RelationType
from ..names import ActorIndex
from ..problems import did_you_mean
from ..sources import DataPath
from .checker import Checker
from .context import Context
from .values import nfc

__all__ = ["actor_reference", "document_reference", "kind_reference", "type_reference"]


def kind_reference(check: Checker, fields: dict, at: dict, kinds: dict[str, Kind] | None):
    """Return an actor's kind in NFC (kept even when undeclared, after saying so), or None."""
    kind = check.string(fields["kind"], at["kind"], "kind") if "kind" in fields else None
    kind = nfc(kind)
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
    return kind


def type_reference(
    check: Checker, fields: dict, at: dict, types: dict[str, RelationType] | None
) -> str | None:
    """Return a relation's type in NFC, or None when it is missing, refused or undeclared."""
    type_name = check.string(fields["type"], at["type"], "type") if "type" in fields else None
    type_name = nfc(type_name)
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
        return None
    return type_name


def actor_reference(
    check: Checker,
    fields: dict,
    at: dict,
    what: str,
    actors: dict[str, Actor] | None,
    context: Context,
) -> str | None:
    """Return the actor id in field ``what`` of a relation, or None when it names no actor."""
    if what not in fields:
        return None
    value = check.string(fields[what], at[what], what)
    if value is None or actors is None or value in actors:
        # With no readable actors.yaml, references cannot be checked.
        return value
    if context.index is None:
        context.index = ActorIndex({a.id: [a.name, *a.aliases] for a in actors.values()})
    named = context.index.get(value)
    if named is not None and named in context.invalid_ids:
        # The actor is there, but its id is refused: say so, and never suggest that id.
        fixed, place = context.invalid_ids[named]
        advice = (
            f"fix that id to {fixed!r} and this reference works"
            if fixed == value
            else "fix that id, then refer to the actor by it"
        )
        check.error(
            at[what],
            f"{what} {value!r} names actor {named!r} ({place}), whose id is not valid: {advice}",
        )
    elif named is not None:
        check.error(
            at[what], f"{what} {value!r} is a name or alias; relations use actor ids", named
        )
    else:
        suggestions = context.index.suggest(value, count=3)
        valid = [i for i in suggestions if i not in context.invalid_ids]
        check.error(at[what], f"unknown actor {value!r} in {what}", next(iter(valid), None))
    return None


def document_reference(
    check: Checker, path: DataPath, fields: dict, at: dict, context: Context
) -> str | None:
    """Return a relation's document key: the one named, or the only one declared; else None."""
    # Declared documents count even when unreadable: that error is reported once.
    documents = context.declared_documents
    if "document" not in fields:
        if len(documents) == 1:
            return documents[0]
        if len(documents) > 1:
            check.error(path, f"relation must name its document (one of: {', '.join(documents)})")
        return None
    key = check.string(fields["document"], at["document"], "document")
    if key is not None and key not in context.declared_set:
        hint = next(iter(did_you_mean(key, documents)), None)
        check.error(at["document"], f"unknown document {key!r}", hint)
        return None
    return key


def _listing(names, limit: int = 10) -> str:
    names = list(names)
    more = f", … ({len(names) - limit} more)" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more
