"""A small Datasette plugin: every ``source_url`` cell becomes a link to the paper at its page,
``/papers/<document id>/...`` serves the loaded papers (db/papers.py), requests for foreign
host names are refused (db/hosts.py), and each read connection maps the database file into memory.

Registered by :func:`boardpapers.db.serve.make_datasette` (not through an entry point,
so a plain ``datasette`` run on other databases is untouched).
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from datasette import hookimpl
from markupsafe import Markup, escape

from .hosts import allowed_hosts, host_guard
from .papers import ANYTHING_ELSE, ROUTE, no_such_paper, serve_paper

_PAGE = re.compile(r"#page=(\d+)$")


# Reads through a memory map instead of read() calls into SQLite's page cache. Measured on
# the 1M-row benchmark database (benchmarks/bench.py): full-text search p95 122 ms -> 63 ms.
# A bigger page cache (cache_size) did not help; the map is address space shared with the
# OS file cache, not memory of our own. The database is served immutable, so it never
# changes under the map.
MMAP_BYTES = 1 << 30


def tune_read_connection(conn) -> None:
    """What every connection that serves a boardpapers database runs first."""
    conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")


@hookimpl
def prepare_connection(conn):
    tune_read_connection(conn)


@hookimpl
def render_cell(value, column, datasette):
    if column != "source_url" or not isinstance(value, str) or not value.startswith("/papers/"):
        return None
    page = _PAGE.search(value)
    name = unquote(value.split("/")[-1].split("#")[0])
    label = f"{name}, page {page.group(1)}" if page else name
    href = datasette.urls.path(value.lstrip("/"))
    return Markup(f'<a href="{escape(href)}">{escape(label)}</a>')


@hookimpl
def register_routes():
    return [(ROUTE, serve_paper), (ANYTHING_ELSE, no_such_paper)]


@hookimpl
def asgi_wrapper(datasette):
    config = datasette.plugin_config("boardpapers") or {}
    allowed = config.get("allowed_hosts") or allowed_hosts(None)
    return lambda app: host_guard(app, allowed)


# Datasette 0.65 lists every column description above a table's rows, which on our wide
# tables pushes the search results below the fold. Fold the list into a <details>; the
# descriptions stay one click away (and in each column's menu). Without JS nothing changes.
_FOLD_DESCRIPTIONS = """
document.querySelectorAll("dl.column-descriptions").forEach(function (dl) {
  var details = document.createElement("details");
  details.className = "column-descriptions-fold";
  var summary = document.createElement("summary");
  summary.textContent = "About these columns (" + dl.querySelectorAll("dt").length + ")";
  dl.parentNode.insertBefore(details, dl);
  details.appendChild(summary);
  details.appendChild(dl);
});
"""


@hookimpl
def extra_body_script(template, datasette):
    if template in ("table.html", "query.html", "row.html") or (template or "").startswith("table-"):
        return _FOLD_DESCRIPTIONS
    return None
