"""The evidence of a relation: a quote long enough to show it, found in its document.

How far the evidence goes is the relation's state (:data:`graph.model.EVIDENCE_STATES`):
``verified`` (the quote is found in its document: checked here), ``located``
(a document, a file or a URL, and a locator; the quote, if any, is not
checked), ``asserted`` (nothing needed). A quote that carries a hedge word
(:data:`HEDGE_WORDS`) on an action relation not marked ``hedged`` is a
warning (a commentary's or an affiliation's quote reports what someone
said, hedges included).

Quotes and documents are compared folded (:func:`graph.evidence.normalize_text`);
``needle`` below is a quote already folded. The search itself is
:class:`graph.evidence.DocumentIndex`'s.
"""

from __future__ import annotations

import re

from ..evidence import DocumentIndex
from ..sources import DataPath
from .checker import Checker

__all__ = [
    "HEDGE_WORDS",
    "MIN_EVIDENCE_CHARACTERS",
    "any_hedge_word",
    "check_hedge",
    "check_quote",
    "check_quote_length",
    "hedge_word",
]

# A quote shorter than this (after normalisation) shows little: a warning.
MIN_EVIDENCE_CHARACTERS = 8

# Words that say a relation only may hold; matched as whole words, any case
# ("may" only in lower case: "May" is the month). docs/format.md lists them.
HEDGE_WORDS = (
    "could",
    "may",
    "might",
    "would",
    "reportedly",
    "allegedly",
    "expected to",
    "reported to",
    "said to",
)
_HEDGE = re.compile(
    r"\b(?:(?i:could|might|would|reportedly|allegedly|expected to|reported to|said to)|may)\b"
)


def hedge_word(quote: str) -> str | None:
    """Return the first hedge word of ``quote`` (as written), or None.

    >>> hedge_word("Türkiye could play a naval role"), hedge_word("talks in May")
    ('could', None)
    """
    match = _HEDGE.search(quote)
    return match[0] if match else None


def any_hedge_word(quotes: list[str]) -> bool:
    """Return whether any of ``quotes`` has a hedge word (:func:`hedge_word`), in one search.

    The quotes are searched joined by line breaks: a hedge word is never
    written across one, and a line break ends a word as the end of a text does.

    >>> any_hedge_word(["talks in May", "Türkiye could"]), any_hedge_word(["said", "to"])
    (True, False)
    """
    joined = "\n".join(quotes)
    if joined.isascii():
        # Most quotes hold none of the words in any case: a plain search for each, in C,
        # says so much faster than the regular expression (tried at every character).
        lowered = joined.lower()
        if not any(word in lowered for word in HEDGE_WORDS):
            return False
    return _HEDGE.search(joined) is not None


def check_hedge(check: Checker, path: DataPath, evidence: str) -> None:
    """Warn about a quote with a hedge word on a relation not marked hedged."""
    word = hedge_word(evidence)
    if word is not None:
        where = "the hedged column true" if check.from_tables else "hedged: true"
        check.warn(
            path,
            f"the quote says {word!r}: if the relation only may hold, mark it hedged ({where})",
        )


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
