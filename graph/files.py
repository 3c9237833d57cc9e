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

# The signals that end a process by default while it writes: on these the
# temporary file is removed before the process ends (SIGINT raises
# KeyboardInterrupt, which the cleanup already handles).
_TERMINATING = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class NotRegularFileError(OSError):
    """The output path names a device, a FIFO, a socket or a folder: it is never replaced."""


class _Terminated(BaseException):
    """Raised by a terminating signal's handler, so the write cleans up and the signal resumes."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


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
    with _cleanup_on_termination():
        # A signal between the file's creation and the ``try`` would leave it behind:
        # the terminating signals wait (blocked) until the cleanup is in place.
        held = _hold_signals()
        try:
            handle, temporary = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
            )
        except BaseException:
            _release_signals(held)
            raise
        try:
            _release_signals(held)  # a signal that waited is handled here, inside the try
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
def _cleanup_on_termination():
    """While the block runs, SIGTERM and SIGHUP unwind it (so it cleans up), then end the process.

    Only signals left at their default action are caught, and only in the main
    thread (the only one Python lets set handlers).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}
    for signum in _TERMINATING:
        if signal.getsignal(signum) is signal.SIG_DFL:
            previous[signum] = signal.signal(signum, _raise_terminated)
    try:
        yield
    except _Terminated as terminated:
        _restore(previous)
        # End as the signal would have, now that nothing is left behind.
        os.kill(os.getpid(), terminated.signum)
        raise SystemExit(128 + terminated.signum) from None
    finally:
        _restore(previous)


def _hold_signals():
    """Block SIGTERM and SIGHUP (they wait, pending); return the mask to restore."""
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, _TERMINATING)


def _release_signals(previous) -> None:
    if previous is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _raise_terminated(signum, frame):
    raise _Terminated(signum)


def _restore(previous: dict) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)
