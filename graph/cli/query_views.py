"""How the query commands' results are laid out for people: the blocks of a table view.

The JSON payload is the result itself; CSV writes each view's last table.
"""

from __future__ import annotations

from ..output import Fields, Result, Table

# The standings of graph camps, as graph.queries.camps names them (not imported: views stay light).
STANDINGS = ("member", "leaning", "undecided")
RUNS = 20  # graph.queries.communities.RUNS: the Louvain runs compared on a small graph

__all__ = [
    "camps_view",
    "centrality_view",
    "communities_view",
    "hop_arrow",
    "neighbors_view",
    "path_view",
    "whatif_view",
]

SHORT_MEASURES = {
    "degree": "degree",
    "in-degree": "in",
    "out-degree": "out",
    "betweenness": "between",
    "closeness": "close",
    "eigenvector": "eigen",
    "pagerank": "pagerank",
}


def centrality_view(data: dict, compact: bool = False) -> Result:
    """Return the scores as a table; ``compact`` rounds every measure to 4 decimals.

    Seven columns of scores fit 80 characters only when rounded, so a table
    asks for ``compact``; CSV keeps the floats as they are.
    """
    notes = [Fields([("note", data["note"])])] if data.get("note") else []
    title = f"{data['measure'].capitalize()} centrality ({_projection(data)})"
    if data["measure"] != "all":
        table = Table(["rank", "id", "name", "kind", "score"], data["results"], title=title)
        return Result(data, [*notes, table, *story_footer(data)])
    measures = data["measures"]
    title = f"Centrality, all measures ({_projection(data)})"
    rows = [
        {
            "id": row["id"],
            **{m: f"{row['scores'][m]:.4f}" if compact else row["scores"][m] for m in measures},
        }
        for row in data["results"]
    ]
    headers = {m: SHORT_MEASURES[m] for m in measures}
    table = Table(["id", *measures], rows, headers, title=title)
    return Result(data, [*notes, table, *story_footer(data)])


def story_footer(data: dict) -> list[Fields]:
    """Return the line that counts the actors left out as not in the story (none: no line).

    >>> story_footer({"not_in_story": []})
    []
    >>> story_footer({"not_in_story": [{"id": "x", "name": "X"}]})[0].items[0][1]
    '1 actor, only commentary or affiliation (--with-commentary counts them): X'
    """
    left_out = data.get("not_in_story") or []
    if not left_out:
        return []
    count = f"{len(left_out)} actor{'s' if len(left_out) > 1 else ''}"
    names = _by_name(actor["name"] for actor in left_out)
    text = f"{count}, only commentary or affiliation (--with-commentary counts them): {names}"
    return [Fields([("not in the story", text)])]


def path_view(data: dict) -> Result:
    paths = data["paths"]
    if not paths:
        return Result(data, [])
    chains = Fields(
        [(f"path {number}", _chain(path)) for number, path in enumerate(paths, start=1)],
        title=_path_title(data),
    )
    # The chains above name the actors; each row gives a hop's relation and quote
    # (and those of any other relation between the same pair).
    rows = [
        {
            "path": number,
            "hop": step,
            "relation": hop_arrow(relation),
            "evidence": relation["evidence"],
            "dataset": relation.get("dataset"),
            "role": relation.get("role", "action"),
        }
        for number, path in enumerate(paths, start=1)
        for step, hop in enumerate(path["hops"], start=1)
        for relation in (hop, *hop["also"])
    ]
    merged = any(row["dataset"] for row in rows)  # several datasets: say where each comes from
    roles = any(row["role"] != "action" for row in rows)  # commentary on the way: say so
    columns = [
        "path",
        "hop",
        "relation",
        *(["role"] if roles else []),
        "evidence",
        *(["dataset"] if merged else []),
    ]
    hops = Table(columns, rows, wrap="evidence")
    return Result(data, [chains, hops])


def hop_arrow(hop: dict) -> str:
    """Return a hop's arrow, read along the path: ``—type→``, ``←type—`` or ``←type→``.

    >>> hop_arrow({"type": "opposes", "direction": "backward"})
    '←opposes—'
    """
    left, right = {"forward": ("—", "→"), "backward": ("←", "—"), "both": ("←", "→")}[
        hop["direction"]
    ]
    return f"{left}{hop['type']}{right}"


def neighbors_view(data: dict) -> Result:
    direction = {"both": "either direction", "out": "outgoing", "in": "incoming"}
    title = (
        f"Neighbours of {data['name']} within {data['depth']} hop(s), "
        f"{direction[data['direction']]} ({len(data['neighbors'])})"
    )
    rows = [{**row, "roles": ", ".join(row.get("roles", []))} for row in data["neighbors"]]
    # Commentary or affiliation among the ties: a column says which tie reaches whom.
    roles = any(row["roles"] not in ("", "action") for row in rows)
    columns = ["depth", "id", "name", "kind", *(["roles"] if roles else [])]
    return Result(data, [Table(columns, rows, title=title)])


def camps_view(data: dict) -> Result:
    names = data["names"]
    summary = Fields(
        [
            (
                "method",
                f"{data['method']} (exact up to {data['exact_limit']} actors on cycles, "
                "local search beyond)",
            ),
            ("frustrated", f"{len(data['frustrated'])} relation(s)"),
            *_placement_summary(data),
        ]
    )
    rows = []
    for number, (camp, leaning) in enumerate(zip(data["camps"], data["leaning"]), start=1):
        rows.append(
            {"camp": number, "size": len(camp), "members": _by_name(names[i] for i in camp)}
        )
        if leaning:
            members = _by_name(names[i] for i in leaning)
            rows.append({"camp": f"{number} leaning", "size": len(leaning), "members": members})
    for label in ("undecided", "unaligned"):
        if data[label]:
            members = _by_name(names[i] for i in data[label])
            rows.append({"camp": label, "size": len(data[label]), "members": members})
    camps = Table(
        ["camp", "size", "members"],
        rows,
        title=f"Camps (members rest on at least {data['min_margin']} relation(s))"
        if data["min_margin"] > 1
        else "Camps",
        wrap="members",
    )
    placements = Table(
        ["camp", "actor", "standing", "placement", "margin", "note"],
        [
            {
                **actor,
                "actor": actor["name"],
                "placement": PLACEMENTS[actor["placement"]],
                "note": placement_note(actor),
            }
            for actor in data["actors"]
        ],
        title="How sure each placement is (unsure first; margin: how many more relations "
        "would not fit if the actor switched sides, with those tied to the rest only "
        "through it)",
        wrap="note",
    )
    frustrated = Table(
        ["source", "type", "target", "evidence"],
        [
            {**r, "source": names[r["source"]], "target": names[r["target"]]}
            for r in data["frustrated"]
        ],
        title="Frustrated relations (positive across camps, negative within one)",
        wrap="evidence",
    )
    return Result(data, [summary, camps, placements, frustrated, *story_footer(data)])


PLACEMENTS = {"forced": "forced", "convention": "by convention"}


def placement_note(actor: dict) -> str:
    """Return what a reader should know about an actor's placement, in words.

    >>> placement_note({"placement": "forced", "margin": 1})
    'rests on one relation'
    >>> placement_note({"placement": "convention", "margin": 0})
    'placed by convention: no signed path to the main group; either side fits as well'
    """
    notes = []
    if actor["placement"] == "convention":
        notes.append("placed by convention: no signed path to the main group")
    if actor["margin"] == 0:
        notes.append("either side fits as well")
    elif actor["margin"] == 1:
        notes.append("rests on one relation")
    return "; ".join(notes)


def _placement_summary(data: dict) -> list[tuple[str, str]]:
    actors = data["actors"]
    convention = sum(1 for actor in actors if actor["placement"] == "convention")
    forced = len(actors) - convention
    one = sum(1 for actor in actors if actor["margin"] == 1)
    either = sum(1 for actor in actors if actor["margin"] == 0)
    standing = {name: sum(1 for a in actors if a["standing"] == name) for name in STANDINGS}
    return [
        ("placement", f"{forced} forced by signed relations, {convention} placed by convention"),
        ("unsure", f"{one} resting on one relation, {either} fitting either side as well"),
        (
            "standing",
            f"{standing['member']} member(s), {standing['leaning']} leaning (margin under "
            f"{data['min_margin']}), {standing['undecided']} undecided (either side fits)",
        ),
    ]


def communities_view(data: dict) -> Result:
    modularity = data["modularity"]
    stability = data["stability"]
    summary = Fields(
        [
            (
                "method",
                data["method"] + (f" (seed {data['seed']})" if data["seed"] is not None else ""),
            ),
            ("modularity", "none (no relations)" if modularity is None else round(modularity, 4)),
            ("communities", len(data["communities"])),
            ("signs", data["signs"]),
            ("stability", _stability_words(data)),
        ]
    )
    threshold = stability["unstable_below"]
    rows = [
        {
            **c,
            "stability": f"{c['stability']:.2f}" + (" unstable" if c["unstable"] else ""),
            "members": _by_name(
                name + (f" ({c['shares'][i]:.2f})" if c["shares"][i] < threshold else "")
                for i, name in zip(c["actors"], c["names"])
            ),
        }
        for c in data["communities"]
    ]
    table = Table(
        ["community", "size", "stability", "members"],
        rows,
        {"community": "#"},
        wrap="members",
    )
    return Result(data, [summary, table, *story_footer(data)])


def _stability_words(data: dict) -> str:
    stability = data["stability"]
    if data["method"] != "louvain":
        return "greedy modularity gives the same communities every run: nothing to compare"
    seeds = stability["seeds"]
    text = (
        f"{stability['runs']} Louvain runs (seeds {seeds[0]}-{seeds[-1]}); an actor's share "
        "is the runs in which it lands with its community's core (its community in the "
        f"seed-{seeds[0]} run, matched in each run by most members in common), shown after "
        f"a name when under {stability['unstable_below']}; unstable: a mean share under "
        f"{stability['unstable_below']}"
    )
    if stability["reduced"]:
        text += f" (fewer runs than {RUNS} on a graph this large, to keep the cost down)"
    return text


def whatif_view(data: dict) -> Result:
    disconnected = ", ".join(actor["name"] for actor in data["disconnected"]) or "none"
    summary = Fields(
        [
            ("without", ", ".join(actor["name"] for actor in data["excluded"])),
            ("measure", f"{data['measure']} ({_projection(data)})"),
            ("components", f"{data['components_before']} before, {data['components_after']} after"),
            ("disconnected", disconnected),
            *(("note", note) for note in data.get("notes", [])),
        ]
    )
    rows = [
        {**row, "rank": f"{row['rank_before']} → {row['rank_after']}"} for row in data["results"]
    ]
    table = Table(
        ["id", "name", "before", "after", "change", "rank"],
        rows,
        title="Change per actor (largest first)",
    )
    return Result(data, [summary, table, *story_footer(data)])


def _projection(data: dict) -> str:
    direction = "directed" if data["directed"] else "undirected"
    along = [SHORT_MEASURES[m] for m in data.get("directed_measures", [])]
    if along and not data["directed"]:
        direction += f"; {', '.join(along)} directed"
    text = f"{direction}, {'weighted' if data['weighted'] else 'unweighted'}"
    sample = data.get("sample")
    if sample:
        text += f"; estimated from {sample['sources']} sampled sources, seed {sample['seed']}"
    return text


def _by_name(names) -> str:
    """Return names joined in alphabetical order, as a reader scans a list of members."""
    return ", ".join(sorted(names, key=lambda name: (name.casefold(), name)))


def _chain(path: dict) -> str:
    parts = [path["names"][0]]
    for hop, name in zip(path["hops"], path["names"][1:]):
        parts += [hop_arrow(hop), name]
    return " ".join(parts)


def _path_title(data: dict) -> str:
    kind = "shortest" if data["max_length"] is None else f"at most {data['max_length']}-hop"
    direction = "following direction" if data["directed"] else "ignoring direction"
    return f"{len(data['paths'])} {kind} path(s), {direction}"
