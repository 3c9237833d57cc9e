"""The seed tells the article's story: claims a reader of the article would sign.

Each claim is checked against what the commands print (JSON), on the
embedded seed dataset, so a change to the data or the queries that makes the
graph say something the article does not is a failing test.
"""

from __future__ import annotations

import json

import pytest

PEOPLE_WHO_ANALYSE = ("leo-litra", "sophia-besch", "philip-ingram")


@pytest.fixture
def ask(run):
    """Run a command on the seed and return its JSON."""

    def query(*arguments: str) -> dict:
        result = run(*arguments, "--format", "json")
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    return query


@pytest.fixture
def camp_of(ask) -> dict:
    camps = ask("camps")["camps"]
    return {actor: number for number, camp in enumerate(camps) for actor in camp}


def test_russia_and_the_forces_leaders_are_in_different_camps(camp_of):
    for backer in ("uk", "france", "ukraine", "europe", "coalition-of-the-willing"):
        assert camp_of[backer] != camp_of["russia"], backer


def test_no_analyst_and_not_trump_in_russias_camp(camp_of):
    # Analysts assess; they do not take sides. Trump blessed the European jets.
    for person in (*PEOPLE_WHO_ANALYSE, "donald-trump"):
        assert camp_of.get(person) != camp_of["russia"], person
    assert camp_of["donald-trump"] == camp_of["uk"]


def test_the_draft_that_rejected_peacekeepers_is_never_forced_to_the_forces_side(ask):
    # The US unveiled the draft (cooperative) and the draft rejected the force
    # (hostile): either the draft sits with Russia, or its side is a tie (undecided).
    result = ask("camps")
    placed = {a["id"]: a for a in result["actors"]}
    draft = placed["draft-peace-resolution"]
    assert draft["camp"] == placed["russia"]["camp"] or draft["margin"] == 0
    assert draft["standing"] != "member" or draft["camp"] == placed["russia"]["camp"]


def test_the_uk_and_france_lead_the_force_and_the_task_force(ask):
    for body in ("Reassurance force", "task force"):
        leaders = ask("neighbors", body, "--type", "leads", "--direction", "in")
        assert [n["id"] for n in leaders["neighbors"]] == ["france", "uk"], body


def test_the_uk_and_france_send_troops_to_ukraine(ask):
    senders = ask("neighbors", "Ukraine", "--type", "deploys_to", "--direction", "in")
    assert {"uk", "france", "reassurance-force"} <= {n["id"] for n in senders["neighbors"]}


def test_macron_speaks_for_the_coalition_and_ranks_in_the_top_ten(ask):
    path = ask("path", "Macron", "coalition")["paths"][0]
    assert path["length"] == 1 and path["hops"][0]["type"] == "speaks_for"
    top = ask("centrality", "--top", "10")["results"]
    assert "emmanuel-macron" in [row["id"] for row in top]
    assert top[0]["id"] == "reassurance-force"


def test_turkiye_reaches_russia_through_the_force(ask):
    paths = ask("path", "Türkiye", "Russia")["paths"]
    assert paths and all("reassurance-force" in path["actors"] for path in paths)


def test_ingram_does_not_rebuff_russia_he_assesses_it(ask):
    hops = ask("path", "Philip Ingram", "Kremlin")["paths"][0]["hops"]
    assert [(hop["type"], hop["target"]) for hop in hops] == [("assesses", "russia")]


def test_the_us_europe_thread_sidelined_then_warming_but_no_troops(ask):
    hops = [hop for path in ask("path", "US", "Europe")["paths"] for hop in path["hops"]]
    said = {(h["source"], h["type"], h["target"]) for hop in hops for h in (hop, *hop["also"])}
    assert ("europe", "excluded_from", "peace-talks") in said
    assert ("us", "warms_to", "reassurance-force") in said
    assert ("us", "declines_to_join", "reassurance-force") in said


def test_trump_blesses_the_jets_but_stays_out_of_the_force(ask):
    trump = ask("show", "Trump")["relations"]
    by_type = {(r["type"], r["target"]): r["sign"] for r in trump}
    assert by_type[("approves", "european-air-support")] == "cooperative"
    assert by_type[("declines_to_join", "reassurance-force")] == "neutral"


def test_experts_views_are_assessments_not_alliances(ask):
    for person in PEOPLE_WHO_ANALYSE:
        signs = {r["sign"] for r in ask("show", person)["relations"]}
        assert signs == {"neutral"}, person


def test_precedents_are_litras_evidence_not_actors(run, ask):
    # Past missions cited as comparisons do nothing in the story: as actors
    # they made the Vietnam mission a bridge ranked above the coalition.
    for place in ("Vietnam", "Afghanistan", "International Security Assistance Force"):
        assert run("show", place).exit_code == 2, place
    views = [r for r in ask("show", "Litra")["relations"] if r["type"] == "assesses"]
    quoted = " ".join(r["evidence"] for r in views if r["target"] == "reassurance-force")
    assert "Vietnam" in quoted and "Afghanistan" in quoted
    # By default Litra, an analyst, is not in the story at all; with his commentary
    # counted he still ranks below the coalition.
    result = ask("centrality", "--measure", "betweenness")
    assert "leo-litra" in [actor["id"] for actor in result["not_in_story"]]
    every = ask("centrality", "--measure", "betweenness", "--with-commentary")["results"]
    ranked = [row["id"] for row in every]
    assert ranked.index("coalition-of-the-willing") < ranked.index("leo-litra")


def test_by_default_an_actor_who_only_acts_is_not_invisible(ask):
    # Macron announces, speaks and takes part; he is the source of his relations.
    scores = {
        row["id"]: row["score"] for row in ask("centrality", "--measure", "betweenness")["results"]
    }
    assert scores["emmanuel-macron"] > 0


def test_hostility_in_the_article_is_all_about_russia_and_the_rejected_force(ask):
    hostile = ask("communities", "--sign", "hostile")["communities"]
    involved = {actor for c in hostile if c["size"] > 1 for actor in c["actors"]}
    assert involved == {
        "russia",
        "ukraine",
        "ukraine-military",
        "reassurance-force",
        "draft-peace-resolution",
    }


@pytest.mark.parametrize(
    ("typed", "actor_id"),
    [
        ("Rubio", "marco-rubio"),
        ("Healey", "john-healey"),
        ("Besch", "sophia-besch"),
        ("Litra", "leo-litra"),
        ("Turkish Defense Ministry", "turkiye-defense-ministry"),
        ("peace talks", "peace-talks"),
        ("Kremlin", "russia"),
        ("Downing Street", "uk"),
    ],
)
def test_surnames_and_everyday_names_resolve(ask, typed, actor_id):
    assert ask("show", typed)["actor"]["id"] == actor_id


KIND_WORDS = {
    "countries": "country",
    "people": "person",
    "organisations": "organisation",
    "forces": "force",
    "military services or leaderships": "military",
    "diplomatic initiatives": "initiative",
    "bloc": "bloc",
    "meeting": "event",
    "news outlet": "media",
}


def test_data_readme_counts_match_the_data():
    import re
    from collections import Counter
    from pathlib import Path

    from graph import load_dataset

    seed = load_dataset()
    text = " ".join((Path(__file__).parents[1] / "data/README.md").read_text("utf-8").split())
    actors = re.search(r"`actors.yaml`: (\d+) actors \(([^)]*)\)", text)
    assert int(actors.group(1)) == len(seed.actors)
    stated = {}
    for part in actors.group(2).split(", "):
        number, words = part.split(" ", 1)
        stated[KIND_WORDS[words]] = int(number)
    assert stated == Counter(actor.kind for actor in seed.actors.values())
    relations = re.search(r"`relations.yaml`: (\d+) directed, typed relations of (\d+) types", text)
    assert (int(relations.group(1)), int(relations.group(2))) == (
        len(seed.relations),
        len(seed.types),
    )
    hedged = sum(relation.hedged for relation in seed.relations)
    assert re.search(r"(\d+) are marked `hedged: true`", text).group(1) == str(hedged)
    assert re.search(r"These are the (\d+):", text).group(1) == str(hedged)


# The second reading (issue 20 item 5): the story apart from the commentary.

MEASURES = ("degree", "betweenness", "pagerank")
# The leaders, the sides and the body the article is about.
IN_EVERY_TOP_TEN = ("uk", "france", "us", "ukraine", "coalition-of-the-willing")


def commentators() -> set[str]:
    """Return the actors whose every relation is a commentary or an affiliation."""
    from graph import load_dataset

    seed = load_dataset()
    roles: dict[str, set[str]] = {}
    for relation in seed.relations:
        role = seed.types[relation.type].role
        for end in (relation.source, relation.target):
            roles.setdefault(end, set()).add(role)
    return {actor for actor, held in roles.items() if "action" not in held}


def test_the_commentators_are_the_analysts_their_think_tanks_and_the_paper(ask):
    assert commentators() == {
        *PEOPLE_WHO_ANALYSE,
        "european-council-on-foreign-relations",
        "carnegie-endowment-for-international-peace",
        "the-independent",
    }
    for measure in MEASURES:
        left_out = ask("centrality", "--measure", measure)["not_in_story"]
        assert {row["id"] for row in left_out} == commentators(), measure


@pytest.mark.parametrize("measure", MEASURES)
def test_no_commentator_in_the_top_ten(ask, measure):
    top = [row["id"] for row in ask("centrality", "--measure", measure, "--top", "10")["results"]]
    assert len(top) == 10
    assert commentators().isdisjoint(top)


@pytest.mark.parametrize("measure", MEASURES)
def test_the_leaders_the_us_ukraine_and_the_coalition_in_the_top_ten(ask, measure):
    top = [row["id"] for row in ask("centrality", "--measure", measure, "--top", "10")["results"]]
    assert set(IN_EVERY_TOP_TEN) <= set(top), measure


def test_russia_is_in_the_story_but_brokers_nothing(ask):
    # The issue asks for Russia in each top ten too. The article gives it three
    # ties (it opposes the force, is at war with Ukraine, must agree terms with
    # it) and Ukraine's army deters it: its neighbours are all tied to one
    # another, so it lies on no shortest path. Nothing was added to lift it
    # (data/README.md, "What the rankings say now").
    rows = ask("centrality", "--measure", "betweenness")["results"]
    scores = {row["id"]: row["score"] for row in rows}
    assert scores["russia"] == 0
    neighbours = {n["id"] for n in ask("neighbors", "Russia")["neighbors"]}
    # neighbors lists every role: Ingram is there by his assessment, a commentary.
    assert neighbours == {"reassurance-force", "ukraine", "ukraine-military", "philip-ingram"}


def test_the_coalitions_neighbours_include_the_uk_and_france_who_lead_it(ask):
    neighbours = {n["id"] for n in ask("neighbors", "Coalition of the Willing")["neighbors"]}
    assert {"uk", "france"} <= neighbours
    leaders = ask("neighbors", "coalition", "--type", "leads", "--direction", "in")
    assert [n["id"] for n in leaders["neighbors"]] == ["france", "uk"]


def test_no_hop_from_turkiye_to_russia_makes_macrons_suggestion_turkiyes_act(ask):
    paths = ask("path", "Türkiye", "Russia")["paths"]
    hops = [h for path in paths for hop in path["hops"] for h in (hop, *hop["also"])]
    assert hops
    for hop in hops:
        if "naval role" in hop["evidence"]:
            assert (hop["source"], hop["type"], hop["target"]) == (
                "emmanuel-macron",
                "proposes_role_for",
                "turkiye",
            )
        if hop["source"] == "turkiye":
            assert hop["target"] != "reassurance-force", hop
    said_by_turkiye = [r for r in ask("show", "Türkiye")["relations"] if r["source"] == "turkiye"]
    assert [(r["type"], r["target"]) for r in said_by_turkiye] == [
        ("participates_in", "coalition-task-force")
    ]


def test_the_us_keeps_its_distance_and_warms_only_tentatively(ask):
    us = {(r["source"], r["type"], r["target"]) for r in ask("show", "US")["relations"]}
    assert {
        ("us", "declines_to_join", "coalition-of-the-willing"),
        ("us", "declines_to_join", "reassurance-force"),
        ("us", "warms_to", "coalition-of-the-willing"),
    } <= us
    trump = ask("show", "Trump")["relations"]
    refused = [r["evidence"] for r in trump if r["type"] == "declines_to_join"]
    assert refused == ["Trump has repeatedly refused to wear boots on the ground"]


def test_russia_and_ukraine_are_at_war_and_the_two_sides_that_must_agree_terms():
    from graph import load_dataset

    seed = load_dataset()
    between = {r.type: r for r in seed.relations if {r.source, r.target} == {"russia", "ukraine"}}
    assert set(between) == {"at_war_with", "negotiates_with"}
    assert "four years of bitter war" in between["at_war_with"].evidence
    assert not between["at_war_with"].hedged
    assert "the two sides can agree terms" in between["negotiates_with"].evidence
    assert between["negotiates_with"].hedged


def test_france_prepares_a_leading_role_and_the_coalition_commits(ask):
    france = {(r["type"], r["target"]): r["evidence"] for r in ask("show", "France")["relations"]}
    assert "preparing itself for a leading role" in france[("plans", "reassurance-force")]
    assert ("commits_to", "reassurance-force") not in france
    coalition = ask("show", "coalition")["relations"]
    commits = [r["evidence"] for r in coalition if r["type"] == "commits_to"]
    assert commits == [
        "about 20 unspecified countries have committed to some active participation,"
        " whether by air, land or sea"
    ]


def test_what_the_article_hedges_is_marked_hedged():
    from graph import load_dataset
    from graph.rules.evidence import hedge_word

    seed = load_dataset()
    hedged = {(r.source, r.type, r.target) for r in seed.relations if r.hedged}
    assert len(hedged) == 12
    assert {
        ("emmanuel-macron", "proposes_role_for", "turkiye"),
        ("reassurance-force", "deploys_to", "ukraine"),
        ("military-chiefs", "plans", "reassurance-force"),
        ("europe", "guarantees_security_of", "ukraine"),
    } <= hedged
    # Every action quote with a hedge word is marked; commentary reports what was said.
    for relation in seed.relations:
        if hedge_word(relation.evidence) and seed.types[relation.type].role == "action":
            assert relation.hedged, relation
        if seed.types[relation.type].role != "action":
            assert not relation.hedged, relation
