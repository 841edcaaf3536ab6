"""A real browser against ``boardpapers serve``: headless Chromium (Debian's ``chromium``).

Install it with ``scripts/install-browser.sh``. Without it the test skips, except in CI
(``CI=true``), where a missing browser is a failure. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from boardpapers.db.load import load_extraction, open_db

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
