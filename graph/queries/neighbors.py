"""Who is near an actor: its ego network up to a depth, following relations in, out or both.

The ego network is networkx's ``ego_graph`` on :func:`graph.build.projection`:
the directed projection for ``out`` (relations the actor is the source of,
then theirs...) and for ``in`` (its reverse), the undirected projection for
``both``. A symmetric type counts in both directions.
"""

from __future__ import annotations

from ..model import Dataset
from ._checks import check_actors, check_choice, check_count

__all__ = ["DIRECTIONS", "neighbors"]

DIRECTIONS = ("both", "out", "in")


def neighbors(
    dataset: Dataset,
    actor_id: str,
    depth: int = 1,
    direction: str = "both",
    engine: str | None = None,
) -> dict:
    """Return the actors within ``depth`` hops of ``actor_id``, by depth then id.

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
    check_actors(dataset, [actor_id])
    check_choice(direction, DIRECTIONS, "direction")
    check_count(depth, "the depth", optional=False)
    graph = projection(dataset, directed=direction != "both")
    if direction == "in":
        graph = graph.reverse(copy=False)
    # What nx.ego_graph keeps, with the distance of each node kept too.
    distances = nx.single_source_shortest_path_length(graph, actor_id, cutoff=depth)
    found = sorted((hops, node) for node, hops in distances.items() if node != actor_id)
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
            }
            for hops, node in found
        ],
    }
