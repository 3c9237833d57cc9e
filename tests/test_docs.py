"""Keep the README true: every command is documented, both entry-point commands exist."""

from pathlib import Path

from graph.cli.main import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    missing = [name for name in cli.list_commands(None) if f"graph {name}" not in README]
    assert missing == []


def test_readme_entry_commands_exist_and_ci_runs_the_test_command():
    assert "bash scripts/demo.sh" in README
    assert "bash scripts/test.sh" in README
    assert (ROOT / "scripts/demo.sh").is_file()
    assert "bash scripts/test.sh" in (ROOT / ".ci/run").read_text(encoding="utf-8")
