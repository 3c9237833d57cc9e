"""Actors: the ``actors`` list of ``actors.yaml`` (or the actors table).

Each actor has an id, a name and a kind, and may have aliases and a
description. An actor whose id is refused is noted in the
:class:`~graph.rules.context.Context`, so that relations naming it are told
how to fix it rather than that it is unknown.
"""

from __future__ import annotations

from ..model import Actor, Kind
from ..sources import DataPath
from .checker import MISSING, Checker
from .context import Context
from .distinct import check_names_unique
from .references import kind_reference, report_unknown_kinds
from .values import fixed_id

__all__ = ["check_actor", "check_actors"]


def check_actors(
    check: Checker, value, kinds: dict[str, Kind] | None, context: Context
) -> dict[str, Actor]:
    """Return the valid actors by id; ids, names and aliases must each name one actor."""
    actors: dict[str, Actor] = {}
    first_path: dict[str, DataPath] = {}
    named: dict[str, tuple[str, DataPath]] = {}  # folded name -> (actor id, path)
    for index, item in enumerate(check.sequence_items(value, ("actors",), "actors")):
        path = ("actors", index)
        actor, spellings = check_actor(check, item, path, kinds, context)
        if actor is None:
            continue
        if actor.id in actors:
            check.error(
                path,
                f"duplicate actor id {actor.id!r} "
                f"(first defined on {check.where(first_path[actor.id])})",
            )
            continue
        actors[actor.id] = actor
        first_path[actor.id] = path
        check_names_unique(check, actor.id, spellings, named)
    report_unknown_kinds(check, kinds, context)
    return actors


def check_actor(
    check: Checker, value, path: DataPath, kinds: dict[str, Kind] | None, context: Context
) -> tuple[Actor | None, list[tuple[str, DataPath]]]:
    """Return the actor (or None) and each valid id, name and alias with its path."""
    fields = check.fields(
        value, path, "an actor", ("id", "name", "kind"), ("aliases", "description")
    )
    if fields is None:
        return None, []
    at = {key: (*path, key) for key in fields}
    actor_id = check.identifier(fields["id"], at["id"], "actor id") if "id" in fields else None
    name = check.string(fields["name"], at["name"], "name") if "name" in fields else None
    kind = kind_reference(check, fields, at, kinds, context)
    aliases = (
        check.string_list(fields["aliases"], at["aliases"], "aliases")
        if "aliases" in fields
        else []
    )
    description = check.optional_text(
        fields.get("description", MISSING), (*path, "description"), "description"
    )
    spellings = [(actor_id, at.get("id")), (name, at.get("name")), *aliases]
    spellings = [(text, text_path) for text, text_path in spellings if text is not None]
    if actor_id is None and "id" in fields and not isinstance(fields["id"], (list, dict)):
        # Keep a badly spelt actor, so relations to it are not reported twice.
        actor_id = check.raw(fields["id"], at["id"]) or None
        if actor_id is not None and actor_id not in context.invalid_ids:
            context.invalid_ids[actor_id] = (fixed_id(actor_id), check.place(at["id"]))
    if actor_id is None:
        return None, []
    aliases = tuple(alias for alias, _ in aliases)
    return Actor(actor_id, name or "", kind or "", aliases, description), spellings
