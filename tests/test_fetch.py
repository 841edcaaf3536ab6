"""``boardpapers fetch`` (issue 21): a ModernGov site's committees, meetings and papers, fetched
politely into a folder with a manifest that ``build`` reads as metadata of record. Every test
runs against a ModernGov-shaped site served on 127.0.0.1 (tests/moderngov_site.py): no network."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import badinput as B
import pytest
from click.testing import CliRunner
from docxgen import text_to_docx
from moderngov_site import Doc, ModernGovSite, SiteCommittee, SiteMeeting, running
from sqlite_utils import Database

from boardpapers.extract.cli import main
from boardpapers.extract.fetch.manifest import MANIFEST, load
from boardpapers.extract.fetch.moderngov import Committee, match_committees, nearest

SHARED = Path(__file__).resolve().parents[2] / "shared"
CSP = "Safer Testborough Community Safety Partnership"
SCRUTINY = "Crime and Disorder Scrutiny Committee"


def small_site(**kwargs) -> ModernGovSite:
    """Two committees, three meetings in 2024 (and one in 2022, before the range), small papers."""

    def pdf(n: int, title: str) -> Doc:
        lines = [
            f"{title} {n}",
            "Minutes of the meeting held on 5 March 2019",
            "Present: Councillor Ann Smith (Chair), Councillor Bob Jones",
            "RESOLVED: That the partnership plan be approved.",
        ]
        return Doc(n, title, f"{title.replace(' ', '%20')}.pdf", B.text_pdf_bytes(lines))

    return ModernGovSite(
        [
            SiteCommittee(
                101,
                CSP,
                [
                    SiteMeeting(1000, "2022-05-01", [pdf(4990, "Old minutes")]),
                    SiteMeeting(1001, "2024-01-15", [pdf(5001, "Minutes"), pdf(5002, "Performance report")]),
                    SiteMeeting(
                        1002,
                        "2024-06-10",
                        [pdf(5003, "Agenda"), Doc(5004, "Exempt appendix", "x.pdf", b"%PDF-1.4", restricted=True)],
                    ),
                ],
            ),
            SiteCommittee(102, SCRUTINY, [SiteMeeting(2001, "2024-03-05", [pdf(6001, "Scrutiny report")])]),
            SiteCommittee(103, "Planning Committee", []),
        ],
        **kwargs,
    )


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def fetch_args(url: str, out: Path, committee: str = "community safety partnership") -> list[str]:
    return [
        "fetch",
        url,
        "--committee",
        committee,
        "--since",
        "2024-01-01",
        "--until",
        "2024-12-31",
        "--out",
        str(out),
        "--delay",
        "0",
    ]


def test_committee_names_match_by_their_words_and_miss_with_the_nearest():
    committees = [Committee("1", CSP), Committee("2", SCRUTINY), Committee("3", "Safer Roads Board")]
    assert [c.id for c in match_committees("Community Safety Partnership", committees)] == ["1"]
    assert [c.id for c in match_committees("crime & disorder scrutiny", committees)] == ["2"]
    assert [c.id for c in match_committees(SCRUTINY.upper(), committees)] == ["2"]
    assert match_committees("safer", committees) == [committees[0], committees[2]]
    assert match_committees("Community Safty Partnership", committees) == []
    assert nearest("Community Safty Partnership", committees)[0] == CSP


def test_fetch_lays_out_papers_by_committee_and_date_with_a_manifest(tmp_path):
    site = small_site()
    with running(site) as url:
        result = run(*fetch_args(url, tmp_path / "papers"))
    assert result.exit_code == 0, result.output
    out = tmp_path / "papers"
    manifest = load(out)
    assert manifest is not None and manifest.site == url
    paths = [e.path for e in manifest.documents]
    slug = "safer-testborough-community-safety-partnership"
    assert paths == [
        f"{slug}/2024-01-15/minutes.pdf",
        f"{slug}/2024-01-15/performance-report.pdf",
        f"{slug}/2024-06-10/agenda.pdf",
    ]
    e = manifest.documents[0]
    assert (e.committee, e.meeting_date, e.title) == (CSP, "2024-01-15", "Minutes")
    assert e.url == f"{url}/documents/s5001/Minutes.pdf"
    assert e.sha256 and e.fetched_at and (out / e.path).read_bytes().startswith(b"%PDF")
    # The restricted appendix and the 2022 meeting are not fetched; the paper linked twice once.
    assert sorted(site.paper_requests()) == [
        "/documents/s5001/Minutes.pdf",
        "/documents/s5002/Performance%20report.pdf",
        "/documents/s5003/Agenda.pdf",
    ]
    assert "3 papers fetched, 0 already there, from 2 meetings since 2024-01-01" in result.output


@pytest.mark.slow
def test_fetch_is_polite(tmp_path):
    site = small_site()
    with running(site) as url:
        started = time.monotonic()
        result = run(*fetch_args(url, tmp_path / "papers", committee=SCRUTINY)[:-1], "0.3")
        took = time.monotonic() - started
    assert result.exit_code == 0, result.output
    asked = [p for p, _ in site.log]
    # robots.txt, GetCommittees, GetMeetings, GetMeeting, one paper: spaced by the delay.
    assert len(asked) == 5 and took >= 4 * 0.3
    import requests_cache  # noqa: F401 - the agent is the tool's own

    from boardpapers.extract.fetch.moderngov import user_agent

    assert user_agent().startswith("boardpapers/")


def test_a_second_fetch_downloads_nothing_new_and_asks_conditionally(tmp_path):
    site = small_site()
    out = tmp_path / "papers"
    with running(site) as url:
        assert run(*fetch_args(url, out)).exit_code == 0
        before = (out / MANIFEST).read_bytes()
        site.log.clear()
        again = run(*fetch_args(url, out))
    assert again.exit_code == 0, again.output
    assert site.paper_requests() == []
    # The listings were asked again with their ETags and came back 304, without a body.
    assert {status for path, status in site.log if path.startswith("/mgWebService")} == {304}
    assert "0 papers fetched, 3 already there" in again.output
    assert (out / MANIFEST).read_bytes() == before


def test_a_new_meeting_is_all_a_re_run_fetches(tmp_path):
    site = small_site()
    out = tmp_path / "papers"
    with running(site) as url:
        assert run(*fetch_args(url, out)).exit_code == 0
        site.committees[0].meetings.append(
            SiteMeeting(1003, "2024-09-09", [Doc(5005, "Minutes", "Minutes.pdf", B.text_pdf_bytes([CSP, "Minutes"]))])
        )
        site.log.clear()
        again = run(*fetch_args(url, out))
    assert again.exit_code == 0, again.output
    assert site.paper_requests() == ["/documents/s5005/Minutes.pdf"]
    assert len(load(out).documents) == 4


def test_the_pages_serve_where_the_web_service_is_off(tmp_path):
    site = small_site(service=False)
    with running(site) as url:
        result = run(*fetch_args(url, tmp_path / "papers"))
    assert result.exit_code == 0, result.output
    manifest = load(tmp_path / "papers")
    assert [(e.meeting_date, e.title) for e in manifest.documents] == [
        ("2024-01-15", "Minutes"),
        ("2024-01-15", "Performance report"),
        ("2024-06-10", "Agenda"),
    ]


def test_without_a_committee_fetch_lists_them(tmp_path):
    with running(small_site()) as url:
        result = run("fetch", url, "--delay", "0")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [CSP, SCRUTINY, "Planning Committee"]


def test_a_committee_that_matches_nothing_gets_one_line_with_the_nearest(tmp_path):
    with running(small_site()) as url:
        result = run(*fetch_args(url, tmp_path / "papers", committee="Community Safty Partnership"))
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "no committee named 'Community Safty Partnership'" in lines[0] and f"the nearest: {CSP}" in lines[0]


def test_a_site_that_is_not_moderngov_gets_one_line(tmp_path):
    with running(small_site(moderngov=False)) as url:
        result = run(*fetch_args(url, tmp_path / "papers"))
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "not a ModernGov site" in lines[0]


def test_an_unreachable_site_gets_one_line(tmp_path):
    with running(small_site()) as url:
        pass  # the port is closed now
    result = run(*fetch_args(url, tmp_path / "papers"))
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "cannot reach the site" in lines[0]


@pytest.mark.slow
def test_build_reads_the_manifest_as_metadata_of_record(tmp_path):
    site = small_site()
    out = tmp_path / "papers"
    with running(site) as url:
        assert run(*fetch_args(url, out, committee="Crime and Disorder Scrutiny Committee")).exit_code == 0
    db_path = tmp_path / "p.db"
    result = run("build", str(out), "--db", str(db_path))
    assert result.exit_code == 0, result.output
    assert "skipped" not in result.output  # the manifest and the fetch's own state are no papers
    doc = next(Database(db_path)["documents"].rows)
    assert (doc["body"], doc["date"]) == (SCRUTINY, "2024-03-05")
    assert doc["origin_url"] == f"{url}/documents/s6001/Scrutiny%20report.pdf"
    assert json.loads(doc["metadata_evidence"])["body"].startswith("manifest:")
    db = Database(db_path)
    records = [r for t in ("meetings", "decisions", "attendees") for r in db[t].rows]
    assert len(records) >= 3 and all(r["origin_url"] == doc["origin_url"] for r in records)
    # The paper says 5 March 2019; the site published it for the meeting of 5 March 2024.
    assert {r["date"] for r in db["decisions"].rows} == {"2024-03-05"}


# --- the bar of issue 21: the corpus as a council would publish it -------------------------------


def corpus_site(tmp_path: Path) -> ModernGovSite:
    """Two committees, three meetings, corpus PDFs and a Word paper made from a corpus text."""
    pdf = SHARED / "pdf"
    word = text_to_docx(
        (SHARED / "corpus" / "portsmouth-scrutiny-complex-needs-2016.txt").read_text(encoding="utf-8"),
        tmp_path / "complex-needs.docx",
    )
    docx_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return ModernGovSite(
        [
            SiteCommittee(
                101,
                CSP,
                [
                    SiteMeeting(
                        1001,
                        "2024-01-15",
                        [
                            Doc(
                                5001,
                                "Minutes",
                                "Minutes.pdf",
                                (pdf / "portsmouth-spp-minutes-2009-12.pdf").read_bytes(),
                            )
                        ],
                    ),
                    SiteMeeting(
                        1002,
                        "2024-06-10",
                        [
                            Doc(
                                5002,
                                "Agenda reports pack",
                                "Agenda%20pack.pdf",
                                (pdf / "plymouth-safer-plymouth-agenda-2017-01.pdf").read_bytes(),
                            )
                        ],
                    ),
                ],
            ),
            SiteCommittee(
                102,
                SCRUTINY,
                [
                    SiteMeeting(
                        2001,
                        "2024-03-05",
                        [
                            Doc(
                                6001,
                                "Performance report",
                                "Performance.pdf",
                                (pdf / "peterborough-scrutiny-performance-2018-11.pdf").read_bytes(),
                            ),
                            Doc(
                                6002,
                                "Complex needs review",
                                "Complex%20needs.docx",
                                word.read_bytes(),
                                content_type=docx_type,
                            ),
                        ],
                    )
                ],
            ),
        ]
    )


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "pdf").is_dir(), reason="../shared is not beside the project")
def test_fetch_then_build_gives_documents_with_committee_date_and_url(tmp_path):
    site = corpus_site(tmp_path)
    out = tmp_path / "papers"
    with running(site) as url:
        for committee in (CSP, SCRUTINY):
            result = run(*fetch_args(url, out, committee=committee))
            assert result.exit_code == 0, result.output
        db_path = tmp_path / "papers.db"
        built = run("build", str(out), "--db", str(db_path))
        assert built.exit_code == 0, built.output
        site.log.clear()
        again = run(*fetch_args(url, out, committee=SCRUTINY))
    assert again.exit_code == 0 and site.paper_requests() == [], again.output
    docs = {d["papers_file"]: d for d in Database(db_path)["documents"].rows}
    assert set(docs) == {
        "minutes.pdf",
        "agenda-reports-pack.pdf",
        "performance-report.pdf",
        "complex-needs-review.docx",
    }
    expect = {
        "minutes.pdf": (CSP, "2024-01-15", "/documents/s5001/Minutes.pdf"),
        "agenda-reports-pack.pdf": (CSP, "2024-06-10", "/documents/s5002/Agenda%20pack.pdf"),
        "performance-report.pdf": (SCRUTINY, "2024-03-05", "/documents/s6001/Performance.pdf"),
        "complex-needs-review.docx": (SCRUTINY, "2024-03-05", "/documents/s6002/Complex%20needs.docx"),
    }
    for name, (body, day, path) in expect.items():
        d = docs[name]
        assert (d["body"], d["date"], d["origin_url"]) == (body, day, url + path), name
    assert docs["complex-needs-review.docx"]["source_kind"] == "docx"
    db = Database(db_path)
    for table in ("decisions", "actions", "attendees"):
        rows = list(db[table].rows)
        assert rows and all(r["origin_url"] for r in rows), table
    minutes = docs["minutes.pdf"]["id"]
    assert {r["date"] for r in db.query("select date from decisions where document_id = ?", [minutes])} == {
        "2024-01-15"
    }


@pytest.mark.slow
def test_a_killed_fetch_resumes_without_duplicates_or_half_papers(tmp_path):
    """Killed (SIGKILL) while a paper is on its way, then run again: every paper once, whole."""
    site = small_site(doc_delay=0.6)
    out = tmp_path / "papers"
    with running(site) as url:
        cmd = [sys.executable, "-m", "boardpapers.extract.cli", *fetch_args(url, out)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ})
        deadline = time.monotonic() + 60
        # Kill it after the first paper is in the manifest, while the second is being sent.
        while time.monotonic() < deadline:
            m = load(out)
            if m is not None and len(m.documents) >= 1:
                break
            time.sleep(0.05)
        time.sleep(0.3)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        first = load(out)
        assert first is not None and 1 <= len(first.documents) < 3
        time.sleep(site.doc_delay + 0.3)  # the paper the killed run was receiving finishes sending
        site.log.clear()
        again = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    manifest = load(out)
    assert len(manifest.documents) == 3 and len({e.url for e in manifest.documents}) == 3
    assert len({e.path for e in manifest.documents}) == 3
    files = sorted(
        p.relative_to(out).as_posix()
        for p in out.rglob("*")
        if p.is_file() and ".boardpapers-fetch" not in p.parts and p.name != MANIFEST
    )
    assert files == sorted(e.path for e in manifest.documents)  # no half paper, no second copy
    import hashlib

    for e in manifest.documents:
        assert hashlib.sha256((out / e.path).read_bytes()).hexdigest() == e.sha256
    # Only what the first run had not finished is fetched again.
    assert len(site.paper_requests()) == 3 - len(first.documents)
