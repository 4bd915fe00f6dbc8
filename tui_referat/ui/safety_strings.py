"""The editor's words for recovery, lock, changed-on-disk and failed-save dialogs (da, en).

Kept apart from ``strings.py`` (same shape: ``key: (danish, english)``) so the safety dialogs
can grow without touching the shared table; the language follows ``strings.get_lang()``.
"""

from __future__ import annotations

from .strings import get_lang

STRINGS: dict[str, tuple[str, str]] = {
    "recovery.title": ("Ikke-gemt arbejde fundet", "Unsaved work found"),
    "recovery.what": (
        "Der er en gendannelseskopi af {name} fra {when}, skrevet af {who}.",
        "There is a recovery copy of {name} from {when}, written by {who}.",
    ),
    "recovery.differs": (
        "Den afviger fra filen med {added} tilføjet og {removed} fjernet{items}.",
        "It differs from the file by {added} added and {removed} removed{items}.",
    ),
    "recovery.lines": ("{count} linjer", "{count} lines"),
    "recovery.lines.one": ("1 linje", "1 line"),
    "recovery.items": (" i {count} punkter", " in {count} items"),
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
    "save.failed_kept": (
        "Mødet er stadig i editoren og i gendannelseskopien. Intet er halvt skrevet.",
        "The meeting is still in the editor and in the recovery copy. Nothing is half-written.",
    ),
}


def ts_count(key: str, count: int) -> str:
    """``ts(key, count=count)``, or its singular ``key.one`` when ``count`` is 1."""
    return ts(f"{key}.one" if count == 1 and f"{key}.one" in STRINGS else key, count=count)


def ts(key: str, **fields: object) -> str:
    """The safety string ``key`` in the current UI language."""
    da, en = STRINGS[key]
    text = da if get_lang() == "da" else en
    return text.format(**fields) if fields else text
