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
"""

from __future__ import annotations

import difflib
import functools
import heapq
import operator
from collections import Counter
from collections.abc import Iterable

__all__ = ["BUDGET", "MAX_WORD", "SHORTLIST", "Suggester", "did_you_mean"]

# Index entries one question may visit, choices compared with difflib per
# question, and the characters of a question (or a choice) that are compared.
BUDGET = 1_500
SHORTLIST = 10
MAX_WORD = 100


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


def did_you_mean(word: str, choices: Iterable[str], count: int = 1) -> list[str]:
    """Return up to ``count`` choices close to ``word``, best first.

    The index of ``choices`` is built once and reused while the same choices
    are asked about (a loader checking thousands of types against one list).

    >>> did_you_mean("contry", ["country", "person"])
    ['country']
    """
    return _suggester(tuple(choices)).suggest(word, count=count)
