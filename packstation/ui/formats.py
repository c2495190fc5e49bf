"""Dates, times and numbers as the window's language writes them (QLocale).

The locale is the system's when it speaks the window's language (a Canadian French or an
American English desktop keeps its own conventions), else French of France or British
English. Times are on the shop's clock (Europe/Paris unless said otherwise).
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QLocale, QTime

from packstation.core import i18n
from packstation.io.fields import DEFAULT_TIMEZONE as SHOP_TIMEZONE

_LANGUAGES = {"fr": (QLocale.Language.French, QLocale.Country.France),
              "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom)}
_YEAR = re.compile(r"[^dMy]*y+[^dMy]*")


def ui_locale() -> QLocale:
    language, territory = _LANGUAGES[i18n.language()]
    system = QLocale.system()
    return system if system.language() == language else QLocale(language, territory)


def date_text(day: dt.date, *, year: bool = True) -> str:
    """``26/11/2026`` (fr, en-GB), ``11/26/26`` (en-US); without the year: ``26/11``."""
    locale = ui_locale()
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if not year:
        pattern = _YEAR.sub("", pattern, count=1) if pattern.startswith("y") else \
            re.sub(r"[^dMy]*y+$", "", pattern)
    return locale.toString(QDate(day.year, day.month, day.day), pattern)


def time_text(moment: dt.time, *, seconds: bool = False) -> str:
    locale = ui_locale()
    pattern = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if seconds and "s" not in pattern:
        pattern = pattern.replace("mm", "mm:ss", 1)
    return locale.toString(QTime(moment.hour, moment.minute, moment.second), pattern)


def datetime_text(moment: dt.datetime | None, *, year: bool = True, seconds: bool = False) -> str:
    """A moment on the shop's clock: ``26/11/2026 14:05`` in French."""
    if moment is None:
        return ""
    local = moment.astimezone(SHOP_TIMEZONE)
    return f"{date_text(local.date(), year=year)} {time_text(local.time(), seconds=seconds)}"


def number_text(value: float, decimals: int = 0) -> str:
    """``2,11`` in French, ``2.11`` in English (thousands grouped as the locale does)."""
    return ui_locale().toString(float(value), "f", decimals)


def kilograms_text(grams: int) -> str:
    return f"{number_text(grams / 1000, 2)} kg"
