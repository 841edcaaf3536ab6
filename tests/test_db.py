"""The SQLite loader: re-loads, replacements, one transaction per document, locks, metadata."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from gold_sample import gold_extractions

from boardpapers.db import load as load_module
from boardpapers.db.load import LoadError, load_extraction, open_db, record_failure
from boardpapers.db.metadata import build_metadata, column_descriptions
from boardpapers.db.schema import VIEWS, table_specs
from boardpapers.schemas.document import Block, Document

GOLD = Path(__file__).parent.parent / "corpus" / "gold"


def counts(db) -> dict[str, int]:
    return {t: db[t].count for t in db.table_names() if t != "runs" and not t.startswith("sqlite_")}


def dump(db) -> str:
    """Every row of every table except ``runs`` (the only place wall-clock time lives)."""
    return "\n".join(line for line in db.conn.iterdump() if '"runs"' not in line and "sqlite_sequence" not in line)


@pytest.fixture
def extractions():
    return gold_extractions(GOLD)


@pytest.fixture
def db(tmp_path, extractions):
    db = open_db(tmp_path / "papers.db")
    for e in extractions:
        assert load_extraction(db, e) == "loaded"
    return db


def test_every_record_lands_in_its_table(db, extractions):
    assert db["documents"].count == len(extractions)
    assert db["decisions"].count == sum(len(e.decisions) for e in extractions)
    assert db["actions"].count == sum(len(e.actions) for e in extractions)
    assert db["indicator_values"].count == sum(len(i.values) for e in extractions for i in e.indicators)
    assert db["action_owners"].count == sum(len(a.owners) for e in extractions for a in e.actions)
    row = db.execute(
        "select place, doc_type, year, source_url from actions where owner = 'Lisa Wills' limit 1"
    ).fetchone()
    assert row[0] == "Portsmouth" and row[1] in {"minutes", "plan"} and row[2] in {2009, 2016}


def test_reload_changes_nothing(db, extractions):
    before, before_dump = counts(db), dump(db)
    for e in extractions:
        assert load_extraction(db, e) == "unchanged"
    assert counts(db) == before
    assert dump(db) == before_dump


def test_reload_in_another_order_gives_the_same_rows(tmp_path, db, extractions):
    other = open_db(tmp_path / "other.db")
    for e in reversed(extractions):
        load_extraction(other, e)
    for table in ("decisions", "actions", "indicator_values", "action_owners", "table_cells"):
        assert sorted(map(repr, db[table].rows)) == sorted(map(repr, other[table].rows))


def test_changed_document_replaces_the_old_one(db, extractions):
    minutes = next(e for e in extractions if e.doc_type == "minutes")
    changed = minutes.model_copy(
        update={"doc_id": "0" * 16, "decisions": minutes.decisions[:2], "actions": minutes.actions[:3]}
    )
    assert load_extraction(db, changed) == "replaced"
    assert db["documents"].count == len(extractions)
    assert db.execute("select count(*) from documents where source = ?", [minutes.source]).fetchone()[0] == 1
    assert db.execute("select count(*) from decisions where document_id = ?", [minutes.doc_id]).fetchone()[0] == 0
    assert db.execute("select count(*) from decisions where document_id = ?", ["0" * 16]).fetchone()[0] == 2
    assert db.execute("select count(*) from action_owners where document_id = ?", [minutes.doc_id]).fetchone()[0] == 0
    # The full-text index follows the rows (triggers): no hit points at a deleted decision.
    hits = db.execute("select count(*) from decisions_fts where decisions_fts match 'minutes'").fetchone()[0]
    rows = db.execute("select count(*) from decisions where text like '%minutes%'").fetchone()[0]
    assert hits == rows


def test_the_pdf_and_text_renderings_are_one_paper(db, extractions):
    e = extractions[0]
    as_pdf = e.model_copy(update={"source": e.source.replace(".txt", ".pdf"), "doc_id": "f" * 16, "source_kind": "pdf"})
    assert load_extraction(db, as_pdf) == "replaced"
    assert db["documents"].count == len(extractions)


def test_a_crash_mid_document_leaves_no_half_document(tmp_path, extractions, monkeypatch):
    db = open_db(tmp_path / "papers.db")
    plan = next(e for e in extractions if e.doc_type == "plan")
    real = load_module._insert_rows  # the loader's one write path (executemany per table)

    def failing(db, table, rows):
        if table == "indicators":
            raise RuntimeError("disk on fire")
        return real(db, table, rows)

    monkeypatch.setattr(load_module, "_insert_rows", failing)
    with pytest.raises(RuntimeError):
        load_extraction(db, plan)
    assert db["documents"].count == 0 and db["actions"].count == 0 and db["action_owners"].count == 0

    # A failed replacement keeps the old version whole.
    monkeypatch.setattr(load_module, "_insert_rows", real)
    load_extraction(db, plan)
    before = dump(db)
    monkeypatch.setattr(load_module, "_insert_rows", failing)
    with pytest.raises(RuntimeError):
        load_extraction(db, plan.model_copy(update={"doc_id": "1" * 16}))
    assert dump(db) == before


def test_a_second_writer_gets_a_clear_error_not_a_half_load(tmp_path, extractions):
    path = tmp_path / "papers.db"
    db = open_db(path)
    db.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(LoadError, match="locked by another build"):
            load_extraction(db, extractions[0])
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert load_extraction(db, extractions[0]) == "loaded"


def test_a_failed_file_is_a_problem_row_until_it_loads(db, extractions):
    record_failure(db, "corpus/portsmouth-spp-minutes-2009-12.txt", ValueError("bad bytes"))
    record_failure(db, "corpus/portsmouth-spp-minutes-2009-12.txt", ValueError("bad bytes"))
    rows = list(db.query("select source, code, message from problems where document_id is null"))
    assert rows == [
        {"source": "portsmouth-spp-minutes-2009-12.txt", "code": "build_failed", "message": "ValueError: bad bytes"}
    ]
    minutes = next(e for e in extractions if e.doc_type == "minutes")
    load_extraction(db, minutes.model_copy(update={"doc_id": "2" * 16}))
    assert db.execute("select count(*) from problems where document_id is null").fetchone()[0] == 0


def test_page_texts_group_blocks_by_page():
    doc = Document(
        id="a" * 16,
        source_path="x.txt",
        source_kind="text",
        page_count=2,
        blocks=[
            Block(kind="heading", text="Title", page=1, source="# Title"),
            Block(kind="paragraph", text="One", page=1, source="One"),
            Block(kind="paragraph", text="Two", page=2, source="Two"),
        ],
    )
    assert doc.page_texts() == [(1, "Title\n\nOne"), (2, "Two")]


def test_views_run(db):
    for view in VIEWS:
        list(db.query(f"select * from [{view}] limit 5"))
    owners = {r["owner"]: r for r in db.query("select * from actions_by_owner")}
    assert owners["Lisa Wills"]["papers"] == 2


def test_every_table_and_column_is_described():
    described = column_descriptions()
    meta = build_metadata("papers")["databases"]["papers"]["tables"]
    for spec in table_specs():
        assert meta[spec.name]["description"], spec.name
        for column in spec.columns:
            assert described[spec.name].get(column), f"{spec.name}.{column} has no description"


def test_facet_and_owner_columns_are_indexed(db):
    indexed = {(t, i.columns[0]) for t in db.table_names() for i in db[t].indexes}
    for table in ("decisions", "actions", "indicators"):
        for column in ("body", "place", "doc_type", "date"):
            assert (table, column) in indexed, (table, column)
    assert ("action_owners", "owner") in indexed and ("actions", "owner") in indexed


# --- bulk mode (issue 9): record indexes and search built once, after the rows ---------------


def schema_objects(db) -> set[tuple[str, str]]:
    return {(r[0], r[1]) for r in db.execute("select type, name from sqlite_master where name not like 'sqlite_%'")}


def test_a_bulk_load_ends_with_the_same_rows_indexes_and_search_as_one_by_one(tmp_path, db, extractions):
    bulk = open_db(tmp_path / "bulk.db", bulk=True)
    assert bulk[load_module.DEFERRED].exists() and not bulk["decisions_fts"].exists()
    for e in extractions:
        load_extraction(bulk, e)
    load_module.finish_loading(bulk)
    assert not bulk[load_module.DEFERRED].exists()
    assert schema_objects(bulk) == schema_objects(db)  # every index, search table and trigger
    # Same rows; the search index's own pages differ (one pass lays out its segments otherwise),
    # so search is compared by what it finds.
    rows = lambda d: sorted(line for line in dump(d).splitlines() if "_fts" not in line)  # noqa: E731
    assert rows(bulk) == rows(db)
    for table, word in (("decisions", "minutes"), ("actions", "report"), ("indicators", "crime")):
        sql = f"select rowid from [{table}_fts] where [{table}_fts] match ? order by rowid"
        hits = bulk.execute(sql, [word]).fetchall()
        assert hits and hits == db.execute(sql, [word]).fetchall(), table


def test_after_a_bulk_load_the_triggers_keep_search_current(tmp_path, extractions):
    bulk = open_db(tmp_path / "bulk.db", bulk=True)
    minutes = next(e for e in extractions if e.doc_type == "minutes")
    load_extraction(bulk, minutes)
    load_module.finish_loading(bulk)
    match = "select count(*) from decisions_fts where decisions_fts match 'minutes'"
    assert bulk.execute(match).fetchone()[0] > 0
    load_extraction(bulk, minutes.model_copy(update={"doc_id": "0" * 16, "decisions": []}))  # a new version
    assert bulk.execute(match).fetchone()[0] == 0


def test_only_an_empty_database_goes_into_bulk_mode(db, tmp_path):
    again = open_db(Path(db.conn.execute("pragma database_list").fetchone()[2]), bulk=True)
    assert not again[load_module.DEFERRED].exists() and again["decisions_fts"].exists()


def test_an_interrupted_bulk_load_is_finished_by_the_next_open(tmp_path, extractions):
    path = tmp_path / "killed.db"
    bulk = open_db(path, bulk=True)
    load_extraction(bulk, extractions[0])
    bulk.conn.close()  # as a killed build leaves it: whole papers, no search yet
    assert load_module.is_unfinished(path)
    again = open_db(path, bulk=True)  # the next build carries on in bulk mode ...
    assert again[load_module.DEFERRED].exists()
    load_module.finish_db(again)  # ... and finishes it
    assert not load_module.is_unfinished(path) and again["decisions_fts"].exists()


def test_table_cells_are_read_from_the_tables(tmp_path, extractions):
    from boardpapers.schemas.records import Provenance, TableRecord

    e = extractions[0]
    table = TableRecord(
        header=["Action", "Lead", "Due"],
        n_rows=2,
        n_cols=3,
        pages=[2],
        rows=[["Audit CCTV", "Jo Smith", "June 2017"], ["Review, then report", "Police"]],
        provenance=Provenance(document_id=e.doc_id, page=2, text="Action Lead Due", parser="t", parser_version="1"),
    )
    db = open_db(tmp_path / "cells.db")
    load_extraction(db, e.model_copy(update={"tables": [table]}))
    cells = [
        (c["row"], c["col"], c["column_name"], c["text"], c["page"])
        for c in db.query("select * from table_cells where table_id = ? order by row, col", [table.id])
    ]
    assert cells == [
        (0, 0, "Action", "Action", 2),
        (0, 1, "Lead", "Lead", 2),
        (0, 2, "Due", "Due", 2),
        (1, 0, "Action", "Audit CCTV", 2),
        (1, 1, "Lead", "Jo Smith", 2),
        (1, 2, "Due", "June 2017", 2),
        (2, 0, "Action", "Review, then report", 2),
        (2, 1, "Lead", "Police", 2),
    ]


def test_a_row_with_a_column_the_schema_lacks_is_an_error_not_dropped(db):
    with pytest.raises(LoadError, match="no column for"):
        load_module._insert_rows(db, "decisions", [{"id": "x", "text": "t", "not_a_column": 1}])


def test_search_tables_are_written_as_sqlite_utils_writes_them():
    """Datasette and sqlite-utils find a table's search by this exact SQL; ours is written out
    (one transaction can hold it) and must not drift from ``enable_fts``."""
    from sqlite_utils import Database

    from boardpapers.db.schema import FTS, fts_statements

    for table, columns in FTS.items():
        ref = Database(memory=True)
        ref[table].create({"id": str, **dict.fromkeys(columns, str)}, pk="id")
        ref[table].enable_fts(columns, tokenize="porter", create_triggers=True)
        theirs = dict(
            ref.execute(
                "select name, sql from sqlite_master where name in (?, ?, ?, ?)",
                [f"{table}_fts", f"{table}_ai", f"{table}_ad", f"{table}_au"],
            ).fetchall()
        )
        create, triggers = fts_statements(table, columns)
        assert {
            f"{table}_fts": create,
            f"{table}_ai": triggers[0],
            f"{table}_ad": triggers[1],
            f"{table}_au": triggers[2],
        } == theirs
