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

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}


def read(path: str | Path, *, password: str | None = None) -> Document:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError("no such file", document=str(path)) from None
    except IsADirectoryError:
        raise ReadError("is a folder, not a file", document=str(path)) from None
    except OSError as e:
        raise ReadError(f"cannot read the file ({e.strerror})", document=str(path)) from None
    if not data:
        raise ReadError("the file is empty (0 bytes)", document=str(path))
    if data.lstrip()[:5] == b"%PDF-" or b"%PDF-" in data[:1024]:
        from .grids import unfold
        from .pdf import read_pdf

        doc = read_pdf(path, data=data, password=password)
        return doc.model_copy(update={"blocks": unfold(doc.blocks)})
    if path.suffix.lower() == ".pdf":
        # A text rendering saved as .pdf (issue 8) says so; other bytes may be damage or another format.
        hint = ("it looks like text: rename it .txt" if _looks_like_text(data)
                else "is it damaged, or another format renamed .pdf?")
        raise ReadError("not a PDF: the file does not start with %PDF-", document=str(path), hint=hint)
    from .text import read_text

    return read_text(path, data=data)


def _looks_like_text(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start < len(head) - 4:  # not just a character cut at the 4 KB boundary
            return False
        text = head[:e.start].decode("utf-8")
    return sum(c.isprintable() or c in "\n\r\t\f" for c in text) >= 0.95 * max(len(text), 1)
