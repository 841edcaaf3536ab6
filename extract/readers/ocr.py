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
                jobs=os.cpu_count() or 1,
            )
        except ocrmypdf.exceptions.ExitCodeException as e:
            raise ReadError(f"OCR failed ({type(e).__name__}: {str(e)[:120]})", document=path) from e
        return target.read_bytes()


# --- the text layer, retyped ------------------------------------------------------------------
#
# OCRmyPDF lays each word over the scan in one invisible font, sized from its line's height.
# Read as it is, that text has no bold (so no bold headings or labels), a size that wanders
# from line to line (so lines of body text read as headings), bullets read as '.' or '«', and
# no ruling lines (so no ruled tables). The page is therefore retyped for the PDF reader:
# the same words at the same places, with what the scan shows: a line's size relative to the
# page's body text (kept only where it is clearly larger), bold where a word's strokes are
# clearly heavier than the page's usual ink, a bullet where a line opens with a dot, and the
# long straight rules of the scan (table borders) as drawn lines.

_BULLET_READINGS = set(".·•«»*°¢+~") | {"e", "o", "®", "©"}
_ASCII = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2026": "...",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\u2022": "\u00b7",
    }
)


def retype(data: bytes, pages: list[int], *, dpi: int = 150) -> bytes:
    """The OCR'd PDF with the text of ``pages`` (1-based) retyped as described above; other
    pages keep their own text."""
    import io

    import pdfplumber
    import pypdfium2 as pdfium
    from fpdf import FPDF

    out = FPDF(unit="pt")
    out.set_auto_page_break(False)
    pdf = pdfium.PdfDocument(data)
    with pdfplumber.open(io.BytesIO(data)) as plumber:
        for number, page in enumerate(plumber.pages, start=1):
            width, height = float(page.width), float(page.height)
            out.add_page(format=(width, height))
            words = _ocr_words(page.chars)
            if number not in pages:
                _type_words(out, [(w, 10.0, False) for w in words], height)
                continue
            gray = _gray(pdf, number - 1, dpi)
            scale = dpi / 72.0
            _draw_rules(out, gray < 200, scale)  # a thin rule scans grey: a lighter threshold
            _type_words(out, _styled(words, gray < 128, scale), height)
    pdf.close()
    return bytes(out.output())


def _ocr_words(chars: list[dict]) -> list[dict]:
    """The OCR layer's words: its characters in the order written, split at its spaces.

    Not pdfplumber's words: OCRmyPDF sets a line along its baseline's slope, so on a scan a
    degree askew every character is a little turned, reads as not upright, and pdfplumber
    would group such characters top to bottom, one letter a word."""
    words: list[dict] = []
    current: list[dict] = []

    def flush() -> None:
        if current:
            words.append(
                {
                    "text": "".join(c["text"] for c in current),
                    "x0": min(c["x0"] for c in current),
                    "x1": max(c["x1"] for c in current),
                    "top": min(c["top"] for c in current),
                    "bottom": max(c["bottom"] for c in current),
                }
            )
            current.clear()

    for c in chars:
        if not c["text"].strip():
            flush()
            continue
        if current:
            prev = current[-1]
            size = max(prev["bottom"] - prev["top"], 1.0)
            if c["x0"] < prev["x0"] or c["x0"] - prev["x1"] > size or abs(c["top"] - prev["top"]) > size / 2:
                flush()  # a new line, or a gap no word has
        current.append(c)
    flush()
    return words


def _gray(pdf, index: int, dpi: int):
    """The page as an array of grey levels (0 black, 255 white)."""
    import numpy as np

    page = pdf[index]
    try:
        image = page.render(scale=dpi / 72.0, grayscale=True).to_pil().convert("L")
    finally:
        page.close()
    return np.asarray(image)


def _lines(words: list[dict]) -> list[list[dict]]:
    """Words grouped into lines: a word joins the line whose middle it shares."""
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        mid = (w["top"] + w["bottom"]) / 2
        for line in lines:
            ref = line[0]
            if ref["top"] <= mid <= ref["bottom"] and w["x0"] >= line[-1]["x0"]:
                line.append(w)
                break
        else:
            lines.append([w])
    return lines


def _styled(words: list[dict], ink, scale: float) -> list[tuple[dict, float, bool]]:
    import statistics

    lines = _lines(words)
    if not lines:
        return []
    heights = [statistics.median(w["bottom"] - w["top"] for w in line) for line in lines]
    body = statistics.median(heights)
    densities = {id(w): _density(ink, w, scale) for w in words if sum(c.isalnum() for c in w["text"]) >= 3}
    usual = statistics.median(densities.values()) if densities else 0.0
    out = []
    for line, h in zip(lines, heights):
        ratio = h / body if body else 1.0
        # A line clearly taller than the body text is larger type; the rest is body size.
        size = round(10.0 * ratio, 1) if ratio >= 1.3 else 10.0
        measured = [densities[id(w)] for w in line if id(w) in densities]
        line_bold = bool(measured) and usual > 0 and statistics.median(measured) >= 1.3 * usual
        for k, w in enumerate(line):
            text = w["text"]
            if k == 0 and len(line) > 1 and text in _BULLET_READINGS and line[1]["x0"] - w["x1"] > 0.3 * h:
                w = {**w, "text": "\u00b7"}  # a dot before the line's text: a bullet
            d = densities.get(id(w))
            bold = line_bold or (d is not None and usual > 0 and d >= 1.4 * usual)
            out.append((w, size, bold))
    return out


def _density(ink, w: dict, scale: float) -> float:
    top, bottom = int(w["top"] * scale), int(w["bottom"] * scale) + 1
    x0, x1 = int(w["x0"] * scale), int(w["x1"] * scale) + 1
    box = ink[top:bottom, x0:x1]
    return float(box.mean()) if box.size else 0.0


def _type_words(out, styled: list[tuple[dict, float, bool]], page_height: float) -> None:
    for w, size, bold in styled:
        # A table's ruling line beside a word is read as a '|' stuck to it ('|May-16'): the rule
        # is drawn as a line already.
        raw = w["text"]
        text = raw.strip("|").translate(_ASCII).encode("latin-1", "replace").decode("latin-1")
        if not text.strip():
            continue
        if len(text) < len(raw):  # the word's box without the stripped marks, in proportion
            per = (w["x1"] - w["x0"]) / len(raw)
            lead = len(raw) - len(raw.lstrip("|"))
            trail = len(raw) - len(raw.rstrip("|"))
            w = {**w, "x0": w["x0"] + lead * per, "x1": w["x1"] - trail * per}
        out.set_font("Helvetica", "B" if bold else "", size)
        natural = out.get_string_width(text)
        box = max(w["x1"] - w["x0"], 1.0)
        out.set_stretching(max(10.0, min(400.0, 100.0 * box / natural)) if natural else 100.0)
        # The word's baseline a fifth of its box above the box's foot (descenders below it).
        baseline = w["bottom"] - 0.2 * (w["bottom"] - w["top"])
        out.text(w["x0"], baseline, text)
        # A space after each word, as typed text has: the words stay apart however close they sit.
        out.set_stretching(100.0)
        out.text(w["x1"], baseline, " ")
    out.set_stretching(100.0)


def _draw_rules(out, ink, scale: float) -> None:
    """The scan's long straight rules (table borders, underlines of a form) as drawn lines."""
    import numpy as np

    rows, cols = ink.shape
    min_len = int(0.08 * cols)  # longer than any word is wide

    def runs(mask_1d):
        padded = np.concatenate(([False], mask_1d, [False]))
        edges = np.flatnonzero(padded[1:] != padded[:-1])
        return [(a, b) for a, b in zip(edges[::2], edges[1::2]) if b - a >= min_len]

    out.set_line_width(0.5)
    found: list[tuple[int, int, int]] = []
    for y in range(rows):
        for a, b in runs(ink[y]):
            if found and found[-1][0] >= y - 2 and abs(found[-1][1] - a) <= 2 and abs(found[-1][2] - b) <= 2:
                continue  # the same rule, a pixel thicker
            found.append((y, a, b))
    for y, a, b in found:
        out.line(a / scale, y / scale, b / scale, y / scale)
    found = []
    min_len = int(0.03 * rows)
    for x in range(cols):
        for a, b in runs(ink[:, x]):
            if found and found[-1][0] >= x - 2 and abs(found[-1][1] - a) <= 2 and abs(found[-1][2] - b) <= 2:
                continue
            found.append((x, a, b))
    for x, a, b in found:
        out.line(x / scale, a / scale, x / scale, b / scale)
