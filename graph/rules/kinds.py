"""Kinds of actors: the ``kinds`` mapping of ``actors.yaml`` (or the kinds table)."""

from __future__ import annotations

from ..model import Kind
from .checker import MISSING, Checker
from .distinct import distinct_name

__all__ = ["check_kinds"]


def check_kinds(check: Checker, value) -> dict[str, Kind]:
    """Return the kinds declared, by name; each may have a description."""
    kinds = {}
    seen: dict[str, str] = {}
    for key, item in check.mapping_items(value, ("kinds",), "kinds"):
        path = ("kinds", key)
        name = check.string(key, path, "a kind", key=True)
        name = distinct_name(check, name, path, seen, "kind")
        if name is None:
            continue
        description = None
        if item is not None:
            fields = check.fields(item, path, f"kind {name!r}", (), ("description",))
            if fields:
                description = check.optional_text(
                    fields.get("description", MISSING), (*path, "description"), "description"
                )
        kinds[name] = Kind(name, description)
    return kinds
