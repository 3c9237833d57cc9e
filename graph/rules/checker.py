"""The checker every rule uses: typed values out of plain data, problems placed by path.

A rule asks the :class:`Checker` for a value of some kind (a mapping's
fields, a string, an id, a sign, a weight, a date); it gets the value, or
None after the checker has recorded a :class:`~graph.problems.Problem`
saying why, at the place the source's locator gives for the value's path.
What a value must be is defined once, in :mod:`graph.rules.values`.
"""

from __future__ import annotations

from pathlib import PurePath

from ..problems import Problem, did_you_mean
from ..sources import DataPath, NotLocated, Source
from .values import (
    ID_PATTERN,
    MAX_WEIGHT,
    MIN_WEIGHT,
    date_text,
    fixed_id,
    period_fault,
    string_fault,
    weight_value,
)

__all__ = ["MISSING", "Checker"]

# Marks a field that is absent, as opposed to present and null.
MISSING = object()


class Checker:
    """Reads typed values out of one source's plain data, recording problems by path.

    A problem is placed through the source's locator; a source read without
    positions raises :class:`~graph.sources.NotLocated` there, and the loader
    applies the rules again to a located reading.
    """

    def __init__(self, source: Source, problems: list[Problem]):
        self.shown_as = source.shown_as
        self.locator = source.locator
        self.suspect = source.suspect
        self.problems = problems

    def error(
        self, path: DataPath, message: str, hint: str | None = None, key: bool = False
    ) -> None:
        line, column = self.locator.position(path, key)
        self.problems.append(Problem(self.file(path), line, column, message, hint))

    def warn(self, path: DataPath, message: str) -> None:
        line, column = self.locator.position(path)
        self.problems.append(Problem(self.file(path), line, column, message, severity="warning"))

    @property
    def from_tables(self) -> bool:
        """Return whether the data came from tables (whose locator names each value's file)."""
        return hasattr(self.locator, "file")

    def file(self, path: DataPath) -> str:
        """Return the file a path's value came from: a table locator knows, else the source's."""
        file = getattr(self.locator, "file", None)
        return file(path) if file is not None else self.shown_as

    def line(self, path: DataPath) -> int:
        return self.locator.position(path)[0]

    def where(self, path: DataPath) -> str:
        """Return where a path's value is, in words: "line 5" (YAML) or "row 5" (a table)."""
        return f"{'row' if self.from_tables else 'line'} {self.line(path)}"

    def place(self, path: DataPath) -> str:
        """Return the file and where in it, in words: "actors.yaml line 5", "actors.csv row 5"."""
        return f"{PurePath(self.file(path)).name} {self.where(path)}"

    def raw(self, value, path: DataPath, key: bool = False) -> str:
        """Return a scalar as it was written (a string is its own text)."""
        if isinstance(value, str):
            return value
        return self.locator.text(path, key) or ""

    def describe(self, value, path: DataPath, key: bool = False) -> str:
        """Return what a value is, with its text, for messages: "a boolean ('No')"."""
        kind = _kind(value)
        if value is None or isinstance(value, (list, dict)):
            return kind
        raw = self.raw(value, path, key)
        return f"{kind} ({raw!r})" if raw else kind

    def show(self, value, path: DataPath) -> str:
        if isinstance(value, (list, dict)):
            return self.describe(value, path)
        return repr(self.raw(value, path))

    def fields(
        self,
        value,
        path: DataPath,
        what: str,
        required: tuple[str, ...],
        optional: tuple[str, ...],
    ) -> dict | None:
        """Return a mapping's known fields, after checking its keys."""
        if not isinstance(value, dict):
            self.error(path, f"{what} must be a mapping, not {self.describe(value, path)}")
            return None
        known = (*required, *optional)
        found = {}
        for key, item in value.items():
            if key in known and isinstance(key, str):
                found[key] = item
            else:
                text = self.raw(key, (*path, key), key=True)
                hint = next(iter(did_you_mean(text, known)), None)
                allowed = ", ".join(known)
                self.error(
                    (*path, key),
                    f"unknown field {text!r} in {what} (allowed: {allowed})",
                    hint,
                    key=True,
                )
        for key in required:
            if key not in found:
                self.error(path, f"{what} is missing required field {key!r}")
        return found

    def string(
        self, value, path: DataPath, what: str, multiline: bool = False, key: bool = False
    ) -> str | None:
        """Return a non-empty string, or None after recording why it is not one.

        What a string may hold is :func:`~graph.rules.values.string_fault`'s
        rule; ``multiline`` text may hold line breaks and tabs.
        """
        if type(value) is not str:
            scalar = value is not None and not isinstance(value, (list, dict))
            # YAML reads No, 12 or 2025-01-01 as other things unless quoted; a table's
            # typed column (Parquet) holds what it holds.
            advice = "store the column as text" if self.from_tables else "put it in quotes"
            extra = f" ({advice})" if scalar else ""
            self.error(
                path,
                f"{what} must be a string, not {self.describe(value, path, key)}{extra}",
                key=key,
            )
            return None
        if self.suspect is not None and self.suspect(value):
            raise NotLocated(path)  # YAML 1.1 may read it otherwise: the located reading decides
        fault = string_fault(value, multiline)
        if fault is not None:
            self.error(path, f"{what} {fault}", key=key)
            return None
        return value

    def accepts(self, value, multiline: bool = False) -> bool:
        """Return whether :meth:`string` would accept ``value`` (recording nothing)."""
        if type(value) is not str:
            return False
        if self.suspect is not None and self.suspect(value):
            return False
        return string_fault(value, multiline) is None

    def string_list(self, value, path: DataPath, what: str) -> list[tuple[str, DataPath]]:
        """Return the strings of a list with their paths (a lone string is refused)."""
        if not isinstance(value, list):
            self.error(path, f"{what} must be a list of strings, not {self.describe(value, path)}")
            return []
        values = []
        for index, item in enumerate(value):
            text = self.string(item, (*path, index), f"each of {what}")
            if text is not None:
                values.append((text, (*path, index)))
        return values

    def mapping_items(self, value, path: DataPath, what: str) -> list[tuple[object, object]]:
        if not isinstance(value, dict):
            self.error(path, f"{what} must be a mapping, not {self.describe(value, path)}")
            return []
        return list(value.items())

    def sequence_items(self, value, path: DataPath, what: str) -> list:
        if not isinstance(value, list):
            self.error(path, f"{what} must be a list, not {self.describe(value, path)}")
            return []
        return value

    def identifier(self, value, path: DataPath, what: str) -> str | None:
        text = self.string(value, path, what)
        if text is not None and not ID_PATTERN.fullmatch(text):
            self.error(
                path,
                f"{what} {text!r} must be lowercase letters, digits, '-' or '_', "
                "starting with a letter or digit",
                fixed_id(text),
            )
            return None
        return text

    def optional_text(self, value, path: DataPath, what: str) -> str | None:
        if value is None or value is MISSING:
            return None
        return self.string(value, path, what, multiline=True)

    def boolean(self, value, path: DataPath, what: str) -> bool | None:
        if type(value) is bool:
            return value
        self.error(path, f"{what} must be true or false, not {self.describe(value, path)}")
        return None

    def sign(self, value, path: DataPath) -> int | None:
        if type(value) is int and value in (-1, 0, 1):
            return value
        self.error(
            path,
            "sign must be 1 (cooperative), -1 (hostile) or 0 (neutral), "
            f"not {self.show(value, path)}",
        )
        return None

    def weight(self, value, path: DataPath) -> float | None:
        number = weight_value(value)
        if number is None:
            self.error(
                path,
                f"weight must be a number from {MIN_WEIGHT:g} to {MAX_WEIGHT:g}, "
                f"not {self.show(value, path)}",
            )
        return number

    def date(self, value, path: DataPath) -> str | None:
        # Dates are text, so 2025-11-03 stays a string and 2025-11 is allowed.
        if isinstance(value, (list, dict)):
            self.error(
                path,
                f"date must be YYYY, YYYY-MM or YYYY-MM-DD, not {self.describe(value, path)}",
            )
            return None
        text = date_text(value)
        if text is None:
            text = self.raw(value, path)
        fault = period_fault(text)
        if fault is not None:
            self.error(path, fault)
            return None
        return text


def _kind(value) -> str:
    """Return what kind of YAML value ``value`` is, in words."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "a value"
