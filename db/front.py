"""The front door's own pages (issue 19): one search across decisions, actions, indicators and the
papers' pages; a person; a meeting; a record's source (its lines highlighted, or its page image with
the record's box drawn).

Datasette's tables and canned queries answer most questions, but each of these pages gathers
several tables for one reader's question (a person's open actions beside their attendance, a
meeting's items with their decisions and actions), which no single table or query shows. They are
routes of the boardpapers plugin (db/plugin.py), rendered with the templates in db/templates/.
"""

from __future__ import annotations

import asyncio
import io
import json
import re
from urllib.parse import quote, urlencode

from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from boardpapers.schemas.records import OPEN_STATUSES

from .papers import PaperMissing, paper_bytes, served_database

# Attendance as a reader scans it: who was there, who was in attendance, who sent apologies.
ATTENDANCE_ORDER = ("present", "in_attendance", "apologies", "absent")
_PAPER_URL = re.compile(r"^/papers/(?P<doc>[0-9a-f]{16})(?:/(?P<name>[^#]*))?(?:#page=(?P<page>\d+))?$")
# A snippet's match marks: control characters no paper text contains, swapped for <mark> after escaping.
_START, _END = "\x02", "\x03"
_SEARCH_ROWS = 10
# A text record is shown with this many lines of its paper before and after it.
LINES_BEFORE, LINES_AFTER = 12, 40


# --- links ---------------------------------------------------------------------------------------


def _json_pair(value, n: int) -> list[float] | None:
    """``lines`` ("[12,14]") or ``box`` ({"x0", "top", "x1", "bottom"} in points) as numbers, else None."""
    if value in (None, ""):
        return None
    try:
        numbers = json.loads(value) if isinstance(value, str) else value
        if isinstance(numbers, dict):  # a box as the loader stores it: {"x0", "top", "x1", "bottom"}
            numbers = [numbers[k] for k in ("x0", "top", "x1", "bottom")]
        numbers = [float(x) for x in numbers]
    except (TypeError, ValueError, KeyError):
        return None
    return numbers if len(numbers) == n else None


def source_view_url(datasette, source_url: str | None, lines=None, box=None) -> str | None:
    """The page showing a record in its paper: ``/-/source/<document id>?page=N&lines=A-B&box=...``.

    ``source_url`` is the stored link to the raw paper (``/papers/<id>/<file>#page=N``); ``lines``
    and ``box`` are the record's own columns (JSON), where the row has them.
    """
    m = _PAPER_URL.match(source_url or "")
    if m is None:
        return None
    args: dict[str, str] = {}
    if m.group("page"):
        args["page"] = m.group("page")
    span = _json_pair(lines, 2)
    if span:
        args["lines"] = f"{int(span[0])}-{int(span[1])}"
    rect = _json_pair(box, 4)
    if rect:
        args["box"] = ",".join(f"{x:g}" for x in rect)
    return datasette.urls.path(f"-/source/{m.group('doc')}") + ("?" + urlencode(args) if args else "")


def source_label(source_url: str) -> str:
    m = _PAPER_URL.match(source_url or "")
    if m is None:
        return source_url
    from urllib.parse import unquote

    name = unquote(m.group("name") or m.group("doc"))
    return f"{name}, page {m.group('page')}" if m.group("page") else name


def person_url(datasette, person_id: str) -> str:
    return datasette.urls.path(f"-/person/{quote(person_id, safe='')}")


def person_by_name_url(datasette, name: str) -> str:
    return datasette.urls.path("-/person") + "?" + urlencode({"name": name})


def meeting_url(datasette, document_id: str) -> str:
    return datasette.urls.path(f"-/meeting/{quote(document_id, safe='')}")


def owners_links(datasette, owner: str) -> Markup:
    """Each owner of "A; B" its own link to the person (or the people of that name)."""
    parts = [p.strip() for p in owner.split(";") if p.strip()]
    return Markup("; ").join(Markup('<a href="{}">{}</a>').format(person_by_name_url(datasette, p), p) for p in parts)


def _snippet(text: str | None) -> Markup:
    return Markup(str(escape(text or "")).replace(_START, "<mark>").replace(_END, "</mark>"))


def _with_links(datasette, rows: list[dict]) -> list[dict]:
    for r in rows:
        r["source"] = source_view_url(datasette, r.get("source_url"), r.get("lines"), r.get("box"))
        r["source_label"] = source_label(r.get("source_url") or "")
        if r.get("owner"):
            r["owner_links"] = owners_links(datasette, r["owner"])
    return rows


async def _rows(db, sql: str, params=()) -> list[dict]:
    try:
        return [dict(r) for r in (await db.execute(sql, params if isinstance(params, dict) else list(params))).rows]
    except Exception:  # noqa: BLE001 - an older database without the link tables: nothing to show
        return []


async def _page(datasette, request, template: str, context: dict, status: int = 200) -> Response:
    db = served_database(datasette)
    context = {"database": db.name if db else "", **context}
    return Response.html(await datasette.render_template(template, context, request=request), status=status)


# --- one search across the records and the pages -------------------------------------------------

SEARCHES = [
    (
        "decisions",
        "Decisions",
        "select count(*) as n from decisions_fts where decisions_fts match search_words(:q)",
        """select d.id, d.date, d.place, d.body, d.item, d.page, d.lines, d.box, d.source_url,
  snippet(decisions_fts, 0, char(2), char(3), ' … ', 40) as snippet
from decisions_fts f join decisions d on d.rowid = f.rowid
where decisions_fts match search_words(:q) order by d.date desc, rank limit :limit""",
    ),
    (
        "actions",
        "Actions",
        "select count(*) as n from actions_fts where actions_fts match search_words(:q)",
        """select a.id, a.date, a.place, a.body, a.owner, a.due, a.status, a.page, a.lines, a.box, a.source_url,
  snippet(actions_fts, 0, char(2), char(3), ' … ', 40) as snippet
from actions_fts f join actions a on a.rowid = f.rowid
where actions_fts match search_words(:q) order by a.date desc, rank limit :limit""",
    ),
    (
        "indicators",
        "Indicators",
        "select count(*) as n from indicators_fts where indicators_fts match search_words(:q)",
        """select i.id, i.name, i.date, i.place, i.body, i.owner, i.page, i.lines, i.box, i.source_url,
  snippet(indicators_fts, -1, char(2), char(3), ' … ', 30) as snippet
from indicators_fts f join indicators i on i.rowid = f.rowid
where indicators_fts match search_words(:q) order by i.date desc, rank limit :limit""",
    ),
    (
        "document_pages",
        "Pages of the papers",
        "select count(*) as n from document_pages_fts where document_pages_fts match search_words(:q)",
        """select d.title, d.date, d.place, d.body, p.page, p.source_url,
  snippet(document_pages_fts, 0, char(2), char(3), ' … ', 30) as snippet
from document_pages_fts f join document_pages p on p.rowid = f.rowid join documents d on d.id = p.document_id
where document_pages_fts match search_words(:q) order by rank limit :limit""",
    ),
]


async def find(request, datasette) -> Response:
    q = (request.args.get("q") or "").strip()
    db = served_database(datasette)
    sections = []
    if q and db is not None:
        for table, title, count_sql, sql in SEARCHES:
            rows = _with_links(datasette, await _rows(db, sql, {"q": q, "limit": _SEARCH_ROWS}))
            count = await _rows(db, count_sql, {"q": q})
            for r in rows:
                r["snippet"] = _snippet(r.get("snippet"))
            sections.append(
                {
                    "table": table,
                    "title": title,
                    "rows": rows,
                    "count": count[0]["n"] if count else len(rows),
                    "more": datasette.urls.table(db.name, table) + "?" + urlencode({"_search": q}),
                }
            )
    return await _page(datasette, request, "bp_find.html", {"q": q, "sections": sections})


# --- a person ------------------------------------------------------------------------------------


async def person_by_name(request, datasette) -> Response:
    """``/-/person?name=X``: the person of that name, spelling or initials; a list when several are."""
    name = (request.args.get("name") or "").strip()
    db = served_database(datasette)
    people = []
    if name and db is not None:
        people = await _rows(
            db,
            """select distinct p.person_id, p.name, p.roles, p.organisations, p.places, p.mentions from people p
where lower(p.name) = lower(:name)
   or exists (select 1 from json_each(p.variants) v where lower(v.value) = lower(:name))
   or p.person_id in (select person_id from person_mentions where lower(as_written) = lower(:name))
order by p.mentions desc, p.name""",
            {"name": name},
        )
        if not people:
            people = await _rows(
                db,
                """select person_id, name, roles, organisations, places, mentions from people
where name like '%' || :name || '%' or variants like '%' || :name || '%' order by mentions desc, name limit 50""",
                {"name": name},
            )
    if len(people) == 1:
        return Response.redirect(person_url(datasette, people[0]["person_id"]))
    for p in people:
        p["url"] = person_url(datasette, p["person_id"])
    assigned = datasette.urls.path(f"{db.name}/everything_assigned_to") + "?" + urlencode({"owner": name}) if db else ""
    return await _page(datasette, request, "bp_people.html", {"name": name, "people": people, "assigned": assigned})


async def person(request, datasette) -> Response:
    person_id = request.url_vars["person_id"]
    db = served_database(datasette)
    found = await _rows(db, "select * from people where person_id = ?", [person_id]) if db else []
    if not found:
        return await _page(datasette, request, "bp_missing.html", {"what": "No such person in this database."}, 404)
    who = found[0]
    for key in ("variants", "organisations", "roles", "places"):
        try:
            who[key] = json.loads(who[key] or "[]")
        except ValueError:
            who[key] = [who[key]]
    actions = _with_links(
        datasette,
        await _rows(
            db,
            """select a.id, a.text, a.owner, a.due, a.due_date, a.date, a.place, a.body, a.kind, a.page, a.lines, a.box,
  a.source_url, a.document_id, coalesce(s.status, 'open') as status, s.evidence, s.evidence_date, m.as_written,
  m.resolved_by
from person_mentions m join actions a on a.id = m.record_id
left join action_status s on s.action_id = a.id
where m.person_id = ? and m.record_table = 'actions'
group by a.id
order by coalesce(s.status, 'open') = 'overdue' desc, a.due_date is null, a.due_date, a.date desc""",
            [person_id],
        ),
    )
    indicators = _with_links(
        datasette,
        await _rows(
            db,
            """select i.id, i.name, i.target, i.date, i.place, i.body, i.page, i.lines, i.box, i.source_url
from person_mentions m join indicators i on i.id = m.record_id
where m.person_id = ? and m.record_table = 'indicators' group by i.id order by i.date desc, i.name""",
            [person_id],
        ),
    )
    attendance = _with_links(
        datasette,
        await _rows(
            db,
            """select m.date, m.body, m.place, m.detail, m.as_written, m.document_id, m.page, m.source_url,
  d.title, d.doc_type, a.lines, a.box
from person_mentions m join documents d on d.id = m.document_id
left join attendees a on m.record_table = 'attendees' and a.id = m.record_id
where m.person_id = ? and m.role = 'attendee' order by m.date desc""",
            [person_id],
        ),
    )
    for row in attendance:
        row["meeting"] = meeting_url(datasette, row["document_id"])
    mentions = _with_links(
        datasette,
        await _rows(
            db,
            """select m.role, m.date, m.body, m.place, m.text, m.as_written, m.resolved_by, m.document_id, m.page,
  m.source_url
from person_mentions m
where m.person_id = ? and m.role not in ('attendee') and m.record_table not in ('actions', 'indicators')
order by m.date desc""",
            [person_id],
        ),
    )
    open_actions = [a for a in actions if a["status"] in OPEN_STATUSES]
    other_actions = [a for a in actions if a["status"] not in OPEN_STATUSES]
    return await _page(
        datasette,
        request,
        "bp_person.html",
        {
            "person": who,
            "open_actions": open_actions,
            "other_actions": other_actions,
            "indicators": indicators,
            "attendance": attendance,
            "mentions": mentions,
        },
    )


# --- a meeting -----------------------------------------------------------------------------------


async def meeting(request, datasette) -> Response:
    document_id = request.url_vars["document_id"]
    db = served_database(datasette)
    docs = await _rows(db, "select * from documents where id = ?", [document_id]) if db else []
    if not docs:
        return await _page(datasette, request, "bp_missing.html", {"what": "No such paper in this database."}, 404)
    doc = _with_links(datasette, docs)[0]
    meetings = await _rows(db, "select * from meetings where document_id = ? order by date", [document_id])
    attendees = _with_links(
        datasette,
        await _rows(
            db,
            """select a.*, (select m.person_id from person_mentions m
    where m.record_table = 'attendees' and m.record_id = a.id limit 1) as person_id
from attendees a where a.document_id = ? order by a.page, json_extract(a.lines, '$[0]')""",
            [document_id],
        ),
    )
    for a in attendees:
        a["person"] = person_url(datasette, a["person_id"]) if a.get("person_id") else None
    statuses: dict[str, list[dict]] = {status: [] for status in ATTENDANCE_ORDER}
    for a in attendees:
        statuses.setdefault(a.get("status") or "listed", []).append(a)
    statuses = {status: people for status, people in statuses.items() if people}
    items = _with_links(
        datasette,
        await _rows(
            db,
            "select * from items where document_id = ? order by page, json_extract(lines, '$[0]'), number",
            [document_id],
        ),
    )
    decisions = _with_links(
        datasette,
        await _rows(
            db,
            "select * from decisions where document_id = ? order by page, json_extract(lines, '$[0]')",
            [document_id],
        ),
    )
    actions = _with_links(
        datasette,
        await _rows(
            db,
            """select a.*, s.status as latest_status, s.evidence from actions a
left join action_status s on s.action_id = a.id where a.document_id = ?
order by a.page, json_extract(a.lines, '$[0]')""",
            [document_id],
        ),
    )
    # Items with their decisions and actions; records naming no listed item come after.
    by_item = {str(i.get("number") or ""): {"item": i, "decisions": [], "actions": []} for i in items}
    loose = {"item": None, "decisions": [], "actions": []}
    for kind, records in (("decisions", decisions), ("actions", actions)):
        for r in records:
            by_item.get(str(r.get("item") or ""), loose)[kind].append(r)
    agenda = [*by_item.values(), *([loose] if loose["decisions"] or loose["actions"] else [])]
    return await _page(
        datasette,
        request,
        "bp_meeting.html",
        {"doc": doc, "meetings": meetings, "statuses": statuses, "agenda": agenda, "n_attendees": len(attendees)},
    )


# --- a record in its paper -----------------------------------------------------------------------


def _span(value: str | None) -> tuple[int, int] | None:
    m = re.fullmatch(r"(\d{1,7})(?:-(\d{1,7}))?", value or "")
    if m is None:
        return None
    first = int(m.group(1))
    return first, max(first, int(m.group(2) or first))


def _box(value: str | None) -> tuple[float, float, float, float] | None:
    try:
        x0, top, x1, bottom = (float(x) for x in (value or "").split(","))
    except ValueError:
        return None
    return (x0, top, x1, bottom) if x1 > x0 and bottom > top else None


def _page_number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and 0 < int(value) < 100_000 else None


async def source(request, datasette) -> Response:
    """The record in its paper. A text rendering: the whole text as UTF-8, line-numbered, the
    record's lines highlighted and scrolled to. A PDF: the page as an image with the record's box
    drawn, the page's text beside it, and the PDF itself opened at the page."""
    document_id = request.url_vars["document_id"]
    try:
        doc, data = await paper_bytes(datasette, document_id)
    except PaperMissing as e:
        return await _page(datasette, request, "bp_missing.html", {"what": str(e)}, 404)
    page = _page_number(request.args.get("page"))
    span = _span(request.args.get("lines"))
    box = _box(request.args.get("box"))
    raw = doc["source_url"].split("#")[0] if doc.get("source_url") else None
    context = {"doc": doc, "page": page, "span": span, "raw": raw, "raw_at_page": f"{raw}#page={page}" if page else raw}
    from boardpapers.schemas.files import is_pdf

    if is_pdf(data):
        db = served_database(datasette)
        text = await _rows(
            db, "select text from document_pages where document_id = ? and page = ?", [document_id, page or 1]
        )
        image_args = {"box": ",".join(f"{x:g}" for x in box)} if box else {}
        context.update(
            pdf=True,
            page_text=text[0]["text"] if text else "",
            image=datasette.urls.path(f"-/page-image/{document_id}/{page or 1}.png")
            + ("?" + urlencode(image_args) if image_args else ""),
            box=box,
        )
        return await _page(datasette, request, "bp_source.html", context)
    from boardpapers.schemas.files import decode

    try:
        text = decode(data, doc.get("papers_file") or document_id)
    except Exception:  # noqa: BLE001 - loaded as text once; if it no longer decodes, show the bytes
        text = data.decode("utf-8", "replace")
    start = span[0] if span else None
    if start is None and page:  # no lines of its own: start at the first record read from the page
        start = await _first_line_of_page(served_database(datasette), document_id, page)
    lines = [
        {"n": n, "text": line, "hit": bool(span and span[0] <= n <= span[1])}
        for n, line in enumerate(text.splitlines(), start=1)
    ]
    whole = request.args.get("whole") == "1" or start is None
    if not whole:  # the record with the lines around it, at the top of the screen: no scrolling
        end = (span[1] if span else start) + LINES_AFTER
        context["window"] = (max(1, start - LINES_BEFORE), min(len(lines), end))
        lines = lines[context["window"][0] - 1 : context["window"][1]]
        context["whole_url"] = (
            request.path + "?" + urlencode({**{k: request.args.get(k) for k in request.args.keys()}, "whole": "1"})
        )
        context["whole_url"] += f"#L{start}"
    context.update(pdf=False, lines=lines)
    return await _page(datasette, request, "bp_source.html", context)


# The first source line of any record read from a page: where a text rendering's page begins.
_FIRST_LINE_OF_PAGE = " union all ".join(
    "select min(json_extract(lines, '$[0]')) as n from " + table + " where document_id = :d and page = :p"
    for table in ("items", "decisions", "actions", "attendees", "indicators", "tables", "figures", "priorities")
)


async def _first_line_of_page(db, document_id: str, page: int) -> int | None:
    rows = await _rows(db, "select min(n) as n from (" + _FIRST_LINE_OF_PAGE + ")", {"d": document_id, "p": page})
    return rows[0]["n"] if rows and rows[0]["n"] else None


def render_page_image(data: bytes, page: int, box, resolution: int = 110) -> bytes:
    """A PDF page as PNG (pdfplumber, through pypdfium2), the record's box drawn in red."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        if not 1 <= page <= len(pdf.pages):
            raise PaperMissing(f"the paper has no page {page}")
        image = pdf.pages[page - 1].to_image(resolution=resolution)
        if box:
            image.draw_rect(box, fill=(255, 0, 0, 40), stroke=(220, 0, 0), stroke_width=3)
        out = io.BytesIO()
        image.save(out, format="PNG")
        return out.getvalue()


async def page_image(request, datasette) -> Response:
    document_id = request.url_vars["document_id"]
    page = _page_number(request.url_vars["page"]) or 1
    try:
        _, data = await paper_bytes(datasette, document_id)
        from boardpapers.schemas.files import is_pdf

        if not is_pdf(data):
            raise PaperMissing("only PDF papers have page images")
        png = await asyncio.to_thread(render_page_image, data, page, _box(request.args.get("box")))
    except PaperMissing as e:
        return Response.text(str(e) + "\n", status=404)
    return Response(png, status=200, content_type="image/png", headers={"Cache-Control": "max-age=3600"})


ROUTES = [
    (r"^/-/find$", find),
    (r"^/-/person$", person_by_name),
    (r"^/-/person/(?P<person_id>[^/]+)$", person),
    (r"^/-/meeting/(?P<document_id>[0-9a-f]{16})$", meeting),
    (r"^/-/source/(?P<document_id>[0-9a-f]{16})$", source),
    (r"^/-/page-image/(?P<document_id>[0-9a-f]{16})/(?P<page>\d{1,5})\.png$", page_image),
]
