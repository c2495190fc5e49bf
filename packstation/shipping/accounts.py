"""The label accounts of the station file: ``label = { provider = …, … }`` in a
``[[carriers]]`` table, read and checked here (no secret is read until a label is asked).

    [[carriers]]
    code = "colissimo"
    label = { provider = "colissimo", url = "https://ws.colissimo.fr/sls-ws/SlsServiceWSRest/2.0",
              contract = "123456", password = "env:COLISSIMO_PASSWORD", format = "pdf" }

Keys: ``provider`` (own, colissimo, sendcloud, mondial_relay), ``url`` (the service; its
test environment, or a stand-in), the login under the carrier's own word (``contract``,
``login``, ``public_key`` or ``enseigne``), the secret (``password``, ``secret_key`` or
``private_key``: ``env:NAME`` or ``keyring:SERVICE/USER``), ``format`` (pdf | zpl),
``dpi`` (203 | 300, for ZPL), and provider options (``product_home``…, ``shipping_method``…,
``label_url``, ``home_mode``).
"""

from __future__ import annotations

from typing import Any, Mapping

from packstation.core import i18n
from packstation.core.errors import InputError
from packstation.shipping.base import LABEL_FORMATS, ZPL_DPIS, LabelAccount

from packstation.shipping import PROVIDERS  # noqa: E402
LOGIN_KEYS = ("contract", "login", "public_key", "enseigne", "account_number", "user")
SECRET_KEYS = ("password", "secret_key", "private_key")
OPTION_KEYS = ("product_home", "product_signature", "product_express", "product_relay",
               "shipping_method", "shipping_method_home", "shipping_method_signature",
               "shipping_method_relay", "shipping_method_express", "label_url", "home_mode", "sub_account", "contact_id", "customer")
KNOWN = ("provider", "url", "format", "dpi", *LOGIN_KEYS, *SECRET_KEYS, *OPTION_KEYS)
#: Providers that cannot give a ZPL label.
PDF_ONLY = ("mondial_relay",)


def parse_account(carrier: str, table: object) -> LabelAccount:
    if not isinstance(table, Mapping):
        raise InputError("label.account_not_table", carrier=carrier)
    for key in table:
        if key not in KNOWN:
            raise InputError("label.account_unknown_key", carrier=carrier, key=key,
                             known=", ".join(KNOWN))
    provider = str(table.get("provider", "own"))
    if provider not in PROVIDERS:
        raise InputError("label.unknown_provider", carrier=carrier, provider=provider,
                         providers=", ".join(PROVIDERS))
    format_ = str(table.get("format", "pdf")).lower()
    if format_ not in LABEL_FORMATS:
        raise InputError("label.bad_format", carrier=carrier, value=format_)
    if format_ == "zpl" and provider in PDF_ONLY:
        raise InputError("label.pdf_only", carrier=carrier, provider=provider)
    dpi = table.get("dpi", 203)
    if dpi not in ZPL_DPIS:
        raise InputError("label.bad_dpi", carrier=carrier, value=dpi)
    login = next((str(table[key]) for key in LOGIN_KEYS if table.get(key)), "")
    secret = next((str(table[key]) for key in SECRET_KEYS if table.get(key)), "")
    if secret and not secret.startswith(("env:", "keyring:")):
        # Named by its key, never shown: a secret typed in clear must not reach a message.
        raise InputError("label.secret_form", carrier=carrier)
    if provider != "own" and (not login or not secret):
        raise InputError("label.account_incomplete", carrier=carrier, provider=provider)
    url = str(table.get("url", ""))
    # The secret travels with each request: in clear (http) only to this machine (a
    # stand-in, a local proxy), never over a network.
    local = url.startswith(("http://127.0.0.1", "http://localhost", "http://[::1]"))
    if url and not (url.startswith("https://") or local):
        raise InputError("label.bad_url", carrier=carrier, value=url)
    return LabelAccount(carrier=carrier, provider=provider, url=url, login=login, secret=secret,
                        format=format_, dpi=int(dpi),
                        options={key: table[key] for key in OPTION_KEYS if key in table})


def parse_accounts(document: Mapping[str, Any]) -> dict[str, LabelAccount]:
    """carrier code -> its label account, for the carriers whose table has ``label``."""
    accounts = {}
    for entry in document.get("carriers") or []:
        if isinstance(entry, Mapping) and "label" in entry and isinstance(entry.get("code"), str):
            code = entry["code"].strip()
            accounts[code] = parse_account(code, entry["label"])
    return accounts


def account_document(account: LabelAccount) -> dict[str, Any]:
    """The ``label = {...}`` table of an account (its secret *reference* only)."""
    login_key = {"colissimo": "contract", "sendcloud": "public_key", "mondial_relay": "enseigne",
                 "chronopost": "account_number", "gls": "user", "dpd": "login"}.get(account.provider, "login")
    secret_key = {"sendcloud": "secret_key", "mondial_relay": "private_key"}.get(
        account.provider, "password")
    document: dict[str, Any] = {"provider": account.provider}
    if account.url:
        document["url"] = account.url
    if account.login:
        document[login_key] = account.login
    if account.secret:
        document[secret_key] = account.secret
    document["format"] = account.format
    if account.format == "zpl":
        document["dpi"] = account.dpi
    document.update(account.options)
    return document


def accounts_text(accounts: Mapping[str, LabelAccount]) -> str:
    """The accounts as the settings window edits them: one ``[code]`` table each."""
    from packstation.services.context import to_toml  # the one TOML writer

    return to_toml({code: account_document(account) for code, account in accounts.items()}) \
        if accounts else ""


def parse_accounts_text(text: str) -> dict[str, LabelAccount]:
    """The window's text back to accounts; InputError naming the carrier and the key."""
    import tomli as tomllib  # TOML 1.1, as the station file

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError("label.accounts_toml", reason=str(error)) from None
    return {code: parse_account(code, table) for code, table in document.items()}


i18n.register({
    "label.accounts_toml": ("Comptes étiquettes illisibles : {reason}. Écrivez une table par "
                            "transporteur : [colissimo] puis provider = \"colissimo\", … une clé par ligne.",
                            "Label accounts cannot be read: {reason}. Write one table per carrier: "
                            "[colissimo] then provider = \"colissimo\", … one key a line."),
    "label.account_not_table": ("Transporteur « {carrier} » : label doit être une table, par exemple "
                                "label = {{ provider = \"colissimo\", … }}.",
                                "Carrier “{carrier}”: label must be a table, for example "
                                "label = {{ provider = \"colissimo\", … }}."),
    "label.account_unknown_key": ("Transporteur « {carrier} », compte étiquettes : clé « {key} » "
                                  "inconnue (clés possibles : {known}).",
                                  "Carrier “{carrier}”, label account: unknown key “{key}” "
                                  "(known keys: {known})."),
    "label.unknown_provider": ("Transporteur « {carrier} » : service d'étiquettes « {provider} » "
                               "inconnu (possibles : {providers}).",
                               "Carrier “{carrier}”: unknown label service “{provider}” "
                               "(possible: {providers})."),
    "label.bad_format": ("Transporteur « {carrier} » : format d'étiquette « {value} » inconnu "
                         "(pdf ou zpl).", "Carrier “{carrier}”: unknown label format “{value}” "
                         "(pdf or zpl)."),
    "label.pdf_only": ("Transporteur « {carrier} » : {provider} ne fournit que des étiquettes PDF "
                       "(format = \"pdf\").", "Carrier “{carrier}”: {provider} gives PDF labels "
                       "only (format = \"pdf\")."),
    "label.bad_dpi": ("Transporteur « {carrier} » : résolution « {value} » refusée (203 ou 300).",
                      "Carrier “{carrier}”: resolution “{value}” refused (203 or 300)."),
    "label.account_incomplete": ("Transporteur « {carrier} » : le compte {provider} demande "
                                 "l'identifiant (contrat, login…) et le mot de passe (env:NOM "
                                 "ou keyring:SERVICE/UTILISATEUR).",
                                 "Carrier “{carrier}”: the {provider} account needs the login "
                                 "(contract, login…) and the password (env:NAME or "
                                 "keyring:SERVICE/USER)."),
    "label.bad_url": ("Transporteur « {carrier} » : adresse du service « {value} » refusée : "
                      "écrivez https://… (le mot de passe ne circule jamais en clair).",
                      "Carrier “{carrier}”: service address “{value}” refused: write https://… "
                      "(the password never travels in clear)."),
})
