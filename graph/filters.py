"""Narrow a dataset before a query: by relation type, actor kind, date, or without some actors.

>>> from graph import load_dataset
>>> small = filter_dataset(load_dataset(), types=["leads"])
>>> sorted({relation.type for relation in small.relations})
['leads']

Dates compare as periods: a relation dated ``2025-11`` counts from the first
day of November, and ``as_of="2025-11"`` means up to the end of November.
Undated relations always count.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable
from dataclasses import replace

from .load import DATE_PATTERN
from .model import Dataset
from .problems import QueryError

__all__ = ["filter_dataset", "period_end", "period_start"]


def filter_dataset(
    dataset: Dataset,
    types: Iterable[str] | None = None,
    kinds: Iterable[str] | None = None,
    as_of: str | None = None,
    exclude: Iterable[str] = (),
) -> Dataset:
    """Return a copy of ``dataset`` keeping only what the filters allow.

    ``types`` keeps relations of those types; ``kinds`` keeps actors of those
    kinds (and the relations between them); ``as_of`` drops relations dated
    after it; ``exclude`` removes actors (ids, names or aliases) and their
    relations. Unknown types, kinds, dates or actors raise :class:`QueryError`.
    """
    types = _checked(types, dataset.types, "relation type")
    kinds = _checked(
        kinds, dataset.kinds or {a.kind: None for a in dataset.actors.values()}, "kind"
    )
    limit = period_end(as_of) if as_of is not None else None
    removed = {dataset.find_actor(name).id for name in exclude}
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
    ]
    if len(actors) == len(dataset.actors) and len(relations) == len(dataset.relations):
        return dataset
    return replace(dataset, actors=actors, relations=relations)


def period_start(date: str) -> datetime.date:
    """Return the first day of a YYYY, YYYY-MM or YYYY-MM-DD period.

    >>> period_start("2025-11")
    datetime.date(2025, 11, 1)
    """
    year, month, day = _parts(date)
    return datetime.date(year, month or 1, day or 1)


def period_end(date: str) -> datetime.date:
    """Return the last day of a YYYY, YYYY-MM or YYYY-MM-DD period.

    >>> period_end("2024-02")
    datetime.date(2024, 2, 29)
    """
    year, month, day = _parts(date)
    month = month or 12
    return datetime.date(year, month, day or calendar.monthrange(year, month)[1])


def _parts(date: str) -> tuple[int, int | None, int | None]:
    match = DATE_PATTERN.fullmatch(date)
    if match:
        year, month, day = (int(part) if part else None for part in match.groups())
        try:
            datetime.date(year, month or 1, day or 1)
            return year, month, day
        except ValueError:
            pass
    raise QueryError(f"invalid date {date!r}: use YYYY, YYYY-MM or YYYY-MM-DD")


def _checked(values: Iterable[str] | None, known, what: str) -> set[str] | None:
    if values is None:
        return None
    values = set(values)
    unknown = sorted(values - set(known))
    if unknown:
        choices = ", ".join(sorted(known))
        raise QueryError(f"unknown {what} {', '.join(map(repr, unknown))} (choose from: {choices})")
    return values
