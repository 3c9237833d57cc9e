"""Split a signed graph in two sides with as few frustrated ties as possible.

This is the optimisation behind :func:`graph.queries.camps.camps`, on plain
data: ``ties`` maps a pair of nodes ``(u, v)`` to ``(together, apart)``, what
it costs to put them on the same side (their negative relations) and on
different sides (their positive ones). networkx has no frustration solver, so
this module is one, per connected component:

1. **balanced**: colour the component breadth-first, each pair as it prefers;
   when nothing is frustrated this is exact, in linear time.
2. Otherwise peel off nodes hanging on at most one neighbour (trees around a
   cyclic core); their place never costs more than their own ties force.
3. **exact**: a core of at most ``exact_limit`` nodes is solved by branch and
   bound (every split is tried, bar those that cannot beat the best found;
   see :func:`_branch_and_bound` for the bound).
4. **heuristic**: a larger core gets a seeded local search: single-node moves
   while they help, from the breadth-first colouring and from ``RESTARTS``
   random starts; the best found wins. It is a local optimum, not a proof.
"""

from __future__ import annotations

import random
from collections import deque

__all__ = ["EXACT_LIMIT", "RESTARTS", "margins", "split"]

# Branch and bound is exponential in the worst case. The hardest core we could
# build, every pair of 22 actors opposed, takes 0.4 to 0.5 s (23: about 1 s).
EXACT_LIMIT = 22
RESTARTS = 20


def split(ties: dict, exact_limit: int = EXACT_LIMIT, seed: int = 0) -> list[dict]:
    """Return one entry per connected component: ``sides`` (node → 0 or 1), ``method``, ``cost``.

    ``cost`` is the number of frustrated relations left; components come in
    order of their smallest node.

    >>> triangle = {("a", "b"): (0, 1), ("b", "c"): (0, 1), ("a", "c"): (1, 0)}
    >>> split(triangle)
    [{'sides': {'a': 0, 'b': 0, 'c': 1}, 'method': 'exact', 'cost': 1}]
    >>> split({("a", "b"): (1, 0)})[0]["sides"]
    {'a': 0, 'b': 1}
    """
    adjacency = _adjacency(ties)
    seen: set = set()
    components = []
    for start in sorted(adjacency):
        if start not in seen:
            component = _breadth_first(adjacency, start)
            seen.update(component)
            components.append(_split_component(component, adjacency, exact_limit, seed))
    return components


def margins(ties: dict, sides: dict) -> dict:
    """Return, per node, how many more ties would be frustrated if it switched sides.

    A node switches together with the nodes that hang on it: those tied to
    the rest only through it (the trees peeled off around the cycles, see
    :func:`_peel`), so a node whose place rests on one tie says so even when
    others hang on it. The node left last when a component is a tree (its
    centre) switches alone. ``sides`` maps each node to 0 or 1.

    >>> path = {("a", "b"): (1, 0), ("b", "c"): (0, 2), ("c", "d"): (0, 1)}
    >>> margins(path, {"a": 0, "b": 1, "c": 1, "d": 1})
    {'a': 1, 'b': 2, 'c': 3, 'd': 1}
    """
    adjacency = _adjacency(ties)
    change = {}
    for node, neighbours in adjacency.items():
        for other, (together, apart) in neighbours.items():
            # What switching one end does to this pair's cost.
            same = sides[node] == sides[other]
            change[node, other] = apart - together if same else together - apart
    result = {}
    seen: set = set()
    for start in sorted(adjacency):
        if start in seen:
            continue
        component = sorted(_breadth_first(adjacency, start))
        seen.update(component)
        core, peeled = _peel(component, adjacency)
        for node, anchor in peeled:
            if anchor is not None:
                result[node] = change[node, anchor]
            else:
                result[node] = sum(change[node, other] for other in adjacency[node])
        in_core = set(core)
        for node in core:
            result[node] = sum(change[node, other] for other in adjacency[node] if other in in_core)
    return dict(sorted(result.items()))


def _adjacency(ties: dict) -> dict:
    adjacency: dict = {}
    for (u, v), (together, apart) in sorted(ties.items()):
        adjacency.setdefault(u, {})[v] = (together, apart)
        adjacency.setdefault(v, {})[u] = (together, apart)
    return adjacency


def _split_component(component: dict, adjacency: dict, exact_limit: int, seed: int) -> dict:
    sides = dict(component)
    cost = _cost(sides, adjacency)
    if cost == 0:
        return {"sides": dict(sorted(sides.items())), "method": "balanced", "cost": 0}
    core, peeled = _peel(sorted(component), adjacency)
    core_sides = {node: sides[node] for node in core}
    core_sides = _local_search(core_sides, adjacency, seed)
    method = "heuristic"
    if len(core) <= exact_limit:
        core_sides = _branch_and_bound(core_sides, adjacency)
        method = "exact"
    sides = _attach(core_sides, peeled, adjacency)
    return {"sides": dict(sorted(sides.items())), "method": method, "cost": _cost(sides, adjacency)}


def _breadth_first(adjacency: dict, start) -> dict:
    """Return the component of ``start``, each node coloured as its tie to its parent prefers."""
    sides = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for other in sorted(adjacency[node]):
            if other not in sides:
                sides[other] = sides[node] ^ _prefers_apart(adjacency[node][other])
                queue.append(other)
    return sides


def _prefers_apart(tie: tuple[int, int]) -> int:
    together, apart = tie
    return int(together > apart)


def _cost(sides: dict, adjacency: dict) -> int:
    """Return the frustrated relations among the nodes of ``sides`` (each pair counted once)."""
    total = 0
    for node, side in sides.items():
        for other, (together, apart) in adjacency[node].items():
            if other in sides and node < other:
                total += together if side == sides[other] else apart
    return total


def _peel(nodes: list, adjacency: dict) -> tuple[list, list]:
    """Return the core (nodes with two or more neighbours in it) and peeled ``(node, anchor)``."""
    remaining = set(nodes)
    degree = {node: len(adjacency[node]) for node in nodes}
    queue = deque(node for node in nodes if degree[node] <= 1)
    peeled = []
    while queue:
        node = queue.popleft()
        if node not in remaining:
            continue
        remaining.discard(node)
        anchors = [other for other in adjacency[node] if other in remaining]
        peeled.append((node, anchors[0] if anchors else None))
        for other in anchors:
            degree[other] -= 1
            if degree[other] == 1:
                queue.append(other)
    return sorted(remaining), peeled


def _attach(sides: dict, peeled: list, adjacency: dict) -> dict:
    """Place peeled nodes back, last peeled first, each as its tie to its anchor prefers."""
    sides = dict(sides)
    for node, anchor in reversed(peeled):
        if anchor is None:
            sides[node] = 0
        else:
            sides[node] = sides[anchor] ^ _prefers_apart(adjacency[node][anchor])
    return sides


def _gain(node, sides: dict, adjacency: dict) -> int:
    """Return how many frustrated relations moving ``node`` to the other side removes."""
    gain = 0
    for other, (together, apart) in adjacency[node].items():
        if other in sides:
            same = sides[node] == sides[other]
            gain += (together - apart) if same else (apart - together)
    return gain


def _improve(sides: dict, adjacency: dict) -> dict:
    """Move single nodes while a move helps; each move removes at least one frustration."""
    moved = True
    while moved:
        moved = False
        for node in sides:
            if _gain(node, sides, adjacency) > 0:
                sides[node] ^= 1
                moved = True
    return sides


def _local_search(sides: dict, adjacency: dict, seed: int) -> dict:
    rng = random.Random(seed)
    nodes = sorted(sides)
    best = _improve(dict(sides), adjacency)
    best_cost = _cost(best, adjacency)
    for _ in range(RESTARTS):
        if best_cost == 0:
            break
        candidate = _improve({node: rng.randrange(2) for node in nodes}, adjacency)
        cost = _cost(candidate, adjacency)
        if cost < best_cost:
            best, best_cost = candidate, cost
    return best


def _branch_and_bound(start: dict, adjacency: dict) -> dict:
    """Return a split of the core of least cost, no worse than ``start``.

    A Russian doll search: with the nodes in order, solve the last node
    alone, then the last two, and so on up to all of them. Each search
    places nodes in order and drops a partial split when its cost so far,
    plus each unplaced node's cost on its cheaper side (ties to placed
    nodes), plus the least cost among the unplaced nodes (the search before
    this one), cannot beat the best split found.
    """
    order = _constrained_order(sorted(start), adjacency)
    size = len(order)
    together, apart = _matrices(order, adjacency)
    floor = [0] * (size + 1)  # floor[i]: the least cost among order[i:]
    sides = [0] * size
    for first in reversed(range(size)):
        # A split to beat: the last search's, with order[first] on its cheaper side.
        rest = range(first + 1, size)
        zero = sum(together[first][k] if sides[k] == 0 else apart[first][k] for k in rest)
        one = sum(apart[first][k] if sides[k] == 0 else together[first][k] for k in rest)
        flip = int(one < zero)
        guess = [0] * (first + 1) + [side ^ flip for side in sides[first + 1 :]]
        cost = floor[first + 1] + min(zero, one)
        if first == 0 and _cost(start, adjacency) <= cost:
            # Keep the local search's split when nothing beats it: results stay put.
            guess, cost = [start[node] ^ start[order[0]] for node in order], _cost(start, adjacency)
        sides, floor[first] = _search(first, guess, cost, floor, together, apart)
    return dict(zip(order, sides))


def _matrices(order: list, adjacency: dict) -> tuple[list, list]:
    """Return ``together[i][j]`` and ``apart[i][j]``, the costs of a pair by position in order."""
    position = {node: index for index, node in enumerate(order)}
    together = [[0] * len(order) for _ in order]
    apart = [[0] * len(order) for _ in order]
    for i, node in enumerate(order):
        for other, (same, different) in adjacency[node].items():
            if other in position:
                together[i][position[other]] = same
                apart[i][position[other]] = different
    return together, apart


def _search(first: int, guess: list, cost: int, floor: list, together: list, apart: list):
    """Return the cheapest sides of nodes ``first`` onwards (``first`` on side 0), and the cost."""
    size = len(together)
    best = {"cost": cost, "sides": guess}
    sides = [0] * size
    # costs[side][k]: what node k adds on that side, given the nodes placed so far.
    costs = ([0] * size, [0] * size)

    def place(index: int, cost: int) -> None:
        if index == size:
            best["cost"], best["sides"] = cost, list(sides)
            return
        zero, one = costs[0][index], costs[1][index]
        # The first node stays on side 0: a split and its mirror cost the same.
        for side in (0,) if index == first else ((0, 1) if zero <= one else (1, 0)):
            placed = cost + (one if side else zero)
            bound = placed + floor[index + 1]
            if bound >= best["cost"]:
                continue
            same, other = costs[side], costs[1 - side]
            with_us, against_us = together[index], apart[index]
            for k in range(index + 1, size):
                same[k] += with_us[k]
                other[k] += against_us[k]
                bound += same[k] if same[k] < other[k] else other[k]
            if bound < best["cost"]:
                sides[index] = side
                place(index + 1, placed)
            for k in range(index + 1, size):
                same[k] -= with_us[k]
                other[k] -= against_us[k]

    place(first, 0)
    return best["sides"], best["cost"]


def _constrained_order(nodes: list, adjacency: dict) -> list:
    """Order nodes so each has as many ties as possible to those before it: pruning comes early."""
    remaining = set(nodes)
    links = dict.fromkeys(nodes, 0)
    order = []
    while remaining:
        node = min(remaining, key=lambda n: (-links[n], -len(adjacency[n]), n))
        remaining.discard(node)
        order.append(node)
        for other in adjacency[node]:
            if other in remaining:
                links[other] += 1
    return order
