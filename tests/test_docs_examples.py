"""Every ``$ graph …`` example of README.md and docs/*.md shows what the command prints.

The examples run as ``scripts/update_docs.py`` runs them (each file in order,
in a scratch folder); after a change of output, that script rewrites them.
"""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("update_docs", ROOT / "scripts/update_docs.py")
update_docs = importlib.util.module_from_spec(_spec)
sys.modules["update_docs"] = update_docs  # dataclasses look their module up there
_spec.loader.exec_module(update_docs)

EXAMPLES = [
    example for path in update_docs.documented_files() for example in update_docs.examples(path)
]


@functools.cache
def outputs_of(path: Path) -> dict[int, str]:
    """Return what each example of ``path`` prints, by line (the file's examples run once)."""
    found = update_docs.examples(path)
    return {example.line: output for example, output in zip(found, update_docs.run_examples(found))}


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example.label)
def test_the_example_shows_what_the_command_prints(example):
    assert outputs_of(example.path)[example.line] == example.shown, (
        "stale output: run .venv/bin/python scripts/update_docs.py"
    )


def test_every_command_has_a_documented_example():
    from graph.cli.main import cli

    shown = {example.command.split()[1] for example in EXAMPLES}
    assert sorted(set(cli.list_commands(None)) - shown) == []


def test_blocks_with_several_commands_are_split_per_command(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(
        "Intro\n\n```console\n$ graph stats --format json  # a comment\n{}\n$ graph validate\n"
        "ok\n```\n\n```sh\nbash scripts/demo.sh\n```\n",
        encoding="utf-8",
    )
    found = update_docs.examples(page)
    assert [(e.line, e.command, e.shown) for e in found] == [
        (4, "graph stats --format json  # a comment", "{}\n"),
        (6, "graph validate", "ok\n"),
    ]


def test_the_update_script_rewrites_outputs_and_check_reports_them(tmp_path, capsys):
    page = tmp_path / "page.md"
    page.write_text(
        "```\n$ graph validate --data tests/data/small\nstale\n```\n"
        "```console\n$ graph html -o page.html --open\n```\n",
        encoding="utf-8",
    )
    assert update_docs.main(["--check", str(page)]) == 1
    assert "stale: " in capsys.readouterr().out
    assert update_docs.main([str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    assert text == (
        "```\n$ graph validate --data tests/data/small\n"
        "ok: 7 actors, 8 relations, 7 types; quotes checked: "
        "8 verified, 0 located, 0 asserted\n```\n"
        "```console\n$ graph html -o page.html --open\nwrote /home/me/work/page.html\n```\n"
    )
    assert update_docs.main(["--check", str(page)]) == 0
    # The page was written in the scratch folder, not beside the docs.
    assert not (ROOT / "page.html").exists()
    assert not (tmp_path / "page.html").exists()
