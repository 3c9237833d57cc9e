"""Where a dataset's data comes from: readers that give plain data and a way back to the file.

Every reader returns a :class:`Source`: the file's content as **plain data**
(dicts, lists, str, int, float, bool and None, in the shape of the YAML
format) and a :class:`Locator`. The dataset rules (:mod:`graph.rules`) run
once on the plain data, whatever the reader, and name each problem by its
**path** in that data, e.g. ``("relations", 150000, "target")``; only then
does the locator turn the path into a line and a column (or a row and a
column, for tables).

A reader that parses without positions (the fast YAML reader) gives a
locator that raises :class:`NotLocated`; the caller then asks
:meth:`Source.located` for a reading with positions, and applies the rules
again to it. So the slow, located pass is paid only when something is wrong.

>>> source, problems = read_yaml_text("a: [1, {b: x}]\\n", "x.yaml")
>>> source.data
{'a': [1, {'b': 'x'}]}
>>> located, problems = source.located()
>>> located.locator.position(("a", 1, "b")), located.locator.position(("a", 1, "b"), key=True)
((1, 12), (1, 9))
"""

from __future__ import annotations

import os
from pathlib import Path

from ..problems import Problem
from .source import DataPath, Locator, NotLocated, Source
from .text import decode_utf8, read_bytes, read_utf8

__all__ = [
    "DataPath",
    "Locator",
    "NotLocated",
    "Source",
    "decode_utf8",
    "read_utf8",
    "read_yaml",
    "read_yaml_text",
    "yaml_parser",
]


def yaml_parser() -> str:
    """Return the YAML parser in use: ``"fast"`` (yaml-rs) or ``"pyyaml"``.

    ``GRAPH_YAML_PARSER=pyyaml`` forces PyYAML; without yaml-rs installed it is PyYAML.
    """
    if os.environ.get("GRAPH_YAML_PARSER", "").strip().lower() == "pyyaml":
        return "pyyaml"
    from . import yaml_fast

    return "fast" if yaml_fast.available() else "pyyaml"


def read_yaml(
    path: Path, shown_as: str, max_size: int | None = None
) -> tuple[Source | None, list[Problem]]:
    """Read the YAML file ``path`` (at most ``max_size`` bytes); problems name it ``shown_as``."""
    raw, problem = read_bytes(path, shown_as, max_size)
    if problem:
        return None, [problem]
    text, problem = decode_utf8(raw, shown_as)
    if problem:
        return None, [problem]
    return read_yaml_text(text, shown_as)


def read_yaml_text(text: str, shown_as: str) -> tuple[Source | None, list[Problem]]:
    """Parse YAML ``text`` with the fast parser when it is sure to agree, else with PyYAML."""
    if yaml_parser() == "fast":
        from . import yaml_fast

        source = yaml_fast.read(text, shown_as)
        if source is not None:
            return source, []
    from . import yaml_located

    return yaml_located.read(text, shown_as)
