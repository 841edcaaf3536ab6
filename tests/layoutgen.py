"""Realistic page layouts for the PDF reader's layout tests, built with ``pdfgen``.

Each builder returns ``(pages, options)`` for ``make_pdf(pages, **options)``: the shapes
council papers take that the corpus does not show (two text columns, a right-hand Action
column, a table drawn without rules, a landscape page, running headers and footers, a bold
numbered heading in body size, a table running over a page break).
"""

from __future__ import annotations

import textwrap

from pdfgen import ruled_table, text

HEADER = "Safer Somewhere Partnership \u2013 Board Minutes"
LOREM = (
    "The partnership reviewed the latest community safety figures and noted that reports of "
    "anti-social behaviour had fallen in most wards, although the town centre remained a concern "
    "for residents and businesses alike. Members asked for more detail on repeat locations and on "
    "the work with licensed premises before the summer period."
)
LOREM2 = (
    "Officers explained that the new multi-agency hub would share information on high-risk "
    "victims every week, and that the police and the council had agreed a joint protocol for "
    "referrals so that no case waits more than two working days for a first contact."
)

LOREM3 = (
    "The Board thanked the youth offending service for its report and asked that the next update "
    "set out the cost of the new prevention programme and how its results would be measured."
)


def wrap(s: str, width_pt: float, size: float = 10.0) -> list[str]:
    """Lines of ``s`` that fit ``width_pt`` in Helvetica (about half an em per character)."""
    return textwrap.wrap(s, int(width_pt / (0.5 * size)))


def paragraph(
    x: float, top: float, s: str, width_pt: float, size: float = 10.0, lead: float = 12.0, bold: bool = False
) -> tuple[list[tuple], float]:
    """Operations for a wrapped paragraph and the top of the line after it."""
    ops = []
    for line in wrap(s, width_pt, size):
        ops.append(text(x, top, line, size, bold))
        top += lead
    return ops, top


def running(n: int, total: int, width: float = 595.0, height: float = 842.0) -> list[tuple]:
    return [text(72, 28, HEADER, 8), text(width / 2 - 25, height - 40, f"Page {n} of {total}", 8)]


def two_columns():
    """An InDesign-style plan page: a title across the page, then two text columns."""
    ops = [text(50, 60, "Community Safety Plan 2024-27", 18, bold=True)]
    left = [("Our priorities", LOREM), ("Working together", LOREM2)]
    right = [("Reducing reoffending", LOREM2), ("Violence against women and girls", LOREM)]
    for x, items in ((50, left), (310, right)):
        top = 100.0
        for head, body in items:
            ops.append(text(x, top, head, 12, bold=True))
            more, top = paragraph(x, top + 20, body, 235)
            ops += more
            top += 14
    return [ops], {}


def action_column():
    """Word minutes: numbered paragraphs, an "Action" column of initials on the right."""
    ops = [
        text(72, 60, "Minutes of the Board meeting held on 4 March 2024", 14, bold=True),
        text(480, 90, "Action", 10, bold=True),
    ]
    items = [
        ("4.1", "The Board received the quarterly performance report. " + LOREM, "JB"),
        (
            "4.2",
            "Members discussed the domestic abuse needs assessment and asked for it to be shared with "
            "the health and wellbeing board before the next meeting.",
            "CSM",
        ),
        ("4.3", "All partners to send their data returns to the analyst by the end of the month.", "All"),
        ("4.4", "The Board noted the update on the serious violence duty.", None),
    ]
    top = 110.0
    for marker, body, owner in items:
        ops.append(text(72, top, marker, 10))
        if owner:
            ops.append(text(485, top, owner, 10))
        more, top = paragraph(100, top, body, 340)
        ops += more
        top += 12
    return [ops], {}


TABLE_ROWS = [
    ["Indicator", "Target", "Q1", "Q2"],
    ["Reported anti-social behaviour", "5,200", "1,310", "1,254"],
    ["Repeat victims of domestic abuse", "28%", "31%", "29%"],
    ["First-time entrants to youth justice", "120", "34", "27"],
    ["Proven reoffending rate", "25%", "27.1%", "24.8%"],
    ["Hate crimes reported", "450", "118", "102"],
]


def borderless_table():
    """A performance summary: prose, a table set as aligned text with no rules, more prose."""
    ops = [text(72, 60, "Performance summary", 14, bold=True)]
    # A key-and-value list: two aligned columns of words, which must stay lines.
    for k, (key, value) in enumerate(
        (("Date:", "4 March 2024"), ("Time:", "10.00am"), ("Venue:", "Town Hall, Room 2"))
    ):
        ops += [text(72, 90 + 14 * k, key, 10, bold=True), text(160, 90 + 14 * k, value, 10)]
    more, top = paragraph(72, 150, LOREM, 450)
    ops += more
    top += 14
    xs = [72, 290, 370, 440]
    for r, row in enumerate(TABLE_ROWS):
        for x, cell in zip(xs, row):
            if cell == "Repeat victims of domestic abuse":  # a cell wrapped to two lines
                ops += [text(x, top, "Repeat victims of", 10), text(x, top + 11, "domestic abuse", 10)]
            else:
                ops.append(text(x, top, cell, 10, bold=r == 0))
        top += 27 if row[0].startswith("Repeat") else 16
    top += 14
    more, top = paragraph(72, top, LOREM2, 450)
    ops += more
    return [ops], {}


def landscape_table():
    """A portrait cover page, then a landscape page with a wide ruled table."""
    cover = [text(72, 80, "Performance Report", 18, bold=True)] + paragraph(72, 120, LOREM, 450)[0]
    head = ["Indicator", "Baseline", "Target", "Q1", "Q2", "Q3", "Q4", "Direction"]
    rows = [head] + [[f"Indicator number {i}", "100", "95", "97", "96", "94", "93", "Improving"] for i in range(1, 7)]
    wide = [text(40, 40, "Appendix A: Performance Scorecard", 14, bold=True)] + ruled_table(
        40, 70, [230, 70, 70, 70, 70, 70, 70, 110], rows
    )
    return [cover, wide], {"landscape": (1,)}


def running_headers(total: int = 3):
    pages = []
    for n in range(1, total + 1):
        ops = running(n, 12)
        # The body starts at 1 inch, inside the zone where running lines are looked for.
        more, _ = paragraph(72, 72, (LOREM, LOREM2, LOREM3)[(n - 1) % 3], 450)
        pages.append(ops + more)
    return pages, {}


def bold_body_heading():
    """Word minutes: "3. MATTERS ARISING" in bold at body size, the paragraph right under it."""
    ops = [text(72, 60, "Minutes", 16, bold=True)]
    top = 100.0
    for head, body in (
        ("2. APOLOGIES", "Apologies were received from Jo Bloggs and Sam Smith."),
        ("3. MATTERS ARISING", LOREM),
        ("4. ANY OTHER BUSINESS", "There was no other business."),
    ):
        ops.append(text(72, top, head, 10, bold=True))
        more, top = paragraph(72, top + 14, body, 450)
        ops += more
        top += 12
    return [ops], {}


def continued_table(ruled: bool = True):
    """An action log whose rows run on to the next page, the header not repeated there."""
    head = ["Ref", "Action", "Owner", "Due"]
    first = [head] + [[str(i), f"Agree the funding for project {i}", "JB", "Apr 2024"] for i in range(1, 9)]
    second = [[str(i), f"Agree the funding for project {i}", "CSM", "Jun 2024"] for i in range(9, 13)]
    widths = [40, 280, 60, 80]
    p1 = running(1, 2) + [text(72, 60, "Action log", 14, bold=True)]
    p2 = running(2, 2) + [text(72, 60 + 4 * 18 + 20, "The meeting closed at 12.20pm.", 10)]
    if ruled:
        p1 += ruled_table(72, 90, widths, first)
        p2 += ruled_table(72, 60, widths, second, bold_first=False)
    else:
        p1 += _aligned(72, 90, widths, first)
        p2 += _aligned(72, 60, widths, second, bold_first=False)
    return [p1, p2], {}


def continued_aligned_table():
    return continued_table(ruled=False)


def _aligned(
    x0: float, top: float, widths: list[float], rows: list[list[str]], *, bold_first: bool = True
) -> list[tuple]:
    """A table set as text at column stops, no rules (Word's "tabs" tables)."""
    ops = []
    for r, row in enumerate(rows):
        x = x0
        for w, cell in zip(widths, row):
            ops.append(text(x, top + 18 * r, cell, 9, bold=bold_first and r == 0))
            x += w
    return ops


def build(name: str) -> bytes:
    """The PDF bytes of one layout."""
    from pdfgen import make_pdf

    pages, options = globals()[name]()
    return make_pdf(pages, **options)
