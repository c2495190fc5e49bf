"""The one interface every carrier's label service implements, and what it exchanges.

A :class:`LabelRequest` is plain data built from an order (services.labels); a service's
``create_label`` returns the carrier's :class:`CarrierLabel` (its number, its tracking
link, its label bytes unchanged) or raises :class:`LabelRefused` (the carrier said no: its
own words and what to do) or :class:`LabelUnavailable` (unreachable, timeout, an answer
that is not the service's). No Qt, no database here.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Mapping, Protocol

from packstation.core import i18n
from packstation.core.errors import InputError, PackstationError

LABEL_FORMATS = ("pdf", "zpl")
ZPL_DPIS = (203, 300)
SERVICES = ("home", "signature", "relay", "express")
DEFAULT_TIMEOUT = 20.0  # seconds; a carrier slower than this is "unavailable", asked again later


@dataclass(frozen=True)
class Party:
    """A sender or an addressee, as written."""

    name: str
    line1: str
    postcode: str
    city: str
    country: str
    company: str = ""
    line2: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class CustomsLine:
    """One line of a CN23 declaration (category: sale of goods)."""

    description: str
    quantity: int
    weight_g: int
    value: Decimal           # per unit
    currency: str
    hs_code: str
    origin_country: str


@dataclass(frozen=True)
class LabelRequest:
    order_ref: str
    sender: Party
    recipient: Party
    weight_g: int
    service: str = "home"                      # one of SERVICES
    pickup_point: str = ""                     # the relay point's id ("TYPE:ID" accepted)
    customs: tuple[CustomsLine, ...] = ()      # empty inside the EU customs territory
    value: Decimal | None = None
    currency: str = "EUR"
    shipping_date: dt.date = field(default_factory=dt.date.today)

    @property
    def point_type(self) -> str:
        return self.pickup_point.split(":", 1)[0] if ":" in self.pickup_point else ""

    @property
    def point_id(self) -> str:
        return self.pickup_point.split(":", 1)[1] if ":" in self.pickup_point else self.pickup_point


@dataclass(frozen=True)
class CarrierLabel:
    """What the carrier issued: kept and printed exactly as received."""

    tracking: str
    tracking_url: str
    label_bytes: bytes | None        # None: bought, to be downloaded (see ``external_id``)
    label_format: str                # pdf | zpl
    external_id: str = ""            # the carrier's own id of the shipment, if any
    customs_bytes: bytes | None = None   # its customs declaration (CN23, A4 PDF), if apart


def secret_value(reference: str, *, carrier: str) -> str:
    """The secret a reference names: ``env:NAME`` (an environment variable) or
    ``keyring:SERVICE/USER`` (the OS keyring, through the ``keyring`` package).

    A plain value is refused: secrets never sit in the station file, which is copied and
    shown. The message names the reference, never the secret.
    """
    if reference.startswith("env:"):
        name = reference[4:].strip()
        value = os.environ.get(name)
        if not value:
            raise InputError("label.secret_env_missing", carrier=carrier, name=name)
        return value
    if reference.startswith("keyring:"):
        service, _, user = reference[8:].strip().partition("/")
        try:
            import keyring
            import keyring.errors
        except ImportError:
            raise InputError("label.no_keyring", carrier=carrier) from None
        try:
            value = keyring.get_password(service, user)
        except keyring.errors.KeyringError as error:
            raise InputError("label.keyring_failed", carrier=carrier,
                             reason=type(error).__name__) from None
        if not value:
            raise InputError("label.secret_keyring_missing", carrier=carrier,
                             service=service, user=user)
        return value
    raise InputError("label.secret_form", carrier=carrier)


@dataclass(frozen=True)
class LabelAccount:
    """One carrier's label account, from the station file's ``label = {...}``.

    ``secret`` is the *reference* (``env:…``/``keyring:…``); :meth:`password` reads the
    secret itself when a request is made, so that it is never kept, stored or shown.
    """

    carrier: str                 # the carrier's code in Packstation
    provider: str = "own"
    url: str = ""
    login: str = ""              # contract number, login, public key, enseigne...
    secret: str = ""             # env:NAME | keyring:SERVICE/USER
    format: str = "pdf"
    dpi: int = 203
    options: Mapping[str, object] = field(default_factory=dict)

    def password(self) -> str:
        return secret_value(self.secret, carrier=self.carrier) if self.secret else ""

    @property
    def is_own(self) -> bool:
        return self.provider == "own"


class LabelService(Protocol):
    provider: str

    def create_label(self, request: LabelRequest) -> CarrierLabel: ...

    def download_label(self, stored: CarrierLabel) -> CarrierLabel:
        """A label bought earlier (``label_bytes`` None), downloaded without buying again."""
        ...


#: What the user can do about a refusal; each a message "label.fix.<kind>".
FIXES = ("address", "phone", "account", "relay", "customs", "retry", "data", "sender")


class LabelRefused(PackstationError):
    """The carrier answered no. ``carrier_message`` is its own words, unchanged; ``fix``
    names what the user can do (``label.fix.<fix>``)."""

    key = "label.refused"

    def __init__(self, carrier: str, carrier_message: str, fix: str = "data") -> None:
        if fix not in FIXES:
            raise ValueError(f"unknown fix {fix!r}")
        super().__init__(self.key, carrier=carrier)
        self.carrier, self._carrier_message, self.fix = carrier, carrier_message, fix

    @property
    def carrier_message(self) -> str:
        return self._carrier_message

    @property
    def what_to_do(self) -> str:
        return i18n.tr(f"label.fix.{self.fix}")

    @property
    def message(self) -> str:
        return i18n.tr(self.key, carrier=self.carrier, carrier_message=self.carrier_message,
                       what_to_do=self.what_to_do)


class LabelUnavailable(LabelRefused):
    """The carrier could not be asked (unreachable, too slow, an answer it never gives)."""

    key = "label.unavailable"

    def __init__(self, carrier: str, reason: str) -> None:
        super().__init__(carrier, reason, "retry")


class LabelNotAsked(LabelRefused):
    """What Packstation knows the carrier would refuse, said before asking it: its
    message is Packstation's (``message_key``), not the carrier's."""

    key = "label.not_asked"

    def __init__(self, carrier: str, message_key: str, fix: str, **params: object) -> None:
        super().__init__(carrier, "", fix)
        self.message_key, self.message_params = message_key, params

    @property
    def carrier_message(self) -> str:
        return i18n.tr(self.message_key, **self.message_params)


def classify(message: str) -> str:
    """The fix for a carrier's message the service gave no code for (by its words)."""
    text = message.casefold()
    for words, fix in ((("mot de passe", "password", "identifiant", "login", "contrat",
                         "contract", "unauthori", "authenti", "api key", "clé", "enseigne"),
                        "account"),
                       (("téléphone", "telephone", "portable", "phone", "mobile"), "phone"),
                       (("point relais", "pickup", "point de retrait", "service point",
                         "relay"), "relay"),
                       (("douane", "customs", "hs code", "tarif", "cn23"), "customs"),
                       (("adresse", "address", "code postal", "postal", "zip", "ville",
                         "city", "commune", "pays", "country"), "address")):
        if any(word in text for word in words):
            return fix
    return "data"


i18n.register({
    "label.refused": ("{carrier} refuse l'étiquette : « {carrier_message} ». {what_to_do}",
                      "{carrier} refuses the label: “{carrier_message}”. {what_to_do}"),
    "label.not_asked": ("Étiquette {carrier} non demandée : {carrier_message} {what_to_do}",
                        "{carrier} label not asked: {carrier_message} {what_to_do}"),
    "label.unavailable": ("{carrier} ne répond pas ({carrier_message}). {what_to_do}",
                          "{carrier} does not answer ({carrier_message}). {what_to_do}"),
    "label.fix.address": ("Corrigez l'adresse de la commande, puis relancez l'étiquette.",
                          "Correct the order's address, then ask for the label again."),
    "label.fix.phone": ("Ajoutez le téléphone du client à la commande, puis relancez l'étiquette.",
                        "Add the customer's phone to the order, then ask for the label again."),
    "label.fix.account": ("Vérifiez le compte étiquettes du transporteur (Réglages > Transporteurs, "
                          "ou label = {…} dans le fichier du poste), puis relancez.",
                          "Check the carrier's label account (Settings > Carriers, or label = {…} "
                          "in the station file), then retry."),
    "label.fix.relay": ("Vérifiez le point relais choisi dans la commande, puis relancez l'étiquette.",
                        "Check the relay point chosen in the order, then ask for the label again."),
    "label.fix.customs": ("Complétez la déclaration en douane (code SH et pays d'origine des "
                          "produits), puis relancez l'étiquette.",
                          "Complete the customs declaration (the products' HS code and country of "
                          "origin), then ask for the label again."),
    "label.fix.retry": ("Le colis reste emballé : relancez plus tard (F9 ou packstation retry-prints).",
                        "The parcel stays packed: retry later (F9 or packstation retry-prints)."),
    "label.fix.data": ("Corrigez la commande selon ce message, puis relancez l'étiquette.",
                       "Correct the order as the message says, then ask for the label again."),
    "label.fix.sender": ("Renseignez l'adresse de la boutique (Réglages > Boutique, ou packstation "
                         "shop set address1=… postcode=… city=…), puis relancez.",
                         "Set the shop's address (Settings > Shop, or packstation shop set "
                         "address1=… postcode=… city=…), then retry."),
    "label.secret_env_missing": (
        "Compte étiquettes {carrier} : la variable d'environnement {name} n'est pas définie. "
        "Définissez-la avant de lancer Packstation.",
        "{carrier} label account: the environment variable {name} is not set. Set it before "
        "starting Packstation."),
    "label.secret_keyring_missing": (
        "Compte étiquettes {carrier} : aucun secret « {service}/{user} » dans le trousseau du "
        "système. Enregistrez-le (keyring set {service} {user}).",
        "{carrier} label account: no secret “{service}/{user}” in the system keyring. Store it "
        "(keyring set {service} {user})."),
    "label.no_keyring": ("Compte étiquettes {carrier} : aucun trousseau du système n'est disponible "
                         "sur ce poste. Utilisez une variable d'environnement (env:NOM).",
                         "{carrier} label account: no system keyring is available on this "
                         "computer. Use an environment variable (env:NAME)."),
    "label.keyring_failed": ("Compte étiquettes {carrier} : le trousseau du système ne répond pas "
                             "({reason}). Déverrouillez-le ou utilisez env:NOM.",
                             "{carrier} label account: the system keyring does not answer "
                             "({reason}). Unlock it or use env:NAME."),
    "label.secret_form": ("Compte étiquettes {carrier} : le mot de passe s'écrit env:NOM (variable "
                          "d'environnement) ou keyring:SERVICE/UTILISATEUR (trousseau), jamais en clair.",
                          "{carrier} label account: the password is written env:NAME (an environment "
                          "variable) or keyring:SERVICE/USER (the keyring), never in clear."),
})
