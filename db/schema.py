"""Table definitions, indexes, full-text search and the views behind the three journeys.

The record tables are generated from the Pydantic models in ``boardpapers.schemas.records``:
one column per model field (lists, dicts and boxes as JSON text), plus the provenance
columns every record table shares. Column descriptions come from the same models
(see :mod:`boardpapers.db.metadata`), so the schema and its documentation cannot drift.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field

from pydantic import BaseModel
from sqlite_utils import Database

from boardpapers.schemas.records import (
    Action,
    Attendee,
    Conclusion,
    Decision,
    Figure,
    Indicator,
    IndicatorValue,
    Item,
    Meeting,
    Priority,
    Problem,
    Progress,
    Record,
    Section,
    TableRecord,
    Witness,
)

from .link_schema import LINK_INDEXES, LINK_VIEWS, OPEN, link_specs

SCHEMA_VERSION = 6  # 2: the link step's tables and views (db/link_schema.py); 3: table_cells a view;
# 4: papers linked by document id (/papers/<id>/<file>), runs count duplicates and skipped files
# 5: paper_dates and theme_aliases; progress cites the earlier minute; open_actions reads the link step's status
# 6: origin_url (a fetched paper's web address) and ocr (read from OCR text) on documents and records

# Record table -> (model, Extraction attribute). Order is load order and delete order.
RECORD_TABLES: dict[str, tuple[type[Record], str]] = {
    "meetings": (Meeting, "meeting"),
    "sections": (Section, "sections"),
    "items": (Item, "items"),
    "attendees": (Attendee, "attendees"),
    "decisions": (Decision, "decisions"),
    "actions": (Action, "actions"),
    "indicators": (Indicator, "indicators"),
    "tables": (TableRecord, "tables"),
    "figures": (Figure, "figures"),
    "priorities": (Priority, "priorities"),
    "progress": (Progress, "progress"),
    "conclusions": (Conclusion, "conclusions"),
    "witnesses": (Witness, "witnesses"),
    "problems": (Problem, "problems"),
}

# Columns every record table has, from the record's provenance and its document.
PROVENANCE_COLUMNS: dict[str, type] = {
    "document_id": str,
    "page": int,
    "source_text": str,
    "parser": str,
    "parser_version": str,
    "box": str,
    "lines": str,
    "source_url": str,
    "origin_url": str,
    "ocr": int,
}
PROVENANCE_DESCRIPTIONS = {
    "id": "Deterministic id: hash of the record's content and provenance",
    "document_id": "The paper the record came from (content hash of the file)",
    "page": "1-based page of the paper the record came from",
    "source_text": "The source text the record was read from",
    "parser": "Name of the parser that made the record",
    "parser_version": "Version of that parser",
    "box": "Box on the PDF page (x0, top, x1, bottom in points), where the PDF gives one",
    "lines": "Text renderings: first and last source line",
    "source_url": "Link to the paper, opened at the record's page",
    "origin_url": "The paper's address on the council's website, where `boardpapers fetch` found it",
    "ocr": "1 when the record was read from text OCR made of a scanned page (build --ocr)",
}

# Copied from the document onto the journey tables, so facets need no joins.
DENORMALISED: dict[str, type] = {"body": str, "place": str, "doc_type": str, "date": str, "year": int}
DENORMALISED_DESCRIPTIONS = {
    "body": "Partnership, board or panel (the record's own where it states one, else the paper's)",
    "place": "City or council area of the paper",
    "doc_type": "plan, minutes, scrutiny_report, agenda_pack, performance_report or report",
    "date": "Date of the meeting or paper, ISO (YYYY, YYYY-MM or YYYY-MM-DD)",
    "year": "Year of that date",
}
DENORMALISED_TABLES = {"decisions", "actions", "indicators", "indicator_values", "action_owners", "figures"}

# Child tables: one row per owner and per indicator value. Table cells are a view (below).
CHILD_TABLES: dict[str, dict] = {
    "action_owners": {
        "columns": {
            "action_id": str,
            "owner": str,
            "position": int,
            "document_id": str,
            "due_date": str,
            "status": str,
            "kind": str,
        },
        "pk": ("action_id", "owner"),
        "fks": [("action_id", "actions", "id"), ("document_id", "documents", "id")],
    },
    "indicator_values": {
        "columns": {
            "indicator_id": str,
            "position": int,
            "document_id": str,
            "indicator": str,
            **{name: str for name in IndicatorValue.model_fields},
            "value": float,
            "page": int,
            "source_url": str,
        },
        "pk": ("indicator_id", "position"),
        "fks": [("indicator_id", "indicators", "id"), ("document_id", "documents", "id")],
    },
}

DOCUMENT_COLUMNS: dict[str, type] = {
    "id": str,
    "paper": str,
    "source": str,
    "source_path": str,
    "source_kind": str,
    "page_count": int,
    "doc_type": str,
    "title": str,
    "body": str,
    "place": str,
    "date": str,
    "year": int,
    "parser_version": str,
    "metadata_evidence": str,
    "papers_file": str,
    "source_url": str,
    "extraction_hash": str,
    "origin_url": str,
}
PAGE_COLUMNS: dict[str, type] = {"document_id": str, "page": int, "text": str, "source_url": str}
RUN_COLUMNS: dict[str, type] = {
    "id": int,
    "command": str,
    "started": str,
    "finished": str,
    "seconds": float,
    "paths": str,
    "loaded": int,
    "replaced": int,
    "unchanged": int,
    "failed": int,
    "parser_version": str,
    "duplicates": int,
    "skipped": int,
}

FTS: dict[str, list[str]] = {
    "document_pages": ["text"],
    "decisions": ["text", "item", "body", "report_by"],
    "actions": ["text", "owner", "progress", "due"],
    "indicators": ["name", "theme", "commentary", "owner"],
}

INDEXES: dict[str, list[list[str]]] = {
    "documents": [["paper"], ["source"], ["place"], ["body"], ["doc_type"], ["date"]],
    "decisions": [["date"], ["body"], ["place"], ["doc_type"], ["year"]],
    "actions": [["owner"], ["date"], ["due_date"], ["body"], ["place"], ["doc_type"], ["year"], ["status"]],
    "action_owners": [["owner"], ["document_id"]],
    "indicators": [["name"], ["owner"], ["body"], ["place"], ["doc_type"], ["date"], ["year"]],
    "indicator_values": [["indicator"], ["place"], ["period"], ["document_id"]],
    "problems": [["code"], ["source"]],
}

VIEWS: dict[str, str] = {
    "actions_by_owner": """
select owner, count(*) as actions, count(distinct document_id) as papers,
  group_concat(distinct place) as places, min(date) as first_date, max(date) as last_date
from action_owners group by owner order by actions desc, owner""",
    # The status is the link step's (statuses.py reads the paper's words and later papers): one
    # vocabulary of statuses, not a second list here. Before a link an action counts as open.
    "open_actions": f"""
select a.id, a.owner, a.text, a.due, coalesce(s.due_date, a.due_date) as due_date,
  coalesce(s.status, 'open') as status, s.evidence, a.kind, a.body, a.place, a.date, a.document_id, a.page,
  a.source_url
from actions a left join action_status s on s.action_id = a.id
where coalesce(s.status, 'open') in {OPEN}
order by coalesce(s.due_date, a.due_date) is null, coalesce(s.due_date, a.due_date), a.date""",
    "decisions_over_time": """
select year, place, body, count(*) as decisions, count(distinct document_id) as papers
from decisions group by year, place, body order by year, place, body""",
    # Every cell of every table, read from tables.header and tables.rows. A view, not a
    # table: stored, the cells were 57% of the rows a load wrote (issue 9) and a second copy
    # of what ``tables`` holds; the pages' full-text search already finds their words.
    "table_cells": """
select t.id as table_id, 0 as row, h.key as col, t.document_id, 1 as header, h.value as column_name,
  h.value as text, t.page, t.source_url
from tables t, json_each(t.header) h
union all
select t.id as table_id, r.key + 1 as row, c.key as col, t.document_id, 0 as header,
  json_extract(t.header, '$[' || c.key || ']') as column_name, c.value as text, t.page, t.source_url
from tables t, json_each(t.rows) r, json_each(r.value) c""",
    "indicators_by_place": """
select indicator, place, body, period, series, value, unit, raw, year, document_id, page, source_url
from indicator_values order by indicator, place, period, series""",
}


@dataclass
class TableSpec:
    name: str
    columns: dict[str, type]
    pk: str | tuple[str, ...] = "id"
    fks: list[tuple[str, str, str]] = field(default_factory=list)


def _sql_type(annotation) -> type:
    """The SQLite column type of a model field: lists, dicts, tuples and models become JSON text."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _sql_type(args[0]) if len(args) == 1 else str
    if origin is typing.Literal:
        return str
    if origin is not None:  # list[...], dict[...], tuple[...]
        return str
    if annotation is bool or annotation is int:
        return int
    if annotation is float:
        return float
    return str


def record_columns(table: str, model: type[BaseModel]) -> dict[str, type]:
    """Column order is reading order: the record first, then its facets, then where it came from."""
    cols: dict[str, type] = {"id": str}
    for name, info in model.model_fields.items():
        if name in ("id", "provenance"):
            continue
        cols[name] = _sql_type(info.annotation)
    if table in DENORMALISED_TABLES:
        for name, typ in DENORMALISED.items():
            cols.setdefault(name, typ)
    if table == "problems":
        cols["source"] = str  # build failures have no document: the file name says which
    for name in ("document_id", "page", "source_url"):
        cols[name] = PROVENANCE_COLUMNS[name]
    cols.update((k, v) for k, v in PROVENANCE_COLUMNS.items() if k not in cols)
    return cols


def table_specs() -> list[TableSpec]:
    specs = [
        TableSpec("documents", DOCUMENT_COLUMNS),
        TableSpec("document_pages", PAGE_COLUMNS, pk=("document_id", "page"), fks=[("document_id", "documents", "id")]),
    ]
    for table, (model, _) in RECORD_TABLES.items():
        specs.append(TableSpec(table, record_columns(table, model), fks=[("document_id", "documents", "id")]))
    for table, spec in CHILD_TABLES.items():
        cols = dict(spec["columns"])
        if table in DENORMALISED_TABLES:
            for name, typ in DENORMALISED.items():
                cols.setdefault(name, typ)
        specs.append(TableSpec(table, cols, pk=spec["pk"], fks=spec["fks"]))
    specs.append(TableSpec("runs", RUN_COLUMNS))
    specs.extend(TableSpec(name, cols, pk=pk, fks=fks) for name, cols, pk, fks in link_specs())
    return specs


def ensure_schema(db: Database) -> None:
    """Create whatever is missing. Safe to call on every open; callers hold a write lock.

    A database in bulk mode (:func:`defer_search_and_indexes`) keeps its record indexes and
    search tables deferred until :func:`create_search_and_indexes`.
    """
    stored = db.execute("select max(version) from _schema").fetchone()[0] if db["_schema"].exists() else None
    if stored == SCHEMA_VERSION:
        return
    if stored is not None:  # an older database: what the newer schema changed, in place
        from . import migrate

        migrate.add_missing_columns(db, table_specs())
        if stored < 4:
            migrate.papers_by_id(db)
    for spec in table_specs():
        db[spec.name].create(spec.columns, pk=spec.pk, foreign_keys=spec.fks, if_not_exists=True)
    for table, cols in [*DOCUMENT_INDEXES, *((t, c) for t, sets in LINK_INDEXES.items() for c in sets)]:
        db[table].create_index(cols, if_not_exists=True)
    if not db[DEFERRED].exists():
        create_search_and_indexes(db)
    tables = set(db.table_names())
    for name, sql in [*VIEWS.items(), *((n, sql) for n, (_, sql) in LINK_VIEWS.items())]:
        if name in tables:  # a table an older schema stored, now derived (table_cells, version 3)
            db.execute(f"DROP TABLE {_q(name)}")
        db.create_view(name, sql.strip(), replace=True)
    db["_schema"].insert({"version": SCHEMA_VERSION}, pk="version", replace=True)


# --- bulk loading: record indexes and full-text search built once, after the rows ------------
#
# Each index and each search trigger costs every inserted row a B-tree insert. Into an empty
# database it is cheaper to load the rows first and then build each index and each search
# table in one sorted pass (measured on 60 papers: 0.49 s of SQL with them, 0.24 s without,
# plus 0.03 s to build them afterwards). The documents table keeps its indexes throughout:
# the loader looks papers up by name and content hash before every insert.

DEFERRED = "_deferred_indexes"  # present while a bulk load's indexes and search are still to build
DOCUMENT_INDEXES: list[tuple[str, list[str]]] = [("documents", cols) for cols in INDEXES["documents"]]


def record_indexes() -> list[tuple[str, list[str]]]:
    """The indexes a bulk load defers: facets, owners and every record table's document_id."""
    out = [(table, cols) for table, sets in INDEXES.items() if table != "documents" for cols in sets]
    out += [(table, ["document_id"]) for table in RECORD_TABLES]
    return out


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def fts_statements(table: str, columns: list[str]) -> tuple[str, list[str]]:
    """The FTS5 table over ``table`` and the triggers that keep it current, as sqlite-utils'
    ``enable_fts(tokenize="porter", create_triggers=True)`` writes them (Datasette finds
    the search table by this ``content=`` form), as single statements: one transaction can
    hold them, where ``enable_fts`` runs a script that commits whatever is open."""
    fts, cols = _q(f"{table}_fts"), ", ".join(_q(c) for c in columns)
    old = ", ".join(f"old.{_q(c)}" for c in columns)
    new = ", ".join(f"new.{_q(c)}" for c in columns)
    create = f"CREATE VIRTUAL TABLE {fts} USING FTS5 (\n    {cols},\n    tokenize='porter',\n    content={_q(table)}\n)"
    insert = f"INSERT INTO {fts} (rowid, {cols}) VALUES (new.rowid, {new});"
    delete = f"INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES('delete', old.rowid, {old});"
    triggers = [
        f"CREATE TRIGGER {_q(table + '_ai')} AFTER INSERT ON {_q(table)} BEGIN\n  {insert}\nEND",
        f"CREATE TRIGGER {_q(table + '_ad')} AFTER DELETE ON {_q(table)} BEGIN\n  {delete}\nEND",
        f"CREATE TRIGGER {_q(table + '_au')} AFTER UPDATE ON {_q(table)} BEGIN\n  {delete}\n  {insert}\nEND",
    ]
    return create, triggers


def defer_search_and_indexes(db: Database) -> None:
    """Put an empty database in bulk mode: drop the record indexes, search tables and their
    triggers until :func:`create_search_and_indexes`. The marker table makes it survive a
    killed build: the next open finds it and the next build finishes the job."""
    for table, cols in record_indexes():
        db.execute(f"DROP INDEX IF EXISTS {_q('idx_' + table + '_' + '_'.join(cols))}")
    for table in FTS:
        for suffix in ("_ai", "_ad", "_au"):
            db.execute(f"DROP TRIGGER IF EXISTS {_q(table + suffix)}")
        db.execute(f"DROP TABLE IF EXISTS {_q(table + '_fts')}")
    db.execute(f"CREATE TABLE IF NOT EXISTS {DEFERRED} (since TEXT)")


def create_search_and_indexes(db: Database) -> None:
    """Build every record index and search table (each in one pass over its rows) and the
    triggers that keep search current from now on; leave bulk mode. Callers hold a write lock."""
    for table, cols in record_indexes():
        db[table].create_index(cols, if_not_exists=True)
    for table, cols in FTS.items():
        if db[f"{table}_fts"].exists():
            continue
        create, triggers = fts_statements(table, cols)
        db.execute(create)
        db.execute(f"INSERT INTO {_q(table + '_fts')} ({_q(table + '_fts')}) VALUES ('rebuild')")
        for trigger in triggers:
            db.execute(trigger)
    db.execute(f"DROP TABLE IF EXISTS {DEFERRED}")
