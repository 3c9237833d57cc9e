"""The seed dataset: valid, complete enough, and every quote found in the article."""

from pathlib import Path

import pytest

from graph import load_dataset
from graph.evidence import normalize_text
from graph.load import seed_folder

SHARED_SEED = Path(__file__).resolve().parents[2] / "shared/seeds/ukraine-reassurance-force.txt"
SHIPPED_SEED = Path(__file__).resolve().parents[1] / "seeds/ukraine-reassurance-force.txt"


def test_seed_loads_without_problems():
    dataset = load_dataset()
    # Only the hedge check's warnings, until the seed's second reading marks its
    # hedged relations and its commentary types (issue 20 item 5).
    assert [w for w in dataset.warnings if "mark it hedged" not in w.message] == []
    assert 25 <= len(dataset.actors) <= 40
    assert 40 <= len(dataset.relations) <= 80
    assert list(dataset.documents) == ["article"]


def test_every_seed_quote_is_in_the_article():
    dataset = load_dataset()
    article = normalize_text(dataset.documents["article"].path.read_text(encoding="utf-8"))
    missing = [r.evidence for r in dataset.relations if normalize_text(r.evidence) not in article]
    assert missing == []


def test_seed_names_the_article_actors():
    dataset = load_dataset()
    for name in (
        "Britain",
        "UK",
        "Downing Street",
        "France",
        "Washington",
        "the Kremlin",
        "Kiev",
        "Türkiye",
        "Emmanuel Macron",
        "John Healey",
        "Marco Rubio",
        "Philip Ingram",
        "Leo Litra",
        "Sophia Besch",
        "Poland",
        "NATO",
        "Coalition of the Willing",
    ):
        dataset.find_actor(name)  # raises if the seed lacks it


def test_every_declared_type_and_kind_is_used():
    dataset = load_dataset()
    assert {r.type for r in dataset.relations} == set(dataset.types)
    assert {a.kind for a in dataset.actors.values()} == set(dataset.kinds)


@pytest.mark.skipif(not SHARED_SEED.exists(), reason="shared/ is not beside this checkout")
def test_shipped_article_is_a_byte_copy_of_the_shared_seed():
    assert SHIPPED_SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_seed_folder_points_at_data():
    assert seed_folder() == Path(__file__).resolve().parents[1] / "data"
