"""Actor look-up: ids, names and aliases, ignoring case, accents and spacing."""

import pytest

from graph import UnknownActorError, load_dataset
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
