"""Actor look-up: ids, names and aliases, ignoring case, accents and spacing."""

import pytest

from graph import AmbiguousActorError, UnknownActorError, load_dataset
from graph.names import ActorIndex, name_key

from .conftest import SMALL


@pytest.mark.parametrize(
    ("text", "key"),
    [("Türkiye", "turkiye"), ("  ILSE   Varga ", "ilse varga"), ("Ruritánia", "ruritania")],
)
def test_name_key_folds_case_accents_and_spaces(text, key):
    assert name_key(text) == key


@pytest.mark.parametrize(
    ("query", "actor_id"),
    [
        ("turkiye", "turkiye"),
        ("TÜRKIYE", "turkiye"),
        ("turkey", "turkiye"),
        ("Ankara", "turkiye"),
        ("ilse varga", "varga"),
        ("VARGA", "varga"),
        ("the pact", "pact"),
        ("northern  pact", "pact"),
    ],
)
def test_find_actor_by_id_name_or_alias(query, actor_id):
    assert load_dataset(SMALL).find_actor(query).id == actor_id


def test_unknown_actor_suggests_close_actors():
    with pytest.raises(UnknownActorError) as caught:
        load_dataset(SMALL).find_actor("Sylvanya")
    assert caught.value.suggestions == ["sylvania"]
    assert str(caught.value) == "unknown actor 'Sylvanya'; did you mean 'sylvania'?"


def test_unknown_actor_with_nothing_close():
    with pytest.raises(UnknownActorError) as caught:
        load_dataset(SMALL).find_actor("zzzzzz")
    assert caught.value.suggestions == []
    assert str(caught.value) == "unknown actor 'zzzzzz'"


def test_index_suggests_each_actor_once():
    index = ActorIndex({"uk": ["United Kingdom", "UK"], "ua": ["Ukraine"]})
    assert index.suggest("Ukrane") == ["ua"]


WORDS = ActorIndex(
    {
        "jh": ["John Healey", "Defense Secretary"],
        "mr": ["Marco Rubio"],
        "pt": ["US-led peace talks"],
        "ua-mil": ["Ukraine's military"],
        "cw": ["Coalition of the Willing", "coalition"],
        "ct": ["Coalition task force"],
        "rf": ["Reassurance force"],
        "healey": ["Healey Foundation"],
        "ob": ["O'Brien"],
        "ib": ["Barrow, Ilse (ret.)"],
    }
)


@pytest.mark.parametrize(
    ("query", "actor_id"),
    [
        ("Rubio", "mr"),
        ("rubio", "mr"),
        ("peace talks", "pt"),
        ("PEACE-TALKS", "pt"),
        ("led peace", "pt"),
        ("Ukraine military", "ua-mil"),
        ("Secretary", "jh"),
        ("the Willing", "cw"),
        ("Brien", "ob"),
        ("Barrow", "ib"),
        ("ilse ret", "ib"),
        ("task force", "ct"),
        # An exact id, name or alias always wins over words.
        ("healey", "healey"),
        ("coalition", "cw"),
    ],
)
def test_whole_words_of_one_name_resolve(query, actor_id):
    assert WORDS.resolve(query) == actor_id


@pytest.mark.parametrize("query", ["pea", "talks peace", "Marco Healey", "the", "of and"])
def test_parts_of_words_words_out_of_order_and_stop_words_do_not(query):
    with pytest.raises(UnknownActorError):
        WORDS.resolve(query)


def test_several_matches_are_a_usage_error_listing_them_all():
    with pytest.raises(AmbiguousActorError) as caught:
        WORDS.resolve("force")
    assert caught.value.candidates == ["ct", "rf"]
    assert str(caught.value) == (
        "'force' names 2 actors: Coalition task force (ct), Reassurance force (rf); "
        "use an id or a full name"
    )


def test_the_cli_reports_an_ambiguous_name_as_a_usage_error(run):
    result = run("show", "European")
    assert result.exit_code == 2
    assert "'European' names 3 actors: European air support (european-air-support), " in (
        result.stderr
    )


def test_word_look_up_checks_only_the_names_holding_the_rarest_word():
    # 20,000 actors that all share two words: a query with one rare word
    # checks the one name that holds it, not 20,000 (counted, not timed).
    names = {f"a{i}": [f"Common Ministry {i}"] for i in range(20_000)}
    names["x"] = ["Common Ministry Zanzibar"]
    index = ActorIndex(names)
    assert index.resolve("ministry zanzibar") == "x"
    postings = index._words()
    assert len(postings["zanzibar"]) == 1
    assert len(postings["ministry"]) == 20_001


def test_every_actor_option_resolves_words_the_same_way(run):
    assert run("path", "Healey", "Rubio").exit_code == 0
    result = run("centrality", "--exclude", "force")
    assert result.exit_code == 2
    assert "'force' names 2 actors: Coalition task force" in result.stderr
    assert "Reassurance force (reassurance-force)" in result.stderr
