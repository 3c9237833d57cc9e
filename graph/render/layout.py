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
   overlapping nodes apart.

Everything is seeded, so the same graph always gets the same positions.
"""

from __future__ import annotations

from ..model import Dataset

__all__ = ["EDGE_LENGTH", "positions"]

EDGE_LENGTH = 60.0  # pixels between neighbours: the model's ideal distance


def positions(
    dataset: Dataset, seed: int = 1, tidy_steps: int = 30
) -> dict[str, tuple[float, float]]:
    """Return ``{actor id: (x, y)}`` in page pixels, rounded to 0.1, for every actor.

    Relations pull their two actors together whatever their direction or
    number (the undirected projection of :mod:`graph.build`).
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
    place = _tidy(_by_community(graph, seed), edges, tidy_steps)
    place -= place.mean(axis=0)
    return {
        actor_id: (round(float(x), 1), round(float(y), 1)) for actor_id, (x, y) in zip(ids, place)
    }


def _by_community(graph, seed: int):
    """Positions (an n x 2 array): communities placed apart, each laid out in its own disc."""
    import networkx as nx
    import numpy as np

    communities = sorted(
        (sorted(found) for found in nx.community.louvain_communities(graph, seed=seed)),
        key=lambda members: (-len(members), members[0]),
    )
    member_of = {node: number for number, members in enumerate(communities) for node in members}
    between = nx.Graph()
    between.add_nodes_from(range(len(communities)))
    for source, target in graph.edges():
        pair = member_of[source], member_of[target]
        if pair[0] != pair[1]:
            weight = between.get_edge_data(*pair, default={"weight": 0})["weight"]
            between.add_edge(*pair, weight=weight + 1)
    centres = nx.spring_layout(between, seed=seed, weight="weight")
    place = np.zeros((len(graph), 2))
    spread = EDGE_LENGTH * np.sqrt(len(graph))
    for number, members in enumerate(communities):
        radius = EDGE_LENGTH * np.sqrt(len(members)) / 2
        inner = nx.spring_layout(graph.subgraph(members), seed=seed, center=(0, 0))
        for node in members:
            place[node] = centres[number] * spread + np.asarray(inner[node]) * radius
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
