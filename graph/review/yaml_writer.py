"""Append additions to ``actors.yaml`` and ``relations.yaml``, keeping the analyst's layout.

The files are edited round-trip with ruamel.yaml: comments, blank lines,
quoting, flow mappings and indentation stay as they were, and the new
entries are appended in the file's own indentation. ruamel.yaml writes YAML
1.2 and the loader reads YAML 1.1, where a plain ``no``, ``on``, ``010`` or
``2025-01-01`` is not a string; so every string written is double-quoted,
keys of new types and documents included, and reads back as the same text.

>>> text = "actors: []   # none yet\\n"
>>> print(append_yaml(text, "actors", [{"id": "on", "name": "No", "kind": "person"}]), end="")
actors:      # none yet
  - id: "on"
    name: "No"
    kind: "person"
"""

from __future__ import annotations

import io

from .additions import Additions

__all__ = ["append_yaml", "yaml_texts"]

# Indentations tried, in order, for a file whose own does not show: (mapping, sequence, offset).
_STYLES = ((2, 4, 2), (2, 2, 0), (4, 6, 4), (4, 4, 0), (4, 6, 2), (2, 3, 1))


def _editor(style):
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 1 << 30  # never fold a long line the analyst wrote on one line
    mapping, sequence, offset = style
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def _load(text: str):
    """Return ``(editor, data)``: the file read with the indentation that writes it back as is.

    When no indentation reproduces the file byte for byte (an unusual
    layout), the first is used: the data is kept, a few lines may be
    re-indented.
    """
    first = None
    for style in _STYLES:
        yaml = _editor(style)
        data = yaml.load(text)
        if first is None:
            first = (yaml, data)
        if _dump(yaml, data) == text:
            return yaml, data
    return first


def _dump(yaml, data) -> str:
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _quoted(value):
    """Return ``value`` ready for ruamel.yaml: strings double-quoted, lists in flow style."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if isinstance(value, str):
        return DoubleQuotedScalarString(value)
    if isinstance(value, list):
        sequence = CommentedSeq(_quoted(item) for item in value)
        sequence.fa.set_flow_style()
        return sequence
    if isinstance(value, dict):
        # Keys are our own field names (sign, description): plain, as the analyst writes them.
        mapping = CommentedMap((key, _quoted(item)) for key, item in value.items())
        mapping.fa.set_flow_style()
        return mapping
    return value


def _entry(fields: dict):
    """Return one new list item: a block mapping, its strings quoted, empty fields left out."""
    from ruamel.yaml.comments import CommentedMap

    return CommentedMap(
        (key, _quoted(value)) for key, value in fields.items() if value not in (None, [], "")
    )


def _sequence(data, key: str):
    """Return the list under ``key`` in block style (``[]`` becomes a list to append to)."""
    from ruamel.yaml.comments import CommentedSeq

    items = data.get(key)
    if items is None:
        items = CommentedSeq()
        data[key] = items
    items.fa.set_block_style()
    return items


def append_yaml(text: str, key: str, entries: list[dict]) -> str:
    """Return ``text`` with ``entries`` appended to its top-level list ``key``."""
    yaml, data = _load(text)
    items = _sequence(data, key)
    for fields in entries:
        items.append(_entry(fields))
    return _dump(yaml, data)


def yaml_texts(actors_text: str, relations_text: str, additions: Additions) -> tuple[str, str]:
    """Return the new texts of ``actors.yaml`` and ``relations.yaml`` with the additions."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if additions.actors:
        actors_text = append_yaml(actors_text, "actors", additions.actors)
    yaml, data = _load(relations_text)
    if additions.documents:
        documents = data.get("documents")
        if documents is None:
            documents = CommentedMap()
            keys = list(data)
            data.insert(keys.index("types") if "types" in keys else 0, "documents", documents)
        for document in additions.documents:
            documents[DoubleQuotedScalarString(document.key)] = DoubleQuotedScalarString(
                document.path
            )
    if additions.types:
        types = data.get("types")
        if types is None:
            types = data["types"] = CommentedMap()
        for name, fields in additions.types.items():
            types[DoubleQuotedScalarString(name)] = _quoted(fields)
    relations = _sequence(data, "relations")
    if additions.name_document is not None:
        for item in relations:
            if isinstance(item, dict) and "document" not in item:
                keys = list(item)
                where = keys.index("evidence") + 1 if "evidence" in keys else len(keys)
                item.insert(where, "document", DoubleQuotedScalarString(additions.name_document))
    for fields in additions.relations:
        relations.append(_entry(fields))
    return actors_text, _dump(yaml, data)
