"""Load a dataset folder (``actors.yaml`` + ``relations.yaml``) strictly.

Every rule of the file format is checked and every broken rule becomes a
:class:`~graph.problems.Problem` pointing at the offending value. If any is an
error, :func:`load_dataset` raises one :class:`~graph.problems.DatasetError`
holding all of them; warnings travel on ``Dataset.warnings``.

>>> dataset = load_dataset()          # the embedded seed dataset
>>> dataset.find_actor("turkiye").name
'Türkiye'
"""

from __future__ import annotations

import math
import os
import re
from pathlib import Path

import yaml

from .dates import parse_period
from .evidence import DocumentIndex, normalize_text
from .model import Actor, Dataset, Document, Kind, Relation, RelationType
from .names import ActorIndex, name_key
from .problems import DatasetError, Problem, did_you_mean
from .yamlfile import position, read_utf8, read_yaml, scalar_value

__all__ = ["ACTORS_FILE", "RELATIONS_FILE", "load_dataset", "seed_folder", "validate"]

ACTORS_FILE = "actors.yaml"
RELATIONS_FILE = "relations.yaml"

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]*")
# Weights are multiplied and summed by the queries: bounded, they stay finite.
MIN_WEIGHT, MAX_WEIGHT = 1e-6, 1e6
# C0/C1 controls and bidirectional overrides; text fields may keep tabs and line breaks.
_FORBIDDEN_IN_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_FORBIDDEN_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

_YAML_TYPE_NAMES = {
    "tag:yaml.org,2002:str": "a string",
    "tag:yaml.org,2002:int": "an integer",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "a boolean",
    "tag:yaml.org,2002:null": "nothing (null)",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:seq": "a list",
    "tag:yaml.org,2002:map": "a mapping",
}


def seed_folder() -> Path:
    """Return the folder of the embedded seed dataset (installed or in a checkout)."""
    package = Path(__file__).resolve().parent
    installed = package / "_seed" / "data"
    return installed if installed.is_dir() else package.parent / "data"


def load_dataset(folder: str | os.PathLike | None = None) -> Dataset:
    """Return the validated dataset in ``folder`` (the embedded seed when None).

    Raises :class:`~graph.problems.DatasetError` listing every problem found.
    """
    folder = seed_folder() if folder is None else Path(folder)
    loader = _Loader(folder)
    dataset = loader.load()
    errors = [p for p in loader.problems if p.severity == "error"]
    if errors or dataset is None:
        raise DatasetError(loader.problems)
    dataset.warnings = sorted(p for p in loader.problems if p.severity != "error")
    return dataset


def validate(folder: str | os.PathLike | None = None) -> dict:
    """Return a report on the dataset in ``folder``: valid or not, and every problem.

    >>> report = validate()
    >>> report["valid"], report["problems"]
    (True, [])
    """
    try:
        dataset = load_dataset(folder)
    except DatasetError as error:
        problems, dataset = error.problems, None
    else:
        problems = dataset.warnings
    return {
        "valid": dataset is not None,
        "actors": len(dataset.actors) if dataset else None,
        "relations": len(dataset.relations) if dataset else None,
        "types": len(dataset.types) if dataset else None,
        "quotes_checked": bool(dataset and dataset.documents),
        "problems": [problem.to_dict() for problem in problems],
    }


class _Checker:
    """Reads typed values out of one file's nodes, recording problems as it goes."""

    def __init__(self, shown_as: str, problems: list[Problem]):
        self.shown_as = shown_as
        self.problems = problems

    def error(self, node: yaml.Node, message: str, hint: str | None = None) -> None:
        line, column = position(node)
        self.problems.append(Problem(self.shown_as, line, column, message, hint))

    def warn(self, node: yaml.Node, message: str) -> None:
        line, column = position(node)
        self.problems.append(Problem(self.shown_as, line, column, message, severity="warning"))

    def fields(
        self, node: yaml.Node, what: str, required: tuple[str, ...], optional: tuple[str, ...]
    ) -> dict[str, yaml.Node] | None:
        """Return a mapping's value nodes by key, after checking its keys."""
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{what} must be a mapping, not {_describe(node)}")
            return None
        known = (*required, *optional)
        found: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in known:
                found.setdefault(key, value_node)
            else:
                hint = next(iter(did_you_mean(str(key), known)), None)
                allowed = ", ".join(known)
                self.error(key_node, f"unknown field {key!r} in {what} (allowed: {allowed})", hint)
        for key in required:
            if key not in found:
                self.error(node, f"{what} is missing required field {key!r}")
        return found

    def string(self, node: yaml.Node, what: str, multiline: bool = False) -> str | None:
        """Return a non-empty string, or None after recording why it is not one.

        Control characters (terminal escapes, line breaks in a name) and
        bidirectional overrides are refused: they would garble or spoof
        what a terminal or a page shows. ``multiline`` text may hold line
        breaks and tabs.
        """
        if not (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":str")):
            quote_it = isinstance(node, yaml.ScalarNode) and not node.tag.endswith(":null")
            extra = " (put it in quotes)" if quote_it else ""
            self.error(node, f"{what} must be a string, not {_describe(node)}{extra}")
            return None
        value = node.value
        forbidden = _FORBIDDEN_IN_TEXT if multiline else _FORBIDDEN_IN_NAME
        bad = forbidden.search(value)
        if bad:
            self.error(
                node, f"{what} contains the invisible or control character U+{ord(bad[0]):04X}"
            )
            return None
        if not name_key(value):
            self.error(node, f"{what} must not be empty")
            return None
        return value

    def string_list(self, node: yaml.Node, what: str) -> list[tuple[str, yaml.Node]]:
        """Return the strings of a list with their nodes (a lone string is refused)."""
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"{what} must be a list of strings, not {_describe(node)}")
            return []
        values = []
        for item in node.value:
            value = self.string(item, f"each of {what}")
            if value is not None:
                values.append((value, item))
        return values

    def mapping_items(self, node: yaml.Node, what: str) -> list[tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{what} must be a mapping, not {_describe(node)}")
            return []
        return node.value

    def sequence_items(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"{what} must be a list, not {_describe(node)}")
            return []
        return node.value

    def identifier(self, node: yaml.Node, what: str) -> str | None:
        value = self.string(node, what)
        if value is not None and not ID_PATTERN.fullmatch(value):
            suggestion = re.sub(r"[^a-z0-9_-]+", "-", name_key(value)).strip("-_")
            self.error(
                node,
                f"{what} {value!r} must be lowercase letters, digits, '-' or '_', "
                "starting with a letter or digit",
                suggestion or None,
            )
            return None
        return value

    def optional_text(self, node: yaml.Node | None, what: str) -> str | None:
        if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
            return None
        return self.string(node, what, multiline=True)

    def boolean(self, node: yaml.Node, what: str) -> bool | None:
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":bool"):
            return scalar_value(node)
        self.error(node, f"{what} must be true or false, not {_describe(node)}")
        return None

    def sign(self, node: yaml.Node) -> int | None:
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":int"):
            value = scalar_value(node)
            if value in (-1, 0, 1):
                return value
        self.error(
            node, f"sign must be 1 (cooperative), -1 (hostile) or 0 (neutral), not {_show(node)}"
        )
        return None

    def weight(self, node: yaml.Node) -> float | None:
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith((":int", ":float")):
            try:
                value = float(scalar_value(node))
            except OverflowError:
                value = math.inf
            if MIN_WEIGHT <= value <= MAX_WEIGHT:
                return value
        self.error(
            node,
            f"weight must be a number from {MIN_WEIGHT:g} to {MAX_WEIGHT:g}, not {_show(node)}",
        )
        return None

    def date(self, node: yaml.Node) -> str | None:
        # The raw text, so 2025-11-03 stays a string and 2025-11 is allowed.
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, f"date must be YYYY, YYYY-MM or YYYY-MM-DD, not {_describe(node)}")
            return None
        try:
            parse_period(node.value)
        except ValueError as error:
            self.error(node, str(error))
            return None
        return node.value


class _Loader:
    """One load of one folder; ``problems`` collects everything found."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.problems: list[Problem] = []
        self.index: ActorIndex | None = None  # built only to suggest fixes
        self.declared_documents: list[str] = []

    def checker(self, name: str) -> _Checker:
        return _Checker(str(self.folder / name), self.problems)

    def load(self) -> Dataset | None:
        actors_path, relations_path = self.folder / ACTORS_FILE, self.folder / RELATIONS_FILE
        if not self.folder.is_dir():
            reason = "not a folder" if self.folder.exists() else "dataset folder not found"
            self.problems.append(Problem(str(self.folder), 1, 1, reason))
            return None
        actors_root, found = read_yaml(actors_path, str(actors_path))
        self.problems += found
        relations_root, found = read_yaml(relations_path, str(relations_path))
        self.problems += found
        kinds, actors = self.load_actors(actors_root) if actors_root else (None, None)
        if relations_root is None:
            return None
        documents, types, relations = self.load_relations(relations_root, actors)
        if actors is None or types is None:
            return None
        return Dataset(actors, types, relations, kinds, documents, self.folder)

    # actors.yaml

    def load_actors(
        self, root: yaml.Node
    ) -> tuple[dict[str, Kind] | None, dict[str, Actor] | None]:
        check = self.checker(ACTORS_FILE)
        top = check.fields(root, "actors.yaml", required=("actors",), optional=("kinds",))
        if top is None or "actors" not in top:
            return None, None
        kinds = self.load_kinds(check, top["kinds"]) if "kinds" in top else None
        actors: dict[str, Actor] = {}
        first_line: dict[str, int] = {}
        named: dict[str, tuple[str, int]] = {}  # folded name -> (actor id, line)
        for node in check.sequence_items(top["actors"], "actors"):
            actor, spellings = self.load_actor(check, node, kinds)
            if actor is None:
                continue
            line = position(node)[0]
            if actor.id in actors:
                check.error(
                    node,
                    f"duplicate actor id {actor.id!r} "
                    f"(first defined on line {first_line[actor.id]})",
                )
                continue
            actors[actor.id] = actor
            first_line[actor.id] = line
            self.check_names_unique(check, actor.id, spellings, named)
        return kinds, actors

    def load_kinds(self, check: _Checker, node: yaml.Node) -> dict[str, Kind]:
        kinds = {}
        for key_node, value_node in check.mapping_items(node, "kinds"):
            name = check.string(key_node, "a kind")
            if name is None:
                continue
            description = None
            if not (isinstance(value_node, yaml.ScalarNode) and value_node.tag.endswith(":null")):
                fields = check.fields(value_node, f"kind {name!r}", (), ("description",))
                if fields:
                    description = check.optional_text(fields.get("description"), "description")
            kinds[name] = Kind(name, description)
        return kinds

    def load_actor(self, check: _Checker, node: yaml.Node, kinds: dict | None):
        """Return the actor (or None) and each valid id, name and alias with its node."""
        fields = check.fields(node, "an actor", ("id", "name", "kind"), ("aliases", "description"))
        if fields is None:
            return None, []
        actor_id = check.identifier(fields["id"], "actor id") if "id" in fields else None
        name = check.string(fields["name"], "name") if "name" in fields else None
        kind = check.string(fields["kind"], "kind") if "kind" in fields else None
        if kind is not None and kinds is not None and kind not in kinds:
            hint = next(iter(did_you_mean(kind, kinds)), None)
            declared = f"declared: {_listing(kinds)}" if kinds else "no kinds are declared"
            check.error(fields["kind"], f"unknown kind {kind!r} ({declared})", hint)
        aliases = check.string_list(fields["aliases"], "aliases") if "aliases" in fields else []
        description = check.optional_text(fields.get("description"), "description")
        spellings = [(actor_id, fields.get("id")), (name, fields.get("name")), *aliases]
        spellings = [(text, text_node) for text, text_node in spellings if text is not None]
        raw_id = fields.get("id")
        if actor_id is None and isinstance(raw_id, yaml.ScalarNode) and raw_id.value:
            # Keep a badly spelt actor, so relations to it are not reported twice.
            actor_id = raw_id.value
        if actor_id is None:
            return None, []
        aliases = tuple(alias for alias, _ in aliases)
        return Actor(actor_id, name or "", kind or "", aliases, description), spellings

    def check_names_unique(self, check, actor_id: str, spellings: list, named: dict) -> None:
        """Record each spelling; one that already names another actor is an error."""
        for text, text_node in spellings:
            key = name_key(text)
            owner = named.get(key)
            if owner is None:
                named[key] = (actor_id, position(text_node)[0])
            elif owner[0] != actor_id:
                check.error(
                    text_node,
                    f"{text!r} already names actor {owner[0]!r} (line {owner[1]}); "
                    "ids, names and aliases must be unique, ignoring case and accents",
                )

    # relations.yaml

    def load_relations(self, root: yaml.Node, actors: dict[str, Actor]):
        check = self.checker(RELATIONS_FILE)
        top = check.fields(
            root, "relations.yaml", required=("types", "relations"), optional=("documents",)
        )
        if top is None:
            return {}, None, []
        documents, texts = self.load_documents(check, top.get("documents"))
        if "documents" not in top:
            check.warn(root, "no documents declared: evidence quotes are not checked")
        types = self.load_types(check, top["types"]) if "types" in top else None
        relations = []
        for node in (
            check.sequence_items(top["relations"], "relations") if "relations" in top else ()
        ):
            relation = self.load_relation(check, node, actors, types, documents, texts)
            if relation is not None:
                relations.append(relation)
        return documents, types, relations

    def load_documents(self, check: _Checker, node: yaml.Node | None):
        documents: dict[str, Document] = {}
        texts: dict[str, DocumentIndex] = {}
        if node is None:
            return documents, texts
        for key_node, value_node in check.mapping_items(node, "documents"):
            key = check.string(key_node, "a document key")
            if key is not None:
                self.declared_documents.append(key)
            relative = check.string(value_node, f"the path of document {key!r}")
            if key is None or relative is None:
                continue
            path = self.folder / relative
            text, problem = read_utf8(path, relative)
            if problem:
                at_start = (problem.line, problem.column) == (1, 1)
                where = "" if at_start else f" (at {problem.line}:{problem.column})"
                check.error(value_node, f"document {key!r} ({relative}): {problem.message}{where}")
                continue
            path = path.resolve()
            documents[key] = Document(key, path)
            texts[key] = DocumentIndex(text)
        return documents, texts

    def load_types(self, check: _Checker, node: yaml.Node) -> dict[str, RelationType]:
        types = {}
        for key_node, value_node in check.mapping_items(node, "types"):
            name = check.string(key_node, "a relation type")
            fields = check.fields(
                value_node, f"type {name!r}", ("sign",), ("symmetric", "description")
            )
            if name is None or fields is None:
                continue
            sign = check.sign(fields["sign"]) if "sign" in fields else None
            symmetric = (
                check.boolean(fields["symmetric"], "symmetric") if "symmetric" in fields else False
            )
            description = check.optional_text(fields.get("description"), "description")
            # A type with a bad field is still known, so its relations are not reported too.
            types[name] = RelationType(name, sign or 0, bool(symmetric), description)
        if isinstance(node, yaml.MappingNode) and not node.value:
            check.error(node, "types must declare at least one relation type")
        return types

    def load_relation(self, check, node, actors, types, documents, texts) -> Relation | None:
        fields = check.fields(
            node,
            "a relation",
            ("source", "type", "target", "evidence"),
            ("document", "date", "weight"),
        )
        if fields is None:
            return None
        source = self.actor_reference(check, fields.get("source"), actors, "source")
        target = self.actor_reference(check, fields.get("target"), actors, "target")
        type_name = check.string(fields["type"], "type") if "type" in fields else None
        if type_name is not None and types is not None and type_name not in types:
            hint = next(iter(did_you_mean(type_name, types)), None)
            check.error(fields["type"], f"unknown relation type {type_name!r}", hint)
            type_name = None
        if source is not None and source == target:
            check.error(
                fields["target"], f"relation from {source!r} to itself (self-loops are not allowed)"
            )
            source = None
        evidence = (
            check.string(fields["evidence"], "evidence", multiline=True)
            if "evidence" in fields
            else None
        )
        document = self.document_reference(check, node, fields.get("document"), documents)
        date = check.date(fields["date"]) if "date" in fields else None
        weight = check.weight(fields["weight"]) if "weight" in fields else 1.0
        if evidence is not None and document is not None and document in texts:
            self.check_quote(check, fields["evidence"], evidence, document, texts[document])
        if None in (source, target, type_name, evidence, weight) or (
            "date" in fields and date is None
        ):
            return None
        return Relation(
            source, type_name, target, evidence, document, date, weight, position(node)[0]
        )

    def actor_reference(self, check, node, actors, what) -> str | None:
        if node is None:
            return None
        value = check.string(node, what)
        if value is None or actors is None or value in actors:
            # With no readable actors.yaml, references cannot be checked.
            return value
        if self.index is None:
            self.index = ActorIndex({a.id: [a.name, *a.aliases] for a in actors.values()})
        named = self.index.get(value)
        if named is not None:
            check.error(
                node, f"{what} {value!r} is a name or alias; relations use actor ids", named
            )
        else:
            hint = next(iter(self.index.suggest(value, count=1)), None)
            check.error(node, f"unknown actor {value!r} in {what}", hint)
        return None

    def document_reference(self, check, node, value_node, documents) -> str | None:
        # Declared documents count even when unreadable: that error is reported once.
        documents = self.declared_documents
        if value_node is None:
            if len(documents) == 1:
                return next(iter(documents))
            if len(documents) > 1:
                check.error(
                    node, f"relation must name its document (one of: {', '.join(documents)})"
                )
            return None
        key = check.string(value_node, "document")
        if key is not None and key not in documents:
            hint = next(iter(did_you_mean(key, documents)), None)
            check.error(value_node, f"unknown document {key!r}", hint)
            return None
        return key

    def check_quote(self, check, node, quote: str, document: str, index: DocumentIndex) -> None:
        needle = normalize_text(quote)
        if index.find(needle):
            return
        # The longest prefix found tells the user where the quote goes astray
        # (a plain search, paid only for quotes that are wrong).
        low, high = 0, len(needle)
        while low < high:
            middle = (low + high + 1) // 2
            if needle[:middle] in index.text:
                low = middle
            else:
                high = middle - 1
        detail = ""
        if low >= 8:
            matched, rest = needle[max(0, low - 30) : low], needle[low : low + 30]
            detail = f"; it matches up to {matched!r} then differs at {rest!r}"
        check.error(node, f"evidence quote not found in document {document!r}{detail}")


def _listing(names, limit: int = 10) -> str:
    names = list(names)
    more = f", … ({len(names) - limit} more)" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more


def _describe(node: yaml.Node) -> str:
    kind = _YAML_TYPE_NAMES.get(node.tag, "a value")
    if isinstance(node, yaml.ScalarNode) and node.value and not node.tag.endswith(":null"):
        return f"{kind} ({node.value!r})"
    return kind


def _show(node: yaml.Node) -> str:
    return repr(node.value) if isinstance(node, yaml.ScalarNode) else _describe(node)
