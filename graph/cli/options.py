"""Options shared by many commands, defined once and stacked as decorators."""

from __future__ import annotations

from pathlib import Path

import click

from ..load import load_dataset
from ..model import Actor, Dataset

__all__ = [
    "data_option",
    "direction_option",
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


def direction_option(default: str = "undirected"):
    """``--directed/--undirected``: read relations along their arrows or not; unset, the default.

    The library gets ``directed=None`` when neither is given, and applies the
    documented default of each measure or command (:mod:`graph.queries.direction`);
    ``default`` only words that default in the help.
    """

    def decorate(command):
        return click.option(
            "--directed/--undirected",
            "directed",
            default=None,
            help=f"Follow relations' direction, or ignore it [default: {default}].",
        )(command)

    return decorate


def lookup(dataset: Dataset, query: str, parameter: str) -> Actor:
    """Return the actor ``query`` names, or fail as a usage error naming ``parameter``."""
    from ..problems import AmbiguousActorError, UnknownActorError

    try:
        return dataset.find_actor(query)
    except (UnknownActorError, AmbiguousActorError) as error:
        raise click.BadParameter(str(error), param_hint=parameter) from None


def _split_commas(ctx, param, values) -> list[str] | None:
    """Accept ``--type a,b`` and ``--type a --type b`` alike."""
    items = [item.strip() for value in values for item in value.split(",") if item.strip()]
    if values and not items:
        raise click.BadParameter("give at least one name", ctx=ctx, param=param)
    return items or None


SIGNS = ("cooperative", "hostile", "neutral")


def _split_signs(ctx, param, values) -> list[str] | None:
    signs = _split_commas(ctx, param, values)
    for sign in signs or ():
        if sign not in SIGNS:
            raise click.BadParameter(
                f"unknown sign {sign!r} (choose from: {', '.join(SIGNS)})", ctx=ctx, param=param
            )
    return signs


def filter_options(command):
    """``--type``, ``--sign``, ``--kind``, ``--as-of`` and ``--exclude``: narrow the dataset first.

    The command receives them as ``types``, ``signs``, ``kinds``, ``as_of``
    and ``exclude``; :func:`filters_of` gathers them for :func:`load_with_actors`.
    """
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
            "--sign",
            "signs",
            multiple=True,
            callback=_split_signs,
            metavar="S1,S2",
            help="Only relations whose type has one of these signs: cooperative, hostile, neutral.",
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


FILTER_NAMES = ("types", "signs", "kinds", "as_of", "exclude")


def filters_of(options: dict) -> dict:
    """Return the filter options among a command's ``options``, by the library's names."""
    return {name: options[name] for name in FILTER_NAMES}


def load_filtered(data: Path | None, filters: dict) -> Dataset:
    """Load the dataset and apply the filter options (bad filters are usage errors)."""
    return load_with_actors(data, filters, [])[0]


def load_with_actors(data: Path | None, filters: dict, queries) -> tuple[Dataset, list[Actor]]:
    """Return the filtered dataset and the actors ``queries`` name, looked up before filtering.

    ``filters`` holds :func:`graph.filters.filter_dataset`'s keyword
    arguments; ``queries`` holds ``(query, parameter)`` pairs; an unknown
    actor, or one the filters leave out, is a usage error naming the parameter.
    """
    from ..filters import filter_dataset

    dataset = load_dataset(data)
    actors = [lookup(dataset, query, parameter) for query, parameter in queries]
    filtered = filter_dataset(dataset, **filters)
    for actor, (_, parameter) in zip(actors, queries):
        if actor.id not in filtered.actors:
            raise click.BadParameter(
                f"{actor.name} is left out by --kind or --exclude", param_hint=parameter
            )
    return filtered, actors
