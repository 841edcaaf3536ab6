"""A tiny, dependency-free PDF writer for the PDF reader's rule tests.

Coordinates follow pdfplumber: points, origin top-left. Each page is a list of operations:

    text(x, top, "words", size=10, bold=False)
    rule(x0, top, x1, bottom)          # a ruling line (horizontal or vertical)
    image(x0, top, x1, bottom)         # a grey image: a page of these has no text layer
    fill(x0, top, x1, bottom, grey)    # a filled rectangle (cell shading, highlight, a diagram's box)
    vtext(x, bottom, "words", size)    # text set on its side, reading bottom to top from (x, bottom)
    mtext(x, top, "words", mcid=3)     # text inside marked content /P <</MCID 3>> (a tagged PDF's paragraph)
    clip(x0, top, x1, bottom, ops)     # ops drawn through a clipping rectangle (a browser's printable area)

``make_pdf(..., info={"Title": ...})`` writes a document information dictionary.
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


def fill(x0: float, top: float, x1: float, bottom: float, grey: float = 0.85) -> tuple:
    return ("fill", x0, top, x1, bottom, grey)


def vtext(x: float, bottom: float, s: str, size: float = 10.0, bold: bool = False) -> tuple:
    return ("vtext", x, bottom, s, size, bold)


def mtext(x: float, top: float, s: str, size: float = 10.0, bold: bool = False, *, mcid: int) -> tuple:
    return ("mtext", x, top, s, size, bold, mcid)


def clip(x0: float, top: float, x1: float, bottom: float, ops: list[tuple]) -> tuple:
    return ("clip", x0, top, x1, bottom, ops)


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
        elif op[0] == "fill":
            _, x0, top, x1, bottom, grey = op
            out.append(b"q %.2f g %.2f %.2f %.2f %.2f re f Q" % (grey, x0, page_h - bottom, x1 - x0, bottom - top))
        elif op[0] == "vtext":
            _, x, bottom, s, size, bold = op
            font = b"/F2" if bold else b"/F1"
            # Rotated 90 degrees anticlockwise: the baseline runs up the page from (x, bottom).
            out.append(
                b"BT "
                + font
                + b" %.2f Tf 0 1 -1 0 %.2f %.2f Tm (" % (size, x + 0.8 * size, page_h - bottom)
                + _escape(s)
                + b") Tj ET"
            )
        elif op[0] == "mtext":
            _, x, top, s, size, bold, mcid = op
            inner = _content([("text", x, top, s, size, bold)], page_h)
            out.append(b"/P <</MCID %d>> BDC " % mcid + inner + b" EMC")
        elif op[0] == "clip":
            _, x0, top, x1, bottom, inner_ops = op
            out.append(
                b"q %.2f %.2f %.2f %.2f re W n\n" % (x0, page_h - bottom, x1 - x0, bottom - top)
                + _content(inner_ops, page_h)
                + b"\nQ"
            )
    return b"\n".join(out)


def make_pdf(
    pages: list[list[tuple]],
    width: float = WIDTH,
    height: float = HEIGHT,
    landscape: tuple[int, ...] = (),
    info: dict[str, str] | None = None,
) -> bytes:
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
    im = add(
        b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Filter /FlateDecode /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream"
    )
    kids = []
    for i, ops in enumerate(pages):
        w, h = (height, width) if i in landscape else (width, height)
        stream = _content(ops, h)
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
                % (pages_id, w, h, content, f1, f2, im)
            )
        )
    info_id = None
    if info:
        info_id = add(b"<< " + b" ".join(b"/%s (%s)" % (k.encode(), _escape(v)) for k, v in info.items()) + b" >>")
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    info_ref = b" /Info %d 0 R" % info_id if info_id else b""
    out += b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        info_ref,
        xref,
    )
    return bytes(out)


def ruled_table(
    x0: float,
    top: float,
    widths: list[float],
    rows: list[list[str]],
    *,
    row_h: float = 18.0,
    size: float = 9.0,
    bold_first: bool = True,
) -> list[tuple]:
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
