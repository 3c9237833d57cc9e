"""Text cells made safe for spreadsheets, and the exact inverse for readers.

A spreadsheet opening a CSV file runs a cell starting with ``=``, ``+``,
``-`` or ``@`` as a formula (``=HYPERLINK(...)``, ``+cmd|' /C calc'!A0``),
and tab or carriage return can hide one. Every CSV writer passes each *text*
cell through :func:`spreadsheet_safe`, which prefixes an apostrophe to such
a cell; numbers are written as they are (a score of ``-0.0303`` stays a
number). A cell already starting with an apostrophe gets one too, so the
rule is reversible: every reader of our CSV files applies
:func:`spreadsheet_unescape` to text cells and gets the original text back.

>>> spreadsheet_safe("=HYPERLINK(1)"), spreadsheet_safe("Türkiye"), spreadsheet_safe("'quoted")
("'=HYPERLINK(1)", 'Türkiye', "''quoted")
>>> all(spreadsheet_unescape(spreadsheet_safe(t)) == t for t in ["-1", "'", "''=", "", "a"])
True
"""

from __future__ import annotations

__all__ = ["FORMULA_STARTS", "spreadsheet_safe", "spreadsheet_unescape"]

# A text cell starting with one of these is a formula to a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# ... and these get the prefix: the formula starts and the prefix itself.
_ESCAPED = (*FORMULA_STARTS, "'")


def spreadsheet_safe(text: str) -> str:
    """Return ``text`` with an apostrophe in front when it starts with ``= + - @ '``, tab or CR."""
    return "'" + text if text.startswith(_ESCAPED) else text


def spreadsheet_unescape(text: str) -> str:
    """Return the text :func:`spreadsheet_safe` was given: one apostrophe removed
    where it stands before ``= + - @``, tab, CR or another apostrophe.

    >>> spreadsheet_unescape("'=1+1"), spreadsheet_unescape("'plain"), spreadsheet_unescape("'")
    ('=1+1', "'plain", "'")
    """
    if text.startswith("'") and text[1:].startswith(_ESCAPED):
        return text[1:]
    return text
