"""The words of the recovery, lock, changed-on-disk and failed-save dialogs:
``key: (danish, english)``. Part of the one table in ``words.py``.
"""

from __future__ import annotations

SAFETY: dict[str, tuple[str, str]] = {
    "recovery.title": ("Ikke-gemt arbejde fundet", "Unsaved work found"),
    "recovery.what": (
        "Der er en gendannelseskopi af {name} fra {when}, skrevet af {who}.",
        "There is a recovery copy of {name} from {when}, written by {who}.",
    ),
    "recovery.differs": (
        "Den afviger fra filen med {added} tilføjet og {removed} fjernet{items}.",
        "It differs from the file by {added} added and {removed} removed{items}.",
    ),
    "recovery.lines": ("{n} linjer", "{n} lines"),
    "recovery.lines.one": ("1 linje", "1 line"),
    "recovery.items": (" i {n} punkter", " in {n} items"),
    "recovery.items.one": (" i 1 punkt", " in 1 item"),
    "recovery.file_changed": (
        "Bemærk: filen er ændret siden (af en anden eller git). Gendan og gem overskriver "
        "de ændringer; gem hellere kopien som en separat fil.",
        "Note: the file has changed since (by someone else or git). Restoring and saving "
        "would overwrite those changes; better save the copy as a separate file.",
    ),
    "recovery.file_missing": (
        "Filen selv findes ikke længere.",
        "The file itself no longer exists.",
    ),
    "recovery.restore": ("Gendan", "Restore"),
    "recovery.discard": ("Kassér", "Discard"),
    "recovery.save_as": ("Gem som kopi", "Save as copy"),
    "recovery.keys": (
        "Enter gendanner · d kasserer · s gemmer kopien som {target} · q afslutter",
        "Enter restores · d discards · s saves the copy as {target} · q quits",
    ),
    "recovery.restored": (
        "Gendannet. Mødet er ikke gemt før du trykker ^S.",
        "Restored. The meeting is not saved until you press ^S.",
    ),
    "recovery.saved_as": ("Kopien er gemt som {path}", "The copy was saved as {path}"),
    "recovery.discarded": ("Gendannelseskopien er kasseret.", "The recovery copy was discarded."),
    "recovery.failed": (
        "Kan ikke skrive gendannelseskopien: {error}",
        "Cannot write the recovery copy: {error}",
    ),
    "recovery.damaged": (
        "Gendannelseskopien kan ikke gendannes ({detail}). Den er gemt til side som {path}"
        " og bliver ikke overskrevet.",
        "The recovery copy cannot be restored ({detail}). It is kept aside as {path}"
        " and will not be overwritten.",
    ),
    "recovery.readable": (
        " Den læsbare tekst er gemt i {path}; åbn den og kopiér det, du mangler.",
        " Its readable text is saved in {path}; open it and copy what you need.",
    ),
    "recovery.foreign": (
        "En gendannelseskopi blev ikke tilbudt: {why}. Den er skrevet af {who} {when}."
        " Den er gemt til side som {path}; intet er slettet.",
        "A recovery copy was not offered: {why}. It was written by {who} {when}."
        " It is kept aside as {path}; nothing was deleted.",
    ),
    "recovery.why.other_file": ("den hører til {original}", "it belongs to {original}"),
    "recovery.why.other_user": ("den tilhører en anden bruger", "it belongs to another user"),
    "recovery.why.forged": (
        "dens hoved mangler eller er ikke troværdigt (fx dateret i fremtiden)",
        "its header is missing or not believable (dated in the future, say)",
    ),
    "recovery.why.live_editor": (
        "den tilhører en editor, der stadig kører (proces {pid})",
        "it belongs to an editor that is still running (process {pid})",
    ),
    "recovery.not_moved": (
        "En gendannelseskopi, der ikke kan gendannes, kunne ikke flyttes ({error}): {path}."
        " Kopiér den selv, før du skriver.",
        "A recovery copy that cannot be restored could not be moved aside ({error}): {path}."
        " Copy it yourself before typing.",
    ),
    "lock.title": ("Filen er åben i en anden editor", "The file is open in another editor"),
    "lock.who": (
        "{name} er åbnet af {user} på {host} (proces {pid}) siden {since}.",
        "{name} is open by {user} on {host} (process {pid}) since {since}.",
    ),
    "lock.unknown": (
        "{name} er åbnet af {user}; låsen kan ikke læses.",
        "{name} is open by {user}; the lock cannot be read.",
    ),
    "lock.read_only": ("Åbn skrivebeskyttet", "Open read-only"),
    "lock.take_over": ("Overtag", "Take over"),
    "lock.quit": ("Afslut", "Quit"),
    "lock.keys": (
        "r skrivebeskyttet · o overtag · q afslut",
        "r read-only · o take over · q quit",
    ),
    "lock.stale": (
        "En gammel lås fra {user} (proces {pid}, som ikke kører mere) er overtaget.",
        "An old lock from {user} (process {pid}, which is no longer running) was taken over.",
    ),
    "lock.lost": (
        "En anden editor har overtaget filen. Gem som en anden fil, eller overskriv bevidst.",
        "Another editor took the file over. Save as another file, or overwrite on purpose.",
    ),
    "lock.unenforced": (
        "Kan ikke låse filen ({error}); en anden editor opdages ikke.",
        "Cannot lock the file ({error}); another editor would not be noticed.",
    ),
    "disk.title": ("Filen er ændret på disken", "The file changed on disk"),
    "disk.what": (
        "{name} er ændret, siden du åbnede eller gemte den (en anden editor, git pull …).",
        "{name} changed since you opened or saved it (another editor, git pull …).",
    ),
    "disk.noticed": (
        "{name} er ændret på disken af en anden. Du bliver spurgt, før der gemmes.",
        "{name} was changed on disk by someone else. You will be asked before saving.",
    ),
    "disk.reload": ("Genindlæs", "Reload"),
    "disk.overwrite": ("Overskriv", "Overwrite"),
    "disk.save_as": ("Gem som", "Save as"),
    "disk.cancel": ("Annullér", "Cancel"),
    "disk.keys": (
        "r genindlæser (dine ændringer kasseres) · o overskriver · s gemmer som {target} · "
        "Esc annullerer",
        "r reloads (your changes are dropped) · o overwrites · s saves as {target} · Esc cancels",
    ),
    "read_only_file.title": ("Filen er skrivebeskyttet", "The file is read-only"),
    "read_only_file.what": (
        "{name} er gjort skrivebeskyttet, siden du åbnede den (ingen skriverettigheder).",
        "{name} was made read-only since you opened it (no write permission).",
    ),
    "read_only_file.keys": (
        "o overskriver alligevel (filen forbliver skrivebeskyttet) · s gemmer som {target} · "
        "Esc annullerer",
        "o overwrites anyway (the file stays read-only) · s saves as {target} · Esc cancels",
    ),
    "save.failed_kept": (
        "Mødet er stadig i editoren og i gendannelseskopien. Intet er halvt skrevet.",
        "The meeting is still in the editor and in the recovery copy. Nothing is half-written.",
    ),
}
