"""Coverage: what a document names that the dataset has, and what it has not encoded yet.

For each document :func:`coverage` reports

* the actors it names, by name, alias or (for a country) adjective, with counts;
* the names that look like actors but match none: capitalised phrases,
  titles followed by a name ("President X", "Defense Secretary Y"), countries
  and their adjectives from the shared gazetteer (:mod:`graph.gazetteer`);
* the sentences that name two or more known actors that no relation cites;

and, over all the documents, the actors none of them names.

Matching is by whole words, ignoring case and accents, except for names
written in capitals (``US``, ``NATO``), which must match exactly so that
"us" is not the United States. A name is not counted when it is the start of
a longer capitalised phrase ("Europe Program"), which is reported instead.

A dataset may say why names are deliberately left out in ``coverage.yaml``
next to its files (``left_out: {Odessa: a city, not an actor}``); those are
listed with their reason instead of as gaps (in a merged graph, every
dataset's reasons count).

The package reads as its pipeline, one module a step:

* :mod:`~graph.coverage.text`: words, sentences, lines and columns;
* :mod:`~graph.coverage.countries`: the country gazetteer
  (:func:`~graph.coverage.countries.country_words`);
* :mod:`~graph.coverage.finding`: names in text, known or not
  (:func:`~graph.coverage.finding.find_names`; it knows no dataset);
* :mod:`~graph.coverage.matching`: names matched to the dataset's actors;
* :mod:`~graph.coverage.left_out`: ``coverage.yaml``'s reasons;
* :mod:`~graph.coverage.uncited`: sentences no relation cites;
* :mod:`~graph.coverage.report`: :func:`coverage`, the report that joins them.

:mod:`~graph.coverage.text`, :mod:`~graph.coverage.countries` and
:mod:`~graph.coverage.finding` are the seam for anything else that reads
text for actors (extraction, look-up): they take text, not a dataset.

>>> from graph import load_dataset
>>> report = coverage(load_dataset())
>>> report["documents"][0]["key"]
'article'
"""

from .left_out import LEFT_OUT_FILE, read_left_out
from .report import coverage

__all__ = ["LEFT_OUT_FILE", "coverage", "read_left_out"]
