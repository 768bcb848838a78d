"""awsmini/prompt/: its modules import one another without a cycle, at module level.

The import graph is read from the source (ast): an edge for each `import` or
`from ... import` of a prompt module at module level (`if TYPE_CHECKING:` blocks
included). Imports inside functions are only those listed in `LAZY_IMPORTS`, each
there for start-up time, never to break a cycle: with them the graph is acyclic too.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import awsmini.prompt

PACKAGE = "awsmini.prompt"
DIRECTORY = Path(awsmini.prompt.__file__).parent
MODULES = sorted(path.stem for path in DIRECTORY.glob("*.py"))

# (importing module, imported module): why the import waits until the function runs.
_AFTER_SPLASH = ("the first screen is painted (splash.py) before the models, the completer "
                 "and prompt_toolkit load")
LAZY_IMPORTS = {
    ("__init__", "completions"): _AFTER_SPLASH,
    ("__init__", "history"): _AFTER_SPLASH,
    ("__init__", "app"): _AFTER_SPLASH,
    ("__init__", "keys"): _AFTER_SPLASH,
    ("__init__", "server_values"): _AFTER_SPLASH + "; only when the prompt may call a service",
    ("shell", "completions"): _AFTER_SPLASH,
}


def _targets(node: ast.Import | ast.ImportFrom, module: str) -> list[str]:
    """The prompt modules an import statement of `module` loads ("__init__" for the package)."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
        return [name[len(PACKAGE) + 1:].split(".")[0] for name in names
                if name.startswith(PACKAGE + ".")]
    if node.level:  # relative: from the package itself
        base = PACKAGE + ("." + node.module if node.module else "")
    else:
        base = node.module or ""
    if base == PACKAGE:
        return [alias.name if alias.name in MODULES else "__init__" for alias in node.names]
    if base.startswith(PACKAGE + "."):
        return [base[len(PACKAGE) + 1:].split(".")[0]]
    return []


def _imports(module: str) -> tuple[set[str], set[str]]:
    """(prompt modules imported at module level, prompt modules imported inside functions)."""
    tree = ast.parse((DIRECTORY / (module + ".py")).read_text(encoding="utf-8"))
    top: set[str] = set()
    for statement in tree.body:
        blocks = [statement]
        if isinstance(statement, (ast.If, ast.Try)):
            blocks = [*statement.body, *statement.orelse]
        for node in blocks:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                top.update(_targets(node, module))
    every = {target for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
             for target in _targets(node, module)}
    inner = {target for node in ast.walk(tree)
             if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
             for sub in ast.walk(node) if isinstance(sub, (ast.Import, ast.ImportFrom))
             for target in _targets(sub, module)}
    assert every == top | inner, module
    return top - {module}, inner


GRAPH = {module: _imports(module) for module in MODULES}


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of the graph as a path (first node repeated at the end), or []."""
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> list[str]:
        if node in path:
            return path[path.index(node):] + [node]
        if node in done:
            return []
        for target in sorted(graph.get(node, ())):
            found = visit(target, path + [node])
            if found:
                return found
        done.add(node)
        return []

    for start in sorted(graph):
        found = visit(start, [])
        if found:
            return found
    return []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) == []


def test_the_module_level_import_graph_has_no_cycle():
    assert _cycle({module: top for module, (top, _) in GRAPH.items()}) == []


def test_no_lazy_import_closes_a_cycle():
    assert _cycle({module: top | inner for module, (top, inner) in GRAPH.items()}) == []


def test_the_leaves_import_no_other_prompt_module():
    assert GRAPH["candidates"][0] <= {"text"} and GRAPH["words"][0] == set()
    assert GRAPH["text"][0] == set()


@pytest.mark.parametrize("module", MODULES)
def test_function_level_imports_are_only_the_listed_ones(module):
    lazy = {(module, target) for target in GRAPH[module][1]}
    assert lazy <= set(LAZY_IMPORTS), "import at module level instead: %s" % sorted(
        lazy - set(LAZY_IMPORTS))


def test_every_listed_lazy_import_still_exists():
    found = {(module, target) for module, (_, inner) in GRAPH.items() for target in inner}
    assert set(LAZY_IMPORTS) <= found
