"""What every command shares: the command class that maps errors to exit codes, and output."""

from __future__ import annotations

import sys

import click

from ..output import Result, render
from ..problems import DatasetError, Problem, QueryError

__all__ = ["GraphCommand", "emit", "print_problems", "write_error", "write_stdout"]


class GraphCommand(click.Command):
    """A command whose library errors become clean messages and exit codes.

    A bad dataset prints every problem as ``FILE:LINE:COL: error: message`` on
    stderr and exits 1; a query that makes no sense is a usage error (exit 2).
    """

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except DatasetError as error:
            print_problems(error.problems)
            ctx.exit(1)
        except QueryError as error:
            raise click.UsageError(str(error), ctx) from None


def print_problems(problems: list[Problem]) -> None:
    """Print problems on stderr, one a line: the first ``--max-problems``, then how many more.

    The ones printed are the first in file order, errors and warnings alike.
    """
    from .options import max_problems

    limit = max_problems()
    shown = problems if limit is None else problems[:limit]
    for problem in shown:
        click.echo(str(problem), err=True)
    if len(problems) > len(shown):
        more = len(problems) - len(shown)
        errors = sum(problem.severity == "error" for problem in problems[len(shown) :])
        click.echo(
            f"... and {more} more problem(s) ({errors} error(s)) not shown; "
            "--max-problems 0 shows all",
            err=True,
        )


def emit(result: Result, output_format: str) -> None:
    """Write ``result`` to stdout in ``output_format``."""
    write_stdout(render(result, output_format))


def write_stdout(text: str | bytes) -> None:
    """Write ``text`` to stdout; a closed stdout (``graph stats >&-``) is an error (exit 1).

    Python sets ``sys.stdout`` to None when file descriptor 1 is closed, and
    click would then drop the output silently.
    """
    if sys.stdout is None:
        raise click.ClickException("cannot write output: stdout is closed")
    if isinstance(text, bytes):  # an export in a binary format
        sys.stdout.flush()
        sys.stdout.buffer.write(text)
        sys.stdout.buffer.flush()
        return
    click.echo(text, nl=False)


def write_error(output, error: OSError) -> click.ClickException:
    """Return the error for an output that cannot be written, saying what to do where it can.

    >>> write_error("out/page.html", FileNotFoundError(2, "No such file")).message
    'cannot write out/page.html: No such file (the folder out does not exist: create it first)'
    """
    import errno
    from pathlib import Path

    message = f"cannot write {output}: {error.strerror or error}"
    folder = Path(output).parent
    if error.errno == errno.ENOENT and not folder.exists():
        message += f" (the folder {folder} does not exist: create it first)"
    return click.ClickException(message)
