"""Nobody is dropped from the email without a word: an address written "Name <a@b.dk>" or two
written "a@b.dk; c@d.dk" (as Outlook copies them) are both used; ``check`` names a field it
cannot use, and ``referat export --format eml`` names every participant who gets no mail."""

from __future__ import annotations

import email
from email.policy import default as default_policy
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui_referat import cli
from tui_referat.domain.checks import check_meeting
from tui_referat.domain.model import Meeting, Participant
from tui_referat.export import render
from tui_referat.text.addresses import split_addresses


def _to(meeting: Meeting) -> list[str]:
    message = email.message_from_bytes(render(meeting, "eml"), policy=default_policy)
    return [str(address) for address in message["To"].addresses]


def test_name_and_address_and_several_addresses_all_reach_to() -> None:
    meeting = Meeting(
        title="M",
        participants=[
            Participant("Anne Holm", email="Anne Holm <anne@example.dk>"),
            Participant("Bo Berg", email="bo@example.dk; bo.berg@example.org"),
            Participant("Carl Dahl", email="carl@example.dk, carl@example.org"),
            Participant("Dorte Ravn", email="dorte@example.dk"),
        ],
    )
    assert _to(meeting) == [
        "Anne Holm <anne@example.dk>",
        "Bo Berg <bo@example.dk>",
        "Bo Berg <bo.berg@example.org>",
        "Carl Dahl <carl@example.dk>",
        "Carl Dahl <carl@example.org>",
        "Dorte Ravn <dorte@example.dk>",
    ]


def test_check_names_what_is_not_an_address() -> None:
    meeting = Meeting(
        title="M",
        participants=[
            Participant("Anne", email="Anne <anne@example.dk>; c@d.dk"),
            Participant("Bo", email="bo at example dot dk"),
            Participant("Carl", email="carl@example.dk; ring til ham"),
        ],
    )
    said = [str(p) for p in check_meeting(meeting, "m.toml") if ".email" in str(p)]
    assert len(said) == 2
    assert '"bo at example dot dk" is not an email address' in said[0]
    assert '"ring til ham" is not an email address' in said[1]


def test_export_names_everyone_who_gets_no_mail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "m.toml"
    path.write_text(
        'format = 1\ntitle = "M"\n\n[[participants]]\nname = "Anne"\nemail = "anne@example.dk"\n'
        '\n[[participants]]\nname = "Bo"\n\n[[participants]]\nname = "Carl"\nemail = "carl"\n',
        encoding="utf-8",
    )
    assert cli.main(["export", str(path), "-f", "eml", "-o", str(tmp_path / "m.eml")]) == 0
    err = capsys.readouterr().err
    assert "not addressed to 2 participants: Bo (no email address), Carl (no usable" in err
    assert cli.main(["export", str(path), "-f", "html", "-o", str(tmp_path / "m.html")]) == 0
    assert "not addressed" not in capsys.readouterr().err  # only the email says so


_LOCAL = st.text("abcdefghij0123456789._-", min_size=1, max_size=8).filter(
    lambda t: t[0].isalnum() and t[-1].isalnum()
)
_ADDRESS = st.builds(lambda a, b: f"{a}@{b}.dk", _LOCAL, _LOCAL)


@given(st.lists(_ADDRESS, min_size=1, max_size=4), st.sampled_from(["; ", ", ", ";", "\n"]))
def test_every_address_written_in_a_list_is_found(addresses: list[str], sep: str) -> None:
    found, wrong = split_addresses(sep.join(addresses))
    assert [address for _, address in found] == addresses
    assert wrong == []
