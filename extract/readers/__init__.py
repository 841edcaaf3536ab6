"""Readers: a file -> :class:`~boardpapers.schemas.document.Document`.

``read(path)`` sniffs the bytes, not the name: a ``.txt`` that is really a PDF is read as a
PDF, and random bytes named ``.pdf`` get a clear :class:`ReadError`. Tables that lay out
prose or labelled values are unfolded into blocks (:mod:`.grids`) for both kinds of file:
the text reader does it itself, a PDF's blocks here.
"""

from __future__ import annotations

from pathlib import Path

from boardpapers.schemas.document import Document
from boardpapers.schemas.errors import ReadError
from boardpapers.schemas.files import is_pdf, read_bytes, shown

from .choice import READER_ENV, READERS, default_reader

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
__all__ = ["READERS", "READER_ENV", "default_reader", "read"]


def read(path: str | Path, *, password: str | None = None, ocr: bool = False, reader: str | None = None) -> Document:
    """``reader``: 'pdfium' (the default) or 'pdfplumber' for PDFs (:mod:`.choice`). ``ocr``: pages of a PDF with no text layer are read through OCR (:mod:`.ocr`), not refused.

    A paper ``boardpapers fetch`` downloaded carries what its manifest says of it (committee,
    meeting date, URL) in its properties: see :mod:`boardpapers.extract.fetch.manifest`."""
    doc = _read(path, password=password, ocr=ocr, reader=reader)
    from ..fetch.manifest import entry_for, properties

    entry = entry_for(path)
    if entry is None:
        return doc
    return doc.model_copy(update={"properties": {**doc.properties, **properties(entry)}})


def _read(path: str | Path, *, password: str | None, ocr: bool, reader: str | None) -> Document:
    # Only a regular file, of bounded size (a named pipe or /dev/zero would hang or fill the
    # memory), and named as text that prints and stores (a file name need not be UTF-8).
    data = read_bytes(path)
    name = shown(path)
    if not data:
        raise ReadError("the file is empty (0 bytes)", document=name)
    if is_pdf(data):
        from .pdf import read_pdf

        if ocr:
            return _read_scanned(name, data, password, reader)
        return read_pdf(name, data=data, password=password, reader=reader)
    from .docx import is_docx

    if is_docx(data):
        from .docx import read_docx

        return read_docx(name, data)
    if Path(path).suffix.lower() == ".docx" or data.startswith(b"PK\x03\x04"):
        # A Word file is a ZIP archive holding word/document.xml; anything else so named is refused.
        raise ReadError(
            "not a Word file: a .docx is a ZIP archive holding word/document.xml",
            document=name,
            hint="is it damaged, an old .doc renamed, or another format? Save it from Word as .docx or .pdf",
        )
    if Path(path).suffix.lower() == ".pdf":
        # A text rendering saved as .pdf (issue 8) says so; other bytes may be damage or another format.
        hint = (
            "it looks like text: rename it .txt"
            if _looks_like_text(data)
            else "is it damaged, or another format renamed .pdf?"
        )
        raise ReadError("not a PDF: the file does not start with %PDF-", document=name, hint=hint)
    from .text import read_text

    return read_text(name, data=data)


def _read_scanned(name: str, data: bytes, password: str | None, reader: str | None = None) -> Document:
    """A PDF whose pages without text are first read by OCR; the Document keeps the file's own id."""
    from .ocr import ocr_pdf, pages_without_text, retype
    from .pdf import read_pdf

    try:
        scanned = [] if password else pages_without_text(data)
    except Exception:  # noqa: BLE001 - damaged or encrypted: the PDF reader says what is wrong
        scanned = []
    if not scanned:
        return read_pdf(name, data=data, password=password, reader=reader)
    doc = read_pdf(name, data=retype(ocr_pdf(name, data), scanned), reader=reader)
    return doc.model_copy(update={"id": Document.content_id(data), "ocr_pages": scanned})


def _looks_like_text(data: bytes) -> bool:
    from boardpapers.schemas.files import utf16_text

    if utf16_text(data[:4096]) is not None:
        return True
    head = data[:4096]
    if b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start < len(head) - 4:  # not just a character cut at the 4 KB boundary
            return False
        text = head[: e.start].decode("utf-8")
    return sum(c.isprintable() or c in "\n\r\t\f" for c in text) >= 0.95 * max(len(text), 1)
