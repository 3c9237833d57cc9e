"""What accepted proposals add to a dataset: new actors, types, the article, the relations.

:func:`plan_additions` compares accepted drafts with the dataset and decides,
writing nothing: which proposed actors the dataset has already (by id when
``known``, else by name or by a mention that is one of its names or aliases),
which are new (an id made valid and unique, a kind the dataset declares, the
other mentions as aliases), which relation types must be declared (with the
draft's sign), whether the article is a declared document or is added, and
which relations would repeat one the dataset has. A draft that cannot be
written (an undeclared type with no sign, source and target the same actor)
is refused with the reason, and the others go on.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..evidence import normalize_text
from ..model import Dataset
from ..names import name_key
from ..problems import did_you_mean
from ..rules.values import fixed_id
from .decisions import Draft
from .proposals import ArticleProposals, ProposedActor

__all__ = ["Additions", "NewDocument", "kind_choice", "plan_additions"]

# Kinds an extractor may guess that a dataset spells otherwise (checked before the nearest).
KIND_SYNONYMS = {
    "organization": "organisation",
    "org": "organisation",
    "institution": "organisation",
    "government": "organisation",
    "ministry": "organisation",
    "party": "organisation",
    "state": "country",
    "nation": "country",
    "gpe": "country",
    "capital": "country",
    "people": "person",
    "per": "person",
    "individual": "person",
    "alliance": "bloc",
    "military": "force",
    "army": "force",
    "meeting": "event",
    "plan": "initiative",
    "agreement": "initiative",
    "outlet": "media",
    "news": "media",
}


@dataclass(frozen=True)
class NewDocument:
    """An article to declare: its key, its path as written (relative to the dataset's
    files) and the file to copy there, or None when it is in the dataset folder already."""

    key: str
    path: str
    copy_from: Path | None


@dataclass
class Additions:
    """Everything to write, in the order it will be written, and what was decided on the way."""

    actors: list[dict] = field(default_factory=list)  # id, name, kind, aliases
    types: dict[str, dict] = field(default_factory=dict)  # name -> {sign, description}
    documents: list[NewDocument] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)  # source, type, target, evidence, document
    # The key to write on existing relations that name no document, once a
    # second document is declared (the loader needs every one named then).
    name_document: str | None = None
    written: list[str] = field(default_factory=list)  # keys of the drafts written
    refused: list[tuple[str, str]] = field(default_factory=list)  # (key, why)
    repeated: list[str] = field(default_factory=list)  # keys already in the dataset
    notes: list[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not self.relations


def kind_choice(kind: str, kinds: dict | None) -> tuple[str, bool]:
    """Return the kind to write for a proposed ``kind``, and whether it is the proposed one.

    A dataset without a kind vocabulary takes any kind. Otherwise a declared
    kind (ignoring case) is kept, else a known synonym, else the nearest
    spelling, else the first declared kind.

    >>> kinds = {"country": None, "organisation": None, "person": None}
    >>> kind_choice("Country", kinds), kind_choice("organization", kinds), kind_choice("x", kinds)
    (('country', True), ('organisation', False), ('country', False))
    """
    if not kinds:
        return kind, True
    lowered = {name.lower(): name for name in kinds}
    if kind.lower() in lowered:
        return lowered[kind.lower()], True
    synonym = KIND_SYNONYMS.get(kind.lower())
    if synonym in kinds:
        return synonym, False
    nearest = did_you_mean(kind, list(kinds))
    return (nearest[0] if nearest else next(iter(kinds))), False


class _Planner:
    def __init__(self, dataset: Dataset, layout: str):
        self.dataset = dataset
        self.layout = layout
        self.folder = Path(dataset.folder).resolve()
        self.additions = Additions()
        # New names and ids of this batch: an actor proposed by several articles is added once.
        self.pending_names: dict[str, str] = {}
        self.taken_ids = set(dataset.actors)
        self.documents: dict[Path, str] = {}
        self.document_keys = set(dataset.documents)
        self.document_files = {
            Path(os.path.realpath(document.path)) for document in dataset.documents.values()
        }
        self.seen = {self._identity(relation.to_dict()) for relation in dataset.relations}
        self.staged: list[dict] = []  # the new actors of the draft being planned

    def _identity(self, relation: dict) -> tuple:
        ends = (relation["source"], relation["target"])
        relation_type = self.dataset.types.get(relation["type"])
        if relation_type is not None and relation_type.symmetric:
            ends = tuple(sorted(ends))
        return (*ends, relation["type"], normalize_text(relation["evidence"]), relation["document"])

    def plan(self, key: str, draft: Draft, article: ArticleProposals) -> None:
        # New actors are staged and kept only when the draft's relation is written.
        self.staged = []
        source = self.actor(article.actors[draft.source], draft)
        target = self.actor(article.actors[draft.target], draft)
        if source == target:
            self.additions.refused.append(
                (key, f"source and target are the same actor {source!r}: flip or reject it")
            )
            return
        type_name = draft.type
        declared = self.dataset.types.get(type_name)
        if declared is None and type_name not in self.additions.types:
            if draft.sign is None:
                self.additions.refused.append(
                    (
                        key,
                        f"the type {type_name!r} is not declared and the proposal gives no "
                        "sign: change the type to a declared one",
                    )
                )
                return
            self.additions.types[type_name] = {
                "sign": draft.sign,
                "description": "Declared by graph review: say when to use it.",
            }
            self.additions.notes.append(
                f"declared the relation type {type_name!r} with sign {draft.sign}"
            )
        elif declared is not None and draft.sign is not None and declared.sign != draft.sign:
            self.additions.notes.append(
                f"the type {type_name!r} has sign {declared.sign}, not the proposed {draft.sign}"
            )
        document = self.document(article)
        relation = {
            "source": source,
            "type": type_name,
            "target": target,
            "evidence": draft.evidence,
            "document": document,
        }
        if draft.hedged:
            relation["hedged"] = True
        identity = self._identity(relation)
        if identity in self.seen:
            self.additions.repeated.append(key)
            return
        self.seen.add(identity)
        self.commit_actors()
        self.additions.relations.append(relation)
        self.additions.written.append(key)

    def actor(self, proposed: ProposedActor, draft: Draft) -> str:
        """Return the dataset id of a proposed actor, staging it as new when need be."""
        if proposed.known and proposed.id in self.dataset.actors:
            return proposed.id
        index = self.dataset.index
        for name in (proposed.name, *proposed.mentions):
            found = index.get(name) or self.pending_names.get(name_key(name))
            if found is not None:
                return found
        for staged in self.staged:
            if name_key(staged["name"]) == name_key(proposed.name):
                return staged["id"]
        chosen = dict(draft.kinds).get(proposed.id)
        kind, exact = (chosen, True) if chosen else kind_choice(proposed.kind, self.dataset.kinds)
        actor_id = self.new_id(proposed)
        aliases, matched_by = [], []
        keys = {name_key(proposed.name)}
        for mention in proposed.mentions:
            folded = name_key(mention)
            bare = folded[4:] if folded.startswith("the ") else folded
            if folded in keys or bare in keys or not folded:
                continue
            keys.update((folded, bare))
            # "the troops" still finds this actor for the rest of the review, but is no alias.
            (aliases if _name_like(mention) else matched_by).append(mention)
        entry = {"id": actor_id, "name": proposed.name, "kind": kind, "aliases": aliases}
        entry["matched_by"] = matched_by
        if not exact:
            entry["note"] = f"kind {proposed.kind!r} is not declared: wrote {kind!r}"
        self.staged.append(entry)
        return actor_id

    def new_id(self, proposed: ProposedActor) -> str:
        base = fixed_id(proposed.id) or fixed_id(proposed.name) or "actor"
        staged_ids = {entry["id"] for entry in self.staged}
        candidate, number = base, 1
        while (
            candidate in self.taken_ids
            or candidate in staged_ids
            or self.dataset.index.get(candidate) is not None
            or candidate in self.pending_names
        ):
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    def commit_actors(self) -> None:
        for entry in self.staged:
            note = entry.pop("note", None)
            matched_by = entry.pop("matched_by", [])
            if note:
                self.additions.notes.append(f"actor {entry['id']!r}: {note}")
            self.additions.actors.append(entry)
            self.taken_ids.add(entry["id"])
            for name in (entry["id"], entry["name"], *entry["aliases"], *matched_by):
                self.pending_names.setdefault(name_key(name), entry["id"])
        self.staged = []

    def document(self, article: ArticleProposals) -> str:
        """Return the key of the article's document, declaring it when it is new."""
        real = Path(os.path.realpath(article.path))
        if real in self.documents:
            return self.documents[real]
        for key, document in self.dataset.documents.items():
            path = Path(os.path.realpath(document.path))
            if path == real or _same_text(path, article.text):
                self.documents[real] = key
                return key
        key = _unique(fixed_id(real.stem) or "article", self.document_keys)
        self.document_keys.add(key)
        if _inside(real, self.folder):
            path, copy_from = real.relative_to(self.folder).as_posix(), None
        else:
            folder = "documents/" if self.layout == "tables" else ""
            path = _free_name(self.folder, folder, real.name, self.document_files)
            copy_from = real
            self.additions.notes.append(f"copied the article {real.name} into the dataset: {path}")
        self.document_files.add(self.folder / path)
        self.additions.documents.append(NewDocument(key, path, copy_from))
        if len(self.dataset.documents) == 1 and self.additions.name_document is None:
            self.additions.name_document = next(iter(self.dataset.documents))
        self.documents[real] = key
        return key


def plan_additions(
    dataset: Dataset, accepted: list[tuple[str, Draft, ArticleProposals]], layout: str = "yaml"
) -> Additions:
    """Return what writing ``accepted`` (``(key, draft, article)`` each) adds to ``dataset``.

    ``layout`` is ``"yaml"`` or ``"tables"``: where a copied article goes
    (beside the YAML files, or in the tables' ``documents/`` folder).
    """
    planner = _Planner(dataset, layout)
    for key, draft, article in accepted:
        planner.plan(key, draft, article)
    return planner.additions


def _same_text(path: Path, text: str) -> bool:
    try:
        return path.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False


def _inside(path: Path, folder: Path) -> bool:
    return os.path.commonpath([path, folder]) == str(folder)


def _unique(base: str, taken: set[str]) -> str:
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _free_name(folder: Path, subfolder: str, name: str, taken: set[Path]) -> str:
    """Return ``subfolder + name`` (a number added before the suffix) that no file holds yet."""
    stem, suffix = os.path.splitext(name)
    candidate, number = name, 1
    while os.path.lexists(path := folder / subfolder / candidate) or path in taken:
        number += 1
        candidate = f"{stem}-{number}{suffix}"
    return subfolder + candidate


def _name_like(mention: str) -> bool:
    """Whether a mention reads as a name worth keeping as an alias.

    Extraction finds an actor by common nouns and pronouns too ("troops",
    "the force", "it"); as aliases they would make look-up match every
    article's troops, so only mentions with a capitalised word are kept.

    >>> [_name_like(m) for m in ("the troops", "it", "Downing Street", "the Kremlin", "ECFR")]
    [False, False, True, True, True]
    """
    return any(word[:1].isupper() for word in mention.split() if word.casefold() != "the")
