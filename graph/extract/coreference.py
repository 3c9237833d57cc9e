"""Document-level coreference: which earlier actor a description of the article stands for.

News reports name an actor once and then refer back to it by a description;
these rules give such a mention the key of the actor it stands for (its text
and offsets are kept, so every quote stays verbatim):

* **a country's armed services** ("Ukraine's military", "Ukrainian soldiers",
  "Russian forces") are one actor a country; "the army", "the military", "its
  military" are the armed services of the last country named before (in this
  sentence or the three before it);
* **a deployment** ("troops", "the force", "the deployment", "any overseas
  deployment", "allied troops", "peacekeepers", "the mission"), when not
  introduced by "a"/"an" and not a predicate ("was a presence force"), or when
  it is the predicate of "it" ("it would be a presence force"), is
  the most talked-about force of the last fifteen sentences (most mentions so far,
  then the latest); the first such mention, with no force before it, is a force
  of its own;
* **a phrase inside a longer one** with the same head ("a virtual meeting", "the
  virtual coalition meeting") is the longer one's actor;
* **a lone body word** ("the coalition", "the alliance", "the taskforce") is the
  last actor named before whose name ends with that word (or is that word with
  its spaces removed: "task force"); failing that, the one capitalised body of
  the article holding the word ("the coalition" ... "Coalition of the Willing");
* **a government body named without its country** ("The Defense Ministry",
  "the Foreign Ministry") belongs to the last country named before it, in this
  sentence or the two before, proposed as its affiliation.

Limits: no pronoun is resolved here ("it", "they" and "he" are read by the
relation rules, as the last actor of their kind); a description is never
matched to an actor named after it; a force first named with "a"/"an" starts
a new actor, so "a multinational force" and "a reassurance force" stay two
actors when the article does not repeat one of them; "the army" of an article
that names no country stays an actor of its own.
"""

from __future__ import annotations

from ..names import name_key

__all__ = ["ARMED", "COMPOUNDS", "DEPLOYMENT", "IDIOMS", "resolve"]

# Phrases that name troops without a body word.
IDIOMS = {("boots", "on", "the", "ground"): "force"}
# Two-word phrases that name a force with no body word ("air support"), an actor of their own.
COMPOUNDS = {
    (first, second): "force"
    for first in ("air", "naval", "ground")
    for second in ("support", "cover", "defense", "defence", "power")
}
ARMED = frozenset({"army", "military", "soldiers", "troops", "forces", "armed forces"})
DEPLOYMENT = frozenset(
    {"force", "forces", "troops", "deployment", "peacekeepers", "mission", "contingent"}
)
DEFINITE = frozenset({"the", "this", "that", "these", "those", "any", "its", "their"})
POSSESSIVE = frozenset({"its", "their"})
INDEFINITE = frozenset({"a", "an"})
PREDICATE = frozenset({"be", "is", "are", "was", "were", "been", "being", "as", "become"})
GOVERNMENT = frozenset(
    {"ministry", "army", "navy", "air force", "government", "cabinet", "parliament", "police"}
)
COUNTRY_HOWS = ("gazetteer", "demonym")
WINDOW = 15  # sentences a deployment looks back


def _head(mention) -> str:
    words = name_key(mention.name).split()
    if tuple(words) in IDIOMS:
        return "troops"  # "boots on the ground"
    return words[-1] if words else ""


def resolve(text, words, folded, sentence_of, mentions, gazetteer) -> None:
    """Re-key the mentions that stand for an earlier actor (``mentions`` sorted by offset)."""
    _same_phrases(mentions)
    countries = []  # (sentence, mention) of each country named, in order
    forces: dict[str, list[int]] = {}  # key -> sentences of its mentions so far
    seen = []  # every mention before the current one
    for mention in mentions:
        sentence = sentence_of[mention.first]
        before = folded[mention.first - 1] if mention.first > 0 else ""
        if mention.first > 0 and sentence_of[mention.first - 1] != sentence:
            before = ""
        head = _head(mention)
        if mention.how == "group" and head in ARMED and mention.affiliation is not None:
            mention.key = f"military:{mention.affiliation.key}"
        elif mention.how == "phrase":
            _phrase(mention, head, before, sentence, folded, countries, forces, seen)
        elif mention.how == "organisation" and mention.affiliation is None:
            _government_body(mention, gazetteer, sentence, countries)
        if mention.how in COUNTRY_HOWS and mention.kind == "country":
            countries.append((sentence, mention))
        elif mention.how == "group" and mention.affiliation is not None:
            countries.append((sentence, mention.affiliation))
        if head in DEPLOYMENT and mention.how != "group" and not mention.inner:
            predicate = mention.how == "phrase" and _predicate(folded, mention)
            if not predicate:
                forces.setdefault(mention.key, []).append(sentence)
        seen.append(mention)


def _same_phrases(mentions) -> None:
    """A phrase whose words are all in a longer phrase with the same head names its actor."""
    phrases = [m for m in mentions if m.how == "phrase" and " " in m.name]
    for mention in phrases:
        words = name_key(mention.name).split()
        longer = [
            other
            for other in phrases
            if len(other.name) > len(mention.name)
            and name_key(other.name).split()[-1] == words[-1]
            and set(words) <= set(name_key(other.name).split())
        ]
        if longer:
            mention.key = max(longer, key=lambda m: (len(m.name), m.key)).key


def _predicate(folded, mention) -> bool:
    at = mention.first - 1
    while at >= 0 and folded[at] in INDEFINITE | {"so", "called"}:
        at -= 1
    return at >= 0 and at < mention.first - 1 and folded[at] in PREDICATE


def _predicate_of_it(folded, mention) -> bool:
    at = mention.first - 1
    while at >= 0 and folded[at] not in PREDICATE:
        at -= 1
    return any(folded[w] in ("it", "this") for w in range(max(0, at - 3), at))


def _phrase(mention, head, before, sentence, folded, countries, forces, seen) -> None:
    lone = " " not in mention.name
    if lone and head in ARMED and (before in DEFINITE):
        recent = [c for s, c in countries if s >= sentence - 3]
        if recent:
            mention.key = f"military:{recent[-1].key}"
            mention.how = "anaphor"
            return
    predicate = _predicate(folded, mention)
    # "it would be a presence force": the predicate names what "it" is, the force.
    said_of_it = predicate and _predicate_of_it(folded, mention)
    if head in DEPLOYMENT and (said_of_it or (before not in INDEFINITE and not predicate)):
        window = {
            key: [s for s in found if s >= sentence - WINDOW] for key, found in forces.items()
        }
        window = {key: found for key, found in window.items() if found}
        if window:
            key = max(window, key=lambda k: (len(forces[k]), max(window[k]), k))
            mention.key = key
            mention.how = "anaphor"
            return
    if lone and before in DEFINITE:
        squashed = name_key(mention.name).replace(" ", "")
        for earlier in reversed(seen):
            if earlier.how in COUNTRY_HOWS or earlier.inner:
                continue
            name = name_key(earlier.name)
            if _head(earlier) == head or name.replace(" ", "") == squashed:
                if earlier.key != mention.key:
                    mention.key = earlier.key
                    mention.how = "anaphor"
                return


def _government_body(mention, gazetteer, sentence, countries) -> None:
    words = name_key(mention.name).split()
    if not words or words[-1] not in GOVERNMENT:
        return
    if any(word not in gazetteer.words for word in words):
        return  # a body with a name of its own ("Ministry of Truth" is not generic)
    recent = [c for s, c in countries if s >= sentence - 2 and c.end <= mention.start]
    if recent:
        mention.affiliation = recent[-1].as_inner()
