"""Camps: the split with fewest frustrated relations, exact on small graphs (by brute force)."""

from __future__ import annotations

import doctest
import itertools
import json
import random
import time

import pytest

from graph import QueryError, load_dataset
from graph.filters import filter_dataset
from graph.model import Actor, Dataset, Relation, RelationType
from graph.queries import balance
from graph.queries import camps as camps_module
from graph.queries.balance import split
from graph.queries.camps import camps

from .conftest import DATA, SMALL

ROOT = DATA.parents[1]


def brute_force_cost(ties: dict) -> int:
    nodes = sorted({node for pair in ties for node in pair})
    best = None
    for sides in itertools.product((0, 1), repeat=len(nodes)):
        side = dict(zip(nodes, sides))
        cost = sum(t if side[u] == side[v] else a for (u, v), (t, a) in ties.items())
        best = cost if best is None else min(best, cost)
    return best


def cost_of(sides: dict, ties: dict) -> int:
    return sum(t if sides[u] == sides[v] else a for (u, v), (t, a) in ties.items())


def random_ties(rng: random.Random, nodes: int, pairs: int) -> dict:
    ties = {}
    for _ in range(pairs):
        u, v = sorted(rng.sample(range(nodes), 2))
        together, apart = ties.get((u, v), (0, 0))
        if rng.random() < 0.5:
            together += 1
        else:
            apart += 1
        ties[(u, v)] = (together, apart)
    return ties


def test_two_blocs_with_one_frustrated_relation():
    result = camps(load_dataset(DATA / "signed"), min_margin=0)
    assert result["camps"] == [
        ["isle-north", "westholm", "westland", "westmark"],
        ["eastland", "eastmark", "isle-south"],
    ]
    assert result["frustrated"] == [
        {
            "source": "westholm",
            "type": "supports",
            "target": "eastmark",
            "evidence": "Westholm supports Eastmark's bid",
            "sign": 1,
        }
    ]
    assert result["unaligned"] == ["observer"]
    assert result["method"] == "exact"
    assert [(part["method"], part["frustrated"]) for part in result["components"]] == [
        ("exact", 1),
        ("balanced", 0),
    ]
    assert result["names"]["isle-north"] == "North Isle"


def test_a_balanced_graph_splits_without_frustration():
    result = camps(load_dataset(SMALL), min_margin=0)
    # Neutral talks are ignored; Türkiye opposes the pact the others are in.
    assert result["camps"] == [["freedonia", "pact", "ruritania", "sylvania", "varga"], ["turkiye"]]
    assert result["frustrated"] == []
    assert result["unaligned"] == ["atlantis"]


def test_parallel_relations_each_count():
    actors = {i: Actor(i, i.upper(), "country") for i in "ab"}
    types = {"ally": RelationType("ally", 1), "foe": RelationType("foe", -1)}
    relations = [Relation("a", "ally", "b", f"ally {i}") for i in range(2)]
    relations += [Relation("a", "foe", "b", f"foe {i}") for i in range(3)]
    result = camps(Dataset(actors, types, relations))
    # Three hostile against two friendly: one relation more keeps them apart.
    assert result["camps"] == [[], []]
    assert result["leaning"] == [["a"], ["b"]]
    assert [r["evidence"] for r in result["frustrated"]] == ["ally 0", "ally 1"]


def test_the_heuristic_finds_the_same_split_on_a_small_graph():
    result = camps(load_dataset(DATA / "signed"), exact_limit=0)
    assert result["method"] == "heuristic"
    assert result["camps"] == camps(load_dataset(DATA / "signed"))["camps"]
    assert len(result["frustrated"]) == 1


@pytest.mark.parametrize("trial", range(40))
def test_exact_split_equals_brute_force(trial):
    rng = random.Random(trial)
    ties = random_ties(rng, nodes=rng.randint(3, 9), pairs=rng.randint(3, 22))
    components = split(ties)
    sides = {node: side for part in components for node, side in part["sides"].items()}
    assert {part["method"] for part in components} <= {"balanced", "exact"}
    assert cost_of(sides, ties) == sum(part["cost"] for part in components)
    assert cost_of(sides, ties) == brute_force_cost(ties)


@pytest.mark.parametrize("trial", range(8))
def test_exact_split_equals_brute_force_on_dense_mostly_hostile_cores(trial):
    rng = random.Random(100 + trial)
    nodes = 13
    ties = {}
    for u, v in itertools.combinations(range(nodes), 2):
        if rng.random() < 0.8:
            count = rng.randint(1, 3)
            hostile = sum(rng.random() < 0.8 for _ in range(count))
            ties[(u, v)] = (hostile, count - hostile)
    components = split(ties)
    sides = {node: side for part in components for node, side in part["sides"].items()}
    assert cost_of(sides, ties) == brute_force_cost(ties)


def test_the_hardest_exact_core_we_know_is_solved_within_a_second_or_so():
    # Every pair of EXACT_LIMIT actors opposed: each actor pulls no way, so the
    # bound prunes least. The best split halves them: 2 * C(11, 2) frustrated.
    # Before, with EXACT_LIMIT 24, a core like this took about 30 s.
    ties = {pair: (1, 0) for pair in itertools.combinations(range(balance.EXACT_LIMIT), 2)}
    started = time.perf_counter()
    [component] = split(ties)
    assert time.perf_counter() - started < 3
    half = balance.EXACT_LIMIT // 2
    assert (component["method"], component["cost"]) == ("exact", 2 * half * (half - 1) // 2)
    assert sorted(component["sides"].values()).count(0) == half
    one_more = {pair: (1, 0) for pair in itertools.combinations(range(balance.EXACT_LIMIT + 1), 2)}
    assert split(one_more)[0]["method"] == "heuristic"


def test_no_signed_relations_leave_every_actor_unaligned():
    neutral = filter_dataset(load_dataset(SMALL), types=["talks_with"])
    result = camps(neutral)
    assert (result["camps"], result["frustrated"], result["components"]) == ([[], []], [], [])
    assert result["unaligned"] == sorted(neutral.actors)
    assert camps(load_dataset(DATA / "lone"))["unaligned"] == ["hermit"]


def test_heuristic_beyond_the_limit_is_a_seeded_local_optimum():
    rng = random.Random(7)
    ties = random_ties(rng, nodes=120, pairs=600)
    started = time.perf_counter()
    components = split(ties)
    assert time.perf_counter() - started < 10
    assert "heuristic" in {part["method"] for part in components}
    sides = {node: side for part in components for node, side in part["sides"].items()}
    cost = cost_of(sides, ties)
    for node in sides:
        moved = {**sides, node: 1 - sides[node]}
        assert cost_of(moved, ties) >= cost
    assert split(ties) == components


def test_the_seed_sets_russia_apart_from_ukraine_and_its_backers():
    result = camps(load_dataset())
    camp_of = {actor["id"]: actor["camp"] for actor in result["actors"]}
    for backer in ("ukraine", "uk", "france", "europe", "coalition-of-the-willing"):
        assert camp_of[backer] != camp_of["russia"], backer
    assert result["method"] == "exact"


def test_docstring_examples():
    assert doctest.testmod(camps_module).failed == 0
    assert doctest.testmod(balance).failed == 0


SURENESS = DATA / "sureness"


def placements(result: dict) -> dict:
    return {a["id"]: (a["camp"], a["placement"], a["margin"]) for a in result["actors"]}


def test_each_placement_says_whether_it_is_forced_and_by_how_much():
    result = camps(load_dataset(SURENESS))
    assert placements(result) == {
        # The mediator backs Denmark and opposes Norway: one misfit either way.
        "mediator": (1, "forced", 0),
        # Sweden, its prime minister and NATO: no signed path to the main group.
        "nato": (1, "convention", 1),
        "norway": (1, "forced", 1),
        "sweden-pm": (1, "convention", 1),
        "sweden": (1, "convention", 2),
        # Denmark switches with the analyst, who is tied to the rest only through it.
        "denmark": (1, "forced", 3),
        # One critical remark is all that puts the analyst with Russia.
        "analyst": (2, "forced", 1),
        "russia": (2, "forced", 2),
    }
    assert list(placements(result)) == [
        *("mediator", "nato", "norway", "sweden-pm", "sweden", "denmark"),
        *("analyst", "russia"),
    ]
    assert [a["signed_relations"] for a in result["actors"]] == [2, 1, 3, 1, 2, 4, 1, 2]
    assert [part["placement"] for part in result["components"]] == ["forced", "convention"]
    assert camps(load_dataset(SURENESS), min_margin=0)["hidden"] == []


def signed_ties(dataset) -> dict:
    ties = {}
    for relation in dataset.relations:
        sign = dataset.types[relation.type].sign
        if sign:
            pair = tuple(sorted((relation.source, relation.target)))
            together, apart = ties.get(pair, (0, 0))
            ties[pair] = (together + (sign < 0), apart + (sign > 0))
    return ties


def test_a_margin_is_what_switching_an_actor_and_its_hangers_on_would_cost():
    dataset = load_dataset(SURENESS)
    result = camps(dataset)
    ties = signed_ties(dataset)
    sides = {a["id"]: a["camp"] for a in result["actors"]}
    # Who moves with whom: the analyst is tied to the rest only through Denmark.
    moving = {actor: {actor} for actor in sides} | {"denmark": {"denmark", "analyst"}}
    for actor in result["actors"]:
        switched = {**sides, **{a: 3 - sides[a] for a in moving[actor["id"]]}}
        assert cost_of(switched, ties) - cost_of(sides, ties) == actor["margin"], actor["id"]


def test_an_analyst_placed_by_one_critical_remark_is_flagged_even_with_her_institute():
    result = camps(load_dataset(ROOT / "docs/guide/arctic"))
    margin = {a["id"]: (a["camp"], a["margin"]) for a in result["actors"]}
    # Maja Lund criticises Denmark, and her institute hangs on her: one relation holds both.
    assert margin["maja-lund"] == (2, 1)
    assert margin["arctic-institute"] == (2, 1)
    # The patrol group is the centre of a tree: it switches alone, against nine relations.
    assert margin["arctic-patrol-group"] == (1, 9)
    assert margin["russia"] == (2, 2)


def test_margins_on_plain_ties_match_brute_force_moves_of_each_hanging_tree():
    # a - b - c - d, a cycle c - e - f - c, and g hanging on e.
    ties = {
        ("a", "b"): (0, 1),
        ("b", "c"): (0, 2),
        ("c", "d"): (1, 0),
        ("c", "e"): (0, 1),
        ("e", "f"): (0, 1),
        ("c", "f"): (1, 0),
        ("e", "g"): (0, 3),
    }
    [component] = split(ties)
    sides = component["sides"]
    hangers = {"b": {"a"}, "c": {"a", "b", "d"}, "e": {"g"}}
    expected = {}
    for node in sides:
        moved = {node} | hangers.get(node, set())
        switched = {n: side ^ (n in moved) for n, side in sides.items()}
        expected[node] = cost_of(switched, ties) - cost_of(sides, ties)
    assert balance.margins(ties, sides) == expected
    assert expected == {"a": 1, "b": 2, "c": 2, "d": 1, "e": 0, "f": 0, "g": 3}


def test_only_placements_on_two_relations_or_more_are_members_by_default():
    result = camps(load_dataset(SURENESS))
    standing = {a["id"]: a["standing"] for a in result["actors"]}
    assert standing == {
        "mediator": "undecided",  # either side fits as well
        "nato": "undecided",  # placed by convention
        "norway": "leaning",  # one relation more than the other side
        "sweden-pm": "undecided",
        "sweden": "undecided",
        "denmark": "member",
        # One critical remark is all that puts the analyst with Russia: leaning, no member.
        "analyst": "leaning",
        "russia": "member",
    }
    assert result["min_margin"] == 2
    assert result["camps"] == [["denmark"], ["russia"]]
    assert result["leaning"] == [["norway"], ["analyst"]]
    assert result["undecided"] == ["mediator", "nato", "sweden", "sweden-pm"]
    assert result["hidden"] == ["analyst", "mediator", "nato", "norway", "sweden", "sweden-pm"]


def test_min_margin_sets_who_is_a_member_but_keeps_the_split():
    everything = camps(load_dataset(SURENESS), min_margin=0)
    assert everything["camps"] == [
        ["denmark", "mediator", "nato", "norway", "sweden", "sweden-pm"],
        ["analyst", "russia"],
    ]
    assert everything["leaning"] == [[], []] and everything["undecided"] == []
    one = camps(load_dataset(SURENESS), min_margin=1)
    assert one["camps"] == [["denmark", "norway"], ["analyst", "russia"]]
    assert one["leaning"] == [[], []]
    assert one["undecided"] == ["mediator", "nato", "sweden", "sweden-pm"]
    three = camps(load_dataset(SURENESS), min_margin=3)
    assert three["camps"] == [["denmark"], []]
    assert three["leaning"] == [["norway"], ["analyst", "russia"]]
    for result in (everything, one, three):
        assert result["frustrated"] == camps(load_dataset(SURENESS))["frustrated"]
        assert [a["id"] for a in result["actors"]] == [
            *("mediator", "nato", "norway", "sweden-pm", "sweden", "denmark"),
            *("analyst", "russia"),
        ]
    for bad in (-1, 1.5, True):
        with pytest.raises(QueryError) as error:
            camps(load_dataset(SURENESS), min_margin=bad)
        assert str(error.value) == f"min_margin must be a whole number of at least 0, not {bad!r}"


def test_the_camps_table_says_plainly_what_is_unsure(run):
    result = run("camps", "--data", str(SURENESS))
    assert result.exit_code == 0
    assert result.stdout == (
        "method:     exact (exact up to 22 actors on cycles, local search beyond)\n"
        "frustrated: 1 relation(s)\n"
        "placement:  5 forced by signed relations, 3 placed by convention\n"
        "unsure:     4 resting on one relation, 1 fitting either side as well\n"
        "standing:   2 member(s), 2 leaning (margin under 2), 4 undecided (either side\n"
        "            fits)\n"
        "\n"
        "Camps (members rest on at least 2 relation(s))\n"
        "camp       size  members\n"
        "---------  ----  --------------------------------------------------\n"
        "1          1     Denmark\n"
        "1 leaning  1     Norway\n"
        "2          1     Russia\n"
        "2 leaning  1     Ada Analyst\n"
        "undecided  4     NATO, Sweden, Swedish prime minister, The Mediator\n"
        "unaligned  1     Observer\n"
        "\n"
        "How sure each placement is (unsure first; margin: how many more relations would\n"
        "not fit if the actor switched sides, with those tied to the rest only through\n"
        "it)\n"
        "camp  actor           standing   placement      margin  note\n"
        "----  --------------  ---------  -------------  ------  ------------------------\n"
        "1     The Mediator    undecided  forced         0       either side fits as well\n"
        "1     NATO            undecided  by convention  1       placed by convention: no\n"
        "                                                        signed path to the main\n"
        "                                                        group; rests on one\n"
        "                                                        relation\n"
        "1     Norway          leaning    forced         1       rests on one relation\n"
        "1     Swedish prime…  undecided  by convention  1       placed by convention: no\n"
        "                                                        signed path to the main\n"
        "                                                        group; rests on one\n"
        "                                                        relation\n"
        "1     Sweden          undecided  by convention  2       placed by convention: no\n"
        "                                                        signed path to the main\n"
        "                                                        group\n"
        "1     Denmark         member     forced         3\n"
        "2     Ada Analyst     leaning    forced         1       rests on one relation\n"
        "2     Russia          member     forced         2\n"
        "\n"
        "Frustrated relations (positive across camps, negative within one)\n"
        "source        type     target  evidence\n"
        "------------  -------  ------  ------------------\n"
        "The Mediator  opposes  Norway  but opposes Norway\n"
    )


def test_min_margin_on_the_command_line(run):
    result = run("camps", "--data", str(SURENESS), "--min-margin", "2", "--format", "json")
    assert json.loads(result.stdout) == camps(load_dataset(SURENESS), min_margin=2)
    table = run("camps", "--data", str(SURENESS), "--min-margin", "1").stdout
    assert "standing:   4 member(s), 0 leaning (margin under 1), 4 undecided" in table
    assert "Camps\ncamp       size  members\n" in table
    assert "1          2     Denmark, Norway\n2          2     Ada Analyst, Russia\n" in table
    bad = run("camps", "--data", str(SURENESS), "--min-margin", "-1")
    assert bad.exit_code == 2
    assert "-1 is not in the range x>=0" in bad.stderr


ROLES = DATA / "roles"


def test_militants_tied_to_a_camp_by_one_attack_are_leaning_not_members():
    # The enemy of my enemy: the militants' one attack on Eastland is all that places them.
    result = camps(load_dataset(ROLES))
    placed = {a["id"]: (a["camp"], a["margin"], a["standing"]) for a in result["actors"]}
    assert placed == {
        "militants": (1, 1, "leaning"),
        "coalition": (1, 2, "member"),
        "northland": (1, 2, "member"),
        "westland": (1, 2, "member"),
        "eastland": (2, 2, "member"),
    }
    assert result["camps"] == [["coalition", "northland", "westland"], ["eastland"]]
    assert result["leaning"] == [["militants"], []]
    assert result["unaligned"] == ["southland"]
    # The analyst's warning is commentary, not a side: by default she is not in the story.
    assert result["roles"] == ["action"]
    assert [a["id"] for a in result["not_in_story"]] == ["analyst", "institute"]
    assert camps(load_dataset(ROLES), min_margin=1)["camps"] == [
        ["coalition", "militants", "northland", "westland"],
        ["eastland"],
    ]


def test_with_commentary_a_warning_places_the_analyst_leaning():
    result = camps(load_dataset(ROLES), with_commentary=True)
    assert result["leaning"] == [["analyst", "institute", "militants"], []]
    assert result["not_in_story"] == []
