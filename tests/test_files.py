"""Writing output files whole or not at all."""

from __future__ import annotations

import os
import signal
import stat

import pytest

from graph.files import write_atomically


def test_writes_utf8_with_the_line_endings_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    written = write_atomically("page.html", "Türkiye\r\nline\n")
    assert written == tmp_path / "page.html"
    assert written.read_bytes() == "Türkiye\r\nline\n".encode()
    assert os.listdir(tmp_path) == ["page.html"]


def test_replaces_an_existing_file_with_the_usual_permissions(tmp_path):
    target = tmp_path / "page.html"
    target.write_text("old", encoding="utf-8")
    write_atomically(target, "new")
    assert target.read_text("utf-8") == "new"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_a_failure_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "page.html"
    target.write_text("old", encoding="utf-8")

    def refuse(source, destination):
        raise PermissionError("refused")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(PermissionError):
        write_atomically(target, "new")
    assert os.listdir(tmp_path) == ["page.html"]
    assert target.read_text("utf-8") == "old"


def test_text_that_cannot_be_encoded_leaves_nothing(tmp_path):
    with pytest.raises(UnicodeEncodeError):
        write_atomically(tmp_path / "page.html", "lone surrogate \udc80")
    assert os.listdir(tmp_path) == []


def test_a_missing_folder_is_an_os_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_atomically(tmp_path / "missing" / "page.html", "text")
    assert os.listdir(tmp_path) == []


def test_a_symlink_keeps_pointing_at_the_replaced_file(tmp_path):
    import os

    from graph.files import write_atomically

    (tmp_path / "target.html").write_text("old")
    os.symlink("target.html", tmp_path / "link.html")
    write_atomically(tmp_path / "link.html", "new")
    assert (tmp_path / "link.html").is_symlink()
    assert (tmp_path / "target.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.html", "target.html"]


def test_an_existing_file_keeps_its_permissions(tmp_path):
    import os

    from graph.files import write_atomically

    private = tmp_path / "private.html"
    private.write_text("old")
    os.chmod(private, 0o600)
    write_atomically(private, "new")
    assert private.stat().st_mode & 0o777 == 0o600
    assert private.read_text() == "new"


# Issue 15, item 1: only a regular file is ever replaced.


def _refused(tmp_path, node_name):
    os.symlink(node_name, tmp_path / "page.html")
    with pytest.raises(OSError, match="not a regular file: refusing to replace it"):
        write_atomically(tmp_path / "page.html", "new")


@pytest.mark.skipif(os.geteuid() != 0, reason="mknod of a character device needs root")
def test_a_device_node_behind_a_symlink_is_never_replaced(tmp_path):
    node = tmp_path / "fakenull"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    _refused(tmp_path, "fakenull")
    assert stat.S_ISCHR(os.lstat(node).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fakenull", "page.html"]


def test_a_fifo_behind_a_symlink_is_never_replaced(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    _refused(tmp_path, "pipe")
    assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe").st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html", "pipe"]


def test_a_socket_or_a_folder_is_never_replaced(tmp_path):
    import socket

    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "sock"))
        _refused(tmp_path, "sock")
        assert stat.S_ISSOCK(os.lstat(tmp_path / "sock").st_mode)
    finally:
        server.close()
    (tmp_path / "folder").mkdir()
    with pytest.raises(OSError, match="is a folder, not a regular file"):
        write_atomically(tmp_path / "folder", "new")
    assert (tmp_path / "folder").is_dir()


def test_setuid_and_setgid_bits_are_not_kept(tmp_path):
    target = tmp_path / "page.html"
    target.write_text("old")
    os.chmod(target, 0o6755)
    write_atomically(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o755


def test_a_symlink_loop_is_reported_as_a_loop(tmp_path):
    os.symlink("b.html", tmp_path / "a.html")
    os.symlink("a.html", tmp_path / "b.html")
    with pytest.raises(OSError, match="symlink loop"):
        write_atomically(tmp_path / "a.html", "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.html"]


# Issue 15, item 10: SIGTERM or SIGHUP during the write leaves no temporary file.

# The children start from the default actions, whatever this run inherited
# (under `nohup` SIGHUP is ignored, and write_atomically leaves an ignored signal ignored).
_DEFAULT_ACTIONS = """
import signal
for number in (signal.SIGTERM, signal.SIGHUP):
    signal.signal(number, signal.SIG_DFL)
"""
_WRITER = (
    _DEFAULT_ACTIONS
    + """
import sys
from graph.files import write_atomically
for _ in range(1000):
    write_atomically(sys.argv[1], "x" * (64 << 20))
"""
)


@pytest.mark.parametrize("signum", [15, 1], ids=["SIGTERM", "SIGHUP"])
def test_a_terminating_signal_during_the_write_leaves_no_temporary_file(tmp_path, signum):
    import subprocess
    import sys
    import time

    child = subprocess.Popen([sys.executable, "-c", _WRITER, str(tmp_path / "page.html")])
    try:
        deadline = time.monotonic() + 60
        while not any(name.endswith(".tmp") for name in os.listdir(tmp_path)):
            assert time.monotonic() < deadline and child.poll() is None
        child.send_signal(signum)
        assert child.wait(timeout=60) == -signum  # ended by the signal, as before
    finally:
        child.kill()
        child.wait()
    assert [name for name in os.listdir(tmp_path) if name.endswith(".tmp")] == []


_SMALL_WRITER = (
    _DEFAULT_ACTIONS
    + """
import sys
from graph.files import write_atomically
while True:
    write_atomically(sys.argv[1], "x" * 1024)
"""
)


def test_a_signal_at_any_moment_of_small_writes_ends_the_process_cleanly(tmp_path):
    # Small writes spend most of their time around the file, where signal handlers
    # used to be swapped: a signal landing there was lost (the process wrote on)
    # or raised out of the cleanup with a traceback, about 1 time in 70.
    import random
    import subprocess
    import sys
    import time

    chance = random.Random(0)
    for trial in range(150):
        folder = tmp_path / str(trial)
        folder.mkdir()
        child = subprocess.Popen(
            [sys.executable, "-c", _SMALL_WRITER, str(folder / "page.html")],
            stderr=subprocess.PIPE,
        )
        try:
            deadline = time.monotonic() + 60
            while not (folder / "page.html").exists():
                assert time.monotonic() < deadline and child.poll() is None
            time.sleep(chance.random() * 0.002)
            signum = chance.choice([signal.SIGTERM, signal.SIGHUP])
            child.send_signal(signum)
            assert child.wait(timeout=60) == -signum, trial
        finally:
            child.kill()
            child.wait()
        assert child.stderr.read() == b"", trial
        assert [name for name in os.listdir(folder) if name.endswith(".tmp")] == [], trial


def test_a_process_that_ignores_sighup_writes_on_after_one(tmp_path):
    import subprocess
    import sys

    writer = (
        "import signal, sys\n"
        "signal.signal(signal.SIGHUP, signal.SIG_IGN)\n"
        "from graph.files import write_atomically\n"
        "for number in range(300):\n"
        "    write_atomically(sys.argv[1], str(number))\n"
        "    if number == 100: print('ready', flush=True); sys.stdin.readline()\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", writer, str(tmp_path / "out.txt")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert child.stdout.readline() == b"ready\n"
        child.send_signal(signal.SIGHUP)
        child.stdin.write(b"go\n")
        child.stdin.flush()
        assert child.wait(timeout=60) == 0
    finally:
        child.kill()
        child.wait()
    assert (tmp_path / "out.txt").read_text() == "299"
    assert os.listdir(tmp_path) == ["out.txt"]


# -- open_in_place: a file written while it grows (Spark's log) -------------


def test_open_in_place_empties_a_regular_file_and_writes_it(tmp_path):
    from graph.files import open_in_place

    log = tmp_path / "spark.log"
    log.write_bytes(b"an old, longer log\n")
    with open_in_place(log) as stream:
        stream.write(b"new\n")
    assert log.read_bytes() == b"new\n"
    with open_in_place(tmp_path / "fresh.log") as stream:
        stream.write(b"x")
    assert (tmp_path / "fresh.log").read_bytes() == b"x"


def test_open_in_place_never_follows_a_symlink_nor_waits_on_a_fifo(tmp_path):
    from graph.files import NotRegularFileError, open_in_place

    precious = tmp_path / "precious.txt"
    precious.write_bytes(b"keep me\n")
    link = tmp_path / "link.log"
    link.symlink_to(precious)
    with pytest.raises(NotRegularFileError, match="is a symlink: refusing to write through it"):
        open_in_place(link)
    assert precious.read_bytes() == b"keep me\n"
    dangling = tmp_path / "dangling.log"
    dangling.symlink_to(tmp_path / "created-elsewhere.log")
    with pytest.raises(NotRegularFileError, match="is a symlink"):
        open_in_place(dangling)
    assert not (tmp_path / "created-elsewhere.log").exists()
    fifo = tmp_path / "fifo.log"
    os.mkfifo(fifo)
    with pytest.raises(NotRegularFileError, match=r"FIFO \(named pipe\), not a regular file"):
        open_in_place(fifo)  # no reader: opening it to write would have waited for one
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        with pytest.raises(NotRegularFileError, match=r"a FIFO \(named pipe\), not a regular"):
            open_in_place(fifo)
    finally:
        os.close(reader)
    with pytest.raises(NotRegularFileError, match="is a folder, not a regular file"):
        open_in_place(tmp_path)
