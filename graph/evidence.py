"""Evidence quotes: normalise text so a quote typed by hand matches its document.

Both the quote and the document are folded the same way before a plain
substring search: Unicode NFKC, case folding, typographic quotes, apostrophes
and dashes to their ASCII forms, the ellipsis to three dots, and every run of
whitespace to one space.

>>> normalize_text("Britain’s  “reassurance” force — soon")
'britain\\'s "reassurance" force - soon'
>>> quote_in_document('britain\\'s "REASSURANCE" force', "Britain’s “reassurance” force")
True
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

__all__ = ["DocumentIndex", "normalize_text", "quote_in_document"]

_TYPOGRAPHY = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`´", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
        "…": "...",
        # Invisible in print, so never part of a quote: the soft hyphen, the Arabic
        # letter mark, zero-width spaces and joiners, direction marks and
        # embeddings, invisible operators, the BOM.
        **dict.fromkeys("\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f", None),
        **dict.fromkeys("\u2060\u2061\u2062\u2063\u2064\ufeff", None),
        **dict.fromkeys("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", None),
    }
)
_WHITESPACE = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """Return ``text`` folded for quote matching (see the module docstring)."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_TYPOGRAPHY)
    return _WHITESPACE.sub(" ", folded).strip()


def quote_in_document(quote: str, document: str) -> bool:
    """Return whether ``quote`` occurs in ``document`` after both are normalised.

    For many quotes against one document, normalise the document once with
    :func:`normalize_text` and test ``normalize_text(quote) in folded``.
    """
    needle = normalize_text(quote)
    return bool(needle) and needle in normalize_text(document)


class DocumentIndex:
    """A normalised document, indexed by pairs of words, so many quotes are found quickly.

    A quote's interior words are whole words of the document, so only the
    places where its rarest interior pair of words occurs need comparing: a
    look-up costs that pair's frequency, not the document's length. Quotes of
    fewer than four words are searched for directly.

    >>> index = DocumentIndex("Britain and France are leading the push.")
    >>> index.contains("AND FRANCE ARE LEAD"), index.contains("France is leading")
    (True, False)
    """

    def __init__(self, text: str):
        self.text = normalize_text(text)
        self._starts: dict[str, list[int]] = {}
        words = self.text.split(" ")
        offset = 0
        for first, second in pairwise(words):
            self._starts.setdefault(f"{first} {second}", []).append(offset)
            offset += len(first) + 1

    def contains(self, quote: str) -> bool:
        """Return whether the normalised ``quote`` occurs in the document."""
        return self.find(normalize_text(quote))

    def find(self, needle: str) -> bool:
        """Return whether an already normalised ``needle`` occurs in the document."""
        words = needle.split(" ")
        if len(words) < 4:
            return bool(needle) and needle in self.text
        best_offset, best_starts = 0, None
        offset = len(words[0]) + 1
        for first, second in pairwise(words[1:-1]):
            starts = self._starts.get(f"{first} {second}")
            if starts is None:
                return False
            if best_starts is None or len(starts) < len(best_starts):
                best_offset, best_starts = offset, starts
            offset += len(first) + 1
        return any(self.text.startswith(needle, start - best_offset) for start in best_starts)

    def offset(self, needle: str) -> int:
        """Return where an already normalised ``needle`` first occurs in the text, or -1.

        >>> DocumentIndex("One. Two three four five.").offset("two three four five")
        5
        """
        words = needle.split(" ")
        if len(words) < 4:
            return self.text.find(needle) if needle else -1
        best_offset, best_starts = 0, None
        offset = len(words[0]) + 1
        for first, second in pairwise(words[1:-1]):
            starts = self._starts.get(f"{first} {second}")
            if starts is None:
                return -1
            if best_starts is None or len(starts) < len(best_starts):
                best_offset, best_starts = offset, starts
            offset += len(first) + 1
        found = (
            s - best_offset for s in best_starts if self.text.startswith(needle, s - best_offset)
        )
        return next(found, -1)
