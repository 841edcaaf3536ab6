"""The front door: ``boardpapers extract | eval | schema`` (and ``build | load | serve``).

Thin on purpose: each command parses its flags, calls one library function per document
and turns library errors into one clear line per file and an exit code. A bad file never
stops the batch: the others go on, and the exit code is non-zero at the end.
"""
from __future__ import annotations

import json
import logging
import sys
import traceback
from pathlib import Path

import click

from boardpapers.schemas.errors import BoardpapersError

INPUT_SUFFIXES = {".pdf", ".txt", ".md"}


def expand_inputs(paths: tuple[str, ...]) -> list[Path]:
    """Files as given; folders give their .pdf/.txt/.md files, sorted."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES))
        else:
            out.append(p)
    return out


def summary_line(path: Path, extraction) -> str:
    e = extraction
    return (f"{path.name}: {e.doc_type or 'unknown type'}, {len(e.decisions)} decisions, {len(e.actions)} actions, "
            f"{len(e.indicators)} indicators, {len(e.tables)} tables, {len(e.attendees)} attendees, "
            f"{len(e.problems)} problems")


def report_failure(path: Path, error: Exception, debug: bool) -> None:
    from pydantic import ValidationError

    from boardpapers.schemas.errors import format_validation_error

    if isinstance(error, BoardpapersError):
        message = str(error) if error.document else f"{path}: {error}"
    elif isinstance(error, ValidationError):
        # pydantic's own text is 3 lines a field with URLs; one "field.path: message" line each (issue 8).
        lines = format_validation_error(error)
        message = f"{path}: {len(lines)} invalid field(s) in {error.title}" + "".join(f"\n  {line}" for line in lines[:20])
    else:
        message = f"{path}: unexpected {type(error).__name__}: {error}"
    click.secho(f"error: {message}", fg="red", err=True)
    if debug:
        traceback.print_exception(error, file=sys.stderr)


debug_option = click.option("--debug", is_flag=True, help="Show tracebacks for failures.")
password_option = click.option("--password", default=None, help="Password for encrypted PDFs.")
jobs_option = click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(min=0),
                           help="Worker processes extracting papers in parallel (0: one per CPU). "
                                "Output and its order are the same for any value.")


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
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder for DIR/<input stem>.json.")
@password_option
@jobs_option
@debug_option
def extract(paths: tuple[str, ...], out_dir: str, password: str | None, jobs: int, debug: bool) -> None:
    """Extract records from papers (PDF or text renderings) into one JSON file each."""
    from .export import write_json
    from .parallel import extract_file, ordered_map

    files = expand_inputs(paths)
    failures = 0
    results = ordered_map(extract_file, [(path, password) for path in files], _jobs(jobs))
    with click.progressbar(results, length=len(files), label="extracting", file=sys.stderr, show_pos=True,
                           item_show_func=lambda r: r[0][0].name if r else "") as bar:
        bar.is_hidden = len(files) < 2 or not sys.stderr.isatty()
        for (path, _), extraction, error in bar:
            try:
                if error is not None:
                    raise error
                write_json(extraction, out_dir, path.stem)
                click.echo(summary_line(path, extraction), err=True)
            except Exception as error:  # noqa: BLE001 - one bad file must not stop the batch
                failures += 1
                report_failure(path, error, debug)
    click.echo(f"{len(files) - failures} of {len(files)} documents extracted to {out_dir}"
               + (f"; {failures} failed" if failures else ""), err=True)
    if failures:
        sys.exit(1)


@main.command("eval")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--gold", "gold_dir", required=True, type=click.Path(exists=True, file_okay=False), help="Folder of gold JSON files.")
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
            pred = json.loads(path.read_text()) if path.suffix == ".json" else json.loads(to_json(extract_path(path, password=password)))
        except Exception as error:  # noqa: BLE001
            report_failure(path, error, debug)
            pred = {}
        result = ev.score_document(json.loads(gold_path.read_text()), pred)
        per_doc[path.name] = {"overall_f1": ev.overall(result), "kinds": result}
        ev.add(total, result)
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


NOT_PAPERS = {"README", "LICENSE", "LICENCE", "CHANGELOG", "NOTES"}  # a folder's own notes, not papers


def choose_renderings(files: list[Path], prefer: str = "text") -> list[tuple[Path, Path | None]]:
    """One rendering per paper: ``report.pdf`` and ``report.txt`` in one folder are the same paper.

    Loading both would double every record, so each paper is built once, from the preferred
    rendering, with the other kept as a fallback should the preferred one fail to read.
    """
    groups: dict[tuple[Path, str], list[Path]] = {}
    for f in files:
        groups.setdefault((f.parent, f.stem), []).append(f)
    out = []
    for group in groups.values():
        rank = (lambda f: f.suffix.lower() != ".pdf") if prefer == "pdf" else (lambda f: f.suffix.lower() == ".pdf")
        group = sorted(group, key=lambda f: (rank(f), f.suffix))
        out.append((group[0], group[1] if len(group) > 1 else None))
    return out


db_option = click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False),
                         help="SQLite database file (created if missing).")


def _open_db(db_path: str, *, bulk: bool = False):
    from boardpapers.db.load import LoadError, open_db

    try:
        return open_db(db_path, bulk=bulk)
    except LoadError as e:
        raise click.ClickException(f"{db_path}: {e}") from None


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--prefer", type=click.Choice(["text", "pdf"]), default="text", show_default=True,
              help="Which rendering to load when a paper has both a PDF and a text twin (the other is the fallback).")
@password_option
@jobs_option
@debug_option
def build(paths: tuple[str, ...], db_path: str, prefer: str, password: str | None, jobs: int, debug: bool) -> None:
    """Extract papers and load their records and page texts into a SQLite database.

    Papers already in the database from the same file (same content hash, same parser
    version) are skipped before they are read, so a re-build only reads what changed.
    """
    from boardpapers.db.load import is_loaded, load_extraction, record_failure, run

    from . import PARSER_VERSION
    from .parallel import build_file, ordered_map

    db = _open_db(db_path, bulk=True)
    named = {Path(p) for p in paths}
    files = [f for f in expand_inputs(paths) if f in named or f.stem.upper() not in NOT_PAPERS]
    papers = choose_renderings(files, prefer)
    todo = [(path, twin, password) for path, twin in papers if not is_loaded(db, path, PARSER_VERSION)]
    skipped = len(papers) - len(todo)
    failures = 0
    with run(db, "build", paths, PARSER_VERSION) as r:
        r.counts["unchanged"] += skipped
        for (path, _, _), built, error in ordered_map(build_file, todo, _jobs(jobs)):
            try:
                if error is not None:
                    raise error
                used, extraction = built.used, built.extraction
                if built.fallback_error is not None:
                    click.secho(f"warning: {path}: cannot read ({built.fallback_error}); loading {used.name} instead",
                                fg="yellow", err=True)
                    record_failure(db, path, built.fallback_error, code="rendering_unreadable", severity="warning")
                outcome = load_extraction(db, extraction, pages=built.pages, source_path=used.resolve(),
                                          papers_file=used.name)
                r.count(outcome)
                click.echo(f"{summary_line(used, extraction)} [{outcome}]", err=True)
            except Exception as error:  # noqa: BLE001 - one bad file must not stop the batch
                failures += 1
                r.count("failed")
                report_failure(path, error, debug)
                record_failure(db, path, error)
    if skipped:
        click.echo(f"{skipped} unchanged, skipped", err=True)
    click.echo(f"{len(papers) - failures} of {len(papers)} papers in {db_path}"
               + (f"; {failures} failed (see the problems table)" if failures else ""), err=True)
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
    from boardpapers.db.load import load_extraction, record_failure, run

    from .export import read_json

    files = [f for p in map(Path, paths) for f in (sorted(p.glob("*.json")) if p.is_dir() else [p])]
    db = _open_db(db_path, bulk=True)
    failures = 0
    with run(db, "load", paths) as r:
        for path in files:
            try:
                extraction = read_json(path)
                outcome = load_extraction(db, extraction)
                r.count(outcome)
                click.echo(f"{summary_line(path, extraction)} [{outcome}]", err=True)
            except Exception as error:  # noqa: BLE001
                failures += 1
                r.count("failed")
                report_failure(path, error, debug)
                record_failure(db, path, error, code="load_failed")
    click.echo(f"{len(files) - failures} of {len(files)} files loaded into {db_path}"
               + (f"; {failures} failed" if failures else ""), err=True)
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
    finish_loading(db)
    _link(db, db_path)
    finish_db(db)


@main.command()
@click.argument("db_path", type=click.Path(exists=True, dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True, help="Host to listen on (0.0.0.0 exposes it to the network).")
@click.option("-p", "--port", default=8001, show_default=True, type=int, help="Port to listen on.")
@click.option("--papers", "papers_dir", type=click.Path(exists=True, file_okay=False),
              help="Folder of the source papers to serve at /papers/ (default: where they were built from).")
def serve(db_path: str, host: str, port: int, papers_dir: str | None) -> None:
    """Browse a database in Datasette, read-only, with links to each record's paper and page."""
    from boardpapers.db.load import is_unfinished
    from boardpapers.db.serve import serve as serve_db

    if is_unfinished(db_path):  # served as it is, its search boxes would find nothing
        raise click.ClickException(f"{db_path}: a build was interrupted before it built the search index; "
                                   "run the same build again to finish it (loaded papers are kept)")
    click.echo(f"Serving {db_path} at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    serve_db(db_path, host=host, port=port, papers_dir=papers_dir)


if __name__ == "__main__":
    main()
