"""Explain YAML parser errors in words a person editing the file understands.

PyYAML reports indentation mistakes as "mapping values are not allowed in
this context" or "did not find expected '-' indicator". This module reads the
lines around the error and, when the cause is indentation, says so, with the
column the line should start at when the lines above tell it; a value with
``": "`` in it, a key without its colon, a key too long for YAML and a tab
are named too. Everything else keeps the parser's own words.

>>> text = "actors:\\n  - id: a\\n     name: A\\n"
>>> explain_yaml_error(text, 3, 10, "mapping values are not allowed in this context", None)
(3, 6, 'bad indentation: this line starts at column 6, but the keys above it start at column 5')
"""

from __future__ import annotations

import re

__all__ = ["explain_yaml_error"]

# Parser messages that an indentation mistake, or a missing or extra colon, produces.
_INDENTATION_PROBLEMS = (
    "mapping values are not allowed",
    "did not find expected '-' indicator",
    "did not find expected key",
    "could not find expected ':'",
)
_KEY = re.compile(r"""(?:[^\s#'"{\[][^:#]*?|"[^"]*"|'[^']*'):(?:\s|$)""")
# A key's ':' must come within this many characters of the key's start (PyYAML
# and libyaml both): past it the parser has given the key up, and says
# something about indentation or a missing ':' instead.
LONGEST_KEY = 1024


def explain_yaml_error(
    text: str,
    line: int,
    column: int,
    problem: str,
    context_line: int | None,
    context: str | None = None,
    context_column: int | None = None,
) -> tuple[int, int, str] | None:
    """Return ``(line, column, message)`` explaining a parser error, or None to keep its own.

    ``line`` and ``column`` (1-based) are where the parser stopped;
    ``context``, ``context_line`` and ``context_column`` what it names as
    context and where, if anything.
    """
    lines = text.split("\n")
    if "tab character" in problem or "found character '\\t'" in problem:
        return line, 1, "a tab indents this line: YAML indents with spaces only"
    if context == "while scanning a quoted scalar" and context_column is not None:
        return (
            context_line,
            context_column,
            "the quote that opens this value is never closed: end the value with the same "
            "mark (\" or ')",
        )
    if 1 <= line <= len(lines):
        long_key = _long_key(lines[line - 1], column)
        if long_key:
            return line, *long_key
        early = _closed_early(lines[line - 1], column)
        if early:
            return line, *early
    if not problem.startswith(_INDENTATION_PROBLEMS):
        return None
    suspect = context_line if problem.startswith("could not find expected ':'") else line
    if suspect is None or not 1 <= suspect <= len(lines):
        return None
    if problem.startswith("mapping values"):
        quoted = _colon_in_value(lines[suspect - 1], column)
        if quoted:
            return (
                suspect,
                quoted,
                ("this value holds ': ', which YAML reads as another key: put the value in quotes"),
            )
    source = lines[suspect - 1]
    indent = len(source) - len(source.lstrip(" "))
    start = indent + 1
    is_item = source[indent:].startswith("-") and source[indent + 1 : indent + 2] in ("", " ")
    items, keys = _columns_above(lines[: suspect - 1])
    candidates = items if is_item else keys
    if not candidates:
        return None
    if start in candidates:
        return _misplaced_colon(lines, suspect, indent, problem)
    if not is_item and start in items:
        return (
            suspect,
            start,
            f"bad indentation: this line starts at column {start}, where the list above has its "
            f"'-': indent it to column {start + 2} to add to the item above, or start it with "
            "'- ' to begin a new item",
        )
    expected = min(candidates, key=lambda candidate: (abs(candidate - start), candidate))
    what = "the items of the list above start" if is_item else "the keys above it start"
    return (
        suspect,
        start,
        f"bad indentation: this line starts at column {start}, but {what} at column {expected}",
    )


def _long_key(source: str, column: int) -> tuple[int, str] | None:
    """Return where a key too long for YAML starts and why, if the error is at its ':'.

    >>> _long_key("  " + "k" * 1100 + ": 1", 1103)
    (3, "this key runs 1,100 characters up to its ':'; YAML allows at most 1,024: shorten it")
    """
    colon = column - 1
    if not 0 <= colon < len(source) or source[colon] != ":":
        return None
    start = max(source.rfind(mark, 0, colon) for mark in "{[,") + 1
    while True:  # past the indentation, list dashes and the '?' of an explicit key
        rest = source[start:colon].lstrip(" ")
        start = colon - len(rest)
        if not rest.startswith(("- ", "? ")):
            break
        start += 2
    length = colon - start
    if length <= LONGEST_KEY:
        return None
    return (
        start + 1,
        f"this key runs {length:,} characters up to its ':'; YAML allows at most "
        f"{LONGEST_KEY:,}: shorten it",
    )


def _columns_above(lines: list[str]) -> tuple[set[int], set[int]]:
    """Return the columns where list items, and keys, start in ``lines``."""
    items: set[int] = set()
    keys: set[int] = set()
    for line in lines:
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        column = len(line) - len(stripped) + 1
        while stripped.startswith("- ") or stripped == "-":
            items.add(column)
            rest = stripped[1:].lstrip(" ")
            column += len(stripped) - len(rest)
            stripped = rest
            if rest:
                # What follows '- ' sets the column of the item's keys.
                keys.add(column)
        if _KEY.match(stripped):
            keys.add(column)
    return items, keys


def _colon_in_value(source: str, column: int) -> int | None:
    """Return where a value holding ': ' starts on ``source``, if the error is in it."""
    indent = len(source) - len(source.lstrip(" "))
    content = source[indent:]
    offset = indent
    while content.startswith("- "):
        rest = content[2:].lstrip(" ")
        offset += len(content) - len(rest)
        content = rest
    key = _KEY.match(content)
    if not key:
        return None
    value = content[key.end() :]
    start = offset + key.end() + (len(value) - len(value.lstrip())) + 1
    if column > start and not value.lstrip().startswith(("'", '"', "{", "[")):
        return start
    return None


def _misplaced_colon(lines: list[str], suspect: int, indent: int, problem: str):
    """Explain an error on a well-indented line: a key without ':', or a value under its key."""
    above = _previous_content_line(lines, suspect)
    if above is None:
        return None
    source = lines[above - 1]
    content = source.lstrip(" ")
    while content.startswith("- "):
        content = content[2:].lstrip(" ")
    column = len(source) - len(content) + 1
    if content and not _KEY.match(content) and not content.endswith(":"):
        return above, column, "this line has no ':' after its key (write 'key: value')"
    here = lines[suspect - 1][indent:]
    if content.endswith(":") and column == indent + 1 and not _KEY.match(here):
        key = content[:-1].strip()
        return (
            suspect,
            indent + 1,
            f"this value belongs to {key!r} on the line above: indent it further than "
            f"{key!r}, or put it on the same line",
        )
    return None


def _closed_early(source: str, column: int) -> tuple[int, str] | None:
    """Return where a quoted value closes before its text ends, and what to do, if it does."""
    before = source[: column - 1].rstrip(" ")
    if not before or before[-1] not in "'\"" or before.count(before[-1]) < 2:
        return None
    mark = before[-1]
    if mark == '"':
        advice = 'put a value that holds " between single quotes (\'He said "no"\')'
    else:
        advice = "put a value that holds ' between double quotes (\"Britain's plan\")"
    return len(before), f"the quoted value closes at this {mark}, but text follows it: {advice}"


def _previous_content_line(lines: list[str], line: int) -> int | None:
    for number in range(line - 1, 0, -1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return None
