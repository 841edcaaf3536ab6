"""Run the plan and scrutiny parsers on a small text rendering, without the pipeline."""

from __future__ import annotations

from pathlib import Path

from boardpapers.extract.parsers import plans, scrutiny
from boardpapers.extract.parsers.common import Context, Section
from boardpapers.extract.readers.text import read_text
from boardpapers.schemas.records import DocumentMeta

FIXTURES = Path(__file__).parent / "fixtures" / "plans"
# The fields each record kind is compared on in the fixture files' expected JSON.
FIELDS = {
    "Indicator": [
        "name",
        "owner",
        "owners",
        "target",
        "period",
        "level",
        "status_note",
        "monitoring_only",
        "theme",
        "flags",
    ],
    "Action": [
        "item",
        "text",
        "owner",
        "owners",
        "organisations",
        "due",
        "due_date",
        "due_approximate",
        "kind",
        "status",
        "progress",
    ],
    "Decision": ["item", "text", "kind"],
    "Progress": ["aim", "progress", "status", "theme"],
    "Priority": ["name", "description", "category", "lead"],
    "Conclusion": ["text"],
    "Witness": ["name", "role", "date"],
}


def records(text: str, parser: str = "plans", name: str = "paper.md", date: str | None = "2017"):
    doc = read_text(name, data=text.encode())
    meta = DocumentMeta(doc_id=doc.id, source=doc.name, source_kind="text", page_count=doc.page_count, date=date)
    module = {"plans": plans, "scrutiny": scrutiny}[parser]
    return list(module.parse(Section(kind=parser, title="test", blocks=doc.blocks), Context(doc=doc, meta=meta)))


def project(record) -> dict:
    kind = type(record).__name__
    data = record.model_dump(mode="json")
    return {"kind": kind, **{f: data[f] for f in FIELDS[kind]}}


def of(kind: str, recs: list) -> list:
    return [r for r in recs if type(r).__name__ == kind]
