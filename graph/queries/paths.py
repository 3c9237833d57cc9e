"""How two actors are connected: shortest (or all short simple) paths, explained hop by hop.

Paths are found on :func:`graph.build.projection`, unweighted: undirected by
default ("how are they connected?"), directed with ``directed=True`` (a
symmetric type can be followed both ways). networkx finds them
(``all_shortest_paths``, or ``all_simple_paths`` with a cutoff); each hop is
then explained by the relations behind it, with their evidence.
"""

from __future__ import annotations

import itertools

from ..model import Dataset, Relation
from ..problems import QueryError

__all__ = ["MAX_PATHS", "shortest_paths"]

# all_simple_paths grows exponentially with the cutoff on dense graphs: stop
# with an explanation rather than hang.
MAX_PATHS = 10_000


def shortest_paths(
    dataset: Dataset,
    source_id: str,
    target_id: str,
    directed: bool = False,
    max_length: int | None = None,
) -> dict:
    """Return every shortest path from ``source_id`` to ``target_id``, each hop with evidence.

    With ``max_length``, return every simple path of at most that many hops
    instead. Paths are sorted by length, then by their sequence of ids. Each
    hop names the relation behind it (the first in file order), its
    ``direction`` along the path ("forward", "backward", or "both" for a
    symmetric type) and, under ``also``, any other relations linking the pair.
    No path gives an empty ``paths`` list.

    >>> from graph.model import Actor, Dataset, Relation, RelationType
    >>> data = Dataset(
    ...     actors={i: Actor(i, i.upper(), "country") for i in "abc"},
    ...     types={"aid": RelationType("aid", 1), "opposes": RelationType("opposes", -1)},
    ...     relations=[Relation("a", "aid", "b", "a helps b"),
    ...                Relation("c", "opposes", "b", "c opposes b")])
    >>> path = shortest_paths(data, "a", "c")["paths"][0]
    >>> path["actors"]
    ['a', 'b', 'c']
    >>> [(hop["type"], hop["direction"]) for hop in path["hops"]]
    [('aid', 'forward'), ('opposes', 'backward')]
    >>> shortest_paths(data, "a", "c", directed=True)["paths"]
    []
    """
    import networkx as nx

    from ..build import projection

    for actor_id in (source_id, target_id):
        if actor_id not in dataset.actors:
            raise QueryError(f"unknown actor id {actor_id!r}")
    if source_id == target_id:
        raise QueryError("source and target are the same actor")
    if max_length is not None and max_length < 1:
        raise QueryError(f"the maximum path length must be at least 1, not {max_length}")
    graph = projection(dataset, directed=directed)
    try:
        if max_length is None:
            found = nx.all_shortest_paths(graph, source_id, target_id)
        else:
            found = nx.all_simple_paths(graph, source_id, target_id, cutoff=max_length)
        paths = _collect(found, max_length)
    except nx.NetworkXNoPath:
        paths = []
    links = _links(dataset.relations, {node for path in paths for node in path})
    return {
        "source": source_id,
        "target": target_id,
        "directed": directed,
        "max_length": max_length,
        "paths": [
            {
                "actors": list(path),
                "names": [dataset.actors[actor_id].name for actor_id in path],
                "length": len(path) - 1,
                "hops": [
                    _hop(dataset, links, source, target, directed)
                    for source, target in itertools.pairwise(path)
                ],
            }
            for path in paths
        ],
    }


def _collect(found, max_length: int | None) -> list[tuple[str, ...]]:
    paths = []
    for path in found:
        if len(paths) == MAX_PATHS:
            what = "shortest paths" if max_length is None else f"paths of at most {max_length} hops"
            raise QueryError(f"more than {MAX_PATHS} {what}; narrow the question with filters")
        paths.append(tuple(path))
    return sorted(paths, key=lambda path: (len(path), path))


def _links(relations: list[Relation], nodes: set[str]) -> dict[frozenset, list[Relation]]:
    """Return the relations between actors on the paths, by unordered pair, in file order."""
    links: dict[frozenset, list[Relation]] = {}
    for relation in relations:
        if relation.source in nodes and relation.target in nodes:
            links.setdefault(frozenset((relation.source, relation.target)), []).append(relation)
    return links


def _hop(dataset: Dataset, links: dict, source: str, target: str, directed: bool) -> dict:
    """Return a hop: the first relation linking ``source`` to ``target``, others under ``also``."""
    explained = []
    for relation in links[frozenset((source, target))]:
        if dataset.types[relation.type].symmetric:
            direction = "both"
        else:
            direction = "forward" if relation.source == source else "backward"
        if directed and direction == "backward":
            continue
        explained.append(
            {
                "source": relation.source,
                "type": relation.type,
                "target": relation.target,
                "evidence": relation.evidence,
                "direction": direction,
            }
        )
    first, *others = explained
    return {**first, "also": others}
