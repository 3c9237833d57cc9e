"""Read a file as UTF-8 text, or say exactly where and why it cannot be read.

Problems are returned as data (a :class:`~graph.problems.Problem`), never
raised, so a caller can report every file's problem together.

>>> decode_utf8(b"ok\\n\\xff", "x.txt")[1].line
2
"""

from __future__ import annotations

from pathlib import Path

from ..problems import Problem

__all__ = ["decode_utf8", "read_bytes", "read_utf8"]


def read_bytes(path: Path, shown_as: str) -> tuple[bytes, Problem | None]:
    """Return the bytes of the regular file ``path``, or a problem saying why it cannot be read.

    Only regular files are read: a pipe would hang, and /dev/zero never ends.
    """
    try:
        if not path.exists():
            return b"", Problem(shown_as, 1, 1, "file not found")
        if not path.is_file():
            return b"", Problem(shown_as, 1, 1, "not a regular file")
        return path.read_bytes(), None
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        reason = getattr(error, "strerror", None) or str(error)
        return b"", Problem(shown_as, 1, 1, f"cannot read file: {reason}")


def read_utf8(path: Path, shown_as: str) -> tuple[str, Problem | None]:
    """Return the text of the regular file ``path``, or a problem saying why it cannot be read."""
    raw, problem = read_bytes(path, shown_as)
    if problem:
        return "", problem
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
