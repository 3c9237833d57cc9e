"""Find the actors an article names: the mentions, grouped into proposed actors.

Mentions are found, in this order of precedence, as

* the dataset's actors, by name or alias (when a dataset is given), matched on
  whole folded words (:func:`graph.names.name_key`), names in capitals (``US``)
  only as written;
* countries, capitals and demonyms (:mod:`graph.extract.gazetteer`);
* runs of capitalised words: a title with a name ("Defense Secretary John
  Healey", "French President Emmanuel Macron": a person, with the country or
  body before the title kept as the person's affiliation), a body ("Ministry of
  Defence", "European Council on Foreign Relations", "Arab League"), with its
  acronym in brackets ("Revolutionary United Front (RUF)"), or a name;
* a country word followed by a group ("Israeli army", "Sudan's government",
  "Palestinian officials");
* a lower-case phrase headed by a body word ("a reassurance force", "the
  coalition", "peace talks").

A later surname ("Macron") is the person named in full; a lone body word ("the
coalition") is the one capitalised body holding it, when there is one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..coverage.finding import STOP_WORDS as NAME_STOP_WORDS
from ..coverage.text import Word
from ..names import name_key
from .coreference import COMPOUNDS, IDIOMS, resolve
from .gazetteer import country_kind, folded_words, load_gazetteer

__all__ = ["Actor", "Mention", "find_actors"]

# Coverage's words that start a sentence or sit in a phrase without naming
# anything, and the adverbs and time words a relation's clause adds.
STOP_WORDS = NAME_STOP_WORDS | frozenset(
    """later earlier separately instead up down out off to of near across around only more less
    very much well already now today yesterday tonight week month year years""".split()  # noqa: SIM905
)
CONNECTORS = frozenset("of for on the de del della der di da du von van den al el bin ibn".split())  # noqa: SIM905
DETERMINERS = frozenset("the a an this that these those its their his her our".split())  # noqa: SIM905
MEMBERS = frozenset("members member leaders partners allies countries states".split())  # noqa: SIM905
_RUN_GAP = re.compile(r"(?:\.?[ \t\u00a0]+|[-‐–])")
_PHRASE_GAP = re.compile(r"[ \t\u00a0]+|[-‐]")
_POSSESSIVE_GAP = re.compile(r"['’]s?[ \t]+")


@dataclass
class Mention:
    """A stretch of the article naming an actor.

    ``start``/``end`` are the whole mention's offsets ("French President
    Emmanuel Macron"); ``name_span`` the part that is the actor's name;
    ``affiliation`` the key, span and kind of a country or body named before a
    title ("French" -> France), if any.
    """

    start: int
    end: int
    first: int  # index of the first word
    last: int  # index after the last word
    name: str
    kind: str
    how: str
    key: str = ""
    known: str | None = None
    name_span: tuple[int, int] = (0, 0)
    affiliation: Mention | None = None
    inner: bool = False  # part of a longer mention (an affiliation)
    acronym: str | None = None  # given in brackets after the name

    def as_inner(self) -> Mention:
        """Return this mention as part of a longer one (an affiliation), its name its whole span."""
        return Mention(
            self.start,
            self.end,
            self.first,
            self.last,
            self.name,
            self.kind,
            self.how,
            self.key,
            self.known,
            (self.start, self.end),
            None,
            True,
        )


@dataclass
class Actor:
    """A proposed actor: its id, name, kind, dataset id if known, and its mentions."""

    key: str
    id: str
    name: str
    kind: str
    known: str | None
    mentions: list[Mention] = field(default_factory=list)


def _capitalised(word: Word) -> bool:
    return word.text[0].isupper()


class _Table:
    """Spellings of the dataset's actors: folded words -> [(id, written words or None, capital)]."""

    def __init__(self, dataset):
        self.spellings: dict[tuple[str, ...], list[tuple[str, tuple | None, bool]]] = {}
        self.longest = 0
        if dataset is None:
            return
        for actor in dataset.actors.values():
            for spelling in (actor.name, *actor.aliases):
                words = folded_words(spelling)
                if not words:
                    continue
                exact = spelling.upper() == spelling and any(c.isalpha() for c in spelling)
                written = tuple(w for w in spelling.replace(".", " ").split()) if exact else None
                capital = len(words) == 1 and spelling[0].isupper()
                self.spellings.setdefault(words, []).append((actor.id, written, capital))
                self.longest = max(self.longest, len(words))


def find_actors(text: str, words: list[Word], sentence_of: list[int], dataset=None):
    """Return ``(actors, mentions)``: the proposed actors (by key) and every mention, in order."""
    gazetteer = load_gazetteer()
    folded = [name_key(word.text) for word in words]
    table = _Table(dataset)
    taken = [False] * len(words)
    mentions: list[Mention] = []

    def gap_ok(index: int, pattern=_RUN_GAP) -> bool:
        return (
            sentence_of[index] == sentence_of[index - 1]
            and pattern.fullmatch(text, words[index - 1].end, words[index].start) is not None
        )

    def span_ok(first: int, last: int) -> bool:
        return all(gap_ok(at, _PHRASE_GAP) for at in range(first + 1, last))

    def add(first, last, name, kind, how, **extra) -> Mention:
        mention = Mention(
            words[first].start, words[last - 1].end, first, last, name, kind, how, **extra
        )
        if not mention.name_span[1]:
            mention.name_span = (mention.start, mention.end)
        for at in range(first, last):
            taken[at] = True
        mentions.append(mention)
        return mention

    # 1. The dataset's actors and the gazetteer's places, longest first.
    longest = max(table.longest, gazetteer.longest)
    index = 0
    while index < len(words):
        found = None
        for length in range(min(longest, len(words) - index), 0, -1):
            key = tuple(folded[index : index + length])
            if not span_ok(index, index + length):
                continue
            written = tuple(w.text for w in words[index : index + length])
            for actor_id, exact, capital in table.spellings.get(key, ()):
                if exact is not None and exact != written:
                    continue
                if capital and not _capitalised(words[index]):
                    continue
                found = (length, "dataset", actor_id)
                break
            if found is None and key in gazetteer.places and _capitalised(words[index]):
                exact = gazetteer.exact.get(key)
                if exact is None or exact == " ".join(written):
                    found = (length, "gazetteer", gazetteer.places[key])
            if found is not None:
                break
        if found is None:
            index += 1
            continue
        length, how, what = found
        last = index + length
        if how == "dataset":
            actor = dataset.actors[what]
            add(index, last, actor.name, actor.kind, how, key=f"id:{what}", known=what)
        else:
            country, adjective = what
            add(index, last, country, country_kind(country), how, key=f"country:{country}")
            mentions[-1].how = "demonym" if adjective else "gazetteer"
        index = last

    # 2. Capitalised runs (they may start with a country word: "French President X").
    _capitalised_runs(text, words, folded, sentence_of, taken, mentions, add, gap_ok, gazetteer)
    # 3. A country word and a group: "Israeli army", "Sudan's government".
    _groups(text, words, folded, taken, mentions, gap_ok, gazetteer)
    # 4. Lower-case phrases headed by a body word: "a reassurance force", "the coalition".
    _phrases(words, folded, taken, add, gap_ok, gazetteer, span_ok)
    mentions.sort(key=lambda m: (m.start, -m.end))
    _assign_keys(mentions, dataset)
    resolve(text, words, folded, sentence_of, mentions, gazetteer)
    actors = _build_actors(mentions, dataset)
    return actors, mentions


def _capitalised_runs(text, words, folded, sentence_of, taken, mentions, add, gap_ok, gazetteer):
    lowercase = {word.text for word in words if word.text.islower()}
    by_first = {m.first: m for m in mentions}
    index = 0
    while index < len(words):
        word = words[index]
        if not _capitalised(word) or (taken[index] and by_first.get(index) is None):
            index += 1
            continue
        run = [index]
        following = index + 1
        while following < len(words) and gap_ok(following):
            nxt = words[following]
            if _capitalised(nxt) and not (taken[following] and by_first.get(following) is None):
                run.append(following)
                following += 1
            else:
                # "of", "for", "of the" between capitalised words: "Coalition of the Willing".
                joined = following
                while (
                    joined < following + 2
                    and joined < len(words)
                    and (folded[joined] in CONNECTORS and gap_ok(joined))
                ):
                    joined += 1
                if (
                    joined > following
                    and joined < len(words)
                    and gap_ok(joined)
                    and _capitalised(words[joined])
                    and folded[joined] not in STOP_WORDS
                ):
                    run += list(range(following, joined + 1))
                    following = joined + 1
                else:
                    break
        sentence_start = index == 0 or sentence_of[index - 1] != sentence_of[index]
        run = _trim(run, words, folded, sentence_start, lowercase, gazetteer, by_first)
        if run:
            _classify_run(
                text, words, folded, run, mentions, add, gazetteer, by_first, taken, lowercase
            )
        index = following


def _trim(run, words, folded, sentence_start, lowercase, gazetteer, by_first):
    def common(position: int, first: bool) -> bool:
        at = run[position]
        key = folded[at]
        if at in by_first or key in gazetteer.words:
            return False
        if key in STOP_WORDS or key in CONNECTORS:
            return True
        written_lower = words[at].text.lower() in lowercase and not words[at].text.isupper()
        return first and sentence_start and written_lower

    run = list(run)
    first = True
    while run and common(0, first):
        run.pop(0)
        first = False
    while run and (folded[run[-1]] in CONNECTORS or folded[run[-1]] in STOP_WORDS):
        run.pop()
    if len(run) == 1 and run[0] not in by_first:
        key = folded[run[0]]
        if key in STOP_WORDS or len(key) == 1 or (key.endswith(("ing", "ed")) and key.islower()):
            return []
        if sentence_start and words[run[0]].text.lower() in lowercase:
            return []  # a common word starting a sentence
    return run


def _classify_run(
    text, words, folded, run, mentions, add, gazetteer, by_first, taken, lowercase=frozenset()
):
    first, last = run[0], run[-1] + 1
    inside = [by_first[at] for at in run if at in by_first]
    if inside and inside[0].first == first and inside[0].last == last:
        return  # the run is one known name or place
    if inside and any(m.how == "dataset" for m in inside):
        return  # the dataset's names win: keep them as they are
    classes = [gazetteer.words.get(folded[at], {}) for at in range(first, last)]
    titles = [at for at, c in zip(range(first, last), classes) if "title" in c]
    organisation = [at for at, c in zip(range(first, last), classes) if "organisation" in c]
    # A title followed by a name: a person; what stands before the title is its affiliation.
    before_title = titles[0] - 1 if titles else first
    organisation_after = [at for at in organisation if titles and at > titles[-1]]
    if titles and not organisation_after and folded[before_title] not in CONNECTORS:
        after = titles[-1] + 1
        while after < last and folded[after] in CONNECTORS | {"state"}:
            after += 1  # "Secretary of State Marco Rubio"
        name_words = [at for at in range(after, last)]
        if name_words and not any(at in by_first for at in name_words):
            start_title = titles[0]
            while start_title > first and "title" in classes[start_title - 1 - first]:
                start_title -= 1
            prefix = list(range(first, start_title))
            name = text[words[name_words[0]].start : words[last - 1].end]
            affiliation = _affiliation(text, words, folded, prefix, by_first, gazetteer)
            for m in inside:
                mentions.remove(m)
            person = add(first, last, name, "person", "title", key=f"person:{name_key(name)}")
            person.name_span = (words[name_words[0]].start, words[last - 1].end)
            person.affiliation = affiliation
            return
    if organisation or all(w.text.isupper() for w in words[first:last]):
        for m in inside:
            mentions.remove(m)
        name = text[words[first].start : words[last - 1].end]
        kind = (
            gazetteer.words.get(folded[organisation[-1]], {}).get("organisation", "organisation")
            if organisation
            else "organisation"
        )
        body = add(first, last, name, kind, "organisation", key=f"name:{name_key(name)}")
        country = next((m for m in inside if m.how in ("gazetteer", "demonym")), None)
        head = folded[last - 1]
        generic = "group" in gazetteer.words.get(head, {}) or head == "ministry"
        if country is not None and country.first == first and generic and country.kind != "bloc":
            # "British Army", "Turkish Defense Ministry": a country's body.
            body.affiliation = country.as_inner()
        _acronym(text, words, last, body, add, taken)
        return
    if inside:
        # Places amid other capitalised words ("told Independent European training
        # forces"): the words before the first place are a name of their own.
        if inside[0].first > first:
            _classify_run(
                text,
                words,
                folded,
                list(range(first, inside[0].first)),
                mentions,
                add,
                gazetteer,
                by_first,
                taken,
                lowercase,
            )
        return
    name = text[words[first].start : words[last - 1].end]
    kind = "person" if last - first <= 3 else "organisation"
    if last - first == 1 and words[first].text.lower() in lowercase:
        kind = "organisation"  # "Independent" where the article also writes "independent"
    if titles and not [at for at in range(titles[-1] + 1, last)]:
        kind = "person"  # a title alone: "the Defense Secretary"
    mention = add(first, last, name, kind, "name", key=f"name:{name_key(name)}")
    _acronym(text, words, last, mention, add, taken)


def _affiliation(text, words, folded, prefix, by_first, gazetteer) -> Mention | None:
    """Return the country or body named before a title, as an inner mention."""
    if not prefix:
        return None
    place = by_first.get(prefix[0])
    if place is not None and place.last == prefix[-1] + 1:
        return place.as_inner()
    start, end = words[prefix[0]].start, words[prefix[-1]].end
    name = text[start:end]
    kind = "organisation"
    heads = [at for at in prefix if "organisation" in gazetteer.words.get(folded[at], {})]
    if heads:
        kind = gazetteer.words[folded[heads[-1]]]["organisation"]
    inner = Mention(
        start,
        end,
        prefix[0],
        prefix[-1] + 1,
        name,
        kind,
        "organisation",
        f"name:{name_key(name)}",
        None,
        (start, end),
        None,
        True,
    )
    if place is not None:
        inner.affiliation = place.as_inner()  # "British Army": the army of the United Kingdom
    return inner


def _acronym(text, words, last, mention, add, taken) -> None:
    """Add the acronym in brackets after a body's name as a mention of the same body."""
    if last >= len(words) or not words[last].text.isupper() or taken[last]:
        return
    between = text[words[last - 1].end : words[last].start]
    if between.strip() != "(" or text[words[last].end : words[last].end + 1] != ")":
        return
    # The bracket is part of the body's mention: "Revolutionary United Front (RUF)".
    taken[last] = True
    mention.end = words[last].end + 1
    mention.last = last + 1
    mention.acronym = words[last].text


def _groups(text, words, folded, taken, mentions, gap_ok, gazetteer):
    for mention in list(mentions):
        if mention.how not in ("gazetteer", "demonym") or mention.inner:
            continue
        after = mention.last
        if (
            after < len(words)
            and folded[after] == "s"
            and _POSSESSIVE_GAP.fullmatch(text, mention.end, words[after].start) is None
            and text[mention.end : words[after].start] in ("'", "’")
        ):
            after += 1  # "Sudan's government"
        end = None
        for at in range(after, min(after + 3, len(words))):
            if taken[at] or not gap_ok(at) or not words[at].text.islower():
                break
            if folded[at] in STOP_WORDS:
                break
            if "group" in gazetteer.words.get(folded[at], {}):
                end = at + 1
        if end is None:
            continue
        head = gazetteer.words[folded[end - 1]]["group"]
        name = text[mention.start : words[end - 1].end]
        country = mention.as_inner()
        mentions.remove(mention)
        group = Mention(
            mention.start,
            words[end - 1].end,
            mention.first,
            end,
            name,
            head,
            "group",
            f"group:{name_key(name)}",
            None,
            (0, 0),
            country,
        )
        group.name_span = (group.start, group.end)
        for at in range(mention.first, end):
            taken[at] = True
        mentions.append(group)


def _phrases(words, folded, taken, add, gap_ok, gazetteer, span_ok):
    from .lexicon import load_lexicon

    verbs = {form for form, cues in load_lexicon().cues_by_form.items() if cues[0].part == "verb"}
    for index, key in enumerate(folded):
        if taken[index] or not words[index].text.islower():
            continue
        idiom = tuple(folded[index : index + 4])
        if idiom in IDIOMS and span_ok(index, index + 4) and not any(taken[index : index + 4]):
            name = " ".join(word.text for word in words[index : index + 4])
            add(index, index + 4, name, IDIOMS[idiom], "phrase", key=f"phrase:{name_key(name)}")
            continue
        pair = tuple(folded[index : index + 2])
        if pair in COMPOUNDS and span_ok(index, index + 2) and not any(taken[index : index + 2]):
            name = " ".join(word.text for word in words[index : index + 2])
            add(index, index + 2, name, COMPOUNDS[pair], "phrase", key=f"phrase:{name_key(name)}")
            continue
        kind = gazetteer.words.get(key, {}).get("body")
        if kind is None:
            continue
        following = index + 1
        if (
            following < len(words)
            and gap_ok(following)
            and words[following].text.islower()
            and folded[following] not in STOP_WORDS
            and (
                not folded[following].endswith(("ed", "ing", "wn", "en"))
                or "body" in gazetteer.words.get(folded[following], {})
            )
        ):
            if folded[following] in MEMBERS and not taken[index - 1]:
                # "coalition members": the body itself, named by its members.
                add(index, following, words[index].text, kind, "phrase", key=f"phrase:{key}")
            continue  # a modifier ("military commitments"), not the head
        first = index
        while (
            first > index - 2
            and first > 0
            and gap_ok(first)
            and not taken[first - 1]
            and words[first - 1].text.islower()
            and folded[first - 1] not in STOP_WORDS
            and not folded[first - 1].endswith(("ed", "ing"))
            and (folded[first - 1],) not in verbs  # "send troops": the verb is a cue
        ):
            first -= 1
        text_name = " ".join(word.text for word in words[first : index + 1])
        add(first, index + 1, text_name, kind, "phrase", key=f"phrase:{name_key(text_name)}")


def _slug(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name_key(name)).strip("-")
    return slug or "actor"


def _assign_keys(mentions: list[Mention], dataset) -> None:
    """Give every mention its actor key (surnames, acronyms, lone body words, the dataset's)."""
    persons = {}
    bodies = {}
    for mention in mentions:
        if mention.kind == "person" and mention.how in ("title", "name") and " " in mention.name:
            persons.setdefault(name_key(mention.name.split()[-1]), set()).add(mention.key)
        if mention.how == "organisation":
            for word in name_key(mention.name).split():
                bodies.setdefault(word, set()).add(mention.key)
    acronyms = {m.acronym: m.key for m in mentions if m.acronym}
    for mention in mentions:
        if mention.how in ("name", "organisation") and mention.name in acronyms:
            mention.key = acronyms[mention.name]
        elif mention.how == "name" and " " not in mention.name:
            owners = persons.get(name_key(mention.name), set())
            if len(owners) == 1:
                mention.key = next(iter(owners))
                mention.kind = "person"
        elif mention.how == "phrase" and " " not in mention.name:
            owners = bodies.get(name_key(mention.name), set())
            if len(owners) == 1:
                mention.key = next(iter(owners))
    if dataset is not None:
        for mention in mentions:
            if mention.known is None:
                candidates = [mention.name, mention.name if not mention.inner else ""]
                for candidate in filter(None, candidates):
                    found = dataset.index.get(candidate)
                    if found is not None:
                        mention.key, mention.known = f"id:{found}", found
                        break


def _build_actors(mentions: list[Mention], dataset) -> dict[str, Actor]:
    """Group the mentions into actors by key; name, id and kind from the mentions."""
    actors: dict[str, Actor] = {}
    described: set[str] = set()  # actors named so far only by a description ("the army")
    for mention in _all_mentions(mentions):
        actor = actors.get(mention.key)
        if actor is None:
            actor = actors[mention.key] = Actor(
                mention.key, "", mention.name, mention.kind, mention.known
            )
            if mention.how == "anaphor":
                described.add(mention.key)
        elif mention.key in described and mention.how != "anaphor":
            actor.name, actor.kind = mention.name, mention.kind
            described.discard(mention.key)
        actor.mentions.append(mention)
        if mention.how in ("title", "organisation", "name") and len(mention.name) > len(actor.name):
            actor.name = mention.name
    used: set[str] = set()
    for key in sorted(actors, key=lambda k: (min(m.start for m in actors[k].mentions), k)):
        actor = actors[key]
        if actor.known is not None:
            actor.id = actor.known
            actor.name = dataset.actors[actor.known].name
            actor.kind = dataset.actors[actor.known].kind
        else:
            base = _slug(actor.name)
            actor.id, number = base, 2
            while actor.id in used or (dataset is not None and actor.id in dataset.actors):
                actor.id, number = f"{base}-{number}", number + 1
        used.add(actor.id)
    return actors


def _all_mentions(mentions):
    for mention in mentions:
        yield mention
        inner = mention.affiliation
        while inner is not None:
            yield inner
            inner = inner.affiliation
