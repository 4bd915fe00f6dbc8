"""The words of ``referat send`` and the editor's Send dialog (``send_ui.*``): the summary,
the question, progress, and every failure as one line. ``key: (danish, english)``; part of
``words.py``."""

from __future__ import annotations

SEND: dict[str, tuple[str, str]] = {
    "send.to": ("Til", "To"),
    "send.cc": ("Cc", "Cc"),
    "send.subject": ("Emne", "Subject"),
    "send.size": ("Størrelse", "Size"),
    "send.transport": ("Sendes med", "Transport"),
    "send.not_reached": ("Får den ikke", "Will not receive it"),
    "send.no_email": ("ingen e-mailadresse", "no email address"),
    "send.bad_email": ("ingen brugbar e-mailadresse", "no usable email address"),
    "send.test_copy": ("testkopi, kun til {addr}", "test copy, to {addr} only"),
    "send.ask": ("Send til {n} modtagere? [j/N] ", "Send to {n} recipients? [y/N] "),
    "send.ask.one": ("Send til 1 modtager? [j/N] ", "Send to 1 recipient? [y/N] "),
    "send.yes_words": ("j,ja,y,yes", "y,yes"),
    "send.cancelled": ("Intet sendt.", "Nothing sent."),
    "send.dry_run": ("Prøvekørsel: intet sendt.", "Dry run: nothing sent."),
    "send.need_yes": (
        "referat send: spørger før der sendes, men her er ingen terminal; giv --yes for at "
        "sende (eller --dry-run for at se hvad der ville ske)",
        "referat send: asks before sending, but there is no terminal here; give --yes to "
        "send (or --dry-run to see what would happen)",
    ),
    "send.nobody": (
        "referat send: ingen at sende til: ingen deltager har en brugbar e-mailadresse "
        "(giv --to ADR)",
        "referat send: nobody to send to: no participant has a usable email address "
        "(give --to ADDR)",
    ),
    "send.bad_address": (
        "referat send: ikke en e-mailadresse: {addr}",
        "referat send: not an email address: {addr}",
    ),
    "send.no_file": ("referat send: ingen sådan fil: {path}", "referat send: no such file: {path}"),
    "send.no_pdf": (
        "referat send: PDF'en kunne ikke laves: {error}",
        "referat send: the PDF could not be made: {error}",
    ),
    "send.config": ("referat send: opsætning: {problem}", "referat send: config: {problem}"),
    "send.sending": ("Sender…", "Sending…"),
    "send.delivered": ("Sendt til {n}: {addrs}", "Sent to {n}: {addrs}"),
    "send.refused": ("Afvist: {addr}: {why}", "Refused: {addr}: {why}"),
    "send.failed": ("referat send: ikke sendt: {error}", "referat send: not sent: {error}"),
    "send.recorded": ("Noteret i {path} ([[sent]]).", "Recorded in {path} ([[sent]])."),
    "send.not_recorded": (
        "referat send: sendt, men kunne ikke noteres i {path}: {why}. Indsæt selv dette "
        "sidst i filen:",
        "referat send: sent, but could not record it in {path}: {why}. Paste this at the "
        "end of the file yourself:",
    ),
    "send.held": (
        "filen er åben i redigeringen hos {who}",
        "the file is open in the editor of {who}",
    ),
    # -- failures (one line each; the editor shows them too) --
    "send.err.refused_conn": (
        "mailserveren {server} afviste forbindelsen (kører den? rigtig port?)",
        "the mail server {server} refused the connection (is it running? the right port?)",
    ),
    "send.err.dns": (
        "kan ikke finde mailserveren {host} (DNS): {why}",
        "cannot find the mail server {host} (DNS): {why}",
    ),
    "send.err.timeout": (
        "mailserveren {server} svarede ikke inden for {seconds} s (send.timeout)",
        "the mail server {server} did not answer within {seconds} s (send.timeout)",
    ),
    "send.err.cert": (
        "mailserverens certifikat er ikke betroet ({why}); har serveren sin egen CA, så sæt "
        "send.cafile til den",
        "the mail server's certificate is not trusted ({why}); if the server uses its own "
        "CA, set send.cafile to it",
    ),
    "send.err.tls": (
        "TLS mislykkedes med {server} ({why}); passer send.security og send.port sammen?",
        "TLS failed with {server} ({why}); do send.security and send.port match?",
    ),
    "send.err.no_starttls": (
        'mailserveren {server} tilbyder ikke STARTTLS; brug security = "tls" (port 465) '
        "eller spørg serverens ejer",
        'the mail server {server} does not offer STARTTLS; use security = "tls" (port 465) '
        "or ask the server's owner",
    ),
    "send.err.auth": (
        "mailserveren afviste login som {user}: {why} (forkert adgangskode?)",
        "the mail server refused the login as {user}: {why} (wrong password?)",
    ),
    "send.err.no_auth": (
        "mailserveren {server} tilbyder ikke login (AUTH); send.user kræver det",
        "the mail server {server} offers no login (AUTH); send.user needs it",
    ),
    "send.err.no_password": (
        "ingen adgangskode til {user}: sæt send.password_command eller miljøvariablen "
        "REFERAT_SMTP_PASSWORD",
        "no password for {user}: set send.password_command or the environment variable "
        "REFERAT_SMTP_PASSWORD",
    ),
    "send.err.password_command": (
        "password_command mislykkedes: {why}",
        "password_command failed: {why}",
    ),
    "send.err.sender": (
        "mailserveren afviste afsenderen {addr}: {why}",
        "the mail server refused the sender {addr}: {why}",
    ),
    "send.err.all_refused": (
        "mailserveren afviste alle modtagere",
        "the mail server refused every recipient",
    ),
    "send.err.data": (
        "mailserveren afviste beskeden: {why}",
        "the mail server refused the message: {why}",
    ),
    "send.err.disconnected": (
        "mailserveren {server} lukkede forbindelsen undervejs; intet er sendt",
        "the mail server {server} closed the connection midway; nothing was sent",
    ),
    "send.err.smtp": ("SMTP-fejl fra {server}: {why}", "SMTP error from {server}: {why}"),
    "send.err.network": (
        "netværksfejl med {server}: {why}",
        "network error with {server}: {why}",
    ),
    "send.err.sendmail_missing": (
        "sendmail-kommandoen findes ikke: {command}",
        "the sendmail command was not found: {command}",
    ),
    "send.err.sendmail_failed": (
        "{command} fejlede (exit {code}): {why}",
        "{command} failed (exit {code}): {why}",
    ),
    "send.err.sendmail_timeout": (
        "{command} blev ikke færdig inden for {seconds} s (send.timeout)",
        "{command} did not finish within {seconds} s (send.timeout)",
    ),
    # --- the editor's Send dialog (tui/screens/send_screen.py) -------------------------------
    "send_ui.open": ("Send referatet …", "Send the minutes …"),
    "send_ui.open.tip": (
        "Send referatet som e-mail til deltagerne (først en testkopi til dig selv)",
        "Send the minutes by email to the participants (a test copy to yourself first)",
    ),
    "send_ui.button": ("Send …", "Send …"),
    "send_ui.title": ("Send referatet", "Send the minutes"),
    "send_ui.close": ("Luk", "Close"),
    "send_ui.preparing": ("Forbereder …", "Preparing …"),
    "send_ui.transport_as": ("som {user}", "as {user}"),
    "send_ui.size": ("{kb} KB", "{kb} KB"),
    "send_ui.files": ("{n} bilagsfiler vedhæftet", "{n} attachment files attached"),
    "send_ui.files.one": ("1 bilagsfil vedhæftet", "1 attachment file attached"),
    "send_ui.closed": ("lukkede punkter med (FORTROLIGT)", "closed items included (CONFIDENTIAL)"),
    "send_ui.to": ("Til ({n})", "To ({n})"),
    "send_ui.nobody": (
        "Ingen deltager har en brugbar e-mailadresse.",
        "No participant has a usable email address.",
    ),
    "send_ui.not_reached": ("Får den ikke ({n})", "Will not receive it ({n})"),
    "send_ui.history": ("Sendt tidligere", "Sent before"),
    "send_ui.history_line": (
        "{at} — {status}, {n} modtagere",
        "{at} — {status}, {n} recipients",
    ),
    "send_ui.history_line.one": (
        "{at} — {status}, 1 modtager",
        "{at} — {status}, 1 recipient",
    ),
    "send_ui.history_test": (
        "{at} — testkopi ({status}) til {addr}",
        "{at} — test copy ({status}) to {addr}",
    ),
    "send_ui.status.draft": ("udkast", "draft"),
    "send_ui.status.review": ("til kommentering", "for comments"),
    "send_ui.status.approved": ("godkendt", "approved"),
    "send_ui.test_to": ("Test til", "Test to"),
    "send_ui.send_test": ("Send test", "Send test"),
    "send_ui.send_all": ("Send til {n}", "Send to {n}"),
    "send_ui.confirm": (
        "Send referatet til {n} modtagere nu?",
        "Send the minutes to {n} recipients now?",
    ),
    "send_ui.confirm.one": (
        "Send referatet til 1 modtager nu?",
        "Send the minutes to 1 recipient now?",
    ),
    "send_ui.stage.connect": ("Forbinder …", "Connecting …"),
    "send_ui.stage.login": ("Logger ind …", "Logging in …"),
    "send_ui.stage.send": ("Sender …", "Sending …"),
    "send_ui.busy": (
        "Vent: referatet er ved at blive sendt.",
        "Wait: the minutes are being sent.",
    ),
    "send_ui.sent": ("Sendt til {n} modtagere", "Sent to {n} recipients"),
    "send_ui.sent.one": ("Sendt til 1 modtager", "Sent to 1 recipient"),
    "send_ui.test_sent": ("Testkopi sendt til {addr}", "Test copy sent to {addr}"),
    "send_ui.partial": (
        "Sendt til {n} af {total}. Afvist: {refused}",
        "Sent to {n} of {total}. Refused: {refused}",
    ),
    "send_ui.failed": ("Ikke sendt: {error}", "Not sent: {error}"),
    "send_ui.no_test_address": (
        "Skriv adressen testkopien skal til.",
        "Type the address the test copy goes to.",
    ),
    "send_ui.setup": ("Afsendelse er ikke sat op: {problem}", "Sending is not set up: {problem}"),
    "send_ui.setup_where": ("Skriv fx dette i {path}:", "Put this in {path}, for example:"),
    "send_ui.setup_or": (
        "# eller i stedet for host, user og password_command:",
        "# or, instead of host, user and password_command:",
    ),
    "send_ui.setup_more": (
        "Åbn dialogen igen bagefter. Mere (også sendmail/msmtp): docs/SEND.md",
        "Open this dialog again afterwards. More (sendmail/msmtp too): docs/SEND.md",
    ),
    "send_ui.recorded": ("afsendelse", "sending"),
    "send_ui.not_recorded": (
        "Sendt, men ikke noteret i filen ({why}). Tilføj selv:\n{record}",
        "Sent, but not recorded in the file ({why}). Add it yourself:\n{record}",
    ),
}
