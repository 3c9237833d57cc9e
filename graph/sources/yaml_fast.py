"""Read YAML fast with yaml-rs, only where the result is sure to equal the located reading.

yaml-rs (a Rust YAML 1.2 parser) builds plain data about ten times faster
than PyYAML, but keeps no positions and reads a few forms differently from
YAML 1.1 (``no`` is a string to it, ``010`` is ten). A pre-scan of the text
(:func:`risky`) sends every file that holds a tag, an anchor or an alias, a
directive, an escape other than ``\\n \\t \\" \\\\``, a tab in indentation, a
character PyYAML refuses or a number with a leading zero to the located
reading (:mod:`.yaml_located`), the reference; so does any error yaml-rs
raises. Strings that YAML 1.1 may read otherwise (``NO``, ``1:30``) are
flagged by :func:`suspect`, which the rules call on every string they
accept. Both err on the side of caution: a false alarm costs time, never a
different result.

>>> source = read("a: [1, 2.5, x, 2025-11-03, NO]\\n", "x.yaml")
>>> source.data
{'a': [1, 2.5, 'x', '2025-11-03', 'NO']}
>>> source.suspect("NO")     # a YAML 1.1 boolean, unless it was quoted: PyYAML decides
True
"""

from __future__ import annotations

import gc
import re

from .source import NotLocated, Source, Unlocated

__all__ = ["available", "parses", "read", "risky", "suspect"]

try:
    import yaml_rs
except ImportError:  # the fast parser is optional: PyYAML reads everything too
    yaml_rs = None

# Each pattern starts with a literal, so the regular expression engine skips
# to it in C; the few places found are then looked at one by one.
_NEAR_NUMBER = re.compile(  # where 010, 0o17 or _1 may start: after a space or an indicator
    r"0(?:(?<=[\s\[{,:]0)|(?<=[\s\[{,:][-+]0))[0-9oO_]|_(?:(?<=[\s\[{,:]_)|(?<=[\s\[{,:][-+]_))"
)
# What may come before such a number, made a space; a sign made "-", "_" made "0".
_NEAR_NUMBER_MARKS = bytes.maketrans(b"\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f[{,:+_", b"             -0")
_MARKERS = ("!", "&", "*")  # a tag, an anchor, an alias
_DOCUMENT_MARKERS = ("\n---", "\n...", "\n%")
_ESCAPE = re.compile(r'\\[^nt"\\]')  # an escape the two YAML versions may read differently
_TAB_INDENT = re.compile(r"\n *\t")
# What PyYAML refuses (C0 and C1 controls, U+FFFE/U+FFFF) or reads as a line
# break (NEL, LS, PS), and the BOM inside the text.
_ASCII_ALLOWED = bytes([9, 10, 13, *range(32, 127)])
_NON_ASCII_REFUSED = tuple(map(chr, [*range(0x80, 0xA0), 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF]))
# After a scalar, what may end it: the line, a comment, a flow indicator, ": ".
_SCALAR_END = re.compile(r"[^\s,\[\]{}#]*[ \t]*(?:$|#|[,\]}]|:(?:[ \t]|$))", re.MULTILINE)
# Plain text yaml-rs keeps as text but YAML 1.1 reads otherwise: booleans
# (``no``, ``on``...), sexagesimal numbers, merge keys and the value key.
_YAML11_NOT_TEXT = re.compile(
    r"yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|<<|="
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?"
)
_SUSPECT_STARTS = frozenset("yYnNoO<=+-0123456789")


def available() -> bool:
    """Return whether yaml-rs is installed."""
    return yaml_rs is not None


def risky(text: str) -> str | None:
    """Return why yaml-rs and the located reading might differ on ``text``, or None.

    >>> risky("weight: 010\\n")
    'a number with a leading zero or underscore at offset 8'
    >>> risky("name: 'x & y'\\n") is None
    True
    """
    if text.startswith(("---", "...", "%", "!", "&", "*")):
        return "a marker at the start"
    for marker in _DOCUMENT_MARKERS:
        if marker in text:
            return f"a directive or document marker ({marker.strip()!r})"
    for marker in _MARKERS:
        start = text.find(marker)
        while start >= 0:
            after = text[start + 1 : start + 2]
            if text[start - 1] in " \t\n[{," and (marker == "!" or (after and not after.isspace())):
                return f"a tag, anchor or alias ({marker!r}) at offset {start}"
            start = text.find(marker, start + 1)
    if "\\" in text and _ESCAPE.search(text):
        return "an escape sequence"
    if "\t" in text and _TAB_INDENT.search(text):
        return "a tab in indentation"
    if text.isascii():
        data = text.encode("ascii")
        if data.translate(None, _ASCII_ALLOWED):
            return "a control character"
        starts = _near_numbers(data)
    elif any(character in text for character in _NON_ASCII_REFUSED):
        return "a control character or line separator"
    else:
        starts = (match.start() for match in _NEAR_NUMBER.finditer(text))
    for start in starts:
        if _NEAR_NUMBER.match(text, start) and _SCALAR_END.match(text, start):
            return f"a number with a leading zero or underscore at offset {start}"
    return None


def _near_numbers(data: bytes) -> list[int]:
    """Return, in order, every place of ASCII ``data`` where :data:`_NEAR_NUMBER` may match.

    The regular expression starts with a character as common as ``0``, so
    the engine tries its look-behind at every one; here the characters that
    may come before are made one (a space, and ``-`` for a sign) and two
    plain searches, in C, find the few places worth trying.
    """
    marked = data.translate(_NEAR_NUMBER_MARKS)
    found = []
    for before in (b" 0", b" -0"):
        at = marked.find(before)
        while at >= 0:
            found.append(at + len(before) - 1)
            at = marked.find(before, at + 1)
    return sorted(found)


def suspect(text: str) -> bool:
    """Return whether a string yaml-rs read might be a YAML 1.1 boolean or number.

    >>> suspect("NO"), suspect("Norway"), suspect("1:30")
    (True, False, True)
    """
    return text[:1] in _SUSPECT_STARTS and _YAML11_NOT_TEXT.fullmatch(text) is not None


def read(text: str, shown_as: str) -> Source | None:
    """Return the source of ``text`` read by yaml-rs, or None where PyYAML must read it."""
    if yaml_rs is None or risky(text):
        return None
    enabled = gc.isenabled()
    gc.disable()
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # any refusal (syntax, duplicate key, huge integer): PyYAML says where
        return None
    finally:
        if enabled:
            gc.enable()
    if data is None:
        return None  # an empty file: the located reading says so

    def relocate():
        from . import yaml_located

        return yaml_located.read(text, shown_as)

    return Source(shown_as, data, _RootOnly(text), relocate, suspect)


def parses(text: str) -> bool:
    """Return whether yaml-rs reads ``text`` without an error (an empty text does).

    >>> parses("a: [1, 2]\\n# end\\n"), parses('a: "open\\n')
    (True, False)
    """
    if yaml_rs is None:
        return False
    try:
        yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # any refusal
        return False
    return True


class _RootOnly(Unlocated):
    """Knows where the whole file's value starts (for a warning about the file); nothing else."""

    def __init__(self, text: str):
        self._text = text

    def position(self, path, key: bool = False) -> tuple[int, int]:
        if path or key:
            raise NotLocated(path)
        # The first line that is not blank or a comment; pre-scanned text has no directives.
        for number, line in enumerate(self._text.split("\n", 200)[:200], start=1):
            content = line.lstrip(" ")
            if content.strip() and not content.startswith("#"):
                return number, len(line) - len(content) + 1
        raise NotLocated(path)
