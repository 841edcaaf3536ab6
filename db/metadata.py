"""Datasette metadata, generated from the schemas: titles, descriptions, facets, queries.

Column descriptions are the Pydantic ``Field(description=...)`` texts of the record models.
Fields the models leave undescribed get the wording in :data:`FIELD_FALLBACKS` (better
moved into ``schemas/records.py``); a test fails when a column has neither.
"""

from __future__ import annotations

from boardpapers.schemas.records import DocumentMeta, IndicatorValue

from .link_schema import (
    FULL_PERIOD,
    LATEST_ORDER,
    LINK_QUERIES,
    LINK_TABLE_DESCRIPTIONS,
    LINK_VIEWS,
    link_column_descriptions,
)
from .schema import (
    DENORMALISED,
    DENORMALISED_DESCRIPTIONS,
    DENORMALISED_TABLES,
    PROVENANCE_COLUMNS,
    PROVENANCE_DESCRIPTIONS,
    RECORD_TABLES,
    table_specs,
)

TITLE = "Community safety partnership papers"
DESCRIPTION = (
    "Records extracted from the papers of UK community safety partnerships: plans, minutes, "
    "agenda packs, performance and scrutiny reports. Every record links to the paper and page "
    "it was read from. Start with a search of decisions, actions and the papers' pages, "
    "everything assigned to a person, or a theme or indicator compared across places."
)
LICENSE = "Open Government Licence v3.0"
LICENSE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
SOURCE = "Papers published by UK councils and community safety partnerships (each document names its source file)"

TABLE_DESCRIPTIONS = {
    "documents": "One row per paper loaded: its type, body, place and date, and a link to the file",
    "document_pages": "Full text of each page, for searching the papers themselves",
    "meetings": "The meeting a set of minutes or an agenda is for: date, times, venue",
    "sections": "Labelled parts of a document (agenda packs bundle several papers)",
    "items": "Agenda or minute items",
    "attendees": "People present, giving apologies or in attendance at a meeting",
    "decisions": "What a meeting or panel decided, resolved, agreed or recommended",
    "actions": "Tasks with an owner: minutes actions, delivery-plan activities, recommendations with an 'action by'",
    "action_owners": "One row per owner of an action: everything assigned to a person, post or group",
    "indicators": "Measures a paper tracks, with lead officer, target and commentary",
    "indicator_values": "Each value of an indicator series: compare places and periods, chart a series",
    "tables": "Every table in the papers: header, size and body rows (JSON)",
    "table_cells": "Every cell of every table (row 0 is the header)",
    "figures": "Figures stated in prose: '1,149 serious acquisitive crimes recorded, a reduction of 74'",
    "priorities": "Priorities a plan names",
    "progress": "Rows of progress tables: an aim and what the paper says of it",
    "conclusions": "Conclusions of scrutiny reports",
    "witnesses": "Witnesses heard by a scrutiny panel",
    "problems": "Soft problems met while extracting (unresolved owners, unparsed tables) and files that failed to build",
    "runs": "Each build or load: when it ran, how long it took, what it loaded. The only place wall-clock time is kept",
    "_schema": "Schema version of this database",
    "_link_state": "What the link tables were last computed from (a warm re-build skips linking when it matches)",
    **LINK_TABLE_DESCRIPTIONS,
}

FIELD_FALLBACKS = {
    "body": "Partnership, board, panel or committee",
    "date": "Date, ISO (YYYY, YYYY-MM or YYYY-MM-DD)",
    "venue": "Where the meeting was held",
    "title": "Title as written",
    "first_page": "First page of the section",
    "last_page": "Last page of the section",
    "status": "Status as written",
    "item": "Agenda or minute item the record belongs to",
    "kind": "minutes_action, plan_activity or recommendation",
    "name": "Name as written",
    "owner": "Lead officer or owner as written (several joined with '; ')",
    "owners": "Each owner separately (JSON list)",
    "unit": "count, %, rate, £ ...",
    "monitoring_only": "1 when the indicator is tracked without a target",
    "values": "The indicator's values (JSON); one row each in indicator_values",
    "flags": "Soft problems with this record (JSON list)",
    "n_cols": "Number of columns",
    "pages": "Pages it spans",
    "value": "The number",
    "period": "Period the value is for: YYYY-MM, Qn, YYYY/YY financial year or YYYY",
    "period_as_written": "The period as the paper writes it",
    "sentence": "The sentence the figure was read from",
    "description": "Description as written",
    "lead": "Lead officer or organisation",
    "aim": "The aim as written",
    "progress": "Progress as the paper reports it",
    "theme": "Priority, theme or outcome it sits under",
    "text": "The text as written",
    "role": "Role, post or organisation as written",
    "documents": "Documents the witness gave",
    "severity": "warning or error",
    "message": "What went wrong, with the evidence",
}

EXTRA_COLUMNS = {
    "documents": {
        "id": "Content hash of the file (first 16 hex digits of sha256)",
        "paper": "The paper's name: file name without extension (a PDF and its text rendering are one paper)",
        "source_path": "Where the file was when it was built",
        "page_count": "Number of pages",
        "year": "Year of the paper's date",
        "parser_version": "Version of the extraction that made the records",
        "metadata_evidence": "For each field, the source text it was read from (JSON)",
        "papers_file": "File name of the rendering the records were read from, served at /papers/<id>/<name>",
        "source_url": "Link to the paper",
        "extraction_hash": "Hash of the whole extraction: a re-load with the same hash changes nothing",
        "source_kind": "pdf, text or docx",
        "origin_url": "The paper's address on the council's website, where `boardpapers fetch` found it",
    },
    "document_pages": {
        "document_id": "The paper",
        "page": "1-based page",
        "text": "Text of the page",
        "source_url": "Link to the paper at this page",
    },
    "action_owners": {
        "action_id": "The action",
        "owner": "One owner of the action",
        "position": "Order of the owner in the action's list",
        "document_id": "The paper",
        "due_date": "The action's deadline, ISO",
        "status": "The action's status as written",
        "kind": "minutes_action, plan_activity or recommendation",
    },
    "indicator_values": {
        "indicator_id": "The indicator",
        "position": "Order of the value in the series",
        "document_id": "The paper",
        "indicator": "Name of the indicator",
        "page": "1-based page the value came from",
        "box": "Box on the PDF page, where known",
    },
    "table_cells": {
        "table_id": "The table",
        "row": "Row number (0 = header, 1 = first body row)",
        "col": "Column number, from 0",
        "document_id": "The paper",
        "header": "1 for header cells",
        "column_name": "The column's header text",
        "text": "Cell text",
    },
    "problems": {
        "source": "File name, for files that failed to build (they have no document row; source_text has the full path)"
    },
    "runs": {
        "id": "Run number",
        "command": "build or load",
        "started": "UTC start time",
        "finished": "UTC end time",
        "seconds": "Wall-clock seconds",
        "paths": "Paths given (JSON)",
        "loaded": "Documents loaded for the first time",
        "replaced": "Documents that replaced an earlier version",
        "unchanged": "Documents already loaded, left as they were",
        "failed": "Files that could not be extracted or loaded",
        "parser_version": "Version of the parsers used",
        "duplicates": "Files whose bytes are a paper already loaded from another file (loaded once)",
        "skipped": "Files met but not read (other formats, hidden files, links out of the folder, PDF twins ...)",
    },
    "_schema": {"version": "Schema version"},
    "_link_state": {"id": "Always 1", "fingerprint": "Hash of the loaded documents and their extractions"},
    **link_column_descriptions(),
}

FACETS = {
    "documents": ["doc_type", "place", "body", "year"],
    # "date" as written, not Datasette's date facet: SQLite's date() reads a plan's "2016" as a
    # Julian day (-4707-06-01) and a "2016-03" as nothing; the year facet groups by year.
    "decisions": ["body", "place", "doc_type", "year", "date", "kind"],
    # An array facet on "owners", not the joined "owner": "A; B" and "B; A" are the same two
    # owners (issue 19). It costs: at 100k actions the page took ~400 ms against ~190 ms with
    # the indexed "owner" facet; action_owners (one row per owner) keeps the fast facet.
    "actions": [{"array": "owners"}, "kind", "status", "place", "body", "doc_type", "year", "date"],
    "action_owners": ["owner", "kind", "status", "place", "year"],
    "indicators": ["place", "body", "doc_type", "year", "owner"],
    "indicator_values": ["indicator", "place", "period", "unit"],
    "attendees": ["status"],
    "figures": ["unit", "place", "year"],
    "problems": ["code", "severity", "parser"],
    "tables": ["parser"],
    "person_mentions": ["role", "place", "year"],
    "person_merges": ["decision", "rule"],
    "action_status": ["status", "body", "kind"],
    "action_followups": ["status", "rule"],
    "record_themes": ["theme_label", "place", "record_table", "year"],
}
SORT_DESC = {
    "documents": "date",
    "decisions": "date",
    "actions": "date",
    "indicators": "date",
    "meetings": "date",
    "runs": "id",
    "figures": "date",
    "person_mentions": "date",
    "action_status": "date",
    "action_followups": "later_date",
    "record_themes": "year",
}
# Tables without a date: a readable order rather than the hash ids (issue 19: "sorted by hash").
SORT = {
    "people": "name",
    "attendees": "name",
    "items": "page",
    "sections": "first_page",
    "tables": "page",
    "priorities": "page",
    "progress": "page",
    "conclusions": "page",
    "witnesses": "name",
    "problems": "code",
    "document_pages": "page",
    "person_merges": "name_a",
    "action_owners": "owner",
    "indicator_values": "indicator",
}
LABEL_COLUMNS = {
    "people": "name",
    "documents": "title",
    "actions": "text",
    "decisions": "text",
    "indicators": "name",
    "tables": "title",
    "meetings": "date",
    "items": "title",
    "attendees": "name",
    "sections": "title",
    "priorities": "name",
}

# datasette-vega reads a chart's settings from the URL fragment.
CHART = (
    "#g.mark=line&g.x_column=period&g.x_type=ordinal&g.y_column=value&g.y_type=quantitative"
    "&g.color_column=series&g.color_type=nominal"
)

QUERIES = {
    "decisions_mentioning": {
        "title": "Decisions mentioning …",
        "description": "Full-text search of past decisions (porter stemming: 'fund' finds 'funding'). "
        "Words are matched anywhere in the decision, its item or its body.",
        "sql": """select d.date, d.place, d.body, d.item, d.text, d.kind, d.document_id, d.page, d.source_url
from decisions_fts f join decisions d on d.rowid = f.rowid
where decisions_fts match search_words(:words)
order by d.date desc, rank
limit 200""",
    },
    "everything_assigned_to": {
        "title": "Actions by owner as written …",
        "description": "Every action whose owner, as the paper writes it, contains the words (a name, post or group; "
        "part of a name is enough), across all papers, newest first. Initials and posts are not resolved "
        "here: for a person, with 'LW' and their post counted as them, use Everything assigned to a person.",
        "sql": """select o.owner, a.text, a.due, a.due_date, a.status, a.kind, a.place, a.body, a.date,
  a.document_id, a.page, a.source_url
from action_owners o join actions a on a.id = o.action_id
where o.owner like '%' || :owner || '%'
order by a.date desc, a.due_date""",
    },
    "actions_due_before": {
        "title": "Actions due before …",
        "description": "Actions with a deadline before a date (YYYY-MM-DD) that are not marked complete.",
        "sql": """select due_date, due, owner, text, status, place, body, date, document_id, page, source_url
from open_actions
where due_date is not null and due_date < :date
order by due_date""",
    },
    "compare_indicator": {
        "title": "Compare an indicator across places",
        "description_html": "Values of every indicator whose name or series contains the words, by place and "
        "period, each period in full (a quarter with its year: <em>2013/14 Q2</em>). In each "
        "place the latest figure of the current series is marked <em>latest</em>; last "
        "year's figures and averages to compare with are marked <em>comparator</em> and are "
        "never the latest. To chart them, use <em>Show charting options</em> (datasette-vega): "
        "period as X, value as Y, place or series as colour; for example "
        f'<a href="?indicator=Overall+Crime{CHART}">Overall Crime as a line chart</a>.',
        "sql": f"""with v as (
  select v.*, {FULL_PERIOD} as full_period
  from indicator_values v
  where v.indicator like '%' || :indicator || '%' or v.series like '%' || :indicator || '%'
), ranked as (
  select v.*, row_number() over (partition by v.place, v.indicator order by {LATEST_ORDER}) as n from v
)
select place, body, indicator, series, full_period as period, value, unit, raw,
  case when n = 1 and coalesce(role, '') = '' then 'latest' else role end as figure,
  year, document_id, page, source_url
from ranked
order by indicator, place, period_end is null, period_end, series""",
    },
    "pages_mentioning": {
        "title": "Pages of the papers mentioning …",
        "description": "Full-text search of the papers themselves, page by page.",
        "sql": """select d.title, d.place, d.date, p.page, snippet(document_pages_fts, 0, '[', ']', ' … ', 24) as snippet,
  p.document_id, p.source_url
from document_pages_fts f join document_pages p on p.rowid = f.rowid join documents d on d.id = p.document_id
where document_pages_fts match search_words(:words)
order by rank
limit 200""",
    },
}


# Columns of the record tables a reader does not need in the default table view: how the
# record was made and where on the page. They stay in the JSON, the CSV and each row's page.
INTERNAL_COLUMNS = (
    "parser",
    "parser_version",
    "box",
    "lines",
    "extraction_hash",
    "metadata_evidence",
    "source_path",
    "papers_file",
)

# Columns holding hash ids: shown after the record's own columns in a table view, never first.
HASH_COLUMNS = (
    "id",
    "person_id",
    "document_id",
    "action_id",
    "record_id",
    "table_id",
    "indicator_id",
    "evidence_id",
    "later_id",
    "later_document_id",
    "evidence_document_id",
)

# A chart of how much each place's papers say on a theme (datasette-vega reads the fragment).
THEME_CHART = (
    "#g.mark=bar&g.x_column=place&g.x_type=nominal&g.y_column=indicators&g.y_type=quantitative"
    "&g.color_column=place&g.color_type=nominal"
)


def front_door_queries() -> dict[str, dict]:
    """Every canned query as a reader meets it: a form and the results, the SQL one click away
    (issue 19: SQL above every result, 37 lines on one)."""
    queries = {name: dict(q) for name, q in {**QUERIES, **LINK_QUERIES}.items()}
    for q in queries.values():
        q["hide_sql"] = True
    theme = queries.get("compare_theme")
    if theme is not None:
        theme["description_html"] = (
            theme.get("description_html", "")
            + f' To chart it: <a href="?theme=domestic+abuse{THEME_CHART}">indicators per place</a> as a bar chart'
            " (of the theme asked for; domestic abuse until one is; more in <em>Show charting options</em>)."
        )
    return queries


def column_descriptions() -> dict[str, dict[str, str]]:
    """Every column of every table, described: the first of these that has words wins."""
    models = {table: model for table, (model, _) in RECORD_TABLES.items()}
    models.update(indicator_values=IndicatorValue, documents=DocumentMeta)
    out: dict[str, dict[str, str]] = {}
    for spec in table_specs():
        model = models.get(spec.name)
        cols: dict[str, str] = {}
        for col in spec.columns:
            field = model.model_fields.get(col) if model is not None else None
            cols[col] = (
                EXTRA_COLUMNS.get(spec.name, {}).get(col)
                or (PROVENANCE_DESCRIPTIONS.get(col) if col == "id" or col in PROVENANCE_COLUMNS else None)
                or (
                    DENORMALISED_DESCRIPTIONS[col] if spec.name in DENORMALISED_TABLES and col in DENORMALISED else None
                )
                or (field.description if field is not None else None)
                or FIELD_FALLBACKS.get(col, "")
            )
        out[spec.name] = cols
    out["_schema"] = dict(EXTRA_COLUMNS["_schema"])
    out["_link_state"] = dict(EXTRA_COLUMNS["_link_state"])
    return out


# Each view's columns are described as the table it reads (a superset: Datasette shows the
# descriptions of the columns a page has), plus what the view adds.
VIEW_SOURCES = {
    "actions_by_owner": "action_owners",
    "open_actions": "actions",
    "decisions_over_time": "decisions",
    "indicators_by_place": "indicator_values",
    "theme_by_place": "record_themes",
    "open_actions_followed": "action_status",
}
VIEW_COLUMNS = {
    "actions_by_owner": {
        "actions": "Actions with this owner",
        "papers": "Papers they come from",
        "places": "Places of those papers",
        "first_date": "Date of the earliest paper",
        "last_date": "Date of the latest paper",
    },
    "decisions_over_time": {"decisions": "Decisions that year", "papers": "Papers they come from"},
    "theme_by_place": {
        "theme": "Theme as shown",
        "priorities": "Priorities on the theme",
        "indicators": "Indicators on the theme",
        "decisions": "Decisions on the theme",
        "actions": "Actions on the theme",
        "papers": "Papers with records on the theme",
        "first_year": "Earliest year",
        "last_year": "Latest year",
        "leads": "Lead officers and owners of those indicators and actions",
        "theme_key": "Theme key",
    },
}


def build_metadata(database: str = "boardpapers") -> dict:
    """Datasette metadata for a boardpapers database named ``database`` (the file's stem)."""
    tables: dict[str, dict] = {}
    for table, cols in column_descriptions().items():
        t: dict = {"description": TABLE_DESCRIPTIONS[table], "columns": cols}
        if table in FACETS:
            t["facets"] = FACETS[table]
        if table in SORT_DESC:
            t["sort_desc"] = SORT_DESC[table]
        elif table in SORT:
            t["sort"] = SORT[table]
        if table in LABEL_COLUMNS:
            t["label_column"] = LABEL_COLUMNS[table]
        if table.startswith("_"):
            t["hidden"] = True
        tables[table] = t
    described = column_descriptions()
    for view, description in {
        "actions_by_owner": "Owners with how many actions, in how many papers and places",
        "open_actions": "Actions not done or dropped (the link step's status, with its evidence), soonest deadline first",
        "decisions_over_time": "Decisions per year, place and body",
        "indicators_by_place": "Indicator values by indicator, place and period",
        **{name: description for name, (description, _) in LINK_VIEWS.items()},
    }.items():
        source = VIEW_SOURCES.get(view)
        tables[view] = {
            "description": description,
            "columns": {**(described.get(source, {}) if source else {}), **VIEW_COLUMNS.get(view, {})},
        }
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "license": LICENSE,
        "license_url": LICENSE_URL,
        "source": SOURCE,
        "databases": {
            database: {
                "title": TITLE,
                "description": DESCRIPTION,
                "license": LICENSE,
                "license_url": LICENSE_URL,
                "source": SOURCE,
                "tables": tables,
                "queries": front_door_queries(),
            }
        },
    }
