"""The shared corpus generator (benchmarks/corpus.py): valid, deterministic, news-shaped."""

from __future__ import annotations

import statistics
from collections import Counter

from benchmarks import corpus
from graph import load_dataset


def test_a_written_corpus_loads_with_every_quote_checked(tmp_path):
    written = corpus.write(tmp_path, (300, 1500), seed=3)
    dataset = load_dataset(tmp_path)
    assert len(dataset.actors) == 300
    assert len(dataset.relations) == 1500
    assert len(dataset.documents) == len(written.documents) == 15
    assert dataset.warnings == []
    # What loads is what was generated, in file order.
    assert [r.evidence for r in dataset.relations] == [r["evidence"] for r in written.relations]
    in_memory = corpus.dataset((300, 1500), seed=3)
    assert [(r.source, r.type, r.target, r.date, r.weight) for r in dataset.relations] == [
        (r.source, r.type, r.target, r.date, r.weight) for r in in_memory.relations
    ]
    assert dataset.actors == in_memory.actors


def test_the_same_size_and_seed_give_the_same_bytes(tmp_path):
    corpus.write(tmp_path / "one", "S", seed=7)
    corpus.write(tmp_path / "two", "S", seed=7)
    corpus.write(tmp_path / "other", "S", seed=8)
    for name in ("actors.yaml", "relations.yaml", "docs/d0000.txt"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    assert (tmp_path / "one" / "relations.yaml").read_bytes() != (
        tmp_path / "other" / "relations.yaml"
    ).read_bytes()


def test_degrees_are_heavy_tailed_and_types_signed():
    built = corpus.build((2000, 20000), seed=0)
    degree = Counter()
    for relation in built.relations:
        degree[relation["source"]] += 1
        degree[relation["target"]] += 1
    counts = sorted(degree.values())
    assert counts[-1] > 20 * statistics.median(counts)
    signs = Counter(built.types[r["type"]]["sign"] for r in built.relations)
    assert set(signs) == {-1, 0, 1}
    assert min(signs.values()) > len(built.relations) // 10
    assert any(entry["symmetric"] for entry in built.types.values())
    assert sum("date" in r for r in built.relations) > len(built.relations) // 2
    assert sum("aliases" in a for a in built.actors) > len(built.actors) // 5
    assert all(r["source"] != r["target"] for r in built.relations)


def test_named_sizes():
    assert corpus.size_of("L") == corpus.Size(20_000, 200_000, 2_000)
    assert corpus.size_of("xl").relations == 1_000_000
