"""Options shared by many commands, defined once and stacked as decorators."""

from __future__ import annotations

import os
import re
from pathlib import Path

import click

from ..load import load_dataset
from ..model import Actor, Dataset

__all__ = [
    "DEFAULT_MAX_PROBLEMS",
    "ByteSize",
    "data_option",
    "direction_option",
    "engine_option",
    "filter_options",
    "format_option",
    "load",
    "load_filtered",
    "load_with_actors",
    "lookup",
    "max_problems",
    "option_value",
]

# Problems printed before the rest are only counted (``--max-problems``).
DEFAULT_MAX_PROBLEMS = 100


_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}


class ByteSize(click.ParamType):
    """A size in bytes: ``1048576``, ``512K``, ``100M``, ``2G`` or ``2GiB`` (units of 1024)."""

    name = "SIZE"
    _PATTERN = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*([kmgt]?)(?:i?b)?", re.IGNORECASE)

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        match = self._PATTERN.fullmatch(str(value).strip())
        if not match:
            self.fail(f"{value!r} is not a size (examples: 500M, 2G, 1048576)", param, ctx)
        size = int(float(match[1]) * _UNITS[match[2].lower()])
        if size < 1:
            self.fail("the size must be at least 1 byte", param, ctx)
        return size


def _remember(ctx: click.Context, param: click.Parameter, value):
    ctx.meta[f"graph.{param.name}"] = value
    return value


_EMPTY_DATA = "the dataset folder's name is empty (unset GRAPH_DATA for the seed)"


class DataFolder(click.Path):
    """An existing folder; an empty name is refused in words, as an empty GRAPH_DATA is.

    GRAPH_DATA may hold several folders separated by ``os.pathsep``; an empty
    entry ("a::b") is the same error as ``--data ''``.
    """

    envvar_list_splitter = os.pathsep

    def split_envvar_value(self, rv: str):
        return rv.split(os.pathsep)

    def convert(self, value, param, ctx):
        if isinstance(value, str) and not value:
            self.fail(_EMPTY_DATA, param, ctx)
        return super().convert(value, param, ctx)


def _check_data(ctx: click.Context, param: click.Parameter, value):
    # click reads an empty GRAPH_DATA as unset (the seed); --data '' is an error: so is this.
    if not value and os.environ.get("GRAPH_DATA") == "":
        raise click.BadParameter(_EMPTY_DATA, ctx=ctx, param=param)
    # One folder is a Path as before; several are merged into one graph by load_dataset.
    if not value:
        return None
    return value[0] if len(value) == 1 else tuple(value)


def data_option(command):
    """``--data DIR`` (or ``GRAPH_DATA``): the dataset folder; the embedded seed by default.

    With it come ``--max-file-size`` and ``--max-problems``, which every
    command reading a dataset takes (read back by :func:`load` and
    :func:`max_problems`).
    """
    options = [
        click.option(
            "--data",
            "data",
            type=DataFolder(exists=True, file_okay=False, path_type=Path),
            envvar="GRAPH_DATA",
            multiple=True,
            callback=_check_data,
            metavar="DIR",
            help="Dataset folder: actors.yaml and relations.yaml, or tables (docs/exports.md). "
            "Repeat to merge several datasets into one graph "
            f"[env: GRAPH_DATA, folders separated by {os.pathsep!r}; "
            "default: the embedded seed dataset].",
        ),
        click.option(
            "--max-file-size",
            "max_file_size",
            type=ByteSize(),
            default="2G",
            show_default=True,
            expose_value=False,
            callback=_remember,
            help="Refuse any dataset file or document larger than SIZE (e.g. 500M, 4G).",
        ),
        click.option(
            "--max-problems",
            "max_problems",
            type=click.IntRange(min=0),
            default=DEFAULT_MAX_PROBLEMS,
            show_default=True,
            expose_value=False,
            callback=_remember,
            metavar="N",
            help="Print the first N problems of a bad dataset, then how many more (0: all).",
        ),
        click.option(
            "--no-cache",
            is_flag=True,
            expose_value=False,
            callback=_no_cache,
            help="Load from the files, not from the cache of loaded datasets "
            "[env: GRAPH_NO_CACHE=1].",
        ),
        click.option(
            "--quiet",
            "-q",
            is_flag=True,
            expose_value=False,
            callback=_show_progress,
            help="No progress line on stderr (it is shown only on a terminal, past a second).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _no_cache(ctx, param, value) -> None:
    if value:
        from ..sources import cache

        token = cache.disabled.set(True)
        ctx.call_on_close(lambda: cache.disabled.reset(token))


def _show_progress(ctx, param, quiet) -> None:
    import sys

    if quiet or not sys.stderr.isatty() or ctx.meta.get("graph.progress"):
        return
    from ..progress import reporting
    from .progress_line import TerminalProgress

    ctx.meta["graph.progress"] = True
    ctx.with_resource(reporting(TerminalProgress(sys.stderr)))


def load(data: Path | None) -> Dataset:
    """Load the dataset with the command's ``--max-file-size``."""
    return load_dataset(data, max_file_size=option_value("max_file_size"))


def max_problems() -> int | None:
    """Return the command's ``--max-problems`` (None: no limit)."""
    limit = option_value("max_problems", DEFAULT_MAX_PROBLEMS)
    return limit or None


def option_value(name: str, default=None):
    ctx = click.get_current_context(silent=True)
    return ctx.meta.get(f"graph.{name}", default) if ctx else default


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
    """Accept the sign words and the numbers relations.yaml writes (1, -1, 0)."""
    from ..filters import sign_names
    from ..suggest import did_you_mean

    signs = sign_names(_split_commas(ctx, param, values))
    for sign in signs or ():
        if sign not in SIGNS:
            hint = did_you_mean(sign, SIGNS)
            suggestion = f"; did you mean {hint[0]!r}?" if hint else ""
            raise click.BadParameter(
                f"unknown sign {sign!r}{suggestion} (choose from: {', '.join(SIGNS)}, or 1, -1, 0)",
                ctx=ctx,
                param=param,
            )
    return signs


def filter_options(command):
    """``--type``, ``--sign``, ``--kind``, ``--as-of``, ``--exclude``, ``--evidence`` and
    ``--hedged/--no-hedged``: narrow the dataset first.

    The command receives them as ``types``, ``signs``, ``kinds``, ``as_of``,
    ``exclude``, ``evidence`` and ``hedged``; :func:`filters_of` gathers them for
    :func:`load_with_actors`.
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
            help="Only relations whose type has one of these signs: cooperative, hostile, neutral"
            " (or as relations.yaml writes them: 1, -1, 0).",
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
        click.option(
            "--evidence",
            "evidence",
            multiple=True,
            callback=_split_commas,
            metavar="S1,S2",
            help="Only relations in these evidence states: verified (the quote is found in its "
            "document), located (a document and a locator), asserted.",
        ),
        click.option(
            "--hedged/--no-hedged",
            "hedged",
            default=True,
            show_default=True,
            help="Show relations whose quote only says they may hold, or leave them out.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


FILTER_NAMES = ("types", "signs", "kinds", "as_of", "exclude", "evidence", "hedged")


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

    dataset = load(data)
    actors = [lookup(dataset, query, parameter) for query, parameter in queries]
    filtered = filter_dataset(dataset, **filters)
    for actor, (_, parameter) in zip(actors, queries):
        if actor.id not in filtered.actors:
            raise click.BadParameter(
                f"{actor.name} is left out by --kind or --exclude", param_hint=parameter
            )
    return filtered, actors
