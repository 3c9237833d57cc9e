"""Checks every query shares: known actors, known choices, weights fit to compute with.

Each raises :class:`~graph.problems.QueryError` with one wording, whichever
query asks.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from ..model import Dataset
from ..problems import QueryError

__all__ = ["actor_id", "check_actors", "check_choice", "check_count", "scaled_weights"]


def check_actors(dataset: Dataset, actor_ids: Iterable[str]) -> None:
    """Raise QueryError for the first id that is not an actor of ``dataset``.

    >>> from graph.model import Actor, Dataset
    >>> check_actors(Dataset({"uk": Actor("uk", "UK", "country")}, {}, []), ["uk", "fr"])
    Traceback (most recent call last):
    graph.problems.QueryError: unknown actor id 'fr'
    """
    for actor_id in actor_ids:
        if actor_id not in dataset.actors:
            raise QueryError(f"unknown actor id {actor_id!r}")


def actor_id(dataset: Dataset, query: str) -> str:
    """Return the id of the actor ``query`` names: an id, a name or an alias, as the CLI accepts.

    An exact id is taken as it is (no look-up cost); anything else goes
    through :meth:`Dataset.find_actor`, which raises UnknownActorError or
    AmbiguousActorError (both QueryErrors).

    >>> from graph.model import Actor, Dataset
    >>> actor_id(Dataset({"uk": Actor("uk", "United Kingdom", "country")}, {}, []), "kingdom")
    'uk'
    """
    if not isinstance(query, str):
        raise QueryError(f"an actor is named by its id, name or alias, not {query!r}")
    if query in dataset.actors:
        return query
    return dataset.find_actor(query).id


def check_count(value, what: str, optional: bool = True) -> None:
    """Raise QueryError unless ``value`` is a whole number of at least 1 (or None when optional).

    >>> check_count(0, "top")
    Traceback (most recent call last):
    graph.problems.QueryError: top must be a whole number of at least 1, not 0
    """
    if value is None and optional:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise QueryError(f"{what} must be a whole number of at least 1, not {value!r}")


def check_choice(value: str, choices: Iterable[str], what: str) -> None:
    """Raise QueryError unless ``value`` is one of ``choices``, listing them.

    >>> check_choice("fame", ["degree", "pagerank"], "measure")
    Traceback (most recent call last):
    graph.problems.QueryError: unknown measure 'fame' (choose from: degree, pagerank)
    """
    choices = list(choices)
    if value not in choices:
        raise QueryError(f"unknown {what} {value!r} (choose from: {', '.join(choices)})")


def scaled_weights(graph):
    """Return a copy of ``graph`` with its weights times ``2**shift``, and ``shift``.

    The largest weight lands in [1, 2). Multiplying by a power of two is
    exact in floating point, so measures that do not depend on the scale
    (PageRank, betweenness, modularity) give the same bits as before, while
    weights near the ends of the float range (1e-300, 1e300) no longer
    underflow or overflow inside networkx. A weight that is not a positive,
    finite number (a sum of parallel relations that overflowed, say) is a
    QueryError.

    >>> import networkx as nx
    >>> graph = nx.Graph([("a", "b", {"weight": 0.25}), ("b", "c", {"weight": 3.0})])
    >>> scaled, shift = scaled_weights(graph)
    >>> sorted(scaled.edges(data="weight")), shift
    ([('a', 'b', 0.125), ('b', 'c', 1.5)], -1)
    """
    weights = [(u, v, w) for u, v, w in graph.edges(data="weight")]
    for u, v, weight in weights:
        if not (isinstance(weight, (int, float)) and math.isfinite(weight) and weight > 0):
            raise QueryError(
                f"the relations between {u!r} and {v!r} weigh {weight!r} in all; "
                "weights must add up to a positive, finite number"
            )
    if not weights:
        return graph, 0
    _, exponent = math.frexp(max(weight for _, _, weight in weights))
    shift = 1 - exponent
    copy = graph.copy()
    for u, v, weight in weights:
        # ldexp, not a product: 2**shift itself may be out of range (shift up to 1074).
        copy[u][v]["weight"] = math.ldexp(weight, shift)
        if copy[u][v]["weight"] == 0:
            raise QueryError("relation weights span too wide a range to compute with")
    return copy, shift
