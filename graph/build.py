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

The rankings (centrality, communities, whatif, camps) read *the story*: the
relations whose type's role is ``action`` (see :data:`graph.model.ROLES`),
unless asked for the commentary and affiliations too
(``with_commentary=True``, ``--with-commentary``). :func:`story` filters the
dataset once, before any projection is built, so every engine computes on
the same relations. An actor whose relations are all commentary or
affiliation (an analyst, a think tank) is *not in the story*: it is left out
of those rankings and counted apart. An actor with no relation at all stays
in, as before (isolated). ``show``, ``path`` and ``neighbors`` read every
role and mark each relation's.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .model import ROLES, Dataset, Projection

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["STORY_ROLES", "multigraph", "projection", "roles_read", "story", "story_keys"]

# The roles the rankings read by default: the story, without what is said about it.
STORY_ROLES = ("action",)
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


def roles_read(with_commentary: bool = False) -> list[str]:
    """Return the roles the rankings read: ``action``, or every role with ``with_commentary``.

    >>> roles_read(), roles_read(with_commentary=True)
    (['action'], ['action', 'commentary', 'affiliation'])
    """
    return list(ROLES if with_commentary else STORY_ROLES)


def story(dataset: Dataset, with_commentary: bool = False) -> tuple[Dataset, list[str]]:
    """Return the dataset the rankings read, and the ids of the actors not in the story.

    Without ``with_commentary``, only relations of an ``action`` type are
    kept, and actors that had relations but none of them (every one
    commentary or affiliation) are removed; their ids come back sorted. With
    it, the dataset is returned as it is, and no actor is left out.

    >>> from graph.model import Actor, Dataset, Relation, RelationType
    >>> data = Dataset(
    ...     actors={i: Actor(i, i.upper(), "country") for i in "abcd"},
    ...     types={"aid": RelationType("aid", 1),
    ...            "assesses": RelationType("assesses", 0, role="commentary")},
    ...     relations=[Relation("a", "aid", "b", "q"), Relation("c", "assesses", "a", "q")])
    >>> kept, left_out = story(data)
    >>> sorted(kept.actors), len(kept.relations), left_out
    (['a', 'b', 'd'], 1, ['c'])
    >>> story(data, with_commentary=True)[1]
    []
    """
    if with_commentary:
        return dataset, []
    read = set(STORY_ROLES)
    kept_types = {name for name, kind in dataset.types.items() if kind.role in read}
    if dataset.columns is not None:  # the same, on the arrays (no relation objects built)
        return dataset.only_types(kept_types)
    relations = [r for r in dataset.relations if r.type in kept_types]
    if len(relations) == len(dataset.relations):
        return dataset, []
    related = {end for r in dataset.relations for end in (r.source, r.target)}
    in_story = {end for r in relations for end in (r.source, r.target)}
    left_out = sorted(related - in_story)
    actors = {i: actor for i, actor in dataset.actors.items() if i not in left_out}
    return replace(dataset, actors=actors, relations=relations), left_out


def story_keys(dataset: Dataset, left_out: list[str], with_commentary: bool = False) -> dict:
    """Return what a ranking's result says of its reading: ``roles`` and ``not_in_story``.

    ``dataset`` is the one :func:`story` was given (it still names the actors left out).
    """
    return {
        "roles": roles_read(with_commentary),
        "not_in_story": [{"id": i, "name": dataset.actors[i].name} for i in left_out],
    }
