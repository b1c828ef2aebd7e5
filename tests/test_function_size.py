"""No function or method in sew_desktop is longer than 40 lines, from its ``def`` to its last line (decorators not
counted), except those listed in :data:`ALLOWED` with the reason each stays long. The aim is a median of ~10 lines
(ARCHITECTURE.md); the limit only stops the outliers. The list only shrinks: an entry whose function was split,
renamed or moved fails the test until it is removed."""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "sew_desktop"
MAX_LINES = 40

# "module:qualname" (qualname as Python spells it: Class.method, outer.<locals>.inner) -> why it stays long.
ALLOWED: dict[str, str] = {}  # none left: every function of the package fits

Function = ast.FunctionDef | ast.AsyncFunctionDef


def _functions(node: ast.AST, prefix: str = "") -> Iterator[tuple[str, Function]]:
    """Every function under ``node`` with its qualified name, nested ones and methods included."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            yield prefix + child.name, child
            yield from _functions(child, f"{prefix}{child.name}.<locals>.")
        elif isinstance(child, ast.ClassDef):
            yield from _functions(child, f"{prefix}{child.name}.")
        else:  # an if, a try or a with around a definition
            yield from _functions(child, prefix)


def function_lengths(root: Path) -> dict[str, int]:
    """Lines from ``def`` to the last line of every function in the ``.py`` files under ``root``."""
    lengths: dict[str, int] = {}
    for path in sorted(root.rglob("*.py")):
        module = ".".join(path.relative_to(root.parent).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for name, function in _functions(tree):
            lengths[f"{module}:{name}"] = (function.end_lineno or function.lineno) - function.lineno + 1
    return lengths


def too_long(lengths: Mapping[str, int], allowed: Mapping[str, str]) -> dict[str, int]:
    """The functions over the limit that the allowlist does not name."""
    return {name: lines for name, lines in lengths.items() if lines > MAX_LINES and name not in allowed}


def test_no_function_is_longer_than_the_limit() -> None:
    found = too_long(function_lengths(PACKAGE), ALLOWED)
    listed = ", ".join(f"{name} ({lines})" for name, lines in sorted(found.items()))
    assert not found, f"over {MAX_LINES} lines (split each into functions that say what its parts do): {listed}"


def test_every_allowed_function_exists_and_is_still_long() -> None:
    lengths = function_lengths(PACKAGE)
    stale = [name for name in ALLOWED if lengths.get(name, 0) <= MAX_LINES]
    assert not stale, f"split, renamed or moved: remove from ALLOWED: {', '.join(stale)}"


def test_each_allowed_function_fails_without_its_entry() -> None:
    lengths = function_lengths(PACKAGE)
    for name in ALLOWED:
        rest = {other: why for other, why in ALLOWED.items() if other != name}
        assert name in too_long(lengths, rest), name


def test_lengths_count_from_def_to_the_last_line(tmp_path: Path) -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(MAX_LINES - 1))  # with its def: exactly the limit
    source = (
        f"@decorator\ndef fits():\n{body}\n"
        f"class Shape:\n    def grows(self):\n{body.replace('    ', '        ')}        return x0\n\n"
        f"def outer():\n    def inner():\n{body.replace('    ', '        ')}        return x0\n    return inner\n"
    )
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "mod.py").write_text(source, encoding="utf-8")
    lengths = function_lengths(package)
    assert lengths["pkg.mod:fits"] == MAX_LINES
    assert lengths["pkg.mod:Shape.grows"] == MAX_LINES + 1
    assert lengths["pkg.mod:outer.<locals>.inner"] == MAX_LINES + 1
    assert too_long(lengths, {}) == {"pkg.mod:Shape.grows": 41, "pkg.mod:outer": 43, "pkg.mod:outer.<locals>.inner": 41}
