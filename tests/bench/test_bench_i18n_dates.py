"""The exports' dates come from Babel; the editor's first frame shows them without loading
Babel (it costs start-up), and must read exactly as Babel writes them."""

from __future__ import annotations

import datetime as dt

import pytest
from babel.dates import format_date

from tui_referat.text import i18n

DAYS = [dt.date(2024, 1, 1) + dt.timedelta(days=n) for n in range(0, 800, 3)]
DAYS += [dt.date(1, 1, 1), dt.date(999, 12, 31), dt.date(9999, 12, 31)]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_dates_read_as_babel_writes_them(lang: str) -> None:
    locale = i18n.BABEL_LOCALE[lang]
    plain = "d. MMMM y" if lang == "da" else "d MMMM y"
    weekday = "EEEE 'den' d. MMMM y" if lang == "da" else "EEEE d MMMM y"
    for day in DAYS:
        assert i18n.format_date(day, lang) == format_date(day, plain, locale=locale)
        assert i18n.quick_date(day, lang) == i18n.format_date(day, lang)
        assert i18n.format_weekday_date(day, lang) == format_date(day, weekday, locale=locale)


def test_an_unknown_language_falls_back_to_english() -> None:
    assert i18n.format_date(dt.date(2025, 9, 16), "fr") == "16 September 2025"
    assert i18n.quick_date(dt.date(2025, 9, 16), "fr") == "16 September 2025"
