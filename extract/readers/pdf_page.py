"""What one PDF page shows, before words are grouped: the part of the page that is visible,
the text set on its side, and the paragraph marks a tagged PDF gives each character.

- **The visible box.** A text layer may hold far more than the page shows. A browser or
  TextEdit print of an HTML table draws the whole table on every page and lets a clipping
  rectangle (the printable area) show one page's part: the rows either side of each break
  are in the text layer twice, once clipped. When every clipping rectangle a page sets is
  the same box, that box is what the reader of the page sees, and the page is cropped to it
  (and always to the page itself: objects drawn off the page are not on it).
- **Rotated text.** Word sets the date headers of an attendance register on their side
  (90 degrees). pdfplumber's words read such characters top-down and one per word
  ("1 2 0 2 / 0 1 / 1 1"); here they are joined in reading order ("11/10/2021").
- **Marked content.** A tagged PDF (a Word export) gives every paragraph its own
  marked-content id (``mcid`` on each character): a change of id between two lines of one
  table cell is a paragraph break there, not a wrap.
"""

from __future__ import annotations

import re

from .pdf_layout import Word, to_words
from .pdf_words import upright_words
from .settings import DEFAULT, ReaderSettings

WORD_OPTIONS = {"extra_attrs": ["fontname", "size"], "keep_blank_chars": False, "use_text_flow": False}
# On a tagged page words carry their characters, so that each knows the marked-content ids it
# starts and ends in (Word may change the id inside a word, so the id cannot split words).
# Only there: the characters cost a quarter of the reading time.
TAGGED_WORD_OPTIONS = {**WORD_OPTIONS, "return_chars": True}
_NUMBER = rb"[-+]?(?:\d+\.?\d*|\.\d+)"
# "x y w h re W n": a rectangle made the clipping path (W or W*), then the path ended unpainted.
_CLIP_RECT = re.compile(rb"(%s)\s+(%s)\s+(%s)\s+(%s)\s+re\s+W\*?\s+n\b" % ((_NUMBER,) * 4))


def visible_box(page, *, settings: ReaderSettings = DEFAULT) -> tuple[float, float, float, float] | None:
    """The box one clipping rectangle shows of the page, in pdfplumber's coordinates, or None.

    Only when the page sets one or more clipping rectangles, all of them the same box (within
    ``clip_same_box_pt``), and draws all its text inside them. A Word page clips each table
    cell to itself, which is no crop.
    """
    x0, top, x1, bottom = (float(v) for v in page.bbox)
    clip = _one_clip(page, settings)
    if clip is None:
        return None
    box = (max(x0, clip[0]), max(top, clip[1]), min(x1, clip[2]), min(bottom, clip[3]))
    return None if box == (x0, top, x1, bottom) else box


def visible_page(page, *, settings: ReaderSettings = DEFAULT):
    """The page as a reader sees it: cropped to its one clipping rectangle (``visible_box``),
    or without the characters drawn off the page (more than ``off_page_tolerance_pt``
    outside it), or the page itself."""
    box = visible_box(page, settings=settings)
    if box is not None:
        # Cropping filters and clips every object of the page (a second of a 55-page batch): only
        # worth it when something lies outside the box.
        bx0, btop, bx1, bbottom = box
        objects = page.objects
        if all(
            o["x0"] >= bx0 and o["x1"] <= bx1 and o["top"] >= btop and o["bottom"] <= bbottom
            for kind in ("char", "rect", "line", "curve")
            for o in objects.get(kind, ())
        ):
            return page
        return page.crop(box, strict=False)
    if getattr(page, "text_inside", False):
        return page  # the fast reader's page, whose text objects all lie on it (pdf_pdfium)
    x0, top, x1, bottom = (float(v) for v in page.bbox)
    tol = settings.off_page_tolerance_pt

    def on_page(o: dict) -> bool:
        return o.get("object_type") != "char" or not (
            o["x1"] < x0 - tol or o["x0"] > x1 + tol or o["bottom"] < top - tol or o["top"] > bottom + tol
        )

    if all(on_page(c) for c in page.chars):
        return page
    return page.filter(on_page)


_STRING = re.compile(rb"\((?:\\.|[^\\)])*\)")
_CLIP_OR_NEST = re.compile(rb"(?<![\w/])(q|Q|BT)(?!\w)|" + _CLIP_RECT.pattern)


def _one_clip(page, settings: ReaderSettings) -> tuple[float, float, float, float] | None:
    """The page's clipping rectangle, when it sets only one (however often) and every text
    object is drawn inside it: text drawn with no clip in force is visible wherever it is."""
    if hasattr(page, "one_clip"):
        return page.one_clip  # the fast reader's page: found from pdfium's clip paths (pdf_pdfium)
    try:
        streams = page.page_obj.contents
    except AttributeError:
        return None
    boxes: list[tuple[float, float, float, float]] = []
    mb = page.mediabox
    for stream in streams or []:
        try:
            data = stream.get_data()
        except Exception:  # noqa: BLE001 - an unreadable stream: pdfminer reports it when it draws the page
            return None
        if not _CLIP_RECT.search(data):
            if b"BT" in data:
                return None  # text drawn in a stream that sets no clip
            continue
        data = _STRING.sub(b"()", data)  # text strings may hold "q" or "BT" as letters
        clipped = [False]  # per graphics state saved with q: is a clip in force?
        for m in _CLIP_OR_NEST.finditer(data):
            op = m.group(1)
            if op == b"q":
                clipped.append(clipped[-1])
            elif op == b"Q":
                if len(clipped) > 1:
                    clipped.pop()
            elif op == b"BT":
                if not clipped[-1]:
                    return None
            else:
                x, y, w, h = (float(v) for v in m.groups()[1:5])
                # PDF space (origin bottom left) to pdfplumber's (origin top left of the media box).
                boxes.append(
                    (min(x, x + w) - mb[0], mb[3] - max(y, y + h), max(x, x + w) - mb[0], mb[3] - min(y, y + h))
                )
                clipped[-1] = True
                if len(boxes) > settings.clip_max_count:
                    return None  # many clips: cells, images, not a printable area
    if not boxes:
        return None
    first = boxes[0]
    near = settings.clip_same_box_pt
    if any(max(abs(a - b) for a, b in zip(first, other)) > near for other in boxes[1:]):
        return None
    return first


def _rotated(char: dict) -> bool:
    """A character set on its side: its text direction is (nearly) vertical."""
    a, b = char["matrix"][0], char["matrix"][1]
    return abs(b) > abs(a)


def page_words(page, *, settings: ReaderSettings = DEFAULT) -> list[Word]:
    """The page's words: upright text joined by pdfplumber's word rule (``pdf_words``, or
    pdfplumber itself for text neither upright nor on its side), text on its side joined here."""
    chars = page.chars
    if getattr(page.root_page, "plain", False):
        # The fast reader's page, known to have no marked content and no text on its side (pdf_pdfium).
        return _words(page, chars, WORD_OPTIONS)
    options = TAGGED_WORD_OPTIONS if any(c.get("mcid") is not None for c in chars) else WORD_OPTIONS
    if not any(_rotated(c) for c in chars):
        return _words(page, chars, options)
    upright = page.filter(lambda o: o.get("object_type") != "char" or not _rotated(o))
    words = _words(upright, upright.chars, options)
    return words + rotated_words([c for c in chars if _rotated(c)], settings=settings)


def _words(page, chars: list[dict], options: dict) -> list[Word]:
    words = upright_words(chars, with_mcid=options is TAGGED_WORD_OPTIONS)
    return words if words is not None else to_words(page.extract_words(**options))


def rotated_words(chars: list[dict], *, settings: ReaderSettings = DEFAULT) -> list[Word]:
    """Characters set on their side, joined into words in reading order.

    A character whose text direction points up the page (matrix b > 0) reads bottom to top,
    one pointing down reads top to bottom. Characters of one line share their baseline (an
    x position here); a gap along the line wider than ``rotated_word_gap_em`` of the size is
    a word space.
    """
    lines: dict[tuple[int, int], list[dict]] = {}
    for c in chars:
        up = c["matrix"][1] > 0
        lines.setdefault((round((c["x0"] + c["x1"]) / 2 / settings.rotated_line_band_pt), up), []).append(c)
    out: list[Word] = []
    for (_, up), line in sorted(lines.items()):
        line.sort(key=lambda c: -c["bottom"] if up else c["top"])
        run: list[dict] = []
        for c in line:
            if run:
                prev = run[-1]
                gap = (prev["top"] - c["bottom"]) if up else (c["top"] - prev["bottom"])
                if gap > settings.rotated_word_gap_em * max(float(c["size"] or 0), settings.gap_font_floor_pt):
                    out.extend(_rotated_word(run))
                    run = []
            run.append(c)
        out.extend(_rotated_word(run))
    return out


def _rotated_word(chars: list[dict]) -> list[Word]:
    text = "".join(c["text"] for c in chars).strip()
    if not text:
        return []
    raw = {
        "text": text,
        "x0": min(c["x0"] for c in chars),
        "x1": max(c["x1"] for c in chars),
        "top": min(c["top"] for c in chars),
        "bottom": max(c["bottom"] for c in chars),
        "size": chars[0]["size"],
        "fontname": chars[0].get("fontname"),
        "chars": chars,
    }
    return to_words([raw])


def document_properties(metadata: dict) -> dict[str, str]:
    """The PDF's document information as ``pdf:Key`` strings: Title, Subject, Author, Keywords
    as written; CreationDate and ModDate as ISO dates ("D:20230523101342Z" -> "2023-05-23")."""
    out: dict[str, str] = {}
    for key in ("Title", "Subject", "Author", "Keywords", "CreationDate", "ModDate"):
        value = metadata.get(key)
        if isinstance(value, bytes):
            try:
                value = value.decode("utf-16") if value[:2] in (b"\xfe\xff", b"\xff\xfe") else value.decode("latin-1")
            except UnicodeDecodeError:
                continue
        if not isinstance(value, str):
            continue
        value = " ".join(value.replace("\x00", "").split())
        if key.endswith("Date"):
            m = re.match(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?", value)
            if not m:
                continue
            value = "-".join(g for g in m.groups() if g)
        if value:
            out[f"pdf:{key}"] = value
    return out
