"""Where a parcel needs a customs declaration: outside the EU's customs territory.

The EU customs territory is the member states minus some of their territories (the
French overseas departments and collectivities, the Canary Islands, Ceuta and Melilla,
Heligoland, Büsingen, Livigno, Campione d'Italia, Mount Athos, the Åland Islands), plus
Monaco. Everything else (Switzerland, the UK, Norway, Andorra, the US…) needs one.
"""

from __future__ import annotations

EU_MEMBERS = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split())
INSIDE_ALSO = frozenset({"MC"})  # Monaco is in the customs territory through France
#: Postcode prefixes of a member state that are outside the customs territory.
OUTSIDE_POSTCODES = {
    "FR": ("971", "972", "973", "974", "975", "976", "977", "978", "98"),
    "ES": ("35", "38", "51", "52"),
    "DE": ("27498", "78266"),
    "IT": ("23041", "22061"),
    "GR": ("63086",),
    "FI": ("22",),
}


def needs_customs(country: str, postcode: str = "", *, origin: str = "FR") -> bool:
    """Whether a parcel from ``origin`` (the shop's country) to this address needs a CN23."""
    return _outside(country, postcode) != _outside(origin, "")


def _outside(country: str, postcode: str) -> bool:
    country = (country or "").upper()
    if country in INSIDE_ALSO:
        return False
    if country not in EU_MEMBERS:
        return True
    code = "".join((postcode or "").split())
    return code.startswith(OUTSIDE_POSTCODES.get(country, ()))
