"""A tiny, dependency-free PDF writer for the PDF reader's rule tests.

Coordinates follow pdfplumber: points, origin top-left. Each page is a list of operations:

    text(x, top, "words", size=10, bold=False)
    rule(x0, top, x1, bottom)          # a ruling line (horizontal or vertical)
    image(x0, top, x1, bottom)         # a grey image: a page of these has no text layer
"""
from __future__ import annotations

import zlib

WIDTH, HEIGHT = 595.0, 842.0


def text(x: float, top: float, s: str, size: float = 10.0, bold: bool = False) -> tuple:
    return ("text", x, top, s, size, bold)


def rule(x0: float, top: float, x1: float, bottom: float) -> tuple:
    return ("rule", x0, top, x1, bottom)


def image(x0: float, top: float, x1: float, bottom: float) -> tuple:
    return ("image", x0, top, x1, bottom)


def _escape(s: str) -> bytes:
    raw = s.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content(ops: list[tuple], page_h: float = HEIGHT) -> bytes:
    out = []
    for op in ops:
        if op[0] == "text":
            _, x, top, s, size, bold = op
            baseline = page_h - top - 0.8 * size
            font = b"/F2" if bold else b"/F1"
            out.append(b"BT " + font + b" %.2f Tf %.2f %.2f Td (" % (size, x, baseline) + _escape(s) + b") Tj ET")
        elif op[0] == "rule":
            _, x0, top, x1, bottom = op
            out.append(b"0.5 w %.2f %.2f m %.2f %.2f l S" % (x0, page_h - top, x1, page_h - bottom))
        elif op[0] == "image":
            _, x0, top, x1, bottom = op
            out.append(b"q %.2f 0 0 %.2f %.2f %.2f cm /Im1 Do Q" % (x1 - x0, bottom - top, x0, page_h - bottom))
    return b"\n".join(out)


def make_pdf(pages: list[list[tuple]], width: float = WIDTH, height: float = HEIGHT,
             landscape: tuple[int, ...] = ()) -> bytes:
    """The bytes of a PDF with one page per list of operations (Helvetica, Helvetica-Bold);
    ``width`` widens the pages (a 200-column table); pages whose 0-based index is in
    ``landscape`` swap width and height (A4 landscape)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_id = add(b"")
    f1 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    f2 = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    pixels = zlib.compress(bytes([128]) * 64)
    im = add(b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 "
             b"/Filter /FlateDecode /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream")
    kids = []
    for i, ops in enumerate(pages):
        w, h = (height, width) if i in landscape else (width, height)
        stream = _content(ops, h)
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
                        % (pages_id, w, h, content, f1, f2, im)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(out)


def ruled_table(x0: float, top: float, widths: list[float], rows: list[list[str]], *, row_h: float = 18.0,
                size: float = 9.0, bold_first: bool = True) -> list[tuple]:
    """Operations for a fully ruled table, one text line per cell."""
    ops = []
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    for r, row in enumerate(rows):
        y = top + r * row_h
        for c, cell in enumerate(row):
            if cell:
                ops.append(text(xs[c] + 4, y + 4, cell, size=size, bold=bold_first and r == 0))
    bottom = top + len(rows) * row_h
    for r in range(len(rows) + 1):
        ops.append(rule(xs[0], top + r * row_h, xs[-1], top + r * row_h))
    for x in xs:
        ops.append(rule(x, top, x, bottom))
    return ops
