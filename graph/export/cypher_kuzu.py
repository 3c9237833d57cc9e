r"""``cypher --dialect kuzu``: the Cypher script in Kùzu's dialect, its schema first.

Kùzu needs its tables declared before any data, takes one label per node
and indexes a node table by its primary key, so the script is::

    CREATE NODE TABLE Actor(id STRING, name STRING, kind STRING, aliases STRING[], ...);
    CREATE REL TABLE Relation(FROM Actor TO Actor, type STRING, sign INT8, ...);
    CREATE (:Actor {id: 'uk', name: 'United Kingdom', kind: 'country', aliases: [...], ...});
    MATCH (a:Actor {id: 'uk'}), (b:Actor {id: 'france'}) CREATE (a)-[:Relation {...}]->(b);

Every actor is an ``Actor`` (its kind in ``kind``), every relation a
``Relation`` (its type in ``type``): the table names are fixed, never taken
from the data. Columns: :data:`ACTOR_COLUMNS` and :data:`RELATION_COLUMNS`
(``date`` is text, as dates may be a year or a month). A missing value is
left out, which Kùzu reads as null; ``aliases`` is always a list.

One statement a line, no comments. Kùzu decodes no escape but ``\\`` and
``\'`` (``\n`` reads as ``n``), so every control character and line
terminator is written outside the quotes, as its UTF-8 bytes decoded:
``'a' + decode(BLOB('\\xE2\\x80\\xA8')) + 'b'`` is ``a``, U+2028, ``b``.

>>> print(string("it's\u2028here"))
'it\'s' + decode(BLOB('\\xE2\\x80\\xA8')) + 'here'
>>> print(string("\n"))
decode(BLOB('\\x0A'))
"""

from __future__ import annotations

from ..tables import dataset_tables
from .cypher_text import CONTROL

__all__ = ["ACTOR_COLUMNS", "RELATION_COLUMNS", "render", "string"]

ACTOR_COLUMNS = [
    ("id", "STRING"),
    ("name", "STRING"),
    ("kind", "STRING"),
    ("aliases", "STRING[]"),
    ("description", "STRING"),
    ("dataset", "STRING"),
]
RELATION_COLUMNS = [
    ("type", "STRING"),
    ("sign", "INT8"),
    ("symmetric", "BOOLEAN"),
    ("evidence", "STRING"),
    ("document", "STRING"),
    ("date", "STRING"),
    ("weight", "DOUBLE"),
    ("dataset", "STRING"),
    ("role", "STRING"),
    ("hedged", "BOOLEAN"),
    ("evidence_state", "STRING"),
    ("locator", "STRING"),
]


def _quoted(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _decoded(chars: str) -> str:
    hexes = "".join(f"\\\\x{byte:02X}" for byte in chars.encode("utf-8"))
    return f"decode(BLOB('{hexes}'))"


def string(text: str) -> str:
    """Return ``text`` as a Kùzu string expression on one line (see the module doc)."""
    parts, start = [], 0
    for match in CONTROL.finditer(text):
        if match.start() > start:
            parts.append(_quoted(text[start : match.start()]))
        parts.append(_decoded(match.group()))
        start = match.end()
    if start < len(text) or not parts:
        parts.append(_quoted(text[start:]))
    return " + ".join(parts)


def _value(item) -> str:
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, (int, float)):
        return repr(item)
    if isinstance(item, (list, tuple)):
        return "[" + ", ".join(_value(element) for element in item) + "]"
    return string(str(item))


def _properties(row: dict, columns) -> str:
    pairs = [(key, row[key]) for key, _ in columns if row.get(key) is not None]
    return "{" + ", ".join(f"{key}: {_value(item)}" for key, item in pairs) + "}"


def render(dataset, folder=None) -> str:
    """Return the Kùzu script."""
    tables = dataset_tables(dataset)
    actor_columns = ", ".join(f"{key} {kind}" for key, kind in ACTOR_COLUMNS)
    relation_columns = ", ".join(f"{key} {kind}" for key, kind in RELATION_COLUMNS)
    lines = [
        f"CREATE NODE TABLE Actor({actor_columns}, PRIMARY KEY (id));",
        f"CREATE REL TABLE Relation(FROM Actor TO Actor, {relation_columns});",
    ]
    for row in tables["actors"]:
        lines.append(f"CREATE (:Actor {_properties(row, ACTOR_COLUMNS)});")
    for row in tables["relations"]:
        lines.append(
            f"MATCH (a:Actor {{id: {string(row['src'])}}}), (b:Actor {{id: {string(row['dst'])}}}) "
            f"CREATE (a)-[:Relation {_properties(row, RELATION_COLUMNS)}]->(b);"
        )
    return "\n".join(lines) + "\n"
