"""Engines: who computes the few graph operations the queries need.

A query never calls a graph library for these itself; it asks :func:`choose`
for an engine, hands it a :class:`Projection` and reads plain data back:

=================  ===========================================================
operation          engine method (see :class:`Engine`)
=================  ===========================================================
a measure          ``centrality(graph, measure, sample=None, seed=0)``:
                   ``{id: score}`` for degree, in-degree, out-degree,
                   betweenness, closeness, pagerank
``components``     ``components(graph)``: a list of sets of ids (weakly
                   connected components when directed)
``shortest_paths`` ``shortest_paths(graph, source, target)``: every shortest
                   path as a tuple of ids, or ``[]``
=================  ===========================================================

``eigenvector``, ``simple_paths``, ``neighbors`` and ``communities`` are
operations too (:data:`OPERATIONS`), which only networkx offers: the queries
compute them with networkx after checking the choice, so that
``--engine rustworkx`` on them is a usage error naming networkx.

Engines, by name (``--engine`` or ``GRAPH_ENGINE``):

* ``networkx``: the reference, always installed, offers everything;
* ``rustworkx``: the accelerator (``pip install 'news-actor-graph[fast]'``),
  for the operations where it gives networkx's numbers to 1e-9 (see
  :mod:`graph.engines.rustworkx_engine`);
* ``numba``: exact betweenness on every core, the same bytes every run (also
  in ``[fast]``; see :mod:`graph.engines.numba_engine`);
* ``auto`` (the default) is not an engine but a choice per operation: the
  first of :data:`PREFERENCE` that is installed, offers it and pays at the
  size asked (``actors``: numba's threads pay from 5,000 actors).

Adding an engine (Spark, say): subclass :class:`Engine` in its own module,
set ``name`` and ``install``, override :meth:`Engine.available` (without
importing the heavy library), :meth:`Engine.can` and the methods it offers,
then ``register(SparkEngine())`` below. Results must equal networkx's to 1e-9
and be the same every run (PageRank: damping, dangling rule and stopping
rule of :data:`PAGERANK`, a total change below 1e-12); every query's JSON
says which engine answered under ``"engine"``.

>>> choose("auto", "eigenvector").name
'networkx'
>>> choose("networkx", "betweenness", weighted=True).name
'networkx'
>>> choose("rustworkx", "communities")  # doctest: +ELLIPSIS
Traceback (most recent call last):
graph.engines.base.EngineError: the rustworkx engine cannot compute communities; ...
"""

from __future__ import annotations

import os

from .base import MEASURES, OPERATIONS, PAGERANK, Engine, EngineError, Projection, pagerank_tol
from .networkx_engine import NetworkxEngine
from .numba_engine import NumbaEngine
from .rustworkx_engine import RustworkxEngine
from .spark_engine import SparkEngine

__all__ = [
    "ENGINES",
    "MEASURES",
    "OPERATIONS",
    "PAGERANK",
    "PREFERENCE",
    "Engine",
    "EngineError",
    "Projection",
    "choose",
    "names",
    "pagerank_tol",
    "register",
]

ENGINES: dict[str, Engine] = {}
# What ``auto`` tries, in order: accelerators first, the reference last.
PREFERENCE = ["numba", "rustworkx", "networkx"]


def register(engine: Engine) -> None:
    """Make ``engine`` a value of ``--engine`` (it joins ``auto`` only if listed in PREFERENCE)."""
    ENGINES[engine.name] = engine


def names() -> list[str]:
    """Return the values ``--engine`` takes: ``auto``, then every registered engine."""
    return ["auto", *ENGINES]


def choose(
    requested: str | None,
    operation: str,
    *,
    weighted: bool = False,
    sample: bool = False,
    actors: int = 0,
) -> Engine:
    """Return the engine that computes ``operation`` for the ``requested`` name.

    ``None`` reads ``GRAPH_ENGINE``, else ``auto``. ``actors``: how large the
    graph is, for ``auto`` (:meth:`Engine.pays`). An engine that is not
    installed, or that cannot compute the operation with these options, is
    an :class:`EngineError` naming the engines that can.
    """
    requested = requested or os.environ.get("GRAPH_ENGINE") or "auto"
    if requested == "auto":
        for name in PREFERENCE:
            engine = ENGINES.get(name)
            if (
                engine
                and engine.available()
                and engine.can(operation, weighted=weighted, sample=sample)
                and engine.pays(operation, actors)
            ):
                return engine
        return ENGINES["networkx"]
    if requested not in ENGINES:
        raise EngineError(f"unknown engine {requested!r} (choose from: {', '.join(names())})")
    engine = ENGINES[requested]
    what = _describe(operation, weighted, sample)
    if not engine.can(operation, weighted=weighted, sample=sample):
        able = [
            e.name for e in ENGINES.values() if e.can(operation, weighted=weighted, sample=sample)
        ]
        raise EngineError(
            f"the {engine.name} engine cannot compute {what}; engines that can: {', '.join(able)}"
        )
    if not engine.available():
        raise EngineError(f"the {engine.name} engine is not installed: {engine.install}")
    return engine


def _describe(operation: str, weighted: bool, sample: bool) -> str:
    words = operation.replace("_", " ")
    if operation in MEASURES:
        words += " centrality"
    if weighted:
        words += " with --weighted"
    if sample:
        words += " with --sample"
    return words


register(NetworkxEngine())
register(RustworkxEngine())
register(NumbaEngine())  # auto takes it for exact betweenness from PAYS_FROM actors
register(SparkEngine())  # never chosen by auto: asked for by name (docs/spark.md)
