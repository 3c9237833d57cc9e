"""What changes without some actors: centrality before and after, and who gets cut off.

Scores come from :func:`graph.queries.centrality.centrality` on the dataset
as given and on the same dataset without the excluded actors (and their
relations). Connectivity is read on the undirected projection: removing
actors can break the connected component they were in into pieces; the
actors outside the largest piece are *disconnected* (all of them, when pieces
tie for largest).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..choices import check_choice
from ..model import Dataset
from ..problems import QueryError
from ._checks import actor_id, check_count
from .centrality import MEASURES, TIE_DIGITS, centrality

__all__ = ["whatif"]


def whatif(
    dataset: Dataset,
    exclude_ids: str | Iterable[str],
    measure: str = "degree",
    directed: bool | None = None,
    weighted: bool = False,
    top: int | None = None,
    engine: str | None = None,
    with_commentary: bool = False,
) -> dict:
    """Return each actor's score with and without ``exclude_ids``, most changed first.

    ``exclude_ids`` is one actor (id, name or alias) or several; ``directed``
    as for :func:`~graph.queries.centrality.centrality`; ``measure`` is one of
    :data:`~graph.queries.centrality.MEASURES`; ``top`` keeps the first rows
    only. Excluding every actor leaves no rows, and no components after.
    ``engine`` names the engine that computes scores and components (see
    :mod:`graph.engines`); ``engine`` in the result says which answered.
    Only action relations count unless ``with_commentary`` (see
    :func:`graph.build.story`); ``roles`` and ``not_in_story`` say so, and
    excluding an actor that is not in the story is a QueryError.

    >>> from graph.model import Actor, Dataset, Relation, RelationType
    >>> chain = Dataset(
    ...     actors={i: Actor(i, i.upper(), "country") for i in "abc"},
    ...     types={"aid": RelationType("aid", 1)},
    ...     relations=[Relation("a", "aid", "b", "q"), Relation("b", "aid", "c", "q")])
    >>> result = whatif(chain, ["b"])
    >>> [(row["id"], row["before"], row["after"]) for row in result["results"]]
    [('a', 0.5, 0.0), ('c', 0.5, 0.0)]
    >>> [actor["id"] for actor in result["disconnected"]]
    ['a', 'c']
    >>> whatif(chain, "b") == result
    True
    """
    from ..build import story, story_keys
    from ..filters import filter_dataset

    # A lone id is one actor, not a sequence of one-letter ids.
    named = [exclude_ids] if isinstance(exclude_ids, str) else list(exclude_ids)
    if not named:
        raise QueryError("name at least one actor to exclude")
    excluded = sorted({actor_id(dataset, name) for name in named})
    check_choice(measure, MEASURES, "measure")
    check_count(top, "top")
    full = dataset
    dataset, left_out = story(full, with_commentary)
    outside = [full.actors[i].name for i in excluded if i in left_out]
    if outside:
        raise QueryError(
            f"{', '.join(outside)}: not in the story (only commentary or affiliation "
            "relations), so excluding changes nothing: add --with-commentary"
        )
    without = filter_dataset(dataset, exclude=excluded)
    options = {"directed": directed, "weighted": weighted, "engine": engine}
    before = centrality(dataset, measure, with_commentary=with_commentary, **options)
    after = centrality(without, measure, with_commentary=with_commentary, **options)
    old = {row["id"]: row for row in before["results"]}
    rows = []
    for row in after["results"]:
        was = old[row["id"]]
        rows.append(
            {
                "id": row["id"],
                "name": row["name"],
                "kind": row["kind"],
                "before": was["score"],
                "after": row["score"],
                "change": row["score"] - was["score"],
                "rank_before": was["rank"],
                "rank_after": row["rank"],
            }
        )
    rows.sort(key=lambda row: (-round(abs(row["change"]), TIE_DIGITS), row["id"]))
    result = {
        "measure": measure,
        "engine": None,  # set below: the engines that computed scores and components
        "directed": before["directed"],
        "weighted": weighted,
        **story_keys(full, left_out, with_commentary),
        "excluded": [_removed(old[actor_id]) for actor_id in excluded],
        "results": rows[:top],
        **_connectivity(dataset, without, engine),
    }
    answered = [*before["engine"].split("+"), result.pop("components_engine")]
    result["engine"] = "+".join(dict.fromkeys(answered))
    notes = [run["note"] for run in (before, after) if "note" in run]
    if notes:
        result["notes"] = notes
    return result


def _removed(row: dict) -> dict:
    return {key: row[key] for key in ("id", "name", "kind", "score", "rank")}


def _connectivity(dataset: Dataset, without: Dataset, engine: str | None) -> dict:
    """Return component counts before and after, and who was cut off from the rest."""
    from ..engines import Projection, choose

    chosen = choose(engine, "components")
    parts_before = chosen.components(Projection.of(dataset, directed=False))
    parts_after = chosen.components(Projection.of(without, directed=False))
    piece_of = {node: frozenset(part) for part in parts_after for node in part}
    cut_off = []
    for part in parts_before:
        rest = {node for node in part if node in without.actors}
        pieces = {piece_of[node] for node in rest}
        if len(pieces) < 2:
            continue
        biggest = max(len(piece) for piece in pieces)
        largest = [piece for piece in pieces if len(piece) == biggest]
        # Pieces tied for largest: none of them is the main body any more.
        main = largest[0] if len(largest) == 1 else frozenset()
        cut_off += [node for node in rest if node not in main]
    return {
        "components_engine": chosen.name,
        "components_before": len(parts_before),
        "components_after": len(parts_after),
        "disconnected": [
            {"id": node, "name": without.actors[node].name, "component_size": len(piece_of[node])}
            for node in sorted(cut_off)
        ],
    }
