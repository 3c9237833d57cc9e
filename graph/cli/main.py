"""The ``graph`` command group: each command parses options, calls the library, renders.

Errors become messages and exit codes in one place, :class:`~graph.cli.base.GraphCommand`.
Commands of other concerns live in their own modules and are added at the end.
"""

from __future__ import annotations

import click

from .. import __version__
from ..problems import DatasetError
from .base import GraphCommand, emit
from .options import data_option, format_option, load, lookup
from .views import show_view, stats_view


class GraphGroup(click.Group):
    command_class = GraphCommand


@click.group(cls=GraphGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="graph")
def cli():
    """Explore an evidence-backed graph of the actors in news articles.

    Every command reads a dataset folder (--data DIR or GRAPH_DATA); without
    one it uses the embedded seed dataset on the European "reassurance force"
    for Ukraine.
    """


@cli.command()
@data_option
@format_option("text", "json")
def validate(data, output_format):
    """Check a dataset and report every problem with its file, line and column.

    Exit code 0 when the dataset is valid (warnings allowed), 1 when not.
    """
    from ..load import load_dataset

    try:
        dataset = load_dataset(data)
    except DatasetError as error:
        problems, dataset = error.problems, None
    else:
        problems = dataset.warnings
    for problem in problems:
        click.echo(str(problem), err=True)
    if output_format == "json":
        click.echo(render_validation_json(dataset, problems), nl=False)
    elif dataset is not None:
        quotes = "checked" if dataset.documents else "NOT checked (no documents)"
        click.echo(
            f"ok: {len(dataset.actors)} actors, {len(dataset.relations)} relations, "
            f"{len(dataset.types)} relation types; evidence quotes {quotes}"
        )
    if dataset is None:
        raise SystemExit(1)


def render_validation_json(dataset, problems) -> str:
    import json

    data = {
        "valid": dataset is not None,
        "actors": len(dataset.actors) if dataset else None,
        "relations": len(dataset.relations) if dataset else None,
        "problems": [
            {
                "file": p.file,
                "line": p.line,
                "column": p.column,
                "severity": p.severity,
                "message": p.message,
                "hint": p.hint,
            }
            for p in problems
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@cli.command()
@data_option
@format_option("table", "json")
def stats(data, output_format):
    """Count actors and relations by kind and type; components and density."""
    from ..queries.summary import stats as dataset_stats

    emit(stats_view(dataset_stats(load(data))), output_format)


@cli.command()
@click.argument("actor")
@data_option
@format_option("table", "json", "csv")
def show(actor, data, output_format):
    """Show ACTOR (an id, name or alias) and every relation in or out, with evidence."""
    from ..queries.summary import show as show_actor

    dataset = load(data)
    emit(show_view(show_actor(dataset, lookup(dataset, actor, "ACTOR"))), output_format)


def main() -> None:
    """Run the command line (the ``graph`` console script)."""
    cli(prog_name="graph")


def _add_commands() -> None:
    from .html_command import COMMANDS as HTML_COMMANDS
    from .query_commands import COMMANDS as QUERY_COMMANDS

    for command in (*QUERY_COMMANDS, *HTML_COMMANDS):
        cli.add_command(command)


_add_commands()
