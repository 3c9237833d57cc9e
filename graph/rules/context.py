"""What one subject's rules learn that a later one needs, for one pass over a dataset.

The actors' rules note the ids they refused (so a relation naming one is
told how to fix it); the documents' rules note the keys declared and the
quote index of each document read (so relations can be checked against
them). A pass of the rules starts with a fresh :class:`Context`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..evidence import DocumentIndex
from ..names import ActorIndex
from ..problems import Problem
from ..sources.text import Realpaths

__all__ = ["Context", "ReadDocument", "ResolveRoot"]

# (path, name shown in messages) -> the document's quote index, or why it cannot be read
ReadDocument = Callable[[Path, str], tuple[DocumentIndex | None, Problem | None]]
# a document root's path -> the folder it resolves to (the loader remembers it for the cache)
ResolveRoot = Callable[[Path], str]


@dataclass
class Context:
    """The dataset folder, how to read a document, and what the rules found so far."""

    folder: Path
    read_document: ReadDocument
    resolve_root: ResolveRoot = os.path.realpath
    # Folders the user allows documents from (--document-root, GRAPH_DOCUMENT_ROOTS).
    document_roots: tuple[Path, ...] = ()
    # Folders this dataset may name under document_roots though outside its folder:
    # only the embedded seed's own shipped seeds/ folder (graph.load.seed_folder).
    shipped_roots: tuple[Path, ...] = ()
    index: ActorIndex | None = None  # built only to suggest fixes
    # Actors kept under an id the rules refuse: id -> (the fixed spelling, where it is
    # in words: "actors.yaml line 5", "actors.csv row 5").
    invalid_ids: dict[str, tuple[str | None, str]] = field(default_factory=dict)
    declared_documents: list[str] = field(default_factory=list)
    declared_set: set[str] = field(default_factory=set)
    indexes: dict[str, DocumentIndex] = field(default_factory=dict)
    # Names used but not declared -> the paths of their uses: each reported once, after all.
    unknown_types: dict[str, list] = field(default_factory=dict)
    unknown_kinds: dict[str, list] = field(default_factory=dict)
    # Documents given as a URL (never fetched): key -> URL.
    document_urls: dict[str, str] = field(default_factory=dict)
    # The evidence states the dataset's settings allow (verified always).
    evidence_allowed: tuple[str, ...] = ("verified",)
    # os.path.realpath for the documents' paths (their folders resolved once).
    realpath: Callable[[Path], str] = field(default_factory=Realpaths)
