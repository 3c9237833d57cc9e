"""The evidence of a relation: a quote long enough to show it, found in its document.

Quotes and documents are compared folded (:func:`graph.evidence.normalize_text`);
``needle`` below is a quote already folded. The search itself is
:class:`graph.evidence.DocumentIndex`'s.
"""

from __future__ import annotations

from ..evidence import DocumentIndex
from ..sources import DataPath
from .checker import Checker

__all__ = ["MIN_EVIDENCE_CHARACTERS", "check_quote", "check_quote_length"]

# A quote shorter than this (after normalisation) shows little: a warning.
MIN_EVIDENCE_CHARACTERS = 8


def check_quote_length(check: Checker, path: DataPath, evidence: str, needle: str) -> None:
    """Warn about a quote too short to show the relation."""
    if len(needle) < MIN_EVIDENCE_CHARACTERS:
        check.warn(
            path,
            f"evidence quote {evidence!r} is shorter than {MIN_EVIDENCE_CHARACTERS} "
            "characters: too short to show the relation",
        )


def check_quote(check: Checker, path: DataPath, needle: str, document: str, index: DocumentIndex):
    """Report a quote that is not in its document, with where it goes astray.

    Whether it is there is :meth:`DocumentIndex.find`'s answer, the one the
    bulk lane of :mod:`graph.rules.relations` asks too.
    """
    if index.find(needle):
        return
    # The longest prefix found tells the user where the quote goes astray
    # (a plain search, paid only for quotes that are wrong).
    low, high = 0, len(needle)
    while low < high:
        middle = (low + high + 1) // 2
        if needle[:middle] in index.text:
            low = middle
        else:
            high = middle - 1
    detail = ""
    if low >= 8:
        matched, rest = needle[max(0, low - 30) : low], needle[low : low + 30]
        detail = f"; it matches up to {matched!r} then differs at {rest!r}"
    check.error(path, f"evidence quote not found in document {document!r}{detail}")
