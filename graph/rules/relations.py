"""Relations: the ``relations`` list of ``relations.yaml`` (or the relations table).

Two lanes apply the same rules. :func:`relations_in_bulk` asks them of a
column at a time and of each distinct value once, and never reports: at the
first doubt it gives up and :func:`relations_one_by_one` checks each
relation, reporting every problem at its place. Both lanes call the same
definitions (:mod:`graph.rules.values`, :data:`RELATION_FIELDS`,
:func:`same_fact`, :data:`~graph.rules.evidence.MIN_EVIDENCE_CHARACTERS`,
:meth:`~graph.evidence.DocumentIndex.find`); ``tests/test_rules.py`` runs
both on every rule's cases and requires the same answer.

A relation's evidence state (``evidence_state``: verified, the default,
located or asserted) must be one the dataset's settings allow
(:mod:`graph.rules.settings`), and says what it needs: ``verified`` a quote
found in its document (a file, not a URL), ``located`` a document (a file or
a URL) and a ``locator``, ``asserted`` nothing (see :mod:`graph.rules.evidence`).
Two relations with the same ends, type and document state the same fact
when their quotes are the same, or, both without a quote, when their
locators and dates are.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import repeat
from operator import itemgetter

from .. import progress
from ..evidence import all_found, normalize_text, normalize_texts
from ..model import EVIDENCE_STATES, Actor, Relation, RelationType
from ..problems import did_you_mean
from ..sources import DataPath
from .checker import MISSING, Checker
from .context import Context
from .evidence import (
    MIN_EVIDENCE_CHARACTERS,
    any_hedge_word,
    check_hedge,
    check_quote,
    check_quote_length,
)
from .references import (
    actor_reference,
    document_reference,
    report_unknown_types,
    type_reference,
)
from .values import date_text, period_fault, plainly_good_texts, weight_value

__all__ = [
    "RELATION_FIELDS",
    "check_relation",
    "check_relations",
    "fact_keys",
    "quotes_found",
    "relation_columns",
    "relations_in_bulk",
    "relations_one_by_one",
    "same_fact",
]

# The fields of a relation: (required, optional). ``evidence`` (the quote) is
# required of a verified relation only (see check_relation).
RELATION_FIELDS = (
    ("source", "type", "target"),
    ("evidence", "document", "date", "weight", "hedged", "evidence_state", "locator"),
)

Actors = dict[str, Actor] | None
Types = dict[str, RelationType] | None


def check_relations(
    check: Checker, items: list, actors: Actors, types: Types, context: Context
) -> list[Relation]:
    """Return the valid relations (one written twice is kept once, with a warning)."""
    bulk = relations_in_bulk(check, items, actors, types, context)
    if bulk is not None:
        return bulk
    return relations_one_by_one(check, items, actors, types, context)


def same_fact(source: str, target: str, type_name: str, document, symmetric: bool) -> tuple:
    """Return what two relations share when they state the same fact (their quotes aside).

    A symmetric type's relation from b to a is the one from a to b.
    """
    if symmetric and target < source:
        source, target = target, source
    return source, target, type_name, document


def relations_one_by_one(
    check: Checker, items: list, actors: Actors, types: Types, context: Context
) -> list[Relation]:
    """Return the valid relations, checking each and reporting every problem at its place."""
    relations = []
    # same_fact(...) -> [(quote, path)] of the relations kept so far
    written: dict[tuple, list] = {}
    for index, value in enumerate(items):
        if not index % 8192:
            progress.advance(index, len(items))
        path = ("relations", index)
        relation = check_relation(check, value, path, actors, types, context)
        if relation is None:
            continue
        symmetric = bool(types) and types[relation.type].symmetric
        key = same_fact(
            relation.source, relation.target, relation.type, relation.document, symmetric
        )
        if not relation.evidence:  # no quote: the same fact at the same place and date
            key = (*key, relation.locator, relation.date)
        earlier = written.get(key)
        if earlier is None:
            written[key] = [(relation.evidence, path)]
        else:
            first = _same_quote(relation.evidence, earlier)
            if first is not None:
                unit = "rows" if check.from_tables else "lines"
                check.warn(
                    path,
                    f"this relation is written twice, on {unit} {check.line(first)} and "
                    f"{check.line(path)} (same source, type, target and "
                    f"{'quote' if relation.evidence else 'locator and date, no quote'}): the "
                    "second is ignored",
                )
                continue
            earlier.append((relation.evidence, path))
        relations.append(relation)
    report_unknown_types(check, types, context)
    progress.advance(len(items), len(items))
    return relations


def check_relation(
    check: Checker, value, path: DataPath, actors: Actors, types: Types, context: Context
) -> Relation | None:
    """Return one relation, or None after reporting why it is not valid."""
    fields = check.fields(value, path, "a relation", *RELATION_FIELDS)
    if fields is None:
        return None
    at = {key: (*path, key) for key in fields}
    source = actor_reference(check, fields, at, "source", actors, context)
    target = actor_reference(check, fields, at, "target", actors, context)
    type_name = type_reference(check, fields, at, types, context)
    if source is not None and source == target:
        check.error(
            at["target"], f"relation from {source!r} to itself (self-loops are not allowed)"
        )
        source = None
    state = _evidence_state(check, fields, at, context)
    evidence = (
        check.string(fields["evidence"], at["evidence"], "evidence", multiline=True)
        if "evidence" in fields
        else None
    )
    if "evidence" not in fields and state == "verified":
        check.error(path, "a relation is missing required field 'evidence'")
    if "document" in fields or state == "verified":
        document = document_reference(check, path, fields, at, context)
    else:  # a weaker state needs no document: the only one declared, or none
        declared = context.declared_documents
        document = declared[0] if len(declared) == 1 else None
    date = check.date(fields["date"], at["date"]) if "date" in fields else None
    weight = check.weight(fields["weight"], at["weight"]) if "weight" in fields else 1.0
    hedged = (
        check.boolean(fields["hedged"], at["hedged"], "hedged") if "hedged" in fields else False
    )
    locator = (
        check.string(fields["locator"], at["locator"], "locator") if "locator" in fields else None
    )
    needle = None if evidence is None else normalize_text(evidence)  # folded once
    if needle is not None:
        check_quote_length(check, at["evidence"], evidence, needle)
        if hedged is False and _is_action(types, type_name):
            check_hedge(check, at["evidence"], evidence)
    if state == "verified" and document in context.document_urls:
        check.error(
            at.get("document", path),
            f"document {document!r} is a URL, never fetched: a relation citing it can be at "
            "most located (evidence_state: located, with a locator)",
        )
    elif state == "verified":
        if evidence is not None and document is not None and document in context.indexes:
            check_quote(check, at["evidence"], needle, document, context.indexes[document])
    elif state == "located":
        _check_located(check, path, fields, document, context)
    bad = (source, target, type_name, weight, state, hedged)
    if None in bad or ("date" in fields and date is None):
        return None
    if ("evidence" in fields and evidence is None) or ("locator" in fields and locator is None):
        return None
    return Relation(
        source,
        type_name,
        target,
        evidence or "",
        document,
        date,
        weight,
        hedged=hedged,
        evidence_state=state,
        locator=locator,
    )


def _is_action(types: Types, type_name: str | None) -> bool:
    """Return whether a relation's type is an action (hedges are looked for in actions only)."""
    return types is None or type_name not in types or types[type_name].role == "action"


def _evidence_state(check: Checker, fields: dict, at: dict, context: Context) -> str | None:
    """Return a relation's evidence state (verified unless it says), or None if refused."""
    if "evidence_state" not in fields:
        return EVIDENCE_STATES[0]
    state = check.string(fields["evidence_state"], at["evidence_state"], "evidence_state")
    if state is None:
        return None
    if state not in EVIDENCE_STATES:
        hint = next(iter(did_you_mean(state, EVIDENCE_STATES)), None)
        check.error(
            at["evidence_state"],
            f"unknown evidence_state {state!r} (choose from: {', '.join(EVIDENCE_STATES)})",
            hint,
        )
        return None
    if state not in context.evidence_allowed:
        where = (
            "a row evidence_allowed in the dataset table"
            if check.from_tables
            else "'settings: {evidence_allowed: [...]}' in relations.yaml"
        )
        check.error(
            at["evidence_state"],
            f"evidence_state {state!r} is not allowed in this dataset (allowed: "
            f"{', '.join(context.evidence_allowed)}); a dataset opts in with {where}",
        )
        return None
    return state


def _check_located(check: Checker, path: DataPath, fields: dict, document, context) -> None:
    """A located relation names a document (a file or a URL) and a locator."""
    if document is None and "document" not in fields:
        check.error(path, "a located relation needs a document (a file or a URL)")
    if "locator" not in fields:
        check.error(
            path,
            "a located relation needs a locator: where in its document the evidence is "
            "(such as 'sentence 3, chars 120-188')",
        )


def relations_in_bulk(
    check: Checker, items, actors: Actors, types: Types, context: Context
) -> list[Relation] | None:
    """Return the relations when every one is valid, checked a column at a time; else None.

    The same rules as :func:`check_relation`, asked of each distinct value
    once and of each column in C where possible: a fast lane for large,
    valid datasets. It never reports a problem: at the first doubt it
    returns None, and the relations are checked one by one.
    """
    try:
        return _relations_in_bulk(check, items, actors, types, context)
    except TypeError:  # a list or mapping where a value was expected: one by one
        return None


_REQUIRED = frozenset(RELATION_FIELDS[0])
_ALLOWED = _REQUIRED | frozenset(RELATION_FIELDS[1])


def _relations_in_bulk(check, items, actors, types, context) -> list[Relation] | None:
    columns = relation_columns(check, items, actors, types, context)
    if columns is None:
        return None
    if _written_twice(columns, types):
        return None  # the one-by-one lane warns about it
    if not quotes_found(columns, context):
        return None
    progress.advance(len(items), len(items))
    relations = list(
        map(
            Relation,
            columns["source"],
            columns["type"],
            columns["target"],
            columns["evidence"],
            columns["document"],
            columns["date"],
            columns["weight"],
        )
    )
    states, hedged, locators = columns["state"], columns["hedged"], columns["locator"]
    if set(states) != {"verified"} or any(hedged) or any(x is not None for x in locators):
        relations = [
            replace(relation, hedged=mark, evidence_state=state, locator=locator)
            for relation, mark, state, locator in zip(relations, hedged, states, locators)
        ]
    return relations


def relation_columns(check: Checker, items, actors: Actors, types: Types, context: Context):
    """Return the relations' fields column by column when each relation is valid, else None.

    The bulk lane's checks of one relation at a time (every rule but the two
    that span relations: :func:`fact_keys` for those written twice, and
    :func:`quotes_found` for the quotes), asked of a column at a time and of
    each distinct value once; it never reports. The columns (lists, one
    value a relation): ``source``, ``type``, ``target``, ``evidence`` (""
    for none), ``document``, ``date`` (text or None), ``weight`` (float),
    ``hedged``, ``state``, ``locator`` (or None), ``quoted`` (whether the
    relation has an ``evidence`` field) and ``needle`` (the folded quote).
    A chunk of a file's relations may be checked alone
    (:mod:`graph.load_chunked`): nothing here depends on the other relations.
    """
    if not items or actors is None or types is None or type(items) is not list:
        return None
    if set(map(type, items)) != {dict}:
        return None
    for layout in set(map(tuple, items)):
        if not _REQUIRED <= frozenset(layout) <= _ALLOWED:
            return None
    declared = context.declared_documents
    default = declared[0] if len(declared) == 1 else None
    sources = list(map(itemgetter("source"), items))
    targets = list(map(itemgetter("target"), items))
    type_names = list(map(itemgetter("type"), items))
    states = _column(items, "evidence_state", "verified")
    evidence = _column(items, "evidence", "")
    documents = _column(items, "document", MISSING)
    dates = _column(items, "date", MISSING)
    weights = _column(items, "weight", 1.0)
    hedged = _column(items, "hedged", False)
    locators = _column(items, "locator", None)
    written = set(map(type, documents))  # object: MISSING's, where a relation names none
    if not written <= {str, object}:
        return None
    if object in written:
        if len(declared) > 1:
            return None
        documents = [default if document is MISSING else document for document in documents]
    for column in (sources, targets, type_names, states):
        if set(map(type, column)) != {str}:
            return None
    if not set(states) <= set(context.evidence_allowed):
        return None
    if set(map(type, hedged)) != {bool}:
        return None
    if any(map(str.__eq__, sources, targets)):
        return None
    source_set, target_set, type_set = set(sources), set(targets), set(type_names)
    document_set = set(documents) - {None}
    names = source_set | target_set | type_set | document_set
    if not all(check.accepts(name) for name in names):
        return None
    if not all(check.accepts(text) for text in {x for x in locators if x is not None}):
        return None
    if not (source_set <= actors.keys() and target_set <= actors.keys()):
        return None
    if not type_set <= types.keys():
        return None
    if not document_set <= context.declared_set:
        return None
    quoted = list(map(dict.__contains__, items, repeat("evidence")))
    plain = set(states) == {"verified"} and all(quoted)
    if plain and context.document_urls and not context.document_urls.keys().isdisjoint(documents):
        return None
    for state, has_quote, document, locator in (
        () if plain else zip(states, quoted, documents, locators)
    ):
        if state == "verified" and (not has_quote or document in context.document_urls):
            return None
        if state == "located" and (document is None or locator is None):
            return None
    if not plainly_good_texts(evidence) and not all(
        check.accepts(text, multiline=True) for text, has in zip(evidence, quoted) if has
    ):
        return None
    if check.suspect is not None and any(map(check.suspect, evidence)):
        return None
    actions = {name for name, kind in types.items() if kind.role == "action"}
    if type_set <= actions and not any(hedged):
        looked_at = evidence
    else:
        looked_at = [
            text
            for text, mark, name in zip(evidence, hedged, type_names)
            if not mark and name in actions
        ]
    if any_hedge_word(looked_at):
        return None  # the one-by-one lane warns about it
    as_written = {MISSING: None}  # a date as the relation keeps it, where it differs
    if set(map(type, dates)) <= {str, object}:  # text, or MISSING: nothing to confuse
        distinct = {(str, date) for date in set(dates)}
    else:  # 1 and True are not the same
        distinct = set(zip(map(type, dates), dates))
    for kind, value in distinct:
        if value is MISSING:
            continue
        text = date_text(value)
        if text is None or period_fault(text) is not None:
            return None
        if kind is int:
            as_written[value] = str(value)
    for _, value in set(zip(map(type, weights), weights)):
        if weight_value(value) is None:
            return None
    dates = list(map(as_written.get, dates, dates))
    weights = list(map(float, weights))
    needles = normalize_texts(evidence)
    quotes = needles if all(quoted) else [n for n, has in zip(needles, quoted) if has]
    if quotes and min(map(len, quotes)) < MIN_EVIDENCE_CHARACTERS:
        return None
    return {
        "source": sources,
        "type": type_names,
        "target": targets,
        "evidence": evidence,
        "document": documents,
        "date": dates,
        "weight": weights,
        "hedged": hedged,
        "state": states,
        "locator": locators,
        "quoted": quoted,
        "needle": needles,
    }


def _column(items: list[dict], key: str, default) -> list:
    """Return each item's value of ``key`` (``default`` where it has none), in C."""
    return list(map(dict.get, items, repeat(key), repeat(default)))


def fact_keys(columns: dict, types: dict[str, RelationType]):
    """Yield, for each relation of ``columns``, what it shares with one stating the same fact.

    Two relations state the same fact when their ends, type and document
    are the same (:func:`same_fact`) and so is their folded quote, or, both
    without a quote, their locators and dates.
    """
    symmetric = {name for name, kind in types.items() if kind.symmetric}
    for source, target, type_name, document, needle, locator, date in zip(
        columns["source"],
        columns["target"],
        columns["type"],
        columns["document"],
        columns["needle"],
        columns["locator"],
        columns["date"],
    ):
        yield (
            *same_fact(source, target, type_name, document, type_name in symmetric),
            needle,
            *((None, None) if needle else (locator, date)),
        )


def _written_twice(columns: dict, types: dict[str, RelationType]) -> bool:
    """Return whether two relations state the same fact (see :func:`fact_keys`)."""
    return len(set(fact_keys(columns, types))) < len(columns["needle"])


def quotes_found(columns: dict, context: Context) -> bool:
    """Return whether every verified relation's quote is in its document, one call a document."""
    documents, needles, states = columns["document"], columns["needle"], columns["state"]
    if set(states) != {"verified"}:
        checked = [(d, n) for d, n, state in zip(documents, needles, states) if state == "verified"]
        documents, needles = [d for d, _ in checked], [n for _, n in checked]
    return all_found(context.indexes, documents, needles)


def _same_quote(quote: str, earlier: list[tuple[str, DataPath]]) -> DataPath | None:
    """Return the path of the earlier relation with the same quote (compared folded), if any.

    Only relations that share their ends, type and document get here: rare,
    so loading does not fold every quote twice.
    """
    folded = normalize_text(quote)
    for text, path in earlier:
        if text == quote or normalize_text(text) == folded:
            return path
    return None
