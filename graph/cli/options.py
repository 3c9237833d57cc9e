"""Options shared by many commands, defined once and stacked as decorators."""

from __future__ import annotations

from pathlib import Path

import click

from ..load import load_dataset
from ..model import Actor, Dataset

__all__ = [
    "data_option",
    "engine_option",
    "filter_options",
    "format_option",
    "load_filtered",
    "load_with_actors",
    "lookup",
]


def data_option(command):
    """``--data DIR`` (or ``GRAPH_DATA``): the dataset folder; the embedded seed by default."""
    return click.option(
        "--data",
        "data",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        envvar="GRAPH_DATA",
        default=None,
        help="Dataset folder holding actors.yaml and relations.yaml "
        "[env: GRAPH_DATA; default: the embedded seed dataset].",
    )(command)


def engine_option(command):
    """``--engine`` (or ``GRAPH_ENGINE``): who computes; ``auto`` picks an accelerator if it can.

    The choices are :func:`graph.engines.names`: ``auto`` and every registered
    engine. An engine that cannot run the command (not installed, or not
    offering the measure or option asked) is a usage error naming the
    engines that can; the JSON says which engine answered under ``engine``.
    """
    from ..engines import names

    return click.option(
        "--engine",
        "engine",
        type=click.Choice(names()),
        envvar="GRAPH_ENGINE",
        default="auto",
        show_default=True,
        help="Who computes: auto uses an installed accelerator (rustworkx) where it gives "
        "the same numbers, networkx otherwise [env: GRAPH_ENGINE].",
    )(command)


def format_option(*formats: str):
    """``--format`` with the given choices, the first being the default."""

    def decorate(command):
        return click.option(
            "--format",
            "output_format",
            type=click.Choice(formats),
            default=formats[0],
            show_default=True,
            help="Output format: JSON goes to stdout, messages to stderr.",
        )(command)

    return decorate


def lookup(dataset: Dataset, query: str, parameter: str) -> Actor:
    """Return the actor ``query`` names, or fail as a usage error naming ``parameter``."""
    from ..problems import UnknownActorError

    try:
        return dataset.find_actor(query)
    except UnknownActorError as error:
        raise click.BadParameter(str(error), param_hint=parameter) from None


def _split_commas(ctx, param, values) -> list[str] | None:
    """Accept ``--type a,b`` and ``--type a --type b`` alike."""
    items = [item.strip() for value in values for item in value.split(",") if item.strip()]
    if values and not items:
        raise click.BadParameter("give at least one name", ctx=ctx, param=param)
    return items or None


def filter_options(command):
    """``--type``, ``--kind``, ``--as-of`` and ``--exclude``: narrow the dataset first."""
    options = [
        click.option(
            "--type",
            "types",
            multiple=True,
            callback=_split_commas,
            metavar="T1,T2",
            help="Only relations of these types.",
        ),
        click.option(
            "--kind",
            "kinds",
            multiple=True,
            callback=_split_commas,
            metavar="K1,K2",
            help="Only actors of these kinds.",
        ),
        click.option(
            "--as-of",
            "as_of",
            metavar="DATE",
            help="Only relations dated on or before DATE (YYYY[-MM[-DD]]); undated ones count.",
        ),
        click.option(
            "--exclude",
            "exclude",
            multiple=True,
            metavar="ACTOR",
            help="Leave this actor out, a what-if (repeatable).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def load_filtered(data: Path | None, types, kinds, as_of, exclude) -> Dataset:
    """Load the dataset and apply the filter options (bad filters are usage errors)."""
    return load_with_actors(data, (types, kinds, as_of, exclude), [])[0]


def load_with_actors(data: Path | None, filters, queries) -> tuple[Dataset, list[Actor]]:
    """Return the filtered dataset and the actors ``queries`` name, looked up before filtering.

    ``queries`` holds ``(query, parameter)`` pairs; an unknown actor, or one
    the filters leave out, is a usage error naming the parameter.
    """
    from ..filters import filter_dataset

    dataset = load_dataset(data)
    actors = [lookup(dataset, query, parameter) for query, parameter in queries]
    types, kinds, as_of, exclude = filters
    filtered = filter_dataset(dataset, types=types, kinds=kinds, as_of=as_of, exclude=exclude)
    for actor, (_, parameter) in zip(actors, queries):
        if actor.id not in filtered.actors:
            raise click.BadParameter(
                f"{actor.name} is left out by --kind or --exclude", param_hint=parameter
            )
    return filtered, actors
