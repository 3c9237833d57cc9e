"""Re-run every ``$ graph …`` example of README.md and docs/*.md; rewrite what it shows.

A documented example is a fenced block whose first line starts with
``$ graph``. The block may hold several commands: each ``$ graph …`` line is
followed by what a terminal shows for it (stdout and stderr as they come).
Each file's examples run in order, in one scratch folder of their own, so an
example may use what an earlier one wrote (``graph init`` then ``graph
validate``). The scratch folder links ``data/``, ``docs/``, ``seeds/`` and
``tests/`` of the checkout, so paths in the docs are read from the checkout
but every file an example writes lands in the scratch folder; its path is
shown as ``/home/me/work``. ``--open`` runs the command ``true`` instead of a
browser, and ``GRAPH_DATA`` is unset.

Usage (from the checkout, after changing an output)::

    .venv/bin/python scripts/update_docs.py            # rewrite the outputs in place
    .venv/bin/python scripts/update_docs.py --check    # exit 1 and list what is stale

``tests/test_docs_examples.py`` runs the same examples and fails when a
shown output is stale.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shlex
import sys
import tempfile
import webbrowser
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHOWN_FOLDER = "/home/me/work"
LINKED = ("data", "docs", "seeds", "tests")
# A fence whose first line is a `$ graph` command, up to the closing fence.
BLOCK = re.compile(r"^```[\w-]*\n(\$ graph\b.*?)^```", re.MULTILINE | re.DOTALL)


@dataclass
class Example:
    """One documented command: where it is, what it runs, what the docs show."""

    path: Path
    line: int
    command: str
    shown: str

    @property
    def label(self) -> str:
        shown = self.path.relative_to(ROOT) if self.path.is_relative_to(ROOT) else self.path
        return f"{shown}:{self.line}: $ {self.command}"


def documented_files() -> list[Path]:
    """Return README.md and every docs/*.md page."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def examples(path: Path) -> list[Example]:
    """Return the ``$ graph`` examples of one Markdown file, in order."""
    text = path.read_text(encoding="utf-8")
    found = []
    for block in BLOCK.finditer(text):
        first_line = text.count("\n", 0, block.start(1)) + 1
        for offset, command, shown in _commands(block.group(1)):
            found.append(Example(path, first_line + offset, command, shown))
    return found


def _commands(block: str) -> Iterator[tuple[int, str, str]]:
    """Yield ``(line offset, command, shown output)`` for each ``$ `` line of a block."""
    lines = block.splitlines(keepends=True)
    starts = [index for index, line in enumerate(lines) if line.startswith("$ ")]
    for start, end in zip(starts, [*starts[1:], len(lines)]):
        yield start, lines[start][2:].rstrip("\n"), "".join(lines[start + 1 : end])


def run_examples(file_examples: list[Example]) -> list[str]:
    """Run one file's examples in order in a fresh scratch folder; return what each shows."""
    from click.testing import CliRunner

    from graph.cli.main import cli

    _no_browser()
    runner = CliRunner()
    outputs = []
    with tempfile.TemporaryDirectory(prefix="graph-docs-") as scratch, _inside(scratch):
        for name in LINKED:
            os.symlink(ROOT / name, Path(scratch) / name)
        real = os.path.realpath(scratch)
        for example in file_examples:
            words = shlex.split(example.command, comments=True)
            if words[:1] != ["graph"]:
                raise ValueError(f"{example.label}: an example must start with `graph`")
            result = runner.invoke(
                cli, words[1:], env={"GRAPH_DATA": None}, prog_name="graph", catch_exceptions=False
            )
            outputs.append(result.output.replace(real, SHOWN_FOLDER))
    return outputs


def rewrite(path: Path) -> tuple[str, list[str]]:
    """Return ``path``'s text with every example's output rerun, and the stale labels."""
    text = path.read_text(encoding="utf-8")
    found = examples(path)
    ran = run_examples(found)
    stale = [example.label for example, output in zip(found, ran) if output != example.shown]
    outputs = iter(ran)

    def fresh_block(block: re.Match) -> str:
        parts = []
        for _, command, _ in _commands(block.group(1)):
            parts.append(f"$ {command}\n{next(outputs)}")
        whole = block.group(0)
        return whole[: block.start(1) - block.start(0)] + "".join(parts) + "```"

    return BLOCK.sub(fresh_block, text), stale


@contextlib.contextmanager
def _inside(folder: str):
    before = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def _no_browser() -> None:
    """Make ``--open`` run ``true`` (a real command that opens nothing) before any browser."""
    webbrowser.register("docs-examples", None, webbrowser.GenericBrowser("true"), preferred=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only list stale examples")
    parser.add_argument("files", nargs="*", type=Path, help="default: README.md and docs/*.md")
    options = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from graph.files import write_atomically

    stale_anywhere = False
    for path in [p.resolve() for p in options.files] or documented_files():
        text, stale = rewrite(path)
        for label in stale:
            print(f"{'stale' if options.check else 'updated'}: {label}")
        stale_anywhere |= bool(stale)
        if stale and not options.check:
            write_atomically(path, text)
    return 1 if options.check and stale_anywhere else 0


if __name__ == "__main__":
    sys.exit(main())
