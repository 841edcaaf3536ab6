"""The front door for a scrutiny officer (issue 19), through Datasette's own test client: the home
page's three journeys, one search, person and meeting pages, records in their papers, canned
queries that open as forms, table views that read from their text, not from hash ids."""

from __future__ import annotations

import asyncio
import re
from urllib.parse import unquote

import pytest
from click.testing import CliRunner
from datasette_client import get

from boardpapers.db.load import load_extraction, open_db
from boardpapers.db.metadata import INTERNAL_COLUMNS, build_metadata
from boardpapers.db.plugin import search_words
from boardpapers.db.serve import make_datasette
from boardpapers.extract.cli import main

HASH = re.compile(r"^[0-9a-f]{16}$")


def fetch(ds, path: str):
    return asyncio.run(ds.client.get(path))


@pytest.fixture(scope="module")
def site(tmp_path_factory, corpus_loads):
    """The corpus, loaded and linked (people, statuses, themes), served."""
    db_path = tmp_path_factory.mktemp("front") / "boardpapers.db"
    db = open_db(db_path)
    for extraction, pages, path in corpus_loads:
        load_extraction(db, extraction, pages=pages, source_path=path, papers_file=path.name)
    db.close()
    result = CliRunner().invoke(main, ["link", "--db", str(db_path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    ds = make_datasette(db_path)
    asyncio.run(ds.invoke_startup())
    return ds


def hrefs(page: str, pattern: str) -> list[str]:
    """Links of a page whose href matches ``pattern``, unescaped."""
    return [h.replace("&amp;", "&") for h in re.findall(r'href="([^"]+)"', page) if re.search(pattern, h)]


def test_search_words_never_make_a_syntax_error():
    assert search_words("") == '""' and search_words(None) == '""' and search_words('"') == '""'
    assert search_words('domestic "abuse') == '"domestic" "abuse"'
    assert search_words("NEAR(a b) OR c*") == '"NEAR(a" "b)" "OR" "c*"'


def test_the_home_page_is_the_three_journeys(site):
    page = get(site, "/").text
    assert 'action="/-/find"' in page and 'name="q"' in page
    assert 'action="/-/person"' in page and "Everything assigned to a person" in page
    assert 'action="/boardpapers/compare_theme"' in page and 'action="/boardpapers/compare_indicator"' in page
    themes = re.findall(r'<option value="([^"]+)"', page)
    assert "Domestic abuse and sexual violence" in themes
    assert hrefs(page, r"^/-/person/[0-9a-f]{16}$")  # the people with most actions, one click away


def test_the_database_page_opens_on_the_questions_not_on_sql(site):
    page = get(site, "/boardpapers").text
    assert page.index('id="queries"') < page.index('id="sql-editor"')
    assert "<summary>Write your own SQL</summary>" in page


@pytest.mark.parametrize("name", sorted(build_metadata("boardpapers")["databases"]["boardpapers"]["queries"]))
def test_every_canned_query_opens_as_a_form_without_sql_or_error(site, name):
    response = fetch(site, f"/boardpapers/{name}")
    assert response.status_code == 200, response.text[:300]
    page = response.text
    assert "syntax error" not in page and "message-error" not in page
    assert 'id="sql-editor"' not in page  # hide_sql: the SQL is behind "show"
    assert "_hide_sql=0" in page or "_show_sql=1" in page
    assert fetch(site, f"/boardpapers/{name}.json").status_code == 200


def tables_and_views(ds) -> list[str]:
    db = ds.get_database("boardpapers")
    names = asyncio.run(db.table_names()) + asyncio.run(db.view_names())
    hidden = set(asyncio.run(db.hidden_table_names()))
    return [n for n in names if n not in hidden]


@pytest.mark.slow  # every table and view of the database: ~2 s
def test_no_hash_is_the_first_visible_column_of_a_table_view(site):
    checked = 0
    for table in tables_and_views(site):
        page = fetch(site, f"/boardpapers/{table}").text
        if 'class="rows-and-columns"' not in page:
            continue
        body = page.split('class="rows-and-columns"')[1]
        first_column = re.search(r'data-column="([^"]+)"', body).group(1)
        first_row = body.split("<tbody>")[1].split("</tr>")[0]
        first_cell = re.sub(r"<[^>]+>", "", re.search(r"<td[^>]*>(.*?)</td>", first_row, re.S).group(1)).strip()
        assert first_column not in ("id", "person_id", "document_id", "action_id", "record_id"), table
        assert not HASH.match(first_cell), (table, first_column, first_cell)
        for column in INTERNAL_COLUMNS:
            assert f'data-column="{column}"' not in body, (table, column)
        checked += 1
    assert checked >= 20


def test_internal_columns_stay_on_the_row_page_and_in_json(site):
    rows = get(site, "/boardpapers/decisions.json?_shape=array&_size=1").json()
    assert "parser" in rows[0] and "lines" in rows[0]
    page = get(site, f"/boardpapers/decisions/{rows[0]['id']}").text
    assert 'data-column="parser"' in page


def test_lists_show_as_lists_and_owners_as_links(site):
    page = get(site, "/boardpapers/people?name=Lisa+Wills").text
    assert "[&#34;" not in page and '["' not in page and "&quot;]" not in page
    actions = get(site, "/boardpapers/actions?_search=pathway+analysis").text
    assert 'href="/-/person?name=Lisa+Wills"' in actions and 'href="/-/person?name=Barry+Dickinson"' in actions


def test_one_search_finds_decisions_actions_indicators_and_pages(site):
    page = get(site, "/-/find?q=domestic+abuse").text
    for section in ("found-decisions", "found-actions", "found-indicators", "found-document_pages"):
        assert f'id="{section}"' in page
    assert "<mark>Domestic</mark> <mark>Abuse</mark>" in page
    decision = page.split('id="found-decisions"')[1].split("</section>")[0]
    (link,) = hrefs(decision, r"^/-/source/")
    assert re.match(r"^/-/source/[0-9a-f]{16}\?page=3&lines=\d+-\d+$", link)
    assert get(site, "/-/find").status_code == 200 and get(site, "/-/find?q=%22").status_code == 200


def test_a_text_record_opens_in_its_paper_with_its_lines_highlighted(site):
    page = get(site, "/-/find?q=domestic+abuse").text.split('id="found-decisions"')[1]
    link = hrefs(page, r"^/-/source/")[0]
    first, last = map(int, re.search(r"lines=(\d+)-(\d+)", link).groups())
    source = get(site, link.split("#")[0])
    assert source.headers["content-type"].startswith("text/html") and "charset=utf-8" in source.headers["content-type"]
    hits = re.findall(r'class="bp-line bp-hit" id="L(\d+)"', source.text)
    assert [int(n) for n in hits] == list(range(first, last + 1))
    assert "Domestic Abuse" in source.text
    raw = hrefs(source.text, r"^/papers/[0-9a-f]{16}/.+#page=3$")
    assert raw and get(site, raw[0].split("#")[0]).headers["content-type"] == "text/plain; charset=utf-8"


def test_a_person_page_from_an_action(site):
    actions = get(site, "/boardpapers/actions?_search=pathway+analysis").text
    link = hrefs(actions, r"^/-/person\?name=Lisa")[0]
    response = fetch(site, link)
    assert response.status_code == 302
    person = get(site, response.headers["location"]).text
    assert "<h1>Lisa Wills</h1>" in person
    opened = re.search(r"Open actions: (\d+)", person)
    assert opened and int(opened.group(1)) >= 5
    # Her 2016 plan activities are planned (a plan's activity nobody has reported on), her 2009
    # matters arising in progress in their own words; no later meeting of the body is in the corpus,
    # so nothing can be overdue (overdue needs the meeting that should have reported it).
    assert 'class="bp-status-planned">planned' in person and "overdue" not in person.split("Open actions")[1][:3000]
    assert "Meetings: 1" in person and hrefs(person, r"^/-/meeting/[0-9a-f]{16}$")


def test_a_name_of_several_people_or_none_lists_them(site):
    page = get(site, "/-/person?name=David").text
    assert len(hrefs(page, r"^/-/person/[0-9a-f]{16}$")) >= 2
    page = get(site, "/-/person?name=Nobody+Atall").text
    assert "No person of that name" in page and hrefs(page, r"everything_assigned_to\?owner=")
    assert fetch(site, "/-/person/0000000000000000").status_code == 404


def test_a_meeting_page_has_attendance_items_decisions_and_actions(site):
    decisions = get(site, "/boardpapers/decisions?doc_type=minutes").text
    (meeting,) = set(hrefs(decisions, r"^/-/meeting/[0-9a-f]{16}$"))
    page = get(site, meeting).text
    assert re.search(r"Attendance: (\d+)", page).group(1) == "23"
    assert "Matters Arising from the Minutes" in page and "<strong>Decided</strong>" in page
    assert "<strong>Actions</strong>" in page and hrefs(page, r"^/-/person/[0-9a-f]{16}$")
    numbers = re.findall(r"<h3>([0-9]+(?:\([ivx]+\))?)\. ", page)
    assert numbers[:6] == ["1", "2", "3", "4", "4(i)", "4(ii)"]  # the order of the minutes
    assert page.index("<strong>present</strong>") < page.index("<strong>apologies</strong>")
    assert fetch(site, "/-/meeting/0000000000000000").status_code == 404


def test_the_theme_comparison_links_its_chart(site):
    page = get(site, "/boardpapers/compare_theme?theme=Domestic+abuse+and+sexual+violence").text
    places = set(re.findall(r'<td class="col-place[^"]*">([^<]+)</td>', page))
    assert {"Peterborough", "Plymouth", "Portsmouth"} <= places
    assert "#g.mark=bar&g.x_column=place" in page


def test_source_pages_refuse_what_is_not_a_loaded_paper(site):
    assert fetch(site, "/-/source/0000000000000000?page=1").status_code == 404
    assert fetch(site, "/-/page-image/0000000000000000/1.png").status_code == 404
    doc = get(site, "/boardpapers/documents.json?_shape=array&_size=1").json()[0]
    assert fetch(site, f"/-/page-image/{doc['id']}/1.png").status_code == 404  # a text paper has no image
    page = get(site, f"/-/source/{doc['id']}?page=1&lines=x&box=1,2").text  # odd arguments: the paper, no error
    assert unquote(doc["papers_file"]) in page


def test_views_and_their_columns_are_described():
    tables = build_metadata("boardpapers")["databases"]["boardpapers"]["tables"]
    for view in ("open_actions", "actions_by_owner", "theme_by_place", "indicators_by_place"):
        assert tables[view]["description"] and tables[view]["columns"], view
    assert tables["open_actions"]["columns"]["due_date"].startswith("Deadline")
    assert tables["actions_by_owner"]["columns"]["papers"] == "Papers they come from"


def test_row_and_query_pages_are_titled_by_what_they_show(site):
    row = get(site, "/boardpapers/decisions.json?_shape=array&_size=1").json()[0]
    page = get(site, f"/boardpapers/decisions/{row['id']}").text
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1).strip()
    assert not HASH.match(title.split(":")[0]) and row["text"][:30] in title
    query = get(site, "/boardpapers/compare_theme").text
    assert re.search(r"<title>\s*Compare a theme across places\s*</title>", query)


def test_the_date_facet_shows_dates_as_written(site):
    facets = get(site, "/boardpapers/actions.json?_size=0").json()["facet_results"]
    dates = {f["value"] for f in facets.get("results", facets)["date"]["results"]}
    assert "2016" in dates and "2009-12-03" in dates and not any(str(d).startswith("-") for d in dates)
