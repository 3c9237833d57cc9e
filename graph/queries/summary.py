"""Summaries of a dataset and of one actor: what ``graph stats`` and ``graph show`` print."""

from __future__ import annotations

from collections import Counter

from ..display import shown_path
from ..model import Actor, Dataset

__all__ = ["show", "stats"]


def stats(dataset: Dataset, engine: str | None = None, directed: bool | None = None) -> dict:
    """Return counts by kind and type, connectivity and density of the dataset.

    Components ignore direction (the weakly connected components of the
    directed projection; see :mod:`graph.build`), found by ``engine`` (see
    :mod:`graph.engines`; ``engine`` in the result says which). Density is
    that of the projection as ``networkx.density`` computes it: undirected by
    default, links / (n * (n - 1) / 2); with ``directed=True`` arcs / (n * (n
    - 1)) (see :mod:`graph.queries.direction`).

    >>> from graph import load_dataset
    >>> summary = stats(load_dataset())
    >>> summary["actors"] == len(load_dataset().actors)
    True
    """
    from ..engines import Projection, choose
    from .direction import resolve_directed

    directed = resolve_directed(directed, "density")
    chosen = choose(engine, "components")
    simple = Projection.of(dataset, directed=directed)
    components = sorted(chosen.components(simple), key=lambda c: (-len(c), min(c)))
    count = len(simple.nodes)
    pairs = count * (count - 1) if directed else count * (count - 1) / 2
    if dataset.columns is not None:
        counts = _column_counts(dataset, simple)
    else:
        linked = {actor for pair in simple.edges for actor in pair}
        dates = [r.date for r in dataset.relations if r.date]  # only the count and the ends
        counts = {
            "relations": len(dataset.relations),
            "relations_by_type": _counts(relation.type for relation in dataset.relations),
            "relations_by_sign": _counts(
                dataset.types[relation.type].sign_name for relation in dataset.relations
            ),
            "isolated": sorted(node for node in simple.nodes if node not in linked),
            "links": len(simple.edges),
            "dates": (len(dates), min(dates) if dates else None, max(dates) if dates else None),
        }
    dated, first, last = counts["dates"]
    return {
        "actors": len(dataset.actors),
        "relations": counts["relations"],
        "actors_by_kind": _counts(actor.kind for actor in dataset.actors.values()),
        "relations_by_type": counts["relations_by_type"],
        "relations_by_sign": counts["relations_by_sign"],
        "engine": chosen.name,
        "documents": {key: shown_path(doc.path) for key, doc in dataset.documents.items()},
        "components": len(components),
        "largest_component": len(components[0]) if components else 0,
        "isolated": counts["isolated"],
        "density": 0 if count <= 1 else counts["links"] / pairs,
        "directed": directed,
        "dated_relations": dated,
        "first_date": first,
        "last_date": last,
    }


def _column_counts(dataset: Dataset, simple) -> dict:
    """The counts of :func:`stats` on the columns (the same numbers, by array operations)."""
    import numpy as np

    columns = dataset.columns
    by_type = np.bincount(columns.type, minlength=len(columns.types)).tolist()
    types = Counter({name: n for name, n in zip(columns.types, by_type) if n})
    signs: Counter = Counter()
    for name, n in types.items():
        signs[dataset.types[name].sign_name] += n
    if hasattr(simple, "heads"):
        linked_at = np.zeros(len(simple.ids), dtype=bool)
        linked_at[simple.heads] = True
        linked_at[simple.tails] = True
        linked = {simple.ids[n] for n in np.flatnonzero(linked_at).tolist()}
        links = len(simple)
    else:
        linked = {actor for pair in simple.edges for actor in pair}
        links = len(simple.edges)
    used = np.bincount(columns.date[columns.date >= 0], minlength=len(columns.dates))
    dates = [date for date, n in zip(columns.dates, used.tolist()) if n and date]
    dated = sum(n for date, n in zip(columns.dates, used.tolist()) if date)
    return {
        "relations": len(columns),
        "relations_by_type": _sorted_counts(types),
        "relations_by_sign": _sorted_counts(signs),
        "isolated": sorted(node for node in simple.nodes if node not in linked),
        "links": links,
        "dates": (dated, min(dates) if dates else None, max(dates) if dates else None),
    }


def show(dataset: Dataset, actor: Actor | str) -> dict:
    """Return the actor and every relation from or to it, outgoing first, in file order.

    ``actor`` is an :class:`Actor` or what the CLI accepts: an id, a name or an alias.

    >>> from graph import load_dataset
    >>> show(load_dataset(), "Rubio")["actor"]["id"]
    'marco-rubio'
    """
    if isinstance(actor, str):
        actor = dataset.find_actor(actor)
    outgoing = [r for r in dataset.relations if r.source == actor.id]
    incoming = [r for r in dataset.relations if r.target == actor.id]
    rows = []
    for direction, relations in (("out", outgoing), ("in", incoming)):
        for relation in relations:
            row = relation.to_dict()
            row["direction"] = direction
            row["sign"] = dataset.types[relation.type].sign_name
            row["role"] = dataset.types[relation.type].role
            rows.append(row)
    return {"actor": actor.to_dict(), "relations": rows}


def _counts(values) -> dict[str, int]:
    """Return a count per value, most frequent first, ties by name."""
    return _sorted_counts(Counter(values))


def _sorted_counts(counts: Counter) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
