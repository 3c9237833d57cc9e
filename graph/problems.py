"""Problems found in a dataset, and the exceptions the library raises.

Problems are data: the loader collects every :class:`Problem` it finds and
raises one :class:`DatasetError` holding all of them, so a user sees every
mistake in one run. The CLI turns that into ``FILE:LINE:COL: error: message``
lines; the library never prints.

>>> p = Problem("data/actors.yaml", 3, 9, "unknown kind 'contry'", hint="country")
>>> str(p)
"data/actors.yaml:3:9: error: unknown kind 'contry' (did you mean 'country'?)"
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .display import shown_path

__all__ = [
    "AmbiguousActorError",
    "DatasetError",
    "GraphError",
    "Problem",
    "QueryError",
    "UnknownActorError",
    "did_you_mean",
]


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake (or warning) at a place in a file; lines and columns count from 1."""

    file: str
    line: int
    column: int
    message: str
    hint: str | None = None
    severity: str = "error"

    def to_dict(self) -> dict:
        """Return the problem as JSON-ready data; ``Problem(**data)`` rebuilds it."""
        return {
            "file": shown_path(self.file),
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "hint": self.hint,
            "severity": self.severity,
        }

    def __str__(self) -> str:
        suggestion = f" (did you mean {self.hint!r}?)" if self.hint else ""
        # A problem with the whole file (too large to read) has no line: FILE: error: ...
        where = shown_path(self.file)
        if self.line:
            where += f":{self.line}:{self.column}"
        return f"{where}: {self.severity}: {self.message}{suggestion}"


class GraphError(Exception):
    """Base class of every error the library raises on purpose."""


class DatasetError(GraphError):
    """A dataset could not be loaded; ``problems`` lists every reason, in file order."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        count = len(self.problems)
        first = f": {self.problems[0]}" if self.problems else ""
        super().__init__(f"{count} problem(s) in dataset{first}")


class QueryError(GraphError):
    """A query was asked with arguments that make no sense (a usage error)."""


class UnknownActorError(QueryError):
    """No actor has this id, name or alias; ``suggestions`` holds close matches."""

    def __init__(self, query: str, suggestions: list[str]):
        self.query = query
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        super().__init__(f"unknown actor {query!r}{hint}")


class AmbiguousActorError(QueryError):
    """A query could name several actors, or one uncertainly; ``candidates`` holds their ids."""

    def __init__(
        self, query: str, candidates: list[str], names: dict[str, str], reason: str | None = None
    ):
        self.query = query
        self.candidates = candidates
        listed = ", ".join(f"{names[actor_id]} ({actor_id})" for actor_id in candidates)
        # ``reason`` says why a query that one actor holds still names none for sure
        said = f"{reason}; it could name" if reason else f"names {len(candidates)} actors:"
        super().__init__(f"{query!r} {said} {listed}; use an id or a full name")


def did_you_mean(word: str, choices: Iterable[str], count: int = 1) -> list[str]:
    """Return up to ``count`` choices close to ``word``, best first, at a bounded cost
    (see :mod:`graph.suggest`).

    >>> did_you_mean("contry", ["country", "person"])
    ['country']
    """
    from .suggest import did_you_mean as suggest

    return suggest(word, choices, count=count)
