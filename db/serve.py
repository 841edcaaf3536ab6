"""A read-only Datasette over a boardpapers database, with its metadata and the papers.

The database is opened immutable (``datasette -i``): Datasette never writes to it and
can count rows once. Each record's ``source_url`` opens its paper at its page through
``/papers/<document id>/<file name>`` (db/papers.py): only loaded papers, looked up in the
database, never a folder. Only requests addressed to localhost names are answered unless
``allowed_hosts`` says otherwise (db/hosts.py). Charts come from the datasette-vega plugin,
which bundles its JavaScript (nothing is fetched from a CDN).
"""

from __future__ import annotations

from pathlib import Path

from datasette.app import Datasette
from datasette.plugins import pm

from . import plugin
from .metadata import build_metadata

SETTINGS = {
    # Measured on 100k actions (2,000 papers): the actions page took 3.1 s with facet
    # suggestions and 0.42 s without; the decisions page 214 ms -> 45 ms.
    "suggest_facets": False,
    "default_page_size": 50,
    "sql_time_limit_ms": 3000,
}
TEMPLATES = Path(__file__).parent / "templates"


def make_datasette(
    db_path: str | Path, *, papers_dir: str | Path | None = None, allowed_hosts: list[str] | None = None
) -> Datasette:
    """Datasette configured for boardpapers: what ``serve`` runs and what the tests drive.

    ``papers_dir``: where to look for a paper (by its file name) that is no longer where it
    was loaded from. ``allowed_hosts``: host names answered (default: localhost names only).
    """
    from .hosts import allowed_hosts as default_hosts

    if not pm.has_plugin("boardpapers"):
        pm.register(plugin, name="boardpapers")
    db_path = Path(db_path)
    metadata = build_metadata(db_path.stem)
    metadata["plugins"] = {
        "boardpapers": {
            "papers_dir": str(Path(papers_dir).resolve()) if papers_dir else None,
            "allowed_hosts": list(allowed_hosts) if allowed_hosts else default_hosts(None),
        }
    }
    return Datasette(
        immutables=[str(db_path)],
        metadata=metadata,
        settings=SETTINGS,
        template_dir=str(TEMPLATES) if any(TEMPLATES.glob("*.html")) else None,
    )


def serve(
    db_path: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8001,
    papers_dir: str | Path | None = None,
    allowed_hosts: list[str] | None = None,
) -> None:
    """Start Datasette and block (uvicorn), as ``datasette serve -i DB`` would. Builds of this
    database are refused while it runs (db/guard.py says why)."""
    import uvicorn
    from datasette.cli import check_databases, run_sync

    from .guard import serving

    with serving(db_path):
        ds = make_datasette(db_path, papers_dir=papers_dir, allowed_hosts=allowed_hosts)
        run_sync(ds.invoke_startup)
        run_sync(lambda: check_databases(ds))
        uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on", workers=1)
