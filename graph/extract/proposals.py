"""Assemble the proposals of an article, and write them as JSON, JSON lines or YAML.

One article gives one object::

    {"document": PATH,
     "actors": [{"id", "name", "kind", "known", "mentions"}],
     "relations": [{"source", "type", "target", "sign", "evidence", "spans", "cue",
                    "confidence", "hedged", "reason", "document"}]}

``mentions`` are the exact texts an actor was found by; ``spans`` holds the
character offsets (start, end) in the article of the quote (``evidence``),
of the ``source`` and ``target`` mentions and of the ``cue``: slicing the
article by them gives the quote back, verbatim. ``document`` of a relation
is the article's key: the dataset's key when the dataset declares the file,
else the file's name without its extension. Output is deterministic:
actors by id, relations in article order (ties by source, target, type).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from ..coverage.text import split_sentences, tokenize
from ..names import name_key
from ..problems import DatasetError
from ..progress import advance, step
from .actors import find_actors
from .quotes import quoted_statements
from .relations import propose_relations
from .vocabulary import Vocabulary

__all__ = ["extract_files", "extract_text", "render_proposals"]

_CLAUSE = re.compile(r"[;:]")
_TRIM = " \t\n,.;:"
# Below this many articles, starting worker processes costs more than it saves.
PARALLEL_FROM = 8


def extract_text(
    text: str, document: str, dataset=None, path: str | None = None, vocabulary=None
) -> dict:
    """Return the proposals for one article's ``text`` (``document``: its key)."""
    vocabulary = vocabulary or Vocabulary(dataset.types if dataset is not None else None)
    words = tokenize(text)
    sentences = split_sentences(text)
    sentence_of = []
    current = 0
    for word in words:
        while current + 1 < len(sentences) and word.start >= sentences[current].end:
            current += 1
        sentence_of.append(current)
    actors, mentions = find_actors(text, words, sentence_of, dataset)
    folded = [name_key(word.text) for word in words]
    by_sentence: dict[int, list] = {}
    for mention in mentions:
        by_sentence.setdefault(sentence_of[mention.first], []).append(mention)
    first_word: dict[int, int] = {}
    for position, number in enumerate(sentence_of):
        first_word.setdefault(number, position)
    relations = []
    previous: list = []
    for number, sentence in enumerate(sentences):
        if number not in first_word:
            continue
        start = first_word[number]
        end = start
        while end < len(words) and sentence_of[end] == number:
            end += 1
        inside = by_sentence.get(number, [])
        proposals = propose_relations(text, words, folded, sentence, (start, end), inside, previous)
        previous = [*previous[-20:], *inside]
        kept: dict[frozenset, object] = {}
        for proposal in sorted(proposals, key=lambda p: (-p.confidence, p.cue[0])):
            pair = frozenset((proposal.source.key, proposal.target.key))
            kept.setdefault(pair, proposal)
        for proposal in kept.values():
            relations.append(
                _relation(text, sentence, proposal, actors, vocabulary, document, sentences)
            )
    relations += _quoted(text, mentions, relations, actors, vocabulary, document)
    relations.sort(key=lambda r: (r["spans"]["evidence"][0], r["source"], r["target"], r["type"]))
    actor_rows = [
        {
            "id": actor.id,
            "name": actor.name,
            "kind": actor.kind,
            "known": actor.known is not None,
            "mentions": sorted({text[m.name_span[0] : m.name_span[1]] for m in actor.mentions}),
        }
        for actor in sorted(actors.values(), key=lambda a: a.id)
    ]
    return {
        "document": path if path is not None else document,
        "actors": actor_rows,
        "relations": relations,
    }


def _quoted(text, mentions, relations, actors, vocabulary, document) -> list[dict]:
    """Return the statements of the quotations, less the pairs proposed in their stretch."""
    found = []
    for quoted in quoted_statements(text, mentions):
        start, end = quoted.evidence
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM:
            end -= 1
        source, target = actors[quoted.speaker.key], actors[quoted.target.key]
        pair = {source.id, target.id}
        if any(
            {r["source"], r["target"]} == pair
            and r["spans"]["evidence"][0] < end
            and start < r["spans"]["evidence"][1]
            for r in [*relations, *found]
        ):
            continue
        found.append(
            _proposal(
                text,
                (source.id, target.id),
                vocabulary.type_of("STATE", "say"),
                (start, end),
                (quoted.speaker_span, quoted.target.name_span, quoted.cue),
                confidence=0.3,
                hedged=False,
                reason=f"{quoted.reason}: names {quoted.target.name} in the quotation",
                document=document,
            )
        )
    return found


def _relation(text, sentence, proposal, actors, vocabulary, document, sentences=()) -> dict:
    cue = proposal.cue
    points = [proposal.source_span, proposal.target_span, cue]
    start = min(point[0] for point in points)
    end = max(point[1] for point in points)
    # Widen to the clause (between ; and :) that holds them all; a mention of an earlier
    # sentence (a country named before "the Defense Ministry") takes in that sentence.
    earlier = [s.start for s in sentences if s.start <= start < s.end and s.start < sentence.start]
    before = [m.end() for m in _CLAUSE.finditer(text, sentence.start, start)]
    after = _CLAUSE.search(text, end, sentence.end)
    start = earlier[0] if earlier else before[-1] if before else sentence.start
    end = after.start() if after else sentence.end
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return _proposal(
        text,
        (actors[proposal.source.key].id, actors[proposal.target.key].id),
        vocabulary.type_of(proposal.category, proposal.lemma or proposal.cue_text.lower()),
        (start, end),
        (proposal.source_span, proposal.target_span, cue),
        confidence=proposal.confidence,
        hedged=proposal.hedged,
        reason=proposal.reason
        + ("; symmetric" if proposal.symmetric and "symmetric" not in proposal.reason else ""),
        document=document,
    )


def _proposal(text, ends, typed, evidence, spans, *, confidence, hedged, reason, document) -> dict:
    """Return one proposed relation as written out: its ends, type, quote, spans and reasons.

    ``ends`` is (source id, target id), ``typed`` (type name, sign), ``evidence``
    the quote's (start, end) in ``text``, ``spans`` those of the source, the
    target and the cue.
    """
    (source, target), (type_name, sign), (start, end) = ends, typed, evidence
    source_span, target_span, cue = spans
    return {
        "source": source,
        "type": type_name,
        "target": target,
        "sign": sign,
        "evidence": text[start:end],
        "spans": {
            "evidence": [start, end],
            "source": list(source_span),
            "target": list(target_span),
            "cue": list(cue),
        },
        "cue": text[cue[0] : cue[1]],
        "confidence": confidence,
        "hedged": hedged,
        "reason": reason,
        "document": document,
    }


def document_key(path: str | os.PathLike, dataset=None) -> str:
    """Return the key of an article: the dataset's key for the file, else its file name's stem."""
    if dataset is not None:
        given = Path(path).resolve()
        for key, declared in dataset.documents.items():
            if Path(declared.path).resolve() == given:
                return key
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(path).stem).strip("-")
    return stem or "article"


def _read(path: str) -> str:
    from ..sources import read_utf8

    text, problem = read_utf8(Path(path), str(path))
    if problem is not None:
        raise DatasetError([problem])
    return text


_WORKER_DATASET = None


def _start_worker(dataset) -> None:
    global _WORKER_DATASET
    _WORKER_DATASET = dataset


def _extract_path(path: str) -> dict:
    dataset = _WORKER_DATASET
    return extract_text(_read(path), document_key(path, dataset), dataset, path=str(path))


def extract_files(paths, dataset=None, processes: int | None = None) -> list[dict]:
    """Return the proposals of each article in ``paths``, in order.

    From :data:`PARALLEL_FROM` articles on they are read in ``processes``
    worker processes (by default one a CPU), reporting progress (:mod:`graph.progress`). Raises
    :class:`~graph.problems.DatasetError` for a file that cannot be read.
    """
    paths = [str(path) for path in paths]
    results: list[dict] = []
    with step("extracting", f"{len(paths)} articles"):
        workers = processes if processes is not None else min(os.cpu_count() or 1, len(paths))
        if len(paths) < PARALLEL_FROM or workers <= 1:
            _start_worker(dataset)
            for done, path in enumerate(paths, 1):
                results.append(_extract_path(path))
                advance(done, len(paths))
            return results
        import multiprocessing

        context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
        with context.Pool(workers, initializer=_start_worker, initargs=(dataset,)) as pool:
            chunk = max(1, min(16, len(paths) // (workers * 8)))
            for done, result in enumerate(pool.imap(_extract_path, paths, chunksize=chunk), 1):
                results.append(result)
                advance(done, len(paths))
    return results


def render_proposals(results: list[dict], output_format: str = "json") -> str:
    """Return the text of ``results``: JSON (one object, or JSON lines for several) or YAML."""
    if output_format == "yaml":
        import yaml

        return yaml.safe_dump_all(results, sort_keys=False, allow_unicode=True, width=100)
    if len(results) == 1:
        return json.dumps(results[0], ensure_ascii=False, indent=2) + "\n"
    return "".join(json.dumps(result, ensure_ascii=False) + "\n" for result in results)
