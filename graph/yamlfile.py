"""Read a YAML file into a node tree that remembers where every value was written.

Only safe YAML is accepted: plain YAML types, no Python tags, one document,
no duplicate keys in any mapping, and a bounded expansion of anchors and
aliases (so a "billion laughs" file is refused before anything walks it).
Problems are returned as data, never raised, so the caller can report every
one of them together.

>>> tree, problems = parse_yaml_text("a: 1\\na: 2\\n", "x.yaml")
>>> [str(p) for p in problems]
["x.yaml:2:1: error: duplicate key 'a' (first defined on line 1)"]
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .problems import Problem

__all__ = ["MAX_EXPANDED_NODES", "parse_yaml_text", "position", "read_yaml", "scalar_value"]

# Without aliases a node tree is as large as the file; past this many nodes
# (counting each alias as the whole tree it points at) a file is refused.
MAX_EXPANDED_NODES = 5_000_000

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}
_MERGE_TAG = "tag:yaml.org,2002:merge"

_scalar_loader = yaml.SafeLoader("")

# An anchor ("&name") can only follow the start of a line, a space or a flow
# indicator; text without one has no aliases, so the expansion check is skipped.
_ANCHOR = re.compile(r"(?:^|[\s\[{,])&\S", re.MULTILINE)


def position(node: yaml.Node) -> tuple[int, int]:
    """Return the 1-based (line, column) where ``node`` starts."""
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def scalar_value(node: yaml.ScalarNode):
    """Return the Python value of a scalar node (str, int, float, bool, None or date).

    >>> scalar_value(yaml.compose("42"))
    42
    """
    return _scalar_loader.construct_object(node, deep=True)


def read_yaml(path: Path, shown_as: str) -> tuple[yaml.Node | None, list[Problem]]:
    """Read and parse ``path``; problems name the file as ``shown_as``."""
    text, problem = read_utf8(path, shown_as)
    if problem:
        return None, [problem]
    return parse_yaml_text(text, shown_as)


def read_utf8(path: Path, shown_as: str) -> tuple[str, Problem | None]:
    """Return the text of the regular file ``path``, or a problem saying why it cannot be read.

    Only regular files are read: a pipe would hang, and /dev/zero never ends.
    """
    try:
        if not path.exists():
            return "", Problem(shown_as, 1, 1, "file not found")
        if not path.is_file():
            return "", Problem(shown_as, 1, 1, "not a regular file")
        raw = path.read_bytes()
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        reason = getattr(error, "strerror", None) or str(error)
        return "", Problem(shown_as, 1, 1, f"cannot read file: {reason}")
    return decode_utf8(raw, shown_as)


def decode_utf8(raw: bytes, shown_as: str) -> tuple[str, Problem | None]:
    """Decode ``raw`` as UTF-8 (an initial BOM is allowed), or say where it is not."""
    bom = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    try:
        return raw[bom:].decode("utf-8"), None
    except UnicodeDecodeError as error:
        offset = error.start + bom
        line = raw.count(b"\n", 0, offset) + 1
        column = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
        message = f"not valid UTF-8: byte 0x{raw[offset]:02x} cannot start or continue a character"
        return "", Problem(shown_as, line, column, message)


def parse_yaml_text(text: str, shown_as: str) -> tuple[yaml.Node | None, list[Problem]]:
    """Compose ``text`` into YAML nodes and check them for unsafe or ambiguous constructs."""
    try:
        documents = list(yaml.compose_all(text, Loader=_YAML_LOADER))
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        message = f"invalid YAML: character U+{error.character:04X} is not allowed in YAML text"
        return None, [Problem(shown_as, line, column, message)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(part for part in (error.context, error.problem) if part)
        return None, [Problem(shown_as, line, column, f"invalid YAML: {message}")]
    except (yaml.YAMLError, RecursionError) as error:
        return None, [Problem(shown_as, 1, 1, f"invalid YAML: {error}")]
    documents = [document for document in documents if document is not None]
    if not documents:
        return None, [Problem(shown_as, 1, 1, "the file is empty")]
    if len(documents) > 1:
        line, column = position(documents[1])
        return None, [Problem(shown_as, line, column, "expected one YAML document, found several")]
    root = documents[0]
    problems = _check_tree(root, shown_as, may_alias=_ANCHOR.search(text) is not None)
    return (None if any(p.severity == "error" for p in problems) else root), problems


def _check_tree(root: yaml.Node, shown_as: str, may_alias: bool = True) -> list[Problem]:
    """Check every distinct node once: aliases first, then tags and duplicate keys."""
    if may_alias:
        problem = _check_expansion(root, shown_as)
        if problem:
            return [problem]
    problems: list[Problem] = []
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if may_alias:
            if id(node) in seen:
                continue
            seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            line, column = position(node)
            message = f"unsupported YAML tag {_short_tag(node.tag)!r}: only plain data is allowed"
            if node.tag == _MERGE_TAG:
                message = "merge keys ('<<') are not supported: write the fields out"
            problems.append(Problem(shown_as, line, column, message))
        if isinstance(node, yaml.MappingNode):
            problems.extend(_duplicate_keys(node, shown_as))
            for key, value in node.value:
                stack.append(key)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return problems


def _check_expansion(root: yaml.Node, shown_as: str) -> Problem | None:
    """Refuse recursive aliases, and trees that aliases expand past the limit."""
    # Sizes are computed bottom-up over distinct nodes, so aliases cost nothing here.
    expanded: dict[int, int] = {}
    on_stack: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            on_stack.discard(key)
            expanded[key] = 1 + sum(expanded[id(child)] for child in _children(node))
            if expanded[key] > MAX_EXPANDED_NODES:
                line, column = position(node)
                message = (
                    f"anchors and aliases expand to more than {MAX_EXPANDED_NODES:,} values; "
                    "refusing to load (write the values out instead)"
                )
                return Problem(shown_as, line, column, message)
            continue
        if key in expanded:
            continue
        if key in on_stack:
            line, column = position(node)
            return Problem(shown_as, line, column, "an alias refers to itself (recursive YAML)")
        on_stack.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in expanded)
    return None


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!", 1)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _duplicate_keys(node: yaml.MappingNode, shown_as: str) -> list[Problem]:
    problems = []
    seen: dict[object, int] = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            line, column = position(key_node)
            problems.append(Problem(shown_as, line, column, "mapping keys must be plain scalars"))
            continue
        key = key_node.value
        line, column = position(key_node)
        if key in seen:
            message = f"duplicate key {key!r} (first defined on line {seen[key]})"
            problems.append(Problem(shown_as, line, column, message))
        else:
            seen[key] = line
    return problems
