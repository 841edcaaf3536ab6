"""``/papers/`` serves only the loaded papers, by document id, as PDF or UTF-8 text; the site
answers only localhost names unless told otherwise (issue 14)."""

from __future__ import annotations

import asyncio
import re
import shutil
from pathlib import Path

import badinput as B
import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from boardpapers.db.serve import make_datasette
from boardpapers.extract.cli import main

# Folder and file names as councils write them: spaces, accents, punctuation.
FOLDERS = ["Board Minutes 2009", "Réunion d'été (Wales) & more"]
NAMES = ["Board Minutes 3 December 2009.txt", "Compte-rendu — été #2 (final) [v2].md", "50% plan; draft?.pdf"]


def fetch(ds, path: str, **kwargs):
    return asyncio.run(ds.client.get(path, **kwargs))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("served")
    folders = []
    for k, name in enumerate(FOLDERS):
        folder = root / name
        folder.mkdir()
        for n, file_name in enumerate(NAMES):
            title = f"Safer Testham Partnership {k}-{n}"
            if file_name.endswith(".pdf"):
                (folder / file_name).write_bytes(B.text_pdf_bytes([title, f"The partnership agreed plan {k}-{n}."]))
            else:
                B.good_paper(folder, file_name, title=title)
        # What else people keep beside their papers: none of it may be served.
        (folder / ".env").write_text("SECRET_KEY=hunter2\n")
        (folder / "private notes.xlsx").write_bytes(b"PK\x03\x04 private")
        (folder / "evil.html").write_text("<script>alert(document.cookie)</script>")
        (folder / "evil.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
        folders.append(folder)
    html_paper = B.html_paper(folders[0])  # a text paper full of HTML: served as text
    db_path = root / "site.db"
    result = CliRunner().invoke(main, ["build", *map(str, folders), "--db", str(db_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    ds = make_datasette(db_path)
    asyncio.run(ds.invoke_startup())
    return ds, db_path, folders, html_paper


def test_every_source_url_answers(site):
    ds, db_path, folders, _ = site
    db = Database(db_path)
    assert db["documents"].count == len(FOLDERS) * len(NAMES) + 1
    urls = set()
    for table in db.table_names():
        if "source_url" in db[table].columns_dict and not table.endswith("_fts"):
            urls |= {
                r[0] for r in db.execute(f"select distinct source_url from [{table}] where source_url is not null")
            }
    assert len(urls) > 2 * len(FOLDERS) * len(NAMES)
    for url in sorted(urls):
        response = fetch(ds, url.split("#")[0])
        assert response.status_code == 200, url
        assert response.headers["content-type"] in ("application/pdf", "text/plain; charset=utf-8"), url
        assert response.headers["x-content-type-options"] == "nosniff"


def test_pdfs_are_pdf_and_everything_else_is_utf8_text(site):
    ds, db_path, _, html_paper = site
    db = Database(db_path)
    for doc in db["documents"].rows:
        response = fetch(ds, doc["source_url"])
        if doc["source"].endswith(".pdf"):
            assert response.headers["content-type"] == "application/pdf" and response.content.startswith(b"%PDF-")
        else:
            assert response.headers["content-type"] == "text/plain; charset=utf-8"
            assert "sandbox" in response.headers["content-security-policy"]
    (evil,) = [d for d in db["documents"].rows if d["source"] == html_paper.name]
    response = fetch(ds, evil["source_url"])
    assert "<script>" in response.text and response.headers["content-type"] == "text/plain; charset=utf-8"


@pytest.mark.parametrize(
    "path",
    [
        "/papers/.env",
        "/papers/evil.html",
        "/papers/evil.svg",
        "/papers/private%20notes.docx",
        "/papers/Board%20Minutes%202009/.env",
        "/papers/",
        "/papers/0000000000000000/x.txt",
        "/papers/0000000000000000",
    ],
)
def test_nothing_else_under_papers_is_served(site, path):
    ds = site[0]
    response = fetch(ds, path)
    assert response.status_code == 404 and "hunter2" not in response.text and "<script" not in response.text


def test_a_paper_changed_since_its_build_is_not_served(site, tmp_path):
    ds, db_path, folders, _ = site
    db = Database(db_path)
    doc = next(db.query("select * from documents where source like 'Board Minutes%'"))
    path = Path(doc["source_path"])
    saved = path.read_bytes()
    try:
        path.write_text("a different file now")
        response = fetch(ds, doc["source_url"])
        assert response.status_code == 404 and "has changed" in response.text
    finally:
        path.write_bytes(saved)
    assert fetch(ds, doc["source_url"]).status_code == 200


def test_serve_papers_finds_moved_papers_by_name(site, tmp_path):
    _, db_path, folders, _ = site
    moved = tmp_path / "moved.db"
    shutil.copy(db_path, moved)
    doc = next(Database(moved).query("select * from documents where source like '50%'"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(doc["source_path"], elsewhere / doc["source"])
    Database(moved).execute("update documents set source_path = ? where id = ?", ["/nowhere/x.pdf", doc["id"]])
    Database(moved).conn.commit()
    lost = make_datasette(moved)
    assert fetch(lost, doc["source_url"]).status_code == 404
    found = make_datasette(moved, papers_dir=elsewhere)
    assert fetch(found, doc["source_url"]).status_code == 200


@pytest.mark.parametrize(
    "host, status",
    [
        ("localhost", 200),
        ("localhost:8001", 200),
        ("127.0.0.1:8001", 200),
        ("[::1]:8001", 200),
        ("evil.example", 400),
        ("evil.example:8001", 400),
        ("127.0.0.1.evil.example", 400),
        ("", 400),
    ],
)
def test_only_localhost_names_are_answered(site, host, status):
    ds = site[0]
    response = fetch(ds, "/site/documents", headers={"host": host})
    assert response.status_code == status, host
    if status == 400:
        assert "--allow-host" in response.text
    paper = fetch(
        ds, next(Database(site[1]).query("select source_url from documents"))["source_url"], headers={"host": host}
    )
    assert paper.status_code == status


def test_allow_host_lets_a_named_host_in(site):
    ds = make_datasette(site[1], allowed_hosts=["papers.example.org", "localhost"])
    assert fetch(ds, "/site", headers={"host": "papers.example.org"}).status_code == 200
    assert fetch(ds, "/site", headers={"host": "evil.example"}).status_code == 400
    anyone = make_datasette(site[1], allowed_hosts=["*"])
    assert fetch(anyone, "/site", headers={"host": "evil.example"}).status_code == 200


def test_serve_passes_its_host_list(tmp_path, monkeypatch):
    import uvicorn

    from boardpapers.db import serve as serve_module

    db_path = tmp_path / "s.db"
    assert CliRunner().invoke(main, ["build", str(B.good_paper(tmp_path)), "--db", str(db_path)]).exit_code == 0
    seen: dict = {}
    real = serve_module.make_datasette
    monkeypatch.setattr(serve_module, "make_datasette", lambda *a, **k: seen.setdefault("ds", real(*a, **k)))
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: seen.update(kwargs))
    result = CliRunner().invoke(main, ["serve", str(db_path), "--host", "0.0.0.0", "--allow-host", "board.example"])
    assert result.exit_code == 0, result.output
    assert "answering host names: 127.0.0.1, ::1, board.example, localhost" in result.output
    assert fetch(seen["ds"], "/s", headers={"host": "board.example"}).status_code == 200
    assert fetch(seen["ds"], "/s", headers={"host": "rebound.example"}).status_code == 400


def test_an_older_database_gets_links_by_id(tmp_path):
    """Schema 3 linked /papers/<file name> under a static folder: opening it for a build
    rewrites every stored link (and re-links), without reading the papers again."""
    paper = B.good_paper(tmp_path, "Board Minutes.txt")
    db_path = tmp_path / "old.db"
    assert CliRunner().invoke(main, ["build", str(paper), "--db", str(db_path)]).exit_code == 0
    db = Database(db_path)
    new = {
        t: sorted(r[0] for r in db.execute(f"select source_url from [{t}]"))
        for t in ("documents", "document_pages", "decisions", "actions", "person_mentions")
    }
    for table in new:  # what version 3 stored
        page = "''" if table == "documents" else "coalesce('#page=' || page, '')"
        db.execute(f"update [{table}] set source_url = '/papers/Board%20Minutes.txt' || {page}")
    db.execute("alter table runs drop column duplicates")
    db.execute("alter table runs drop column skipped")
    db.execute("delete from _schema")
    db.execute("insert into _schema (version) values (3)")
    db.conn.commit()
    result = CliRunner().invoke(main, ["build", str(paper), "--db", str(db_path)])
    assert result.exit_code == 0 and "1 unchanged, skipped" in result.output and "linked:" in result.output
    db = Database(db_path)
    assert {t: sorted(r[0] for r in db.execute(f"select source_url from [{t}]")) for t in new} == new
    assert {"duplicates", "skipped"} <= set(db["runs"].columns_dict)
    ds = make_datasette(db_path)
    assert fetch(ds, new["documents"][0]).status_code == 200


def test_every_record_opens_in_its_paper(site):
    """Each record's link (db/front.py) opens its paper: text renderings as UTF-8 HTML with the
    cited lines highlighted, PDFs as the page image with the record's box drawn (issue 19)."""
    import io

    from PIL import Image

    from boardpapers.db.front import source_view_url

    ds, db_path, _, _ = site
    db = Database(db_path)
    links, boxed = set(), []
    for table in db.table_names():
        columns = db[table].columns_dict
        if "source_url" not in columns or table.endswith("_fts"):
            continue
        extra = ", ".join(c if c in columns else f"null as {c}" for c in ("lines", "box"))
        for url, lines, box in db.execute(f"select source_url, {extra} from [{table}] where source_url is not null"):
            link = source_view_url(ds, url, lines, box)
            links.add(link)
            if box:
                boxed.append(link)
    assert len(links) > 2 * len(FOLDERS) * len(NAMES) and boxed
    for link in sorted(links):
        response = fetch(ds, link)
        assert response.status_code == 200, link
        assert response.headers["content-type"] == "text/html; charset=utf-8", link
        if "lines=" in link:
            assert 'class="bp-line bp-hit"' in response.text, link
    page = fetch(ds, boxed[0]).text
    (image,) = [h.replace("&amp;", "&") for h in re.findall(r'src="(/-/page-image/[^"]+)"', page)]
    assert "box=" in image
    png = fetch(ds, image)
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
    colours = Image.open(io.BytesIO(png.content)).convert("RGB").getcolors(maxcolors=1 << 24)
    assert sum(n for n, (r, g, b) in colours if r > 200 and g < 60 and b < 60) > 100  # the box, drawn in red
