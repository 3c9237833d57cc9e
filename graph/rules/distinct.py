"""Names that must differ: kinds, relation types, and every actor's id, name and aliases.

Two names that differ only in Unicode form, case, accents or invisible
characters would look the same in every output, so they count as one
(compared by :func:`graph.names.name_key`).
"""

from __future__ import annotations

from ..names import name_key
from ..sources import DataPath
from .checker import Checker
from .values import nfc

__all__ = ["check_names_unique", "distinct_name"]


def distinct_name(
    check: Checker, name: str | None, path: DataPath, seen: dict, what: str
) -> str | None:
    """Return a kind's or a type's name in NFC; one that looks like an earlier one is an error.

    ``seen`` maps each folded name declared so far to its name as declared.
    """
    if name is None:
        return None
    name = nfc(name)
    folded = name_key(name)
    if folded in seen:
        check.error(
            path,
            f"{what} {name!r} looks the same as {seen[folded]!r}, declared before: "
            "names must differ beyond case, accents, invisible characters and Unicode form",
            key=True,
        )
        return None
    seen[folded] = name
    return name


def check_names_unique(check: Checker, actor_id: str, spellings: list, named: dict) -> None:
    """Record each spelling of an actor; one that already names another actor is an error.

    ``named`` maps each folded spelling so far to (its actor's id, its path).
    """
    for text, text_path in spellings:
        key = name_key(text)
        owner = named.get(key)
        if owner is None:
            named[key] = (actor_id, text_path)
        elif owner[0] != actor_id:
            check.error(
                text_path,
                f"{text!r} already names actor {owner[0]!r} ({check.where(owner[1])}); "
                "ids, names and aliases must be unique, ignoring case and accents",
            )
