"""The countries list shipped with the project (a gazetteer): names, other names and adjectives.

>>> countries = load_countries()
>>> france = next(c for c in countries if c.name == "France")
>>> france.adjectives
('French',)

Shared by everything that reads text for actors: :func:`country_words` is
the folded look-up of every country word, with why it looks like an actor.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..names import name_key

__all__ = ["Country", "actor_of", "country_words", "load_countries"]

COUNTRIES_FILE = Path(__file__).with_name("countries.tsv")


@dataclass(frozen=True, slots=True)
class Country:
    """A country (or a bloc news treats as one), its other names and its adjectives."""

    name: str
    other_names: tuple[str, ...]
    adjectives: tuple[str, ...]


@functools.cache
def load_countries() -> tuple[Country, ...]:
    """Return the shipped list, in file order."""
    countries = []
    for line in COUNTRIES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, others, adjectives = [*line.split("\t"), "", ""][:3]
        countries.append(
            Country(
                name,
                tuple(item for item in others.split("|") if item),
                tuple(item for item in adjectives.split("|") if item),
            )
        )
    return tuple(countries)


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
