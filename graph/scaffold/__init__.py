"""Start a dataset for a new article: the files ``graph init`` writes.

A new dataset folder gets commented ``actors.yaml`` and ``relations.yaml``
(a starter vocabulary of actor kinds and relation types, each with its sign
and when to use it, and no actors or relations yet), the JSON Schemas in
``schemas/`` that the files' modelines point at, so an editor completes and
checks fields wherever the folder is, and, when given, the article itself,
copied byte for byte and declared as the dataset's document.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "arctic"
>>> [path.relative_to(folder).as_posix() for path in init_dataset(folder)]
['schemas/actors.schema.json', 'schemas/relations.schema.json', 'actors.yaml', 'relations.yaml']
>>> from graph import load_dataset
>>> len(load_dataset(folder).types)
15
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from ..files import write_atomically
from ..problems import GraphError

__all__ = ["DATASET_FILES", "ScaffoldError", "init_dataset"]

TEMPLATES = Path(__file__).resolve().parent
SCHEMAS = TEMPLATES.parent / "schemas"
# What init writes, in order, besides the article.
DATASET_FILES = (
    "schemas/actors.schema.json",
    "schemas/relations.schema.json",
    "actors.yaml",
    "relations.yaml",
)

# Names a dataset folder gives a meaning to: an article cannot take one (compared
# case-blind, for file systems that are). The tables' names come from graph.tables.
RESERVED = ("actors.yaml", "relations.yaml", "schemas", "coverage.yaml")

NO_DOCUMENT = """\
# documents: {article: article.txt}   # the article, beside this file; until one
#                                     # is declared, quotes are not checked"""


class ScaffoldError(GraphError):
    """The dataset cannot be started here: a file is in the way, or the article is unreadable."""


def init_dataset(folder: str | os.PathLike, article: str | os.PathLike | None = None) -> list[Path]:
    """Write a new dataset in ``folder`` and return the files written, in order.

    ``folder`` is created if need be. Nothing is ever overwritten: when any
    file to write exists already, nothing is written and :class:`ScaffoldError`
    names them all; a folder that holds a dataset as tables (CSV or Parquet,
    which ``actors.yaml`` would hide) is refused too. ``article`` (a UTF-8
    text file whose name is UTF-8 and not one the dataset uses, such as
    ``coverage.yaml``) is copied in under its own name, unless it is in
    ``folder`` already, and declared as the document ``article``. A write
    that fails takes back what was written, so that a second try finds
    nothing in its way.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ScaffoldError(f"{folder} exists and is not a folder")
    _refuse_a_table_dataset(folder)
    names = list(DATASET_FILES)
    text = None
    if article is not None:
        article = Path(article)
        _check_article_name(article)
        text = _read_article(article)
        if _already_there(article, folder):
            text = None
        else:
            names.append(article.name)
    taken = [name for name in names if os.path.lexists(folder / name)]
    schemas = folder / "schemas"
    if os.path.lexists(schemas) and not schemas.is_dir():
        taken.insert(0, "schemas")
    if taken:
        listed = ", ".join(str(folder / name) for name in taken)
        raise ScaffoldError(f"not overwriting what is there: {listed} (choose another folder)")
    contents = _contents(folder, article)
    if text is not None:
        contents[article.name] = text
    made = [path for path in (*reversed(folder.parents), folder, schemas) if not path.exists()]
    written: list[Path] = []
    try:
        schemas.mkdir(parents=True, exist_ok=True)
        for name in names:
            write_atomically(folder / name, contents[name])
            written.append(folder / name)
    except (OSError, UnicodeError) as error:
        _take_back(written, made)
        where = getattr(error, "filename", None) or folder
        reason = getattr(error, "strerror", None) or error
        raise ScaffoldError(f"cannot write {where}: {reason}") from None
    return written


def _refuse_a_table_dataset(folder: Path) -> None:
    """A folder holding a dataset as tables is refused: new YAML files would hide it.

    (A folder with YAML files is refused by the files in the way.)
    """
    from ..sources.tables import find_tables

    found = find_tables(folder) if folder.is_dir() else {}
    if found:
        listed = ", ".join(path.name for path in found.values())
        raise ScaffoldError(
            f"{folder} holds a dataset as tables ({listed}): a new actors.yaml there would "
            "hide it (choose another folder)"
        )


def _check_article_name(article: Path) -> None:
    """Refuse an article whose name the dataset cannot use: not UTF-8, or a name it reserves."""
    from ..tables import TABLES

    name = article.name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(name).decode("utf-8", "backslashreplace")
        raise ScaffoldError(
            f"the article's file name {shown} is not UTF-8, so relations.yaml cannot name it: "
            "rename it first"
        ) from None
    tables = (f"{table}{suffix}" for table in TABLES for suffix in (".csv", ".parquet"))
    if name.casefold() in {reserved.casefold() for reserved in (*RESERVED, *tables)}:
        raise ScaffoldError(
            f"the article cannot be called {name}: the dataset uses that name for its own "
            "file; rename it first"
        )


def _take_back(written: list[Path], made: list[Path]) -> None:
    """Delete the files just written and the folders just made (if empty): nothing half done."""
    for path in written:
        with contextlib.suppress(OSError):
            path.unlink()
    for path in reversed(made):
        with contextlib.suppress(OSError):
            path.rmdir()


def _read_article(article: Path) -> str:
    # Only a regular file: a pipe would hang, and /dev/zero never ends.
    if article.exists() and not article.is_file():
        raise ScaffoldError(f"the article {article} is not a regular file")
    try:
        data = article.read_bytes()
    except OSError as error:
        raise ScaffoldError(
            f"cannot read the article {article}: {error.strerror or error}"
        ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ScaffoldError(
            f"the article {article} is not UTF-8 text (byte {error.start + 1}): "
            "save it as UTF-8 plain text first"
        ) from None


def _already_there(article: Path, folder: Path) -> bool:
    candidate = folder / article.name
    return candidate.exists() and candidate.samefile(article)


def _contents(folder: Path, article: Path | None) -> dict[str, str]:
    """Return each file's text, with the article and the folder filled in."""
    if article is None:
        described, documents = "your article", NO_DOCUMENT
    else:
        described = f"the article in {article.name}"
        name = json.dumps(article.name, ensure_ascii=False)
        documents = f"documents: {{article: {name}}}   # the article, beside this file"
    contents = {
        f"schemas/{name}": (SCHEMAS / name).read_text(encoding="utf-8")
        for name in ("actors.schema.json", "relations.schema.json")
    }
    for name in ("actors.yaml", "relations.yaml"):
        template = (TEMPLATES / name).read_text(encoding="utf-8")
        contents[name] = (
            template.replace("@ARTICLE@", described)
            .replace("@FOLDER@", _shell_word(str(folder)))
            .replace("@DOCUMENTS@", documents)
        )
    return contents


def _shell_word(text: str) -> str:
    """Return ``text`` as one word a shell reads back, or FOLDER if it cannot sit in a comment.

    >>> _shell_word("arctic"), _shell_word("my data"), _shell_word("two\\nlines")
    ('arctic', "'my data'", 'FOLDER')
    """
    import shlex

    if any(not char.isprintable() for char in text):
        return "FOLDER"
    return shlex.quote(text)
