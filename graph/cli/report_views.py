"""How the coverage and diff reports are laid out for people, and as one CSV table."""

from __future__ import annotations

from ..output import Fields, Result, Table

__all__ = ["coverage_view", "diff_view"]


def coverage_view(data: dict, output_format: str = "table") -> Result:
    """Return the coverage report's blocks; CSV gets one table of every finding."""
    if output_format == "csv":
        return Result(data, [_coverage_findings(data)])
    blocks: list = []
    for document in data["documents"]:
        key = document["key"]
        blocks.append(
            Fields(
                [
                    ("document", f"{key} ({document['path']})"),
                    ("actors named", len(document["actors"])),
                    ("names matching no actor", len(document["unmatched"])),
                    ("left out, with a reason", len(document["left_out"])),
                    ("uncited sentences", len(document["uncited_sentences"])),
                ],
                title=f"Coverage of {key}",
            )
        )
        rows = [
            {**row, "spellings": ", ".join(f"{text} ×{n}" for text, n in row["spellings"].items())}
            for row in document["actors"]
        ]
        blocks.append(
            Table(
                ["id", "mentions", "spellings"],
                rows,
                title=f"Actors named in {key}",
                wrap="spellings",
            )
        )
        for field, title in (
            ("unmatched", f"Names in {key} that match no actor"),
            ("left_out", f"Names in {key} left out on purpose (coverage.yaml)"),
        ):
            if document[field]:
                rows = [_at(row) for row in document[field]]
                columns = ["text", "mentions", "at", "why"]
                blocks.append(Table(columns, rows, title=title, wrap="why"))
        if document["uncited_sentences"]:
            blocks.append(
                Table(
                    ["line", "actors", "sentence"],
                    document["uncited_sentences"],
                    title=f"Sentences in {key} naming two or more actors that no relation cites",
                    wrap="sentence",
                )
            )
    unnamed = data["unnamed_actors"]
    blocks.append(
        Table(["id", "name", "kind"], unnamed, title="Actors no document names")
        if unnamed
        else Fields([("actors no document names", "none")])
    )
    return Result(data, blocks)


def _at(row: dict) -> dict:
    why = row["why"]
    if row.get("did_you_mean"):
        why = f"{why}; did you mean {row['did_you_mean']}?"
    return {**row, "at": f"{row['line']}:{row['column']}", "why": why}


COVERAGE_COLUMNS = ["document", "finding", "text", "mentions", "line", "column", "detail"]


def _coverage_findings(data: dict) -> Table:
    rows = []
    for document in data["documents"]:
        key = document["key"]
        for row in document["actors"]:
            detail = "|".join(f"{text}={n}" for text, n in row["spellings"].items())
            rows.append(_finding(key, "named", row["id"], row["mentions"], None, None, detail))
        for finding in ("unmatched", "left_out"):
            for row in document[finding]:
                place = (row["line"], row["column"])
                text, mentions = row["text"], row["mentions"]
                rows.append(_finding(key, finding, text, mentions, *place, row["why"]))
        for row in document["uncited_sentences"]:
            rows.append(
                _finding(
                    key,
                    "uncited",
                    row["sentence"],
                    None,
                    row["line"],
                    row["column"],
                    "|".join(row["actors"]),
                )
            )
    for row in data["unnamed_actors"]:
        rows.append(_finding(None, "unnamed", row["id"], 0, None, None, row["name"]))
    return Table(COVERAGE_COLUMNS, rows)


def _finding(document, finding, text, mentions, line, column, detail) -> dict:
    return dict(zip(COVERAGE_COLUMNS, (document, finding, text, mentions, line, column, detail)))


def diff_view(data: dict, output_format: str = "table") -> Result:
    """Return the summary counts and the table of changes (CSV: the changes, header always)."""
    counts = [
        (what, ", ".join(f"{n} {change}" for change, n in by.items() if n) or "no change")
        for what, by in data["counts"].items()
    ]
    summary = Fields(
        [("result", "equal" if data["equal"] else "different"), *counts], title="Differences"
    )
    if output_format == "csv":
        rows = [
            {**row, "old": _pairs(row["old"]), "new": _pairs(row["new"])} for row in data["changes"]
        ]
        return Result(data, [Table(["change", "what", "id", "field", "old", "new"], rows)])
    rows = [{**row, "detail": _detail(row)} for row in data["changes"]]
    table = Table(["change", "what", "detail"], rows, wrap="detail")
    return Result(data, [summary, table] if rows else [summary])


def _pairs(value):
    """Return a field, or a whole added/removed item as ``field=value`` pairs."""
    if isinstance(value, dict):
        return "; ".join(f"{key}={item}" for key, item in value.items() if item not in (None, []))
    return value


def _value(value) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list):
        return "[" + ", ".join(value) + "]"
    return str(value)


def _detail(row: dict) -> str:
    """Return one readable line: the item, then what changed in it or what it holds."""
    if row["change"] == "changed":
        return f"{row['id']}: {row['field']}: {_value(row['old'])} → {_value(row['new'])}"
    item = row["old"] if row["change"] == "removed" else row["new"]
    if row["what"] == "actor":
        return f"{row['id']}: {item['name']} ({item['kind']})"
    if row["what"] == "relation":
        return f"{row['id']}: “{item['evidence']}”"
    return f"{row['id']}: {_pairs(item)}"
