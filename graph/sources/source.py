"""A source: one file's plain data and the way back from a path in it to where it was written.

The types every reader gives and the rules take (see :mod:`graph.sources`);
they live apart from the readers so the readers can import them without
importing the package that chooses between them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..problems import Problem

__all__ = ["DataPath", "Locator", "NotLocated", "Source", "Unlocated"]

DataPath = tuple  # of str keys and int indexes, from the root of a file's data


class NotLocated(Exception):
    """Raised by a locator without positions: read again with :meth:`Source.located`."""


class Locator(Protocol):
    """Turns a path in a source's plain data into where it was written."""

    def position(self, path: DataPath, key: bool = False) -> tuple[int, int]:
        """Return the 1-based (line, column) of the value at ``path`` (of its key if ``key``).

        An empty path is the whole file. Table readers give (row, column).
        """

    def text(self, path: DataPath, key: bool = False) -> str | None:
        """Return the value at ``path`` (or its key) as written, None for a list or mapping."""


class Unlocated:
    """The locator of a reading without positions: every question raises :class:`NotLocated`."""

    def position(self, path: DataPath, key: bool = False) -> tuple[int, int]:
        raise NotLocated(path)

    def text(self, path: DataPath, key: bool = False) -> str | None:
        raise NotLocated(path)


@dataclass
class Source:
    """One file's plain data, its name in messages, and the way back to positions."""

    shown_as: str
    data: Any
    locator: Locator
    # For a reading without positions: how to read the same text with positions.
    relocate: Callable[[], tuple[Source | None, list[Problem]]] | None = field(
        default=None, repr=False
    )
    # For a reading without positions: whether a string it gave might mean
    # something else to the located reading. The rules call it on each string
    # they accept, and read again located when it says yes.
    suspect: Callable[[str], bool] | None = field(default=None, repr=False)

    @property
    def is_located(self) -> bool:
        """Return whether the locator answers (no :class:`NotLocated`)."""
        return self.relocate is None

    def located(self) -> tuple[Source | None, list[Problem]]:
        """Return a reading of the same text with positions (this one if it has them).

        The located reading is the reference: it may find problems the fast
        one cannot see (then the source is None and the problems say why).
        """
        if self.relocate is None:
            return self, []
        return self.relocate()
