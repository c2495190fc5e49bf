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

#: The label providers an account may name, the station's own label first.
PROVIDERS = ("own", "colissimo", "sendcloud", "mondial_relay", "chronopost", "dpd", "gls")
#: The providers whose answer carries the customs declaration (CN23) as a document of its
#: own, printed on A4 beside the label (Colissimo's ``<cn23>`` part).
SEPARATE_CUSTOMS_DOCUMENT = frozenset({"colissimo"})
#: provider code -> its module in this package, where the name differs
_MODULES = {"mondial_relay": "mondialrelay"}


def default_url(provider: str) -> str:
    """The carrier's production service, used when an account gives no ``url``; "" for
    ``own`` (and a provider whose module has none)."""
    if provider == "own" or provider not in PROVIDERS:
        return ""
    import importlib

    module = importlib.import_module(f"{__name__}.{_MODULES.get(provider, provider)}")
    return str(getattr(module, "DEFAULT_URL", ""))


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
