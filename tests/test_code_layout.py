"""The layout of knowledge in the code: no import cycle, no arrow between extract/ and db/,
each vocabulary in one module."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_no_import_cycle_and_no_wrong_way_arrow():
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "import_graph.py")], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "modules" in run.stdout


def test_db_imports_nothing_from_extract():
    for path in (ROOT / "db").glob("*.py"):
        for line in path.read_text().splitlines():
            assert not re.match(r"\s*(?:from|import)\s+boardpapers\.extract\b", line), f"{path.name}: {line}"


def _defining(pattern: str) -> list[str]:
    rx = re.compile(pattern, re.M)
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "extract").rglob("*.py") if rx.search(p.read_text()))


def test_each_vocabulary_lives_in_one_module():
    # Month names written out, a list of courtesy titles, and the owner column's header words.
    assert _defining(r"January\|February\|March") == ["extract/language/dates.py"]
    assert _defining(r"""["(]Mrs["|]""") == ["extract/language/titles.py"]
    assert _defining(r"responsib\\w\*\|action\\s\+by") == ["extract/language/columns.py"]
    assert _defining(r"\(\"terms_of_reference\"") == ["extract/language/kinds.py"]
