"""What the analyst decides about one proposal: accept or reject it, after changing it.

A :class:`Draft` is the relation as it will be written: a proposal's source,
type, target, sign and quote, which the analyst may flip, retype, resign or
requote before accepting. Every change is checked here, so the terminal loop
only asks and shows: a quote must still be verbatim in the article, a sign
must be one the type can carry.

>>> from graph.review.proposals import ProposedRelation
>>> proposal = ProposedRelation(0, 0, "uk", "leads", "force", "Britain leads the force", 1)
>>> draft = Draft.of(proposal)
>>> flip(draft).source, flip(draft).target
('force', 'uk')
>>> edit_quote(draft, "BRITAIN leads", "Britain leads the force.").evidence
'BRITAIN leads'
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..evidence import normalize_text
from ..problems import GraphError
from ..rules.evidence import hedge_word
from .proposals import ProposedRelation

__all__ = [
    "DECISIONS",
    "Draft",
    "ReviewError",
    "change_sign",
    "change_type",
    "edit_quote",
    "flip",
    "toggle_hedged",
    "types_with_sign",
]

# What a proposal may end as, in the review's state.
DECISIONS = ("accepted", "rejected")


class ReviewError(GraphError):
    """A change or a write the review refuses; the message says why and what to do."""


@dataclass(frozen=True)
class Draft:
    """The relation a proposal becomes: what the analyst accepts, with the changes made."""

    source: str
    type: str
    target: str
    evidence: str
    sign: int | None
    # The kind chosen for a new actor whose proposed kind the dataset does not declare.
    kinds: tuple[tuple[str, str], ...] = ()
    # Written as hedged: the extractor saw a hedge, or the quote holds a word validate
    # would warn about ("could", "reportedly"): the analyst unmarks what is stated as fact.
    hedged: bool = False

    @classmethod
    def of(cls, proposal: ProposedRelation) -> Draft:
        """Return the draft of a proposal as the extractor made it."""
        fields = (proposal.source, proposal.type, proposal.target, proposal.evidence)
        hedged = proposal.hedged or hedge_word(proposal.evidence) is not None
        return cls(*fields, proposal.sign, hedged=hedged)

    def to_dict(self) -> dict:
        data = dataclasses.asdict(self)
        data["kinds"] = dict(self.kinds)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Draft:
        return cls(
            data["source"],
            data["type"],
            data["target"],
            data["evidence"],
            data.get("sign"),
            tuple(sorted((data.get("kinds") or {}).items())),
            bool(data.get("hedged", False)),
        )

    def with_kind(self, actor_id: str, kind: str) -> Draft:
        """Return the draft with ``kind`` chosen for the new actor ``actor_id``."""
        kinds = dict(self.kinds)
        kinds[actor_id] = kind
        return dataclasses.replace(self, kinds=tuple(sorted(kinds.items())))


def toggle_hedged(draft: Draft) -> Draft:
    """Return the draft marked hedged if it was not, and stated as fact if it was."""
    return dataclasses.replace(draft, hedged=not draft.hedged)


def flip(draft: Draft) -> Draft:
    """Return the draft with source and target swapped."""
    return dataclasses.replace(draft, source=draft.target, target=draft.source)


def change_type(draft: Draft, type_name: str, types: dict) -> Draft:
    """Return the draft with ``type_name``; its sign becomes the type's when ``types`` declares it.

    A type the dataset does not declare keeps the draft's sign and is declared
    when the draft is written.
    """
    type_name = type_name.strip()
    if not type_name or any(not char.isprintable() for char in type_name):
        raise ReviewError("a relation type needs a name of printable characters")
    declared = types.get(type_name)
    sign = declared.sign if declared is not None else draft.sign
    return dataclasses.replace(draft, type=type_name, sign=sign)


def types_with_sign(types: dict, sign: int) -> list[str]:
    """Return the declared types of ``sign``, in the file's order."""
    return [name for name, relation_type in types.items() if relation_type.sign == sign]


def change_sign(draft: Draft, sign: int, types: dict, type_name: str | None = None) -> Draft:
    """Return the draft with ``sign``.

    A type the dataset declares has its own sign: a new sign needs a type
    that carries it (``type_name``, one of :func:`types_with_sign`), else
    :class:`ReviewError` lists them. An undeclared type takes the sign.
    """
    if sign not in (1, 0, -1):
        raise ReviewError(f"a sign is 1, 0 or -1, not {sign!r}")
    declared = types.get(draft.type)
    if declared is None and type_name is None:
        return dataclasses.replace(draft, sign=sign)
    if declared is not None and declared.sign == sign and type_name is None:
        return draft
    choices = types_with_sign(types, sign)
    if type_name is None or type_name not in choices:
        listed = ", ".join(choices) or "none"
        raise ReviewError(
            f"the type {draft.type!r} has sign {declared.sign if declared else draft.sign}: "
            f"choose a type of sign {sign} ({listed})"
        )
    return dataclasses.replace(draft, type=type_name, sign=sign)


def edit_quote(draft: Draft, quote: str, article: str) -> Draft:
    """Return the draft with ``quote`` as its evidence, if it is verbatim in ``article``.

    Quotes are compared as the loader compares them (case, whitespace and
    typographic quotes folded); anything else raises :class:`ReviewError`
    saying where the quote stops matching.
    """
    needle = normalize_text(quote)
    if not needle:
        raise ReviewError("the quote is empty: type the article's words that state the relation")
    folded = normalize_text(article)
    if needle not in folded:
        raise ReviewError(f"the quote is not in the article{_astray(needle, folded)}: not changed")
    hedged = draft.hedged or hedge_word(quote) is not None
    return dataclasses.replace(draft, evidence=quote.strip(), hedged=hedged)


def _astray(needle: str, folded: str) -> str:
    """Return where ``needle`` stops matching ``folded`` (the longest prefix found), or ''."""
    low, high = 0, len(needle)
    while low < high:
        middle = (low + high + 1) // 2
        if needle[:middle] in folded:
            low = middle
        else:
            high = middle - 1
    if low < 8:
        return ""
    return f" (it matches up to {needle[max(0, low - 30) : low]!r}, then differs)"
