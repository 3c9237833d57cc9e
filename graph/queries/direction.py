"""Whether relations are read with their direction, by default, for each measure and command.

In an actor graph an arrow says who did what to whom, not where something
flows: "Russia opposes the force" makes Russia and the force adversaries
whichever way it is written. So every measure and command reads relations
**without direction** by default, and an actor that only acts (a minister
who announces, an analyst who assesses) is as visible as one acted on.
Direction is kept where it is the question itself: in-degree and out-degree
count arrows in and out, and ``neighbors`` follows them with ``out`` or
``in``. Each function takes ``directed: bool | None = None``; None means the
default below, True or False overrides it (``--directed`` / ``--undirected``
on the command line).

============  =========  =========================================================
what          default    with ``directed=True``
============  =========  =========================================================
degree        undirected in + out arcs of the directed projection
in-degree     directed   (always directed; ``directed=False`` is an error)
out-degree    directed   (always directed; ``directed=False`` is an error)
betweenness   undirected shortest paths along arrows only
closeness     undirected incoming distances (networkx's convention)
eigenvector   undirected in-edges (networkx's convention)
pagerank      undirected a random walk along arrows
path          undirected only paths along arrows
neighbors     undirected ``out`` (follow arrows out; ``--direction in`` for in)
camps         undirected (signs have no direction; ``directed=True`` is an error)
communities   undirected directed modularity (Louvain / greedy on the DiGraph)
density       undirected ``graph stats``: the directed projection's density
============  =========  =========================================================

``whatif`` and ``graph html --size-by`` use the centrality defaults.

>>> resolve_directed(None, "betweenness"), resolve_directed(True, "betweenness")
(False, True)
>>> resolve_directed(None, "in-degree")
True
"""

from __future__ import annotations

from ..problems import QueryError

__all__ = ["DEFAULT_DIRECTED", "resolve_directed"]

DEFAULT_DIRECTED = {
    "degree": False,
    "in-degree": True,
    "out-degree": True,
    "betweenness": False,
    "closeness": False,
    "eigenvector": False,
    "pagerank": False,
    "path": False,
    "neighbors": False,
    "camps": False,
    "communities": False,
    "density": False,
}
ALWAYS_DIRECTED = ("in-degree", "out-degree")
NEVER_DIRECTED = ("camps",)


def resolve_directed(directed: bool | None, what: str) -> bool:
    """Return whether ``what`` reads direction: ``directed``, or the default when it is None.

    Raises QueryError when ``directed`` is not a bool or None, or asks what
    ``what`` cannot do (in-degree undirected, camps directed).

    >>> resolve_directed(False, "in-degree")
    Traceback (most recent call last):
    graph.problems.QueryError: in-degree needs direction: drop --undirected or use degree
    """
    if directed is not None and not isinstance(directed, bool):
        raise QueryError(f"directed must be True, False or None, not {directed!r}")
    if directed is None:
        return DEFAULT_DIRECTED[what]
    if what in ALWAYS_DIRECTED and not directed:
        raise QueryError(f"{what} needs direction: drop --undirected or use degree")
    if what in NEVER_DIRECTED and directed:
        raise QueryError(f"{what} reads relation signs without direction: drop --directed")
    return directed
