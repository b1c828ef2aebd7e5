"""The package has no import cycles, between modules or between folders, type-only imports included (import-linter
checks the layers)."""

from __future__ import annotations

from typing import ClassVar

import grimp


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[list[str]] = []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                elif child in on_stack:
                    low[module] = min(low[module], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[module])
            if low[module] == index[module]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == module:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return groups


def test_no_import_cycles() -> None:
    assert _cycles(grimp.build_graph("sew_desktop")) == []


class FolderGraph:
    """The imports between folders (packages): a module belongs to its folder. A package's ``__init__`` is a node
    of its own: importing ``sew_desktop`` for its version loads that file only, not the composition root beside it."""

    def __init__(self, graph: grimp.ImportGraph, packages: set[str]) -> None:
        self._packages = packages
        self.edges: dict[str, set[str]] = {}
        for module in graph.modules:
            source = self.folder(module)
            targets = {self.folder(imported) for imported in graph.find_modules_directly_imported_by(module)}
            self.edges.setdefault(source, set()).update(targets - {source})
        self.modules = set(self.edges)

    def folder(self, module: str) -> str:
        return f"{module}.__init__" if module in self._packages else module.rpartition(".")[0]

    def find_modules_directly_imported_by(self, module: str) -> set[str]:
        return self.edges.get(module, set())


def packages_of(root: str) -> set[str]:
    """The dotted names of every package under ``root``."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec(root)
    assert spec is not None and spec.submodule_search_locations is not None
    base = Path(next(iter(spec.submodule_search_locations)))
    return {".".join((root, *init.parent.relative_to(base).parts)) for init in base.rglob("__init__.py")}


def test_no_folder_imports_another_round_a_loop() -> None:
    graph = grimp.build_graph("sew_desktop")
    folders = FolderGraph(graph, packages_of("sew_desktop"))
    assert {"sew_desktop.ui.core", "sew_desktop.ui.features.map", "sew_desktop.domain"} <= folders.modules
    assert _cycles(folders) == []  # type: ignore[arg-type]


def test_a_folder_loop_would_be_found() -> None:
    class Graph:
        modules: ClassVar[set[str]] = {"p.a", "p.b", "p.b.c", "q.d"}

        @staticmethod
        def find_modules_directly_imported_by(module: str) -> set[str]:
            return {"p.a": {"p.b.c"}, "p.b.c": {"q.d"}, "q.d": {"p.a"}, "p.b": set()}[module]

    folders = FolderGraph(Graph(), {"p", "p.b", "q"})  # type: ignore[arg-type]
    assert _cycles(folders) == [["p", "p.b", "q"]]  # type: ignore[arg-type]  # p.a -> p.b.c -> q.d -> p.a


def test_a_cycle_would_be_found() -> None:
    class Graph:
        modules: ClassVar[set[str]] = {"a", "b", "c"}

        @staticmethod
        def find_modules_directly_imported_by(module: str) -> set[str]:
            return {"a": {"b"}, "b": {"a", "c"}, "c": set()}[module]

    assert _cycles(Graph()) == [["a", "b"]]  # type: ignore[arg-type]
