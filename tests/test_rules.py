"""The rules package: both lanes of the relation rules give the same answer on every rule's cases.

The bulk lane (:func:`graph.rules.relations.relations_in_bulk`) never
reports; it must accept exactly the relations the one-by-one lane
(:func:`graph.rules.relations.relations_one_by_one`) finds nothing wrong
with, and give the same relations. Each case below is one relation, placed
among valid ones, breaking (or keeping) one rule; each runs with one, two,
a file and a URL, and no documents declared, with every evidence state
allowed and with none but ``verified`` (the default), on the fast reading
and on the located one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from graph.evidence import DocumentIndex
from graph.rules import Checker, Context, check_actors_file
from graph.rules.checker import MISSING
from graph.rules.documents import check_documents, check_roots
from graph.rules.relation_types import check_types
from graph.rules.relations import relations_in_bulk, relations_one_by_one
from graph.rules.settings import check_settings
from graph.sources import NotLocated, read_yaml
from graph.sources.text import read_utf8

ACTORS = """\
kinds:
  state:
actors:
  - {id: uk, name: United Kingdom, kind: state, aliases: [Britain]}
  - {id: france, name: France, kind: state}
  - {id: russia, name: Russia, kind: state, aliases: [Kremlin]}
  - {id: Bad Id, name: Bad Actor, kind: state}
"""
DOCUMENT = (
    "Britain supports France in every way. France and Russia talk often about the weather. "
    "Russia could support Britain, reportedly.\n"
)
DOCUMENTS = {
    "one document": "documents:\n  one: one.txt\n",
    "two documents": "documents:\n  one: one.txt\n  two: two.txt\n",
    "a file and a URL": "documents:\n  one: one.txt\n  web: https://example.org/news/1\n",
    "no documents": "",
}
SETTINGS = {
    "every state allowed": "settings:\n  evidence_allowed: [verified, located, asserted]\n",
    "verified only": "",
}
TYPES = """\
types:
  supports: {sign: 1}
  talks: {sign: 0, symmetric: true}
"""
VALID = [
    '{source: uk, type: supports, target: france, evidence: "Britain supports France"}',
    '{source: france, type: talks, target: russia, evidence: "France and Russia talk often"}',
]
# One relation each, as written in relations.yaml (the document is added where two are declared).
CASES = {
    "valid": '{source: uk, type: talks, target: russia, evidence: "supports France in every way"}',
    "valid, dated and weighted": "{source: uk, type: supports, target: russia, "
    'evidence: "talk often about the weather", date: 2025-11, weight: 2}',
    "valid, a day": "{source: uk, type: supports, target: russia, "
    'evidence: "talk often about the weather", date: "2025-11-03"}',
    "valid, a year as an integer": "{source: uk, type: supports, target: russia, "
    'evidence: "talk often about the weather", date: 2025, weight: 0.5}',
    "valid, a tab in the quote": "{source: uk, type: supports, target: russia, "
    'evidence: "France and\\tRussia talk"}',
    "valid, case and spaces folded": "{source: uk, type: supports, target: russia, "
    'evidence: "supports  FRANCE in every"}',
    "valid, symmetric the other way, another quote": "{source: russia, type: talks, "
    'target: france, evidence: "talk often about the weather"}',
    "unknown source": "{source: germany, type: supports, target: france, "
    'evidence: "Britain supports France"}',
    "source by name": "{source: Britain, type: talks, target: france, "
    'evidence: "Britain supports France"}',
    "source an actor with a bad id": "{source: Bad Actor, type: talks, target: france, "
    'evidence: "Britain supports France"}',
    "source not a string": "{source: 12, type: talks, target: france, "
    'evidence: "Britain supports France"}',
    "unknown target": "{source: uk, type: supports, target: frnace, "
    'evidence: "Britain supports France"}',
    "self-loop": '{source: uk, type: supports, target: uk, evidence: "Britain supports France"}',
    "unknown type": "{source: uk, type: support, target: russia, "
    'evidence: "Britain supports France"}',
    "type not a string": "{source: uk, type: [supports], target: russia, "
    'evidence: "Britain supports"}',
    "evidence a number": "{source: uk, type: supports, target: russia, evidence: 12345678}",
    "evidence empty": '{source: uk, type: supports, target: russia, evidence: "  "}',
    "evidence with a control character": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain\\a supports France"}',
    "evidence with a bidirectional override": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain \\u202esupports France"}',
    "evidence a YAML 1.1 boolean": "{source: uk, type: supports, target: russia, evidence: NO}",
    "evidence too short": '{source: uk, type: supports, target: russia, evidence: "France"}',
    "evidence not in the document": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain opposes France"}',
    "written twice": VALID[0],
    "written twice, folded": "{source: uk, type: supports, target: france, "
    'evidence: "BRITAIN  supports France"}',
    "written twice, symmetric the other way": "{source: russia, type: talks, target: france, "
    'evidence: "France and Russia talk often"}',
    "unknown document": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain supports France", document: three}',
    "document not a string": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain supports France", document: [one]}',
    "date not a date": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain supports France", date: 2025-13}',
    "date a list": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain supports France", date: [2025]}',
    "date a number": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain supports France", date: 2025.5}',
    "date a boolean": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain supports France", date: yes}',
    "date a huge integer": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain supports France", date: 99999999999999999999}',
    "weight zero": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain supports France", weight: 0}',
    "weight too large": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain supports France", weight: 1e7}',
    "weight a boolean": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain supports France", weight: true}',
    "weight a string": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain supports France", weight: "2"}',
    "weight not a number": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain supports France", weight: .nan}',
    "weight infinite": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain supports France", weight: .inf}',
    "weight a huge integer": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain supports France", weight: 99999999999999999999999999999999}',
    "unknown field": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain supports France", sauce: hot}',
    "missing field": "{source: uk, type: supports, target: russia}",
    "not a mapping": '"uk supports russia"',
    "valid, hedged": "{source: russia, type: supports, target: uk, "
    'evidence: "Russia could support Britain", hedged: true}',
    "hedge word, not hedged": "{source: russia, type: supports, target: uk, "
    'evidence: "Russia could support Britain"}',
    "hedge word, hedged false": "{source: russia, type: supports, target: uk, "
    'evidence: "support Britain, reportedly", hedged: false}',
    "hedged not a boolean": "{source: russia, type: supports, target: uk, "
    'evidence: "Russia could support Britain", hedged: "yes"}',
    "valid, located, quote unchecked": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain opposes France", evidence_state: located, locator: "sentence 1"}',
    "valid, located, no quote": "{source: uk, type: supports, target: russia, "
    'evidence_state: located, locator: "sentence 1, chars 0-23"}',
    "valid, located at the URL": "{source: uk, type: supports, target: russia, "
    'evidence_state: located, locator: "paragraph 2", document: web}',
    "verified at the URL": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain supports France", document: web}',
    "located without a locator": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain supports France", evidence_state: located}',
    "locator empty": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain supports France", evidence_state: located, locator: " "}',
    "locator a number": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain supports France", evidence_state: located, locator: 3}',
    "valid, asserted, nothing but the actors": "{source: uk, type: supports, target: russia, "
    "evidence_state: asserted}",
    "valid, asserted, a summary": "{source: uk, type: supports, target: russia, "
    'evidence: "The two met and agreed on aid", evidence_state: asserted}',
    "unknown evidence state": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain supports France", evidence_state: checked}',
    "evidence state not a string": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain supports France", evidence_state: [verified]}',
    "verified, said so": "{source: uk, type: supports, target: russia, "
    'evidence: "Britain supports France", evidence_state: verified}',
}


def write_case(folder: Path, documents: str, relation: str, settings: str = "") -> Path:
    """Write the dataset of one case: the valid relations and ``relation`` after them."""
    folder.mkdir()
    (folder / "actors.yaml").write_text(ACTORS, encoding="utf-8")
    (folder / "one.txt").write_text(DOCUMENT, encoding="utf-8")
    (folder / "two.txt").write_text(DOCUMENT, encoding="utf-8")
    relations = [*VALID, relation]
    if documents in (DOCUMENTS["two documents"], DOCUMENTS["a file and a URL"]):
        relations = [
            r[:-1] + ", document: one}" if r.endswith("}") and "document:" not in r else r
            for r in relations
        ]
    lines = "".join(f"  - {relation}\n" for relation in relations)
    (folder / "relations.yaml").write_text(
        settings + documents + TYPES + "relations:\n" + lines, encoding="utf-8"
    )
    return folder


def lanes(folder: Path, located: bool):
    """Return (bulk lane's relations or None, one-by-one lane's relations, its problems).

    The files are read and the rules before the relations applied as loading
    does; the one-by-one lane's relations are None where the reading has no
    positions to place a problem at.
    """

    def read_document(path, shown_as):
        text, problem = read_utf8(path, shown_as)
        return (None if problem else DocumentIndex(text)), problem

    sources = []
    for name in ("actors.yaml", "relations.yaml"):
        source, problems = read_yaml(folder / name, name)
        assert problems == []
        if located or name == "actors.yaml":  # an actor's id is refused: placed, so located
            source, problems = source.located()
            assert problems == []
        sources.append(source)
    context = Context(folder, read_document)
    _, actors = check_actors_file(sources[0], [], context)
    check = Checker(sources[1], [])
    top = sources[1].data
    check_settings(check, top.get("settings", MISSING), context)
    roots = check_roots(check, top.get("document_roots", MISSING), context)
    check_documents(check, top.get("documents", MISSING), roots, context)
    types = check_types(check, top["types"])
    items = top["relations"]
    assert check.problems == []

    bulk = relations_in_bulk(Checker(sources[1], []), items, actors, types, context)
    problems = []
    try:
        one_by_one = relations_one_by_one(
            Checker(sources[1], problems), items, actors, types, context
        )
    except NotLocated:
        one_by_one = None
    return bulk, one_by_one, problems


@pytest.mark.parametrize("settings", SETTINGS)
@pytest.mark.parametrize("documents", DOCUMENTS)
@pytest.mark.parametrize("case", CASES)
def test_bulk_lane_accepts_exactly_what_the_one_by_one_lane_finds_nothing_wrong_with(
    tmp_path, case, documents, settings
):
    folder = write_case(tmp_path / "case", DOCUMENTS[documents], CASES[case], SETTINGS[settings])
    bulk, one_by_one, problems = lanes(folder, located=True)
    assert (bulk is not None) == (problems == []), [str(p) for p in problems]
    if bulk is not None:
        assert bulk == one_by_one
    fast_bulk, _, _ = lanes(folder, located=False)
    assert fast_bulk == bulk or fast_bulk is None
    weaker = "located" in case or "asserted" in case
    strict = settings == "verified only" or (documents == "no documents" and "located" in case)
    if (
        case.startswith("valid")
        and not (weaker and strict)
        and not ("URL" in case and documents != "a file and a URL")
    ):  # the fast lane is taken where it can be
        assert bulk is not None and fast_bulk == bulk, [str(p) for p in problems]
    if bulk is not None and "located" in case:
        assert bulk[-1].evidence_state == "located" and bulk[-1].locator


def test_the_states_and_hedges_cases_say_what_the_rules_say(tmp_path):
    """A few cases' problems word for word: the weaker states, the setting, the hedge."""
    expected = {
        ("located without a locator", "every state allowed"): "error: a located relation "
        "needs a locator: where in its document the evidence is (such as 'sentence 3, "
        "chars 120-188')",
        ("valid, asserted, a summary", "verified only"): "error: evidence_state 'asserted' is "
        "not allowed in this dataset (allowed: verified); a dataset opts in with 'settings: "
        "{evidence_allowed: [...]}' in relations.yaml",
        ("hedge word, not hedged", "verified only"): "warning: the quote says 'could': if the "
        "relation only may hold, mark it hedged (hedged: true)",
        ("verified at the URL", "every state allowed"): "error: document 'web' is a URL, "
        "never fetched: a relation citing it can be at most located (evidence_state: located, "
        "with a locator)",
    }
    for number, ((case, settings), message) in enumerate(expected.items()):
        folder = write_case(
            tmp_path / str(number),
            DOCUMENTS["a file and a URL"],
            CASES[case],
            SETTINGS[settings],
        )
        _, _, problems = lanes(folder, located=True)
        assert [str(p).split(": ", 1)[1] for p in problems] == [message]


def test_rules_import_nothing_above_them():
    """graph/rules/ imports only downward: never load, queries, cli (counting late imports)."""
    package = Path(__file__).resolve().parents[1] / "graph" / "rules"
    above = ("graph.load", "graph.queries", "graph.cli", "graph.engines", "graph.build")
    for path in sorted(package.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                # relative: level 1 is graph.rules, level 2 is graph
                base = ["graph", "rules"][: 3 - node.level]
                name = ".".join([*base, node.module] if node.module else base)
            elif isinstance(node, ast.ImportFrom):
                name = node.module
            elif isinstance(node, ast.Import):
                name = node.names[0].name
            else:
                continue
            assert not name.startswith(above), f"{path.name} imports {name}"
