"""Evidence-backed actor graphs for news analysis.

>>> import graph
>>> dataset = graph.load_dataset()            # the embedded seed dataset
>>> dataset.find_actor("Downing Street").id
'uk'
>>> g = dataset.to_networkx()                 # a networkx MultiDiGraph
"""

from .load import load_dataset, seed_folder, validate
from .model import Actor, Dataset, Document, Kind, Relation, RelationType
from .problems import DatasetError, GraphError, Problem, QueryError, UnknownActorError

__version__ = "0.1.0"

__all__ = [
    "Actor",
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
    "load_dataset",
    "seed_folder",
    "validate",
]
