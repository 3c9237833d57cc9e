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

__all__ = ["normalize_text", "quote_in_document"]

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
