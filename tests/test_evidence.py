"""Quote normalisation: what a hand-typed quote must match in its document."""

import pytest

from graph.evidence import normalize_text, quote_in_document

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
