"""Write a dataset in another tool's format: one writer a format, a registry by name.

Each format is an :class:`ExportFormat` in :data:`FORMATS`; its writer is a
module of this package with a ``render(dataset, folder)`` function, imported
only when the format is used (so pyarrow is loaded for Parquet alone).
``render`` returns the file's text or bytes, or, for a format made of several
files, ``{file name: text or bytes}``.

>>> from graph import load_dataset
>>> dot = render_export(load_dataset(), "dot")
>>> dot.startswith("digraph")
True
>>> sorted(render_export(load_dataset(), "gephi"))
['edges.csv', 'nodes.csv']
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Dataset

__all__ = ["CYPHER_DIALECTS", "FORMATS", "ExportFormat", "export_dataset", "render_export"]

# The engines a Cypher script can be written for (graph.export.cypher); named here, so the
# CLI offers them without importing the writer at start-up.
CYPHER_DIALECTS = ("falkordb", "kuzu")


@dataclass(frozen=True)
class ExportFormat:
    """A format: its name, the module that writes it, and whether it is a folder of files."""

    name: str
    module: str
    summary: str
    folder: bool = False
    suffix: str = ""

    def render(self, dataset: Dataset, folder: str | os.PathLike | None = None, **options):
        """Return the file's content (str or bytes), or ``{name: content}`` for a folder.

        ``folder`` is where the output goes: table formats write document
        paths relative to it. ``options`` are the format's own (``dialect``
        for ``cypher``).
        """
        writer = importlib.import_module(f"{__name__}.{self.module}")
        return writer.render(dataset, folder, **options)


FORMATS: dict[str, ExportFormat] = {
    spec.name: spec
    for spec in (
        ExportFormat("csv", "csv_tables", "the table layout as six CSV files", folder=True),
        ExportFormat(
            "parquet", "parquet_tables", "the table layout as six Parquet files", folder=True
        ),
        ExportFormat("graphml", "graphml", "GraphML (Gephi, yEd, Cytoscape)", suffix=".graphml"),
        ExportFormat("gexf", "gexf", "GEXF 1.2 (Gephi)", suffix=".gexf"),
        ExportFormat(
            "json", "node_link", "node-link JSON with links, as D3 expects", suffix=".json"
        ),
        ExportFormat("dot", "dot", "Graphviz DOT, coloured by kind and sign", suffix=".dot"),
        ExportFormat("gephi", "gephi", "nodes.csv and edges.csv for Gephi's import", folder=True),
        ExportFormat(
            "kumu", "kumu", "elements.csv and connections.csv for Kumu's import", folder=True
        ),
        ExportFormat(
            "ftm", "ftm", "FollowTheMoney entities, one JSON object a line", suffix=".ftm.json"
        ),
        ExportFormat(
            "cypher",
            "cypher",
            "a Cypher script (FalkorDB; --dialect kuzu for Kùzu)",
            suffix=".cypher",
        ),
    )
}


def render_export(
    dataset: Dataset, format_name: str, folder: str | os.PathLike | None = None, **options
):
    """Return ``dataset`` in ``format_name`` (see :meth:`ExportFormat.render`)."""
    return FORMATS[format_name].render(dataset, folder, **options)


def export_dataset(
    dataset: Dataset, format_name: str, output: str | os.PathLike, **options
) -> list[Path]:
    """Write ``dataset`` in ``format_name`` to ``output`` and return the files written.

    A folder format writes its files into the folder ``output`` (made when
    missing), each file whole or not at all; other formats write the file
    ``output``. Every file is made, and encoded as UTF-8, before the first
    is written, so a failure leaves no half-written folder. Raises
    ``OSError`` when it cannot write.
    """
    from ..files import write_atomically

    spec = FORMATS[format_name]
    output = Path(output)
    if not spec.folder:
        return [write_atomically(output, _encoded(spec.render(dataset, output.parent, **options)))]
    files = {
        name: _encoded(content) for name, content in spec.render(dataset, output, **options).items()
    }
    output.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in files.items():
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        written.append(write_atomically(output / name, content))
    return written


def _encoded(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content
