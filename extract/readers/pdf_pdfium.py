"""The fast PDF path: pdfium (through pypdfium2) reads each page's characters and path
objects; pdfplumber's word rule (as :mod:`.pdf_words` writes it) and its table algorithms
run on them.

pdfplumber spends most of a page in pdfminer, interpreting the content stream in Python and
building a dict per character; pdfium does the interpreting in C at fifty times the speed.
What the reader needs of a page is what pdfplumber's ``Page.objects`` holds: characters
(text, box, font name, size, matrix, marked-content id) and the lines, rectangles and curves
that rule tables. :class:`PdfiumPage` is a pdfplumber ``Page`` whose objects are built from
pdfium, in pdfplumber's coordinates and with pdfminer's rules for what a path is (a line, a
rectangle or a curve), so the word rule, ``find_tables``, ``crop`` and ``filter`` -- and
with them every rule of the reader -- run on it unchanged.

Reading the characters is one pdfium call per character for its text object and one for its
box (the code points come in one call per page); what is the same for every character of a
text object (font, size, matrix, marked-content id, baseline) is asked once per object.

Where pdfium and pdfminer differ:

- **Character boxes.** pdfminer boxes a character from its advance width and from the font's
  descent to one em above it; pdfium's "loose" box gives the same left and right edges, and
  the same bottom and top are computed here from the character's origin, the font's descent
  and its size. Numbers are pdfium's single-precision floats, so boxes agree to about 1e-4 pt.
- **Spaces.** pdfium drops some of the space characters a PDF writes (those at the end of a
  line) and marks others as generated; a generated space inside a line is kept as a space,
  because pdfplumber splits words at the written space it stands for.
- **Font names** lose their subset tag ("ABCDEF+Arial-BoldMT" is "Arial-BoldMT"; pdfium drops
  it on some fonts and not on others). Bold is read from the name, so this changes only a word
  set in two subsets of one font, which pdfplumber splits at the change ("Arm ’ s") and pdfium
  keeps whole ("Arm’s").
- **Pages pdfium does not read as pdfminer would** are read by pdfplumber instead: a page with
  a /Rotate (pdfminer turns its text; the reader's upright test depends on that), and a page
  where pdfium finds no characters (a scan, or a text layer pdfium cannot decode).
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from functools import lru_cache

import pdfplumber.page
import pypdfium2 as pdfium
import pypdfium2.raw as R
from pdfminer.fontmetrics import FONT_METRICS

_TEXT, _PATH, _FORM = R.FPDF_PAGEOBJ_TEXT, R.FPDF_PAGEOBJ_PATH, R.FPDF_PAGEOBJ_FORM
_LINETO, _BEZIERTO, _MOVETO = R.FPDF_SEGMENT_LINETO, R.FPDF_SEGMENT_BEZIERTO, R.FPDF_SEGMENT_MOVETO
_SUBSET_TAG = re.compile(r"^[A-Z]{6}\+")
_METADATA_KEYS = ("Title", "Subject", "Author", "Keywords", "CreationDate", "ModDate")


def _raw(name: str, restype, *argtypes):
    """A pdfium function of our own with plain-pointer handles: pypdfium2's typed handles need
    a ``ctypes.cast`` to be told apart, which costs more than the call (hundreds of thousands a batch)."""
    from pypdfium2_raw.bindings import _libs

    fn = _libs["pdfium"][name]
    fn.restype, fn.argtypes = restype, list(argtypes)
    return fn


_vp, _int = ctypes.c_void_p, ctypes.c_int
_text_object = _raw("FPDFText_GetTextObject", _vp, _vp, _int)
_object_font = _raw("FPDFTextObj_GetFont", _vp, _vp)
_marked_content_id = _raw("FPDFPageObj_GetMarkedContentID", _int, _vp)
_base_font_name = _raw("FPDFFont_GetBaseFontName", ctypes.c_size_t, _vp, ctypes.c_char_p, ctypes.c_size_t)
_font_descent = _raw("FPDFFont_GetDescent", _int, _vp, ctypes.c_float, ctypes.POINTER(ctypes.c_float))
_loose_char_box = _raw("FPDFText_GetLooseCharBox", _int, _vp, _int, _vp)
_is_generated = _raw("FPDFText_IsGenerated", _int, _vp, _int)
_unicode = _raw("FPDFText_GetUnicode", ctypes.c_uint, _vp, _int)
_get_text = _raw("FPDFText_GetText", _int, _vp, _int, _int, _vp)
# Page objects, paths and clips: a page has thousands of path segments and clip points.
_count_objects = _raw("FPDFPage_CountObjects", _int, _vp)
_get_object = _raw("FPDFPage_GetObject", _vp, _vp, _int)
_object_type = _raw("FPDFPageObj_GetType", _int, _vp)
_form_count = _raw("FPDFFormObj_CountObjects", _int, _vp)
_form_object = _raw("FPDFFormObj_GetObject", _vp, _vp, ctypes.c_ulong)
_object_matrix = _raw("FPDFPageObj_GetMatrix", _int, _vp, _vp)
_object_bounds = _raw("FPDFPageObj_GetBounds", _int, _vp, _vp, _vp, _vp, _vp)
_draw_mode = _raw("FPDFPath_GetDrawMode", _int, _vp, _vp, _vp)
_stroke_width = _raw("FPDFPageObj_GetStrokeWidth", _int, _vp, _vp)
_count_segments = _raw("FPDFPath_CountSegments", _int, _vp)
_get_segment = _raw("FPDFPath_GetPathSegment", _vp, _vp, _int)
_segment_point = _raw("FPDFPathSegment_GetPoint", _int, _vp, _vp, _vp)
_segment_type = _raw("FPDFPathSegment_GetType", _int, _vp)
_segment_close = _raw("FPDFPathSegment_GetClose", _int, _vp)
_clip_path = _raw("FPDFPageObj_GetClipPath", _vp, _vp)
_clip_count = _raw("FPDFClipPath_CountPaths", _int, _vp)
_clip_count_segments = _raw("FPDFClipPath_CountPathSegments", _int, _vp, _int)
_clip_segment = _raw("FPDFClipPath_GetPathSegment", _vp, _vp, _int, _int)
# Code points pdfium gives that are no character of the page: none, non-characters, line breaks.
_NOT_CHARS = frozenset((0, 0xFFFE, 0xFFFF, 10, 13))


def _page_text(tp, handle: int, n: int) -> list[int]:
    """Each character's code point, from one call for the whole page where pdfium's text holds
    one UTF-16 unit per character (else, a character beyond the BMP, one call per character)."""
    buf = ctypes.create_string_buffer((n + 1) * 2)
    written = _get_text(handle, 0, n, ctypes.addressof(buf)) if n else 1
    if written == n + 1:
        text = buf.raw[: 2 * n].decode("utf-16-le", "surrogatepass")
        if len(text) == n and not any("\ud800" <= ch <= "\udfff" for ch in text):
            # The page's text writes pdfium's mark for a hyphen that ends a line (code 2) as U+FFFE.
            return [_unicode(handle, i) if ch == "\ufffe" else ord(ch) for i, ch in enumerate(text)]
    return [_unicode(handle, i) for i in range(n)]


class PdfiumUnreadable(Exception):
    """pdfium cannot open the file (damaged, encrypted, or not a PDF it knows): pdfplumber reads it."""


class _NoPdf:
    """What a pdfplumber Page asks of its PDF when its objects are already built."""

    unicode_norm = None
    laparams = None


class PdfiumPage(pdfplumber.page.Page):
    """A pdfplumber Page whose objects come from pdfium (see the module's docstring)."""

    def __init__(self, objects: dict, number: int, mediabox: tuple, initial_doctop: float, clip):
        self.pdf = _NoPdf()
        self.root_page = self
        self.page_obj = None
        self.page_number = number
        self.initial_doctop = initial_doctop
        self.rotation = 0
        self.mediabox = self.cropbox = self.bbox = mediabox
        self._objects = objects
        # The page's one clipping rectangle in pdfplumber's coordinates, as pdf_page.visible_box wants it.
        self.one_clip = clip
        # What the reader would otherwise learn by a pass over every character (set by PdfiumDocument.page):
        self.sideways_chars = 0  # characters not written left to right, upright (pdf._reads_across)
        self.plain = False  # no marked-content ids and no text set on its side (pdf_page.page_words)
        self.text_inside = False  # every text object lies on the page (pdf_page.visible_page)
        self.get_textmap = lru_cache()(self._get_textmap)


class PdfiumDocument:
    """One PDF opened with pdfium: its page count, document information and pages."""

    def __init__(self, data: bytes, password: str | None, *, clip_same_box_pt: float = 2.0):
        self.clip_same_box_pt = clip_same_box_pt
        try:
            self.pdf = pdfium.PdfDocument(data, password=password or None)
        except pdfium.PdfiumError as e:
            raise PdfiumUnreadable(str(e)) from e
        self._fonts: dict[int, str] = {}
        self._descent: dict[int, float] = {}
        self._doctop = 0.0
        self._form_text = False

    def __len__(self) -> int:
        return len(self.pdf)

    def close(self) -> None:
        self.pdf.close()

    def metadata(self) -> dict[str, str]:
        out = {}
        for key in _METADATA_KEYS:
            n = R.FPDF_GetMetaText(self.pdf.raw, key.encode(), None, 0)
            if n <= 2:
                continue
            buf = ctypes.create_string_buffer(n)
            R.FPDF_GetMetaText(self.pdf.raw, key.encode(), buf, n)
            out[key] = buf.raw[: n - 2].decode("utf-16-le", errors="replace")
        return out

    def page(self, index: int) -> PdfiumPage | None:
        """Page ``index`` (from 0) as a pdfplumber Page, or None where pdfplumber should read it."""
        page = self.pdf[index]
        try:
            x0, y0, x1, y1 = page.get_mediabox()
            height = y1 - y0
            doctop = self._doctop
            self._doctop += height
            if page.get_rotation():
                return None
            mediabox = (x0, -y0, x1, height - y0)
            objects: dict[str, list] = {"char": [], "rect": [], "line": [], "curve": []}
            clips: list | None = []
            self._form_text = False
            self._paths(page.raw, objects, height, doctop, index + 1, clips)
            flags: dict = {}
            objects["char"] = self._chars(page.raw, height, doctop, index + 1, flags)
            if not objects["char"]:
                return None
            clip = _one_box(clips, self.clip_same_box_pt)
            out = PdfiumPage(objects, index + 1, mediabox, doctop, clip)
            out.sideways_chars = flags["sideways"]
            out.plain = not flags["tagged"] and not flags["rotated"]
            out.text_inside = not self._form_text and _text_inside(clips, mediabox)
            return out
        finally:
            page.close()

    # --- characters ---------------------------------------------------------------------------

    def _font(self, obj) -> tuple[str, float]:
        """The font's name (told apart from another font of the same name) and its descent per point of size."""
        font = _object_font(obj)
        key = font or 0
        name = self._fonts.get(key)
        if name is None:
            n = _base_font_name(font, None, 0)
            buf = ctypes.create_string_buffer(max(n, 1))
            _base_font_name(font, buf, n)
            raw = buf.value.decode("utf-8", "replace")
            # pdfium keeps the subset tag on some fonts and not on others: dropped on all.
            name = self._fonts[key] = _SUBSET_TAG.sub("", raw)
            standard = FONT_METRICS.get(raw)
            if standard is not None:
                # A standard font (Helvetica, or Arial named for it): pdfminer boxes it by its
                # built-in metrics, whatever the PDF's descriptor says.
                self._descent[key] = -abs(float(standard[0].get("Descent", 0))) / 1000.0
            else:
                descent = ctypes.c_float()
                ok = _font_descent(font, 1000.0, ctypes.byref(descent))
                self._descent[key] = -abs(descent.value) / 1000.0 if ok else 0.0
        return name, self._descent[key]

    def _chars(self, raw_page, height: float, doctop: float, number: int, flags: dict) -> list[dict]:
        flags.update(sideways=0, tagged=False, rotated=False)
        tp = R.FPDFText_LoadPage(raw_page)
        if not tp:
            return []
        try:
            return self._read_chars(tp, height, doctop, number, flags)
        finally:
            R.FPDFText_ClosePage(tp)

    def _read_chars(self, tp, height: float, doctop: float, number: int, flags: dict) -> list[dict]:
        n = R.FPDFText_CountChars(tp)
        out: list[dict] = []
        handle = ctypes.cast(tp, _vp).value
        rect = R.FS_RECTF()
        rect_at = ctypes.addressof(rect)
        ox, oy = ctypes.c_double(), ctypes.c_double()
        per_object: dict[int | None, tuple] = {}
        get_object, loose_box, is_generated = _text_object, _loose_char_box, _is_generated
        origin = R.FPDFText_GetCharOrigin
        codes = _page_text(tp, handle, n)
        prev: dict | None = None
        sideways = 0
        for i, code in enumerate(codes):
            # pdfium generates only spaces and line breaks (the breaks are dropped below).
            if code == 32 and is_generated(handle, i):
                # A generated space inside a line stands where the PDF wrote one (or left a gap):
                # it splits words as the written space does.
                if prev is not None:
                    space = dict(prev)
                    space["text"] = " "
                    space["x0"] = space["x1"] = prev["x1"]
                    space["width"] = 0.0
                    out.append(space)
                continue
            if code in _NOT_CHARS:
                continue
            if code == 2:
                code = 45  # pdfium's mark for a hyphen that ends a line: the PDF wrote "-"
            obj = get_object(handle, i)
            info = per_object.get(obj)
            if info is None:
                info = per_object[obj] = self._object_info(tp, i, obj, height, doctop, flags)
            fontname, descent, size, mcid, m, across, upright, level = info
            if not across:
                sideways += 1
            loose_box(handle, i, rect_at)
            x0, x1 = rect.left, rect.right
            if level is not None:
                # Written straight across: top, bottom, size, doctop and height are the object's.
                top, bottom, char_size, char_doctop, char_height = level
                if char_size is None:
                    char_size = x1 - x0
            else:
                origin(tp, i, ox, oy)
                a, b, c, d = m
                # Turned text: the same box in the text's own direction, turned onto the page.
                advance = (rect.top - rect.bottom) / abs(b) if abs(b) > abs(a) else (rect.right - rect.left) / abs(a)
                xs, ys = [], []
                for along in (0.0, advance):
                    for up in (descent * size, (descent + 1) * size):
                        xs.append(ox.value + a * along + c * up)
                        ys.append(oy.value + b * along + d * up)
                x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
                top, bottom = height - y1, height - y0
                char_size = (bottom - top) if upright else (x1 - x0)
                char_doctop, char_height = doctop + top, bottom - top
            prev = {
                "object_type": "char",
                "text": chr(code),
                "fontname": fontname,
                "size": char_size,
                "upright": upright,
                "x0": x0,
                "x1": x1,
                "top": top,
                "bottom": bottom,
                "doctop": char_doctop,
                "width": x1 - x0,
                "height": char_height,
                "matrix": m,  # the text matrix without its origin: only its turn is read
                "mcid": mcid,
            }
            out.append(prev)
        flags["sideways"] = sideways
        return out

    def _object_info(self, tp, i: int, obj, height: float, doctop: float, flags: dict) -> tuple:
        """What every character of a text object shares: font name, descent, size, marked-content
        id, matrix, whether it reads across and is upright, and -- written straight across -- its
        characters' top, bottom, size, doctop and height (pdfminer's box: from the font's descent
        below the baseline to one em above it)."""
        matrix = R.FS_MATRIX()
        R.FPDFText_GetMatrix(tp, i, matrix)
        fontname, descent = self._font(obj)
        size = R.FPDFText_GetFontSize(tp, i)
        mcid = _marked_content_id(obj)
        m = (matrix.a, matrix.b, matrix.c, matrix.d)
        # pdf._reads_across and pdf_page._rotated, once per text object
        across = m[0] > 0 and m[3] > 0 and abs(m[1]) <= 0.5 * m[0] and abs(m[2]) <= 0.5 * m[3]
        flags["rotated"] = flags["rotated"] or abs(m[1]) > abs(m[0])
        flags["tagged"] = flags["tagged"] or mcid >= 0
        upright = 0 < m[0] * m[3] and m[1] * m[2] <= 0
        level = None
        if m[1] == 0 and m[2] == 0 and m[3] > 0:
            ox, oy = ctypes.c_double(), ctypes.c_double()
            R.FPDFText_GetCharOrigin(tp, i, ox, oy)
            y0 = oy.value + descent * size * m[3]
            y1 = y0 + size * m[3]
            top, bottom = height - y1, height - y0
            # (a mirrored object's characters are sized by their width, character by character)
            level = (top, bottom, (bottom - top) if upright else None, doctop + top, bottom - top)
        return (fontname, descent, size, None if mcid < 0 else mcid, m, across, upright, level)

    # --- paths --------------------------------------------------------------------------------

    def _paths(self, raw_page, objects: dict, height: float, doctop: float, number: int, clips: list | None) -> None:
        """Lines, rectangles and curves of the page and its forms; ``clips`` gets each object's
        clipping rectangle (``None`` in it for text drawn with no rectangular clip)."""
        page = ctypes.cast(raw_page, _vp).value
        for k in range(_count_objects(page)):
            self._object(_get_object(page, k), None, objects, height, doctop, number, clips)

    def _object(self, obj, outer, objects, height, doctop, number, clips) -> None:
        kind = _object_type(obj)
        if clips is not None and outer is None and kind in (_TEXT, _PATH):
            clips.append(_clip_box(obj, height, text=kind == _TEXT))
        elif kind == _TEXT:
            self._form_text = True  # text in a form: visible_page looks at its characters
        if kind == _PATH:
            self._path(obj, outer, objects, height, doctop, number)
        elif kind == _FORM:
            m = _matrix(obj)
            inner = m if outer is None else _compose(m, outer)
            for k in range(_form_count(obj)):
                self._object(_form_object(obj, k), inner, objects, height, doctop, number, clips)

    def _path(self, obj, outer, objects, height, doctop, number) -> None:
        fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
        _draw_mode(obj, ctypes.addressof(fill_mode), ctypes.addressof(stroke))
        if not fill_mode.value and not stroke.value:
            return  # an unpainted path (pdfminer does not see it either)
        m = _matrix(obj)
        if outer is not None:
            m = _compose(m, outer)
        width = ctypes.c_float()
        _stroke_width(obj, ctypes.addressof(width))
        x, y = ctypes.c_float(), ctypes.c_float()
        at_x, at_y = ctypes.addressof(x), ctypes.addressof(y)
        ops: list[tuple[str, tuple[float, float]]] = []
        bezier = 0
        for s in range(_count_segments(obj)):
            seg = _get_segment(obj, s)
            _segment_point(seg, at_x, at_y)
            pt = _apply(m, x.value, y.value)
            t = _segment_type(seg)
            if t == _MOVETO:
                ops.append(("m", pt))
                bezier = 0
            elif t == _LINETO:
                ops.append(("l", pt))
                bezier = 0
            elif t == _BEZIERTO:
                bezier += 1
                if bezier == 3:  # pdfium gives a curve as its three points; pdfminer as one "c"
                    ops.append(("c", pt))
                    bezier = 0
            if _segment_close(seg):
                ops.append(("h", pt))
        _paint(ops, objects, height, doctop, number, width.value, bool(stroke.value), bool(fill_mode.value))


def _matrix(obj) -> tuple[float, ...]:
    m = R.FS_MATRIX()
    _object_matrix(obj, ctypes.addressof(m))
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(m, n) -> tuple[float, ...]:
    """``m`` then ``n`` (PDF's row-vector convention: m x n)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(m, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return (a * x + c * y + e, b * x + d * y + f)


def _paint(ops, objects, height, doctop, number, linewidth, stroke, fill) -> None:
    """pdfminer's ``paint_path``: each subpath a line, a rectangle or a curve."""
    start = 0
    for i in range(1, len(ops) + 1):
        if i == len(ops) or ops[i][0] == "m":
            if ops[start][0] == "m":
                _subpath(ops[start:i], objects, height, doctop, number, linewidth, stroke, fill)
            start = i


def _subpath(ops, objects, height, doctop, number, linewidth, stroke, fill) -> None:
    shape = "".join(o for o, _ in ops)
    pts = [ops[0][1] if o == "h" else p for o, p in ops]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    common = {"page_number": number, "linewidth": linewidth, "stroke": stroke, "fill": fill}
    if shape in ("mlh", "ml"):
        objects["line"].append(_boxed("line", pts[:2], height, doctop, common))
        return
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        closed = pts[0] == pts[4]
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if closed and square:
            objects["rect"].append(_boxed("rect", [pts[0], pts[2]], height, doctop, common))
            return
    objects["curve"].append(_boxed("curve", pts, height, doctop, common))


def _boxed(kind: str, pts, height: float, doctop: float, common: dict) -> dict:
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    top = height - y1
    out = {
        "object_type": kind,
        **common,
        "x0": x0,
        "x1": x1,
        "y0": y0,
        "y1": y1,
        "top": top,
        "bottom": height - y0,
        "doctop": doctop + top,
        "width": x1 - x0,
        "height": y1 - y0,
    }
    if kind != "rect":
        out["pts"] = [(x, height - y) for x, y in pts]
    return out


def _clip_box(obj, height: float, *, text: bool):
    """The rectangles clipping a page object (every clip in force), in pdfplumber's
    coordinates; None for text drawn with no rectangular clip, "free" for a path with none
    (it says nothing either way)."""
    clip = _clip_path(obj)
    n_paths = _clip_count(clip) if clip else 0
    boxes = []
    x, y = ctypes.c_float(), ctypes.c_float()
    at_x, at_y = ctypes.addressof(x), ctypes.addressof(y)
    for k in range(max(n_paths, 0)):
        n = _clip_count_segments(clip, k)
        xs, ys = [], []
        for s in range(max(n, 0)):
            _segment_point(_clip_segment(clip, k, s), at_x, at_y)
            xs.append(x.value)
            ys.append(y.value)
        if n in (4, 5) and len({round(v, 2) for v in xs}) == 2 and len({round(v, 2) for v in ys}) == 2:
            boxes.append((min(xs), height - max(ys), max(xs), height - min(ys)))
    if boxes:
        return boxes
    if not text:
        return "free"
    # pdfium drops a clip that the object lies wholly inside: unclipped text says nothing
    # unless it lies outside the clip the rest of the page sets (checked in _one_box).
    sides = [ctypes.c_float() for _ in range(4)]
    if not _object_bounds(obj, *(ctypes.addressof(v) for v in sides)):
        return None
    left, bottom, right, top = (v.value for v in sides)
    return ("text", (left, height - top, right, height - bottom))


def _text_inside(clips: list, mediabox: tuple) -> bool:
    """Every text object's bounds lie on the page (known only for unclipped text objects:
    a clipped one makes the reader look at its characters)."""
    x0, top, x1, bottom = mediabox
    for c in clips:
        if c == "free":
            continue
        if c is None or c[0] != "text":
            return False
        t0, ttop, t1, tbottom = c[1]
        if t0 < x0 or t1 > x1 or ttop < top or tbottom > bottom:
            return False
    return True


def _one_box(clips: list, near: float) -> tuple[float, float, float, float] | None:
    """The one clipping rectangle every text object is drawn in (pdf_page.visible_box's rule:
    every clipping rectangle the page sets is the same box, within ``near``), or None."""
    if any(c is None for c in clips):
        return None
    boxes = [b for c in clips if c != "free" and c[0] != "text" for b in c]
    if not boxes:
        return None
    first = boxes[0]
    if any(max(abs(a - b) for a, b in zip(first, other)) > near for other in boxes[1:]):
        return None
    x0, top, x1, bottom = first
    for c in clips:
        if c != "free" and c[0] == "text":
            t0, ttop, t1, tbottom = c[1]
            if t0 < x0 - near or t1 > x1 + near or ttop < top - near or tbottom > bottom + near:
                return None  # text drawn with no clip outside the box: visible wherever it is
    return first


def iter_pages(data: bytes, password: str | None) -> Iterator[tuple[int, PdfiumPage | None]]:
    """(index, page or None) for each page of the PDF; None: pdfplumber reads that page."""
    doc = PdfiumDocument(data, password)
    try:
        for i in range(len(doc)):
            yield i, doc.page(i)
    finally:
        doc.close()
