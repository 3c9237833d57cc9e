"""Progress of long operations, reported to whoever listens: the library never prints.

Library code marks its long steps with :func:`step` and, inside loops,
:func:`advance`; both cost almost nothing when no one listens. A caller who
wants to show progress installs a listener with :func:`reporting`: it gets
each :class:`Event` (a step starting, advancing, finishing). The CLI's
listener draws a line on stderr when stderr is a terminal, only for steps
that last over a second, and never with ``--quiet``.

>>> events = []
>>> with reporting(events.append):
...     with step("loading", "data"):
...         advance(1, 2)
>>> [(e.kind, e.what, e.done, e.total) for e in events]
[('start', 'loading', None, None), ('advance', 'loading', 1, 2), ('finish', 'loading', None, None)]
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

__all__ = ["Event", "advance", "reporting", "step"]


@dataclass(frozen=True)
class Event:
    """One report: ``kind`` is "start", "advance" or "finish"; ``elapsed`` is in seconds."""

    kind: str
    what: str
    detail: str = ""
    done: int | None = None
    total: int | None = None
    elapsed: float = 0.0


Listener = Callable[[Event], None]

_listener: contextvars.ContextVar[Listener | None] = contextvars.ContextVar(
    "graph_progress", default=None
)
_current: contextvars.ContextVar[tuple[str, str, float] | None] = contextvars.ContextVar(
    "graph_progress_step", default=None
)


@contextmanager
def reporting(listener: Listener | None) -> Iterator[None]:
    """Send the progress of everything run inside the block to ``listener``."""
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)


@contextmanager
def step(what: str, detail: str = "") -> Iterator[None]:
    """Mark a step that may take a while (``what``: a few words; ``detail``: e.g. a path)."""
    listener = _listener.get()
    if listener is None:
        yield
        return
    started = time.monotonic()
    token = _current.set((what, detail, started))
    listener(Event("start", what, detail))
    try:
        yield
    finally:
        _current.reset(token)
        listener(Event("finish", what, detail, elapsed=time.monotonic() - started))


def advance(done: int, total: int | None = None) -> None:
    """Say how far the current step has come (``done`` of ``total`` items)."""
    listener = _listener.get()
    current = _current.get()
    if listener is None or current is None:
        return
    what, detail, started = current
    listener(Event("advance", what, detail, done, total, time.monotonic() - started))
