"""What every parser shares: the context it runs in and how it writes provenance."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from boardpapers.schemas.document import Block, Box, Document
from boardpapers.schemas.records import DocumentMeta, Provenance

T = TypeVar("T")


@dataclass
class Section:
    """A run of blocks parsed by one family of rules (a whole paper, or one paper of a pack)."""

    kind: str  # plan, minutes, scrutiny_report, performance_report, agenda, commissioning ...
    title: str
    blocks: list[Block]

    @property
    def first_page(self) -> int:
        return self.blocks[0].page if self.blocks else 1

    @property
    def last_page(self) -> int:
        return self.blocks[-1].page if self.blocks else 1


@dataclass
class Context:
    doc: Document
    meta: DocumentMeta
    shared: dict = field(default_factory=dict)  # what one parser learns for another (attendees ...)

    def once(self, key: str, make: Callable[[], T]) -> T:
        """A value of the whole paper, worked out the first time a parser asks for it and kept
        in ``shared`` (the paper does not change while it is parsed)."""
        if key not in self.shared:
            self.shared[key] = make()
        return self.shared[key]

    def provenance(
        self,
        block: Block | None,
        parser: str,
        version: str,
        text: str | None = None,
        box: Box | None = None,
        page: int | None = None,
        lines: tuple[int, int] | None = None,
    ) -> Provenance:
        return Provenance(
            document_id=self.doc.id,
            page=page or (block.page if block else 1),
            text=(text if text is not None else (block.source if block else ""))[:2000],
            box=box if box is not None else (block.box if block else None),
            lines=lines or (block.lines if block else None),
            parser=parser,
            parser_version=version,
        )
