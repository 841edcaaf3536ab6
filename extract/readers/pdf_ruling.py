"""pdfplumber's table finder (``Page.find_tables``, pdfplumber 0.11.10) for ruled tables,
giving the same tables with the same cells in the same order, in a quarter of the time.

pdfplumber turns every rectangle of a page into four edge dicts (a copy of the rectangle's
dict each), snaps and joins them by copying dicts again, and then, for each crossing of two
rules, scans every later crossing for the ones below it and right of it: a page of a few
hundred crossings costs as much as reading its text. Here an edge is a tuple, the crossings
are indexed by column and by row, and the edges at a crossing are a set made once.

Every number is computed by the same arithmetic in the same order as pdfplumber's
(``table.py``: ``get_edges``, ``merge_edges``, ``edges_to_intersections``,
``intersections_to_cells``; ``utils/geometry.py``: ``rect_to_edges``, ``curve_to_edges``,
``snap_objects``, ``resize_object``), so a coordinate agrees to the last bit and every
comparison goes the same way; ``cells_to_tables`` and ``Table`` are pdfplumber's own.
``tests/test_reader_pdf_ruling.py`` compares the two on every page of the real PDFs and on
generated grids. Only the "lines" and "explicit" strategies (with rules given as objects)
are here; other settings go to pdfplumber.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import groupby

from pdfplumber.table import Table, TableSettings, cells_to_tables
from pdfplumber.utils import cluster_objects

# An edge: (x0, top, x1, bottom, width, height), the fields of pdfplumber's edge dict the
# finder reads; its first four are the bounding box pdfplumber compares edges by.
Edge = tuple[float, float, float, float, float, float]


def page_edges(page) -> tuple[list[Edge], list[Edge]]:
    """The page's vertical and horizontal edges, each in the order of pdfplumber's ``Page.edges``
    (lines, then each rectangle's top, bottom, left and right, then the curves' segments); a
    curve's slanted segments, which no table uses, are left out."""
    vertical: list[Edge] = []
    horizontal: list[Edge] = []
    for ln in page.lines:
        edge = (ln["x0"], ln["top"], ln["x1"], ln["bottom"], ln["width"], ln["height"])
        # pdfplumber's ``line_to_edge``: any line that is not flat is vertical, slanted ones too.
        (horizontal if ln["top"] == ln["bottom"] else vertical).append(edge)
    for r in page.rects:
        _rect_edges(r, vertical, horizontal)
    for c in page.curves:
        pts = c["pts"]
        for (ax, ay), (bx, by) in zip(pts, pts[1:]):
            if ax == bx:
                out = vertical
            elif ay == by:
                out = horizontal
            else:
                continue
            out.append((min(ax, bx), min(ay, by), max(ax, bx), max(ay, by), abs(ax - bx), abs(ay - by)))
    return vertical, horizontal


def _rect_edges(r: dict, vertical: list[Edge], horizontal: list[Edge]) -> None:
    """``rect_to_edges``: the bottom edge's top is ``top + height``, which may differ from the
    rectangle's ``bottom`` in the last bit; pdfplumber keeps both, and so does this."""
    x0, top, x1, bottom, width, height = r["x0"], r["top"], r["x1"], r["bottom"], r["width"], r["height"]
    horizontal.append((x0, top, x1, top, width, 0))
    horizontal.append((x0, top + height, x1, bottom, width, 0))
    vertical.append((x0, top, x0, bottom, 0, height))
    vertical.append((x1, top, x1, bottom, 0, height))


def find_tables(page, options: dict | None = None, *, edges=None) -> list[Table]:
    """``page.find_tables(options)``, for the "lines" and "explicit" strategies; ``edges`` are
    the page's ``page_edges`` where the caller has them already."""
    settings = TableSettings.resolve(options)
    strategies = (settings.vertical_strategy, settings.horizontal_strategy)
    explicit = (settings.explicit_vertical_lines or [], settings.explicit_horizontal_lines or [])
    if (
        any(s not in ("lines", "explicit") for s in strategies)
        or any(not isinstance(d, dict) or d.get("object_type") not in ("rect", "line") for e in explicit for d in e)
        or any(s == "explicit" and len(e) < 2 for s, e in zip(strategies, explicit))
    ):
        return page.find_tables(settings)  # numbers as rules, text strategies, pdfplumber's errors
    vertical: list[Edge] = []
    horizontal: list[Edge] = []
    if "lines" in strategies:
        page_v, page_h = edges if edges is not None else page_edges(page)
        least = settings.edge_min_length_prefilter
        if strategies[0] == "lines":
            vertical = [e for e in page_v if e[5] >= least]
        if strategies[1] == "lines":
            horizontal = [e for e in page_h if e[4] >= least]
    # Explicit rules follow the page's (``get_edges``: ``v_base + v_explicit``).
    for orientation, lines, out in ((0, explicit[0], vertical), (1, explicit[1], horizontal)):
        for obj in lines:
            _object_edges(obj, orientation, out)
    vertical, horizontal = _merge(vertical, horizontal, settings)
    least = settings.edge_min_length
    vertical = [e for e in vertical if e[5] >= least]
    horizontal = [e for e in horizontal if e[4] >= least]
    crossings = _intersections(
        vertical, horizontal, settings.intersection_x_tolerance, settings.intersection_y_tolerance
    )
    return [Table(page, group) for group in cells_to_tables(_cells(crossings))]


def _object_edges(obj: dict, orientation: int, out: list[Edge]) -> None:
    """``obj_to_edges`` for an explicit rule (a rectangle or a line), keeping one orientation."""
    if obj["object_type"] == "rect":
        v: list[Edge] = []
        h: list[Edge] = []
        _rect_edges(obj, v, h)
        out.extend(h if orientation else v)
    elif (obj["top"] == obj["bottom"]) == bool(orientation):  # a line: flat is horizontal
        out.append((obj["x0"], obj["top"], obj["x1"], obj["bottom"], obj["width"], obj["height"]))


def _merge(vertical: list[Edge], horizontal: list[Edge], settings) -> tuple[list[Edge], list[Edge]]:
    """``merge_edges``: rules within the snap tolerance moved to their mean, then the pieces of
    one rule within the join tolerance made one."""
    if settings.snap_x_tolerance > 0 or settings.snap_y_tolerance > 0:
        vertical = _snap(vertical, 0, settings.snap_x_tolerance)
        horizontal = _snap(horizontal, 1, settings.snap_y_tolerance)
    # pdfplumber sorts all edges by (orientation, position) and joins each group; only the
    # order inside a group matters to the join, and a stable sort keeps it. The order of the
    # joined edges matters to nothing after: crossings are sorted, and a crossing's edges are a set.
    return (
        _join(sorted(vertical, key=lambda e: e[0]), 0, 1, 3, settings.join_y_tolerance),
        _join(sorted(horizontal, key=lambda e: e[1]), 1, 0, 2, settings.join_x_tolerance),
    )


def _snap(edges: list[Edge], at: int, tolerance: float) -> list[Edge]:
    """``snap_objects`` on x0 (vertical edges) or top (horizontal): pdfplumber's own clusters,
    each edge moved by ``mean - position`` as ``move_object`` moves it."""
    out: list[Edge] = []
    for cluster in cluster_objects(edges, lambda e: e[at], tolerance):
        mean = sum(e[at] for e in cluster) / len(cluster)
        for e in cluster:
            d = mean - e[at]
            if at == 0:
                out.append((e[0] + d, e[1], e[2] + d, e[3], e[4], e[5]))
            else:
                out.append((e[0], e[1] + d, e[2], e[3] + d, e[4], e[5]))
    return out


def _join(edges: list[Edge], at: int, low: int, high: int, tolerance: float) -> list[Edge]:
    """``join_edge_group`` over each group of edges on one line (same ``edges[at]``)."""
    out: list[Edge] = []
    for _, group in groupby(edges, key=lambda e: e[at]):
        joined = sorted(group, key=lambda e: e[low])
        last = joined[0]
        for e in joined[1:]:
            if e[low] <= last[high] + tolerance:
                if e[high] > last[high]:
                    last = _resize(last, high, e[high])
            else:
                out.append(last)
                last = e
        out.append(last)
    return out


def _resize(e: Edge, high: int, value: float) -> Edge:
    """``resize_object`` for x1 (a horizontal edge: width from x0) or bottom (height by the growth)."""
    if high == 2:
        return (e[0], e[1], value, e[3], value - e[0], e[5])
    return (e[0], e[1], e[2], value, e[4], e[5] + (value - e[3]))


def _intersections(vertical: list[Edge], horizontal: list[Edge], x_tol: float, y_tol: float) -> dict:
    """``edges_to_intersections``: each crossing (a vertical's x0, a horizontal's top) with the
    boxes of the vertical and horizontal edges through it. pdfplumber tries every pair; the
    horizontals are sorted by top here and only those near a vertical's span are tried, with
    pdfplumber's own test (the window is a point wider, so rounding cannot drop one)."""
    by_top = sorted(horizontal, key=lambda e: e[1])
    tops = [e[1] for e in by_top]
    crossings: dict[tuple[float, float], tuple[set, set]] = {}
    for v in vertical:
        x, vtop, vbottom = v[0], v[1], v[3]
        for h in by_top[bisect_left(tops, vtop - y_tol - 1) : bisect_right(tops, vbottom + y_tol + 1)]:
            if vtop <= h[1] + y_tol and vbottom >= h[1] - y_tol and x >= h[0] - x_tol and x <= h[2] + x_tol:
                at = crossings.get((x, h[1]))
                if at is None:
                    at = crossings[(x, h[1])] = (set(), set())
                at[0].add(v[:4])
                at[1].add(h[:4])
    return crossings


def _cells(crossings: dict) -> list[tuple[float, float, float, float]]:
    """``intersections_to_cells``: for each crossing in (x, y) order, the first crossing below
    it and the first right of it (below first) that a rule joins to it and that close a box
    with a fourth crossing. pdfplumber finds the crossings below and right by scanning every
    later crossing; here each crossing's column and row are looked up."""
    points = sorted(crossings)
    columns: dict[float, list] = {}
    rows: dict[float, list] = {}
    for p in points:
        columns.setdefault(p[0], []).append(p)
        rows.setdefault(p[1], []).append(p)
    place = {p: i for line in columns.values() for i, p in enumerate(line)}
    place_in_row = {p: i for line in rows.values() for i, p in enumerate(line)}

    def connects(a, b) -> bool:
        if a[0] == b[0] and not crossings[a][0].isdisjoint(crossings[b][0]):
            return True
        return a[1] == b[1] and not crossings[a][1].isdisjoint(crossings[b][1])

    cells = []
    for pt in points:
        below = columns[pt[0]][place[pt] + 1 :]
        right = rows[pt[1]][place_in_row[pt] + 1 :]
        joined_right = None  # the crossings right of pt a rule joins to it, found once
        for below_pt in below:
            if not connects(pt, below_pt):
                continue
            if joined_right is None:
                joined_right = [r for r in right if connects(pt, r)]
            cell = next(
                (
                    (pt[0], pt[1], r[0], below_pt[1])
                    for r in joined_right
                    if (r[0], below_pt[1]) in crossings
                    and connects((r[0], below_pt[1]), r)
                    and connects((r[0], below_pt[1]), below_pt)
                ),
                None,
            )
            if cell is not None:
                cells.append(cell)
                break
    return cells
