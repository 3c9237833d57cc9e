"""How two actors are connected: shortest (or all short simple) paths, explained hop by hop.

Paths are found on :func:`graph.build.projection`, unweighted: undirected by
default ("how are they connected?"; see :mod:`graph.queries.direction`),
directed with ``directed=True`` (a symmetric type can be followed both ways).
The engine finds the shortest
ones (see :mod:`graph.engines`: rustworkx's or networkx's
``all_shortest_paths``); networkx finds the simple paths up to a length
(``all_simple_paths`` with a cutoff). Each hop is then explained by the
relations behind it, with their evidence.

``all_simple_paths`` explores every simple path up to the cutoff, which
grows exponentially on dense graphs, even when none reaches the target. So
it runs only when the target is within reach, and only on the actors that
can lie on a simple path short enough: those whose distance from the source
plus distance to the target is at most the cutoff, and that belong to a
biconnected component on the way from source to target (a dense cluster
hanging off the source through one actor leads nowhere).
"""

from __future__ import annotations

import itertools

from ..model import Dataset, Relation
from ..problems import QueryError
from ._checks import actor_id, check_count
from .direction import resolve_directed

__all__ = [
    "MAX_PATHS",
    "MAX_STEPS",
    "estimate_paths",
    "explain_paths",
    "shortest_paths",
    "simple_paths",
]

# Simple paths grow exponentially with the cutoff on dense graphs: stop with
# an explanation rather than hang, after this many paths, or this many steps
# of the search (a step extends a partial path by one actor; a million take
# a few seconds).
MAX_PATHS = 10_000
MAX_STEPS = 1_000_000
# Refused before searching when an estimate of the paths passes this: the
# estimate (non-backtracking walks) is never below the true count, and
# rarely a hundred times above it for the cutoffs people ask for.
REFUSE_ESTIMATE = 100 * MAX_PATHS


def shortest_paths(
    dataset: Dataset,
    source_id: str,
    target_id: str,
    directed: bool | None = None,
    max_length: int | None = None,
    engine: str | None = None,
) -> dict:
    """Return every shortest path from ``source_id`` to ``target_id``, each hop with evidence.

    ``source_id`` and ``target_id`` may be ids, names or aliases, as on the
    command line. ``directed`` None is the default, undirected.

    With ``max_length``, return every simple path of at most that many hops
    instead. Paths are sorted by length, then by their sequence of ids. Each
    hop names the relation behind it (the first in file order), its
    ``direction`` along the path ("forward", "backward", or "both" for a
    symmetric type) and, under ``also``, any other relations linking the pair.
    No path gives an empty ``paths`` list; ``shortest_length`` is the number
    of hops of the shortest path (None when there is none), so a caller can
    tell "too far for ``max_length``" from "not connected". ``engine`` names
    the engine (see :mod:`graph.engines`); ``engine`` in the result says
    which answered.

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
    >>> result = shortest_paths(data, "a", "c", max_length=1)
    >>> result["paths"], result["shortest_length"]
    ([], 2)
    """
    from ..engines import Projection, choose

    source_id, target_id = actor_id(dataset, source_id), actor_id(dataset, target_id)
    directed = resolve_directed(directed, "path")
    if source_id == target_id:
        raise QueryError("source and target are the same actor")
    check_count(max_length, "the maximum path length")
    chosen = choose(engine, "shortest_paths" if max_length is None else "simple_paths")
    graph = Projection.of(dataset, directed=directed)
    if max_length is None:
        paths = _collect(chosen.shortest_paths(graph, source_id, target_id), max_length)
        shortest = len(paths[0]) - 1 if paths else None
    else:
        paths, shortest = _simple_paths(graph, source_id, target_id, max_length)
    return {
        "source": source_id,
        "target": target_id,
        "engine": chosen.name,
        "directed": directed,
        "max_length": max_length,
        "shortest_length": shortest,
        "paths": explain_paths(dataset, paths, directed),
    }


def explain_paths(dataset: Dataset, paths: list, directed: bool) -> list[dict]:
    """Return each path (a sequence of actor ids) with its names and hops, as in ``paths``.

    Each hop names the first relation behind it in file order; ``dataset``
    needs only the actors on the paths and the relations between them.
    """
    nodes = {node for path in paths for node in path}
    links = _links(dataset.relations_among(nodes), nodes)
    return [
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
    ]


def _simple_paths(graph, source: str, target: str, max_length: int):
    """Return every simple path of at most ``max_length`` hops, and the shortest length."""
    import networkx as nx

    from ..engines.networkx_engine import to_networkx

    built = to_networkx(graph)
    try:
        shortest = nx.shortest_path_length(built, source, target)
    except nx.NetworkXNoPath:
        return [], None
    if shortest > max_length:
        return [], shortest
    near, behind = _within(built, source, target, max_length)
    estimate = estimate_paths(near, source, target, max_length, behind)
    if estimate > REFUSE_ESTIMATE:
        raise QueryError(
            f"about {estimate:,} routes of at most {max_length} hops (an estimate), far "
            f"more than the {MAX_PATHS:,} paths listed at most; lower --max or narrow "
            "the question with filters"
        )
    return _collect(simple_paths(near, source, target, max_length, behind), max_length), shortest


def _within(graph, source: str, target: str, max_length: int):
    """Return the subgraph of the actors that may lie on a simple path of ``max_length`` hops."""
    import networkx as nx

    ahead = nx.single_source_shortest_path_length(graph, source, cutoff=max_length)
    backward = graph.reverse(copy=False) if graph.is_directed() else graph
    behind = nx.single_source_shortest_path_length(backward, target, cutoff=max_length)
    near = [node for node in ahead if node in behind and ahead[node] + behind[node] <= max_length]
    return graph.subgraph(_between(graph.subgraph(near), source, target)), behind


def estimate_paths(graph, source: str, target: str, cutoff: int, behind: dict) -> int:
    """Return how many walks of at most ``cutoff`` hops lead from ``source`` to ``target``
    without stepping straight back: never fewer than the simple paths, found in
    time linear in the graph's size and the cutoff (no path is listed).

    >>> import networkx as nx
    >>> square = nx.cycle_graph(["a", "b", "c", "d"])
    >>> estimate_paths(square, "a", "c", 3, {"a": 2, "b": 1, "c": 0, "d": 1})
    2
    """
    far = cutoff + 1
    count = {(source, node): 1 for node in graph[source] if 1 + behind.get(node, far) <= cutoff}
    total = 0
    for hops in range(1, cutoff + 1):
        arriving: dict = {}
        for (_, node), walks in count.items():
            if node == target:
                total += walks
            else:
                arriving[node] = arriving.get(node, 0) + walks
        if hops == cutoff:
            break
        following = {}
        for node, walks in arriving.items():
            for after in graph[node]:
                if after == source or hops + 1 + behind.get(after, far) > cutoff:
                    continue
                onward = walks - count.get((after, node), 0)  # not straight back
                if onward:
                    following[(node, after)] = onward
        count = following
    return total


def simple_paths(graph, source: str, target: str, cutoff: int, behind: dict, steps=None):
    """Yield every simple path from ``source`` to ``target`` of at most ``cutoff`` hops.

    A depth-first search that extends a partial path only to an actor from
    which ``target`` is still near enough (``behind`` holds each actor's
    distance to ``target``): far fewer dead ends than networkx's
    ``all_simple_paths``. After :data:`MAX_STEPS` extensions it stops with a
    :class:`QueryError`, so a question too big for the graph is refused in
    seconds, not hours. ``steps``, a one-item list, receives the count.

    >>> import networkx as nx
    >>> square = nx.cycle_graph(["a", "b", "c", "d"])
    >>> sorted(simple_paths(square, "a", "c", 3, {"a": 2, "b": 1, "c": 0, "d": 1}))
    [['a', 'b', 'c'], ['a', 'd', 'c']]
    """
    steps = [0] if steps is None else steps
    path = [source]
    on_path = {source}
    stack = [iter(graph[source])]
    while stack:
        for node in stack[-1]:
            if node in on_path or len(path) + behind.get(node, cutoff + 1) > cutoff:
                continue
            steps[0] += 1
            if steps[0] > MAX_STEPS:
                raise QueryError(
                    f"paths of at most {cutoff} hops: the search passed {MAX_STEPS:,} steps "
                    "without finishing; lower --max or narrow the question with filters"
                )
            if node == target:
                yield [*path, node]
                continue
            path.append(node)
            on_path.add(node)
            stack.append(iter(graph[node]))
            break
        else:
            stack.pop()
            on_path.discard(path.pop())


def _between(graph, source: str, target: str) -> set:
    """Return the actors of the biconnected components a simple path from source to target crosses.

    Blocks and the actors in them form a tree; a simple path (directed or
    not) stays within the blocks on that tree's path from source to target.
    """
    import networkx as nx

    blocks = list(nx.biconnected_components(graph.to_undirected(as_view=True)))
    tree = nx.Graph(
        (("block", index), node) for index, block in enumerate(blocks) for node in block
    )
    route = nx.shortest_path(tree, source, target)
    return set().union(*(blocks[index] for _, index in route[1::2]))


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
                # Paths follow every role; a reader should see a commentary hop as one.
                "role": dataset.types[relation.type].role,
                # A merged graph names where each relation comes from.
                **({"dataset": relation.dataset} if relation.dataset else {}),
            }
        )
    first, *others = explained
    return {**first, "also": others}
