"""Relation types: the ``types`` mapping of ``relations.yaml`` (or the types table).

Each type has a sign (1 cooperative, -1 hostile, 0 neutral) and may be
symmetric, have a description and a role (:data:`graph.model.ROLES`:
``action``, the default, ``commentary`` or ``affiliation``).
"""

from __future__ import annotations

from ..model import ROLES, RelationType
from ..problems import did_you_mean
from .checker import MISSING, Checker
from .distinct import distinct_name

__all__ = ["check_types"]


def check_types(check: Checker, value) -> dict[str, RelationType]:
    """Return the relation types declared, by name (at least one must be)."""
    types = {}
    seen: dict[str, str] = {}  # folded name -> name as first declared
    for key, item in check.mapping_items(value, ("types",), "types"):
        path = ("types", key)
        name = check.string(key, path, "a relation type", key=True)
        name = distinct_name(check, name, path, seen, "relation type")
        fields = check.fields(
            item, path, f"type {name!r}", ("sign",), ("symmetric", "description", "role")
        )
        if name is None or fields is None:
            continue
        sign = check.sign(fields["sign"], (*path, "sign")) if "sign" in fields else None
        symmetric = (
            check.boolean(fields["symmetric"], (*path, "symmetric"), "symmetric")
            if "symmetric" in fields
            else False
        )
        description = check.optional_text(
            fields.get("description", MISSING), (*path, "description"), "description"
        )
        role = _role(check, fields, path)
        # A type with a bad field is still known, so its relations are not reported too.
        types[name] = RelationType(name, sign or 0, bool(symmetric), description, role)
    if isinstance(value, dict) and not value:
        check.error(("types",), "types must declare at least one relation type")
    return types


def _role(check: Checker, fields: dict, path) -> str:
    """Return a type's role: ``action`` unless it says otherwise (a bad one is reported)."""
    if "role" not in fields:
        return ROLES[0]
    role = check.string(fields["role"], (*path, "role"), "role")
    if role is not None and role not in ROLES:
        hint = next(iter(did_you_mean(role, ROLES)), None)
        check.error(
            (*path, "role"), f"unknown role {role!r} (choose from: {', '.join(ROLES)})", hint
        )
    return role if role in ROLES else ROLES[0]
