"""Imports inside ancrage/messaging run one way (the paragraph at the top of the package):
no cycle between its modules, and no module importing one from a higher layer. Every
import counts, those inside functions too: hiding one there does not remove the knot."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "ancrage" / "messaging"

# Lowest first. A module may import its own layer or lower ones (never in a cycle).
LAYERS = [
    {"providers", "apps", "keywords", "quiet_hours", "credentials"},
    {"errors", "models", "templatetags"},
    # The simulator is the one provider with a database: its handset is a table.
    {"providers.simulator", "fastpath", "outbound", "accounts", "admin"},
    {"optout"},
    {"inbound"},
    {"multipart", "webhooks"},
    {"claiming", "dispatch", "reconcile", "chores"},
    {"tasks", "services"},
    {"forms", "views", "settings_views", "migrations"},
]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(part for part in parts if part != "__init__")


def imports_of(path: Path) -> set[str]:
    """The ancrage.messaging modules `path` imports, anywhere in the file."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            base = node.module
            if node.level:  # relative: from .base import X inside providers/
                package = module_name(path).split(".")[: -node.level or None]
                base = ".".join(["ancrage.messaging", *package, node.module])
            names = [base] + [f"{base}.{alias.name}" for alias in node.names]
            found.update(n for n in names if n.startswith("ancrage.messaging."))
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("ancrage.messaging."))
    modules = {module_name(p) for p in PACKAGE.rglob("*.py")}
    return {m for name in found if (m := name.removeprefix("ancrage.messaging.")) in modules}


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports_of(p) - {module_name(p)} for p in PACKAGE.rglob("*.py")}


def layer(module: str) -> int:
    for name in (module, module.split(".")[0]):
        for i, names in enumerate(LAYERS):
            if name in names:
                return i
    raise KeyError(module)


def test_every_module_has_a_layer():
    assert [m for m in graph() if m and not any(m.split(".")[0] in s for s in LAYERS)] == []


def test_no_module_imports_a_higher_layer():
    upward = [
        f"{module} -> {target}"
        for module, targets in graph().items()
        if module
        for target in targets
        if layer(target) > layer(module)
    ]
    assert upward == []


def test_there_is_no_import_cycle():
    edges = graph()
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, path: list[str]) -> list[str] | None:
        state[module] = 1
        for target in sorted(edges.get(module, ())):
            if state.get(target) == 1:
                return [*path, module, target]
            if not state.get(target) and (cycle := visit(target, [*path, module])):
                return cycle
        state[module] = 2
        return None

    for module in sorted(edges):
        if not state.get(module):
            assert visit(module, []) is None
