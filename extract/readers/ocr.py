"""Scanned pages (``--ocr``): OCR through OCRmyPDF (which runs Tesseract), then the ordinary PDF reader.

Only pages with no text layer are recognised (OCRmyPDF's ``--skip-text``): a typed page keeps
its own text, and a paper that is all typed is read as it is, without running OCR at all.
OCRmyPDF lays the recognised words, invisible, over each page image, with their positions and
sizes, so the PDF reader reads them as it reads any page. The Document keeps the id of the file
itself (its bytes, not the OCR copy's: a re-build knows it, and ``/papers/`` serves it) and
lists the pages OCR read in ``ocr_pages``; every record read from those pages says so in its
provenance (``ocr: true``).

OCRmyPDF is a Python package (``pip install 'boardpapers[ocr]'``); Tesseract comes from the
system's packages (``scripts/install-ocr.sh``). Without them, ``--ocr`` says how to get them.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from boardpapers.schemas.errors import ReadError

# Tesseract's language for English papers; BOARDPAPERS_OCR_LANGUAGE="eng+cym" reads Welsh too.
LANGUAGE = os.environ.get("BOARDPAPERS_OCR_LANGUAGE", "eng")


def pages_without_text(data: bytes) -> list[int]:
    """1-based numbers of the pages that have no text layer (no character at all)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        out = []
        for i in range(len(pdf)):
            page = pdf[i]
            text_page = page.get_textpage()
            try:
                if not text_page.get_text_range().strip():
                    out.append(i + 1)
            finally:
                text_page.close()
                page.close()
        return out
    finally:
        pdf.close()


def ocr_available() -> str | None:
    """None when OCR can run here, else what is missing and how to install it."""
    try:
        import ocrmypdf  # noqa: F401
    except ImportError:
        return "OCR needs OCRmyPDF: pip install 'boardpapers[ocr]'"
    if shutil.which("tesseract") is None:
        return "OCR needs Tesseract: run scripts/install-ocr.sh (or apt-get install tesseract-ocr)"
    return None


def ocr_pdf(path: str, data: bytes) -> bytes:
    """The PDF with a text layer on every page that had none (OCRmyPDF, ``skip_text``)."""
    missing = ocr_available()
    if missing:
        raise ReadError("no text layer, and OCR cannot run here", document=path, hint=missing)
    import logging

    import ocrmypdf

    # OCRmyPDF logs each page's progress at INFO and warnings about the scan itself (its
    # resolution, a page already holding text): the build says what matters in one line.
    logging.getLogger("ocrmypdf").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory(prefix="boardpapers-ocr-") as tmp:
        source, target = Path(tmp) / "in.pdf", Path(tmp) / "out.pdf"
        source.write_bytes(data)
        try:
            ocrmypdf.ocr(
                source,
                target,
                skip_text=True,  # typed pages keep their own text
                language=[LANGUAGE],
                output_type="pdf",  # no PDF/A conversion: the copy is only read, never kept
                optimize=0,
                progress_bar=False,
                jobs=1,  # --jobs runs papers in parallel already
            )
        except ocrmypdf.exceptions.ExitCodeException as e:
            raise ReadError(f"OCR failed ({type(e).__name__}: {str(e)[:120]})", document=path) from e
        return target.read_bytes()
