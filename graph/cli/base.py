"""What every command shares: the command class that maps errors to exit codes, and output."""

from __future__ import annotations

import click

from ..output import Result, render
from ..problems import DatasetError, QueryError

__all__ = ["GraphCommand", "emit"]


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
    click.echo(render(result, output_format), nl=False)
