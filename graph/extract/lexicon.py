"""The cue lexicon: the words that state a relation, their category and sign, and hedges.

The lexicon is data (``cues.tsv``, ``categories.tsv``, ``hedges.tsv`` beside
this module), written from the PLOVER manual's category definitions and the
CAMEO event descriptions, never from the gold records it is measured on.

>>> lexicon = load_lexicon()
>>> lexicon.categories["DISAPPROVE"].sign
-1
>>> sorted(cue.category for cue in lexicon.cues_by_form[("criticised",)])
['DISAPPROVE']
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Category", "Cue", "Lexicon", "load_lexicon", "verb_forms"]

HERE = Path(__file__).resolve().parent
BE_FORMS = ("be", "is", "are", "was", "were", "been", "being")


@dataclass(frozen=True, slots=True)
class Category:
    """A relation category: its name, sign (1, 0, -1), quad class and description."""

    name: str
    sign: int
    quad: str
    description: str


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue: its base form, part of speech (verb or noun) and category."""

    lemma: str
    part: str
    category: str
    words: int  # how many words the cue spans


@dataclass
class Lexicon:
    """Categories, cues keyed by the lower-case words of each of their forms, and hedges."""

    categories: dict[str, Category]
    cues_by_form: dict[tuple[str, ...], list[Cue]] = field(default_factory=dict)
    hedges: tuple[tuple[str, ...], ...] = ()
    longest: int = 1
    past_participles: frozenset[str] = frozenset()
    # Phrases with a gap ("play a * role"): first word -> (words, cue); "*" is one word or none.
    gapped: dict[str, list[tuple[tuple[str, ...], Cue]]] = field(default_factory=dict)


def _rows(name: str):
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def verb_forms(lemma: str) -> list[str]:
    """Return the regular forms of a verb: base, -s, -ed, -ing (a few spellings of each).

    >>> verb_forms("criticize")
    ['criticize', 'criticizes', 'criticized', 'criticizing']
    >>> verb_forms("deny")
    ['deny', 'denies', 'denied', 'denying']
    >>> verb_forms("stop")
    ['stop', 'stops', 'stoped', 'stoping', 'stopped', 'stopping']
    """
    if lemma in BE_FORMS:
        return list(BE_FORMS)
    forms = [lemma]
    if lemma.endswith("e"):
        forms += [lemma + "s", lemma + "d", lemma[:-1] + "ing"]
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms += [lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms += [lemma + "es", lemma + "ed", lemma + "ing"]
    else:
        forms += [lemma + "s", lemma + "ed", lemma + "ing"]
        last = lemma[-1]
        # stop -> stopped; both spellings are kept, as the wrong one never occurs.
        if (
            len(lemma) > 2
            and last not in "aeiouwxy"
            and lemma[-2] in "aeiou"
            and (lemma[-3] not in "aeiou")
        ):
            forms += [lemma + last + "ed", lemma + last + "ing"]
    return forms


@functools.cache
def load_lexicon() -> Lexicon:
    """Return the shipped lexicon (read once)."""
    categories = {
        name: Category(name, int(sign), quad, description)
        for name, sign, quad, description in _rows("categories.tsv")
    }
    lexicon = Lexicon(categories)
    participles = set()
    for spelled, part, category in _rows("cues.tsv"):
        if category not in categories:
            raise ValueError(f"cues.tsv: unknown category {category!r}")
        base, *irregular = spelled.split("|")
        first, *rest = base.split()
        cue = Cue(base, part, category, len(base.split()))
        if part == "verb":
            heads = verb_forms(first)
            participles.update(heads[2::2] if len(heads) > 2 else ())
            forms = [(head, *rest) for head in heads]
        else:
            forms = [(first, *rest)]
            if not rest:
                forms.append((first + "s",) if not first.endswith("s") else (first,))
            else:
                forms.append((first, *rest[:-1], rest[-1] + "s"))
        for other in irregular:
            forms.append(tuple(other.split()))
            participles.add(other.split()[0])
        if "*" in rest:
            for form in forms:
                lexicon.gapped.setdefault(form[0], []).append((form, cue))
            continue
        for form in forms:
            options = lexicon.cues_by_form.setdefault(form, [])
            if cue not in options:
                options.append(cue)
                lexicon.longest = max(lexicon.longest, len(form))
    lexicon.hedges = tuple(tuple(line[0].split()) for line in _rows("hedges.tsv"))
    lexicon.past_participles = frozenset(participles)
    return lexicon
