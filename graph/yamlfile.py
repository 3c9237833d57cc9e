"""Kept for code written against it: YAML and text reading now live in :mod:`graph.sources`.

>>> from graph.yamlfile import read_utf8
>>> read_utf8.__module__
'graph.sources.text'
"""

from __future__ import annotations

from .sources.text import decode_utf8, read_utf8
from .sources.yaml_located import MAX_EXPANDED_CHARACTERS, MAX_EXPANDED_NODES

__all__ = ["MAX_EXPANDED_CHARACTERS", "MAX_EXPANDED_NODES", "decode_utf8", "read_utf8"]
