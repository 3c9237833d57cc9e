"""The layers point down: no import circles in graph/, and the few rules the docs state.

Every module of the package is parsed with :mod:`ast`; every import counts,
wherever it is written (top level, inside a function, under
``TYPE_CHECKING``), because a circle closed by a function-level import is
still a circle a reader has to hold in their head. ``from .x import y``
depends on the module ``x.y`` when there is one, else on ``x``; a package's
``__init__`` is only a dependency when it is named (importing
``graph.engines.base`` is not counted as importing ``graph.engines``).

The test knows no list of modules: a new module or package is picked up by
walking the folder. Only the layer rules below name places. See
docs/architecture.md for the layers.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "graph"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """Return every module ``name`` imports, in the package or not, at any depth of its code."""
    is_package = path.name == "__init__.py"
    package = name if is_package else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module
            for alias in node.names:
                submodule = f"{origin}.{alias.name}"
                found.add(submodule if submodule in MODULES else origin)
    found.discard(name)
    return found


IMPORTS = {name: _imports(name, path) for name, path in MODULES.items()}


def _cycle() -> list[str] | None:
    """Return one import circle among graph's modules (first and last the same), or None."""
    graph = {name: sorted(i for i in imports if i in MODULES) for name, imports in IMPORTS.items()}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = 1
        path.append(name)
        for other in graph[name]:
            if state.get(other) == 1:
                return [*path[path.index(other) :], other]
            if other not in state and (cycle := visit(other)):
                return cycle
        path.pop()
        state[name] = 2
        return None

    for name in sorted(graph):
        if name not in state and (cycle := visit(name)):
            return cycle
    return None


def _inside(name: str, place: str) -> bool:
    return name == place or name.startswith(place + ".")


def test_the_walk_sees_imports_at_every_depth_and_in_every_form():
    # A check of the checker: function-level and relative forms are real edges.
    assert "graph.model" in IMPORTS["graph.build"]
    assert "networkx" in IMPORTS["graph.build"]
    assert "graph.engines.base" in IMPORTS["graph.engines.networkx_engine"]
    assert "graph.spark.algorithms" in IMPORTS["graph.engines.spark_engine"]  # in a method
    assert "pyvis.network" in IMPORTS["graph.render.network"]


def test_no_import_circles_in_the_package():
    cycle = _cycle()
    assert cycle is None, "import circle: " + " -> ".join(cycle)


# What lies below the model: the look-up of names and the problems it raises.
BELOW_THE_MODEL = (
    "graph.names",
    "graph.problems",
    "graph.display",
    "graph.suggest",
    "graph.gazetteer",
)


def _reached(name: str) -> set[str]:
    """Return every module of the package ``name`` imports, directly or through others."""
    seen, todo = set(), [name]
    while todo:
        for imported in IMPORTS[todo.pop()]:
            if imported in MODULES and imported not in seen:
                seen.add(imported)
                todo.append(imported)
    return seen - {name}


def test_the_model_imports_nothing_above_it():
    # The bottom layer: plain data and look-up. Everything else may import it.
    assert sorted(_reached("graph.model") - set(BELOW_THE_MODEL)) == []


@pytest.mark.parametrize("above", ["graph.queries", "graph.render", "graph.export", "graph.cli"])
def test_engines_never_import_what_sits_above_them(above):
    wrong = sorted(
        f"{name} imports {imported}"
        for name, imports in IMPORTS.items()
        if _inside(name, "graph.engines")
        for imported in imports
        if _inside(imported, above)
    )
    assert wrong == []


def _is_entry_point(name: str) -> bool:
    """Return whether ``name`` is a script that runs the CLI (``python -m``, spark-submit)."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    return any(
        isinstance(node, ast.Compare)
        and isinstance(node.left, ast.Name)
        and node.left.id == "__name__"
        and any(isinstance(c, ast.Constant) and c.value == "__main__" for c in node.comparators)
        for node in ast.walk(tree)
    )


def test_only_the_cli_imports_the_cli():
    wrong = sorted(
        f"{name} imports {imported}"
        for name, imports in IMPORTS.items()
        if not _inside(name, "graph.cli") and not _is_entry_point(name)
        for imported in imports
        if _inside(imported, "graph.cli")
    )
    assert wrong == []


def test_only_render_touches_pyvis():
    wrong = sorted(
        name
        for name, imports in IMPORTS.items()
        if not _inside(name, "graph.render") and any(_inside(i, "pyvis") for i in imports)
    )
    assert wrong == []
