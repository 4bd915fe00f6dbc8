"""The Send dialog: the minutes by email from the editor (the export dialog's "Send …",
ctrl+o, and F8 when ``[send] on_review`` is set).

It shows what ``referat send --dry-run`` shows (subject, transport, size, recipients, who will
not receive it) and the meeting's earlier sends (``[[sent]]``); "Send test" sends one copy to
the address typed, "Send to N" asks once and sends to every recipient. Planning and sending
run in a worker thread (``outbox``: ``plan_send``, ``deliver``); the progress comes back
through ``call_from_thread``, so the editor never freezes. A send that reached someone is
handed to ``record`` (the main screen applies it to the meeting and saves, as any edit).
Without a usable ``[send]`` set-up the dialog says what to write in the config file, and the
send buttons stay off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from ...domain.model import Meeting, Sent
from ...export.document import public_meeting
from ...export.eml import _attachments as eml_attachments  # what the message attaches
from ...outbox import PlanError, SendPlan, SendResult, deliver, plan_send
from ...outbox.plan import sent_record
from ...storage.config import Config, config_path
from ...storage.send_config import sending_problem
from ...storage.session import Session
from ...text import i18n
from ...text.words import get_lang, say, say_count
from ..dialogs.confirm import ConfirmDialog

#: What to put in the config file when sending is not set up (docs/SEND.md has the rest).
SETUP_EXAMPLE = """\
[send]
from = "Sanne Holm <sanne@example.dk>"
host = "smtp.example.dk"
user = "sanne@example.dk"
password_command = "pass show smtp"
{or_line}
# sendmail = "msmtp -t\""""


#: Lines of the dialog besides its scrolling part and status line: border 2, the test
#: address 2 (with the space above it), buttons 3.
FIXED_LINES = 7


def setup_problems(config: Config) -> list[str]:
    """What stops sending: the ``[send]`` problems of the config file, and what is missing."""
    problems = [p for p in config.problems if ": send." in p or ": send:" in p]
    missing = sending_problem(config.send)
    return [*problems, *([missing] if missing else [])]


def transport_text(config: Config) -> str:
    """ "SMTP smtp.example.dk:587 STARTTLS som sanne" or "sendmail: msmtp -t"."""
    send = config.send
    if send.sendmail:
        return f"sendmail: {send.sendmail}"
    security = {"starttls": "STARTTLS", "tls": "TLS", "none": "plain"}[send.security]
    text = f"SMTP {send.host}:{send.effective_port} {security}"
    return f"{text} {say('send_ui.transport_as', user=send.user)}" if send.user else text


def sent_at(record: Sent) -> dt.datetime | None:
    """When ``record`` went out, in local time."""
    return record.at.astimezone() if record.at is not None and record.at.tzinfo else record.at


def history_lines(meeting: Meeting, lang: str) -> list[str]:
    """The meeting's earlier sends, newest first: "3. december 2026 kl. 14.05 — udkast, 8
    modtagere", a test copy marked as one."""
    lines = []
    for record in reversed(meeting.sent):
        at = sent_at(record)
        when = i18n.format_datetime(at.replace(tzinfo=None), lang) if at else "?"
        key = f"send_ui.status.{record.status}"
        status = say(key) if key in _STATUS_KEYS else record.status
        if record.test:
            addr = ", ".join(record.to + record.cc)
            lines.append(say("send_ui.history_test", at=when, status=status, addr=addr))
        else:
            count = len(record.to) + len(record.cc)
            lines.append(say_count("send_ui.history_line", count, at=when, status=status))
    return lines


_STATUS_KEYS = ("send_ui.status.draft", "send_ui.status.review", "send_ui.status.approved")


def default_test_address(meeting: Meeting, config: Config) -> str:
    """The config's ``from``, else the secretary's email (the test copy goes to oneself)."""
    if config.send.from_:
        return config.send.from_
    name = meeting.secretary.strip().lower()
    for person in meeting.participants:
        if name and person.name.strip().lower() == name and person.email.strip():
            return person.email.strip()
    return ""


def _kb(plan: SendPlan) -> str:
    text = f"{plan.size_kb:.1f}"
    return text.replace(".", ",") if get_lang() == "da" else text


class SendScreen(ModalScreen[None]):
    """Send the open meeting (as it is on screen) by email; dismisses None."""

    CSS_PATH = "send_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "send_ui.close", id="send_ui.close"),
    ]

    def __init__(
        self,
        session: Session,
        config: Config,
        record: Callable[[Sent], None],
        *,
        include_closed: bool = False,
        attach: bool | None = None,
    ) -> None:
        """``record``: applies a ``[[sent]]`` record to the session and saves; ``attach``:
        the meeting's attachment files go along (None: when there are any)."""
        super().__init__()
        self.session = session
        self.config = config
        self.record = record
        self.include_closed = include_closed
        meeting = session.meeting if include_closed else public_meeting(session.meeting)
        #: How many attachment files go along (none unless ``attach``).
        self.files = 0 if attach is False else len(eml_attachments(meeting, session.path.parent))
        self.attach = self.files > 0
        self.problems = setup_problems(config)
        #: The plan shown (to everyone); None until made, or when it cannot be.
        self.plan: SendPlan | None = None
        self.sending = False
        self._was_focused: Widget | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="send-box") as box:
            box.border_title = say("send_ui.title")
            with VerticalScroll(id="send-body"):
                yield Static(self._setup_text(), id="send-setup", markup=False)
                yield Static(say("send_ui.preparing"), id="send-info", markup=False)
            with Horizontal(id="send-test-row"):
                yield Label(say("send_ui.test_to") + ":", id="send-test-label")
                address = default_test_address(self.session.meeting, self.config)
                yield Input(address, id="send-test-to", compact=True)
            yield Label("", id="send-status", markup=False)
            with Horizontal(id="send-buttons"):
                yield Button(say("send_ui.send_test"), id="send-test", disabled=True)
                yield Button(
                    say("send_ui.send_all", n="…"), id="send-all", variant="primary", disabled=True
                )
                yield Button(say("send_ui.close"), id="send-close")

    def on_mount(self) -> None:
        self.query_one("#send-setup").display = bool(self.problems)
        self.query_one("#send-close", Button).focus()
        self._fit()
        self._plan()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """The scrolling part gets what the terminal has left after the border, the test
        address, the status line(s) and the buttons, so those always show."""
        status = self.query_one("#send-status", Label)
        lines = max(1, status.outer_size.height)
        body = self.query_one("#send-body")
        body.styles.max_height = max(3, self.app.size.height - FIXED_LINES - lines)

    def _setup_text(self) -> Text:
        if not self.problems:
            return Text("")
        text = Text()
        for problem in self.problems:
            text.append(say("send_ui.setup", problem=problem) + "\n", style="bold")
        path = self.config.path or config_path()
        text.append(say("send_ui.setup_where", path=str(path)) + "\n")
        example = SETUP_EXAMPLE.format(or_line=say("send_ui.setup_or"))
        text.append(example + "\n", style="italic")
        text.append(say("send_ui.setup_more"))
        return text

    # -- the plan ---------------------------------------------------------------------------

    def _plan_now(self, test_to: str | None = None) -> SendPlan:
        return plan_send(
            self.session.meeting,
            self.config,
            test_to=test_to,
            attach=self.attach,
            include_closed=self.include_closed,
            base_dir=self.session.path.parent,
            lang=get_lang(),
        )

    @work(thread=True, exclusive=True, group="send-plan")
    def _plan(self) -> None:
        try:
            plan = self._plan_now()
        except PlanError as error:
            self.app.call_from_thread(self._show_status, say("send_ui.failed", error=error), True)
        except Exception as error:  # shown, never a crash
            message = say("send_ui.failed", error=f"{type(error).__name__}: {error}")
            self.app.call_from_thread(self._show_status, message, True)
        else:
            self.app.call_from_thread(self._show_plan, plan)

    def _show_plan(self, plan: SendPlan) -> None:
        self.plan = plan
        self._show_info()
        self.query_one("#send-all", Button).label = say("send_ui.send_all", n=len(plan.to))
        self._enable(True)

    def _show_info(self) -> None:
        plan = self.plan
        if plan is None:
            return
        text = Text()

        def line(label: str, value: str) -> None:
            text.append(f"{label}: ", style="bold")
            text.append(value + "\n")

        line(say("send.subject"), plan.subject)
        if not self.problems:
            line(say("send.transport"), transport_text(self.config))
        size = [say("send_ui.size", kb=_kb(plan))]
        if self.files:
            size.append(say_count("send_ui.files", self.files))
        if self.include_closed:
            size.append(say("send_ui.closed"))
        line(say("send.size"), " · ".join(size))
        if plan.clip_warning:
            text.append(f"  {plan.clip_warning}\n", style="bold")
        if plan.not_reached:
            text.append(say("send_ui.not_reached", n=len(plan.not_reached)) + ":\n", style="bold")
            for person in plan.not_reached:
                text.append(f"  {person.name or '?'} ({say(f'send.{person.reason}')})\n")
        history = history_lines(self.session.meeting, get_lang())
        if history:
            text.append(say("send_ui.history") + ":\n", style="bold")
            text.append("".join(f"  {entry}\n" for entry in history))
        text.append(say("send_ui.to", n=len(plan.to)) + ":\n", style="bold")
        if not plan.to:
            text.append("  " + say("send_ui.nobody") + "\n")
        for address in plan.to:
            name, shown = address.display_name, address.addr_spec
            text.append(f"  {name} <{shown}>\n" if name else f"  {shown}\n")
        text.rstrip()
        self.query_one("#send-info", Static).update(text)

    def _enable(self, on: bool) -> None:
        ready = on and not self.problems and self.plan is not None and not self.sending
        self.query_one("#send-test", Button).disabled = not ready
        self.query_one("#send-all", Button).disabled = not (ready and self.plan and self.plan.to)

    def _show_status(self, message: str, error: bool = False) -> None:
        status = self.query_one("#send-status", Label)
        status.update(message)
        status.set_class(error, "-error")
        self.call_after_refresh(self._fit)  # a long error takes more than one line

    # -- sending ------------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "send-test":
            self.action_send_test()
        elif event.button.id == "send-all":
            self.action_send_all()
        else:
            self.action_close()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_send_test()

    def action_send_test(self) -> None:
        if self.query_one("#send-test", Button).disabled:
            return
        address = self.query_one("#send-test-to", Input).value.strip()
        if not address:
            self._show_status(say("send_ui.no_test_address"), True)
            return
        self._start(address)

    def action_send_all(self) -> None:
        if self.query_one("#send-all", Button).disabled or self.plan is None:
            return
        question = say_count("send_ui.confirm", len(self.plan.envelope_to))

        def answered(yes: bool | None) -> None:
            if yes:
                self._start(None)

        self.app.push_screen(ConfirmDialog(question), answered)

    def _start(self, test_to: str | None) -> None:
        self._was_focused = self.focused
        self.sending = True
        self._enable(False)
        self._show_status(say("send_ui.preparing"))
        self._send(test_to)

    @work(thread=True, exclusive=True, group="send")
    def _send(self, test_to: str | None) -> None:
        call = self.app.call_from_thread
        try:
            plan = self._plan_now(test_to)
        except PlanError as error:
            call(self._finished, None, None, str(error))
            return
        except Exception as error:  # shown, never a crash
            call(self._finished, None, None, f"{type(error).__name__}: {error}")
            return

        def progress(stage: str) -> None:
            if stage != "done":
                call(self._show_status, say(f"send_ui.stage.{stage}"))

        result = deliver(plan, self.config.send, progress)
        call(self._finished, plan, result, None)

    def _finished(
        self, plan: SendPlan | None, result: SendResult | None, error: str | None
    ) -> None:
        self.sending = False
        self._enable(True)
        if self.focused is None and self._was_focused is not None:
            self.set_focus(self._was_focused)  # the button pressed was off while sending
        if plan is None or result is None:
            self._show_status(say("send_ui.failed", error=error), True)
            return
        record = sent_record(result, plan)
        if record is not None:
            self.record(record)
            self._show_info()
        if not result.delivered:
            self._show_status(say("send_ui.failed", error=result.error or "?"), True)
            return
        if plan.test:
            done = say("send_ui.test_sent", addr=", ".join(result.delivered))
        else:
            done = say_count("send_ui.sent", len(result.delivered))
        if result.refused or result.error:
            refused = "; ".join(f"{addr}: {why}" for addr, why in result.refused.items())
            total = len(plan.envelope_to)
            message = say("send_ui.partial", n=len(result.delivered), total=total, refused=refused)
            if result.error:
                message += f" ({result.error})"
            self._show_status(message, True)
            self.notify(message, severity="warning", timeout=15, markup=False)
            return
        self._show_status(done)
        self.notify(done, timeout=8, markup=False)

    def action_close(self) -> None:
        if self.sending:
            self.notify(say("send_ui.busy"), severity="warning")
            return
        self.dismiss(None)
