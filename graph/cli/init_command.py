"""The ``graph init`` command: start a dataset for a new article."""

from __future__ import annotations

import shlex
from pathlib import Path

import click

from .base import GraphCommand

__all__ = ["COMMANDS", "init"]


@click.command(cls=GraphCommand)
@click.argument("folder", type=click.Path(path_type=Path))
@click.option(
    "--article",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The article to encode (UTF-8 text): copied into FOLDER as the dataset's document.",
)
def init(folder, article):
    """Start a dataset in FOLDER for a new article; never overwrites a file.

    Writes commented actors.yaml and relations.yaml (a starter vocabulary of
    kinds and relation types, each with its sign and when to use it), the
    JSON Schemas in FOLDER/schemas/ that the files' modelines point at (so an
    editor completes and checks fields there), and a copy of the article.
    The new dataset validates as it is; see docs/guide.md for what comes next.
    """
    from ..scaffold import ScaffoldError, init_dataset

    try:
        written = init_dataset(folder, article)
    except ScaffoldError as error:
        raise click.ClickException(str(error)) from None
    for path in written:
        click.echo(f"created {path}", err=True)
    where = shlex.quote(str(folder))
    click.echo(
        f"next: fill in {folder / 'actors.yaml'} and {folder / 'relations.yaml'}, "
        f"then run: graph validate --data {where}",
        err=True,
    )


COMMANDS = [init]
