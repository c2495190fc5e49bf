"""Mondial Relay's web service (SOAP ``WSI2_CreationEtiquette``), the relay-point carrier.

Our own client: one SOAP call whose body is a flat list of fields and an MD5 "Security"
key, simpler to write over ``urllib`` than to bring a SOAP library (zeep) for.

Request: the fields in the documented order (``Enseigne``, ``ModeCol``, ``ModeLiv``,
``NDossier``, ``NClient``, ``Expe_*``, ``Dest_*``, ``Poids`` in grams, ``Longueur``,
``Taille``, ``NbColis``, ``CRT_*``, ``Exp_*``, ``COL_Rel*``, ``LIV_Rel_Pays``, ``LIV_Rel``
(the relay point), ``TAvisage``, ``TReprise``, ``Montage``, ``TRDV``, ``Assurance``,
``Instructions``) and ``Security``: the upper-case MD5 of those values followed by the
private key. Address fields are capitals without accents, at most 32 characters, as the
service requires.

Answer: ``STAT`` (0 = done, else a documented error number), ``ExpeditionNum`` (the
tracking number) and ``URL_Etiquette`` (the label's path on the label server, A4 by
default; ``format=10x15`` asks for the 10x15 label). The label is a PDF: Mondial Relay
gives no ZPL through this service.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from xml.sax.saxutils import escape

from packstation.shipping.base import (
    CarrierLabel, LabelAccount, LabelRefused, LabelRequest, LabelUnavailable,
)
from packstation.shipping.http import exchange, soap_exchange

DEFAULT_URL = "https://api.mondialrelay.com/Web_Services.asmx"
DEFAULT_LABEL_URL = "https://www.mondialrelay.com"
TRACKING_URL = "https://www.mondialrelay.fr/suivi-de-colis/?numeroExpedition={tracking}"
NAME = "Mondial Relay"
NAMESPACE = "http://www.mondialrelay.fr/webservice/"
FIELDS = (
    "Enseigne", "ModeCol", "ModeLiv", "NDossier", "NClient", "Expe_Langage", "Expe_Ad1",
    "Expe_Ad2", "Expe_Ad3", "Expe_Ad4", "Expe_Ville", "Expe_CP", "Expe_Pays", "Expe_Tel1",
    "Expe_Tel2", "Expe_Mail", "Dest_Langage", "Dest_Ad1", "Dest_Ad2", "Dest_Ad3", "Dest_Ad4",
    "Dest_Ville", "Dest_CP", "Dest_Pays", "Dest_Tel1", "Dest_Tel2", "Dest_Mail", "Poids",
    "Longueur", "Taille", "NbColis", "CRT_Valeur", "CRT_Devise", "Exp_Valeur", "Exp_Devise",
    "COL_Rel_Pays", "COL_Rel", "LIV_Rel_Pays", "LIV_Rel", "TAvisage", "TReprise", "Montage",
    "TRDV", "Assurance", "Instructions",
)
#: The documented STAT numbers we name a fix for; the text is Mondial Relay's.
STATS = {
    "1": ("Enseigne invalide", "account"),
    "2": ("Numéro d'enseigne vide ou inexistant", "account"),
    "8": ("Mot de passe ou hachage invalide", "account"),
    "9": ("Ville non reconnue ou non unique", "address"),
    "13": ("Type de livraison invalide", "relay"),
    "14": ("Numéro de Relais de livraison invalide", "relay"),
    "15": ("Pays de Relais de livraison invalide", "relay"),
    "20": ("Poids du colis invalide", "data"),
    "70": ("Numéro de Point Relais invalide", "relay"),
    "74": ("Langue invalide", "data"),
    "78": ("Pays de Collecte invalide", "sender"),
    "79": ("Pays de Livraison invalide", "address"),
    "92": ("Le code pays du destinataire et le code pays du Point Relais doivent être "
           "identiques, ou solde insuffisant", "relay"),
    "95": ("Compte Enseigne non activé", "account"),
    "97": ("Clé de sécurité invalide", "account"),
    "98": ("Erreur générique (paramètres invalides)", "data"),
    "99": ("Erreur générique du service", "retry"),
}
_ALLOWED = re.compile(r"[^0-9A-Z_\-'., /]")


def plain(text: str, length: int = 32) -> str:
    """Capitals without accents, in the characters the service accepts."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _ALLOWED.sub(" ", bare.upper()).strip()[:length]


def security_key(values: dict[str, str], private_key: str) -> str:
    joined = "".join(values.get(name, "") for name in FIELDS) + private_key
    return hashlib.md5(joined.encode("utf-8")).hexdigest().upper()


class MondialRelayService:
    provider = "mondial_relay"

    def __init__(self, account: LabelAccount, *, timeout: float | None = None) -> None:
        self.account = account
        self.timeout = timeout
        self.url = account.url or DEFAULT_URL
        self.label_url = str(account.options.get("label_url") or DEFAULT_LABEL_URL).rstrip("/")

    def values(self, request: LabelRequest) -> dict[str, str]:
        sender, recipient = request.sender, request.recipient
        relay = request.service == "relay"
        values = {
            "Enseigne": self.account.login, "ModeCol": "CCC",
            "ModeLiv": "24R" if relay else str(self.account.options.get("home_mode") or "HOM"),
            "NDossier": plain(request.order_ref, 15), "NClient": "",
            "Expe_Langage": "FR", "Expe_Ad1": plain(sender.name), "Expe_Ad3": plain(sender.line1),
            "Expe_Ad4": plain(sender.line2), "Expe_Ville": plain(sender.city, 26),
            "Expe_CP": sender.postcode, "Expe_Pays": sender.country, "Expe_Tel1": sender.phone,
            "Expe_Mail": sender.email,
            "Dest_Langage": "FR", "Dest_Ad1": plain(recipient.name),
            "Dest_Ad2": plain(recipient.company), "Dest_Ad3": plain(recipient.line1),
            "Dest_Ad4": plain(recipient.line2), "Dest_Ville": plain(recipient.city, 26),
            "Dest_CP": recipient.postcode, "Dest_Pays": recipient.country,
            "Dest_Tel1": recipient.phone, "Dest_Mail": recipient.email,
            "Poids": str(max(request.weight_g, 15)), "NbColis": "1", "CRT_Valeur": "0",
        }
        if relay:
            values["LIV_Rel_Pays"] = recipient.country
            values["LIV_Rel"] = request.point_id
        return {name: values[name] for name in FIELDS if values.get(name)}

    def envelope(self, values: dict[str, str], private_key: str) -> bytes:
        fields = "".join(f"<{name}>{escape(value)}</{name}>" for name, value in values.items())
        fields += f"<Security>{security_key(values, private_key)}</Security>"
        return (
            '<?xml version="1.0" encoding="utf-8"?>'
            '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">'
            f'<soap:Body><WSI2_CreationEtiquette xmlns="{NAMESPACE}">{fields}'
            "</WSI2_CreationEtiquette></soap:Body></soap:Envelope>").encode("utf-8")

    def create_label(self, request: LabelRequest) -> CarrierLabel:
        values = self.values(request)
        answer, root = soap_exchange(NAME, self.url, self.envelope(values, self.account.password()),
                                     action=f'"{NAMESPACE}WSI2_CreationEtiquette"',
                                     timeout=self.timeout)
        result = root.find(f".//{{{NAMESPACE}}}WSI2_CreationEtiquetteResult")
        if result is None:
            raise LabelUnavailable(NAME, f"HTTP {answer.status}")
        stat = (result.findtext(f"{{{NAMESPACE}}}STAT") or "").strip()
        if stat != "0":
            text, fix = STATS.get(stat, ("", "data"))
            raise LabelRefused(NAME, f"STAT {stat}" + (f" : {text}" if text else ""), fix)
        number = (result.findtext(f"{{{NAMESPACE}}}ExpeditionNum") or "").strip()
        path = (result.findtext(f"{{{NAMESPACE}}}URL_Etiquette") or "").strip()
        if not number or not path:
            raise LabelUnavailable(NAME, "no ExpeditionNum or URL_Etiquette in the answer")
        return CarrierLabel(tracking=number, tracking_url=TRACKING_URL.format(tracking=number),
                            label_bytes=None, label_format="pdf",
                            external_id=path.replace("format=A4", "format=10x15"))

    def download_label(self, stored: CarrierLabel) -> CarrierLabel:
        url = stored.external_id if stored.external_id.startswith("http") \
            else self.label_url + stored.external_id
        answer = exchange(NAME, url, method="GET", timeout=self.timeout)
        if answer.status >= 400 or not answer.body.startswith(b"%PDF"):
            raise LabelUnavailable(NAME, f"HTTP {answer.status}")
        return CarrierLabel(tracking=stored.tracking, tracking_url=stored.tracking_url,
                            label_bytes=answer.body, label_format="pdf",
                            external_id=stored.external_id)
