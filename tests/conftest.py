"""Shared fixtures: datasets written into a temporary folder, and the CLI runner."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli.main import cli

DATA = Path(__file__).parent / "data"
SMALL = DATA / "small"

ARTICLE = "Ruritania and Freedonia signed an alliance. “Freedonia’s pact” — it said.\n"

ACTORS = """\
actors:
  - id: ruritania
    name: Ruritania
    kind: country
  - id: freedonia
    name: Freedonia
    kind: country
"""

RELATIONS = """\
documents: {article: article.txt}
types:
  allied_with: {sign: 1, symmetric: true}
relations:
  - source: ruritania
    type: allied_with
    target: freedonia
    evidence: "Ruritania and Freedonia signed an alliance"
"""


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Every test has its own empty dataset cache, never the user's (also for subprocesses)."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder / "news-actor-graph"


@pytest.fixture
def write_dataset(tmp_path):
    """Return a function writing a dataset folder; omitted files get a valid default."""

    def write(actors: str = ACTORS, relations: str = RELATIONS, article: str = ARTICLE) -> Path:
        folder = tmp_path / "dataset"
        folder.mkdir(exist_ok=True)
        (folder / "actors.yaml").write_text(textwrap.dedent(actors), encoding="utf-8")
        (folder / "relations.yaml").write_text(textwrap.dedent(relations), encoding="utf-8")
        (folder / "article.txt").write_text(article, encoding="utf-8")
        return folder

    return write


@pytest.fixture
def run():
    """Run the CLI in-process; return the click Result (stdout and stderr kept apart)."""
    runner = CliRunner()

    def invoke(*args: str, env: dict | None = None):
        return runner.invoke(cli, list(args), env=env, catch_exceptions=False)

    return invoke
