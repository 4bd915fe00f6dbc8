"""Email export of a 100-item meeting (~400 KB of Markdown) against markdown-it-py alone.

Plain script:  python benchmarks/bench_export.py [--figure N]
Prints the export time (figure), markdown-it-py rendering the same Markdown as one document
(baseline), their ratio and the target (ratio <= 1.5). CPU time, best of several rounds that
interleave the two, so a busy machine slows both alike. The meeting here has links, emphasis
and code in every text (more inline markup than the suite's generated meeting).

``--figure N`` also measures the suite's own figure N times, exactly as ``run.py`` does
(``figures_core.email_export``: the generated 100-item meeting, median of 7 alternating runs).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from markdown_it import MarkdownIt

from tui_referat.export import render
from tui_referat.model import (
    Action,
    AgendaItem,
    Attachment,
    Attendance,
    Kind,
    Meeting,
    NextMeeting,
    Participant,
    Remark,
    RemarkSource,
)

TARGET = 1.5
RUNS = 15

PARAGRAPH = (
    "Sekretariatet orienterede om **status** på arbejdet, herunder om den fælles løsning, "
    "der nu er i drift hos de fleste deltagere. Se også [notatet](https://example.org/notat) "
    "og bilag 3.1. Der er *fortsat* behov for at afklare økonomien, `drift` og ansvarsdeling "
    "mellem parterne, før arbejdet kan gå videre i næste fase.\n"
)
LIST = (
    "- der er nu knap 52.000 poster i databasen, og tallet vokser hver måned\n"
    "- tilbuddet videreføres i regionalt regi i hele 2026\n"
    "- en ny fælles login-løsning er sat i drift uden større nedbrud\n"
)


def _text(paragraphs: int, tag: str) -> str:
    """Distinct text per call site (``tag``), so no export cache can skip the work."""
    body = "\n".join(f"{PARAGRAPH[:-2]} ({tag}.{k}).\n" for k in range(paragraphs))
    return f"{body}\n{LIST}"


def big_meeting(items: int = 100) -> Meeting:
    people = [
        Participant(f"Deltager {n}", "konsulent", "Organisation", f"p{n}@example.org")
        for n in range(20)
    ]
    people[3].attendance = Attendance.ONLINE
    agenda = []
    for n in range(items):
        remarks = [
            Remark(_text(1, f"{n}r{k}"), topic=[f"Emne {k % 3}", f"Underemne {k}"])
            for k in range(2)
        ] + [
            Remark(_text(1, f"{n}w{k}"), RemarkSource.WRITTEN, [f"Emne {k}"], "Deltager 1")
            for k in range(1)
        ]
        agenda.append(
            AgendaItem(
                f"Punkt nummer {n + 1} om fælles infrastruktur",
                kind=Kind.DISCUSSION,
                duration=15,
                presenters=["Deltager 1"],
                recommendation=PARAGRAPH.replace("status", f"status {n}"),
                minutes=_text(2, f"{n}m"),
                problem=PARAGRAPH.replace("status", f"problem {n}"),
                solution=PARAGRAPH.replace("status", f"løsning {n}"),
                next_steps=PARAGRAPH.replace("status", f"proces {n}"),
                remarks=remarks,
                remarks_note=PARAGRAPH.replace("status", f"note {n}"),
                attachments=[Attachment("Notat", "https://example.org/notat.pdf")],
                actions=[Action("Følge op", "Deltager 2", dt.date(2025, 10, 1))],
            )
        )
    return Meeting(
        title="Stort møde",
        date=dt.date(2025, 9, 16),
        start=dt.time(9, 0),
        participants=people,
        items=agenda,
        next_meeting=NextMeeting(dt.date(2025, 12, 2), dt.time(14, 30), dt.time(16, 0), "online"),
    )


def markdown_texts(meeting: Meeting) -> list[str]:
    texts = []
    for item in meeting.items:
        texts += [item.recommendation, item.minutes]
        texts += [remark.text for remark in item.remarks]
        texts += [item.remarks_note, item.problem, item.solution, item.next_steps]
    return [t for t in texts if t.strip()]


def timed_rounds(
    funcs: dict[str, Callable[[], object]], runs: int = RUNS
) -> dict[str, list[float]]:
    """CPU seconds of each function per round; rounds interleave the functions so that the
    load of a busy machine hits them alike."""
    times: dict[str, list[float]] = {name: [] for name in funcs}
    for _ in range(runs):
        for name, func in funcs.items():
            start = time.process_time()
            func()
            times[name].append(time.process_time() - start)
    return times


def suite_figure(times: int) -> list[float]:
    """The ratio of run.py's "email export, 100 items" figure, measured ``times`` times."""
    from benchmarks.figures_core import email_export

    ratios = []
    for _ in range(times):
        ours, bare = email_export(100, 7)
        ratios.append(ours / bare)
        print(
            f"suite figure: {ours * 1000:.0f} ms vs {bare * 1000:.0f} ms, ratio {ours / bare:.2f}"
        )
    return ratios


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    args.add_argument("--figure", type=int, default=0, metavar="N", help="run.py's figure N times")
    figure_runs = args.parse_args().figure
    meeting = big_meeting()
    texts = markdown_texts(meeting)
    source = "\n\n".join(texts)
    md = MarkdownIt("commonmark").enable("table")
    render(meeting, "email")  # warm up imports and caches
    md.render(source)

    times = timed_rounds(
        {"baseline": lambda: md.render(source), "figure": lambda: render(meeting, "email")}
    )
    baseline, figure = min(times["baseline"]), min(times["figure"])
    ratio = figure / baseline
    per_round = statistics.median(
        f / b for f, b in zip(times["figure"], times["baseline"], strict=True)
    )
    size = len(render(meeting, "email"))
    print(f"markdown: {len(source.encode()) / 1024:.0f} KB in {len(texts)} texts")
    print(f"email html: {size / 1024:.0f} KB")
    print(f"figure   (referat email export, best of {RUNS}): {figure * 1000:.0f} ms")
    print(f"baseline (markdown-it-py render, best of {RUNS}): {baseline * 1000:.0f} ms")
    print(f"ratio: {ratio:.2f} (median of per-round ratios {per_round:.2f})  target: <= {TARGET}")
    ratios = suite_figure(figure_runs) if figure_runs else []
    return 0 if ratio <= TARGET and all(r <= TARGET for r in ratios) else 1


if __name__ == "__main__":
    sys.exit(main())
