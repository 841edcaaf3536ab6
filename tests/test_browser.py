"""A real browser against ``boardpapers serve``: headless Chromium (Debian's ``chromium``).

Install it with ``scripts/install-browser.sh``. Without it the test skips, except in CI
(``CI=true``), where a missing browser is a failure. Screenshots go to tests/artifacts/ (the
journeys' steps are numbered there: journey-1-1-home.png ...).

The three journeys of a scrutiny officer (issue 19) start from the home page and go on only by
links and forms found in the page before, as a reader clicks through them.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from boardpapers.db.load import load_extraction, open_db
from boardpapers.extract.cli import main

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).parent.parent
ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM = (
    shutil.which("chromium")
    or shutil.which("chromium-browser")
    or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
)
IN_CI = os.environ.get("CI", "").lower() in {"true", "1", "yes"}

if CHROMIUM is None:
    if IN_CI:
        pytest.fail("CI=true but no chromium: run scripts/install-browser.sh first", pytrace=False)
    pytest.skip("no chromium on this machine (run scripts/install-browser.sh to install it)", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, corpus_loads):
    folder = tmp_path_factory.mktemp("browser")
    db_path = folder / "boardpapers.db"
    db = open_db(db_path)
    for extraction, pages, path in corpus_loads:
        load_extraction(db, extraction, pages=pages, source_path=path, papers_file=path.name)
    db.close()
    linked = CliRunner().invoke(main, ["link", "--db", str(db_path)], catch_exceptions=False)  # people, themes
    assert linked.exit_code == 0, linked.output
    port = free_port()
    exe = Path(sys.executable).with_name("boardpapers")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "boardpapers.extract.cli"]
    proc = subprocess.Popen(
        [*cmd, "serve", str(db_path), "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError(proc.stdout.read().decode()) from None
                time.sleep(0.1)
        else:
            raise RuntimeError("boardpapers serve did not start within 10 s")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def chromium(tmp_path: Path, *args: str) -> str:
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_search_in_a_real_browser(server, tmp_path):
    url = f"{server}/boardpapers/decisions?_search=approved+correct+record"
    dom = chromium(tmp_path, "--dump-dom", url)
    assert "minutes were approved as a correct record" in dom
    assert "What a meeting or panel decided" in dom  # the table description from the metadata
    assert "1 row where search matches" in dom.replace("\n", " ") or "where search matches" in dom
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "search-decisions.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,900", url)
    assert shot.stat().st_size > 10_000


def test_an_owners_actions_in_a_real_browser(server, tmp_path):
    url = f"{server}/boardpapers/everything_assigned_to?owner=Lisa+Wills"
    dom = chromium(tmp_path, "--dump-dom", url)
    assert dom.count("Lisa Wills") >= 3
    assert "Safer Portsmouth Partnership" in dom
    ARTIFACTS.mkdir(exist_ok=True)
    chromium(tmp_path, f"--screenshot={ARTIFACTS / 'owner-lisa-wills.png'}", "--window-size=1280,900", url)


def test_an_indicator_chart_draws_offline(server, tmp_path):
    # datasette-vega reads its chart settings from the URL fragment and bundles its JS.
    url = (
        f"{server}/boardpapers/compare_indicator?indicator=Overall+Crime"
        "#g.mark=line&g.x_column=period&g.x_type=ordinal&g.y_column=value&g.y_type=quantitative"
        "&g.color_column=series&g.color_type=nominal"
    )
    dom = chromium(tmp_path, "--virtual-time-budget=10000", "--dump-dom", url)
    assert "<svg" in dom or "<canvas" in dom, "no chart was drawn"
    ARTIFACTS.mkdir(exist_ok=True)
    chromium(
        tmp_path,
        "--virtual-time-budget=10000",
        f"--screenshot={ARTIFACTS / 'chart-indicator.png'}",
        "--window-size=1280,1400",
        url,
    )


# --- the three journeys, from the home page ---------------------------------------------------


def screenshot(tmp_path: Path, name: str, url: str, height: int = 1100) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"{name}.png"
    chromium(tmp_path, "--virtual-time-budget=10000", f"--screenshot={shot}", f"--window-size=1280,{height}", url)
    assert shot.stat().st_size > 10_000, shot
    print(f"screenshot: {shot}")
    return shot


def links(dom: str, pattern: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'href="([^"]+)"', dom) if re.search(pattern, html.unescape(h))]


def form(dom: str, section_id: str) -> tuple[str, str]:
    """The action and the input name of the first form in the home page's journey ``section_id``."""
    section = dom.split(f'id="{section_id}"')[1].split("</section>")[0]
    action = re.search(r'<form action="([^"]+)"', section).group(1)
    name = re.search(r'<(?:input|select)[^>]* name="([^"]+)"', section).group(1)
    return html.unescape(action), name


def test_journey_search_then_a_decision_in_its_paper(server, tmp_path):
    home = chromium(tmp_path, "--dump-dom", server + "/")
    screenshot(tmp_path, "journey-1-1-home", server + "/")
    action, field = form(home, "journey-search")
    results_url = f"{server}{action}?{field}=domestic+abuse"
    results = chromium(tmp_path, "--dump-dom", results_url)
    screenshot(tmp_path, "journey-1-2-search-domestic-abuse", results_url)
    decisions = results.split('id="found-decisions"')[1].split("</section>")[0]
    assert "<mark>Domestic</mark> <mark>Abuse</mark>" in decisions
    source = links(decisions, r"^/-/source/")[0]
    page = re.search(r"page=(\d+)", source).group(1)
    dom = chromium(tmp_path, "--dump-dom", server + source)
    assert f"page {page}</h1>" in dom  # the paper opened at the decision's page
    assert 'class="bp-line bp-hit"' in dom and "Domestic Abuse" in dom  # its lines highlighted
    assert links(dom, rf"^/papers/[0-9a-f]{{16}}/.+#page={page}$")  # and the paper itself at the page
    screenshot(tmp_path, "journey-1-3-decision-in-its-paper", server + source)


def test_journey_a_person_from_an_action_with_their_open_actions(server, tmp_path):
    home = chromium(tmp_path, "--dump-dom", server + "/")
    action, field = form(home, "journey-search")
    results = chromium(tmp_path, "--dump-dom", f"{server}{action}?{field}=domestic+abuse")
    actions = results.split('id="found-actions"')[1].split("</section>")[0]
    owner = links(actions, r"^/-/person\?name=")[0]
    # (No #found-actions: headless Chromium screenshots a page scrolled to a fragment blank above it.)
    screenshot(tmp_path, "journey-2-1-an-action-and-its-owner", f"{server}{action}?{field}=domestic+abuse")
    dom = chromium(tmp_path, "--dump-dom", server + owner)  # the name resolves to the person's page
    name = owner.split("name=")[1].replace("+", " ")
    assert f"<h1>{name}</h1>" in dom
    opened = int(re.search(r"Open actions: (\d+)", dom).group(1))
    assert opened >= 1 and dom.count('class="bp-open-action"') == opened
    assert "Domestic Abuse" in dom or "domestic abuse" in dom  # the action we came from is among them
    screenshot(tmp_path, "journey-2-2-person-open-actions", server + owner)


def test_journey_compare_a_theme_across_places_and_chart_it(server, tmp_path):
    home = chromium(tmp_path, "--dump-dom", server + "/")
    action, field = form(home, "journey-compare")
    options = re.findall(r'<option value="([^"]+)"', home.split('id="journey-compare"')[1])
    theme = next(o for o in options if o.lower().startswith("domestic abuse"))
    url = f"{server}{action}?{field}={theme.replace(' ', '+')}"
    dom = chromium(tmp_path, "--dump-dom", url)
    places = set(re.findall(r'<td class="col-place[^"]*">([^<]+)</td>', dom))
    assert {"Peterborough", "Plymouth", "Portsmouth"} <= places
    assert (
        "select * from record_themes" not in dom.split('id="query-results"')[0] if 'id="query-results"' in dom else True
    )
    screenshot(tmp_path, "journey-3-1-compare-domestic-abuse", url, height=1400)
    chart = links(dom, r"#g\.mark=bar")[0]
    assert chart.startswith(f"?{field}={theme.replace(' ', '+')}#"), chart  # charts the theme chosen
    chart_url = server + action + chart if chart.startswith("?") else server + chart
    drawn = chromium(tmp_path, "--virtual-time-budget=10000", "--dump-dom", chart_url)
    assert "<svg" in drawn or "<canvas" in drawn, "no chart was drawn"
    screenshot(tmp_path, "journey-3-2-chart", chart_url, height=1600)
