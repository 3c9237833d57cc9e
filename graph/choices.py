"""Check that an option is one of the names it may take, in the words every layer uses.

Below the engines and the queries, so both can check ``measure``,
``method`` or ``direction`` with one wording.
"""

from __future__ import annotations

from collections.abc import Iterable

from .problems import QueryError

__all__ = ["check_choice"]


def check_choice(value: str, choices: Iterable[str], what: str) -> None:
    """Raise QueryError unless ``value`` is one of ``choices``, listing them.

    >>> check_choice("fame", ["degree", "pagerank"], "measure")
    Traceback (most recent call last):
    graph.problems.QueryError: unknown measure 'fame' (choose from: degree, pagerank)
    """
    choices = list(choices)
    if value not in choices:
        raise QueryError(f"unknown {what} {value!r} (choose from: {', '.join(choices)})")
