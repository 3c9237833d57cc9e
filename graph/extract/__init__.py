"""Propose actors and relations from an article: ``graph extract``.

The pipeline reads off the modules: :mod:`~graph.extract.actors` finds the
mentions and groups them into actors (with the gazetteer,
:mod:`~graph.extract.gazetteer`), :mod:`~graph.extract.relations` joins two
mentions of a sentence by a cue of the lexicon (:mod:`~graph.extract.lexicon`),
:mod:`~graph.extract.vocabulary` names the type, and
:mod:`~graph.extract.proposals` assembles and writes the proposals. The
dataset, when given, is only read.

>>> result = extract_text("Britain criticised Russia on Monday.", "note")
>>> [(r["source"], r["type"], r["target"], r["evidence"]) for r in result["relations"]]
[('united-kingdom', 'disapprove', 'russia', 'Britain criticised Russia on Monday')]
"""

from __future__ import annotations

from .proposals import extract_files, extract_text, render_proposals

__all__ = ["extract_files", "extract_text", "render_proposals"]
