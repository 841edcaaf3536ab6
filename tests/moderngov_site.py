"""A small ModernGov-shaped site on 127.0.0.1, for the fetch tests (no network).

It answers what a ModernGov install answers, written from the documented format (the web
service's GetCommittees / GetMeetings / GetMeeting XML with lower-case elements and dd/mm/yyyy
dates; the mgListCommittees / mgCommitteeDetails / ieListDocuments pages), with two of its
known quirks: GetMeetings ignores the dates asked and sends the committee's whole history, and
papers' URLs come back as http://. Responses carry an ETag and answer If-None-Match with 304.
Every request is logged, so a test can count what a fetch asked for.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape


@dataclass
class Doc:
    id: int
    title: str
    name: str  # file name in the URL
    data: bytes
    content_type: str = "application/pdf"
    restricted: bool = False


@dataclass
class SiteMeeting:
    id: int
    date: str  # ISO
    docs: list[Doc]


@dataclass
class SiteCommittee:
    id: int
    title: str
    meetings: list[SiteMeeting]


@dataclass
class ModernGovSite:
    committees: list[SiteCommittee]
    service: bool = True  # False: the web service is switched off (404), the pages answer
    moderngov: bool = True  # False: a site that is not ModernGov at all
    doc_delay: float = 0.0  # seconds each paper takes to send (to kill a fetch mid-run)
    log: list[tuple[str, int]] = field(default_factory=list)
    url: str = ""

    def docs(self) -> dict[str, Doc]:
        return {f"/documents/s{d.id}/{d.name}": d for c in self.committees for m in c.meetings for d in m.docs}

    def paper_requests(self) -> list[str]:
        return [path for path, status in self.log if path.startswith("/documents/") and status == 200]


def _dmy(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def _written(iso: str) -> str:
    import datetime

    return datetime.date.fromisoformat(iso).strftime("%A, %d %B, %Y 6.30 pm")


def _committees_xml(site: ModernGovSite) -> str:
    rows = "".join(
        f"<committee><committeeid>{c.id}</committeeid><committeetitle>{escape(c.title)}</committeetitle>"
        f"<committeedeleted>False</committeedeleted></committee>"
        for c in site.committees
    )
    return f'<?xml version="1.0" encoding="utf-8"?><committees>{rows}</committees>'


def _meetings_xml(c: SiteCommittee) -> str:
    rows = "".join(
        f"<meeting><meetingid>{m.id}</meetingid><meetingdate>{_dmy(m.date)}</meetingdate>"
        f"<meetingtime>18:30</meetingtime><meetingstatus>confirmed</meetingstatus></meeting>"
        for m in c.meetings
    )
    head = f"<committee><committeeid>{c.id}</committeeid><committeetitle>{escape(c.title)}</committeetitle></committee>"
    return f'<?xml version="1.0" encoding="utf-8"?><getmeetings>{head}{rows}</getmeetings>'


def _meeting_xml(site: ModernGovSite, c: SiteCommittee, m: SiteMeeting) -> str:
    host = site.url.replace("https://", "http://")
    items = []
    for k, d in enumerate(m.docs, start=1):
        linked = (
            f"<linkeddoc><title>{escape(d.title)}</title><url>{host}/documents/s{d.id}/{d.name}</url>"
            f"<attachmentid>{d.id}</attachmentid><isrestricted>{d.restricted}</isrestricted></linkeddoc>"
        )
        items.append(
            f"<agendaitem><agendaitemnumber>{k}</agendaitemnumber><agendaitemtitle>{escape(d.title)}</agendaitemtitle>"
            f"<linkeddocuments>{linked}</linkeddocuments></agendaitem>"
        )
    if m.docs:  # the first paper linked again from the last item: one paper, fetched once
        d = m.docs[0]
        items.append(
            f"<agendaitem><agendaitemtitle>Any other business</agendaitemtitle><linkeddocuments><linkeddoc>"
            f"<title>{escape(d.title)}</title><url>{host}/documents/s{d.id}/{d.name}</url>"
            f"<isrestricted>False</isrestricted></linkeddoc></linkeddocuments></agendaitem>"
        )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><meeting><meetingid>{m.id}</meetingid>'
        f"<meetingdate>{_dmy(m.date)}</meetingdate><committeeid>{c.id}</committeeid>"
        f"<committeetitle>{escape(c.title)}</committeetitle><agendaitems>{''.join(items)}</agendaitems></meeting>"
    )


def _page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>ModernGov</title></head><body>{body}</body></html>"


class _Handler(BaseHTTPRequestHandler):
    site: ModernGovSite

    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):
        site = self.site
        parts = urlsplit(self.path)
        path, q = parts.path, {k.lower(): v[0] for k, v in parse_qs(parts.query).items()}
        by_id = {c.id: c for c in site.committees}
        meetings = {m.id: (c, m) for c in site.committees for m in c.meetings}
        body, ctype, delay = None, "text/xml; charset=utf-8", 0.0
        if not site.moderngov:
            body, ctype = (_page("<h1>Welcome to the council</h1>"), "text/html") if path == "/" else (None, "")
        elif path.startswith("/mgWebService.asmx/") and site.service:
            op = path.rsplit("/", 1)[-1]
            if op == "GetCommittees":
                body = _committees_xml(site)
            elif op == "GetMeetings" and int(q.get("lcommitteeid", 0)) in by_id:
                body = _meetings_xml(by_id[int(q["lcommitteeid"])])
            elif op == "GetMeeting" and int(q.get("lmeetingid", 0)) in meetings:
                body = _meeting_xml(site, *meetings[int(q["lmeetingid"])])
        elif path == "/mgListCommittees.aspx":
            links = "".join(
                f'<li><a href="mgCommitteeDetails.aspx?ID={c.id}">{escape(c.title)}</a></li>' for c in site.committees
            )
            body, ctype = _page(f"<ul>{links}</ul>"), "text/html; charset=utf-8"
        elif path == "/mgCommitteeDetails.aspx" and int(q.get("id", 0)) in by_id:
            c = by_id[int(q["id"])]
            links = "".join(
                f'<li><a href="ieListDocuments.aspx?CId={c.id}&amp;MId={m.id}">{_written(m.date)}</a></li>'
                for m in c.meetings
            )
            body, ctype = _page(f"<h1>{escape(c.title)}</h1><ul>{links}</ul>"), "text/html; charset=utf-8"
        elif path == "/ieListDocuments.aspx" and int(q.get("mid", 0)) in meetings:
            _, m = meetings[int(q["mid"])]
            links = "".join(
                f'<li><a href="documents/s{d.id}/{d.name}">{escape(d.title)}</a></li>'
                for d in m.docs
                if not d.restricted
            )
            body, ctype = _page(f"<ul>{links}</ul>"), "text/html; charset=utf-8"
        elif path in site.docs():
            doc = site.docs()[path]
            body, ctype, delay = doc.data, doc.content_type, site.doc_delay
        if body is None:
            self._send(404, b"<html><body>Not found</body></html>", "text/html")
            return
        data = body.encode("utf-8") if isinstance(body, str) else body
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self._send(304, b"", ctype, etag=etag)
            return
        if delay:
            time.sleep(delay)
        self._send(200, data, ctype, etag=etag)

    def _send(self, status: int, data: bytes, ctype: str, etag: str | None = None) -> None:
        self.site.log.append(
            (self.path.split("?")[0] if not self.path.startswith("/mgWebService") else self.path, status)
        )
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        if etag:
            self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if status != 304:
            try:
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass


class running:
    """``with running(site) as url:`` serves the site on 127.0.0.1 (a free port) meanwhile."""

    def __init__(self, site: ModernGovSite):
        self.site = site

    def __enter__(self) -> str:
        handler = type("Handler", (_Handler,), {"site": self.site})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.site.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
        self.thread.start()
        return self.site.url

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
