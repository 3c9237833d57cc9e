"""Node positions computed in Python, for graphs too large for the page's live physics.

networkx's ``spring_layout`` needs about a minute for 5,000 nodes on a 2-core
machine (its repulsion is all pairs), so large graphs are laid out in two
levels, each with networkx, then tidied:

1. Louvain communities (``louvain_communities``) are placed with
   ``spring_layout`` on the graph of communities, relations between two
   communities pulling them together;
2. each community is laid out with ``spring_layout`` around its place, in a
   disc whose area grows with its size;
3. a few Fruchterman-Reingold steps in which nodes repel only neighbours
   closer than twice the edge length (the "grid" variant of the model, found
   with a k-d tree, linear time per step) pull the seams together and push
   overlapping nodes apart;
4. the connected components are laid out one by one (the largest as above,
   small ones with ``spring_layout``) and packed in rows under the largest,
   actors without relations last, in a grid: nothing floats far out to
   shrink the fitted view;
5. pairs of nodes closer than ``MIN_DISTANCE`` are pushed apart until none
   is left, so no node is ever drawn over another's centre, whatever sizes
   ``--size-by`` gives them (the largest node has a radius of 40).

Positions depend on the relations only, never on the sizes or colours.
Everything is seeded, so the same graph always gets the same positions.
"""

from __future__ import annotations

from ..model import Dataset

__all__ = ["EDGE_LENGTH", "MIN_DISTANCE", "positions"]

EDGE_LENGTH = 90.0  # pixels between neighbours: the model's ideal distance
# No two centres closer: a node's shape (at most 40 from its centre, 57 for
# a square's corner) never covers another's centre.
MIN_DISTANCE = 60.0
LARGE = 5_000  # nodes: above this, fewer layout steps per community


def positions(
    dataset: Dataset, seed: int = 1, tidy_steps: int = 30, clusters: dict | None = None
) -> dict[str, tuple[float, float]]:
    """Return ``{actor id: (x, y)}`` in page pixels, rounded to 0.1, for every actor.

    Relations pull their two actors together whatever their direction or
    number (the undirected projection of :mod:`graph.build`). A dict given as
    ``clusters`` is filled with ``{actor id: cluster number}``: the groups the
    layout placed together (a large component's Louvain communities, a small
    component whole), numbered from 0 by size, then by first id; actors
    without relations are in none.
    """
    import networkx as nx
    import numpy as np

    from ..build import projection

    ids = sorted(dataset.actors)
    if not ids:
        return {}
    # Integer nodes: networkx walks a small subgraph's nodes through a set, and
    # sets of strings iterate in an order that changes with PYTHONHASHSEED, so
    # string ids would give each run different positions.
    index = {actor_id: number for number, actor_id in enumerate(ids)}
    pairs = {
        tuple(sorted((index[a], index[b]))) for a, b in projection(dataset, directed=False).edges()
    }
    edges = np.array(sorted(pairs), dtype=np.intp).reshape(-1, 2)
    graph = nx.Graph()
    graph.add_nodes_from(range(len(ids)))
    graph.add_edges_from(edges.tolist())
    place = np.zeros((len(ids), 2))
    components = sorted(
        (sorted(found) for found in nx.connected_components(graph)),
        key=lambda members: (-len(members), members[0]),
    )
    boxes = []
    groups = []
    for members in components:
        if len(members) == 1:
            boxes.append((members, np.zeros((1, 2))))
            continue
        # Renumbered 0..k-1 in id order through an array (networkx's relabelling
        # copies every attribute dict: 0.4 s for 20,000 relations).
        number = np.full(len(ids), -1, dtype=np.intp)
        number[members] = np.arange(len(members))
        inside = (number[edges[:, 0]] >= 0) & (number[edges[:, 1]] >= 0)
        sub_edges = number[edges[inside]]
        sub = nx.Graph()
        sub.add_nodes_from(range(len(members)))
        sub.add_edges_from(sub_edges.tolist())
        if len(members) > 60:
            found = []
            local = _tidy(_by_community(sub, seed, found), sub_edges, tidy_steps)
            groups += [[members[n] for n in community] for community in found]
        else:
            groups.append(members)
            spread = nx.spring_layout(sub, seed=seed, k=1.0 / np.sqrt(len(members)))
            local = np.array([spread[n] for n in range(len(members))])
            local *= EDGE_LENGTH * np.sqrt(len(members)) / 2
        boxes.append((members, _separated(local)))
    for members, local in zip(components, _packed(boxes)):
        place[members] = local
    place = _separated(place)
    place -= (place.min(axis=0) + place.max(axis=0)) / 2
    if clusters is not None:
        groups.sort(key=lambda members: (-len(members), min(members)))
        clusters.update(
            (ids[member], number) for number, members in enumerate(groups) for member in members
        )
    return {
        actor_id: (round(float(x), 1), round(float(y), 1)) for actor_id, (x, y) in zip(ids, place)
    }


def _by_community(graph, seed: int, found: list | None = None):
    """Positions (an n x 2 array): communities placed apart, each laid out in its own disc.

    The communities (lists of nodes) are appended to ``found`` if given.
    """
    import networkx as nx
    import numpy as np

    communities = sorted(
        (sorted(found) for found in nx.community.louvain_communities(graph, seed=seed)),
        key=lambda members: (-len(members), members[0]),
    )
    if found is not None:
        found.extend(communities)
    member_of = {node: number for number, members in enumerate(communities) for node in members}
    between = nx.Graph()
    between.add_nodes_from(range(len(communities)))
    for source, target in graph.edges():
        pair = member_of[source], member_of[target]
        if pair[0] != pair[1]:
            weight = between.get_edge_data(*pair, default={"weight": 0})["weight"]
            between.add_edge(*pair, weight=weight + 1)
    centres = nx.spring_layout(between, seed=seed, weight="weight")
    # Above LARGE nodes each community gets fewer steps (the tidying steps
    # after it join the seams): 20,000 actors in seconds, not tens of seconds.
    steps = 50 if len(graph) <= LARGE else 20
    place = np.zeros((len(graph), 2))
    spread = EDGE_LENGTH * np.sqrt(len(graph))
    for number, members in enumerate(communities):
        radius = EDGE_LENGTH * np.sqrt(len(members)) / 2
        inner = nx.spring_layout(
            graph.subgraph(members), seed=seed, center=(0, 0), iterations=steps
        )
        for node in members:
            place[node] = centres[number] * spread + np.asarray(inner[node]) * radius
    return place


def _packed(boxes):
    """Place components in rows: the largest first, the others beneath it, left to right.

    ``boxes`` holds ``(members, local positions)`` per component; actors
    without relations share one grid, placed last. Returns the positions of
    each component, in the order given.
    """
    import numpy as np

    gap = MIN_DISTANCE * 1.5
    singles = [number for number, (members, _) in enumerate(boxes) if len(members) == 1]
    pieces = [
        (number, local - local.min(axis=0))
        for number, (members, local) in enumerate(boxes)
        if len(members) > 1
    ]
    if singles:
        side = max(1, int(np.ceil(np.sqrt(len(singles)))))
        grid = np.array([(n % side, n // side) for n in range(len(singles))], dtype=float) * gap
        pieces.append((None, grid))
    sizes = [local.max(axis=0) for _, local in pieces]
    width = max(float(sizes[0][0]), float(np.sqrt(sum(s[0] * s[1] for s in sizes))))
    placed = [None] * len(boxes)
    x = y = row = 0.0
    for (number, local), size in zip(pieces, sizes):
        if x > 0 and x + size[0] > width:
            x, y, row = 0.0, y + row + gap, 0.0
        moved = local + np.array([x, y])
        if number is None:
            for single, point in zip(singles, moved):
                placed[single] = point[None, :]
        else:
            placed[number] = moved
        x += size[0] + gap
        row = max(row, size[1])
    return placed


def _separated(place, distance: float = MIN_DISTANCE, rounds: int = 200):
    """Push apart every pair of nodes closer than ``distance`` until none is left.

    Should local pushes not settle in ``rounds`` rounds, the whole picture is
    spread by a quarter and pushed again (spreading moves every pair apart),
    so the result never has two nodes too close.
    """
    import numpy as np
    from scipy.spatial import cKDTree

    place = np.array(place, dtype=float)
    if len(place) < 2:
        return place
    while True:
        place = _pushed(place, distance, rounds)
        if not len(cKDTree(place).query_pairs(distance * 0.999, output_type="ndarray")):
            return place
        place = place * 1.25


def _pushed(place, distance: float, rounds: int):
    """Up to ``rounds`` rounds of pushing apart the pairs closer than ``distance``."""
    import numpy as np
    from scipy.spatial import cKDTree

    for round_ in range(rounds):
        near = cKDTree(place).query_pairs(distance * 1.001, output_type="ndarray")
        if not len(near):
            break
        delta = place[near[:, 1]] - place[near[:, 0]]
        length = np.hypot(delta[:, 0], delta[:, 1])
        # Coincident nodes part along a fixed direction that turns with the pair.
        same = length < 1e-6
        angle = (near[same, 0] * 7 + near[same, 1] * 13 + round_) * 0.618
        delta[same] = np.stack([np.cos(angle), np.sin(angle)], axis=1)
        length[same] = 1.0
        push = ((distance * 1.01 - length) / 2 / length)[:, None] * delta
        moves = np.zeros_like(place)
        np.add.at(moves, near[:, 0], -push)
        np.add.at(moves, near[:, 1], push)
        place += moves
    return place


def _tidy(place, edges, steps: int):
    """Fruchterman-Reingold steps with repulsion between near nodes only, cooling linearly."""
    import numpy as np
    from scipy.spatial import cKDTree

    count = len(place)
    k = EDGE_LENGTH

    def summed(at, force):
        return np.stack(
            [np.bincount(at, force[:, 0], count), np.bincount(at, force[:, 1], count)], axis=1
        )

    for step in range(steps):
        temperature = k * (1 - step / steps)
        near = cKDTree(place).query_pairs(2 * k, output_type="ndarray")
        delta = place[near[:, 0]] - place[near[:, 1]]
        distance = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 0.01)
        push = (k * k / distance**2)[:, None] * delta
        moves = summed(near[:, 0], push) - summed(near[:, 1], push)
        delta = place[edges[:, 0]] - place[edges[:, 1]]
        distance = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 0.01)
        pull = (distance / k)[:, None] * delta
        moves += summed(edges[:, 1], pull) - summed(edges[:, 0], pull)
        length = np.maximum(np.hypot(moves[:, 0], moves[:, 1]), 0.01)
        place = place + moves / length[:, None] * np.minimum(length, temperature)[:, None]
    return place
