"""Words -> lines -> chunks for the PDF reader: pure functions over plain data.

A *chunk* is a run of words on one baseline with no wide gap inside; a *row* is every
chunk on one baseline. Chunks let the reader tell a margin column of owners' initials, or
the columns of a table drawn without rules, from the body text beside them.
"""

from __future__ import annotations

import functools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from .blocks import clean_inline, normalise_unicode
from .settings import DEFAULT, ReaderSettings

# Bullet glyphs as PDF fonts give them: Symbol / Wingdings private-use code points too.
BULLETS = set("•●▪◦o·‣–-■□➢✓§*") | {"\uf0b7", "\uf0a7", "\uf0d8", "\uf076", "\uf0fc", "\uf0a8"}


@dataclass(slots=True)  # a long agenda pack keeps some 200,000 of them until its blocks are built
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    # Tagged PDFs: the marked-content ids (one per paragraph) of the word's first and last characters.
    mcid: int | None = None
    mcid_end: int | None = None

    @property
    def mid_x(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def mid_y(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)  # a 500-page pack holds some 50,000 lines while its blocks are built
class Line:
    """Words on one baseline, left to right (a chunk, or a whole row re-joined)."""

    words: list[Word]
    page: int
    # The size, asked for again and again while blocks are built, worked out once (a line's
    # words are fixed once the line is made: nothing appends to them).
    _size: float | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def x0(self) -> float:
        return min([w.x0 for w in self.words])

    @property
    def x1(self) -> float:
        return max([w.x1 for w in self.words])

    @property
    def top(self) -> float:
        return min([w.top for w in self.words])

    @property
    def bottom(self) -> float:
        return max([w.bottom for w in self.words])

    @property
    def size(self) -> float:
        """The size most of the line's characters are set in."""
        if self._size is None:
            sizes: dict[float, int] = {}
            for w in self.words:
                key = round(w.size * 2) / 2
                sizes[key] = sizes.get(key, 0) + len(w.text)
            self._size = max(sizes, key=sizes.__getitem__)  # the first of equals, as Counter.most_common
        return self._size

    @property
    def text(self) -> str:
        return " ".join([w.text for w in self.words])

    @property
    def bold(self) -> bool:
        return bold_share(self.words) >= 0.9


def bold_share(words: list[Word]) -> float:
    total = sum(len(w.text) for w in words if w.text not in BULLETS)
    bold = sum(len(w.text) for w in words if w.bold and w.text not in BULLETS)
    return bold / total if total else 0.0


def bold_runs(words: list[Word]) -> list[str]:
    """Texts of consecutive bold words: the PDF twin of ``**x**`` spans."""
    runs: list[list[str]] = []
    previous_bold = False
    for w in words:
        if w.bold and w.text not in BULLETS:
            if previous_bold:
                runs[-1].append(w.text)
            else:
                runs.append([w.text])
        previous_bold = w.bold and w.text not in BULLETS
    return [clean_inline(" ".join(r)) for r in runs if clean_inline(" ".join(r))]


# A glyph the font maps to no character: pdfminer writes "(cid:120)"; symbol fonts' bullets
# come as private-use code points (U+F0B7 and its neighbours). Alone as a word, either is a
# list bullet.
_GLYPH_BULLET = re.compile(r"\(cid:\d+\)|[\ue000-\uf8ff]")


@functools.lru_cache(maxsize=1024)
def _bold_font(font: str) -> bool:
    """A font name that says bold (Arial-BoldMT, Calibri-Bold, Segoe UI Black)."""
    return bool(re.search(r"bold|black|heavy", font, re.I))


def to_words(raw: list[dict]) -> list[Word]:
    out = []
    for w in raw:
        text = normalise_unicode(w["text"]).strip()
        if not text:
            continue
        if not text.isascii() or text.startswith("(cid:"):  # (a bullet glyph is one or the other)
            if _GLYPH_BULLET.fullmatch(text):
                text = "•"
        font = w.get("fontname") or ""
        out.append(
            Word(
                text=text,
                x0=float(w["x0"]),
                x1=float(w["x1"]),
                top=float(w["top"]),
                bottom=float(w["bottom"]),
                size=float(w.get("size") or 0.0),
                bold=_bold_font(font),
                mcid=chars[0].get("mcid") if (chars := w.get("chars")) else None,
                mcid_end=chars[-1].get("mcid") if chars else None,
            )
        )
    return out


def drop_superscript_refs(line_words: list[Word], *, settings: ReaderSettings = DEFAULT) -> list[Word]:
    """Footnote references: small raised digits glued after a word ("recovery⁷"), dropped;
    and ordinal suffixes set raised after a number ("17 th May"), joined to it ("17th")."""
    if len(line_words) < 2:
        return line_words
    main = max(w.size for w in line_words)
    base = max(w.bottom for w in line_words if w.size == main)
    out: list[Word] = []
    for i, w in enumerate(line_words):
        raised = (
            w.size < settings.superscript_size_ratio * main and w.bottom < base - settings.superscript_raise_em * main
        )
        if raised and re.fullmatch(r"\d{1,3}[,\d]*", w.text) and i > 0:
            continue
        out.append(w)
    return join_ordinals(out, settings=settings)


def join_ordinals(line_words: list[Word], *, settings: ReaderSettings = DEFAULT) -> list[Word]:
    """An ordinal suffix set raised and small after a number ("17" + "th" May) is part of it:
    "17th", so the date reads whole."""
    if len(line_words) < 2:
        return line_words
    main = max(w.size for w in line_words)
    base = max(w.bottom for w in line_words if w.size == main)
    out: list[Word] = []
    for w in line_words:
        raised = (
            w.size < settings.superscript_size_ratio * main and w.bottom < base - settings.superscript_raise_em * main
        )
        if (
            raised
            and out
            and re.fullmatch(r"st|nd|rd|th", w.text, re.I)
            and out[-1].text[-1:].isdigit()
            and w.x0 - out[-1].x1 < settings.ordinal_gap_em * main
        ):
            prev = out[-1]
            out[-1] = Word(
                text=prev.text + w.text.lower(),
                x0=prev.x0,
                x1=w.x1,
                top=prev.top,
                bottom=prev.bottom,
                size=prev.size,
                bold=prev.bold,
                mcid=prev.mcid,
                mcid_end=w.mcid_end,
            )
            continue
        out.append(w)
    return out


def group_rows(words: list[Word], *, settings: ReaderSettings = DEFAULT) -> list[list[Word]]:
    """Words sharing a baseline band, top to bottom; superscripts join their line."""
    rows: list[list[Word]] = []
    # Each row's top and bottom, kept as words join it: taken afresh from every word of the
    # row for every word placed, a line of 20,000 words took 20 s (quadratic; issue 14).
    bounds: list[tuple[float, float]] = []
    ratio = settings.row_overlap_ratio
    # (comparisons, not min and max: this runs for every word of the paper)
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        placed = False
        wtop, wbottom = w.top, w.bottom
        for k in range(len(rows) - 1, max(len(rows) - 4, -1), -1):  # the last three rows, last first
            top, bottom = bounds[k]
            overlap = (bottom if bottom < wbottom else wbottom) - (top if top > wtop else wtop)
            height, wheight = bottom - top, wbottom - wtop
            if overlap > ratio * (height if height < wheight else wheight):
                rows[k].append(w)
                bounds[k] = (top if top < wtop else wtop, bottom if bottom > wbottom else wbottom)
                placed = True
                break
        if not placed:
            rows.append([w])
            bounds.append((wtop, wbottom))
    for row in rows:
        row.sort(key=lambda w: w.x0)
    rows.sort(key=lambda r: min(w.top for w in r))
    return rows


def split_chunks(row: list[Word], *, settings: ReaderSettings = DEFAULT) -> list[list[Word]]:
    """Split a row where the gap between words is wide (``settings.chunk_gap_em`` times the
    font size): column or margin boundaries."""
    chunks = [[row[0]]]
    for prev, w in zip(row, row[1:]):
        gap = w.x0 - prev.x1
        if gap > settings.chunk_gap_em * max(prev.size, w.size, settings.gap_font_floor_pt):
            chunks.append([w])
        else:
            chunks[-1].append(w)
    return chunks


# --- running headers and footers --------------------------------------------------------

_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
_MARKING = re.compile(
    r"^(?:un)?classified|^official(?:[- ]sensitive)?$|^restricted$|^protect(?:ed)?$|^not protectively marked$", re.I
)
BLANK_PAGE = re.compile(r"^\s*this page (?:is |has been )?(?:intentionally|deliberately) (?:left )?blank\.?\s*$", re.I)


def _norm(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def running_lines(pages: list[tuple[float, list[Line]]], *, settings: ReaderSettings = DEFAULT) -> set[int]:
    """ids of lines that are running headers, footers, page numbers or markings.

    A line counts when it repeats at about the same place on half the pages or more,
    whatever its length and however far from the edge: a line in the upper half of
    its page is placed by its distance from the top, one in the lower half by its distance
    from the bottom, so a footer keeps its place on landscape and portrait pages alike (Word
    sets a landscape page's footer at 88-90% of its height). Away from the top and bottom
    zones (``header_zone_of_page_height``, ``footer_zone_of_page_height``) three pages at
    least must show it, as written; in them, and for page numbers anywhere, digits are
    ignored ("Page 3 of 9"). In those zones a page number ("3", "Page 3", "- 3 -", "Page 3 of 9")
    or a security marking ("UNCLASSIFIED") counts on its own.
    """
    placed: list[tuple[Line, str, tuple[str, int], bool]] = []
    for height, lines in pages:
        for line in lines:
            upper = line.top < height / 2
            offset = line.top if upper else height - line.bottom
            band = ("top" if upper else "bottom", round(offset / settings.running_band_pt))
            in_zone = (
                line.top < settings.header_zone_of_page_height * height
                or line.bottom > (1 - settings.footer_zone_of_page_height) * height
            )
            text = line.text.strip()
            # Digits are ignored near the edges ("Page 3", a date that changes); further in, a
            # line must repeat as written ("Item 3" on every page is the paper's own text).
            key = _norm(text) if in_zone or _PAGE_NUMBER.match(text) else " ".join(text.lower().split())
            placed.append((line, key, band, in_zone))
    counts: Counter = Counter()
    seen: set[tuple[str, tuple[str, int], int]] = set()
    for line, key, band, _ in placed:
        mark = (key, band, line.page)
        if mark not in seen:
            seen.add(mark)
            counts[(key, band)] += 1
    n_pages = sum(1 for _, lines in pages if lines)
    need = max(2, (n_pages + 1) // 2)
    out = set()
    for line, key, (edge, band), in_zone in placed:
        found = max(counts[(key, (edge, band + d))] for d in (-1, 0, 1))
        repeated = n_pages >= 2 and found >= (need if in_zone else max(3, need))
        text = line.text.strip()
        if repeated or (in_zone and (_PAGE_NUMBER.match(text) or _MARKING.match(text))):
            out.add(id(line))
    return out


# --- page geometry -------------------------------------------------------------------------


def text_edges(chunks: list[Line], *, settings: ReaderSettings = DEFAULT) -> tuple[float, float]:
    """Left and right edges of the body text: where most long lines start, and end."""
    long = [c for c in chunks if len(c.words) >= 6]
    if not long:
        long = chunks
    if not long:
        return 0.0, 0.0
    left = Counter(round(c.x0) for c in long).most_common(1)[0][0]
    ends = sorted(c.x1 for c in long)
    right = ends[int(settings.right_edge_line_share * (len(ends) - 1))]
    return float(left), float(right)


def body_size(lines: list[Line], *, settings: ReaderSettings = DEFAULT) -> float:
    sizes: Counter = Counter()
    for line in lines:
        for w in line.words:
            sizes[round(w.size * 2) / 2] += len(w.text)
    return sizes.most_common(1)[0][0] if sizes else settings.default_body_size_pt


def heading_sizes(lines: list[Line], body: float, *, settings: ReaderSettings = DEFAULT) -> dict[float, int]:
    """Font sizes above the body size, largest = level 1."""
    step = settings.heading_size_step_pt
    sizes = sorted({size for line in lines if (size := line.size) >= body + step}, reverse=True)
    return {s: min(i + 1, 6) for i, s in enumerate(sizes)}


def median(values: list[float], default: float = 0.0) -> float:
    return statistics.median(values) if values else default
