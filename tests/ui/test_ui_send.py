"""The Send dialog (ctrl+e → "Send …", ctrl+o) against a real SMTP server on loopback: what
it lists, test copy, sending to everyone with the record saved in the file, a refused
recipient, a server that is down, no set-up, and text typed just before sending."""

from __future__ import annotations

from textual.widgets import Button, Input

from tui_referat.storage import load_meeting
from tui_referat.tui.dialogs.confirm import ConfirmDialog
from tui_referat.tui.screens.export_screen import ExportScreen
from tui_referat.tui.screens.send_screen import SendScreen

from ..conftest import notifications
from ..send.loopback import free_port, smtp_server  # noqa: F401  (a fixture)
from .send_helpers import on_disk, plain_text, shown, smtp_config, status, until, user_config

#: The sample's participants with an email address (14), and those without (2).
RECIPIENTS = 14


async def open_send(pilot) -> SendScreen:  # type: ignore[no-untyped-def]
    """ctrl+e, then the export dialog's "Send …" button; wait for the recipient list."""
    await pilot.press("ctrl+e")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ExportScreen)
    await pilot.click("#export-send")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SendScreen)
    await until(pilot, lambda: screen.plan is not None or "-error" in status_classes(screen))
    return screen


def status_classes(screen: SendScreen) -> set[str]:
    return set(screen.query_one("#send-status").classes)


def sent_done(screen: SendScreen) -> bool:
    return not screen.sending and not screen.query_one("#send-test", Button).disabled


async def test_the_dialog_lists_recipients_and_who_will_not_get_it(meeting_file, make_app):
    config = user_config('[send]\nfrom = "Sanne <sanne@example.dk>"\nhost = "smtp.example.dk"\n')
    app = make_app(meeting_file, config=config)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_send(pilot)
        text = shown(app)
        assert f"Til ({RECIPIENTS}):" in text
        assert "Får den ikke (2):" in text
        assert "Camilla Lund Sørensen (ingen e-mailadresse)" in text
        assert "Sendes med: SMTP smtp.example.dk:587 STARTTLS" in text
        assert "Emne: Referat: Møde 2" in text
        assert f"Send til {RECIPIENTS}" in text
        assert screen.query_one("#send-test-to", Input).value == "Sanne <sanne@example.dk>"
        # the list scrolls: its last recipient is reached from the keyboard
        assert "Mette Hviid Lauritsen <mhl@example.org>" not in text
        screen.query_one("#send-body").focus()
        await pilot.press("end")
        await pilot.wait_for_scheduled_animations()  # the scroll to the end is animated
        await pilot.pause()
        assert "Mette Hviid Lauritsen <mhl@example.org>" in shown(app)


async def test_a_test_copy_reaches_only_the_test_address(meeting_file, make_app, smtp_server):  # noqa: F811
    server = smtp_server()
    app = make_app(meeting_file, config=smtp_config(server.port))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_send(pilot)
        screen.query_one("#send-test-to", Input).value = "me@example.dk"
        await pilot.click("#send-test")
        await until(pilot, lambda: bool(server.inbox.messages) and sent_done(screen))
        [(_, rcpts, _raw)] = server.inbox.messages
        assert rcpts == ["me@example.dk"]
        assert "Testkopi sendt til me@example.dk" in status(app)
        [record] = load_meeting(meeting_file).sent  # saved in the file
        assert record.test and record.to == ["me@example.dk"]
        assert "testkopi (udkast) til me@example.dk" in shown(app)  # under "Sendt tidligere"
        assert not app.session.dirty


async def test_send_to_everyone_asks_once_then_records_it_in_the_file(
    meeting_file,
    make_app,
    smtp_server,  # noqa: F811
):
    server = smtp_server()
    app = make_app(meeting_file, config=smtp_config(server.port))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_send(pilot)
        await pilot.click("#send-all")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert f"til {RECIPIENTS} modtagere" in shown(app)
        assert not server.inbox.messages  # nothing before the answer
        await pilot.press("j")
        await until(pilot, lambda: bool(server.inbox.messages) and sent_done(screen))
        [(_, rcpts, _raw)] = server.inbox.messages
        assert len(rcpts) == RECIPIENTS
        assert f"Sendt til {RECIPIENTS} modtagere" in notifications(app)
        assert any(text.startswith("Gemt:") for text in notifications(app))
        assert "[[sent]]" in on_disk(meeting_file) and not app.session.dirty
        [record] = load_meeting(meeting_file).sent
        assert sorted(record.to) == sorted(rcpts) and not record.test
        assert f"udkast, {RECIPIENTS} modtagere" in shown(app)


async def test_no_answers_no_send(meeting_file, make_app, smtp_server):  # noqa: F811
    server = smtp_server()
    app = make_app(meeting_file, config=smtp_config(server.port))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_send(pilot)
        await pilot.click("#send-all")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and not screen.sending
        assert not server.inbox.messages and "[[sent]]" not in on_disk(meeting_file)


async def test_a_refused_recipient_is_named_and_only_the_delivered_are_recorded(
    meeting_file,
    make_app,
    smtp_server,  # noqa: F811
):
    server = smtp_server()
    server.inbox.refuse.add("sanne.holm@example.dk")
    app = make_app(meeting_file, config=smtp_config(server.port))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_send(pilot)
        await pilot.click("#send-all")
        await pilot.pause()
        await pilot.press("j")
        await until(pilot, lambda: bool(server.inbox.messages) and sent_done(screen))
        said = status(app)
        assert f"Sendt til {RECIPIENTS - 1} af {RECIPIENTS}" in said
        assert "Afvist: sanne.holm@example.dk: 550" in said
        assert any("Afvist: sanne.holm" in text for text in notifications(app, "warning"))
        [record] = load_meeting(meeting_file).sent
        assert "sanne.holm@example.dk" not in record.to and len(record.to) == RECIPIENTS - 1


async def test_a_server_that_is_down_is_one_red_line_and_nothing_is_recorded(
    meeting_file, make_app
):
    before = meeting_file.read_bytes()
    app = make_app(meeting_file, config=smtp_config(free_port()))  # nobody listens there
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_send(pilot)
        await pilot.click("#send-test")
        await until(pilot, lambda: sent_done(screen) and bool(status(app)))
        said = status(app)
        assert said.startswith("Ikke sendt: ") and "afviste forbindelsen" in said
        assert "-error" in status_classes(screen)
        assert meeting_file.read_bytes() == before and not app.session.meeting.sent
        assert not app.session.dirty
        await pilot.press("escape")  # the editor still answers: back to the export dialog
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, SendScreen)


async def test_without_set_up_the_dialog_says_what_to_write_where(meeting_file, make_app):
    config = user_config('lang = "da"\n')
    app = make_app(meeting_file, config=config)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_send(pilot)
        text = " ".join(line.strip() for line in shown(app).splitlines())
        assert "Afsendelse er ikke sat op: send.from is not set" in text
        assert str(config.path)[:30] in text
        assert 'from = "Sanne Holm <sanne@example.dk>"' in text
        assert "docs/SEND.md" in text
        assert screen.query_one("#send-test", Button).disabled
        assert screen.query_one("#send-all", Button).disabled
        await pilot.click("#send-all")
        await pilot.pause()
        assert app.screen is screen  # no question, nothing sent
        screen.query_one("#send-body").focus()
        await pilot.press("end")
        await pilot.wait_for_scheduled_animations()  # the scroll to the end is animated
        await pilot.pause()
        assert "<mhl@example.org>" in shown(app)  # who would get it is still shown
        await pilot.press("escape")
        await pilot.pause()
        config.path.write_text('[send]\nfrom = "a@b.dk"\nsendmail = "msmtp -t"\n')
        await pilot.click("#export-send")  # set up meanwhile: read again
        await pilot.pause()
        assert "Sendes med: sendmail: msmtp -t" in shown(app)
        assert not app.screen.query_one("#send-test", Button).disabled


async def test_text_typed_just_before_sending_is_in_the_message(
    meeting_file,
    make_app,
    smtp_server,  # noqa: F811
):
    server = smtp_server()
    app = make_app(meeting_file, config=smtp_config(server.port))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # item 1, cursor in its minutes
        await pilot.press(*"Zebrafinke ")
        screen = await open_send(pilot)  # at once: no pause for the editor to apply it
        await pilot.click("#send-test")
        await until(pilot, lambda: bool(server.inbox.messages) and sent_done(screen))
        [(_, _, raw)] = server.inbox.messages
        assert "Zebrafinke" in plain_text(raw)
        assert "Zebrafinke" in on_disk(meeting_file)  # saved with the record of the send


async def test_the_editor_answers_keys_while_a_slow_server_takes_the_message(
    meeting_file,
    make_app,
    smtp_server,  # noqa: F811
):
    server = smtp_server()
    server.inbox.hold = True
    app = make_app(meeting_file, config=smtp_config(server.port))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_send(pilot)
        await pilot.click("#send-test")
        await until(pilot, server.inbox.at_data.is_set)
        await until(pilot, lambda: status(app) == "Sender …")  # the progress shows
        assert screen.sending and screen.query_one("#send-all", Button).disabled
        field = screen.query_one("#send-test-to", Input)
        field.focus()
        await pilot.press("end", "x")  # typing works while the server is busy
        await pilot.pause()
        assert field.value.endswith("x")
        await pilot.press("escape")  # closing waits for the send, and says so
        await pilot.pause()
        assert app.screen is screen
        assert any("ved at blive sendt" in text for text in notifications(app, "warning"))
        server.inbox.release.set()
        await until(pilot, lambda: bool(server.inbox.messages) and sent_done(screen))
        assert "Testkopi sendt" in status(app)


async def test_closed_items_go_out_only_when_the_export_dialog_says_so(
    meeting_file,
    make_app,
    smtp_server,  # noqa: F811
):
    server = smtp_server()
    app = make_app(meeting_file, config=smtp_config(server.port))
    async with app.run_test(size=(80, 24)) as pilot:
        secret = app.session.meeting.items[0].title
        await pilot.press("l")  # close item 1
        await pilot.pause()
        for tick in (False, True):
            await pilot.press("ctrl+e")
            await pilot.pause()
            box = app.screen.query_one("#export-include-closed")
            if tick:
                box.toggle()
                await pilot.pause()
            await pilot.click("#export-send")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, SendScreen) and screen.include_closed is tick
            await until(pilot, lambda: screen.plan is not None)  # noqa: B023
            await pilot.click("#send-test")
            await until(pilot, lambda: len(server.inbox.messages) == tick + 1 and sent_done(screen))  # noqa: B023
            await pilot.press("escape", "escape")
            await pilot.pause()
        closed_out, closed_in = (plain_text(raw) for _, _, raw in server.inbox.messages)
        assert secret not in closed_out and secret in closed_in


async def test_f8_opens_the_send_dialog_when_on_review_is_set(meeting_file, make_app):
    for on_review in (True, False):
        config = user_config(
            '[send]\nfrom = "Sanne <sanne@example.dk>"\nhost = "smtp.example.dk"\n'
            f"on_review = {str(on_review).lower()}\n"
        )
        app = make_app(meeting_file, config=config)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("f8")
            await pilot.pause()
            await pilot.press("enter")  # the review dialog's deadline as proposed
            await pilot.pause()
            assert app.session.meeting.status.value == "review"
            assert isinstance(app.screen, SendScreen) is on_review
            if on_review:
                await until(pilot, lambda: app.screen.plan is not None)  # noqa: B023
                assert "Emne: Referat: Møde 2" in shown(app)


async def test_the_palette_and_f1_name_the_send_dialog_with_its_key(meeting_file, make_app):
    from tui_referat.tui.screens.help_screen import help_rows

    from .conftest import run_from_palette

    config = user_config('[send]\nfrom = "Sanne <sanne@example.dk>"\nhost = "smtp.example.dk"\n')
    app = make_app(meeting_file, config=config)
    async with app.run_test(size=(80, 24)) as pilot:
        rows = help_rows(app.screen)
        assert ("^O", "Send referatet …") in [(keys, text) for keys, text, _ in rows]
        await run_from_palette(pilot, "send ref")
        assert isinstance(app.screen, SendScreen)
