"""Issue 15: hostile inputs and faults through the real CLI, each once a defect.

Each test here failed before its fix: a clear message and an exit code, never
a traceback, nothing overwritten that is not a regular file.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys

from .conftest import SMALL

GRAPH = [sys.executable, "-m", "graph"]


def test_html_refuses_to_replace_a_fifo_behind_a_symlink(run, tmp_path):
    os.mkfifo(tmp_path / "pipe")
    os.symlink("pipe", tmp_path / "page.html")
    result = run("html", "--data", str(SMALL), "-o", str(tmp_path / "page.html"))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: cannot write {tmp_path / 'page.html'}: {tmp_path / 'pipe'} is a FIFO "
        "(named pipe), not a regular file: refusing to replace it\n"
    )
    assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe").st_mode)
    assert sorted(os.listdir(tmp_path)) == ["page.html", "pipe"]


def test_a_closed_stdout_is_an_error_not_lost_output():
    for command in ("stats", "validate", "show turkiye --format csv"):
        result = subprocess.run(
            f"exec {' '.join(GRAPH)} {command} >&-",
            shell=True,
            capture_output=False,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert result.returncode == 1, command
        assert result.stderr == "Error: cannot write output: stdout is closed\n"
