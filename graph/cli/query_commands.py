"""Query commands: centrality, path, neighbors, camps, communities and whatif.

Each parses its options, calls one function of :mod:`graph.queries` and hands
the result to its view in :mod:`graph.cli.query_views`. Every command takes
``--data``, the filters (``--type``, ``--sign``, ``--kind``, ``--as-of``,
``--exclude``), ``--directed/--undirected`` and ``--format table|json|csv``.

An empty answer is an answer: the (empty) result is written, a note goes to
stderr, and the exit code is 0. Only ``path`` exits 1 when it finds nothing,
like ``grep``.
"""

from __future__ import annotations

import math

import click

from ..queries.camps import MIN_MARGIN
from ..queries.centrality import MEASURES
from ..queries.communities import METHODS
from ..queries.neighbors import DIRECTIONS
from .base import GraphCommand, emit
from .options import (
    commentary_option,
    data_option,
    direction_option,
    engine_option,
    filter_options,
    filters_of,
    format_option,
    load_filtered,
    load_with_actors,
)
from .query_views import (
    camps_view,
    centrality_view,
    communities_view,
    neighbors_view,
    path_view,
    whatif_view,
)
from .spark_options import spark_graph, spark_lookup, spark_options, spark_progress, uses_spark

__all__ = ["COMMANDS"]

MEASURE_DEFAULT = "undirected; in-degree and out-degree directed"

weighted_option = click.option(
    "--weighted", is_flag=True, help="Parallel relations count as the sum of their weights."
)


def top_option(description: str):
    return click.option("--top", type=click.IntRange(min=1), metavar="N", help=description)


def note(message: str) -> None:
    """Tell the reader on stderr why an answer is empty; stdout keeps the result."""
    click.echo(message, err=True)


def _finite(ctx, param, value: float) -> float:
    # FloatRange lets nan and inf through: neither is a resolution, and JSON has neither.
    if not math.isfinite(value):
        raise click.BadParameter(f"{value} is not a finite number.")
    return value


@click.command("centrality", cls=GraphCommand)
@click.option(
    "--measure",
    type=click.Choice([*MEASURES, "all"]),
    default="degree",
    show_default=True,
    help="Centrality measure, or all of them (one column each).",
)
@direction_option(MEASURE_DEFAULT)
@weighted_option
@top_option("Only the N highest-ranked actors.")
@click.option(
    "--sample",
    type=click.IntRange(min=1),
    metavar="K",
    help="Estimate betweenness from K source actors drawn at random (seeded): "
    "K/n of the exact cost. Stated in the output.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="The random seed of --sample.")
@commentary_option
@engine_option
@data_option
@spark_options
@filter_options
@format_option("table", "json", "csv")
def centrality_command(
    measure,
    directed,
    weighted,
    top,
    sample,
    seed,
    with_commentary,
    engine,
    data,
    tables,
    spark_master,
    output_format,
    **filters,
):
    """Rank actors by a centrality measure, highest first (ties by id).

    Relations are read without direction unless --directed (in-degree and
    out-degree always follow it).
    """
    if uses_spark(engine, tables, data):
        from ..spark.queries import centrality as spark_centrality
        from ..spark.queries import check_measure

        check_measure(measure)
        if sample is not None:
            raise click.UsageError("--engine spark computes exact scores: drop --sample")
        graph = spark_graph(data, tables, spark_master).filtered(**filters_of(filters))
        result = spark_centrality(
            graph,
            measure,
            directed,
            weighted,
            top,
            progress=spark_progress(),
            with_commentary=with_commentary,
        )
    else:
        from ..queries.centrality import centrality

        dataset = load_filtered(data, filters_of(filters))
        result = centrality(
            dataset,
            measure,
            directed=directed,
            weighted=weighted,
            top=top,
            engine=engine,
            sample=sample,
            seed=seed,
            with_commentary=with_commentary,
        )
    emit(centrality_view(result, compact=output_format == "table"), output_format)
    if not result["results"]:
        note("no actors to rank: the filters leave none")


@click.command("path", cls=GraphCommand)
@click.argument("source")
@click.argument("target")
@direction_option()
@click.option(
    "--max",
    "max_length",
    type=click.IntRange(min=1),
    metavar="N",
    help="Every simple path of at most N hops, not only the shortest.",
)
@engine_option
@data_option
@spark_options
@filter_options
@format_option("table", "json", "csv")
@click.pass_context
def path_command(
    ctx,
    source,
    target,
    directed,
    max_length,
    engine,
    data,
    tables,
    spark_master,
    output_format,
    **filters,
):
    """Explain how SOURCE and TARGET are connected, hop by hop, with the evidence.

    Relations are followed either way unless --directed. Exit code 1 when
    no path connects them (like grep), 0 otherwise. With --engine spark, the
    first shortest path in id order only.
    """
    if uses_spark(engine, tables, data):
        if max_length is not None:
            raise click.UsageError(
                "the spark engine cannot list simple paths (--max); engines that can: networkx"
            )
        start, end, result = _spark_path(
            data, tables, spark_master, source, target, directed, filters_of(filters)
        )
    else:
        from ..queries.paths import shortest_paths

        dataset, (start, end) = load_with_actors(
            data, filters_of(filters), [(source, "SOURCE"), (target, "TARGET")]
        )
        result = shortest_paths(
            dataset, start.id, end.id, directed=directed, max_length=max_length, engine=engine
        )
    emit(path_view(result), output_format)
    if not result["paths"]:
        shortest = result["shortest_length"]
        if shortest is None:
            note(f"no path from {start.name} to {end.name}")
        else:
            note(
                f"no path of at most {max_length} hop(s) between {start.name} and {end.name} "
                f"(the shortest has {shortest})"
            )
        ctx.exit(1)


def _spark_path(data, tables, master, source, target, directed, filters):
    """Look the actors up, then filter and search in Spark (as :func:`load_with_actors`)."""
    from ..spark.queries import path as spark_path

    graph = spark_graph(data, tables, master)
    start = spark_lookup(graph, source, "SOURCE")
    end = spark_lookup(graph, target, "TARGET")
    filtered = graph.filtered(**filters)
    kept = filtered.actors.where(filtered.actors["id"].isin([start.id, end.id]))
    found = {row.id for row in kept.select("id").collect()}
    for actor, parameter in ((start, "SOURCE"), (end, "TARGET")):
        if actor.id not in found:
            raise click.BadParameter(
                f"{actor.name} is left out by --kind or --exclude", param_hint=parameter
            )
    return start, end, spark_path(filtered, start, end, directed, progress=spark_progress())


@click.command("neighbors", cls=GraphCommand)
@click.argument("actor")
@click.option("--depth", type=click.IntRange(min=1), default=1, show_default=True, metavar="N")
@direction_option("undirected, --direction both; --directed is --direction out")
@click.option(
    "--direction",
    type=click.Choice(DIRECTIONS),
    default=None,
    help="Follow relations out of each actor, into it, or both.",
)
@engine_option
@data_option
@filter_options
@format_option("table", "json", "csv")
def neighbors_command(actor, depth, directed, direction, engine, data, output_format, **filters):
    """List the actors within N hops of ACTOR (its ego network)."""
    from ..queries.neighbors import neighbors

    dataset, (center,) = load_with_actors(data, filters_of(filters), [(actor, "ACTOR")])
    result = neighbors(dataset, center.id, depth, direction, directed=directed, engine=engine)
    emit(neighbors_view(result), output_format)
    if not result["neighbors"]:
        note(
            f"no neighbours of {center.name} within {depth} hop(s) "
            f"(direction: {result['direction']})"
        )


@click.command("camps", cls=GraphCommand)
@direction_option("undirected, the only way signs are read")
@click.option(
    "--min-margin",
    type=click.IntRange(min=0),
    default=MIN_MARGIN,
    show_default=True,
    metavar="N",
    help="A member's side must rest on at least N relations: with fewer (but one or "
    "more) the actor is leaning; fitting either side, or placed by convention, undecided. "
    "0: every placed actor is a member.",
)
@commentary_option
@data_option
@filter_options
@format_option("table", "json", "csv")
def camps_command(directed, min_margin, with_commentary, data, output_format, **filters):
    """Split the actors into two camps by the signs of their relations.

    The split leaves as few frustrated relations (positive across the camps,
    negative within one) as possible, and lists them with their evidence.
    Each actor's placement says how sure it is: forced by signed relations or
    placed by convention, and its margin (how many more relations would not
    fit if it switched sides, with the actors tied to the rest only through it),
    and its standing: member, leaning (resting on fewer than --min-margin
    relations) or undecided.
    """
    from ..queries.camps import camps

    result = camps(
        load_filtered(data, filters_of(filters)),
        min_margin=min_margin,
        directed=directed,
        with_commentary=with_commentary,
    )
    emit(camps_view(result), output_format)
    if not any(result["actors"]):
        note("no signed relations: every actor is unaligned")


@click.command("communities", cls=GraphCommand)
@click.option(
    "--method",
    type=click.Choice(METHODS),
    default="louvain",
    show_default=True,
    help="networkx's Louvain (seeded) or greedy modularity communities.",
)
@direction_option()
@weighted_option
@click.option(
    "--resolution",
    type=click.FloatRange(min=0, min_open=True),
    callback=_finite,
    default=1.0,
    show_default=True,
    help="Above 1 favours smaller communities (a finite number above 0).",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Louvain's random seed.")
@commentary_option
@engine_option
@data_option
@filter_options
@format_option("table", "json", "csv")
def communities_command(
    method,
    directed,
    weighted,
    resolution,
    seed,
    with_commentary,
    engine,
    data,
    output_format,
    **filters,
):
    """Group actors into communities by modularity (relation signs ignored)."""
    from ..queries.communities import communities

    dataset = load_filtered(data, filters_of(filters))
    result = communities(
        dataset,
        method,
        directed=directed,
        weighted=weighted,
        resolution=resolution,
        seed=seed,
        engine=engine,
        with_commentary=with_commentary,
    )
    emit(communities_view(result), output_format)
    if not result["communities"]:
        note("no actors to group: the filters leave none")


@click.command("whatif", cls=GraphCommand)
@click.option(
    "--measure",
    type=click.Choice(MEASURES),
    default="degree",
    show_default=True,
    help="Centrality measure to compare.",
)
@direction_option(MEASURE_DEFAULT)
@weighted_option
@top_option("Only the N most changed actors.")
@commentary_option
@engine_option
@data_option
@filter_options
@format_option("table", "json", "csv")
def whatif_command(
    measure, directed, weighted, top, with_commentary, engine, data, output_format, **filters
):
    """Compare centrality with and without the --exclude actors; list who is cut off."""
    from ..queries.whatif import whatif

    exclude = filters["exclude"]
    if not exclude:
        raise click.UsageError("name at least one actor to leave out with --exclude ACTOR")
    dataset, removed = load_with_actors(
        data, {**filters_of(filters), "exclude": ()}, [(name, "--exclude") for name in exclude]
    )
    result = whatif(
        dataset,
        [actor.id for actor in removed],
        measure,
        directed=directed,
        weighted=weighted,
        top=top,
        engine=engine,
        with_commentary=with_commentary,
    )
    emit(whatif_view(result), output_format)
    if not result["results"]:
        note("no actors left to compare once the --exclude actors are left out")


COMMANDS: list = [
    centrality_command,
    path_command,
    neighbors_command,
    camps_command,
    communities_command,
    whatif_command,
]
