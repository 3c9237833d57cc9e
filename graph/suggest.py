"""Did-you-mean at a bounded cost per question, whatever the vocabulary's size.

``difflib.get_close_matches`` compares a word with every choice, so 20,000
unknown ids against 3,000 actors cost 60 million comparisons. A
:class:`Suggester` indexes its vocabulary once by character pairs; a question
visits at most :data:`BUDGET` index entries (its rarest pairs first), keeps
the :data:`SHORTLIST` choices sharing the most pairs, and ranks only those
with difflib's ratio (the same score and cutoff as ``get_close_matches``).

>>> Suggester(["country", "person", "organisation"]).suggest("contry")
['country']
>>> did_you_mean("persn", ["country", "person"])
['person']

A :class:`WordMatcher` answers another question: which choices *mean* the
word, by the words of their descriptions (stemmed, so ``sanctions`` finds
"sanctioned"):

>>> WordMatcher({"threatens": "Threatens, sanctions or deters", "leads": "Heads"}).rank(
...     "sanctioned"
... )
['threatens']
"""

from __future__ import annotations

import difflib
import functools
import heapq
import operator
import re
from collections import Counter
from collections.abc import Iterable, Mapping

__all__ = [
    "BUDGET",
    "CLOSE",
    "MAX_WORD",
    "SHORTLIST",
    "Suggester",
    "WordMatcher",
    "close_spelling",
    "did_you_mean",
    "matching_words",
    "stem",
]

# Index entries one question may visit, choices compared with difflib per
# question, and the characters of a question (or a choice) that are compared.
BUDGET = 1_500
SHORTLIST = 10
MAX_WORD = 100
# The score (difflib's ratio) of a spelling so close it is surely a slip of the keyboard.
CLOSE = 0.85


class Suggester:
    """A vocabulary indexed for close-spelling questions; ``work`` counts what questions cost."""

    def __init__(self, choices: Iterable[str]):
        self.choices = list(dict.fromkeys(choices))
        self._postings: dict[str, list[int]] = {}
        for number, choice in enumerate(self.choices):
            for pair in _pairs(choice):
                self._postings.setdefault(pair, []).append(number)
        self.work = 0  # index entries visited + choices compared, over all questions

    def suggest(self, word: str, count: int = 1, cutoff: float = 0.6) -> list[str]:
        """Return up to ``count`` choices close to ``word``, best first (ties: as difflib)."""
        shared: Counter[int] = Counter()
        budget = BUDGET
        pairs = [self._postings[pair] for pair in _pairs(word) if pair in self._postings]
        for postings in sorted(pairs, key=len):
            if len(postings) > budget:
                break  # the rest are commoner still: they would tell little, at great cost
            budget -= len(postings)
            shared.update(postings)
        self.work += BUDGET - budget
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(word[:MAX_WORD])
        scored = []
        # sorted() runs in C (Counter.most_common's heap is Python); ties keep index order.
        shortlist = sorted(shared.items(), key=operator.itemgetter(1), reverse=True)[:SHORTLIST]
        for number, _ in shortlist:
            choice = self.choices[number]
            self.work += 1
            matcher.set_seq1(choice[:MAX_WORD])
            if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
                score = matcher.ratio()
                if score >= cutoff:
                    scored.append((score, choice))
        return [choice for _, choice in heapq.nlargest(count, scored)]


def _pairs(text: str) -> set[str]:
    """Return the character pairs of ``text`` (cut to MAX_WORD), with its start and end marked."""
    marked = f"\x00{text[:MAX_WORD]}\x00"
    return {marked[index : index + 2] for index in range(len(marked) - 1)}


@functools.lru_cache(maxsize=16)
def _suggester(choices: tuple[str, ...]) -> Suggester:
    return Suggester(choices)


def close_spelling(word: str, choices: Iterable[str]) -> str | None:
    """Return the choice spelt almost like ``word`` (a slip of the keyboard), or None.

    >>> close_spelling("threatns", ["threatens", "fights"])
    'threatens'
    >>> close_spelling("sanctions", ["stations_in"]) is None
    True
    """
    return next(iter(_suggester(tuple(choices)).suggest(word, cutoff=CLOSE)), None)


def did_you_mean(word: str, choices: Iterable[str], count: int = 1) -> list[str]:
    """Return up to ``count`` choices close to ``word``, best first.

    The index of ``choices`` is built once and reused while the same choices
    are asked about (a loader checking thousands of types against one list).

    >>> did_you_mean("contry", ["country", "person"])
    ['country']
    """
    return _suggester(tuple(choices)).suggest(word, count=count)


# Words too common in descriptions to tell one choice from another.
_STOP_WORDS = frozenset(
    [
        "about",
        "after",
        "also",
        "and",
        "any",
        "are",
        "but",
        "can",
        "does",
        "for",
        "from",
        "has",
        "have",
        "into",
        "its",
        "not",
        "one",
        "only",
        "other",
        "out",
        "over",
        "says",
        "set",
        "sets",
        "some",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "this",
        "those",
        "under",
        "what",
        "when",
        "where",
        "which",
        "who",
        "whose",
        "will",
        "with",
        "without",
    ]
)
_WORD = re.compile(r"[^\W\d_]+")


def stem(word: str) -> str:
    """Return ``word`` lowercased without its commonest English endings.

    Enough to match the forms a relation type and its description use:

    >>> [stem(w) for w in ("sanctions", "sanctioned", "criticises", "criticise", "supporting")]
    ['sanction', 'sanction', 'criticis', 'criticis', 'support']
    """
    word = word.lower()
    for ending, replacement in (("ies", "y"), ("ing", ""), ("ed", ""), ("s", "")):
        if word.endswith(ending) and len(word) - len(ending) >= 3 and not word.endswith("ss"):
            word = word[: len(word) - len(ending)] + replacement
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def matching_words(text: str) -> set[str]:
    """Return the stems of the words of ``text`` that tell something (3 letters or more).

    >>> sorted(matching_words("Threatens, sanctions or sets out to deter the target."))
    ['deter', 'sanction', 'target', 'threaten']
    """
    words = (word for word in _WORD.findall(text[: MAX_WORD * 20]) if len(word) >= 3)
    return {stem(word) for word in words if word.lower() not in _STOP_WORDS}


class WordMatcher:
    """Choices indexed by the words of a text each (a type's name and description).

    A word found in most of the texts (``target`` in every type's
    description) tells nothing and is left out of the index.
    """

    def __init__(self, texts: Mapping[str, str]):
        self.choices = list(texts)
        postings: dict[str, list[int]] = {}
        for number, choice in enumerate(self.choices):
            for word in matching_words(texts[choice]):
                postings.setdefault(word, []).append(number)
        common = max(2, len(self.choices) // 2)
        self._postings = {word: found for word, found in postings.items() if len(found) <= common}

    def rank(self, word: str, count: int = 3) -> list[str]:
        """Return up to ``count`` choices whose text shares a word with ``word``, best first.

        Best shares the most words; ties keep the choices' order. Each question
        visits at most :data:`BUDGET` index entries.
        """
        shared: Counter[int] = Counter()
        budget = BUDGET
        for item in sorted(matching_words(word)):
            found = self._postings.get(item, ())
            if len(found) > budget:
                break
            budget -= len(found)
            shared.update(found)
        ranked = sorted(shared.items(), key=lambda item: (-item[1], item[0]))
        return [self.choices[number] for number, _ in ranked[:count]]
