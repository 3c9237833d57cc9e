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

__all__ = ["DocumentIndex", "normalize_text", "quote_in_document"]

_TYPOGRAPHY = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`´", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
        "…": "...",
        "\u00ad": None,  # soft hyphen: invisible in print, so never part of a quote
        "\u200b": None,  # zero-width space
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
    """A normalised document, indexed by word, so that many quotes are found quickly.

    A quote's interior words are whole words of the document, so only the
    places where its rarest interior word occurs need comparing: the cost of
    a look-up follows that word's frequency, not the document's length.

    >>> index = DocumentIndex("Britain and France are leading the push.")
    >>> index.contains("AND FRANCE ARE LEAD"), index.contains("France is leading")
    (True, False)
    """

    def __init__(self, text: str):
        self.text = normalize_text(text)
        self._starts: dict[str, list[int]] = {}
        offset = 0
        for word in self.text.split(" "):
            self._starts.setdefault(word, []).append(offset)
            offset += len(word) + 1

    def contains(self, quote: str) -> bool:
        """Return whether the normalised ``quote`` occurs in the document."""
        return self.find(normalize_text(quote))

    def find(self, needle: str) -> bool:
        """Return whether an already normalised ``needle`` occurs in the document."""
        words = needle.split(" ")
        if len(words) < 3:
            return bool(needle) and needle in self.text
        best_offset, best_starts = 0, None
        offset = len(words[0]) + 1
        for word in words[1:-1]:
            starts = self._starts.get(word)
            if starts is None:
                return False
            if best_starts is None or len(starts) < len(best_starts):
                best_offset, best_starts = offset, starts
            offset += len(word) + 1
        return any(self.text.startswith(needle, start - best_offset) for start in best_starts)
