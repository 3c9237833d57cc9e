"""``acled``: ACLED's CSV export into our tables.

Each event with two actors (``actor1``, ``actor2``) makes one relation;
events with one actor only (most protests) are counted in the report. The
event and sub-event types map to a type and sign by ``acled.tsv``; actors
are keyed by their name (ACLED has no codes), their kind by the ``inter``
code (``acled_actor_types.tsv``). ``notes`` is ACLED's own summary, not a
quote: it becomes the relation's evidence, ``asserted``; ``source`` names
outlets, not documents, and is kept as an attribute with the fatalities.
"""

from __future__ import annotations

import csv
from datetime import datetime

from ..problems import DatasetError, Problem
from ..progress import advance
from .ids import actor_id
from .mappings import mapping_rows

__all__ = ["REQUIRED_COLUMNS", "read"]

REQUIRED_COLUMNS = ("event_id_cnty", "event_date", "event_type", "actor1", "actor2")


def read(sources, writer, report, **options) -> None:
    """Map every event row of each ACLED CSV file to a relation (see the module docstring)."""
    types = {(row["event_type"], row["sub_event_type"]): row for row in mapping_rows("acled")}
    kinds = {row["inter"]: row for row in mapping_rows("acled_actor_types")}
    for path in sources:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = csv.DictReader(handle)
            missing = [name for name in REQUIRED_COLUMNS if name not in (rows.fieldnames or [])]
            if missing:
                raise DatasetError(
                    [Problem(str(path), 1, 1, f"not an ACLED export: no column {missing[0]!r}")]
                )
            for number, row in enumerate(rows, start=2):
                if number % 10_000 == 0:
                    advance(number)
                report.rows_read += 1
                _row(row, f"{path.name}:{number}", writer, report, types, kinds)


def _row(row, where, writer, report, types, kinds) -> None:
    actor1, actor2 = (row.get("actor1") or "").strip(), (row.get("actor2") or "").strip()
    if not actor1 or not actor2:
        report.skip("one actor only" if actor1 or actor2 else "no actor", where)
        return
    event_type = (row.get("event_type") or "").strip()
    sub_event_type = (row.get("sub_event_type") or "").strip()
    mapped = types.get((event_type, sub_event_type)) or types.get((event_type, ""))
    if mapped is None:
        report.skip(f"unknown event type {event_type!r}", where)
        return
    source = _actor(writer, actor1, row.get("inter1"), kinds)
    target = _actor(writer, actor2, row.get("inter2"), kinds)
    if source == target:
        report.skip("same actor at both ends", where)
        return
    sign = int(mapped["sign"])
    writer.relation_type(mapped["type"], sign, False, f"ACLED {mapped['description']}")
    notes = " ".join((row.get("notes") or "").split()) or None
    writer.relation(
        {
            "src": source,
            "dst": target,
            "type": mapped["type"],
            "sign": sign,
            "symmetric": False,
            "evidence": notes,
            "document": None,
            "date": _date(row.get("event_date") or ""),
            "evidence_state": "asserted",
            "locator": f"event_id_cnty {row.get('event_id_cnty', '').strip()}",
        },
        {
            "event_id_cnty": row.get("event_id_cnty"),
            "event_type": event_type,
            "sub_event_type": sub_event_type,
            "fatalities": row.get("fatalities"),
            "source": row.get("source"),
            "country": row.get("country"),
            "interaction": row.get("interaction"),
        },
    )


def _actor(writer, name: str, inter, kinds) -> str:
    row = kinds.get(str(inter or "").strip())
    kind = row["kind"] if row else "group"
    writer.kind(kind, f"An actor ACLED codes as {row['meaning']}." if row else None)
    identifier = actor_id("", name)
    writer.actor(identifier, name, kind)
    return identifier


def _date(text: str) -> str | None:
    """Return ACLED's ``event_date`` (``2023-01-15`` or ``15 January 2023``) as YYYY-MM-DD."""
    text = text.strip()
    for pattern in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%m/%d/%Y"):
        try:
            return datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    return None
