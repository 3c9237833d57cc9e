"""Cut a YAML file at its records, so that the pieces can be parsed apart (and in parallel).

A large ``relations.yaml`` is one long block sequence under a top-level key.
:func:`split_records` cuts the text of that sequence at lines where an item
starts (``  - `` at the items' indentation), and gives back the rest of the
file (every other top-level key) apart. Each piece is parsed on its own,
wrapped as ``relations:\\n`` + piece, exactly as the whole file places it.

A cut is only trusted when every piece parses alone: a cut inside a quoted
text, a flow collection or any other construct that spans lines leaves the
piece before it open, and its parse fails. The caller must therefore parse
the text before the key alone (:attr:`Records.before`) as well as the rest
(:attr:`Records.head`), and give up (read the whole file) at the first
piece that does not parse. Where the layout is anything else (the key
written twice or in flow style, carriage returns), there are no records.

>>> text = "types: {a: 1}\\nrelations:\\n  - x: 1\\n  - x: 2\\n  - x: 3\\nend: 0\\n"
>>> records = split_records(text, "relations", 2)
>>> records.head
'types: {a: 1}\\nend: 0\\n'
>>> records.pieces
['  - x: 1\\n  - x: 2\\n', '  - x: 3\\n']
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

__all__ = ["Records", "split_records", "wrapped"]

_TAIL = 1 << 20
# A line at the root's indentation: a key (or anything but a blank line or a
# comment); where the items sit at the root's indentation too, not an item.
_KEY_LINE = re.compile(r"\n[^ \t\n#]")
_KEY_OR_ITEM_LINE = re.compile(r"\n(?:[^ \t\n#-]|-[^ \t\n])")


@dataclass
class Records:
    """A file cut at its records: the rest of the file, and the records' text in pieces."""

    key: str
    head: str  # the file without the key's section
    before: str  # the text before the key's line
    text: str  # the whole file
    cuts: list[int]  # piece i is text[cuts[i]:cuts[i + 1]]

    @property
    def pieces(self) -> list[str]:
        """Return the pieces' texts."""
        return [self.text[low:high] for low, high in itertools.pairwise(self.cuts)]

    def __len__(self) -> int:
        return len(self.cuts) - 1


def wrapped(records: Records, index: int) -> str:
    """Return piece ``index`` as a YAML text of its own: ``KEY:\\n`` and the piece."""
    low, high = records.cuts[index], records.cuts[index + 1]
    return f"{records.key}:\n{records.text[low:high]}"


def split_records(text: str, key: str, pieces: int) -> Records | None:
    """Return ``text`` cut into about ``pieces`` pieces of ``key``'s records, or None.

    ``key`` must be a top-level key written once, alone on its line
    (``relations:``), holding a block sequence; the pieces are cut at item
    starts, about evenly by size.
    """
    if "\r" in text or pieces < 1:
        return None
    # Searches that start with a literal ("\n...") run in C at memchr speed; "^" in
    # MULTILINE mode would be tried at every character of a large file.
    line = re.compile(rf"{re.escape(key)}:[ \t]*(?:#[^\n]*)?\n")
    lines, at = [], 0
    while at >= 0:  # each line starting with the key (found by str.find, at memchr speed)
        found = line.match(text, at)
        if found:
            lines.append((at, found.end()))
        at = text.find(f"\n{key}:", at)
        at = at + 1 if at >= 0 else at
    if len(lines) != 1:
        return None
    key_start, start = lines[0]
    # The first item: its indentation is the items' (a sequence may sit at the key's own).
    first = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\n)*( *)-[ \n]").match(text, start)
    if first is None:
        return None
    indent = len(first[1])
    marker = "\n" + " " * indent + "-"
    # The section ends at the first line less indented than its items that is not
    # blank or a comment (at the key's own indentation, a line that is not an item).
    # Only the file's last MiB is searched: a key after the section that starts
    # before it falls in the last piece, which then holds two keys and is refused.
    after = _KEY_LINE if indent else _KEY_OR_ITEM_LINE
    after = after.search(text, max(start - 1, len(text) - _TAIL))
    end = len(text) if after is None else after.start() + 1
    if end < len(text) and not text.endswith("\n", 0, end):
        return None
    cuts = [start]
    size = end - start
    for part in range(1, pieces):
        at = _item_start(text, marker, start + size * part // pieces, end)
        if at is not None and at > cuts[-1]:
            cuts.append(at)
    cuts.append(end)
    return Records(key, text[:key_start] + text[end:], text[:key_start], text, cuts)


def _item_start(text: str, marker: str, position: int, end: int) -> int | None:
    """Return where the first item line at or after ``position`` starts (before ``end``)."""
    while True:
        found = text.find(marker, position - 1, end)
        if found < 0:
            return None
        after = text[found + len(marker) : found + len(marker) + 1]
        if after in (" ", "\n"):
            return found + 1
        position = found + 2
