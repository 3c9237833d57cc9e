"""The dataset in columns answers every query with the same bytes as the objects.

Each query runs twice, on a dataset of objects and on the same dataset in
columns (what the cache gives back), and the JSON of the two answers must
be equal: counts, every engine's scores, paths with their quotes, filters.
"""

from __future__ import annotations

import json

import pytest

from benchmarks import corpus
from graph import load_dataset
from graph.columns import ColumnarDataset, ColumnProjection, Columns, TextColumn
from graph.filters import filter_dataset
from graph.model import Projection
from graph.queries.centrality import centrality
from graph.queries.paths import shortest_paths
from graph.queries.summary import stats

from .conftest import DATA

FIELDS = DATA / "fields"


@pytest.fixture(scope="module")
def datasets() -> list:
    """Datasets of objects: the seed, the fields fixture (hedges, states, locators), a corpus."""
    return [
        load_dataset(cache=False),
        load_dataset(FIELDS, cache=False),
        corpus.dataset((300, 1500)),
    ]


def columnar(dataset):
    return ColumnarDataset.of(dataset, Columns.of(dataset))


def same(first, second) -> bool:
    return json.dumps(first, sort_keys=False) == json.dumps(second, sort_keys=False)


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("weighted", [False, True])
def test_the_projection_of_columns_is_the_projection_of_objects(datasets, directed, weighted):
    for dataset in datasets:
        objects = Projection.of(dataset, directed=directed, weighted=weighted)
        arrays = Projection.of(columnar(dataset), directed=directed, weighted=weighted)
        assert isinstance(arrays, ColumnProjection)
        # The same pairs in the same order, weights of the same type and bits.
        assert list(arrays.edges.items()) == list(objects.edges.items())
        assert [type(w) for w in arrays.edges.values()] == [type(w) for w in objects.edges.values()]
        assert arrays.nodes == objects.nodes


@pytest.mark.parametrize("engine", ["networkx", "rustworkx"])
@pytest.mark.parametrize("directed", [False, True])
def test_every_query_gives_the_same_bytes_on_columns(datasets, engine, directed):
    for dataset in datasets:
        assert same(
            stats(dataset, engine=engine, directed=directed),
            stats(columnar(dataset), engine=engine, directed=directed),
        )
        for measure in ("degree", "in-degree", "out-degree", "pagerank", "betweenness"):
            for weighted in (False, True):
                if engine == "rustworkx" and weighted and measure == "betweenness":
                    continue
                if not directed and measure in ("in-degree", "out-degree"):
                    continue
                options = {"engine": engine, "directed": directed, "weighted": weighted}
                assert same(
                    centrality(dataset, measure, **options),
                    centrality(columnar(dataset), measure, **options),
                ), (measure, weighted)
        ids = list(dataset.actors)
        for source, target in [(ids[0], ids[-1]), (ids[1], ids[len(ids) // 2])]:
            arrays = columnar(dataset)
            assert same(
                shortest_paths(dataset, source, target, engine=engine, directed=directed),
                shortest_paths(arrays, source, target, engine=engine, directed=directed),
            )
            assert arrays.columns is not None  # only the relations on the paths were built


def test_filters_keep_the_same_relations_on_columns(datasets):
    for dataset in datasets:
        ids, types = list(dataset.actors), list(dataset.types)
        kind = next(iter(dataset.actors.values())).kind
        for options in [
            {"types": types[:2]},
            {"signs": ["hostile"]},
            {"as_of": "2019-06"},
            {"exclude": [ids[0]]},
            {"evidence": ["verified"]},
            {"hedged": False},
            {"kinds": [kind]},
        ]:
            objects = filter_dataset(dataset, **options)
            arrays = filter_dataset(columnar(dataset), **options)
            assert same(stats(objects), stats(arrays)), options
            assert same(centrality(objects, "pagerank"), centrality(arrays, "pagerank"))
            assert arrays.actors == objects.actors and arrays.relations == objects.relations


def test_the_story_keeps_the_same_actors_and_relations_on_columns(datasets):
    from graph.build import story

    for dataset in datasets[:2]:  # both hold commentary relations
        objects, left_objects = story(dataset)
        arrays, left_arrays = story(columnar(dataset))
        assert arrays.columns is not None  # no relation object built to read the story
        assert left_arrays == left_objects and list(arrays.actors) == list(objects.actors)
        assert arrays.relation_count == len(objects.relations) < len(dataset.relations)
        assert arrays.relations == objects.relations
    everything = columnar(datasets[2])  # actions only: the dataset itself
    assert story(everything) == (everything, [])


def test_the_objects_are_built_on_first_use_and_then_are_the_truth(datasets):
    dataset = datasets[1]
    arrays = columnar(dataset)
    assert arrays.columns is not None and arrays == dataset
    assert arrays.columns is None  # comparing read the relations: the objects now rule
    arrays = columnar(dataset)
    relations = arrays.relations
    assert relations == dataset.relations and arrays.columns is None
    relations.pop()  # a caller changing the list changes what every query sees
    assert stats(arrays)["relations"] == len(dataset.relations) - 1
    assert [r.hedged for r in columnar(dataset).relations] == [r.hedged for r in dataset.relations]


def test_quotes_are_read_only_for_the_relations_asked_for():
    texts = ["first", None, "trzecia cytata — ünïcode", "fourth"]
    column = TextColumn.of(texts)
    assert column.values() == texts
    assert column.values([2, 0]) == [texts[2], texts[0]]
    assert column.take([3, 2]).values() == [texts[3], texts[2]]


def test_actors_changed_by_hand_are_projected_from_the_objects(datasets):
    dataset = datasets[1]
    arrays = columnar(dataset)
    extra = next(iter(dataset.actors.values()))
    arrays.actors = {**arrays.actors, "newcomer": extra}
    projection = Projection.of(arrays)
    assert not isinstance(projection, ColumnProjection) and "newcomer" in projection.nodes


def test_validate_counts_the_columns_without_building_the_relations(tmp_path, monkeypatch):
    from graph.load import validate
    from graph.sources import cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(cache, "OBJECTS_UP_TO", 0)  # as a large dataset is read back
    cold = validate(FIELDS)
    assert validate(FIELDS) == cold and cold["relations"] == 7
    warm = load_dataset(FIELDS)
    assert warm.relation_count == 7 and warm.columns is not None
