"""Read YAML fast with yaml-rs, only where the result is sure to equal the located reading.

yaml-rs (a Rust YAML 1.2 parser) builds plain data about ten times faster
than PyYAML, but keeps no positions and reads a few forms differently from
YAML 1.1 (``no`` is a string to it, ``010`` is ten). A pre-scan of the text
sends every file that holds such a form, a tag, an anchor or an alias, a
directive, an escape other than ``\\n \\t \\" \\\\``, a tab in indentation or a
character PyYAML refuses to the located reading (:mod:`.yaml_located`),
the reference; so does any error yaml-rs raises. The scan errs on the side
of caution: a false alarm costs time, never a different result.

>>> read("a: [1, 2.5, x, 2025-11-03]\\n", "x.yaml").data
{'a': [1, 2.5, 'x', '2025-11-03']}
>>> read("country: NO\\n", "x.yaml") is None     # a YAML 1.1 boolean: PyYAML decides
True
"""

from __future__ import annotations

import gc
import re

from . import Source, Unlocated

__all__ = ["available", "read", "risky"]

try:
    import yaml_rs
except ImportError:  # the fast parser is optional: PyYAML reads everything too
    yaml_rs = None

# Where a plain scalar can start: a line's indentation, after ": ", "- ",
# "? ", or a flow indicator. And where it must end to be the whole scalar.
_START = r"(?:^[ \t]*|[:?\-][ \t]+|[\[{,][ \t]*)"
_END = r"(?=[ \t]*(?:$|#|[,\]}]|:(?:[ \t]|$)))"
# Forms both readings agree on: plain decimals, and dates (text to both).
_SAFE = r"[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?|[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?"
_NUMBERISH = r"[-+]?(?:\.?[0-9][0-9a-fA-FxXoO_.:+-]*|\.[A-Za-z]+)"
_YAML11_WORDS = r"yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|<<|="
_RISKY = re.compile(
    "|".join(
        (
            rf"{_START}(?!(?:{_SAFE}){_END})(?:{_NUMBERISH}|{_YAML11_WORDS}){_END}",
            r"(?:^|[\s\[{,])[!&*]",  # a tag, an anchor or an alias
            r"^(?:%|---|\.\.\.)",  # a directive, or more than one document
            r'\\[^nt"\\]',  # an escape the two YAML versions may read differently
            r"^ *\t",  # a tab in indentation
            # What PyYAML refuses or reads as a line break (NEL, LS, PS), and the BOM.
            "[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
            "\U00010000-\U0010ffff]",
        )
    ),
    re.MULTILINE,
)


def available() -> bool:
    """Return whether yaml-rs is installed."""
    return yaml_rs is not None


def risky(text: str) -> re.Match | None:
    """Return the first place where yaml-rs and the located reading might differ, if any.

    >>> risky("weight: 010\\n")[0]
    ': 010'
    """
    return _RISKY.search(text)


def read(text: str, shown_as: str) -> Source | None:
    """Return the source of ``text`` read by yaml-rs, or None where PyYAML must read it."""
    if yaml_rs is None or _RISKY.search(text):
        return None
    enabled = gc.isenabled()
    gc.disable()
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # any refusal (syntax, duplicate key, huge integer): PyYAML says where
        return None
    finally:
        if enabled:
            gc.enable()
    if data is None:
        return None  # an empty file: the located reading says so

    def relocate():
        from . import yaml_located

        return yaml_located.read(text, shown_as)

    return Source(shown_as, data, Unlocated(), relocate)
