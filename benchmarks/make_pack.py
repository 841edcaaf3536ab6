"""Write a long, realistic agenda pack for the benchmark: ``python benchmarks/make_pack.py OUT.pdf --pages 500``.

The pages imitate what a community safety partnership's pack holds, and vary page by page
(seeded, so the same command gives the same file):

- a front sheet with numbered agenda items;
- minutes pages: attendance, items, "RESOLVED" decisions, actions with owners' initials in the margin;
- ruled performance tables with month columns (Apr .. Mar), baseline, target and RAG;
- ruled plan tables with priority, action, lead officer and target date;
- prose pages (officer reports) with headings and bulleted lists.

Uses reportlab when installed (the ``bench`` extra), so text has real font metrics;
otherwise falls back to the dependency-free writer in ``tests/pdfgen.py``.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

W, H = 595.0, 842.0  # A4 in points
LEFT, RIGHT = 60.0, 535.0

PLACES = ["Northtown", "Eastbridge", "Westmoor", "Southport", "Kingsford", "Ashby", "Millbrook", "Harwood"]
PEOPLE = [
    ("Cllr Jane Smith", "JS"),
    ("Supt Mark Oduya", "MO"),
    ("Sarah Patel", "SP"),
    ("David Hughes", "DH"),
    ("Insp Karen Wells", "KW"),
    ("Tom Bradley", "TB"),
    ("Dr Amina Rahman", "AR"),
    ("Liz Carter", "LC"),
    ("Cllr Peter Grant", "PG"),
    ("Helen Moss", "HM"),
    ("Gareth Evans", "GE"),
    ("Ruth Okafor", "RO"),
]
ORGS = [
    "Police",
    "Fire and Rescue",
    "Probation",
    "Public Health",
    "Housing",
    "Youth Offending Service",
    "Clinical Commissioning Group",
    "Community Safety Team",
]
TOPICS = [
    "anti-social behaviour",
    "domestic abuse",
    "serious violence",
    "knife crime",
    "hate crime",
    "drug-related harm",
    "reoffending",
    "child exploitation",
    "night-time economy",
    "road safety",
    "burglary",
    "modern slavery",
    "fly-tipping",
    "street drinking",
    "county lines",
]
INDICATORS = [
    "All recorded crime",
    "Violence with injury",
    "Domestic abuse incidents",
    "Anti-social behaviour incidents",
    "Residential burglary",
    "Knife crime offences",
    "Hate crime reports",
    "Repeat victims of domestic abuse",
    "First-time entrants to youth justice",
    "Proven reoffending rate",
    "Drug treatment completions",
    "Vehicle crime",
    "Shoplifting",
    "Criminal damage",
    "Rough sleepers counted",
]
MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"]
VERBS = ["review", "report on", "develop", "commission", "map", "agree", "circulate", "evaluate", "publish", "refresh"]


class Canvas:
    """The few drawing calls the pages need, over reportlab or tests/pdfgen.py."""

    def __init__(self, path: Path):
        self.path = path
        try:
            from reportlab.pdfgen import canvas
        except ImportError:
            canvas = None
        if canvas is not None:
            self.rl = canvas.Canvas(str(path), pagesize=(W, H), pageCompression=1)
            self.rl.setLineWidth(0.5)
        else:
            sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
            import pdfgen

            self.rl, self.pdfgen, self.pages, self.ops = None, pdfgen, [], []

    def text(self, x: float, top: float, s: str, size: float = 10.0, bold: bool = False) -> None:
        if self.rl is None:
            self.ops.append(self.pdfgen.text(x, top, s, size=size, bold=bold))
            return
        self.rl.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        self.rl.drawString(x, H - top - 0.8 * size, s)

    def rule(self, x0: float, top: float, x1: float, bottom: float) -> None:
        if self.rl is None:
            self.ops.append(self.pdfgen.rule(x0, top, x1, bottom))
        else:
            self.rl.line(x0, H - top, x1, H - bottom)

    def width(self, s: str, size: float, bold: bool = False) -> float:
        if self.rl is None:
            return 0.5 * size * len(s)
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return stringWidth(s, "Helvetica-Bold" if bold else "Helvetica", size)

    def end_page(self) -> None:
        if self.rl is None:
            self.pages.append(self.ops)
            self.ops = []
        else:
            self.rl.setLineWidth(0.5)
            self.rl.showPage()

    def save(self) -> None:
        if self.rl is None:
            self.path.write_bytes(self.pdfgen.make_pdf(self.pages))
        else:
            self.rl.save()


class Writer:
    """Flowing text on pages with a running header and a page number footer."""

    def __init__(self, c: Canvas, place: str):
        self.c, self.place, self.page, self.y = c, place, 0, 0.0
        self.new_page()

    def new_page(self) -> None:
        if self.page:
            self.c.end_page()
        self.page += 1
        self.c.text(LEFT, 30, f"{self.place} Community Safety Partnership", size=8)
        self.c.text(RIGHT - 40, 800, f"Page {self.page}", size=8)
        self.y = 70.0

    def room(self, need: float) -> None:
        if self.y + need > 770:
            self.new_page()

    def line(self, s: str, *, x: float = LEFT, size: float = 10.0, bold: bool = False, gap: float = 1.3) -> None:
        self.room(size * gap)
        self.c.text(x, self.y, s, size=size, bold=bold)
        self.y += size * gap

    def para(
        self, s: str, *, x: float = LEFT, size: float = 10.0, bold: bool = False, margin: str | None = None
    ) -> None:
        words, cur, lines = s.split(), "", []
        for w in words:
            trial = f"{cur} {w}".strip()
            if self.c.width(trial, size, bold) > RIGHT - x - 40 and cur:
                lines.append(cur)
                cur = w
            else:
                cur = trial
        lines.append(cur)
        self.room(len(lines) * size * 1.2 + size)
        if margin:
            self.c.text(RIGHT - 20, self.y, margin, size=9)
        for ln in lines:
            self.c.text(x, self.y, ln, size=size, bold=bold)
            self.y += size * 1.2
        self.y += size * 0.9

    def heading(self, s: str, size: float = 13.0) -> None:
        self.room(size * 4)
        self.y += size * 0.5
        self.line(s, size=size, bold=True, gap=1.8)

    def table(self, widths: list[float], rows: list[list[str]], size: float = 8.0) -> None:
        row_h = size * 2.2
        i = 0
        while i < len(rows):
            fit = max(2, int((770 - self.y) // row_h))
            chunk = rows[i : i + fit] if i == 0 else [rows[0]] + rows[i : i + fit - 1]
            if len(chunk) < 2:
                self.new_page()
                continue
            xs = [LEFT]
            for w in widths:
                xs.append(xs[-1] + w)
            top = self.y
            for r, row in enumerate(chunk):
                for col, cell in enumerate(row):
                    cell = cell[: max(3, int(widths[col] / (0.5 * size)))]
                    self.c.text(xs[col] + 3, top + r * row_h + 0.55 * size, cell, size=size, bold=r == 0)
            bottom = top + len(chunk) * row_h
            for r in range(len(chunk) + 1):
                self.c.rule(xs[0], top + r * row_h, xs[-1], top + r * row_h)
            for x in xs:
                self.c.rule(x, top, x, bottom)
            self.y = bottom + 14
            i += len(chunk) if i == 0 else len(chunk) - 1
            if i < len(rows):
                self.new_page()


def sentence(rng: random.Random) -> str:
    topic, org, place = rng.choice(TOPICS), rng.choice(ORGS), rng.choice(PLACES)
    return rng.choice(
        [
            f"The partnership noted a {rng.randint(2, 40)}% {rng.choice(['rise', 'fall'])} in {topic} in {place} compared with the same period last year.",
            f"{org} colleagues explained that demand linked to {topic} had been concentrated in a small number of wards.",
            f"Members asked how the new {topic} pathway would be funded once the current grant of £{rng.randint(10, 400)},000 ends.",
            f"A multi-agency problem-solving group has met {rng.randint(2, 12)} times since the last meeting and agreed a joint plan.",
            f"The {org.lower()} lead reported that {rng.randint(20, 300)} referrals had been received in the quarter.",
            f"Officers will bring a further report on {topic} to a future meeting of the board.",
        ]
    )


def front_sheet(w: Writer, rng: random.Random, n: int, date: str) -> None:
    w.line(f"{w.place} Community Safety Partnership", size=16, bold=True, gap=2)
    w.line(f"Agenda pack: meeting {n}", size=13, bold=True, gap=1.8)
    w.line(f"Date: {date}   Time: 2.00 pm   Venue: Committee Room {rng.randint(1, 6)}, Civic Centre", gap=2)
    w.heading("Agenda")
    for i, topic in enumerate(rng.sample(TOPICS, 8), start=1):
        w.para(f"{i}. {topic.capitalize()}: update from the {rng.choice(ORGS)} lead (pages {i * 4}-{i * 4 + 3})")


def minutes(w: Writer, rng: random.Random, date: str) -> None:
    w.heading(f"Minutes of the meeting held on {date}")
    w.line("Present:", bold=True)
    people = rng.sample(PEOPLE, rng.randint(5, 9))
    for name, _ in people:
        w.line(f"{name} ({rng.choice(ORGS)})", x=LEFT + 20)
    w.line("Apologies:", bold=True)
    w.line(", ".join(n for n, _ in rng.sample(PEOPLE, 2)), x=LEFT + 20, gap=2)
    for item in range(1, rng.randint(4, 7)):
        w.heading(f"{item}. {rng.choice(TOPICS).capitalize()}", size=11)
        w.para(" ".join(sentence(rng) for _ in range(rng.randint(2, 4))))
        w.para(
            f"RESOLVED: that the board {rng.choice(['notes', 'approves', 'endorses'])} the "
            f"{rng.choice(TOPICS)} {rng.choice(['report', 'action plan', 'strategy'])}.",
            bold=False,
        )
        name, initials = rng.choice(people)
        w.para(
            f"Action: {name} to {rng.choice(VERBS)} the {rng.choice(TOPICS)} data by "
            f"{rng.randint(1, 28)} {rng.choice(MONTHS)}.",
            margin=initials,
        )


def performance(w: Writer, rng: random.Random, year: int) -> None:
    w.heading(f"Performance report: quarter {rng.randint(1, 4)} {year}/{str(year + 1)[2:]}")
    w.para(sentence(rng) + " " + sentence(rng))
    months = MONTHS[: rng.randint(6, 12)]
    header = ["Indicator", *months, "Target", "RAG"]
    rows = [header]
    for name in rng.sample(INDICATORS, rng.randint(6, 10)):
        base = rng.randint(20, 900)
        rows.append(
            [
                name,
                *(str(max(0, base + rng.randint(-base // 5, base // 5))) for _ in months),
                str(base),
                rng.choice(["Red", "Amber", "Green"]),
            ]
        )
    first = 110.0
    rest = (RIGHT - LEFT - first - 60) / len(months)
    w.table([first, *[rest] * len(months), 32, 28], rows, size=7)


def plan(w: Writer, rng: random.Random, year: int) -> None:
    w.heading(f"Partnership plan {year}-{year + 3}: delivery")
    rows = [["Priority", "Action", "Lead officer", "Target date", "Status"]]
    for _ in range(rng.randint(5, 9)):
        rows.append(
            [
                rng.choice(TOPICS).capitalize(),
                f"{rng.choice(VERBS).capitalize()} {rng.choice(TOPICS)} work",
                rng.choice(PEOPLE)[0],
                f"{rng.choice(MONTHS)} {year + rng.randint(0, 2)}",
                rng.choice(["On track", "Complete", "Delayed", "Not started"]),
            ]
        )
    w.table([90, 150, 100, 70, 65], rows)


def prose(w: Writer, rng: random.Random) -> None:
    topic = rng.choice(TOPICS)
    w.heading(f"Report: {topic.capitalize()}")
    w.heading("1. Purpose", size=11)
    w.para(" ".join(sentence(rng) for _ in range(3)))
    w.heading("2. Background", size=11)
    for _ in range(rng.randint(2, 4)):
        w.para(" ".join(sentence(rng) for _ in range(rng.randint(2, 5))))
    w.heading("3. Recommendations", size=11)
    for i in range(1, rng.randint(3, 5)):
        w.para(f"3.{i} That the partnership {rng.choice(VERBS)} the {rng.choice(TOPICS)} proposals.")


def make_pack(path: Path, pages: int = 500, seed: int = 9) -> int:
    """Write the pack; returns the number of pages written (at least ``pages``)."""
    rng = random.Random(seed)
    c = Canvas(path)
    w = Writer(c, rng.choice(PLACES))
    meeting, year = 0, 2015
    makers = [minutes, performance, plan, prose, prose]
    while w.page < pages:
        meeting += 1
        date = f"{rng.randint(1, 28)} {rng.choice(['January', 'March', 'June', 'September', 'November'])} {year}"
        front_sheet(w, rng, meeting, date)
        w.new_page()
        for _ in range(rng.randint(3, 6)):
            maker = rng.choice(makers)
            maker(w, rng, year) if maker in (performance, plan) else (
                minutes(w, rng, date) if maker is minutes else maker(w, rng)
            )
            if w.page >= pages:
                break
            if rng.random() < 0.5:
                w.new_page()
        year += meeting % 3 == 0
        if w.page < pages:
            w.new_page()
    c.end_page()
    c.save()
    return w.page


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--seed", type=int, default=9)
    a = ap.parse_args()
    n = make_pack(a.out, a.pages, a.seed)
    print(f"{a.out}: {n} pages")


if __name__ == "__main__":
    main()
