"""Paths shown as text that any UTF-8 output can carry.

A file name may hold bytes that are not UTF-8 (a folder named with byte
0xff). Python keeps such a byte as a lone surrogate (``'\\udcff'``), which no
strict UTF-8 stream, JSON file or page can encode. Shown to people, the byte
is written as ``\\xff`` instead; the path itself is never changed.

>>> shown_path(b"data/d\\xff".decode("utf-8", "surrogateescape"))
'data/d\\\\xff'
>>> shown_path("data/Türkiye")
'data/Türkiye'
"""

from __future__ import annotations

import os
import re

__all__ = ["encodable", "shown_name", "shown_path"]

_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def shown_path(path: str | os.PathLike) -> str:
    """Return ``path`` as text: bytes that are not UTF-8 written as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def shown_name(text: str | None) -> str | None:
    """Return a name read from a path (a folder's, a file's) as text any output can carry.

    Bytes that are not UTF-8 are written ``\\xNN``, as :func:`shown_path`
    writes them, and so are control characters (``\\x0a``; U+2028 and
    U+2029 ``\\u2028``): a folder name may hold a line break or a terminal
    escape, which XML cannot carry at all.

    >>> shown_name(b"data\\xff\\n".decode("utf-8", "surrogateescape")), shown_name("Türkiye")
    ('data\\\\xff\\\\x0a', 'Türkiye')
    """
    if text is None or text.isprintable():
        return text
    try:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte
        text = encodable(text)
    return _CONTROL.sub(_escaped_control, text)


def _escaped_control(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def encodable(text: str) -> str:
    """Return ``text`` with any lone surrogate left replaced by U+FFFD, so it encodes as UTF-8.

    >>> encodable("ok \\udcff")
    'ok �'
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text
