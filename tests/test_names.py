"""Actor look-up: ids, names and aliases, ignoring case, accents and spacing."""

import pytest

from graph import AmbiguousActorError, UnknownActorError, load_dataset
from graph.names import ActorIndex, name_key

from .conftest import DATA, SMALL

NIGER = DATA / "niger"


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


def test_an_exact_id_names_its_actor_even_where_another_spells_it():
    # Loaded datasets refuse such a clash (graph.rules.distinct); an index built by
    # hand may hold one, and the id as written wins, as Dataset.find_actor's shortcut does.
    index = ActorIndex({"gb": ["Britain", "uk"], "uk": ["Ukraine"]})
    found = [index.resolve(query) for query in ("uk", "UK", "Britain")]
    assert found == ["uk", "gb", "gb"]


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
    result = run("show", "peace")
    assert result.exit_code == 2
    assert "'peace' names 3 actors: Carnegie Endowment for International Peace " in (result.stderr)


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


# Names people type (issue 20): the seed's examples, with the actor each must find.
@pytest.mark.parametrize(
    ("query", "actor_id"),
    [
        ("Turkey", "turkiye"),
        ("USA", "us"),
        ("the U.S.", "us"),
        ("America", "us"),
        ("Britain", "uk"),
        ("Kyiv", "ukraine"),
        ("Kiev", "ukraine"),
        ("Moscow", "russia"),
        ("Washington", "us"),
        ("ECFR", "european-council-on-foreign-relations"),
        ("ceip", "carnegie-endowment-for-international-peace"),
        ("Defence Secretary", "john-healey"),
        ("Defence Secretary John Healey", "john-healey"),
        ("President Trump", "donald-trump"),
        ("Secretary of State Marco Rubio", "marco-rubio"),
        # A country's adjective is the country when it is an actor, not a body named after it.
        ("Turkish", "turkiye"),
        ("French", "france"),
        ("British", "uk"),
        ("European", "europe"),
        ("Turkish Defence Ministry", "turkiye-defense-ministry"),
    ],
)
def test_names_people_type_find_the_seeds_actors(query, actor_id):
    assert load_dataset().find_actor(query).id == actor_id


def test_a_generic_word_lists_the_actors_it_could_mean():
    # The British Army is the only actor with "army" in its name, but every
    # army of the article is Ukraine's: a generic word is never one actor's name.
    with pytest.raises(AmbiguousActorError) as caught:
        load_dataset().find_actor("army")
    assert caught.value.candidates == ["british-army", "military-chiefs", "ukraine-military"]
    assert str(caught.value) == (
        "'army' is a generic word; it could name British Army (british-army), "
        "Military chiefs (military-chiefs), Ukraine's military (ukraine-military); "
        "use an id or a full name"
    )


def test_a_place_of_a_country_suggests_that_country_and_no_other():
    with pytest.raises(UnknownActorError) as caught:
        load_dataset().find_actor("England")
    assert caught.value.suggestions == ["uk"]  # not Poland
    assert str(caught.value) == "unknown actor 'England'; did you mean 'uk'?"


@pytest.mark.parametrize(
    ("query", "actor_id"),
    [
        ("Nigerien", "niger"),
        ("Niamey", "niger"),  # the police in Niamey is not the city
        ("junta", "junta"),  # an alias wins over the generic word
        ("President Bazoum", "bazoum"),
        ("General Tiani", "tiani"),
        ("French", "france"),
    ],
)
def test_names_people_type_on_the_niger_story(query, actor_id):
    assert load_dataset(NIGER).find_actor(query).id == actor_id


@pytest.mark.parametrize("query", ["Nigeria", "Nigerian", "USA", "England"])
def test_a_country_that_is_no_actor_never_suggests_another_country(query):
    # Plain did-you-mean would offer Niger for Nigeria and Russia for USA.
    with pytest.raises(UnknownActorError) as caught:
        load_dataset(NIGER).find_actor(query)
    assert caught.value.suggestions == []
    assert str(caught.value) == f"unknown actor {query!r}"


def test_a_demonym_of_a_country_that_is_no_actor_lists_the_candidates():
    index = ActorIndex({"mod": ["Defense Ministry of Türkiye", "Turkish Defense Ministry"]})
    with pytest.raises(AmbiguousActorError) as caught:
        index.resolve("Turkish")
    assert str(caught.value) == (
        "'Turkish' is an adjective of Türkiye, which is no actor here; it could name "
        "Defense Ministry of Türkiye (mod); use an id or a full name"
    )


def test_a_lone_generic_word_is_never_taken_for_its_one_actor():
    with pytest.raises(AmbiguousActorError) as caught:
        load_dataset(NIGER).find_actor("police")
    assert caught.value.candidates == ["niamey-police"]


@pytest.mark.parametrize(
    ("query", "actor_id"),
    [
        ("Ministry of Defence", "uk-mod"),  # spelling on the query's side
        ("labor party", "labour"),  # and on the name's side
        ("organization", "org"),
        ("NSC", "nsc"),
        ("Mr Varga", "varga"),
    ],
)
def test_spellings_titles_and_acronyms(query, actor_id):
    index = ActorIndex(
        {
            "uk-mod": ["Ministry of Defense"],
            "labour": ["Labour Party"],
            "org": ["Organisation"],
            "nsc": ["National Security Council"],
            "varga": ["Ilse Varga"],
        }
    )
    assert index.resolve(query) == actor_id


@pytest.mark.parametrize("query", ["President", "Mr", "NS"])
def test_titles_alone_and_two_letter_acronyms_do_not_resolve(query):
    index = ActorIndex({"nsc": ["National Security Council"], "scotia": ["Nova Scotia"]})
    with pytest.raises(UnknownActorError):
        index.resolve(query)


def test_acronyms_shared_by_two_names_are_ambiguous():
    index = ActorIndex({"a": ["European Council on Refugees"], "b": ["Energy Commission Report"]})
    with pytest.raises(AmbiguousActorError) as caught:
        index.resolve("ECR")
    assert caught.value.candidates == ["a", "b"]
