"""The ``graph extract`` command: proposals of actors and relations from articles."""

from __future__ import annotations

from pathlib import Path

import click

from .base import GraphCommand, write_error, write_stdout
from .options import _show_progress

__all__ = ["COMMANDS", "extract"]


@click.command(cls=GraphCommand)
@click.argument(
    "articles",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar="ARTICLE...",
)
@click.option(
    "--data",
    "data",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    metavar="DIR",
    help="A dataset whose actors, aliases and types the proposals use (only read). "
    "Without it, proposals use PLOVER's categories, as for a new dataset.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write (atomically) [default: stdout].",
)
@click.option(
    "--format",
    "proposal_format",  # not a table format: proposals are JSON or YAML only
    type=click.Choice(["json", "yaml"]),
    default="json",
    show_default=True,
    help="JSON (one object; JSON lines for several articles) or YAML (one document each).",
)
@click.option(
    "--quiet",
    "-q",
    is_flag=True,
    expose_value=False,
    callback=_show_progress,
    help="No progress line on stderr (it is shown only on a terminal, past a second).",
)
def extract(articles, data, output, proposal_format):
    """Propose the actors and relations each ARTICLE states, with quotes, for review.

    Actors come from the dataset (--data: names and aliases), a gazetteer of
    countries, capitals and demonyms, titles with names ("Defense Secretary
    John Healey"), bodies ("Ministry of ...", "... Council", acronyms in
    brackets) and phrases such as "the coalition". A relation is two actors
    of one sentence joined by a cue word (a verb or noun of the PLOVER event
    categories), with its verbatim quote, cue, confidence, hedge and reason.
    Its type is one of the dataset's types with --data (the starter types of
    a `graph init` dataset), else the PLOVER category (disapprove, agree,
    ...), which `graph review` declares. The dataset is never changed. Many
    articles are read in parallel, with a progress line. Then:

    \b
      graph init DIR --article article.txt
      graph extract DIR/article.txt --data DIR -o proposals.json
      graph review proposals.json --data DIR
    """
    from ..extract import extract_files, render_proposals

    dataset = None
    if data is not None:
        from ..load import load_dataset

        dataset = load_dataset(data)
    results = extract_files(articles, dataset)
    text = render_proposals(results, proposal_format)
    if output is None:
        write_stdout(text)
        return
    from ..files import write_atomically

    try:
        write_atomically(output, text)
    except OSError as error:
        raise write_error(output, error) from None
    actors = sum(len(result["actors"]) for result in results)
    relations = sum(len(result["relations"]) for result in results)
    click.echo(
        f"wrote {output}: {actors} actor(s) and {relations} relation(s) proposed "
        f"from {len(results)} article(s)",
        err=True,
    )


COMMANDS = [extract]
