"""Readers: a file -> :class:`~boardpapers.schemas.document.Document`.

``read(path)`` sniffs the bytes, not the name: a ``.txt`` that is really a PDF is read as a
PDF, and random bytes named ``.pdf`` get a clear :class:`ReadError`.
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
        from boardpapers.extract.readers.pdf import read_pdf

        return read_pdf(path, data=data, password=password)
    if path.suffix.lower() == ".pdf":
        raise ReadError("not a PDF: the file does not start with %PDF-", document=str(path),
                        hint="is it damaged, or another format renamed .pdf?")
    from boardpapers.extract.readers.text import read_text

    return read_text(path, data=data)
