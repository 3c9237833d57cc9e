r"""``cypher``: a Cypher script that recreates the graph, in FalkorDB's dialect or Kùzu's.

One statement a line, each ending in ``;``, and no comments, so a runner
that sends each line as a statement (FalkorDB's ``GRAPH.QUERY``, a loop
over ``str.splitlines()``) runs the script as written. The default dialect,
``falkordb``::

    CREATE INDEX FOR (a:Actor) ON (a.id);
    CREATE (:Actor:`country` {id: 'uk', name: 'United Kingdom', kind: 'country', ...});
    MATCH (a:Actor {id: 'uk'}), (b:Actor {id: 'france'}) CREATE (a)-[:`allied_with` {...}]->(b);

Every actor is an ``Actor`` node with a second label, its kind; every
relation a relationship whose type is the relation type, holding ``type``,
``sign``, ``symmetric``, ``evidence``, ``document``, ``date``, ``weight``,
``dataset``, ``role``, ``hedged``, ``evidence_state`` and ``locator`` (a
symmetric relation is one relationship with
``symmetric: true``; Cypher relationships always have a direction). Actors
hold ``id``, ``name``, ``kind``, ``aliases`` (a list), ``description`` and
``dataset``. Missing values are left out, as FalkorDB stores no nulls. The
index makes each relation's ``MATCH`` a look-up, so the script runs in time
linear in its size. The ``kuzu`` dialect is in :mod:`graph.export.cypher_kuzu`.

**No line terminator is ever written inside a statement.** Strings are
single-quoted; backslashes and quotes are escaped (``\\``, ``\'``), and so is
every character that any runner could end a line at, or that is a control
character: FalkorDB's own escapes ``\a \b \t \n \v \f \r`` where it has one,
and otherwise (U+001C-U+001E, NEL, U+2028, U+2029, the other C0 and C1
controls) openCypher's ``\uXXXX``, which FalkorDB does not decode: it keeps
those six characters as text (its parser has no escape for them, and
writing the character itself would let a line-splitting runner run what
follows it). Other Unicode is written as UTF-8. Labels and relationship
types are back-quoted; in them a backtick, which FalkorDB cannot quote,
becomes ``'``, and a control character is written ``\uXXXX`` as text (the
``kind`` and ``type`` properties keep the exact name).

>>> print(string('it\'s a \\ and\na "quote"\u2028'))
'it\'s a \\ and\na "quote"\u2028'
>>> print(name("ordinary `kind`\u2029"))
`ordinary 'kind'\u2029`
"""

from __future__ import annotations

import re

from ..tables import dataset_tables
from .cypher_text import CONTROL

__all__ = ["CONTROL", "DIALECTS", "name", "render", "string", "value"]

DIALECTS = ("falkordb", "kuzu")

_SHORT_ESCAPES = {
    "\\": "\\\\",
    "'": "\\'",
    "\x07": "\\a",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\x0b": "\\v",
    "\f": "\\f",
    "\r": "\\r",
}
_SPECIAL = re.compile("[\\\\'\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _escape(match: re.Match) -> str:
    char = match.group()
    return _SHORT_ESCAPES.get(char) or f"\\u{ord(char):04x}"


def string(text: str) -> str:
    """Return ``text`` as a single-quoted FalkorDB string literal, on one line."""
    return "'" + _SPECIAL.sub(_escape, text) + "'"


def name(text: str) -> str:
    """Return a label or relationship type, back-quoted, on one line."""
    return "`" + CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text.replace("`", "'")) + "`"


def value(item) -> str:
    """Return a Cypher literal for a string, number, boolean or list of strings."""
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, (int, float)):
        return repr(item)
    if isinstance(item, (list, tuple)):
        return "[" + ", ".join(value(element) for element in item) + "]"
    return string(str(item))


def _properties(row: dict) -> str:
    return (
        "{"
        + ", ".join(
            f"{key}: {value(item)}" for key, item in row.items() if item is not None and item != []
        )
        + "}"
    )


def render(dataset, folder=None, dialect: str = "falkordb") -> str:
    """Return the Cypher script in ``dialect`` (one of :data:`DIALECTS`)."""
    if dialect == "kuzu":
        from .cypher_kuzu import render as render_kuzu

        return render_kuzu(dataset, folder)
    if dialect != "falkordb":
        raise ValueError(f"unknown Cypher dialect {dialect!r} (known: {', '.join(DIALECTS)})")
    tables = dataset_tables(dataset)
    lines = ["CREATE INDEX FOR (a:Actor) ON (a.id);"]
    for row in tables["actors"]:
        lines.append(f"CREATE (:Actor:{name(row['kind'])} {_properties(row)});")
    for row in tables["relations"]:
        properties = {key: item for key, item in row.items() if key not in ("src", "dst")}
        lines.append(
            f"MATCH (a:Actor {{id: {string(row['src'])}}}), (b:Actor {{id: {string(row['dst'])}}}) "
            f"CREATE (a)-[:{name(row['type'])} {_properties(properties)}]->(b);"
        )
    return "\n".join(lines) + "\n"
