"""Every table of a paper as a record: its title, header as written and body rows."""

from __future__ import annotations

from collections.abc import Iterator

from boardpapers.schemas.document import Block
from boardpapers.schemas.records import TableRecord

from .common import Context, Section

PARSER = "tables"
VERSION = "1"


def table_title(blocks: list[Block], index: int) -> str | None:
    """The heading (or short lead-in line) nearest above the table."""
    for k in range(index - 1, max(index - 6, -1), -1):
        b = blocks[k]
        if b.kind == "heading":
            return ((b.marker + " ") if b.marker else "") + b.text
        if b.kind == "paragraph" and len(b.text.split()) <= 12:
            return b.text
        if b.kind == "table":
            return None
    return None


def parse_tables(section: Section, ctx: Context) -> Iterator[TableRecord]:
    blocks = section.blocks
    for i, block in enumerate(blocks):
        if block.kind != "table" or block.table is None:
            continue
        table = block.table
        yield TableRecord(
            title=table.caption or table_title(blocks, i),
            header=table.header_texts(),
            n_rows=len(table.body_rows),
            n_cols=table.n_cols,
            pages=table.pages or [block.page],
            rows=[row.texts for row in table.body_rows],
            provenance=ctx.provenance(block, PARSER, VERSION),
        )
