"""Dates, times and numbers in the window follow its language (QLocale)."""

import datetime as dt

import pytest

from packstation.core import i18n
from packstation.ui import formats

MOMENT = dt.datetime(2026, 11, 26, 13, 5, 9, tzinfo=dt.timezone.utc)  # 14:05 in Paris


@pytest.fixture(autouse=True)
def neutral_system(monkeypatch, qapp):
    """A system locale that is neither French nor English: the window's language decides."""
    from PySide6.QtCore import QLocale

    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.German)))


@pytest.mark.parametrize("language, full, short, weight, number", [
    ("fr", "26/11/2026 14:05", "26/11 14:05", "2,11 kg", "1\u202f234,5"),  # narrow no-break space
    ("en", "26/11/2026 14:05", "26/11 14:05", "2.11 kg", "1,234.5"),
])
def test_formats_follow_the_language(language, full, short, weight, number):
    i18n.set_language(language)
    assert formats.datetime_text(MOMENT) == full
    assert formats.datetime_text(MOMENT, year=False) == short
    assert formats.datetime_text(MOMENT, seconds=True).endswith("14:05:09")
    assert formats.kilograms_text(2110) == weight
    assert formats.number_text(1234.5, 1) == number


def test_a_system_speaking_the_language_keeps_its_conventions(monkeypatch):
    from PySide6.QtCore import QLocale

    monkeypatch.setattr(QLocale, "system", staticmethod(
        lambda: QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)))
    i18n.set_language("en")
    assert formats.date_text(MOMENT.date()) == "11/26/26"
    assert formats.date_text(MOMENT.date(), year=False) == "11/26"
