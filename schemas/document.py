"""The one document model every reader produces and every parser reads.

A PDF (through pdfplumber) and a text rendering of it (markdown pipe tables, tab-separated
tables, HTML fragments) both become a :class:`Document`: ordered blocks, each knowing its
page (1-based), its box where the PDF gives one, and the source text it came from.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# "field": a labelled value the paper lays out as a key and its value ("Date | 23 May 2022" in a
# ruled box, "Committee: Full Governing Body", a front-matter entry); ``label`` holds the key.
BlockKind = Literal["heading", "paragraph", "list_item", "table", "footnote", "margin", "field"]
SourceKind = Literal["pdf", "text", "docx"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Box(_Strict):
    """A rectangle in PDF points, pdfplumber's convention: origin top-left."""

    x0: float
    top: float
    x1: float
    bottom: float

    def union(self, other: Box | None) -> Box:
        if other is None:
            return self
        return Box(
            x0=min(self.x0, other.x0),
            top=min(self.top, other.top),
            x1=max(self.x1, other.x1),
            bottom=max(self.bottom, other.bottom),
        )


class Cell(_Strict):
    text: str = Field(description="Cell text, markup removed, line breaks as newlines")
    box: Box | None = Field(default=None, description="Cell box in the PDF, where known")
    bold: bool = Field(default=False, description="The cell's text is bold")


class Row(_Strict):
    cells: list[Cell]
    header: bool = Field(
        default=False, description="True for header rows (including a header repeated after a page break)"
    )
    page: int = Field(ge=1, description="1-based page the row starts on")

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


class Table(_Strict):
    rows: list[Row]
    n_cols: int = Field(ge=0)
    pages: list[int] = Field(default_factory=list, description="Pages the table spans, in order")
    ruled: bool | None = Field(
        default=None, description="PDF tables: drawn with ruling lines (True) or aligned text (False)"
    )
    caption: str | None = Field(
        default=None, description="A title row spanning the table above its column labels, lifted out of the rows"
    )
    unfolded: bool = Field(
        default=False,
        description="The table lays out prose or labelled values (a minutes grid, a meeting-details box), not data: "
        "the blocks right after it hold its text as headings, paragraphs, margins and fields, which is "
        "what the rules read; the table stays only to be counted as a table",
    )

    @property
    def header_rows(self) -> list[Row]:
        out = []
        for row in self.rows:
            if not row.header:
                break
            out.append(row)
        return out

    @property
    def body_rows(self) -> list[Row]:
        return self.rows[len(self.header_rows) :]

    def header_texts(self) -> list[str]:
        """The header as one row: a wrapped or two-row header joined per column.

        A spanning top cell ("Baseline period" over "(%)" and "(n)") is carried over the
        empty cells to its right, so each column reads "Baseline period (n)".
        """
        rows = self.header_rows
        if not rows:
            return []
        cols = [""] * self.n_cols
        for r_i, row in enumerate(rows):
            texts = row.texts + [""] * (self.n_cols - len(row.cells))
            carried = ""
            for i, text in enumerate(texts[: self.n_cols]):
                text = " ".join(text.split())
                below = any(
                    " ".join((rows[k].texts + [""] * self.n_cols)[i].split()) for k in range(r_i + 1, len(rows))
                )
                if text:
                    carried = text
                elif carried and len(rows) > 1 and r_i < len(rows) - 1 and below:
                    text = carried
                cols[i] = f"{cols[i]} {text}".strip() if text else cols[i]
        return cols


class Block(_Strict):
    kind: BlockKind
    text: str = Field(description="Clean text: markup stripped, lines re-joined")
    page: int = Field(ge=1)
    source: str = Field(description="The source text as written (markdown or PDF line text)")
    box: Box | None = None
    level: int | None = Field(default=None, description="Heading level, 1 = largest")
    marker: str | None = Field(
        default=None, description="List marker or paragraph number as written ('-', '1.', 'ii)')"
    )
    depth: int = Field(default=0, ge=0, description="List nesting depth")
    bold: bool = Field(default=False, description="The whole block is bold in the source")
    bold_spans: list[str] = Field(default_factory=list, description="Texts set in bold inside the block")
    lines: tuple[int, int] | None = Field(
        default=None, description="Text renderings: first and last source line, 1-based"
    )
    table: Table | None = None
    label: str | None = Field(
        default=None, description="Fields: the key as written ('Date', 'Chaired by'), without its colon"
    )


class Document(_Strict):
    id: str = Field(description="sha256 of the file's bytes, first 16 hex digits")
    source_path: str
    source_kind: SourceKind
    page_count: int = Field(ge=0)
    blocks: list[Block] = Field(default_factory=list)
    properties: dict[str, str] = Field(
        default_factory=dict,
        description="What the file says of itself outside the paper's text: a web page's front matter "
        "('title', 'date', 'start'), a PDF's document information ('pdf:Title', 'pdf:CreationDate'). "
        "Metadata reads these last, and says so in its evidence",
    )
    ocr_pages: list[int] = Field(
        default_factory=list, description="Pages whose text OCR made (`--ocr`): they had no text layer"
    )
    skipped_pages: list[tuple[int, str]] = Field(
        default_factory=list, description="Pages the reader could not read upright: (page, why); each becomes a problem"
    )

    @staticmethod
    def content_id(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()[:16]

    @property
    def name(self) -> str:
        return self.source_path.replace("\\", "/").rsplit("/", 1)[-1]

    @property
    def stem(self) -> str:
        return self.name.rsplit(".", 1)[0] if "." in self.name else self.name

    def tables(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "table"]

    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks if b.kind != "table")

    def page_texts(self) -> list[tuple[int, str]]:
        """The text of each page (tables included), for full-text search: (page, text) in page order."""
        pages: dict[int, list[str]] = {}
        for block in self.blocks:
            if block.text.strip():
                pages.setdefault(block.page, []).append(block.text)
        return [(page, "\n\n".join(texts)) for page, texts in sorted(pages.items())]
