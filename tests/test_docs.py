"""Keep the docs true: every command is documented, both entry-point commands exist."""

from pathlib import Path

from graph.cli.main import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = "".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").glob("*.md")))


def test_every_command_is_in_the_readme_and_the_docs():
    missing = [name for name in cli.list_commands(None) if f"graph {name}" not in README + DOCS]
    assert missing == []


def test_readme_entry_commands_exist_and_ci_runs_the_test_command():
    assert "bash scripts/demo.sh" in README
    assert "bash scripts/test.sh" in README
    assert (ROOT / "scripts/demo.sh").is_file()
    assert "bash scripts/test.sh" in (ROOT / ".ci/run").read_text(encoding="utf-8")


def test_readme_links_every_docs_page():
    pages = sorted((ROOT / "docs").glob("*.md"))
    assert pages
    assert [page.name for page in pages if f"(docs/{page.name})" not in README] == []
