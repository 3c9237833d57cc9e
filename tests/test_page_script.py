"""The page script's modules (graph/render/page/): joined in a fixed order, one renderer seam.

Read as text: each module's code is its source less comments, strings and
regular expressions, and a name counts where it is an identifier (not a
property after ``.`` and not an object key before ``:``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph import load_dataset
from graph.render import html, render_html

FOLDER = Path(__file__).resolve().parents[1] / "graph" / "render" / "page"
RENDERER = "renderer-vis.js"
RENDERERS = {"vis": "renderer-vis.js", "webgl": "renderer-webgl.js"}
VIS_NAMES = ("vis", "network", "nodes", "edges")  # vis-network and pyvis's page globals
WEBGL_NAMES = ("Sigma", "graphology", "sigma", "graph")  # the libraries and their globals


def source(name: str) -> str:
    return (FOLDER / name).read_text("utf-8")


def code(text: str) -> str:
    """``text`` with comments, string literals and regex literals blanked out.

    A ``/`` starts a regular expression where an expression may start (after
    an operator, a bracket, a comma or ``return``), and a division elsewhere.
    Template literals are blanked whole (the modules hold none with ``${}``).
    """
    out = []
    i = 0
    last = ""  # the last character of code that is not blank
    while i < len(text):
        char, ahead = text[i], text[i : i + 2]
        if ahead == "//":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        if ahead == "/*":
            i = text.index("*/", i) + 2
            out.append(" ")
            continue
        regex = char == "/" and (
            last in "(,=:[!&|?{};+-*%<>~^" or re.search(r"\breturn\s*$", "".join(out[-12:]))
        )
        if char in "'\"`" or regex:
            close = "/" if regex else char
            j = i + 1
            in_class = False
            while j < len(text):
                if text[j] == "\\":
                    j += 2
                    continue
                if regex and text[j] == "[":
                    in_class = True
                elif regex and text[j] == "]":
                    in_class = False
                elif text[j] == close and not in_class:
                    break
                j += 1
            if regex:
                j += 1
                while j < len(text) and text[j].isalpha():  # flags
                    j += 1
                out.append("/r/")
                i = j
            else:
                out.append('""')
                i = j + 1
            last = '"'
            continue
        out.append(char)
        if not char.isspace():
            last = char
        i += 1
    return "".join(out)


def identifiers(text: str, names) -> set[str]:
    """Which of ``names`` the code of ``text`` uses as identifiers."""
    body = code(text).replace("...", "   ")  # a spread, not a property
    found = set()
    for name in names:
        pattern = rf"(?<![\w$.]){re.escape(name)}(?![\w$])(?!\s*:(?!:))"
        if re.search(pattern, body):
            found.add(name)
    return found


def declared(text: str) -> set[str]:
    """The names a module declares at its top level (column 0 of the module)."""
    return set(re.findall(r"^(?:const|let|var|function)\s+([\w$]+)", code(text), re.M))


def header(text: str, field: str) -> str:
    """The ``// Needs:`` or ``// Gives:`` paragraph of a module's header comment."""
    lines = text.split("\n")
    start = next(n for n, line in enumerate(lines) if line.startswith(f"// {field}:"))
    taken = [lines[start][len(f"// {field}:") :]]
    for line in lines[start + 1 :]:
        if not line.startswith("// ") or re.match(r"// \w+:", line):
            break
        taken.append(line[3:])
    return " ".join(taken)


def needs(text: str) -> set[str]:
    """The names listed under ``Needs:``, less the modules named in brackets."""
    listed = re.sub(r"\([^)]*\)", " ", header(text, "Needs"))
    return set(re.findall(r"[\w$]+", listed)) - {"nothing"}


def test_the_modules_are_joined_in_a_fixed_order():
    assert html.PAGE_SCRIPT == (
        "prelude.js",
        "base.js",
        "heading.js",
        "tooltips.js",
        "state.js",
        "renderer-vis.js",
        "panel.js",
        "filters.js",
        "switches.js",
        "slider.js",
        "search.js",
        "paths.js",
        "explore.js",
        "controls.js",
        "downloads.js",
        "main.js",
    )
    # Every file of the folder is in the list, once, the WebGL renderer in the vis one's place.
    assert sorted(path.name for path in FOLDER.iterdir()) == sorted(
        [*html.PAGE_SCRIPT, "renderer-webgl.js"]
    )
    assert html.page_modules("webgl") == tuple(
        "renderer-webgl.js" if name == RENDERER else name for name in html.PAGE_SCRIPT
    )
    # The page inlines exactly the modules, in that order, and hashes that text.
    page = render_html(load_dataset())
    scripts = re.findall(r"^<script>\n(.*?)\n</script>$", page, re.M | re.S)
    joined = "\n".join(source(name).strip("\n") + "\n" for name in html.PAGE_SCRIPT)
    assert scripts[1] == joined.strip()
    assert html._assets()["page.js"] == joined
    starts = [scripts[1].index(source(name).strip("\n")) for name in html.PAGE_SCRIPT]
    assert starts == sorted(starts)
    # prelude.js opens the one scope that main.js closes.
    assert code(source("prelude.js")).rstrip().endswith("(function () {")
    assert code(source("main.js")).rstrip().endswith("})();")


def test_only_the_renderer_touches_vis_network():
    for name in html.PAGE_SCRIPT:
        used = identifiers(source(name), VIS_NAMES)
        if name == RENDERER:
            assert used == set(VIS_NAMES)  # the check is not vacuous
        else:
            assert used == set(), f"{name} uses {sorted(used)}: only {RENDERER} may"


def test_only_the_webgl_renderer_touches_sigma_and_graphology():
    for name in html.page_modules("webgl"):
        used = identifiers(source(name), WEBGL_NAMES)
        if name == "renderer-webgl.js":
            assert used == set(WEBGL_NAMES)
        else:
            assert used == set(), f"{name} uses {sorted(used)}: only renderer-webgl.js may"
    assert identifiers(source("renderer-webgl.js"), VIS_NAMES) == set()


def test_the_identifier_check_sees_through_comments_strings_and_keys():
    text = (
        '// network.fit()\nconst a = "nodes"; /* edges */ const b = { nodes: 1 };\n'
        "const c = x.edges; const d = /['\"]vis/.test(y);\n"
    )
    assert identifiers(text, VIS_NAMES) == set()
    assert identifiers("const n = nodes.get();", VIS_NAMES) == {"nodes"}
    assert identifiers("return edges;", VIS_NAMES) == {"edges"}
    assert identifiers("f([...nodes])", VIS_NAMES) == {"nodes"}
    assert identifiers("a ? b : new vis.Network(c)", VIS_NAMES) == {"vis"}


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
def test_each_module_says_what_it_needs_and_gives(renderer):
    texts = {name: source(name) for name in html.page_modules(renderer)}
    owner = {}
    for name, text in texts.items():
        for declared_name in declared(text):
            assert declared_name not in owner, (declared_name, owner.get(declared_name), name)
            owner[declared_name] = name
    for name, text in texts.items():
        assert text.startswith(f"// {name}: "), name
        assert header(text, "Gives")
        others = {key for key, where in owner.items() if where != name}
        used = identifiers(text, others)
        listed = needs(text)
        assert used - listed == set(), f"{name} uses but does not list {sorted(used - listed)}"
        assert listed - used == set(), f"{name} lists but does not use {sorted(listed - used)}"


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
def test_the_renderer_gives_the_documented_interface(renderer):
    """docs/page.md, "Renderer interface": the methods both renderers implement."""
    docs = (Path(__file__).resolve().parents[1] / "docs" / "page.md").read_text("utf-8")
    section = docs.split("## Renderer interface", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `(\w+)\(", section, re.M))
    returned = code(source(RENDERERS[renderer])).rsplit("return {", 1)[1]
    given = set(re.findall(r"^    (\w+)\b", returned, re.M))
    assert documented == given
    # The workbench calls nothing else of it.
    for name in html.page_modules(renderer):
        if name != RENDERERS[renderer]:
            assert set(re.findall(r"\brenderer\.(\w+)", code(source(name)))) <= documented, name
