"""The report of an import: what was read, what was made, and what did not map, with why."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

__all__ = ["ImportReport"]


@dataclass
class ImportReport:
    """Counts of one import; ``skipped`` and ``disagreements`` by reason, an example each."""

    format: str
    rows_read: int = 0
    relations_made: int = 0
    actors: int = 0
    types: int = 0
    documents: int = 0
    states: dict[str, int] = field(default_factory=dict)
    skipped: Counter = field(default_factory=Counter)
    disagreements: Counter = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)
    output: str = ""

    def skip(self, reason: str, where: str, count: int = 1) -> None:
        """Count rows that made no relation (``where``: the first one skipped for the reason)."""
        self.skipped[reason] += count
        self.examples.setdefault(reason, where)

    def disagree(self, reason: str, where: str, count: int = 1) -> None:
        """Count rows whose own score disagrees with the sign of the type they map to."""
        self.disagreements[reason] += count
        self.examples.setdefault(reason, where)

    def to_dict(self) -> dict:
        """Return the report as JSON-ready data (reasons sorted by count, then name)."""

        def ordered(counter: Counter) -> dict:
            return dict(sorted(counter.items(), key=lambda item: (-item[1], item[0])))

        return {
            "format": self.format,
            "output": self.output,
            "rows_read": self.rows_read,
            "relations_made": self.relations_made,
            "actors": self.actors,
            "types": self.types,
            "documents": self.documents,
            "evidence_states": dict(sorted(self.states.items())),
            "rows_skipped": sum(self.skipped.values()),
            "skipped": ordered(self.skipped),
            "sign_disagreements": ordered(self.disagreements),
            "examples": dict(sorted(self.examples.items())),
        }
