"""No SQL runs outside ``sew_desktop/store``: no module above the store calls a method that executes SQL text.

import-linter keeps ``sqlite3`` and ``sqlite_utils`` imports out of the other layers, but a connection handed out
by the store would still run SQL wherever it travels; this test reads the code itself. It flags calls of an
attribute with the name of sqlite3's and sqlite-utils' SQL-running methods (``conn.execute(...)``,
``db.query(...)``), whatever the object: the name is the risk, so a new method of ours with such a name outside
the store is refused too. Nothing else is flagged: a plain function, a keyword argument or a variable named
``query``, Qt's ``exec()``, text in strings. At the time of writing no module outside the store (``ui`` included)
calls any of these names for another purpose, so there is no list of exceptions.
"""

from __future__ import annotations

import ast
from pathlib import Path

import sew_desktop

SQL_METHODS = frozenset({"execute", "executemany", "executescript", "query"})
PACKAGE = Path(sew_desktop.__file__).parent
STORE = PACKAGE / "store"


def sql_calls(source: str) -> list[tuple[int, str]]:
    """(line, call) of every call of an attribute named like a method that runs SQL."""
    return sorted((node.lineno, ast.unparse(node.func)) for node in ast.walk(ast.parse(source))
                  if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and node.func.attr in SQL_METHODS)


def modules_outside_the_store() -> list[Path]:
    """Every module of the package except those under ``store/``."""
    return sorted(path for path in PACKAGE.rglob("*.py") if STORE not in path.parents)


def test_no_sql_runs_outside_the_store() -> None:
    found = [f"{path.relative_to(PACKAGE.parent)}:{line}: {call}(...)"
             for path in modules_outside_the_store() for line, call in sql_calls(path.read_text(encoding="utf-8"))]
    assert found == [], "SQL belongs in sew_desktop/store (a function named for what it returns):\n" + "\n".join(found)


def test_the_walk_covers_every_layer_but_the_store() -> None:
    folders = {path.relative_to(PACKAGE).parts[0] for path in modules_outside_the_store()}
    assert {"ui", "services", "cli", "domain", "app.py"} <= folders
    assert "store" not in folders


def test_the_check_finds_sql_calls() -> None:
    source = """
rows = repository.database.execute("SELECT 1").fetchall()
reader.conn.executemany("DELETE FROM t WHERE id = ?", ids)
conn.executescript("DROP TABLE t")
found = db.query("SELECT * FROM region")
"""
    assert [call for _, call in sql_calls(source)] == [
        "repository.database.execute", "reader.conn.executemany", "conn.executescript", "db.query"]


def test_the_check_leaves_other_code_alone() -> None:
    source = """
dialog.exec()
menu.exec(point)
query = "SELECT * FROM region"
search(query=query)
text = model.query
execute(plan)
label = "db.execute(...)"
def execute(self) -> None: ...
"""
    assert sql_calls(source) == []
