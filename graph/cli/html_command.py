"""The ``graph html`` command: one offline, self-contained page."""

from __future__ import annotations

from pathlib import Path

import click

from ..queries.centrality import MEASURES
from ..render.data import COLOR_BY
from ..render.limits import RENDERERS, WEBGL_SIZE
from .base import GraphCommand, write_error
from .options import data_option, direction_option, filter_options, filters_of, load_with_actors

__all__ = ["COMMANDS", "html"]


@click.command(cls=GraphCommand)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default="graph.html",
    show_default=True,
    help="The page to write (.html or .htm); replaced whole, never half-written.",
)
@click.option("--open", "open_page", is_flag=True, help="Open the page in the default browser.")
@click.option(
    "--size-by",
    type=click.Choice(MEASURES),
    default="degree",
    show_default=True,
    help="Centrality measure that sizes the nodes.",
)
@direction_option("as graph centrality: undirected; in-degree and out-degree directed")
@click.option("--focus", metavar="ACTOR", help="Draw only ACTOR's neighbourhood (an ego network).")
@click.option(
    "--depth",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="With --focus: how many relations away to draw [default: 1].",
)
@click.option(
    "--highlight-path",
    nargs=2,
    metavar="A B",
    default=None,
    help="Emphasise the shortest paths between actors A and B.",
)
@click.option(
    "--color-by",
    type=click.Choice(COLOR_BY),
    default="kind",
    show_default=True,
    help="Node colours: actor kind, the two camps of `graph camps` (frustrated "
    "relations glow) or the communities of `graph communities`.",
)
@click.option(
    "--max-actors",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Draw at most N actors, the most important by --size-by [default: 2500 with "
    "vis-network, 50000 with WebGL].",
)
@click.option(
    "--renderer",
    type=click.Choice(RENDERERS),
    default="auto",
    show_default=True,
    help=f"Draw with vis-network (vis) or WebGL (webgl, sigma.js); auto: vis-network up to "
    f"{WEBGL_SIZE:,} actors + relations, WebGL above.",
)
@click.option(
    "--merge-pairs",
    is_flag=True,
    help="On vis-network pages, one line per pair of actors, its width by the number of "
    "relations (WebGL pages always draw so).",
)
@click.option("--title", help="The page's heading [default: Actor graph].")
@data_option
@filter_options
def html(
    output,
    open_page,
    size_by,
    directed,
    focus,
    depth,
    highlight_path,
    color_by,
    max_actors,
    renderer,
    merge_pairs,
    title,
    data,
    **filters,
):
    """Write the graph as one interactive HTML page that works offline.

    pyvis builds the page, with vis-network inside it. Colours and shapes
    show actor kinds, edge colours the relation's sign; hovering shows
    descriptions and evidence quotes. The page loads nothing from the network
    and shows every text from the dataset as plain text.
    """
    from ..files import write_atomically
    from ..render.html import prepare_page, render_page

    if output.suffix.lower() not in (".html", ".htm"):
        raise click.BadParameter(
            "the page's name must end in .html or .htm", param_hint="'-o' / '--output'"
        )
    if depth is not None and focus is None:
        raise click.UsageError("--depth is how far from --focus ACTOR to draw: give --focus too")
    depth = 1 if depth is None else depth
    named = [(focus, "--focus")] if focus is not None else []
    named += [(name, "--highlight-path") for name in highlight_path or ()]
    dataset, actors = load_with_actors(data, filters_of(filters), named)
    ids = [actor.id for actor in actors]
    if focus is not None:
        focus = ids.pop(0)
    if highlight_path:
        highlight_path = tuple(ids)
    drawn = prepare_page(
        dataset,
        size_by=size_by,
        directed=directed,
        focus=focus,
        depth=depth,
        highlight_path=highlight_path,
        title=title,
        color_by=color_by,
        max_actors=max_actors,
        renderer=renderer,
        merge_pairs=merge_pairs,
    )
    page = render_page(drawn)
    try:
        written = write_atomically(output, page)
    except OSError as error:
        raise write_error(output, error) from None
    click.echo(f"wrote {written}", err=True)
    omitted = drawn["meta"]["omitted"]
    if omitted:
        click.echo(
            f"drew the {drawn['meta']['actors']:,} most important of {omitted['totalActors']:,} "
            f"actors (by {size_by}) and {drawn['meta']['relations']:,} of "
            f"{omitted['totalRelations']:,} relations; use --max-actors N or --focus ACTOR "
            "to choose what is drawn"
            + (
                "" if drawn["meta"]["renderer"] == "webgl" else ", or --renderer webgl to draw more"
            ),
            err=True,
        )
    path = drawn["meta"]["path"]
    if path and not path["count"]:
        # Still a useful page, so exit 0; the heading says so too.
        click.echo(
            f"no path between {path['source']} and {path['target']}: nothing highlighted", err=True
        )
    if open_page:
        import webbrowser

        if not webbrowser.open(written.as_uri()):
            click.echo("could not open a browser; open the file yourself", err=True)


COMMANDS = [html]
