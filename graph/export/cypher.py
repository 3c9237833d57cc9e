r"""``cypher``: an openCypher script that recreates the graph, run as is by Neo4j and FalkorDB.

One statement a line, each ending in ``;`` (``cypher-shell -f graph.cypher``
runs it; so does sending each line to FalkorDB's ``GRAPH.QUERY``)::

    CREATE INDEX FOR (a:Actor) ON (a.id);
    CREATE (:Actor:`country` {id: 'uk', name: 'United Kingdom', kind: 'country', ...});
    MATCH (a:Actor {id: 'uk'}), (b:Actor {id: 'france'}) CREATE (a)-[:`allied_with` {...}]->(b);

Every actor is an ``Actor`` node with a second label, its kind; every
relation a relationship whose type is the relation type, holding ``type``,
``sign``, ``symmetric``, ``evidence``, ``document``, ``date``, ``weight`` and
``dataset`` (a symmetric relation is one relationship with
``symmetric: true``; Cypher relationships always have a direction). Actors
hold ``id``, ``name``, ``kind``, ``aliases`` (a list), ``description`` and
``dataset``. Missing values are left out, as Cypher stores no nulls. The
index makes each relation's ``MATCH`` a look-up, so the script runs in time
linear in its size.

Strings are single-quoted with backslashes, quotes, line breaks, tabs and
the other control characters a dataset may hold escaped (``\n``, ``\'``,
``\\``); other Unicode is written as UTF-8 (FalkorDB reads no ``\u``
escapes), so a line of the script is always one statement. Labels
and relationship types are back-quoted; a backtick inside one, which
FalkorDB cannot quote, becomes ``'`` (the ``kind`` and ``type`` properties keep
the exact name).

>>> print(string('it\'s a \\ and\na "quote"'))
'it\'s a \\ and\na "quote"'
>>> print(name("ordinary `kind`"))
`ordinary 'kind'`
"""

from __future__ import annotations

import re

from ..tables import dataset_tables

__all__ = ["name", "render", "string", "value"]

_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_SPECIAL = re.compile("[\\\\'\n\r\t]")


def string(text: str) -> str:
    """Return ``text`` as a single-quoted Cypher string literal."""

    def escape(match: re.Match) -> str:
        return _ESCAPES[match.group()]

    return "'" + _SPECIAL.sub(escape, text) + "'"


def name(text: str) -> str:
    """Return a label or relationship type, back-quoted."""
    return "`" + text.replace("`", "'") + "`"


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


def render(dataset, folder=None) -> str:
    """Return the Cypher script."""
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
