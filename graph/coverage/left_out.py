"""Names a dataset leaves out on purpose, with the reason: ``coverage.yaml`` next to its files.

``left_out: {Odessa: a city, not an actor}`` lists a name with its reason
instead of as a gap.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..names import name_key
from ..problems import DatasetError

__all__ = ["LEFT_OUT_FILE", "read_left_out"]

LEFT_OUT_FILE = "coverage.yaml"


def read_left_out(
    folder: str | os.PathLike | None, max_file_size: int | None = None
) -> dict[str, str]:
    """Return ``{folded name: reason}`` from ``coverage.yaml`` in ``folder`` (empty when none).

    Raises :class:`~graph.problems.DatasetError` when the file is not a
    mapping of names to reasons under ``left_out``.
    """
    from ..problems import Problem
    from ..sources import read_yaml

    if folder is None:
        return {}
    path = Path(folder) / LEFT_OUT_FILE
    if not path.is_file():
        return {}
    source, problems = read_yaml(path, str(path), max_file_size)
    reasons: dict[str, str] = {}
    if source is not None:
        source, found = source.located()
        problems += found
    if source is not None:
        data = source.data
        left_out = data.get("left_out") if isinstance(data, dict) else None
        if not isinstance(left_out, dict):
            where = ("left_out",) if isinstance(data, dict) and "left_out" in data else ()
            line, column = source.locator.position(where)
            problems.append(
                Problem(str(path), line, column, "expected 'left_out:' mapping names to reasons")
            )
        else:
            for name, reason in left_out.items():
                if not isinstance(name, str) or not isinstance(reason, str) or not reason:
                    line, column = source.locator.position(("left_out", name))
                    problems.append(
                        Problem(str(path), line, column, "expected 'NAME: reason' (both text)")
                    )
                    continue
                reasons[name_key(name)] = reason
    if problems:
        raise DatasetError(problems)
    return reasons
