"""The import rule of DESIGN.md, held by a scan of every import in ticker/ (lazy ones inside
functions and ``TYPE_CHECKING`` ones included): no module imports from a layer above its own, and
there are no import cycles. The layers are recorded in the README's design notes."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import ticker

PACKAGE = Path(ticker.__file__).parent

# Layer of each module (a package's modules share its layer); lower layers know nothing of higher ones.
LAYERS = {
    "ticker.errors": 1, "ticker.records": 1, "ticker.instruments": 1, "ticker.summary": 1,
    "ticker.parser": 1, "ticker.data": 1,
    "ticker.pages": 2, "ticker.db": 2,
    "ticker.ingest": 3, "ticker.preview": 3,
    "ticker.frames": 4, "ticker.analysis": 4,
    "ticker.store": 5,
    "ticker.report": 6,
    "ticker.cli": 7, "ticker.__main__": 7,
    "ticker": 8,  # __init__: the notebook API, on top of everything
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> int:
    while module not in LAYERS:
        if "." not in module:
            raise KeyError(module)
        module = module.rsplit(".", 1)[0]
    return LAYERS[module]


def imports_of(path: Path) -> set[str]:
    """Every ticker module ``path`` imports, anywhere in the file."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            # "from . import pages" imports the module ticker.pages
            found.update(f"{module}.{a.name}" if _is_module(f"{module}.{a.name}") else module for a in node.names)
    return {m for m in found if m == "ticker" or m.startswith("ticker.")}


def _is_module(name: str) -> bool:
    rel = Path(*name.split("."))
    return (PACKAGE.parent / rel).with_suffix(".py").is_file() or (PACKAGE.parent / rel / "__init__.py").is_file()


def _graph() -> dict[str, set[str]]:
    return {_module_name(p): imports_of(p) - {_module_name(p)} for p in sorted(PACKAGE.rglob("*.py"))}


def test_every_module_has_a_layer():
    assert [m for m in _graph() if not _safe_layer(m)] == []


def _safe_layer(module: str) -> int | None:
    try:
        return _layer(module)
    except KeyError:
        return None


def test_no_module_imports_from_a_layer_above_its_own():
    upward = sorted(
        f"{module} (layer {_layer(module)}) imports {target} (layer {_layer(target)})"
        for module, targets in _graph().items()
        for target in targets
        if _layer(target) > _layer(module)
    )
    assert upward == []


def test_no_import_cycles():
    graph = _graph()
    cycles, state = [], {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = "open"
        for target in sorted(graph.get(node, ())):
            if target not in graph:
                continue
            if state.get(target) == "open":
                cycles.append(" -> ".join(stack[stack.index(target):] + [node, target]) if target in stack
                              else f"{node} -> {target}")
            elif target not in state:
                visit(target, [*stack, node])
        state[node] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [])
    assert cycles == []


@pytest.mark.parametrize("source, expected", [
    ("from . import pages\nfrom .db import queries\n", {"ticker.pages", "ticker.db.queries"}),
    ("def f():\n    from .store import Store\n", {"ticker.store"}),
    ("from ..errors import one_line\nimport ticker.cli\n", {"ticker.errors", "ticker.cli"}),
])
def test_the_scan_sees_every_kind_of_import(tmp_path, monkeypatch, source, expected):
    path = PACKAGE / "db" / "_scan_probe.py"
    if "..errors" not in source:
        path = PACKAGE / "_scan_probe.py"
    monkeypatch.setattr(Path, "read_text", lambda self, encoding=None: source)
    assert imports_of(path) == expected
