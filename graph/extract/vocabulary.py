"""Which relation type a proposal gets: the cue's category, or the dataset's closest type.

Without a dataset, a proposal's type is its category in lower case
(``disapprove``, ``agree``, ...; PLOVER's vocabulary, plus ``state`` and
``affiliate``) with the category's sign. With a dataset, each cue is given
the dataset's type whose name and description share the most words with the
cue and its category's description (a word matches when one is the start of
the other, at least 5 letters shared: "criticises" and "criticism"); a type
of the category's sign is preferred, then the name. A cue no type shares a
word with keeps its category.

>>> from graph.model import RelationType
>>> opposes = RelationType("opposes", -1, description="Rejects or refuses the target.")
>>> vocabulary = Vocabulary({"opposes": opposes})
>>> vocabulary.type_of("REJECT", "refuse")
('opposes', -1)
>>> vocabulary.type_of("AGREE", "agree")
('agree', 1)
"""

from __future__ import annotations

import re

from .lexicon import load_lexicon

__all__ = ["Vocabulary"]

_WORD = re.compile(r"[a-z]+")
_IGNORED = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "or",
        "and",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "from",
        "as",
        "its",
        "it",
        "is",
        "are",
        "be",
        "that",
        "this",
        "which",
        "who",
        "target",
        "source",
        "other",
        "actor",
        "actors",
    ]
)


def _words(text: str) -> set[str]:
    return {word for word in _WORD.findall(text.lower()) if word not in _IGNORED and len(word) > 2}


def _close(left: str, right: str) -> bool:
    if left == right:
        return True
    shared = 0
    for a, b in zip(left, right):
        if a != b:
            break
        shared += 1
    return shared >= 5 or (shared >= 4 and min(len(left), len(right)) == shared)


class Vocabulary:
    """Maps (category, cue) to (type, sign), for a dataset's types or for none."""

    def __init__(self, types=None):
        self.types = dict(types or {})
        self.cache: dict[tuple[str, str], tuple[str, int]] = {}
        self.type_words = {
            name: _words(name.replace("_", " ") + " " + (kind.description or ""))
            for name, kind in self.types.items()
        }

    def type_of(self, category: str, cue: str) -> tuple[str, int]:
        """Return the type and sign of a proposal of ``category`` found by ``cue``."""
        key = (category, cue)
        if key in self.cache:
            return self.cache[key]
        found = self._choose(category, cue)
        self.cache[key] = found
        return found

    def _choose(self, category: str, cue: str) -> tuple[str, int]:
        lexicon = load_lexicon()
        kind = lexicon.categories[category]
        if not self.types:
            return category.lower(), kind.sign
        cue_words = _words(cue)
        category_words = _words(kind.description) | {category.lower()}
        best = None
        for name, words in self.type_words.items():
            direct = sum(1 for w in cue_words if any(_close(w, t) for t in words))
            related = sum(1 for w in category_words if any(_close(w, t) for t in words))
            if not direct and not related:
                continue
            sign = self.types[name].sign
            score = (direct, sign == kind.sign, related, [-ord(c) for c in name])
            if best is None or score > best[0]:
                best = (score, name, sign)
        if best is None:
            return category.lower(), kind.sign
        return best[1], best[2]
