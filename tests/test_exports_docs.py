"""docs/exports.md shows real output: each fenced ``$ graph ...`` example is run again.

After a change to the seed, refresh the examples with
``.venv/bin/python scripts/refresh_doc_examples.py docs/exports.md``.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "exports.md"
COMMANDS = ("export", "coverage", "diff", "show")


def examples() -> list:
    text = PAGE.read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```\n(\$ graph .*?)```", text, re.DOTALL):
        command, _, output = block.partition("\n")
        arguments = shlex.split(command)[2:]
        if arguments[0] in COMMANDS:
            found.append(pytest.param(arguments, output, id=command))
    return found


def test_the_page_has_examples_of_each_command():
    assert {example.values[0][0] for example in examples()} == set(COMMANDS)


@pytest.mark.parametrize(("arguments", "output"), examples())
def test_documented_examples_print_what_the_docs_show(run, arguments, output, monkeypatch):
    monkeypatch.chdir(ROOT)  # the examples name folders relative to the checkout
    assert run(*arguments).stdout == output
