"""Which relation type a proposal gets: the cue's category, or the dataset's closest type.

Without a dataset, a proposal's type is its category in lower case
(``disapprove``, ``agree``, ...; PLOVER's vocabulary, plus ``state`` and
``affiliate``) with the category's sign. With a dataset, a cue first gets the
starter vocabulary's type for it (``starter.tsv``: ``consult`` -> ``meets_with``,
``mobilize`` -> ``stations_in``) when the dataset keeps that vocabulary (at
least half of its types, with their signs, as ``graph init`` writes them) and
declares that type with that sign. Otherwise it is given the
dataset's type whose name and description share the most words with the cue
and its category's description (a word matches when one is the start of the
other, at least 5 letters shared: "criticises" and "criticism"; words of
three letters only when equal to a word of the type's name); a type of the
category's sign is preferred, then the name. A cue no type shares a word with
keeps its category.

>>> from graph.model import RelationType
>>> opposes = RelationType("opposes", -1, description="Rejects or refuses the target.")
>>> vocabulary = Vocabulary({"opposes": opposes})
>>> vocabulary.type_of("REJECT", "refuse")
('opposes', -1)
>>> vocabulary.type_of("AGREE", "agree")
('agree', 1)
>>> vocabulary.starter  # one type is not the starter vocabulary
False
"""

from __future__ import annotations

import functools
import re

from .lexicon import HERE, load_lexicon

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


def _words(text: str, shortest: int = 4) -> set[str]:
    return {
        word
        for word in _WORD.findall(text.lower())
        if word not in _IGNORED and len(word) >= shortest
    }


@functools.cache
def starter_types() -> dict[tuple[str, str], tuple[str, int]]:
    """Return the starter vocabulary's (type, sign) by (category, cue), ``*`` for any cue."""
    found = {}
    for line in (HERE / "starter.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            category, cue, name, sign = line.split("\t")
            found[(category, cue)] = (name, int(sign))
    return found


def _close(left: str, right: str) -> bool:
    if left == right:
        return True
    shared = 0
    for a, b in zip(left, right):
        if a != b:
            break
        shared += 1
    return shared >= 5 or (shared >= 4 and min(len(left), len(right)) == shared)


@functools.cache
def _lemmas() -> frozenset[str]:
    return frozenset(c.lemma for options in load_lexicon().cues_by_form.values() for c in options)


class Vocabulary:
    """Maps (category, cue) to (type, sign), for a dataset's types or for none."""

    def __init__(self, types=None):
        self.types = dict(types or {})
        self.cache: dict[tuple[str, str], tuple[str, int]] = {}
        self.type_words = {
            name: _words(name.replace("_", " ") + " " + (kind.description or ""))
            | _words(name.replace("_", " "), shortest=3)
            for name, kind in self.types.items()
        }
        starter = {name: sign for name, sign in starter_types().values()}
        kept = sum(1 for name, sign in starter.items() if self._declares(name, sign))
        self.starter = kept * 2 >= len(starter)

    def _declares(self, name: str, sign: int) -> bool:
        return name in self.types and self.types[name].sign == sign

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
        starter = starter_types() if self.starter else {}
        for key in ((category, cue), (category, "*")):
            if key in starter:
                name, sign = starter[key]
                if self._declares(name, sign):
                    return name, sign
                break
        # Only a cue of the lexicon says what the relation is: an affiliation's "cue" is
        # the body's name ("European Council on Foreign Relations").
        cue_words = _words(cue, shortest=3) if cue in _lemmas() else set()
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
