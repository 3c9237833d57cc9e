"""The dataset as plain data: actors, relation types, relations and documents.

A :class:`Dataset` is what :func:`graph.load_dataset` returns. It holds no
graph library objects; :meth:`Dataset.to_networkx` builds one on demand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .names import ActorIndex

if TYPE_CHECKING:
    import networkx as nx

    from .problems import Problem

__all__ = ["Actor", "Dataset", "Document", "Kind", "Relation", "RelationType"]

SIGN_NAMES = {1: "cooperative", -1: "hostile", 0: "neutral"}


@dataclass(frozen=True, slots=True)
class Actor:
    """A country, person, organisation or force named in the documents."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    description: str | None = None
    # Provenance: the labels of the datasets that define the actor (merged
    # graphs), and each one's description when they differ.
    datasets: tuple[str, ...] = ()
    descriptions: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict:
        """Return the actor as JSON-ready data (with ``datasets`` in a merged graph)."""
        data = {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "description": self.description,
        }
        if self.datasets:
            data["datasets"] = list(self.datasets)
        if self.descriptions:
            data["descriptions"] = dict(self.descriptions)
        return data


@dataclass(frozen=True, slots=True)
class Kind:
    """An entry of the optional actor-kind vocabulary."""

    name: str
    description: str | None = None


@dataclass(frozen=True, slots=True)
class RelationType:
    """An entry of the relation-type vocabulary: its sign and whether it holds both ways."""

    name: str
    sign: int
    symmetric: bool = False
    description: str | None = None

    @property
    def sign_name(self) -> str:
        """Return 'cooperative', 'hostile' or 'neutral'."""
        return SIGN_NAMES[self.sign]


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed, directed relation between two actors, backed by a quote."""

    source: str
    type: str
    target: str
    evidence: str
    document: str | None = None
    date: str | None = None
    weight: float = 1.0
    line: int = 0  # unused: problems are placed by path (see graph.sources)
    dataset: str | None = None  # the label of the dataset it comes from, when known

    def to_dict(self) -> dict:
        """Return the relation as JSON-ready data (ids in source and target)."""
        return {
            "source": self.source,
            "type": self.type,
            "target": self.target,
            "evidence": self.evidence,
            "document": self.document,
            "date": self.date,
            "weight": self.weight,
            **({"dataset": self.dataset} if self.dataset is not None else {}),
        }


@dataclass(frozen=True, slots=True)
class Document:
    """A source document that evidence quotes are taken from."""

    key: str
    path: Path
    dataset: str | None = None  # the label of the dataset it comes from, when known


@dataclass
class Dataset:
    """A loaded, validated dataset.

    ``actors`` and ``types`` keep the order of their files; ``relations``
    too. ``warnings`` holds problems that did not stop the load.
    """

    actors: dict[str, Actor]
    types: dict[str, RelationType]
    relations: list[Relation]
    kinds: dict[str, Kind] | None = None
    documents: dict[str, Document] = field(default_factory=dict)
    folder: Path | None = None
    warnings: list[Problem] = field(default_factory=list)
    # A merged graph: each dataset's label and the folder it was read from.
    sources: dict[str, Path] = field(default_factory=dict)
    _index: ActorIndex | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def index(self) -> ActorIndex:
        """Return the look-up table of ids, names and aliases (built on first use)."""
        if self._index is None:
            self._index = ActorIndex(
                {actor.id: [actor.name, *actor.aliases] for actor in self.actors.values()}
            )
        return self._index

    def find_actor(self, query: str) -> Actor:
        """Return the actor ``query`` names, as every command resolves it.

        An exact id, name or alias (case, accents and a leading "the"
        ignored) wins; otherwise the actor with ``query``'s whole words in
        its name or an alias, when exactly one has them ("Rubio", "peace
        talks"). Raises :class:`graph.UnknownActorError` (with close matches)
        when none does, :class:`graph.AmbiguousActorError` (listing them)
        when several do.

        >>> from graph import load_dataset
        >>> load_dataset().find_actor("Healey").id
        'john-healey'
        """
        return self.actors[self.index.resolve(query)]

    def to_networkx(
        self, simple: bool = False, directed: bool | None = None, weighted: bool = False
    ) -> nx.Graph:
        """Return the dataset as a networkx graph.

        Parameters
        ----------
        simple : bool
            False (the default): every relation is an edge, a
            ``MultiDiGraph`` (a ``MultiGraph`` with ``directed=False``), keyed
            by the relation's position in ``relations``, with its fields plus
            ``sign``; a symmetric type's relation is also drawn the other way
            with ``mirrored=True`` (directed only). True: the simple graph the
            queries use (:func:`graph.projection`), one edge per pair with a
            ``weight``, which ``nx.clustering`` or ``nx.k_core`` accept.
        directed : bool or None
            Keep arrows or not. None is each shape's default: directed for
            the multigraph (it keeps everything), undirected for the simple
            graph (as the measures read it; see docs/queries.md).
        weighted : bool
            Simple graph only: edges weigh the sum of their relations' weights.

        Nodes are actor ids with ``name``, ``kind``, ``aliases`` and
        ``description`` either way.

        >>> import networkx as nx, graph
        >>> g = graph.load_dataset().to_networkx(simple=True)
        >>> type(g).__name__, 0 <= nx.clustering(g)["uk"] <= 1
        ('Graph', True)
        """
        from .build import multigraph, projection

        if not simple:
            if weighted:
                from .problems import QueryError

                raise QueryError("weighted=True needs simple=True: the multigraph keeps weights")
            return multigraph(self, directed=directed is not False)
        graph = projection(self, directed=directed, weighted=weighted)
        for actor in self.actors.values():
            graph.nodes[actor.id].update(
                name=actor.name,
                kind=actor.kind,
                aliases=list(actor.aliases),
                description=actor.description,
            )
        return graph
