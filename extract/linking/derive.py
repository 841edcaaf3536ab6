"""The cross-paper step as a pure function: loaded records in, derived rows out.

:func:`derive_links` takes the rows :func:`boardpapers.db.link.read_linkable` reads from a
database (plain dicts, one list per query) and returns the rows of the derived tables
(``people``, ``person_mentions``, ``person_merges``, ``action_followups``, ``action_status``,
``record_themes``). It calls the matchers of :mod:`.people`, :mod:`.followups` and
:mod:`..language.themes`; it reads and writes nothing. The CLI composes it with the storage
(``boardpapers link``, the end of ``boardpapers build``). A re-run gives the same rows; the
reviewed merges in ``rows["reviewed_merges"]`` keep the user's decision.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..language.owners import MEMBER_CATEGORIES, ORG_WORDS, TITLES, is_post
from ..language.people import initials_of
from ..language.themes import THEMES, theme_aliases, themes_of
from .chronology import paper_dates
from .followups import REPORTING_KINDS, Candidate, action_status, match_followups
from .people import NameNode, clean_name, clean_names, cluster_names, initials_holder, post_holder

# Which fields of which record tables are read for themes, strongest evidence first.
THEMED_FIELDS = {
    "priorities": ("name", "description"),
    "indicators": ("name", "theme"),
    "decisions": ("text",),
    "actions": ("text",),
}


@dataclass
class LinkSummary:
    people: int = 0
    mentions: int = 0
    merged: int = 0
    kept_apart: int = 0
    followups: int = 0
    statuses: Counter | None = None
    themed: int = 0

    def __str__(self) -> str:
        statuses = ", ".join(f"{n} {s}" for s, n in sorted((self.statuses or Counter()).items()))
        return (
            f"{self.people} people ({self.mentions} mentions, {self.merged} merges, {self.kept_apart} kept apart), "
            f"{self.followups} follow-ups, action status: {statuses or 'none'}; {self.themed} themed records"
        )


@dataclass
class Links:
    """The derived tables' rows, by table name, and a summary for the command line."""

    tables: dict[str, list[dict]] = field(default_factory=dict)
    summary: LinkSummary = field(default_factory=LinkSummary)


def _pid(place: str | None, name: str) -> str:
    return hashlib.sha256(f"{place or ''}|{name.lower()}".encode()).hexdigest()[:16]


def _year(date):
    return int(date[:4]) if date and date[:4].isdigit() else None


def _raw_mentions(rows: dict[str, list[dict]]) -> list[dict]:
    """Every name a record gives, before people are formed: one dict per (record, role, name)."""
    docs = {d["id"]: d for d in rows["documents"]}
    out: list[dict] = []

    def add(doc_id, role, name, as_written, table, rec, text, detail=None, resolved_by=None, org_role=None):
        d = docs.get(doc_id) or {}
        out.append(
            {
                "name": name,
                "as_written": as_written,
                "role": role,
                "record_table": table,
                "record_id": rec["id"],
                "text": text,
                "detail": detail,
                "resolved_by": resolved_by,
                "document_id": doc_id,
                "page": rec.get("page"),
                "source_text": rec.get("source_text"),
                "place": d.get("place"),
                "body": d.get("body"),
                "doc_type": d.get("doc_type"),
                "date": d.get("date"),
                "year": _year(d.get("date")),
                "source_url": rec.get("source_url"),
                "org_role": org_role,
            }
        )

    roles_in_doc: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    names_by_body: dict[str, set[str]] = defaultdict(set)
    for r in rows["attendees"]:
        names = clean_names(r["name"])
        if len(names) > 1:
            # A line of several people the list did not split ('Cllrs Lee, Hart and Moss'): one person per name.
            for name in names:
                add(r["document_id"], "attendee", name, r["as_written"], "attendees", r, r["as_written"], r["status"])
                names_by_body[(docs.get(r["document_id"]) or {}).get("body") or ""].add(name)
            continue
        name = names[0] if names else None
        if not name:
            continue
        add(
            r["document_id"],
            "attendee",
            name,
            r["as_written"],
            "attendees",
            r,
            r["as_written"],
            r["status"],
            org_role=r["role"],
        )
        roles_in_doc[r["document_id"]].append((name, r["role"]))
        names_by_body[(docs.get(r["document_id"]) or {}).get("body") or ""].add(name)
        # 'Jo Crookes' listed as 'Jo Cookes': the list's spelling is a variant of the same person.
        listed = clean_name(r["as_written"].split(",")[0])
        if listed and listed != name:
            add(
                r["document_id"],
                "attendee",
                listed,
                r["as_written"],
                "attendees",
                r,
                r["as_written"],
                r["status"],
                resolved_by=f"attendance list spelling of '{name}'",
            )
    for r in rows["witnesses"]:
        for name in clean_names(r["name"]):
            add(
                r["document_id"],
                "witness",
                name,
                r["name"],
                "witnesses",
                r,
                r["documents"] or r["role"],
                r["role"],
                org_role=r["role"],
            )
            roles_in_doc[r["document_id"]].append((name, r["role"]))
    for r in rows["action_owners"]:
        owner = r["one_owner"]
        name = clean_name(owner)
        written = r["owner_as_written"] or owner
        resolved = None
        if name and written and written.strip() != owner and written.replace("/", " ").split()[0].isupper():
            resolved = f"initials '{written}' resolved by the minutes parser"
        if not name and is_post(owner):
            held = post_holder(owner, roles_in_doc.get(r["document_id"], []))
            if held:
                name, resolved = held
        if not name and owner:
            held = initials_holder(owner, names_by_body.get(r["body"] or "", set()))
            if held:
                name, resolved = held, f"initials '{owner}' fit only {held} among the body's attendees"
        if name:
            orgs = json.loads(r["organisations"] or "[]")
            add(
                r["document_id"],
                "action owner",
                name,
                written,
                "actions",
                r,
                r["text"],
                r["status"] or r["due"],
                resolved,
                org_role=", ".join(orgs) or None,
            )
    for r in rows["owned_indicators"]:
        for owner in json.loads(r["owners"] or "[]") or [r["owner"]]:
            name = clean_name(owner)
            if not name and is_post(owner):
                held = post_holder(owner, roles_in_doc.get(r["document_id"], []))
                name, resolved = held if held else (None, None)
            else:
                resolved = None
            if name:
                add(r["document_id"], "indicator owner", name, owner, "indicators", r, r["name"], r["target"], resolved)
    for r in rows["led_priorities"]:
        for name in clean_names(r["lead"]):
            add(r["document_id"], "lead", name, r["lead"], "priorities", r, r["name"], r["category"])
    return out


# Phrases written beside a name that say neither where the person works nor what they do.
_NOT_ORG_OR_ROLE = re.compile(r"\b(?:declared?|declaration|interests?|pecuniary|non-pecuniary|arrived|left)\b", re.I)
_ROLE_SEPARATORS = re.compile(r"\s*[,()]\s*|\s+[–—-]\s+")


def _split_org_role(text: str | None, name: str | None = None) -> tuple[list[str], list[str]]:
    """'Strategy and Partnership Manager, Regulatory Services' -> roles ['Strategy and Partnership Manager'],
    organisations ['Regulatory Services']; 'Hampshire Constabulary' -> organisation; 'Parent' (a
    governor's category) and 'Chair' -> roles. Brackets separate parts, matched or not ('SPP (Hampshire
    Constabulary' -> 'SPP', 'Hampshire Constabulary'); the person's own initials ('(AJ)') are dropped."""
    roles: list[str] = []
    orgs: list[str] = []
    text = re.sub(r"\(?\s*listed as[^)]*\)?", "", text or "", flags=re.I)
    own = initials_of(name) if name else set()
    if name:
        text = text.replace(name, ",")  # 'Barry Dickinson ICS': the name is not its own organisation
    for part in _ROLE_SEPARATORS.split(text):
        part = part.strip(" .;:–—-")
        if not part or not re.search(r"[A-Za-z]", part):
            continue
        if re.fullmatch(r"(?:for\s+)?part(?:\s+of\s+(?:the\s+)?meeting)?|from item.*|until item.*", part, re.I):
            continue  # attendance for part of the meeting: the attendees table says so
        if _NOT_ORG_OR_ROLE.search(part) or part.lower().rstrip(".") in TITLES:
            continue  # a declaration of interest, or a title ('Councillor', 'Dr') the name already dropped
        bare = re.sub(r"[^A-Za-z]", "", part)
        if bare.isupper() and 2 <= len(bare) <= 4 and bare in own:
            continue  # the person's initials, written after the name: "(AJ)"
        words = part.lower().split()
        head = re.split(r"\s+of\s+", part, maxsplit=1)[0]  # "Chair of the Partnership" is a chair
        if part.lower() in MEMBER_CATEGORIES:
            is_role = True
        elif head == part and words[-1] in ORG_WORDS:
            is_role = False  # "Cabinet Office", "Public Health": an organisation even after a post word
        else:
            is_role = is_post(head)
        bucket = roles if is_role else orgs
        if part not in bucket:
            bucket.append(part)
    return roles, orgs


def link_people(rows: dict[str, list[dict]]) -> tuple[list[dict], list[dict], list[dict], dict]:
    overrides = {frozenset((r["name_a"], r["name_b"])): r["decision"] for r in rows.get("reviewed_merges", [])}
    raw = _raw_mentions(rows)
    counts = Counter((m["name"], m["place"]) for m in raw)
    clusters = cluster_names([NameNode(n, p, c) for (n, p), c in counts.items()], overrides)
    merges = [
        {
            "name_a": x.name,
            "name_b": y.name,
            "place_a": x.place,
            "place_b": y.place,
            "score": m.score,
            "rule": m.rule,
            "evidence": m.evidence,
            "decision": "merged" if m.merge else "kept apart",
            "reviewed": 1 if frozenset((x.name, y.name)) in overrides else 0,
        }
        for x, y, m in clusters.matches
    ]
    people: dict[str, dict] = {}
    mentions: dict[tuple, dict] = {}
    person_of_name: dict[tuple[str, str | None], str] = {}
    for m in raw:
        canonical = clusters.person_of[(m["name"], m["place"])]
        pid = _pid(clusters.place_of.get((m["name"], m["place"]), m["place"]), canonical)
        person_of_name[(m["name"], m["place"])] = pid
        p = people.setdefault(
            pid,
            {
                "person_id": pid,
                "name": canonical,
                "variants": Counter(),
                "organisations": [],
                "roles": [],
                "places": set(),
                "docs": set(),
                "dates": set(),
                "n": 0,
            },
        )
        p["variants"][m["name"]] += 1
        if m["as_written"] and clean_name(m["as_written"].split(",")[0]) and m["as_written"].split(",")[0] != m["name"]:
            p["variants"][clean_name(m["as_written"].split(",")[0])] += 0
        roles, orgs = _split_org_role(m.pop("org_role"), m["name"])
        p["roles"] += [r for r in roles if r not in p["roles"]]
        p["organisations"] += [o for o in orgs if o not in p["organisations"]]
        p["places"].add(m["place"])
        p["docs"].add(m["document_id"])
        if m["date"]:
            p["dates"].add(m["date"])
        key = (pid, m["record_table"], m["record_id"], m["role"])
        if key in mentions:
            continue
        spelled = m["name"] != canonical
        resolved = m["resolved_by"] or (
            f"spelling '{m['name']}' of {canonical} (see person_merges)" if spelled else None
        )
        mentions[key] = {
            "person_id": pid,
            "name": canonical,
            **{k: v for k, v in m.items() if k != "name"},
            "resolved_by": resolved,
        }
        p["n"] += 1
    out = []
    for p in people.values():
        dates = sorted(p["dates"])
        out.append(
            {
                "person_id": p["person_id"],
                "name": p["name"],
                "variants": json.dumps(sorted(p["variants"]), ensure_ascii=False),
                "organisations": json.dumps(p["organisations"], ensure_ascii=False),
                "roles": json.dumps(p["roles"], ensure_ascii=False),
                "places": json.dumps(sorted(x for x in p["places"] if x), ensure_ascii=False),
                "mentions": p["n"],
                "papers": len(p["docs"]),
                "first_date": dates[0] if dates else None,
                "last_date": dates[-1] if dates else None,
            }
        )
    return out, list(mentions.values()), merges, person_of_name


def link_actions(rows: dict[str, list[dict]], person_of_name: dict) -> tuple[list[dict], list[dict], list[dict]]:
    docs = {d["id"]: d for d in rows["documents"]}
    actions = rows["actions"]
    dated = paper_dates(rows["documents"], actions)
    owners: dict[str, set[str]] = defaultdict(set)
    for r in rows["action_owners"]:
        name = clean_name(r["one_owner"])
        owners[r["id"]].add(person_of_name.get((name, r["place"]), (r["one_owner"] or "").lower()))

    def doc_type(doc_id):
        return (docs.get(doc_id) or {}).get("doc_type")

    cands = [
        Candidate(
            "actions",
            a["id"],
            a["document_id"],
            a["date"],
            a["body"],
            a["text"],
            owners[a["id"]],
            a["status"],
            a["progress"],
            a["due_date"],
            a["page"],
            a["source_text"],
            kind=a["kind"],
            item=a["item"],
            due=a["due"],
            paper=dated.get(a["document_id"]),
            doc_type=doc_type(a["document_id"]),
        )
        for a in actions
    ]
    later = list(cands)
    for r in rows["decisions"]:
        later.append(
            Candidate(
                "decisions",
                r["id"],
                r["document_id"],
                r["date"] or r["doc_date"],
                r["body"] or r["doc_body"],
                r["text"],
                page=r["page"],
                source_text=r["source_text"],
                paper=dated.get(r["document_id"]),
                doc_type=doc_type(r["document_id"]),
            )
        )
    for r in rows["items"]:
        later.append(
            Candidate(
                "items",
                r["id"],
                r["document_id"],
                r["date"],
                r["body"],
                r["title"],
                page=r["page"],
                source_text=r["source_text"],
                paper=dated.get(r["document_id"]),
                doc_type=doc_type(r["document_id"]),
            )
        )
    for r in rows.get("progress", []):
        # An update under "Matters arising", or a progress table's row: what a later paper says of an aim.
        later.append(
            Candidate(
                "progress",
                r["id"],
                r["document_id"],
                r["date"],
                r["body"],
                f"{r['aim']}: {r['progress']}" if r["progress"] != r["aim"] else r["aim"],
                status=r["status"],
                progress=r["progress"],
                page=r["page"],
                source_text=r["source_text"],
                item=r.get("refers_to"),
                paper=dated.get(r["document_id"]),
                doc_type=doc_type(r["document_id"]),
            )
        )
    unknown: dict[str, list[Candidate]] = {}
    found = match_followups(cands, later, unknown)
    # One record per paper of a meeting, by body: the papers that should report on earlier actions.
    reporting: dict[str, list[Candidate]] = defaultdict(list)
    for d in rows["documents"]:
        if d["doc_type"] in REPORTING_KINDS:
            reporting[(d["body"] or "").lower()].append(
                Candidate(
                    "documents",
                    d["id"],
                    d["id"],
                    d["date"],
                    d["body"],
                    "",
                    paper=dated.get(d["id"]),
                    doc_type=d["doc_type"],
                )
            )
    urls = {
        r["id"]: r["source_url"] for table in ("actions", "decisions", "items", "progress") for r in rows.get(table, [])
    }
    followups = [
        {
            "action_id": f.action_id,
            "later_document_id": f.later.document_id,
            "later_table": f.later.table,
            "later_id": f.later.id,
            "later_date": f.later.date,
            "page": f.later.page,
            "evidence": f.evidence,
            "later_text": f.later.text,
            "status": f.status,
            "stated": f.stated,
            "score": f.score,
            "rule": f.rule,
            "body": f.later.body,
            "source_url": urls.get(f.later.id),
        }
        for f in found
    ]
    by_action: dict[str, list] = defaultdict(list)
    follow_up_of: dict[str, str] = {}
    set_on = {c.id: c.set_on[0] or "" for c in cands}
    for f in found:
        by_action[f.action_id].append(f)
        if f.later.table == "actions":
            earlier = follow_up_of.get(f.later.id)
            if earlier is None or set_on[f.action_id] < set_on[earlier]:
                follow_up_of[f.later.id] = f.action_id
    statuses = []
    for a, c in zip(actions, cands):
        s = action_status(
            c,
            by_action.get(a["id"], []),
            [r for r in reporting.get((a["body"] or "").lower(), []) if r.id != a["document_id"]],
            unknown.get(a["id"]),
        )
        statuses.append(
            {
                **dict(s.__dict__.items()),
                "follow_up_of": follow_up_of.get(a["id"]),
                "set_on": c.set_on[0] if c.set_on[0] == c.set_on[1] else None,
                "text": a["text"],
                "owner": a["owner"],
                "kind": a["kind"],
                "body": a["body"],
                "place": a["place"],
                "date": a["date"],
                "document_id": a["document_id"],
                "source_url": a["source_url"],
            }
        )
    paper_rows = [
        {
            "document_id": doc_id,
            "date": (docs.get(doc_id) or {}).get("date"),
            "earliest": p.earliest,
            "latest": p.latest,
            "basis": p.basis,
        }
        for doc_id, p in dated.items()
    ]
    return followups, statuses, paper_rows


def link_themes(rows: dict[str, list[dict]]) -> list[dict]:
    """One row per record and theme. A record's own words decide (a priority's or indicator's
    name, a decision's or action's text); the heading it sits under (an indicator's section, a
    priority's description) adds a theme only when the record's own words give none, so an
    indicator under "Domestic abuse, drugs and alcohol" about drug treatment is not counted three
    times. ``field`` lists every field that named the theme ('name; theme')."""
    docs = {d["id"]: d for d in rows["documents"]}
    out: dict[tuple, dict] = {}
    for table, fields in THEMED_FIELDS.items():
        label = "name" if "name" in fields else "text"
        for r in rows[table]:
            d = docs.get(r["document_id"]) or {}
            found = {fld: themes_of(r.get(fld)) for fld in fields}
            own = found[fields[0]]
            chosen = own or next((f for f in found.values() if f), {})
            for theme in chosen:
                named_by = [fld for fld in fields if theme in found[fld]]
                words = [w for fld in named_by for w in found[fld][theme]]
                out[(table, r["id"], theme)] = {
                    "record_table": table,
                    "record_id": r["id"],
                    "theme": theme,
                    "theme_label": THEMES[theme].label,
                    "matched": "; ".join(dict.fromkeys(words)),
                    "field": "; ".join(named_by),
                    "text": r[label],
                    "document_id": r["document_id"],
                    "page": r.get("page"),
                    "place": d.get("place"),
                    "body": r.get("body") or d.get("body"),
                    "year": d.get("year"),
                    "source_url": r.get("source_url"),
                }
    return list(out.values())


def derive_links(rows: dict[str, list[dict]]) -> Links:
    """Every derived table's rows from the loaded records (see :func:`boardpapers.db.link.read_linkable`)."""
    people, mentions, merges, person_of_name = link_people(rows)
    followups, statuses, paper_rows = link_actions(rows, person_of_name)
    themes = link_themes(rows)
    tables = {
        "people": people,
        "person_mentions": mentions,
        "person_merges": merges,
        "action_followups": followups,
        "action_status": statuses,
        "record_themes": themes,
        "paper_dates": paper_rows,
        "theme_aliases": [{"alias": a, "theme": k} for a, k in theme_aliases()],
    }
    summary = LinkSummary(
        len(people),
        len(mentions),
        sum(m["decision"] == "merged" for m in merges),
        sum(m["decision"] == "kept apart" for m in merges),
        len(followups),
        Counter(s["status"] for s in statuses),
        len(themes),
    )
    return Links(tables, summary)
