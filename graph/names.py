"""Find actors by id, name or alias, ignoring case, accents and spacing.

>>> name_key("  TÜRKIYE ")
'turkiye'
>>> name_key("Ilse   Varga") == name_key("ilse varga")
True
"""

from __future__ import annotations

import re
import unicodedata

from .problems import UnknownActorError

__all__ = ["ActorIndex", "name_key"]


# Characters that show nothing yet are neither format (Cf) characters nor
# marks: the rest of Unicode's Default_Ignorable_Code_Point set (Hangul and
# halfwidth fillers, variation selectors, the combining grapheme joiner,
# Mongolian selectors, Khmer inherent vowels, tag characters, ...) and the
# blank braille pattern U+2800. unicodedata does not list the property.
INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    "\u202a-\u202e\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


def name_key(text: str) -> str:
    """Return the folded form of a name: no accents or invisible characters, case folded,
    single spaces.

    Invisible characters are format characters (zero-width spaces and joiners,
    direction marks) and those of :data:`INVISIBLE` (fillers, variation
    selectors, tag characters): ``Russia`` followed by U+FE0F or U+3164 is
    ``russia``, and a name made only of them folds to nothing.

    >>> name_key("Russia\ufe0f"), name_key("\u3164\u2800\u034f")
    ('russia', '')
    """
    if text.isascii():  # nothing to decompose, mark or hide: only case and spacing
        return " ".join(text.lower().split())
    decomposed = INVISIBLE.sub("", unicodedata.normalize("NFKD", text))
    # Accents (combining marks) and invisible characters do not tell names apart.
    bare = "".join(
        char
        for char in decomposed
        if not unicodedata.combining(char) and unicodedata.category(char) != "Cf"
    )
    return " ".join(bare.casefold().split())


class ActorIndex:
    """Maps every folded id, name and alias to the id of the actor it names.

    >>> index = ActorIndex({"tr": ["Türkiye", "Turkey"]})
    >>> index.resolve("TURKIYE")
    'tr'
    """

    def __init__(self, names_by_id: dict[str, list[str]]):
        self._ids: dict[str, str] = {}
        for actor_id, names in names_by_id.items():
            for name in (actor_id, *names):
                self._ids.setdefault(name_key(name), actor_id)
        self._suggester = None  # built on the first unknown name

    def get(self, query: str) -> str | None:
        """Return the id named by ``query``, or None; a leading "the" is optional.

        >>> ActorIndex({"ru": ["Kremlin"]}).get("the Kremlin")
        'ru'
        """
        key = name_key(query)
        found = self._ids.get(key)
        if found is None and key.startswith("the "):
            found = self._ids.get(key[4:])
        return found

    def resolve(self, query: str) -> str:
        """Return the id named by ``query``; raise :class:`UnknownActorError` with suggestions."""
        found = self.get(query)
        if found is None:
            raise UnknownActorError(query, self.suggest(query))
        return found

    def suggest(self, query: str, count: int = 3) -> list[str]:
        """Return the ids of up to ``count`` actors whose names are close to ``query``."""
        from .suggest import Suggester

        if self._suggester is None:
            self._suggester = Suggester(self._ids)
        ids: list[str] = []
        for key in self._suggester.suggest(name_key(query), count=count * 2):
            if self._ids[key] not in ids:
                ids.append(self._ids[key])
        return ids[:count]
