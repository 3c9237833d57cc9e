"""``gdelt`` a row at a time, and the mapping every GDELT path shares (see :mod:`.gdelt`).

Files are tab-separated, with or without GDELT's header row; the layout is
told apart *per row* by its number of columns, since a real 1.0 daily file
mixes them: 61 (2.0), 58 (1.0 with ``SOURCEURL``), 57 (1.0 before source
URLs). The first 35 columns are the same in all three. An event with both
actors makes one relation: its ``EventCode`` maps to a type and sign by
``cameo.tsv`` (the 3-digit base code's row, or the root's); ``QuadClass``,
``GoldsteinScale`` and the counts are kept as attributes, and a row whose
QuadClass and Goldstein sign disagree is counted in the report. GDELT gives
no quote: a relation is ``asserted``, its document the ``SOURCEURL``.

``mentions`` (a Mentions file, 2.0 layout, tab-separated or GDELT's
comma-separated export with a header) gives each event the mention with
the highest confidence: its URL becomes the document and its sentence
number and character offsets the locator (``located``). ``articles`` (a
folder with ``urls.tsv``: a URL and a file name a line) gives the texts of
those URLs: the mention's sentence, where found in the text, becomes the
quote (``verified``) and the text a document beside the tables.
"""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

from ..problems import DatasetError, Problem
from ..progress import advance
from .actors import country_name, kind_description, kind_of_type_codes
from .ids import actor_id
from .mappings import mapping, sign_of_score

__all__ = [
    "ATTRIBUTES",
    "EVENT_COLUMNS",
    "actor_of",
    "cameo_row",
    "declare_actor",
    "disagreement",
    "goldstein_of",
    "mention_locators",
    "read_mentions",
    "read_rows",
]

# The attributes each relation keeps from its row (import/attributes), in this order.
ATTRIBUTES = (
    "event_id",
    "event_code",
    "quad_class",
    "goldstein",
    "num_mentions",
    "num_sources",
    "num_articles",
    "avg_tone",
    "is_root_event",
    "date_added",
    "columns",
)

# The 35 columns every layout begins with (0-based positions).
EVENT_COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
]
# Number of columns -> (DATEADDED, SOURCEURL) positions; None where the layout has none.
LAYOUTS = {61: (59, 60), 58: (56, 57), 57: (56, None)}
ACTOR1, ACTOR2 = 5, 15
EVENT_CODE, QUAD_CLASS, GOLDSTEIN = 26, 29, 30
QUADS = {"1": "verbal cooperation", "2": "material cooperation", "3": "verbal conflict",
         "4": "material conflict"}  # fmt: skip
MENTION_COLUMNS = [
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
]


def read_rows(sources, writer, report, mentions=None, articles=None) -> None:
    """Map the event rows of each file a row at a time, in Python (see :func:`read`)."""
    located = read_mentions(Path(mentions)) if mentions else {}
    texts = _articles(Path(articles)) if articles else {}
    cameo = mapping("cameo")
    for path in sources:
        total = path.stat().st_size
        with open(path, encoding="utf-8", errors="replace", newline="") as handle:
            done = 0
            for number, line in enumerate(handle, start=1):
                done += len(line)
                if number % 10_000 == 0:
                    advance(done, total)
                line = line.rstrip("\r\n")
                if not line.strip():
                    continue
                cells = line.split("\t")
                if number == 1 and cells[0].strip().upper() == "GLOBALEVENTID":
                    continue  # the header row
                report.rows_read += 1
                _row(cells, f"{path.name}:{number}", writer, report, cameo, located, texts)


def _row(cells, where, writer, report, cameo, located, texts) -> None:
    layout = LAYOUTS.get(len(cells))
    if layout is None:
        report.skip(f"{len(cells)} columns (expected 57, 58 or 61)", where)
        return
    code = cells[EVENT_CODE].strip()
    row = cameo_row(cameo, code)
    quad = cells[QUAD_CLASS].strip()
    goldstein = goldstein_of(cells[GOLDSTEIN])
    reason = disagreement(quad, goldstein)
    if reason is not None:
        report.disagree(reason, where)
    if not cells[ACTOR1] and not cells[ACTOR2]:
        report.skip("no actor", where)
        return
    if not cells[ACTOR1] or not cells[ACTOR2]:
        report.skip("one actor only", where)
        return
    if row is None:
        report.skip("unknown CAMEO code", where)
        return
    sign = int(row["sign"])
    source = _actor(writer, cells, ACTOR1)
    target = _actor(writer, cells, ACTOR2)
    if source == target:
        report.skip("same actor at both ends", where)
        return
    writer.relation_type(row["type"], sign, False, f"CAMEO {row['code']}: {row['description']}")
    added, url_column = LAYOUTS[len(cells)]
    url = cells[url_column].strip() if url_column is not None else ""
    event_id = cells[0].strip()
    relation = {
        "src": source,
        "dst": target,
        "type": row["type"],
        "sign": sign,
        "symmetric": False,
        "evidence": None,
        "document": None,
        "date": _date(cells[1]),
        "evidence_state": "asserted",
        "locator": f"GLOBALEVENTID {event_id}",
    }
    mention = located.get(event_id)
    text = _locate(relation, mention, texts, event_id) if mention is not None else None
    url = relation.pop("url", url)
    if url:
        relation["document"] = writer.document(_url_key(url), text=text, url=url)
    writer.relation(
        relation,
        {
            "event_id": event_id,
            "event_code": code,
            "quad_class": quad,
            "goldstein": goldstein,
            "num_mentions": cells[31],
            "num_sources": cells[32],
            "num_articles": cells[33],
            "avg_tone": cells[34],
            "is_root_event": cells[25],
            "date_added": cells[added],
            "columns": len(cells),
        },
    )


def cameo_row(cameo: dict, code: str) -> dict | None:
    """Return the CAMEO table's row for an event code: its own, its base code's or its root's."""
    return cameo.get(code) or cameo.get(code[:3]) or cameo.get(code[:2])


def goldstein_of(cell: str) -> float | None:
    """Return a ``GoldsteinScale`` cell as a number (None when it is not one)."""
    try:
        return float(cell)
    except ValueError:
        return None


def disagreement(quad: str, goldstein: float | None) -> str | None:
    """Return why a row's QuadClass and Goldstein sign disagree, or None when they agree."""
    if goldstein is None or quad not in QUADS:
        return None
    scored = sign_of_score(goldstein)
    cooperation = quad in ("1", "2")
    if cooperation and scored < 0:
        return "cooperation (QuadClass 1-2) with a hostile Goldstein score"
    if not cooperation and scored > 0:
        return "conflict (QuadClass 3-4) with a cooperative Goldstein score"
    if scored == 0:
        return f"{QUADS[quad]} with a neutral Goldstein score (-1 < score < 1)"
    return None


def _locate(relation: dict, mention: dict, texts: dict, event_id: str) -> str | None:
    """Give a relation its mention's URL and locator, and its sentence when the text is known.

    Returns the article's text when the sentence was found in it (the
    document to write), None otherwise.
    """
    url = relation["url"] = mention["MentionIdentifier"]
    relation["evidence_state"] = "located"
    relation["locator"] = (
        f"GLOBALEVENTID {event_id}; sentence {mention['SentenceID']}; "
        f"actor1 char {mention['Actor1CharOffset']}, actor2 char {mention['Actor2CharOffset']}, "
        f"action char {mention['ActionCharOffset']}; confidence {mention['Confidence']}"
    )
    text = texts.get(url)
    if text is None:
        return None
    sentence = _sentence(text, mention)
    if sentence is None:
        return None
    relation["evidence"] = sentence
    relation["evidence_state"] = "verified"
    return text


SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")


def _sentence(text: str, mention: dict) -> str | None:
    """Return the sentence of ``text`` the mention points at: by action offset, else number."""
    starts = [0] + [match.end() for match in SENTENCE_END.finditer(text)]
    sentences = [
        " ".join(text[start:end].split())
        for start, end in zip(starts, [*starts[1:], len(text)], strict=True)
    ]
    try:
        offset = int(mention["ActionCharOffset"])
    except ValueError:
        offset = -1
    if 0 <= offset < len(text):
        index = max(i for i, start in enumerate(starts) if start <= offset)
    else:
        try:
            index = int(mention["SentenceID"]) - 1
        except ValueError:
            return None
    if not 0 <= index < len(sentences) or not sentences[index]:
        return None
    return sentences[index]


def read_mentions(path: Path) -> dict[str, dict]:
    """Return the best mention of each event (highest confidence, first on a tie) by event id."""
    best: dict[str, dict] = {}
    with open(path, encoding="utf-8", errors="replace", newline="") as handle:
        first = handle.readline()
        delimiter = "\t" if "\t" in first else ","
        header = first.rstrip("\r\n").split(delimiter)
        named = header[0].strip().upper() == "GLOBALEVENTID"
        handle.seek(0)
        rows = csv.reader(handle, delimiter=delimiter)
        if named:
            next(rows)
        for number, cells in enumerate(rows, start=1 + named):
            if not cells:
                continue
            if len(cells) < 12:
                raise DatasetError(
                    [
                        Problem(
                            str(path), number, 1, f"a Mentions row has {len(cells)} columns, not 16"
                        )
                    ]
                )
            mention = dict(zip(MENTION_COLUMNS, cells, strict=False))
            try:
                confidence = float(mention["Confidence"])
            except ValueError:
                confidence = 0.0
            event = mention["GLOBALEVENTID"].strip()
            kept = best.get(event)
            if kept is None or confidence > kept["_confidence"]:
                mention["_confidence"] = confidence
                best[event] = mention
    return best


def mention_locators(path: Path) -> tuple[list[str], list[str], list[str]]:
    """Return the event ids of a Mentions file, and each one's best mention's URL and locator."""
    keys, urls, locators = [], [], []
    for event_id, mention in read_mentions(path).items():
        relation: dict = {}
        _locate(relation, mention, {}, event_id)
        keys.append(event_id)
        urls.append(relation["url"])
        locators.append(relation["locator"])
    return keys, urls, locators


def _articles(folder: Path) -> dict[str, str]:
    """Return ``{url: text}`` from a folder's ``urls.tsv`` (a URL, a tab, a file name a line)."""
    index = folder / "urls.tsv"
    if not index.is_file():
        raise DatasetError([Problem(str(index), 0, 0, "no urls.tsv in the articles folder")])
    texts = {}
    for number, line in enumerate(index.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        url, _, name = line.partition("\t")
        file = folder / name.strip()
        if not name.strip() or not file.is_file():
            raise DatasetError([Problem(str(index), number, 1, f"no article file {name!r}")])
        texts[url.strip()] = file.read_text(encoding="utf-8", errors="replace")
    return texts


def _url_key(url: str) -> str:
    """Return a document key for a URL: its host and a short hash, stable across runs."""
    host = re.sub(r"^[a-z]+://(www\.)?", "", url.lower()).split("/")[0]
    host = re.sub(r"[^a-z0-9]+", "-", host).strip("-")[:40]
    return f"{host or 'url'}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:10]}"


def _date(text: str) -> str | None:
    text = text.strip()
    if len(text) == 8 and text.isdigit():
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return None


def _actor(writer, cells, start: int) -> str:
    return declare_actor(
        writer, actor_of(cells[start], cells[start + 1], cells[start + 7 : start + 10])
    )


def actor_of(code_cell: str, name_cell: str, type_cells) -> tuple[str, str, str, str | None]:
    """Return ``(id, name, kind, spelling)`` of the actor an event row's actor cells give.

    A country code alone is a country keyed by it (the row's name a spelling of
    it); any other code is keyed by code and name, its kind from the type codes.
    """
    code, name = code_cell.strip(), name_cell.strip()
    country_text = country_name(code)
    if country_text is not None:
        return code.lower(), country_text, "country", name.title()
    kind = kind_of_type_codes([*type_cells, code[:3], code[3:6]])
    return actor_id(code, name), name.title() or code, kind, None


def declare_actor(writer, actor: tuple[str, str, str, str | None]) -> str:
    """Add an actor made by :func:`actor_of` (and its kind) to the writer; return its id."""
    identifier, name, kind, spelling = actor
    writer.kind(kind, kind_description(kind))
    writer.actor(identifier, name, kind, spelling)
    return identifier
