"""Words and sentences of a document, with their lines and columns.

>>> words = tokenize("The U.S. and Britain’s army.")
>>> [word.text for word in words]
['The', 'U.S.', 'and', 'Britain', 's', 'army']
>>> [s.text for s in split_sentences("Mr. Smith went to the U.S. Secretary. He left!\\nNew line")]
['Mr. Smith went to the U.S. Secretary.', 'He left!', 'New line']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

__all__ = ["Sentence", "Word", "locate", "split_sentences", "tokenize"]

# A word: letters/digits, or an abbreviation with inner dots (U.S., U.S.A.).
# Apostrophes and hyphens split words, so "Britain’s" and "US-led" hold
# "Britain" and "US".
_WORD = re.compile(r"[^\W_]+(?:\.[^\W_]+)+\.?|[^\W_]+")
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’»)\]]*(?=\s)|\n+")
# A dot after these is not the end of a sentence.
_ABBREVIATION = re.compile(
    r"(?:\b(?:[^\W\d_]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Adm|Prof|Rev|Sen|Rep|Gov|"
    r"Jr|Sr|No|vs|etc|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)$"
)

# How far back an abbreviation is looked for; a longer run of initials (A.B.C.)
# matches on its last letters as well, since \b reads the character before.
_ABBREVIATION_REACH = 32


@dataclass(frozen=True, slots=True)
class Word:
    """A word: its text and where it starts and ends in the document (offsets)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its text and its offsets in the document."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Word]:
    """Return the words of ``text`` in order."""
    return [Word(match.group(), match.start(), match.end()) for match in _WORD.finditer(text)]


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of ``text``: split after . ! ? (not U.S. or Mr.) and at line ends."""
    sentences = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        # The abbreviation ends at the dot: look only at the text just before it, so a
        # run of abbreviations (every "Ltd." of a long list) costs no rescan from the start.
        window = max(start, match.end() - _ABBREVIATION_REACH)
        if match.group()[0] == "." and _ABBREVIATION.search(text, window, match.end()):
            continue
        _add_sentence(sentences, text, start, match.end())
        start = match.end()
    _add_sentence(sentences, text, start, len(text))
    return sentences


def _add_sentence(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        offset = start + len(chunk) - len(chunk.lstrip())
        sentences.append(Sentence(stripped, offset, offset + len(stripped)))


def locate(line_starts: list[int], offset: int) -> tuple[int, int]:
    """Return the line and column (from 1) of ``offset``, given each line's first offset.

    >>> locate([0, 6], 7)
    (2, 2)
    """
    line = bisect_right(line_starts, offset)
    return line, offset - line_starts[line - 1] + 1


def line_starts(text: str) -> list[int]:
    """Return the offset at which each line of ``text`` starts."""
    return [0, *(match.end() for match in re.finditer("\n", text))]
