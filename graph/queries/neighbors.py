"""Who is near an actor: its ego network up to a depth, following relations in, out or both.

The ego network is networkx's ``ego_graph`` on :func:`graph.build.projection`:
the directed projection for ``out`` (relations the actor is the source of,
then theirs...) and for ``in`` (its reverse), the undirected projection for
``both``. A symmetric type counts in both directions. Without a direction,
``both`` is the default, and ``directed=True`` means ``out`` (see
:mod:`graph.queries.direction`).

Every role counts (action, commentary, affiliation); each actor found says
under ``roles`` which roles the relations that reach it have (from the
actors one hop nearer).
"""

from __future__ import annotations

from ..choices import check_choice
from ..model import Dataset
from ..problems import QueryError
from ._checks import actor_id as actor_id_of
from ._checks import check_count
from .direction import resolve_directed

__all__ = ["DIRECTIONS", "neighbors"]

DIRECTIONS = ("both", "out", "in")


def neighbors(
    dataset: Dataset,
    actor: str,
    depth: int = 1,
    direction: str | None = None,
    directed: bool | None = None,
    engine: str | None = None,
) -> dict:
    """Return the actors within ``depth`` hops of ``actor`` (id, name or alias), by depth then id.

    ``direction`` is ``"both"``, ``"out"`` or ``"in"``; when it is None,
    ``directed`` decides: ``"out"`` when True, ``"both"`` when False or None
    (the default). ``direction="both"`` with ``directed=True``, or ``"in"`` /
    ``"out"`` with ``directed=False``, contradict each other: a QueryError.

    networkx computes it: ``engine`` (see :mod:`graph.engines`) may be
    ``"auto"`` or ``"networkx"``; another is an error naming networkx.

    >>> from graph.model import Actor, Dataset, Relation, RelationType
    >>> chain = Dataset(
    ...     actors={i: Actor(i, i.upper(), "country") for i in "abc"},
    ...     types={"aid": RelationType("aid", 1)},
    ...     relations=[Relation("a", "aid", "b", "q"), Relation("b", "aid", "c", "q")])
    >>> [(n["id"], n["depth"]) for n in neighbors(chain, "b")["neighbors"]]
    [('a', 1), ('c', 1)]
    >>> found = neighbors(chain, "a", depth=2, direction="out")["neighbors"]
    >>> [(n["id"], n["depth"]) for n in found]
    [('b', 1), ('c', 2)]
    >>> neighbors(chain, "a", direction="in")["neighbors"]
    []
    """
    import networkx as nx

    from ..build import projection
    from ..engines import choose

    chosen = choose(engine, "neighbors")
    actor_id = actor_id_of(dataset, actor)
    if direction is None:
        direction = "out" if resolve_directed(directed, "neighbors") else "both"
    check_choice(direction, DIRECTIONS, "direction")
    if directed is not None and directed != (direction != "both"):
        raise QueryError(
            f"direction {direction!r} and {'--directed' if directed else '--undirected'} "
            "contradict each other: give one of them"
        )
    check_count(depth, "the depth", optional=False)
    graph = projection(dataset, directed=direction != "both")
    if direction == "in":
        graph = graph.reverse(copy=False)
    # What nx.ego_graph keeps, with the distance of each node kept too.
    distances = nx.single_source_shortest_path_length(graph, actor_id, cutoff=depth)
    found = sorted((hops, node) for node, hops in distances.items() if node != actor_id)
    roles = _roles_in(dataset, distances, direction)
    return {
        "actor": actor_id,
        "name": dataset.actors[actor_id].name,
        "engine": chosen.name,
        "depth": depth,
        "direction": direction,
        "neighbors": [
            {
                "id": node,
                "name": dataset.actors[node].name,
                "kind": dataset.actors[node].kind,
                "depth": hops,
                "roles": roles[node],
            }
            for hops, node in found
        ],
    }


def _roles_in(dataset: Dataset, distances: dict, direction: str) -> dict[str, list[str]]:
    """Return, per actor reached, the roles of the relations that reach it from one hop nearer.

    A symmetric type's relation reaches both ways, like the projection it was found on.
    """
    from ..model import ROLES

    found: dict[str, set[str]] = {node: set() for node in distances}
    for relation in dataset.relations:
        kind = dataset.types[relation.type]
        ends = [(relation.source, relation.target)]
        if direction == "both" or kind.symmetric:
            ends.append((relation.target, relation.source))
        elif direction == "in":
            ends = [(relation.target, relation.source)]
        for near, far in ends:
            if near in distances and far in distances and distances[far] == distances[near] + 1:
                found[far].add(kind.role)
    return {node: [role for role in ROLES if role in roles] for node, roles in found.items()}
