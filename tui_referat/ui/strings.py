"""Every string the editor shows, in Danish and English, in one place.

Domain words (section names, attendance, kinds, statuses) come from ``tui_referat.i18n`` so the
editor and the exports always agree. Each entry here is ``key: (danish, english)``.
Use ``t("key")`` (or ``t("key", n=3)`` for ``str.format`` fields).
"""

from __future__ import annotations

import os

_lang = "da"

STRINGS: dict[str, tuple[str, str]] = {
    # --- shell: app, navigation, item editor, dialogs, export, help -----------------------
    "quit": ("Afslut", "Quit"),
    "save": ("Gem", "Save"),
    # --- forms: meeting details, participants, remarks, attachments, actions ----------------
    "forms.details": ("Mødet", "Meeting details"),
    "forms.title": ("Titel", "Title"),
    "forms.start": ("Start", "Start"),
    "forms.end": ("Slut", "End"),
    "forms.language": ("Sprog", "Language"),
    "forms.lang.da": ("Dansk", "Danish"),
    "forms.lang.en": ("Engelsk", "English"),
    "forms.status": ("Status", "Status"),
    "forms.deadline_time": ("kl.", "at"),
    "forms.deadline": ("Frist for bem.", "Remarks due"),
    "forms.none": ("(ingen)", "(none)"),
    "forms.header": ("Sagsfelter", "Case header"),
    "forms.header.key": ("Felt", "Field"),
    "forms.header.custom": ("Andet felt …", "Other field …"),
    "forms.header.label": ("Etiket", "Label"),
    "forms.header.value": ("Værdi", "Value"),
    "forms.header.empty": ("Ingen sagsfelter.", "No case header fields."),
    "forms.header.edit": ("Sagsfelt", "Case header field"),
    "forms.bad_date": (
        "Ugyldig dato «{value}»: skriv ÅÅÅÅ-MM-DD eller d.m.åååå",
        "Invalid date “{value}”: write YYYY-MM-DD or d.m.yyyy",
    ),
    "forms.bad_time": (
        "Ugyldigt klokkeslæt «{value}»: skriv TT.MM eller TT:MM",
        "Invalid time “{value}”: write HH.MM or HH:MM",
    ),
    "forms.required": ("{field} skal udfyldes", "{field} is required"),
    "forms.deadline_needs_date": (
        "Fristen skal have en dato",
        "The deadline needs a date",
    ),
    "forms.participant": ("Deltager", "Participant"),
    "forms.name": ("Navn", "Name"),
    "forms.p_title": ("Titel", "Title"),
    "forms.organisation": ("Organisation", "Organisation"),
    "forms.email": ("E-mail", "Email"),
    "forms.attendance": ("Fremmøde", "Attendance"),
    "forms.note": ("Note", "Note"),
    "forms.duplicate_name": (
        "Der er allerede en deltager med navnet «{name}»",
        "There is already a participant called “{name}”",
    ),
    "forms.counts": (
        "{total} · {present} til stede · {apologies} afbud",
        "{total} · {present} present · {apologies} apologies",
    ),
    "forms.roles": (
        "Mødeleder: {chair} · Sekretær: {secretary}",
        "Chair: {chair} · Secretary: {secretary}",
    ),
    "forms.role.chair": ("mødeleder", "chair"),
    "forms.role.secretary": ("sekretær", "secretary"),
    "forms.add": ("Tilføj", "Add"),
    "forms.edit": ("Ret", "Edit"),
    "forms.delete": ("Slet", "Delete"),
    "forms.cycle_attendance": ("Fremmøde", "Attendance"),
    "forms.make_chair": ("Mødeleder", "Chair"),
    "forms.make_secretary": ("Sekretær", "Secretary"),
    "forms.move_up": ("Op", "Up"),
    "forms.move_down": ("Ned", "Down"),
    "forms.move_up_tip": ("Flyt op", "Move up"),
    "forms.move_down_tip": ("Flyt ned", "Move down"),
    "forms.toggle_done": ("Udført", "Done"),
    "forms.ok": ("OK", "OK"),
    "forms.cancel": ("Annuller", "Cancel"),
    "forms.confirm_delete": ("Slet {what}?", "Delete {what}?"),
    "forms.confirm_yes": ("Slet", "Delete"),
    "forms.topic": ("Emne", "Topic"),
    "forms.topic_placeholder": ("Emne › Underemne", "Topic › Subtopic"),
    "forms.no_topic": ("(uden emne)", "(no topic)"),
    "forms.source": ("Kilde", "Source"),
    "forms.author": ("Fra", "By"),
    "forms.received": ("Modtaget", "Received"),
    "forms.text": ("Tekst", "Text"),
    "forms.late": ("efter fristen", "after deadline"),
    "forms.remark": ("bemærkningen", "the remark"),
    "forms.remarks.empty": (
        "Ingen bemærkninger. Tryk a for at tilføje en.",
        "No remarks. Press a to add one.",
    ),
    "forms.attachment": ("bilaget", "the attachment"),
    "forms.path": ("Fil eller URL", "File or URL"),
    "forms.attachments.empty": (
        "Ingen bilag. Tryk a for at tilføje et.",
        "No attachments. Press a to add one.",
    ),
    "forms.new_attachment": ("Nyt bilag", "New attachment"),
    "forms.action": ("handlingen", "the action"),
    "forms.new_action": ("Ny handling", "New action"),
    "forms.actions.empty": (
        "Ingen handlinger. Tryk a for at tilføje en.",
        "No actions. Press a to add one.",
    ),
    "forms.owner_placeholder": ("Deltager eller fritekst", "Participant or free text"),
    "forms.first_in_group": (
        "Bemærkningen er allerede først i sit emne",
        "The remark is already first in its topic",
    ),
    "forms.last_in_group": (
        "Bemærkningen er allerede sidst i sit emne",
        "The remark is already last in its topic",
    ),
}


def detect_lang(environ: dict[str, str] | None = None) -> str:
    """The UI language from LC_ALL / LC_MESSAGES / LANG: "da" for Danish, else "en"."""
    env = os.environ if environ is None else environ
    for var in ("REFERAT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "da" if value.lower().startswith(("da", "da_")) else "en"
    return "en"


def set_lang(lang: str) -> None:
    global _lang
    _lang = lang if lang in ("da", "en") else "en"


def get_lang() -> str:
    return _lang


def t(key: str, **fields: object) -> str:
    """The UI string ``key`` in the current UI language."""
    da, en = STRINGS[key]
    text = da if _lang == "da" else en
    return text.format(**fields) if fields else text
