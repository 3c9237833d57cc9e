"""Propose relations: two actors named in one sentence, joined by a cue.

For each cue of the lexicon in a sentence (outside the actors' names):

* the **subject** is the nearest actor named before the cue in its clause, with
  the actors coordinated with it ("Britain and France are leading ...");
  a pronoun ("it said", "he argued") stands for the speaker of the sentence or
  the last actor named before;
* the **object** is the first actor named after the cue, with those
  coordinated with it ("aid for Romania and Poland");
* the **passive voice** ("X was criticised by Y") turns them round: Y is the source;
* coordinated subjects with no object ("X and Y agreed"), and "between X and
  Y", give a symmetric relation;
* after a speech verb ("Z said that Y must ..."), a verbal act (a demand, a
  threat) is the speaker's towards Y, and when the sentence states nothing
  else, the statement itself is a relation (category STATE, sign 0);
* the attribution at the end of a sentence (", officials said Tuesday") names
  who reports, not who acts, and is left out;
* a hedge before the cue ("could", "may", "reportedly", "is expected to")
  marks the proposal hedged and lowers its confidence;
* a title naming a country or body before a person ("French President
  Emmanuel Macron") proposes an affiliation (category AFFILIATE).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import BE_FORMS, load_lexicon

__all__ = ["Proposal", "propose_relations"]

PRONOUNS = {"it": "thing", "they": "any", "he": "person", "she": "person", "we": "any"}
_CLAUSE_BREAK = re.compile(r"[;:]|\s[–—-]\s|[“”\"]|\b(?:despite|although|though|whereas|but)\b")
_COORDINATION = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?", re.IGNORECASE)
RELATIVES = frozenset({"that", "which", "who"})
MOVES = frozenset({"AID", "MOBILIZE", "RETREAT"})
MODALS = frozenset({"would", "will", "could", "can", "may", "might", "should", "must", "shall"})
NEGATIONS = frozenset({"not", "never", "no", "t"})  # "t" of "didn't"
SPEECH = frozenset({"say", "tell", "announce", "declare", "argue", "assess", "confirm", "indicate"})
ATTRIBUTION = re.compile(
    r",[^,]*\b(?:said|says|say|reported|reports|told|according to|quoted|announced)\b"
    r"(?:[^,\w]+\w+){0,5}[^,\w]*$"
)


@dataclass
class Proposal:
    """A proposed relation between two mentions, before it is written out."""

    source: object  # Mention
    target: object
    category: str
    cue: tuple[int, int]
    cue_text: str
    confidence: float
    hedged: bool
    reason: str
    symmetric: bool = False
    source_span: tuple[int, int] = (0, 0)
    target_span: tuple[int, int] = (0, 0)
    lemma: str = ""


@dataclass
class _CueAt:
    first: int
    last: int
    category: str
    part: str
    lemma: str


def _find_cues(text, words, folded, first, last, taken, lexicon):
    cues = []
    gaps = {at: text[words[at - 1].end : words[at].start] for at in range(max(first, 1), last)}
    index = first
    while index < last:
        if taken[index]:
            index += 1
            continue
        found = None
        for length in range(min(lexicon.longest, last - index), 0, -1):
            if any(taken[index : index + length]):
                continue
            options = lexicon.cues_by_form.get(tuple(folded[index : index + length]))
            if options:
                found = (length, options)
                break
        if found is None:
            found = _gapped_cue(folded, index, last, taken, lexicon)
        if found is None or (index > 0 and gaps[index] in ("-", "‐")):
            # A word joined to the one before it is no verb: "so-called", "UN-brokered".
            index += 1
            continue
        length, options = found
        previous = folded[index - 1] if index > first else ""
        noun_context = previous in {"a", "an", "the", "its", "their", "his", "her", "of", "general"}
        wanted = "noun" if noun_context else "verb"
        chosen = next((cue for cue in options if cue.part == wanted), options[0])
        cues.append(_CueAt(index, index + length, chosen.category, chosen.part, chosen.lemma))
        index += length
    return cues


def _clause_breaks(sentence) -> list[int]:
    """Return the offsets where the sentence's clauses break.

    A quotation opened inside a clause ("would deploy the force “in a rear position in
    Kiev”") is part of it: neither of its marks is a break.
    """
    breaks, inside = [], False
    for found in _CLAUSE_BREAK.finditer(sentence.text):
        mark = found.group()
        if mark == "“":
            before = sentence.text[: found.start()].rstrip()
            inside = bool(before) and (before[-1].isalnum())
            if inside:
                continue
        elif mark == "”" and inside:
            inside = False
            continue
        breaks.append(sentence.start + found.start())
    return breaks


def _gapped_cue(folded, index, last, taken, lexicon):
    """Return (length, [cue]) of a phrase with a gap ("play a key role") at ``index``, or None."""
    for form, cue in lexicon.gapped.get(folded[index], ()):
        at = index
        for number, word in enumerate(form):
            if word == "*":
                continue
            if at < last and folded[at] == word:
                at += 1
            elif number and form[number - 1] == "*" and at + 1 < last and folded[at + 1] == word:
                at += 2  # the gap holds one word
            else:
                break
        else:
            if not any(taken[index:at]):
                return at - index, [cue]
    return None


def propose_relations(text, words, folded, sentence, word_range, mentions, previous, state=None):
    """Return the proposals of one sentence.

    ``word_range`` is the sentence's first and last word; ``mentions`` its outer
    mentions in order; ``previous`` the mentions of earlier sentences (for pronouns);
    ``state`` (a dict, if given) gets the sentence's ``speaker``.
    """
    lexicon = load_lexicon()
    first, last = word_range
    taken = [False] * len(words)
    for mention in mentions:
        for at in range(mention.first, mention.last):
            taken[at] = True
    cues = _find_cues(text, words, folded, first, last, taken, lexicon)
    proposals: list[Proposal] = []
    # Who reports: the attribution after the last comma, and "According to X, ...".
    tail = ATTRIBUTION.search(sentence.text)
    tail_start = sentence.start + tail.start() if tail else sentence.end
    head_end = sentence.start
    if sentence.text.lower().startswith("according to"):
        comma = sentence.text.find(",")
        head_end = sentence.start + comma if comma > 0 else sentence.start
    actors = [m for m in mentions if m.start < tail_start and m.start >= head_end]
    # A statement cue that is no verb of speech ("unveiled a plan", "described X as")
    # joins two actors as an event does.
    event_cues = [
        c
        for c in cues
        if (lexicon.categories[c.category].quad != "statement" or c.lemma not in SPEECH)
        and words[c.first].start < tail_start
    ]
    if tail is not None and not event_cues:
        actors = [m for m in mentions if m.start >= head_end]
        tail_start = sentence.end
        event_cues = []
    # "Leo Litra, visiting fellow at the European Council on Foreign Relations, argued":
    # the appositive gives the person's affiliation and takes no part in the clause.
    appositive_proposals = []
    for holder, (start, end) in _appositives(text, words, folded, first, last, actors):
        inside = [m for m in actors if start <= m.start and m.end <= end]
        for body in inside:
            if body.kind not in ("person", "country") and body.key != holder.key:
                appositive_proposals.append(
                    _proposal(
                        words, holder, body, "AFFILIATE", (body.first, body.last),
                        f"'{body.name}' named in the appositive of {holder.name}", 0.5,
                    )
                )  # fmt: skip
        actors = [m for m in actors if m not in inside]
        cues = [c for c in cues if not start <= words[c.first].start < end]
        event_cues = [c for c in event_cues if not start <= words[c.first].start < end]
    breaks = _clause_breaks(sentence)
    subject = _fronted_subject(text, folded, first, sentence, actors)
    if subject is not None:
        # "After hailing X, with the support of Y, Z joined ...": the fronted phrase is
        # a clause of its own.
        breaks.append(text.rfind(",", sentence.start, subject.start))
        breaks.sort()

    def clause_of(offset):
        start = max([b for b in breaks if b <= offset], default=sentence.start)
        end = min([b for b in breaks if b > offset], default=sentence.end)
        return start, end

    speaker = None
    speech_at = None
    speaker_span = None
    for cue in cues:
        if cue.lemma in SPEECH and words[cue.first].start < tail_start:
            before = [m for m in actors if m.end <= words[cue.first].start]
            if before:
                speaker, speech_at = before[-1], cue
            else:
                pronoun = _pronoun_before(words, folded, first, cue.first)
                if pronoun is not None:
                    speaker = _antecedent(pronoun, previous, actors, words[cue.first].start, folded)
                    speech_at = cue
                    speaker_span = (words[pronoun].start, words[pronoun].end)
            break
    if speaker is not None and state is not None:
        state["speaker"] = speaker

    order = 0
    done_clauses: dict[tuple[int, int], list] = {}
    for cue in event_cues:
        cue_start, cue_end = words[cue.first].start, words[cue.last - 1].end
        clause_start, clause_end = clause_of(cue_start)
        relative = any(
            folded[at] in RELATIVES for at in range(max(first, cue.first - 3), cue.first)
        )
        shared = None
        if (clause_start, clause_end) in done_clauses and not relative:
            # One relation a clause: the first cue that joins two actors, a verb of a
            # relative clause ("a plan that rejected X": the plan rejected X), and a verb
            # in a list sharing the clause's subject ("X committed to defending Y, ...,
            # and deploying troops": X deploys the troops).
            # Or after "and" and a modal: "X would not send troops and would deploy Y".
            modal = cue.first - 2 >= first and folded[cue.first - 1] in MODALS
            if cue.part != "verb" or not (folded[cue.first].endswith("ing") or modal):
                continue
            before_verb = cue.first - 2 if modal else cue.first - 1
            gap = text[words[before_verb].end : words[before_verb + 1].start]
            if not ("," in gap or folded[before_verb] == "and"):
                continue
            shared = done_clauses[(clause_start, clause_end)]
        before = [m for m in actors if clause_start <= m.start and m.end <= cue_start]
        # An agent of a reduced passive ("the taskforce announced by Macron will be led
        # by ...") is not the subject of a later verb.
        passive = _passive(folded, first, cue, lexicon)
        agents_before = _agents(text, folded, words, actors)
        before = [m for m in before if m not in agents_before]
        # The objects end where a second verb of the subject begins ("... and would deploy").
        object_end = next(
            (
                words[at].start
                for at in range(cue.last, last - 1)
                if words[at].start < clause_end and folded[at] == "and" and folded[at + 1] in MODALS
            ),
            clause_end,
        )
        after = [m for m in actors if m.start >= cue_end and m.end <= object_end]
        hedged = _hedged(folded, first, cue.first, lexicon)
        negated = any(folded[at] in NEGATIONS for at in range(max(first, cue.first - 3), cue.first))
        category = cue.category
        if negated and lexicon.categories[category].sign > 0:
            category = "REJECT"
        reason = []
        subjects, objects, extra_objects = [], [], []
        subject_span = None
        if passive:
            by = next(
                (at for at in range(cue.last, min(cue.last + 8, last)) if folded[at] == "by"), None
            )
            agents = [m for m in after if by is not None and m.start > words[by].start]
            if agents and before:
                subjects = _coordinated(text, actors, agents[0], backwards=False)
                objects = [before[-1]]
                reason.append(f"passive voice: '{_word_text(words, cue)}' ... by")
            elif before and after and category in MOVES:
                # "troops could be sent to Ukraine": what is sent goes to the place.
                to = next(
                    (at for at in range(cue.last, min(cue.last + 5, last)) if folded[at] == "to"),
                    None,
                )
                places = [m for m in after if to is not None and m.start > words[to].start]
                if places:
                    subjects, objects = [before[-1]], [places[0]]
                    reason.append(f"passive voice: '{_word_text(words, cue)}' ... to")
        else:
            if shared:
                subjects = shared
                reason.append("a verb of a list sharing the clause's subject")
            elif before:
                subjects = _coordinated(text, actors, before[-1], backwards=True)
            else:
                pronoun = _pronoun_before(words, folded, max(first, cue.first - 6), cue.first)
                stand_in = None
                if pronoun is not None:
                    stand_in = (
                        speaker
                        if speaker is not None
                        and speech_at is not None
                        and speech_at.first < cue.first
                        else _antecedent(pronoun, previous, actors, cue_start, folded)
                    )
                elif speaker is not None and speech_at is not None and speech_at.first < cue.first:
                    stand_in = speaker
                if stand_in is not None:
                    subjects = [stand_in]
                    if pronoun is not None:
                        subject_span = (words[pronoun].start, words[pronoun].end)
                        reason.append(f"'{words[pronoun].text}' read as {stand_in.name}")
            if after:
                # A name before a lower-case phrase ("a meeting of the U.N. Security Council"),
                # and before a description ("sending troops to Ukraine"), which is an object
                # of its own when it comes first and is not the subject's own ("its troops").
                # The object is before a relative clause: "unveiled a plan that rejected X".
                relative = next(
                    (
                        words[at].start
                        for at in range(after[0].last, last)
                        if folded[at] in ("that", "which", "who")
                    ),
                    None,
                )
                if relative is not None:
                    after = [m for m in after if m.start < relative]
                named = [m for m in after if m.how not in ("phrase", "anaphor")]
                described = [m for m in after if m.how == "anaphor"]
                primary = (named or after)[0]
                objects = _coordinated(text, actors, primary, backwards=False)
                if described and described[0].start < primary.start:
                    extra_objects = [described[0]]
        between = _between(text, folded, words, actors, cue, last)
        pairs = []
        if subjects and objects:
            verbal = lexicon.categories[category].quad.startswith("verbal")
            if (
                verbal
                and speaker is not None
                and speech_at is not None
                and speech_at.first < cue.first
                and subjects[0] is not speaker
                and not passive
                and subject_span is None
                and not (negated and category != cue.category)
            ):
                # (A refusal read from a negated act stays the subject's: "Z said Y would
                # not send troops" is Y's.)
                # "Z said that Y must ...": the demand is Z's, towards Y.
                pairs = [(speaker, subject, False) for subject in subjects]
                reason.append(f"said by {speaker.name}")
            else:
                pairs = [(s, o, False) for s in subjects[:3] for o in objects[:3]]
                pairs += [
                    (s, o, False)
                    for s in subjects[:1]
                    for o in extra_objects
                    if o.key != f"military:{s.key}"
                ]
        elif len(subjects) >= 2:
            pairs = [(subjects[0], other, True) for other in subjects[1:3]]
            reason.append("coordinated actors: symmetric")
        elif (
            subjects
            and speaker is not None
            and subjects[0] is not speaker
            and (speech_at is not None and speech_at.first < cue.first)
        ):
            pairs = [(speaker, subjects[0], False)]
            reason.append(f"said by {speaker.name}")
        if between is not None:
            pairs.append((between[0], between[1], True))
            reason.append("'between X and Y': symmetric")
        for source, target, symmetric in pairs:
            if source.key == target.key:
                continue
            confidence = 0.55
            confidence += 0.15 if cue.part == "verb" else 0.0
            confidence -= 0.1 * min(order, 2)
            confidence -= 0.2 if hedged else 0.0
            confidence -= 0.1 if subject_span is not None else 0.0
            why = [f"{cue.part} cue '{_word_text(words, cue)}' ({category})", *reason]
            if negated:
                why.append("negated")
            proposal = Proposal(
                source,
                target,
                category,
                (cue_start, cue_end),
                _word_text(words, cue),
                round(max(0.05, min(0.95, confidence)), 2),
                hedged,
                "; ".join(why),
                symmetric,
                subject_span if subject_span and source in subjects else source.name_span,
                target.name_span,
            )
            proposal.lemma = cue.lemma
            proposals.append(proposal)
        if shared is not None:
            pairs = [(a, b, c) for a, b, c in pairs if a in shared]
        if pairs:
            order += 1
            done_clauses.setdefault((clause_start, clause_end), subjects)
    if speaker is not None and speech_at is not None:
        # What the speaker says about the actors of the sentence: with nothing else
        # proposed, the first three after the verb; else, after "told X", X and the next.
        cue_end = words[speech_at.last - 1].end
        listeners = []
        told = speech_at.lemma == "tell" and any(m.first == speech_at.last for m in actors)
        alone = not proposals
        for mention in actors:
            if mention.start >= cue_end and mention.key not in {speaker.key, *listeners}:
                listeners.append(mention.key)
                # "X told Y Z will ...": about the one told and the subject of what is told.
                if alone or (told and len(listeners) <= 2):
                    proposals.append(
                        Proposal(
                            speaker,
                            mention,
                            "STATE",
                            (words[speech_at.first].start, cue_end),
                            _word_text(words, speech_at),
                            0.35,
                            _hedged(folded, first, speech_at.first, lexicon),
                            f"statement by {speaker.name} about {mention.name}"
                            + (f"; '{text[slice(*speaker_span)]}' read as {speaker.name}"
                               if speaker_span else ""),
                            False,
                            speaker_span or speaker.name_span,
                            mention.name_span,
                        )
                    )  # fmt: skip
                if len(listeners) == 3:
                    break
    proposals += _phrase_relations(text, words, folded, sentence, first, last, actors, lexicon)
    proposals += _two_sides(words, folded, first, last, cues, actors, previous)
    proposals += appositive_proposals
    proposals += _countries_of_officials(proposals)
    for mention in mentions:
        # A group's country is an affiliation when the article says whose it is
        # ("Ukraine's military") or it is a bloc's ("European fighter jets"), not for
        # "Israeli troops", one actor to PLOVER.
        if mention.start < tail_start and (mention.how != "group" or _possessive(text, mention)):
            proposals += _affiliations(mention)
    return proposals


FRONTING = frozenset({"during", "after", "before", "following", "at", "amid", "ahead"})
GATHERINGS = frozenset({"event", "initiative"})


ROLES = frozenset(
    """fellow professor analyst researcher adviser advisor expert scholar economist lecturer
    member founder editor correspondent head executive chair partner associate staff
    spokesman spokeswoman spokesperson director chief president minister secretary
    official officer commander ambassador envoy leader chairman chairwoman""".split()  # noqa: SIM905
)


def _countries_of_officials(proposals) -> list[Proposal]:
    """Return, for an official titled by a country ("US Secretary of State Marco Rubio")
    joined to another country, the same relation between the two countries: the official
    acts for the country."""
    found = []
    for proposal in proposals:
        if proposal.category in ("AFFILIATE", "STATE"):
            continue
        ends = (proposal.source, proposal.target)
        for at, official in enumerate(ends):
            country = official.affiliation
            other = ends[1 - at]
            if (
                official.kind != "person"
                or country is None
                or country.kind != "country"
                or other.kind != "country"
                or other.key == country.key
            ):
                continue
            source, target = (country, other) if at == 0 else (other, country)
            stand_in = Proposal(
                source,
                target,
                proposal.category,
                proposal.cue,
                proposal.cue_text,
                round(max(0.05, proposal.confidence - 0.1), 2),
                proposal.hedged,
                f"{proposal.reason}; {official.name} acts for {country.name}",
                proposal.symmetric,
                country.name_span if at == 0 else proposal.source_span,
                proposal.target_span if at == 0 else country.name_span,
            )
            stand_in.lemma = proposal.lemma
            found.append(stand_in)
    return found


def _appositives(text, words, folded, first, last, actors):
    """Yield (person, (start, end)) for each "PERSON, a ROLE at BODY," of the sentence."""
    for mention in actors:
        if mention.kind != "person" or mention.last >= last:
            continue
        if text[mention.end : words[mention.last].start].strip() != ",":
            continue
        close = text.find(",", words[mention.last].start, words[last - 1].end)
        if close < 0:
            continue
        inside = [at for at in range(mention.last, last) if words[at].start < close]
        if inside and any(folded[at] in ROLES for at in inside[:4]):
            yield mention, (words[inside[0]].start, close)


TWO_SIDES = frozenset({("two", "sides"), ("both", "sides"), ("two", "countries")})


def _two_sides(words, folded, first, last, cues, actors, previous):
    """Return "the two sides agreed": the last two countries named, symmetric."""
    for at in range(first, last - 1):
        if (folded[at], folded[at + 1]) not in TWO_SIDES:
            continue
        cue = next((c for c in cues if at + 2 <= c.first <= at + 5), None)
        if cue is None:
            continue
        countries = []
        for mention in reversed([*previous, *[m for m in actors if m.end <= words[at].start]]):
            if mention.kind == "country" and mention.key not in {c.key for c in countries}:
                countries.append(mention)
            if len(countries) == 2:
                one, other = countries[1], countries[0]
                proposal = _proposal(
                    words, one, other, cue.category, (cue.first, cue.last),
                    f"'{words[at].text} {words[at + 1].text}' read as {one.name} and"
                    f" {other.name}: symmetric", 0.4, cue.lemma, symmetric=True,
                )  # fmt: skip
                proposal.source_span = (words[at].start, words[at + 1].end)
                proposal.target_span = (words[at].start, words[at + 1].end)
                return [proposal]
    return []


def _fronted_subject(text, folded, first, sentence, actors):
    """Return the subject after a fronted phrase ("During a meeting ..., X said"), or None."""
    if folded[first] not in FRONTING:
        return None
    comma = text.find(",", sentence.start, sentence.end)
    return next(
        (
            m
            for m in actors
            if comma >= 0
            and m.start > comma
            and m.how not in ("phrase", "anaphor")
            and m.kind not in GATHERINGS
            and text[m.end : m.end + 1] != ","
        ),
        None,
    )


def _proposal(words, source, target, category, at, reason, confidence, lemma="", symmetric=False):
    first, last = at
    cue = (words[first].start, words[last - 1].end)
    proposal = Proposal(
        source,
        target,
        category,
        cue,
        " ".join(word.text for word in words[first:last]),
        confidence,
        False,
        reason,
        symmetric,
        source.name_span,
        target.name_span,
    )
    proposal.lemma = lemma
    return proposal


def _phrase_relations(text, words, folded, sentence, first, last, actors, lexicon):
    """Return the relations that a phrase states without a clause of its own.

    * "the plan announced by X": X -> the plan (a reduced passive);
    * "US-led talks", "a Saudi-backed coalition": the country -> the body;
    * "..., with the support of X" / "with participation from X and Y": X -> the
      clause's first actor;
    * "a meeting with X", "talks with X": X takes part in the meeting (CONSULT);
    * "During a meeting ..., X said": X takes part in the meeting (CONSULT).
    """
    found = []
    starting = {m.first: m for m in actors}

    def actor_at(index):
        while index < last and folded[index] in ("the", "a", "an"):
            index += 1
        return starting.get(index)

    def verb_cue(index, participle=False):
        for cue in lexicon.cues_by_form.get((folded[index],), ()):
            if cue.part == "verb" and (
                not participle
                or folded[index].endswith(("ed", "en"))
                or folded[index] in lexicon.past_participles
            ):
                return cue
        return None

    for mention in actors:
        after = mention.last
        if after >= last:
            continue
        gap = text[mention.end : words[after].start]
        cue = verb_cue(after, participle=True)
        if cue is None:
            pass
        elif gap in ("-", "‐"):
            # "US-led peace talks": the first actor of the next three words.
            target = next(
                (starting[at] for at in range(after + 1, min(after + 4, last)) if at in starting),
                None,
            )
            if target is not None and target.key != mention.key:
                found.append(
                    _proposal(
                        words, mention, target, cue.category, (after, after + 1),
                        f"'{words[after].text}' joined to {mention.name}: {mention.name}"
                        f" -> {target.name}", 0.6, cue.lemma,
                    )
                )  # fmt: skip
        elif gap.strip() == "" and after + 1 < last and folded[after + 1] == "by":
            agent = actor_at(after + 2)
            if agent is not None and agent.key != mention.key:
                found.append(
                    _proposal(
                        words, agent, mention, cue.category, (after, after + 1),
                        f"reduced passive: {mention.name} '{words[after].text}' by {agent.name}",
                        0.6, cue.lemma,
                    )
                )  # fmt: skip
        if (
            mention.kind in GATHERINGS
            and folded[after] == "with"
            and (partner := actor_at(after + 1)) is not None
            and partner.kind not in GATHERINGS
        ):
            for member in _listed(text, actors, partner)[:3]:
                found.append(
                    _proposal(
                        words, member, mention, "CONSULT", (after, after + 1),
                        f"'{mention.name} with {member.name}': {member.name} takes part",
                        0.5, "meet",
                    )
                )  # fmt: skip
    # "deploying European fighter jets to Poland": what is sent goes to the place.
    for index in range(first, last - 1):
        cue = verb_cue(index)
        if cue is None or cue.category not in MOVES:
            continue
        theme = next((m for m in actors if m.first > index), None)
        if theme is None or theme.first > index + 4 or theme.how not in ("group", "anaphor"):
            continue
        if theme.kind not in ("force", "group"):
            continue
        place = theme.last
        if place < last and folded[place] in ("to", "into"):
            target = actor_at(place + 1)
            if target is None and place + 2 < last:
                target = starting.get(place + 2)  # "to neighbouring Poland"
            if target is not None and target.key != theme.key:
                found.append(
                    _proposal(
                        words, theme, target, cue.category, (index, index + 1),
                        f"'{words[index].text} {theme.name} to {target.name}': sent to the place",
                        0.45, cue.lemma,
                    )
                )  # fmt: skip
    # "..., with the support of X": X -> the clause's first actor.
    for index in range(first + 1, last - 1):
        if folded[index - 1] != "with" and folded[index - 2 : index] != ["with", "the"]:
            continue
        cues = [c for c in lexicon.cues_by_form.get((folded[index],), ()) if c.part == "noun"]
        if not cues or folded[index + 1] not in ("of", "from", "by"):
            continue
        giver = actor_at(index + 2)
        if giver is None:
            continue
        agents = _agents(text, folded, words, actors)
        heads = [
            m
            for m in actors
            if m.start < words[index].start and m not in agents and m.key != giver.key
        ]
        if not heads:
            continue
        for member in _listed(text, actors, giver)[:3]:
            found.append(
                _proposal(
                    words, member, heads[0], cues[0].category, (index, index + 1),
                    f"'with the {words[index].text} of {member.name}': {member.name}"
                    f" -> {heads[0].name}", 0.5, cues[0].lemma,
                )
            )  # fmt: skip
    # "During a meeting ..., X said": X takes part in the meeting.
    subject = _fronted_subject(text, folded, first, sentence, actors)
    if subject is not None:
        comma = text.find(",", sentence.start, sentence.end)
        if subject is not None:
            for gathering in [m for m in actors if m.end <= comma and m.kind in GATHERINGS][:2]:
                found.append(
                    _proposal(
                        words, subject, gathering, "CONSULT", (first, first + 1),
                        f"'{words[first].text} {gathering.name}, {subject.name} ...':"
                        f" {subject.name} takes part", 0.45, "meet",
                    )
                )  # fmt: skip
                # "After talks with X, Y ...": Y met X.
                partner = actor_at(gathering.last + 1) if gathering.last < last else None
                if (
                    partner is not None
                    and folded[gathering.last] == "with"
                    and partner.kind not in GATHERINGS
                    and partner.end <= comma
                ):
                    for member in _listed(text, actors, partner)[:3]:
                        if member.key != subject.key:
                            found.append(
                                _proposal(
                                    words, subject, member, "CONSULT",
                                    (gathering.first, gathering.last),
                                    f"'{gathering.name} with {member.name}, {subject.name}"
                                    f" ...': {subject.name} meets {member.name}", 0.4, "meet",
                                )
                            )  # fmt: skip
    return found


def _agents(text, folded, words, actors) -> list:
    """Return the actors named after "by" (with those coordinated with them)."""
    found = []
    for mention in actors:
        if mention not in found and _after_by(folded, words, mention):
            found += _coordinated(text, actors, mention, backwards=False)
    return found


def _after_by(folded, words, mention) -> bool:
    at = mention.first - 1
    while at >= 0 and folded[at] in ("the", "a", "an"):
        at -= 1
    return at >= 0 and folded[at] == "by"


def _possessive(text, mention) -> bool:
    """A group whose country is said in the possessive, or is a bloc ("European jets")."""
    country = mention.affiliation
    if country is None:
        return False
    return text[country.end : country.end + 1] in ("'", "’") or country.kind == "bloc"


def _word_text(words, cue) -> str:
    return " ".join(word.text for word in words[cue.first : cue.last])


def _hedged(folded, first, cue_first, lexicon) -> bool:
    window = folded[max(first, cue_first - 5) : cue_first]
    for hedge in lexicon.hedges:
        size = len(hedge)
        if any(tuple(window[at : at + size]) == hedge for at in range(len(window) - size + 1)):
            return True
    return False


def _passive(folded, first, cue, lexicon) -> bool:
    if cue.part != "verb":
        return False
    form = folded[cue.first]
    if not (form.endswith(("ed", "en")) or form in lexicon.past_participles):
        return False
    window = folded[max(first, cue.first - 3) : cue.first]
    return any(word in BE_FORMS or word == "got" for word in window)


def _pronoun_before(words, folded, first, cue_first):
    for at in range(cue_first - 1, max(first, cue_first - 6) - 1, -1):
        if folded[at] in PRONOUNS:
            return at
    return None


def _antecedent(pronoun, previous, actors, before_offset, folded):
    """Return the last actor named before that suits the pronoun ("he": a person), or None."""
    wanted = PRONOUNS.get(folded[pronoun], "any")
    for mention in reversed([*previous, *[a for a in actors if a.end <= before_offset]]):
        if mention.how == "phrase":
            continue
        if (wanted == "person") != (mention.kind == "person") and wanted != "any":
            continue
        return mention
    return None


def _coordinated(text, actors, anchor, backwards):
    """Return ``anchor`` with the actors joined to it by "and" or commas, in text order."""
    group = [anchor]
    index = actors.index(anchor)
    step = -1 if backwards else 1
    at = index + step
    while 0 <= at < len(actors):
        left, right = (actors[at], group[0]) if backwards else (group[-1], actors[at])
        gap = text[left.end : right.start]
        if not _COORDINATION.fullmatch(gap):
            break
        if backwards:
            group.insert(0, actors[at])
        else:
            group.append(actors[at])
        at += step
    return group


def _listed(text, actors, anchor):
    """Return ``anchor`` and the actors after it in a list closed by "and" ("X, Y and Z")."""
    group = _coordinated(text, actors, anchor, backwards=False)
    while len(group) > 1 and " and " not in f" {text[group[-2].end : group[-1].start]} ":
        group.pop()
    return group


def _between(text, folded, words, actors, cue, last):
    """Return the two actors of "CUE between X and Y", if the sentence says so."""
    for at in range(cue.last, min(cue.last + 4, last)):
        if folded[at] == "between":
            after = [m for m in actors if m.start > words[at].start]
            if len(after) >= 2 and _COORDINATION.fullmatch(text[after[0].end : after[1].start]):
                return after[0], after[1]
    return None


def _affiliations(mention):
    found = []
    inner = mention.affiliation
    holder = mention
    while inner is not None:
        if inner.key != holder.key:
            found.append(
                Proposal(
                    holder,
                    inner,
                    "AFFILIATE",
                    inner.name_span,
                    text_of(inner),
                    0.5,
                    False,
                    f"'{inner.name}' named in the title of {holder.name}",
                    False,
                    holder.name_span,
                    inner.name_span,
                )
            )
        holder, inner = inner, inner.affiliation
    return found


def text_of(mention) -> str:
    return mention.name
