"""The front door: ``boardpapers extract | eval | schema`` (and ``fetch | build | load | serve``).

Thin on purpose: each command parses its flags, calls one library function per document
and turns library errors into one clear line per file and an exit code. A bad file never
stops the batch: the others go on, and the exit code is non-zero at the end.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import traceback
from pathlib import Path

import click

from boardpapers.schemas.errors import BoardpapersError

from .readers.files import INPUT_SUFFIXES, find_papers, shown


class NotAPaper(BoardpapersError):
    """A file named on the command line in a format that is not read."""


def formats_read() -> str:
    return ", ".join(sorted(INPUT_SUFFIXES))


def not_papers(files: list[Path], paths: tuple[str, ...]) -> tuple[list[Path], list[tuple[Path, NotAPaper]]]:
    """Files named on the command line that are no paper: not one of the formats read (a PDF is
    one under any name). Each is a one-line error naming it and the formats read, and a failure
    of the batch (issue 19: a junk file "loaded", exit 0). Anything not a regular file goes on to
    the reader, which says why it cannot read it (a pipe is never opened here)."""
    from boardpapers.schemas.files import is_pdf

    named = {Path(p) for p in paths}
    keep, refused = [], []
    for f in files:
        if f in named and f.suffix.lower() not in INPUT_SUFFIXES and f.is_file() and not f.is_symlink():
            try:
                with open(f, "rb") as handle:
                    head = handle.read(1024)
            except OSError:
                head = b""
            if not is_pdf(head):
                kind = f"a {f.suffix.lower()} file" if f.suffix else "a file without an extension"
                message = f"not a paper: {kind}; the formats read are {formats_read()} (a PDF under any name)"
                refused.append((f, NotAPaper(message, document=shown(f))))
                continue
        keep.append(f)
    return keep, refused


def no_papers(paths: tuple[str, ...], n_skipped: int) -> click.ClickException:
    """Nothing to read: one line and a non-zero exit, not "0 of 0" and success (issue 19)."""
    where = ", ".join(shown(Path(p)) for p in paths)
    said = f" ({_plural(n_skipped, 'file')} skipped, said above)" if n_skipped else ""
    return click.ClickException(f"no papers in {where}{said}: the formats read are {formats_read()}")


def check_out_dir(out_dir: str) -> None:
    """``--out`` is made if missing, when the folder it would go in exists; otherwise one line."""
    out = Path(out_dir)
    if out.is_dir():
        if not os.access(out, os.W_OK | os.X_OK):
            raise click.ClickException(f"--out {out_dir}: the folder cannot be written to")
        return
    if out.exists():
        raise click.ClickException(f"--out {out_dir}: not a folder")
    if not out.parent.is_dir():
        raise click.ClickException(
            f"--out {out_dir}: the folder {shown(out.parent)} does not exist (create it, or choose another --out)"
        )
    try:
        out.mkdir()
    except OSError as e:
        raise click.ClickException(f"--out {out_dir}: cannot create the folder ({e.strerror})") from None


def expand_inputs(paths: tuple[str, ...]) -> list[Path]:
    """Files as given; folders give their .pdf/.txt/.md files, sorted (what is skipped: find_papers)."""
    return find_papers(paths)[0]


def summary_line(path: Path, extraction) -> str:
    e = extraction
    return (
        f"{shown(path.name)}: {e.doc_type or 'unknown type'}, {len(e.decisions)} decisions, {len(e.actions)} actions, "
        f"{len(e.indicators)} indicators, {len(e.tables)} tables, {len(e.attendees)} attendees, "
        f"{len(e.problems)} problems"
    )


def warn_skipped_pages(path: Path, extraction) -> None:
    """A page the reader left out is said, not only stored (issue 14: rotated pages)."""
    for p in extraction.problems:
        if p.code == "page_skipped":
            click.secho(f"warning: {shown(path)}: {p.message}", fg="yellow", err=True)


def progress_shown(n_files: int) -> bool:
    """A progress bar only for a batch, and only on a terminal (a log file gets the lines alone)."""
    return n_files >= 2 and sys.stderr.isatty()


def clear_progress_line() -> None:
    """Before a paper's lines: wipe the bar's line, so each line starts on its own and the bar is
    drawn again below it on the next step (issue 19: lines were printed into the bar's line)."""
    click.echo("\r\033[K", nl=False, err=True)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _said_and_skipped(skipped) -> int:
    for s in skipped:
        click.echo(s.line(), err=True)
    return len(skipped)


def report_failure(path: Path, error: Exception, debug: bool) -> None:
    from pydantic import ValidationError

    from boardpapers.schemas.errors import format_validation_error

    if isinstance(error, BoardpapersError):
        message = str(error) if error.document else f"{shown(path)}: {error}"
    elif isinstance(error, ValidationError):
        # pydantic's own text is 3 lines a field with URLs; one "field.path: message" line each (issue 8).
        lines = format_validation_error(error)
        message = f"{shown(path)}: {len(lines)} invalid field(s) in {error.title}" + "".join(
            f"\n  {line}" for line in lines[:20]
        )
    else:
        message = f"{shown(path)}: unexpected {type(error).__name__}: {error}"
    click.secho(f"error: {message}", fg="red", err=True)
    if debug:
        traceback.print_exception(error, file=sys.stderr)


debug_option = click.option("--debug", is_flag=True, help="Show tracebacks for failures.")
password_option = click.option("--password", default=None, help="Password for encrypted PDFs.")
ocr_option = click.option(
    "--ocr",
    is_flag=True,
    help="Read scanned pages (no text layer) through OCR: OCRmyPDF and Tesseract (scripts/install-ocr.sh). "
    "Records from OCR text say so in their provenance.",
)
jobs_option = click.option(
    "-j",
    "--jobs",
    default=1,
    show_default=True,
    type=click.IntRange(min=0),
    help="Worker processes extracting papers in parallel (0: one per CPU). "
    "Output and its order are the same for any value.",
)


# Issue 20: the PDF reader, and the distributed path (Dask) for corpora past one machine.
reader_option = click.option(
    "--reader",
    type=click.Choice(["pdfium", "pdfplumber"]),
    default=None,
    envvar="BOARDPAPERS_READER",
    help="PDF reader: pdfium (fast; the default) or pdfplumber (pdfminer). Env: BOARDPAPERS_READER.",
)


def _use_reader(reader: str | None) -> None:
    """The reader for this run and the worker processes it starts (they inherit the environment)."""
    import os

    if reader:
        os.environ["BOARDPAPERS_READER"] = reader


def _jobs(jobs: int) -> int:
    from .parallel import available_cpus

    return jobs or available_cpus()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="boardpapers")
def main() -> None:
    """Turn community safety partnership papers into searchable records."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder for DIR/<input stem>.json."
)
@password_option
@ocr_option
@jobs_option
@reader_option
@click.option("--dask", "use_dask", is_flag=True, help="Run on Dask: a local cluster of --jobs worker processes.")
@click.option(
    "--scheduler", default=None, metavar="ADDRESS", help="Run on the Dask cluster at ADDRESS (tcp://host:8786)."
)
@debug_option
def extract(
    paths: tuple[str, ...],
    out_dir: str,
    password: str | None,
    ocr: bool,
    jobs: int,
    reader: str | None,
    use_dask: bool,
    scheduler: str | None,
    debug: bool,
) -> None:
    """Extract records from papers (PDF or text renderings) into one JSON file each."""
    from .export import write_json
    from .parallel import extract_file, ordered_map

    _use_reader(reader)
    files, skipped = find_papers(paths)
    n_skipped = _said_and_skipped(skipped)
    files, refused = not_papers(files, paths)
    failures = 0
    for path, error in refused:
        failures += 1
        report_failure(path, error, debug)
    if not files and not refused:
        raise no_papers(paths, n_skipped)
    check_out_dir(out_dir)
    names = json_names(files)
    work = [(path, password, ocr) for path in files]
    if use_dask or scheduler:
        from .distributed import dask_map

        results = dask_map(work, scheduler=scheduler, workers=_jobs(jobs))
    else:
        results = ordered_map(extract_file, work, _jobs(jobs))
    shown_bar = progress_shown(len(files))
    progress = (
        click.progressbar(
            results,
            length=len(files),
            label="extracting",
            file=sys.stderr,
            show_pos=True,
            item_show_func=lambda r: shown(r[0][0].name) if r else "",
        )
        if shown_bar
        else contextlib.nullcontext(results)
    )
    with progress as bar:
        for (path, *_), extraction, error in bar:
            if shown_bar:
                clear_progress_line()
            try:
                if error is not None:
                    raise error
                write_json(extraction, out_dir, names[path])
                click.echo(
                    summary_line(path, extraction)
                    + (f" -> {shown(names[path])}.json" if names[path] != path.stem else ""),
                    err=True,
                )
                warn_skipped_pages(path, extraction)
            except Exception as error:  # noqa: BLE001 - one bad file must not stop the batch
                failures += 1
                report_failure(path, error, debug)
    click.echo(
        f"{len(files) + len(refused) - failures} of {len(files) + len(refused)} documents extracted to {out_dir}"
        + (f"; {failures} failed" if failures else "")
        + (f"; {_plural(n_skipped, 'file')} skipped" if n_skipped else ""),
        err=True,
    )
    if failures:
        sys.exit(1)


@main.command("eval")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option(
    "--gold",
    "gold_dir",
    required=True,
    type=click.Path(exists=True, file_okay=False),
    help="Folder of gold JSON files.",
)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@password_option
@debug_option
def evaluate(paths: tuple[str, ...], gold_dir: str, as_json: bool, password: str | None, debug: bool) -> None:
    """Score papers (or their exported JSON) against gold records: P, R and F1 per kind."""
    from . import evaluate as ev
    from .export import to_json
    from .pipeline import extract_path

    total: dict = {}
    per_doc = {}
    for path in expand_inputs(paths) if not all(p.endswith(".json") for p in paths) else [Path(p) for p in paths]:
        gold_path = Path(gold_dir) / f"{path.stem}.json"
        if not gold_path.exists():
            click.echo(f"{path.name}: no gold file {gold_path.name}, skipped", err=True)
            continue
        try:
            pred = (
                json.loads(path.read_text())
                if path.suffix == ".json"
                else json.loads(to_json(extract_path(path, password=password)))
            )
        except Exception as error:  # noqa: BLE001
            report_failure(path, error, debug)
            pred = {}
        result = ev.score_document(json.loads(gold_path.read_text()), pred)
        per_doc[path.name] = {"overall_f1": ev.overall(result), "kinds": result}
        ev.add(total, result)
    if not per_doc:  # F1 0.000 for nothing compared would read as a score (issue 19)
        raise click.ClickException(
            f"no gold file in {gold_dir} matches the papers given (gold is matched by name: <paper>.json)"
        )
    if as_json:
        click.echo(json.dumps({"overall_f1": ev.overall(total), "kinds": total, "documents": per_doc}, indent=2))
        return
    for name, d in per_doc.items():
        click.echo(f"{name}: overall F1 {d['overall_f1']:.3f}")
    click.echo("")
    click.echo(ev.format_table(total))


@main.command()
@click.option("--record", default="Extraction", show_default=True, help="Model name, e.g. Action, Indicator, Document.")
def schema(record: str) -> None:
    """Print the JSON Schema of the export (or of one record model)."""
    from boardpapers import schemas

    model = getattr(schemas, record, None)
    if model is None or not hasattr(model, "model_json_schema"):
        raise click.BadParameter(f"no model named {record!r}", param_hint="--record")
    click.echo(json.dumps(model.model_json_schema(), indent=2))


def json_names(files: list[Path]) -> dict[Path, str]:
    """The JSON file name (stem) for each input: its own stem, and for a second file of the
    same stem from another folder ``<stem>-2`` (and so on), so that neither is overwritten."""
    out: dict[Path, str] = {}
    taken: set[str] = set()
    for f in files:
        name, n = f.stem, 1
        while name.lower() in taken:
            n += 1
            name = f"{f.stem}-{n}"
        taken.add(name.lower())
        out[f] = name
    return out


def choose_renderings(files: list[Path], prefer: str = "text") -> list[tuple[Path, Path | None]]:
    """One rendering per paper: ``report.pdf`` and ``report.txt`` in one folder are the same paper.

    Loading both would double every record, so each paper is built once, from the preferred
    rendering, with the other kept as a fallback should the preferred one fail to read.
    Only a PDF and one text file make such a pair: ``minutes.txt`` beside ``minutes.md`` are
    two files, each read (issue 14: one was dropped as the other's "twin").
    """
    groups: dict[tuple[Path, str], list[Path]] = {}
    for f in files:
        groups.setdefault((f.parent, f.stem), []).append(f)
    out = []
    for group in groups.values():
        pdfs = [f for f in group if f.suffix.lower() == ".pdf"]
        if len(group) != 2 or len(pdfs) != 1:
            out.extend((f, None) for f in group)
            continue
        rank = (lambda f: f.suffix.lower() != ".pdf") if prefer == "pdf" else (lambda f: f.suffix.lower() == ".pdf")
        group = sorted(group, key=lambda f: (rank(f), f.suffix))
        out.append((group[0], group[1]))
    return out


db_option = click.option(
    "--db", "db_path", required=True, type=click.Path(dir_okay=False), help="SQLite database file (created if missing)."
)


def _open_db(db_path: str, *, bulk: bool = False):
    """Open ``--db`` for writing, or stop with one line saying why not, leaving the file as it was
    (db/guard.py: not SQLite, another application's, read-only, served, a full disk ...)."""
    import sqlite3

    from boardpapers.db.guard import check_target, describe, refuse_if_served
    from boardpapers.db.load import LoadError, finish_db, open_db

    path = Path(db_path)
    created = not path.exists()
    try:
        check_target(path)
        refuse_if_served(path)
        db = open_db(path, bulk=bulk)
    except LoadError as e:
        raise click.ClickException(f"{db_path}: {e}") from None
    except sqlite3.Error as e:
        if created:  # nothing of ours is worth keeping: leave no half-made file behind
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
                leftover.unlink(missing_ok=True)
        raise click.ClickException(f"{db_path}: {describe(e)}") from None
    try:
        refuse_if_served(path)  # a serve that started while we opened it: see db/guard.py
    except LoadError as e:
        finish_db(db)
        db.close()
        raise click.ClickException(f"{db_path}: {e}") from None
    return db


@contextlib.contextmanager
def _database_errors(db_path: str):
    """An error of the database itself stops the command with one line (every paper would fail
    the same way); papers already loaded stay, each was its own transaction."""
    import sqlite3

    from boardpapers.db.guard import describe
    from boardpapers.db.load import LoadError

    try:
        yield
    except sqlite3.Error as e:
        raise click.ClickException(f"{db_path}: {describe(e)}") from None
    except LoadError as e:  # e.g. still locked by another build after the wait
        raise click.ClickException(f"{db_path}: {e}") from None


def _date(ctx, param, value):
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: write it YYYY-MM-DD") from None


@main.command()
@click.argument("site")
@click.option(
    "--committee",
    "committees",
    multiple=True,
    help="A committee's name, or words of it ('community safety'); repeatable. Without it, the site's "
    "committees are listed.",
)
@click.option("--since", callback=_date, help="First meeting date, YYYY-MM-DD (default: a year ago).")
@click.option("--until", callback=_date, help="Last meeting date, YYYY-MM-DD (default: today).")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    help="Folder for the papers (<committee>/<meeting date>/<title>) and their manifest.json.",
)
@click.option(
    "--delay",
    default=1.0,
    show_default=True,
    type=click.FloatRange(min=0),
    help="Seconds between requests to the site.",
)
@debug_option
def fetch(site, committees, since, until, out_dir, delay, debug) -> None:
    """Fetch a committee's papers from a ModernGov site (SITE: its address, e.g.
    https://democracy.example.gov.uk) into a folder that ``build`` reads, with a manifest of
    each paper's committee, meeting date and URL. A re-run fetches only what is new."""
    from datetime import date, timedelta

    from .fetch.moderngov import fetch as fetch_papers
    from .fetch.moderngov import list_committees

    if "://" not in site:
        site = "https://" + site
    try:
        if not committees:
            for c in list_committees(site, Path(out_dir) if out_dir else None, delay=delay):
                click.echo(c.title)
            return
        if not out_dir:
            raise click.UsageError("--out is needed to fetch papers")
        until = until or date.today()
        since = since or until - timedelta(days=365)
        outcome = fetch_papers(
            site, Path(out_dir), list(committees), since, until, delay=delay, say=lambda s: click.echo(s, err=True)
        )
    except BoardpapersError as e:
        if debug:
            traceback.print_exc()
        raise click.ClickException(str(e)) from None
    click.echo(
        f"{_plural(len(outcome.fetched), 'paper')} fetched, {outcome.already} already there, from "
        f"{_plural(outcome.meetings, 'meeting')} since {since.isoformat()} into {out_dir}"
        + (f"; {len(outcome.failed)} failed" if outcome.failed else ""),
        err=True,
    )
    if outcome.failed:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option(
    "--prefer",
    type=click.Choice(["text", "pdf"]),
    default="text",
    show_default=True,
    help="Which rendering to load when a paper has both a PDF and a text twin (the other is the fallback).",
)
@password_option
@ocr_option
@jobs_option
@reader_option
@debug_option
def build(
    paths: tuple[str, ...],
    db_path: str,
    prefer: str,
    password: str | None,
    ocr: bool,
    jobs: int,
    reader: str | None,
    debug: bool,
) -> None:
    """Extract papers and load their records and page texts into a SQLite database.

    Papers already in the database from the same file (same content hash, same parser
    version) are skipped before they are read, so a re-build only reads what changed.
    A paper is its content and its path: same-named papers in different folders are all
    loaded, and the same bytes under a second name are reported as a duplicate.
    """
    _use_reader(reader)
    files, skipped = find_papers(paths)
    files, refused = not_papers(files, paths)
    if not files and not refused:
        raise no_papers(paths, _said_and_skipped(skipped))
    papers = choose_renderings(files, prefer)
    db = _open_db(db_path, bulk=True)
    with _database_errors(db_path):
        _build(db, db_path, paths, papers, skipped, password, jobs, debug, refused, ocr=ocr)


def _build(db, db_path, paths, papers, skipped, password, jobs, debug, refused=(), *, ocr: bool = False) -> None:
    import sqlite3

    from boardpapers.db.load import duplicate_of, load_extraction, loaded_state, record_failure, run

    from . import PARSER_VERSION
    from .parallel import build_file, ordered_map
    from .readers.files import Skipped

    for path, twin in papers:
        if twin is not None:
            skipped.append(
                Skipped(
                    twin,
                    f"the other rendering of {shown(path)}, which is read instead "
                    "(this one only if that cannot be read; --prefer to change)",
                )
            )
    n_skipped = _said_and_skipped(skipped)
    todo, unchanged, duplicates = [], 0, 0
    for path, twin in papers:
        state, other = loaded_state(db, path, PARSER_VERSION)
        if state == "unchanged":
            unchanged += 1
        elif state == "duplicate":
            duplicates += 1
            click.echo(f"duplicate: {shown(path)}: the same bytes as {other}, loaded once from there", err=True)
        else:
            todo.append((path, twin, password, ocr))
    failures = 0
    with run(db, "build", paths, PARSER_VERSION) as r:
        r.counts["unchanged"] += unchanged
        r.counts["duplicates"] += duplicates
        r.counts["skipped"] += n_skipped
        for path, error in refused:
            failures += 1
            r.count("failed")
            report_failure(path, error, debug)
            record_failure(db, path, error, code="not_a_paper")
        for (path, twin, *_), built, error in ordered_map(build_file, todo, _jobs(jobs)):
            try:
                if error is not None:
                    raise error
                used, extraction = built.used, built.extraction
                if built.fallback_error is not None:
                    click.secho(
                        f"warning: {shown(path)}: cannot read ({built.fallback_error}); "
                        f"loading {shown(used.name)} instead",
                        fg="yellow",
                        err=True,
                    )
                    record_failure(db, path, built.fallback_error, code="rendering_unreadable", severity="warning")
                other = twin if used == path else path
                outcome = load_extraction(
                    db,
                    extraction,
                    pages=built.pages,
                    source_path=used.resolve(),
                    papers_file=shown(used.name),
                    twin=other.resolve() if other else None,
                )
                r.count(outcome)
                if outcome == "duplicate":
                    click.echo(
                        f"duplicate: {shown(used)}: the same bytes as {duplicate_of(db, extraction.doc_id)}, "
                        "loaded once from there",
                        err=True,
                    )
                    continue
                click.echo(f"{summary_line(used, extraction)} [{outcome}]", err=True)
                warn_skipped_pages(used, extraction)
            except sqlite3.Error:
                raise  # the database itself failed: one line for the whole batch (_database_errors)
            except Exception as error:  # noqa: BLE001 - one bad file must not stop the batch
                failures += 1
                r.count("failed")
                report_failure(path, error, debug)
                record_failure(db, path, error)
        in_db = r.counts["loaded"] + r.counts["replaced"] + r.counts["unchanged"]
        duplicates = r.counts["duplicates"]
    if unchanged:
        click.echo(f"{unchanged} unchanged, skipped", err=True)
    # What this run read, then what the database holds: papers from earlier runs (and a paper read
    # twice under two names) make the two differ, and a user must not read one for the other.
    held = db.execute("select count(*) from documents").fetchone()[0]
    click.echo(
        f"{in_db} of {in_db + failures} papers in {db_path}"
        + (f"; {failures} failed (see the problems table)" if failures else "")
        + (f"; {_plural(duplicates, 'duplicate')} of a paper loaded once" if duplicates else "")
        + (f"; {_plural(n_skipped, 'file')} skipped" if n_skipped else "")
        + (f"; the database holds {_plural(held, 'paper')} in all" if held != in_db else ""),
        err=True,
    )
    from boardpapers.db.load import finish_db, finish_loading, links_current

    finish_loading(db)  # the link step reads the record indexes a bulk load deferred
    if not links_current(db):  # a warm re-build that loaded nothing keeps its links
        _link(db, db_path)
    finish_db(db)
    if failures:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@db_option
@debug_option
def load(paths: tuple[str, ...], db_path: str, debug: bool) -> None:
    """Load exported JSON files (from ``boardpapers extract``) into a SQLite database."""

    files = [f for p in map(Path, paths) for f in (sorted(p.glob("*.json")) if p.is_dir() else [p])]
    db = _open_db(db_path, bulk=True)
    with _database_errors(db_path):
        _load(db, db_path, paths, files, debug)


def _load(db, db_path, paths, files, debug) -> None:
    import sqlite3

    from boardpapers.db.load import load_extraction, record_failure, run

    from .export import read_json

    failures = 0
    with run(db, "load", paths) as r:
        for path in files:
            try:
                extraction = read_json(path)
                outcome = load_extraction(db, extraction)
                r.count(outcome)
                click.echo(f"{summary_line(path, extraction)} [{outcome}]", err=True)
            except sqlite3.Error:
                raise
            except Exception as error:  # noqa: BLE001
                failures += 1
                r.count("failed")
                report_failure(path, error, debug)
                record_failure(db, path, error, code="load_failed")
    click.echo(
        f"{len(files) - failures} of {len(files)} files loaded into {db_path}"
        + (f"; {failures} failed" if failures else ""),
        err=True,
    )
    from boardpapers.db.load import finish_db

    finish_db(db)
    if failures:
        sys.exit(1)


def _link(db, db_path: str) -> None:
    """Read the loaded records, derive the cross-paper tables (extract/linking), write them (db)."""
    from boardpapers.db.link import read_linkable, write_links
    from boardpapers.db.load import LoadError

    from .linking.derive import derive_links

    try:
        links = derive_links(read_linkable(db))
        write_links(db, links.tables)
        click.echo(f"linked: {links.summary}", err=True)
    except LoadError as e:
        raise click.ClickException(f"{db_path}: {e}") from None


@main.command()
@db_option
def link(db_path: str) -> None:
    """Link records across papers: people and their name variants, actions followed up in later
    papers (with a status), and community-safety themes. Also run at the end of ``build``."""
    from boardpapers.db.load import finish_db, finish_loading

    db = _open_db(db_path)
    with _database_errors(db_path):
        finish_loading(db)
        _link(db, db_path)
        finish_db(db)


@main.command()
@click.argument("db_path", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Host to listen on (0.0.0.0 exposes it to the network)."
)
@click.option("-p", "--port", default=8001, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--papers",
    "papers_dir",
    type=click.Path(exists=True, file_okay=False),
    help="Folder to look in (by file name) for papers no longer where they were built from. "
    "Only loaded papers are served, found by their document id.",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="Also answer requests for this host name (repeatable; '*' for any). By default only "
    "localhost names and the --host address are answered (a guard against DNS rebinding).",
)
def serve(db_path: str, host: str, port: int, papers_dir: str | None, allow_hosts: tuple[str, ...]) -> None:
    """Browse a database in Datasette, read-only, with links to each record's paper and page."""
    from boardpapers.db.guard import SQLITE_HEADER, refuse_if_building
    from boardpapers.db.hosts import allowed_hosts
    from boardpapers.db.load import LoadError, is_unfinished
    from boardpapers.db.serve import serve as serve_db

    with open(db_path, "rb") as f:
        if not f.read(16).startswith(SQLITE_HEADER):
            raise click.ClickException(f"{db_path}: not a SQLite database (build one with boardpapers build)")
    try:
        refuse_if_building(db_path)
    except LoadError as e:
        raise click.ClickException(f"{db_path}: {e}") from None
    if is_unfinished(db_path):  # served as it is, its search boxes would find nothing
        raise click.ClickException(
            f"{db_path}: a build was interrupted before it built the search index; "
            "run the same build again to finish it (loaded papers are kept)"
        )
    allowed = allowed_hosts(host, allow_hosts)
    click.echo(
        f"Serving {db_path} at http://{host}:{port}/ (Ctrl-C to stop); answering host names: {', '.join(allowed)}",
        err=True,
    )
    serve_db(db_path, host=host, port=port, papers_dir=papers_dir, allowed_hosts=allowed)


if __name__ == "__main__":
    main()
