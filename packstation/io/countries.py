"""Country names in any language, read as ISO 3166 alpha-2 codes.

Shop exports write the country as a code ("FR"), an alpha-3 code ("DEU") or a name in
the shop's or the customer's language ("United States", "Allemagne", "España"). The
names come from ``pycountry`` (ISO 3166-1 and its translations in every language it
ships), plus the everyday names that the standard spells otherwise ("USA", "UK",
"Holland", "Türkiye"...). Names are compared without case, accents or punctuation; a
name that two countries' translations share is left out rather than guessed.
"""

from __future__ import annotations

import functools
import gettext
import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+")

# Codes people write that ISO 3166 spells otherwise, and names it does not know.
_ALIASES = {
    "UK": "GB", "EL": "GR", "England": "GB", "Scotland": "GB", "Wales": "GB",
    "Northern Ireland": "GB", "Great Britain": "GB", "Britain": "GB", "Grande-Bretagne": "GB",
    "Angleterre": "GB", "Royaume Uni": "GB", "USA": "US", "U.S.A.": "US", "U.S.": "US",
    "United States of America": "US", "America": "US", "Amérique": "US", "Etats Unis": "US",
    "Holland": "NL", "Hollande": "NL", "Russia": "RU", "Russie": "RU", "South Korea": "KR",
    "Korea": "KR", "Corée du Sud": "KR", "North Korea": "KP", "Czech Republic": "CZ",
    "Czechia": "CZ", "République tchèque": "CZ", "Tchéquie": "CZ", "Turkey": "TR",
    "Türkiye": "TR", "Turquie": "TR", "Vietnam": "VN", "Ivory Coast": "CI",
    "Côte d'Ivoire": "CI", "Kosovo": "XK", "Moldova": "MD", "Iran": "IR", "Syria": "SY",
    "Laos": "LA", "Bolivia": "BO", "Venezuela": "VE", "Tanzania": "TZ", "Taiwan": "TW",
    "Macedonia": "MK", "North Macedonia": "MK", "Vatican": "VA", "Palestine": "PS",
    "Brunei": "BN", "Cape Verde": "CV", "Swaziland": "SZ", "Burma": "MM",
    "Россия": "RU", "Reunion": "RE", "La Réunion": "RE", "Hong Kong SAR": "HK", "Macau": "MO",
}


def _key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_NOT_WORD.sub(" ", bare).split())


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    import pycountry

    names: dict[str, set[str]] = {}

    def add(name: str | None, code: str) -> None:
        if name:
            names.setdefault(_key(name), set()).add(code)

    countries = list(pycountry.countries)
    translations = [gettext.NullTranslations()]
    for language in sorted(pycountry.LOCALES_DIR and _locales(pycountry.LOCALES_DIR)):
        try:
            translations.append(gettext.translation(
                "iso3166-1", pycountry.LOCALES_DIR, languages=[language]))
        except OSError:
            continue
    for country in countries:
        code = country.alpha_2
        add(country.alpha_3, code)
        for attribute in ("name", "official_name", "common_name"):
            name = getattr(country, attribute, None)
            if not name:
                continue
            for translation in translations:
                add(translation.gettext(name), code)
    index = {key: next(iter(codes)) for key, codes in names.items() if len(codes) == 1}
    index.update((_key(name), code) for name, code in _ALIASES.items())
    return index


def _locales(folder: str) -> list[str]:
    import os

    return [name for name in os.listdir(folder)
            if os.path.exists(os.path.join(folder, name, "LC_MESSAGES", "iso3166-1.mo"))]


def country_code(text: str) -> str | None:
    """The alpha-2 code of a country written as a code or a name; None if unknown."""
    written = text.strip()
    if not written:
        return None
    upper = written.upper()
    if len(upper) == 2 and upper.isascii() and upper.isalpha():
        return _ALIASES.get(upper, upper)
    return _index().get(_key(written))
