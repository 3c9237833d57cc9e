"""The dataset in columns: actors as integer codes, relations as numpy arrays.

A :class:`Columns` holds a dataset's relations column by column: ``source``
and ``target`` as codes of the actors' ids in sorted order (code ``i`` is
``ids[i]``, so comparing codes compares ids), ``type`` as the type's
position in ``Dataset.types``, ``weight``, ``date`` (a code into a table of
the dates as written, -1 undated), ``document`` (-1 none), ``dataset`` (-1
none), ``hedged`` and ``state`` (a position in :data:`EVIDENCE_STATES`).
The texts (quotes and locators) are :class:`TextColumn`\\ s read only when a
command asks for them: counting, filtering, projecting and computing never
touch them.

:class:`ColumnarDataset` is a :class:`~graph.model.Dataset` backed by
columns (what the cache gives back): ``relations`` is the same list of
:class:`~graph.model.Relation` objects as ever, built on first access. Until
then, :attr:`ColumnarDataset.columns` lets the filters, the projection, the
engines and ``stats`` work on the arrays. Once the object view has been
handed out (the caller may change the list), the columns are dropped and
everything reads the objects: the two can never disagree.

numpy is imported inside the functions, like every heavy library.

>>> from graph.model import Actor, Dataset, Relation, RelationType
>>> data = Dataset(
...     actors={i: Actor(i, i.upper(), "country") for i in "cab"},
...     types={"ally": RelationType("ally", 1, symmetric=True), "aid": RelationType("aid", 1)},
...     relations=[Relation("c", "aid", "b", "q", weight=2.0), Relation("b", "ally", "a", "r")])
>>> columns = Columns.of(data)
>>> columns.ids, columns.source.tolist(), columns.type.tolist()
(['a', 'b', 'c'], [2, 1], [1, 0])
>>> ColumnarDataset.of(data, columns).relations == data.relations
True
"""

from __future__ import annotations

import copy
import sys
from array import array
from collections.abc import Callable, Sequence
from dataclasses import fields
from itertools import accumulate, repeat

from .model import EVIDENCE_STATES, Dataset, Projection, Relation

__all__ = ["ColumnProjection", "ColumnarDataset", "Columns", "TextColumn", "relation_objects"]

# The numeric columns, their numpy types (little-endian, as the cache writes them).
NUMERIC = {
    "source": "<i4",
    "target": "<i4",
    "type": "<i4",
    "weight": "<f8",
    "date": "<i4",
    "document": "<i4",
    "dataset": "<i4",
    "hedged": "|b1",
    "state": "|i1",
}
TEXTS = ("evidence", "locator")


class TextColumn:
    """A column of texts (or None) as one UTF-8 buffer, the end of each text, and a mask.

    ``ends[i]`` is where text ``i`` ends in ``data`` (it starts where the one
    before ends); ``present[i]`` is False for None. ``check``, when given,
    is called once before the first read (the cache verifies the bytes
    there). ``rows`` picks and orders the rows of a filtered column.
    """

    def __init__(self, data, ends, present, check: Callable[[], None] | None = None, rows=None):
        self._data, self._ends, self._present = data, ends, present
        self._check, self._rows = check, rows
        self._text: str | None = None

    @classmethod
    def of(cls, values: Sequence[str | None]) -> TextColumn:
        """Return the column of ``values`` (each a text or None)."""
        import numpy as np

        data, ends, present = _text_buffers(values)
        return cls(data, np.frombuffer(ends, dtype="<i8"), np.frombuffer(present, dtype="|b1"))

    def buffers(self) -> tuple:
        """Return ``(data, ends, present)`` as stored (``ends`` starts with 0)."""
        return self._data, self._ends, self._present

    def __len__(self) -> int:
        return len(self._present) if self._rows is None else len(self._rows)

    def take(self, rows) -> TextColumn:
        """Return the column of the rows ``rows`` (indexes into this column)."""
        own = rows if self._rows is None else self._rows[rows]
        taken = TextColumn(self._data, self._ends, self._present, self._check, own)
        taken._text = self._text
        return taken

    def _ready(self) -> None:
        if self._check is not None:
            self._check()
            self._check = None

    def values(self, rows=None) -> list[str | None]:
        """Return the texts of ``rows`` (indexes into this column; None: all of them)."""
        import numpy as np

        self._ready()
        if self._rows is not None:
            rows = self._rows if rows is None else self._rows[rows]
        if rows is None:
            rows = np.arange(len(self._present))
        rows = np.asarray(rows, dtype=np.int64)
        starts = self._ends[rows].tolist()
        ends = self._ends[rows + 1].tolist()
        present = self._present[rows].tolist()
        data = self._data
        if len(rows) * 4 > len(self._present):  # many rows: decode the whole buffer once
            if self._text is None:
                self._text = bytes(data).decode("utf-8", "surrogatepass")
            if len(self._text) == len(data):  # ASCII: character offsets are byte offsets
                text = self._text
                return [text[a:b] if p else None for a, b, p in zip(starts, ends, present)]
        return [
            bytes(data[a:b]).decode("utf-8", "surrogatepass") if p else None
            for a, b, p in zip(starts, ends, present)
        ]


class Columns:
    """A dataset's relations as arrays (see the module docstring).

    ``ids``: the actor ids, sorted (code -> id); ``types``: the type names in
    the dataset's order; ``dates``, ``documents``, ``datasets``: the tables
    the ``date``, ``document`` and ``dataset`` codes point into.
    """

    def __init__(self, ids, types, dates, documents, datasets, arrays: dict, texts: dict):
        self.ids: list[str] = ids
        self.types: list[str] = types
        self.dates: list[str] = dates
        self.documents: list[str] = documents
        self.datasets: list[str] = datasets
        self.arrays = arrays
        self.texts: dict[str, TextColumn] = texts

    def __getattr__(self, name: str):
        arrays = self.__dict__.get("arrays")
        if arrays is not None and name in arrays:
            return arrays[name]
        raise AttributeError(name)

    def __len__(self) -> int:
        return len(self.arrays["source"])

    @classmethod
    def of(cls, dataset: Dataset) -> Columns:
        """Return the columns of ``dataset``'s relations (its actors, types and documents)."""
        import numpy as np

        tables, parts = buffers_of(dataset)
        arrays = {name: np.frombuffer(parts[name][1], dtype=parts[name][0]) for name in NUMERIC}
        texts = {
            name: TextColumn(
                parts[name][1],
                np.frombuffer(parts[name + "_ends"][1], dtype="<i8"),
                np.frombuffer(parts[name + "_present"][1], dtype="|b1"),
            )
            for name in TEXTS
        }
        return cls(*tables, arrays, texts)

    def take(self, rows) -> Columns:
        """Return the columns of the rows ``rows`` (a boolean mask or indexes), in their order."""
        import numpy as np

        rows = np.flatnonzero(rows) if np.asarray(rows).dtype == np.bool_ else rows
        arrays = {name: values[rows] for name, values in self.arrays.items()}
        texts = {name: column.take(rows) for name, column in self.texts.items()}
        return Columns(
            self.ids, self.types, self.dates, self.documents, self.datasets, arrays, texts
        )

    def relations(self, rows=None) -> list[Relation]:
        """Return the relations of ``rows`` (None: all) as objects, in file order."""
        import numpy as np

        if rows is None:
            rows = np.arange(len(self))
        values = {name: values[rows].tolist() for name, values in self.arrays.items()}
        texts = [self.texts[name].values(rows) for name in TEXTS]
        tables = (self.ids, self.types, self.dates, self.documents, self.datasets)
        return relation_objects(tables, values, *texts)

    def codes_of(self, actors) -> object:
        """Return a boolean array over the codes: True for the ids in ``actors``."""
        import numpy as np

        kept = np.zeros(len(self.ids), dtype=bool)
        code = {actor: number for number, actor in enumerate(self.ids)}
        kept[[code[actor] for actor in actors if actor in code]] = True
        return kept


class ColumnarDataset(Dataset):
    """A :class:`Dataset` whose relations are columns until someone asks for the objects."""

    @classmethod
    def of(cls, dataset: Dataset, columns: Columns) -> ColumnarDataset:
        """Return ``dataset`` (its actors, types, documents...) with ``columns`` as relations."""
        made = copy.copy(dataset)
        made.__class__ = cls
        made.__dict__.pop("relations", None)  # the property below answers for it
        made.__dict__["_relations"] = None
        made.__dict__["_columns"] = columns
        made._index = None
        return made

    def __eq__(self, other) -> bool:
        # Equal to a Dataset of the same fields, as two Datasets are (the dataclass's own
        # comparison wants the same class).
        if not isinstance(other, Dataset):
            return NotImplemented
        return all(
            getattr(self, f.name) == getattr(other, f.name) for f in fields(Dataset) if f.compare
        )

    __hash__ = None  # type: ignore[assignment]

    @property
    def relations(self) -> list[Relation]:  # type: ignore[override]
        """Return the relations as objects (built on first access; the columns are then let go)."""
        state = self.__dict__
        if state.get("_relations") is None:
            state["_relations"] = state["_columns"].relations()
        state["_columns"] = None  # the list may now change: the objects are the truth
        return state["_relations"]

    @relations.setter
    def relations(self, value: list[Relation]) -> None:
        self.__dict__["_relations"] = value
        self.__dict__["_columns"] = None

    @property
    def columns(self) -> Columns | None:  # type: ignore[override]
        """Return the columns while they are the truth (None once the objects are out)."""
        return self.__dict__.get("_columns")

    @property
    def relation_count(self) -> int:  # type: ignore[override]
        columns = self.columns
        return len(self.relations) if columns is None else len(columns)

    def with_columns(self, actors: dict, columns: Columns) -> ColumnarDataset:
        """Return a copy with ``actors`` and ``columns`` (a filtered dataset)."""
        made = ColumnarDataset.of(self, columns)
        made.actors = actors
        return made

    def only_types(self, names) -> tuple[Dataset, list[str]]:
        """Return the dataset with the relations of the types ``names`` only, and the ids
        (sorted) of the actors that had relations and have none left, who are removed.

        The dataset itself and ``[]`` when every relation is kept. What
        :func:`graph.build.story` does on the objects, on the arrays.
        """
        import numpy as np

        columns = self.columns
        keep = np.array([name in names for name in columns.types], dtype=bool)[columns.type]
        if keep.all():
            return self, []
        ends = len(columns.ids)
        related = np.zeros(ends, dtype=bool)
        related[columns.source] = related[columns.target] = True
        in_story = np.zeros(ends, dtype=bool)
        in_story[columns.source[keep]] = in_story[columns.target[keep]] = True
        # Codes follow the sorted ids: the actors left out come out sorted.
        left_out = [columns.ids[n] for n in np.flatnonzero(related & ~in_story).tolist()]
        gone = set(left_out)
        actors = {i: actor for i, actor in self.actors.items() if i not in gone}
        return self.with_columns(actors, columns.take(keep)), left_out

    def project(self, directed: bool, weighted: bool) -> Projection | None:
        """Return :meth:`Projection.of` this dataset, on the columns (see :func:`project`)."""
        return project(self, directed, weighted)

    def relations_among(self, ids) -> list[Relation]:
        columns = self.columns
        if columns is None:
            return super().relations_among(ids)
        import numpy as np

        kept = columns.codes_of(ids)
        rows = np.flatnonzero(kept[columns.source] & kept[columns.target])
        return columns.relations(rows)


class ColumnProjection(Projection):
    """A :class:`Projection` computed on columns: its edges as arrays, ``edges`` on demand.

    ``ids`` are the nodes sorted; ``heads``, ``tails`` are positions in
    ``ids``, sorted by (head, tail), one per pair; ``weights`` their weights
    (a Python number each: 1, or the sum of the weights); ``first`` the
    order in which each pair first appears among the relations (the order
    of :attr:`edges`, as :meth:`Projection.of` builds it).
    """

    ids: list[str]

    @property
    def edges(self) -> dict:  # type: ignore[override]
        state = self.__dict__
        if state.get("_edges") is None:
            ids, order = self.ids, self.first_order()
            heads, tails = self.heads[order].tolist(), self.tails[order].tolist()
            weights = self.weight_list(order)
            state["_edges"] = {(ids[h], ids[t]): w for h, t, w in zip(heads, tails, weights)}
        return state["_edges"]

    @edges.setter
    def edges(self, value: dict) -> None:
        self.__dict__["_edges"] = value

    def first_order(self):
        """Return the order of the pairs as they first appear among the relations."""
        import numpy as np

        if self.__dict__.get("_order") is None:
            self.__dict__["_order"] = np.argsort(self.first, kind="stable")
        return self.__dict__["_order"]

    def weight_list(self, order=None) -> list:
        """Return the pairs' weights as Python numbers (ints unweighted), in ``order``."""
        if self.weights is None:
            return [1] * len(self.heads)
        return (self.weights if order is None else self.weights[order]).tolist()

    def __len__(self) -> int:
        return len(self.heads)

    def to_networkx(self):
        import networkx as nx

        built = nx.DiGraph() if self.directed else nx.Graph()
        built.add_nodes_from(self.nodes)
        ids, order = self.ids, self.first_order()
        heads, tails = self.heads[order].tolist(), self.tails[order].tolist()
        built.add_weighted_edges_from(
            (ids[h], ids[t], w) for h, t, w in zip(heads, tails, self.weight_list(order))
        )
        return built

    def degree_totals(self, ends: tuple[int, ...]):
        """Return each node's summed edge weights over ``ends`` (0 heads, 1 tails), by position.

        Summed in :attr:`edges` order, as a loop over it would: the same floats.
        """
        import numpy as np

        order = self.first_order()
        ends_of = [self.heads[order], self.tails[order]]
        picked = np.stack([ends_of[end] for end in ends], axis=1).ravel()
        if self.weights is None:
            return np.bincount(picked, minlength=len(self.ids))
        weights = np.repeat(self.weights[order], len(ends))
        return np.bincount(picked, weights=weights, minlength=len(self.ids))


def relation_objects(tables: tuple, values: dict, evidence: list, locators: list) -> list[Relation]:
    """Return the relations of columns as objects: ``tables`` as :meth:`Columns.__init__` takes
    them (ids, types, dates, documents, datasets), ``values`` each numeric column of
    :data:`NUMERIC` as a list, the texts as lists (None for none).
    """
    ids, types, dates, documents, datasets = tables
    # Code -1 (no date, document or dataset) reads the None at the end.
    dates, documents, datasets = [*dates, None], [*documents, None], [*datasets, None]
    return list(
        map(
            Relation,
            [ids[n] for n in values["source"]],
            [types[n] for n in values["type"]],
            [ids[n] for n in values["target"]],
            evidence,
            [documents[n] for n in values["document"]],
            [dates[n] for n in values["date"]],
            values["weight"],
            repeat(0),
            [datasets[n] for n in values["dataset"]],
            values["hedged"],
            [EVIDENCE_STATES[n] for n in values["state"]],
            locators,
        )
    )


def project(dataset: ColumnarDataset, directed: bool, weighted: bool) -> Projection | None:
    """Return the projection of a columnar dataset, or None when only the objects can tell.

    None when a relation names an actor the dataset no longer holds, or the
    dataset holds an actor the columns do not know (a dataset changed by
    hand): :meth:`Projection.of` then builds it from the objects, as ever.
    """
    import numpy as np

    columns = dataset.columns
    nodes = list(dataset.actors)
    kept = columns.codes_of(nodes)
    if int(kept.sum()) != len(nodes):
        return None  # an actor the columns do not know
    if not (kept[columns.source].all() and kept[columns.target].all()):
        return None
    position = np.cumsum(kept) - 1  # sorted codes -> positions among the kept, still sorted
    ids = [columns.ids[n] for n in np.flatnonzero(kept).tolist()]
    heads, tails = position[columns.source], position[columns.target]
    count = len(heads)
    if not directed:
        heads, tails = np.minimum(heads, tails), np.maximum(heads, tails)
        weights = columns.weight
    else:
        symmetric = (
            np.array([dataset.types[name].symmetric for name in columns.types], dtype=bool)[
                columns.type
            ]
            if columns.types
            else np.zeros(count, dtype=bool)
        )
        if symmetric.any():
            # Each relation's pair, then (symmetric types) its mirror: the order of the objects.
            both = np.empty((count, 2), dtype=heads.dtype)
            both[:, 0], both[:, 1] = heads, tails
            mirrored = np.empty((count, 2), dtype=heads.dtype)
            mirrored[:, 0], mirrored[:, 1] = tails, heads
            keep = np.stack([np.ones(count, dtype=bool), symmetric], axis=1).ravel()
            heads = np.stack([both[:, 0], mirrored[:, 0]], axis=1).ravel()[keep]
            tails = np.stack([both[:, 1], mirrored[:, 1]], axis=1).ravel()[keep]
            weights = np.repeat(columns.weight, 2)[keep]
        else:
            weights = columns.weight
    key = heads.astype(np.int64) * max(len(ids), 1) + tails
    unique, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    summed = (
        np.bincount(inverse.ravel(), weights=weights, minlength=len(unique)) if weighted else None
    )
    size = max(len(ids), 1)
    projection = ColumnProjection(nodes, None, directed, weighted, dataset)
    projection.ids = ids
    projection.heads = (unique // size).astype(np.int64)
    projection.tails = (unique % size).astype(np.int64)
    projection.weights = summed
    projection.first = first
    projection.__dict__["_edges"] = None
    return projection


def buffers_of(dataset: Dataset) -> tuple[tuple, dict]:
    """Return the columns of ``dataset`` as plain buffers, without numpy (what the cache writes).

    Returns ``(ids, types, dates, documents, datasets)`` (the tables of
    :class:`Columns`) and ``{part: (numpy type, buffer)}``: each numeric
    column of :data:`NUMERIC`, and for each text of :data:`TEXTS` its
    UTF-8 bytes, ``_ends`` and ``_present``. Built with the standard
    library's ``array``, so a cold load that writes the cache does not
    import numpy. A dataset that is still columns (a cold load in pieces,
    :mod:`graph.load_chunked`) gives its own arrays, never building the objects.
    """
    columns = dataset.columns
    if columns is not None and all(text._rows is None for text in columns.texts.values()):
        parts = {name: (NUMERIC[name], columns.arrays[name]) for name in NUMERIC}
        for name in TEXTS:
            columns.texts[name]._ready()  # bytes from the cache are checked before they are copied
            data, ends, present = columns.texts[name].buffers()
            parts[name] = ("|u1", data)
            parts[name + "_ends"] = ("<i8", ends)
            parts[name + "_present"] = ("|b1", present)
        tables = (columns.ids, columns.types, columns.dates, columns.documents, columns.datasets)
        return tables, parts
    relations = dataset.relations
    ids = sorted(dataset.actors)
    code = {actor: number for number, actor in enumerate(ids)}
    type_code = {name: number for number, name in enumerate(dataset.types)}
    documents = [*dataset.documents, *dataset.document_urls]
    # A dataset built by hand may cite a document it does not list: keep its name too.
    named = set(documents)
    documents += sorted({r.document for r in relations if r.document is not None} - named)
    document_code = {name: number for number, name in enumerate(documents)}
    dates = sorted({r.date for r in relations if r.date is not None})
    date_code = {date: number for number, date in enumerate(dates)}
    datasets = sorted({r.dataset for r in relations if r.dataset is not None})
    dataset_code = {label: number for number, label in enumerate(datasets)}
    state_code = {state: number for number, state in enumerate(EVIDENCE_STATES)}
    columns = {
        "source": [code[r.source] for r in relations],
        "target": [code[r.target] for r in relations],
        "type": [type_code[r.type] for r in relations],
        "weight": [r.weight for r in relations],
        "date": [date_code.get(r.date, -1) for r in relations],
        "document": [document_code.get(r.document, -1) for r in relations],
        "dataset": [dataset_code.get(r.dataset, -1) for r in relations],
        "hedged": [r.hedged for r in relations],
        "state": [state_code[r.evidence_state] for r in relations],
    }
    parts = {name: (NUMERIC[name], _array(NUMERIC[name], columns[name])) for name in NUMERIC}
    for name, values in (
        ("evidence", [r.evidence for r in relations]),
        ("locator", [r.locator for r in relations]),
    ):
        data, ends, present = _text_buffers(values)
        parts[name] = ("|u1", data)
        parts[name + "_ends"] = ("<i8", ends)
        parts[name + "_present"] = ("|b1", present)
    return (ids, list(dataset.types), dates, documents, datasets), parts


# The standard library's array type codes for our numpy types (sizes checked below).
_ARRAY_CODES = {"<i4": "i", "<i8": "q", "<f8": "d", "|i1": "b", "|b1": "B", "|u1": "B"}


def _array(kind: str, values) -> array:
    """Return ``values`` as a little-endian buffer of the numpy type ``kind``."""
    made = array(_ARRAY_CODES[kind], values)
    if made.itemsize != int(kind[2:]):
        raise ValueError(f"no array type for {kind} here")
    if sys.byteorder == "big":
        made.byteswap()
    return made


def _text_buffers(values: Sequence[str | None]) -> tuple[bytes, array, array]:
    """Return texts as one UTF-8 buffer, where each ends (after a 0) and which are not None."""
    encoded = [b"" if v is None else v.encode("utf-8", "surrogatepass") for v in values]
    ends = _array("<i8", [0, *accumulate(map(len, encoded))])
    present = _array("|b1", [v is not None for v in values])
    return b"".join(encoded), ends, present
