"""The export screen (ctrl+e): format, theme and output path, attachments for an .eml, closed
items in or out (out unless ticked); the export runs in a worker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select

from ... import export
from ...export.document import public_meeting
from ...export.eml import _attachments as eml_attachments  # what the eml export attaches
from ...storage.disk import save_file
from ...storage.session import Session
from ...text.words import WORDS, say, say_count
from ..dialogs.confirm import DialogSelect
from ..keys import key_label, keymap_of

#: The formats in the order offered (HTML first); others the exports know come after them.
DEFAULT_FORMATS: tuple[str, ...] = ("html", "pdf", "docx", "eml", "email", "md", "text")
#: The formats an export theme changes (the others ignore it: the selector is hidden).
THEMED_FORMATS = ("html", "pdf")


def export_formats() -> tuple[str, ...]:
    """The export formats, HTML first (the exports package decides which exist)."""
    return tuple(
        sorted(
            [*export.FORMATS, *export.DOCUMENT_FORMATS],
            key=lambda f: DEFAULT_FORMATS.index(f) if f in DEFAULT_FORMATS else 99,
        )
    )


def export_themes() -> list[str]:
    return export.available_themes()


def default_output(path: Path, fmt: str) -> Path:
    """ "meeting.toml" -> "meeting.html" / "meeting.eml" … next to the meeting file."""
    suffix = export.default_suffix(fmt)
    if fmt == "email" and suffix == ".html":
        suffix = ".email.html"  # never overwrite the HTML page's default name
    return path.with_name(path.stem + suffix)


def attachment_files(session: Session, include_closed: bool = False) -> int:
    """How many attachment files an .eml draft would carry (files that exist next to it; of
    closed items only with ``include_closed``)."""
    meeting = session.meeting if include_closed else public_meeting(session.meeting)
    return len(eml_attachments(meeting, session.path.parent))


def closed_items(session: Session) -> int:
    return sum(1 for item in session.meeting.items if item.closed)


def write_export(
    session: Session,
    fmt: str,
    theme: str | None,
    output: Path,
    attach: bool = False,
    include_closed: bool = False,
    subject: str | None = None,
) -> Path:
    """Render and write by the project's one file rule (``storage.atomic.write_file``).

    A file is written atomically (temp file in its folder, then rename); a new file gets the
    mode a normal create gives (the umask applies, as for the CLI), an existing file keeps its
    mode; a symlink is written through and a device or FIFO as it is."""
    data = export.render(
        session.meeting,
        fmt,
        theme=theme,
        base_dir=session.path.parent,
        attach=attach,
        include_closed=include_closed,
        subject=subject,
    )
    if isinstance(data, str):
        data = data.encode("utf-8")
    output = output.expanduser()
    if not output.is_absolute():
        output = session.path.parent / output
    if output.is_dir():
        raise IsADirectoryError(f"{output} is a folder")
    save_file(output, data)
    return output.resolve()


class TextCheckbox(Checkbox):
    """A checkbox whose state is text, "[x]" or "[ ]": never shown by colour alone."""

    def render(self) -> Content:
        box = Content.from_rich_text(Text("[x]" if self.value else "[ ]", style="bold"))
        label = self.label.pad(1, 1).stylize_before(self.get_visual_style("toggle--label"))
        return Content.assemble(box, label)


class ExportScreen(ModalScreen[Path | None]):
    """Dismisses the written path (or None when closed without exporting)."""

    CSS_PATH = "export_screen.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "export.close", id="export.close"),
        Binding("ctrl+e", "run_export", "export.run", priority=True, id="export.run"),
        Binding("ctrl+o", "send", "send_ui.open", priority=True, id="export.send"),
    ]

    def __init__(
        self, session: Session, on_send: Callable[[bool, bool], None] | None = None
    ) -> None:
        """``on_send(include_closed, attach)``: opens the Send dialog ("Send …", ctrl+o)."""
        super().__init__()
        self.session = session
        self.on_send = on_send
        self.formats = export_formats()
        self.written: Path | None = None
        self._auto_path = default_output(session.path, self.formats[0])

    def compose(self) -> ComposeResult:
        themes = export_themes()
        with Vertical(id="export-box"):
            yield Label(say("export.title"), id="export-title")
            with Horizontal(classes="export-row"):
                yield Label(say("export.format"), classes="export-label")
                options = [
                    (say(f"export.format.{f}") if f"export.format.{f}" in WORDS else f, f)
                    for f in self.formats
                ]
                yield DialogSelect(
                    options, value=self.formats[0], allow_blank=False, id="export-format"
                )
            with Horizontal(classes="export-row", id="export-theme-row"):
                yield Label(say("export.theme"), classes="export-label")
                yield DialogSelect(
                    [(name, name) for name in themes],
                    prompt=say("export.default_theme"),
                    id="export-theme",
                )
            with Horizontal(classes="export-row"):
                yield Label(say("export.path"), classes="export-label")
                yield Input(str(self._auto_path), id="export-path")
            files = attachment_files(self.session)
            # On when there are files: a secretary expects the Bilag in the mail.
            yield TextCheckbox(self._attach_label(files), value=files > 0, id="export-attach")
            # Off unless ticked: closed items are confidential (shown when there are some).
            closed = closed_items(self.session)
            box = TextCheckbox(
                say_count("export.include_closed", closed), value=False, id="export-include-closed"
            )
            box.display = closed > 0
            yield box
            yield Label("", id="export-result", markup=False)
            with Horizontal(id="export-buttons"):
                yield Button(say("export.run"), id="export-run", variant="primary")
                if self.on_send is not None:
                    key = keymap_of(self).get("export.send", "ctrl+o").split(",")[0]
                    label = f"{say('send_ui.button')} {key_label(key.strip())}"
                    yield Button(label, id="export-send")
                yield Button(say("export.close"), id="export-close")

    def on_mount(self) -> None:
        self._show_options(self.formats[0])
        self.query_one("#export-format", Select).focus()

    @staticmethod
    def _attach_label(files: int) -> str:
        return say_count("export.attach_count", files) if files else say("export.attach")

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        """Closed items in or out: the attachment files the draft carries follow."""
        if event.checkbox.id == "export-include-closed":
            files = attachment_files(self.session, include_closed=event.value)
            self.query_one("#export-attach", Checkbox).label = self._attach_label(files)

    def _show_options(self, fmt: str) -> None:
        """Only what the format uses: the theme for HTML, the attachments for .eml."""
        self.query_one("#export-attach").display = fmt == "eml"
        self.query_one("#export-theme-row").display = fmt in THEMED_FORMATS

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != "export-format" or event.value is Select.NULL:
            return
        self._show_options(str(event.value))
        field = self.query_one("#export-path", Input)
        if field.value == str(self._auto_path):
            self._auto_path = default_output(self.session.path, str(event.value))
            field.value = str(self._auto_path)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export-run":
            self.action_run_export()
        elif event.button.id == "export-send":
            self.action_send()
        else:
            self.action_close()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_run_export()

    def on_dialog_select_submitted(self, event: DialogSelect.Submitted) -> None:
        event.stop()  # Enter on a closed dropdown: export, as Enter in the file name does
        self.action_run_export()

    def action_close(self) -> None:
        self.dismiss(self.written)

    def action_send(self) -> None:
        """The Send dialog over this one, with closed items and attachment files as ticked."""
        if self.on_send is not None:
            closed = self.query_one("#export-include-closed", Checkbox).value
            self.on_send(closed, self.query_one("#export-attach", Checkbox).value)

    def action_run_export(self) -> None:
        fmt = str(self.query_one("#export-format", Select).value)
        theme_value = self.query_one("#export-theme", Select).value
        theme = (
            None if theme_value is Select.NULL or fmt not in THEMED_FORMATS else str(theme_value)
        )
        output = Path(self.query_one("#export-path", Input).value.strip() or self._auto_path)
        attach = fmt == "eml" and self.query_one("#export-attach", Checkbox).value
        closed = self.query_one("#export-include-closed", Checkbox).value
        self.query_one("#export-result", Label).update(say("export.running"))
        self._export(fmt, theme, output, attach, closed)

    @work(thread=True, exclusive=True)
    def _export(
        self, fmt: str, theme: str | None, output: Path, attach: bool, include_closed: bool
    ) -> None:
        try:
            subject = getattr(getattr(self.app, "config", None), "subject", None)
            written = write_export(
                self.session, fmt, theme, output, attach, include_closed, subject
            )
        except Exception as error:  # any failure is shown, never a crash
            self.app.call_from_thread(self._failed, f"{type(error).__name__}: {error}")
        else:
            self.app.call_from_thread(self._done, written)
            if fmt == "eml":
                self.app.call_from_thread(self._say_who_gets_no_mail)

    def _done(self, written: Path) -> None:
        self.written = written
        self.query_one("#export-result", Label).update(say("export.written", path=str(written)))
        self.query_one("#export-result").remove_class("-error")
        self.notify(say("export.written", path=str(written)), timeout=8)

    def _say_who_gets_no_mail(self) -> None:
        """One notice naming every participant the email draft is not addressed to."""
        from ...export.eml import not_addressed

        missing = [
            f"{name or '?'} ({say(f'export.{reason}')})"
            for name, reason in not_addressed(self.session.meeting)
        ]
        if missing:
            names = ", ".join(missing)
            self.notify(say("export.not_addressed", names=names), severity="warning", markup=False)

    def _failed(self, message: str) -> None:
        self.query_one("#export-result", Label).update(say("export.failed", error=message))
        self.query_one("#export-result").add_class("-error")
