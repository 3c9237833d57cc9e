"""The dataset as plain data: actors, relation types, relations and documents.

A :class:`Dataset` is what :func:`graph.load_dataset` returns. It holds no
graph library objects; :meth:`Dataset.to_networkx` builds one on demand.

Fields that say how far to trust a relation, and what kind of tie it is
(docs/format.md has their YAML key, table column, export attribute and
``graph diff`` field):

- ``RelationType.role``: one of :data:`ROLES`. ``action`` (the default) is
  something one actor does to or with another, the story itself;
  ``commentary`` is one actor's statement about another (an analyst's
  assessment, an interview); ``affiliation`` ties a person to an employer
  or think tank.
- ``Relation.hedged``: the quote only says the relation may hold ("could",
  "reportedly", "is expected to"). False by default.
- ``Relation.evidence_state``: one of :data:`EVIDENCE_STATES`. ``verified``
  (the default): the quote is found in the document's text. ``located``: a
  document (a file or a URL) and a ``locator`` say where the evidence is,
  but there is no text to check the quote against. ``asserted``: the
  source's own summary, or nothing. A dataset opts in to the weaker states
  with a dataset setting; hand-encoded data stays strict.
- ``Relation.locator``: free text saying where in the document the
  evidence is ("sentence 3, chars 120-188"); None by default.

Their defaults keep every existing dataset and output unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .names import ActorIndex

if TYPE_CHECKING:
    import networkx as nx

    from .problems import Problem

__all__ = [
    "EVIDENCE_STATES",
    "ROLES",
    "Actor",
    "Dataset",
    "Document",
    "Kind",
    "Projection",
    "Relation",
    "RelationType",
    "every_description",
]

SIGN_NAMES = {1: "cooperative", -1: "hostile", 0: "neutral"}

# A relation type's role (see the module docstring); the first is the default.
ROLES = ("action", "commentary", "affiliation")
# A relation's evidence state, strongest first; the first is the default.
EVIDENCE_STATES = ("verified", "located", "asserted")


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


def every_description(item: Actor | Kind | RelationType) -> str | None:
    r"""Return an actor's, kind's or type's description as one text, every dataset's kept.

    One dataset's (or several saying the same) is the text itself; several
    that differ are each written ``label: text``, one a line, in the order
    of the merge. This is what a format with one text attribute holds.

    >>> every_description(Kind("state", "A country", (("a", "A country"), ("b", "A nation"))))
    'a: A country\nb: A nation'
    >>> every_description(Kind("state", "A country", (("a", "A country"), ("b", "A country"))))
    'A country'
    """
    texts = dict(item.descriptions)
    if len(set(texts.values())) < 2:
        return item.description
    return "\n".join(f"{label}: {text}" for label, text in texts.items())


@dataclass(frozen=True, slots=True)
class Kind:
    """An entry of the optional actor-kind vocabulary."""

    name: str
    description: str | None = None
    # A merged graph: each dataset's description, as (label, text) (see Actor.descriptions).
    descriptions: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class RelationType:
    """An entry of the relation-type vocabulary: its sign and whether it holds both ways."""

    name: str
    sign: int
    symmetric: bool = False
    description: str | None = None
    # A merged graph: each dataset's description, as (label, text) (see Actor.descriptions).
    descriptions: tuple[tuple[str, str], ...] = ()
    role: str = "action"  # one of ROLES

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
    hedged: bool = False  # the quote says it may hold, not that it does
    evidence_state: str = "verified"  # one of EVIDENCE_STATES
    locator: str | None = None  # where in the document ("sentence 3, chars 120-188")

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
    # Documents given as a URL (never fetched): key -> URL. Relations citing
    # one are at most ``located``. ``documents`` holds the files only.
    document_urls: dict[str, str] = field(default_factory=dict)
    # The evidence states the dataset allows (its ``evidence_allowed``
    # setting), in EVIDENCE_STATES order; ``verified`` always.
    evidence_allowed: tuple[str, ...] = ("verified",)
    _index: ActorIndex | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def columns(self):
        """Return the relations as arrays (:class:`graph.columns.Columns`), or None.

        None here: a dataset built from objects. A dataset from the cache
        (:class:`graph.columns.ColumnarDataset`) has them until its
        ``relations`` are asked for.
        """
        return None

    @property
    def relation_count(self) -> int:
        """Return how many relations there are (without building them, for columns)."""
        return len(self.relations)

    def relations_among(self, ids) -> list[Relation]:
        """Return the relations whose source and target are both in ``ids``, in file order."""
        return [r for r in self.relations if r.source in ids and r.target in ids]

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
        ignored) wins; otherwise the names people type: British or American
        spelling, a country's other name, adjective or capital ("Turkey",
        "Turkish", "Kyiv"), the actor with ``query``'s whole words in its
        name or an alias when exactly one has them ("Rubio", "peace talks"),
        the query less a title ("President Trump"), an acronym ("ECFR"); see
        :mod:`graph.names`. Raises :class:`graph.UnknownActorError` (with
        close matches) when none does, :class:`graph.AmbiguousActorError`
        (listing them) when several could, or the query is a generic word
        ("army").

        >>> from graph import load_dataset
        >>> dataset = load_dataset()
        >>> [dataset.find_actor(name).id for name in ("Healey", "USA", "President Trump")]
        ['john-healey', 'us', 'donald-trump']
        """
        if query in self.actors:  # an exact id: no need to build the index of every name
            return self.actors[query]
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
        if not simple:
            if weighted:
                from .problems import QueryError

                raise QueryError("weighted=True needs simple=True: the multigraph keeps weights")
            return _multigraph(self, directed=directed is not False)
        graph = Projection.of(self, directed=bool(directed), weighted=weighted).to_networkx()
        for actor in self.actors.values():
            graph.nodes[actor.id].update(
                name=actor.name,
                kind=actor.kind,
                aliases=list(actor.aliases),
                description=actor.description,
            )
        return graph


@dataclass
class Projection:
    """The simple graph queries compute on, as plain data any engine can read.

    ``nodes`` are actor ids in the dataset's order; ``edges`` maps an ordered
    pair ``(source, target)`` to its weight: 1, or with ``weighted`` the sum
    of the weights of the relations between them. Undirected, a pair is
    ``(smaller id, larger id)``; directed, a relation of a symmetric type
    counts both ways. ``dataset`` is the dataset it was built from, for
    engines that read relations themselves (Spark).

    >>> from graph.model import Actor, Dataset, Relation, RelationType
    >>> data = Dataset(
    ...     actors={i: Actor(i, i.upper(), "country") for i in "abc"},
    ...     types={"ally": RelationType("ally", 1, symmetric=True),
    ...            "aid": RelationType("aid", 1)},
    ...     relations=[Relation("a", "aid", "b", "q", weight=2.0),
    ...                Relation("a", "aid", "b", "q", weight=3.0),
    ...                Relation("b", "ally", "c", "q")])
    >>> Projection.of(data, weighted=True).edges
    {('a', 'b'): 5.0, ('b', 'c'): 1.0, ('c', 'b'): 1.0}
    >>> Projection.of(data, directed=False).edges
    {('a', 'b'): 1, ('b', 'c'): 1}
    """

    nodes: list[str]
    edges: dict[tuple[str, str], float]
    directed: bool = True
    weighted: bool = False
    dataset: Dataset | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, dataset: Dataset, directed: bool = True, weighted: bool = False) -> Projection:
        """Return the projection of ``dataset`` (see the class docstring)."""
        if getattr(dataset, "columns", None) is not None:  # arrays: the same, computed on them
            projected = dataset.project(directed, weighted)
            if projected is not None:
                return projected
        edges: dict[tuple[str, str], float] = {}
        symmetric = {name for name, kind in dataset.types.items() if kind.symmetric}
        for relation in dataset.relations:
            source, target = relation.source, relation.target
            if not directed:
                # Undirected, a symmetric relation is one tie, like any other.
                pairs = [(min(source, target), max(source, target))]
            elif relation.type in symmetric:
                pairs = [(source, target), (target, source)]
            else:
                pairs = [(source, target)]
            for pair in pairs:
                edges[pair] = edges.get(pair, 0.0) + relation.weight if weighted else 1
        return cls(list(dataset.actors), edges, directed, weighted, dataset)

    def to_networkx(self) -> nx.Graph:
        """Return the projection as a networkx ``DiGraph`` (``Graph`` undirected) with ``weight``s.

        Nodes are actor ids with no attributes (see :meth:`Dataset.to_networkx`).
        """
        import networkx as nx

        built = nx.DiGraph() if self.directed else nx.Graph()
        built.add_nodes_from(self.nodes)
        built.add_weighted_edges_from((s, t, w) for (s, t), w in self.edges.items())
        return built


def _multigraph(dataset: Dataset, directed: bool) -> nx.MultiDiGraph:
    """Return every actor and relation as a ``MultiDiGraph`` (a ``MultiGraph`` undirected)."""
    import networkx as nx

    graph = nx.MultiDiGraph() if directed else nx.MultiGraph()
    for actor in dataset.actors.values():
        graph.add_node(
            actor.id,
            name=actor.name,
            kind=actor.kind,
            aliases=list(actor.aliases),
            description=actor.description,
        )
    for key, relation in enumerate(dataset.relations):
        relation_type = dataset.types[relation.type]
        attributes = relation.to_dict()
        del attributes["source"], attributes["target"]
        attributes["sign"] = relation_type.sign
        graph.add_edge(relation.source, relation.target, key=key, mirrored=False, **attributes)
        if relation_type.symmetric and directed:
            graph.add_edge(relation.target, relation.source, key=key, mirrored=True, **attributes)
    return graph
