"""Would a learned judge beat the rules? Is a sentence of minutes a decision, a task, or neither?

Builds a sentence-level data set from every paper with gold (the corpus, ../shared/realdev and
../shared/realpdf, the minutes and cross variants under tests/fixtures): each sentence of a paragraph or
list item is labelled DECISION where a gold decision holds it, TASK where a gold action does, else NONE.
Then, leaving one paper (one body) out at a time, trains a spaCy text classifier (bag of words and
bigrams) on the others and compares it on the left-out paper with the rules (parsers/decisions.py's
sentence rules; the task matcher of language/nlp_components.py). Prints per-paper F1 of each class and
the macro mean. No model is written: this measures; ship a model only where it beats the rules.

    .venv/bin/python scripts/judge_lobo.py [--epochs 8]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

import spacy
from spacy.training import Example

from boardpapers.extract.language.nlp_components import owners_of, people_pipeline
from boardpapers.extract.language.people import People
from boardpapers.extract.parsers.decisions import _rule_of, split_sentences
from boardpapers.extract.readers import read

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
LABELS = ("DECISION", "TASK", "NONE")


def _tokens(text: str) -> set[str]:
    return set(re.sub(r"[^0-9a-z£%]+", " ", text.lower()).split())


def _holds(gold_text: str, sentence: str) -> bool:
    """Does a gold record's text hold this sentence (or the sentence hold most of the record)?"""
    g, s = _tokens(gold_text), _tokens(sentence)
    if len(s) < 3 or not g:
        return False
    common = len(g & s)
    return common / len(s) >= 0.8 or common / len(g) >= 0.8


def papers() -> list[tuple[Path, Path]]:
    """(paper, gold) for every paper with gold."""
    out = []
    for paper in sorted((ROOT / "corpus").glob("*.txt")):
        out.append((paper, SHARED / "gold" / f"{paper.stem}.json"))
    for folder, gold in (("realdev", "gold-realdev"), ("realpdf", "gold-realpdf")):
        for g in sorted((SHARED / gold).glob("*.json")):
            found = [p for p in (SHARED / folder).glob(f"{g.stem}.*") if p.suffix in (".md", ".pdf", ".txt")]
            if found:
                out.append((found[0], g))
    for folder in ("minutes_variants", "cross_variants"):
        for g in sorted((ROOT / "tests" / "fixtures" / folder).glob("*.json")):
            found = [p for p in g.parent.glob(f"{g.stem}.*") if p.suffix in (".md", ".txt")]
            if found:
                out.append((found[0], g))
    return [(p, g) for p, g in out if g.exists()]


def sentences_of(paper: Path, gold: dict) -> list[tuple[str, str]]:
    doc = read(paper)
    decisions = [d["text"] for d in gold.get("decisions") or []]
    tasks = [
        a.get("text_as_written") or a["text"] for a in gold.get("actions") or [] if a.get("kind") == "minutes_action"
    ]
    out = []
    for b in doc.blocks:
        if b.kind not in ("paragraph", "list_item"):
            continue
        for s in split_sentences(b.text):
            label = (
                "DECISION"
                if any(_holds(d, s) for d in decisions)
                else "TASK"
                if any(_holds(t, s) for t in tasks)
                else "NONE"
            )
            out.append((s, label))
    return out


def rules_judge(sentences: list[str]) -> list[str]:
    people = People.build([], "\n".join(sentences))
    nlp = people_pipeline(people)
    out = []
    for s in sentences:
        if _rule_of(s):
            out.append("DECISION")
            continue
        doc = nlp(s)
        out.append("TASK" if any(owners_of(span) for span in doc.spans.get("tasks", [])) else "NONE")
    return out


def train(data: list[tuple[str, str]], epochs: int, seed: int = 0):
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe(
        "textcat",
        config={
            "model": {
                "@architectures": "spacy.TextCatBOW.v3",
                "exclusive_classes": True,
                "ngram_size": 2,
                "no_output_layer": False,
            }
        },
    )
    for label in LABELS:
        textcat.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(t), {"cats": {k: float(k == y) for k in LABELS}}) for t, y in data]
    optimizer = nlp.initialize(lambda: examples)
    rnd = random.Random(seed)
    for _ in range(epochs):
        rnd.shuffle(examples)
        for batch in spacy.util.minibatch(examples, size=32):
            nlp.update(batch, sgd=optimizer, drop=0.2)
    return nlp


def f1(gold: list[str], pred: list[str], label: str) -> float | None:
    tp = sum(g == p == label for g, p in zip(gold, pred))
    n_gold, n_pred = gold.count(label), pred.count(label)
    if not n_gold and not n_pred:
        return None
    return 2 * tp / (n_gold + n_pred)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=8)
    args = ap.parse_args()
    data = {p.stem: sentences_of(p, json.loads(g.read_text())) for p, g in papers()}
    data = {k: v for k, v in data.items() if v}
    rows = []
    for held in data:
        train_set = [x for k, v in data.items() if k != held for x in v]
        model = train(train_set, args.epochs)
        texts = [t for t, _ in data[held]]
        gold = [y for _, y in data[held]]
        learned = [max(d.cats, key=d.cats.get) for d in model.pipe(texts)]
        rules = rules_judge(texts)
        rows.append(
            (
                held,
                *(f1(gold, learned, lab) for lab in ("DECISION", "TASK")),
                *(f1(gold, rules, lab) for lab in ("DECISION", "TASK")),
            )
        )
    print(f"{'paper left out':55} {'learned D':>9} {'learned T':>9} {'rules D':>8} {'rules T':>8}")
    for name, *scores in rows:
        print(f"{name[:55]:55} " + " ".join(f"{s:9.2f}" if s is not None else f"{'-':>9}" for s in scores))
    for k, title in enumerate(("learned decisions", "learned tasks", "rules decisions", "rules tasks")):
        vals = [r[k + 1] for r in rows if r[k + 1] is not None]
        print(f"macro {title}: {sum(vals) / len(vals):.3f} over {len(vals)} papers")


if __name__ == "__main__":
    main()
