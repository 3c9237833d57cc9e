"""The slow cases of the hostile review (issue 15), timed through the real CLI.

    .venv/bin/python benchmarks/hardening.py [--only alias,article,keys,ids,types,wrap,path]

Each case writes a dataset into a temporary folder, runs one ``graph``
command on it in a fresh process and prints the wall time, the child's peak
memory (max RSS), its CPU time (user + system: on a shared machine, the
figure that does not depend on the others' load) and its exit code, as a
Markdown table row for BENCHMARKS.md:

* ``alias``: a 1 MB ``actors.yaml`` whose description anchors a 300,000-character
  string, then 3,000 aliases of it (item 3);
* ``article``: a valid 50 MB article with 2,000 quotes (item 4);
* ``keys``: one 5 MB article declared under 300 keys (item 4);
* ``ids``: 20,000 unknown actor ids against 3,000 actors (item 8);
* ``types``: 2,000 misspelt types against 5,000 types (item 8);
* ``wrap``: ``graph show`` of an actor whose quote is one 100,000-character
  non-ASCII word (item 9);
* ``path``, ``dense-path``: ``graph path --max 6`` on a 3,000-actor corpus
  with 3 (then 10) relations per actor, and ``--max 8`` on the denser one
  (bounded output).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GRAPH = [sys.executable, "-m", "graph"]
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def words(draw: random.Random, count: int) -> list[str]:
    """Return ``count`` words of a made-up language, 40% of them common ones."""
    vocabulary = ["".join(draw.choices(LETTERS, k=draw.randint(2, 9))) for _ in range(30_000)]
    common = ["the", "of", "and", "to", "a", "in", "that", "is"]
    chosen = draw.choices(vocabulary, k=count)
    return [draw.choice(common) if draw.random() < 0.4 else word for word in chosen]


def actors_yaml(count: int) -> str:
    lines = ["actors:"]
    lines += [f"  - {{id: a{n}, name: Actor {n}, kind: country}}" for n in range(count)]
    return "\n".join(lines) + "\n"


def relations_yaml(relations: list[str], types: list[str], documents: dict[str, str]) -> str:
    lines = ["documents:", *(f"  {key}: {path}" for key, path in documents.items())]
    lines = lines if documents else []
    lines += ["types:", *(f"  {name}: {{sign: 1}}" for name in types)]
    lines += ["relations:", *relations]
    return "\n".join(lines) + "\n"


def relation(source: str, kind: str, target: str, quote: str, document: str = "") -> str:
    extra = f", document: {document}" if document else ""
    return f"  - {{source: {source}, type: {kind}, target: {target}, evidence: {quote!r}{extra}}}"


def case_alias(folder: Path, draw: random.Random) -> list[str]:
    big = "x" * 300_000
    lines = ["actors:", f"  - {{id: a0, name: Actor 0, kind: country, description: &big {big}}}"]
    lines += [
        f"  - {{id: a{n}, name: Actor {n}, kind: country, description: *big}}"
        for n in range(1, 3_001)
    ]
    (folder / "actors.yaml").write_text("\n".join(lines) + "\n")
    quote = "Actor 0 and Actor 1 agree"
    (folder / "article.txt").write_text(quote + "\n")
    (folder / "relations.yaml").write_text(
        relations_yaml([relation("a0", "ally", "a1", quote)], ["ally"], {"article": "article.txt"})
    )
    return ["validate"]


def _quotes(text: str, draw: random.Random, count: int) -> list[str]:
    quotes = []
    for _ in range(count):
        start = text.index(" ", draw.randrange(len(text) - 200)) + 1
        quotes.append(text[start : text.rindex(" ", start, start + draw.randint(40, 120))])
    return quotes


def case_article(
    folder: Path, draw: random.Random, megabytes: int = 50, keys: int = 1
) -> list[str]:
    stream = words(draw, megabytes * 170_000)  # about 5.9 characters a word with its space
    text = ". ".join(
        " ".join(stream[start : start + 15]).capitalize() for start in range(0, len(stream), 15)
    )
    (folder / "article.txt").write_text(text)
    (folder / "actors.yaml").write_text(actors_yaml(100))
    documents = {f"k{n}": "./" * n + "article.txt" for n in range(keys)}
    quotes = _quotes(text, draw, 2_000 if keys == 1 else 300)
    relations = [
        relation(f"a{n % 100}", "ally", f"a{(n + 1) % 100}", quote, f"k{n % keys}")
        for n, quote in enumerate(quotes)
    ]
    (folder / "relations.yaml").write_text(relations_yaml(relations, ["ally"], documents))
    return ["validate"]


def case_keys(folder: Path, draw: random.Random) -> list[str]:
    return case_article(folder, draw, megabytes=5, keys=300)


def case_ids(folder: Path, draw: random.Random) -> list[str]:
    (folder / "actors.yaml").write_text(actors_yaml(3_000))
    relations = [
        relation(f"b{n}", "ally", f"a{n % 3_000}", "no documents here") for n in range(20_000)
    ]
    (folder / "relations.yaml").write_text(relations_yaml(relations, ["ally"], {}))
    return ["validate", "--max-problems", "5"]


def case_types(folder: Path, draw: random.Random) -> list[str]:
    (folder / "actors.yaml").write_text(actors_yaml(10))
    types = sorted({"".join(draw.choices(LETTERS, k=draw.randint(6, 14))) for _ in range(5_000)})
    relations = [relation("a0", types[n * 2][:-1], "a1", "no documents here") for n in range(2_000)]
    (folder / "relations.yaml").write_text(relations_yaml(relations, types, {}))
    return ["validate", "--max-problems", "5"]


def case_wrap(folder: Path, draw: random.Random) -> list[str]:
    word = "Ünïcödé" * 14_286  # 100,002 characters
    quote = f"said {word} today"
    (folder / "article.txt").write_text(f"They {quote}.\n")
    (folder / "actors.yaml").write_text(actors_yaml(2))
    (folder / "relations.yaml").write_text(
        relations_yaml([relation("a0", "ally", "a1", quote)], ["ally"], {"article": "article.txt"})
    )
    return ["show", "a0"]


def case_path(folder: Path, draw: random.Random, per_actor: int = 3) -> list[str]:
    (folder / "actors.yaml").write_text(actors_yaml(3_000))
    relations = [
        relation(f"a{n}", "ally", f"a{m}", "no documents here")
        for n in range(3_000)
        for m in draw.sample(range(3_000), per_actor)
        if m != n
    ]
    (folder / "relations.yaml").write_text(relations_yaml(relations, ["ally"], {}))
    return ["path", "a0", "a1", "--max", "6"]


def case_dense_path(folder: Path, draw: random.Random) -> list[str]:
    return case_path(folder, draw, per_actor=10)


def case_dense_path_8(folder: Path, draw: random.Random) -> list[str]:
    return [*case_path(folder, draw, per_actor=10)[:-1], "8"]


CASES = {
    "alias": case_alias,
    "article": case_article,
    "keys": case_keys,
    "ids": case_ids,
    "types": case_types,
    "wrap": case_wrap,
    "path": case_path,
    "dense-path": case_dense_path,
    "dense-path-8": case_dense_path_8,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(CASES), help="comma-separated cases")
    parser.add_argument("--write", nargs=2, metavar=("CASE", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write:
        # Writing a dataset in its own process keeps this one small: a child's peak
        # memory (ru_maxrss) counts what it inherits from the fork.
        name, folder = args.write
        print(" ".join(CASES[name](Path(folder), random.Random(1))))
        return
    print("| case | command | wall s | CPU s | peak RSS (MB) | exit |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for name in args.only.split(","):
        with tempfile.TemporaryDirectory() as folder:
            written = subprocess.run(
                [sys.executable, __file__, "--write", name, folder],
                capture_output=True,
                text=True,
                check=True,
            )
            arguments = written.stdout.split()
            command = [*GRAPH, *arguments, "--data", folder]
            started = time.perf_counter()
            child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            stderr = child.stderr.read()
            _, status, usage = os.wait4(child.pid, 0)
            seconds = time.perf_counter() - started
            code = os.waitstatus_to_exitcode(status)
            shown = " ".join(["graph", *arguments])
            peak = usage.ru_maxrss / 1024
            cpu = usage.ru_utime + usage.ru_stime
            row = f"| {name} | `{shown}` | {seconds:.1f} | {cpu:.1f} | {peak:.0f} | {code} |"
            print(row, flush=True)
            if b"Traceback" in stderr:
                print(stderr.decode()[-2000:], file=sys.stderr)


if __name__ == "__main__":
    main()
