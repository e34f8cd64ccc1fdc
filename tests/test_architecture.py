"""The layout keeps itself: no import circle, no module over 400 lines, Slack and SQL in their
layers only, imports flowing one way (ARCHITECTURE.md, "Invariants")."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = (
    "samverkan",
    "storage",
    "handlers",
    "serve",
    "slackapi",
    "schedules",
    "blocks",
    "console",
)
TOP_MODULES = ("bot", "config")
MAX_LINES = 400


def source_files() -> dict[str, Path]:
    """Every source module of the bot by its dotted name (tests and benchmarks excluded)."""
    found = {name: ROOT / f"{name}.py" for name in TOP_MODULES}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


MODULES = source_files()


def _runtime_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Import statements that run when the module is imported (not `if TYPE_CHECKING:`)."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if isinstance(child, ast.Import | ast.ImportFrom):
                found.append(child)
            visit(child)

    visit(tree)
    return found


def imports_of(name: str) -> set[str]:
    """The modules of the bot that a module imports (a `from pkg import mod` names the module)."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in _runtime_imports(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                package = name.split(".")
                if path.name != "__init__.py":
                    package = package[:-1]
                package = package[: len(package) - node.level + 1]
                base = ".".join([*package, base] if base else package)
            # `from pkg import mod` imports the module; `from mod import name`, the module.
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
                for alias in node.names
            ]
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target != name:
                out.add(target)
    return out


GRAPH = {name: imports_of(name) for name in MODULES}


def test_the_scan_sees_the_layers() -> None:
    assert "samverkan.registry" in GRAPH["samverkan.commands.log"]
    assert "storage" in GRAPH["samverkan.domain"]
    assert "samverkan.service" in GRAPH["handlers.commands"]


def find_circle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle of the graph (its modules, the first repeated last), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (circle := visit(nxt)):
                return circle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (circle := visit(start)):
            return circle
    return None


def test_the_circle_check_finds_a_circle() -> None:
    assert find_circle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_circle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_no_import_circle() -> None:
    """Imports inside functions count too: a circle that needs one breaks at the next change."""
    circle = find_circle(GRAPH)
    assert circle is None, " → ".join(circle or [])


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_over_400_lines(name: str) -> None:
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{MODULES[name].relative_to(ROOT)} has {lines} lines"


#: Which layers may import which: the domain and storage know nothing of Slack or the adapters.
FORBIDDEN = {
    "samverkan": ("handlers", "serve", "slackapi", "schedules", "blocks", "console", "bot"),
    "storage": ("samverkan", "handlers", "serve", "slackapi", "schedules", "blocks", "console"),
    "blocks": ("handlers", "serve", "slackapi", "schedules", "console", "bot", "storage"),
    "schedules": ("handlers", "serve", "console", "bot"),
    "handlers": ("serve", "console", "bot"),
    "console": ("handlers", "serve", "slackapi", "schedules", "bot"),
    "slackapi": ("samverkan", "storage", "handlers", "serve", "schedules", "blocks", "console"),
}


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_imports_flow_one_way(layer: str) -> None:
    wrong = {
        (name, target)
        for name, targets in GRAPH.items()
        if name.split(".")[0] == layer
        for target in targets
        if target.split(".")[0] in FORBIDDEN[layer]
    }
    assert wrong == set()


def _external_imports(name: str) -> set[str]:
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in _runtime_imports(tree):
        if isinstance(node, ast.Import):
            out.update(alias.name.split(".")[0] for alias in node.names)
        elif node.module and not node.level:
            out.add(node.module.split(".")[0])
    return out


#: Only the Slack adapters (and the Block Kit builders) talk to Slack's libraries.
SLACK_LAYERS = ("handlers", "serve", "slackapi", "schedules", "blocks", "bot")


@pytest.mark.parametrize("name", sorted(MODULES))
def test_slack_libraries_only_in_the_slack_layers(name: str) -> None:
    slack = _external_imports(name) & {"slack_bolt", "slack_sdk"}
    if name.split(".")[0] not in SLACK_LAYERS:
        assert slack == set(), f"{name} imports {slack}"


SQL = re.compile(r"\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE (TABLE|INDEX))\b")


@pytest.mark.parametrize("name", sorted(MODULES))
def test_sql_only_in_storage(name: str) -> None:
    if name.split(".")[0] == "storage":
        return
    assert _external_imports(name) & {"sqlite3", "sqlite_utils"} == set(), name
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    queries = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value)
    ]
    assert queries == [], name


def test_the_sql_check_finds_sql() -> None:
    assert SQL.search("SELECT id FROM plans")
    assert not SQL.search("Select the activity you worked on")
