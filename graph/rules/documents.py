"""Documents and the folders they may be read from: ``documents`` and ``document_roots``.

A document is read only from inside the dataset folder or a folder the
*user* allows (``--document-root DIR``, ``GRAPH_DOCUMENT_ROOTS``,
``load_dataset(..., document_roots=[...])``): a dataset cannot widen that
itself. A ``document_roots`` entry it declares must lie inside those
folders (the embedded seed alone may name its own shipped ``seeds/``), or
it is an error naming the option. URLs are never fetched, and only regular
files are read (a pipe, a device or a folder is refused, never waited on).

Each document read is indexed for the quote check
(:mod:`graph.rules.evidence`). Keys are noted in the
:class:`~graph.rules.context.Context` even when the file cannot be read, so
relations naming them are not reported a second time.

A document may also be a URL (``https://...``): it is never fetched, so a
relation citing it is at most ``located`` (:mod:`graph.rules.relations`).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..model import Document
from .checker import MISSING, Checker
from .context import Context

__all__ = ["ROOT_OPTION", "URL_PREFIXES", "check_documents", "check_roots", "is_url"]

# How the user allows a folder, said in every refusal.
ROOT_OPTION = "--document-root DIR or GRAPH_DOCUMENT_ROOTS"
# scheme://... (http, https, file, ftp, s3...): a location to fetch, never a file of ours.
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
# A document written with one of these is a web page's address: cited, never fetched.
URL_PREFIXES = ("http://", "https://")


def is_url(text: str) -> bool:
    """Return whether a document's path is a URL (never fetched).

    >>> is_url("https://example.org/a"), is_url("article.txt")
    (True, False)
    """
    return text.lower().startswith(URL_PREFIXES)


def check_roots(check: Checker, value, context: Context) -> list[str]:
    """Return the folders documents may be read from, resolved (symlinks followed).

    They are the dataset's folder and the folders the user allows
    (``context.document_roots``); a ``document_roots`` entry of the dataset
    (relative to its folder) must lie inside them, or be one of
    ``context.shipped_roots``, or it is an error.
    """
    folder = context.folder
    allowed = [os.path.realpath(folder)]
    allowed += [context.resolve_root(root) for root in context.document_roots]
    shipped = [context.resolve_root(root) for root in context.shipped_roots]
    roots = list(allowed)
    if value is MISSING:
        return roots
    for text, path in check.string_list(value, ("document_roots",), "document_roots"):
        if _URL.match(text):
            check.error(path, f"document root {text!r} is a URL: documents are never fetched")
            continue
        root = context.resolve_root(folder / text)
        if not (_inside(root, allowed) or _inside(root, shipped)):
            # Not even looked into: whether it exists is none of the dataset's business.
            check.error(
                path,
                f"document root {text!r} is outside the dataset folder; "
                f"allow it with {ROOT_OPTION}",
            )
        elif not os.path.isdir(root):
            check.error(path, f"document root {text!r} is not a folder")
        else:
            roots.append(root)
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
            # Cited by its address, never fetched: relations citing it are at most located.
            context.document_urls[name] = relative
            continue
        if _URL.match(relative):
            check.error(
                path,
                f"document {name!r} ({relative}) is a location to fetch: documents are "
                "never fetched; save it as a text file in the dataset folder (a web page "
                "may be cited by its http(s) address, for located relations)",
            )
            continue
        file = context.folder / relative
        real = context.realpath(file)
        if not _inside(real, roots):
            # Never read: neither its text nor its absolute path is shown anywhere.
            check.error(
                path,
                f"document {name!r} ({relative}) is outside the dataset folder; "
                f"allow its folder with {ROOT_OPTION}",
            )
            continue
        index, problem = context.read_document(file, relative)
        if problem:
            at_start = (problem.line, problem.column) in ((1, 1), (0, 0))
            where = "" if at_start else f" (at {problem.line}:{problem.column})"
            check.error(path, f"document {name!r} ({relative}): {problem.message}{where}")
            continue
        documents[name] = Document(name, Path(real))  # what file.resolve() gives
        context.indexes[name] = index
    return documents


def _inside(path: str, roots: list[str]) -> bool:
    """Return whether the resolved ``path`` lies in one of the resolved ``roots``."""
    return any(os.path.commonpath([path, root]) == root for root in roots)
