"""Extraction past one machine: a map over papers on Dask (``dask.distributed``).

``boardpapers extract PATHS --out DIR --dask`` runs the same per-paper function as
``--jobs`` (read, parse, validate: :func:`extract_paper`) as Dask tasks, on a
``LocalCluster`` of ``--jobs`` worker processes, or on a running cluster with
``--scheduler tcp://HOST:8786``. The results come back to this process in input order and
are written as the same JSON shards as ``--jobs 1`` (byte-identical), by this one writer;
``boardpapers load DIR`` then loads them into SQLite, and ``link`` links them.

- **Each paper's failure is its own record.** A paper whose extraction raises comes back as
  its error (the named errors pickle with their document, page and hint); a paper whose worker
  dies is retried on another worker by the scheduler and, if it kills that one too
  (``KilledWorker``), fails alone. The rest of the batch goes on.
- **Bounded memory.** At most ``in_flight`` papers are submitted ahead of the one being
  written, so a corpus of 45,000 papers does not queue 45,000 results in the client.
- **The papers must be readable by the workers** at the paths given: a shared file system
  (NFS, a mounted bucket) on a real cluster; the same machine for a ``LocalCluster``.

Why Dask rather than Ray: the work is a plain map of a pure Python function over files, with
no shared state and no GPU; Dask's ``Client.submit``/``as_completed`` does that with one
dependency that is pure Python (pip-installable everywhere the pipeline runs), starts a local
cluster in-process for tests, and a real cluster is ``dask scheduler`` plus ``dask worker``
on each machine (or dask-jobqueue / dask-kubernetes). Ray would add a large native runtime
and an object store this map does not need.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from boardpapers.schemas.records import Extraction

# Papers submitted ahead per worker: keeps every worker busy while the client writes.
IN_FLIGHT_PER_WORKER = 4


def extract_paper(path: Path, password: str | None, reader: str | None, ocr: bool = False) -> Extraction:
    """One paper, read with ``reader`` (the client's choice, sent with the task: a remote
    worker does not see the client's environment), through OCR where ``ocr`` asks."""
    from .pipeline import extract_document
    from .readers import read

    return extract_document(read(path, password=password, reader=reader, ocr=ocr))


def _prewarm() -> bool:
    """Import the pipeline and build spaCy once per worker, before its first paper."""
    import boardpapers.extract.pipeline  # noqa: F401

    from .language.nlp import shared_pipeline

    shared_pipeline()
    # Not the minutes' base pipeline (nlp_components.build_pipelines): it is one per thread, and
    # client.run calls this in the worker's event-loop thread, not the thread its tasks run in.
    return True


def dask_map(
    items: Iterable[tuple],
    *,
    scheduler: str | None = None,
    workers: int = 2,
    reader: str | None = None,
    in_flight: int | None = None,
) -> Iterator[tuple[tuple, Any, BaseException | None]]:
    """``extract_paper(path, password, reader, ocr)`` for each ``(path, password[, ocr])`` on Dask, yielded
    in input order as ``(item, extraction, error)``, like ``parallel.ordered_map``."""
    from dask.distributed import Client, LocalCluster

    from .readers.choice import default_reader

    reader = reader or default_reader()
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        # Worker processes, one thread each: pdfium and spaCy are not shared between threads.
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            env={"BOARDPAPERS_READER": reader, "OMP_NUM_THREADS": "1"},
        )
        client = Client(cluster)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        client.run(_prewarm)
        ahead = in_flight or n_workers * IN_FLIGHT_PER_WORKER
        pending: deque = deque()
        it = iter(items)
        while True:
            while len(pending) < ahead and (item := next(it, None)) is not None:
                path, password, *more = item
                ocr = bool(more and more[0])
                future = client.submit(extract_paper, Path(path), password, reader, ocr, pure=False)
                pending.append((item, future))
            if not pending:
                return
            item, future = pending.popleft()
            try:
                yield item, future.result(), None
            except Exception as error:  # noqa: BLE001 - one paper's failure is its own
                yield item, None, _as_paper_error(error, item[0])
            finally:
                future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _as_paper_error(error: BaseException, path) -> BaseException:
    """A worker that died on the paper (twice) says so as the pool does (``WorkerDied``)."""
    from .parallel import WorkerDied
    from .readers.files import shown

    if type(error).__name__ == "KilledWorker":
        return WorkerDied(
            "the process reading it died (killed, out of memory, or a crash); the rest of the batch goes on",
            document=shown(path) if isinstance(path, (str, os.PathLike)) else None,
        )
    return error
