"""``plover``: PLOVER event records, such as its gold-standard records, into our tables.

The file is a JSON array with trailing commas (read without ``eval``: the
commas are blanked, keeping every line and column for error messages).
Records whose ``event`` is ``DOCUMENT`` document the file and are skipped.
Each event's sentence (``text``) becomes its own document and the
relation's quote; a relation is ``verified`` when every actor span
(``actorText``) of both ends is verbatim in the sentence, ``asserted``
otherwise. Compound actors (lists) give one relation for each source and
target; several sources with no target (``Hungarian and Romanian officials
agreed``) give symmetric relations among them, of the type
``<category>_together``. The category (and mode) map to a type and sign by
``plover.tsv``.
"""

from __future__ import annotations

import json
from itertools import combinations

from ..problems import DatasetError, Problem
from ..progress import advance
from .actors import DEFAULT_KIND, country_name, kind_description, kind_of_type_codes
from .ids import actor_id, slug
from .mappings import mapping, mapping_rows, sign_of_score

__all__ = ["blank_trailing_commas", "read", "read_records"]


def read_records(path) -> list:
    """Return the records of a PLOVER file: a JSON array whose trailing commas are allowed."""
    text = path.read_text(encoding="utf-8-sig")
    try:
        records = json.loads(blank_trailing_commas(text))
    except json.JSONDecodeError as error:
        raise DatasetError([Problem(str(path), error.lineno, error.colno, error.msg)]) from None
    if not isinstance(records, list):
        raise DatasetError([Problem(str(path), 1, 1, "expected a JSON array of records")])
    return records


def blank_trailing_commas(text: str) -> str:
    """Return ``text`` with each comma before a ``]`` or ``}`` (outside strings) made a space.

    Lines and columns stay those of the file, for the errors :mod:`json` reports.

    >>> blank_trailing_commas('[{"a": "x,]", "b": [1, 2,],},]')
    '[{"a": "x,]", "b": [1, 2 ] } ]'
    """
    chars = list(text)
    in_string = escaped = False
    last_comma = None
    for index, char in enumerate(chars):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char == '"':
            in_string, last_comma = True, None
        elif char == ",":
            last_comma = index
        elif char in "]}":
            if last_comma is not None:
                chars[last_comma] = " "
            last_comma = None
        elif not char.isspace():
            last_comma = None
    return "".join(chars)


def _actors(value) -> list[dict]:
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict) and item.get("code")]


def _spaced(text) -> str:
    return " ".join(str(text or "").split())


def read(sources, writer, report, **options) -> None:
    """Map every record of each PLOVER file to relations (see the module docstring)."""
    categories = mapping("plover")
    mode_scores = {
        (row["category"], row["mode"]): float(row["score"])
        for row in mapping_rows("plover")
        if row["mode"]
    }
    for path in sources:
        records = read_records(path)
        for number, record in enumerate(records, start=1):
            advance(number, len(records))
            if not isinstance(record, dict):
                report.rows_read += 1
                report.skip("not a record", f"{path.name} #{number}")
                continue
            category = str(record.get("event") or "")
            if category == "DOCUMENT":
                continue  # the file's own documentation, not an event
            report.rows_read += 1
            where = str(record.get("id") or f"{path.name} #{number}")
            row = categories.get(category)
            if row is None:
                report.skip(f"unknown category {category!r}", where)
                continue
            sources_ = _actors(record.get("source"))
            targets = _actors(record.get("target"))
            if not sources_:
                report.skip("no source actor", where)
                continue
            if not targets and len(sources_) < 2:
                report.skip("no target actor", where)
                continue
            sentence = _spaced(record.get("text"))
            if not sentence:
                report.skip("no sentence", where)
                continue
            ends = sources_ + targets
            verified = all(_spaced(actor.get("actorText")) in sentence for actor in ends)
            ids = [_actor(writer, actor) for actor in ends]
            base_type, sign = row["type"], int(row["sign"])
            mode = str(record.get("mode") or "")
            score = mode_scores.get((category, mode), float(row["score"]))
            if sign_of_score(score) != sign:
                report.disagree(f"{category} {mode}: score {score} against sign {sign}", where)
            if targets:
                pairs = [(s, t) for s in ids[: len(sources_)] for t in ids[len(sources_) :]]
                type_name, symmetric = base_type, False
            else:
                pairs = list(combinations(ids, 2))
                type_name, symmetric = f"{base_type}_together", True
            writer.relation_type(type_name, sign, symmetric, _type_description(row, symmetric))
            document = writer.document(slug(where) or f"record-{number}", text=sentence + "\n")
            made = False
            for source, target in pairs:
                if source == target:
                    report.skip("same actor at both ends", where)
                    continue
                made = True
                writer.relation(
                    {
                        "src": source,
                        "dst": target,
                        "type": type_name,
                        "sign": sign,
                        "symmetric": symmetric,
                        "evidence": sentence,
                        "document": document,
                        "date": _date(record.get("date")),
                        "evidence_state": "verified" if verified else "asserted",
                        "locator": where,
                    },
                    {
                        "record": where,
                        "category": category,
                        "mode": mode,
                        "score": score,
                        "quad": row["quad"],
                        "context": _context(record.get("context")),
                    },
                )
            if not made:
                continue


def _type_description(row: dict, symmetric: bool) -> str:
    text = f"PLOVER {row['category']}: {row['description']}"
    return f"{text} (several sources together, no target)" if symmetric else text


def _context(value) -> str:
    if isinstance(value, list):
        return "|".join(str(item) for item in value)
    return str(value or "")


def _date(value) -> str | None:
    text = str(value or "")
    return text[:10] if len(text) >= 10 and text[4] == "-" else None


def _actor(writer, actor: dict) -> str:
    code = str(actor.get("code") or "").strip().upper()
    text = _spaced(actor.get("actorText"))
    name = country_name(code)
    if name is not None and not actor.get("sector"):
        writer.kind("country", kind_description("country"))
        writer.actor(code.lower(), name, "country", text)
        return code.lower()
    sector = str(actor.get("sector") or "").strip().upper()
    kind = kind_of_type_codes([code, sector[:3]])
    writer.kind(kind, kind_description(kind))
    identifier = actor_id(code + sector, text)
    writer.actor(identifier, text or code, kind if kind else DEFAULT_KIND)
    return identifier
