"""Re-run every fenced ``$ graph ...`` example of the given Markdown files and write its output.

    .venv/bin/python scripts/refresh_doc_examples.py docs/exports.md

Run from the checkout's root, after a change that alters what an example
prints (the seed, a table layout); review the diff before committing.
"""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

from click.testing import CliRunner

from graph.cli.main import cli

BLOCK = re.compile(r"```\n(\$ graph [^\n]*)\n.*?```", re.DOTALL)


def refresh(path: Path) -> bool:
    """Rewrite the examples of ``path``; return whether anything changed."""
    text = path.read_text(encoding="utf-8")
    runner = CliRunner()

    def rerun(match: re.Match) -> str:
        command = match.group(1)
        result = runner.invoke(cli, shlex.split(command)[2:])
        return f"```\n{command}\n{result.stdout}```"

    new = BLOCK.sub(rerun, text)
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{name}: {'updated' if refresh(Path(name)) else 'unchanged'}")
