"""Find actors by id, name or alias, ignoring case, accents and spacing, or by whole words.

A query resolves in two steps. First an exact id, name or alias (folded by
:func:`name_key`; a leading "the" optional), which always wins. Otherwise the
query's words must appear, in order and next to each other, among the words
of exactly one actor's name or alias: "Rubio" finds Marco Rubio, "peace
talks" the US-led peace talks. Words are split at spaces, hyphens and
apostrophes (a possessive "'s" and punctuation around a word are dropped),
and "the", "of" and "and" are ignored on both sides. Several actors matching is an
:class:`~graph.problems.AmbiguousActorError` that lists them all.

Word look-up is indexed: each word maps to the names that hold it, so a
query only checks the names holding its rarest word, never every actor.

>>> name_key("  TÜRKIYE ")
'turkiye'
>>> name_key("Ilse   Varga") == name_key("ilse varga")
True
"""

from __future__ import annotations

import re
import unicodedata

from .problems import AmbiguousActorError, UnknownActorError

__all__ = ["ActorIndex", "name_key", "name_words"]

# Words that never tell two names apart ("Coalition of the Willing" = "coalition willing").
IGNORED_WORDS = frozenset({"the", "of", "and"})
_POSSESSIVE = re.compile(r"['’]s\b")
_EDGE_PUNCTUATION = '!"#$%&()*+,./:;<=>?@[\\]^_`{|}~“”«»…'
_WORD_BREAKS = re.compile(r"[\s\-‐‑‒–—'’]+")


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


def name_words(text: str) -> tuple[str, ...]:
    """Return the folded words of a name, for whole-word look-up.

    >>> name_words("Ukraine's military")
    ('ukraine', 'military')
    >>> name_words("Coalition of the Willing")
    ('coalition', 'willing')
    >>> name_words("US-led peace talks")
    ('us', 'led', 'peace', 'talks')
    >>> name_words("Barrow, Ilse (ret.)")
    ('barrow', 'ilse', 'ret')
    """
    return _folded_words(name_key(text))


def _folded_words(folded: str) -> tuple[str, ...]:
    """Return the words of a name already folded by :func:`name_key`.

    Punctuation around a word ("Barrow," "(ISAF)") is not part of it.
    """
    bare = _POSSESSIVE.sub("", folded)
    words = (word.strip(_EDGE_PUNCTUATION) for word in _WORD_BREAKS.split(bare))
    return tuple(word for word in words if word and word not in IGNORED_WORDS)


class ActorIndex:
    """Maps every folded id, name and alias to the id of the actor it names.

    >>> index = ActorIndex({"tr": ["Türkiye", "Turkey"]})
    >>> index.resolve("TURKIYE")
    'tr'
    """

    def __init__(self, names_by_id: dict[str, list[str]]):
        self._ids: dict[str, str] = {}
        self._display: dict[str, str] = {}
        for actor_id, names in names_by_id.items():
            self._display[actor_id] = names[0] if names else actor_id
            for name in (actor_id, *names):
                self._ids.setdefault(name_key(name), actor_id)
        self._suggester = None  # built on the first unknown name
        self._word_index: dict[str, list[tuple[str, tuple[str, ...]]]] | None = None

    def _words(self) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
        """Return ``{word: [(id, words of one name)]}``, built on the first word look-up."""
        if self._word_index is None:
            index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
            for key, actor_id in self._ids.items():
                words = _folded_words(key)
                for word in set(words):
                    index.setdefault(word, []).append((actor_id, words))
            self._word_index = index
        return self._word_index

    def word_matches(self, query: str) -> list[str]:
        """Return the ids (sorted) of the actors with a name or alias holding ``query``'s words.

        The words must be whole and consecutive: "peace talks" is in "US-led
        peace talks", "talks peace" and "pea" are not.

        >>> index = ActorIndex({"mr": ["Marco Rubio"], "pt": ["US-led peace talks"]})
        >>> index.word_matches("rubio"), index.word_matches("Peace Talks")
        (['mr'], ['pt'])
        >>> index.word_matches("talks peace")
        []
        """
        wanted = name_words(query)
        if not wanted:
            return []
        index = self._words()
        postings = [index.get(word, []) for word in set(wanted)]
        rarest = min(postings, key=len)
        found = {actor_id for actor_id, words in rarest if _holds_run(words, wanted)}
        return sorted(found)

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
        """Return the id named by ``query``: exactly, else by whole words (see the module).

        Raises :class:`UnknownActorError` with suggestions when nothing
        matches, :class:`AmbiguousActorError` when the words match several.

        >>> index = ActorIndex({"jh": ["Jo Healey"], "jd": ["Jo Doe"]})
        >>> index.resolve("healey")
        'jh'
        >>> index.resolve("jo")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        graph.problems.AmbiguousActorError: 'jo' names 2 actors: Jo Doe (jd), Jo Healey (jh); use...
        """
        found = self.get(query)
        if found is not None:
            return found
        matches = self.word_matches(query)
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise AmbiguousActorError(query, matches, self._display)
        raise UnknownActorError(query, self.suggest(query))

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


def _holds_run(words: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    """Return whether ``wanted`` appears in ``words`` as consecutive whole words."""
    size = len(wanted)
    return any(words[start : start + size] == wanted for start in range(len(words) - size + 1))
