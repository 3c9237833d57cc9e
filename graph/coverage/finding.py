"""Names in text: capitalised phrases, titles followed by a name, countries and their adjectives.

What looks like an actor in a document, known or not: the first step of
coverage (whose names are not in the dataset yet), and the one to share
with anything else that reads text for actors. It knows no dataset: the
caller passes which words are already matched (``covered``) and the country
words (:func:`graph.coverage.countries.country_words`).
"""

from __future__ import annotations

import re

from ..names import name_key
from .text import Sentence, Word

__all__ = ["STOP_WORDS", "continues_phrase", "find_names", "is_capitalised", "sentence_index"]

# Capitalised at the start of a sentence, or inside a phrase, without naming anything.
STOP_WORDS = frozenset(
    """a an the this that these those it its it's he she they we i you his her their our
    your my me him them us who whom whose which what when where why how there here
    but and or nor so yet if then than while after before during over under in on at
    by for from as with without into onto about against between among through since
    until till upon within just also still even meanwhile however moreover although
    though because some many most all any each every both few several other another
    such no not yes one two three four five six seven eight nine ten thousands hundreds
    dozens millions former ex late new old last next first according add read see
    is are was were be been being has have had do does did will would can could may
    might must shall should
    monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december""".split()  # noqa: SIM905
)
# Words that introduce a person or an office: "President X", "Defense Secretary Y".
_TITLES = frozenset(
    """president vice prime minister ministry secretary chancellor king queen prince
    princess pope senator governor mayor ambassador general colonel major captain
    admiral commander lieutenant sergeant marshal chief director chairman chairwoman
    chair spokesman spokeswoman spokesperson envoy defense defence foreign interior
    state deputy mr mrs ms dr sir lord lady sheikh emir ayatollah premier judge justice
    minister-president leader head commissioner representative rep sen gov gen col lt
    sgt capt adm prof professor""".split()  # noqa: SIM905
)
_CONNECTORS = frozenset(
    "of the for on de del della der di da du von van al el bin ibn".split()  # noqa: SIM905
)
_GAP = re.compile(r"[ \t\u00a0]*")


def find_names(
    text: str,
    words: list[Word],
    sentences: list[Sentence],
    country_words: dict[str, str],
    covered: list[bool] | None = None,
) -> dict[str, dict]:
    """Return ``{folded phrase: {text, count, why, start}}`` for the names ``text`` holds.

    A name is a run of capitalised words in one sentence (with connectors
    such as "of" inside it), less the leading and trailing words that name
    nothing: stop words, a common word capitalised at a sentence start,
    titles alone. ``why`` says why it looks like an actor: ``"title and
    name"`` ("President X"), ``"name"``, or the reason ``country_words``
    gives for a country's name or adjective (see
    :func:`graph.coverage.countries.country_words`). ``count`` is how many
    times it is written, ``start`` the offset of the first time.

    ``words`` and ``sentences`` are :func:`~graph.coverage.text.tokenize` and
    :func:`~graph.coverage.text.split_sentences` of ``text``. ``covered``
    marks the words already matched to something known (coverage passes the
    words naming its actors); they are never part of a name found here.

    >>> from graph.coverage.countries import country_words
    >>> from graph.coverage.text import split_sentences, tokenize
    >>> text = "Talks began. Defense Secretary Jane Roe met the French envoy."
    >>> found = find_names(text, tokenize(text), split_sentences(text), country_words())
    >>> [(row["text"], row["why"]) for row in found.values()]
    [('Defense Secretary Jane Roe', 'title and name'), ('French', 'adjective of France')]
    """
    if covered is None:
        covered = [False] * len(words)
    lowercase = {word.text for word in words if word.text.islower()}
    capitalised_inside = set()
    sentence_of = sentence_index(words, sentences)
    seen_first: set[int] = set()
    for position, word in enumerate(words):
        sentence = sentence_of[position]
        if sentence in seen_first and is_capitalised(word):
            capitalised_inside.add(name_key(word.text))
        seen_first.add(sentence)
    found: dict[str, dict] = {}
    position = 0
    while position < len(words):
        if covered[position] or not is_capitalised(words[position]):
            position += 1
            continue
        run = [position]
        following = position + 1
        while following < len(words) and sentence_of[following] == sentence_of[position]:
            gap_ok = _GAP.fullmatch(text, words[following - 1].end, words[following].start)
            if not gap_ok or covered[following]:
                break
            word = words[following]
            if is_capitalised(word) or (
                name_key(word.text) in _CONNECTORS
                and following + 1 < len(words)
                and not covered[following + 1]
                and is_capitalised(words[following + 1])
                and _GAP.fullmatch(text, word.end, words[following + 1].start)
            ):
                run.append(following)
                following += 1
            else:
                break
        sentence_start = position == 0 or sentence_of[position - 1] != sentence_of[position]
        phrase = _trim(run, words, sentence_start, lowercase, capitalised_inside, country_words)
        if phrase:
            start, end = words[phrase[0]].start, words[phrase[-1]].end
            written = text[start:end]
            why = _why(phrase, words, country_words)
            if why is not None:
                entry = found.setdefault(
                    name_key(written), {"text": written, "count": 0, "why": why, "start": start}
                )
                entry["count"] += 1
        position = following
    return found


def _trim(run, words, sentence_start, lowercase, capitalised_inside, country_words) -> list[int]:
    """Return the run without the leading and trailing words that name nothing."""

    def common(index: int, first: bool) -> bool:
        key = name_key(words[index].text)
        if key in country_words or key in _TITLES:
            return False
        if key in STOP_WORDS or key in _CONNECTORS:
            return True
        at_start = first and sentence_start
        # "Thousands" when "thousands" is also written: a common word, capitalised
        # at a sentence start or by mistake ("Are Leading"); inside a longer
        # phrase it is part of a name ("International Security Assistance Force").
        written_lower = words[index].text.lower() in lowercase and not words[index].text.isupper()
        if written_lower and (at_start or len(run) == 1):
            return True
        return at_start and key not in capitalised_inside

    run = list(run)
    first = True
    while run and common(run[0], first):
        run.pop(0)
        first = False
    while run and name_key(words[run[-1]].text) in (_CONNECTORS | STOP_WORDS):
        run.pop()
    return run


def _why(phrase, words, country_words) -> str | None:
    """Return why a phrase looks like an actor, or None when it is only titles."""
    keys = [name_key(words[index].text) for index in phrase]
    if all(key in _TITLES or key in _CONNECTORS for key in keys):
        return None
    folded = " ".join(keys)
    if folded in country_words:
        return country_words[folded]
    if keys[0] in _TITLES:
        return "title and name"
    if len(keys) == 1 and (len(keys[0]) == 1 or keys[0].endswith(("ing", "ed"))):
        return None  # a lone initial, or a verb capitalised by mistake ("Retraining")
    return "name"


def is_capitalised(word: Word) -> bool:
    """Return whether ``word`` starts with a capital letter."""
    return word.text[0].isupper()


def continues_phrase(text: str, words: list[Word], index: int) -> bool:
    """Return whether word ``index`` carries on a capitalised phrase (not a title or stop word)."""
    if index >= len(words):
        return False
    word = words[index]
    key = name_key(word.text)
    return (
        is_capitalised(word)
        and key not in STOP_WORDS
        and key not in _TITLES
        and _GAP.fullmatch(text, words[index - 1].end, word.start) is not None
    )


def sentence_index(words: list[Word], sentences) -> list[int]:
    """Return, for each word, the index of the sentence holding it."""
    result = []
    current = 0
    for word in words:
        while current + 1 < len(sentences) and word.start >= sentences[current].end:
            current += 1
        result.append(current)
    return result
