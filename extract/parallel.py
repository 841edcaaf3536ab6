"""Extract documents in parallel, in order: ``--jobs N`` for ``extract`` and ``build``.

Reading and parsing a paper is pure CPU in one process (pdfminer, then our parsers), so N
worker processes read N papers at once. Workers only extract: they return the
:class:`Extraction` (and for ``build`` the page texts); the parent writes JSON files and
loads SQLite serially, because SQLite has one writer and output order must not depend on
which worker finished first. ``jobs=1`` runs in-process with no pool at all.

A worker's exception comes back to the parent through the future and is raised there,
so a bad file gives the same one-line error as with ``--jobs 1`` (the named errors pickle
with their document, page and hint: see ``BoardpapersError.__reduce__``).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from boardpapers.schemas.errors import BoardpapersError
from boardpapers.schemas.records import Extraction

from .readers.files import shown

# Papers in flight per worker: enough to keep workers busy while the parent writes, and while
# a long paper at the head of the queue holds back the results behind it (real papers run
# from 3 to 70 pages: with 2 the other worker sat idle behind a long one), few enough that
# finished extractions waiting their turn don't pile up in the parent's memory (~50 KB each).
IN_FLIGHT_PER_JOB = 4


def available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def ordered_map(
    fn: Callable[..., Any], items: Iterable[tuple], jobs: int = 1
) -> Iterator[tuple[tuple, Any, BaseException | None]]:
    """``fn(*item)`` for each item, yielded in input order as ``(item, result, error)``.

    ``error`` is the exception ``fn`` raised (``result`` is then ``None``): one bad item never
    stops the others.
    """
    if jobs <= 1:
        for item in items:
            try:
                yield item, fn(*item), None
            except Exception as error:  # noqa: BLE001 - handed to the caller, per item
                yield item, None, error
        return
    # fork (where there is one) shares the parent's imported modules with the workers:
    # spaCy and pdfminer are imported once, not once per worker.
    import boardpapers.extract.pipeline  # noqa: F401 - imported before the fork on purpose
    import boardpapers.extract.readers.pdf  # noqa: F401 - pdfplumber and pdfminer, read lazily by read()
    import boardpapers.extract.readers.pdf_pdfium  # noqa: F401 - pypdfium2 and the pdfium library

    from .language.nlp_components import build_pipelines

    build_pipelines()  # built once here and inherited, not once per worker (0.3 s each)
    # Freeze what is loaded now (spaCy, the gazetteer, pdfminer's tables) out of the
    # collector's reach: the workers' collections then never walk the inherited objects,
    # which would copy their pages on write in every worker (about 2-3% of a batch here).
    gc.freeze()

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    context = multiprocessing.get_context(method)
    it = iter(items)
    pending: deque[tuple[tuple, Future | None]] = deque()  # in input order, the order results are yielded
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
    block = 2 * jobs * IN_FLIGHT_PER_JOB

    def submit_block() -> bool:
        """The next ``block`` items, submitted largest file first (the longest papers start
        early, so the batch does not end with one worker reading a long paper alone);
        their results are still yielded in input order."""
        nxt = list(islice(it, block))
        futures: dict[int, Future | None] = {}
        for k in sorted(range(len(nxt)), key=lambda k: -_file_size(nxt[k])):
            try:
                futures[k] = pool.submit(fn, *nxt[k])
            except BrokenProcessPool:
                futures[k] = None  # the pool broke since the last result: see below
        pending.extend((nxt[k], futures[k]) for k in range(len(nxt)))
        return bool(nxt)

    more = submit_block()
    try:
        while True:
            if more and len(pending) <= block:  # the next block queued before this one runs out
                more = submit_block()
            if not pending:
                return
            item, future = pending.popleft()
            try:
                if future is None:
                    raise BrokenProcessPool("the pool broke before this item started")
                yield item, future.result(), None
            except BrokenProcessPool:
                # A worker died (kill -9, the out-of-memory killer, a crash in C code) and took
                # the pool with it: every item in flight failed, whichever one killed it (issue
                # 14: one killed worker aborted the whole batch). Each is run again on its own,
                # so only the culprit fails, and the rest of the batch goes on in a new pool.
                pool.shutdown(wait=True, cancel_futures=True)
                for again in [item, *(i for i, _ in pending)]:
                    yield (again, *_alone(fn, again, context))
                pending.clear()
                pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
            except Exception as error:  # noqa: BLE001
                yield item, None, error
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _file_size(item: tuple) -> int:
    """The size of the file an item names first (0 for anything else): a paper's length, roughly."""
    first = item[0] if item else None
    if not isinstance(first, (str, os.PathLike)):
        return 0
    try:
        return os.path.getsize(first)
    except OSError:
        return 0


class WorkerDied(BoardpapersError):
    """The process reading a paper died: killed, out of memory, or a crash below Python."""


def _alone(fn: Callable[..., Any], item: tuple, context) -> tuple[Any, BaseException | None]:
    """``fn(*item)`` in a process of its own: (result, None), or (None, the error)."""
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        try:
            return pool.submit(fn, *item).result(), None
        except BrokenProcessPool:
            where = shown(item[0]) if item and isinstance(item[0], (str, os.PathLike)) else None
            return None, WorkerDied(
                "the process reading it died (killed, out of memory, or a crash); the rest of the batch goes on",
                document=where,
            )
        except Exception as error:  # noqa: BLE001
            return None, error


# --- workers (top-level, so a process pool can pickle them) ---------------------------------


def extract_file(path: Path, password: str | None, ocr: bool = False) -> Extraction:
    from .pipeline import extract_path

    return extract_path(path, password=password, ocr=ocr)


@dataclass
class Built:
    """What a build worker hands back: the rendering it used, its records and page texts."""

    used: Path
    extraction: Extraction
    pages: list[tuple[int, str]]
    fallback_error: BaseException | None = None  # the preferred rendering failed; ``used`` is its twin


def build_file(path: Path, twin: Path | None, password: str | None, ocr: bool = False) -> Built:
    from .pipeline import extract_document
    from .readers import read

    fallback_error = None
    try:
        used, doc = path, read(path, password=password, ocr=ocr)
    except Exception as error:  # noqa: BLE001 - the twin is the same paper
        if twin is None:
            raise
        fallback_error = error
        used, doc = twin, read(twin, password=password, ocr=ocr)
    return Built(used=used, extraction=extract_document(doc), pages=doc.page_texts(), fallback_error=fallback_error)
