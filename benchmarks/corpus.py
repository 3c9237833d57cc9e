"""Seeded, deterministic synthetic corpora of our shape: one generator for tests and benchmarks.

    .venv/bin/python benchmarks/corpus.py L /tmp/corpus-L      # writes a dataset folder
    .venv/bin/python benchmarks/corpus.py 500x2000 /tmp/small  # any actors x relations

Sizes (actors / relations / documents):

====  =========  ==========  =========
S            30          60          2
M         2,000      20,000        200
L        20,000     200,000      2,000
XL      100,000   1,000,000     10,000
====  =========  ==========  =========

What a corpus looks like, so that queries meet what news data gives them:

* **heavy-tailed degrees**: each actor has a popularity drawn from a Zipf
  law (exponent :data:`ZIPF`), shuffled over the ids, so a few hubs take part
  in many relations and most actors in few;
* **groups**: actors fall in groups of :data:`GROUP` consecutive ids, and
  :data:`LOCAL` of the relations stay inside the source's group (clusters
  joined by bridges); groups alternate between two camps;
* **a signed type vocabulary** (cooperative, neutral, hostile; some
  symmetric): relations within a camp are mostly cooperative, across camps
  mostly hostile, with noise, so ``graph camps`` has frustration to find;
* **kinds, aliases, descriptions**: seven kinds; about a third of the actors
  have an alias (a one-word short name), some a description;
* **dates and weights**: most relations are dated (``YYYY-MM-DD``, ``YYYY-MM``
  or ``YYYY``, 2015-2025), a fifth carry a weight;
* **documents that every quote really comes from**: each relation cites one
  of the documents, and its 10-25-word quote (which names both actors) is a
  sentence of that document's text, so the loader's quote check runs for real.

Names are built from syllables, one word per actor number (a bijection), so
ids, names and aliases never collide, and every string is plain ASCII
written double-quoted: nothing YAML 1.1 would read as a boolean. The same
size and seed give the same bytes on every machine (``random.Random`` with a
seed; no set or hash order is used).

>>> small = build("S")
>>> len(small.actors), len(small.relations), len(small.documents)
(30, 60, 2)
>>> build("S").relations == small.relations
True
>>> quote = small.relations[0]["evidence"]
>>> quote in small.documents[small.relations[0]["document"]]
True
"""

from __future__ import annotations

import bisect
import itertools
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["SIZES", "TYPES", "Corpus", "Size", "build", "dataset", "size_of", "write"]


@dataclass(frozen=True)
class Size:
    """How many actors, relations and documents a corpus has."""

    actors: int
    relations: int
    documents: int


SIZES = {
    "S": Size(30, 60, 2),
    "M": Size(2_000, 20_000, 200),
    "L": Size(20_000, 200_000, 2_000),
    "XL": Size(100_000, 1_000_000, 10_000),
}

ZIPF = 0.9  # popularity of the actor of rank r is 1 / r**ZIPF
GROUP = 40  # actors per group
LOCAL = 0.75  # share of relations inside the source's group

# name -> (sign, symmetric, share within a camp, share across camps)
TYPES = {
    "supports": (1, False, 30, 4),
    "allied_with": (1, True, 10, 1),
    "funds": (1, False, 10, 2),
    "trains": (1, False, 6, 1),
    "member_of": (1, False, 8, 2),
    "negotiates_with": (0, True, 6, 8),
    "meets": (0, False, 8, 8),
    "reports_on": (0, False, 6, 6),
    "criticises": (-1, False, 6, 20),
    "opposes": (-1, False, 4, 22),
    "sanctions": (-1, False, 2, 10),
    "at_war_with": (-1, True, 1, 6),
}
VERBS = {
    "supports": "backs",
    "allied_with": "stands allied with",
    "funds": "pays for the work of",
    "trains": "trains the forces of",
    "member_of": "sits inside",
    "negotiates_with": "holds talks with",
    "meets": "met",
    "reports_on": "reported on",
    "criticises": "criticised",
    "opposes": "opposes",
    "sanctions": "imposed sanctions on",
    "at_war_with": "is at war with",
}
# kind -> (share, name template: {} is the actor's own word)
KINDS = {
    "person": (35, "{} Marrow"),
    "organisation": (22, "{} Institute"),
    "country": (10, "Republic of {}"),
    "force": (10, "{} Brigade"),
    "media": (10, "{} Herald"),
    "bloc": (5, "{} Union"),
    "initiative": (8, "{} Accord"),
}
_CONSONANTS = "bdfgklmnprstvz"
_VOWELS = "aeiou"
_SYLLABLES = [c + v for c in _CONSONANTS for v in _VOWELS]  # 70


def _word(number: int, syllables: int = 2) -> str:
    """Return the syllable spelling of ``number``: distinct numbers give distinct words."""
    parts = []
    while True:
        number, digit = divmod(number, len(_SYLLABLES))
        parts.append(_SYLLABLES[digit])
        if number == 0 and len(parts) >= syllables:
            break
    return "".join(reversed(parts))


# Filler words for quotes: three syllables, so never a name's word (names have
# the actor's own word, capitalised) and never YAML-special.
_FILLER = [_word(n, 3) for n in range(0, 70**3, 97)][:2000]


@dataclass
class Corpus:
    """A generated corpus as plain data, in the order the files hold it.

    ``actors`` and ``relations`` are lists of dicts with the fields of our
    YAML format; ``types`` maps a type to ``{"sign", "symmetric"}``;
    ``documents`` maps a key to its text.
    """

    size: Size
    seed: int
    kinds: list[str]
    types: dict[str, dict]
    actors: list[dict]
    relations: list[dict]
    documents: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict:
        """Return the same data as one JSON-ready dict (the floor benchmarks ``json.load``)."""
        return {
            "kinds": self.kinds,
            "types": self.types,
            "actors": self.actors,
            "relations": self.relations,
        }


def size_of(size: str | Size | tuple[int, int]) -> Size:
    """Return a :class:`Size` from a name (``"M"``), ``"AxR"``, ``(actors, relations)`` or a Size.

    >>> size_of("M")
    Size(actors=2000, relations=20000, documents=200)
    >>> size_of("100x300")
    Size(actors=100, relations=300, documents=3)
    """
    if isinstance(size, Size):
        return size
    if isinstance(size, str):
        if size.upper() in SIZES:
            return SIZES[size.upper()]
        actors, _, relations = size.lower().partition("x")
        size = (int(actors), int(relations))
    actors, relations = size
    if actors < 2 or relations < 0:
        raise ValueError("a corpus needs at least 2 actors and no negative relation count")
    return Size(actors, relations, max(1, relations // 100))


def build(size: str | Size | tuple[int, int] = "S", seed: int = 0) -> Corpus:
    """Return the corpus of ``size`` (see :func:`size_of`) drawn with ``seed``."""
    size = size_of(size)
    rng = random.Random(seed)
    count = size.actors
    ids = [f"a{number:0{max(5, len(str(count - 1)))}d}" for number in range(count)]
    kind_names = list(KINDS)
    kinds = rng.choices(kind_names, weights=[KINDS[k][0] for k in kind_names], k=count)
    actors = []
    for number, (actor_id, kind) in enumerate(zip(ids, kinds)):
        own = _word(number).capitalize()
        actor = {"id": actor_id, "name": KINDS[kind][1].format(own), "kind": kind}
        draw = rng.random()
        if draw < 0.33:
            actor["aliases"] = [own]
        if draw > 0.8:
            actor["description"] = f"A {kind} of group {number // GROUP}."
        actors.append(actor)

    # Popularity: Zipf weights over a shuffled order of the actors.
    order = list(range(count))
    rng.shuffle(order)
    popularity = [0.0] * count
    for rank, number in enumerate(order, start=1):
        popularity[number] = 1 / rank**ZIPF
    cumulative = list(itertools.accumulate(popularity))
    total = cumulative[-1]
    group_totals = {}  # group -> (first number, cumulative weights inside it)
    for start in range(0, count, GROUP):
        group_totals[start] = list(itertools.accumulate(popularity[start : start + GROUP]))

    type_names = list(TYPES)
    within = list(itertools.accumulate(TYPES[t][2] for t in type_names))
    across = list(itertools.accumulate(TYPES[t][3] for t in type_names))
    document_keys = [
        f"d{number:0{max(4, len(str(size.documents - 1)))}d}" for number in range(size.documents)
    ]
    texts: list[list[str]] = [[] for _ in document_keys]
    relations = []
    random_ = rng.random
    for _ in range(size.relations):
        source = bisect.bisect(cumulative, random_() * total)
        source = min(source, count - 1)
        if random_() < LOCAL:
            start = source - source % GROUP
            weights = group_totals[start]
            target = start + min(bisect.bisect(weights, random_() * weights[-1]), len(weights) - 1)
        else:
            target = min(bisect.bisect(cumulative, random_() * total), count - 1)
        if target == source:
            target = (source + 1) % count
        same_camp = (source // GROUP) % 2 == (target // GROUP) % 2
        shares = within if same_camp else across
        kind = type_names[bisect.bisect(shares, random_() * shares[-1])]
        relation = {"source": ids[source], "type": kind, "target": ids[target]}
        filler = " ".join(rng.choices(_FILLER, k=rng.randint(4, 17)))
        quote = f"{actors[source]['name']} {VERBS[kind]} {actors[target]['name']} {filler}"
        relation["evidence"] = quote
        document = rng.randrange(size.documents)
        relation["document"] = document_keys[document]
        texts[document].append(quote)
        draw = random_()
        year = 2015 + int(random_() * 11)
        month = 1 + int(random_() * 12)
        day = 1 + int(random_() * 28)
        if draw < 0.55:
            relation["date"] = f"{year}-{month:02d}-{day:02d}"
        elif draw < 0.75:
            relation["date"] = f"{year}-{month:02d}"
        elif draw < 0.85:
            relation["date"] = f"{year}"
        if random_() < 0.2:
            relation["weight"] = rng.choice((0.5, 2.0, 3.0, 5.0))
        relations.append(relation)

    documents = {}
    for key, quotes in zip(document_keys, texts):
        sentences = [f"Dispatch {key}, a synthetic report."]
        for quote in quotes:
            sentences.append(quote + ".")
            if random_() < 0.3:
                sentences.append(" ".join(rng.choices(_FILLER, k=8)).capitalize() + ".")
        documents[key] = "\n".join(sentences) + "\n"
    return Corpus(
        size=size,
        seed=seed,
        kinds=kind_names,
        types={t: {"sign": TYPES[t][0], "symmetric": TYPES[t][1]} for t in type_names},
        actors=actors,
        relations=relations,
        documents=documents,
    )


def _actors_yaml(corpus: Corpus) -> str:
    lines = [
        "# A synthetic corpus (benchmarks/corpus.py): "
        f"{corpus.size.actors} actors, seed {corpus.seed}.",
        "",
        "kinds:",
    ]
    lines += [f"  {kind}: {{}}" for kind in corpus.kinds]
    lines += ["", "actors:"]
    for actor in corpus.actors:
        lines.append(f"  - id: {actor['id']}")
        lines.append(f'    name: "{actor["name"]}"')
        lines.append(f"    kind: {actor['kind']}")
        if "aliases" in actor:
            lines.append("    aliases: [" + ", ".join(f'"{a}"' for a in actor["aliases"]) + "]")
        if "description" in actor:
            lines.append(f'    description: "{actor["description"]}"')
    return "\n".join(lines) + "\n"


def _relations_yaml(corpus: Corpus) -> str:
    lines = [
        "# A synthetic corpus (benchmarks/corpus.py): "
        f"{corpus.size.relations} relations, seed {corpus.seed}.",
        "",
        "documents:",
    ]
    lines += [f"  {key}: docs/{key}.txt" for key in corpus.documents]
    lines += ["", "types:"]
    for name, entry in corpus.types.items():
        symmetric = ", symmetric: true" if entry["symmetric"] else ""
        lines.append(f"  {name}: {{sign: {entry['sign']}{symmetric}}}")
    lines += ["", "relations:"]
    append = lines.append
    for relation in corpus.relations:
        append(f"  - source: {relation['source']}")
        append(f"    type: {relation['type']}")
        append(f"    target: {relation['target']}")
        append(f'    evidence: "{relation["evidence"]}"')
        append(f"    document: {relation['document']}")
        if "date" in relation:
            append(f"    date: {relation['date']}")
        if "weight" in relation:
            append(f"    weight: {relation['weight']}")
    return "\n".join(lines) + "\n"


def write(
    folder: str | Path, size: str | Size | tuple[int, int] = "S", seed: int = 0, json_too=False
) -> Corpus:
    """Write the corpus as a dataset folder (actors.yaml, relations.yaml, docs/) and return it.

    With ``json_too``, also ``corpus.json``: the same data for the floor benchmarks.
    """
    corpus = build(size, seed)
    folder = Path(folder)
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    (folder / "actors.yaml").write_text(_actors_yaml(corpus), encoding="utf-8")
    (folder / "relations.yaml").write_text(_relations_yaml(corpus), encoding="utf-8")
    for key, text in corpus.documents.items():
        (folder / "docs" / f"{key}.txt").write_text(text, encoding="utf-8")
    if json_too:
        (folder / "corpus.json").write_text(json.dumps(corpus.to_json()), encoding="utf-8")
    return corpus


def dataset(size: str | Size | tuple[int, int] = "S", seed: int = 0):
    """Return the corpus as a :class:`graph.model.Dataset` in memory, without writing files.

    Quotes are not checked (there are no files); everything else is what
    loading the written folder gives.

    >>> data = dataset("S")
    >>> len(data.actors), len(data.relations)
    (30, 60)
    """
    from graph.model import Actor, Dataset, Relation, RelationType

    corpus = build(size, seed)
    actors = {
        a["id"]: Actor(
            a["id"], a["name"], a["kind"], tuple(a.get("aliases", ())), a.get("description")
        )
        for a in corpus.actors
    }
    types = {
        name: RelationType(name, entry["sign"], entry["symmetric"])
        for name, entry in corpus.types.items()
    }
    relations = [
        Relation(
            r["source"],
            r["type"],
            r["target"],
            r["evidence"],
            r["document"],
            r.get("date"),
            r.get("weight", 1.0),
        )
        for r in corpus.relations
    ]
    return Dataset(actors=actors, types=types, relations=relations)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", help="S, M, L, XL, or ACTORSxRELATIONS")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true", help="also write corpus.json")
    options = parser.parse_args(argv)
    corpus = write(options.folder, options.size, options.seed, json_too=options.json)
    print(
        f"{options.folder}: {len(corpus.actors)} actors, {len(corpus.relations)} relations, "
        f"{len(corpus.documents)} documents",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
