"""The review's state, kept beside the proposals, so a review stopped halfway resumes.

``PROPOSALS.review.json`` records, for each proposal decided, whether it was
accepted (with the relation as written) or rejected. Decisions are keyed by
what a proposal says (its article, source, type, target and quote), not by
its place in the file: proposals extracted again resume where they stopped,
and a proposal changed since is simply undecided. The state also names the
dataset the review writes into, so a resume cannot write elsewhere by
mistake. It is written atomically after every decision.

>>> import pathlib, tempfile
>>> proposals = pathlib.Path(tempfile.mkdtemp()) / "p.json"
>>> state_path(proposals).name
'p.json.review.json'
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..files import write_atomically
from .decisions import DECISIONS, Draft, ReviewError
from .proposals import ArticleProposals, ProposedRelation

__all__ = ["ReviewSession", "proposal_keys", "state_path"]

STATE_VERSION = 1


def state_path(proposals: str | os.PathLike) -> Path:
    """Return where the review of ``proposals`` keeps its state."""
    proposals = Path(proposals)
    return proposals.with_name(proposals.name + ".review.json")


def proposal_keys(articles: list[ArticleProposals]) -> list[tuple[str, ProposedRelation]]:
    """Return ``(key, proposal)`` for every proposal, in file order; equal proposals get -2, -3."""
    keys = []
    seen: dict[str, int] = {}
    for article in articles:
        for relation in article.relations:
            what = [article.path.name, relation.source, relation.type, relation.target]
            what.append(relation.evidence)
            digest = hashlib.sha256(json.dumps(what).encode("utf-8")).hexdigest()[:16]
            seen[digest] = seen.get(digest, 0) + 1
            keys.append((digest if seen[digest] == 1 else f"{digest}-{seen[digest]}", relation))
    return keys


@dataclass
class ReviewSession:
    """The decisions made so far on one proposals file, and the dataset they go to."""

    path: Path
    data: str
    decisions: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def open(
        cls,
        proposals: str | os.PathLike,
        data: str | os.PathLike,
        state: str | os.PathLike | None = None,
    ) -> ReviewSession:
        """Return the session of ``proposals`` (a new one when there is no state yet).

        The state is kept in ``state``, by default :func:`state_path`. Raises
        :class:`ReviewError` when the state is unreadable or was started on
        another dataset.
        """
        path = Path(state) if state is not None else state_path(proposals)
        folder = str(Path(data).resolve())
        if not path.exists():
            return cls(path, folder)
        try:
            state = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ReviewError(
                f"cannot read the review state {path}: {error}; remove it to start again"
            ) from None
        if not isinstance(state, dict) or state.get("version") != STATE_VERSION:
            raise ReviewError(f"{path} is not a review state this version reads: remove it")
        if state.get("data") != folder:
            raise ReviewError(
                f"this review writes into {state.get('data')} (see {path}), not {folder}: "
                "name that dataset with --data, or remove the state to start again"
            )
        decisions = state.get("decisions")
        if not isinstance(decisions, dict):
            raise ReviewError(f"{path} has no decisions: remove it to start again")
        return cls(path, folder, decisions)

    def decision(self, key: str) -> str | None:
        """Return 'accepted', 'rejected' or None (undecided)."""
        entry = self.decisions.get(key)
        return entry.get("decision") if isinstance(entry, dict) else None

    def record(self, key: str, decision: str, draft: Draft | None = None) -> None:
        """Record a decision (with the relation written, for an accepted one) and save."""
        if decision not in DECISIONS:
            raise ValueError(decision)
        entry: dict = {"decision": decision}
        if draft is not None:
            entry["written"] = draft.to_dict()
        self.decisions[key] = entry
        self.save()

    def record_many(self, entries: list[tuple[str, str, Draft | None]]) -> None:
        """Record several decisions at once and save once."""
        for key, decision, draft in entries:
            entry: dict = {"decision": decision}
            if draft is not None:
                entry["written"] = draft.to_dict()
            self.decisions[key] = entry
        self.save()

    def save(self) -> None:
        state = {"version": STATE_VERSION, "data": self.data, "decisions": self.decisions}
        text = json.dumps(state, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
        write_atomically(self.path, text)

    def counts(self, keys: list[str]) -> dict[str, int]:
        """Return how many of ``keys`` are accepted, rejected and undecided."""
        counts = {"accepted": 0, "rejected": 0, "undecided": 0}
        for key in keys:
            counts[self.decision(key) or "undecided"] += 1
        return counts
