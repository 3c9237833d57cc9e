"""Who lines up with whom: two camps by structural balance of the signed relations.

Every relation whose type has sign +1 or -1 is a signed, undirected tie
(parallel relations each count; sign 0 is ignored). A relation is
*frustrated* when it is positive across the camps or negative within one.
The split minimises frustrated relations (see :mod:`graph.queries.balance`:
exact when each component is balanced or its cyclic core has at most
``EXACT_LIMIT`` actors, a seeded local search beyond).

Parts of the signed graph with no signed relation between them could be
flipped freely; each is oriented with its larger side (ties: the side holding
the smallest id) in the first camp. The larger camp comes first. Actors
without any signed relation are ``unaligned``.
"""

from __future__ import annotations

from ..model import Dataset
from .balance import EXACT_LIMIT, split
from .direction import resolve_directed

__all__ = ["EXACT_LIMIT", "camps"]


def camps(
    dataset: Dataset,
    exact_limit: int = EXACT_LIMIT,
    seed: int = 0,
    directed: bool | None = None,
) -> dict:
    """Return the two camps (lists of ids) and the frustrated relations with their evidence.

    Signs have no direction: ``directed`` may be None or False (the same),
    True is a QueryError (see :mod:`graph.queries.direction`).

    >>> from graph.model import Actor, Dataset, Relation, RelationType
    >>> data = Dataset(
    ...     actors={i: Actor(i, i.upper(), "country") for i in "abcd"},
    ...     types={"ally": RelationType("ally", 1), "opposes": RelationType("opposes", -1)},
    ...     relations=[Relation("a", "ally", "b", "q"), Relation("c", "opposes", "a", "q")])
    >>> result = camps(data)
    >>> result["camps"], result["unaligned"], result["frustrated"]
    ([['a', 'b'], ['c']], ['d'], [])
    """
    resolve_directed(directed, "camps")
    signed = [r for r in dataset.relations if dataset.types[r.type].sign != 0]
    ties: dict[tuple[str, str], list[int]] = {}
    for relation in signed:
        pair = tuple(sorted((relation.source, relation.target)))
        cost = ties.setdefault(pair, [0, 0])
        # (together, apart): a negative tie costs when together, a positive one when apart.
        cost[0 if dataset.types[relation.type].sign < 0 else 1] += 1
    components = split({pair: tuple(cost) for pair, cost in ties.items()}, exact_limit, seed)
    first, second, parts = [], [], []
    for component in components:
        sides = _oriented(component["sides"])
        part = [sorted(n for n, s in sides.items() if s == side) for side in (0, 1)]
        first += part[0]
        second += part[1]
        parts.append(
            {"camps": part, "method": component["method"], "frustrated": component["cost"]}
        )
    camp_of = {node: 0 for node in first} | {node: 1 for node in second}
    frustrated = [
        relation
        for relation in signed
        if (camp_of[relation.source] == camp_of[relation.target])
        == (dataset.types[relation.type].sign < 0)
    ]
    methods = {part["method"] for part in parts}
    ordered = sorted([sorted(first), sorted(second)], key=lambda camp: (-len(camp), camp[:1]))
    return {
        "camps": ordered,
        "frustrated": [
            {
                "source": r.source,
                "type": r.type,
                "target": r.target,
                "evidence": r.evidence,
                "sign": dataset.types[r.type].sign,
            }
            for r in frustrated
        ],
        "unaligned": sorted(set(dataset.actors) - set(camp_of)),
        "names": {actor.id: actor.name for actor in dataset.actors.values()},
        "method": "heuristic" if "heuristic" in methods else "exact",
        "exact_limit": exact_limit,
        "components": parts,
    }


def _oriented(sides: dict) -> dict:
    """Return ``sides``, flipped if need be so side 0 is the larger (or holds the smallest id)."""
    zeros = sum(1 for side in sides.values() if side == 0)
    ones = len(sides) - zeros
    smallest = min(sides)
    keep = zeros > ones or (zeros == ones and sides[smallest] == 0)
    return sides if keep else {node: side ^ 1 for node, side in sides.items()}
