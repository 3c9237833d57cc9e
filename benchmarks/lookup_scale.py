"""How long actor look-up takes at corpus scale: exact names and whole words.

    .venv/bin/python benchmarks/lookup_scale.py [--sizes 1000,20000,100000] [--queries 2000]

For each size it builds N actors with realistic names (a first and a last
name drawn from small pools, so many actors share words; organisations of
three words; one alias in three) and reports:

* ``exact_index_s``: building the exact index (once per dataset, on the first look-up);
* ``word_index_s``: building the word index (once, on the first look-up that
  is not an exact id, name or alias);
* ``exact_us``: one look-up by an exact name or alias, in microseconds;
* ``word_us``: one look-up by a surname or a run of words that names one actor;
* ``ambiguous_us``: one look-up by a word many actors share (the error lists them all);
* ``typed_us``: one look-up by a name people type that is no name of the
  dataset: a country's short name, adjective or capital ("Turkey",
  "Turkish", "Kyiv"), a title before a surname ("President Surname5"), a
  British spelling ("Peace Defence Forces Body8"), an acronym ("ECFR");
* ``checked``: names checked on average per word look-up (the rarest word's
  postings), to show that no query scans every actor.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import time

from graph.names import ActorIndex
from graph.problems import AmbiguousActorError

FIRST = ["Anna", "John", "Marco", "Sophia", "Leo", "Philip", "Maria", "Ivan", "Lena", "Omar"]
WORDS = ["Defense", "Ministry", "Council", "Security", "European", "Program", "Forces", "Peace"]


def names(size: int, chance: random.Random) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for i in range(size):
        if i % 2:
            name = f"{chance.choice(FIRST)} Surname{i}"
        else:
            name = " ".join(chance.sample(WORDS, 3)) + f" Body{i}"
        aliases = [f"Alias {i}"] if i % 3 == 0 else []
        found[f"actor-{i}"] = [name, *aliases]
    found["tr"] = ["Türkiye"]
    found["ua"] = ["Ukraine"]
    found["ecfr"] = ["European Council on Foreign Relations"]
    return found


def measure(size: int, queries: int) -> dict:
    chance = random.Random(size)
    table = names(size, chance)
    started = time.perf_counter()
    index = ActorIndex(table)
    index.resolve("Alias 0")
    exact_index_s = time.perf_counter() - started
    index.word_matches("warm up")
    index_s = time.perf_counter() - started - exact_index_s
    exact = [table[f"actor-{chance.randrange(size)}"][0] for _ in range(queries)]
    words = [f"Surname{2 * chance.randrange(size // 2) + 1}" for _ in range(queries)]
    defence = [n[0].replace("Defense", "Defence") for n in table.values() if "Defense" in n[0]]
    typed = [
        chance.choice(
            [
                "Turkey",
                "Turkish",
                "Kyiv",
                "ECFR",
                f"President Surname{2 * chance.randrange(size // 2) + 1}",
                chance.choice(defence),
            ]
        )
        for _ in range(queries)
    ]

    def timed(batch, call) -> float:
        started = time.perf_counter()
        for query in batch:
            call(query)
        return (time.perf_counter() - started) / len(batch) * 1e6

    def ambiguous(query):
        with contextlib.suppress(AmbiguousActorError):
            index.resolve(query)

    postings = index._words()
    checked = sum(len(postings[word.casefold()]) for word in words) / len(words)
    return {
        "actors": size,
        "exact_index_s": round(exact_index_s, 3),
        "word_index_s": round(index_s, 3),
        "exact_us": round(timed(exact, index.resolve), 1),
        "word_us": round(timed(words, index.resolve), 1),
        "ambiguous_us": round(timed(["Ministry Council"] * 20, ambiguous), 1),
        "typed_us": round(timed(typed, index.resolve), 1),
        "checked": checked,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,20000,100000")
    parser.add_argument("--queries", type=int, default=2000)
    arguments = parser.parse_args()
    for size in (int(text) for text in arguments.sizes.split(",")):
        print(measure(size, arguments.queries), flush=True)


if __name__ == "__main__":
    main()
