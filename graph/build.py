"""Turn a dataset into networkx graphs: the full multigraph and the simple projections.

Every query runs on one of two projections, documented once here:

* ``multigraph``: a ``MultiDiGraph`` with one arc per relation (two for a
  symmetric type), every field kept. Paths and neighbours read evidence from it.
* ``projection(directed, weighted)``: a ``Graph`` (undirected, the default)
  or a ``DiGraph`` (``directed=True``) with one edge per connected pair.
  Parallel relations between the same ordered pair merge into one edge
  whose ``weight`` is 1, or with ``weighted`` the sum of their weights.
  Symmetric types count both ways. It is :class:`graph.model.Projection`
  (the plain data every engine computes on) as a networkx graph.

The conversions themselves belong to the model (:meth:`Dataset.to_networkx`,
:meth:`Projection.to_networkx`); this module names the two shapes the
queries use.
"""

from __future__ import annotations

import networkx as nx

from .model import Dataset, Projection

__all__ = ["multigraph", "projection"]
# The default of ``directed`` (None) is the default of every measure and
# command: see graph.queries.direction.


def multigraph(dataset: Dataset, directed: bool = True) -> nx.MultiDiGraph:
    """Return every actor and relation as a ``MultiDiGraph`` (see :meth:`Dataset.to_networkx`).

    With ``directed=False`` a ``MultiGraph``: one edge per relation, no mirrored copies.
    """
    return dataset.to_networkx(directed=bool(directed))


def projection(dataset: Dataset, directed: bool | None = None, weighted: bool = False) -> nx.Graph:
    """Return the simple graph queries run on: one edge per pair, ``weight`` on each.

    Parameters
    ----------
    dataset : Dataset
        The (filtered) dataset.
    directed : bool or None
        True: a ``DiGraph``, one arc per ordered pair, symmetric types both
        ways. False or None (the default): a ``Graph``, one edge per pair.
    weighted : bool
        False: every edge weighs 1. True: the sum of the relations' weights.

    Nodes are actor ids (every actor, related or not) with no attributes;
    :meth:`Dataset.to_networkx` with ``simple=True`` adds the names.

    >>> from graph.model import Actor, Dataset, Relation, RelationType
    >>> data = Dataset(
    ...     actors={i: Actor(i, i.upper(), "country") for i in "abc"},
    ...     types={"ally": RelationType("ally", 1, symmetric=True),
    ...            "aid": RelationType("aid", 1)},
    ...     relations=[Relation("a", "aid", "b", "q", weight=2.0),
    ...                Relation("a", "aid", "b", "q", weight=3.0),
    ...                Relation("b", "ally", "c", "q")])
    >>> sorted(projection(data, directed=True, weighted=True).edges(data="weight"))
    [('a', 'b', 5.0), ('b', 'c', 1.0), ('c', 'b', 1.0)]
    >>> sorted(projection(data, directed=False).edges(data="weight"))
    [('a', 'b', 1), ('b', 'c', 1)]
    """
    return Projection.of(dataset, directed=bool(directed), weighted=weighted).to_networkx()
