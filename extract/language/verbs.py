"""The verbs of deciding and of handing out tasks: THE decision and task verb vocabularies.

Minutes record what a meeting decided with a small set of verbs ("agreed", "resolved",
"approved", "endorsed" ...), in the active ("The Board agreed to ..."), the impersonal ("It
was agreed that ...") and the passive ("The minutes were approved and signed"); and they
hand out tasks with another small set ("X to circulate ...", "X undertook to ...", "X was
asked to ...", "the Clerk is to ...", "that the Clerk write ..."). The decision rules
(``parsers/decisions.py``), the task matcher (``language/nlp_components.py``), the action
rules (``parsers/actions.py``) and the tasks inside decisions (``language/tasks.py``) read
their verbs from here, so a verb one of them learns, all of them know.
"""

from __future__ import annotations

# --- deciding -----------------------------------------------------------------------------------

# What a deciding subject does when it decides, in the past ("The Board agreed to ...") and the
# present ("The Committee resolves ..."), as committee and board minutes write it.
DECIDING_VERBS = [
    "agreed",
    "agrees",
    "resolved",
    "resolves",
    "decided",
    "decides",
    "approved",
    "approves",
    "endorsed",
    "endorses",
    "accepted",
    "accepts",
    "supported",
    "ratified",
    "ratifies",
    "adopted",
    "adopts",
    "commissioned",
    "requested",
    "asked for",
    "recommended to",
    "recommends to",
    # a panel's vote: "The panel voted to keep drug dealing as its top priority"
    "voted to",
    "voted for",
]
# What the meeting did to a thing, in the passive: "The dates were agreed", "The policy was approved".
PASSIVE_DECIDING_VERBS = [
    "agreed",
    "approved",
    "adopted",
    "ratified",
    "endorsed",
    "accepted",
    "carried",
    "received and adopted",
]
# Record-keeping verbs that go with approving minutes ("were approved and signed").
MINUTES_APPROVAL_VERBS = ["agreed", "approved", "confirmed", "accepted", "adopted", "signed", "received"]
# Appointments the meeting makes: "Andrew McKenzie was appointed as Finance Lead".
APPOINTING_VERBS = ["appointed", "elected", "re-elected", "co-opted", "nominated"]
# What a body is asked to do in a recommendation: "The Board is asked to note the report".
RECOMMENDED_VERBS = [
    "note",
    "agree",
    "approve",
    "endorse",
    "consider",
    "accept",
    "adopt",
    "support",
    "ratify",
    "comment on",
    "receive",
    "confirm",
    "delegate",
    "decide",
    "review",
    "scrutinise",
]
# Noting as a decision: "The Board noted the report" (not "noted that ...", a remark).
NOTED_OBJECTS = [
    "report",
    "update",
    "contents",
    "position",
    "progress",
    "minutes",
    "plan",
    "recommendations",
    "information",
    "accounts",
    "statement",
    "letter",
    "briefing",
    "paper",
    "response",
    "summary",
    # papers of other kinds put to a committee: "The Committee NOTED the tree survey", "noted the presentation"
    "survey",
    "presentation",
    "review",
    "assessment",
    "audit",
    "return",
]
# A motion put and carried: proposer and seconder ("CC proposed and LH seconded that ...",
# "Proposed Cllr Smith, seconded Cllr Jones, all in favour", "Proposer: AB  2nd: CD").
MOTION_WORDS = ["proposed", "seconded", "proposer", "seconder", "moved", "2nd"]
# Verdicts printed after a motion: "RESULT: APPROVED", "All in favour", "Carried unanimously".
VERDICTS = [
    "approved",
    "carried",
    "agreed",
    "accepted",
    "all in favour",
    "unanimous",
    "unanimously",
    "carried unanimously",
    "passed",
]
# Procedure, not a decision: "the Chair put the motion to the vote".
PROCEDURE_PHRASES = [
    "put the motion to the vote",
    "put to the vote",
    "moved to a vote",
    "moved to the vote",
    "called for a vote",
    "took a vote",
]

# --- tasks ----------------------------------------------------------------------------------------

# Verbs of a task, for a pipeline with no part-of-speech tags ("X to circulate ...").
ACTION_VERBS = frozenset(
    """
action arrange ask attend bring check circulate clarify confirm consider contact co convene
coordinate create deliver develop discuss draft email ensure establish explore feed find follow
forward identify investigate invite lead liaise look meet monitor organise present prepare produce
progress provide raise re recirculate report request respond review revise seek send set share speak
submit update work write chase agree canvas canvass look obtain pursue seek take talk arrange place
proceed contact notify advise inform instruct order purchase book continue empty oversee obtain
""".split()
)
# Lower-case words after "to" that are not verbs: "to the meeting", "to date", "to all".
NOT_VERBS = frozenset(
    """
the a an this that these those his her their its our my your all each every any some date be been
which whom what whether and or but as at by for from in of on with within without about over under
""".split()
)
# Words after a modal that are not the task's verb ("would have", "should not", "will also").
NOT_TASK_AFTER_MODAL = frozenset(
    {
        "have",
        "not",
        "need",
        "also",
        "be",
        "like",
        "seem",
        "appear",
        "probably",
        "hopefully",
        "now",
        "then",
        "still",
        "already",
        "recall",
        "remember",
        "note",
        "see",
        "know",
        "appreciate",
        "wish",
        "want",
        "hear",
        "receive",
        "recognise",
        "understand",
        "welcome",
        "prefer",
        "expect",
        "benefit",
        "help",
        "enable",
    }
)
# A subject commits itself: "Jo undertook to ...", "Sam offered to ...".
COMMIT_VERBS = [
    "undertook",
    "offered",
    "agreed",
    "volunteered",
    "promised",
    "undertakes",
    "agrees",
    "offers",
    "pledged",
    "committed",
]
# A subject is given the task: "Sally was asked to ...", "The Clerk was advised to ...".
ASKED_VERBS = [
    "asked",
    "requested",
    "tasked",
    "invited",
    "required",
    "advised",
    "instructed",
    "directed",
    "delegated",
    "authorised",
    "authorized",
    "mandated",
]
# Modal and future forms that set a task: "the Clerk is to ...", "the Clerk should ...", "X will ...".
TASK_MODALS = ["will", "would", "should", "shall", "must"]
# Verbs that hand a task to someone else: "the Clerk should instruct D to ..." (the Clerk owns it).
INSTRUCTING_VERBS = ["instruct", "ask", "request", "invite", "tell", "direct", "remind", "encourage", "contact"]
# Verbs after which "that X <verb>" sets X a task (the subjunctive): "It was agreed that the Clerk write".
TASK_THAT_VERBS = ["agreed", "suggested", "requested", "proposed", "resolved", "decided", "recommended", "asked"]
# Verbs of doing after "that <subject>" in a resolution, in the subjunctive or the present: "(c) agree that
# the Sub-Group lead the refresh", "(2) That the Director of Communities report on ...", "Members requested
# that officers provide ...". The subject owns the task. ("be", "note", "approve" are the decision's own acts.)
SUBJUNCTIVE_TASK_VERBS = [
    f"{verb}{ending}"
    for verb in (
        "lead",
        "take",
        "report",
        "develop",
        "review",
        "produce",
        "deliver",
        "prepare",
        "bring",
        "present",
        "undertake",
        "co-ordinate",
        "coordinate",
        "draft",
        "update",
        "write",
        "provide",
        "arrange",
        "circulate",
        "investigate",
        "consult",
        "contact",
        "liaise",
        "seek",
    )
    for ending in ("", "es" if verb.endswith(("ch", "sh")) else "s")
] + ["carry", "carries"]
