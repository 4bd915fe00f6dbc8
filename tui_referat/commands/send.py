"""`referat send FILE [--to ADDR ...] [--cc ADDR ...] [--test-to ADDR] [--dry-run] [--yes]`.

Sends the minutes as the ``.eml`` export's message, with real headers, through the user's
``[send]`` config (SMTP or a sendmail command), and records it in the file as ``[[sent]]``.
``--test-to`` sends one copy to that address only and stops (nothing else is sent).
Exit 0 all delivered, 1 the send failed wholly or partly, 2 usage, config or file errors.
No Textual: heavy imports happen inside ``main``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..outbox import SendPlan, SendResult


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the meeting file (.toml)")
    parser.add_argument(
        "--to", action="append", metavar="ADDR", help="send to ADDR instead of the participants"
    )
    parser.add_argument("--cc", action="append", default=[], metavar="ADDR", help="add a Cc")
    parser.add_argument(
        "--test-to",
        metavar="ADDR",
        help="send one copy to ADDR only (e.g. yourself) and stop; nobody else gets it",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="print recipients, subject and size; send nothing"
    )
    parser.add_argument("--yes", action="store_true", help="send without asking")
    parser.add_argument(
        "--attach",
        nargs="*",
        metavar="PATH",
        help="attach files: alone, the meeting's attachment files (as export --attach); "
        "with PATHs, those files",
    )
    parser.add_argument(
        "--attach-pdf",
        action="store_true",
        help="attach the minutes as an archival PDF (as export --format pdf), named FILE.pdf",
    )
    parser.add_argument(
        "--include-closed",
        action="store_true",
        help="show closed items whole, marked confidential (FORTROLIGT)",
    )
    parser.add_argument("--config", metavar="PATH", help="the config file (default: the user's)")


def _lang(config_lang: str | None) -> str:
    """The language of what ``send`` says: the config's ``lang``, else from the
    environment (REFERAT_LANG, LANG …), as the editor does."""
    from ..text.words import detect_lang

    return config_lang or detect_lang()


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def summary(plan: SendPlan, lang: str) -> list[str]:
    """The lines shown before sending (and by ``--dry-run``)."""
    from ..text.words import say_in

    def who(addresses: list) -> list[str]:
        return [f"  {a.display_name} <{a.addr_spec}>" if a.display_name else f"  {a.addr_spec}"
                for a in addresses]  # fmt: skip

    lines = [f"{say_in(lang, 'send.to')} ({len(plan.to)}):", *who(plan.to)]
    if plan.test:
        lines.append("  (" + say_in(lang, "send.test_copy", addr=plan.to[0].addr_spec) + ")")
    if plan.cc:
        lines += [f"{say_in(lang, 'send.cc')} ({len(plan.cc)}):", *who(plan.cc)]
    lines.append(f"{say_in(lang, 'send.subject')}: {plan.subject}")
    lines.append(f"{say_in(lang, 'send.size')}: {plan.size_kb:.1f} KB")
    if plan.clip_warning:
        lines.append(f"  ({plan.clip_warning})")
    lines.append(f"{say_in(lang, 'send.transport')}: {plan.transport}")
    if plan.not_reached:
        lines.append(f"{say_in(lang, 'send.not_reached')} ({len(plan.not_reached)}):")
        for person in plan.not_reached:
            lines.append(f"  {person.name or '?'} ({say_in(lang, f'send.{person.reason}')})")
    return lines


def _ask(plan: SendPlan, lang: str) -> bool:
    from ..text.words import say_in

    count = len(plan.envelope_to)
    key = "send.ask.one" if count == 1 else "send.ask"
    try:
        answer = input(say_in(lang, key, n=count))
    except EOFError:
        return False
    return answer.strip().lower() in say_in(lang, "send.yes_words").split(",")


def _record(path: Path, plan: SendPlan, result: SendResult, lang: str) -> None:
    """Write the ``[[sent]]`` record into the file (under the editor's lock); when that
    cannot be done, say why and print the record to paste. Never loses it."""
    from ..domain.errors import MeetingFileError
    from ..outbox.plan import sent_record
    from ..safety import lock as locking
    from ..storage import load_meeting, save_meeting
    from ..storage.sent_toml import sent_toml
    from ..text.words import say_in

    record = sent_record(result, plan)
    if record is None:
        return
    why = ""
    held = locking.acquire(path)
    if isinstance(held, locking.LockHeld):
        who = held.owner or held.info.user
        why = say_in(lang, "send.held", who=f"{who}@{held.info.host}")
    else:
        try:
            meeting = load_meeting(path)  # as it is now: nothing another change made is lost
            meeting.sent.append(record)
            save_meeting(meeting, path)
        except MeetingFileError as error:
            why = str(error)
        except OSError as error:
            why = error.strerror or str(error)
        finally:
            locking.release(held)
    if why:
        _err(say_in(lang, "send.not_recorded", path=path, why=why))
        print(sent_toml(record), end="")
    else:
        print(say_in(lang, "send.recorded", path=path))


def main(args: argparse.Namespace) -> int:
    from ..domain.errors import MeetingFileError
    from ..outbox import PlanError, deliver, plan_send
    from ..storage import load_meeting
    from ..storage.config import load_config
    from ..storage.send_config import sending_problem
    from ..text.words import say_in

    config = load_config(Path(args.config) if args.config else None)
    lang = _lang(config.lang)
    send_problems = [p for p in config.problems if ": send." in p or ": send:" in p]
    if args.config and not Path(args.config).is_file():
        send_problems.append(f"{args.config}: no such file")
    missing = sending_problem(config.send) if not args.dry_run else None
    for problem in [*send_problems, *([missing] if missing else [])]:
        _err(say_in(lang, "send.config", problem=problem))
    if send_problems or missing:
        return 2
    path = Path(args.file)
    try:
        meeting = load_meeting(path)
    except MeetingFileError as error:
        _err(str(error))
        return 2
    attach: bool | list[str] = True if args.attach == [] else list(args.attach or [])
    try:
        plan = plan_send(
            meeting,
            config,
            to=args.to,
            cc=args.cc,
            test_to=args.test_to,
            attach=attach,
            include_closed=args.include_closed,
            base_dir=path.resolve().parent,
            lang=lang,
            attach_pdf=path.with_suffix(".pdf").name if args.attach_pdf else None,
        )
    except PlanError as error:
        _err(str(error))
        return 2
    if not plan.to and not plan.cc:
        _err(say_in(lang, "send.nobody"))
        return 2
    lines = summary(plan, lang)
    if args.dry_run:
        print("\n".join(lines))
        print(say_in(lang, "send.dry_run"))
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            _err(say_in(lang, "send.need_yes"))
            return 2
        print("\n".join(lines))
        if not _ask(plan, lang):
            print(say_in(lang, "send.cancelled"))
            return 1
    _err(say_in(lang, "send.sending"))
    result = deliver(plan, config.send)
    if result.delivered:
        addrs = ", ".join(result.delivered)
        print(say_in(lang, "send.delivered", n=len(result.delivered), addrs=addrs))
    for address, why in result.refused.items():
        _err(say_in(lang, "send.refused", addr=address, why=why))
    if result.error:
        _err(say_in(lang, "send.failed", error=result.error))
    _record(path, plan, result, lang)
    return 0 if result.ok else 1
