"""Time ``graph extract``: one 5,000-word article, and 1,000 articles of about 600 words.

Reproduce: ``.venv/bin/python benchmarks/extract_speed.py`` (``--articles N``
to change the corpus size). Articles are made by sampling sentences of the
fixtures (PLOVER's gold records and the seed article) with a fixed seed; the
corpus run is the ``graph extract`` command itself on 2 worker processes, with
its progress line on stderr (shown when stderr is a terminal).
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.extract_accuracy import GOLD, SEED  # noqa: E402
from graph.coverage.text import split_sentences  # noqa: E402
from graph.extract import extract_text  # noqa: E402
from graph.importers.plover import read_records  # noqa: E402


def fixture_sentences() -> list[str]:
    """Return every sentence of the fixtures."""
    sentences = [record["text"] for record in read_records(GOLD)[1:] if record.get("text")]
    sentences += [s.text for s in split_sentences(SEED.read_text(encoding="utf-8"))]
    return sentences


def article(sentences: list[str], words: int, rng: random.Random) -> str:
    """Return an article of about ``words`` words, sentences sampled from ``sentences``."""
    chosen, count = [], 0
    while count < words:
        sentence = rng.choice(sentences)
        chosen.append(sentence)
        count += len(sentence.split())
    return "\n".join(" ".join(chosen[at : at + 4]) for at in range(0, len(chosen), 4)) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args(argv)
    rng = random.Random(0)
    sentences = fixture_sentences()
    long_text = article(sentences, 5000, rng)
    extract_text(long_text[:2000], "warm-up")
    best = min(_timed(lambda: extract_text(long_text, "long")) for _ in range(3))
    print(
        f"| one article of {len(long_text.split()):,} words, in-process (best of 3) "
        f"| {best:.2f} s | ≤ 1 s | {'yes' if best <= 1 else 'no'} |"
    )
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number in range(args.articles):
            path = Path(folder) / f"article-{number:04d}.txt"
            path.write_text(article(sentences, 600, rng), encoding="utf-8")
            paths.append(str(path))
        words = sum(len(Path(path).read_text(encoding="utf-8").split()) for path in paths)
        output = Path(folder) / "proposals.jsonl"
        command = [sys.executable, "-m", "graph", "extract", *paths, "-o", str(output)]
        started = time.perf_counter()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(command, check=True, cwd=ROOT)
        elapsed = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        lines = output.read_text(encoding="utf-8").count("\n")
    print(
        f"| {args.articles:,} articles ({words:,} words), `graph extract` on 2 processes, "
        f"whole command | {elapsed:.1f} s | ≤ 60 s | {'yes' if elapsed <= 60 else 'no'} |"
    )
    print(f"| the same, CPU time of all its processes | {cpu:.1f} s |  |  |")
    assert lines == args.articles
    return 0


def _timed(function) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
