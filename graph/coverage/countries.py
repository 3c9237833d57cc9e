"""Country words for coverage, from the shared gazetteer (:mod:`graph.gazetteer`).

>>> countries = load_countries()
>>> france = next(c for c in countries if c.name == "France")
>>> france.adjectives
('French',)

Shared by everything that reads text for actors: :func:`country_words` is
the folded look-up of every country word, with why it looks like an actor.
"""

from __future__ import annotations

from collections.abc import Callable

from ..gazetteer import Country, load_countries
from ..names import name_key

__all__ = ["Country", "actor_of", "country_words", "load_countries"]


def actor_of(country: Country, find: Callable[[str], str | None]) -> str | None:
    """Return the actor id ``find`` gives for the first of ``country``'s names it knows, or None.

    ``find`` looks a name up, e.g. a dataset's ``index.get``.
    """
    names = (country.name, *country.other_names)
    return next((find(name) for name in names if find(name)), None)


def country_words(find: Callable[[str], str | None] | None = None) -> dict[str, str]:
    """Return ``{folded word: why it looks like an actor}`` for every country word of the list.

    A country's name is ``"a country"``, its other names ``"another name of
    NAME"``, its adjectives ``"adjective of NAME"``; the first reason given
    for a word wins (file order). With ``find`` (a name to an actor id, see
    :func:`actor_of`), other names also say which actor the country is.

    >>> words = country_words()
    >>> words["france"], words["french"]
    ('a country', 'adjective of France')
    """
    words: dict[str, str] = {}
    for country in load_countries():
        names = (country.name, *country.other_names)
        known = actor_of(country, find) if find is not None else None
        for name in names:
            words.setdefault(
                name_key(name),
                f"another name of {country.name}" + (f" ({known})" if known else "")
                if name != country.name
                else "a country",
            )
        for adjective in country.adjectives:
            words.setdefault(name_key(adjective), f"adjective of {country.name}")
    return words
