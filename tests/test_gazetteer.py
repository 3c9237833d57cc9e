"""The shared gazetteer: one countries list, well formed, read by look-up, coverage and extract."""

import re
from pathlib import Path

import pytest

from graph.coverage.countries import country_words
from graph.extract.gazetteer import load_gazetteer
from graph.gazetteer import BLOCS, country_named, load_countries, load_words
from graph.names import name_key, place_of

FOLDER = Path(__file__).resolve().parent.parent / "graph" / "gazetteer"


def test_every_line_has_its_columns_and_every_code_is_unique():
    lines = [
        line
        for line in (FOLDER / "countries.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert len(lines) == len(load_countries()) == 199
    assert all(line.count("\t") == 7 for line in lines)
    countries = load_countries()
    states = [country for country in countries if country.name not in BLOCS]
    assert len({country.name for country in countries}) == 199
    assert all(re.fullmatch(r"[A-Z]{2}", country.alpha2) for country in states)
    assert all(re.fullmatch(r"[A-Z]{3}", country.alpha3) for country in states)
    assert len({country.alpha2 for country in states}) == len(states) == 197
    assert len({country.alpha3 for country in states}) == 197


@pytest.mark.parametrize(
    ("name", "names", "adjectives", "capitals"),
    [
        ("Türkiye", {"Turkey"}, {"Turkish"}, {"Ankara"}),
        ("United States", {"USA", "US", "America"}, {"American"}, {"Washington"}),
        ("United Kingdom", {"UK", "Britain", "Great Britain"}, {"British"}, {"London"}),
        ("Russia", {"Russian Federation"}, {"Russian"}, {"Moscow"}),
        ("Ukraine", set(), {"Ukrainian"}, {"Kyiv", "Kiev"}),
        ("France", set(), {"French"}, {"Paris"}),
    ],
)
def test_the_names_people_write_are_listed(name, names, adjectives, capitals):
    country = country_named(name)
    assert names <= set(country.names)
    assert adjectives <= set(country.adjectives)
    assert capitals <= set(country.capitals)


def test_only_two_adjectives_name_two_countries_and_the_first_line_keeps_them():
    seen: dict[str, list[str]] = {}
    for country in load_countries():
        for spelling in (country.name, *country.names, *country.capitals, *country.adjectives):
            names = seen.setdefault(name_key(spelling), [])
            if country.name not in names:
                names.append(country.name)
    assert {key: names for key, names in seen.items() if len(names) > 1} == {
        "congolese": ["Congo", "Democratic Republic of the Congo"],
        "dominican": ["Dominica", "Dominican Republic"],
    }
    assert place_of("Congolese")[0].name == "Congo"


def test_coverage_and_extract_read_the_same_list():
    words = country_words()
    places = load_gazetteer().places
    for country in load_countries():
        for spelling in (country.name, *country.other_names):
            assert name_key(spelling) in words
        assert place_of(country.name)[0] is country
    assert places[("kyiv",)] == ("Ukraine", False)
    assert places[("turkish",)] == ("Türkiye", True)
    assert words["kyiv"] == "another name of Ukraine"


def test_titles_and_generic_words():
    words = load_words()
    assert words["president"] == ("title", "")
    assert words["defence"] == ("title-part", "")
    assert {w for w, (kind, group) in words.items() if group == "military"} == {
        "army",
        "military",
        "troops",
        "soldiers",
    }
