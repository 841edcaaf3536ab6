"""A small Datasette plugin: every ``source_url`` cell becomes a link to the record in its paper
(db/front.py: the cited lines highlighted, or the page image with the record's box), owners and
people link to their person page and papers of meetings to their meeting page, JSON lists show as
lists, ``/papers/<document id>/...`` serves the loaded papers (db/papers.py), the front door's pages
are routes here (db/front.py), requests for foreign host names are refused (db/hosts.py), and each
read connection maps the database file into memory.

Registered by :func:`boardpapers.db.serve.make_datasette` (not through an entry point,
so a plain ``datasette`` run on other databases is untouched).
"""

from __future__ import annotations

import json

from datasette import hookimpl
from datasette.utils import escape_fts
from markupsafe import Markup, escape

from . import front
from .hosts import allowed_hosts, host_guard
from .metadata import HASH_COLUMNS, INTERNAL_COLUMNS, LABEL_COLUMNS
from .papers import ANYTHING_ELSE, ROUTE, no_such_paper, serve_paper

# Reads through a memory map instead of read() calls into SQLite's page cache. Measured on
# the 1M-row benchmark database (benchmarks/bench.py): full-text search p95 122 ms -> 63 ms.
# A bigger page cache (cache_size) did not help; the map is address space shared with the
# OS file cache, not memory of our own. The database is served immutable, so it never
# changes under the map.
MMAP_BYTES = 1 << 30


def tune_read_connection(conn) -> None:
    """What every connection that serves a boardpapers database runs first."""
    conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")


def search_words(words) -> str:
    """What a search box's words become in ``MATCH``: each word quoted (Datasette's escape_fts, so
    quotes and operators typed are no syntax error), and an empty box the empty phrase, which
    matches nothing instead of failing (issue 19: the queries opened with ``fts5: syntax error``)."""
    return escape_fts(str(words or "")) or '""'


@hookimpl
def prepare_connection(conn):
    tune_read_connection(conn)
    conn.create_function("search_words", 1, search_words, deterministic=True)


def _get(row, column: str):
    """A column of the row, if it has one (an expanded foreign key gives its value)."""
    try:
        value = row[column]
    except (IndexError, KeyError, TypeError):
        return None
    return value.get("value") if isinstance(value, dict) else value


# Columns holding a person's name, post or group: each links to the person page (or the people
# of that name). Lists of names (JSON) link each name.
_NAME_COLUMNS = {"owner", "owners", "lead", "as_written"}
_PERSON_TABLES = {"people", "person_mentions"}
_MEETING_TYPES = {"minutes", "agenda_pack"}


async def _documents(datasette, database: str) -> dict[str, tuple[str, str]]:
    """Title and type of every paper, read once per served database (it is immutable)."""
    cache = datasette.__dict__.setdefault("_boardpapers_documents", {})
    if database not in cache:
        try:
            result = await datasette.get_database(database).execute("select id, title, doc_type from documents")
            cache[database] = {r[0]: (r[1] or r[0], r[2] or "") for r in result.rows}
        except Exception:  # noqa: BLE001 - not a boardpapers database
            cache[database] = {}
    return cache[database]


def _json_list(value):
    if not (isinstance(value, str) and value.startswith("[") and value.endswith("]")):
        return None
    try:
        items = json.loads(value)
    except ValueError:
        return None
    return items if isinstance(items, list) and all(isinstance(i, str) for i in items) else None


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if column == "source_url" and isinstance(value, str) and value.startswith("/papers/"):
        href = front.source_view_url(datasette, value, _get(row, "lines"), _get(row, "box"))
        return Markup('<a href="{}">{}</a>').format(href or datasette.urls.path(value), front.source_label(value))
    if column == "document_id" or (column == "id" and table == "documents"):
        document_id = value.get("value") if isinstance(value, dict) else value
        if isinstance(document_id, str):
            return _document_link(datasette, database, document_id)
        return None
    if column in ("person_id", "name") and table in _PERSON_TABLES | {None} and _get(row, "person_id"):
        person_id = _get(row, "person_id")
        label = _get(row, "name") or person_id
        if column == "person_id" and isinstance(value, dict):
            label = value.get("label") or label
        return Markup('<a href="{}">{}</a>').format(front.person_url(datasette, person_id), label)
    items = _json_list(value)
    if items is not None:
        if column in _NAME_COLUMNS:
            return Markup("; ").join(front.owners_links(datasette, i) for i in items)
        return Markup("; ").join(escape(i) for i in items) if items else Markup("&nbsp;")
    if column in _NAME_COLUMNS and isinstance(value, str) and value.strip() and table != "person_merges":
        return front.owners_links(datasette, value)
    if column == "name" and table == "attendees" and isinstance(value, str):
        return Markup('<a href="{}">{}</a>').format(front.person_by_name_url(datasette, value), value)
    return None


def _document_link(datasette, database: str, document_id: str):
    async def inner():
        title, doc_type = (await _documents(datasette, database)).get(document_id, (None, None))
        if title is None:
            return None
        if doc_type in _MEETING_TYPES:
            return Markup('<a href="{}" title="the meeting: attendance, items, decisions, actions">{}</a>').format(
                front.meeting_url(datasette, document_id), title
            )
        return Markup('<a href="{}">{}</a>').format(datasette.urls.row(database, "documents", document_id), title)

    return inner


@hookimpl
def register_routes():
    return [*front.ROUTES, (ROUTE, serve_paper), (ANYTHING_ELSE, no_such_paper)]


@hookimpl
def extra_template_vars(template, database, table, datasette, request):
    if template == "table.html" or (template or "").startswith("table-"):
        # The default table view leaves out how a record was made (parser, box, lines ...); the
        # row page, the JSON and the CSV keep every column.
        return {"bp_internal": INTERNAL_COLUMNS, "bp_hash_columns": HASH_COLUMNS}
    if template == "index.html":
        return _home_vars(datasette)
    if template == "row.html" and table in LABEL_COLUMNS:
        return _row_label(datasette, database, table, request)
    return None


# The label of one record, by its key: table and column names are this module's constants.
_ROW_LABEL_SQL = {
    table: "select ["
    + column
    + "] from ["
    + table
    + "] where ["
    + ("person_id" if table == "people" else "id")
    + "] = ?"
    for table, column in LABEL_COLUMNS.items()
}


def _row_label(datasette, database: str, table: str, request):
    """The record's label (its text, title or name) for the row page's title and heading."""

    async def inner():
        from datasette.utils import tilde_decode, urlsafe_components

        try:
            key = urlsafe_components(request.url_vars["pks"])[0]
            result = await datasette.get_database(database).execute(_ROW_LABEL_SQL[table], [tilde_decode(key)])
            row = result.first()
            return {"bp_row_label": str(row[0]) if row and row[0] else None}
        except Exception:  # noqa: BLE001 - no label: the page shows the id as Datasette does
            return {}

    return inner


def _home_vars(datasette):
    async def inner():
        db = front.served_database(datasette)
        if db is None:
            return {}

        async def rows(sql):
            try:
                return [dict(r) for r in (await db.execute(sql)).rows]
            except Exception:  # noqa: BLE001 - an older database: the journey shows no examples
                return []

        return {
            "bp_database": db.name,
            "bp_themes": await rows(
                "select theme_label as label, count(distinct place) as places, count(*) as records "
                "from record_themes group by theme_label order by count(distinct place) desc, count(*) desc"
            ),
            "bp_people": await rows(
                "select p.person_id, p.name, count(*) as actions from person_mentions m join people p "
                "on p.person_id = m.person_id where m.role = 'action owner' group by p.person_id "
                "order by count(*) desc, p.name limit 8"
            ),
            "bp_counts": (
                await rows(
                    "select (select count(*) from documents) as papers, (select count(*) from decisions) as decisions, "
                    "(select count(*) from actions) as actions, (select count(*) from indicators) as indicators"
                )
                or [{}]
            )[0],
        }

    return inner


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


# A query's description links an example chart ("?theme=domestic+abuse#g.mark=bar..."); once the
# form has been filled in, the link charts the rows on the page instead of the example's.
_CHART_THESE_ROWS = """
if (location.search) {
  document.querySelectorAll('.metadata-description a[href^="?"][href*="#g."]').forEach(function (a) {
    a.setAttribute("href", location.search + a.getAttribute("href").slice(a.getAttribute("href").indexOf("#")));
  });
}
"""


@hookimpl
def extra_body_script(template, datasette):
    if template in ("table.html", "row.html") or (template or "").startswith("table-"):
        return _FOLD_DESCRIPTIONS
    if template == "query.html" or (template or "").startswith("query-"):
        return _FOLD_DESCRIPTIONS + _CHART_THESE_ROWS
    return None
