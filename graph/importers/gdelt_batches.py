"""``gdelt`` a batch at a time: the mapping of :mod:`.gdelt`, run by pyarrow's compute functions.

The row-at-a-time importer (:func:`.gdelt.read_rows`) spends its time in
Python on every row. Here a file is read in blocks of text; each block is cut
into lines and the lines into cells by pyarrow (``split_pattern``), so the
number of cells is known *per row* (a 1.0 daily file mixes 57- and 58-column
rows, and every row keeps its own layout); every cell that is mapped (a CAMEO
code, an actor's code, name and type codes, a date, a Goldstein score) is
mapped once per *distinct* value, by the very functions of :mod:`.gdelt`,
and spread back over the rows with ``take``; the relations and their
attributes are made into CSV lines by pyarrow and appended to the writer's
files a block at a time. So the output is byte for byte the row path's
(tests/test_import.py compares them on every fixture), in about the time
pyarrow takes to read the file (BENCHMARKS.md).

Whatever depends on the order of the rows is kept in it: the first spelling
of an actor is its name (actors are declared in the order of their first row:
``dictionary_encode`` numbers values in the order they first appear), the
first CAMEO row of a type gives its description, the first row skipped for a
reason is the report's example of it. Lines are split as Python's text files
split them (``\\n``, ``\\r\\n`` and a lone ``\\r``), blank lines and the
header row are skipped the same way, and text is stripped of Python's own
whitespace characters.

``--mentions`` is mapped here too (a mention's URL and locator joined to each
event by its id); ``--articles`` (a handful of texts searched for sentences)
goes by the row path.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..progress import advance
from . import arrow_csv
from . import gdelt_rows as gdelt
from .arrow_csv import cell as _cell
from .arrow_csv import csv_lines as _csv_lines
from .arrow_csv import guard as _guard
from .arrow_csv import quote as _quote
from .arrow_csv import text as _text
from .mappings import mapping

__all__ = ["read"]

BLOCK_BYTES = 1 << 23  # bytes read at a time (a batch: some 40,000 GDELT rows)
# The columns every layout has that the mapping reads (positions).
COLUMNS = (0, 1, 5, 6, 12, 13, 14, 15, 16, 22, 23, 24, 25, 26, 29, 30, 31, 32, 33, 34)
# Python's whitespace (str.isspace), for RE2: what str.strip() removes.
WHITESPACE = (
    r"[\t\n\x0b\x0c\r\x1c-\x1f \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}"
    r"\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]"
)
BLANK = f"^{WHITESPACE}*$"
STRIP = f"^{WHITESPACE}+|{WHITESPACE}+$"
SPACE_BYTES = np.frombuffer(b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f ", dtype=np.uint8)
ATTRIBUTES = gdelt.ATTRIBUTES
ACTOR_CELLS = (0, 1, 7, 8, 9)  # code, name and the three type codes, from the actor's start


def read(sources, writer, report, mentions=None, block_bytes: int = BLOCK_BYTES) -> None:
    """Map every event row of each file to a relation, a batch at a time (see the module)."""
    batches = _Batches(writer, report, _mentions(Path(mentions)) if mentions else None)
    for path in sources:
        total = path.stat().st_size
        for batch, done in _ahead(_blocks(path, block_bytes)):
            batches.map(path.name, batch)
            advance(done, total)


def _ahead(items, depth: int = 2):
    """Yield the items of an iterator made in a thread, ``depth`` ahead of the caller.

    The next blocks are read and parsed (pyarrow and numpy, which let go of
    the interpreter lock) while this one is mapped and written: in order, and
    an error in the thread is raised here.
    """
    import queue
    import threading

    made: queue.Queue = queue.Queue(maxsize=depth)
    done = object()
    stop = threading.Event()

    def work():
        try:
            for item in items:
                while not stop.is_set():
                    try:
                        made.put((item, None), timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            made.put((done, None))
        except BaseException as error:  # handed to the caller, raised there
            made.put((done, error))

    thread = threading.Thread(target=work, name="gdelt-blocks", daemon=True)
    thread.start()
    try:
        while True:
            item, error = made.get()
            if error is not None:
                raise error
            if item is done:
                return
            yield item
    finally:
        stop.set()
        thread.join()


# -- reading ----------------------------------------------------------------------------------


class _Batch:
    """The rows of one block: how many were read, the skipped layouts, the rest's columns.

    ``numbers`` and ``counts`` are the line number and number of cells of each
    row of a known layout; ``columns`` maps a column's position (in the 35
    columns every layout has) or ``"added"`` / ``"url"`` (``DATEADDED`` and
    ``SOURCEURL``, wherever the row's layout has them; an empty cell where it
    has none) to the strings of those rows.
    """

    def __init__(self, read_count, unknown, numbers, counts, columns):
        self.read_count = read_count
        self.unknown = unknown  # [(cells, first line number, rows)] of unknown layouts
        self.numbers = numbers
        self.counts = counts
        self.columns = columns


def _blocks(path: Path, block_bytes: int):
    """Yield ``(batch, bytes read)`` for each block of whole lines of the file.

    A block whose lines all have a known layout (57, 58 or 61 cells, counted by
    their tabs) and are not blank is parsed by pyarrow's CSV reader, a run of
    rows of one layout at a time; any other block (one with a row of another
    layout, a blank line or a carriage return) is split into lines and cells
    by :func:`_split_block`, which tells every row apart as the row path does.
    """
    before = 0  # lines in the blocks already read
    done = 0
    carry = b""
    with open(path, "rb") as handle:
        while True:
            data = handle.read(block_bytes)
            done += len(data)
            if data:
                data = carry + data
                cut = data.rfind(b"\n") + 1
                if cut == 0:
                    carry = data
                    continue
                piece, carry = data[:cut], data[cut:]
            else:
                piece, carry = carry, b""
            if piece:
                text = piece.decode("utf-8", errors="replace")
                if before == 0:
                    first = text.partition("\n")[0].rstrip("\r").split("\t")[0]
                    header = first.strip().upper() == "GLOBALEVENTID"
                else:
                    header = False
                batch, lines = _parse_block(text, before, header)
                before += lines
                yield batch, done
            if not data:
                return


def _parse_block(text: str, before: int, header: bool) -> tuple[_Batch, int]:
    """Return a block's batch and its number of lines (see :func:`_blocks`)."""
    if "\r" in text:
        return _split_block(text, before, header)
    data = text.encode("utf-8")
    raw = np.frombuffer(data, dtype=np.uint8)
    ends = np.flatnonzero(raw == 10)
    if not data.endswith(b"\n"):
        ends = np.append(ends, len(data))
    starts = np.concatenate([[0], ends[:-1] + 1])
    tabs = np.add.reduceat(raw == 9, starts, dtype=np.int64)  # a line and its end
    lines = len(ends)
    first = 1 if header else 0
    tabs, starts, ends = tabs[first:], starts[first:], ends[first:]
    known = np.isin(tabs, [count - 1 for count in gdelt.LAYOUTS])
    # A line of few other characters than tabs may be blank (whitespace only).
    if not known.all() or ((ends - starts) - tabs <= 64).any():
        return _split_block(text, before, header)
    counts = tabs + 1
    changes = np.flatnonzero(np.diff(counts)) + 1
    run_starts = np.concatenate([[0], changes])
    run_ends = np.concatenate([changes, [len(counts)]])
    if len(run_starts) > 64:
        return _split_block(text, before, header)  # layouts too mixed for runs
    parts: dict = {}
    for start, end in zip(run_starts, run_ends, strict=True):
        layout = int(counts[start])
        chunk = data[starts[start] : ends[end - 1] + 1]
        for name, array in _read_run(chunk, layout, end - start).items():
            parts.setdefault(name, []).extend(array)
    columns = {name: pa.concat_arrays(arrays) for name, arrays in parts.items()}
    numbers = np.arange(before + 1 + first, before + 1 + lines)
    return _Batch(len(counts), [], numbers, counts, columns), lines


def _read_run(chunk: bytes, layout: int, rows: int) -> dict:
    """Return the columns of a run of rows of one layout, read by pyarrow's CSV reader."""
    import pyarrow.csv as pcsv

    added, url = gdelt.LAYOUTS[layout]
    wanted = {str(index): index for index in COLUMNS}
    wanted[str(added)] = "added"
    if url is not None:
        wanted[str(url)] = "url"
    table = pcsv.read_csv(
        pa.BufferReader(chunk),
        read_options=pcsv.ReadOptions(column_names=[str(i) for i in range(layout)]),
        parse_options=pcsv.ParseOptions(
            delimiter="\t", quote_char=False, escape_char=False, ignore_empty_lines=False
        ),
        convert_options=pcsv.ConvertOptions(
            include_columns=list(wanted),
            column_types=dict.fromkeys(wanted, pa.string()),
            strings_can_be_null=False,
        ),
    )
    if table.num_rows != rows:
        raise ValueError(f"pyarrow read {table.num_rows} rows of {rows}")  # not expected
    columns = {wanted[name]: table.column(name).chunks for name in wanted}
    if url is None:
        columns["url"] = [pa.nulls(rows, pa.string()).fill_null("")]
    return columns


def _split_block(text: str, before: int, header: bool) -> tuple[_Batch, int]:
    """Return a block's batch, its lines and cells split by pyarrow's string functions."""
    lines = _split_lines(text)
    count = len(lines)
    numbers = np.arange(before + 1, before + 1 + count)
    keep = np.logical_not(_numpy(pc.match_substring_regex(lines, BLANK)))
    if header:
        keep[0] = False
    lines, numbers = lines.filter(pa.array(keep)), numbers[keep]
    cells = pc.split_pattern(lines, "\t")
    counts = _numpy(pc.list_value_length(cells)).astype(np.int64)
    flat = cells.flatten()
    starts = np.cumsum(counts) - counts
    valid = np.isin(counts, list(gdelt.LAYOUTS))
    unknown = []
    for cells_count in np.unique(counts[~valid]):
        rows = np.nonzero(counts == cells_count)[0]
        unknown.append((int(cells_count), int(numbers[rows[0]]), len(rows)))
    starts, counts = starts[valid], counts[valid]
    columns = {index: flat.take(pa.array(starts + index)) for index in COLUMNS}
    for name, column in (("added", 0), ("url", 1)):
        at = np.array([gdelt.LAYOUTS[int(c)][column] or -1 for c in (61, 58, 57)])
        positions = np.select([counts == 61, counts == 58], at[:2], at[2])
        cells_at = flat.take(pa.array(starts + np.maximum(positions, 0)))
        columns[name] = pc.if_else(pa.array(positions >= 0), cells_at, "")
    return _Batch(len(lines), unknown, numbers[valid], counts, columns), count


def _split_lines(piece: str) -> pa.Array:
    """Return the lines of a piece of text (Python's line ends: ``\\n``, ``\\r\\n``, ``\\r``)."""
    whole = pa.array([piece], pa.string())
    if "\r" in piece:
        parts = pc.split_pattern_regex(whole, "\r\n|\r|\n")
    else:
        parts = pc.split_pattern(whole, "\n")
    lines = parts.flatten()
    if piece.endswith(("\n", "\r")):
        lines = lines.slice(0, len(lines) - 1)  # after the last line end: nothing
    return lines


# -- mapping ----------------------------------------------------------------------------------


class _Batches:
    """What one import keeps from batch to batch: the writer, the report and the actors met."""

    def __init__(self, writer, report, located):
        self.writer = writer
        self.report = report
        self.located = located
        self.cameo = mapping("cameo")
        self.actor_ids: dict[str, str] = {}  # the actor cells, joined by tabs -> actor id
        self.actor_cells: dict[str, str] = {}  # actor id -> its CSV cell

    def map(self, name: str, batch: _Batch) -> None:
        """Map one batch of rows (see :func:`.gdelt.read_rows` for what each row gives)."""
        report = self.report
        report.rows_read += batch.read_count
        for cells, number, rows in batch.unknown:
            report.skip(f"{cells} columns (expected 57, 58 or 61)", f"{name}:{number}", rows)
        numbers, counts = batch.numbers, batch.counts
        if not len(numbers):
            return

        def column(index, rows=None):
            cells = batch.columns[index]
            return cells if rows is None else cells.take(pa.array(rows))

        # QuadClass against the Goldstein sign, on every row of a known layout.
        scores = _join(column(gdelt.QUAD_CLASS), column(gdelt.GOLDSTEIN))
        reasons, which = _distinct(
            scores, lambda key: gdelt.disagreement(*_quad_and_score(key.split("\t")))
        )
        _count(report.disagree, name, numbers, reasons, which)

        # Skipped: no actor, one actor only, an unknown CAMEO code, one actor at both ends.
        first = _numpy(pc.not_equal(column(gdelt.ACTOR1), ""))
        second = _numpy(pc.not_equal(column(gdelt.ACTOR2), ""))
        codes, code_of_row = _distinct(
            column(gdelt.EVENT_CODE),
            lambda cell: (cell.strip(), gdelt.cameo_row(self.cameo, cell.strip())),
        )
        known = np.array([row is not None for _, row in codes], dtype=bool)[code_of_row]
        reasons = ("no actor", "one actor only", "unknown CAMEO code")
        skipped = np.select([~first & ~second, ~first | ~second, ~known], [1, 2, 3], 0)
        for code, reason in enumerate(reasons, start=1):
            rows = np.flatnonzero(skipped == code)
            if len(rows):
                report.skip(reason, f"{name}:{numbers[rows[0]]}", len(rows))
        rows = np.flatnonzero(skipped == 0)
        if not len(rows):
            return
        source, target = self._actors(column, rows)
        same = self._actor_id_array[source] == self._actor_id_array[target]
        if same.any():
            where = f"{name}:{numbers[rows[np.nonzero(same)[0][0]]]}"
            report.skip("same actor at both ends", where, int(same.sum()))
            rows, source, target = rows[~same], source[~same], target[~same]
            if not len(rows):
                return
        self._write(column, rows, source, target, codes, code_of_row[rows], counts[rows])

    def _actors(self, column, rows) -> tuple[np.ndarray, np.ndarray]:
        """Declare the actors of these rows, in the order the row path meets them.

        Returns each row's source and target as indices into
        ``self._actor_id_array`` and ``self._actor_cell_array``.
        """
        keys = [
            _join(*(column(start + offset, rows) for offset in ACTOR_CELLS))
            for start in (gdelt.ACTOR1, gdelt.ACTOR2)
        ]
        size = len(rows)
        order = np.column_stack([np.arange(size), np.arange(size) + size]).ravel()
        both = pa.concat_arrays(keys).take(pa.array(order))  # source, target, source, ...
        encoded = both.dictionary_encode()  # distinct keys in the order they first appear
        ids = []
        for key in encoded.dictionary.to_pylist():
            identifier = self.actor_ids.get(key)
            if identifier is None:
                code, actor_name, *types = key.split("\t")
                identifier = gdelt.declare_actor(
                    self.writer, gdelt.actor_of(code, actor_name, types)
                )
                self.actor_ids[key] = identifier
            ids.append(identifier)
        self._actor_id_array = np.array(ids, dtype=object)
        self._actor_cell_array = pa.array([_cell(identifier) for identifier in ids], pa.string())
        indices = _numpy(encoded.indices)
        return indices[0::2], indices[1::2]

    def _write(self, column, rows, source, target, codes, code_of_row, counts) -> None:
        """Declare the rows' types, then write their relations and attributes as CSV lines."""
        writer = self.writer
        firsts = np.unique(code_of_row, return_index=True)
        for code_index in firsts[0][np.argsort(firsts[1])]:
            row = codes[code_index][1]
            description = f"CAMEO {row['code']}: {row['description']}"
            writer.relation_type(row["type"], int(row["sign"]), False, description)
        by_code = pa.array(code_of_row)

        def per_code(function):
            values = [function(*code) if code[1] is not None else "" for code in codes]
            return pa.array(values, pa.string()).take(by_code)

        def role(_code, row):
            return _cell(writer.types.get(row["type"], {}).get("role") if row else None)

        event_ids = _strip(column(0, rows))
        urls = _strip(column("url", rows))
        locators = pc.binary_join_element_wise("GLOBALEVENTID ", event_ids, "")
        states = pa.nulls(len(rows), pa.string()).fill_null("asserted")
        if self.located is not None:
            keys, mention_urls, mention_locators = self.located
            found = pc.index_in(event_ids, value_set=keys)
            has = pc.is_valid(found)
            if pc.any(has).as_py():
                urls = pc.if_else(has, mention_urls.take(found), urls)
                locators = pc.if_else(has, mention_locators.take(found), locators)
                states = pc.if_else(has, "located", states)
        documents = self._documents(urls)
        cells = {
            "src": self._actor_cell_array.take(pa.array(source)),
            "dst": self._actor_cell_array.take(pa.array(target)),
            "type": per_code(lambda _code, row: _cell(row["type"])),
            "sign": per_code(lambda _code, row: _cell(int(row["sign"]), "int")),
            "symmetric": _cell(False, "bool"),
            "document": documents,
            "date": _mapped(column(1, rows), lambda cell: _cell(gdelt._date(cell))),
            "role": per_code(role),
            "evidence_state": _quote(_guard(states)),
            "locator": _quote(_guard(locators)),
        }
        lines = _csv_lines([cells.get(name, "") for name in writer.relation_columns])
        numbers = np.arange(writer.relation_count + 1, writer.relation_count + 1 + len(rows))
        attributes = {
            "relation": pa.array(numbers).cast(pa.string()),
            "event_id": _quote(event_ids),
            "event_code": per_code(lambda code, _row: _cell(code, None)),
            "quad_class": _mapped(
                column(gdelt.QUAD_CLASS, rows), lambda cell: _cell(cell.strip(), None)
            ),
            "goldstein": _mapped(
                column(gdelt.GOLDSTEIN, rows),
                lambda cell: _cell(_text(gdelt.goldstein_of(cell)), None),
            ),
            "num_mentions": _quote(column(31, rows)),
            "num_sources": _quote(column(32, rows)),
            "num_articles": _quote(column(33, rows)),
            "avg_tone": _quote(column(34, rows)),
            "is_root_event": _quote(column(25, rows)),
            "date_added": _quote(column("added", rows)),
            "columns": pa.array(counts).cast(pa.string()),
        }
        state_counts = pc.value_counts(states).to_pylist()
        writer.relation_lines(
            lines,
            len(rows),
            {item["values"]: item["counts"] for item in state_counts},
            ATTRIBUTES,
            _csv_lines(list(attributes.values())),
        )

    def _documents(self, urls: pa.Array) -> pa.Array:
        """Declare the documents of these URLs (first URL of a key wins); return their cells.

        A document's key (:func:`.gdelt_rows._url_key`: the URL's host and a
        hash of it) is made by pyarrow for ASCII URLs, by ``_url_key`` for
        others; it never needs quoting or guarding in a CSV cell. The keys and
        URLs go to the writer as arrays (:meth:`TableWriter.url_documents`).
        """
        keys = _url_keys(urls)
        given = pc.not_equal(urls, "")
        self.writer.url_documents(keys.filter(given), urls.filter(given))
        return keys


HEX = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)


def _url_keys(urls: pa.Array) -> pa.Array:
    """Return :func:`.gdelt_rows._url_key` of each URL ("" for an empty URL)."""
    host = pc.extract_regex(
        pc.ascii_lower(urls), r"^(?:[a-z]+://(?:www\.)?)?(?P<host>[^/]*)"
    ).field("host")
    hosts = host.dictionary_encode()  # a few thousand sites: each made a key part once
    part = pc.replace_substring_regex(hosts.dictionary, "[^a-z0-9]+", "-")
    part = pc.utf8_slice_codeunits(pc.utf8_trim(part, "-"), 0, 40)
    host = pc.if_else(pc.equal(part, ""), "url", part).take(hosts.indices)
    keys = pc.binary_join_element_wise(host, _sha1_prefixes(urls), "-")
    keys = pc.if_else(pc.equal(urls, ""), "", keys)
    others = pc.invert(pc.string_is_ascii(urls))
    if pc.any(others).as_py():
        own = [gdelt._url_key(url) for url in urls.filter(others).to_pylist()]
        keys = pc.replace_with_mask(keys, others, pa.array(own, pa.string()))
    return keys


def _sha1_prefixes(texts: pa.Array) -> pa.Array:
    """Return the first 10 hex digits of the SHA-1 of each string's UTF-8 bytes."""
    digests = b"".join(
        [hashlib.sha1(text).digest() for text in texts.cast(pa.binary()).to_pylist()]
    )
    first = np.frombuffer(digests, dtype=np.uint8).reshape(-1, 20)[:, :5]
    digits = np.empty((len(texts), 10), dtype=np.uint8)
    digits[:, 0::2] = HEX[first >> 4]
    digits[:, 1::2] = HEX[first & 15]
    offsets = np.arange(0, 10 * len(texts) + 1, 10, dtype=np.int32)
    return pa.StringArray.from_buffers(
        len(texts), pa.py_buffer(offsets), pa.py_buffer(digits.tobytes())
    )


def _mentions(path: Path):
    """Return the best mention of each event as arrays: event ids, URLs and locators."""
    keys, urls, locators = gdelt.mention_locators(path)
    return (
        pa.array(keys, pa.string()),
        pa.array(urls, pa.string()),
        pa.array(locators, pa.string()),
    )


# -- helpers ----------------------------------------------------------------------------------


def _numpy(array) -> np.ndarray:
    return array.to_numpy(zero_copy_only=False)


def _join(*arrays) -> pa.Array:
    """Return the cells of several columns joined by tabs (no GDELT cell holds a tab)."""
    return pc.binary_join_element_wise(*arrays, "\t")


def _distinct(array: pa.Array, function) -> tuple[list, np.ndarray]:
    """Return ``function`` of each distinct value, and each row's index into that list."""
    encoded = array.dictionary_encode()
    values = [function(value) for value in encoded.dictionary.to_pylist()]
    return values, _numpy(encoded.indices)


def _mapped(array: pa.Array, function) -> pa.Array:
    """Return ``function`` (giving a string) of each row's value, computed once per value."""
    encoded = array.dictionary_encode()
    values = [function(value) for value in encoded.dictionary.to_pylist()]
    return pa.array(values, pa.string()).take(encoded.indices)


def _count(method, name, numbers, reasons, which) -> None:
    """Call a report method once per reason: how many rows, and the first row's place."""
    labels = sorted({reason for reason in reasons if reason is not None})
    label_of = np.array([labels.index(r) if r is not None else -1 for r in reasons], dtype=int)
    per_row = label_of[which]
    for number, label in enumerate(labels):
        rows = np.nonzero(per_row == number)[0]
        method(label, f"{name}:{numbers[rows[0]]}", len(rows))


def _quad_and_score(cells: list[str]) -> tuple[str, float | None]:
    return cells[0].strip(), gdelt.goldstein_of(cells[1])


def _strip(array: pa.Array) -> pa.Array:
    """Return each string stripped as :meth:`str.strip` strips it.

    Only the strings that start or end with a byte of a whitespace character
    (ASCII whitespace, or any byte of a multi-byte character) go through the
    regular expression.
    """
    offsets, data = arrow_csv._layout(array)
    filled = np.diff(offsets) > 0
    ends = np.zeros((2, len(array)), dtype=np.uint8)
    ends[0][filled] = data[offsets[:-1][filled] - offsets[0]]
    ends[1][filled] = data[offsets[1:][filled] - offsets[0] - 1]
    maybe = (np.isin(ends, SPACE_BYTES) | (ends >= 0x80)).any(axis=0) & filled
    if not maybe.any():
        return array
    mask = pa.array(maybe)
    stripped = pc.replace_substring_regex(array.filter(mask), STRIP, "")
    return pc.replace_with_mask(array, mask, stripped)
