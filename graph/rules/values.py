"""What a single value must be: ids, names and text, weights, dates.

Each rule is defined once, as a function that records nothing, and used by
both lanes of the rules: :class:`~graph.rules.checker.Checker`, which turns
a refusal into a problem at the value's place, and the bulk lane of
:mod:`graph.rules.relations`, which only asks whether everything passes.

>>> string_fault("Kyiv"), string_fault("  "), string_fault("a\\u202eb")
(None, 'must not be empty', 'contains the invisible or control character U+202E')
>>> weight_value(2), weight_value(True), weight_value(1e9)
(2.0, None, None)
>>> date_text(2025), period_fault("2025-13")
('2025', "date '2025-13' does not exist: month must be in 1..12")
"""

from __future__ import annotations

import math
import re
import unicodedata

from ..dates import parse_period
from ..names import name_key

__all__ = [
    "ID_PATTERN",
    "MAX_WEIGHT",
    "MIN_WEIGHT",
    "date_text",
    "fixed_id",
    "nfc",
    "period_fault",
    "plainly_good_text",
    "plainly_good_texts",
    "string_fault",
    "weight_value",
]

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]*")
# Weights are multiplied and summed by the queries: bounded, they stay finite.
MIN_WEIGHT, MAX_WEIGHT = 1e-6, 1e6
# C0/C1 controls, bidirectional overrides and tag characters (invisible text);
# names also refuse the line and paragraph separators, text fields may keep
# tabs and line breaks.
_FORBIDDEN_IN_NAME = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\U000e0000-\U000e007f]"
)
_FORBIDDEN_IN_TEXT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\U000e0000-\U000e007f]"
)
# A letter or digit: a string holding one is not empty once folded.
_VISIBLE = re.compile("[0-9A-Za-z]")


def string_fault(text: str, multiline: bool = False) -> str | None:
    """Return what is wrong with ``text`` as a name (or ``multiline`` text), None if nothing.

    Control characters (terminal escapes, line breaks in a name) and
    bidirectional overrides are refused: they would garble or spoof what a
    terminal or a page shows. ``multiline`` text may hold line breaks and tabs.
    """
    # isprintable() is False for every forbidden character, and answers in C.
    if not text.isprintable():
        bad = (_FORBIDDEN_IN_TEXT if multiline else _FORBIDDEN_IN_NAME).search(text)
        if bad:
            return f"contains the invisible or control character U+{ord(bad[0]):04X}"
    if not (_VISIBLE.search(text) or name_key(text)):
        return "must not be empty"
    return None


def plainly_good_text(text) -> bool:
    """Return whether ``text`` is a string :func:`string_fault` accepts on sight.

    Printable and holding a letter or digit: a quick test, in C, that is
    enough (not needed) for a string to pass; what fails it is asked properly.
    """
    return type(text) is str and text.isprintable() and _VISIBLE.search(text) is not None


def plainly_good_texts(texts: list) -> bool:
    """Return whether every one of ``texts`` is :func:`plainly_good_text`, asked of them all in C.

    >>> plainly_good_texts(["a b", "1"]), plainly_good_texts(["a", " "]), plainly_good_texts([1])
    (True, False, False)
    """
    return (
        set(map(type, texts)) <= {str}
        and "".join(texts).isprintable()
        and all(map(_VISIBLE.search, texts))
    )


def fixed_id(text: str) -> str | None:
    """Return ``text`` spelt as a valid id, or None when nothing of it is left.

    >>> fixed_id("Greenland"), fixed_id("São Tomé & Príncipe"), fixed_id("!!")
    ('greenland', 'sao-tome-principe', None)
    """
    return re.sub(r"[^a-z0-9_-]+", "-", name_key(text)).strip("-_") or None


def nfc(text: str | None) -> str | None:
    """Return ``text`` in Unicode NFC, so a name typed in NFD is the same name."""
    return None if text is None else unicodedata.normalize("NFC", text)


def weight_value(value) -> float | None:
    """Return a relation's weight as a float, or None when it is not one the rules accept."""
    if type(value) in (int, float):
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if MIN_WEIGHT <= number <= MAX_WEIGHT:
            return number
    return None


def date_text(value) -> str | None:
    """Return a date as text when it was read as a string or an integer (YAML reads 2025 so).

    Anything else (a float, a boolean, a huge integer) is None: its text is
    the one written, which only a located reading knows.
    """
    if type(value) is str:
        return value
    if type(value) is int and abs(value) < 10**18:  # str() of a huge int raises
        return str(value)
    return None


def period_fault(text: str) -> str | None:
    """Return why ``text`` is not a date (YYYY, YYYY-MM or YYYY-MM-DD), None if it is one."""
    try:
        parse_period(text)
    except ValueError as error:
        return str(error)
    return None
