"""A polite client for ModernGov committee sites, and the fetch that fills a papers folder.

Most English councils publish committee papers through ModernGov. Its web service answers
plain GETs (``/mgWebService.asmx/<operation>``), in XML with lower-case element names:

- ``GetCommittees?lDays=0`` -> ``<committee>`` with ``<committeeid>`` and ``<committeetitle>``;
- ``GetMeetings?lCommitteeId=&sFromDate=&sToDate=`` (dates ``dd/mm/yyyy``) -> ``<meeting>`` with
  ``<meetingid>`` and ``<meetingdate>`` (``dd/mm/yyyy``). Many sites ignore the dates and send
  the committee's whole history, so the range is applied here too;
- ``GetMeeting?lMeetingId=`` -> the meeting, its ``<agendaitem>``s, and each paper as a
  ``<linkeddoc>`` with ``<title>``, ``<url>`` and ``<isrestricted>``.

Where the web service is switched off, the public pages carry the same: ``mgListCommittees.aspx``
links each committee's ``mgCommitteeDetails.aspx?ID=``, which links each meeting's
``ieListDocuments.aspx?CId=&MId=`` (the link text is the meeting's date), which links its papers.

Politeness: one request a second by default (``delay``), a User-Agent naming the tool, the
site's robots.txt obeyed, and an HTTP cache (requests-cache, SQLite, beside the papers) that
revalidates listings with conditional requests (ETag / Last-Modified), so a re-run asks only
whether they changed. Papers already fetched (their URL in the manifest, their file there with
the same hash) are not requested again. A paper is downloaded to a partial file and moved into
place whole, then written into the manifest: a fetch killed at any point leaves no half paper,
and the next run goes on where it stopped.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

from boardpapers.schemas.errors import BoardpapersError

from .manifest import STATE, Entry, Manifest, load

DEFAULT_DELAY = 1.0  # seconds between requests to the site
TIMEOUT = 60


def user_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        v = version("boardpapers")
    except PackageNotFoundError:
        v = "dev"
    return f"boardpapers/{v} (fetches committee papers for research; python-requests)"


class FetchError(BoardpapersError):
    """The site cannot be fetched from: not ModernGov, unreachable, no such committee ..."""


@dataclass
class Committee:
    id: str
    title: str


@dataclass
class Meeting:
    id: str
    committee: Committee
    date: date


@dataclass
class Paper:
    title: str
    url: str
    meeting: Meeting


# --- HTTP ----------------------------------------------------------------------------------


class Client:
    """GETs to one site: spaced ``delay`` seconds apart, cached and revalidated, robots.txt obeyed."""

    def __init__(
        self, site: str, *, cache: Path | None, delay: float = DEFAULT_DELAY, say: Callable[[str], None] = print
    ):
        import requests_cache

        self.site = site.rstrip("/") + "/"
        self.delay = delay
        self.say = say
        self._last = 0.0
        self.requests = 0  # requests that reached the site (a cache hit does not)
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
        self.session = requests_cache.CachedSession(
            str(cache) if cache is not None else "boardpapers",
            backend="sqlite" if cache is not None else "memory",
            # Every listing is asked again, conditionally: unchanged ones come back 304, no body.
            expire_after=requests_cache.EXPIRE_IMMEDIATELY,
            always_revalidate=True,
            allowable_codes=(200,),
        )
        self.session.headers["User-Agent"] = user_agent()
        self._robots = None

    def close(self) -> None:
        self.session.close()

    def _wait(self) -> None:
        pause = self._last + self.delay - time.monotonic()
        if pause > 0:
            time.sleep(pause)

    def get(self, url: str, *, params: dict | None = None, cached: bool = True, stream: bool = False):
        import requests

        if not self.allowed(url):
            raise FetchError("the site's robots.txt asks tools like this one not to fetch it", document=url)
        self._wait()
        try:
            if cached:
                response = self.session.get(url, params=params, timeout=TIMEOUT)
            else:
                with self.session.cache_disabled():
                    response = self.session.get(url, params=params, timeout=TIMEOUT, stream=stream)
        except requests.RequestException as e:
            raise FetchError(f"cannot reach the site ({_reason(e)})", document=url) from None
        finally:
            self._last = time.monotonic()
        if not getattr(response, "from_cache", False) or getattr(response, "revalidated", False):
            self.requests += 1
        return response

    def allowed(self, url: str) -> bool:
        if self._robots is None:
            from urllib.robotparser import RobotFileParser

            import requests

            self._robots = RobotFileParser()
            try:
                self._wait()
                r = self.session.get(urljoin(self.site, "/robots.txt"), timeout=TIMEOUT)
                self._last = time.monotonic()
                lines = r.text.splitlines() if r.status_code == 200 else []
            except requests.RequestException:
                lines = []
            self._robots.parse(lines)
        return self._robots.can_fetch("boardpapers", url)


def _reason(e: Exception) -> str:
    text = str(e)
    for marker in ("Connection refused", "Name or service not known", "timed out", "certificate verify failed"):
        if marker in text:
            return marker.lower()
    return type(e).__name__


# --- the site -------------------------------------------------------------------------------


def _xml(text: str | bytes) -> ET.Element | None:
    """The XML root, without namespaces; None for anything that is not XML (an HTML error page).
    A document type or entity declaration is refused (no entity expansion from a site)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    if b"<!DOCTYPE" in data[:2048].upper() or b"<!ENTITY" in data:
        return None
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        return None
    for el in root.iter():
        if isinstance(el.tag, str):
            el.tag = el.tag.rsplit("}", 1)[-1].lower()
    return root


def _text(el: ET.Element, name: str) -> str:
    found = el.find(name)
    return " ".join((found.text or "").split()) if found is not None else ""


def _dmy(text: str) -> date | None:
    """ModernGov's ``dd/mm/yyyy`` (a time may follow), or an ISO date."""
    m = re.match(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})", text)
    try:
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", text)
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
    except ValueError:
        return None


_MONTHS = {
    m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)
}


def _written_date(text: str) -> date | None:
    """A meeting link's text: 'Tuesday, 14th May, 2024 6.30 pm', '14 May 2024', or dd/mm/yyyy."""
    m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9}),?\s+(\d{4})\b", text)
    if m and m.group(2)[:3].lower() in _MONTHS:
        try:
            return date(int(m.group(3)), _MONTHS[m.group(2)[:3].lower()], int(m.group(1)))
        except ValueError:
            return None
    return _dmy(text)


class _Links(HTMLParser):
    """Every ``<a href>`` of a page with its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href = dict(attrs).get("href")
            self._text = []

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join("".join(self._text).split())))
            self._href = None


def _links(page: str) -> list[tuple[str, str]]:
    parser = _Links()
    parser.feed(page)
    return parser.links


def _query(url: str) -> dict[str, str]:
    return {k.lower(): v[0] for k, v in parse_qs(urlsplit(html.unescape(url)).query).items()}


class Site:
    """A ModernGov site: its web service, or its pages where the service does not answer."""

    def __init__(self, client: Client):
        self.client = client
        self.base = client.site
        self.service = True

    def _service(self, operation: str, **params) -> ET.Element | None:
        r = self.client.get(urljoin(self.base, f"mgWebService.asmx/{operation}"), params=params or None)
        return _xml(r.content) if r.status_code == 200 else None

    def committees(self) -> list[Committee]:
        root = self._service("GetCommittees", lDays=0)  # lDays=0: every committee, not only recent ones
        if root is not None and (root.tag == "committees" or root.find(".//committee") is not None):
            out = []
            for c in root.iter("committee"):
                cid, title = _text(c, "committeeid"), _text(c, "committeetitle")
                if cid and title:
                    out.append(Committee(cid, html.unescape(title)))
            return out
        self.service = False  # switched off or blocked: the public pages
        r = self.client.get(urljoin(self.base, "mgListCommittees.aspx"))
        if r.status_code != 200 or "mgCommitteeDetails.aspx" not in r.text:
            raise FetchError(
                "not a ModernGov site: neither its web service (mgWebService.asmx) nor its committee "
                f"list (mgListCommittees.aspx) answered (HTTP {r.status_code})",
                document=self.base.rstrip("/"),
                hint="give the site's address, e.g. https://democracy.example.gov.uk",
            )
        seen, out = set(), []
        for href, text in _links(r.text):
            if "mgcommitteedetails.aspx" in href.lower():
                cid = _query(href).get("id")
                if cid and text and cid not in seen:
                    seen.add(cid)
                    out.append(Committee(cid, text))
        return out

    def meetings(self, committee: Committee, since: date, until: date) -> list[Meeting]:
        out: dict[str, Meeting] = {}
        if self.service:
            root = self._service(
                "GetMeetings",
                lCommitteeId=committee.id,
                sFromDate=since.strftime("%d/%m/%Y"),
                sToDate=until.strftime("%d/%m/%Y"),
            )
            for m in root.iter("meeting") if root is not None else ():
                mid, when = _text(m, "meetingid"), _dmy(_text(m, "meetingdate"))
                if mid and when:
                    out[mid] = Meeting(mid, committee, when)
        else:
            r = self.client.get(urljoin(self.base, "mgCommitteeDetails.aspx"), params={"ID": committee.id})
            for href, text in _links(r.text) if r.status_code == 200 else ():
                if "ielistdocuments.aspx" in href.lower():
                    mid, when = _query(href).get("mid"), _written_date(text)
                    if mid and when:
                        out[mid] = Meeting(mid, committee, when)
        # Many sites send every meeting whatever the dates asked: the range is kept here.
        return sorted((m for m in out.values() if since <= m.date <= until), key=lambda m: (m.date, m.id))

    def papers(self, meeting: Meeting) -> list[Paper]:
        found: list[Paper] = []
        if self.service:
            root = self._service("GetMeeting", lMeetingId=meeting.id)
            for doc in root.iter("linkeddoc") if root is not None else ():
                url, title = _text(doc, "url"), html.unescape(_text(doc, "title"))
                if url and _text(doc, "isrestricted").lower() != "true":
                    found.append(Paper(title or "paper", self._absolute(url), meeting))
        else:
            r = self.client.get(
                urljoin(self.base, "ieListDocuments.aspx"), params={"CId": meeting.committee.id, "MId": meeting.id}
            )
            for href, text in _links(r.text) if r.status_code == 200 else ():
                low = href.lower()
                if "/documents/" in low or "mgconvert2pdf.aspx" in low or low.endswith((".pdf", ".docx")):
                    found.append(Paper(text or "paper", self._absolute(href), meeting))
        seen, out = set(), []
        for p in found:  # the same paper linked from two agenda items is one paper
            if p.url not in seen:
                seen.add(p.url)
                out.append(p)
        return out

    def _absolute(self, url: str) -> str:
        absolute = urljoin(self.base, html.unescape(url.strip()))
        # The service often writes its own https papers as http://: keep the scheme we were given.
        site, here = urlsplit(self.base), urlsplit(absolute)
        if here.netloc == site.netloc and here.scheme != site.scheme:
            absolute = here._replace(scheme=site.scheme).geturl()
        return absolute


# --- committee names -------------------------------------------------------------------------


def _norm(name: str) -> str:
    name = name.lower().replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name).split())


def match_committees(wanted: str, committees: list[Committee]) -> list[Committee]:
    """The committees a name means: the one of that name; else those whose name holds all its
    words ("community safety" finds "Safer Testborough Community Safety Partnership")."""
    key = _norm(wanted)
    exact = [c for c in committees if _norm(c.title) == key]
    if exact:
        return exact
    words = key.split()
    return [c for c in committees if words and all(w in _norm(c.title).split() for w in words)]


def nearest(wanted: str, committees: list[Committee], n: int = 3) -> list[str]:
    from rapidfuzz import fuzz, process

    titles = [c.title for c in committees]
    found = process.extract(_norm(wanted), [_norm(t) for t in titles], scorer=fuzz.WRatio, limit=n)
    return [titles[i] for _, _, i in found]


# --- the fetch ---------------------------------------------------------------------------------


@dataclass
class Outcome:
    fetched: list[Entry] = field(default_factory=list)
    already: int = 0
    failed: list[str] = field(default_factory=list)
    meetings: int = 0
    requests: int = 0


def slug(text: str, limit: int = 60) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", _norm(text)).strip("-")
    return s[:limit].rstrip("-") or "paper"


_EXTENSIONS = {"application/pdf": ".pdf", "text/plain": ".txt", "text/markdown": ".md"}
_WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _extension(url: str, content_type: str, disposition: str, head: bytes) -> str | None:
    """The paper's kind by its bytes first, then what the server and the URL say."""
    if head.lstrip().startswith(b"%PDF-"):
        return ".pdf"
    if head.startswith(b"PK\x03\x04"):
        return ".docx"
    for name in (re.search(r'filename\*?=(?:UTF-8\'\')?"?([^";]+)', disposition or ""), urlsplit(url).path):
        text = name.group(1) if isinstance(name, re.Match) else (name or "")
        ext = os.path.splitext(text)[1].lower()
        if ext in (".pdf", ".docx", ".txt", ".md"):
            return ext
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype == _WORD:
        return ".docx"
    return _EXTENSIONS.get(ctype)


def fetch(
    site: str,
    out: Path,
    committee_names: list[str],
    since: date,
    until: date,
    *,
    delay: float = DEFAULT_DELAY,
    say: Callable[[str], None] = print,
) -> Outcome:
    out = Path(out)
    state = out / STATE
    partial = state / "partial"
    shutil.rmtree(partial, ignore_errors=True)  # what a killed run left half-written
    partial.mkdir(parents=True, exist_ok=True)
    manifest = load(out) or Manifest(folder=out)
    manifest.site = site.rstrip("/")
    client = Client(site, cache=state / "http-cache.sqlite", delay=delay, say=say)
    outcome = Outcome()
    try:
        s = Site(client)
        committees = s.committees()
        chosen: list[Committee] = []
        for name in committee_names:
            found = match_committees(name, committees)
            if not found:
                near = "; ".join(nearest(name, committees))
                raise FetchError(
                    f"no committee named {name!r} on this site" + (f"; the nearest: {near}" if near else ""),
                    document=site.rstrip("/"),
                )
            if len(found) > 1:
                raise FetchError(
                    f"{name!r} names {len(found)} committees: {'; '.join(c.title for c in found)}; give the whole name",
                    document=site.rstrip("/"),
                )
            chosen.extend(c for c in found if c not in chosen)
        known = manifest.by_url()
        for committee in chosen:
            for meeting in s.meetings(committee, since, until):
                outcome.meetings += 1
                for paper in s.papers(meeting):
                    entry = known.get(paper.url)
                    if entry is not None and _intact(out / entry.path, entry.sha256):
                        outcome.already += 1
                        continue
                    try:
                        entry = _download(client, paper, out, manifest, partial)
                    except FetchError as e:
                        outcome.failed.append(str(e))
                        say(f"error: {e}")
                        continue
                    if entry is None:
                        continue
                    manifest.add(entry)
                    manifest.save()  # after the file is in place: the manifest names only whole papers
                    known[entry.url] = entry
                    outcome.fetched.append(entry)
                    say(f"fetched: {entry.path} ({entry.title}, {entry.committee}, {entry.meeting_date})")
        if not manifest.path.exists():
            manifest.save()
    finally:
        outcome.requests = client.requests
        client.close()
    return outcome


def _intact(path: Path, sha256: str | None) -> bool:
    try:
        data = path.read_bytes()
    except OSError:
        return False
    return sha256 is None or hashlib.sha256(data).hexdigest() == sha256


def _download(client: Client, paper: Paper, out: Path, manifest: Manifest, partial: Path) -> Entry | None:
    r = client.get(paper.url, cached=False, stream=True)
    if r.status_code != 200:
        r.close()
        raise FetchError(f"HTTP {r.status_code} for {paper.title!r}", document=paper.url)
    digest = hashlib.sha256()
    tmp = partial / (hashlib.sha256(paper.url.encode()).hexdigest()[:16] + ".part")
    head = b""
    size = 0
    try:
        with open(tmp, "wb") as fh:
            for chunk in r.iter_content(1 << 16):
                if len(head) < 8:
                    head += chunk[:8]
                digest.update(chunk)
                size += len(chunk)
                fh.write(chunk)
    except Exception as e:  # noqa: BLE001 - a dropped connection: this paper fails, the others go on
        tmp.unlink(missing_ok=True)
        raise FetchError(f"download broke off ({type(e).__name__})", document=paper.url) from None
    finally:
        r.close()
    ext = _extension(paper.url, r.headers.get("Content-Type", ""), r.headers.get("Content-Disposition", ""), head)
    if ext is None:
        tmp.unlink(missing_ok=True)
        client.say(f"skipped: {paper.url}: {paper.title!r} is neither PDF, Word (.docx) nor text")
        return None
    meeting = paper.meeting
    folder = Path(slug(meeting.committee.title)) / meeting.date.isoformat()
    # Names the manifest gives other papers are taken; a file it does not name is a paper a
    # killed run moved into place before it could write the manifest, and is replaced.
    taken = {e.path for e in manifest.documents if e.url != paper.url}
    stem, n = slug(paper.title), 1
    rel = (folder / f"{stem}{ext}").as_posix()
    while rel in taken:
        n += 1
        rel = (folder / f"{stem}-{n}{ext}").as_posix()
    target = out / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(tmp, target)
    return Entry(
        path=rel,
        url=paper.url,
        committee=meeting.committee.title,
        committee_id=meeting.committee.id,
        meeting_date=meeting.date.isoformat(),
        meeting_id=meeting.id,
        title=paper.title,
        fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
        sha256=digest.hexdigest(),
        bytes=size,
    )


def list_committees(site: str, out: Path | None, *, delay: float = DEFAULT_DELAY) -> Iterator[Committee]:
    """The site's committees (a listing only: cached in ``out`` when given, else in memory)."""
    client = Client(site, cache=Path(out) / STATE / "http-cache.sqlite" if out else None, delay=delay)
    try:
        yield from Site(client).committees()
    finally:
        client.close()
