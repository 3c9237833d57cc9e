"""Draw the library's progress events as one line on a terminal's stderr.

Only steps that last over a second are shown (``GRAPH_PROGRESS_DELAY``
changes the delay, in seconds), the line is redrawn at most ten times a
second, and it is replaced by a final "done in N s" line. The CLI installs
it only when stderr is a terminal and ``--quiet`` is not given.
"""

from __future__ import annotations

import os
import threading
import time

from ..progress import Event

__all__ = ["TerminalProgress"]


def _delay() -> float:
    try:
        return max(0.0, float(os.environ.get("GRAPH_PROGRESS_DELAY", "1")))
    except ValueError:
        return 1.0


def _printable(text: str) -> str:
    return "".join(character if character.isprintable() else "?" for character in text)


class TerminalProgress:
    """A progress listener (see :func:`graph.progress.reporting`) writing to ``stream``."""

    def __init__(self, stream, delay: float | None = None):
        self.stream = stream
        self.delay = _delay() if delay is None else delay
        self.lock = threading.Lock()
        self.event: Event | None = None
        self.shown = False
        self.drawn_at = 0.0
        self.timer: threading.Timer | None = None

    def __call__(self, event: Event) -> None:
        with self.lock:
            if event.kind == "start":
                self.event = event
                self.timer = threading.Timer(self.delay, self._draw_late)
                self.timer.daemon = True
                self.timer.start()
            elif event.kind == "advance":
                self.event = event
                now = time.monotonic()
                if event.elapsed >= self.delay and now - self.drawn_at >= 0.1:
                    self._draw(event)
            else:
                if self.timer is not None:
                    self.timer.cancel()
                if self.shown:
                    self._write(f"{self._label(event)}: done in {event.elapsed:.1f} s\n")
                self.shown = False
                self.event = None

    def _draw_late(self) -> None:
        with self.lock:
            if self.event is not None:
                self._draw(self.event)

    def _draw(self, event: Event) -> None:
        line = self._label(event) + " …"
        if event.done is not None:
            line += f" {event.done:,}" + (f" of {event.total:,}" if event.total else "")
        self._write(line)
        self.shown = True
        self.drawn_at = time.monotonic()

    def _label(self, event: Event) -> str:
        detail = f" {_printable(event.detail)}" if event.detail else ""
        return f"graph: {event.what}{detail}"

    def _write(self, text: str) -> None:
        try:
            self.stream.write("\r\x1b[2K" + text)
            self.stream.flush()
        except (OSError, ValueError):
            pass
