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

import itertools
import unicodedata

__all__ = ["DocumentIndex", "all_found", "normalize_text", "normalize_texts", "quote_in_document"]

_TYPOGRAPHY = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`´", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
        "…": "...",
        # Invisible in print, so never part of a quote: the soft hyphen, the Arabic
        # letter mark, zero-width spaces and joiners, direction marks and
        # embeddings, invisible operators, the BOM.
        **dict.fromkeys("\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f", None),
        **dict.fromkeys("\u2060\u2061\u2062\u2063\u2064\ufeff", None),
        **dict.fromkeys("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", None),
    }
)
# Every whitespace character (those str.isspace accepts) becomes a space.
WHITESPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
WHITESPACE += "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000 "
_SPACES = str.maketrans(dict.fromkeys(WHITESPACE, " "))
# The ASCII whitespace other than the space (what str.split() also splits at).
_ASCII_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"


def normalize_text(text: str) -> str:
    """Return ``text`` folded for quote matching (see the module docstring)."""
    if len(text) <= 4096 and text.isascii():
        # The same folding for a short ASCII text (a quote), in C: NFKC leaves ASCII
        # alone, casefold is lower, the backtick is the one ASCII character of the
        # typography table, and split() splits at exactly the whitespace folded.
        # (Long texts take the way below: split() would hold every word at once.)
        return " ".join(text.lower().replace("`", "'").split())
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_TYPOGRAPHY)
    folded = folded.translate(_SPACES)
    while "  " in folded:  # each pass halves every run of spaces, in C
        folded = folded.replace("  ", " ")
    return folded.strip(" ")


def normalize_texts(texts: list[str]) -> list[str]:
    """Return :func:`normalize_text` of each of ``texts``, folded together where they are ASCII.

    ASCII texts are folded as one text, a few thousand at a time (one
    ``lower`` and one ``split`` in C for them all, not one call a text);
    the answer is the same, text for text.

    >>> normalize_texts(["Britain  SUPPORTS", "", " `x` ", "Türkiye"])
    ['britain supports', '', "'x'", 'türkiye']
    """
    folded = []
    for start in range(0, len(texts), 4096):
        batch = texts[start : start + 4096]
        joined = "".join(batch)
        if not joined.isascii() or "\0" in joined:
            folded += map(normalize_text, batch)
            continue
        if "  " not in joined and not any(space in joined for space in _ASCII_SPACES):
            # Single spaces only: folding is lower case and the backtick, then the ends.
            folded += map(str.strip, "\0".join(batch).lower().replace("`", "'").split("\0"))
            continue
        # Each separator is a word of its own after split(), so it parts the texts again.
        words = " \0 ".join(batch).lower().replace("`", "'").split()
        folded += (part.strip(" ") for part in " ".join(words).split("\0"))
    return folded


def quote_in_document(quote: str, document: str) -> bool:
    """Return whether ``quote`` occurs in ``document`` after both are normalised.

    For many quotes against one document, normalise the document once with
    :func:`normalize_text` and test ``normalize_text(quote) in folded``.
    """
    needle = normalize_text(quote)
    return bool(needle) and needle in normalize_text(document)


class DocumentIndex:
    """A normalised document, indexed by word, so many quotes are found quickly.

    A quote's interior words are whole words of the document, so only the
    places where its rarest interior word occurs need comparing: a look-up
    costs that word's frequency, not the document's length. Quotes of fewer
    than three words are searched for directly.

    The index is small: each distinct word once, and one 4-byte position per
    word of the text in a numpy array (8 bytes past 2 GiB); it is built in
    one pass, a chunk of the text at a time.

    >>> index = DocumentIndex("Britain and France are leading the push.")
    >>> index.contains("AND FRANCE ARE LEAD"), index.contains("France is leading")
    (True, False)
    """

    # Characters indexed at a time, and the most positions a
    # look-up compares one by one before it searches the text directly.
    CHUNK = 1 << 18
    MAX_COMPARED = 2_000
    # Up to this many characters a plain search in C beats a look-up, and no index is built.
    DIRECT = 1 << 16

    def __init__(self, text: str):
        self.text = normalize_text(text)
        self._words = None
        if len(self.text) <= self.DIRECT:
            return
        import numpy as np

        vocabulary: dict[str, int] = {}
        # 4-byte positions while they fit, so the index stays about as large as the text.
        dtype = np.int32 if len(self.text) < 2**31 - 1 else np.int64
        id_parts, length_parts = [], []
        for chunk in _chunks_at_spaces(self.text, self.CHUNK):
            words = chunk.split(" ")
            # New words get the next numbers (set operations in C); then each word
            # of the chunk becomes its number and its length, in numpy arrays.
            new = set(words) - vocabulary.keys()
            vocabulary.update(zip(new, itertools.count(len(vocabulary))))
            id_parts.append(np.fromiter(map(vocabulary.__getitem__, words), np.int64, len(words)))
            length_parts.append(np.fromiter(map(len, words), dtype, len(words)))
        word_ids = np.concatenate(id_parts)
        sizes = np.concatenate(length_parts)
        del id_parts, length_parts
        starts = np.cumsum(sizes + 1, dtype=dtype) - sizes - 1  # each word's offset in the text
        del sizes
        counts = np.bincount(word_ids, minlength=len(vocabulary))
        if len(self.text) < 2**32:
            # Sort (word number, offset) pairs packed in one integer: grouped by word,
            # in text order within a word, faster than a stable argsort.
            word_ids <<= 32
            word_ids |= starts
            del starts
            word_ids.sort()
            positions = (word_ids & 0xFFFFFFFF).astype(dtype)
        else:
            positions = starts[np.argsort(word_ids, kind="stable")]
        del word_ids
        self._words = vocabulary
        self._positions = positions
        self._first = np.concatenate(([0], np.cumsum(counts)))

    def contains(self, quote: str) -> bool:
        """Return whether the normalised ``quote`` occurs in the document."""
        return self.find(normalize_text(quote))

    def find(self, needle: str) -> bool:
        """Return whether an already normalised ``needle`` occurs in the document."""
        if self._words is None:
            return bool(needle) and needle in self.text
        words = needle.split(" ")
        if len(words) < 3:
            return bool(needle) and needle in self.text
        best = None  # (count, word number, offset of the word in the needle)
        offset = len(words[0]) + 1
        for word in words[1:-1]:
            number = self._words.get(word)
            if number is None:
                return False
            count = int(self._first[number + 1] - self._first[number])
            if best is None or count < best[0]:
                best = (count, number, offset)
            offset += len(word) + 1
        count, number, offset = best
        if count > self.MAX_COMPARED:
            return needle in self.text  # only common words: one scan in C is cheaper
        places = self._positions[self._first[number] : self._first[number + 1]]
        return any(self.text.startswith(needle, int(place) - offset) for place in places)

    def find_all(self, needles) -> list[bool]:
        """Return, for each already normalised needle, whether it occurs: :meth:`find`'s answers.

        One call a document for all its quotes: on a text short enough to
        have no index, the searches run in C one after another (no Python
        call a quote). An Aho-Corasick automaton (pyahocorasick, one pass
        over the text for all the quotes) was measured and does not pay
        here: building it for a news article's quotes costs about twice
        the plain searches (BENCHMARKS.md, issue 24).

        >>> DocumentIndex("Britain and France are leading.").find_all(["france are", "", "spain"])
        [True, False, False]
        """
        needles = list(needles)
        if self._words is None and all(needles):
            return _in_reading_order(self.text, needles)
        return list(map(self.find, needles))

    def offset(self, needle: str) -> int:
        """Return where an already normalised ``needle`` occurs in the text, or -1.

        >>> DocumentIndex("One. Two three four five.").offset("two three four five")
        5
        """
        if self._words is None:  # a short text: no index, a direct search
            return self.text.find(needle) if needle else -1
        words = needle.split(" ")
        if len(words) < 3:
            return self.text.find(needle) if needle else -1
        best = None  # (count, word number, offset of the word in the needle)
        offset = len(words[0]) + 1
        for word in words[1:-1]:
            number = self._words.get(word)
            if number is None:
                return -1
            count = int(self._first[number + 1] - self._first[number])
            if best is None or count < best[0]:
                best = (count, number, offset)
            offset += len(word) + 1
        count, number, offset = best
        if count > self.MAX_COMPARED:
            return self.text.find(needle)
        places = self._positions[self._first[number] : self._first[number + 1]]
        found = (
            int(place) - offset
            for place in places
            if self.text.startswith(needle, int(place) - offset)
        )
        return next(found, -1)


def _in_reading_order(text: str, needles: list[str]) -> list[bool]:
    """Return whether each needle occurs in ``text``, searching from where the one before was.

    Quotes are mostly encoded in the order their article tells them, so
    each search starts where the previous quote was found and stops soon;
    a quote found earlier in the text is then searched for in the part
    before (up to where a match would overlap the start), so the answer is
    ``needle in text`` for every needle. Where the order does not hold
    (half of a document's first 16 quotes lie before the one before), the
    rest are searched for from the start, in C.

    >>> _in_reading_order("a b c d", ["b c", "a b", "c d", "x", "d"])
    [True, True, True, False, True]
    """
    found, start, back = [], 0, 0
    for number, needle in enumerate(needles):
        if number == 16 and back >= 8:
            return found + list(map(text.__contains__, needles[16:]))
        place = text.find(needle, start)
        if place < 0 and start:
            back += 1
            place = text.find(needle, 0, start + len(needle) - 1)
        found.append(place >= 0)
        if place >= 0:
            start = place
    return found


def all_found(indexes: dict, documents, needles) -> bool:
    """Return whether every needle occurs in its document, asked one document at a time.

    ``documents[i]`` names the document of the already normalised
    ``needles[i]``; a document without an index in ``indexes`` (unread, or
    none) is not searched. The answer is :meth:`DocumentIndex.find`'s for
    every pair, through :meth:`DocumentIndex.find_all`.

    >>> indexes = {"d": DocumentIndex("One two three.")}
    >>> all_found(indexes, ["d", "d", None], ["one two", "three.", "four"])
    True
    >>> all_found(indexes, ["d", "d"], ["one two", "two one"])
    False
    """
    grouped: dict = {}
    for document, needle in zip(documents, needles):
        grouped.setdefault(document, []).append(needle)
    for document, group in grouped.items():
        index = indexes.get(document)
        if index is not None and not all(index.find_all(group)):
            return False
    return True


def _chunks_at_spaces(text: str, size: int):
    """Yield ``text`` in pieces of about ``size`` characters, cut at spaces (which are dropped)."""
    start = 0
    while True:
        end = text.find(" ", start + size)
        if end < 0:
            yield text[start:]
            return
        yield text[start:end]
        start = end + 1
