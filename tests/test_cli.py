"""The foundation commands through the real CLI: exit codes, streams and exact output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .conftest import DATA, SMALL


def test_validate_ok_on_small_dataset(run):
    result = run("validate", "--data", str(SMALL))
    assert result.exit_code == 0
    assert result.stdout == (
        "ok: 7 actors, 8 relations, 7 types; quotes checked: 8 verified, 0 located, 0 asserted\n"
    )
    assert result.stderr == ""


def test_validate_reports_every_problem_on_stderr_and_exits_1(run):
    result = run("validate", "--data", str(DATA / "broken"))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 18
    assert lines[0] == (
        f"{DATA}/broken/actors.yaml:7:11: error: unknown kind 'contry' "
        "(declared: country, person); declare it under 'kinds:' at the top of actors.yaml "
        "(did you mean 'country'?)"
    )
    assert "Traceback" not in result.stderr


def test_validate_json_lists_problems(run):
    result = run("validate", "--data", str(DATA / "broken"), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    assert len(report["problems"]) == 18
    assert report["problems"][2] == {
        "file": f"{DATA}/broken/actors.yaml",
        "line": 11,
        "column": 5,
        "severity": "error",
        "message": "duplicate actor id 'ruritania' (first defined on line 5)",
        "hint": None,
    }


def test_every_query_command_refuses_a_bad_dataset_the_same_way(run):
    for command in (["stats"], ["show", "x"]):
        result = run(*command, "--data", str(DATA / "broken"))
        assert result.exit_code == 1, command
        assert len(result.stderr.splitlines()) == 18
        assert result.stdout == ""


def test_stats_json_on_small_dataset(run):
    result = run("stats", "--data", str(SMALL), "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["actors"] == 7
    assert data["relations"] == 8
    assert data["actors_by_kind"] == {"country": 5, "alliance": 1, "person": 1}
    assert data["relations_by_type"]["trades_with"] == 2
    assert data["relations_by_sign"] == {"cooperative": 6, "hostile": 1, "neutral": 1}
    assert data["components"] == 2
    assert data["largest_component"] == 6
    assert data["isolated"] == ["atlantis"]
    # Undirected by default: 8 relations, 7 pairs (the two trades merge), 21 possible.
    assert data["density"] == 7 / 21
    directed = json.loads(
        run("stats", "--data", str(SMALL), "--format", "json", "--directed").stdout
    )
    # Directed projection: 9 arcs (two symmetric relations count both ways,
    # the two parallel trades_with merge) among 7 actors.
    assert directed["density"] == 9 / (7 * 6)
    assert {
        key: value for key, value in directed.items() if key not in ("density", "directed")
    } == {key: value for key, value in data.items() if key not in ("density", "directed")}
    assert (data["first_date"], data["last_date"]) == ("2025", "2026-01-15")


def test_show_finds_actor_by_alias_ignoring_case_and_accents(run):
    for query in ("turkiye", "TÜRKIYE", "ankara", "Turkey"):
        result = run("show", query, "--data", str(SMALL), "--format", "json")
        assert result.exit_code == 0, query
        assert json.loads(result.stdout)["actor"]["id"] == "turkiye"


def test_show_json_shape(run):
    result = run("show", "ilse varga", "--data", str(SMALL), "--format", "json")
    assert json.loads(result.stdout) == {
        "actor": {
            "id": "varga",
            "name": "Ilse Varga",
            "kind": "person",
            "aliases": [],
            "description": "President of Ruritania",
        },
        "relations": [
            {
                "source": "varga",
                "type": "leader_of",
                "target": "ruritania",
                "evidence": "President Ilse Varga of Ruritania",
                "document": "article",
                "date": None,
                "weight": 1.0,
                "direction": "out",
                "sign": "cooperative",
                "role": "action",
            }
        ],
    }


def test_show_table_fits_80_columns(run):
    result = run("show", "pact", "--data", str(SMALL))
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "Relations (3)" in result.stdout


def test_show_csv(run):
    result = run("show", "sylvania", "--data", str(SMALL), "--format", "csv")
    assert result.stdout.splitlines() == [
        "source,type,target,evidence,date",
        'sylvania,trades_with,freedonia,"Sylvania, a quiet neighbour, trades with Freedonia",',
        "sylvania,trades_with,freedonia,Sylvania also sells grain to Freedonia,2026-01-15",
    ]


def test_unknown_actor_is_a_usage_error_with_suggestion(run):
    result = run("show", "turky", "--data", str(SMALL))
    assert result.exit_code == 2
    assert "unknown actor 'turky'; did you mean 'turkiye'?" in result.stderr
    assert result.stdout == ""


def test_graph_data_environment_variable(run):
    result = run("stats", "--format", "json", env={"GRAPH_DATA": str(SMALL)})
    assert json.loads(result.stdout)["actors"] == 7


def test_missing_data_folder_is_a_usage_error(run, tmp_path):
    result = run("stats", "--data", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_seed_is_the_default_dataset(run):
    result = run("validate")
    assert result.exit_code == 0
    assert result.stdout.startswith("ok: ")


def test_help_on_every_command(run):
    from graph.cli.main import cli

    for name in cli.list_commands(None):
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert cli.get_command(None, name).help, name


def test_version_and_module_entry_point(tmp_path):
    import graph

    completed = subprocess.run(
        [sys.executable, "-m", "graph", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    assert completed.stdout == f"graph, version {graph.__version__}\n"


def test_empty_filter_is_a_usage_error(run):
    result = run("centrality", "--type", "", "--data", str(SMALL))
    assert result.exit_code == 2
    assert "Invalid value for '--type': give at least one name" in result.stderr


def test_full_disk_on_stdout_is_a_message_not_a_traceback():
    for command in ("stats", "export --format json", "export --format dot"):
        completed = subprocess.run(
            f"{sys.executable} -m graph {command} > /dev/full",
            shell=True,
            capture_output=True,
            text=True,
        )
        assert completed.returncode == 1, command
        assert completed.stderr == "Error: cannot write output: No space left on device\n"


def test_long_headings_wrap_within_80_columns(run):
    result = run("neighbors", "Carnegie Endowment for International Peace")
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_validate_is_a_library_function():
    import graph

    report = graph.validate(DATA / "broken")
    assert report["valid"] is False
    assert len(report["problems"]) == 18


def test_every_command_spells_its_text_output_table(run):
    # One spelling across commands: a script may pass --format table to any of them.
    from graph.cli.main import cli

    for name in cli.list_commands(None):
        for param in cli.get_command(None, name).params:
            if param.name == "output_format" and name != "export":
                assert param.default == "table", name
                assert "table" in param.type.choices, name
    result = run("validate", "--format", "table")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("ok: ")


def test_actor_arguments_take_the_names_people_type(run):
    result = run("path", "Turkey", "USA")
    assert result.exit_code == 0
    assert result.stdout.startswith("1 shortest path(s), ignoring direction\npath 1: Türkiye ")
    assert run("show", "ECFR").stdout.startswith(
        "id:          european-council-on-foreign-relations\n"
    )


def test_a_generic_word_is_a_usage_error_listing_the_candidates(run):
    result = run("show", "army")
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: Invalid value for ACTOR: 'army' is a generic word; it could name "
        "British Army (british-army), Military chiefs (military-chiefs), "
        "Ukraine's military (ukraine-military); use an id or a full name\n"
    )


def test_an_unknown_country_suggests_no_other_country(run):
    result = run("show", "--data", str(DATA / "niger"), "Nigeria")
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: Invalid value for ACTOR: unknown actor 'Nigeria'\n")


def test_each_command_module_holds_the_commands_the_group_names_for_it():
    # The group imports a command's module only when the command runs: its table of
    # names must match what each module offers, or a command would go missing.
    import importlib

    from graph.cli.main import COMMAND_MODULES

    for module in set(COMMAND_MODULES.values()):
        offered = {c.name for c in importlib.import_module(f"graph.cli.{module}").COMMANDS}
        assert offered == {name for name, m in COMMAND_MODULES.items() if m == module}, module


def modules_after(args: list[str], cache: Path) -> set[str]:
    """Return the modules a fresh ``graph ARGS`` process holds when it exits."""
    code = (
        "import sys\n"
        "sys.argv = ['graph', *sys.argv[1:]]\n"
        "from graph.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('\\n' + ' '.join(sorted(sys.modules)))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True
    )
    return set(done.stderr.rsplit("\n", 1)[-1].split())


def test_a_command_imports_only_what_it_uses(tmp_path):
    heavy = {"networkx", "scipy", "pyvis", "jinja2", "pyarrow", "numba"}
    other_commands = {"graph.render", "graph.export", "graph.importers", "graph.cli.html_command"}
    assert not modules_after(["--help"], tmp_path) & {"numpy", *heavy}  # lists every command
    for args in (["centrality"], ["centrality"], ["stats"], ["validate"]):
        modules = modules_after(args, tmp_path)  # centrality twice: cold, then warm
        assert not modules & (heavy | other_commands), args
    # The seed (a few hundred relations) is read back as objects: no numpy at all.
    assert "numpy" not in modules_after(["centrality"], tmp_path)
