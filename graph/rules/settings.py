"""The dataset's settings: the ``settings`` mapping of ``relations.yaml`` (or the dataset table).

One setting so far, ``evidence_allowed``: the evidence states the dataset's
relations may have beyond ``verified`` (see :data:`graph.model.EVIDENCE_STATES`).
Hand-encoded data stays strict: without the setting, every relation must be
``verified``. An importer writes ``evidence_allowed: [verified, located,
asserted]`` (in the table layout, the row ``evidence_allowed`` with the
value ``verified|located|asserted``).
"""

from __future__ import annotations

from ..model import EVIDENCE_STATES
from ..problems import did_you_mean
from .checker import MISSING, Checker
from .context import Context

__all__ = ["SETTINGS", "check_settings"]

# The settings a dataset may give: name -> what it is, for messages.
SETTINGS = ("evidence_allowed",)


def check_settings(check: Checker, value, context: Context) -> None:
    """Note the dataset's settings in ``context`` (the evidence states allowed)."""
    if value is MISSING:
        return
    fields = check.fields(value, ("settings",), "settings", (), SETTINGS)
    if fields is None or "evidence_allowed" not in fields:
        return
    path = ("settings", "evidence_allowed")
    allowed = {"verified"}
    for text, at in check.string_list(fields["evidence_allowed"], path, "evidence_allowed"):
        if text in EVIDENCE_STATES:
            allowed.add(text)
        else:
            hint = next(iter(did_you_mean(text, EVIDENCE_STATES)), None)
            check.error(
                at,
                f"unknown evidence state {text!r} (choose from: {', '.join(EVIDENCE_STATES)})",
                hint,
            )
    context.evidence_allowed = tuple(state for state in EVIDENCE_STATES if state in allowed)
