"""The ``graph review`` command: proposals into a dataset, one decision at a time.

The terminal loop only: it shows a proposal, reads a key, asks for what a
change needs, and hands the decision to :mod:`graph.review`, which checks it,
writes it and keeps the state.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import click

from .base import GraphCommand, print_problems, write_stdout

__all__ = ["COMMANDS", "review"]

KEYS = "[a]ccept  [r]eject  [d]irection (flip)  [t]ype  [s]ign  [e]dit quote  [n]ext (skip)  [q]uit"
SIGN_WORDS = {"1": 1, "+1": 1, "0": 0, "-1": -1, "cooperative": 1, "neutral": 0, "hostile": -1}


@click.command(cls=GraphCommand)
@click.argument("proposals", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--data",
    "data",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    envvar="GRAPH_DATA",
    required=True,
    metavar="DIR",
    help="The dataset to write into (YAML files or CSV tables) [env: GRAPH_DATA].",
)
@click.option(
    "--accept-all",
    is_flag=True,
    help="Accept every undecided proposal (at --min-confidence or above) without asking.",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="Leave out proposals whose confidence is below this (0 to 1).",
)
@click.option(
    "--state",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to keep the decisions [default: PROPOSALS.review.json, beside PROPOSALS].",
)
def review(proposals, data, accept_all, min_confidence, state):
    """Review PROPOSALS (from graph extract) into the dataset in --data DIR.

    One proposal at a time, with its sentence and the two mentions
    highlighted: accept it, reject it, or first flip its direction, change
    its type or sign, or edit its quote (which must stay verbatim in the
    article). Each accepted proposal is written at once: new actors, types
    and the article are added, the YAML keeps its comments and layout, and
    nothing is kept unless the dataset still validates. Decisions are kept in
    PROPOSALS.review.json: quit, and run the same command to resume.
    --accept-all writes every proposal at --min-confidence or above at once.
    """
    from ..load import load_dataset
    from ..review import ReviewError, ReviewSession, proposal_keys, read_proposals

    dataset = load_dataset(data, cache=False)
    articles = read_proposals(proposals)
    try:
        session = ReviewSession.open(proposals, data, state)
    except ReviewError as error:
        raise click.ClickException(str(error)) from None
    article_of = {id(r): article for article in articles for r in article.relations}
    keyed = proposal_keys(articles)
    pending = []
    below = 0
    for key, relation in keyed:
        if session.decision(key) is not None:
            continue
        confidence = relation.confidence
        if min_confidence > 0 and (confidence is None or confidence < min_confidence):
            below += 1
            continue
        pending.append((key, relation, article_of[id(relation)]))
    if accept_all:
        _accept_all(data, dataset, session, pending, below, min_confidence)
    else:
        _Loop(data, dataset, session, pending, [key for key, _ in keyed]).run()
        if below:
            click.echo(f"{below} proposal(s) below --min-confidence {min_confidence} not shown")


def _accept_all(data, dataset, session, pending, below, min_confidence) -> None:
    from ..review import Draft, ReviewError
    from ..review.write import ReviewWriteError, write_accepted

    labels = {key: relation.label for key, relation, _ in pending}
    accepted = [(key, Draft.of(relation), article) for key, relation, article in pending]
    try:
        report = write_accepted(data, accepted, dataset=dataset)
    except ReviewWriteError as error:
        print_problems(error.problems)
        raise click.ClickException(
            f"nothing was written into {data}: the dataset would not be valid"
        ) from None
    except ReviewError as error:
        raise click.ClickException(str(error)) from None
    additions = report.additions
    drafts = {key: draft for key, draft, _ in accepted}
    session.record_many(
        [(key, "accepted", drafts[key]) for key in [*additions.written, *additions.repeated]]
    )
    for key, why in additions.refused:
        click.echo(f"proposal {labels[key]} not written: {why}", err=True)
    write_stdout(_written(data, report))
    if below:
        write_stdout(f"left for review: {below} below --min-confidence {min_confidence}\n")


def _written(data, report) -> str:
    """Return the lines saying what a write added, and the dataset's counts now."""
    additions = report.additions
    lines = [
        f"wrote into {data}: {len(additions.relations)} relation(s), "
        f"{len(additions.actors)} new actor(s), {len(additions.types)} new type(s), "
        f"{len(additions.documents)} new document(s)"
    ]
    if report.files:
        lines.append("files: " + ", ".join(_shown(path, data) for path in report.files))
    if additions.repeated:
        lines.append(f"already in the dataset: {len(additions.repeated)} proposal(s)")
    lines += [f"note: {note}" for note in additions.notes]
    dataset = report.dataset
    if report.files and dataset is not None:
        from ..load import evidence_counts
        from .views import validated_line

        summary = {
            "actors": len(dataset.actors),
            "relations": len(dataset.relations),
            "types": len(dataset.types),
            "quotes_checked": bool(dataset.documents),
            "evidence_states": evidence_counts(dataset),
        }
        lines.append(validated_line(summary))
    return "".join(line + "\n" for line in lines)


def _shown(path: Path, data: Path) -> str:
    try:
        return str(Path(data) / Path(path).relative_to(Path(data).resolve()))
    except ValueError:
        return str(path)


class _Loop:
    """One proposal at a time: show it, read a key, act."""

    def __init__(self, data, dataset, session, pending, keys):
        self.data = data
        self.dataset = dataset
        self.session = session
        self.pending = pending
        self.keys = keys  # every proposal's key, decided or not
        self.stale = False  # the dataset changed on disk since it was loaded

    def run(self) -> None:
        from ..review import Draft

        if not self.pending:
            click.echo("nothing to review: every proposal is decided")
            self.summary()
            return
        try:
            for number, (key, relation, article) in enumerate(self.pending, start=1):
                draft = Draft.of(relation)
                if self.decide(number, key, relation, article, draft) == "quit":
                    click.echo("stopped: run the same command to resume")
                    break
        except click.Abort:
            click.echo("\nstopped: run the same command to resume")
        self.summary()

    def summary(self) -> None:
        counts = self.session.counts(self.keys)
        click.echo(
            f"{counts['accepted']} accepted, {counts['rejected']} rejected, "
            f"{counts['undecided']} left of {len(self.keys)}"
        )

    def decide(self, number, key, relation, article, draft) -> str:
        from ..review import ReviewError, edit_quote, flip

        while True:
            self.show(number, relation, article, draft)
            choice = _read_key()
            try:
                if choice == "a":
                    if self.accept(key, relation, article, draft):
                        return "accepted"
                elif choice == "r":
                    self.session.record(key, "rejected")
                    click.echo("rejected")
                    return "rejected"
                elif choice == "d":
                    draft = flip(draft)
                elif choice == "t":
                    draft = self.retype(draft)
                elif choice == "s":
                    draft = self.resign(draft)
                elif choice == "e":
                    quote = click.prompt("quote", default=draft.evidence)
                    draft = edit_quote(draft, quote, article.text)
                elif choice == "n":
                    click.echo("skipped: it comes back next time")
                    return "skipped"
                elif choice == "q":
                    return "quit"
                else:
                    click.echo(KEYS)
            except ReviewError as error:
                click.echo(f"refused: {error}", err=True)

    def retype(self, draft):
        from ..review import change_type

        types = self.dataset.types
        listed = ", ".join(f"{name} ({t.sign})" for name, t in types.items())
        click.echo(f"types: {listed}")
        name = click.prompt("type", default=draft.type)
        draft = change_type(draft, name, types)
        if name.strip() not in types and draft.sign is None:
            draft = self.resign(draft)
        return draft

    def resign(self, draft):
        from ..review import ReviewError, change_sign, types_with_sign

        answer = click.prompt("sign (1 cooperative, 0 neutral, -1 hostile)")
        sign = SIGN_WORDS.get(answer.strip().lower())
        if sign is None:
            raise ReviewError(f"{answer!r} is not a sign: 1, 0 or -1")
        types = self.dataset.types
        try:
            return change_sign(draft, sign, types)
        except ReviewError as error:
            choices = types_with_sign(types, sign)
            if not choices:
                raise
            click.echo(str(error))
            name = click.prompt("type", type=click.Choice(choices), default=choices[0])
            return change_sign(draft, sign, types, name)

    def accept(self, key, relation, article, draft) -> bool:
        from ..review.additions import kind_choice
        from ..review.write import ReviewWriteError, write_accepted

        self.refresh()
        kinds = self.dataset.kinds
        for actor_id in (draft.source, draft.target):
            actor = article.actors[actor_id]
            if actor.known or actor_id in dict(draft.kinds) or not kinds:
                continue
            if self.dataset.index.get(actor.name) is not None:
                continue
            kind, exact = kind_choice(actor.kind, kinds)
            if not exact:
                click.echo(f"{actor.name}: the kind {actor.kind!r} is not declared here")
                kind = click.prompt(
                    f"kind for {actor.name}", type=click.Choice(list(kinds)), default=kind
                )
            draft = draft.with_kind(actor_id, kind)
        try:
            report = write_accepted(self.data, [(key, draft, article)], dataset=self.dataset)
        except ReviewWriteError as error:
            print_problems(error.problems)
            click.echo("not written: the dataset would not be valid; change it or reject", err=True)
            return False
        additions = report.additions
        if additions.refused:
            click.echo(f"not written: {additions.refused[0][1]}", err=True)
            return False
        self.session.record(key, "accepted", draft)
        self.stale = bool(report.files)
        write_stdout(_written(self.data, report))
        return True

    def show(self, number, relation, article, draft) -> None:
        self.refresh()
        types = self.dataset.types
        declared = types.get(draft.type)
        sign = declared.sign if declared is not None else draft.sign
        sign_text = {None: "sign ?", 1: "+1", 0: "0", -1: "-1"}[sign]
        if declared is None:
            sign_text += ", a new type"
        confidence = "?" if relation.confidence is None else f"{relation.confidence:.2f}"
        hedge = ", hedged" if relation.hedged else ""
        click.echo("")
        cue = f"  cue {relation.cue!r}" if relation.cue else ""
        click.echo(
            f"[{number}/{len(self.pending)}] proposal {relation.label}"
            f"  confidence {confidence}{hedge}{cue}"
        )
        source = click.style(self.actor_text(article, draft.source), fg="cyan", bold=True)
        target = click.style(self.actor_text(article, draft.target), fg="magenta", bold=True)
        click.echo(f"  {source} --{draft.type} ({sign_text})--> {target}")
        click.echo("  " + _sentence(article, relation, draft))
        if relation.reason:
            click.echo(f"  why: {relation.reason}")
        click.echo(KEYS)

    def refresh(self) -> None:
        """Reload the dataset after a write, so what is new and what is known shows right."""
        from ..load import load_dataset

        if self.stale:
            self.dataset = load_dataset(self.data, cache=False)
            self.stale = False

    def actor_text(self, article, actor_id) -> str:
        actor = article.actors[actor_id]
        if actor.known and actor_id in self.dataset.actors:
            return f"{self.dataset.actors[actor_id].name} ({actor_id})"
        found = self.dataset.index.get(actor.name)
        if found is not None:
            return f"{self.dataset.actors[found].name} ({found})"
        return f"{actor.name} (new)"


def _read_key() -> str:
    """Return one key: a keypress on a terminal, else the first letter of a line."""
    if sys.stdin is not None and sys.stdin.isatty() and os.environ.get("TERM") != "dumb":
        key = click.getchar()
        click.echo(key)
    else:
        key = click.prompt("choice", default="", show_default=False)
    return key.strip()[:1].lower()


def _sentence(article, relation, draft) -> str:
    """Return the sentence around the quote, the quote underlined and both mentions coloured."""
    text = article.text
    start = _find(text, draft.evidence, relation.quote_span)
    if start is None:
        return click.style(draft.evidence, underline=True)
    end = start + len(draft.evidence)
    left = max(text.rfind("\n", 0, start), _last_stop(text, start)) + 1
    # From the quote's last character, so a quote ending its sentence ends the view.
    tail = max(end - 1, start)
    right_stop = re.search(r"[.!?](\s|$)|\n", text[tail:])
    right = tail + right_stop.end() if right_stop else len(text)
    right = min(right, len(text))
    marks = []
    for actor_id, colour in ((draft.source, "cyan"), (draft.target, "magenta")):
        span = relation.source_span if actor_id == relation.source else relation.target_span
        where = _mention(text, article.actors[actor_id], span, start, end)
        if where is not None:
            marks.append((*where, colour))
    pieces, position = [], left
    for mark_start, mark_end, colour in sorted(marks):
        if mark_start < position:
            continue
        pieces.append(_plain(text[position:mark_start], start, end, position))
        pieces.append(click.style(text[mark_start:mark_end], fg=colour, bold=True, underline=True))
        position = mark_end
    pieces.append(_plain(text[position:right], start, end, position))
    return "".join(pieces).strip()


def _plain(piece: str, start: int, end: int, offset: int) -> str:
    """Return ``piece`` (at ``offset``) with the part inside the quote [start, end) underlined."""
    inside_start = max(start - offset, 0)
    inside_end = min(end - offset, len(piece))
    if inside_start >= inside_end:
        return piece
    return (
        piece[:inside_start]
        + click.style(piece[inside_start:inside_end], underline=True)
        + piece[inside_end:]
    )


def _last_stop(text: str, before: int) -> int:
    found = -1
    for match in re.finditer(r"[.!?]\s", text[:before]):
        found = match.start() + 1
    return found


def _find(text: str, quote: str, span) -> int | None:
    if span is not None and text[span.start : span.end] == quote:
        return span.start
    found = text.find(quote)
    if found < 0:
        found = text.lower().find(quote.lower())
    return found if found >= 0 else None


def _mention(text, actor, span, start, end) -> tuple[int, int] | None:
    """Return where the actor is named inside the quote: its span, else its first mention."""
    if span is not None and start <= span.start and span.end <= end:
        return span.start, span.end
    lowered = text[start:end].lower()
    for name in (*actor.mentions, actor.name):
        found = lowered.find(name.lower())
        if found >= 0:
            return start + found, start + found + len(name)
    return None


COMMANDS = [review]
