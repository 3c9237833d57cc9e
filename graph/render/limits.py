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
``WEBGL_SIZE``             5,000       ``--renderer auto`` draws with WebGL (sigma.js)
                                       instead of vis-network
``WEBGL_ACTORS``           50,000      the WebGL page's cap on actors (as DRAW_ACTORS)
``WEBGL_RELATIONS``        500,000     the WebGL page's cap on relations
=========================  ==========  ===============================================

The first three are vis-network's: a WebGL page has no physics, draws every
actor and relation up to its own caps, and lists what it could not draw.

``WEBGL_SIZE`` is where vis-network stops being fluid on this project's
2-core machine (a zoom frame over 33 ms, under 30 frames a second:
``benchmarks/html_scale.py --fluid``; docs/page.md, "Which renderer"). So with ``--renderer auto`` a
2,000-actor / 20,000-relation corpus is drawn whole with WebGL, and so is
one of 20,000 / 200,000; ``--renderer vis`` cuts the latter to its 2,500
leading actors, or to ``--max-actors N``; ``--focus ACTOR --depth N`` draws
a neighbourhood instead.
``docs/page.md`` ("How large a graph can be") gives the timings behind the
numbers.

>>> live_physics(34, 66), live_physics(300, 600)
(True, False)
>>> choose_renderer("auto", 31, 66), choose_renderer("auto", 2_000, 20_000)
('vis', 'webgl')
"""

from __future__ import annotations

__all__ = [
    "DRAW_ACTORS",
    "DRAW_RELATIONS",
    "PHYSICS_SIZE",
    "RENDERERS",
    "WEBGL_ACTORS",
    "WEBGL_RELATIONS",
    "WEBGL_SIZE",
    "caps",
    "choose_renderer",
    "live_physics",
]

PHYSICS_SIZE = 600
DRAW_ACTORS = 2_500
DRAW_RELATIONS = 25_000
WEBGL_SIZE = 5_000
WEBGL_ACTORS = 50_000
WEBGL_RELATIONS = 500_000
RENDERERS = ("auto", "vis", "webgl")


def live_physics(actors: int, relations: int, limit: int = PHYSICS_SIZE) -> bool:
    """Whether a drawing of this many actors and relations gets live physics in the page."""
    return actors + relations <= limit


def choose_renderer(asked: str, actors: int, relations: int, limit: int = WEBGL_SIZE) -> str:
    """The renderer that draws a page: "vis" or "webgl"; ``asked`` is one of :data:`RENDERERS`."""
    if asked not in RENDERERS:
        raise ValueError(f"renderer must be one of {', '.join(RENDERERS)}, not {asked!r}")
    if asked != "auto":
        return asked
    return "webgl" if actors + relations > limit else "vis"


def caps(renderer: str) -> tuple[int, int]:
    """The most actors and relations a page of this renderer draws: (actors, relations)."""
    return (WEBGL_ACTORS, WEBGL_RELATIONS) if renderer == "webgl" else (DRAW_ACTORS, DRAW_RELATIONS)
