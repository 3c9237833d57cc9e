"""Quotations and who said them: a speaker's statement about each actor the quotation names.

A quotation runs from an opening quote mark to its closing one, across
sentences if need be. Its speaker is named next to it:

* after it: ``“...,” he said``, ``“...,” Macron said``, ``“...,” said the minister``;
* before it: ``He said, “...”``, ``Macron told reporters: “...”``.

A pronoun speaker ("he", "she") is the last person named before the
quotation (a person whose name the article also writes in lower case is
not one: see :mod:`graph.extract.actors`). The speaker states something
about each of the first three actors named inside the quotation: a STATE
proposal (sign 0), its evidence the quotation with its attribution, verbatim.
"""

from __future__ import annotations

import re

__all__ = ["Quoted", "quoted_statements"]

_SPEECH = (
    r"(?:said|says|say|added|adds|told|tells|argued|argues|warned|insisted|explained|noted|wrote)"
)
_NAME = r"(?:[Hh]e|[Ss]he|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})"
_AFTER = re.compile(
    rf"\s*,?\s*(?P<who>{_NAME})\s+(?P<verb>{_SPEECH})\b|\s*,?\s*(?P<verb2>{_SPEECH})\s+(?P<who2>{_NAME})\b"
)
_BEFORE = re.compile(rf"(?P<who>{_NAME})\s+(?P<verb>{_SPEECH})\b[^“”\"]{{0,40}}?[,:]\s*$")
_PAIRS = (("“", "”"), ('"', '"'))
LIMIT = 3


class Quoted:
    """A speaker's statement about an actor named in a quotation."""

    def __init__(self, speaker, speaker_span, target, cue, evidence, reason):
        self.speaker = speaker
        self.speaker_span = speaker_span
        self.target = target
        self.cue = cue
        self.evidence = evidence
        self.reason = reason


def _quotations(text):
    """Yield (start, end) of each quotation: its opening mark (or, for a closing mark with
    no opening one, its sentence's first character) and its closing mark."""
    found = set()
    for opening, closing in _PAIRS:
        at = 0
        while True:
            start = text.find(opening, at)
            if start < 0:
                break
            end = text.find(closing, start + 1)
            if end < 0:
                break
            found.add((start, end))
            at = end + 1
    ends = {end for _, end in found}
    for mark in re.finditer("”", text):
        if mark.start() not in ends:
            stop = text.rfind(". ", 0, mark.start())
            start = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, mark.start()) + 1)
            found.add((start, mark.start()))
    return sorted(found)


def _attribution(text, start, end):
    """Return ((who), (verb), edge) of the attribution next to a quotation, or None."""
    after = _AFTER.match(text, end + 1)
    if after is not None:
        who = "who" if after.group("who") else "who2"
        verb = "verb" if after.group("verb") else "verb2"
        return after.span(who), after.span(verb), end + 1 + len(after.group(0))
    line_start = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, 0)
    before = _BEFORE.search(text, line_start, start)
    if before is not None:
        return before.span("who"), before.span("verb"), before.start()
    return None


def quoted_statements(text, mentions) -> list[Quoted]:
    """Return the statements of the quotations of ``text`` (``mentions`` in text order)."""
    found = []
    quotations = _quotations(text)
    attributions = [_attribution(text, start, end) for start, end in quotations]
    for number, (start, end) in enumerate(quotations):
        attribution = attributions[number]
        following = number + 1
        if (
            attribution is None
            and following < len(quotations)
            and attributions[following] is not None
            and not text[end + 1 : quotations[following][0]].strip()
        ):
            # A quotation running on into the next paragraph is attributed once, at its end.
            attribution = attributions[following]
        if attribution is None:
            continue
        (who_start, who_end), cue, edge = attribution
        speaker = next((m for m in mentions if m.start < who_end and who_start < m.end), None)
        speaker_span = None
        if speaker is None and text[who_start:who_end].lower() in ("he", "she"):
            opening = min(start, edge)
            speaker = next(
                (m for m in reversed(mentions) if m.end <= opening and m.kind == "person"), None
            )
            speaker_span = (who_start, who_end)
        if speaker is None:
            continue
        evidence = (min(start, edge), max(end + 1, edge))
        named = []
        for mention in mentions:
            inside = start < mention.start and mention.end <= end
            if inside and mention.key not in {speaker.key, *(m.key for m in named)}:
                named.append(mention)
        for target in named[:LIMIT]:
            found.append(
                Quoted(
                    speaker,
                    speaker_span or speaker.name_span,
                    target,
                    cue,
                    evidence,
                    f"quoted by {speaker.name}"
                    + (f" ('{text[who_start:who_end]}')" if speaker_span else ""),
                )
            )
    return found
