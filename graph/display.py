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

__all__ = ["encodable", "shown_path"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def shown_path(path: str | os.PathLike) -> str:
    """Return ``path`` as text: bytes that are not UTF-8 written as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


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
