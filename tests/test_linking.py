"""Cross-document matching rules, each with a tiny inline case: names, posts, initials,
follow-up similarity and status words."""

import pytest

from boardpapers.extract.linking.followups import (
    Candidate,
    action_status,
    classify_status,
    followup_score,
    heading_of,
    is_overdue,
    match_followups,
)
from boardpapers.extract.linking.people import (
    NameNode,
    clean_name,
    cluster_names,
    compare_names,
    initials_holder,
    post_holder,
)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Councillor Rob New", "Rob New"),
        ("Cllr Robert New", "Robert New"),
        ("Dr Kieron O’Hara", "Kieron O’Hara"),
        ("Barry Dickinson ICS", "Barry Dickinson"),
        ("Lisa Wills", "Lisa Wills"),
        ("Wellbeing Service Manager", None),
        ("Police & PCC", None),
        ("ALL", None),
        ("Theme Champions", None),
        (None, None),
    ],
)
def test_clean_name_drops_titles_and_refuses_non_people(text, name):
    assert clean_name(text) == name


@pytest.mark.parametrize(
    "a, b, rule, merge",
    [
        ("Rob New", "Robert New", "nickname", True),  # titles already dropped by clean_name
        ("Dave Peacock", "David Peacock", "nickname", True),
        ("Jo Cookes", "Jo Crookes", "spelling", True),  # Portsmouth 2009: listed Cookes, written Crookes
        ("Jo Crookes", "Jo Crooks", "spelling", True),
        ("J Smith", "John Smith", "initial", True),
        ("Matt Smith", "Dave Smith", "different first names", False),
        ("Clair George", "Claire George", "nickname", True),
        ("Lisa Wills", "Lisa Wills", "same name", True),
    ],
)
def test_compare_names(a, b, rule, merge):
    m = compare_names(a, b)
    assert (m.rule, m.merge) == (rule, merge)
    assert m.evidence


@pytest.mark.parametrize(
    "a, b", [("David Williams", "David Peacock"), ("Jo York", "Jo Crookes"), ("Alan Knobel", "Alan Leonard")]
)
def test_same_first_name_different_surname_is_not_even_a_candidate(a, b):
    assert compare_names(a, b) is None


def test_clusters_merge_with_evidence_and_keep_places_apart():
    nodes = [
        NameNode("Jo Crookes", "Portsmouth", 7),
        NameNode("Jo Cookes", "Portsmouth", 1),
        NameNode("Jo Crooks", "Portsmouth", 1),
        NameNode("Matt Smith", "Portsmouth"),
        NameNode("Matt Smith", "Plymouth"),
        NameNode("Rob New", "Portsmouth"),
        NameNode("Robert New", "Portsmouth"),
    ]
    c = cluster_names(nodes)
    assert {c.person_of[(n, "Portsmouth")] for n in ("Jo Crookes", "Jo Cookes", "Jo Crooks")} == {"Jo Crookes"}
    assert c.person_of[("Rob New", "Portsmouth")] == "Robert New"  # the fuller first name on a tie
    decided = {(x.name, x.place, y.name, y.place): m for x, y, m in c.matches}
    apart = decided[("Matt Smith", "Plymouth", "Matt Smith", "Portsmouth")]
    assert (apart.rule, apart.merge) == ("same name, different places", False)
    # Cookes/Crooks alone fall below the bar; joined through Crookes, the row says so.
    through = decided[("Jo Cookes", "Portsmouth", "Jo Crooks", "Portsmouth")]
    assert through.merge and "merged through Jo Crookes" in through.evidence


def test_a_reviewed_decision_overrides_the_rule():
    nodes = [NameNode("Rob New", "Portsmouth"), NameNode("Robert New", "Portsmouth")]
    c = cluster_names(nodes, overrides={frozenset(("Rob New", "Robert New")): "kept apart"})
    assert c.person_of[("Rob New", "Portsmouth")] == "Rob New"
    assert not c.matches[0][2].merge and "reviewed: kept apart" in c.matches[0][2].evidence


def test_an_initial_that_fits_two_people_is_left_alone():
    nodes = [NameNode("J Smith", "Leeds"), NameNode("John Smith", "Leeds"), NameNode("Jane Smith", "Leeds")]
    c = cluster_names(nodes)
    assert len({c.person_of[(n.name, "Leeds")] for n in nodes}) == 3


def test_posts_resolve_to_the_one_person_who_holds_them():
    roles = [
        ("Lisa Wills", "Strategy and Partnership Manager, Regulatory Services, Community Safety"),
        ("Matt Smith", "Public Health Consultant"),
    ]
    name, evidence = post_holder("Strategy and Partnerships Manager", roles)
    assert name == "Lisa Wills" and "98% alike" in evidence
    assert post_holder("Director of Public Health", roles) is None
    assert post_holder("Hampshire Constabulary", roles) is None  # not a post


def test_initials_resolve_only_when_one_person_fits():
    assert initials_holder("LW", ["Lisa Wills", "Barry Dickinson"]) == "Lisa Wills"
    assert initials_holder("JF", ["James Fulton", "Jo Foster"]) is None
    assert initials_holder("L.W.", ["Lisa Wills", "Barry Dickinson"]) == "Lisa Wills"
    assert initials_holder("Lw", ["Lisa Wills"]) is None  # not written as initials


def test_all_is_everyone_not_someones_initials():
    # An action owned by "ALL" (the whole board) must not be pinned on the one attendee whose
    # initials happen to be A L L.
    assert initials_holder("ALL", ["Alan Leonard Lewis", "Lisa Wills"]) is None


@pytest.mark.parametrize(
    "text, heading",
    [
        ("SPP Communication Strategy (page 6): Lisa Wills reported that ...", "SPP Communication Strategy"),
        ("SPP Pot – ISVA: look at the BCU fund", "SPP Pot – ISVA"),
        ("Southsea ASB Problem Profile", "Southsea ASB Problem Profile"),
    ],
)
def test_heading_of(text, heading):
    assert heading_of(text) == heading


def test_similarity_of_a_matters_arising_heading_and_unrelated_text():
    same, shared = followup_score(
        "SPP Communication Strategy (page 6): Lisa Wills reported that consideration was deferred",
        "SPP Communication Strategy (page 6): the branding report was presented; complete",
    )
    assert same == 100 and {"communication", "strategy"} <= shared
    other, _ = followup_score("Review refuge contract", "SPP Communication Strategy (page 6): complete")
    assert other < 50


@pytest.mark.parametrize(
    "texts, status",
    [
        (("Complete",), "done"),
        (("Ongoing",), "in progress"),
        (("Dropped",), "dropped"),
        (("Not started",), "open"),
        (("not yet complete",), "in progress"),
        (("No longer required",), "dropped"),
        ((None, "the branding report was presented; complete"), "done"),
        (("On track", "not complete until March"), "in progress"),  # a status column decides before the progress text
        (("",), None),
        (("Plan in place",), "in progress"),  # a plan of the work, not the work
        (("procedures are now in place",), "done"),
        (("Carried forward",), "in progress"),
        (("Partially completed",), "in progress"),
        (("Deferred to the next meeting",), "in progress"),
        (("To complete the review by March",), None),  # still to do
        (("The report will be completed in June",), None),
    ],
)
def test_classify_status(texts, status):
    assert classify_status(*texts)[0] == status


@pytest.mark.parametrize("cell, status", [("Compete", "done"), ("Place in place", "in progress"), ("new", "open")])
def test_a_status_cell_with_a_slip_of_the_pen_is_read_as_the_phrase_it_nearly_is(cell, status):
    assert classify_status(cell, cell=True)[0] == status
    assert classify_status("a new cohort of cases")[0] is None  # 'new' is a status only as a whole cell


def test_overdue_counts_from_the_first_day_of_a_partial_date():
    assert is_overdue("in progress", "2010-01-31", "2010-03-11")
    assert not is_overdue("done", "2010-01-31", "2010-03-11")
    assert not is_overdue("open", "2016-06-30", "2016")  # a 2016 plan does not make June 2016 late
    assert is_overdue("open", "2016-06-30", "2017")


def _c(id, doc, date, text, owners=(), body="Safer Testham Partnership", **kw):
    return Candidate("actions", id, doc, date, body, text, set(owners), **kw)


def _meeting(doc, date, body="Safer Testham Partnership"):
    """The record of a later meeting's paper, as the link step passes it to action_status."""
    return Candidate("documents", doc, doc, date, body, "", doc_type="minutes")


def test_followups_same_body_later_only_with_status_and_overdue():
    a = _c("a1", "d1", "2009-12-03", "A&E & Ambulance Data collection", {"p1"})
    later = [
        _c(
            "b1",
            "d2",
            "2010-03-11",
            "A&E & Ambulance Data collection",
            {"p1"},
            status="Ongoing",
            progress="Ongoing",
            due_date="2010-01-31",
        ),
        _c("x1", "d0", "2009-01-01", "A&E & Ambulance Data collection", {"p1"}, status="Complete"),  # earlier
        _c(
            "y1", "d3", "2010-04-01", "A&E & Ambulance Data collection", {"p1"}, status="Complete", body="Another Board"
        ),
    ]  # another body
    found = match_followups([a], later)
    assert [(f.later.id, f.status, f.stated) for f in found] == [("b1", "overdue", "Ongoing")]
    s = action_status(a, found, [_meeting("d2", "2010-03-11")])
    assert (s.status, s.evidence_id, s.due_date) == ("overdue", "b1", "2010-01-31")
    assert "the minutes of 2010-03-11 should have reported it" in s.evidence


def test_an_agenda_request_is_done_when_the_next_meeting_has_the_item():
    a = _c("a1", "d1", "2009-12-03", "Total Place to be on the agenda for the next meeting - David Williams to lead")
    item = Candidate("items", "i1", "d2", "2010-01-14", "Safer Testham Partnership", "Total Place")
    other = _c("o1", "d2", "2010-01-14", "Jo Crookes offered information on Total Place")
    found = match_followups([a, other], [item])
    assert [(f.action_id, f.status, f.rule) for f in found] == [("a1", "done", "agenda item")]


def test_without_followups_the_status_is_the_actions_own():
    a = _c("a1", "d1", "2016-05-01", "Review refuge contract", due_date="2017-03-31")
    assert action_status(a, [], []).status == "open"
    # Overdue only with the paper that should have reported it: the body's next meeting after the deadline.
    late = action_status(a, [], [_meeting("d9", "2017-05-01")])
    assert late.status == "overdue" and "2017-05-01" in late.evidence
    # A meeting years on, with the meetings between missing, is no evidence either way.
    assert action_status(a, [], [_meeting("d9", "2023-05-01")]).status == "open"
    done = _c("a2", "d1", "2016", "Review refuge contract", status="Complete")
    assert action_status(done, [], [_meeting("d9", "2018-01-01")]).status == "done"


def test_a_plans_activity_is_planned_and_its_measure_is_no_status():
    activity = _c("p1", "d1", "2019", "Upgrade the toilets", kind="plan_activity", progress="Measure: ramps in place")
    s = action_status(activity, [], [])
    assert (s.status, s.stated) == ("planned", None)


def test_a_log_written_after_the_meetings_its_rows_report_follows_them():
    from boardpapers.extract.linking.chronology import paper_dates

    docs = [{"id": "m", "date": "2011-03-02"}, {"id": "log", "date": "2011"}]
    rows = [
        {"document_id": "log", "item": "02/03/2011"},
        {"document_id": "log", "item": "19/05/2011"},
        {"document_id": "log", "item": "19/11/2010"},
    ]
    dated = paper_dates(docs, rows)
    assert (dated["log"].earliest, dated["log"].latest) == ("2011-05-19", "2011-12-31")
    action = _c("a", "m", "2011-03-02", "Share the draft recommendations with the Board", paper=dated["m"])
    row = _c(
        "r",
        "log",
        "2011",
        "Share the draft recommendations with the Board",
        item="02/03/2011",
        status="Complete",
        paper=dated["log"],
    )
    found = match_followups([action, row], [action, row])
    assert [(f.action_id, f.later.id, f.status) for f in found] == [("a", "r", "done")]  # forward only
    assert found[0].rule.startswith("log row of the meeting")


def test_a_year_only_paper_whose_order_is_unknown_is_not_linked_and_says_so():
    a = _c("a", "m", "2011-03-02", "Share the draft recommendations with the Board")
    other = _c("o", "x", "2011", "Share the draft recommendations with the Board", status="Complete")
    unknown: dict = {}
    assert match_followups([a], [other], unknown) == []
    s = action_status(a, [], [], unknown["a"])
    assert s.status == "open" and "unknown" in s.evidence


@pytest.mark.parametrize(
    "text",
    ["Companies House", "Deer Park Road", "Parish Clerk", "Dyslexia Specialist Teacher", "Town Hall", "Cabinet Office"],
)
def test_an_organisation_place_or_post_is_no_person(text):
    assert clean_name(text) is None


@pytest.mark.parametrize("text", ["Richard Hall", "Claire Church", "Nicholas Church", "Chris White", "Jo May"])
def test_a_surname_that_is_also_a_place_word_is_still_a_person(text):
    assert clean_name(text) == text


@pytest.mark.parametrize(
    "a, b, merged",
    [
        ("J R Smith", "John Smith", True),
        ("J. R. Smith", "John Robert Smith", True),
        ("J R Smith", "John Paul Smith", None),  # plainly two people
        ("A B Jones", "Ann Smith", None),
    ],
)
def test_initials_of_any_length_against_full_names(a, b, merged):
    m = compare_names(a, b)
    assert (m.merge if m else None) == merged


def test_initials_of_any_length_meet_in_one_block():
    clusters = cluster_names([NameNode("J R Smith", "Testham"), NameNode("John Smith", "Testham")])
    assert clusters.person_of[("J R Smith", "Testham")] == clusters.person_of[("John Smith", "Testham")]


def test_a_paper_without_a_place_makes_no_other_council():
    nodes = [NameNode("Kay Dicken", "Devon"), NameNode("Kay Dicken", None)]
    clusters = cluster_names(nodes)
    assert clusters.place_of[("Kay Dicken", None)] == "Devon"
    assert any(m.rule == "same name, paper without a place" and m.merge for _, _, m in clusters.matches)
    # Two councils' namesakes stay apart, and a placeless paper cannot choose between them.
    two = cluster_names(
        [NameNode("Matt Smith", "Testham"), NameNode("Matt Smith", "Otherton"), NameNode("Matt Smith", None)]
    )
    assert len({two.place_of[k] for k in two.place_of}) == 3 or two.place_of[("Matt Smith", None)] is None


def test_one_person_per_name_in_a_list():
    from boardpapers.extract.linking.people import clean_names

    assert clean_names("Cllr Ann Lee, Cllr Bob Hart and Cllr Cy Moss") == ["Ann Lee", "Bob Hart", "Cy Moss"]
    assert clean_names("Smith and Jones Ltd") == []


@pytest.mark.parametrize(
    "text, name, roles, orgs",
    [
        ("Chair (RC)", "R. Crisp", ["Chair"], []),
        ("AJ", "Adrian Jenkinson", [], []),
        ("Secretariat) Ministry of Justice", "Claire Smith", ["Secretariat"], ["Ministry of Justice"]),
        ("SPP (Hampshire Constabulary", "Nic Christie", [], ["SPP", "Hampshire Constabulary"]),
        ("Parent", "Ruth Shoare", ["Parent"], []),
        ("Cabinet Office", "Bob Gibbons", [], ["Cabinet Office"]),
        ("PCC Chief Executive (Chair)", "David Williams", ["PCC Chief Executive", "Chair"], []),
        ("Police Authority (part)", "Paula Riches", [], ["Police Authority"]),
        ("Councillor, declared a personal interest in item 5", "Ann Lee", [], []),
    ],
)
def test_organisation_and_role_fields_are_clean(text, name, roles, orgs):
    from boardpapers.extract.linking.derive import _split_org_role

    assert _split_org_role(text, name) == (roles, orgs)
