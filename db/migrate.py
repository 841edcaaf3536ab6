"""Bring a database written by an earlier version up to the current schema, in place.

Called by :func:`boardpapers.db.schema.ensure_schema` (inside its write lock) when the stored
schema version is older. Papers are not re-read: only what the schema itself changed.
"""

from __future__ import annotations

from sqlite_utils import Database

from .urls import paper_url


def add_missing_columns(db: Database, specs) -> None:
    """Columns a newer schema added to an existing table (e.g. ``runs.duplicates``)."""
    for spec in specs:
        if not db[spec.name].exists():
            continue
        have = set(db[spec.name].columns_dict)
        for name, typ in spec.columns.items():
            if name not in have:
                db[spec.name].add_column(name, typ)


def papers_by_id(db: Database) -> None:
    """Schema 4 (issue 14): links to papers are ``/papers/<document id>/<file name>``, served
    from the database, instead of ``/papers/<file name>`` under a static folder. Every stored
    ``source_url`` is rewritten from its document; the link tables copy them, so they are
    marked stale and the next ``build`` or ``link`` makes them again."""
    if not db["documents"].exists():
        return
    docs = [(r[0], paper_url(r[0], r[1], None)) for r in db.execute("select id, papers_file from documents")]
    for table in db.table_names():
        columns = set(db[table].columns_dict)
        if not {"document_id", "source_url"} <= columns or table.endswith("_fts") or "_fts_" in table:
            continue
        with_page = "page" in columns
        for document_id, base in docs:
            if with_page:
                db.execute(
                    f"update [{table}] set source_url = ? || coalesce('#page=' || page, '') where document_id = ?",
                    [base, document_id],
                )
            else:
                db.execute(f"update [{table}] set source_url = ? where document_id = ?", [base, document_id])
    for document_id, base in docs:
        db.execute("update documents set source_url = ? where id = ?", [base, document_id])
    if db["_link_state"].exists():
        db.execute("delete from _link_state")
