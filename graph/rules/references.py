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

__all__ = [
    "actor_reference",
    "document_reference",
    "kind_reference",
    "report_unknown_kinds",
    "report_unknown_types",
    "type_hint",
    "type_reference",
]


def kind_reference(
    check: Checker,
    fields: dict,
    at: dict,
    kinds: dict[str, Kind] | None,
    context: Context | None = None,
):
    """Return an actor's kind in NFC (kept even when undeclared, after saying so), or None.

    With a ``context``, an undeclared kind is only noted there, and reported
    once for all the actors of that kind by :func:`report_unknown_kinds`.
    """
    kind = check.string(fields["kind"], at["kind"], "kind") if "kind" in fields else None
    kind = nfc(kind)
    if kind is not None and kinds is not None and kind not in kinds:
        if context is not None:
            context.unknown_kinds.setdefault(kind, []).append(at["kind"])
        else:
            _unknown_kind(check, kind, [at["kind"]], kinds)
    return kind


def report_unknown_kinds(check: Checker, kinds: dict[str, Kind] | None, context: Context) -> None:
    """Report each undeclared kind once, at its first actor, counting the others."""
    for kind, paths in context.unknown_kinds.items():
        _unknown_kind(check, kind, paths, kinds or {})
    context.unknown_kinds.clear()


def _unknown_kind(check: Checker, kind: str, paths: list, kinds: dict[str, Kind]) -> None:
    hint = next(iter(did_you_mean(kind, kinds)), None)
    declared = f"declared: {_listing(kinds)}" if kinds else "no kinds are declared"
    check.error(
        paths[0],
        f"unknown kind {kind!r}{_used_by(check, paths, 'actors')} ({declared}); declare it "
        + (
            "in the kinds table"
            if check.from_tables
            else "under 'kinds:' at the top of actors.yaml"
        ),
        hint,
    )


def type_reference(
    check: Checker,
    fields: dict,
    at: dict,
    types: dict[str, RelationType] | None,
    context: Context | None = None,
) -> str | None:
    """Return a relation's type in NFC, or None when it is missing, refused or undeclared.

    With a ``context``, an undeclared type is only noted there, and reported
    once for all the relations using it by :func:`report_unknown_types`.
    """
    type_name = check.string(fields["type"], at["type"], "type") if "type" in fields else None
    type_name = nfc(type_name)
    if type_name is not None and types is not None and type_name not in types:
        if context is not None:
            context.unknown_types.setdefault(type_name, []).append(at["type"])
        else:
            _unknown_type(check, type_name, [at["type"]], types)
        return None
    return type_name


def report_unknown_types(
    check: Checker, types: dict[str, RelationType] | None, context: Context
) -> None:
    """Report each undeclared type once, at its first relation, counting the others."""
    if not context.unknown_types:
        return
    types = types or {}
    matcher = word_matcher(types)  # built once, however many types are undeclared
    for type_name, paths in context.unknown_types.items():
        _unknown_type(check, type_name, paths, types, matcher)
    context.unknown_types.clear()


def _unknown_type(
    check: Checker, type_name: str, paths: list, types: dict[str, RelationType], matcher=None
) -> None:
    declared = f"declared — {_listing_by_sign(types)}" if types else "no types are declared"
    check.error(
        paths[0],
        f"unknown relation type {type_name!r}{_used_by(check, paths, 'relations')} ({declared}); "
        "declare it "
        + (
            "in the types table, with its sign"
            if check.from_tables
            else "under 'types:' at the top of relations.yaml, with its sign"
        ),
        type_hint(type_name, types, matcher),
    )


def type_hint(type_name: str, types: dict[str, RelationType], matcher=None) -> str | None:
    """Return the declared type ``type_name`` most likely means, or None.

    A type whose name or description shares a word with it (stemmed:
    ``sanctions`` finds "Threatens, sanctions or sets out to deter"), unless
    one is spelt almost like it (a slip of the keyboard) and does not have
    the opposite sign: a type of the opposite meaning never comes first.
    Otherwise the closest spelling. ``matcher`` is :func:`word_matcher`'s
    index of ``types``, when several questions share it.

    >>> types = {
    ...     "stations_in": RelationType("stations_in", 0, description="Stations forces in"),
    ...     "threatens": RelationType("threatens", -1, description="Threatens or sanctions"),
    ... }
    >>> type_hint("sanctions", types), type_hint("station_in", types)
    ('threatens', 'stations_in')
    """
    from ..suggest import close_spelling

    matcher = word_matcher(types) if matcher is None else matcher
    by_words = matcher.rank(type_name, count=1)
    if not by_words:
        return next(iter(did_you_mean(type_name, types)), None)
    meant = by_words[0]
    slip = close_spelling(type_name, types)
    if slip is not None and types[slip].sign * types[meant].sign >= 0:
        return slip  # not of the opposite sign (a product below 0)
    return meant


def word_matcher(types: dict[str, RelationType]):
    """Return the index of ``types`` by the words of their names and descriptions."""
    from ..suggest import WordMatcher

    texts = {
        name: f"{name.replace('_', ' ')} {kind.description or ''}" for name, kind in types.items()
    }
    return WordMatcher(texts)


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


SIGN_WORDS = {1: "cooperative", 0: "neutral", -1: "hostile"}


def _listing_by_sign(types: dict[str, RelationType], limit: int = 10) -> str:
    """Return the declared types grouped by sign, each group cut at ``limit``: every sign shows.

    >>> _listing_by_sign({"leads": RelationType("leads", 1), "fights": RelationType("fights", -1)})
    'cooperative: leads; hostile: fights'
    """
    groups = []
    for sign in (1, 0, -1):
        names = [name for name, kind in types.items() if kind.sign == sign]
        if names:
            groups.append(f"{SIGN_WORDS[sign]}: {_listing(names, limit)}")
    return "; ".join(groups)


def _used_by(check: Checker, paths: list, what: str) -> str:
    """Return ", used by 6 relations (lines 7, 12, …)" for a name used at several ``paths``."""
    if len(paths) < 2:
        return ""
    unit = "rows" if check.from_tables else "lines"
    places = _listing([str(check.line(path)) for path in paths], limit=8)
    return f", used by {len(paths)} {what} ({unit} {places})"


def _listing(names, limit: int = 10) -> str:
    names = list(names)
    more = f", … ({len(names) - limit} more)" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more
