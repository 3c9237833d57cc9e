"""Quote normalisation: what a hand-typed quote must match in its document."""

import pytest

from graph.evidence import DocumentIndex, all_found, normalize_text, quote_in_document

ARTICLE = "Downing Street said Britain’s plan — a “reassurance force” — is\n  ready…"


@pytest.mark.parametrize(
    "quote",
    [
        'Britain\'s plan - a "reassurance force" - is ready...',
        "BRITAIN’S PLAN — A “REASSURANCE FORCE”",
        "said britain's   plan",
        "is ready…",
    ],
)
def test_typed_quotes_match_the_typographic_article(quote):
    assert quote_in_document(quote, ARTICLE)


@pytest.mark.parametrize("quote", ["Britain's force", "", "   ", "Downing Street says"])
def test_quotes_not_in_the_article(quote):
    assert not quote_in_document(quote, ARTICLE)


def test_normalize_text_is_exact():
    assert normalize_text("A\u00a0“B”\t– C’s\u00adD …") == 'a "b" - c\'sd ...'


def test_document_index_agrees_with_plain_search():
    import random

    from graph.evidence import DocumentIndex
    from graph.load import seed_folder

    article = seed_folder().parent / "seeds" / "ukraine-reassurance-force.txt"
    text = article.read_text(encoding="utf-8")
    index = DocumentIndex(text)
    folded = normalize_text(text)
    rng = random.Random(7)
    for _ in range(2000):
        start = rng.randrange(len(folded))
        end = start + rng.randrange(1, 80)
        quote = folded[start:end]
        if rng.random() < 0.5:  # a near miss: one character changed
            where = rng.randrange(len(quote))
            quote = quote[:where] + "#" + quote[where + 1 :]
        needle = normalize_text(quote)
        assert index.contains(quote) == (bool(needle) and needle in folded), quote


def test_arabic_letter_mark_and_invisible_operators_are_ignored():
    article = "ارتفعت الرسوم بنسبة \u061c40\u061c٪ يوم الاثنين"
    assert quote_in_document("ارتفعت الرسوم بنسبة 40٪ يوم", article)
    assert quote_in_document("a b", "a\u2062 b")


def test_every_whitespace_character_is_folded_to_a_space():
    import sys

    from graph.evidence import WHITESPACE

    spaces = {chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()}
    assert set(WHITESPACE) == spaces
    assert normalize_text("a\u2028\u3000 \t b\u00a0\u00a0\u00a0c  ") == "a b c"


def test_short_ascii_texts_fold_as_the_general_way_does():
    import random
    import string
    import unicodedata

    from graph import evidence

    draw = random.Random(1)
    characters = string.printable + "\x1c\x1d\x1e\x1f"
    for _ in range(20_000):
        text = "".join(draw.choice(characters) for _ in range(draw.randint(0, 30)))
        general = unicodedata.normalize("NFKC", text).casefold()
        general = general.translate(evidence._TYPOGRAPHY).translate(evidence._SPACES)
        while "  " in general:
            general = general.replace("  ", " ")
        assert evidence.normalize_text(text) == general.strip(" "), repr(text)


QUOTES = [
    'Britain\'s plan - a "reassurance force" - is ready...',
    "BRITAIN’S PLAN — A “REASSURANCE FORCE”",
    "said britain's   plan",
    "is ready…",
    "Britain's force",
    "",
    "   ",
    "Downing Street says",
]


class Indexed(DocumentIndex):
    """A DocumentIndex that indexes any text, short ones too, so its word index answers."""

    DIRECT = 0


def test_find_all_gives_find_s_answers_on_every_case():
    for make in (DocumentIndex, Indexed):
        index = make(ARTICLE)
        needles = [normalize_text(quote) for quote in QUOTES]
        assert index.find_all(needles) == [index.find(needle) for needle in needles]
        assert index.find_all(needles) == [quote_in_document(q, ARTICLE) for q in QUOTES]
        assert index.find_all([]) == []


def test_find_all_agrees_with_find_on_random_quotes_of_the_seed_article():
    import random

    from graph.load import seed_folder

    article = seed_folder().parent / "seeds" / "ukraine-reassurance-force.txt"
    text = article.read_text(encoding="utf-8")
    folded = normalize_text(text)
    rng = random.Random(11)
    needles = []
    for _ in range(3000):
        start = rng.randrange(len(folded))
        quote = folded[start : start + rng.randrange(0, 120)]
        if quote and rng.random() < 0.5:  # a near miss: one character changed
            where = rng.randrange(len(quote))
            quote = quote[:where] + rng.choice("#e ") + quote[where + 1 :]
        needles.append(normalize_text(quote))
    for index in (DocumentIndex(text), Indexed(text)):
        found = index.find_all(needles)
        assert found == [index.find(needle) for needle in needles]
        assert found == [bool(n) and n in folded for n in needles]
        assert 500 < sum(found) < 2500  # both answers asked many times
        hits = [n for n, yes in zip(needles, found) if yes]
        misses = [n for n, yes in zip(needles, found) if not yes]
        assert all_found({"a": index}, ["a"] * len(hits), hits)
        assert not all_found({"a": index}, ["a"] * (len(hits) + 1), [*hits, misses[0]])
        assert all_found({"a": index}, [None, "b"], misses[:2])  # no index: not searched
