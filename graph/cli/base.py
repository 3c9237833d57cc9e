"""What every command shares: the command class that maps errors to exit codes, and output."""

from __future__ import annotations

import sys

import click

from ..output import Result, render
from ..problems import DatasetError, QueryError

__all__ = ["GraphCommand", "emit", "write_stdout"]


class GraphCommand(click.Command):
    """A command whose library errors become clean messages and exit codes.

    A bad dataset prints every problem as ``FILE:LINE:COL: error: message`` on
    stderr and exits 1; a query that makes no sense is a usage error (exit 2).
    """

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except DatasetError as error:
            for problem in error.problems:
                click.echo(str(problem), err=True)
            ctx.exit(1)
        except QueryError as error:
            raise click.UsageError(str(error), ctx) from None


def emit(result: Result, output_format: str) -> None:
    """Write ``result`` to stdout in ``output_format``."""
    write_stdout(render(result, output_format))


def write_stdout(text: str) -> None:
    """Write ``text`` to stdout; a closed stdout (``graph stats >&-``) is an error (exit 1).

    Python sets ``sys.stdout`` to None when file descriptor 1 is closed, and
    click would then drop the output silently.
    """
    if sys.stdout is None:
        raise click.ClickException("cannot write output: stdout is closed")
    click.echo(text, nl=False)
