"""The carriers' label services: from an order's parcel to the carrier's own label and
tracking number, one module per carrier behind one interface (:mod:`.base`).

``own`` is the station's own label (no carrier number); every other provider is a small
client of the carrier's documented web service, written here over ``urllib`` (see each
module for why no library is used). :func:`service_for` builds the client of an account.
"""

from __future__ import annotations

from packstation.shipping.base import (  # noqa: F401  (the interface, re-exported)
    CarrierLabel, CustomsLine, LabelAccount, LabelNotAsked, LabelRefused, LabelRequest,
    LabelService, LabelUnavailable, Party,
)

#: provider code -> module name in this package
PROVIDERS = ("own", "colissimo", "sendcloud", "mondial_relay", "chronopost", "dpd", "gls")


def service_for(account: LabelAccount, *, timeout: float | None = None) -> LabelService:
    """The label service of ``account`` (a provider other than ``own``)."""
    if account.provider == "colissimo":
        from packstation.shipping.colissimo import ColissimoService as cls
    elif account.provider == "sendcloud":
        from packstation.shipping.sendcloud import SendcloudService as cls
    elif account.provider == "mondial_relay":
        from packstation.shipping.mondialrelay import MondialRelayService as cls
    elif account.provider == "chronopost":
        from packstation.shipping.chronopost import ChronopostService as cls
    elif account.provider == "dpd":
        from packstation.shipping.dpd import DPDFranceService as cls
    elif account.provider == "gls":
        from packstation.shipping.gls import GLSService as cls
    else:
        raise ValueError(f"no label service for provider {account.provider!r}")
    return cls(account, timeout=timeout)
