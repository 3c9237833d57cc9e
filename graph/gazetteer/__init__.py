"""The names people write for countries, and the words of names that are not names.

One list (``countries.tsv`` beside this module, sources in its README) read
by everything that meets a country's name: actor look-up
(:mod:`graph.names`), ``graph coverage`` (:mod:`graph.coverage.countries`)
and ``graph extract`` (:mod:`graph.extract.gazetteer`). Per country: its
ISO 3166-1 codes, other names (short, official, former), adjectives,
demonyms, capitals (with their spellings and seats of government) and other
places news uses for it. ``words.tsv`` lists titles ("President") and
generic words ("army") for look-up.

This is a bottom-layer helper: it reads its files and imports nothing of
the package, so the model and look-up may use it.

>>> turkiye = country_named("Türkiye")
>>> turkiye.alpha2, turkiye.alpha3, turkiye.names[0], turkiye.adjectives, turkiye.capitals
('TR', 'TUR', 'Turkey', ('Turkish',), ('Ankara',))
>>> country_named("Ukraine").capitals
('Kyiv', 'Kiev')
>>> load_words()["president"], load_words()["army"]
(('title', ''), ('generic', 'military'))
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

__all__ = ["BLOCS", "Country", "country_named", "load_countries", "load_words"]

HERE = Path(__file__).resolve().parent
# Entries that are not states: news treats them as one actor all the same.
BLOCS = frozenset({"Europe", "European Union"})


@dataclass(frozen=True, slots=True)
class Country:
    """A country (or a bloc news treats as one) and the names written for it."""

    name: str
    alpha2: str
    alpha3: str
    names: tuple[str, ...]  # other names: short, official, former, abbreviations
    adjectives: tuple[str, ...]  # "French", "British"
    demonyms: tuple[str, ...]  # its people, and adjectives ``adjectives`` lacks: "Britons"
    capitals: tuple[str, ...]  # capitals, their spellings, seats of government: "Kremlin"
    places: tuple[str, ...]  # other cities and parts news uses for it: "Lagos", "England"

    @property
    def other_names(self) -> tuple[str, ...]:
        """Return the names that stand for its government: other names, then capitals."""
        return (*self.names, *self.capitals)

    @property
    def is_bloc(self) -> bool:
        """Return whether it is a bloc (Europe, the European Union) rather than a state."""
        return self.name in BLOCS


def _rows(name: str, columns: int):
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield [*line.split("\t"), *[""] * columns][:columns]


def _listed(cell: str) -> tuple[str, ...]:
    return tuple(item for item in cell.split("|") if item)


@functools.cache
def load_countries() -> tuple[Country, ...]:
    """Return the shipped list, in file order (read once)."""
    return tuple(
        Country(name, alpha2, alpha3, *(_listed(cell) for cell in cells))
        for name, alpha2, alpha3, *cells in _rows("countries.tsv", 8)
    )


def country_named(name: str) -> Country:
    """Return the country whose first column is ``name``; KeyError if none."""
    for country in load_countries():
        if country.name == name:
            return country
    raise KeyError(name)


@functools.cache
def load_words() -> dict[str, tuple[str, str]]:
    """Return ``{word: (class, group)}``: titles, parts of titles and generic words."""
    return {word: (word_class, group) for word, word_class, group in _rows("words.tsv", 3)}
