"""How each command's data is laid out for people: the blocks of a table view."""

from __future__ import annotations

from ..output import Fields, Result, Table

__all__ = ["show_view", "stats_view", "validated_line"]

RELATION_COLUMNS = ["source", "type", "target", "evidence"]


def validated_line(report: dict) -> str:
    """Return the line saying a dataset is valid, from :func:`graph.load.validate`'s report.

    >>> validated_line({"actors": 2, "relations": 3, "types": 1, "quotes_checked": True,
    ...                 "evidence_states": {"verified": 2, "located": 1, "asserted": 0}})
    'ok: 2 actors, 3 relations, 1 types; quotes checked: 2 verified, 1 located, 0 asserted'
    """
    counts = ", ".join(f"{n} {state}" for state, n in report["evidence_states"].items())
    checked = "quotes checked" if report["quotes_checked"] else "quotes unchecked (no documents)"
    return (
        f"ok: {report['actors']} actors, {report['relations']} relations, "
        f"{report['types']} types; {checked}: {counts}"
    )


def stats_view(data: dict) -> Result:
    summary = Fields(
        [
            ("actors", data["actors"]),
            ("relations", data["relations"]),
            ("documents", ", ".join(data["documents"]) or "none (quotes unchecked)"),
            ("components", data["components"]),
            ("largest component", f"{data['largest_component']} actors"),
            ("isolated", data["isolated"] or "none"),
            (
                "density",
                f"{data['density']:.6g} ({'directed' if data['directed'] else 'undirected'})",
            ),
            ("dates", _date_range(data)),
        ]
    )
    kinds = _count_table("kind", data["actors_by_kind"], "Actors by kind")
    types = _count_table("type", data["relations_by_type"], "Relations by type")
    signs = _count_table("sign", data["relations_by_sign"], "Relations by sign")
    return Result(data, [summary, kinds, types, signs])


def show_view(data: dict) -> Result:
    actor = data["actor"]
    card = Fields(
        [
            ("id", actor["id"]),
            ("name", actor["name"]),
            ("kind", actor["kind"]),
            ("aliases", actor["aliases"] or "none"),
            ("description", actor["description"] or ""),
            # Merged datasets: where the actor is defined, and each one's description.
            *([("datasets", actor["datasets"])] if "datasets" in actor else []),
            *(
                (f"description ({label})", text)
                for label, text in actor.get("descriptions", {}).items()
                if len(actor.get("descriptions", {})) > 1
            ),
        ]
    )
    merged = any("dataset" in row for row in data["relations"])
    table = Table(
        [*RELATION_COLUMNS, "date", *(["dataset"] if merged else [])],
        data["relations"],
        title=f"Relations ({len(data['relations'])})",
        wrap="evidence",
    )
    return Result(data, [card, table])


def _count_table(label: str, counts: dict, title: str) -> Table:
    rows = [{label: key, "count": value} for key, value in counts.items()]
    return Table([label, "count"], rows, title=title)


def _date_range(data: dict) -> str:
    if not data["dated_relations"]:
        return "no dated relations"
    return f"{data['first_date']} to {data['last_date']} ({data['dated_relations']} dated)"
