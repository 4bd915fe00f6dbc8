"""Email addresses as people write them in a participant's ``email`` field.

``a@b.dk``, ``Anne Holm <a@b.dk>``, and several at once separated by ``;`` or ``,``
(``a@b.dk; c@d.dk``, as Outlook copies them) are all understood; what is not an address is
returned as such, so that ``check`` can name it and an export can say who gets no mail.
"""

from __future__ import annotations

import re

#: One address: something@domain, no spaces, no second @, a dot in the domain.
_ADDRESS = re.compile(r"[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\]]+")


def split_addresses(value: str) -> tuple[list[tuple[str, str]], list[str]]:
    """``(display name, address)`` for each address in ``value``, and the parts of it that
    are not addresses (each stripped), in the order written."""
    found: list[tuple[str, str]] = []
    wrong: list[str] = []
    for part in re.split(r"[;\n]", value):
        part = part.strip()
        if not part:
            continue
        if _ADDRESS.fullmatch(part):  # the usual "a@b.dk": no parser needed (nor its import)
            found.append(("", part))
            continue
        from email.utils import getaddresses  # 12 ms with what it imports (PERFORMANCE.md)

        for name, address in getaddresses([part]):
            address = address.strip()
            if address and _ADDRESS.fullmatch(address):
                found.append((name.strip(), address))
        written = [a for _, a in getaddresses([part]) if a.strip()]
        if not written or not all(_ADDRESS.fullmatch(a.strip()) for a in written):
            wrong.append(part)
    return found, wrong
