"""The email's subject says what it is and whether it is a draft, in every inbox list:
"Referat: TITLE (UDKAST)" while a draft, "Referat: TITLE" once approved, or the user's own
template from the config (``[send] subject``)."""

from __future__ import annotations

import email
from email.policy import default as default_policy
from pathlib import Path

import pytest

from tui_referat import cli
from tui_referat.domain.model import Meeting, Status
from tui_referat.export import render
from tui_referat.storage.config import load_config
from tui_referat.text.subject import format_subject, subject_problem

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "arbejdsgruppe.toml"


def _subject(data: bytes) -> str:
    return str(email.message_from_bytes(data, policy=default_policy)["Subject"])


@pytest.mark.parametrize(
    ("lang", "status", "expected"),
    [
        ("da", Status.DRAFT, "Referat: Styregruppen (UDKAST)"),
        ("da", Status.REVIEW, "Referat: Styregruppen (UDKAST)"),  # out for remarks: a draft
        ("da", Status.APPROVED, "Referat: Styregruppen"),
        ("en", Status.DRAFT, "Minutes: Styregruppen (DRAFT)"),
        ("en", Status.APPROVED, "Minutes: Styregruppen"),
    ],
)
def test_the_subject_names_the_minutes_and_a_draft(lang: str, status: Status, expected: str):
    meeting = Meeting(title="Styregruppen", lang=lang, status=status)
    assert _subject(render(meeting, "eml")) == expected


def test_a_meeting_without_a_title_still_gets_a_subject() -> None:
    assert _subject(render(Meeting(lang="da"), "eml")) == "Referat (UDKAST)"


def test_the_subject_template_is_the_users_own() -> None:
    meeting = Meeting(title="Styregruppen", lang="da")
    data = render(meeting, "eml", subject="[Styregruppe] {title}{draft}")
    assert _subject(data) == "[Styregruppe] Styregruppen (UDKAST)"


@pytest.mark.parametrize(
    ("template", "says"),
    [
        ("{titel}", "unknown field {titel}"),
        ("{title", "not a template"),
        ("Referat", "no field"),
        ("{title:>30}", "without formats"),
    ],
)
def test_a_template_with_a_problem_is_named_and_the_default_used(template: str, says: str):
    problem = subject_problem(template)
    assert problem is not None and says in problem
    assert format_subject(template, "Referat", "T", "") == "Referat: T"


def test_the_config_sets_the_subject_of_referat_export_eml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    (home / "tui-referat").mkdir(parents=True)
    config = home / "tui-referat" / "config.toml"
    config.write_text('[send]\nsubject = "{type} fra arbejdsgruppen{draft}"\n', encoding="utf-8")
    assert load_config().subject == "{type} fra arbejdsgruppen{draft}"
    out = tmp_path / "m.eml"
    assert cli.main(["export", str(SAMPLE), "-f", "eml", "-o", str(out)]) == 0
    assert _subject(out.read_bytes()) == "Referat fra arbejdsgruppen (UDKAST)"
    # a broken template: said on stderr, the default used, the export still made
    config.write_text('[send]\nsubject = "{titel}"\n', encoding="utf-8")
    assert cli.main(["export", str(SAMPLE), "-f", "eml", "-o", str(out)]) == 0
    assert "send.subject: unknown field {titel}" in capsys.readouterr().err
    assert _subject(out.read_bytes()).startswith("Referat: Møde 2 i arbejdsgruppen")
