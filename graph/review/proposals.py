"""Read proposals (what ``graph extract`` writes) and check their shape, every problem located.

A proposals file holds one object per article, in JSON, JSON lines (one
object a line) or YAML (one object, a list of them, or one YAML document an
article, separated by ``---``)::

    {"document": "article.txt",
     "actors": [{"id", "name", "kind", "known", "mentions"}],
     "relations": [{"source", "type", "target", "sign", "evidence", "spans",
                    "cue", "confidence", "hedged", "reason", "document"}]}

``document`` is the article's path, relative to the proposals file's folder
(or, failing that, to the working folder). Every relation's ``source`` and
``target`` must be ids of the object's ``actors``, and its ``evidence`` must
be verbatim in the article (compared as the loader compares quotes). A
problem is a :class:`~graph.problems.Problem` at the line and column of the
offending value; :func:`read_proposals` raises :class:`ProposalsError`
holding every one. Fields other than these are ignored, so a newer extractor
can add some.

>>> import json, pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Britain and France lead the force.", encoding="utf-8")
>>> actors = [{"id": "uk", "name": "Britain", "kind": "country", "known": False},
...           {"id": "france", "name": "France", "kind": "country"}]
>>> relation = {"source": "uk", "type": "allied_with", "target": "france", "sign": 1,
...             "evidence": "Britain and France lead", "confidence": 0.8}
>>> _ = (folder / "p.json").write_text(json.dumps(
...     {"document": "a.txt", "actors": actors, "relations": [relation]}), encoding="utf-8")
>>> [article] = read_proposals(folder / "p.json")
>>> article.relations[0].source, article.relations[0].sign, article.actors["uk"].mentions
('uk', 1, ())
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..evidence import normalize_text
from ..problems import DatasetError, Problem
from ..sources import DataPath, read_utf8

__all__ = [
    "SIGNS",
    "ArticleProposals",
    "ProposalsError",
    "ProposedActor",
    "ProposedRelation",
    "read_proposals",
]

# A sign may be written as a number or as its name.
SIGNS = {"cooperative": 1, "neutral": 0, "hostile": -1}


class ProposalsError(DatasetError):
    """The proposals cannot be reviewed; ``problems`` says where and why, in file order."""


@dataclass(frozen=True)
class ProposedActor:
    """An actor as the extractor proposes it: ``known`` when the dataset has it already."""

    id: str
    name: str
    kind: str
    known: bool = False
    mentions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Span:
    """Character offsets ``[start, end)`` in the article."""

    start: int
    end: int


@dataclass(frozen=True)
class ProposedRelation:
    """One proposed relation; ``spans`` hold the quote's and both mentions' offsets when given."""

    article: int  # the position of its article in the file, from 0
    number: int  # its position among the article's relations, from 0
    source: str
    type: str
    target: str
    evidence: str
    sign: int | None = None
    quote_span: Span | None = None
    source_span: Span | None = None
    target_span: Span | None = None
    cue: str | None = None
    confidence: float | None = None
    hedged: bool = False
    reason: str | None = None
    line: int = 0  # where it starts in the proposals file

    @property
    def label(self) -> str:
        """Return ``article.relation``, counting from 1: how messages name the proposal."""
        return f"{self.article + 1}.{self.number + 1}"


@dataclass
class ArticleProposals:
    """The proposals for one article: the article's text, the actors and the relations."""

    document: str  # as written in the file
    path: Path  # the article, resolved
    text: str
    actors: dict[str, ProposedActor] = field(default_factory=dict)
    relations: list[ProposedRelation] = field(default_factory=list)


def read_proposals(
    path: str | os.PathLike, max_file_size: int | None = None
) -> list[ArticleProposals]:
    """Return the articles' proposals in ``path``, or raise :class:`ProposalsError`."""
    path = Path(path)
    shown = str(path)
    text, problem = read_utf8(path, shown, max_file_size)
    if problem:
        raise ProposalsError([problem])
    problems: list[Problem] = []
    articles = []
    for data, locate in _objects(text, shown, problems):
        checker = _Shape(shown, locate, problems)
        article = checker.article(data, len(articles), path.parent, max_file_size)
        if article is not None:
            articles.append(article)
    if not problems and not articles:
        problems.append(Problem(shown, 1, 1, "no proposals: the file holds no article"))
    if any(problem.severity == "error" for problem in problems):
        raise ProposalsError(problems)
    return articles


def _objects(text: str, shown: str, problems: list[Problem]):
    """Yield ``(data, locate)`` for each article; ``locate(path, key)`` gives (line, column)."""
    from ..sources import yaml_located

    lines = text.splitlines()
    filled = [(number, line) for number, line in enumerate(lines) if line.strip()]
    if len(filled) > 1 and all(line.lstrip().startswith("{") for _, line in filled):
        # JSON lines: one object a line, each read on its own, its lines shifted.
        for number, line in filled:
            source, found = yaml_located.read(line, shown)
            problems += [_shifted(problem, number) for problem in found]
            if source is not None:
                yield source.data, _shifted_locator(source.locator, number)
        return
    for first, chunk in _documents(lines):
        source, found = yaml_located.read(chunk, shown)
        problems += [_shifted(problem, first) for problem in found]
        if source is None:
            continue
        locate = _shifted_locator(source.locator, first)
        if isinstance(source.data, list):
            for index, item in enumerate(source.data):
                yield item, _prefixed_locator(locate, index)
        elif source.data is not None or first == 0:
            yield source.data, locate


def _documents(lines: list[str]) -> list[tuple[int, str]]:
    """Return ``(first line, text)`` of each YAML document (``---`` between articles).

    >>> _documents(["a: 1", "---", "b: 2"])
    [(0, 'a: 1\\n'), (2, 'b: 2\\n')]
    """
    chunks, first, current = [], 0, []
    for number, line in enumerate(lines):
        if line.rstrip() == "---" or line.rstrip() == "...":
            if current and any(part.strip() for part in current):
                chunks.append((first, "".join(part + "\n" for part in current)))
            first, current = number + 1, []
        else:
            current.append(line)
    if current or not chunks:
        chunks.append((first, "".join(part + "\n" for part in current)))
    return chunks


def _shifted(problem: Problem, lines: int) -> Problem:
    if not problem.line:
        return problem
    return Problem(
        problem.file,
        problem.line + lines,
        problem.column,
        problem.message,
        problem.hint,
        problem.severity,
    )


def _shifted_locator(locator, lines: int):
    def locate(path: DataPath, key: bool = False) -> tuple[int, int]:
        line, column = locator.position(path, key)
        return line + lines, column

    return locate


def _prefixed_locator(locate, index: int):
    return lambda path, key=False: locate((index, *path), key)


class _Shape:
    """Checks one article object, recording located problems."""

    def __init__(self, shown: str, locate, problems: list[Problem]):
        self.shown = shown
        self.locate = locate
        self.problems = problems

    def error(self, path: DataPath, message: str, key: bool = False) -> None:
        line, column = self.locate(path, key)
        self.problems.append(Problem(self.shown, line, column, message))

    def string(self, data: dict, key: str, path: DataPath, required: bool = True) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                self.error(path, f"missing field {key!r}")
            return None
        if not isinstance(value, str) or not value.strip():
            self.error((*path, key), f"{key} must be a non-empty string, not {_shown(value)}")
            return None
        return value

    def article(self, data, number: int, folder: Path, max_file_size) -> ArticleProposals | None:
        if not isinstance(data, dict):
            self.error((), f"an article's proposals must be a mapping, not {_shown(data)}")
            return None
        document = self.string(data, "document", ())
        article = None
        if document is not None:
            article = self.read_article(document, folder, max_file_size)
        actors = self.actors(data.get("actors"))
        relations = data.get("relations")
        if relations is None:
            relations = []
        if not isinstance(relations, list):
            self.error(("relations",), f"relations must be a list, not {_shown(relations)}")
            relations = []
        if article is None:
            return None
        article.actors = actors
        folded = normalize_text(article.text)
        for index, item in enumerate(relations):
            relation = self.relation(item, ("relations", index), number, index, actors, article)
            if relation is None:
                continue
            if normalize_text(relation.evidence) not in folded:
                self.error(
                    ("relations", index, "evidence"),
                    f"evidence quote not found in the article {article.document!r}",
                )
                continue
            article.relations.append(relation)
        return article

    def read_article(self, document: str, folder: Path, max_file_size) -> ArticleProposals | None:
        candidates = [folder / document, Path(document)]
        found = next((path for path in candidates if path.is_file()), None)
        if found is None:
            self.error(
                ("document",),
                f"the article {document!r} is not found (beside the proposals or from the "
                "working folder)",
            )
            return None
        text, problem = read_utf8(found, str(found), max_file_size)
        if problem:
            self.problems.append(problem)
            return None
        return ArticleProposals(document, found.resolve(), text)

    def actors(self, value) -> dict[str, ProposedActor]:
        if value is None:
            return {}
        if not isinstance(value, list):
            self.error(("actors",), f"actors must be a list, not {_shown(value)}")
            return {}
        actors: dict[str, ProposedActor] = {}
        for index, item in enumerate(value):
            path = ("actors", index)
            if not isinstance(item, dict):
                self.error(path, f"an actor must be a mapping, not {_shown(item)}")
                continue
            fields = [self.string(item, key, path) for key in ("id", "name", "kind")]
            known = item.get("known", False)
            if not isinstance(known, bool):
                self.error((*path, "known"), f"known must be true or false, not {_shown(known)}")
            mentions = item.get("mentions") or []
            if not isinstance(mentions, list) or not all(
                isinstance(mention, str) for mention in mentions
            ):
                self.error((*path, "mentions"), "mentions must be a list of strings")
                mentions = []
            if None in fields:
                continue
            actor_id, name, kind = fields
            if actor_id in actors:
                self.error((*path, "id"), f"actor id {actor_id!r} is proposed twice")
                continue
            actors[actor_id] = ProposedActor(
                actor_id, name, kind, known is True, tuple(dict.fromkeys(mentions))
            )
        return actors

    def relation(self, item, path, article_number, number, actors, article):
        if not isinstance(item, dict):
            self.error(path, f"a relation must be a mapping, not {_shown(item)}")
            return None
        values = {key: self.string(item, key, path) for key in ("source", "type", "target")}
        values["evidence"] = self.string(item, "evidence", path)
        ok = None not in values.values()
        for key in ("source", "target"):
            if values[key] is not None and values[key] not in actors:
                self.error((*path, key), f"{key} {values[key]!r} is not the id of a proposed actor")
                ok = False
        sign = self.sign(item, path)
        confidence = item.get("confidence")
        if confidence is not None and (
            isinstance(confidence, bool)
            or not isinstance(confidence, (int, float))
            or not math.isfinite(confidence)
            or not 0 <= confidence <= 1
        ):
            self.error((*path, "confidence"), "confidence must be a number from 0 to 1")
            ok = False
        hedged = item.get("hedged", False)
        if not isinstance(hedged, bool):
            self.error((*path, "hedged"), f"hedged must be true or false, not {_shown(hedged)}")
            ok = False
        spans = self.spans(item.get("spans"), (*path, "spans"), len(article.text))
        texts = {key: item.get(key) for key in ("cue", "reason")}
        if not ok or spans is None:
            return None
        (line, _) = self.locate(path)
        return ProposedRelation(
            article_number,
            number,
            values["source"],
            values["type"],
            values["target"],
            values["evidence"],
            sign,
            *spans,
            cue=texts["cue"] if isinstance(texts["cue"], str) else None,
            confidence=None if confidence is None else float(confidence),
            hedged=hedged,
            reason=texts["reason"] if isinstance(texts["reason"], str) else None,
            line=line,
        )

    def sign(self, item: dict, path: DataPath) -> int | None:
        sign = item.get("sign")
        if sign is None:
            return None
        if isinstance(sign, str) and sign.strip().lower() in SIGNS:
            return SIGNS[sign.strip().lower()]
        if isinstance(sign, bool) or sign not in (1, 0, -1):
            self.error(
                (*path, "sign"),
                f"sign must be 1, 0 or -1 (or cooperative, neutral, hostile), not {_shown(sign)}",
            )
            return None
        return int(sign)

    def spans(self, value, path: DataPath, size: int) -> tuple | None:
        """Return (quote, source, target) spans, each None when absent; None when malformed.

        Accepted: ``{"evidence" or "quote": [s, e], "source": [s, e], "target": [s, e]}``
        (a span may also be ``{"start": s, "end": e}``), or a list of the three spans.
        """
        if value is None:
            return (None, None, None)
        if isinstance(value, list) and len(value) == 3:
            named = dict(zip(("evidence", "source", "target"), value))
            paths = {key: (*path, index) for index, key in enumerate(named)}
        elif isinstance(value, dict):
            named = {
                "evidence": value.get("evidence", value.get("quote")),
                "source": value.get("source"),
                "target": value.get("target"),
            }
            quote_key = "evidence" if "evidence" in value else "quote"
            paths = {
                "evidence": (*path, quote_key),
                "source": (*path, "source"),
                "target": (*path, "target"),
            }
        else:
            self.error(path, "spans must map evidence, source and target to [start, end] offsets")
            return None
        spans = []
        for key, span in named.items():
            if span is None:
                spans.append(None)
                continue
            if isinstance(span, dict):
                span = [span.get("start"), span.get("end")]
            if (
                not isinstance(span, list)
                or len(span) != 2
                or not all(isinstance(n, int) and not isinstance(n, bool) for n in span)
                or not 0 <= span[0] <= span[1] <= size
            ):
                self.error(
                    paths[key],
                    f"the {key} span must be [start, end] with 0 <= start <= end <= {size} "
                    "(character offsets in the article)",
                )
                return None
            spans.append(Span(span[0], span[1]))
        return tuple(spans)


def _shown(value) -> str:
    """Return how a wrong value is named in a message: its YAML type and a short repr."""
    if value is None:
        return "nothing"
    kind = {bool: "a boolean", int: "a number", float: "a number", str: "a string"}.get(
        type(value), "a list" if isinstance(value, list) else "a mapping"
    )
    if isinstance(value, (list, dict)):
        return kind
    text = repr(value)
    return f"{kind} ({text[:40]}{'...' if len(text) > 40 else ''})"
