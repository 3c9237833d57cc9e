"""The ``graph`` command group: each command parses options, calls the library, renders.

Errors become messages and exit codes in one place, :class:`~graph.cli.base.GraphCommand`.
Commands of other concerns live in their own modules and are added at the end.
"""

from __future__ import annotations

import sys

import click

from .. import __version__
from ..output import Result
from ..problems import Problem
from .base import GraphCommand, emit, print_problems, write_stdout
from .options import (
    data_option,
    direction_option,
    engine_option,
    filter_options,
    filters_of,
    format_option,
    load,
    load_filtered,
    load_options,
    lookup,
)
from .spark_options import spark_graph, spark_options, spark_progress, uses_spark
from .views import show_view, stats_view, validated_line

# The commands of other modules, by name: a module is imported only when one of its
# commands runs (or ``--help`` lists them all), so every command pays at start-up only
# for its own imports. Each module's ``COMMANDS`` holds the commands named here.
COMMAND_MODULES = {
    "camps": "query_commands",
    "centrality": "query_commands",
    "communities": "query_commands",
    "coverage": "coverage_command",
    "diff": "diff_command",
    "export": "export_command",
    "extract": "extract_command",
    "html": "html_command",
    "import": "import_command",
    "init": "init_command",
    "neighbors": "query_commands",
    "path": "query_commands",
    "review": "review_command",
    "whatif": "query_commands",
}


class GraphGroup(click.Group):
    command_class = GraphCommand

    def list_commands(self, ctx) -> list[str]:
        return sorted({*self.commands, *COMMAND_MODULES})

    def get_command(self, ctx, name: str):
        if name not in self.commands and name in COMMAND_MODULES:
            import importlib

            module = importlib.import_module(f"{__package__}.{COMMAND_MODULES[name]}")
            for command in module.COMMANDS:
                self.add_command(command)
        return super().get_command(ctx, name)


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
@format_option("table", "json")
@click.pass_context
def validate(ctx, data, output_format):
    """Check a dataset and report every problem with its file, line and column.

    Problems go to stderr as FILE:LINE:COL: error: message. Exit code 0 when
    the dataset is valid (warnings allowed), 1 when not.
    """
    from ..load import validate as validate_dataset

    report = validate_dataset(data, **load_options())
    print_problems([Problem(**problem) for problem in report["problems"]])
    if output_format == "json":
        emit(Result(report, []), "json")
    elif report["valid"]:
        write_stdout(validated_line(report) + "\n")
    if not report["valid"]:
        ctx.exit(1)


@cli.command()
@direction_option()
@engine_option
@data_option
@spark_options
@filter_options
@format_option("table", "json")
def stats(directed, engine, data, tables, spark_master, output_format, **filters):
    """Count actors and relations by kind and type; components and density.

    Density is that of the undirected graph unless --directed.
    """
    if uses_spark(engine, tables, data):
        from ..spark.queries import stats as spark_stats

        graph = spark_graph(data, tables, spark_master).filtered(**filters_of(filters))
        result = spark_stats(graph, directed=directed, progress=spark_progress())
        emit(stats_view(result), output_format)
        return
    from ..queries.summary import stats as dataset_stats

    dataset = load_filtered(data, filters_of(filters))
    emit(stats_view(dataset_stats(dataset, engine=engine, directed=directed)), output_format)


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
    try:
        cli(prog_name="graph")
    except OSError as error:
        # stdout closed or full (``graph stats > /dev/full``): say so, no traceback.
        sys.stderr.write(f"Error: cannot write output: {error.strerror or error}\n")
        sys.exit(1)
    except MemoryError:
        # Files are capped (--max-file-size) before they are read; parsing one may still
        # need more memory than the machine has.
        sys.stderr.write("graph: out of memory: the input is too large for this machine\n")
        sys.exit(1)
