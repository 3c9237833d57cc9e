"""The ``graph coverage`` command: what each document names, and what is not encoded yet."""

from __future__ import annotations

import click

from .base import GraphCommand, emit
from .options import data_option, format_option, load_options

__all__ = ["COMMANDS", "coverage"]


@click.command(cls=GraphCommand)
@click.argument("document", required=False)
@data_option
@format_option("table", "json", "csv")
def coverage(document, data, output_format):
    """Report what DOCUMENT names that the dataset has, and what it has not encoded yet.

    DOCUMENT is a document key of the dataset or the path of any UTF-8 text
    file (an article not encoded yet); without it, every document of the
    dataset. For each: the actors it names (by name, alias or country
    adjective, with counts), the names that look like actors but match none
    (capitalised phrases, titles such as "President X", countries and their
    adjectives), and the sentences naming two or more actors that no relation
    cites; then the actors no document names. Names listed in the dataset's
    coverage.yaml (left_out: {NAME: REASON}) are shown with their reason.
    """
    from ..coverage import coverage as coverage_report
    from ..load import load_dataset
    from .report_views import coverage_view

    options = load_options()
    dataset = load_dataset(data, **options)
    report = coverage_report(dataset, document, max_file_size=options["max_file_size"])
    emit(coverage_view(report, output_format), output_format)


COMMANDS = [coverage]
