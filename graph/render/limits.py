"""How large a page may be: the one table of thresholds the page and the corpus tools share.

The size of a drawing is measured as **actors + relations** drawn (each
actor is a shape and a label, each relation a line and an arrow: the
browser's cost per frame grows with both, and a few hubs with thousands of
relations cost as much as thousands of actors).

=========================  ==========  ===============================================
threshold                  value       what happens above it
=========================  ==========  ===============================================
``PHYSICS_SIZE``           600         positions are computed in Python (seeded), the
                                       page runs no physics and writes no edge labels
``DRAW_ACTORS``            2,500       only the most important actors are drawn (by
                                       the ``--size-by`` score, ties by id): the page
                                       and stderr say how many were left out
``DRAW_RELATIONS``         25,000      only the relations between the most important
                                       actors are drawn (by the better-ranked end)
=========================  ==========  ===============================================

So a 2,000-actor / 20,000-relation corpus (22,000 items) is drawn whole,
without physics; larger corpora are cut to their 2,500 leading actors, or to
``--max-actors N``; ``--focus ACTOR --depth N`` draws a neighbourhood instead.
``docs/page.md`` ("How large a graph can be") gives the timings behind the
numbers.

>>> live_physics(34, 66), live_physics(300, 600)
(True, False)
"""

from __future__ import annotations

__all__ = ["DRAW_ACTORS", "DRAW_RELATIONS", "PHYSICS_SIZE", "live_physics"]

PHYSICS_SIZE = 600
DRAW_ACTORS = 2_500
DRAW_RELATIONS = 25_000


def live_physics(actors: int, relations: int, limit: int = PHYSICS_SIZE) -> bool:
    """Whether a drawing of this many actors and relations gets live physics in the page."""
    return actors + relations <= limit
