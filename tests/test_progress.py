"""Progress: reported by the library as events, drawn by the CLI on a terminal's stderr only."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

from graph import load_dataset, progress

from .conftest import SMALL


def run_with_terminal_stderr(*args: str, delay: str = "0") -> tuple[int, str, str]:
    """Run the CLI with stderr on a pseudo-terminal; return exit code, stdout and stderr."""
    leader, follower = pty.openpty()
    env = {**os.environ, "GRAPH_PROGRESS_DELAY": delay}
    child = subprocess.Popen(
        [sys.executable, "-m", "graph", *args], stdout=subprocess.PIPE, stderr=follower, env=env
    )
    os.close(follower)
    output = child.stdout.read().decode()
    child.wait(timeout=120)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    return child.returncode, output, seen.decode(errors="replace")


def test_a_load_reports_its_steps_to_a_listener():
    events = []
    with progress.reporting(events.append):
        load_dataset(SMALL, cache=False)
    assert (events[0].kind, events[0].what) == ("start", "loading")
    assert events[-1].kind == "finish" and events[-1].detail == str(SMALL)
    advances = [(e.done, e.total) for e in events if e.kind == "advance"]
    relations = len(load_dataset(SMALL, cache=False).relations)
    assert advances[-1] == (relations, relations)


def test_the_cli_draws_progress_on_a_terminal(tmp_path):
    code, output, errors = run_with_terminal_stderr("stats", "--data", str(SMALL), "--no-cache")
    assert code == 0 and "actors" in output
    assert f"graph: loading {SMALL} …" in errors
    assert f"graph: loading {SMALL}: done in " in errors


def test_quiet_or_a_short_load_draws_nothing():
    code, _, errors = run_with_terminal_stderr("stats", "--data", str(SMALL), "--no-cache", "-q")
    assert code == 0 and errors == ""
    code, _, errors = run_with_terminal_stderr(
        "stats", "--data", str(SMALL), "--no-cache", delay="30"
    )
    assert code == 0 and errors == ""


def test_nothing_is_drawn_when_stderr_is_not_a_terminal():
    env = {**os.environ, "GRAPH_PROGRESS_DELAY": "0"}
    result = subprocess.run(
        [sys.executable, "-m", "graph", "stats", "--data", str(SMALL), "--no-cache"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0 and result.stderr == ""
