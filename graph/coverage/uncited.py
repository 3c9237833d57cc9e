"""Sentences that name two or more known actors and that no relation cites: likely gaps."""

from __future__ import annotations

from bisect import bisect_right

from ..evidence import DocumentIndex, normalize_text
from .finding import sentence_index
from .text import locate

__all__ = ["uncited_sentences"]


def uncited_sentences(dataset, key, text, words, sentences, counted, starts):
    """Return the sentences naming two or more actors that no relation's evidence overlaps."""
    sentence_of = sentence_index(words, sentences)
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
