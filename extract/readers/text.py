"""Text renderings of PDFs -> Document.

The renderings mix markdown (``#`` headings, pipe tables, ``-`` bullets, ``**bold**``),
tab-separated tables and stray HTML (``<b>``, ``<br>``, ``<sup>``, ``<p>``, ``<ol>``).
They carry no page numbers: a page break shows as a ``---`` rule (before the page's
footnotes), a form feed, or "This page is intentionally left blank", and pages are
counted from those.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from boardpapers.schemas.document import Block, Cell, Document, Row, Table
from boardpapers.schemas.errors import ReadError
from boardpapers.schemas.files import decode

from .blocks import (
    bold_spans,
    clean_inline,
    heading_level,
    is_initials,
    is_owner_tokens,
    is_whole_bold,
    join_broken_paragraphs,
    looks_like_heading,
    normalise_unicode,
    split_marker,
)
from .captions import lift_caption
from .grids import unfold
from .tables import header_rows_by_content, merge_continued_tables

_BLANK_PAGE = re.compile(r"^\s*(this page (is )?(intentionally|deliberately) (left )?blank\.?)\s*$", re.I)
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_TAB_SEPARATOR = re.compile(r"^\s*-{2,}(\t+\s*-{2,})*\s*$")
_FOOTNOTE = re.compile(r"^\s*(?:<sup>\s*\d{1,3}\s*</sup>|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+)\s*\S")
# The marks and the space after them only; the closing "##" is stripped in code. As one pattern,
# r"^(#{1,6})\s+(.*?)\s*#*\s*$", a line of "#", spaces, "#" and spaces took cubic time: the lazy
# group, the two \s* and \s+ all share the same spaces (a 3 KB line: 63 s; issue 14).
_HEADING = re.compile(r"(#{1,6})\s+")


@dataclass
class _Reader:
    path: str
    page: int = 1
    blocks: list[Block] = field(default_factory=list)
    # The page ends before the next block that is not a footnote: after a rule (the page's
    # footnotes follow it) or after footnotes set without a rule.
    page_ending: bool = False

    def end_page(self) -> None:
        self.page_ending = True

    def turn_page_for(self, kind: str) -> None:
        if kind == "footnote":
            self.page_ending = True
            return
        if self.page_ending:
            self.page += 1
            self.page_ending = False

    def add(self, kind: str, raw: str, first: int, last: int, **extra) -> None:
        text = extra.pop("text", None) or clean_inline(raw)
        if not text and kind != "table":
            return
        self.turn_page_for(kind)
        self.blocks.append(
            Block(
                kind=kind,
                text=text,
                page=self.page,
                source=raw,
                lines=(first, last),
                bold_spans=bold_spans(raw),
                **extra,
            )
        )


def read_text(path: str | Path, data: bytes | None = None) -> Document:
    path = str(path)
    data = Path(path).read_bytes() if data is None else data
    text = normalise_unicode(decode(data, path)).replace("\r\n", "\n").replace("\r", "\n")
    reader = _Reader(path)
    lines = text.split("\n")
    properties, i = front_matter(lines)
    if _looks_like_html(lines[i:]):
        # A web page saved as HTML reads as the markdown it stands for; line numbers are then
        # those of that markdown, after the front matter.
        lines = lines[:i] + html_to_markdown("\n".join(lines[i:])).split("\n")
    while i < len(lines):
        i = _read_one(reader, lines, i)
    blocks = unfold(merge_continued_tables(join_broken_paragraphs(reader.blocks)))
    if not any(b.text.strip() or b.kind == "table" for b in blocks):
        raise ReadError("no text found", document=path)
    return Document(
        id=Document.content_id(data),
        source_path=path,
        source_kind="text",
        page_count=reader.page,
        blocks=blocks,
        properties=properties,
    )


# --- front matter --------------------------------------------------------------------------

_YAML_KEY = re.compile(r"^(?P<indent>[ \t]*)(?P<key>[A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t]*$")
_YAML_ITEM = re.compile(r"^[ \t]*-[ \t]+(?P<value>.*?)[ \t]*$")


def _yaml_scalar(value: str) -> str:
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):  # a flow list: "[minutes, forum]"
        return ", ".join(_yaml_scalar(v) for v in value[1:-1].split(",") if v.strip())
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """A web page's YAML front matter: its entries and the index of the first body line.

    Static-site pages (Jekyll, Hugo, Eleventy, WordPress exports) open with ``---``, lines of
    ``key: value`` (lists as ``- item`` lines, one level of nesting), and ``---`` again. The
    entries are what the page says of itself (title, date, start, location), not the paper's
    text, and the rules are not page breaks. Values are strings: a list is joined with ", ",
    a nested key is "parent.child". Anything else at the top is the paper: ({}, 0).
    """
    if not lines or lines[0].strip() != "---":
        return {}, 0
    end = next((j for j in range(1, min(len(lines), 200)) if lines[j].strip() in ("---", "...")), None)
    if end is None:
        return {}, 0
    entries: dict[str, list[str]] = {}
    parent = key = None
    for line in lines[1:end]:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item, pair = _YAML_ITEM.match(line), _YAML_KEY.match(line)
        if item and key is not None:
            entries[key].append(_yaml_scalar(item.group("value")))
        elif pair:
            nested = bool(pair.group("indent")) and parent is not None
            key = f"{parent}.{pair.group('key')}" if nested else pair.group("key")
            value = pair.group("value")
            entries[key] = [_yaml_scalar(value)] if value else []
            if not nested:
                parent = key if not value else None
        else:
            return {}, 0  # not YAML: a rule over the paper's first lines
    if not entries:
        return {}, 0
    return {k: ", ".join(v for v in values if v) for k, values in entries.items() if any(values)}, end + 1


# --- HTML renderings ----------------------------------------------------------------------

_HTML_BLOCK = re.compile(r"<(?:html|body|table|h[1-6]|p|div|ul|ol|article|section)\b", re.I)


def _looks_like_html(lines: list[str]) -> bool:
    """A page saved as HTML: its first text is a tag, and block tags follow."""
    head = "\n".join(lines[:200]).lstrip()
    return head.startswith("<") and bool(_HTML_BLOCK.search(head))


class _HtmlToMarkdown(HTMLParser):
    """Headings, paragraphs, lists and tables of an HTML page as the markdown the reader knows:
    ``#`` headings, paragraphs between blank lines, ``-``/``1.`` items, pipe tables (a row of
    ``<th>`` cells is the header), ``**bold**``; cell line breaks stay ``<br>``."""

    _SKIP = {"script", "style", "head", "title", "nav", "noscript", "template"}
    _BLOCKS = {
        "p",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "blockquote",
        "dd",
        "dt",
        "figcaption",
        "caption",
        "address",
        "aside",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.buf: list[str] = []
        self.prefix = ""
        self.skip = 0
        self.lists: list[list] = []  # per open list: [ordered, next number]
        self.rows: list[tuple[list[str], bool]] | None = None  # the open table's rows (cells, header)
        self.cells: list[str] | None = None
        self.header_row = False

    def _flush(self) -> None:
        text = " ".join("".join(self.buf).split())
        self.buf = []
        if self.cells is not None:
            return
        if text:
            # List items on adjacent lines (a list), other blocks between blank lines.
            self.out += [self.prefix + text] if self.lists and self.prefix else [self.prefix + text, ""]
        self.prefix = ""

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self._SKIP:
            self.skip += 1
        elif self.skip:
            return
        elif tag == "br":
            self.buf.append("<br>" if self.cells is not None else "\n")
            if self.cells is None:
                self._flush()
        elif re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self.prefix = "#" * int(tag[1]) + " "
        elif tag in ("ul", "ol"):
            self._flush()
            self.lists.append([tag == "ol", 1])
        elif tag == "li":
            self._flush()
            depth = "  " * max(len(self.lists) - 1, 0)
            if self.lists and self.lists[-1][0]:
                self.prefix = f"{depth}{self.lists[-1][1]}. "
                self.lists[-1][1] += 1
            else:
                self.prefix = f"{depth}- "
        elif tag == "table":
            self._flush()
            self.rows = []
        elif tag == "tr" and self.rows is not None:
            self.header_row = False
            self.rows.append(([], False))
        elif tag in ("td", "th") and self.rows is not None:
            if not self.rows:
                self.rows.append(([], False))
            self.cells = self.rows[-1][0]
            self.header_row = self.header_row or tag == "th"
            self.rows[-1] = (self.cells, self.header_row)
            self.buf = []
        elif tag in ("b", "strong"):
            self.buf.append("**")
        elif tag in self._BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skip = max(self.skip - 1, 0)
        elif self.skip:
            return
        elif tag in ("td", "th") and self.cells is not None:
            self.cells.append(" ".join("".join(self.buf).split()).replace("|", "\\|"))
            self.buf, self.cells = [], None
        elif tag == "table" and self.rows is not None:
            rows, self.rows = [r for r in self.rows if r[0]], None
            for k, (cells, header) in enumerate(rows):
                self.out.append("| " + " | ".join(cells) + " |")
                if k == 0 and header:
                    self.out.append("|" + " --- |" * len(cells))
            self.out.append("")
        elif tag in ("b", "strong"):
            self.buf.append("**")
        elif tag in ("ul", "ol"):
            self._flush()
            if self.lists:
                self.lists.pop()
            self.out.append("")
        elif tag == "li" or re.fullmatch(r"h[1-6]", tag) or tag in self._BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.buf.append(data)

    def markdown(self) -> str:
        self._flush()
        return "\n".join(self.out)


def html_to_markdown(text: str) -> str:
    """An HTML page (or fragment) as markdown lines; markdown text outside tags passes through."""
    parser = _HtmlToMarkdown()
    parser.feed(text)
    parser.close()
    return parser.markdown()


def _read_one(r: _Reader, lines: list[str], i: int) -> int:
    """Read the construct starting at line i; return the index of the next unread line."""
    line = lines[i]
    n = i + 1  # 1-based line number
    stripped = line.strip()
    if "\f" in line:
        for _ in range(line.count("\f")):
            r.turn_page_for("break")
            r.page += 1
        line = line.replace("\f", "")
        stripped = line.strip()
    if not stripped:
        return i + 1
    if _BLANK_PAGE.match(stripped):
        r.turn_page_for("blank")  # the page before ends, the blank page is one of its own
        r.page += 1
        r.end_page()
        return i + 1
    if _RULE.match(stripped) and "\t" not in line:
        r.end_page()  # a rule stands where the page ends, before that page's footnotes
        return i + 1
    if stripped.startswith("|"):
        return _read_pipe_table(r, lines, i)
    if "\t" in line.rstrip("\n") and line.strip("\t "):
        return _read_tab_table(r, lines, i)
    m = _HEADING.match(stripped)
    if m:
        raw = _heading_text(stripped[m.end() :])
        marker, rest = split_marker(clean_inline(raw))
        r.add("heading", line, n, n, text=rest or clean_inline(raw), level=len(m.group(1)), marker=marker, bold=True)
        return i + 1
    if _FOOTNOTE.match(line):
        j = _continuation_end(lines, i)
        raw = "\n".join(lines[i:j])
        r.add("footnote", raw, n, j, marker=_footnote_number(line))
        return j
    bullet = re_bullet(line)
    if bullet:
        indent, rest = bullet
        j = _continuation_end(lines, i)
        raw_rest = " ".join([rest] + [s.strip() for s in lines[i + 1 : j]])
        clean = clean_inline(raw_rest)
        marker, body = split_marker(clean)
        depth = 1 if indent >= 1 else 0
        r.add(
            "list_item",
            "\n".join(lines[i:j]),
            n,
            j,
            text=body or clean,
            marker=marker or "-",
            depth=depth,
            bold=is_whole_bold(raw_rest),
        )
        return j
    ordered = _ordered_item(lines, i)
    if ordered:
        j = _continuation_end(lines, i)
        raw_rest = " ".join([ordered.group("rest")] + [s.strip() for s in lines[i + 1 : j]])
        depth = 1 if len(ordered.group("indent").expandtabs(4)) >= 2 else 0
        r.add(
            "list_item",
            "\n".join(lines[i:j]),
            n,
            j,
            text=clean_inline(raw_rest),
            marker=ordered.group("n") + ordered.group("p"),
            depth=depth,
            bold=is_whole_bold(raw_rest),
        )
        return j
    j = _continuation_end(lines, i)
    raw = " ".join(s.strip() for s in lines[i:j])
    clean = clean_inline(raw)
    if is_initials(clean) or (j == i + 1 and _owner_column_line(lines, i, clean)):
        r.add("margin", "\n".join(lines[i:j]), n, j, text=clean)
        return j
    lead = _owners_before_text(clean) if r.blocks and r.blocks[-1].kind == "margin" else None
    if lead:
        # "Clerk There being no further business ...": the last owners of a flattened action
        # column run into the next line of text.
        r.add("margin", lead, n, n, text=lead)
        raw = clean = clean[len(lead) :].strip()
    marker, body = split_marker(clean)
    bold = is_whole_bold(raw)
    # A title stands alone between blank lines; a run of short lines is a list (attendance).
    alone = (i == 0 or not lines[i - 1].strip()) and (j >= len(lines) or not lines[j].strip())
    if j == i + 1 and alone and looks_like_heading(body or clean, bold=bold, marker=marker):
        r.add("heading", line, n, n, text=body or clean, level=heading_level(marker), marker=marker, bold=bold)
    else:
        r.add("paragraph", "\n".join(lines[i:j]), n, j, text=body or clean, marker=marker, bold=bold)
    return j


def _heading_text(rest: str) -> str:
    """A markdown heading's text without its optional closing marks: "Title ##" -> "Title"."""
    return rest.rstrip().rstrip("#").rstrip()


_ORDERED = re.compile(r"^(?P<indent>[ \t]*)(?P<n>\d{1,2})(?P<p>[.)])[ \t]+(?P<rest>\S.*)$")


def _ordered_item(lines: list[str], i: int) -> re.Match | None:
    """A markdown ordered list item: '1. ...' on a line next to '2. ...' (or '1) ...', '2) ...').

    Items on adjacent lines only: numbered paragraphs between blank lines are a paper's
    numbered minutes and sections, which stay headings and paragraphs.
    """
    m = _ORDERED.match(lines[i])
    if not m:
        return None
    n = int(m.group("n"))
    for k, want in ((i - 1, n - 1), (i + 1, n + 1)):
        other = _ORDERED.match(lines[k]) if 0 <= k < len(lines) else None
        if other and int(other.group("n")) == want and other.group("p") == m.group("p"):
            return m
    return None


def _owner_column_line(lines: list[str], i: int, clean: str) -> bool:
    """A line of an action column flattened into the text: owners only ('Clerk Clerk',
    'RC/AC GG AJ Clerk'), or one post ('Clerk') beside such a line."""
    tokens = clean.split()
    if len(tokens) >= 2 and is_owner_tokens(clean):
        # Initials among them, or a post written twice: not a post's name ("Chief Executive").
        return any(is_initials(t) for t in tokens) or len({t.lower() for t in tokens}) < len(tokens)
    if len(tokens) != 1 or not is_owner_tokens(clean):
        return False
    # One post alone: part of such a column when its run of owner lines (blank lines
    # between them) holds initials or a line of several owners.
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(lines) and abs(k - i) <= 40:
            near = clean_inline(lines[k].strip())
            if near:
                if not is_owner_tokens(near):
                    break
                if is_initials(near) or (len(near.split()) >= 2 and _owner_column_line(lines, k, near)):
                    return True
            k += step
    return False


def _owners_before_text(clean: str) -> str | None:
    """The owners (one to three) opening a line of text, after a run of owner lines."""
    tokens = clean.split()
    for k in (3, 2, 1):
        head, rest = " ".join(tokens[:k]), tokens[k:]
        if len(rest) >= 4 and rest[0][:1].isupper() and is_owner_tokens(head) and not is_owner_tokens(rest[0]):
            return head
    return None


def re_bullet(line: str) -> tuple[int, str] | None:
    m = re.match(r"^(?P<indent>[ \t]*)(?P<bullet>[-*•●▪◦·‣])\s+(?P<rest>\S.*)$", line)
    if not m or (m.group("bullet") == "*" and m.group("rest").count("*") % 2 == 1):
        return None  # "*italic line*" is not a bullet
    return len(m.group("indent").expandtabs(4)), m.group("rest")


# A line that stops on a comma or on "and" / "&" has not finished its list: the next line goes on
# with it whatever its case ("Councillors A (Chair), B," / "C and" / "D").
_OPEN_LIST_END = re.compile(r"(?:,|\band|&)$", re.I)
# A line opening with a list item's marker: "(a)", "(iv)", "b)", "2.", "3)".
_LIST_MARKER = re.compile(r"^(?:\((?:[a-zA-Z]|[ivxIVX]{1,5}|\d{1,2})\)|(?:[a-z]|\d{1,2})[.)])\s")


def _continuation_end(lines: list[str], i: int) -> int:
    """A wrapped line continues its block when it starts in lower case (the rendering's wraps),
    or when the line before it stops mid-list, on a comma or an "and"."""
    j = i + 1
    while j < len(lines):
        s = lines[j].strip()
        if not s or "\t" in lines[j] or s.startswith(("|", "#", "<sup>")) or re_bullet(lines[j]):
            break
        if _ordered_item(lines, j) or _LIST_MARKER.match(s):
            break  # "(a) note the report; and" / "(b) comment on ...": the next item, not a wrap
        if not s[0].islower() and not _OPEN_LIST_END.search(lines[j - 1].strip()):
            break
        j += 1
    return j


def _footnote_number(line: str) -> str:
    m = re.match(r"^\s*(?:<sup>\s*(\d+)\s*</sup>|([\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+))", line)
    if not m:
        return ""
    if m.group(1):
        return m.group(1)
    return m.group(2).translate(
        str.maketrans("\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079", "1230456789")
    )


# --- tables --------------------------------------------------------------------------------


def _pipe_cells(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|"):
        s = s[:-1]
    return [c.strip() for c in re.split(r"(?<!\\)\|", s)]


def _cell(raw: str) -> Cell:
    if not raw or raw.isspace():  # most cells of a very wide row; clean_inline is the reader's slowest rule
        return Cell(text="")
    return Cell(text=clean_inline(raw, keep_breaks=True), bold=is_whole_bold(raw))


def _read_pipe_table(r: _Reader, lines: list[str], i: int) -> int:
    j = i
    while j < len(lines) and lines[j].strip().startswith("|"):
        j += 1
    raw_rows = lines[i:j]
    body: list[list[str]] = []
    head: list[list[str]] = []
    for k, raw in enumerate(raw_rows):
        if _PIPE_SEPARATOR.match(raw) and "-" in raw:
            head, body = [_pipe_cells(x) for x in raw_rows[:k]], [_pipe_cells(x) for x in raw_rows[k + 1 :]]
            break
    else:
        body = [_pipe_cells(x) for x in raw_rows]
    _add_table(r, head, body, "\n".join(raw_rows), i + 1, j)
    return j


def _read_tab_table(r: _Reader, lines: list[str], i: int) -> int:
    j = i
    while j < len(lines) and "\t" in lines[j] and (lines[j].strip("\t ") or _TAB_SEPARATOR.match(lines[j])):
        j += 1
    rows = [[c.strip() for c in line.split("\t")] for line in lines[i:j]]
    seps = [k for k, line in enumerate(lines[i:j]) if _TAB_SEPARATOR.match(line)]
    if seps:
        head = rows[: seps[0]]
        body = [row for k, row in enumerate(rows) if k > seps[0] and k not in seps]
    else:
        n_head = header_rows_by_content(rows)
        head, body = rows[:n_head], rows[n_head:]
    _add_table(r, head, body, "\n".join(lines[i:j]), i + 1, j)
    return j


def _add_table(r: _Reader, head: list[list[str]], body: list[list[str]], raw: str, first: int, last: int) -> None:
    n_cols = max([len(x) for x in head + body] or [0])
    if n_cols < 2 and not head:
        for k, row in enumerate(body):  # one column: not a table, just lines
            r.add("paragraph", row[0] if row else "", first + k, first + k)
        return
    r.turn_page_for("table")
    rows = [Row(cells=[_cell(c) for c in _pad(x, n_cols)], header=True, page=r.page) for x in head]
    rows += [Row(cells=[_cell(c) for c in _pad(x, n_cols)], header=False, page=r.page) for x in body]
    table = lift_caption(Table(rows=rows, n_cols=n_cols, pages=[r.page]))
    r.blocks.append(
        Block(
            kind="table",
            text="\n".join(" | ".join(c.text for c in row.cells) for row in rows),
            page=r.page,
            source=raw,
            lines=(first, last),
            table=table,
        )
    )


def _pad(cells: list[str], n: int) -> list[str]:
    return cells + [""] * (n - len(cells))
