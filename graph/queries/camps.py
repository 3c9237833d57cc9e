"""Who lines up with whom: two camps by structural balance of the signed relations.

Every relation whose type has sign +1 or -1 is a signed, undirected tie
(parallel relations each count; sign 0 is ignored). A relation is
*frustrated* when it is positive across the camps or negative within one.
The split minimises frustrated relations (see :mod:`graph.queries.balance`:
exact when each component is balanced or its cyclic core has at most
``EXACT_LIMIT`` actors, a seeded local search beyond).

Parts of the signed graph with no signed relation between them could be
flipped freely; each is oriented with its larger side (ties: the side holding
the smallest id) in the first camp. The larger camp comes first. Actors
without any signed relation are ``unaligned``.

How sure each placement is:

* **forced** or **convention**: the actors of the largest part (most actors;
  ties: the part holding the smallest id) are placed by their signed
  relations. Any other part has no signed path to them, so its side is set by
  the convention above: flipping the whole part costs nothing.
* **margin**: how many more relations would be frustrated if the actor
  switched sides, taking along the actors tied to the rest only through it
  (an analyst's institute goes where she goes). 0 means either side fits as
  well; 1 means the placement rests on one relation.
* **standing**: what the placement lets a reader claim, read off the margin
  against ``min_margin`` (2 by default). A *member* is placed by the signed
  relations (forced) with a margin of at least ``min_margin``; a *leaning*
  actor has a smaller margin but above 0 (with the default, one relation
  puts it there); an *undecided* actor fits either side as well (margin 0,
  or placed by convention). ``camps`` lists members only; ``leaning`` the
  leaning actors by camp; ``undecided`` the rest. ``min_margin=1`` makes
  every placement resting on at least one relation a member;
  ``min_margin=0`` makes every placed actor a member (the camps as the split
  draws them).

Only action relations count unless ``with_commentary`` (see
:func:`graph.build.story`): what one actor says of another is not a side.
"""

from __future__ import annotations

from ..model import Dataset
from ..problems import QueryError
from .balance import EXACT_LIMIT, margins, split
from .direction import resolve_directed

__all__ = ["EXACT_LIMIT", "MIN_MARGIN", "STANDINGS", "camps"]

# A member's placement must rest on at least this many relations (see the module).
MIN_MARGIN = 2
STANDINGS = ("member", "leaning", "undecided")


def camps(
    dataset: Dataset,
    exact_limit: int = EXACT_LIMIT,
    seed: int = 0,
    min_margin: int = MIN_MARGIN,
    directed: bool | None = None,
    with_commentary: bool = False,
) -> dict:
    """Return the two camps (lists of member ids), how sure each placement is, and the misfits.

    ``actors`` gives, per placed actor, its ``camp`` (1 or 2), ``placement``
    (``forced`` or ``convention``), ``margin``, ``standing`` (``member``,
    ``leaning`` or ``undecided``, see the module) and number of
    ``signed_relations``, unsure first within each camp. ``camps`` holds the
    members, ``leaning`` the leaning actors of each camp, ``undecided`` and
    ``hidden`` (all who are not members) are sorted ids; the split itself and
    the frustrated relations do not depend on ``min_margin``. ``roles`` and
    ``not_in_story`` say which relations were read (see
    :func:`graph.build.story`).

    Signs have no direction: ``directed`` may be None or False (the same),
    True is a QueryError (see :mod:`graph.queries.direction`).

    >>> from graph.model import Actor, Dataset, Relation, RelationType
    >>> data = Dataset(
    ...     actors={i: Actor(i, i.upper(), "country") for i in "abcd"},
    ...     types={"ally": RelationType("ally", 1), "opposes": RelationType("opposes", -1)},
    ...     relations=[Relation("a", "ally", "b", "q"), Relation("c", "opposes", "a", "q")])
    >>> result = camps(data)
    >>> result["camps"], result["leaning"], result["unaligned"], result["frustrated"]
    ([['a'], []], [['b'], ['c']], ['d'], [])
    >>> [(a["id"], a["camp"], a["margin"], a["standing"]) for a in result["actors"]]
    [('b', 1, 1, 'leaning'), ('a', 1, 2, 'member'), ('c', 2, 1, 'leaning')]
    >>> camps(data, min_margin=1)["camps"]
    [['a', 'b'], ['c']]
    """
    from ..build import story, story_keys

    resolve_directed(directed, "camps")
    if isinstance(min_margin, bool) or not isinstance(min_margin, int) or min_margin < 0:
        raise QueryError(f"min_margin must be a whole number of at least 0, not {min_margin!r}")
    full = dataset
    dataset, left_out = story(full, with_commentary)
    signed = [r for r in dataset.relations if dataset.types[r.type].sign != 0]
    ties: dict[tuple[str, str], list[int]] = {}
    for relation in signed:
        pair = tuple(sorted((relation.source, relation.target)))
        cost = ties.setdefault(pair, [0, 0])
        # (together, apart): a negative tie costs when together, a positive one when apart.
        cost[0 if dataset.types[relation.type].sign < 0 else 1] += 1
    components = split({pair: tuple(cost) for pair, cost in ties.items()}, exact_limit, seed)
    first, second, parts = [], [], []
    for component in components:
        sides = _oriented(component["sides"])
        part = [sorted(n for n, s in sides.items() if s == side) for side in (0, 1)]
        first += part[0]
        second += part[1]
        parts.append(
            {"camps": part, "method": component["method"], "frustrated": component["cost"]}
        )
    camp_of = {node: 0 for node in first} | {node: 1 for node in second}
    frustrated = [
        relation
        for relation in signed
        if (camp_of[relation.source] == camp_of[relation.target])
        == (dataset.types[relation.type].sign < 0)
    ]
    methods = {part["method"] for part in parts}
    ordered = sorted([sorted(first), sorted(second)], key=lambda camp: (-len(camp), camp[:1]))
    forced = _reference_part(components)
    for part, component in zip(parts, components):
        part["placement"] = "forced" if component is forced else "convention"
    actors = _placements(ordered, ties, forced, dataset)
    standing = {}
    for actor in actors:
        actor["standing"] = standing[actor["id"]] = _standing(actor, min_margin)
    return {
        "camps": [[i for i in camp if standing[i] == "member"] for camp in ordered],
        "leaning": [[i for i in camp if standing[i] == "leaning"] for camp in ordered],
        "undecided": sorted(i for i in camp_of if standing[i] == "undecided"),
        "actors": actors,
        "hidden": sorted(i for i in camp_of if standing[i] != "member"),
        "min_margin": min_margin,
        **story_keys(full, left_out, with_commentary),
        "frustrated": [
            {
                "source": r.source,
                "type": r.type,
                "target": r.target,
                "evidence": r.evidence,
                "sign": dataset.types[r.type].sign,
            }
            for r in frustrated
        ],
        "unaligned": sorted(set(dataset.actors) - set(camp_of)),
        "names": {actor.id: actor.name for actor in dataset.actors.values()},
        "method": "heuristic" if "heuristic" in methods else "exact",
        "exact_limit": exact_limit,
        "components": parts,
    }


def _reference_part(components: list) -> dict | None:
    """Return the part whose sides are forced: the most actors, then the smallest id."""
    return min(components, key=lambda c: (-len(c["sides"]), min(c["sides"])), default=None)


def _placements(ordered: list, ties: dict, forced: dict | None, dataset: Dataset) -> list[dict]:
    """Return each placed actor's camp, placement, margin and signed relations, unsure first."""
    camp_of = {actor: number for number, camp in enumerate(ordered, start=1) for actor in camp}
    margin = margins({pair: tuple(cost) for pair, cost in ties.items()}, camp_of)
    relations = dict.fromkeys(camp_of, 0)
    for (u, v), (together, apart) in ties.items():
        relations[u] += together + apart
        relations[v] += together + apart
    forced_ids = set(forced["sides"]) if forced else set()
    actors = [
        {
            "id": actor,
            "name": dataset.actors[actor].name,
            "camp": camp_of[actor],
            "placement": "forced" if actor in forced_ids else "convention",
            "margin": margin[actor],
            "signed_relations": relations[actor],
        }
        for actor in camp_of
    ]
    return sorted(actors, key=lambda a: (a["camp"], a["margin"], a["id"]))


def _standing(actor: dict, min_margin: int) -> str:
    """Return ``member``, ``leaning`` or ``undecided`` (see the module docstring)."""
    if min_margin <= 0:
        return "member"
    if actor["placement"] == "convention" or actor["margin"] == 0:
        return "undecided"
    return "member" if actor["margin"] >= min_margin else "leaning"


def _oriented(sides: dict) -> dict:
    """Return ``sides``, flipped if need be so side 0 is the larger (or holds the smallest id)."""
    zeros = sum(1 for side in sides.values() if side == 0)
    ones = len(sides) - zeros
    smallest = min(sides)
    keep = zeros > ones or (zeros == ones and sides[smallest] == 0)
    return sides if keep else {node: side ^ 1 for node, side in sides.items()}
