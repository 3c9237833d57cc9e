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
    linked = {actor for pair in simple.edges for actor in pair}
    count = len(simple.nodes)
    pairs = count * (count - 1) if directed else count * (count - 1) / 2
    dates = [r.date for r in dataset.relations if r.date]  # only the count and the ends
    return {
        "actors": len(dataset.actors),
        "relations": len(dataset.relations),
        "actors_by_kind": _counts(actor.kind for actor in dataset.actors.values()),
        "relations_by_type": _counts(relation.type for relation in dataset.relations),
        "relations_by_sign": _counts(
            dataset.types[relation.type].sign_name for relation in dataset.relations
        ),
        "engine": chosen.name,
        "documents": {key: shown_path(doc.path) for key, doc in dataset.documents.items()},
        "components": len(components),
        "largest_component": len(components[0]) if components else 0,
        "isolated": sorted(node for node in simple.nodes if node not in linked),
        "density": 0 if count <= 1 else len(simple.edges) / pairs,
        "directed": directed,
        "dated_relations": len(dates),
        "first_date": min(dates) if dates else None,
        "last_date": max(dates) if dates else None,
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
    return dict(sorted(Counter(values).items(), key=lambda item: (-item[1], item[0])))
