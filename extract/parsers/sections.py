"""Split a document into sections, each labelled so the right rules parse it.

Most papers are one section of their own doc type. Agenda packs bundle several papers
(a commissioning paper, terms of reference, a performance report, minutes ...): the front
sheet becomes an "agenda" section and each paper a section of its own kind. The front
sheet's items say which papers to expect, in order; each paper starts at the first
unnumbered heading after the previous one whose words name its kind, pulled back over the
title lines just above it ("DRAFT SAFER PLYMOUTH" over "Integrated Commissioning").
"""

from __future__ import annotations

from boardpapers.schemas.document import Block, Document
from boardpapers.schemas.records import DocumentMeta

from ..language.kinds import section_kind
from .agenda import agenda_items
from .common import Section

_TITLE_LINES = 3  # title lines pulled in above a paper's kind heading


def _is_title(b: Block) -> bool:
    return (
        b.kind in ("heading", "paragraph")
        and not b.marker
        and len(b.text.split()) <= 12
        and not b.text.rstrip().endswith((".", ":", ";"))
    )


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
        kind = section_kind(item.title) or section_kind(item.purpose or "")
        if kind is None:
            continue
        for k in range(cursor, len(blocks)):
            b = blocks[k]
            if (
                b.kind in ("heading", "paragraph")
                and not b.marker
                and len(b.text.split()) <= 12
                and section_kind(b.text) == kind
            ):
                start = k
                while start - 1 >= cursor and start > k - _TITLE_LINES and _is_title(blocks[start - 1]):
                    start -= 1
                starts.append((start, kind, f"Item {item.number}: {item.title}"))
                cursor = k + 1
                break
    if not starts:
        # A notice of a meeting whose papers are not bundled, or not found: its front sheet is an
        # agenda (its "Members:" list is whom it summons, not who attended), the rest read as the pack.
        front = Section(kind="agenda", title=meta.title or "Agenda", blocks=list(blocks[:front_end]))
        rest = list(blocks[front_end:])
        return [front, Section(kind=meta.doc_type, title=meta.title or doc.name, blocks=rest)] if rest else [front]
    sections = [Section(kind="agenda", title=meta.title or "Agenda", blocks=list(blocks[: starts[0][0]]))]
    for n, (start, kind, title) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(blocks)
        sections.append(Section(kind=kind, title=title, blocks=list(blocks[start:end])))
    return sections
