"""Extractions built from the hand-written gold records (``corpus/gold/*.json``).

Gold files hold what a correct extraction of each corpus paper contains, without
provenance. Turned into :class:`Extraction` objects (page 1, the record text as its
source text, parser ``gold``) they let the Datasette journeys be tried, and tested,
on realistic records without running the parsers (fast, and independent of them).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from boardpapers.schemas.records import (
    Action,
    Attendee,
    Decision,
    Extraction,
    Indicator,
    IndicatorValue,
    Meeting,
    Provenance,
    TableRecord,
)

PARSER = "gold"


def extraction_from_gold(gold: dict, *, doc_id: str | None = None) -> Extraction:
    source = gold["source"]
    doc_id = doc_id or hashlib.sha256(json.dumps(gold, sort_keys=True).encode()).hexdigest()[:16]

    def prov(text: str, page: int = 1) -> Provenance:
        return Provenance(document_id=doc_id, page=page, text=text, parser=PARSER, parser_version="1")

    m = gold.get("meeting")
    meeting = Meeting(body=gold.get("body"), provenance=prov(source), **m) if m else None
    attendees = [
        Attendee(
            name=a["name"], role=a.get("role"), status=a["status"], as_written=a["name"], provenance=prov(a["name"])
        )
        for a in gold.get("attendees", [])
    ]
    decisions = [
        Decision(
            item=d.get("item"), text=d["text"], date=gold.get("date"), body=gold.get("body"), provenance=prov(d["text"])
        )
        for d in gold.get("decisions", [])
    ]
    actions = []
    for a in gold.get("actions", []):
        owners = [o.strip() for o in (a.get("owner") or "").split(";") if o.strip()]
        actions.append(
            Action(
                item=a.get("item"),
                text=a["text"],
                owner="; ".join(owners) or None,
                owners=owners,
                due=a.get("due"),
                kind=a["kind"],
                date=gold.get("date"),
                provenance=prov(a["text"]),
            )
        )
    indicators = []
    for i in gold.get("indicators", []):
        values = [
            IndicatorValue(series=v["series"], period=v.get("period"), value=v["value"], raw=str(v["value"]))
            for v in i.get("values", [])
        ]
        owners = [o.strip() for o in (i.get("owner") or "").split(";") if o.strip()]
        indicators.append(
            Indicator(
                name=i["name"],
                owner=i.get("owner"),
                owners=owners,
                target=i.get("target"),
                period=i.get("period"),
                theme=i.get("outcome"),
                values=values,
                provenance=prov(i["name"]),
            )
        )
    tables = [
        TableRecord(
            header=t["header"],
            n_rows=t["n_rows"],
            n_cols=len(t["header"]),
            pages=[1],
            rows=[],
            provenance=prov(" | ".join(t["header"])),
        )
        for t in gold.get("tables", [])
    ]
    return Extraction(
        source=source,
        doc_id=doc_id,
        source_kind="text" if source.endswith(".txt") else "pdf",
        page_count=1,
        doc_type=gold.get("doc_type"),
        title=gold.get("title"),
        body=gold.get("body"),
        place=gold.get("place"),
        date=gold.get("date"),
        meeting=meeting,
        attendees=attendees,
        decisions=decisions,
        actions=actions,
        indicators=indicators,
        tables=tables,
        parser_version="gold",
    )


def gold_extractions(gold_dir: str | Path) -> list[Extraction]:
    return [
        extraction_from_gold(json.loads(p.read_text(encoding="utf-8"))) for p in sorted(Path(gold_dir).glob("*.json"))
    ]
