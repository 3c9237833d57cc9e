"""Dates as the datasets write them: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, each a period.

>>> period_start("2025-11"), period_end("2024-02")
(datetime.date(2025, 11, 1), datetime.date(2024, 2, 29))
>>> parse_period("2025-02-30")
Traceback (most recent call last):
...
ValueError: date '2025-02-30' does not exist: day is out of range for month
>>> parse_period("2025-00")
Traceback (most recent call last):
...
ValueError: date '2025-00' does not exist: month must be in 1..12
"""

from __future__ import annotations

import calendar
import datetime
import re

__all__ = ["parse_period", "period_end", "period_start"]

# ASCII digits only: str.isdigit() and \d also accept "２０２５".
_PATTERN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def parse_period(text: str) -> tuple[int, int | None, int | None]:
    """Return (year, month, day) of a date; month and day are None when not given.

    Raises ValueError with a message fit for the user when ``text`` is not a real date.
    """
    match = _PATTERN.fullmatch(text)
    if not match:
        raise ValueError(f"date must be YYYY, YYYY-MM or YYYY-MM-DD, not {text!r}")
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        # Month and day 00 do not exist ("or 1" would let them pass as January, the 1st).
        datetime.date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError as error:
        raise ValueError(f"date {text!r} does not exist: {error}") from None
    return year, month, day


def period_start(text: str) -> datetime.date:
    """Return the first day of the period ``text`` names."""
    year, month, day = parse_period(text)
    return datetime.date(year, month or 1, day or 1)


def period_end(text: str) -> datetime.date:
    """Return the last day of the period ``text`` names."""
    year, month, day = parse_period(text)
    month = month or 12
    return datetime.date(year, month, day or calendar.monthrange(year, month)[1])
