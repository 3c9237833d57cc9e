"""Checks every query shares: known actors, counts.

Each raises :class:`~graph.problems.QueryError` with one wording, whichever
query asks. The checks the engines share too live lower down, in
:mod:`graph.choices` (one of a few names) and :mod:`graph.weights`
(weights fit to compute with).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Dataset
from ..problems import QueryError

__all__ = ["actor_id", "check_actors", "check_count"]


def check_actors(dataset: Dataset, actor_ids: Iterable[str]) -> None:
    """Raise QueryError for the first id that is not an actor of ``dataset``.

    >>> from graph.model import Actor, Dataset
    >>> check_actors(Dataset({"uk": Actor("uk", "UK", "country")}, {}, []), ["uk", "fr"])
    Traceback (most recent call last):
    graph.problems.QueryError: unknown actor id 'fr'
    """
    for actor_id in actor_ids:
        if actor_id not in dataset.actors:
            raise QueryError(f"unknown actor id {actor_id!r}")


def actor_id(dataset: Dataset, query: str) -> str:
    """Return the id of the actor ``query`` names: an id, a name or an alias, as the CLI accepts.

    An exact id is taken as it is (no look-up cost); anything else goes
    through :meth:`Dataset.find_actor`, which raises UnknownActorError or
    AmbiguousActorError (both QueryErrors).

    >>> from graph.model import Actor, Dataset
    >>> actor_id(Dataset({"uk": Actor("uk", "United Kingdom", "country")}, {}, []), "kingdom")
    'uk'
    """
    if not isinstance(query, str):
        raise QueryError(f"an actor is named by its id, name or alias, not {query!r}")
    if query in dataset.actors:
        return query
    return dataset.find_actor(query).id


def check_count(value, what: str, optional: bool = True) -> None:
    """Raise QueryError unless ``value`` is a whole number of at least 1 (or None when optional).

    >>> check_count(0, "top")
    Traceback (most recent call last):
    graph.problems.QueryError: top must be a whole number of at least 1, not 0
    """
    if value is None and optional:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise QueryError(f"{what} must be a whole number of at least 1, not {value!r}")
