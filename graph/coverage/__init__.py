"""Coverage: what a document names that the dataset has, and what it has not encoded yet.

For each document :func:`coverage` reports

* the actors it names, by name, alias or (for a country) adjective, with counts;
* the names that look like actors but match none: capitalised phrases,
  titles followed by a name ("President X", "Defense Secretary Y"), countries
  and their adjectives from the list shipped in ``countries.tsv``;
* the sentences that name two or more known actors that no relation cites;

and, over all the documents, the actors none of them names.

Matching is by whole words, ignoring case and accents, except for names
written in capitals (``US``, ``NATO``), which must match exactly so that
"us" is not the United States. A name is not counted when it is the start of
a longer capitalised phrase ("Europe Program"), which is reported instead.

A dataset may say why names are deliberately left out in ``coverage.yaml``
next to its files (``left_out: {Odessa: a city, not an actor}``); those are
listed with their reason instead of as gaps (in a merged graph, every
dataset's reasons count).

>>> from graph import load_dataset
>>> report = coverage(load_dataset())
>>> report["documents"][0]["key"]
'article'
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections import Counter
from pathlib import Path

from ..evidence import DocumentIndex, normalize_text
from ..model import Dataset
from ..names import name_key
from ..problems import DatasetError, QueryError, did_you_mean
from .countries import load_countries
from .text import Word, line_starts, locate, split_sentences, tokenize

__all__ = ["LEFT_OUT_FILE", "coverage", "read_left_out"]

LEFT_OUT_FILE = "coverage.yaml"

# Capitalised at the start of a sentence, or inside a phrase, without naming anything.
_STOP_WORDS = frozenset(
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
_WORD_GAP = re.compile(r"[\s\-‐–'’]{0,3}")


def read_left_out(folder: str | os.PathLike | None) -> dict[str, str]:
    """Return ``{folded name: reason}`` from ``coverage.yaml`` in ``folder`` (empty when none).

    Raises :class:`~graph.problems.DatasetError` when the file is not a
    mapping of names to reasons under ``left_out``.
    """
    from ..problems import Problem
    from ..sources import read_yaml

    if folder is None:
        return {}
    path = Path(folder) / LEFT_OUT_FILE
    if not path.is_file():
        return {}
    source, problems = read_yaml(path, str(path))
    reasons: dict[str, str] = {}
    if source is not None:
        source, found = source.located()
        problems += found
    if source is not None:
        data = source.data
        left_out = data.get("left_out") if isinstance(data, dict) else None
        if not isinstance(left_out, dict):
            where = ("left_out",) if isinstance(data, dict) and "left_out" in data else ()
            line, column = source.locator.position(where)
            problems.append(
                Problem(str(path), line, column, "expected 'left_out:' mapping names to reasons")
            )
        else:
            for name, reason in left_out.items():
                if not isinstance(name, str) or not isinstance(reason, str) or not reason:
                    line, column = source.locator.position(("left_out", name))
                    problems.append(
                        Problem(str(path), line, column, "expected 'NAME: reason' (both text)")
                    )
                    continue
                reasons[name_key(name)] = reason
    if problems:
        raise DatasetError(problems)
    return reasons


def coverage(
    dataset: Dataset,
    document: str | os.PathLike | None = None,
    left_out: dict[str, str] | None = None,
) -> dict:
    """Return the coverage report of ``dataset``'s documents, or of one ``document``.

    ``document`` is a document key of the dataset or the path of any UTF-8
    text file (an article not encoded yet). ``left_out`` maps folded names to
    the reason they are left out; by default it is read from the dataset's
    ``coverage.yaml``. Raises :class:`QueryError` for an unknown document,
    :class:`DatasetError` for one that cannot be read (not UTF-8, say).
    """
    if left_out is None:
        left_out = {}
        for folder in dataset.sources.values() or [dataset.folder]:
            left_out.update(read_left_out(folder))
    texts = _documents(dataset, document)
    matcher = _Matcher(dataset)
    reports = []
    named_anywhere: set[str] = set()
    for key, (path, text) in texts.items():
        report = _document_report(dataset, matcher, key, path, text, left_out)
        named_anywhere.update(row["id"] for row in report["actors"])
        reports.append(report)
    unnamed = [
        {"id": actor.id, "name": actor.name, "kind": actor.kind}
        for actor in dataset.actors.values()
        if actor.id not in named_anywhere
    ]
    return {"documents": reports, "unnamed_actors": unnamed}


def _documents(dataset: Dataset, document) -> dict[str, tuple[str, str]]:
    """Return ``{key: (path, text)}`` of the documents to read."""
    from ..sources import read_utf8

    shown: dict[str, str] = {}
    if document is None:
        chosen = {key: doc.path for key, doc in dataset.documents.items()}
        if not chosen:
            raise QueryError("the dataset declares no documents: name a text file")
    elif str(document) in dataset.documents:
        chosen = {str(document): dataset.documents[str(document)].path}
    elif Path(document).is_file():
        given = Path(document).resolve()
        known = [key for key, doc in dataset.documents.items() if Path(doc.path).resolve() == given]
        if known:  # the path of a document the dataset declares: its relations cite it
            chosen = {known[0]: dataset.documents[known[0]].path}
        else:
            chosen = {Path(document).name: Path(document)}
            shown = {Path(document).name: str(document)}
    else:
        hint = did_you_mean(str(document), dataset.documents)
        known = ", ".join(dataset.documents) or "none"
        suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
        raise QueryError(
            f"{str(document)!r} is neither a document of the dataset ({known}) "
            f"nor a readable file{suggestion}"
        )
    texts = {}
    for key, path in chosen.items():
        text, problem = read_utf8(Path(path), str(path))
        if problem is not None:
            raise DatasetError([problem])  # FILE:LINE:COL, like any file that cannot be read
        texts[key] = (shown.get(key) or _relative(path, dataset.folder), text)
    return texts


def _relative(path, folder) -> str:
    """Return a document's path as the dataset names it: relative to the dataset's folder."""
    if folder is None:
        return str(path)
    try:
        return Path(os.path.relpath(path, Path(folder).resolve())).as_posix()
    except ValueError:
        return str(path)


class _Matcher:
    """Finds the known actors a text names, and the country words it holds.

    Spellings are keyed by their folded words, so finding the longest name
    at a word costs one look-up per possible length: linear in the text.
    """

    def __init__(self, dataset: Dataset):
        # folded words -> [(actor id, exact words or None, adjective, capital needed)]
        self.spellings: dict[tuple[str, ...], list[tuple[str, tuple | None, bool, bool]]] = {}
        self.longest = 1
        self.countries: dict[str, str] = {}  # folded name -> why it looks like an actor
        for actor in dataset.actors.values():
            for spelling in (actor.name, *actor.aliases):
                self._add(spelling, actor.id, adjective=False)
        for country in load_countries():
            names = (country.name, *country.other_names)
            known = next(
                (dataset.index.get(name) for name in names if dataset.index.get(name)), None
            )
            for name in names:
                self.countries.setdefault(
                    name_key(name),
                    f"another name of {country.name}" + (f" ({known})" if known else "")
                    if name != country.name
                    else "a country",
                )
            for adjective in country.adjectives:
                if known is not None:
                    self._add(adjective, known, adjective=True)
                self.countries.setdefault(name_key(adjective), f"adjective of {country.name}")

    def _add(self, spelling: str, actor_id: str, adjective: bool) -> None:
        words = tokenize(spelling)
        if not words:
            return
        keys = tuple(name_key(word.text) for word in words)
        # Names in capitals (US, NATO) match only as written: "us" is not the United States.
        exact = spelling.upper() == spelling and any(char.isalpha() for char in spelling)
        written = tuple(word.text for word in words) if exact else None
        # "Independent" names a newspaper; "an independent deterrent" does not.
        capital = len(words) == 1 and words[0].text[0].isupper()
        options = self.spellings.setdefault(keys, [])
        if not any(option[0] == actor_id and option[1] == written for option in options):
            options.append((actor_id, written, adjective, capital))
            self.longest = max(self.longest, len(keys))

    def mentions(self, text: str, words: list[Word], folded: list[str]):
        """Return ``(first word, end word, actor id, inner)`` for each name of a known actor.

        The longest name wins; names inside it ("Vietnam" in "U.S. mission in
        Vietnam") are also returned, with ``inner`` true.
        """
        found = []
        index = 0
        while index < len(words):
            match = self.match_at(text, words, folded, index)
            if match is None:
                index += 1
                continue
            end, actor_id, adjective = match
            if adjective and _continues_phrase(text, words, end):
                index += 1  # "European Security Program": a phrase of its own
                continue
            found.append((index, end, actor_id, False))
            inner = index
            while inner < end:
                match = self.match_at(text, words, folded, inner, limit=end, skip=actor_id)
                if match is None:
                    inner += 1
                    continue
                found.append((inner, match[0], match[1], True))
                inner = match[0]
            index = end
        return found

    def match_at(self, text, words, folded, index, limit=None, skip=None):
        """Return ``(end, actor id, adjective)`` of the longest name starting at ``index``."""
        limit = len(words) if limit is None else limit
        for length in range(min(self.longest, limit - index), 0, -1):
            options = self.spellings.get(tuple(folded[index : index + length]))
            if not options:
                continue
            if any(
                not _WORD_GAP.fullmatch(text, words[at - 1].end, words[at].start)
                for at in range(index + 1, index + length)
            ):
                continue
            for actor_id, written, adjective, capital in options:
                if actor_id == skip or (capital and not _is_capitalised(words[index])):
                    continue
                if written is not None and written != tuple(
                    word.text for word in words[index : index + length]
                ):
                    continue
                return index + length, actor_id, adjective
        return None


def _is_capitalised(word: Word) -> bool:
    return word.text[0].isupper()


def _continues_phrase(text: str, words: list[Word], index: int) -> bool:
    """Return whether word ``index`` carries on a capitalised phrase (not a title or stop word)."""
    if index >= len(words):
        return False
    word = words[index]
    key = name_key(word.text)
    return (
        _is_capitalised(word)
        and key not in _STOP_WORDS
        and key not in _TITLES
        and _GAP.fullmatch(text, words[index - 1].end, word.start) is not None
    )


def _document_report(dataset, matcher, key, path, text, left_out) -> dict:
    words = tokenize(text)
    starts = line_starts(text)
    keys: dict[str, str] = {}  # words repeat: fold each spelling once
    folded = [keys.get(w.text) or keys.setdefault(w.text, name_key(w.text)) for w in words]
    mentions = matcher.mentions(text, words, folded)
    covered = [False] * len(words)
    counts: Counter = Counter()
    spellings: dict[str, Counter] = {}
    counted = []
    for first, end, actor_id, _inner in mentions:
        # A known name followed by more capitalised words ("Europe Program") names something else.
        if (
            _continues_phrase(text, words, end)
            and matcher.match_at(text, words, folded, end) is None
        ):
            continue
        counted.append((first, actor_id))
        for position in range(first, end):
            covered[position] = True
        counts[actor_id] += 1
        written = text[words[first].start : words[end - 1].end]
        spellings.setdefault(actor_id, Counter())[written] += 1
    actors = [
        {
            "id": actor_id,
            "name": dataset.actors[actor_id].name,
            "mentions": count,
            "spellings": dict(sorted(spellings[actor_id].items(), key=lambda i: (-i[1], i[0]))),
        }
        for actor_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    sentences = split_sentences(text)
    candidates = _candidates(text, words, covered, sentences, matcher)
    unmatched, kept_out = [], []
    for folded, found in candidates.items():
        line, column = locate(starts, found["start"])
        row = {
            "text": found["text"],
            "mentions": found["count"],
            "why": found["why"],
            "line": line,
            "column": column,
        }
        if folded in left_out:
            kept_out.append({**row, "why": left_out[folded]})
        else:
            suggestions = dataset.index.suggest(found["text"], count=1)
            row["did_you_mean"] = suggestions[0] if suggestions else None
            unmatched.append(row)
    order = lambda row: (-row["mentions"], row["line"], row["column"], row["text"])  # noqa: E731
    uncited = _uncited_sentences(dataset, key, text, words, sentences, counted, starts)
    return {
        "key": key,
        "path": path,
        "actors": actors,
        "unmatched": sorted(unmatched, key=order),
        "left_out": sorted(kept_out, key=order),
        "uncited_sentences": uncited,
    }


def _candidates(text, words, covered, sentences, matcher) -> dict[str, dict]:
    """Return ``{folded phrase: {text, count, why, start}}`` for names matching no actor."""
    lowercase = {word.text for word in words if word.text.islower()}
    capitalised_inside = set()
    sentence_of = _sentence_index(words, sentences)
    seen_first: set[int] = set()
    for position, word in enumerate(words):
        sentence = sentence_of[position]
        if sentence in seen_first and _is_capitalised(word):
            capitalised_inside.add(name_key(word.text))
        seen_first.add(sentence)
    found: dict[str, dict] = {}
    position = 0
    while position < len(words):
        if covered[position] or not _is_capitalised(words[position]):
            position += 1
            continue
        run = [position]
        following = position + 1
        while following < len(words) and sentence_of[following] == sentence_of[position]:
            gap_ok = _GAP.fullmatch(text, words[following - 1].end, words[following].start)
            if not gap_ok or covered[following]:
                break
            word = words[following]
            if _is_capitalised(word) or (
                name_key(word.text) in _CONNECTORS
                and following + 1 < len(words)
                and not covered[following + 1]
                and _is_capitalised(words[following + 1])
                and _GAP.fullmatch(text, word.end, words[following + 1].start)
            ):
                run.append(following)
                following += 1
            else:
                break
        sentence_start = position == 0 or sentence_of[position - 1] != sentence_of[position]
        phrase = _trim(run, words, sentence_start, lowercase, capitalised_inside, matcher)
        if phrase:
            start, end = words[phrase[0]].start, words[phrase[-1]].end
            written = text[start:end]
            why = _why(phrase, words, matcher)
            if why is not None:
                entry = found.setdefault(
                    name_key(written), {"text": written, "count": 0, "why": why, "start": start}
                )
                entry["count"] += 1
        position = following
    return found


def _trim(run, words, sentence_start, lowercase, capitalised_inside, matcher) -> list[int]:
    """Return the run without the leading and trailing words that name nothing."""

    def common(index: int, first: bool) -> bool:
        key = name_key(words[index].text)
        if key in matcher.countries or key in _TITLES:
            return False
        if key in _STOP_WORDS or key in _CONNECTORS:
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
    while run and name_key(words[run[-1]].text) in (_CONNECTORS | _STOP_WORDS):
        run.pop()
    return run


def _why(phrase, words, matcher) -> str | None:
    """Return why a phrase looks like an actor, or None when it is only titles."""
    keys = [name_key(words[index].text) for index in phrase]
    if all(key in _TITLES or key in _CONNECTORS for key in keys):
        return None
    folded = " ".join(keys)
    if folded in matcher.countries:
        return matcher.countries[folded]
    if keys[0] in _TITLES:
        return "title and name"
    if len(keys) == 1 and (len(keys[0]) == 1 or keys[0].endswith(("ing", "ed"))):
        return None  # a lone initial, or a verb capitalised by mistake ("Retraining")
    return "name"


def _sentence_index(words: list[Word], sentences) -> list[int]:
    """Return, for each word, the index of the sentence holding it."""
    result = []
    current = 0
    for word in words:
        while current + 1 < len(sentences) and word.start >= sentences[current].end:
            current += 1
        result.append(current)
    return result


def _uncited_sentences(dataset, key, text, words, sentences, counted, starts):
    """Return the sentences naming two or more actors that no relation's evidence overlaps."""
    sentence_of = _sentence_index(words, sentences)
    actors_in: dict[int, list[str]] = {}
    for first, actor_id in counted:
        named = actors_in.setdefault(sentence_of[first], [])
        if actor_id not in named:
            named.append(actor_id)
    if not any(len(named) > 1 for named in actors_in.values()):
        return []
    index = DocumentIndex(text)
    # Where each sentence lies in the normalised text (one forward pass).
    folded_starts, folded_ends = [], []
    cursor = 0
    for sentence in sentences:
        folded = normalize_text(sentence.text)
        where = index.text.find(folded, cursor)
        if where < 0:
            where = cursor
        else:
            cursor = where + len(folded)
        folded_starts.append(where)
        folded_ends.append(where + len(folded))
    cited = [False] * len(sentences)
    for relation in dataset.relations:
        if relation.document != key:
            continue
        needle = normalize_text(relation.evidence)
        where = index.offset(needle)
        if where < 0:
            continue
        number = max(bisect_right(folded_starts, where) - 1, 0)
        while number < len(sentences) and folded_starts[number] < where + len(needle):
            if folded_ends[number] > where:
                cited[number] = True
            number += 1
    result = []
    for number, sentence in enumerate(sentences):
        named = actors_in.get(number, [])
        if len(named) < 2 or cited[number]:
            continue
        line, column = locate(starts, sentence.start)
        result.append(
            {"line": line, "column": column, "actors": sorted(named), "sentence": sentence.text}
        )
    return result
