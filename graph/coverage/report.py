"""The coverage report: each document's actors, the names left to encode, the uncited sentences.

Reads the documents, matches the names of known actors
(:mod:`~graph.coverage.matching`), finds the names that match none
(:mod:`~graph.coverage.finding`), sets aside those the dataset leaves out
(:mod:`~graph.coverage.left_out`) and lists the sentences no relation cites
(:mod:`~graph.coverage.uncited`).
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from ..model import Dataset
from ..names import name_key
from ..problems import DatasetError, QueryError, did_you_mean
from .finding import continues_phrase, find_names
from .left_out import read_left_out
from .matching import ActorMatcher
from .text import line_starts, locate, split_sentences, tokenize
from .uncited import uncited_sentences

__all__ = ["coverage"]


def coverage(
    dataset: Dataset,
    document: str | os.PathLike | None = None,
    left_out: dict[str, str] | None = None,
    max_file_size: int | None = None,
) -> dict:
    """Return the coverage report of ``dataset``'s documents, or of one ``document``.

    ``document`` is a document key of the dataset or the path of any UTF-8
    text file (an article not encoded yet). ``left_out`` maps folded names to
    the reason they are left out; by default it is read from the dataset's
    ``coverage.yaml``. A file over ``max_file_size`` bytes (default
    :data:`graph.sources.text.MAX_FILE_SIZE`) is refused before it is read,
    as the loader refuses it. Raises :class:`QueryError` for an unknown
    document, :class:`DatasetError` for one that cannot be read (not UTF-8,
    too large).
    """
    if left_out is None:
        left_out = {}
        for folder in dataset.sources.values() or [dataset.folder]:
            left_out.update(read_left_out(folder, max_file_size))
    texts = _documents(dataset, document, max_file_size)
    matcher = ActorMatcher(dataset)
    reports = []
    named_anywhere: set[str] = set()
    for key, (path, text) in texts.items():
        report = _document_report(dataset, matcher, key, path, text, left_out)
        named_anywhere.update(row["id"] for row in report["actors"])
        reports.append(report)
    unnamed = [
        {"id": actor.id, "name": actor.name, "kind": actor.kind}
        for actor in dataset.actors.values()
        if actor.id not in named_anywhere
    ]
    return {"documents": reports, "unnamed_actors": unnamed}


def _documents(dataset: Dataset, document, max_file_size) -> dict[str, tuple[str, str]]:
    """Return ``{key: (path, text)}`` of the documents to read."""
    from ..sources import read_utf8

    shown: dict[str, str] = {}
    if document is None:
        chosen = {key: doc.path for key, doc in dataset.documents.items()}
        if not chosen:
            raise QueryError("the dataset declares no documents: name a text file")
    elif str(document) in dataset.documents:
        chosen = {str(document): dataset.documents[str(document)].path}
    elif Path(document).is_file():
        given = Path(document).resolve()
        known = [key for key, doc in dataset.documents.items() if Path(doc.path).resolve() == given]
        if known:  # the path of a document the dataset declares: its relations cite it
            chosen = {known[0]: dataset.documents[known[0]].path}
        else:
            chosen = {Path(document).name: Path(document)}
            shown = {Path(document).name: str(document)}
    else:
        hint = did_you_mean(str(document), dataset.documents)
        known = ", ".join(dataset.documents) or "none"
        suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
        raise QueryError(
            f"{str(document)!r} is neither a document of the dataset ({known}) "
            f"nor a readable file{suggestion}"
        )
    texts = {}
    for key, path in chosen.items():
        text, problem = read_utf8(Path(path), str(path), max_file_size)
        if problem is not None:
            raise DatasetError([problem])  # FILE:LINE:COL, like any file that cannot be read
        texts[key] = (shown.get(key) or _relative(path, dataset.folder), text)
    return texts


def _relative(path, folder) -> str:
    """Return a document's path as the dataset names it: relative to the dataset's folder."""
    if folder is None:
        return str(path)
    try:
        return Path(os.path.relpath(path, Path(folder).resolve())).as_posix()
    except ValueError:
        return str(path)


def _document_report(dataset, matcher, key, path, text, left_out) -> dict:
    words = tokenize(text)
    starts = line_starts(text)
    keys: dict[str, str] = {}  # words repeat: fold each spelling once
    folded = [keys.get(w.text) or keys.setdefault(w.text, name_key(w.text)) for w in words]
    mentions = matcher.mentions(text, words, folded)
    covered = [False] * len(words)
    counts: Counter = Counter()
    spellings: dict[str, Counter] = {}
    counted = []
    for first, end, actor_id, _inner in mentions:
        # A known name followed by more capitalised words ("Europe Program") names something else.
        if (
            continues_phrase(text, words, end)
            and matcher.match_at(text, words, folded, end) is None
        ):
            continue
        counted.append((first, actor_id))
        for position in range(first, end):
            covered[position] = True
        counts[actor_id] += 1
        written = text[words[first].start : words[end - 1].end]
        spellings.setdefault(actor_id, Counter())[written] += 1
    actors = [
        {
            "id": actor_id,
            "name": dataset.actors[actor_id].name,
            "mentions": count,
            "spellings": dict(sorted(spellings[actor_id].items(), key=lambda i: (-i[1], i[0]))),
        }
        for actor_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    sentences = split_sentences(text)
    candidates = find_names(text, words, sentences, matcher.countries, covered)
    unmatched, kept_out = [], []
    for folded, found in candidates.items():
        line, column = locate(starts, found["start"])
        row = {
            "text": found["text"],
            "mentions": found["count"],
            "why": found["why"],
            "line": line,
            "column": column,
        }
        if folded in left_out:
            kept_out.append({**row, "why": left_out[folded]})
        else:
            suggestions = dataset.index.suggest(found["text"], count=1)
            row["did_you_mean"] = suggestions[0] if suggestions else None
            unmatched.append(row)
    order = lambda row: (-row["mentions"], row["line"], row["column"], row["text"])  # noqa: E731
    uncited = uncited_sentences(dataset, key, text, words, sentences, counted, starts)
    return {
        "key": key,
        "path": path,
        "actors": actors,
        "unmatched": sorted(unmatched, key=order),
        "left_out": sorted(kept_out, key=order),
        "uncited_sentences": uncited,
    }
