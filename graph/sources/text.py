"""Read a file as UTF-8 text, or say exactly where and why it cannot be read.

Problems are returned as data (a :class:`~graph.problems.Problem`), never
raised, so a caller can report every file's problem together.

>>> decode_utf8(b"ok\\n\\xff", "x.txt")[1].line
2
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..problems import Problem

__all__ = [
    "MAX_FILE_SIZE",
    "Realpaths",
    "decode_utf8",
    "file_problem",
    "read_bytes",
    "read_utf8",
    "show_size",
]

# The largest file read by default (``--max-file-size``): well above the
# largest corpus the benchmarks use, well below what exhausts memory.
MAX_FILE_SIZE = 2 << 30


def file_problem(path: Path, shown_as: str, max_size: int | None = None) -> Problem | None:
    """Return why ``path`` cannot be read as a regular file of at most ``max_size`` bytes, or None.

    A missing file, a symlink loop, a folder, a FIFO or a device, and a file
    over the size limit are told apart. A size refusal has no line (shown as
    ``FILE: error: …``).
    """
    try:
        status = os.stat(path)
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        if isinstance(error, FileNotFoundError) or getattr(error, "errno", None) == errno.ENOTDIR:
            return Problem(shown_as, 1, 1, "file not found")
        if getattr(error, "errno", None) == errno.ELOOP:
            return Problem(shown_as, 1, 1, "symlink loop: the file's symlinks lead back to itself")
        reason = getattr(error, "strerror", None) or str(error)
        return Problem(shown_as, 1, 1, f"cannot read file: {reason}")
    if not stat.S_ISREG(status.st_mode):
        return Problem(shown_as, 1, 1, "not a regular file")
    limit = MAX_FILE_SIZE if max_size is None else max_size
    if status.st_size > limit:
        return _too_large(shown_as, status.st_size, limit)
    return None


def _too_large(shown_as: str, size: int, limit: int) -> Problem:
    return Problem(
        shown_as,
        0,
        0,
        f"file is {show_size(size)}, over the limit of {show_size(limit)} "
        "(raise it with --max-file-size)",
    )


def show_size(size: int) -> str:
    """Return a byte count for people.

    >>> show_size(2 << 30), show_size(1536), show_size(12)
    ('2 GiB', '1.5 KiB', '12 bytes')
    """
    for unit, factor in (("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= factor:
            return f"{size / factor:.3g} {unit}"
    return f"{size} bytes"


def read_bytes(
    path: Path, shown_as: str, max_size: int | None = None
) -> tuple[bytes, Problem | None]:
    """Return the bytes of the regular file ``path``, or a problem saying why it cannot be read.

    Only regular files are read: a pipe would hang, and /dev/zero never ends.
    Files over ``max_size`` bytes (:data:`MAX_FILE_SIZE` by default) are
    refused before reading, and a file that grows past it while read too.
    """
    problem = file_problem(path, shown_as, max_size)
    if problem:
        return b"", problem
    limit = MAX_FILE_SIZE if max_size is None else max_size
    try:
        # Not blocking, and checked again once open: a file swapped for a pipe
        # after the check above is refused, not waited on.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(descriptor, "rb") as stream:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                return b"", Problem(shown_as, 1, 1, "not a regular file")
            raw = _read_at_most(stream, limit + 1)
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        return b"", Problem(shown_as, 1, 1, f"cannot read file: {reason}")
    except MemoryError:
        return b"", Problem(shown_as, 0, 0, "file is too large to read into memory")
    if len(raw) > limit:
        return b"", _too_large(shown_as, len(raw), limit)
    return raw, None


def _read_at_most(stream, count: int) -> bytes:
    """Return the rest of ``stream``, or its next ``count`` bytes if it holds more.

    Read in steps from the size the file has now (it may grow meanwhile): one
    ``read(count)`` would reserve ``count`` bytes of memory up front.
    """
    step = min(count, max(os.fstat(stream.fileno()).st_size + 1, 1 << 16))
    parts, total = [], 0
    while total < count:
        part = stream.read(min(step, count - total))
        if not part:
            break
        parts.append(part)
        total += len(part)
        step = min(max(step, 1 << 20), count - total) or 1
    return b"".join(parts) if len(parts) != 1 else parts[0]


def read_utf8(path: Path, shown_as: str, max_size: int | None = None) -> tuple[str, Problem | None]:
    """Return the text of the regular file ``path``, or a problem saying why it cannot be read."""
    raw, problem = read_bytes(path, shown_as, max_size)
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


class Realpaths:
    """``os.path.realpath``, each folder resolved once: for the many files of one folder.

    A file's real path is its folder's real path joined with its name,
    itself resolved only where it is a symbolic link: what ``realpath``
    finds, with one ``lstat`` a file rather than one a component. Made for
    one load (a folder's links are not watched for change).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> Realpaths()(folder / "a.txt") == os.path.realpath(folder / "a.txt")
    True
    """

    def __init__(self):
        self._folders: dict[str, str] = {}

    def __call__(self, path) -> str:
        folder, name = os.path.split(os.fspath(path))
        if name in ("", ".", "..") or not folder:
            return os.path.realpath(path)
        real = self._folders.get(folder)
        if real is None:
            real = self._folders[folder] = os.path.realpath(folder)
        joined = os.path.join(real, name)
        return os.path.realpath(joined) if os.path.islink(joined) else joined
