"""Security (issue 8): the site is read-only and local by default; no SQL is built from
document text."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from click.testing import CliRunner

from boardpapers.db import serve as serve_module
from boardpapers.db.load import open_db
from boardpapers.extract.cli import main

DB = Path(__file__).resolve().parents[1] / "db"


@pytest.fixture()
def served(tmp_path, monkeypatch):
    """Run ``boardpapers serve`` with uvicorn replaced: what would it have served, and where?"""
    import uvicorn

    db_path = tmp_path / "site.db"
    open_db(db_path).close()
    seen: dict = {}
    real = serve_module.make_datasette

    def spy(*args, **kwargs):
        seen["ds"] = real(*args, **kwargs)
        return seen["ds"]

    monkeypatch.setattr(serve_module, "make_datasette", spy)
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: seen.update(kwargs))

    def serve(*args: str):
        result = CliRunner().invoke(main, ["serve", str(db_path), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return seen

    return serve


def test_serve_is_local_and_read_only_by_default(served):
    seen = served()
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8001
    (db,) = [d for name, d in seen["ds"].databases.items() if not name.startswith("_")]
    assert db.is_mutable is False  # opened immutable (datasette -i): no writes, no locks


def test_serve_binds_elsewhere_only_when_asked(served):
    assert served("--host", "0.0.0.0", "-p", "9000")["host"] == "0.0.0.0"


# Names that may be interpolated into SQL: tables and columns of our own schema, constants.
ALLOWED_IN_SQL = {
    "table",
    "BUSY_TIMEOUT_MS",
    "OPEN",
    "', '.join((f'[{c}]' for c in columns))",
    "', '.join(('?' for _ in columns))",
    "c",
    "', '.join((repr(s) for s in OPEN_STATUSES_EXCLUDED))",
    # schema.fts_statements: quoted schema names, and the trigger bodies made of them
    "_q(table)",
    "_q(table + '_fts')",
    "_q(table + '_ai')",
    "_q(table + '_ad')",
    "_q(table + '_au')",
    "fts",
    "cols",
    "old",
    "new",
    "insert",
    "delete",
    "MMAP_BYTES",
    "FULL_PERIOD",
    "LATEST_ORDER",
}  # link_schema: SQL expressions of the compare queries
SQL_WORDS = ("select ", "insert ", "delete ", "update ", "pragma ", " where ", " from ")


def test_no_sql_is_built_from_values():
    """Every f-string that reads as SQL interpolates only schema names and constants; values
    from documents go in as ``?`` or ``:name`` parameters."""
    found = []
    for path in sorted(DB.glob("*.py")):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if not isinstance(node, ast.JoinedStr):
                continue
            literal = "".join(v.value for v in node.values if isinstance(v, ast.Constant)).lower()
            if not any(w in literal for w in SQL_WORDS):
                continue
            for value in node.values:
                if isinstance(value, ast.FormattedValue):
                    found.append((path.name, node.lineno, ast.unparse(value.value)))
    unsafe = [f for f in found if f[2] not in ALLOWED_IN_SQL]
    assert found and not unsafe, unsafe
