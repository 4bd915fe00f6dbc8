"""The keystroke figure: the keys, besides typed text, that a reference job takes in the editor.

    python benchmarks/keystrokes.py                         # 35cc9cf (from git) vs this tree
    python benchmarks/keystrokes.py --old PATH --new PATH   # two trees (each its own code)
    python benchmarks/keystrokes.py --json                  # machine-readable
    python benchmarks/keystrokes.py --trace                 # every step and where the focus is
    python benchmarks/keystrokes.py --quick                 # a smaller job (tests/bench runs it)
    python benchmarks/keystrokes.py --burst                 # then every key at once, as well

The job (``JOB`` below): a meeting header (title, date, start and end, place, chair, secretary
and the case header: document date, case handler, case no., document no.), 6 participants
(name, title, organisation; present, online and apologies), 3 agenda items (title, kind, time,
presenter, minutes, recommendation), 6 remarks on them (3 written, with the day received and
the author; all with a topic), 2 attachments and 1 action (text, owner, due), then ctrl+s.

Each build has its own script (``old_script``, ``new_script``): the shortest key path a skilled
user takes in that build's editor, as a list of steps, each typed text or one named key (Tab,
Enter, Esc, arrows, F-keys, ctrl+…, and single-letter commands such as ``a`` in a list or the
kind's letter). Where a build splits one typed line into fields (the new build's participant
"Name, title, organisation" and agenda line "Title (D) kl. 13.45 v/ Name"), the separators are
typed text, counted with the characters and shown apart. A script is run for real: a child
process with the build's own code on its ``PYTHONPATH`` opens a minimal meeting file in the
editor (Textual's Pilot, 80x24), presses every key, saves with ctrl+s, reads the saved TOML
with ``tomllib`` and compares every value of the job. Only a run whose file holds the whole
job is counted. ``expect`` steps check where the focus is at a few points (they press
nothing) so that a key that went astray is reported at the step where it happened.

Prints one row: old build's non-text keys, new build's, their ratio and the target (<= 0.6:
at least 40% fewer), then the typed characters of each (the same job: equal but for the
separators) and the keys per part of the job. Exit status 0 when the target is met, 1 when it
is not, 2 when a build could not do the job (the table says which step failed).

``--burst`` then runs each script once more with all its keys sent at once, as a fast typist,
a paste without bracketed paste or a slow SSH link delivers them, and says whether the saved
file still holds the whole job (not part of the figure; the old build is known to lose keys).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
import tomllib
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The build before this session's keyboard changes ("today's build" in the issue).
OLD_COMMIT = "35cc9cf"
TARGET = 0.6
FIGURE = "reference job: header, 6 participants, 3 items, 6 remarks, 2 attachments, 1 action"
QUICK_FIGURE = "quick job (for the tests): header, 2 participants, 1 item, 2 remarks"

# -- the job ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Remark:
    topic: str
    text: str
    #: Written remarks: the day received (as typed, d.m.yyyy) and the author.
    received: str = ""
    author: str = ""

    @property
    def written(self) -> bool:
        return bool(self.received)


@dataclass(frozen=True)
class Item:
    title: str
    kind: str
    time: str
    presenter: str
    minutes: str
    recommendation: str
    remarks: tuple[Remark, ...] = ()
    attachments: tuple[tuple[str, str], ...] = ()  # (title, path)
    actions: tuple[tuple[str, str, str], ...] = ()  # (text, owner, due as typed)


@dataclass(frozen=True)
class Job:
    title: str
    date: str
    start: str
    end: str
    location: str
    chair: str
    secretary: str
    #: In the order the header dialog offers its known keys (the next one not used yet).
    case: tuple[tuple[str, str], ...]
    #: (name, title, organisation, attendance)
    participants: tuple[tuple[str, str, str, str], ...]
    items: tuple[Item, ...]


JOB = Job(
    title="Styregruppemøde 3 om ny sagsbehandling",
    date="10.2.2026",
    start="13.00",
    end="15.30",
    location="Rådhuset, mødelokale 2",
    chair="Anne Holm",
    secretary="Bo Berg",
    case=(
        ("doc_date", "10.02.2026"),
        ("handler", "Bo Berg"),
        ("case_no", "26/01234"),
        ("doc_no", "26/01234-7"),
    ),
    participants=(
        ("Anne Holm", "kontorchef", "Teknik og Miljø", "present"),
        ("Bo Berg", "specialkonsulent", "Borgerservice", "present"),
        ("Carl Dam", "projektleder", "IT-afdelingen", "online"),
        ("Dorte Friis", "økonom", "Økonomi og Analyse", "online"),
        ("Eva Lund", "jurist", "Sekretariatet", "apologies"),
        ("Finn Kjær", "arkitekt", "Byggeri og Anlæg", "present"),
    ),
    items=(
        Item(
            "Status på projektet",
            "O",
            "13.15",
            "Anne Holm",
            "Anne orienterede om status. Projektet følger tidsplanen, og budgettet holder.",
            "Det indstilles, at styregruppen tager status til efterretning.",
            remarks=(
                Remark("Økonomi", "Budgettet bør følges månedligt."),
                Remark("Økonomi", "Afvigelser over fem procent meldes straks til styregruppen."),
            ),
            attachments=(
                ("Statusrapport januar", "bilag/statusrapport.pdf"),
                ("Opdateret tidsplan", "bilag/tidsplan.pdf"),
            ),
        ),
        Item(
            "Budget 2027",
            "D",
            "13.45",
            "Dorte Friis",
            "Dorte gennemgik udkastet til budget. Styregruppen drøftede prioriteringerne.",
            "Det indstilles, at styregruppen drøfter udkastet til budget.",
            remarks=(
                Remark(
                    "Personale",
                    "Der mangler en post til efteruddannelse.",
                    received="12.2.2026",
                    author="Eva Lund",
                ),
                Remark(
                    "Personale",
                    "Vikarudgifterne er sat for lavt.",
                    received="13.2.2026",
                    author="Carl Dam",
                ),
            ),
        ),
        Item(
            "Valg af leverandør",
            "B",
            "14.30",
            "Carl Dam",
            "Styregruppen besluttede at indhente tre tilbud.",
            "Det indstilles, at styregruppen beslutter at indhente tilbud.",
            remarks=(
                Remark("Tidsplan", "Tilbuddene skal foreligge inden næste møde."),
                Remark(
                    "Tidsplan",
                    "Husk at give leverandørerne mindst tre uger.",
                    received="14.2.2026",
                    author="Finn Kjær",
                ),
            ),
            actions=(("Indhent tilbud fra tre leverandører", "Carl Dam", "1.3.2026"),),
        ),
    ),
)

#: A smaller job for the tests (``--quick``): one case field, two participants, one item with
#: a remark of each kind, an attachment and the action. Its numbers are not the figure.
QUICK = Job(
    title=JOB.title,
    date=JOB.date,
    start=JOB.start,
    end=JOB.end,
    location=JOB.location,
    chair=JOB.chair,
    secretary="Carl Dam",
    case=JOB.case[:1],
    participants=(JOB.participants[0], JOB.participants[2]),
    items=(
        replace(
            JOB.items[2],
            attachments=(("Liste over leverandører", "bilag/leverandoerer.pdf"),),
        ),
    ),
)

#: The file the editor is opened on: what `referat new` writes, less its two standing items
#: and its case field (the job types every value itself).
START_FILE = 'format = 1\nlang = "da"\nstatus = "draft"\ntitle = "Nyt møde"\n'

# -- scripts ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    kind: str  # "text", "key" or "expect" (where the focus must be; presses nothing)
    value: str
    part: str
    #: Typed text that is not a value of the job: the separators of a line the build splits
    #: into fields (", " between a participant's name, title and organisation; " (D) kl. "
    #: and " v/ " in an agenda line). Counted as text, and shown apart.
    markup: bool = False


@dataclass
class Script:
    """Steps in the order they are pressed, each marked with the part of the job it is for."""

    job: Job
    steps: list[Step] = field(default_factory=list)
    part: str = ""
    #: The item's tab shown (the editor keeps it from item to item).
    tab: str = "minutes"
    #: The item editor's tabs in this build, in the order F6 steps through them.
    tabs: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self.tabs = self.tabs or TABS

    def for_part(self, part: str) -> None:
        self.part = part

    def key(self, *names: str) -> None:
        self.steps.extend(Step("key", name, self.part) for name in names)

    def text(self, text: str) -> None:
        if text:
            self.steps.append(Step("text", text, self.part))

    def line(self, *pieces: str) -> None:
        """One line of text the build splits into fields: values and separators in turn
        (``pieces[1]``, ``pieces[3]`` … are separators, typed as text, counted apart)."""
        for place, piece in enumerate(pieces):
            if piece:
                self.steps.append(Step("text", piece, self.part, markup=place % 2 == 1))

    def expect(self, where: str) -> None:
        """``where``: "Class", "#id" or "Class#id" of the focused widget (any class it is)."""
        self.steps.append(Step("expect", where, self.part))

    def to_tab(self, tab: str) -> None:
        """F6 (next tab) or F5 (previous), whichever way round is shorter; the cursor goes
        into the tab (its text, or its list)."""
        tabs = self.tabs
        here, there = tabs.index(self.tab), tabs.index(tab)
        forward = (there - here) % len(tabs)
        backward = (here - there) % len(tabs)
        self.key(*(["f6"] * forward if forward <= backward else ["f5"] * backward))
        self.tab = tab

    def keys(self) -> int:
        return sum(1 for step in self.steps if step.kind == "key")

    def chars(self) -> int:
        return sum(len(step.value) for step in self.steps if step.kind == "text")

    def markup_chars(self) -> int:
        """The typed characters that are separators, not values of the job."""
        return sum(len(step.value) for step in self.steps if step.kind == "text" and step.markup)

    def keys_by_part(self) -> dict[str, int]:
        parts = Counter(step.part for step in self.steps if step.kind == "key")
        return {part: parts[part] for part in PARTS if parts[part]}


PARTS = ("meeting header", "participants", "items", "remarks", "attachments", "action", "save")
#: The item editor's tabs, in the order F6 steps through them (the new build once a decision
#: item (B) exists; before that, and always in the old one, 35cc9cf, no decision tab: OLD_TABS).
TABS = (
    "minutes",
    "recommendation",
    "decision",
    "remarks",
    "remarks_note",
    "problem",
    "solution",
    "next_steps",
    "attachments",
    "actions",
)
OLD_TABS = tuple(tab for tab in TABS if tab != "decision")
#: The tabs that hold a list (and its entry's fields), not a text.
LIST_TABS = ("remarks", "attachments", "actions")
SPACES = {"present": 0, "online": 1, "apologies": 2}  # Space in the table: present -> online …


def meeting_header(s: Script, *, ring: bool, value_first: bool) -> None:
    """The case header first (Shift+Tab from the agenda reaches its list, the last field of
    the meeting panel shown at start), then the title and Tab on. ``ring``: Tab goes round the
    panel's fields (new build), so Tab from the list is the title; else Tab goes on to the
    agenda, where Enter opens the panel on its title. ``value_first``: a new case field's
    dialog starts in its value (new build); else in its key, two Tabs before the value."""
    job = s.job
    s.for_part("meeting header")
    s.key("shift+tab")
    s.expect("HeaderList")
    for _key, value in job.case:
        s.key("a")  # the dialog offers the next known key: document date, handler, case, doc
        if not value_first:
            s.expect("Select#key")
            s.key("tab", "tab")  # past the label (a known key needs none)
        s.expect("Input#value")
        s.text(value)
        s.key("enter")
        s.expect("HeaderList")
    s.key("tab")
    if not ring:
        s.expect("NavPanel")
        s.key("enter")  # the meeting panel, cursor in the title
    s.expect("Input#title")
    s.text(job.title)
    for value, where in (
        (job.date, "Input#date"),
        (job.start, "Input#start"),
        (job.end, "Input#end"),
        (job.location, "Input#location"),
    ):
        s.key("tab")
        s.expect(where)
        s.text(value)


def participants(s: Script, *, one_line: bool) -> None:
    """Each participant through ``a`` (its dialog, cursor in the name), then Space for the
    attendance (present -> online -> apologies) and ``c`` / ``s`` for chair and secretary.
    ``one_line``: "Name, title, organisation" typed in the name fills the three (new build);
    else Tab from field to field. (``d``, a copy with the same attendance, is no shorter:
    its dialog holds the copy's values, each typed over field by field; a line is split only
    in a new participant's dialog.)"""
    s.for_part("participants")
    s.key("escape")
    s.expect("NavPanel")
    s.key("down", "enter")
    s.expect("ParticipantsTable")
    for name, title, organisation, attendance in s.job.participants:
        s.key("a")
        s.expect("Input#name")
        if one_line:
            s.line(name, ", ", title, ", ", organisation)
        else:
            s.text(name)
            s.key("tab")
            s.text(title)
            s.key("tab")
            s.text(organisation)
        s.key("enter")
        s.expect("ParticipantsTable")
        s.key(*["space"] * SPACES[attendance])
        if name == s.job.chair:
            s.key("c")
        if name == s.job.secretary:
            s.key("s")


def item_fields(s: Script, item: Item, *, agenda_line: bool) -> None:
    """From the agenda: ``a`` (a new item after the selected one, cursor in its title), then
    the minutes and the recommendation. ``agenda_line`` (new build): the title typed as the
    agenda reads, "Budget 2027 (D) kl. 13.45 v/ Dorte Friis"; Enter sets kind, time and
    presenter and goes to the minutes. Else (old build): the kind by its letter, the time and
    the presenter field by field, Esc to the agenda and Enter to the minutes."""
    s.for_part("items")
    s.key("a")
    s.expect("Input#item-title")
    if agenda_line:
        s.line(item.title, f" ({item.kind}) kl. ", item.time, " v/ ", item.presenter)
        s.key("enter")
    else:
        s.text(item.title)
        s.key("tab")
        s.expect("KindSelect")
        s.key(item.kind.lower())
        s.key("tab")
        s.expect("Input#item-time")
        s.text(item.time)
        s.key("tab", "tab")  # past the duration
        s.expect("Input#item-presenters")
        s.text(item.presenter)
        s.key("escape", "enter")  # back to the agenda, Enter opens the minutes
    s.tab = "minutes"
    s.expect("SectionArea#section-minutes")
    s.text(item.minutes)
    s.to_tab("recommendation")
    s.expect("SectionArea#section-recommendation")
    s.text(item.recommendation)


def attachments(s: Script, item: Item, *, back: tuple[str, ...]) -> None:
    """``back``: the keys from an attachment's last field to the list."""
    s.for_part("attachments")
    s.to_tab("attachments")
    s.expect("AttachmentList")
    for place, (title, path) in enumerate(item.attachments):
        if place:
            s.key(*back)
            s.expect("AttachmentList")
        s.key("a")  # a new attachment, cursor in its title
        s.expect("Input#title")
        s.text(title)
        s.key("tab")
        s.text(path)


def actions(s: Script, item: Item, *, enter_to_apply: bool) -> None:
    """``enter_to_apply``: the due date is applied only on Enter or when the cursor leaves
    it, not by a save (old build: without it the file has no due date)."""
    s.for_part("action")
    s.to_tab("actions")
    s.expect("ActionList")
    for text, owner, due in item.actions:
        s.key("a")
        s.expect("Input#text")
        s.text(text)
        s.key("tab")
        s.text(owner)
        s.key("tab")
        s.expect("Input#due")
        s.text(due)
        if enter_to_apply:
            s.key("enter")


def old_script(job: Job) -> Script:
    """Commit 35cc9cf: lists take a/Enter/e/d(elete); a remark's source is a Select (a list
    that opens); no next-remark key; Esc from anywhere goes to the agenda."""
    s = Script(job, tabs=OLD_TABS)
    meeting_header(s, ring=False, value_first=False)
    participants(s, one_line=False)
    s.for_part("items")
    s.key("escape")  # from the participants table to the agenda
    for number, item in enumerate(job.items):
        if number:
            s.for_part("items")
            s.key("escape")  # to the agenda, on this item: "a" adds the next after it
            s.expect("NavPanel")
        item_fields(s, item, agenda_line=False)
        s.for_part("remarks")
        s.to_tab("remarks")  # cursor in the list
        s.expect("RemarkList")
        topic = ""
        for place, remark in enumerate(item.remarks):
            if place:
                s.key("f6", "f5")  # from the remark's text back to the list: next tab and back
                s.expect("RemarkList")
            s.key("a")  # a new remark with the selected one's topic, cursor in the topic
            s.expect("Input#topic")
            if remark.topic != topic:
                s.text(remark.topic)
            s.key("tab")
            s.expect("Select#source")
            if remark.written:
                s.key("enter")  # open the list of sources
                s.expect("SelectOverlay")
                s.key("down", "enter")  # skriftlig
                s.expect("Select#source")
                s.key("tab")
                s.expect("Input#received")
                s.text(remark.received)
                s.key("tab")
                s.expect("Input#author")
                s.text(remark.author)
                s.key("tab")
            else:
                s.key("tab", "tab", "tab")  # past received and author
            s.expect("TextArea#text")
            s.text(remark.text)
            topic = remark.topic
        if item.attachments:
            attachments(s, item, back=("shift+tab", "shift+tab"))  # path, title, list
        if item.actions:
            actions(s, item, enter_to_apply=True)
    s.for_part("save")
    s.key("ctrl+s")
    return s


def to_agenda(s: Script) -> None:
    """From a field or list of a list tab (remarks, attachments, actions) to the agenda: F5 or
    F6 to the nearest text tab, where Esc goes to the agenda (Esc from the list tab takes
    three steps: the list, the tab line, the agenda)."""
    tabs = s.tabs
    here = tabs.index(s.tab)
    for step in range(1, len(tabs)):
        for key, delta in (("f5", -1), ("f6", 1)):
            tab = tabs[(here + delta * step) % len(tabs)]
            if tab not in LIST_TABS:
                s.key(*[key] * step)
                s.tab = tab
                s.expect("SectionArea")
                s.key("escape")
                return


def new_remarks(s: Script, item: Item) -> None:
    """The new build's remarks: ``a`` on the list (a new remark like the selected one, cursor
    in its topic), Tab to the source toggle and ``w`` (written, received today), Tab to the
    day received and the author, Enter to the text. A remark with the topic of the one before:
    ``ctrl+r`` in that one's text (same topic, source and day received, cursor in the new
    text); its text is typed first, then Shift+Tab goes up through what differs (author, day
    received, source: the day typed before ``w``, which keeps a day it has), so no key is
    needed to come back to the text."""
    s.for_part("remarks")
    s.to_tab("remarks")  # cursor in the list
    s.expect("RemarkList")
    previous: Remark | None = None
    for remark in item.remarks:
        if previous is None or remark.topic != previous.topic:
            if previous is not None:
                s.key("escape")  # from the text to the list
                s.expect("RemarkList")
            like_written = previous is not None and previous.written  # what "a" copies
            s.key("a")  # cursor in the topic (the selected remark's, typed over)
            s.expect("Input#topic")
            s.text(remark.topic)
            if remark.written or like_written:
                s.key("tab")
                s.expect("SourceToggle")
            if remark.written:
                if not like_written:
                    s.key("w")  # written (and received today, typed over next)
                s.key("tab")
                s.expect("Input#received")
                s.text(remark.received)
                s.key("tab")
                s.expect("Input#author")
                s.text(remark.author)
            elif like_written:
                s.key("m")  # said at the meeting
            s.key("enter")  # on to the text
            s.expect("TextArea#text")
            s.text(remark.text)
        else:
            if previous.written and not remark.written:
                raise ValueError("a meeting remark after a written one: not scripted")
            s.key("ctrl+r")
            s.expect("TextArea#text")
            s.text(remark.text)
            if remark.written:
                s.key("shift+tab")
                s.expect("Input#author")
                s.text(remark.author)
                if remark.received != previous.received:
                    s.key("shift+tab")
                    s.expect("Input#received")
                    s.text(remark.received)
                if not previous.written:
                    s.key("shift+tab")
                    s.expect("SourceToggle")
                    s.key("w")  # the day typed above stays (today only for a remark without)
        previous = remark


def new_script(job: Job) -> Script:
    """This session's build: a new case field's dialog starts in its value; a participant is
    one line, "Name, title, organisation"; an item's title is typed as the agenda reads ("…
    (D) kl. 13.45 v/ Dorte Friis") and Enter fills kind, time and presenter and goes to the
    minutes; lists take a/Enter/e/d(uplicate)/x, and Enter in an attachment's or action's
    field goes back to the list; a remark's source is one line set by a letter, Enter in its
    topic, date or author goes to its text, ctrl+r in a remark starts the next one with the
    same topic, source and day received, cursor in its text; Esc steps back one level (field,
    list, tab line, agenda; from a text tab, the agenda); Tab goes round the meeting panel's
    fields; a save applies every field on the screen."""
    # the decision tab shows once an item is a decision item (B): not on a new meeting
    s = Script(job, tabs=OLD_TABS)
    meeting_header(s, ring=True, value_first=True)
    participants(s, one_line=True)
    s.for_part("items")
    s.key("escape")  # from the participants table to the agenda
    for number, item in enumerate(job.items):
        if number:
            s.for_part("items")
            to_agenda(s)  # on this item: "a" adds the next after it
            s.expect("NavPanel")
        item_fields(s, item, agenda_line=True)
        if item.kind == "B":
            s.tabs = TABS
        if item.remarks:
            new_remarks(s, item)
        if item.attachments:
            attachments(s, item, back=("enter",))  # Enter in a field: done, back to the list
        if item.actions:
            actions(s, item, enter_to_apply=False)  # ctrl+s applies the date in its field
    s.for_part("save")
    s.key("ctrl+s")
    return s


SCRIPTS = {"old": old_script, "new": new_script}

# -- checking the saved file ----------------------------------------------------------------


def _date(text: str) -> dt.date:
    day, month, year = (int(part) for part in text.split("."))
    return dt.date(year, month, day)


def _topic(topic: str | list[str]) -> list[str]:
    """A topic of one level may be written as a string."""
    return [topic] if isinstance(topic, str) else list(topic)


def compare(saved: dict, job: Job) -> tuple[int, list[str]]:
    """Every value of ``job`` against the saved file (read with ``tomllib``): (the number of
    values compared, how they differ; [] when they do not)."""
    found: list[str] = []
    compared = 0

    def same(where: str, got: object, want: object) -> None:
        nonlocal compared
        compared += 1
        if got != want:
            found.append(f"{where}: {got!r}, expected {want!r}")

    for name, want in (
        ("title", job.title),
        ("date", _date(job.date)),
        ("start", job.start),
        ("end", job.end),
        ("location", job.location),
        ("chair", job.chair),
        ("secretary", job.secretary),
    ):
        same(name, saved.get(name), want)
    header = {entry.get("key"): entry.get("value") for entry in saved.get("header", [])}
    same("header", header, dict(job.case))
    people = [
        (p.get("name"), p.get("title"), p.get("organisation"), p.get("attendance", "present"))
        for p in saved.get("participants", [])
    ]
    same("participants", people, list(job.participants))
    items = saved.get("items", [])
    same("number of items", len(items), len(job.items))
    for number, (got, want) in enumerate(zip(items, job.items, strict=False), 1):
        where = f"item {number}"
        same(f"{where} title", got.get("title"), want.title)
        same(f"{where} kind", got.get("kind"), want.kind)
        same(f"{where} time", got.get("time"), want.time)
        same(f"{where} presenters", got.get("presenters"), [want.presenter])
        same(f"{where} minutes", got.get("minutes", "").strip(), want.minutes)
        same(f"{where} recommendation", got.get("recommendation", "").strip(), want.recommendation)
        remarks = [
            (
                _topic(r.get("topic", [])),
                r.get("source", "meeting"),
                r.get("received"),
                r.get("author", ""),
                r.get("text", "").strip(),
            )
            for r in got.get("remarks", [])
        ]
        wanted = [
            (
                [r.topic],
                "written" if r.written else "meeting",
                _date(r.received) if r.written else None,
                r.author,
                r.text,
            )
            for r in want.remarks
        ]
        same(f"{where} remarks", remarks, wanted)
        attachments = [(a.get("title"), a.get("path", "")) for a in got.get("attachments", [])]
        same(f"{where} attachments", attachments, list(want.attachments))
        actions = [
            (a.get("text"), a.get("owner", ""), a.get("due"), a.get("done", False))
            for a in got.get("actions", [])
        ]
        same(f"{where} actions", actions, [(t, o, _date(d), False) for t, o, d in want.actions])
    return compared, found


# -- running a script in a build (the child process) ------------------------------------------

#: Seconds an ``expect`` waits for the focus to get where it should (a form made by the key
#: before takes the focus after a refresh; on a busy machine that can take a while).
FOCUS_WAIT = 5.0


def _describe(widget: object) -> str:
    if widget is None:
        return "nothing"
    name = type(widget).__name__
    wid = getattr(widget, "id", None)
    return f"{name}#{wid}" if wid else name


def _matches(widget: object, where: str) -> bool:
    name, _, wid = where.partition("#")
    names = {cls.__name__ for cls in type(widget).__mro__}
    return (not name or name in names) and (not wid or getattr(widget, "id", None) == wid)


def _key_event(app, key: str):  # type: ignore[no-untyped-def]
    """The event Pilot's ``press`` makes for ``key`` (a key name or one character)."""
    import unicodedata

    from textual import events
    from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key

    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
    except KeyError:
        char = key if len(key) == 1 else None
    event = events.Key(key, char)
    event.set_sender(app)
    return event


async def _type(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` into the focused widget: its keys as the terminal delivers them, one
    after the other, then wait until the app is idle. (Pilot's ``press`` waits 40-150 ms after
    every key: minutes for the job's 1,200 characters.) No key of a text moves the focus, so
    they all reach the widget the step before put the cursor in."""
    app = pilot.app
    for char in text:
        app._driver.send_message(_key_event(app, char))
    await pilot.pause()


async def _focus_on(pilot, where: str) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + FOCUS_WAIT
    while not _matches(pilot.app.focused, where):
        if time.monotonic() > deadline:
            return False
        await pilot.pause(0.02)
    return True


async def _paced(pilot, script: Script, trace: bool, result: dict) -> bool:  # type: ignore[no-untyped-def]
    """Every step in turn, each key with ``pilot.press`` (which waits until the app is idle),
    checking the focus at each ``expect``; False (and ``result["error"]``) when one fails."""
    app = pilot.app
    pressed: Counter[str] = Counter()  # keys pressed per part, counted as they are pressed
    typed = markup = 0
    done: list[str] = []  # the steps pressed so far, for the report of a failure
    for number, step in enumerate(script.steps):
        began = time.perf_counter()
        if step.kind == "expect":
            if not await _focus_on(pilot, step.value):
                result["failed_step"] = number
                result["error"] = (
                    f"{step.part}: after {' '.join(done[-8:])} the focus is on "
                    f"{_describe(app.focused)} (screen {type(app.screen).__name__}), "
                    f"expected {step.value}"
                )
                return False
            continue
        if step.kind == "key":
            await pilot.press(step.value)
            pressed[step.part] += 1
            done.append(f"<{step.value}>")
        else:
            await _type(pilot, step.value)
            typed += len(step.value)
            markup += len(step.value) if step.markup else 0
            done.append(repr(step.value))
        if trace:
            took = (time.perf_counter() - began) * 1000
            print(
                f"{number:4} {step.part:14} {done[-1]:50} -> {_describe(app.focused)}"
                f"  {took:.0f} ms",
                file=sys.stderr,
            )
    result.update(
        keys=sum(pressed.values()),
        chars=typed,
        markup_chars=markup,
        keys_by_part={part: pressed[part] for part in PARTS if pressed[part]},
    )
    return True


async def _burst(pilot, script: Script) -> None:  # type: ignore[no-untyped-def]
    """Every key of the script at once, as a fast typist, a paste without bracketed paste or
    a slow SSH link delivers them (no ``expect``: nothing is looked at on the way), then wait
    until the app has handled them all."""
    app = pilot.app
    for step in script.steps:
        if step.kind == "expect":
            continue
        for key in [step.value] if step.kind == "key" else step.value:
            app._driver.send_message(_key_event(app, key))
    typeahead = getattr(app, "typeahead", None)  # the new build's queue of keys
    deadline = time.monotonic() + 300
    quiet = 0
    while time.monotonic() < deadline and quiet < 5:
        await pilot.pause(0.2)
        quiet = quiet + 1 if typeahead is None or typeahead.idle else 0


async def _drive(name: str, job: Job, folder: Path, *, burst: bool, trace: bool) -> dict:
    from textual.widgets import Input, TextArea

    from tui_referat.app import ReferatApp

    try:
        from tui_referat.storage.config import Config
    except ImportError:  # a tree from before issue 13's layers
        from tui_referat.config import Config  # type: ignore[no-redef]

    for cls in (TextArea, Input):  # no cursor blink: no timer between keys
        original = cls.__init__

        def init(self, *args, _original=original, **kwargs):  # type: ignore[no-untyped-def]
            _original(self, *args, **kwargs)
            self.cursor_blink = False

        cls.__init__ = init  # type: ignore[method-assign]

    script = SCRIPTS[name](job)
    path = folder / "referat.toml"
    path.write_text(START_FILE, "utf-8")
    app = ReferatApp(path, lang="da", config=Config())  # default keys, Danish
    result: dict = {"script": name, "burst": burst, "ok": False}
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            if burst:
                await _burst(pilot, script)
                result["screen"] = type(app.screen).__name__
            elif not await _paced(pilot, script, trace, result):
                return result
            await pilot.pause()
    except Exception as error:  # the app stopped: Textual re-raises what it died of
        result["error"] = f"the app stopped: {type(error).__name__}: {error}"
        return result
    compared, found = compare(tomllib.loads(path.read_text("utf-8")), job)
    result["compared"] = compared
    if found:
        result["error"] = "the saved file differs from the job: " + "; ".join(found)
        if burst and result["screen"] != "MainScreen":
            result["error"] += f" (at the end a {result['screen']} was open)"
        return result
    result["ok"] = True
    return result


def run_child(name: str, quick: bool, burst: bool, trace: bool) -> int:
    import tui_referat

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        home = folder / "home"
        os.environ["HOME"] = str(home)
        for variable, sub in (
            ("XDG_CONFIG_HOME", ".config"),
            ("XDG_STATE_HOME", ".local/state"),
            ("XDG_DATA_HOME", ".local/share"),
            ("XDG_CACHE_HOME", ".cache"),
        ):
            os.environ[variable] = str(home / sub)
        started = time.perf_counter()
        job = QUICK if quick else JOB
        result = asyncio.run(_drive(name, job, folder, burst=burst, trace=trace))
        result["seconds"] = round(time.perf_counter() - started, 1)
        result["code"] = str(Path(tui_referat.__file__).resolve().parent.parent)
    print(json.dumps(result, ensure_ascii=False))
    return 0 if result["ok"] else 1


# -- the report (the parent process) -----------------------------------------------------------


def _start(name: str, build: Path, *flags: str) -> subprocess.Popen:
    """Script ``name`` ("old" or "new") in a child process on the code in ``build``; flags:
    "--quick", "--burst", "--trace"."""
    env = dict(os.environ, PYTHONPATH=str(build), PYTHONDONTWRITEBYTECODE="1")
    env.pop("NO_COLOR", None)
    args = [sys.executable, str(Path(__file__).resolve()), "--run", name, *flags]
    return subprocess.Popen(
        args,
        cwd=build,
        env=env,
        stdout=subprocess.PIPE,
        stderr=None if "--trace" in flags else subprocess.PIPE,
        text=True,
    )


def _finish(proc: subprocess.Popen, name: str, build: Path) -> dict:
    out, err = proc.communicate(timeout=900)
    try:
        result = json.loads(out.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        tail = (err or out or "").strip().splitlines()[-12:]
        result = {"script": name, "ok": False, "error": "crashed: " + " | ".join(tail)}
    if result.get("code") not in (None, str(build)):
        result.update(ok=False, error=f"ran the code in {result['code']}, not in {build}")
    result["build"] = str(build)
    return result


def _runs(builds: dict[str, Path], *flags: str) -> dict[str, dict]:
    """Each build's script, both at the same time (one process each; a trace: in turn)."""
    if "--trace" in flags:
        return {n: _finish(_start(n, b, *flags), n, b) for n, b in builds.items()}
    procs = {n: _start(n, b, *flags) for n, b in builds.items()}
    return {n: _finish(procs[n], n, builds[n]) for n in builds}


def describe_tree(build: Path) -> str:
    """ "abc1234", "abc1234 + uncommitted changes", or the folder when it is not a checkout."""
    head = subprocess.run(
        ["git", "-C", str(build), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    if head.returncode != 0:
        return str(build)
    changed = subprocess.run(
        ["git", "-C", str(build), "status", "--porcelain", "--", "tui_referat"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return head.stdout.strip() + (" + uncommitted changes" if changed else "")


def old_from_git(folder: Path, commit: str = OLD_COMMIT) -> Path:
    """The code of ``commit`` (tui_referat and its themes) unpacked into ``folder``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit, "tui_referat", "themes"],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def measure(
    old_tree: Path | None, new_tree: Path, *, quick: bool, burst: bool, trace: bool
) -> dict:
    """Both builds' runs and the figure; ``burst``: then each script once more at full speed."""
    flags = ["--quick"] * quick
    with tempfile.TemporaryDirectory() as tmp:
        if old_tree is None:
            old_tree = old_from_git(Path(tmp))
            old_label = f"{OLD_COMMIT} (git archive)"
        else:
            old_label = describe_tree(old_tree.resolve())
        builds = {"old": old_tree.resolve(), "new": new_tree.resolve()}
        runs = _runs(builds, *flags, *["--trace"] * trace)
        bursts = _runs(builds, *flags, "--burst") if burst else {}
    old, new = runs["old"], runs["new"]
    old["tree"], new["tree"] = old_label, describe_tree(builds["new"])
    ratio = new["keys"] / old["keys"] if old["ok"] and new["ok"] else None
    return {
        "figure": QUICK_FIGURE if quick else FIGURE,
        "old": old,
        "new": new,
        "ratio": ratio,
        "target": TARGET,
        "met": ratio is not None and ratio <= TARGET,
        "full_speed": bursts,
    }


def table(report: dict) -> str:
    old, new, ratio = report["old"], report["new"], report["ratio"]

    def keys(result: dict) -> str:
        return str(result["keys"]) if result["ok"] else "FAILED"

    def chars(result: dict) -> str:
        if "chars" not in result:
            return "-"
        markup = result.get("markup_chars", 0)
        shown = str(result["chars"])
        return f"{shown} ({markup} of them separators)" if markup else shown

    met = ("yes" if report["met"] else "NO") if ratio is not None else "-"
    shown = f"{ratio:.2f}" if ratio is not None else "-"
    lines = [
        "| job | old build non-text keys | new build | ratio | target (<= 0.6) | met |",
        "| --- | --- | --- | --- | --- | --- |",
        f"| {report['figure']} | {keys(old)} | {keys(new)} | {shown} | <= {TARGET} | {met} |",
        f"| typed text, characters (the same job) | {chars(old)} | {chars(new)} | - | - | - |",
        "",
        "| non-text keys per part of the job | old build | new build |",
        "| --- | --- | --- |",
    ]
    for part in PARTS:
        counts = [result.get("keys_by_part", {}).get(part, 0) for result in (old, new)]
        lines.append(f"| {part} | {counts[0]} | {counts[1]} |")
    lines.append("")
    for label, result in (("old", old), ("new", new)):
        state = (
            f"the saved file holds the job ({result['compared']} comparisons)"
            if result["ok"]
            else f"FAILED: {result.get('error')}"
        )
        lines.append(f"{label} build: {result['tree']} ({result['build']}): {state}")
    for label, result in report["full_speed"].items():
        state = "the saved file holds the whole job" if result["ok"] else result.get("error")
        lines.append(f"{label} build, every key in one burst: {state}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", type=Path, help=f"the old build's tree (default: {OLD_COMMIT})")
    parser.add_argument("--new", type=Path, default=ROOT, help="the new build's tree")
    parser.add_argument("--quick", action="store_true", help="a smaller job (for the tests)")
    parser.add_argument(
        "--burst",
        action="store_true",
        help="then each script again with every key in one burst (not part of the figure)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument("--trace", action="store_true", help="every step, to stderr")
    parser.add_argument("--run", choices=sorted(SCRIPTS), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run:
        return run_child(args.run, args.quick, args.burst, args.trace)
    report = measure(args.old, args.new, quick=args.quick, burst=args.burst, trace=args.trace)
    print(json.dumps(report, ensure_ascii=False) if args.json else table(report))
    if not (report["old"]["ok"] and report["new"]["ok"]):
        return 2
    return 0 if report["met"] else 1


if __name__ == "__main__":
    sys.exit(main())
