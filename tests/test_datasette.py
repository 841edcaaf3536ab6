"""The served site, through Datasette's own test client: the three journeys, facets,
canned queries, links to the papers, charts, escaping."""

from __future__ import annotations

import asyncio
import html
from pathlib import Path

import pytest
from datasette_client import get

from boardpapers.db.load import load_extraction, open_db
from boardpapers.db.serve import make_datasette
from boardpapers.schemas.document import Document
from boardpapers.schemas.records import Decision, Extraction, Provenance

GOLD = Path(__file__).parent.parent / "corpus" / "gold"
EVIL = '<script>alert("owned")</script><b>bold</b>'


EVIL_FILE = b"page one\n\n---\n\npage two " + EVIL.encode()
EVIL_ID = Document.content_id(EVIL_FILE)  # /papers/ serves a paper only while its bytes match its id


def evil_paper() -> Extraction:
    doc_id = EVIL_ID
    prov = Provenance(document_id=doc_id, page=2, text=EVIL, parser="test", parser_version="1")
    return Extraction(
        source="evil-paper.txt",
        doc_id=doc_id,
        source_kind="text",
        page_count=2,
        doc_type="minutes",
        title="Evil <i>paper</i>",
        body="Safer Testing Partnership",
        place="Testham",
        date="2020-01-02",
        decisions=[Decision(text=f"Agreed to fund the rainbow project {EVIL}", provenance=prov)],
        parser_version="test",
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory, corpus_loads):
    folder = tmp_path_factory.mktemp("site")
    papers = folder / "papers"
    papers.mkdir()
    (papers / "evil-paper.txt").write_bytes(EVIL_FILE)
    db_path = folder / "boardpapers.db"
    db = open_db(db_path)
    for extraction, pages, path in corpus_loads:
        load_extraction(db, extraction, pages=pages, source_path=path, papers_file=path.name)
    load_extraction(
        db, evil_paper(), pages=[(1, "page one"), (2, "page two " + EVIL)], source_path=papers / "evil-paper.txt"
    )
    db.close()
    ds = make_datasette(db_path, papers_dir=papers)
    asyncio.run(ds.invoke_startup())
    return ds


def test_search_finds_a_known_decision(site):
    rows = get(site, "/boardpapers/decisions.json?_search=approved+correct+record&_shape=array").json()
    assert any("minutes were approved as a correct record" in r["text"] for r in rows)
    page = get(site, "/boardpapers/decisions?_search=correct+record").text
    assert "approved as a correct record" in page


def test_the_decisions_query_stems_words_and_survives_quotes(site):
    rows = get(site, "/boardpapers/decisions_mentioning.json?words=funds&_shape=array").json()
    assert any("rainbow project" in r["text"] for r in rows)  # 'funds' finds 'fund'
    get(site, "/boardpapers/decisions_mentioning.json?words=%22unbalanced&_shape=array")  # no FTS syntax error


def test_an_owner_page_lists_actions_from_more_than_one_paper(site):
    rows = get(site, "/boardpapers/everything_assigned_to.json?owner=Lisa+Wills&_shape=array").json()
    assert rows and all(r["owner"] == "Lisa Wills" for r in rows)
    assert len({r["document_id"] for r in rows}) >= 2
    assert {r["date"][:4] for r in rows} == {"2009", "2016"}
    page = get(site, "/boardpapers/action_owners?owner=Lisa+Wills").text
    assert "Lisa Wills" in page and "rows where owner = " in page.replace("&quot;", "")
    summary = get(site, "/boardpapers/actions_by_owner.json?owner=Lisa+Wills&_shape=array").json()
    assert summary[0]["papers"] == 2


def test_facets_are_configured_and_work(site):
    data = get(site, "/boardpapers/actions.json?_size=0").json()
    facets = data["facet_results"]
    facets = facets.get("results", facets)  # Datasette 1.0 nests them
    # One facet value per owner: "A; B" and "B; A" are the same two owners (issue 19).
    assert {"owners", "kind", "place", "year"} <= set(facets)
    owners = {f["value"]: f["count"] for f in facets["owners"]["results"]}
    assert "Lisa Wills" in owners and not any(";" in o for o in owners)
    assert (
        owners["Lisa Wills"]
        == get(site, "/boardpapers/actions.json?owners__arraycontains=Lisa+Wills").json()["filtered_table_rows_count"]
    )
    array = get(site, "/boardpapers/actions.json?_size=0&_facet_array=owners").json()["facet_results"]
    assert "Lisa Wills" in {f["value"] for f in array.get("results", array)["owners"]["results"]}
    decisions = get(site, "/boardpapers/decisions.json?_size=0").json()["facet_results"]
    assert {"body", "place", "doc_type", "year"} <= set(decisions.get("results", decisions))
    assert "suggested_facets" not in data or not data["suggested_facets"]


def test_tables_sort_newest_first(site):
    rows = get(site, "/boardpapers/decisions.json?_shape=array&_col=date").json()
    dates = [r["date"] for r in rows if r["date"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(
    "path",
    [
        "/boardpapers/actions_due_before.json?date=2030-01-01",
        "/boardpapers/compare_indicator.json?indicator=crime",
        "/boardpapers/pages_mentioning.json?words=rainbow",
        "/boardpapers/open_actions.json",
        "/boardpapers/decisions_over_time.json",
        "/boardpapers/indicators_by_place.json",
        "/boardpapers/table_cells.json?column_name__exact=Lead",
    ],
)
def test_canned_queries_and_views_answer(site, path):
    get(site, path)


def test_compare_an_indicator_across_places(site):
    rows = get(site, "/boardpapers/compare_indicator.json?indicator=crime&_shape=array&_size=max").json()
    assert {"Peterborough", "Plymouth"} <= {r["place"] for r in rows}
    assert all(isinstance(r["value"], float) for r in rows)


def test_compare_shows_the_latest_figure_of_this_years_series_with_its_full_period(site):
    rows = get(
        site, "/boardpapers/compare_indicator.json?indicator=referrals+to+Domestic+Abuse&_shape=array&_size=max"
    ).json()
    plymouth = [r for r in rows if r["place"] == "Plymouth"]
    latest = [r for r in plymouth if r["figure"] == "latest"]
    # The 2016/17 cumulative figure for Q2, not last year's Q4 row beside it nor the change row.
    assert [(r["series"], r["period"], r["value"]) for r in latest] == [("Cumulative (2016/17)", "2016/17 Q2", 1044)]
    assert {r["figure"] for r in plymouth if r["series"] == "Monthly 2015/16"} == {"comparator"}


def test_the_database_page_lists_the_journeys_and_licence(site):
    page = get(site, "/boardpapers").text
    for title in ("Decisions mentioning", "Everything assigned to", "Actions due before", "Compare an indicator"):
        assert html.escape(title, quote=False) in page or title in page
    assert "Open Government Licence v3.0" in page


def test_column_descriptions_are_shown(site):
    page = get(site, "/boardpapers/actions").text
    assert "What the owner was asked to do" in page


def test_records_link_to_their_paper_and_page(site):
    page = get(site, "/boardpapers/decisions?_search=rainbow").text
    # The link opens the record in its paper (db/front.py); that page links the raw file.
    assert f'<a href="/-/source/{EVIL_ID}?page=2">evil-paper.txt, page 2</a>' in page
    source = get(site, f"/-/source/{EVIL_ID}?page=2").text
    assert f'href="/papers/{EVIL_ID}/evil-paper.txt#page=2"' in source and "page two" in source
    paper = get(site, f"/papers/{EVIL_ID}/evil-paper.txt")
    assert "page two" in paper.text and paper.headers["content-type"] == "text/plain; charset=utf-8"


def test_html_in_a_paper_is_shown_escaped(site):
    for path in (
        "/boardpapers/decisions?_search=rainbow",
        "/boardpapers/document_pages",
        "/boardpapers/pages_mentioning?words=rainbow",
        "/boardpapers/documents",
        f"/-/source/{EVIL_ID}?page=2&lines=3-3",
        "/-/find?q=rainbow",
        "/-/find?q=" + EVIL,
    ):
        page = get(site, path).text
        assert '<script>alert("owned")' not in page, path
        assert "<b>bold</b>" not in page and "<i>paper</i>" not in page, path
    assert "&lt;script&gt;" in get(site, "/boardpapers/decisions?_search=rainbow").text


def test_charts_plugin_is_served_from_the_package(site):
    page = get(site, "/boardpapers/indicator_values").text
    assert "/-/static-plugins/datasette_vega/" in page
    script = page.split("/-/static-plugins/datasette_vega/")[1].split('"')[0]
    assert script.endswith(".js") or script.endswith(".css")
    asset = get(site, f"/-/static-plugins/datasette_vega/{script}")
    assert len(asset.content) > 1000
    assert "cdn." not in page and "unpkg.com" not in page


def test_served_connections_are_memory_mapped(site):
    from boardpapers.db.plugin import MMAP_BYTES

    result = asyncio.run(site.get_database("boardpapers").execute("pragma mmap_size"))
    assert result.rows[0][0] == MMAP_BYTES
