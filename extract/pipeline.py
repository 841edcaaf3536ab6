"""read -> structure -> parse -> validate: one document in, one :class:`Extraction` out.

The pipeline decides which parsers run on which section; parsers yield records of any
kind and the pipeline sorts them into the export's lists. A parser that fails on one
section is reported as a problem record, and the rest of the document still comes out.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from pydantic import ValidationError

from boardpapers.schemas.document import Document
from boardpapers.schemas.errors import ParseError, format_validation_error
from boardpapers.schemas.records import (
    RECORD_LISTS,
    Action,
    Attendee,
    Decision,
    Extraction,
    Indicator,
    Problem,
    Provenance,
    Record,
)
from boardpapers.schemas.records import Section as SectionRecord

from . import PARSER_VERSION
from .fetch.manifest import PROPERTY, of_record
from .parsers import agenda, figures, minutes, performance, plans, scrutiny
from .parsers.common import Context, Section
from .parsers.metadata import find_meeting, parse_metadata
from .parsers.sections import split_sections
from .parsers.tables import parse_tables
from .readers import read

log = logging.getLogger(__name__)
Parser = Callable[[Section, Context], Iterator[Record]]

# Which rules read which kind of section. The doc type chooses the rules a paper is read by
# first, not the only ones: recommendations put to a board are read in plans and reports too,
# action logs (tables of actions with owners) in any paper, numeric tables and the figures
# stated in prose wherever a paper reports them. Tables are read everywhere.
PARSERS: dict[str, list[Parser]] = {
    "minutes": [minutes.parse, agenda.parse_recommendations],
    "plan": [plans.parse, performance.parse_tables, figures.parse, agenda.parse_recommendations],
    "scrutiny_report": [scrutiny.parse],
    "performance_report": [performance.parse, plans.parse, agenda.parse_recommendations],
    "report": [agenda.parse_recommendations, plans.parse, performance.parse],
    "agenda_pack": [agenda.parse, minutes.parse, performance.parse, agenda.parse_recommendations, plans.parse],
    "agenda": [agenda.parse],
    "commissioning": [agenda.parse_recommendations, figures.parse],
    "terms_of_reference": [],
    # A paper no rule recognises still has its tables read by the table-driven rules, which
    # fire only on tables whose columns say what they hold (Lead / By when; months, quarters).
    "unknown": [plans.parse, performance.parse, agenda.parse_recommendations],
}
EVERYWHERE: list[Parser] = [parse_tables]


def extract_path(path: str | Path, *, password: str | None = None, ocr: bool = False) -> Extraction:
    return extract_document(read(path, password=password, ocr=ocr))


def extract_document(doc: Document) -> Extraction:
    # A fetched paper's committee and meeting date, from its manifest, are its metadata of record.
    meta = of_record(parse_metadata(doc), doc)
    ctx = Context(doc=doc, meta=meta)
    lists: dict[str, list[Record]] = {name: [] for name in RECORD_LISTS.values()}
    sections = split_sections(doc, meta)
    if len(sections) > 1:
        for s in sections:
            first = s.blocks[0] if s.blocks else None
            lists["sections"].append(
                SectionRecord(
                    title=s.title,
                    kind=s.kind,
                    first_page=s.first_page,
                    last_page=s.last_page,
                    provenance=ctx.provenance(first, "sections", "1", text=s.title),
                )
            )
    tables = {_where(b.page, b.lines, b.box) for b in doc.blocks if b.kind == "table"}
    for section in sections:
        # What the section's earlier parsers read, a later one does not read again: the same
        # record, or records of the same kind from a table an earlier parser read.
        read: set[tuple] = set()
        for parser in EVERYWHERE + PARSERS.get(section.kind, []):
            keys: set[tuple] = set()
            for record in _run(parser, section, ctx):
                name = RECORD_LISTS.get(type(record))
                if name is None:
                    raise ParseError(f"parser {parser.__module__} yielded a {type(record).__name__}", document=doc.name)
                readings = _readings(record, tables)
                if readings & read:
                    continue
                keys |= readings
                lists[name].append(record)
            read |= keys
    for page, why in doc.skipped_pages:  # said, not dropped in silence (issue 14)
        lists["problems"].append(
            Problem(
                severity="warning",
                code="page_skipped",
                message=f"page {page}: {why}",
                provenance=Provenance(document_id=doc.id, page=page, text=why, parser="reader", parser_version="1"),
            )
        )
    lists = {name: _dedupe(records) for name, records in lists.items()}
    meeting = find_meeting(doc, meta)
    origin_url = doc.properties.get(PROPERTY["url"])
    if origin_url or doc.ocr_pages:
        lists = {name: [_marked(r, doc, origin_url) for r in records] for name, records in lists.items()}
        meeting = _marked(meeting, doc, origin_url) if meeting else None
    return Extraction(
        source=doc.name,
        doc_id=doc.id,
        source_kind=doc.source_kind,
        page_count=doc.page_count,
        doc_type=meta.doc_type,
        title=meta.title,
        body=meta.body,
        place=meta.place,
        date=meta.date,
        meeting=meeting,
        metadata_evidence=meta.evidence,
        origin_url=origin_url,
        parser_version=PARSER_VERSION,
        **lists,
    )


def _marked(record: Record, doc: Document, origin_url: str | None) -> Record:
    """The record with its paper's web address, and ``ocr`` when its page's text came from OCR,
    in its provenance (its id, a hash of content and provenance, is made again)."""
    prov = record.provenance.model_copy(
        update={"origin_url": origin_url, "ocr": record.provenance.page in doc.ocr_pages}
    )
    data = {name: getattr(record, name) for name in type(record).model_fields if name not in ("id", "provenance")}
    return type(record)(**data, provenance=prov)


def _run(parser: Parser, section: Section, ctx: Context) -> Iterator[Record]:
    """Run one parser; a crash or an invalid record becomes a problem row, not a lost document."""
    name = getattr(parser, "__module__", "parser").rsplit(".", 1)[-1]
    try:
        yield from parser(section, ctx)
    except ValidationError as e:
        lines = format_validation_error(e)
        log.warning("%s: %s produced an invalid record: %s", ctx.doc.name, name, "; ".join(lines))
        pages = (
            f"page {section.first_page}"
            if section.first_page == section.last_page
            else f"pages {section.first_page}-{section.last_page}"
        )
        yield _problem(
            ctx, section, name, "invalid_record", f"invalid record in {ctx.doc.name}, {pages}: " + "; ".join(lines)
        )
    except (ValueError, KeyError, IndexError, TypeError, AttributeError, RecursionError, ParseError) as e:
        log.warning("%s: %s failed on section %r: %s", ctx.doc.name, name, section.title, e, exc_info=True)
        yield _problem(ctx, section, name, "parser_failed", f"{type(e).__name__}: {e}")


def _problem(ctx: Context, section: Section, parser: str, code: str, message: str) -> Problem:
    first = section.blocks[0] if section.blocks else None
    return Problem(
        severity="error",
        code=code,
        message=f"{parser}: {message}"[:2000],
        provenance=ctx.provenance(first, parser, "pipeline", text=section.title),
    )


def _where(page: int, lines, box) -> tuple:
    return page, tuple(lines) if lines else None, (round(box.x0), round(box.top)) if box else None


def _readings(record: Record, tables: set[tuple]) -> set[tuple]:
    """What a record says, where two parsers may both read it: its kind, page and words, and
    the table it comes from. An indicator table is read by the performance rules and by the
    plan rules; the doc type's first reader has it. Records only one parser makes: none."""
    if isinstance(record, (Indicator, Attendee)):
        text = record.name
    elif isinstance(record, (Action, Decision)):
        text = record.text
    else:
        return set()
    kind, p = type(record).__name__, record.provenance
    out = {(kind, p.page, " ".join(re.findall(r"[a-z0-9]+", (text or "").lower())))}
    where = _where(p.page, p.lines, p.box)
    if where in tables:
        out.add((kind, "table", where))
    return out


def _dedupe(records: list[Record]) -> list[Record]:
    """The same record twice (same content hash) is kept once, in first-seen order."""
    seen, out = set(), []
    for r in records:
        if r.id not in seen:
            seen.add(r.id)
            out.append(r)
    return out
