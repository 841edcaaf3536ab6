"""Tasks handed out inside decisions (extract/tasks.py)."""

import pytest

from boardpapers.extract.language.tasks import delegated_task, resolve_body


@pytest.mark.parametrize(
    "decision, owner, task, due",
    [
        (
            "(b) the Partnership be asked to report back to the Committee on knife crime in six months".split(" ", 1)[
                1
            ],
            "the Partnership",
            "Report back to the Committee on knife crime in six months",
            "six months",
        ),
        (
            "agree that the Domestic Abuse Sub-Group lead the refresh of the strategy by March 2021",
            "the Domestic Abuse Sub-Group",
            "Lead the refresh of the strategy by March 2021",
            "March 2021",
        ),
        (
            "That the Head of Community Safety be requested to circulate the plan before the next meeting",
            "the Head of Community Safety",
            "Circulate the plan before the next meeting",
            "the next meeting",
        ),
        (  # a delegation made in consultation with another post
            "That Cabinet delegates authority to the Director of Communities, in consultation with the Portfolio "
            "Holder for Community Safety, to make minor amendments to the Order",
            "the Director of Communities",
            "Make minor amendments to the Order",
            None,
        ),
        (
            "delegates authority to the Head of Legal Services, in consultation with the Chair, to agree the terms by May 2024",
            "the Head of Legal Services",
            "Agree the terms by May 2024",
            "May 2024",
        ),
        (  # a post named with its service after a comma
            "That the Executive asks the Assistant Director, Communities to report progress by March 2025",
            "the Assistant Director, Communities",
            "Report progress by March 2025",
            "March 2025",
        ),
        (
            "requests the Head of Service, Housing and Public Protection to review the policy",
            "the Head of Service, Housing and Public Protection",
            "Review the policy",
            None,
        ),
    ],
)
def test_delegated_tasks(decision, owner, task, due):
    found = delegated_task(decision)
    assert (found.owner_as_written, found.text, found.due) == (owner, task, due)


@pytest.mark.parametrize(
    "decision",
    ["The report be noted", "note the performance of the partnership", "approve the revised terms of reference"],
)
def test_decisions_that_hand_out_no_task(decision):
    assert delegated_task(decision) is None


def test_a_bare_body_is_the_one_the_paper_names():
    text = "45. Community Safety Partnership Annual Report\nThe work of the Kirkdale Community Safety Partnership."
    assert resolve_body("the Partnership", text) == "Kirkdale Community Safety Partnership"
    assert resolve_body("the Board", "Safer A Board and Safer B Board met") == "Board"
    assert resolve_body("the Domestic Abuse Sub-Group", text) == "Domestic Abuse Sub-Group"
