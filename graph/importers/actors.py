"""Foreign actor codes -> our actors: a country code alone is a country; else code and name.

CAMEO (GDELT, PLOVER) codes an actor by a country code and type codes
(``USAGOV``: the US government); CAMEO's own codes (``IGO``, ``NGO``) cover
many organisations. An actor whose code names a country is keyed by that
code alone (``usa``), and every spelling met becomes an alias; any other
actor is keyed by its code and its name (``igo-united-nations``).

>>> country_name("GBR"), country_name("IGO")
('United Kingdom', None)
>>> kind_of_type_codes(["GOV"]), kind_of_type_codes([]), kind_of_type_codes(["XXX"])
('government', 'group', 'group')
"""

from __future__ import annotations

from .mappings import mapping

__all__ = ["country_name", "kind_of_type_codes"]

DEFAULT_KIND = "group"


def country_name(code: str) -> str | None:
    """Return the name of the country a CAMEO country code stands for, or None."""
    row = mapping("cameo_countries").get(code.upper())
    return row["name"] if row else None


def kind_of_type_codes(codes) -> str:
    """Return the kind the first known CAMEO type code gives (``group`` when none is known)."""
    types = mapping("cameo_actor_types")
    for code in codes:
        if code and code.upper() in types:
            return types[code.upper()]["kind"]
    return DEFAULT_KIND


def kind_description(kind: str) -> str:
    """Return a description of a kind the importers make."""
    if kind == "country":
        return "A country, keyed by its CAMEO country code."
    for row in mapping("cameo_actor_types").values():
        if row["kind"] == kind:
            return f"An actor coded as {row['meaning']} (CAMEO {row['code']}) or alike."
    return "An actor whose type the source does not say."
