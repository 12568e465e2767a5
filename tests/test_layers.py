"""The layers of `STYLE.md` §6, held from the import graph of `src/rasd` (every import, even in functions).

An edge A -> B means module A names module B in an `import` or `from ... import` anywhere in its source,
including inside functions and under `TYPE_CHECKING`: a layer is a rule about what a module may know, not
only about what runs at import time. `from rasd.pkg import name` is an edge to `rasd.pkg.name` when that
is a module, else to `rasd.pkg` itself. A string literal that is exactly a module's name, optionally
followed by `:attribute` (the stage registry of `rasd.pipeline`, the command list of `rasd.cli.main`),
is an edge too: those modules are imported with `importlib`.
"""
from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "rasd"

# Offline code: builds the shipped tables and models, scores them; nothing at run time imports it.
OFFLINE = ("rasd.training", "rasd.eval")
# The thin command line on top of everything.
FRONT = ("rasd.cli", "rasd.__main__")
# "rasd.pkg.module" or "rasd.pkg.module:attribute" (not an id such as "rasd:org:isis")
_REGISTRY_NAME = re.compile(r"^(rasd(?:\.\w+)+)(?::\w+)?$")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve_relative(module: str, is_package: bool, level: int, target: str | None) -> str:
    base = module.split(".") if is_package else module.split(".")[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join(base + ([target] if target else []))


def _imports(module: str, path: Path) -> set[str]:
    """The rasd modules that `module` imports (anywhere in its source)."""
    modules = _modules()
    is_package = path.name == "__init__.py"
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            m = _REGISTRY_NAME.match(node.value)
            names = [m.group(1)] if m and m.group(1) in modules else []
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = (_resolve_relative(module, is_package, node.level, node.module) if node.level
                    else node.module or "")
            names = []
            for a in node.names:
                sub = f"{base}.{a.name}"
                names.append(sub if sub in modules else base)
        else:
            continue
        for name in names:
            if name == "rasd" or name.startswith("rasd."):
                # `import rasd.a.b` where rasd.a.b is a module, or the closest enclosing module
                while name not in modules and "." in name:
                    name = name.rsplit(".", 1)[0]
                if name != module:
                    out.add(name)
    return out


@cache
def graph() -> dict[str, frozenset[str]]:
    return {m: frozenset(_imports(m, p)) for m, p in _modules().items()}


def _in(module: str, packages: Iterable[str]) -> bool:
    """Whether `module` is one of `packages` or inside one of them."""
    return any(module == p or module.startswith(p + ".") for p in packages)


def _within(*packages: str) -> set[str]:
    return {m for m in graph() if _in(m, packages)}


def _edges(importers: Iterable[str], imported: Iterable[str]) -> list[str]:
    """The edges `a -> b` from a module in `importers` to a module in `imported` (exact module names)."""
    src, dst = set(importers), set(imported)
    return sorted(f"{a} -> {b}" for a in src for b in graph()[a] if b in dst)


def find_cycle(g: dict[str, frozenset[str]]) -> list[str] | None:
    """One import cycle as a path `[a, b, ..., a]`, or None (iterative DFS, modules in sorted order)."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    for root in sorted(g):
        if root in state:
            continue
        path = [root]
        stack = [iter(sorted(g[root]))]
        state[root] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            elif nxt not in state and nxt in g:
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(sorted(g[nxt])))
    return None


def test_the_graph_sees_the_package() -> None:
    """The parser finds top-level imports, imports inside functions and registry strings."""
    g = graph()
    assert "rasd.model" in g["rasd.pipeline"]
    assert "rasd.extract.quotes" in g["rasd.pipeline"]  # a "module:attribute" in the stage registry
    assert "rasd.cli.extract" in g["rasd.cli.main"]  # a command module named in COMMAND_MODULES
    assert "rasd.extract.events.classifier" in g["rasd.cli.events"]  # imported inside run_eval


@pytest.mark.parametrize(("module", "is_package", "level", "target", "expected"), [
    ("rasd.extract.counts", False, 1, "count_attach", "rasd.extract.count_attach"),  # from .count_attach
    ("rasd.extract.events", True, 1, "stage", "rasd.extract.events.stage"),  # in events/__init__.py
    ("rasd.extract.events.stage", False, 2, "quotes", "rasd.extract.quotes"),  # from ..quotes
    ("rasd.geo.places", False, 1, None, "rasd.geo"),  # from . import x
])
def test_relative_imports_resolve(module: str, is_package: bool, level: int, target: str | None,
                                  expected: str) -> None:
    assert _resolve_relative(module, is_package, level, target) == expected


@pytest.mark.parametrize(("g", "cycle"), [
    ({"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"})}, ["a", "b", "c", "a"]),
    ({"a": frozenset({"b"}), "b": frozenset(), "c": frozenset({"a", "b"})}, None),
    ({"a": frozenset({"a"})}, ["a", "a"]),
    ({"a": frozenset({"b", "c"}), "b": frozenset({"d"}), "c": frozenset({"d"}), "d": frozenset({"c"})},
     ["d", "c", "d"]),
])
def test_find_cycle(g: dict[str, frozenset[str]], cycle: list[str] | None) -> None:
    assert find_cycle(g) == cycle


def test_no_import_cycles() -> None:
    cycle = find_cycle(graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_text_never_imports_readers() -> None:
    assert _edges(_within("rasd.text"), _within("rasd.readers")) == []


def test_readers_and_text_never_import_stages() -> None:
    """Reading and the text layer sit below the stages: they never import `extract` or `geo`."""
    assert _edges(_within("rasd.readers", "rasd.text"), _within("rasd.extract", "rasd.geo")) == []


def test_runtime_never_imports_offline_code_or_the_cli() -> None:
    """Nothing that runs in `rasd extract` imports `rasd.training`, `rasd.eval` or `rasd.cli`."""
    offline_or_front = _within(*OFFLINE, *FRONT)
    runtime = set(graph()) - offline_or_front
    assert _edges(runtime, offline_or_front) == []


def test_only_main_imports_the_cli() -> None:
    cli = _within("rasd.cli")
    assert _edges(set(graph()) - cli - {"rasd.__main__"}, cli) == []


def test_language_data_imports_no_algorithm() -> None:
    """`rasd.lang` holds tables and their compiled patterns (STYLE §4): it imports only `rasd.lang`."""
    lang = _within("rasd.lang")
    assert _edges(lang, set(graph()) - lang) == []


def test_records_and_errors_sit_at_the_bottom() -> None:
    """The record model and the error classes import nothing but each other and language data."""
    bottom = {"rasd.model", "rasd.errors"}
    assert _edges(bottom, set(graph()) - bottom - _within("rasd.lang")) == []


def test_stages_never_import_the_pipeline_or_the_api() -> None:
    """Stages are plain callables; the pipeline and the public API compose them, never the reverse."""
    stages = _within("rasd.readers", "rasd.text", "rasd.geo", "rasd.extract", "rasd.lang")
    assert _edges(stages, {"rasd", "rasd.pipeline", "rasd.api"}) == []


def test_build_and_evaluation_code_is_offline() -> None:
    """Gazetteer building, GSR reading, event scoring and CoNLL scoring live in training/ or eval/."""
    moved = ["rasd.geo.build", "rasd.extract.events.gsr", "rasd.extract.events.evaluate",
             "rasd.extract.ner.conll"]
    assert [m for m in moved if m in graph()] == []
