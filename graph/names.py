"""Find actors by the names people type: ids, names, aliases, words, countries, titles, acronyms.

A query resolves in steps; the first that names an actor wins:

1. an exact id, name or alias, folded by :func:`name_key` (a leading "the"
   optional);
2. the same under one spelling of British and American English
   (:func:`spelled`: Defence/Defense, -ise/-ize, -our/-or), applied to both sides;
3. a country's other name, code, adjective, demonym or capital from the
   shared gazetteer (:mod:`graph.gazetteer`): "Turkey", "USA", "America",
   "Turkish", "Kyiv" name the country's actor (an actor with one of the
   country's names) when the dataset has one;
4. the query's words, in order and next to each other, among the words of
   exactly one actor's name or alias: "Rubio" finds Marco Rubio, "peace talks"
   the US-led peace talks. Words are split at spaces, hyphens and apostrophes
   (a possessive "'s" and punctuation around a word are dropped), and "the",
   "of" and "and" are ignored on both sides;
5. the query less the titles before a name ("President Trump", "Defence
   Secretary John Healey": :func:`graph.gazetteer.load_words`);
6. the initials of an actor's significant words ("ECFR": European Council on
   Foreign Relations).

Several actors matching is an :class:`~graph.problems.AmbiguousActorError`
listing them all. So is a query made only of generic words ("army",
"government"), however many actors hold them, and a country's adjective or
demonym when the country is no actor ("Turkish" is not Türkiye's defence
ministry). None matching is an :class:`~graph.problems.UnknownActorError`
with close names, never another country or capital ("Nigeria" is not
"Niger").

Word look-up is indexed: each word maps to the names that hold it, so a
query only checks the names holding its rarest word, never every actor.

>>> name_key("  TÜRKIYE ")
'turkiye'
>>> name_key("Ilse   Varga") == name_key("ilse varga")
True
"""

from __future__ import annotations

import functools
import re
import unicodedata

from .problems import AmbiguousActorError, UnknownActorError

__all__ = ["ActorIndex", "name_key", "name_words", "spelled"]

# Words that never tell two names apart ("Coalition of the Willing" = "coalition willing").
IGNORED_WORDS = frozenset({"the", "of", "and"})
_POSSESSIVE = re.compile(r"['’]s\b")
_EDGE_PUNCTUATION = '!"#$%&()*+,./:;<=>?@[\\]^_`{|}~“”«»…'
_WORD_BREAKS = re.compile(r"[\s\-‐‑‒–—'’]+")
# Words an acronym skips: "European Council on Foreign Relations" is ECFR.
ACRONYM_SKIPS = IGNORED_WORDS | {"on", "for", "in", "to", "a", "an", "at", "by", "with", "de"}

# British spellings that no rule below turns into American ones.
_SPELLINGS = {
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "pretence": "pretense",
    "programme": "program",
    "programmes": "programs",
    "centre": "center",
    "centres": "centers",
    "theatre": "theater",
    "catalogue": "catalog",
    "analyse": "analyze",
    "paralyse": "paralyze",
    "grey": "gray",
}
_ISE = re.compile(r"(?<=\w\w)is(e|es|ed|ing|er|ers|ation|ations)$")
_OUR = re.compile(r"(?<=\w\w\w)our(s|ed|ing|able|ite|ites|er|ers)?$")


# Characters that show nothing yet are neither format (Cf) characters nor
# marks: the rest of Unicode's Default_Ignorable_Code_Point set (Hangul and
# halfwidth fillers, variation selectors, the combining grapheme joiner,
# Mongolian selectors, Khmer inherent vowels, tag characters, ...) and the
# blank braille pattern U+2800. unicodedata does not list the property.
INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    "\u202a-\u202e\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


def name_key(text: str) -> str:
    """Return the folded form of a name: no accents or invisible characters, case folded,
    single spaces.

    Invisible characters are format characters (zero-width spaces and joiners,
    direction marks) and those of :data:`INVISIBLE` (fillers, variation
    selectors, tag characters): ``Russia`` followed by U+FE0F or U+3164 is
    ``russia``, and a name made only of them folds to nothing.

    >>> name_key("Russia\ufe0f"), name_key("\u3164\u2800\u034f")
    ('russia', '')
    """
    if text.isascii():  # nothing to decompose, mark or hide: only case and spacing
        return " ".join(text.lower().split())
    decomposed = INVISIBLE.sub("", unicodedata.normalize("NFKD", text))
    # Accents (combining marks) and invisible characters do not tell names apart.
    bare = "".join(
        char
        for char in decomposed
        if not unicodedata.combining(char) and unicodedata.category(char) != "Cf"
    )
    return " ".join(bare.casefold().split())


def name_words(text: str) -> tuple[str, ...]:
    """Return the folded words of a name, for whole-word look-up.

    >>> name_words("Ukraine's military")
    ('ukraine', 'military')
    >>> name_words("Coalition of the Willing")
    ('coalition', 'willing')
    >>> name_words("US-led peace talks")
    ('us', 'led', 'peace', 'talks')
    >>> name_words("Barrow, Ilse (ret.)")
    ('barrow', 'ilse', 'ret')
    """
    return _folded_words(name_key(text))


def _folded_words(folded: str) -> tuple[str, ...]:
    """Return the words of a name already folded by :func:`name_key`.

    Punctuation around a word ("Barrow," "(ISAF)") is not part of it.
    """
    bare = _POSSESSIVE.sub("", folded)
    words = (word.strip(_EDGE_PUNCTUATION) for word in _WORD_BREAKS.split(bare))
    return tuple(word for word in words if word and word not in IGNORED_WORDS)


@functools.lru_cache(maxsize=65_536)
def spelled(word: str) -> str:
    """Return a folded word in one spelling of British and American English (the American).

    Applied to both sides of a comparison, so a rule that also changes a word
    with no American twin ("paradise") does no harm.

    >>> [spelled(w) for w in ("defence", "organisation", "labour", "neighbouring", "four")]
    ['defense', 'organization', 'labor', 'neighboring', 'four']
    """
    found = _SPELLINGS.get(word)
    if found is not None:
        return found
    if "is" in word:
        word = _ISE.sub(r"iz\1", word)
    if "our" in word:
        word = _OUR.sub(r"or\1", word)
    return word


def _spelled_words(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(spelled(word) for word in words)


class ActorIndex:
    """Maps every folded id, name and alias to the id of the actor it names.

    >>> index = ActorIndex({"tr": ["Türkiye"], "us": ["United States"]})
    >>> index.resolve("TURKIYE"), index.resolve("Turkey"), index.resolve("USA")
    ('tr', 'tr', 'us')
    """

    def __init__(self, names_by_id: dict[str, list[str]]):
        self._ids: dict[str, str] = {}
        self._display: dict[str, str] = {}
        for actor_id, names in names_by_id.items():
            self._display[actor_id] = names[0] if names else actor_id
            for name in (actor_id, *names):
                self._ids.setdefault(name_key(name), actor_id)
        self._suggester = None  # built on the first unknown name
        self._word_index: dict[str, list[tuple[str, tuple[str, ...]]]] | None = None
        self._whole: dict[tuple[str, ...], list[str]] = {}  # spelled words -> ids
        self._acronym_index: dict[str, list[str]] | None = None
        self._country_index: dict[str, str] | None = None  # country -> actor id

    def _words(self) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
        """Return ``{word: [(id, words of one name)]}``, built on the first word look-up.

        Words are spelled one way (:func:`spelled`); the index of whole names
        by their spelled words is built in the same pass.
        """
        if self._word_index is None:
            index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
            whole: dict[tuple[str, ...], list[str]] = {}
            for key, actor_id in self._ids.items():
                words = _spelled_words(_folded_words(key))
                for word in set(words):
                    index.setdefault(word, []).append((actor_id, words))
                ids = whole.setdefault(words, [])
                if actor_id not in ids:
                    ids.append(actor_id)
            self._word_index, self._whole = index, whole
        return self._word_index

    def word_matches(self, query: str) -> list[str]:
        """Return the ids (sorted) of the actors with a name or alias holding ``query``'s words.

        The words must be whole and consecutive: "peace talks" is in "US-led
        peace talks", "talks peace" and "pea" are not. British and American
        spellings are one ("defence" is in "Defense Ministry").

        >>> index = ActorIndex({"mr": ["Marco Rubio"], "pt": ["US-led peace talks"]})
        >>> index.word_matches("rubio"), index.word_matches("Peace Talks")
        (['mr'], ['pt'])
        >>> index.word_matches("talks peace")
        []
        """
        return self._matches(_spelled_words(name_words(query)))

    def _matches(self, wanted: tuple[str, ...]) -> list[str]:
        if not wanted:
            return []
        index = self._words()
        postings = [index.get(word, []) for word in set(wanted)]
        rarest = min(postings, key=len)
        found = {actor_id for actor_id, words in rarest if _holds_run(words, wanted)}
        return sorted(found)

    def get(self, query: str) -> str | None:
        """Return the id named by ``query`` exactly, or None; a leading "the" is optional.

        >>> ActorIndex({"ru": ["Kremlin"]}).get("the Kremlin")
        'ru'
        """
        key = name_key(query)
        found = self._ids.get(key)
        if found is None and key.startswith("the "):
            found = self._ids.get(key[4:])
        return found

    def resolve(self, query: str) -> str:
        """Return the id named by ``query``, by the steps the module describes.

        Raises :class:`UnknownActorError` with suggestions when nothing
        matches, :class:`AmbiguousActorError` when several actors could be meant.

        >>> index = ActorIndex({"jh": ["Jo Healey"], "jd": ["Jo Doe"]})
        >>> index.resolve("healey"), index.resolve("Defence Secretary Jo Healey")
        ('jh', 'jh')
        >>> index.resolve("jo")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        graph.problems.AmbiguousActorError: 'jo' names 2 actors: Jo Doe (jd), Jo Healey (jh); use...
        """
        if query in self._display:  # an exact id names its actor, whatever else it spells
            return query
        found = self.get(query)
        if found is None:
            found = self._find(query, query, titles=True)
        if found is None:
            raise UnknownActorError(query, self.suggest(query))
        return found

    def _find(self, query: str, asked: str, titles: bool) -> str | None:
        """Return the id ``query`` names by steps 2 to 6, None when none does.

        ``asked`` is the query as typed, for the messages.
        """
        folded = name_words(query)
        wanted = _spelled_words(folded)
        if not wanted:
            return None
        self._words()
        whole = self._whole.get(wanted, [])
        if len(whole) == 1:
            return whole[0]
        place = _place_of_words(query, folded)
        if place is not None and place[1] != "place":
            country, how = place
            actor = self._countries().get(country.name)
            if actor is not None:
                return actor
            if how in ("adjective", "demonym"):
                # "Turkish" with no Türkiye: it is not the one body named "Turkish ..."
                candidates = self._country_candidates(country, wanted)
                if candidates:
                    reason = f"is {_AN[how]} {how} of {country.name}, which is no actor here"
                    raise AmbiguousActorError(asked, candidates, self._display, reason)
                return None
        matches = self._matches(wanted)
        groups = _generic_groups(folded)
        if groups is not None:
            candidates = set(matches)
            for synonym in groups:
                candidates.update(self._matches((spelled(synonym),)))
            if candidates:
                reason = "is a generic word" if len(folded) == 1 else "are generic words"
                raise AmbiguousActorError(asked, sorted(candidates), self._display, reason)
            return None
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise AmbiguousActorError(asked, matches, self._display)
        rest = _without_titles(folded) if titles else None
        if rest:
            found = self.get(" ".join(rest)) or self._find(" ".join(rest), asked, titles=False)
            if found is not None:
                return found
        return self._acronym(query, asked)

    def _country_candidates(self, country, wanted: tuple[str, ...]) -> list[str]:
        """Return the ids holding ``wanted`` or one of ``country``'s names as words."""
        found = set(self._matches(wanted))
        for name in (country.name, *country.names):
            found.update(self._matches(_spelled_words(name_words(name))))
        return sorted(found)

    def _acronym(self, query: str, asked: str) -> str | None:
        """Return the id whose significant words' initials spell ``query`` (3 letters or more)."""
        letters = query.strip().replace(".", "")
        if len(letters) < 3 or not letters.isalpha():
            return None
        if self._acronym_index is None:
            index: dict[str, list[str]] = {}
            for key, actor_id in self._ids.items():
                words = [word for word in _folded_words(key) if word not in ACRONYM_SKIPS]
                if len(words) >= 3:  # two initials would name too many actors
                    ids = index.setdefault("".join(word[0] for word in words), [])
                    if actor_id not in ids:
                        ids.append(actor_id)
            self._acronym_index = index
        found = sorted(self._acronym_index.get(name_key(letters), []))
        if len(found) > 1:
            raise AmbiguousActorError(asked, found, self._display)
        return found[0] if found else None

    def _countries(self) -> dict[str, str]:
        """Return ``{country: actor id}`` for the gazetteer's countries the dataset has.

        A country's actor is the one with the country's name or one of its
        other names (never a capital: the actor "Moscow" is the city).
        """
        if self._country_index is None:
            from .gazetteer import load_countries

            index = {}
            for country in load_countries():
                for name in (country.name, *country.names):
                    found = self.get(name)
                    if found is not None:
                        index[country.name] = found
                        break
            self._country_index = index
        return self._country_index

    def suggest(self, query: str, count: int = 3) -> list[str]:
        """Return the ids of up to ``count`` actors whose names are close to ``query``.

        For a country, capital or place of the gazetteer, never another
        country's actor nor a name of another country ("Nigeria" is not
        "Niger"), and its own country's actor first ("England": the UK).
        """
        from .suggest import Suggester

        if self._suggester is None:
            self._suggester = Suggester(self._ids)
        place = place_of(query)
        ids: list[str] = []
        others: set[str] = set()
        if place is not None:
            country = place[0]
            own = self._countries().get(country.name)
            ids = [own] if own is not None else []
            others = {actor for name, actor in self._countries().items() if name != country.name}
        for key in self._suggester.suggest(name_key(query), count=count * 2):
            actor_id = self._ids[key]
            if place is not None:
                named = place_of(key)
                if actor_id in others or (named is not None and named[0] is not place[0]):
                    continue
            if actor_id not in ids:
                ids.append(actor_id)
        return ids[:count]


_AN = {"adjective": "an", "demonym": "a"}


def _holds_run(words: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    """Return whether ``wanted`` appears in ``words`` as consecutive whole words."""
    size = len(wanted)
    return any(words[start : start + size] == wanted for start in range(len(words) - size + 1))


def _place_key(text: str) -> str:
    """Return ``text``'s words as the gazetteer is keyed: folded, dots dropped ("U.S." is "us")."""
    return " ".join(word.replace(".", "") for word in name_words(text))


@functools.cache
def _places() -> tuple[dict, dict]:
    """Return ``({key: (country, how)}, {alpha-3 code: country})`` of the gazetteer.

    ``how`` is ``name``, ``capital``, ``adjective``, ``demonym`` or ``place``;
    the first country listing a key keeps it.
    """
    from .gazetteer import load_countries

    places: dict[str, tuple] = {}
    codes: dict[str, object] = {}
    for country in load_countries():
        spellings = [
            *((name, "name") for name in (country.name, *country.names)),
            *((capital, "capital") for capital in country.capitals),
            *((adjective, "adjective") for adjective in country.adjectives),
            *((demonym, "demonym") for demonym in country.demonyms),
            *((place, "place") for place in country.places),
        ]
        for spelling, how in spellings:
            places.setdefault(_place_key(spelling), (country, how))
        if country.alpha3:
            codes.setdefault(country.alpha3, country)
    return places, codes


def _place_of_words(text: str, words: tuple[str, ...]):
    """Return :func:`place_of` ``text``, whose words (:func:`name_words`) are ``words``."""
    places, codes = _places()
    found = places.get(" ".join(word.replace(".", "") for word in words))
    if found is None and text.strip().isupper():
        country = codes.get(text.strip())
        found = (country, "name") if country is not None else None
    return found


def place_of(text: str):
    """Return ``(country, how)`` when ``text`` is a gazetteer name of a country, else None.

    An ISO alpha-3 code counts when written in capitals ("GBR", not "can").

    >>> country, how = place_of("the USA")
    >>> country.name, how
    ('United States', 'name')
    >>> [(c.name, how) for c, how in map(place_of, ["Kiev", "British", "England"])]
    [('Ukraine', 'capital'), ('United Kingdom', 'adjective'), ('United Kingdom', 'place')]
    >>> place_of("GBR")[0].name, place_of("can")
    ('United Kingdom', None)
    """
    return _place_of_words(text, name_words(text))


def _generic_groups(words: tuple[str, ...]) -> set[str] | None:
    """Return the generic words standing for ``words`` when all are generic, else None.

    >>> sorted(_generic_groups(("army",)))
    ['army', 'military', 'soldiers', 'troops']
    >>> _generic_groups(("british", "army")) is None
    True
    """
    synonyms = _generic_words()
    if not all(word in synonyms for word in words):
        return None
    return {synonym for word in words for synonym in synonyms[word]}


@functools.cache
def _generic_words() -> dict[str, frozenset[str]]:
    """Return ``{generic word: the generic words of its group}`` (from ``words.tsv``)."""
    from .gazetteer import load_words

    groups: dict[str, set[str]] = {}
    for word, (word_class, group) in load_words().items():
        if word_class == "generic":
            groups.setdefault(group, set()).add(word)
    return {
        word: frozenset(groups[group])
        for word, (word_class, group) in load_words().items()
        if word_class == "generic"
    }


def _without_titles(words: tuple[str, ...]) -> tuple[str, ...]:
    """Return ``words`` less the titles before a name, or () when there are none to strip.

    The leading run must hold a title ("Defence Secretary", not "National
    Security Council") and leave a name.

    >>> _without_titles(("defence", "secretary", "john", "healey"))
    ('john', 'healey')
    >>> _without_titles(("national", "security", "council")), _without_titles(("president",))
    ((), ())
    """
    from .gazetteer import load_words

    known = load_words()
    end = 0
    titled = False
    while end < len(words) and known.get(words[end], ("",))[0] in ("title", "title-part"):
        titled = titled or known[words[end]][0] == "title"
        end += 1
    return words[end:] if titled and 0 < end < len(words) else ()
