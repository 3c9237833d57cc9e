"""Evidence-backed actor graphs for news analysis.

Everything the CLI does is a function here, with the CLI's vocabulary:
actors by id, name or alias; ``directed`` True, False or None (the
documented default, see :mod:`graph.queries.direction`); the filters of
:func:`filter_dataset`. Query and drawing functions are imported on first
use, so ``import graph`` stays cheap (no networkx, no pyvis).

>>> import graph
>>> dataset = graph.load_dataset()            # the embedded seed dataset
>>> dataset.find_actor("Downing Street").id
'uk'
>>> graph.shortest_paths(dataset, "Healey", "Kremlin")["paths"][0]["actors"][0]
'john-healey'
>>> g = dataset.to_networkx(simple=True)      # a networkx Graph, one edge per pair
"""

from __future__ import annotations

import importlib

from .load import load_dataset, seed_folder, validate
from .model import Actor, Dataset, Document, Kind, Relation, RelationType
from .problems import (
    AmbiguousActorError,
    DatasetError,
    GraphError,
    Problem,
    QueryError,
    UnknownActorError,
)

__version__ = "0.2.0"

# name -> module that defines it, imported when the name is first used.
_LAZY = {
    "camps": "graph.queries.camps",
    "centrality": "graph.queries.centrality",
    "communities": "graph.queries.communities",
    "filter_dataset": "graph.filters",
    "import_dataset": "graph.importers",
    "multigraph": "graph.build",
    "neighbors": "graph.queries.neighbors",
    "projection": "graph.build",
    "render_html": "graph.render.html",
    "shortest_paths": "graph.queries.paths",
    "show": "graph.queries.summary",
    "stats": "graph.queries.summary",
    "whatif": "graph.queries.whatif",
}
_SUBMODULES = ("build", "filters", "queries", "render", "output", "names", "evidence", "files")

__all__ = [
    "Actor",
    "AmbiguousActorError",
    "Dataset",
    "DatasetError",
    "Document",
    "GraphError",
    "Kind",
    "Problem",
    "QueryError",
    "Relation",
    "RelationType",
    "UnknownActorError",
    "__version__",
    "camps",
    "centrality",
    "communities",
    "filter_dataset",
    "import_dataset",
    "load_dataset",
    "multigraph",
    "neighbors",
    "projection",
    "render_html",
    "seed_folder",
    "shortest_paths",
    "show",
    "stats",
    "validate",
    "whatif",
]


def __getattr__(name: str):
    """Import a query, drawing function or submodule on first use (PEP 562)."""
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    elif name.isidentifier() and not name.startswith("_"):
        # A submodule (graph.render, graph.build, graph.cells, ...), like ``import graph.x``.
        try:
            value = importlib.import_module(f"graph.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"graph.{name}":
                raise
            raise AttributeError(f"module 'graph' has no attribute {name!r}") from None
    else:
        raise AttributeError(f"module 'graph' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, *_SUBMODULES})
