"""Narrow a dataset before a query: by relation type, sign, evidence state or hedge, actor kind,
date, or without actors.

>>> from graph import load_dataset
>>> small = filter_dataset(load_dataset(), types=["leads"])
>>> sorted({relation.type for relation in small.relations})
['leads']

Dates compare as periods (see :mod:`graph.dates`): a relation dated
``2025-11`` counts from the first day of November, and ``as_of="2025-11"``
means up to the end of November. Undated relations always count.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from .dates import period_end, period_start
from .model import EVIDENCE_STATES, SIGN_NAMES, Dataset
from .problems import QueryError

__all__ = ["filter_dataset", "sign_names"]

# A sign as relations.yaml writes it (sign: -1) names the same sign as its word.
_SIGN_NUMBERS = {"1": "cooperative", "+1": "cooperative", "-1": "hostile", "0": "neutral"}


def filter_dataset(
    dataset: Dataset,
    types: Iterable[str] | str | None = None,
    kinds: Iterable[str] | str | None = None,
    as_of: str | None = None,
    exclude: Iterable[str] | str | None = (),
    signs: Iterable[str] | str | None = None,
    evidence: Iterable[str] | str | None = None,
    hedged: bool = True,
) -> Dataset:
    """Return a copy of ``dataset`` keeping only what the filters allow.

    ``types`` keeps relations of those types; ``signs`` keeps relations whose
    type's sign is named (``"cooperative"``, ``"hostile"``, ``"neutral"``, or
    as the data writes it: ``1``, ``-1``, ``0``);
    ``kinds`` keeps actors of those
    kinds (and the relations between them); ``as_of`` drops relations dated
    after it; ``exclude`` removes actors (ids, names or aliases) and their
    relations; ``evidence`` keeps relations in those evidence states
    (``"verified"``, ``"located"``, ``"asserted"``); ``hedged=False`` leaves
    out hedged relations. Unknown types, kinds, states, dates or actors raise
    :class:`QueryError`.
    """
    states = _checked(_as_list(evidence), EVIDENCE_STATES, "evidence state")
    types = _checked(_as_list(types), dataset.types, "relation type")
    signs = _checked(sign_names(_as_list(signs)), SIGN_NAMES.values(), "sign")
    if signs is not None:
        by_sign = {name for name, kind in dataset.types.items() if kind.sign_name in signs}
        types = by_sign if types is None else types & by_sign
    known_kinds = dataset.kinds or {actor.kind: None for actor in dataset.actors.values()}
    kinds = _checked(_as_list(kinds), known_kinds, "kind")
    if as_of is not None and not isinstance(as_of, str):
        raise QueryError(f"as_of must be a date written as text (YYYY[-MM[-DD]]), not {as_of!r}")
    try:
        limit = period_end(as_of) if as_of is not None else None
    except ValueError as error:
        raise QueryError(f"invalid as-of date: {error}") from None
    removed = {dataset.find_actor(name).id for name in _as_list(exclude) or ()}
    actors = {
        actor_id: actor
        for actor_id, actor in dataset.actors.items()
        if actor_id not in removed and (kinds is None or actor.kind in kinds)
    }
    relations = [
        relation
        for relation in dataset.relations
        if relation.source in actors
        and relation.target in actors
        and (types is None or relation.type in types)
        and (limit is None or relation.date is None or period_start(relation.date) <= limit)
        and (states is None or relation.evidence_state in states)
        and (hedged or not relation.hedged)
    ]
    if len(actors) == len(dataset.actors) and len(relations) == len(dataset.relations):
        return dataset
    return replace(dataset, actors=actors, relations=relations)


def sign_names(values: Iterable[str | int] | None) -> list[str] | None:
    """Return signs as words, reading the numbers of relations.yaml too.

    >>> sign_names(["-1", 1, "neutral"])
    ['hostile', 'cooperative', 'neutral']
    """
    if values is None:
        return None
    return [_SIGN_NUMBERS.get(str(value).strip(), value) for value in values]


def _checked(values: Iterable[str] | None, known, what: str) -> set[str] | None:
    if values is None:
        return None
    from .suggest import did_you_mean

    values = set(values)
    known = set(known)
    unknown = sorted(values - known, key=str)
    if unknown:
        choices = ", ".join(sorted(known))
        hint = did_you_mean(str(unknown[0]), sorted(known)) if len(unknown) == 1 else []
        suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
        raise QueryError(
            f"unknown {what} {', '.join(map(repr, unknown))}{suggestion} (choose from: {choices})"
        )
    return values


def _as_list(values: Iterable[str] | str | int | None) -> list[str] | None:
    """Accept one name as well as several, so ``types="leads"`` is not read letter by letter."""
    if values is None:
        return None
    return [values] if isinstance(values, (str, int)) else list(values)
