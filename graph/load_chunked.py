"""Load a large, valid YAML dataset cold in pieces, on several processes, straight into columns.

The simple load (:mod:`graph.load`) parses ``relations.yaml`` whole, checks
it and builds one :class:`~graph.model.Relation` a relation. For a large
file this lane does the same work in pieces: the file is cut at its records
(:func:`graph.sources.chunks.split_records`), and each piece is parsed,
checked by the bulk lane's rules (:func:`graph.rules.relations.relation_columns`,
:func:`~graph.rules.relations.quotes_found`) and turned into compact columns
(codes and UTF-8 buffers) on its own, so that the parsed data of only one
piece is alive at a time in a process. The pieces are shared among forked
worker processes (:func:`run_pieces`); the results are put together in the
pieces' order, so the dataset is the same bytes whatever the scheduling,
and the same as the simple load's (a
:class:`~graph.columns.ColumnarDataset` whose objects are built on first
use; the cache entry written from it is the one the simple load writes).

It is a fast lane, like the bulk rules: it never reports. Anything that is
not plainly valid (a problem or a warning anywhere, a layout the cutting
does not trust, a piece that does not parse, a relation the bulk rules
doubt, two relations that may state the same fact) makes :func:`load_chunked`
return None, and the simple load runs from the start and reports every
problem at its place, as ever. A small file, one core, no ``fork``, or a
process running threads take the simple load or one process.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import os
from array import array
from itertools import accumulate, repeat
from pathlib import Path

from .model import EVIDENCE_STATES, Dataset
from .sources import NotLocated, Source

__all__ = ["PIECE_CHARACTERS", "load_chunked", "run_pieces", "workers"]

# About this much text a piece: its parsed data is what a process holds at a time.
PIECE_CHARACTERS = 2 << 20
# The most processes used (the main one included).
MAX_WORKERS = 4
# The main process's share of the pieces against a child's: while the children
# work, it also checks the actors and imports numpy (to put the pieces together).
MAIN_SHARE = 0.8


def workers() -> int:
    """Return how many processes may share the pieces (1: the main one alone)."""
    import threading

    if not hasattr(os, "fork") or threading.active_count() > 1:
        return 1  # forking a process that runs threads is not safe
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_WORKERS))


def load_chunked(
    folder: Path,
    actors: Source,
    text: str,
    shown_as: str,
    context,
    processes: int | None = None,
    piece_characters: int | None = None,
) -> Dataset | None:
    """Return the dataset of ``actors`` and the ``relations.yaml`` ``text``, or None.

    None whenever the simple load must decide (see the module docstring);
    ``context`` is a fresh :class:`~graph.rules.Context` of the load.
    ``processes`` (default :func:`workers`) share the pieces of about
    ``piece_characters`` (default :data:`PIECE_CHARACTERS`) characters each.
    """
    # The data read holds no cycles: the collector would only walk millions of objects.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(folder, actors, text, shown_as, context, processes, piece_characters)
    finally:
        if enabled:
            gc.enable()


def _load(folder, actors, text, shown_as, context, processes, piece_characters):
    from .rules import Checker, check_actors_file, check_relations_head
    from .sources import yaml_fast
    from .sources.chunks import split_records

    pieces = max(1, -(-len(text) // (piece_characters or PIECE_CHARACTERS)))
    records = split_records(text, "relations", pieces)
    if records is None or not yaml_fast.parses(records.before):
        return None
    head = yaml_fast.read(records.head, shown_as)
    if head is None or type(head.data) is not dict or "relations" in head.data:
        return None
    ids = _actor_ids(actors.data)
    if ids is None:
        return None
    problems: list = []
    try:
        found = check_relations_head(
            Checker(head, problems), {**head.data, "relations": []}, context
        )
    except NotLocated:
        return None
    if problems or found is None or found[2] is None:
        return None
    _, documents, types = found
    # The pieces are checked against the actors' ids as written, while the actors' own
    # rules run here: where they find nothing wrong, those are the actors' ids.
    actor_rules = []

    def check_actors() -> bool:
        import numpy  # noqa: F401 - needed once the pieces are in: imported while children work

        try:
            actor_rules.extend(check_actors_file(actors, problems, context))
        except NotLocated:
            return False
        actor_map = actor_rules[1]
        return not problems and actor_map is not None and actor_map.keys() == ids.keys()

    tables = _Tables(ids, types, [*documents, *context.document_urls])
    piece = _Piece(records, shown_as, ids, types, context, tables)
    results = run_pieces(piece, len(records), processes, meanwhile=check_actors)
    if results is None:
        return None
    columns = _columns(results, tables)
    if columns is None:
        return None
    kinds, actor_map = actor_rules
    from .columns import ColumnarDataset

    dataset = Dataset(actor_map, types, [], kinds, documents, folder)
    dataset.document_urls = context.document_urls
    dataset.evidence_allowed = context.evidence_allowed
    return ColumnarDataset.of(dataset, columns)


def _actor_ids(data) -> dict | None:
    """Return the ids ``actors.yaml``'s data gives its actors (as a dict's keys), or None."""
    items = data.get("actors") if type(data) is dict else None
    if type(items) is not list or set(map(type, items)) != {dict}:
        return None
    ids = list(map(dict.get, items, repeat("id")))
    if set(map(type, ids)) != {str}:
        return None
    return dict.fromkeys(ids)


class _Tables:
    """The codes every piece gives its values: actors (by sorted id), types, documents."""

    def __init__(self, actors: dict, types: dict, documents: list[str]):
        self.ids = sorted(actors)
        self.actor = {actor: number for number, actor in enumerate(self.ids)}
        self.types = list(types)
        self.type = {name: number for number, name in enumerate(self.types)}
        self.documents = documents
        self.document = {name: number for number, name in enumerate(documents)}
        self.document[None] = -1
        self.state = {state: number for number, state in enumerate(EVIDENCE_STATES)}


class _Piece:
    """Checks one piece of the relations: its columns as buffers, or None at the first doubt."""

    def __init__(self, records, shown_as: str, actors, types, context, tables: _Tables):
        self.records, self.shown_as = records, shown_as
        self.actors, self.types, self.context, self.tables = actors, types, context, tables

    def __call__(self, index: int) -> dict | None:
        from .rules import Checker
        from .rules.relations import fact_keys, quotes_found, relation_columns
        from .sources import yaml_fast
        from .sources.chunks import wrapped

        source = yaml_fast.read(wrapped(self.records, index), self.shown_as)
        if source is None or type(source.data) is not dict or len(source.data) != 1:
            return None
        items = source.data.get("relations")
        try:
            columns = relation_columns(
                Checker(source, []), items, self.actors, self.types, self.context
            )
        except (TypeError, NotLocated):
            return None
        del items
        if columns is None or not quotes_found(columns, self.context):
            return None
        facts = array("q", map(hash, fact_keys(columns, self.types)))
        if len(set(facts)) < len(facts):
            return None  # written twice: the simple load warns about it
        return _buffers(columns, self.tables, facts)


def _buffers(columns: dict, tables: _Tables, facts: array) -> dict:
    """Return a piece's columns as bytes and small lists (what a worker sends back)."""
    dates = sorted({date for date in columns["date"] if date is not None})
    date_code = {date: number for number, date in enumerate(dates)}
    date_code[None] = -1
    evidence, evidence_ends = _texts(columns["evidence"])
    locators = columns["locator"]
    locator, locator_ends = _texts(["" if text is None else text for text in locators])
    return {
        "source": array("i", map(tables.actor.__getitem__, columns["source"])).tobytes(),
        "target": array("i", map(tables.actor.__getitem__, columns["target"])).tobytes(),
        "type": array("i", map(tables.type.__getitem__, columns["type"])).tobytes(),
        "weight": array("d", columns["weight"]).tobytes(),
        "date": array("i", map(date_code.__getitem__, columns["date"])).tobytes(),
        "dates": dates,
        "document": array("i", map(tables.document.__getitem__, columns["document"])).tobytes(),
        "hedged": bytes(columns["hedged"]),
        "state": array("b", map(tables.state.__getitem__, columns["state"])).tobytes(),
        "evidence": evidence,
        "evidence_ends": evidence_ends,
        "locator": locator,
        "locator_ends": locator_ends,
        "locator_present": bytes([text is not None for text in locators]),
        "facts": facts.tobytes(),
    }


def _texts(values: list[str]) -> tuple[bytes, bytes]:
    """Return texts as one UTF-8 buffer and where each ends (8-byte integers, no leading 0)."""
    joined = "".join(values)
    data = joined.encode("utf-8", "surrogatepass")
    if len(data) == len(joined):  # ASCII: a character is a byte
        lengths = map(len, values)
    else:
        lengths = (len(value.encode("utf-8", "surrogatepass")) for value in values)
    return data, array("q", accumulate(lengths)).tobytes()


def _columns(results: list[dict], tables: _Tables):
    """Return the :class:`~graph.columns.Columns` of the pieces' results, in order, or None.

    None when two relations, in different pieces, may state the same fact.
    """
    import numpy as np

    from .columns import NUMERIC, Columns, TextColumn

    facts = np.concatenate([np.frombuffer(result["facts"], dtype=np.int64) for result in results])
    if len(np.unique(facts)) < len(facts):
        return None
    dates = sorted({date for result in results for date in result["dates"]})
    date_code = {date: number for number, date in enumerate(dates)}
    arrays = {}
    for name, kind in NUMERIC.items():
        if name == "dataset":
            continue
        if name == "date":
            parts = []
            for result in results:
                remap = np.array([*map(date_code.__getitem__, result["dates"]), -1], dtype=kind)
                parts.append(remap[np.frombuffer(result["date"], dtype=np.int32)])
        else:
            parts = [np.frombuffer(result[name], dtype=kind) for result in results]
        arrays[name] = np.concatenate(parts).astype(kind, copy=False)
    arrays["dataset"] = np.full(len(facts), -1, dtype=NUMERIC["dataset"])
    arrays = {name: arrays[name] for name in NUMERIC}
    texts = {}
    for name in ("evidence", "locator"):
        data, ends, offset = [], [np.zeros(1, dtype=np.int64)], 0
        for result in results:
            data.append(result[name])
            ends.append(np.frombuffer(result[name + "_ends"], dtype=np.int64) + offset)
            offset += len(result[name])
        if name == "locator":
            present = np.frombuffer(b"".join(r["locator_present"] for r in results), dtype="|b1")
        else:
            present = np.ones(len(facts), dtype="|b1")
        texts[name] = TextColumn(b"".join(data), np.concatenate(ends).astype("<i8"), present)
    return Columns(tables.ids, tables.types, dates, tables.documents, [], arrays, texts)


def run_pieces(work, count: int, processes: int | None = None, meanwhile=None) -> list | None:
    """Return ``[work(0), ..., work(count - 1)]``, computed by up to ``processes`` processes.

    The pieces are shared in consecutive runs, the first run in this
    process, the others in forked children that send their results back
    (with :mod:`marshal`: plain data only) through a pipe. A child that
    fails has its pieces done here instead; the answer is the same list
    whatever happens. None as soon as any piece's result is None, or if
    ``meanwhile`` (called here once the children are started, before this
    process's pieces) returns False.
    """
    processes = workers() if processes is None else processes
    processes = max(1, min(processes, count))
    total = MAIN_SHARE + processes - 1
    cuts = [0, *(round(count * (MAIN_SHARE + n) / total) for n in range(processes - 1)), count]
    runs = [range(low, high) for low, high in itertools.pairwise(cuts)]
    children = []  # (its pieces, the child) for each child not yet collected
    try:
        for run in runs[1:]:
            children.append((run, _fork(work, run)))
        if meanwhile is not None and not meanwhile():
            return None
        results = []
        for index in runs[0]:
            result = work(index)
            if result is None:
                return None
            results.append(result)
        while children:
            run, child = children[0]
            found = _collect(child)
            children.pop(0)  # reaped: only now out of the finally's reach
            if found is None:  # the child failed: do its pieces here
                found = [work(index) for index in run]
            if any(result is None for result in found):
                return None
            results += found
        return results
    finally:
        for _, child in children:  # gave up early: stop the children still working
            _stop(child)


def _fork(work, run: range):
    """Start a child that computes ``work`` on ``run`` and writes the results to a pipe."""
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid == 0:  # the child: compute, send, and leave without running the parent's exit code
        status = 1
        try:
            os.close(read)
            results = []
            for index in run:
                result = work(index)
                results.append(result)
                if result is None:
                    break
            import marshal

            payload = marshal.dumps(results)
            with os.fdopen(write, "wb") as stream:
                stream.write(payload)
            status = 0
        except BaseException:  # the parent does the pieces itself
            pass
        finally:
            os._exit(status)
    os.close(write)
    return pid, read


def _collect(child) -> list | None:
    """Return a child's results, or None if it failed."""
    if child is None:
        return None
    pid, read = child
    with os.fdopen(read, "rb") as stream:
        payload = stream.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return None
    import marshal

    try:
        return marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None


def _stop(child) -> None:
    """Stop a child whose results are no longer wanted, and reap it."""
    if child is None:
        return
    import signal

    pid, read = child
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        os.close(read)
    os.waitpid(pid, 0)
