"""Reading an exported PDF back for the tests: its text, its metadata, its fonts."""

from __future__ import annotations

import io
import re
from typing import Any

from pypdf import PdfReader
from pypdf.generic import DictionaryObject


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(data).pages]


def flat(text: str) -> str:
    """Text compared across line breaks: no whitespace, no hyphens (Typst hyphenates long
    words at line ends; a soft break shows as "-" in the extracted text)."""
    return re.sub(r"[\s\-\u00ad\u2010\u2011]+", "", text)


def in_order(haystack: str, needles: list[str]) -> list[str]:
    """The needles not found in ``haystack`` in the order given (each after the last)."""
    missing = []
    at = 0
    flat_hay = flat(haystack)
    for needle in needles:
        found = flat_hay.find(flat(needle), at)
        if found < 0:
            missing.append(needle)
        else:
            at = found + len(flat(needle))
    return missing


def xmp(data: bytes) -> str:
    meta = reader(data).xmp_metadata
    assert meta is not None, "the PDF has no XMP metadata"
    return meta.stream.get_data().decode("utf-8")


def fonts(data: bytes) -> dict[str, bool]:
    """Each font of every page (by base font name) and whether its file is embedded."""
    found: dict[str, bool] = {}
    for page in reader(data).pages:
        resources: Any = page.get("/Resources")
        for font in _fonts_of(resources):
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font.get("/BaseFont"))] = embedded
    return found


def _fonts_of(resources: Any, seen: set[int] | None = None) -> list[DictionaryObject]:
    """The fonts of ``resources``, and of the form XObjects they use (Typst draws with them)."""
    seen = set() if seen is None else seen
    if resources is None:
        return []
    resources = resources.get_object()
    out = [f.get_object() for f in (resources.get("/Font") or {}).values()]
    for xobject in (resources.get("/XObject") or {}).values():
        obj = xobject.get_object()
        if id(obj) in seen or obj.get("/Subtype") != "/Form":
            continue
        seen.add(id(obj))
        out += _fonts_of(obj.get("/Resources"), seen)
    return out
