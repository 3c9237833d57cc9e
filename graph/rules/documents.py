"""Documents and the folders they may be read from: ``documents`` and ``document_roots``.

A document is read only from inside the dataset folder or a folder listed
under ``document_roots``; each one read is indexed for the quote check
(:mod:`graph.rules.evidence`). Keys are noted in the
:class:`~graph.rules.context.Context` even when the file cannot be read, so
relations naming them are not reported a second time.

A document may also be a URL (``https://...``): it is never fetched, so a
relation citing it is at most ``located`` (:mod:`graph.rules.relations`).
"""

from __future__ import annotations

import os

from ..model import Document
from .checker import MISSING, Checker
from .context import Context

__all__ = ["URL_PREFIXES", "check_documents", "check_roots", "is_url"]

# A document written with one of these is a URL, never fetched.
URL_PREFIXES = ("http://", "https://")


def is_url(text: str) -> bool:
    """Return whether a document's path is a URL (never fetched).

    >>> is_url("https://example.org/a"), is_url("article.txt")
    (True, False)
    """
    return text.lower().startswith(URL_PREFIXES)


def check_roots(check: Checker, value, context: Context) -> list[str]:
    """Return the folders documents may be read from: the dataset's, and ``document_roots``.

    Each root is resolved (symlinks followed) relative to the dataset folder.
    """
    folder = context.folder
    roots = [os.path.realpath(folder)]
    if value is MISSING:
        return roots
    for text, path in check.string_list(value, ("document_roots",), "document_roots"):
        root = context.resolve_root(folder / text)
        if os.path.isdir(root):
            roots.append(root)
        else:
            check.error(path, f"document root {text!r} is not a folder")
    return roots


def check_documents(
    check: Checker, value, roots: list[str], context: Context
) -> dict[str, Document]:
    """Return the documents declared and readable, by key; each read is indexed in ``context``."""
    documents: dict[str, Document] = {}
    if value is MISSING:
        return documents
    for key, item in check.mapping_items(value, ("documents",), "documents"):
        path = ("documents", key)
        name = check.string(key, path, "a document key", key=True)
        if name is not None:
            context.declared_documents.append(name)
            context.declared_set.add(name)
        relative = check.string(item, path, f"the path of document {name!r}")
        if name is None or relative is None:
            continue
        if is_url(relative):
            context.document_urls[name] = relative
            continue
        file = context.folder / relative
        if not _inside(os.path.realpath(file), roots):
            # Never read: neither its text nor its absolute path is shown anywhere.
            check.error(
                path,
                f"document {name!r} ({relative}) is outside the dataset folder; "
                "list the folder it is in under document_roots to allow it",
            )
            continue
        index, problem = context.read_document(file, relative)
        if problem:
            at_start = (problem.line, problem.column) in ((1, 1), (0, 0))
            where = "" if at_start else f" (at {problem.line}:{problem.column})"
            check.error(path, f"document {name!r} ({relative}): {problem.message}{where}")
            continue
        documents[name] = Document(name, file.resolve())
        context.indexes[name] = index
    return documents


def _inside(path: str, roots: list[str]) -> bool:
    """Return whether the resolved ``path`` lies in one of the resolved ``roots``."""
    return any(os.path.commonpath([path, root]) == root for root in roots)
