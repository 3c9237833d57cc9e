"""Measure ``graph extract`` against PLOVER's gold records and the seed article.

Reproduce: ``.venv/bin/python benchmarks/extract_accuracy.py`` (add ``--markdown``
for the BENCHMARKS.md table, ``--split development`` to look at the other half,
``--misses`` to list what was missed, ``--explain`` to see the seed sentence by sentence:
each mention with the seed actor it maps to, each proposal, each seed pair found or missed).

Gold records (tests/fixtures/plover/PLOVER_GSR_CAMEO.txt) are split once: an
id ending in an even digit is for development, odd is held out, scored only.
Only records with both a source and a target are scored. On each record's
sentence, a proposal is a correct pair when its source mention overlaps a gold
source span and its target mention a gold target span (either way round for a
symmetric proposal); recall is the share of records with a correct pair,
precision the share of proposals that are correct pairs (every proposal
counts, statements too, except an affiliation whose two mentions lie inside one
gold actor: "Iraqi President Saddam Hussein" is one PLOVER actor whose country
and sector PLOVER codes on the actor, not as an event; those are counted apart).
Sign and category are scored on the found records, from the most confident
correct proposal: the category is its type in upper case, the sign PLOVER's
quad class (cooperation 1, conflict -1).

On the seed article (run without --data, as for a new dataset): a seed actor
(data/actors.yaml) is found when a proposed actor's name or mention is one of
its names or aliases (or ends with one: "French President Emmanuel Macron");
a seed pair (data/relations.yaml, either order) is proposed when a proposal
joins the two actors; its sign is right when it is the sign of a seed relation
between them.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.extract import extract_text  # noqa: E402
from graph.extract.gazetteer import folded_words  # noqa: E402
from graph.extract.lexicon import load_lexicon  # noqa: E402
from graph.importers.plover import read_records  # noqa: E402

GOLD = ROOT / "tests" / "fixtures" / "plover" / "PLOVER_GSR_CAMEO.txt"
SEED = ROOT / "seeds" / "ukraine-reassurance-force.txt"
SEED_DATA = ROOT / "data"


def split_records(split: str = "held-out") -> list[dict]:
    """Return the gold records of ``split`` that have both a source and a target."""
    wanted = 1 if split == "held-out" else 0
    return [
        record
        for record in read_records(GOLD)
        if record.get("event") != "DOCUMENT"
        and isinstance(record.get("source"), list)
        and record["source"]
        and isinstance(record.get("target"), list)
        and record["target"]
        and int(record["id"][-1]) % 2 == wanted
    ]


def _spans(text: str, actors: list[dict]) -> list[tuple[int, int]]:
    spans = []
    for actor in actors:
        needle = (actor.get("actorText") or "").strip()
        if not needle:
            continue
        at = text.find(needle)
        if at < 0:
            at = text.lower().find(needle.lower())
        if at >= 0:
            spans.append((at, at + len(needle)))
    return spans


def _overlaps(span, spans) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def score_gold(split: str = "held-out") -> dict:
    """Return the pair, sign and category figures on one half of the gold records."""
    signs = {name: category.sign for name, category in load_lexicon().categories.items()}
    records = split_records(split)
    proposals = correct = found = right_sign = right_category = attributes = 0
    misses, wrong = [], []
    for record in records:
        text = record["text"]
        relations = extract_text(text, record["id"])["relations"]
        sources, targets = _spans(text, record["source"]), _spans(text, record["target"])
        good = []
        gold_spans = sources + targets
        for relation in list(relations):
            source, target = relation["spans"]["source"], relation["spans"]["target"]
            if relation["type"] == "affiliate" and any(
                start <= min(source[0], target[0]) and max(source[1], target[1]) <= end
                for start, end in gold_spans
            ):
                # A title inside one gold actor ("Iraqi President Saddam Hussein"): PLOVER
                # codes it as the actor's country and sector, not as an event.
                attributes += 1
                relations.remove(relation)
                continue
            straight = _overlaps(source, sources) and _overlaps(target, targets)
            reverse = "symmetric" in relation["reason"] and (
                _overlaps(target, sources) and _overlaps(source, targets)
            )
            if straight or reverse:
                good.append(relation)
        proposals += len(relations)
        correct += len(good)
        if not good:
            misses.append((record, relations))
            continue
        found += 1
        best = max(good, key=lambda r: r["confidence"])
        right_sign += best["sign"] == signs[record["event"]]
        right_category += best["type"].upper() == record["event"]
        if best["type"].upper() != record["event"]:
            wrong.append((record, best))
    return {
        "split": split,
        "records": len(records),
        "proposals": proposals,
        "attributes": attributes,
        "correct": correct,
        "found": found,
        "right_sign": right_sign,
        "right_category": right_category,
        "precision": correct / proposals if proposals else 0.0,
        "recall": found / len(records),
        "sign_accuracy": right_sign / found if found else 0.0,
        "category_accuracy": right_category / found if found else 0.0,
        "misses": misses,
        "wrong_category": wrong,
    }


class _SeedNames:
    """Maps a mention's text to the seed actor it names (exactly, or as its last words)."""

    def __init__(self, dataset):
        self.spellings: dict[tuple[str, ...], str] = {}
        for actor in dataset.actors.values():
            for spelling in (actor.name, *actor.aliases):
                words = _words(spelling)
                if words:
                    self.spellings.setdefault(words, actor.id)

    def actor_of(self, text: str) -> str | None:
        words = _words(text)
        for start in range(len(words)):
            found = self.spellings.get(words[start:])
            if found is not None:
                return found
        return None


def _words(text: str) -> tuple[str, ...]:
    words = folded_words(text)
    return words[1:] if words[:1] == ("the",) else words


def score_seed(explain: bool = False) -> dict:
    """Return the actor, pair and sign figures on the seed article (extracted without --data)."""
    from graph import load_dataset

    dataset = load_dataset(SEED_DATA)
    names = _SeedNames(dataset)
    text = SEED.read_text(encoding="utf-8")
    result = extract_text(text, "article")
    seed_of: dict[str, str] = {}
    for actor in result["actors"]:
        mapped = Counter(
            found for found in map(names.actor_of, [actor["name"], *actor["mentions"]]) if found
        )
        if mapped:
            seed_of[actor["id"]] = sorted(mapped.items(), key=lambda i: (-i[1], i[0]))[0][0]
    found_actors = set(seed_of.values())
    seed_signs: dict[frozenset, set[int]] = {}
    for relation in dataset.relations:
        pair = frozenset((relation.source, relation.target))
        seed_signs.setdefault(pair, set()).add(dataset.types[relation.type].sign)
    proposed: dict[frozenset, list[dict]] = {}
    for relation in result["relations"]:
        source, target = seed_of.get(relation["source"]), seed_of.get(relation["target"])
        if source and target and source != target:
            proposed.setdefault(frozenset((source, target)), []).append(relation)
    pairs_found = [pair for pair in seed_signs if pair in proposed]
    explained = _explain(dataset, text, result, seed_of, proposed) if explain else ""
    right_sign = sum(
        max(proposed[pair], key=lambda r: r["confidence"])["sign"] in seed_signs[pair]
        for pair in pairs_found
    )
    return {
        "actors": len(dataset.actors),
        "actors_found": len(found_actors & set(dataset.actors)),
        "missing_actors": sorted(set(dataset.actors) - found_actors),
        "relations": len(dataset.relations),
        "pairs": len(seed_signs),
        "pairs_found": len(pairs_found),
        "missing_pairs": sorted(sorted(pair) for pair in seed_signs if pair not in proposed),
        "right_sign": right_sign,
        "proposals": len(result["relations"]),
        "proposals_per_relation": len(result["relations"]) / len(dataset.relations),
        "explained": explained,
    }


def _explain(dataset, text, result, seed_of, proposed) -> str:
    """Return the seed sentence by sentence: mentions, proposals, seed pairs found or missed."""
    from graph.coverage.text import split_sentences

    def squash(value: str) -> str:
        return re.sub(r"[^a-z0-9]+", " ", value.lower()).strip()

    squashed = [(squash(s.text), s) for s in split_sentences(text)]
    home: dict[int, list] = {}
    for relation in dataset.relations:
        evidence = squash(relation.evidence)
        for number, (sentence, _) in enumerate(squashed):
            if evidence[:40] in sentence or sentence[:40] in evidence:
                home.setdefault(number, []).append(relation)
                break
    from graph.coverage.text import tokenize
    from graph.extract.actors import find_actors

    words = tokenize(text)
    sentences = [sentence for _, sentence in squashed]
    sentence_of = [
        next((n for n, s in enumerate(sentences) if w.start < s.end), len(sentences) - 1)
        for w in words
    ]
    actors, found = find_actors(text, words, sentence_of, None)
    ids = {key: actor.id for key, actor in actors.items()}
    lines = []
    for number, (_, sentence) in enumerate(squashed):
        lines.append(f"\n[{number}] {sentence.text}")
        named = [m for m in found if sentence.start <= m.start < sentence.end]
        lines.append(
            "   mentions: "
            + ", ".join(
                f"{text[m.start : m.end]!r}={ids[m.key]}->{seed_of.get(ids[m.key], '-')}"
                + ("(a)" if m.how == "anaphor" else "")
                for m in named
            )
        )
        for relation in result["relations"]:
            if sentence.start <= relation["spans"]["evidence"][0] < sentence.end:
                source = seed_of.get(relation["source"], "-")
                target = seed_of.get(relation["target"], "-")
                lines.append(
                    f"   proposed {relation['source']}({source}) {relation['type']}"
                    f" {relation['target']}({target}) | {relation['reason']}"
                )
        for relation in home.get(number, []):
            pair = frozenset((relation.source, relation.target))
            mark = "FOUND " if pair in proposed else "MISSED"
            lines.append(f"   {mark} {relation.source} {relation.type} {relation.target}")
    return "\n".join(lines)


def _table(gold: dict, seed: dict) -> str:
    rows = [
        "| measure | figure | goal | met |",
        "|---|---:|---|---|",
        f"| {gold['split']} records (source and target) | {gold['records']} |  |  |",
        f"| proposals on them / correct pairs | {gold['proposals']} / {gold['correct']} |  |  |",
        f"| affiliations inside one gold actor (not scored) | {gold['attributes']} |  |  |",
        _row("pair precision", gold["precision"], f"{gold['correct']}/{gold['proposals']}", 0.70),
        _row("pair recall", gold["recall"], f"{gold['found']}/{gold['records']}", 0.70),
        _row(
            "sign accuracy (found pairs)",
            gold["sign_accuracy"],
            f"{gold['right_sign']}/{gold['found']}",
            0.80,
        ),
        _row(
            "category accuracy (found pairs)",
            gold["category_accuracy"],
            f"{gold['right_category']}/{gold['found']}",
            0.60,
        ),
        _row(
            "seed actors found",
            seed["actors_found"] / seed["actors"],
            f"{seed['actors_found']}/{seed['actors']}",
            0.90,
        ),
        _row(
            "seed pairs proposed",
            seed["pairs_found"] / seed["pairs"],
            f"{seed['pairs_found']}/{seed['pairs']}",
            0.70,
        ),
        _row(
            "seed sign accuracy (found pairs)",
            seed["right_sign"] / max(seed["pairs_found"], 1),
            f"{seed['right_sign']}/{seed['pairs_found']}",
            None,
        ),
        _per_relation(seed),
    ]
    return "\n".join(rows)


def _per_relation(seed) -> str:
    ratio = seed["proposals_per_relation"]
    met = "yes" if ratio <= 2 else "no"
    return (
        f"| seed proposals per relation | {ratio:.2f} ({seed['proposals']}/{seed['relations']})"
        f" | ≤ 2 | {met} |"
    )


def _row(label, value, counts, goal) -> str:
    goal_text = f"≥ {goal:.2f}" if goal is not None else ""
    met = "" if goal is None else ("yes" if value >= goal else "no")
    return f"| {label} | {value:.3f} ({counts}) | {goal_text} | {met} |"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["held-out", "development"], default="held-out")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args(argv)
    gold = score_gold(args.split)
    seed = score_seed(explain=args.explain)
    print(_table(gold, seed))
    if args.explain:
        print(seed["explained"])
    if not args.markdown:
        print("missing seed actors:", ", ".join(seed["missing_actors"]))
        print("missing seed pairs:", "; ".join("-".join(p) for p in seed["missing_pairs"]))
    if args.misses:
        for record, relations in gold["misses"]:
            print("MISS", record["event"], record["text"])
            for r in relations:
                print("    ", r["source"], r["type"], r["target"], "|", r["reason"])
        for record, best in gold["wrong_category"]:
            print("CATEGORY", record["event"], best["type"], best["cue"], "|", record["text"][:120])
    return 0


if __name__ == "__main__":
    sys.exit(main())
