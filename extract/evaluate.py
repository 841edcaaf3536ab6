"""Precision, recall and F1 of an export against gold records, per record kind.

The matching is the one ``../shared/gold/README.md`` describes: records are paired one to
one, greedily, best match first; text fields match at token-set similarity >= 0.8 after
folding case, punctuation and white space; owners match as sets of normalised names
(titles dropped); numbers match exactly.
"""

from __future__ import annotations

import re

from .language.similarity import norm, similarity  # noqa: F401 - part of this module's API
from .language.titles import SCORER_TITLE_WORDS

TEXT_MATCH = 0.8
TITLES = SCORER_TITLE_WORDS
HEADLINE = [
    "decisions",
    "actions+owner",
    "indicators+owner+target",
    "indicator_values",
    "attendees+status",
    "tables+rows",
    "metadata",
]


def owner_set(value) -> frozenset:
    if value is None:
        return frozenset()
    parts = value if isinstance(value, list) else re.split(r"[;\n/]", str(value))
    names = set()
    for part in parts:
        words = [w for w in norm(part).split() if w not in TITLES]
        if words and words[0] == "the":
            words = words[1:]
        if words:
            names.add(" ".join(words))
    return frozenset(names)


def number(value) -> float | None:
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).replace(",", "").replace("%", "").replace("£", "").strip())
    except ValueError:
        return None


def pair(gold: list, pred: list, key, match=None) -> list[tuple]:
    """``match(a, b)`` of the two keys may replace the text similarity (people's names)."""
    scored = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            s = (match or similarity)(key(g), key(p))
            if s >= TEXT_MATCH:
                scored.append((round(s, 6), -abs(i / len(gold) - j / len(pred)), i, j))
    scored.sort(reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for _, _, i, j in scored:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((gold[i], pred[j]))
    return pairs


def person_match(a, b) -> float:
    """As the yardstick matches names: titles dropped ("Cllr Patel" is "Patel"), and initials
    match the forenames they stand for ("M Wagner" and "Matthew Wagner")."""
    wa = [w for w in norm(a).split() if w not in TITLES]
    wb = [w for w in norm(b).split() if w not in TITLES]
    if not wa or not wb:
        return 0.0
    s = similarity(" ".join(wa), " ".join(wb))
    if s >= TEXT_MATCH:
        return s
    if wa[-1] == wb[-1] and len(wa) > 1 and len(wb) > 1:
        fa, fb = wa[:-1], wb[:-1]
        short, long_ = (fa, fb) if sum(map(len, fa)) <= sum(map(len, fb)) else (fb, fa)
        if all(len(w) == 1 for w in short) and [w[0] for w in short] == [w[0] for w in long_][: len(short)]:
            return TEXT_MATCH
    return s


def _counts(n_gold: int, n_pred: int, n_ok: int) -> dict:
    return {"gold": n_gold, "pred": n_pred, "ok": n_ok}


def prf(c: dict) -> tuple[float, float, float]:
    p = c["ok"] / c["pred"] if c["pred"] else (1.0 if not c["gold"] else 0.0)
    r = c["ok"] / c["gold"] if c["gold"] else (1.0 if not c["pred"] else 0.0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _same_text(a, b) -> bool:
    return similarity(a, b) >= TEXT_MATCH or (not norm(a) and not norm(b))


def score_document(gold: dict, pred: dict) -> dict[str, dict]:
    out = {}
    g, p = gold.get("decisions") or [], pred.get("decisions") or []
    out["decisions"] = _counts(len(g), len(p), len(pair(g, p, lambda r: r.get("text"))))

    g, p = gold.get("actions") or [], pred.get("actions") or []
    pairs = pair(g, p, lambda r: r.get("text"))
    out["actions"] = _counts(len(g), len(p), len(pairs))
    out["actions+owner"] = _counts(
        len(g), len(p), sum(owner_set(a.get("owner")) == owner_set(b.get("owner")) for a, b in pairs)
    )
    out["action_due"] = _counts(
        sum(1 for a in g if a.get("due")),
        sum(1 for b in p if b.get("due")),
        sum(_same_text(a.get("due"), b.get("due")) for a, b in pairs if a.get("due")),
    )

    g, p = gold.get("indicators") or [], pred.get("indicators") or []
    pairs = pair(g, p, lambda r: r.get("name"))
    out["indicators"] = _counts(len(g), len(p), len(pairs))
    out["indicators+owner+target"] = _counts(
        len(g),
        len(p),
        sum(
            owner_set(a.get("owner")) == owner_set(b.get("owner")) and _same_text(a.get("target"), b.get("target"))
            for a, b in pairs
        ),
    )
    ok = 0
    for a, b in pairs:
        left = list(b.get("values") or [])
        for v in a.get("values") or []:
            for k, w in enumerate(left):
                if (
                    str(v.get("period")) == str(w.get("period"))
                    and number(v.get("value")) == number(w.get("value"))
                    and similarity(v.get("series"), w.get("series")) >= TEXT_MATCH
                ):
                    ok += 1
                    del left[k]
                    break
    out["indicator_values"] = _counts(
        sum(len(a.get("values") or []) for a in g), sum(len(b.get("values") or []) for b in p), ok
    )

    g, p = gold.get("attendees") or [], pred.get("attendees") or []
    pairs = pair(g, p, lambda r: r.get("name"), person_match)
    out["attendees+status"] = _counts(len(g), len(p), sum(a.get("status") == b.get("status") for a, b in pairs))

    g, p = gold.get("tables") or [], pred.get("tables") or []
    pairs = pair(g, p, lambda r: " ".join(map(str, r.get("header") or [])))
    out["tables"] = _counts(len(g), len(p), len(pairs))
    out["tables+rows"] = _counts(len(g), len(p), sum(a.get("n_rows") == b.get("n_rows") for a, b in pairs))

    fields = ["doc_type", "body", "place", "date"]
    gm, pm = gold.get("meeting") or {}, pred.get("meeting") or {}
    ok = sum(_same_text(gold.get(f), pred.get(f)) for f in fields) + sum(_same_text(gm.get(f), pm.get(f)) for f in gm)
    n = len(fields) + len(gm)
    out["metadata"] = _counts(n, n, ok)
    return out


def f1_by_kind(gold: dict, pred: dict) -> dict[str, float]:
    """F1 of one document's export against its gold, per record kind."""
    return {kind: prf(c)[2] for kind, c in score_document(gold, pred).items()}


def add(total: dict, part: dict) -> None:
    for kind, c in part.items():
        t = total.setdefault(kind, _counts(0, 0, 0))
        for k in c:
            t[k] += c[k]


def overall(per_kind: dict) -> float:
    scores = [prf(per_kind[k])[2] for k in HEADLINE if per_kind.get(k, {}).get("gold")]
    return sum(scores) / len(scores) if scores else 0.0


def format_table(total: dict) -> str:
    lines = [f"{'kind':26} {'gold':>5} {'pred':>5} {'ok':>5}  {'P':>5} {'R':>5} {'F1':>5}"]
    for kind, c in total.items():
        p, r, f = prf(c)
        lines.append(f"{kind:26} {c['gold']:5} {c['pred']:5} {c['ok']:5}  {p:5.2f} {r:5.2f} {f:5.2f}")
    lines.append(f"\noverall F1 {overall(total):.3f}")
    return "\n".join(lines)
