"""The characters no Cypher script of ours ever writes as themselves (both dialects).

Every character ``str.splitlines()`` (or any statement runner) may end a line
at, and every other control character: a quote holding one could otherwise
end a statement and start another (see docs/hardening.md, "Exports").

>>> bool(CONTROL.search("a\u2028b")), bool(CONTROL.search("plain"))
(True, False)
"""

from __future__ import annotations

import re

__all__ = ["CONTROL"]

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
