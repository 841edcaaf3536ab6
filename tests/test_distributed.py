"""The Dask path (extract/distributed.py): a local cluster of two worker processes gives the
same JSON shards, byte for byte, as ``--jobs 1``; one paper's failure is its own record."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from boardpapers.extract.cli import main

pytest.importorskip("dask.distributed")

ROOT = Path(__file__).parent.parent
PAPERS = [
    ROOT / "corpus" / "portsmouth-spp-minutes-2009-12.txt",
    ROOT / "corpus" / "plymouth-safer-plymouth-agenda-2017-01.txt",
    ROOT / "corpus" / "portsmouth-spp-minutes-2009-12.pdf",
]


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.slow  # starts a local Dask cluster of two worker processes
def test_dask_local_cluster_matches_jobs_1_byte_for_byte(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    for p in PAPERS:
        shutil.copy(p, folder / (p.stem + ("-pdf" if p.suffix == ".pdf" else "") + p.suffix))
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf")
    one = run("extract", str(folder), "--out", str(tmp_path / "one"))
    dask = run("extract", str(folder), "--out", str(tmp_path / "dask"), "--dask", "--jobs", "2")
    assert one.exit_code == dask.exit_code == 1  # the broken paper fails, alone
    assert one.output.replace("/one", "/dask") == dask.output  # same lines, same order, same error
    assert "broken.pdf" in dask.output and "3 of 4 documents extracted" in dask.output
    files = sorted(p.name for p in (tmp_path / "one").glob("*.json"))
    assert len(files) == 3
    assert files == sorted(p.name for p in (tmp_path / "dask").glob("*.json"))
    for name in files:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes()


@pytest.mark.slow
def test_dask_map_hands_back_each_papers_error(tmp_path):
    from boardpapers.extract.distributed import dask_map

    bad = tmp_path / "missing.pdf"
    good = PAPERS[0]
    out = list(dask_map([(good, None), (bad, None)], workers=1))
    assert [item[0] for item, _, _ in out] == [good, bad]
    assert out[0][2] is None and out[0][1].doc_type
    assert out[1][1] is None and out[1][2] is not None
