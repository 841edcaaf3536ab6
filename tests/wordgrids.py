"""Word- and browser-printed table layouts for the PDF reader's grid tests, built with ``pdfgen``.

The conventions real school, parish and partnership papers print their tables in (a minutes
grid running over landscape pages with a footer at 89% of the height, title bands over label
rows, logo strokes under a table, rotated date headers, an unruled label line over a ruled
body, a browser print that clips one long table into pages, a tagged PDF's paragraph ids),
each in a house style of its own: a seaside community safety board and a secondary school's
local governing body, not the papers the rules were read from.

Each builder returns ``(pages, options)`` for ``make_pdf(pages, **options)``.
"""

from __future__ import annotations

from pdfgen import clip, fill, mtext, rule, text, vtext

LANDSCAPE_W, LANDSCAPE_H = 842.0, 595.0


def grid(x0: float, top: float, widths: list[float], heights: list[float]) -> list[tuple]:
    """The rules of a grid: one line per row edge and per column edge."""
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [top]
    for h in heights:
        ys.append(ys[-1] + h)
    return [rule(xs[0], y, xs[-1], y) for y in ys] + [rule(x, ys[0], x, ys[-1]) for x in xs]


def cell_lines(x: float, top: float, lines: list[str], size: float = 9.0, bold: bool = False, lead: float = 11.0):
    return [text(x + 4, top + 3 + lead * k, s, size, bold) for k, s in enumerate(lines)]


def footer(n: int, total: int, label: str) -> list[tuple]:
    """A Word landscape footer set at 89% of the page height, well above the bottom 10%."""
    y = 0.89 * LANDSCAPE_H
    return [text(40, y, label, 8), text(720, y, f"Page {n} of {total}", 8)]


# --- a minutes grid over three landscape pages ---------------------------------------------------

GRID_WIDTHS = [90, 160, 420, 100]
GRID_X = 40.0
MINUTES_ROWS = [
    # (code, item, notes lines, action lines)
    (
        "LGB 31/24",
        "Welcome and apologies",
        ["Apologies were received from Dana Whitlock and accepted.", "In attendance: Imran Qureshi (clerk)."],
        ["None"],
    ),
    ("LGB 32/24", "Declarations of interest", ["There were no declarations of interest."], []),
    (
        "LGB 33/24",
        "Minutes of the last meeting",
        ["The minutes of the meeting held on 12 January were", "approved as a true record and signed."],
        ["Clerk to place on", "website"],
    ),
    ("LGB 34/24", "Finance", ["The budget monitor to the end of February was received and"], ["Business Manager"]),
]
MINUTES_CONTINUED = ("", "", ["the governors noted the forecast underspend of £12,400."], [])
MINUTES_PAGE2 = [
    (
        "LGB 35/24",
        "Safeguarding",
        [
            "The designated lead reported two referrals this term.",
            "Training for all staff was completed on 6 February.",
            "The single central record was checked by the chair.",
            "Governors asked for an update at the next meeting.",
        ],
        ["Designated lead"],
    ),
    ("LGB 36/24", "Premises", ["Quotes for the roof repair were received from three firms."], ["Business Manager"]),
]
MINUTES_PAGE3 = [
    ("LGB 37/24", "Policies", ["The behaviour policy was approved."], ["Clerk"]),
    ("LGB 38/24", "Date of next meeting", ["Monday 13 May 2024 at 6pm in the library."], []),
]


def _grid_rows(top: float, rows, *, shaded_notes: bool = False) -> tuple[list[tuple], float]:
    ops: list[tuple] = []
    heights = []
    y = top
    for code, item, notes, action in rows:
        h = 11.0 * max(len(notes), len(action), 1) + 8
        xs = [GRID_X]
        for w in GRID_WIDTHS:
            xs.append(xs[-1] + w)
        if shaded_notes:
            # Word's white paragraph shading: one filled strip per line of the notes cell.
            for k in range(len(notes)):
                ops.append(fill(xs[2] + 1, y + 2 + 11.0 * k, xs[3] - 1, y + 2 + 11.0 * (k + 1), 1.0))
        ops += cell_lines(xs[0], y, [code] if code else [])
        ops += cell_lines(xs[1], y, [item] if item else [])
        ops += cell_lines(xs[2], y, notes)
        ops += cell_lines(xs[3], y, action)
        heights.append(h)
        y += h
    return ops + grid(GRID_X, top, GRID_WIDTHS, heights), y


def minutes_grid():
    """A governing body's Code | Item | Notes | Action grid with no header row, over three
    landscape pages: a row cut by the first break (its code cell empty on page 2), white
    per-line shading in a notes cell, and the footer at 89% of the page height."""
    label = "Harbourside Academy LGB minutes 4 March 2024"
    p1 = [
        text(40, 40, "HARBOURSIDE ACADEMY LOCAL GOVERNING BODY", 13, bold=True),
        text(40, 62, "Minutes of the meeting held on 4 March 2024", 10),
    ]
    ops, _ = _grid_rows(90, MINUTES_ROWS)
    p1 += ops + footer(1, 3, label)
    ops, y = _grid_rows(40, [MINUTES_CONTINUED])
    more, _ = _grid_rows(y, MINUTES_PAGE2, shaded_notes=True)
    p2 = ops + more + footer(2, 3, label)
    ops, y = _grid_rows(40, MINUTES_PAGE3)
    p3 = ops + [text(40, y + 20, "The meeting closed at 7.40pm.", 10)] + footer(3, 3, label)
    return [p1, p2, p3], {"landscape": (0, 1, 2)}


# --- title bands over label rows, a row cut in every column, logo strokes under the grid -------

PLAN_LABELS = ["Objective", "Action", "Lead", "By when", "Measure of success"]
PLAN_WIDTHS = [150, 230, 110, 90, 180]
PLAN_X = 40.0
PRIORITY_1 = [
    [
        "Cut repeat anti-social behaviour",
        "Joint patrols in the three hotspot wards",
        "Police Inspector",
        "June 2024",
        "Fewer repeat calls",
    ],
    ["Support victims", "Refer every repeat victim to the hub", "Victim Lead", "April 2024", "All referred"],
    ["Safer night-time economy", "Licensing visits with the police", "Licensing Manager", "July 2024", "Visits made"],
]
PRIORITY_2_P1 = [
    [
        "Reduce reoffending",
        "Mentoring for young adults leaving custody",
        "Probation Manager",
        "May 2024",
        "Mentors in place",
    ],
    [
        "Stable housing on release",
        "Housing advice before release for everyone",
        "Housing Lead",
        "March 2025",
        "No release to",
    ],
]
PRIORITY_2_CUT = ["", "", "", "", "the street"]  # the last row's measure runs over the break
PRIORITY_2_P2 = [
    ["Employment", "Work placements with local firms", "Skills Coordinator", "December 2024", "Twenty placements"],
]


def _band(top: float, label: str) -> list[tuple]:
    width = sum(PLAN_WIDTHS)
    return [fill(PLAN_X, top, PLAN_X + width, top + 18, 0.8), text(PLAN_X + 4, top + 4, label, 10, bold=True)]


def _plan_rows(top: float, rows: list[list[str]], *, bold: bool = False, height: float = 30.0):
    ops: list[tuple] = []
    xs = [PLAN_X]
    for w in PLAN_WIDTHS:
        xs.append(xs[-1] + w)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell:
                ops.append(text(xs[c] + 4, top + r * height + 4, cell, 9, bold))
    return ops, top + len(rows) * height


def banded_plan():
    """A partnership delivery plan in one ruled grid: "PRIORITY 1: ..." and "PRIORITY 2: ..."
    bands, each over the same bold label row; the grid runs on to page 2, where a row the
    break cut carries on in lower case, and a logo's short strokes sit just under its bottom rule."""
    label = "Torbay Community Safety Board - Delivery Plan 2024/25"
    p1 = [
        text(40, 20, "Torbay Community Safety Board", 14, bold=True),
        text(40, 40, "Delivery Plan 2024/25 - April 2024", 10),
    ]
    top = 60.0
    kinds: list[tuple[float, bool]] = []  # (row height, is a band)
    ops: list[tuple] = []
    y = top
    for band, rows in (
        ("PRIORITY 1: Safer streets and public spaces", PRIORITY_1),
        ("PRIORITY 2: Reducing reoffending", PRIORITY_2_P1),
    ):
        ops += _band(y, band)
        kinds.append((18.0, True))
        more, y = _plan_rows(y + 18, [PLAN_LABELS], bold=True, height=18.0)
        ops += more
        kinds.append((18.0, False))
        more, y = _plan_rows(y, rows)
        ops += more
        kinds += [(30.0, False)] * len(rows)
    p1 += ops + _plan_grid(top, kinds) + footer(1, 2, label)
    # Page 2: the cut row's end, one more row, then the logo's strokes just under the grid.
    ops, y = _plan_rows(40, [PRIORITY_2_CUT], height=18.0)
    more, y = _plan_rows(y, PRIORITY_2_P2)
    p2 = ops + more + _plan_grid(40, [(18.0, False), (30.0, False)]) + logo_strokes(PLAN_X + 60, y + 1.2)
    p2 += footer(2, 2, label)
    return [p1, p2], {"landscape": (0, 1)}


def _plan_grid(top: float, kinds: list[tuple[float, bool]]) -> list[tuple]:
    """Rules of the plan grid; a band row spans the whole width (no inner verticals)."""
    xs = [PLAN_X]
    for w in PLAN_WIDTHS:
        xs.append(xs[-1] + w)
    ops = []
    y = top
    for h, band in kinds:
        ops.append(rule(xs[0], y, xs[-1], y))
        for x in [xs[0], xs[-1]] if band else xs:
            ops.append(rule(x, y, x, y + h))
        y += h
    ops.append(rule(xs[0], y, xs[-1], y))
    return ops


def logo_strokes(x: float, top: float) -> list[tuple]:
    """A logo drawn as many short strokes, starting a point or two under a table's bottom rule."""
    out = []
    for k in range(24):
        y = top + 0.8 * k
        out.append(rule(x + 3 * k, y, x + 3 * k + 2.5, y))
        out.append(rule(x + 3 * k, y, x + 3 * k, y + 2.0))
    return out


# --- an attendance register: rotated dates in a strip, a label line, names and codes ------------

REGISTER_DATES = ["12/09/2023", "14/11/2023", "23/01/2024", "4/03/2024"]
REGISTER = [
    ["Amara Okafor", "P", "P", "A", "P"],
    ["Tom Brennan", "P", "S", "P", "P"],
    ["Lucy Hargreaves", "", "P", "P", "L"],
    ["Dev Patel", "P", "P", "P", "S"],
]


def attendance_register():
    """Members' attendance by meeting: the dates set on their side in a ruled strip over the
    code columns, the unruled line "MEMBER ATTENDANCE", then the ruled names-and-codes grid."""
    widths = [160, 60, 60, 60, 60]
    x0 = 60.0
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    ops = [text(60, 40, "HARBOURSIDE ACADEMY LOCAL GOVERNING BODY", 13, bold=True)]
    # The strip: one ruled row over the four code columns, each date reading bottom to top.
    strip_top, strip_h = 70.0, 56.0
    for k, date in enumerate(REGISTER_DATES):
        ops.append(vtext(xs[k + 1] + 24, strip_top + strip_h - 4, date, 8))
    ops += [rule(xs[1], strip_top, xs[-1], strip_top), rule(xs[1], strip_top + strip_h, xs[-1], strip_top + strip_h)]
    ops += [rule(x, strip_top, x, strip_top + strip_h) for x in xs[1:]]
    ops.append(text(60, strip_top + strip_h + 3, "MEMBER ATTENDANCE", 9, bold=True))
    top = strip_top + strip_h + 16
    for r, row in enumerate(REGISTER):
        for c, cell in enumerate(row):
            if cell:
                ops.append(text(xs[c] + 4, top + r * 16 + 3, cell, 9))
    ops += grid(x0, top, widths, [16.0] * len(REGISTER))
    ops += [text(60, top + 16 * len(REGISTER) + 12, "P - Present  S - Sent apologies  A - Absent  L - Late", 8)]
    return [ops], {}


# --- an action log whose header line is printed above the rules ---------------------------------

LOG_ROWS = [
    ["31/24", "Send the signed minutes to the website", "Clerk", "asap"],
    ["34/24", "Circulate the budget monitor to all governors", "Business Manager", "18 March 2024"],
    ["36/24", "Obtain a fourth quote for the roof", "Business Manager", "April 2024"],
]


def action_log_header_line():
    """ "ACTIONS ARISING", then the labels REF / ACTION / OWNER / DUE set as a plain line right
    on the top rule of a ruled body that has no header row of its own."""
    widths = [60, 280, 120, 90]
    xs = [60.0]
    for w in widths:
        xs.append(xs[-1] + w)
    ops = [text(60, 60, "ACTIONS ARISING", 11, bold=True)]
    top = 96.0
    for x, label in zip(xs, ["REF", "ACTION", "OWNER", "DUE"]):
        ops.append(text(x + 4, top - 12.5, label, 9, bold=True))
    for r, row in enumerate(LOG_ROWS):
        for c, cell in enumerate(row):
            ops.append(text(xs[c] + 4, top + r * 18 + 4, cell, 9))
    ops += grid(60, top, widths, [18.0] * len(LOG_ROWS))
    return [ops], {}


# --- a browser print: one long table clipped into pages -------------------------------------------

HTML_ROWS = [
    [f"Outcome {k // 4 + 1}" if k % 4 == 0 else "", f"Target {k + 1}: sessions run every month", f"{(k + 1) * 7}"]
    for k in range(24)
]


def html_print():
    """A browser (or TextEdit) print of an HTML table: every page draws the whole 24-row table,
    shifted up by the pages before it, through one clipping rectangle (the printable area), so
    the text layer holds every row on every page and clipped copies at each break."""
    widths, row_h, x0 = [110, 260, 80], 40.0, 80.0
    area_top, area_bottom = 72.0, 712.0  # the printable area ends on a row boundary, as browsers break
    table_ops = []
    for r, row in enumerate(HTML_ROWS):
        xs = [x0]
        for w in widths:
            xs.append(xs[-1] + w)
        for c, cell in enumerate(row):
            if cell:
                table_ops.append(text(xs[c] + 4, r * row_h + 14, cell, 10))
    table_ops += grid(x0, 0, widths, [row_h] * len(HTML_ROWS))
    pages = []
    shown = area_bottom - area_top
    for k in range(2):
        offset = area_top - k * shown
        moved = [_shift(op, offset) for op in table_ops]
        pages.append([clip(72, area_top, 540, area_bottom, moved)])
    return pages, {"width": 612.0, "height": 792.0}


def _shift(op: tuple, dy: float) -> tuple:
    if op[0] == "text":
        return op[:2] + (op[2] + dy,) + op[3:]
    if op[0] == "rule":
        return (op[0], op[1], op[2] + dy, op[3], op[4] + dy)
    return op


# --- a tagged PDF's cells: one marked-content id per paragraph ------------------------------------


def tagged_cells():
    """A plan row whose Lead cell stacks three posts, one paragraph (one MCID) each, in a column
    so narrow that each line looks full; beside it a paragraph wrapped over two lines (one MCID)."""
    widths = [200, 78, 160]
    xs = [60.0]
    for w in widths:
        xs.append(xs[-1] + w)
    ops = [text(60, 60, "Action plan", 12, bold=True)]
    top = 90.0
    ops += [
        text(xs[0] + 4, top + 4, "Objective", 9, True),
        text(xs[1] + 4, top + 4, "Lead", 9, True),
        text(xs[2] + 4, top + 4, "Success criteria", 9, True),
    ]
    body = top + 18
    ops += [
        mtext(xs[0] + 4, body + 4, "Improve access to after-school", 9, mcid=10),
        mtext(xs[0] + 4, body + 15, "clubs for all pupils", 9, mcid=10),
    ]
    for k, post in enumerate(["SENCo", "Specialist Teacher", "SLT"]):
        ops.append(mtext(xs[1] + 4, body + 4 + 11 * k, post, 9, mcid=11 + k))
    ops.append(mtext(xs[2] + 4, body + 4, "Every pupil attends one club", 9, mcid=14))
    ops += grid(60, top, widths, [18.0, 40.0])
    return [ops], {}
