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
