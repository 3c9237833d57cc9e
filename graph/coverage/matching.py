"""Matching names in text to the dataset's actors: by name, alias or a country's adjective.

Matching is by whole words, ignoring case and accents, except for names
written in capitals (``US``, ``NATO``), which must match exactly so that
"us" is not the United States.
"""

from __future__ import annotations

import re

from ..model import Dataset
from ..names import name_key
from .countries import actor_of, country_words, load_countries
from .finding import continues_phrase, is_capitalised
from .text import Word, tokenize

__all__ = ["ActorMatcher"]

_WORD_GAP = re.compile(r"[\s\-‐–'’]{0,3}")


class ActorMatcher:
    """Finds the known actors a text names, and knows the country words (folded name -> why).

    Spellings are keyed by their folded words, so finding the longest name
    at a word costs one look-up per possible length: linear in the text.
    """

    def __init__(self, dataset: Dataset):
        # folded words -> [(actor id, exact words or None, adjective, capital needed)]
        self.spellings: dict[tuple[str, ...], list[tuple[str, tuple | None, bool, bool]]] = {}
        self.longest = 1
        for actor in dataset.actors.values():
            for spelling in (actor.name, *actor.aliases):
                self._add(spelling, actor.id, adjective=False)
        self.countries = country_words(dataset.index.get)
        for country in load_countries():
            known = actor_of(country, dataset.index.get)
            for adjective in country.adjectives if known is not None else ():
                self._add(adjective, known, adjective=True)

    def _add(self, spelling: str, actor_id: str, adjective: bool) -> None:
        words = tokenize(spelling)
        if not words:
            return
        keys = tuple(name_key(word.text) for word in words)
        # Names in capitals (US, NATO) match only as written: "us" is not the United States.
        exact = spelling.upper() == spelling and any(char.isalpha() for char in spelling)
        written = tuple(word.text for word in words) if exact else None
        # "Independent" names a newspaper; "an independent deterrent" does not.
        capital = len(words) == 1 and words[0].text[0].isupper()
        options = self.spellings.setdefault(keys, [])
        if not any(option[0] == actor_id and option[1] == written for option in options):
            options.append((actor_id, written, adjective, capital))
            self.longest = max(self.longest, len(keys))

    def mentions(self, text: str, words: list[Word], folded: list[str]):
        """Return ``(first word, end word, actor id, inner)`` for each name of a known actor.

        The longest name wins; names inside it ("Vietnam" in "U.S. mission in
        Vietnam") are also returned, with ``inner`` true.
        """
        found = []
        index = 0
        while index < len(words):
            match = self.match_at(text, words, folded, index)
            if match is None:
                index += 1
                continue
            end, actor_id, adjective = match
            if adjective and continues_phrase(text, words, end):
                index += 1  # "European Security Program": a phrase of its own
                continue
            found.append((index, end, actor_id, False))
            inner = index
            while inner < end:
                match = self.match_at(text, words, folded, inner, limit=end, skip=actor_id)
                if match is None:
                    inner += 1
                    continue
                found.append((inner, match[0], match[1], True))
                inner = match[0]
            index = end
        return found

    def match_at(self, text, words, folded, index, limit=None, skip=None):
        """Return ``(end, actor id, adjective)`` of the longest name starting at ``index``."""
        limit = len(words) if limit is None else limit
        for length in range(min(self.longest, limit - index), 0, -1):
            options = self.spellings.get(tuple(folded[index : index + length]))
            if not options:
                continue
            if any(
                not _WORD_GAP.fullmatch(text, words[at - 1].end, words[at].start)
                for at in range(index + 1, index + length)
            ):
                continue
            for actor_id, written, adjective, capital in options:
                if actor_id == skip or (capital and not is_capitalised(words[index])):
                    continue
                if written is not None and written != tuple(
                    word.text for word in words[index : index + length]
                ):
                    continue
                return index + length, actor_id, adjective
        return None
