"""Data shapes only, no I/O: the document model, the extracted records, the errors.

Imports flow one way: ``boardpapers.schemas`` <- ``boardpapers.extract`` and
``boardpapers.schemas`` <- ``boardpapers.db``.
"""

from .document import Block, BlockKind, Box, Cell, Document, Row, Table
from .errors import BoardpapersError, ParseError, ReadError, format_validation_error
from .records import (
    RECORD_LISTS,
    Action,
    Attendee,
    Conclusion,
    Decision,
    DocumentMeta,
    Extraction,
    Figure,
    Indicator,
    IndicatorValue,
    Item,
    Meeting,
    Priority,
    Problem,
    Progress,
    Provenance,
    Record,
    Section,
    TableRecord,
    Witness,
)

__all__ = [
    "Action",
    "Attendee",
    "Conclusion",
    "Priority",
    "Progress",
    "RECORD_LISTS",
    "Record",
    "Section",
    "Witness",
    "Block",
    "BlockKind",
    "BoardpapersError",
    "Box",
    "Cell",
    "Decision",
    "Document",
    "DocumentMeta",
    "Extraction",
    "Figure",
    "Indicator",
    "IndicatorValue",
    "Item",
    "Meeting",
    "ParseError",
    "Problem",
    "Provenance",
    "ReadError",
    "Row",
    "Table",
    "TableRecord",
    "format_validation_error",
]
