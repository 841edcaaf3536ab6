"""Tables, views, descriptions and canned queries of the cross-document step (``boardpapers link``).

Kept apart from :mod:`boardpapers.db.schema` (which adds these to its specs) so the
link step's shapes and their documentation sit together. Every column is described here;
:mod:`boardpapers.db.metadata` merges these into the Datasette metadata.
"""

from __future__ import annotations

from boardpapers.schemas.records import OPEN_STATUSES

# A value's period in full: a quarter or month with the year it belongs to ("2013/14 Q2").
FULL_PERIOD = (
    "case when v.period_year is not null and v.period like 'Q%' then v.period_year || ' ' || v.period "
    "else coalesce(v.period, v.period_year) end"
)
# The latest figure of a series first: the series itself before its comparators, then the period
# that ends last, then the series written first (a total before the change beside it).
LATEST_ORDER = "coalesce(v.role, '') = '' desc, v.period_end is not null desc, v.period_end desc, v.position"


# table -> (columns {name: (type, description)}, primary key, foreign keys)
LINK_TABLES: dict[str, tuple[dict[str, tuple[type, str]], str | tuple[str, ...], list[tuple[str, str, str]]]] = {
    "people": (
        {
            "person_id": (str, "Id of the person: hash of the place and the canonical name"),
            "name": (str, "The spelling the papers use most (titles dropped)"),
            "variants": (str, "Every spelling seen, JSON list; person_merges says why each was merged"),
            "organisations": (str, "Organisations written beside the name (JSON list)"),
            "roles": (str, "Roles and posts written beside the name (JSON list)"),
            "places": (str, "Places of the papers naming the person (JSON list)"),
            "mentions": (int, "Records naming the person"),
            "papers": (int, "Papers naming the person"),
            "first_date": (str, "Date of the earliest paper naming the person"),
            "last_date": (str, "Date of the latest paper naming the person"),
        },
        "person_id",
        [],
    ),
    "person_mentions": (
        {
            "person_id": (str, "The person"),
            "name": (str, "The person's canonical name"),
            "role": (
                str,
                "Part the person plays in the record: attendee, action owner, indicator owner, witness, lead",
            ),
            "as_written": (str, "The name, initials or post as the record writes it"),
            "resolved_by": (
                str,
                "How the record's text was resolved to the person (initials, post, spelling), with the evidence",
            ),
            "detail": (str, "Attendance status, role as written, or the record's own words"),
            "record_table": (str, "Table of the record naming the person"),
            "record_id": (str, "Id of that record"),
            "text": (str, "The record's text (action, indicator, attendance entry ...)"),
            "document_id": (str, "The paper"),
            "page": (int, "1-based page of the record"),
            "source_text": (str, "The source text the record was read from"),
            "place": (str, "City or council area of the paper"),
            "body": (str, "Partnership, board or panel of the paper"),
            "doc_type": (str, "plan, minutes, scrutiny_report, agenda_pack, performance_report or report"),
            "date": (str, "Date of the paper, ISO"),
            "year": (int, "Year of that date"),
            "source_url": (str, "Link to the paper, opened at the record's page"),
        },
        ("person_id", "record_table", "record_id", "role"),
        [("person_id", "people", "person_id"), ("document_id", "documents", "id")],
    ),
    "person_merges": (
        {
            "name_a": (str, "One spelling (titles dropped)"),
            "name_b": (str, "The other spelling"),
            "place_a": (str, "Place of the papers writing name_a"),
            "place_b": (str, "Place of the papers writing name_b"),
            "score": (float, "How alike (0-100): whole names, or surnames for the spelling rule"),
            "rule": (
                str,
                "same name, nickname, spelling, initial, different first names, different surnames, same name, different places, "
                "same name, paper without a place",
            ),
            "evidence": (str, "Why the rule fired, in words"),
            "decision": (str, "merged or kept apart"),
            "reviewed": (int, "Set to 1 after changing decision by hand: the next link run keeps your decision"),
        },
        ("name_a", "place_a", "name_b", "place_b"),
        [],
    ),
    "action_followups": (
        {
            "action_id": (str, "The earlier action"),
            "later_document_id": (str, "The later paper that reports on it"),
            "later_table": (
                str,
                "Table of the later record: actions (matters arising, action log, plan), decisions, items",
            ),
            "later_id": (str, "Id of the later record"),
            "later_date": (str, "Date of the later paper"),
            "page": (int, "Page of the later record"),
            "evidence": (str, "The later record's status and progress as written (else its text)"),
            "later_text": (str, "Text of the later record"),
            "status": (str, "open, in progress, done, dropped, overdue (not done by the deadline), mentioned"),
            "stated": (str, "The words the status was read from"),
            "score": (float, "Text similarity 0-100 (plus 10 for a shared owner)"),
            "rule": (str, "text, text + owner, agenda item, or log row of the meeting that set it"),
            "body": (str, "Partnership, board or panel of both papers"),
            "source_url": (str, "Link to the later paper at the record's page"),
        },
        ("action_id", "later_document_id"),
        [("action_id", "actions", "id"), ("later_document_id", "documents", "id")],
    ),
    "action_status": (
        {
            "action_id": (str, "The action"),
            "status": (
                str,
                "Latest status: open, planned (a plan's activity not yet reported on), in progress, done, dropped, "
                "or overdue (the deadline passed before a later meeting of the body that did not report it done)",
            ),
            "stated": (str, "The words the status was read from"),
            "evidence": (str, "Evidence text: the latest follow-up's status and progress, or the action's own"),
            "evidence_table": (str, "Table of the record the evidence came from (empty: the action itself)"),
            "evidence_id": (str, "Id of that record"),
            "evidence_document_id": (str, "Paper the evidence came from"),
            "evidence_date": (str, "Date of that paper"),
            "as_of": (str, "Earliest date of the paper the status is judged from"),
            "due_date": (
                str,
                "Deadline, ISO: the action's; a month without a year after the meeting that set it; "
                "'next meeting' as the date of the body's next meeting paper",
            ),
            "followups": (int, "Later records found reporting on the action"),
            "follow_up_of": (str, "The earlier action this one reports on, when it is itself a follow-up"),
            "set_on": (str, "Date of the meeting that set the action (an action log's row date, else the minutes')"),
            "text": (str, "The action as written"),
            "owner": (str, "Owners joined with '; '"),
            "kind": (str, "minutes_action, plan_activity or recommendation"),
            "body": (str, "Partnership, board or panel"),
            "place": (str, "City or council area"),
            "date": (str, "Date of the paper that set the action"),
            "document_id": (str, "The paper that set the action"),
            "source_url": (str, "Link to the paper at the action's page"),
        },
        "action_id",
        [("action_id", "actions", "id"), ("document_id", "documents", "id")],
    ),
    "record_themes": (
        {
            "record_table": (str, "priorities, indicators, decisions or actions"),
            "record_id": (str, "Id of the record"),
            "theme": (str, "Theme key (see extract/themes.py): domestic_abuse, anti_social_behaviour ..."),
            "theme_label": (str, "Theme as shown: 'Domestic abuse and sexual violence' ..."),
            "matched": (str, "The words that matched, as written ('; ' between several)"),
            "field": (
                str,
                "The record's fields that named the theme ('name; theme'): its own words first; the heading "
                "(theme, description) only when its own words give no theme",
            ),
            "text": (str, "The record's name or text"),
            "document_id": (str, "The paper"),
            "page": (int, "1-based page of the record"),
            "place": (str, "City or council area"),
            "body": (str, "Partnership, board or panel"),
            "year": (int, "Year of the paper"),
            "source_url": (str, "Link to the paper at the record's page"),
        },
        ("record_table", "record_id", "theme"),
        [("document_id", "documents", "id")],
    ),
    "theme_aliases": (
        {
            "alias": (str, "A word for a theme, lower case: its key, label, phrases and acronyms ('asb', 'vawg')"),
            "theme": (str, "The theme key"),
        },
        "alias",
        [],
    ),
    "paper_dates": (
        {
            "document_id": (str, "The paper"),
            "date": (str, "Its date as stated (may be a year or a month)"),
            "earliest": (str, "Earliest day it may be from, ISO"),
            "latest": (str, "Latest day it may be from, ISO"),
            "basis": (str, "Why: the stated date as a range, narrowed by the meetings its rows report"),
        },
        "document_id",
        [("document_id", "documents", "id")],
    ),
}

LINK_INDEXES = {
    "person_mentions": [["document_id"], ["role"], ["name"]],
    "people": [["name"]],
    "action_followups": [["later_document_id"]],
    "action_status": [["status"], ["body"]],
    "record_themes": [["theme"], ["place"], ["document_id"]],
}

LINK_TABLE_DESCRIPTIONS = {
    "people": "One row per person across all papers: name variants merged with evidence (see person_merges)",
    "person_mentions": "Every record naming a person: attendee, action owner, indicator owner, witness, lead",
    "person_merges": "Name pairs considered for merging, with score, rule, evidence and decision: review and override here",
    "action_followups": "Later papers of the same body reporting on an action: matters arising, action logs, plans",
    "action_status": "Latest status of every action, with the evidence and the paper it came from",
    "record_themes": "Community-safety themes of priorities, indicators, decisions and actions, with the matched words",
    "theme_aliases": "Words a query may use for a theme (ASB, DA, VAWG, anti-social behaviour ...), to its key",
    "paper_dates": "When each paper was written, as a range (a paper dated only by its year is any day of it), and why",
}

OPEN = "(" + ", ".join(f"'{s}'" for s in OPEN_STATUSES) + ")"

LINK_VIEWS: dict[str, tuple[str, str]] = {
    "theme_by_place": (
        "Themes each place's papers address: records per theme and place, with lead officers",
        """
select t.theme_label as theme, t.place,
  sum(t.record_table = 'priorities') as priorities, sum(t.record_table = 'indicators') as indicators,
  sum(t.record_table = 'decisions') as decisions, sum(t.record_table = 'actions') as actions,
  count(distinct t.document_id) as papers, min(t.year) as first_year, max(t.year) as last_year,
  (select group_concat(owner, '; ') from (select distinct coalesce(i.owner, a.owner) as owner
     from record_themes u left join indicators i on u.record_table = 'indicators' and i.id = u.record_id
     left join actions a on u.record_table = 'actions' and a.id = u.record_id
     where u.theme = t.theme and u.place is t.place and coalesce(i.owner, a.owner) is not null)) as leads,
  t.theme as theme_key
from record_themes t group by t.theme, t.place order by t.theme_label, t.place""",
    ),
    "open_actions_followed": (
        "Actions still open, in progress or overdue after following them through later papers",
        f"""
select s.status, s.text, s.owner, s.due_date, s.evidence, s.evidence_date, s.as_of, s.body, s.place, s.date,
  s.kind, s.followups, s.action_id, s.document_id, s.source_url
from action_status s where s.status in {OPEN} and s.follow_up_of is null
order by s.body, s.due_date is null, s.due_date, s.date""",
    ),
}

LINK_QUERIES = {
    "person": {
        "title": "A person across the papers",
        "description": "Every record naming a person (part of a name or a variant spelling is enough): "
        "meetings attended, actions and indicators owned, evidence given, with how initials and "
        "posts were resolved.",
        "sql": """select m.name, m.role, m.date, m.place, m.body, m.doc_type, m.text, m.as_written, m.resolved_by, m.detail,
  m.record_table, m.record_id, m.document_id, m.page, m.source_url
from person_mentions m join people p on p.person_id = m.person_id
where p.name like '%' || :name || '%' or p.variants like '%' || :name || '%'
order by m.date, m.role""",
    },
    "assigned_to_person": {
        "title": "Everything assigned to a person",
        "description": "Actions and indicators a person owns across all papers, with initials and posts resolved to "
        "the person, and each action's latest status from later papers.",
        "sql": """select m.name, m.role, m.date, m.place, m.body, m.text, m.as_written, m.resolved_by,
  s.status, s.evidence, s.due_date, m.record_table, m.record_id, m.document_id, m.page, m.source_url
from person_mentions m join people p on p.person_id = m.person_id
left join action_status s on m.record_table = 'actions' and s.action_id = m.record_id
where (p.name like '%' || :name || '%' or p.variants like '%' || :name || '%')
  and m.role in ('action owner', 'indicator owner', 'lead')
order by m.date, m.record_table""",
    },
    "open_actions_of": {
        "title": "Open actions of a body",
        "description": "Actions of a partnership, board or panel (part of its name) still open, in progress or overdue "
        "after following them through its later papers, with the evidence.",
        "sql": f"""select s.status, s.text, s.owner, s.due_date, s.evidence, s.evidence_date, s.as_of, s.date, s.kind,
  s.body, s.place, s.followups, s.action_id, s.document_id, s.source_url
from action_status s
where s.body like '%' || :body || '%' and s.status in {OPEN} and s.follow_up_of is null
order by s.status = 'overdue' desc, s.due_date is null, s.due_date, s.date""",
    },
    "action_history": {
        "title": "An action followed through later papers",
        "description": "Later mentions of actions whose text contains the words: matters arising, action-log progress, "
        "plan updates, with the status each gives.",
        "sql": """select a.date, a.text, a.owner, f.later_date, f.status, f.evidence, f.score, f.rule, f.later_table,
  f.action_id, f.later_document_id, f.page, f.source_url
from action_followups f join actions a on a.id = f.action_id
where a.text like '%' || :words || '%'
order by a.date, f.later_date""",
    },
    "compare_theme": {
        "title": "Compare a theme across places",
        "description_html": "One row per place for a theme (e.g. <em>domestic abuse</em>, <em>ASB</em>, "
        "<em>alcohol</em>; the key or the label): the priorities its papers name on the theme (a plan's "
        "priority, or the priority a report files indicators under), its indicators "
        "with their targets and latest figures, and its lead officers. See "
        "<code>record_themes</code> for the words matched.",
        "sql": f"""with t as (
  select * from record_themes
  where theme in (select theme from theme_aliases where alias = lower(trim(:theme)))
    or theme = lower(replace(trim(:theme), ' ', '_')) or theme_label like '%' || trim(:theme) || '%'
), ind as (
  select i.* from indicators i join t on t.record_table = 'indicators' and t.record_id = i.id
), latest as (
  select v.indicator_id, v.value, v.unit, v.raw,
    {FULL_PERIOD} as period,
    row_number() over (partition by v.indicator_id order by {LATEST_ORDER}) as n
  from indicator_values v join ind on ind.id = v.indicator_id
), places as (select distinct place from t)
select p.place,
  (select group_concat(distinct body) from t where t.place is p.place) as bodies,
  (select group_concat(x, ' | ') from (
      select pr.name as x from priorities pr join t on t.record_table = 'priorities' and t.record_id = pr.id
        and t.field like 'name%' where t.place is p.place
      union select ind.theme from ind join t on t.record_table = 'indicators' and t.record_id = ind.id
        and t.field like '%theme%' where ind.place is p.place)) as priorities,
  (select count(*) from ind where ind.place is p.place) as indicators,
  (select group_concat(x, ' | ') from (select ind.name || ': ' || ind.target as x from ind
      where ind.place is p.place and ind.target is not null)) as targets,
  (select group_concat(x, ' | ') from (select ind.name || ' = ' || l.raw || coalesce(' (' || l.period || ')', '') as x
      from ind join latest l on l.indicator_id = ind.id and l.n = 1 where ind.place is p.place)) as latest_figures,
  (select count(*) from t where t.place is p.place and t.record_table in ('decisions', 'actions')) as decisions_and_actions,
  (select group_concat(o, '; ') from (select distinct coalesce(ind.owner, a.owner) as o from t
      left join ind on t.record_table = 'indicators' and ind.id = t.record_id
      left join actions a on t.record_table = 'actions' and a.id = t.record_id
      where t.place is p.place and coalesce(ind.owner, a.owner) is not null)) as leads,
  (select group_concat(distinct year) from t where t.place is p.place) as years
from places p order by p.place""",
    },
    "theme_records": {
        "title": "Records on a theme",
        "description": "Every priority, indicator, decision and action given a theme, with the words that matched.",
        "sql": """select theme_label, place, body, year, record_table, text, matched, field, record_id, document_id, page, source_url
from record_themes
where theme in (select theme from theme_aliases where alias = lower(trim(:theme)))
    or theme = lower(replace(trim(:theme), ' ', '_')) or theme_label like '%' || trim(:theme) || '%'
order by place, year, record_table""",
    },
}


def link_specs() -> list[tuple[str, dict[str, type], str | tuple[str, ...], list[tuple[str, str, str]]]]:
    return [(name, {c: t for c, (t, _) in cols.items()}, pk, fks) for name, (cols, pk, fks) in LINK_TABLES.items()]


def link_column_descriptions() -> dict[str, dict[str, str]]:
    return {name: {c: d for c, (_, d) in cols.items()} for name, (cols, _, _) in LINK_TABLES.items()}
