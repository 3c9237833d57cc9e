"""The countries list shipped with the project: names, other names and adjectives.

>>> countries = load_countries()
>>> france = next(c for c in countries if c.name == "France")
>>> france.adjectives
('French',)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Country", "load_countries"]

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
