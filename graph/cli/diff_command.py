"""The ``graph diff`` command: what changed between two versions of a dataset."""

from __future__ import annotations

from pathlib import Path

import click

from ..problems import DatasetError, QueryError
from .base import emit
from .options import document_root_option, format_option, load_options

__all__ = ["COMMANDS", "diff"]


class DiffCommand(click.Command):
    """Exit codes like diff(1): 0 equal, 1 different, 2 trouble (bad data or usage)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except DatasetError as error:
            for problem in error.problems:
                click.echo(str(problem), err=True)
            ctx.exit(2)
        except QueryError as error:
            raise click.UsageError(str(error), ctx) from None


dataset_path = click.Path(exists=True, file_okay=False, path_type=Path)


@click.command(cls=DiffCommand)
@click.argument("old", type=dataset_path)
@click.argument("new", type=dataset_path)
@document_root_option
@format_option("table", "json", "csv")
@click.pass_context
def diff(ctx, old, new, output_format):
    """Show the actors, relations, types, kinds and documents added, removed or changed.

    OLD and NEW are two dataset folders (two versions of one dataset). Exit
    code 0 when they are equal, 1 when they differ, 2 for trouble (either
    cannot be loaded, or bad usage), like diff(1).
    """
    from ..diff import diff_datasets
    from ..load import load_dataset
    from .report_views import diff_view

    problems = []
    datasets = []
    for folder in (old, new):
        try:
            datasets.append(load_dataset(folder, document_roots=load_options()["document_roots"]))
        except DatasetError as error:
            problems += error.problems
    if problems:
        raise DatasetError(problems)
    result = diff_datasets(*datasets)
    emit(diff_view(result, output_format), output_format)
    if not result["equal"]:
        ctx.exit(1)


COMMANDS = [diff]
