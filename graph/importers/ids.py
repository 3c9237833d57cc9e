"""Actor ids made from foreign codes and names: lowercase, stable, the same for the same input.

>>> actor_id("USA"), actor_id("IGO", "United Nations"), actor_id("", "Ça va?")
('usa', 'igo-united-nations', 'ca-va')
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["actor_id", "slug"]


def slug(text: str) -> str:
    """Return ``text`` as lowercase ASCII words joined by ``-`` (empty if nothing is left)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def actor_id(code: str, name: str = "") -> str:
    """Return the id of the actor a code (and, where the code is not enough, a name) stands for."""
    parts = [part for part in (slug(code), slug(name)) if part]
    text = "-".join(parts)[:80].strip("-")
    return text or "unnamed"
