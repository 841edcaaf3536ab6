"""Where ``serve`` serves a loaded paper: one rule for the loader and the schema migration."""

from __future__ import annotations

from urllib.parse import quote


def paper_url(document_id: str, papers_file: str | None, page: int | None) -> str | None:
    """Where ``serve`` serves the paper, opened at a page: ``/papers/<document id>/<file name>``.

    The paper is found by its document id in the database (db/papers.py), never by a path
    under a served folder: same-named papers from two folders each get their own link, and
    nothing but loaded papers can be fetched (issue 14). The file name is for the reader
    and for the name a browser saves it under, escaped so spaces and accents make valid links.
    """
    if not papers_file:
        return None
    url = f"/papers/{document_id}/{quote(papers_file, safe='')}"
    return f"{url}#page={page}" if page else url
