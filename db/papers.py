"""``/papers/<document id>/<file name>``: the loaded papers themselves, and nothing else.

Until issue 14 ``/papers/`` was a static mount of the folder the papers came from: every file
in it could be downloaded (``.env``, private notes, ``.docx``), ``.html`` and ``.svg`` files ran
their scripts on the site's origin, names with spaces or accents did not resolve, and papers
from two folders had no links at all. Now a paper is looked up by its document id in the
database, read from the path it was loaded from (or, with ``serve --papers DIR``, by its file
name in DIR), and served only when its bytes still hash to that id: a file changed or swapped
since the build is refused, and no other file can be reached. A PDF is served as
``application/pdf``; any other paper as ``text/plain; charset=utf-8``, never as HTML.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import quote

from datasette.utils.asgi import Response

from boardpapers.schemas.files import read_bytes, shown

ROUTE = r"^/papers/(?P<document_id>[0-9a-f]{16})(?:/(?P<name>[^/]*))?$"
ANYTHING_ELSE = r"^/papers(?:/.*)?$"  # every other path under /papers/: a plain 404, no folder behind it
# No sniffing into HTML; no scripts, plugins or frames even if a browser tried.
_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "Cache-Control": "no-cache"}
_TEXT_CSP = "default-src 'none'; sandbox"


def _not_found(message: str) -> Response:
    return Response.text(message + "\n", status=404, headers=dict(_HEADERS))


def candidates(source_path: str | None, papers_file: str | None, papers_dir: str | None) -> list[Path]:
    """Where the paper's file may be: where it was loaded from, then by name in ``--papers DIR``.

    A stored path is text (:func:`shown`); a file name that was not UTF-8 is found again by
    listing its folder for the name that shows the same.
    """
    out: list[Path] = []
    if source_path:
        out.append(Path(source_path))
        if "%" in source_path:
            folder = Path(source_path).parent
            try:
                out.extend(f for f in folder.iterdir() if shown(f) == source_path)
            except OSError:
                pass
    if papers_dir and papers_file:
        out.append(Path(papers_dir) / Path(papers_file).name)
    return out


def paper_response(document_id: str, data: bytes, papers_file: str | None) -> Response:
    """The paper's bytes as PDF or as UTF-8 text; never anything a browser would run."""
    from boardpapers.schemas.files import is_pdf

    name = papers_file or f"{document_id}"
    if is_pdf(data):
        headers = {**_HEADERS, "Content-Disposition": f"inline; filename*=UTF-8''{quote(name, safe='')}"}
        return Response(data, status=200, headers=headers, content_type="application/pdf")
    from boardpapers.schemas.files import decode

    try:
        text = decode(data, name)
    except Exception:  # noqa: BLE001 - loaded as text once; if it no longer decodes, show the bytes
        text = data.decode("utf-8", "replace")
    headers = {
        **_HEADERS,
        "Content-Security-Policy": _TEXT_CSP,
        "Content-Disposition": f"inline; filename*=UTF-8''{quote(name, safe='')}",
    }
    return Response(text.encode("utf-8"), status=200, headers=headers, content_type="text/plain; charset=utf-8")


def served_database(datasette):
    """The boardpapers database of this Datasette: the first one that is not Datasette's own."""
    return next((d for name, d in datasette.databases.items() if not name.startswith("_")), None)


class PaperMissing(Exception):
    """The paper cannot be served: not in the database, or its file is gone or changed."""


async def paper_bytes(datasette, document_id: str) -> tuple[dict, bytes]:
    """The document's row and the bytes of its file, found where it was loaded from (or by name in
    ``--papers DIR``) and only while they still hash to the document id."""
    db = served_database(datasette)
    if db is None:
        raise PaperMissing("no database")
    try:
        result = await db.execute(
            "select id, title, source_path, papers_file, source_kind, page_count, doc_type, source_url "
            "from documents where id = ?",
            [document_id],
        )
    except Exception:  # noqa: BLE001 - not a boardpapers database
        raise PaperMissing("no such paper") from None
    row = result.first()
    if row is None:
        raise PaperMissing("no such paper in this database")
    row = dict(row)
    config = datasette.plugin_config("boardpapers") or {}
    for path in candidates(row["source_path"], row["papers_file"], config.get("papers_dir")):
        try:
            data = read_bytes(path)
        except Exception:  # noqa: BLE001 - missing, moved, not a regular file: try the next place
            continue
        if hashlib.sha256(data).hexdigest()[:16] == document_id:
            return row, data
    raise PaperMissing(
        "the paper's file is no longer where it was loaded from, or has changed since: "
        "run the build again (or serve --papers DIR to say where the papers are now)"
    )


async def serve_paper(request, datasette) -> Response:
    document_id = request.url_vars["document_id"]
    try:
        row, data = await paper_bytes(datasette, document_id)
    except PaperMissing as e:
        return _not_found(str(e))
    return paper_response(document_id, data, row["papers_file"])


async def no_such_paper(request, datasette) -> Response:
    return _not_found("only loaded papers are served here, as /papers/<document id>/<file name>")
