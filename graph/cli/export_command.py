"""The ``graph export`` command: the dataset in another tool's format."""

from __future__ import annotations

from pathlib import Path

import click

from ..export import CYPHER_DIALECTS, FORMATS
from .base import GraphCommand, write_error, write_stdout
from .options import data_option, filter_options, load

__all__ = ["COMMANDS", "export"]


def _format_list() -> str:
    return "\n".join(
        f"  {spec.name:<8} {spec.summary}{' (a folder)' if spec.folder else ''}"
        for spec in FORMATS.values()
    )


@click.command(
    cls=GraphCommand,
    epilog="\b\nFormats:\n" + _format_list(),
)
@click.option(
    "--format",
    "format_name",
    type=click.Choice(list(FORMATS)),
    required=True,
    help="The format to write (listed below).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="The file to write, or the folder for csv, parquet, gephi and kumu "
    "[default: stdout, for a one-file format].",
)
@click.option(
    "--dialect",
    type=click.Choice(CYPHER_DIALECTS),
    help="With --format cypher: the engine the script is written for "
    "(falkordb: FalkorDB, the default; kuzu: Kùzu, its schema first).",
)
@data_option
@filter_options
def export(format_name, output, dialect, data, **filters):
    """Write the dataset (after the filters) in another tool's format, every attribute kept.

    Files are replaced whole, never half-written; a folder is made when
    missing, and only the format's own files in it are replaced.
    """
    from ..export import export_dataset, render_export
    from ..filters import filter_dataset
    from ..problems import GraphError

    spec = FORMATS[format_name]
    options = {}
    if dialect is not None:
        if format_name != "cypher":
            raise click.BadParameter(
                f"only --format cypher has dialects, not {format_name}",
                param_hint="'--dialect'",
            )
        options["dialect"] = dialect
    if output is None and spec.folder:
        raise click.UsageError(f"--format {format_name} writes several files: give -o FOLDER")
    if output is not None and spec.folder and output.exists() and not output.is_dir():
        raise click.BadParameter(
            f"{format_name} writes several files: {output} must be a folder",
            param_hint="'-o' / '--output'",
        )
    if output is not None and not spec.folder and output.is_dir():
        raise click.BadParameter(
            f"{output} is a folder; {format_name} writes one file", param_hint="'-o' / '--output'"
        )
    # The filter options are named after filter_dataset's keyword arguments.
    dataset = filter_dataset(load(data), **filters)
    if output is not None and _overwrites_input(output, data, dataset, spec.folder):
        raise click.BadParameter(
            f"{output} is where the dataset is read from: the tool never writes over its input",
            param_hint="'-o' / '--output'",
        )
    if output is None:
        try:
            content = render_export(dataset, format_name, Path.cwd(), **options)
        except GraphError as error:
            raise click.ClickException(str(error)) from None
        # A closed or full stdout is reported by write_stdout and main(), like every command's.
        write_stdout(content)
        return
    try:
        written = export_dataset(dataset, format_name, output, **options)
    except GraphError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise write_error(output, error) from None
    for path in written:
        click.echo(f"wrote {path}", err=True)


def _overwrites_input(output: Path, data, dataset, folder: bool) -> bool:
    """Return whether writing ``output`` would replace a file the dataset was read from."""
    import os

    from ..load import seed_folder

    folders = [seed_folder()] if not data else list(data) if isinstance(data, tuple) else [data]
    inputs = {os.path.realpath(path) for path in folders}
    target = os.path.realpath(output)
    if folder:
        return target in inputs
    read = {os.path.realpath(document.path) for document in dataset.documents.values()}
    for path in inputs:
        read |= {os.path.realpath(os.path.join(path, name)) for name in os.listdir(path)}
    return target in read


COMMANDS = [export]
