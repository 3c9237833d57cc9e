"""Query commands: centrality, path, neighbors, camps, communities and whatif.

Each parses its options, calls one function of :mod:`graph.queries` and hands
the result to its view in :mod:`graph.cli.query_views`. Every command takes
``--data``, the filters (``--type``, ``--kind``, ``--as-of``, ``--exclude``)
and ``--format table|json|csv``.
"""

from __future__ import annotations

import click

from ..model import Actor, Dataset
from ..queries.centrality import MEASURES
from ..queries.communities import METHODS
from ..queries.neighbors import DIRECTIONS
from .base import GraphCommand, emit
from .options import data_option, filter_options, format_option, load, load_filtered, lookup
from .query_views import (
    camps_view,
    centrality_view,
    communities_view,
    neighbors_view,
    path_view,
    whatif_view,
)

__all__ = ["COMMANDS"]

undirected_option = click.option(
    "--undirected", is_flag=True, help="Ignore the direction of relations."
)
weighted_option = click.option(
    "--weighted", is_flag=True, help="Parallel relations count as the sum of their weights."
)


def top_option(help: str):
    return click.option("--top", type=click.IntRange(min=1), metavar="N", help=help)


@click.command("centrality", cls=GraphCommand)
@click.option(
    "--measure",
    type=click.Choice([*MEASURES, "all"]),
    default="degree",
    show_default=True,
    help="Centrality measure, or all of them (one column each).",
)
@undirected_option
@weighted_option
@top_option("Only the N highest-ranked actors.")
@data_option
@filter_options
@format_option("table", "json", "csv")
def centrality_command(
    measure, undirected, weighted, top, data, types, kinds, as_of, exclude, output_format
):
    """Rank actors by a centrality measure, highest first (ties by id)."""
    from ..queries.centrality import centrality

    dataset = load_filtered(data, types, kinds, as_of, exclude)
    result = centrality(dataset, measure, directed=not undirected, weighted=weighted, top=top)
    emit(centrality_view(result), output_format)


@click.command("path", cls=GraphCommand)
@click.argument("source")
@click.argument("target")
@click.option("--directed", is_flag=True, help="Follow relations' direction.")
@click.option(
    "--max",
    "max_length",
    type=click.IntRange(min=1),
    metavar="N",
    help="Every simple path of at most N hops, not only the shortest.",
)
@data_option
@filter_options
@format_option("table", "json", "csv")
@click.pass_context
def path_command(
    ctx, source, target, directed, max_length, data, types, kinds, as_of, exclude, output_format
):
    """Explain how SOURCE and TARGET are connected, hop by hop, with the evidence.

    Exit code 1 when no path connects them (like grep), 0 otherwise.
    """
    from ..queries.paths import shortest_paths

    dataset, (start, end) = load_with_actors(
        data, (types, kinds, as_of, exclude), [(source, "SOURCE"), (target, "TARGET")]
    )
    result = shortest_paths(dataset, start.id, end.id, directed=directed, max_length=max_length)
    emit(path_view(result), output_format)
    if not result["paths"]:
        click.echo(f"no path from {start.name} to {end.name}", err=True)
        ctx.exit(1)


@click.command("neighbors", cls=GraphCommand)
@click.argument("actor")
@click.option("--depth", type=click.IntRange(min=1), default=1, show_default=True, metavar="N")
@click.option(
    "--direction",
    type=click.Choice(DIRECTIONS),
    default="both",
    show_default=True,
    help="Follow relations out of each actor, into it, or both.",
)
@data_option
@filter_options
@format_option("table", "json", "csv")
def neighbors_command(actor, depth, direction, data, types, kinds, as_of, exclude, output_format):
    """List the actors within N hops of ACTOR (its ego network)."""
    from ..queries.neighbors import neighbors

    dataset, (center,) = load_with_actors(data, (types, kinds, as_of, exclude), [(actor, "ACTOR")])
    emit(neighbors_view(neighbors(dataset, center.id, depth, direction)), output_format)


@click.command("camps", cls=GraphCommand)
@data_option
@filter_options
@format_option("table", "json", "csv")
def camps_command(data, types, kinds, as_of, exclude, output_format):
    """Split the actors into two camps by the signs of their relations.

    The split leaves as few frustrated relations (positive across the camps,
    negative within one) as possible, and lists them with their evidence.
    """
    from ..queries.camps import camps

    emit(camps_view(camps(load_filtered(data, types, kinds, as_of, exclude))), output_format)


@click.command("communities", cls=GraphCommand)
@click.option(
    "--method",
    type=click.Choice(METHODS),
    default="louvain",
    show_default=True,
    help="networkx's Louvain (seeded) or greedy modularity communities.",
)
@weighted_option
@click.option(
    "--resolution",
    type=click.FloatRange(min=0, min_open=True),
    default=1.0,
    show_default=True,
    help="Above 1 favours smaller communities.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Louvain's random seed.")
@data_option
@filter_options
@format_option("table", "json", "csv")
def communities_command(
    method, weighted, resolution, seed, data, types, kinds, as_of, exclude, output_format
):
    """Group actors into communities by modularity (relation signs ignored)."""
    from ..queries.communities import communities

    dataset = load_filtered(data, types, kinds, as_of, exclude)
    result = communities(dataset, method, weighted=weighted, resolution=resolution, seed=seed)
    emit(communities_view(result), output_format)


@click.command("whatif", cls=GraphCommand)
@click.option(
    "--measure",
    type=click.Choice(MEASURES),
    default="degree",
    show_default=True,
    help="Centrality measure to compare.",
)
@undirected_option
@weighted_option
@top_option("Only the N most changed actors.")
@data_option
@filter_options
@format_option("table", "json", "csv")
def whatif_command(
    measure, undirected, weighted, top, data, types, kinds, as_of, exclude, output_format
):
    """Compare centrality with and without the --exclude actors; list who is cut off."""
    from ..queries.whatif import whatif

    if not exclude:
        raise click.UsageError("name at least one actor to leave out with --exclude ACTOR")
    dataset, removed = load_with_actors(
        data, (types, kinds, as_of, ()), [(name, "--exclude") for name in exclude]
    )
    result = whatif(
        dataset,
        [actor.id for actor in removed],
        measure,
        directed=not undirected,
        weighted=weighted,
        top=top,
    )
    emit(whatif_view(result), output_format)


def load_with_actors(data, filters, queries) -> tuple[Dataset, list[Actor]]:
    """Return the filtered dataset and the actors ``queries`` name, looked up before filtering.

    ``queries`` holds ``(query, parameter)`` pairs; an unknown actor, or one
    the filters leave out, is a usage error naming the parameter.
    """
    from ..filters import filter_dataset

    dataset = load(data)
    actors = [lookup(dataset, query, parameter) for query, parameter in queries]
    types, kinds, as_of, exclude = filters
    filtered = filter_dataset(dataset, types=types, kinds=kinds, as_of=as_of, exclude=exclude)
    for actor, (_, parameter) in zip(actors, queries):
        if actor.id not in filtered.actors:
            raise click.BadParameter(
                f"{actor.name} is left out by --kind or --exclude", param_hint=parameter
            )
    return filtered, actors


COMMANDS: list = [
    centrality_command,
    path_command,
    neighbors_command,
    camps_command,
    communities_command,
    whatif_command,
]
