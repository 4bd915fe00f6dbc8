"""Every string the editor shows, in Danish and English, in one place.

Domain words (section names, attendance, kinds, statuses) come from ``tui_referat.text.i18n`` so the
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
    "quit.tip": (
        "Afslut (spørger først ved ændringer der ikke er gemt)",
        "Quit (asks first when there are unsaved changes)",
    ),
    "save.tip": ("Gem mødet i filen", "Save the meeting to its file"),
    "save.done": ("Gemt: {path}", "Saved: {path}"),
    "save.failed": ("Kunne ikke gemme", "Could not save"),
    "export": ("Eksport", "Export"),
    "export.tip": (
        "Eksportér referatet (HTML, e-mail, .eml, Markdown, tekst)",
        "Export the minutes (HTML, email, .eml, Markdown, text)",
    ),
    "palette": ("Kommandoer", "Commands"),
    "palette.tip": ("Søg blandt alle kommandoer", "Search every command"),
    "palette.theme": ("Tema: {name}", "Theme: {name}"),
    "palette.theme_cycle": ("Skift tema (nu: {name})", "Change theme (now: {name})"),
    "palette.placeholder": ("Søg efter kommandoer …", "Search for commands …"),
    "palette.no_matches": ("Ingen kommandoer passer", "No matching commands"),
    "palette.details": (
        "Mødet: titel, dato, tider, sted, roller, status",
        "Meeting: title, date, times, place, roles, status",
    ),
    "palette.header_add": ("Mødet: tilføj sagsfelt", "Meeting: add a case header field"),
    "palette.participants": ("Deltagere: vis deltagerlisten", "Participants: show the list"),
    "palette.participant_add": ("Deltagere: tilføj deltager", "Participants: add a participant"),
    "palette.next": ("Næste møde: dato, tid og sted", "Next meeting: date, time and place"),
    "palette.tab": ("Punkt: gå til {tab}", "Item: go to {tab}"),
    "palette.remark_add": (
        "Bemærkninger: tilføj bemærkning til punktet",
        "Remarks: add a remark to the item",
    ),
    "palette.attachment_add": (
        "Bilag: tilføj bilag til punktet",
        "Attachments: add an attachment to the item",
    ),
    "palette.action_add": (
        "Opfølgning: tilføj handling til punktet",
        "Actions: add an action to the item",
    ),
    "palette.nav.add": ("Dagsorden: tilføj punkt", "Agenda: add an item"),
    "palette.nav.delete": ("Dagsorden: slet punkt", "Agenda: delete the item"),
    "palette.nav.open": ("Dagsorden: skriv i det valgte", "Agenda: write in the selected"),
    "palette.nav.closed": (
        "Dagsorden: lukket punkt til/fra",
        "Agenda: closed item (lukket punkt) on/off",
    ),
    "help": ("Hjælp", "Help"),
    "help.tip": ("Vis alle taster for det felt der har fokus", "Show every key for the focus"),
    "preview": ("Vis", "Preview"),
    "preview.tip": ("Vis punktet som det eksporteres", "Show the item as it will be exported"),
    "preview.items_only": ("Visningen viser dagsordenspunkter", "The preview shows agenda items"),
    "preview.up": ("Rul en linje op", "Scroll a line up"),
    "preview.down": ("Rul en linje ned", "Scroll a line down"),
    "preview.page_up": ("Rul en side op", "Scroll a page up"),
    "preview.page_down": ("Rul en side ned", "Scroll a page down"),
    "preview.home": ("Til begyndelsen", "To the top"),
    "preview.end": ("Til slutningen", "To the end"),
    "focus_nav": ("Dagsorden", "Agenda"),
    "focus_nav.tip": ("Tilbage til dagsordenen", "Back to the agenda"),
    "undo": ("Fortryd", "Undo"),
    "undo.tip": (
        "Fortryd sidste ændring af dagsorden eller felter",
        "Undo the last change to the agenda or a field",
    ),
    "undo.nothing": ("Intet at fortryde", "Nothing to undo"),
    "redo": ("Gentag", "Redo"),
    "redo.nothing": ("Intet at gentage", "Nothing to redo"),
    "section.next": ("Næste fane", "Next tab"),
    "section.prev": ("Forrige fane", "Previous tab"),
    "kind.open": (
        "Vælg punktets type (på typen; O, D, B sætter den straks)",
        "Choose the item's kind (on the kind; O, D, B set it at once)",
    ),
    "kind.clear": ("Ingen type (på typen)", "No kind (on the kind)"),
    "kind.none": ("– ingen type", "– no kind"),
    "kind.title": ("Punktets type", "Kind of item"),
    "tabs.prev": ("Fanen til venstre (på fanelinjen)", "Tab to the left (on the tab line)"),
    "tabs.next": ("Fanen til højre (på fanelinjen)", "Tab to the right (on the tab line)"),
    "tabs.first": ("Første fane (på fanelinjen)", "First tab (on the tab line)"),
    "tabs.last": ("Sidste fane (på fanelinjen)", "Last tab (on the tab line)"),
    "tabs.enter": ("Ind i fanen (på fanelinjen)", "Into the tab (on the tab line)"),
    "close": ("Luk", "Close"),
    "header.untitled": ("(uden titel)", "(untitled)"),
    "header.modified": ("ændret", "modified"),
    "header.read_only": ("kun læsning", "read-only"),
    "status.saved_at": ("gemt {time}", "saved {time}"),
    "status.new_file": ("ny fil", "new file"),
    "read_only.refused": ("Filen er åbnet kun til læsning", "The file is open read-only"),
    "nav.title": ("Dagsorden", "Agenda"),
    "nav.details": ("Mødet", "Meeting"),
    "nav.participants": (
        "Deltagere {total} · {away} afbud",
        "Participants {total} · {away} away",
    ),
    "nav.up": ("Op", "Up"),
    "nav.down": ("Ned", "Down"),
    "nav.first": ("Første", "First"),
    "nav.last": ("Sidste", "Last"),
    "nav.page_up": ("Side op", "Page up"),
    "nav.page_down": ("Side ned", "Page down"),
    "nav.open": ("Åbn", "Open"),
    "nav.open.tip": ("Skriv i det valgte punkt", "Write in the selected node"),
    "nav.add": ("Tilføj", "Add"),
    "nav.add.tip": ("Tilføj et punkt efter det valgte", "Add an item after the selected one"),
    "nav.duplicate": ("Kopiér punkt", "Duplicate item"),
    "nav.delete": ("Slet", "Delete"),
    "nav.delete.tip": (
        "Slet det valgte punkt (kan fortrydes)",
        "Delete the selected item (can be undone)",
    ),
    "nav.closed": ("Lukket punkt til/fra", "Closed item on/off"),
    "nav.closed.tip": (
        "Luk det valgte punkt (eksporten viser kun nummer og «Lukket punkt») eller åbn det igen",
        "Close the selected item (exports show only its number and 'Closed item'), or open it",
    ),
    #: Before the title of a closed item in the agenda: text, never colour alone.
    "nav.closed_mark": ("[L]", "[C]"),
    "closed.on": (
        "Punkt {number} er lukket: eksporten viser kun «{shown}»",
        "Item {number} is closed: exports show only '{shown}'",
    ),
    "closed.off": ("Punkt {number} er ikke længere lukket", "Item {number} is no longer closed"),
    "nav.move_up": ("Flyt punkt op", "Move item up"),
    "nav.move_down": ("Flyt punkt ned", "Move item down"),
    "nav.overrun": ("! {minutes} min over tid", "! {minutes} min over time"),
    "overrun.notice": (
        "Dagsordenen slutter {minutes} min efter mødets sluttid ({end})",
        "The agenda runs {minutes} min past the meeting's end ({end})",
    ),
    "nav.no_item": ("Vælg først et dagsordenspunkt", "Select an agenda item first"),
    "node.details": ("Mødet", "Meeting details"),
    "node.participants": ("Deltagere", "Participants"),
    "node.next": ("Næste møde", "Next meeting"),
    "form.missing": ("({name} kommer snart)", "({name} is not available yet)"),
    "item.title": ("Titel", "Title"),
    "item.time": ("Ca. tid", "Time"),
    "item.new_title": ("Nyt punkt", "New item"),
    "item.bad_time": (
        "Ukendt tidspunkt «{value}»: skriv fx 13.50, 1350 eller 13",
        "Unknown time “{value}”: write e.g. 13:50, 1350, 13 or 1:50 pm",
    ),
    "item.duration_unit": ("min", "min"),
    "item.duration.tip": (
        "Varighed i minutter: de følgende punkters tider regnes ud fra den",
        "Length in minutes: the planned times of the items after it follow from it",
    ),
    "item.bad_duration": (
        "Ugyldig varighed: {value} (skriv hele minutter, fx 20)",
        "Not a duration: {value} (write whole minutes, e.g. 20)",
    ),
    "item.standing": ("Fast", "Standing"),
    "item.standing.tip": (
        "Fast punkt (fx velkomst, eventuelt): kommer med på næste møde",
        "Standing item (e.g. welcome, any other business): carried into the next meeting",
    ),
    "standing.toggle": ("Fast punkt til/fra", "Standing item on/off"),
    "standing.toggle.tip": (
        "Markér det valgte punkt som fast punkt (føres med til næste møde)",
        "Mark the selected item as standing (carried into the next meeting)",
    ),
    "standing.on": ("Punkt {number} er et fast punkt", "Item {number} is a standing item"),
    "standing.off": (
        "Punkt {number} er ikke længere et fast punkt",
        "Item {number} is no longer a standing item",
    ),
    "item.public_title": ("Offentlig titel", "Public title"),
    "item.public_title.tip": (
        "Det eksporten viser i stedet for «Lukket punkt» (tom: «Lukket punkt»)",
        "What exports show instead of 'Closed item' (empty: 'Closed item')",
    ),
    "item.remarks_note": ("Note til bem.", "Remarks note"),
    "item.tab_short.minutes": ("Ref", "Min"),
    "item.tab_short.recommendation": ("Indst", "Rec"),
    "item.tab_short.remarks": ("Bem", "Rem"),
    "item.tab_short.remarks_note": ("Note", "Note"),
    "item.tab_short.problem": ("Probl", "Prob"),
    "item.tab_short.solution": ("Løsn", "Sol"),
    "item.tab_short.next_steps": ("Proces", "Next"),
    "item.tab_short.attachments": ("Bilag", "Att"),
    "item.tab_short.actions": ("Opf", "Act"),
    "delete.question": ("Slet punkt {number}: {title}?", "Delete item {number}: {title}?"),
    "delete.done": (
        "Punktet er slettet. {undo_key} fortryder.",
        "Item deleted. {undo_key} undoes it.",
    ),
    "dialog.yes": ("Ja", "Yes"),
    "dialog.no": ("Nej", "No"),
    "dialog.keys": (
        "← → eller Tab skifter knap · Enter vælger · Esc fortryder",
        "← → or Tab change button · Enter chooses · Esc cancels",
    ),
    "dialog.prev": ("Forrige knap", "Previous button"),
    "dialog.next": ("Næste knap", "Next button"),
    "quit.question": ("Der er ændringer der ikke er gemt.", "There are unsaved changes."),
    "quit.save": ("Gem og afslut", "Save and quit"),
    "quit.discard": ("Afslut uden at gemme", "Quit without saving"),
    "quit.cancel": ("Annuller", "Cancel"),
    "export.title": ("Eksportér referatet", "Export the minutes"),
    "export.format": ("Format", "Format"),
    "export.theme": ("Tema", "Theme"),
    "export.path": ("Fil", "File"),
    "export.default_theme": ("Standard", "Default"),
    "export.run": ("Eksportér", "Export"),
    "export.close": ("Luk", "Close"),
    "export.attach": ("Vedhæft bilagsfilerne", "Attach the attachment files"),
    "export.attach_count": (
        "Vedhæft bilagsfilerne ({n} filer)",
        "Attach the attachment files ({n} files)",
    ),
    "export.attach_count.one": ("Vedhæft bilagsfilen (1 fil)", "Attach the attachment file"),
    "export.include_closed": (
        "Medtag de {n} lukkede punkter (FORTROLIGT)",
        "Include the {n} closed items (CONFIDENTIAL)",
    ),
    "export.include_closed.one": (
        "Medtag 1 lukket punkt (FORTROLIGT)",
        "Include 1 closed item (CONFIDENTIAL)",
    ),
    "export.running": ("Eksporterer …", "Exporting …"),
    "export.written": ("Skrevet: {path}", "Written: {path}"),
    "export.failed": ("Eksporten fejlede: {error}", "The export failed: {error}"),
    "export.format.html": ("HTML-side", "HTML page"),
    "export.format.email": ("HTML til e-mail", "Email HTML"),
    "export.format.eml": ("E-mail-kladde (.eml)", "Email draft (.eml)"),
    "export.format.md": ("Markdown", "Markdown"),
    "export.format.text": ("Ren tekst", "Plain text"),
    "help.title": ("Taster", "Keys"),
    "help.key": ("Tast", "Key"),
    "help.action": ("Handling", "Action"),
    "help.close_hint": ("Esc lukker · ↑ ↓ PgUp PgDn ruller", "Esc closes · ↑ ↓ PgUp PgDn scroll"),
    "help.group.here": ("Her", "Here"),
    "help.group.everywhere": ("Overalt", "Everywhere"),
    "help.group.agenda": ("Dagsorden", "Agenda"),
    "help.group.item": ("Punkt", "Item"),
    "help.group.participants": ("Deltagere", "Participants"),
    "help.group.preview": ("Visning (F2)", "Preview (F2)"),
    "help.group.lists": (
        "Lister: bemærkninger, bilag, handlinger, sagsfelter",
        "Lists: remarks, attachments, actions, case header",
    ),
    "help.group.text": ("Tekstfelter", "Text fields"),
    "help.nav_moves": ("Flyt markøren i dagsordenen", "Move the cursor in the agenda"),
    "help.text.fields": ("Næste / forrige felt", "Next / previous field"),
    "help.text.undo": (
        "Fortryd / gentag (i en tekst: det skrevne)",
        "Undo / redo (in a text: the typing)",
    ),
    "help.text.clipboard": ("Kopiér / klip / sæt ind", "Copy / cut / paste"),
    "help.text.words": ("Et ord til venstre / højre", "A word left / right"),
    "help.text.enter": (
        "Gem en dato eller tid (den gemmes også når du forlader feltet)",
        "Keep a date or time (also kept when you leave the field)",
    ),
    "theme.problem": ("Tema og indstillinger", "Theme and settings"),
    "theme.unknown": (
        "Ukendt tema {name}: bruger standardtemaet",
        "Unknown theme {name}: using the default theme",
    ),
    "new.confirm": (
        "{path} findes ikke. Start et nyt møde? [j/N] ",
        "{path} does not exist. Start a new meeting? [y/N] ",
    ),
    # --- the meeting cycle: new meeting from this one, send for review, approve --------------
    "cycle.new": ("Nyt møde ud fra dette", "New meeting from this one"),
    "cycle.new.tip": (
        "Næste mødes udkast: deltagere, faste punkter, åbne handlinger; dato fra Næste møde",
        "The next meeting's draft: participants, standing items, open actions; date from "
        "Next meeting",
    ),
    "cycle.path": ("Fil", "File"),
    "cycle.exists": (
        "{path} findes allerede og overskrives ikke",
        "{path} already exists and is not overwritten",
    ),
    "cycle.no_folder": ("Mappen {folder} findes ikke", "The folder {folder} does not exist"),
    "cycle.write_failed": ("Kunne ikke skrive det nye møde", "Could not write the new meeting"),
    "cycle.written": (
        "Nyt møde skrevet: {path} ({actions} åbne handlinger overført)",
        "New meeting written: {path} ({actions} open actions carried)",
    ),
    "cycle.open_question": (
        "Det nye møde er skrevet:\n{path}\n\nÅbn det nu?",
        "The new meeting is written:\n{path}\n\nOpen it now?",
    ),
    "cycle.open_question_dirty": (
        "Det nye møde er skrevet:\n{path}\n\nÅbn det nu? Ændringerne her gemmes først.",
        "The new meeting is written:\n{path}\n\nOpen it now? The changes here are saved first.",
    ),
    "cycle.open": ("Åbn det", "Open it"),
    "cycle.stay": ("Bliv her", "Stay here"),
    "cycle.not_opened": (
        "Det nye møde blev ikke åbnet, for dette møde blev ikke gemt",
        "The new meeting was not opened: this one was not saved",
    ),
    "cycle.opened": ("Åbnet: {path}", "Opened: {path}"),
    "cycle.lock_held": (
        "{name} er åben i en anden editor: åbnet kun til læsning",
        "{name} is open in another editor: opened read-only",
    ),
    "cycle.review": ("Send til kommentering", "Send for review"),
    "cycle.review.tip": (
        "Status TIL KOMMENTERING, med frist for skriftlige bemærkninger",
        "Status FOR COMMENTS, with a deadline for written remarks",
    ),
    "cycle.review.title": ("Send referatet til kommentering", "Send the minutes for comments"),
    "cycle.deadline_date": ("Frist, dato", "Deadline"),
    "cycle.deadline_time": ("Frist, kl.", "Time"),
    "cycle.deadline_before": (
        "Fristen ligger før mødet ({date})",
        "The deadline is before the meeting ({date})",
    ),
    "cycle.review.done": (
        "Til kommentering med frist {deadline}",
        "Sent for comments, deadline {deadline}",
    ),
    "cycle.approved_already": (
        "Referatet er godkendt. Sæt først status tilbage til udkast under Mødet.",
        "The minutes are approved. First set the status back to draft in Meeting details.",
    ),
    "cycle.approve": ("Godkend referatet", "Approve the minutes"),
    "cycle.approve.tip": (
        "Status GODKENDT, med datoen for godkendelsen",
        "Status APPROVED, with the day of approval",
    ),
    "cycle.approve.title": ("Godkend referatet", "Approve the minutes"),
    "cycle.approve_date": ("Godkendt den", "Approved on"),
    "cycle.approve_before": (
        "Referatet kan ikke godkendes før mødet ({date})",
        "The minutes cannot be approved before the meeting ({date})",
    ),
    "cycle.approve.done": ("Referatet er godkendt {date}", "The minutes are approved {date}"),
    "header.deadline": ("frist {when}", "due {when}"),
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
        "Ukendt dato «{value}»: skriv fx 2.12.2025 eller 2. december 2025",
        "Unknown date “{value}”: write e.g. 2 December 2025 or 2.12.2025 (day first)",
    ),
    "forms.bad_time": (
        "Ukendt klokkeslæt «{value}»: skriv fx 13.30, 1330 eller 13",
        "Unknown time “{value}”: write e.g. 13:30, 1330, 13 or 1:30 pm",
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
    "forms.count.total": ("{n} deltagere", "{n} participants"),
    "forms.count.total.one": ("1 deltager", "1 participant"),
    "forms.count.present": ("{n} til stede", "{n} present"),
    "forms.count.online": ("{n} on-line", "{n} online"),
    "forms.count.apologies": ("{n} afbud", "{n} apologies"),
    "forms.count.absent": ("{n} fraværende", "{n} absent"),
    "forms.attendance_short": ("Fremmøde", "Attendance"),
    "forms.attendance.present": ("til stede", "present"),
    "forms.attendance.online": ("on-line", "online"),
    "forms.attendance.apologies": ("afbud", "apologies"),
    "forms.attendance.absent": ("fraværende", "absent"),
    "forms.attendance.partial": ("delvist", "in part"),
    "forms.roles": (
        "Mødeleder: {chair} · Sekretær: {secretary}",
        "Chair: {chair} · Secretary: {secretary}",
    ),
    "forms.role.chair": ("mødeleder", "chair"),
    "forms.role.secretary": ("sekretær", "secretary"),
    "forms.add": ("Tilføj", "Add"),
    "forms.edit": ("Ret", "Edit"),
    "forms.open": ("Åbn", "Open"),
    "nav.leave": ("Næste felt", "Next field"),
    "nav.leave_back": ("Forrige felt", "Previous field"),
    "forms.duplicate": ("Kopiér", "Duplicate"),
    "forms.duplicated": ("Kopieret", "Duplicated"),
    "forms.back": ("Tilbage", "Back"),
    "remarks.next": ("Næste bemærkning", "Next remark"),
    "remarks.next_tip": (
        "Ny bemærkning med samme emne og kilde, markøren i teksten",
        "A new remark with the same topic and source, the cursor in its text",
    ),
    "forms.participants_pasted": ("{n} deltagere indsat", "{n} participants pasted"),
    "forms.participants_pasted.one": ("1 deltager indsat", "1 participant pasted"),
    "remarks.pasted": ("{count} bemærkninger indsat", "{count} remarks pasted"),
    "source.tip": (
        "M møde · S skriftlig (W written) · mellemrum skifter · Enter til teksten",
        "M meeting · W written (S skriftlig) · space toggles · Enter to the text",
    ),
    "forms.delete": ("Slet", "Delete"),
    "forms.cycle_attendance": ("Fremmøde", "Attendance"),
    "forms.make_chair": ("Mødeleder", "Chair"),
    "forms.make_secretary": ("Sekretær", "Secretary"),
    "forms.move_up": ("Op", "Up"),
    "forms.move_down": ("Ned", "Down"),
    "forms.move_up_tip": ("Flyt op", "Move up"),
    "forms.move_down_tip": ("Flyt ned", "Move down"),
    "forms.next_field": ("Næste felt", "Next field"),
    "forms.prev_field": ("Forrige felt", "Previous field"),
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
    "forms.first_in_list": (
        "Bemærkningen er allerede øverst",
        "The remark is already at the top",
    ),
    "forms.last_in_list": (
        "Bemærkningen er allerede nederst",
        "The remark is already at the bottom",
    ),
    "forms.source_order": (
        "I hvert emne står bemærkninger fra mødet før de skriftlige (ret Kilde for at skifte)",
        "Each topic shows the meeting's remarks before the written ones (change Source to swap)",
    ),
    "forms.moved_to_topic": ("Flyttet til emnet {topic}", "Moved to the topic {topic}"),
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


def tn(key: str, n: int, **fields: object) -> str:
    """``t(key, n=n)``, or the singular ``key.one`` when ``n`` is 1 and there is one."""
    if n == 1 and f"{key}.one" in STRINGS:
        key = f"{key}.one"
    return t(key, n=n, **fields)


def t(key: str, **fields: object) -> str:
    """The UI string ``key`` in the current UI language."""
    return t_in(_lang, key, **fields)


def t_in(lang: str, key: str, **fields: object) -> str:
    """The UI string ``key`` in ``lang`` ("da" or "en"), e.g. for the palette's other name."""
    da, en = STRINGS[key]
    text = da if lang == "da" else en
    return text.format(**fields) if fields else text
