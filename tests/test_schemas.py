"""The JSON Schemas shipped for editors accept the seed and refuse broken files."""

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

SCHEMAS = Path(__file__).resolve().parents[1] / "graph/schemas"
DATA = Path(__file__).resolve().parents[1] / "data"


def schema(name):
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def as_json(path):
    # A YAML language server sees dates as strings; BaseLoader keeps every scalar a string
    # so compare through JSON-compatible values.
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


@pytest.mark.parametrize("name", ["actors", "relations"])
def test_schema_is_valid_and_accepts_the_seed(name):
    jsonschema.Draft202012Validator.check_schema(schema(name))
    jsonschema.validate(as_json(DATA / f"{name}.yaml"), schema(name))


def test_actor_schema_refuses_bad_id_and_unknown_field():
    validator = jsonschema.Draft202012Validator(schema("actors"))
    bad = {"actors": [{"id": "Bad Id", "name": "X", "kind": "country", "nick": "x"}]}
    messages = sorted(error.message for error in validator.iter_errors(bad))
    assert len(messages) == 2
    assert any("does not match" in m for m in messages)
    assert any("'nick' was unexpected" in m for m in messages)


def test_relation_schema_refuses_bad_sign_and_weight():
    validator = jsonschema.Draft202012Validator(schema("relations"))
    bad = {
        "types": {"x": {"sign": 2}},
        "relations": [{"source": "a", "type": "x", "target": "b", "evidence": "q", "weight": 0}],
    }
    assert len(list(validator.iter_errors(bad))) == 2


def test_relation_schema_accepts_every_new_field_and_refuses_bad_ones():
    validator = jsonschema.Draft202012Validator(schema("relations"))
    fields = Path(__file__).resolve().parent / "data" / "fields" / "relations.yaml"
    assert list(validator.iter_errors(as_json(fields))) == []
    bad = {
        "settings": {"evidence_allowed": ["checked"]},
        "types": {"x": {"sign": 1, "role": "opinion"}},
        "relations": [
            {"source": "a", "type": "x", "target": "b", "hedged": "yes"},
            {"source": "a", "type": "x", "target": "b", "evidence_state": "located"},
        ],
    }
    messages = sorted(error.message for error in validator.iter_errors(bad))
    assert messages == [
        "'checked' is not one of ['verified', 'located', 'asserted']",
        "'evidence' is a required property",
        "'locator' is a required property",
        "'opinion' is not one of ['action', 'commentary', 'affiliation']",
        "'yes' is not of type 'boolean'",
    ]
