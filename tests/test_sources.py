"""The two YAML readings (yaml-rs fast, PyYAML located) give the same data and the same problems.

Every hostile file is loaded through both parsers (``GRAPH_YAML_PARSER``) and
must give identical results: the same dataset, or the same problems with the
same lines and columns.
"""

from __future__ import annotations

import pytest

from graph import DatasetError, load_dataset
from graph.sources import read_yaml_text, yaml_fast, yaml_located

from .conftest import ACTORS, RELATIONS

PARSERS = ["fast", "pyyaml"]


def outcome(folder, parser: str, monkeypatch) -> tuple:
    """Load ``folder`` with ``parser``; return the data loaded, or every problem as text."""
    monkeypatch.setenv("GRAPH_YAML_PARSER", parser)
    try:
        dataset = load_dataset(folder)
    except DatasetError as error:
        return "problems", [str(p).replace(f"{folder}/", "") for p in error.problems]
    return (
        "dataset",
        [a.to_dict() for a in dataset.actors.values()],
        [r.to_dict() for r in dataset.relations],
        {name: (t.sign, t.symmetric) for name, t in dataset.types.items()},
        [str(w).replace(f"{folder}/", "") for w in dataset.warnings],
    )


def same_on_both(folder, monkeypatch) -> tuple:
    fast = outcome(folder, "fast", monkeypatch)
    slow = outcome(folder, "pyyaml", monkeypatch)
    assert fast == slow
    return fast


# Scalars YAML versions and parsers read differently, written plain in every
# field they could land in: both readings must agree on each.
SCALARS = [
    "No", "NO", "no", "yes", "Yes", "on", "OFF", "y", "true", "False", "~", "null", "''",
    "010", "-010", "08", "0o17", "0x1F", "0b11", "1_000", "_1", "1:30", "190:20:30",
    "1e3", "1.0e3", "1E-9", ".inf", "-.inf", ".NaN", "-.nan", "+1", "-0", "1.", ".5",
    '"1e3"', "'No'", "2025-01-01", "2025-1-1 10:00:00", "2025-02-30", "<<", "=",
    "!!int abc", "!!bool maybe", "!!float abc", "!!null x", "!!str 12", "!!int 7",
    "1" + "0" * 4400, "[1]", "{a: 1}", "&a x", "*nowhere", "'x' # comment", '"tab\\there"',
    '"\\u00e9t\\u00e9"',
]  # fmt: skip

PLACES = {
    "name": ("actors", "    name: Freedonia\n", "    name: {}\n"),
    "alias": ("actors", "    name: Freedonia\n", "    name: Freedonia\n    aliases: [{}]\n"),
    "kind": ("actors", "    kind: country\n  - id: freedonia", "    kind: {}\n  - id: freedonia"),
    "sign": ("relations", "{sign: 1, symmetric: true}", "{{sign: {}, symmetric: true}}"),
    "symmetric": ("relations", "{sign: 1, symmetric: true}", "{{sign: 1, symmetric: {}}}"),
    "type key": ("relations", "  allied_with: {sign: 1, symmetric: true}\n",
                 "  allied_with: {{sign: 1, symmetric: true}}\n  {}: {{sign: 0}}\n"),
    "date": ("relations", "alliance\"\n", "alliance\"\n    date: {}\n"),
    "weight": ("relations", "alliance\"\n", "alliance\"\n    weight: {}\n"),
}  # fmt: skip


@pytest.mark.parametrize("place", sorted(PLACES))
@pytest.mark.parametrize("scalar", SCALARS, ids=lambda s: s[:12])
def test_every_scalar_means_the_same_on_both_readings(write_dataset, monkeypatch, place, scalar):
    which, old, new = PLACES[place]
    files = {"actors": ACTORS, "relations": RELATIONS}
    assert old in files[which]
    files[which] = files[which].replace(old, new.format(scalar), 1)
    same_on_both(write_dataset(**files), monkeypatch)


@pytest.mark.parametrize("parser", PARSERS)
def test_norway_is_a_boolean_on_both_readings(write_dataset, monkeypatch, parser):
    folder = write_dataset(actors=ACTORS.replace("name: Freedonia", "name: NO"))
    assert outcome(folder, parser, monkeypatch) == (
        "problems",
        ["actors.yaml:6:11: error: name must be a string, not a boolean ('NO') (put it in quotes)"],
    )


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("sign: !!int abc", "'abc' is not a valid !!int value"),
        ("symmetric: !!bool maybe", "'maybe' is not a valid !!bool value (true or false)"),
        ("sign: 010", "the number '010' is read differently by different YAML versions"
         " (YAML 1.1 reads it as 8): write it in plain decimal, or in quotes to keep it as text"),
        ("sign: 1:30", "the number '1:30' is read differently by different YAML versions"
         " (YAML 1.1 reads it as 90): write it in plain decimal, or in quotes to keep it as text"),
        ("sign: 1" + "0" * 4400, "the integer '10000000000000000000'… has too many digits (4,401)"),
    ],
)  # fmt: skip
def test_tagged_and_ambiguous_scalars_are_located_errors(
    write_dataset, monkeypatch, parser, field, message
):
    relations = RELATIONS.replace("{sign: 1, symmetric: true}", "{sign: 1, symmetric: true}", 1)
    relations = relations.replace("  allied_with: {sign: 1, symmetric: true}\n", "  allied_with:\n")
    relations = relations.replace("  allied_with:\n", f"  allied_with:\n    {field}\n")
    folder = write_dataset(relations=relations)
    column = field.index(" ") + 6
    assert outcome(folder, parser, monkeypatch) == (
        "problems",
        [f"relations.yaml:4:{column}: error: {message}"],
    )


@pytest.mark.parametrize("parser", PARSERS)
def test_weights_in_exponent_form_are_numbers_on_both_readings(write_dataset, monkeypatch, parser):
    folder = write_dataset(relations=RELATIONS + "    weight: 2.5e2\n")
    loaded = outcome(folder, parser, monkeypatch)
    assert loaded[0] == "dataset"
    assert loaded[2][0]["weight"] == 250.0


@pytest.mark.parametrize("parser", PARSERS)
def test_aliases_of_a_long_string_are_refused_by_characters(write_dataset, monkeypatch, parser):
    # A 100,000-character string aliased 200 times: few values, 20 million characters.
    lines = ["base: &long " + "x" * 100_000, "copies:"] + ["  - *long"] * 200
    folder = write_dataset(actors="\n".join(lines) + "\n")
    assert outcome(folder, parser, monkeypatch)[1] == [
        "actors.yaml:3:3: error: anchors and aliases expand to more than 10,000,000 characters;"
        " refusing to load (write the values out instead)",
    ]


def test_the_character_limit_grows_with_the_file():
    text = "a: &a " + "x" * 6_000_000 + "\nb: *a\n"  # 12 million characters from a 6 MB file
    source, problems = yaml_located.read(text, "x.yaml")
    assert problems == []
    assert source.data["b"] is source.data["a"]


def test_clean_files_are_read_fast_and_suspect_strings_are_flagged():
    source, problems = read_yaml_text("actors: [{id: a, name: Ann, kind: person}]\n", "x.yaml")
    assert problems == [] and not source.is_located
    assert source.suspect("NO") and source.suspect("1:30") and not source.suspect("Norway")
    located, problems = source.located()
    assert located.is_located and located.data == source.data
    assert located.locator.position(("actors", 0, "name")) == (1, 24)


@pytest.mark.parametrize(
    "text",
    [
        "a: !!str x\n", "a: &x 1\nb: *x\n", "%YAML 1.1\n---\na: 1\n", "a: 1\n---\nb: 2\n",
        'a: "\\x41"\n', "a:\n\t- 1\n", "a: b\x85c\n", "a: 010\n", "a: [0o17]\n", "a: {b: _1}\n",
    ],
)  # fmt: skip
def test_the_pre_scan_sends_risky_text_to_the_located_reading(text):
    assert yaml_fast.risky(text) is not None
    assert yaml_fast.read(text, "x.yaml") is None


@pytest.mark.parametrize(
    "text",
    [
        'evidence: "said no, then 08:00 came & went!"\n',
        "date: 2025-01-02\nweight: 0.5\nn: -1\n",
        "path: docs/d0001.txt\nid: a_1\n",
    ],
)
def test_the_pre_scan_lets_ordinary_text_through(text):
    assert yaml_fast.risky(text) is None


LONG = "k" * 1100  # a key past YAML's 1,024 characters


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("  allied_with: {sign", f"  {LONG}: {{sign: 0}}\n  allied_with: {{sign", "3:3"),
        ("  allied_with: {sign", f"  {LONG} : {{sign: 0}}\n  allied_with: {{sign", "3:3"),
        ("{article: article.txt}", f"{{article: article.txt, {LONG}: article.txt}}", "1:35"),
        ("  - source: ruritania", f"  - {LONG}: 1\n    source: ruritania", "5:5"),
    ],
    ids=["block", "space before colon", "flow", "list item"],
)
def test_a_key_too_long_for_yaml_is_named_where_it_starts(
    write_dataset, monkeypatch, old, new, where
):
    # D27: the parser gives up on a key past 1,024 characters; it is not bad indentation.
    relations = RELATIONS.replace(old, new)
    assert relations != RELATIONS
    kind, problems = same_on_both(write_dataset(relations=relations), monkeypatch)
    length = len(LONG) + (" :" in new)
    assert (kind, problems) == (
        "problems",
        [
            f"relations.yaml:{where}: error: this key runs {length:,} characters up to its ':'; "
            "YAML allows at most 1,024: shorten it"
        ],
    )
