"""Places and words that name actors: countries, capitals, demonyms, titles, bodies.

Countries, their other names, capitals, other places, adjectives and
demonyms come from the shared gazetteer (:mod:`graph.gazetteer`, which look-up
and ``graph coverage`` read too); the words that make a phrase an actor
(titles, organisation words, groups) are in ``actor_words.tsv`` here.

>>> gazetteer = load_gazetteer()
>>> gazetteer.places[("kiev",)], gazetteer.places[("ghanaians",)]
(('Ukraine', False), ('Ghana', True))
>>> gazetteer.words["ministry"]["organisation"]
'organisation'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from ..coverage.text import tokenize
from ..gazetteer import BLOCS, load_countries
from ..names import name_key

__all__ = ["Gazetteer", "folded_words", "load_gazetteer"]

HERE = Path(__file__).resolve().parent


def folded_words(text: str) -> tuple[str, ...]:
    """Return the folded words of ``text`` as the extractor compares them.

    >>> folded_words("Britain’s Defence  Ministry")
    ('britain', 's', 'defence', 'ministry')
    """
    return tuple(name_key(word.text) for word in tokenize(text))


@dataclass
class Gazetteer:
    """``places``: folded words -> (country, is an adjective or demonym); ``words``: word ->
    {class: kind}; ``exact``: the folded spellings written in capitals (US), matched as written."""

    places: dict[tuple[str, ...], tuple[str, bool]]
    exact: dict[tuple[str, ...], str]
    words: dict[str, dict[str, str]]
    longest: int


def _rows(name: str):
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield [*line.split("\t"), "", ""][:3]


@functools.cache
def load_gazetteer() -> Gazetteer:
    """Return the shipped gazetteer (read once)."""
    places: dict[tuple[str, ...], tuple[str, bool]] = {}
    exact: dict[tuple[str, ...], str] = {}

    def add(spelling: str, country: str, adjective: bool) -> None:
        words = folded_words(spelling)
        if not words:
            return
        places.setdefault(words, (country, adjective))
        if spelling.isupper() or spelling.replace(".", "").isupper():
            exact.setdefault(words, " ".join(word.text for word in tokenize(spelling)))

    for country in load_countries():
        add(country.name, country.name, False)
        for other in country.other_names:
            add(other, country.name, False)
        for adjective in country.adjectives:
            add(adjective, country.name, True)
            if adjective.endswith(("an", "i")):  # Americans, Israelis
                add(adjective + "s", country.name, True)
        for place in country.places:
            add(place, country.name, False)
        for demonym in country.demonyms:
            add(demonym, country.name, True)
    words: dict[str, dict[str, str]] = {}
    for word, word_class, kind in _rows("actor_words.tsv"):
        words.setdefault(word, {})[word_class] = kind
    longest = max(len(key) for key in places)
    return Gazetteer(places, exact, words, longest)


def country_kind(country: str) -> str:
    """Return the kind of a gazetteer entry: ``bloc`` for Europe and the EU, else ``country``."""
    return "bloc" if country in BLOCS else "country"
