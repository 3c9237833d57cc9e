"""Read YAML with PyYAML, keeping where every value was written: the reference reading.

Only safe, unambiguous YAML is accepted: plain YAML types, no Python tags,
one document, no duplicate keys, no merge keys, a bounded expansion of
anchors and aliases (by values and by characters), and scalars that mean
the same thing in YAML 1.1 and 1.2 (``010`` or ``1:30`` are refused). Dates
stay the text they were written as. Problems are returned as data, never
raised, so the caller can report every one of them together.

>>> source, problems = read("a: 1\\na: 2\\n", "x.yaml")
>>> [str(p) for p in problems]
["x.yaml:2:1: error: duplicate key 'a' (first defined on line 1)"]
>>> source, problems = read("when: 2025-11-03\\nn: !!int 3\\n", "x.yaml")
>>> source.data
{'when': '2025-11-03', 'n': 3}
"""

from __future__ import annotations

import gc
import re
from contextlib import contextmanager

import yaml

from ..problems import Problem
from .source import DataPath, Source
from .yaml_errors import explain_yaml_error

__all__ = ["MAX_EXPANDED_CHARACTERS", "MAX_EXPANDED_NODES", "NodeLocator", "read"]

# Without aliases a node tree is as large as the file; past this many nodes
# (counting each alias as the whole tree it points at) a file is refused.
MAX_EXPANDED_NODES = 5_000_000
# Aliases of a long string multiply the text every later step reads: past
# this many characters of scalars (counting each alias in full, and at
# least the file's own size) a file is refused.
MAX_EXPANDED_CHARACTERS = 10_000_000

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_Y = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP = (
    _Y + name for name in ("str", "int", "float", "bool", "null", "timestamp")
)
_SEQ, _MAP, _MERGE = _Y + "seq", _Y + "map", _Y + "merge"
_PLAIN_TAGS = {_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP, _SEQ, _MAP}

# Numbers whose meaning depends on the YAML version or the parser are refused:
# a leading zero (010 is 8 to YAML 1.1, 10 to YAML 1.2), sexagesimal (1:30 is 90
# to YAML 1.1, text to 1.2), 0o17 and a leading underscore (numbers to yaml-rs,
# text to YAML 1.1). Forms both parsers read alike keep their meaning: 0x1f,
# 0b11 and 1_000 are numbers, and so is 1e3 (YAML 1.2; YAML 1.1 needs 1.0e+3).
_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9_]+")
_SEXAGESIMAL = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")
_YAML12_ONLY_NUMBER = re.compile(r"[-+]?(?:0o[0-7]+|_[0-9_]*(?:\.[0-9_]*)?)")
_YAML12_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+")
_TIMESTAMP_FORM = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)"
    r"[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?"
)
_NULL_FORMS = {"", "~", "null", "Null", "NULL"}
_BOOL_FORMS = {
    **dict.fromkeys(("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"), True),
    **dict.fromkeys(("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"), False),
}

_scalar_loader = yaml.SafeLoader("")

# An anchor ("&name") can only follow the start of a line, a space or a flow
# indicator; text without one has no aliases, so the expansion check is skipped.
_ANCHOR = re.compile(r"(?:^|[\s\[{,])&\S", re.MULTILINE)


@contextmanager
def _collector_paused():
    """Pause the garbage collector: PyYAML's many small objects make it run for nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read(text: str, shown_as: str) -> tuple[Source | None, list[Problem]]:
    """Parse ``text`` with positions; return its source (None if unusable) and its problems."""
    with _collector_paused():
        root, problems = _compose(text, shown_as)
        if root is None:
            return None, problems
        may_alias = _ANCHOR.search(text) is not None
        problems = _check_tree(root, shown_as, len(text), may_alias)
        if any(p.severity == "error" for p in problems):
            return None, problems
        data, found = _Converter(shown_as, may_alias).convert(root)
    problems += found
    if found:
        return None, problems
    return Source(shown_as, data, NodeLocator(root)), problems


def _compose(text: str, shown_as: str) -> tuple[yaml.Node | None, list[Problem]]:
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
        context = error.context_mark
        explained = explain_yaml_error(
            text,
            line,
            column,
            error.problem or "",
            context.line + 1 if context else None,
            error.context,
            context.column + 1 if context else None,
        )
        if explained:
            return None, [Problem(shown_as, *explained)]
        message = " ".join(part for part in (error.context, error.problem) if part)
        return None, [Problem(shown_as, line, column, f"invalid YAML: {message}")]
    except (yaml.YAMLError, RecursionError) as error:
        return None, [Problem(shown_as, 1, 1, f"invalid YAML: {error}")]
    documents = [document for document in documents if document is not None]
    if not documents:
        return None, [Problem(shown_as, 1, 1, "the file is empty")]
    if len(documents) > 1:
        line, column = _position(documents[1])
        return None, [Problem(shown_as, line, column, "expected one YAML document, found several")]
    return documents[0], []


class NodeLocator:
    """Finds the node at a path by walking down from the root (only when asked)."""

    def __init__(self, root: yaml.Node):
        self.root = root
        self._keys: dict[int, dict] = {}  # id(mapping node) -> {plain key: (key node, value)}

    def node(self, path: DataPath, key: bool = False) -> yaml.Node:
        """Return the node at ``path`` (its key node if ``key``)."""
        node, key_node = self.root, None
        for part in path:
            if isinstance(node, yaml.MappingNode):
                key_node, node = self._pairs(node)[part]
            else:
                key_node, node = None, node.value[part]
        return key_node if key and key_node is not None else node

    def position(self, path: DataPath, key: bool = False) -> tuple[int, int]:
        return _position(self.node(path, key))

    def text(self, path: DataPath, key: bool = False) -> str | None:
        node = self.node(path, key)
        return node.value if isinstance(node, yaml.ScalarNode) else None

    def _pairs(self, node: yaml.MappingNode) -> dict:
        pairs = self._keys.get(id(node))
        if pairs is None:
            pairs = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    plain, _ = _scalar(key_node)
                    pairs.setdefault(plain, (key_node, value_node))
            self._keys[id(node)] = pairs
        return pairs


def _position(node: yaml.Node) -> tuple[int, int]:
    mark = node.start_mark
    return mark.line + 1, mark.column + 1


def _short_tag(tag: str) -> str:
    return tag.replace(_Y, "!!", 1)


def _scalar(node: yaml.ScalarNode):
    """Return (plain value, None) or (None, why the scalar is refused)."""
    tag, text = node.tag, node.value
    if tag == _STR:
        if not node.style and text[:1] in _NUMBER_STARTS:  # plain, and maybe a number
            if _YAML12_FLOAT.fullmatch(text):
                return float(text), None
            if _YAML12_ONLY_NUMBER.fullmatch(text) or _LEADING_ZERO.fullmatch(text):
                return None, _ambiguous(text, "text")
        return text, None
    if tag in (_INT, _FLOAT):
        if _SEXAGESIMAL.fullmatch(text) or (tag == _INT and _LEADING_ZERO.fullmatch(text)):
            try:
                meaning = repr(_scalar_loader.construct_object(node))
            except (ValueError, ArithmeticError):
                meaning = "a number"
            return None, _ambiguous(text, meaning)
        try:
            return _scalar_loader.construct_object(node), None
        except ValueError:
            if tag == _INT and _PLAIN_INT.fullmatch(text):
                return None, f"the integer {text[:20]!r}… has too many digits ({len(text):,})"
            return None, f"{text!r} is not a valid {_short_tag(tag)} value"
    if tag == _BOOL:
        if text in _BOOL_FORMS:
            return _BOOL_FORMS[text], None
        return None, f"{text!r} is not a valid !!bool value (true or false)"
    if tag == _NULL:
        if text in _NULL_FORMS:
            return None, None
        return None, f"{text!r} is not a valid !!null value"
    if tag == _TIMESTAMP:
        if _TIMESTAMP_FORM.fullmatch(text):
            return text, None  # dates stay text: the format reads them itself
        return None, f"{text!r} is not a valid !!timestamp value"
    return None, f"unsupported YAML tag {_short_tag(tag)!r}: only plain data is allowed"


_NUMBER_STARTS = frozenset("+-.0123456789_")


def _ambiguous(text: str, yaml11_meaning: str) -> str:
    return (
        f"the number {text!r} is read differently by different YAML versions "
        f"(YAML 1.1 reads it as {yaml11_meaning}): write it in plain decimal, "
        "or in quotes to keep it as text"
    )


class _Converter:
    """Turns checked nodes into plain data; refused scalars become problems."""

    def __init__(self, shown_as: str, may_alias: bool):
        self.shown_as = shown_as
        self.may_alias = may_alias
        self.problems: list[Problem] = []
        self.done: dict[int, object] = {}

    def convert(self, root: yaml.Node):
        # Children are converted before their parents, without recursion.
        stack: list[tuple[yaml.Node, bool]] = [(root, False)]
        done = self.done
        while stack:
            node, ready = stack.pop()
            if isinstance(node, yaml.ScalarNode):
                done[id(node)] = self.scalar(node)
                continue
            if self.may_alias and id(node) in done:
                continue
            if not ready:
                stack.append((node, True))
                if isinstance(node, yaml.MappingNode):
                    for key_node, value_node in node.value:
                        stack.append((key_node, False))
                        stack.append((value_node, False))
                else:
                    stack.extend((item, False) for item in node.value)
            elif isinstance(node, yaml.MappingNode):
                mapping = {}
                for key_node, value_node in node.value:
                    key = done[id(key_node)]
                    if isinstance(key, (list, dict)):
                        continue  # reported by the tree check
                    mapping.setdefault(key, done[id(value_node)])
                done[id(node)] = mapping
            else:
                done[id(node)] = [done[id(item)] for item in node.value]
        return done[id(root)], self.problems

    def scalar(self, node: yaml.ScalarNode):
        if node.tag == _STR and node.style:  # quoted or a block: text
            return node.value
        value, refused = _scalar(node)
        if refused:
            line, column = _position(node)
            self.problems.append(Problem(self.shown_as, line, column, refused))
        return value


def _check_tree(root: yaml.Node, shown_as: str, size: int, may_alias: bool) -> list[Problem]:
    """Check every distinct node once: aliases first, then tags and duplicate keys."""
    if may_alias:
        problem = _check_expansion(root, shown_as, size)
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
            line, column = _position(node)
            message = f"unsupported YAML tag {_short_tag(node.tag)!r}: only plain data is allowed"
            if node.tag == _MERGE:
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


def _check_expansion(root: yaml.Node, shown_as: str, size: int) -> Problem | None:
    """Refuse recursive aliases, and trees that aliases expand past the limits."""
    # Sizes are computed bottom-up over distinct nodes, so aliases cost nothing here.
    max_characters = max(MAX_EXPANDED_CHARACTERS, 2 * size)
    expanded: dict[int, tuple[int, int]] = {}  # id -> (values, characters)
    on_stack: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            on_stack.discard(key)
            values, characters = 1, len(node.value) if isinstance(node, yaml.ScalarNode) else 0
            for child in _children(node):
                child_values, child_characters = expanded[id(child)]
                values += child_values
                characters += child_characters
            expanded[key] = values, characters
            if values > MAX_EXPANDED_NODES or characters > max_characters:
                line, column = _position(node)
                limit = (
                    f"{MAX_EXPANDED_NODES:,} values"
                    if values > MAX_EXPANDED_NODES
                    else f"{max_characters:,} characters"
                )
                message = (
                    f"anchors and aliases expand to more than {limit}; "
                    "refusing to load (write the values out instead)"
                )
                return Problem(shown_as, line, column, message)
            continue
        if key in expanded:
            continue
        if key in on_stack:
            line, column = _position(node)
            return Problem(shown_as, line, column, "an alias refers to itself (recursive YAML)")
        on_stack.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in expanded)
    return None


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
            line, column = _position(key_node)
            problems.append(Problem(shown_as, line, column, "mapping keys must be plain scalars"))
            continue
        key = key_node.value
        line, column = _position(key_node)
        if key in seen:
            message = f"duplicate key {key!r} (first defined on line {seen[key]})"
            problems.append(Problem(shown_as, line, column, message))
        else:
            seen[key] = line
    return problems
