"""Split a document into sections, each labelled so the right rules parse it.

Most papers are one section of their own doc type. Agenda packs bundle several papers
(a commissioning paper, terms of reference, a performance report, minutes ...): the front
sheet becomes an "agenda" section and each paper a section of its own kind. The front
sheet's items say which papers to expect, in order; each paper starts at the first
unnumbered heading after the previous one whose words name its kind, pulled back over the
title lines just above it ("DRAFT SAFER PLYMOUTH" over "Integrated Commissioning").
"""
from __future__ import annotations

import re

from boardpapers.extract.parsers.agenda import agenda_items
from boardpapers.extract.parsers.common import Section
from boardpapers.schemas.document import Block, Document
from boardpapers.schemas.records import DocumentMeta

# Kinds of paper, by the words of an agenda item or a paper's title. Order matters: the
# first that matches wins ("Minutes of the performance group" are minutes).
KINDS: list[tuple[str, re.Pattern]] = [
    ("minutes", re.compile(r"\bminutes\b|\bnotes of (?:the |a )?(?:last |previous )?meeting\b|\baction (?:log|notes)\b", re.I)),
    ("terms_of_reference", re.compile(r"\bterms of reference\b", re.I)),
    ("commissioning", re.compile(r"\bcommissioning\b|\bfunding (?:proposals?|recommendations?)\b|\bgrants?\b", re.I)),
    ("performance_report", re.compile(r"\bperformance\b|\bscorecard\b|\bdashboard\b|\bmonitoring report\b", re.I)),
    ("plan", re.compile(r"\b(?:delivery|action|partnership) plan\b|\bstrategy\b", re.I)),
    ("scrutiny_report", re.compile(r"\bscrutiny\b|\breview of\b", re.I)),
]
_TITLE_LINES = 3  # title lines pulled in above a paper's kind heading


def kind_of(text: str) -> str | None:
    for kind, rx in KINDS:
        if rx.search(text):
            return kind
    return None


def _is_title(b: Block) -> bool:
    return b.kind in ("heading", "paragraph") and not b.marker and len(b.text.split()) <= 12 \
        and not b.text.rstrip().endswith((".", ":", ";"))


def split_sections(doc: Document, meta: DocumentMeta) -> list[Section]:
    whole = [Section(kind=meta.doc_type or "unknown", title=meta.title or doc.name, blocks=list(doc.blocks))]
    if meta.doc_type != "agenda_pack":
        return whole
    blocks = doc.blocks
    items = agenda_items(blocks[:40])
    if not items:
        return whole
    front_end = max(blocks.index(b) for b, _ in items) + 1
    starts: list[tuple[int, str, str]] = []  # (block index, kind, title)
    cursor = front_end
    for _, item in items:
        kind = kind_of(item.title) or kind_of(item.purpose or "")
        if kind is None:
            continue
        for k in range(cursor, len(blocks)):
            b = blocks[k]
            if b.kind in ("heading", "paragraph") and not b.marker and len(b.text.split()) <= 12 and kind_of(b.text) == kind:
                start = k
                while start - 1 >= cursor and start > k - _TITLE_LINES and _is_title(blocks[start - 1]):
                    start -= 1
                starts.append((start, kind, f"Item {item.number}: {item.title}"))
                cursor = k + 1
                break
    if not starts:
        return whole
    sections = [Section(kind="agenda", title=meta.title or "Agenda", blocks=list(blocks[: starts[0][0]]))]
    for n, (start, kind, title) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(blocks)
        sections.append(Section(kind=kind, title=title, blocks=list(blocks[start:end])))
    return sections
