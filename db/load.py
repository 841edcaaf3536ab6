"""Load extractions into SQLite with sqlite-utils: one document, one transaction.

- Loading the same extraction again changes nothing (its hash is stored on the document).
- A changed version of a paper (same file, different content or parser output) replaces
  the old one: its rows are deleted first, inside the same transaction. A paper is its
  content and its path: same-named files in other folders are other papers, and the same
  bytes under a second name are a duplicate, loaded once.
- Each document is written inside ``BEGIN IMMEDIATE``: a crash mid-document leaves
  the database as it was, and a second build waiting on the lock simply queues
  (``busy_timeout``) instead of interleaving half-documents.
- Wall-clock time lives only in ``runs``.

The library never prints: callers get return values and exceptions.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import time
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, ValidationError
from pydantic_core import to_json
from sqlite_utils import Database

from boardpapers.schemas.document import Document
from boardpapers.schemas.errors import format_validation_error
from boardpapers.schemas.records import Extraction, Problem, Provenance, Record

from .schema import (
    CHILD_TABLES,
    DEFERRED,
    DENORMALISED_TABLES,
    RECORD_TABLES,
    create_search_and_indexes,
    defer_search_and_indexes,
    ensure_schema,
    table_specs,
)
from .urls import paper_url

BUSY_TIMEOUT_MS = 60_000  # a concurrent build waits this long for the write lock, then fails clearly


class LoadError(Exception):
    """A document could not be written (locked database, schema clash ...)."""


def open_db(path: str | Path, *, bulk: bool = False) -> Database:
    """Open (creating if need be) a boardpapers database with its schema.

    ``bulk=True`` (``build`` and ``load``): when the database holds no papers yet, its record
    indexes and search tables are deferred until :func:`finish_loading`, which builds each
    in one pass. Each paper is still its own transaction, so a killed build keeps every
    paper it finished, and the next build (or any write) completes the indexes.
    """
    db = Database(path)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # WAL with synchronous=NORMAL: each document's transaction stays atomic (a crash never
    # leaves half a document or a corrupt file), but commits skip the fsync: a power cut may
    # lose the last few documents, which the next build loads again. The database is derived
    # from the papers, so that trade doubles the load rate (issue 9) at no risk to consistency.
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    with write_lock(db):
        ensure_schema(db)
        if bulk and not db.execute("select 1 from documents limit 1").fetchone():
            defer_search_and_indexes(db)
    if bulk and db[DEFERRED].exists():
        # A database built from nothing holds nothing a re-build cannot make again, so while
        # it is in bulk mode SQLite hands pages to the OS without waiting for the disk (a
        # quarter of the load time). A killed build is still safe; only a power cut mid-build
        # could spoil the file, which the next build reports, and deleting it starts afresh.
        db.execute("PRAGMA synchronous = OFF")
    return db


def finish_loading(db: Database) -> None:
    """Leave bulk mode, if the database is in it: build the deferred indexes and search."""
    if db[DEFERRED].exists():
        with write_lock(db):
            if db[DEFERRED].exists():  # not finished meanwhile by a concurrent build
                create_search_and_indexes(db)
    db.execute("PRAGMA synchronous = NORMAL")


def is_unfinished(db_path: str | Path) -> bool:
    """True when a bulk load was interrupted before its indexes and search were built."""
    import sqlite3

    # immutable: a read-only connection to a database in WAL mode would leave -wal and -shm files
    # behind, which read as a build at work (db/guard.py).
    conn = sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?immutable=1", uri=True)
    try:
        return conn.execute("select 1 from sqlite_master where name = ?", [DEFERRED]).fetchone() is not None
    except sqlite3.DatabaseError:
        return False  # not a database at all: whoever opens it next says so
    finally:
        conn.close()


def finish_db(db: Database) -> None:
    """Build what bulk mode deferred, then fold the write-ahead log back into the file and
    leave it a single file again, so Datasette can open it immutable. If another build
    still has it open, it stays in WAL."""
    import sqlite3

    finish_loading(db)
    try:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.OperationalError:
        pass  # busy: the other build finishes the job


@contextlib.contextmanager
def write_lock(db: Database) -> Iterator[Database]:
    """One transaction that holds SQLite's write lock from the start (``BEGIN IMMEDIATE``)."""
    import sqlite3

    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as e:
        raise LoadError(f"the database is locked by another build ({e}); try again when it finishes") from e
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    else:
        db.commit()


def extraction_hash(extraction: Extraction) -> str:
    """Hash of the whole extraction. pydantic's own JSON writer is deterministic (field order
    is the models', lists keep their order) and four times faster than ``json.dumps``."""
    return hashlib.sha256(extraction.model_dump_json().encode()).hexdigest()[:16]


def paper_name(source: str) -> str:
    """A paper's name: its file name without the extension."""
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _json(value):
    """Lists, dicts and boxes are stored as JSON text (pydantic-core's writer: compact, UTF-8)."""
    if value is None:
        return None
    return to_json(value).decode()


@functools.cache
def _json_fields(model: type[Record]) -> frozenset[str]:
    """The fields of a record model that hold lists, dicts or models: stored as JSON text."""
    return frozenset(
        name for name, info in model.model_fields.items() if name != "provenance" and _is_container(info.annotation)
    )


def _is_container(annotation) -> bool:
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return any(_is_container(a) for a in args)
    return typing.get_origin(annotation) in (list, dict, tuple) or (
        isinstance(annotation, type) and issubclass(annotation, BaseModel)
    )


def record_row(table: str, record: Record, doc: dict) -> dict:
    """A record as a row: model fields, provenance columns, and the document's facets."""
    # The fields as they are: every scalar a record holds is already a SQL value (str, int,
    # float, bool, None; the models use no dates or enums), so no model_dump round trip.
    row = dict(record.__dict__)
    for name in _json_fields(type(record)):
        row[name] = _json(row[name])
    prov: Provenance = row.pop("provenance")
    row.update(
        document_id=doc["id"],
        page=prov.page,
        source_text=prov.text,
        parser=prov.parser,
        parser_version=prov.parser_version,
        box=_json(prov.box),
        lines=_json(prov.lines),
        source_url=paper_url(doc["id"], doc["papers_file"], prov.page),
        origin_url=prov.origin_url,
        ocr=int(prov.ocr) if prov.ocr else None,
    )
    if table in DENORMALISED_TABLES:
        row["body"] = row.get("body") or doc["body"]
        row["place"] = doc["place"]
        row["doc_type"] = doc["doc_type"]
        row["date"] = row.get("date") or doc["date"]
        row["year"] = _year(row["date"])
    if table == "problems":
        row["source"] = doc["source"]
    return row


@dataclass
class Rows:
    """Every row one extraction gives, table by table."""

    tables: dict[str, list[dict]] = field(default_factory=dict)

    def add(self, table: str, row: dict) -> None:
        self.tables.setdefault(table, []).append(row)


def extraction_rows(extraction: Extraction, doc: dict, pages: Iterable[tuple[int, str]] = ()) -> Rows:
    out = Rows({"documents": [doc]})
    document_id, papers_file = doc["id"], doc["papers_file"]
    if pages:
        out.tables["document_pages"] = [
            {
                "document_id": document_id,
                "page": page,
                "text": text,
                "source_url": paper_url(document_id, papers_file, page),
            }
            for page, text in pages
        ]
    owners, values = [], []  # child rows, appended to directly: this loop is the load's hot path
    for table, (_, attr) in RECORD_TABLES.items():
        value = getattr(extraction, attr)
        records = [value] if value is not None and not isinstance(value, list) else value or []
        if not records:
            continue
        rows = out.tables[table] = []
        for record in records:
            row = record_row(table, record, doc)
            rows.append(row)
            if table == "actions":
                facets = {k: row[k] for k in FACETS}
                for i, owner in enumerate(record.owners or ([record.owner] if record.owner else [])):
                    owners.append(
                        {
                            "action_id": record.id,
                            "owner": owner,
                            "position": i,
                            "document_id": document_id,
                            "due_date": record.due_date,
                            "status": record.status,
                            "kind": record.kind,
                            **facets,
                        }
                    )
            elif table == "indicators" and record.values:
                facets = {k: row[k] for k in FACETS}
                for i, v in enumerate(record.values):
                    vrow = dict(v.__dict__)
                    vrow["box"] = _json(v.box)
                    vrow["page"] = page = v.page or record.provenance.page
                    values.append(
                        {
                            "indicator_id": record.id,
                            "position": i,
                            "document_id": document_id,
                            "indicator": record.name,
                            **vrow,
                            "source_url": paper_url(document_id, papers_file, page),
                            **facets,
                        }
                    )
    for table, child_rows in (("action_owners", owners), ("indicator_values", values)):
        if child_rows:
            out.tables[table] = child_rows
    return out


FACETS = ("body", "place", "doc_type", "date", "year")


def document_row(extraction: Extraction, *, source_path: str | None = None, papers_file: str | None = None) -> dict:
    e = extraction
    papers_file = papers_file or (e.source if source_path else None)
    return {
        "id": e.doc_id,
        "paper": paper_name(e.source),
        "source": e.source,
        "source_path": source_path,
        "source_kind": e.source_kind,
        "page_count": e.page_count,
        "doc_type": e.doc_type,
        "title": e.title,
        "body": e.body,
        "place": e.place,
        "date": e.date,
        "year": _year(e.date),
        "parser_version": e.parser_version,
        "metadata_evidence": _json(e.metadata_evidence),
        "papers_file": papers_file,
        "source_url": paper_url(e.doc_id, papers_file, None),
        "extraction_hash": extraction_hash(e),
        "origin_url": e.origin_url,
    }


def delete_document(db: Database, document_id: str) -> None:
    """Delete a document and every row that came from it (callers hold the write lock)."""
    for table in [*CHILD_TABLES, *reversed(list(RECORD_TABLES)), "document_pages"]:
        db.execute(f"delete from [{table}] where document_id = ?", [document_id])
    db.execute("delete from documents where id = ?", [document_id])


def loaded_fingerprint(db: Database) -> str:
    """What the link tables were computed from: every loaded document and its extraction."""
    rows = db.execute("select id, extraction_hash from documents order by id").fetchall()
    return hashlib.sha256(repr(rows).encode()).hexdigest()[:16]


def links_current(db: Database) -> bool:
    """True when the last link ran over exactly the documents loaded now (a warm re-build)."""
    if not db["_link_state"].exists():
        return False
    row = db.execute("select fingerprint from _link_state where id = 1").fetchone()
    return bool(row) and row[0] == loaded_fingerprint(db)


def is_loaded(db: Database, path: str | Path, parser_version: str) -> bool:
    """True when this very file is in the database already, read by this parser version."""
    return loaded_state(db, path, parser_version)[0] == "unchanged"


def loaded_state(db: Database, path: str | Path, parser_version: str) -> tuple[str | None, str | None]:
    """What a build can know of a file before reading it: ``("unchanged", None)`` when this very
    file is loaded (same place, same content hash, same parser version: the same rows would
    come out), ``("duplicate", other path)`` when the same bytes are loaded from another file
    that is still there, else ``(None, None)``.

    A paper is its content and its path, not its file name (issue 14): ``a/minutes.txt`` and
    ``b/minutes.txt`` are two papers; one file copied under two names is one paper, loaded
    once, and the copy is reported as a duplicate on every build instead of reloaded.
    """
    from boardpapers.schemas.files import read_bytes, shown

    path = Path(path)
    try:
        data = read_bytes(path)
    except Exception:  # noqa: BLE001 - the build reads it again and reports why it cannot
        return None, None
    rows = db.execute(
        "select source_path, parser_version from documents where id = ?", [Document.content_id(data)]
    ).fetchall()
    here = shown(path.resolve())
    for source_path, version in rows:
        if version != parser_version:
            continue
        if source_path == here:
            return "unchanged", None
        # Same bytes under the same kind of name: a .pdf that holds text is refused where the
        # same bytes named .txt are read, so across kinds it is for the reader to say.
        if source_path and Path(source_path).suffix.lower() == path.suffix.lower() and Path(source_path).exists():
            return "duplicate", source_path
    return None, None


def duplicate_of(db: Database, document_id: str) -> str | None:
    """The file a document was loaded from (for the line that names a duplicate)."""
    row = db.execute("select source_path from documents where id = ?", [document_id]).fetchone()
    return row[0] if row else None


def load_extraction(
    db: Database,
    extraction: Extraction,
    *,
    pages: Iterable[tuple[int, str]] = (),
    source_path: str | Path | None = None,
    papers_file: str | None = None,
    twin: str | Path | None = None,
) -> str:
    """Load one document in one transaction. Returns ``loaded``, ``replaced``, ``unchanged`` or
    ``duplicate`` (the same bytes are loaded from another file that still exists: nothing written).

    ``pages`` are (page, text) pairs for full-text search; ``papers_file`` is the file name
    ``/papers/`` serves this paper under; ``twin`` is the other rendering of the same paper
    (``report.pdf`` beside ``report.txt``), whose document this one replaces.

    Which documents a load replaces: from a file, the one loaded from that same path (a new
    version of it) and from its twin; without a path (``boardpapers load`` of exported JSON),
    the path-less document of the same name. Never a same-named paper from another folder.
    """
    from boardpapers.schemas.files import shown

    source_path = shown(source_path) if source_path else None
    twin_path = shown(twin) if twin else None
    doc = document_row(extraction, source_path=source_path, papers_file=papers_file)
    rows = extraction_rows(extraction, doc, pages)
    with write_lock(db):
        same = db.execute(
            "select extraction_hash, coalesce(source_path, '') from documents where id = ?", [doc["id"]]
        ).fetchone()
        if same and same[0] == doc["extraction_hash"] and (source_path is None or same[1] == doc["source_path"]):
            return "unchanged"
        if same and source_path and same[1] and same[1] not in (source_path, twin_path) and Path(same[1]).exists():
            return "duplicate"
        if source_path:
            old = [
                r[0]
                for r in db.execute(
                    "select id from documents where id = ? or source_path = ? or source_path = ?",
                    [doc["id"], source_path, twin_path or source_path],
                ).fetchall()
            ]
        else:
            # The same paper is the same file stem: report.pdf and report.txt are two renderings
            # of one paper, so loading either replaces the other (and a new version of it).
            old = [
                r[0]
                for r in db.execute(
                    "select id from documents where (paper = ? and source_path is null) or id = ?",
                    [doc["paper"], doc["id"]],
                ).fetchall()
            ]
        for document_id in old:
            delete_document(db, document_id)
        # A paper that failed before (in either rendering) and now loads: its failure rows go.
        if source_path:
            db.execute(
                "delete from problems where document_id is null and source_text in (?, ?)",
                [source_path, twin_path or source_path],
            )
        else:
            db.execute(
                "delete from problems where document_id is null and (source = ? or substr(source, 1, ?) = ?)",
                [doc["source"], len(doc["paper"]) + 1, doc["paper"] + "."],
            )
        for table, table_rows in rows.tables.items():
            _insert_rows(db, table, table_rows)
        return "replaced" if old else "loaded"


def _insert_rows(db: Database, table: str, rows: list[dict]) -> None:
    """``insert or replace`` a table's rows with one ``executemany``, every column of the table
    named in schema order (a row's missing keys are NULL).

    Same rows as ``db[table].insert_all(rows, replace=True)``, but sqlite-utils builds and
    JSON-checks every value in Python per chunk: that was 70% of load time (issue 9).
    The rows come from :func:`extraction_rows`, whose lists and dicts are already JSON text.
    """
    columns = table_columns()[table]
    unknown = rows[0].keys() - set(columns)  # a table's rows all come from one model
    if unknown:  # a model field with no column: a schema bug, never dropped silently
        raise LoadError(f"{table}: no column for {sorted(unknown)}")
    sql = (
        f"insert or replace into [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
        f"values ({', '.join('?' for _ in columns)})"
    )
    db.conn.executemany(sql, [tuple(map(row.get, columns)) for row in rows])


@functools.cache
def table_columns() -> dict[str, tuple[str, ...]]:
    return {spec.name: tuple(spec.columns) for spec in table_specs()}


def record_failure(
    db: Database, source: str | Path, error: BaseException, *, code: str = "build_failed", severity: str = "error"
) -> None:
    """A file that could not be extracted becomes a row in ``problems`` (no document row):
    ``source`` is its file name, ``source_text`` its full path (two folders may each hold a
    ``minutes.txt`` that fails; each keeps its own row, and each goes when that file loads)."""
    from boardpapers.schemas.files import shown

    name = shown(Path(source).name)
    where = shown(Path(source).resolve())
    message = f"{type(error).__name__}: {error}"[:2000]
    if isinstance(error, ValidationError):  # one "field.path: message" a problem, not pydantic's own text
        message = f"ValidationError: {'; '.join(format_validation_error(error))}"[:2000]
    problem = Problem(
        severity=severity,
        code=code,
        message=message,
        provenance=Provenance(document_id="", page=1, text=where, parser="build", parser_version="1"),
    )
    row = {
        "id": problem.id,
        "document_id": None,
        "page": None,
        "source_text": where,
        "parser": "build",
        "parser_version": "1",
        "severity": severity,
        "code": code,
        "message": message,
        "source": name,
    }
    with write_lock(db):
        db.execute(
            "delete from problems where document_id is null and (source_text = ? or (source_text = source "
            "and source = ?))",
            [where, name],
        )  # the second: rows written before paths were kept
        db["problems"].insert(row, replace=True)


@dataclass
class Run:
    command: str
    paths: list[str]
    counts: dict[str, int] = field(
        default_factory=lambda: {"loaded": 0, "replaced": 0, "unchanged": 0, "failed": 0, "duplicates": 0, "skipped": 0}
    )

    def count(self, outcome: str) -> None:
        self.counts["duplicates" if outcome == "duplicate" else outcome] += 1


@contextlib.contextmanager
def run(db: Database, command: str, paths: Iterable[str | Path], parser_version: str | None = None) -> Iterator[Run]:
    """Record a build or load in ``runs``: the only place wall-clock time is kept."""
    import sqlite3

    from boardpapers.schemas.files import shown

    r = Run(command, [shown(p) for p in paths])
    started, t0 = datetime.now(UTC), time.perf_counter()
    failed = False
    try:
        yield r
    except BaseException:
        failed = True
        raise
    finally:
        try:
            with write_lock(db):
                db["runs"].insert(
                    {
                        "command": command,
                        "started": started.isoformat(timespec="seconds"),
                        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
                        "seconds": round(time.perf_counter() - t0, 3),
                        "paths": _json(r.paths),
                        "parser_version": parser_version,
                        **r.counts,
                    }
                )
        except (sqlite3.Error, LoadError):
            if not failed:
                raise
            # The run failed on the database itself (a full disk ...): that error is the one to
            # report, not this second one, and the runs row is only a log.
