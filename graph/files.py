"""Write output files whole or not at all."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["write_atomically"]


def write_atomically(path: str | os.PathLike, text: str | bytes) -> Path:
    """Write ``text`` to ``path`` in UTF-8 (bytes as they are) and return the file's absolute path.

    The text goes to a temporary file in the same folder, which then replaces
    ``path`` in one step: a reader sees the old file or the new one, never half
    of one, and a failure leaves no temporary file behind. An existing file keeps
    its permissions; a symlink keeps pointing at the file, which is replaced. Line endings are
    written as given, on every platform, so outputs compare byte for byte.
    Raises ``OSError`` when the folder is missing or not writable.
    """
    # Through a symlink, the file it points at is replaced, not the link.
    target = Path(os.path.realpath(path))
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        if isinstance(text, bytes):
            stream = os.fdopen(handle, "wb")
        else:
            stream = os.fdopen(handle, "w", encoding="utf-8", newline="")
        with stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return target


def _mode_for(target: Path) -> int:
    """Return the permissions the new file gets: the old file's, or the usual ones."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        # mkstemp makes the file private (0600); a new file gets the usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
