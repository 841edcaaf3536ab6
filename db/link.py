"""Storage for the cross-paper step: read the loaded records, write the derived tables.

:func:`read_linkable` reads what :func:`boardpapers.extract.linking.derive.derive_links`
needs, as plain rows; :func:`write_links` replaces the derived tables (``people``,
``person_mentions``, ``person_merges``, ``action_followups``, ``action_status``,
``record_themes``, ``paper_dates``) in one transaction and notes which loaded state they were derived from.
The rules themselves live in ``extract/linking``; the CLI composes the three steps. Rows of
``person_merges`` a user marked ``reviewed = 1`` are read first so their decision is kept.
"""

from __future__ import annotations

from sqlite_utils import Database

from .link_schema import LINK_TABLES
from .load import loaded_fingerprint, write_lock

# One query per input of the link step; each gives a list of plain dicts.
LINKABLE_QUERIES = {
    "documents": "select id, place, body, doc_type, date, year from documents",
    "attendees": "select * from attendees",
    "witnesses": "select * from witnesses",
    "action_owners": "select a.*, o.owner as one_owner from action_owners o join actions a on a.id = o.action_id",
    "owned_indicators": "select * from indicators where owner is not null",
    "led_priorities": "select * from priorities where lead is not null",
    "actions": "select * from actions",
    "decisions": "select d.*, doc.date as doc_date, doc.body as doc_body from decisions d "
    "join documents doc on doc.id = d.document_id",
    "items": "select i.*, doc.date, doc.body from items i join documents doc on doc.id = i.document_id",
    "progress": "select p.*, doc.date, doc.body from progress p join documents doc on doc.id = p.document_id",
    "priorities": "select * from priorities",
    "indicators": "select * from indicators",
}


def _rows(db: Database, sql: str, params=()) -> list[dict]:
    cur = db.execute(sql, params)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def read_linkable(db: Database) -> dict[str, list[dict]]:
    """The loaded records the link step reads, by input name, plus the user's reviewed merges."""
    rows = {name: _rows(db, sql) for name, sql in LINKABLE_QUERIES.items()}
    rows["reviewed_merges"] = (
        _rows(db, "select * from person_merges where reviewed = 1") if db["person_merges"].exists() else []
    )
    return rows


def write_links(db: Database, tables: dict[str, list[dict]]) -> None:
    """Replace every derived table with ``tables`` in one transaction."""
    with write_lock(db):
        for table, rows in tables.items():
            db.execute(f"delete from [{table}]")
            cols = LINK_TABLES[table][0]
            db[table].insert_all(({c: r.get(c) for c in cols} for r in rows), batch_size=500)
        db["_link_state"].insert({"id": 1, "fingerprint": loaded_fingerprint(db)}, pk="id", replace=True)
