"""Write output files whole or not at all, and never over anything but a regular file.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_atomically(folder / "page.html", "<p>hi</p>").read_text()
'<p>hi</p>'
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
import threading
from pathlib import Path

__all__ = ["NotRegularFileError", "open_in_place", "write_atomically"]

# The signals that end a process while it writes: they wait (blocked) until the
# new file is in place or the temporary one is removed, then take effect as
# they would have (SIGINT raises KeyboardInterrupt, which the cleanup handles).
_TERMINATING = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class NotRegularFileError(OSError):
    """The output path names a device, a FIFO, a socket or a folder: it is never replaced."""


def write_atomically(path: str | os.PathLike, text: str | bytes) -> Path:
    """Write ``text`` to ``path`` in UTF-8 (bytes as they are) and return the file's absolute path.

    The text goes to a temporary file in the same folder, which then replaces
    ``path`` in one step: a reader sees the old file or the new one, never half
    of one, and a failure (an exception, Ctrl-C, SIGTERM or SIGHUP) leaves no
    temporary file behind; a signal then ends the process as it would have.

    Through a symlink, the file it points at is replaced and the link kept.
    Only a regular file is ever replaced: a device node, a FIFO, a socket or a
    folder (after symlinks) raises :class:`NotRegularFileError`, and a symlink
    loop raises ``OSError`` (ELOOP). The new file is owned by whoever writes it
    and gets the old file's permission bits less setuid and setgid (the usual
    ``0666 & ~umask`` for a new file). Line endings are written as given, so
    outputs compare byte for byte. Raises ``OSError`` when the folder is
    missing or not writable.
    """
    target = _regular_target(path)
    with _signals_held():
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


def _regular_target(path: str | os.PathLike) -> Path:
    """Return the file ``path`` names after symlinks; refuse anything but a regular file."""
    target = Path(os.path.realpath(path))
    try:
        status = os.stat(target)
    except FileNotFoundError:
        return target
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise OSError(errno.ELOOP, "symlink loop", str(path)) from None
        raise
    if not stat.S_ISREG(status.st_mode):
        what = _kind(status.st_mode)
        raise NotRegularFileError(
            errno.EEXIST, f"{target} is {what}, not a regular file: refusing to replace it"
        )
    return target


def open_in_place(path: str | os.PathLike):
    """Return ``path`` opened for writing from its start (binary, emptied), a regular file only.

    For a file written while it grows, such as a log handed to another
    process, where :func:`write_atomically` cannot serve. Stricter than it:
    a symlink is never followed (its target could be any file of the user's),
    and a FIFO, a device, a socket or a folder raises
    :class:`NotRegularFileError` at once (the open never waits for a FIFO's
    reader). The file is emptied only once it is known to be a regular file.
    """
    flags = os.O_WRONLY | os.O_CREAT
    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.open(path, flags, 0o666)
    except OSError as error:
        if error.errno == errno.ELOOP and os.path.islink(path):
            raise NotRegularFileError(
                errno.ELOOP, f"{path} is a symlink: refusing to write through it"
            ) from None
        if error.errno == errno.EISDIR:
            raise NotRegularFileError(
                errno.EISDIR, f"{path} is a folder, not a regular file: refusing it"
            ) from None
        if error.errno == errno.ENXIO:  # a FIFO without a reader, opened without waiting
            raise NotRegularFileError(
                errno.ENXIO, f"{path} is a FIFO (named pipe), not a regular file: refusing it"
            ) from None
        raise
    try:
        mode = os.fstat(handle).st_mode
        if not stat.S_ISREG(mode):
            raise NotRegularFileError(
                errno.EEXIST, f"{path} is {_kind(mode)}, not a regular file: refusing it"
            )
        os.ftruncate(handle, 0)
        if hasattr(os, "set_blocking"):
            os.set_blocking(handle, True)
        return os.fdopen(handle, "wb")
    except BaseException:
        os.close(handle)
        raise


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device node"
    return "not a regular file"


def _mode_for(target: Path) -> int:
    """Return the new file's permission bits: the old file's less setuid/setgid, or the usual."""
    try:
        return target.stat().st_mode & 0o7777 & ~(stat.S_ISUID | stat.S_ISGID)
    except FileNotFoundError:
        # mkstemp makes the file private (0600); a new file gets the usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def _signals_held():
    """While the block runs, SIGTERM and SIGHUP wait; then one that came ends the process.

    This thread blocks them, so they wait in the kernel and take effect, as
    they would have, once the block is over. One that reaches another thread
    of the process (a library's worker) is noted by a handler that never
    raises (set only where the default action was in place, and only from
    the main thread, as Python requires) and sent again at the end.
    """
    arrived: list[int] = []
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for signum in _TERMINATING:
            if signal.getsignal(signum) is signal.SIG_DFL:
                previous[signum] = signal.signal(signum, lambda number, _: arrived.append(number))
    held = _hold_signals()
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)  # runs a noting handler still pending first
        _release_signals(held)  # one that waited in the kernel takes effect here
        if arrived:
            os.kill(os.getpid(), arrived[0])


def _hold_signals():
    """Block SIGTERM and SIGHUP in this thread (they wait, pending); return the mask to restore."""
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, _TERMINATING)


def _release_signals(previous) -> None:
    if previous is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
