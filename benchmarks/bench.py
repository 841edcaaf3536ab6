"""Speed and scale benchmark: ``python benchmarks/bench.py [--quick]``.

One run measures, on the same machine and the same PDFs:

1. raw pypdfium2 (every page's characters with boxes, font names and sizes, and its path
   objects: the physical limit here), raw pdfplumber (open; ``extract_words`` and
   ``find_tables`` on every page; pages closed) and the whole boardpapers pipeline (read,
   parse + validate, load into SQLite) with each reader (``pdfium``, ``pdfplumber``), on the
   real PDFs of ../shared (the corpus PDFs, realpdf, realdev) and a generated agenda pack
   (500 pages; 100 with ``--quick``), each in its own subprocess so one's memory does not
   show in another's peak RSS;
2. ``boardpapers extract --jobs 1`` against ``--jobs 2`` on a batch of 24 real papers (the
   real PDFs of ../shared, repeated), and the same batch on a local Dask cluster of two
   workers (``--dask --jobs 2``);
3. a cold ``build`` of the corpus PDFs against a warm re-build (unchanged papers skipped);
4. loading synthetic extractions into a new database, as `load` does (records per second);
5. full-text search latency (p50/p95) on a database grown to 1M rows (100k with
   ``--quick``), cached under /tmp so reruns are quick.

It ends with a table of targets against measured figures. Timings are wall-clock on a
shared machine: the CPU time is printed beside them, so load from other work shows.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(tempfile.gettempdir()) / "boardpapers-bench"
PY = sys.executable
BOARDPAPERS = str(Path(PY).with_name("boardpapers"))

SHARED = ROOT.parent / "shared"
TARGETS = {
    "pipeline_ratio": 0.4,  # pipeline time (pdfium reader) / raw pdfplumber time, at most (issue 20)
    "jobs_speedup": 1.7,  # --jobs 1 time / --jobs 2 time, at least
    "peak_rss_mb": 200,  # pipeline on the 500-page pack, at most
    "records_per_s": 20_000,  # loading, at least
    "fts_p95_ms": 100,  # full-text search at 1M rows, at most
    "warm_share": 0.10,  # warm re-build / cold build, at most
}


# --- subprocess workers ----------------------------------------------------------------------


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def worker_baseline(paths: list[str]) -> dict:
    import pdfplumber

    t0, c0, pages = time.perf_counter(), _cpu(), 0
    for p in paths:
        with pdfplumber.open(p) as pdf:
            for page in pdf.pages:
                page.extract_words()
                page.find_tables()
                page.close()
                pages += 1
    return {
        "pages": pages,
        "seconds": time.perf_counter() - t0,
        "cpu": _cpu() - c0,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def worker_pdfium(paths: list[str]) -> dict:
    """pypdfium2 alone: each character's text, box, font name and size, and the page's path
    objects (their count) -- what the fast reader asks of pdfium, with nothing built on it."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as R

    t0, c0, pages = time.perf_counter(), _cpu(), 0
    rect = R.FS_RECTF()
    for p in paths:
        pdf = pdfium.PdfDocument(p)
        for i in range(len(pdf)):
            page = pdf[i]
            tp = R.FPDFText_LoadPage(page.raw)
            for k in range(R.FPDFText_CountChars(tp)):
                R.FPDFText_GetUnicode(tp, k)
                R.FPDFText_GetLooseCharBox(tp, k, rect)
                R.FPDFText_GetFontSize(tp, k)
                R.FPDFTextObj_GetFont(R.FPDFText_GetTextObject(tp, k))
            for k in range(R.FPDFPage_CountObjects(page.raw)):
                obj = R.FPDFPage_GetObject(page.raw, k)
                if R.FPDFPageObj_GetType(obj) == R.FPDF_PAGEOBJ_PATH:
                    R.FPDFPath_CountSegments(obj)
            R.FPDFText_ClosePage(tp)
            page.close()
            pages += 1
        pdf.close()
    del ctypes
    return {
        "pages": pages,
        "seconds": time.perf_counter() - t0,
        "cpu": _cpu() - c0,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def worker_pipeline(paths: list[str]) -> dict:
    from boardpapers.db.load import load_extraction, open_db
    from boardpapers.extract.language.nlp_components import build_pipelines
    from boardpapers.extract.pipeline import extract_document
    from boardpapers.extract.readers import read

    t = time.perf_counter()
    build_pipelines()  # spaCy's one-off start-up (its pipelines), outside the per-page figures
    startup = time.perf_counter() - t
    stages = {"read": 0.0, "parse+validate": 0.0, "load": 0.0}
    pages = records = 0
    c0 = _cpu()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "bench.db")
        for p in paths:
            t0 = time.perf_counter()
            doc = read(p)
            t1 = time.perf_counter()
            extraction = extract_document(doc)
            t2 = time.perf_counter()
            load_extraction(db, extraction, pages=doc.page_texts(), source_path=Path(p).resolve())
            t3 = time.perf_counter()
            stages["read"] += t1 - t0
            stages["parse+validate"] += t2 - t1
            stages["load"] += t3 - t2
            pages += doc.page_count
            records += sum(len(v) for k, v in extraction if isinstance(v, list))
            del doc, extraction
    return {
        "pages": pages,
        "seconds": sum(stages.values()),
        "cpu": _cpu() - c0,
        "stages": stages,
        "records": records,
        "startup": startup,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def in_subprocess(name: str, paths: list[str], reader: str | None = None) -> dict:
    env = dict(os.environ)
    if reader:
        env["BOARDPAPERS_READER"] = reader
    out = subprocess.run([PY, __file__, "--worker", name, *paths], check=True, capture_output=True, text=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def real_pdfs() -> list[str]:
    """The real PDFs of ../shared: the corpus PDFs, realpdf and every realdev PDF."""
    return sorted(
        glob.glob(str(SHARED / "pdf" / "*.pdf"))
        + glob.glob(str(SHARED / "realpdf" / "*.pdf"))
        + glob.glob(str(SHARED / "realdev" / "*.pdf"))
    )


def real_batch(n: int) -> list[str]:
    """``n`` real papers: the real PDFs of ../shared, repeated under new names as needed."""
    folder = CACHE / f"real-batch-{n}"
    if not folder.exists():
        tmp = Path(str(folder) + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        papers = real_pdfs()
        for i in range(n):
            src = Path(papers[i % len(papers)])
            shutil.copy(src, tmp / f"{i:02d}-{src.name}")
        tmp.rename(folder)
    return sorted(str(p) for p in folder.glob("*.pdf"))


# --- inputs -----------------------------------------------------------------------------------


def make_inputs(pack_pages: int, batch_docs: int, batch_pages: int) -> tuple[list[str], str, list[str]]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_pack import make_pack

    CACHE.mkdir(exist_ok=True)
    corpus = sorted(glob.glob(str(ROOT / "corpus" / "*.pdf")))
    pack = CACHE / f"pack-{pack_pages}.pdf"
    if not pack.exists():
        make_pack(pack, pack_pages)
    batch_dir = CACHE / f"batch-{batch_docs}x{batch_pages}"
    if not batch_dir.exists():
        tmp = Path(str(batch_dir) + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        for i in range(batch_docs):
            make_pack(tmp / f"pack-{i:02d}.pdf", batch_pages, seed=100 + i)
        tmp.rename(batch_dir)
    return corpus, str(pack), sorted(str(p) for p in batch_dir.glob("*.pdf"))


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (children's) of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


# --- loading ----------------------------------------------------------------------------------


def synthetic_extractions(n: int):
    """``n`` copies of the corpus extractions, each with its own document id (so new record ids)."""
    from boardpapers.extract.pipeline import extract_path
    from boardpapers.schemas.records import Extraction

    seeds = [extract_path(p).model_dump(mode="json") for p in sorted(glob.glob(str(ROOT / "corpus" / "*.txt")))]
    out = []
    for i in range(n):
        d = json.loads(json.dumps(seeds[i % len(seeds)]))
        new_id = f"{i:016x}"
        d["doc_id"], d["source"] = new_id, f"synthetic-{i}.txt"
        for value in d.values():
            for rec in (
                value
                if isinstance(value, list)
                else [value]
                if isinstance(value, dict) and "provenance" in value
                else []
            ):
                if isinstance(rec, dict) and "provenance" in rec:
                    rec["id"] = ""
                    rec["provenance"]["document_id"] = new_id
        out.append(Extraction.model_validate(d))
    return out


def bench_load(n_docs: int) -> dict:
    """What ``boardpapers load`` does with ``n_docs`` extractions into a new database: one
    transaction per paper, then the deferred indexes and search tables (timed too)."""
    from boardpapers.db.load import document_row, extraction_rows, finish_loading, load_extraction, open_db

    extractions = synthetic_extractions(n_docs)
    top_level = sum(len(v) for e in extractions for k, v in e if isinstance(v, list))
    values = sum(len(i.values) for e in extractions for i in e.indicators)
    rows = sum(len(r) for e in extractions for r in extraction_rows(e, document_row(e)).tables.values())
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "load.db", bulk=True)
        t0 = time.perf_counter()
        for e in extractions:
            load_extraction(db, e)
        t1 = time.perf_counter()
        finish_loading(db)
        seconds = time.perf_counter() - t0
    # Records: every validated record that becomes a row of its own, the indicator values
    # included (each a model with its page and box, and a kind of its own in the scorer).
    return {
        "docs": n_docs,
        "records": top_level + values,
        "top_level": top_level,
        "values": values,
        "rows": rows,
        "seconds": seconds,
        "indexing": seconds - (t1 - t0),
    }


# --- full-text search -------------------------------------------------------------------------

WORDS = None


def _vocab() -> list[str]:
    global WORDS
    if WORDS is None:
        base = (
            "crime violence domestic abuse burglary police housing youth offending drugs alcohol "
            "victims referrals partnership board strategy plan report review funding grant ward "
            "council officer action decision agreed noted approved target baseline quarter month "
            "knife hate exploitation county lines reoffending probation health safeguarding"
        ).split()
        rng = random.Random(1)
        made = {
            "".join(rng.choice("bcdfghklmnprstvw") + rng.choice("aeiou") for _ in range(rng.randint(2, 4)))
            for _ in range(6000)
        }
        WORDS = base + sorted(made)
    return WORDS


def _texts(rng: random.Random, n: int, lo: int, hi: int) -> list[str]:
    words = _vocab()
    weights = [1 / (i + 1) for i in range(len(words))]  # Zipf-like: a few words are everywhere
    return [" ".join(rng.choices(words, weights, k=rng.randint(lo, hi))) for _ in range(n)]


def fts_db(total_rows: int) -> Path:
    """A database of the real schema with ``total_rows`` synthetic record rows, built as
    ``build`` builds a new database: rows first, then indexes and search in one pass."""
    from boardpapers.db.load import finish_db, open_db

    path = CACHE / f"fts-bulk-{total_rows}.db"
    if path.exists():
        return path
    tmp = Path(str(path) + ".tmp")
    tmp.unlink(missing_ok=True)
    db = open_db(tmp, bulk=True)
    rng = random.Random(7)
    shares = {"actions": 0.4, "decisions": 0.3, "indicators": 0.2, "document_pages": 0.1}
    n_docs = max(1, total_rows // 1000)
    db["documents"].insert_all(
        (
            {
                "id": f"d{i:06d}",
                "paper": f"paper-{i}",
                "source": f"paper-{i}.pdf",
                "place": rng.choice(["Portsmouth", "Plymouth", "Leeds", "Hull"]),
            }
            for i in range(n_docs)
        ),
        batch_size=10_000,
    )
    batch = 20_000
    for table, share in shares.items():
        n = int(total_rows * share)
        for start in range(0, n, batch):
            k = min(batch, n - start)
            if table == "document_pages":
                texts = _texts(rng, k, 150, 400)
                rows = [
                    {"document_id": f"d{(start + j) % n_docs:06d}", "page": start + j, "text": t}
                    for j, t in enumerate(texts)
                ]
            else:
                texts = _texts(rng, k, 8, 40)
                col = "name" if table == "indicators" else "text"
                rows = [
                    {
                        "id": f"{table[0]}{start + j:09d}",
                        col: t,
                        "document_id": f"d{(start + j) % n_docs:06d}",
                        "page": 1 + j % 30,
                        "year": 2009 + j % 12,
                    }
                    for j, t in enumerate(texts)
                ]
                if table != "decisions":
                    for row in rows:
                        row["owner"] = rng.choice(["JS", "MO", "SP", None])
            with db.conn:
                db[table].insert_all(rows, batch_size=batch)
    finish_db(db)  # record indexes and <table>_fts, built once over the rows
    db.conn.close()
    tmp.rename(path)
    return path


def bench_fts(total_rows: int, queries: int = 200) -> dict:
    """Search as ``boardpapers serve`` runs it: the database opened immutable, each connection
    tuned by the plugin (memory-mapped), and per query what Datasette runs for ``?_search=``:
    a page of rows, then the count of all matches."""
    import sqlite3

    from boardpapers.db.plugin import tune_read_connection

    path = fts_db(total_rows)
    conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    tune_read_connection(conn)
    rng = random.Random(3)
    words = _vocab()
    tables = ["actions", "decisions", "indicators", "document_pages"]
    times, page_times = [], []
    for q in range(queries):
        table = tables[q % len(tables)]
        # Common words (first 60) and rare ones, one or two terms: what people type.
        terms = [rng.choice(words[:60]) if rng.random() < 0.5 else rng.choice(words) for _ in range(rng.randint(1, 2))]
        match = " ".join(f'"{t}"' for t in terms)
        t0 = time.perf_counter()
        where = f"rowid in (select rowid from [{table}_fts] where [{table}_fts] match ?)"
        conn.execute(f"select * from [{table}] where {where} order by rowid limit 101", [match]).fetchall()
        page_times.append((time.perf_counter() - t0) * 1000)
        conn.execute(f"select count(*) from [{table}] where {where}", [match]).fetchone()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    page_times.sort()
    rows = sum(conn.execute(f"select count(*) from [{t}]").fetchone()[0] for t in tables)
    return {
        "rows": rows,
        "p50_ms": statistics.median(times),
        "p95_ms": times[int(0.95 * len(times)) - 1],
        "max_ms": times[-1],
        "page_p50_ms": statistics.median(page_times),
        "page_p95_ms": page_times[int(0.95 * len(page_times)) - 1],
    }


# --- main ---------------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description="boardpapers speed and scale benchmark")
    ap.add_argument("--quick", action="store_true", help="100-page pack, smaller batch, 100k-row search database")
    ap.add_argument("--only", default="12345", help="which sections to run, e.g. --only 12 (default: all)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker:
        workers = {"baseline": worker_baseline, "pipeline": worker_pipeline, "pdfium": worker_pdfium}
        print(json.dumps(workers[a.worker](a.paths)))
        return

    quick = a.quick
    # The --jobs batch: 24 real papers (the 15 real PDFs of ../shared, 9 of them twice; about
    # 240 pages). Each run pays about 1.5 s in one process before any paper is read (imports,
    # spaCy), which a small batch shows as a lower speedup.
    pack_pages, batch_docs, batch_pages = (100, 6, 12) if quick else (500, 24, 20)
    fts_rows, load_docs = (100_000, 60) if quick else (1_000_000, 300)
    print(
        f"boardpapers benchmark ({'quick' if quick else 'full'}), {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.2f}",
        flush=True,
    )
    corpus, pack, _generated_batch = make_inputs(pack_pages, batch_docs, batch_pages)
    real = real_pdfs() or corpus
    batch = real_batch(8 if quick else 24)
    m: dict = {}

    if "1" in a.only:
        section_1(m, real, pack, pack_pages)
    if "2" in a.only:
        section_2(m, batch)
    if "3" in a.only:
        section_3(m)
    if "4" in a.only:
        section_4(m, load_docs)
    fts = section_5(m, fts_rows) if "5" in a.only else None
    print_targets(m, pack_pages, fts)


def section_1(m: dict, real: list[str], pack: str, pack_pages: int) -> None:
    print(
        "\n1. Raw pypdfium2 and raw pdfplumber vs the pipeline (read, parse+validate, load) with each reader;"
        " one process each: pages/s is per core",
        flush=True,
    )
    for label, paths in (("real PDFs", real), (f"pack-{pack_pages}", [pack])):
        raw = in_subprocess("pdfium", paths)
        base = in_subprocess("baseline", paths)
        fast = in_subprocess("pipeline", paths, reader="pdfium")
        slow = in_subprocess("pipeline", paths, reader="pdfplumber")
        n = base["pages"]

        def rate(r: dict) -> str:
            return f"{r['pages'] / r['seconds']:6.1f} pages/s ({r['seconds']:5.1f}s, cpu {r['cpu']:5.1f}s, {r['peak_rss_mb']:4.0f} MB)"

        print(f"  {label} ({n} pages)")
        print(f"    raw pypdfium2 chars+paths      {rate(raw)}")
        print(f"    raw pdfplumber words+tables    {rate(base)}")
        print(
            f"    pipeline, --reader pdfium      {rate(fast)}  {fast['seconds'] / base['seconds']:.2f}x raw pdfplumber"
        )
        print(
            f"    pipeline, --reader pdfplumber  {rate(slow)}  {slow['seconds'] / base['seconds']:.2f}x raw pdfplumber"
        )
        for name, r in (("pdfium", fast), ("pdfplumber", slow)):
            print(
                f"    stages ({name}): "
                + ", ".join(f"{k} {v:.2f}s" for k, v in r["stages"].items())
                + f"; {r['records']} records; spaCy start-up {r['startup']:.1f}s (once per process, not counted)"
            )
        m[label] = {"raw": raw, "base": base, "fast": fast, "slow": slow}
    m["ratio"] = m["real PDFs"]["fast"]["seconds"] / m["real PDFs"]["base"]["seconds"]
    m["reader_speedup"] = m["real PDFs"]["slow"]["seconds"] / m["real PDFs"]["fast"]["seconds"]
    m["peak_rss_mb"] = m[f"pack-{pack_pages}"]["fast"]["peak_rss_mb"]


def section_2(m: dict, batch: list[str]) -> None:
    print(
        f"\n2. boardpapers extract --jobs 1 vs --jobs 2, and Dask (--dask --jobs 2), {len(batch)} real papers",
        flush=True,
    )
    with tempfile.TemporaryDirectory() as tmp:
        runs: dict = {}
        for mode in ("1", "2", "dask", "1", "2", "dask"):  # interleaved, best of two: other sessions share the machine
            extra = ["--jobs", "2", "--dask"] if mode == "dask" else ["--jobs", mode]
            wall, cpu = timed([BOARDPAPERS, "extract", *batch, "--out", f"{tmp}/j{mode}", *extra])
            runs.setdefault(mode, []).append((wall, cpu))
            print(
                f"  {'--dask --jobs 2' if mode == 'dask' else '--jobs ' + mode}: {wall:.1f}s wall, {cpu:.1f}s cpu (load {os.getloadavg()[0]:.1f})",
                flush=True,
            )
        same = all(
            Path(f"{tmp}/j1/{p.name}").read_bytes() == p.read_bytes()
            for other in ("2", "dask")
            for p in Path(f"{tmp}/j{other}").glob("*.json")
        )
        j1, j2, jd = (min(w for w, _ in runs[k]) for k in ("1", "2", "dask"))
        m["speedup"] = j1 / j2
        m["dask_speedup"] = j1 / jd
        print(
            f"  speedup --jobs 2: {m['speedup']:.2f}x; Dask, 2 workers: {m['dask_speedup']:.2f}x "
            f"(best of two each; Dask's includes starting its cluster); outputs byte-identical: {same}"
        )


def section_3(m: dict) -> None:
    print("\n3. build: cold vs warm (corpus PDFs, --prefer pdf)", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        cold, cold_cpu = timed([BOARDPAPERS, "build", str(ROOT / "corpus"), "--prefer", "pdf", "--db", f"{tmp}/c.db"])
        warm, warm_cpu = timed([BOARDPAPERS, "build", str(ROOT / "corpus"), "--prefer", "pdf", "--db", f"{tmp}/c.db"])
        m["warm_share"] = warm / cold
        print(
            f"  cold {cold:.1f}s (cpu {cold_cpu:.1f}s), warm {warm:.2f}s (cpu {warm_cpu:.2f}s): "
            f"{100 * warm / cold:.1f}% of cold wall, {100 * warm_cpu / cold_cpu:.1f}% of cold cpu; "
            f"the warm run is Python start-up and imports"
        )


def section_4(m: dict, load_docs: int) -> None:
    print(f"\n4. Loading {load_docs} synthetic extractions", flush=True)
    ld = bench_load(load_docs)
    m["records_per_s"] = ld["records"] / ld["seconds"]
    print(
        f"  {ld['records']} records ({ld['top_level']} top-level records and {ld['values']} indicator values; "
        f"{ld['rows']} rows with owners and documents) in {ld['seconds']:.2f}s, "
        f"{ld['indexing']:.2f}s of it building indexes and search:\n"
        f"  {m['records_per_s']:,.0f} records/s ({ld['top_level'] / ld['seconds']:,.0f} top-level records/s), "
        f"{ld['rows'] / ld['seconds']:,.0f} rows/s"
    )


def section_5(m: dict, fts_rows: int) -> dict:
    print(f"\n5. Full-text search at {fts_rows:,} rows", flush=True)
    t0 = time.perf_counter()
    fts = bench_fts(fts_rows)
    m["fts_p95_ms"] = fts["p95_ms"]
    print(
        f"  {fts['rows']:,} rows (database ready in {time.perf_counter() - t0:.0f}s, cached in {CACHE}); "
        f"rows + count per query: p50 {fts['p50_ms']:.1f} ms, p95 {fts['p95_ms']:.1f} ms, max {fts['max_ms']:.1f} ms; "
        f"the page of rows alone: p50 {fts['page_p50_ms']:.1f} ms, p95 {fts['page_p95_ms']:.1f} ms"
    )

    return fts


def print_targets(m: dict, pack_pages: int, fts: dict | None) -> None:
    print("\nTargets")
    checks = [
        ("ratio", "pipeline (pdfium) / raw pdfplumber, real PDFs", "<=", TARGETS["pipeline_ratio"], "{:.2f}x"),
        ("speedup", "--jobs 2 speedup over --jobs 1", ">=", TARGETS["jobs_speedup"], "{:.2f}x"),
        ("peak_rss_mb", f"peak RSS, {pack_pages}-page pack", "<=", TARGETS["peak_rss_mb"], "{:.0f} MB"),
        ("records_per_s", "loading, records/s", ">=", TARGETS["records_per_s"], "{:,.0f}"),
        ("fts_p95_ms", f"search p95 at {fts['rows'] if fts else 0:,} rows", "<=", TARGETS["fts_p95_ms"], "{:.1f} ms"),
        ("warm_share", "warm re-build / cold build", "<=", TARGETS["warm_share"], "{:.1%}"),
    ]
    rows = [
        (name, f"{op} {target}", fmt.format(m[key]), m[key] <= target if op == "<=" else m[key] >= target)
        for key, name, op, target, fmt in checks
        if key in m
    ]
    if not rows:
        return
    w = max(len(r[0]) for r in rows)
    print(f"  {'measure':{w}s}  {'target':>12s}  {'measured':>14s}  result")
    for name, target, measured, ok in rows:
        print(f"  {name:{w}s}  {target:>12s}  {measured:>14s}  {'PASS' if ok else 'FAIL'}")


if __name__ == "__main__":
    main()
