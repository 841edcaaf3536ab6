"""A small Datasette plugin: every ``source_url`` cell becomes a link to the paper at its page.

Registered by :func:`boardpapers.db.serve.make_datasette` (not through an entry point,
so a plain ``datasette`` run on other databases is untouched).
"""
from __future__ import annotations

import re

from datasette import hookimpl
from markupsafe import Markup, escape

_PAGE = re.compile(r"#page=(\d+)$")


@hookimpl
def render_cell(value, column, datasette):
    if column != "source_url" or not isinstance(value, str) or not value.startswith("/papers/"):
        return None
    page = _PAGE.search(value)
    name = value.split("/")[-1].split("#")[0]
    label = f"{name}, page {page.group(1)}" if page else name
    href = datasette.urls.path(value.lstrip("/"))
    return Markup(f'<a href="{escape(href)}">{escape(label)}</a>')


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
