"""The label accounts of the station file: ``label = { provider = …, … }`` in a
``[[carriers]]`` table, read and checked here (no secret is read until a label is asked).

    [[carriers]]
    code = "colissimo"
    label = { provider = "colissimo", url = "https://ws.colissimo.fr/sls-ws/SlsServiceWSRest/2.0",
              contract = "123456", password = "env:COLISSIMO_PASSWORD", format = "pdf" }

Keys: ``provider`` (one of :data:`packstation.shipping.PROVIDERS`), ``url`` (the service; its
test environment, or a stand-in), the login under the carrier's own word (``contract``,
``login``, ``public_key`` or ``enseigne``), the secret (``password``, ``secret_key`` or
``private_key``: ``env:NAME`` or ``keyring:SERVICE/USER``), ``format`` (pdf | zpl),
``dpi`` (203 | 300, for ZPL), and provider options (``product_home``…, ``shipping_method``…,
``label_url``, ``home_mode``).
"""

from __future__ import annotations

import re
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
#: The login and the secret of each provider under the carrier's own word (others: login,
#: password); what the station file writes and the settings window names.
LOGIN_KEY = {"colissimo": "contract", "sendcloud": "public_key", "mondial_relay": "enseigne",
             "chronopost": "account_number", "gls": "user", "dpd": "login"}
SECRET_KEY = {"sendcloud": "secret_key", "mondial_relay": "private_key"}
#: The shop's customer account, besides the login, of the providers that ask for one.
CUSTOMER_KEY = {"dpd": "customer", "gls": "contact_id"}
#: DPD France's customer account: country/center/number, such as 250/77/12345.
DPD_CUSTOMER = re.compile(r"\d{3}/\d{1,4}/\d{1,10}")
#: An environment variable's name as a shell can set it (``export NAME=…``).
ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: The keyring entries the settings window writes: ``keyring:packstation/<carrier code>``.
KEYRING_SERVICE = "packstation"


def login_key(provider: str) -> str:
    return LOGIN_KEY.get(provider, "login")


def secret_key(provider: str) -> str:
    return SECRET_KEY.get(provider, "password")


def check_secret_reference(carrier: str, secret: str) -> None:
    """``env:NAME`` with a variable's name, or ``keyring:SERVICE/USER`` with both parts;
    InputError otherwise, naming the key (never showing what was typed: it may be the
    secret itself)."""
    if secret.startswith("env:"):
        name = secret[4:]
        if not ENV_NAME.fullmatch(name):
            raise InputError("label.bad_env_name", carrier=carrier) if name else \
                InputError("label.secret_form", carrier=carrier)
    elif secret.startswith("keyring:"):
        service, _, user = secret[8:].partition("/")
        if not service.strip() or not user.strip():
            raise InputError("label.bad_keyring_reference", carrier=carrier)
    else:
        raise InputError("label.secret_form", carrier=carrier)


def keyring_available() -> bool:
    """Whether the ``keyring`` package reaches a system keyring here. A backend it does not
    recommend itself is none: the "fail" one (no keyring at all) or a plain file, where
    the secret would be kept in clear."""
    try:
        import keyring
        import keyring.core
    except ImportError:
        return False
    return keyring.core.recommended(keyring.get_keyring())


def store_in_keyring(carrier: str, reference: str, secret: str) -> None:
    """Keep ``secret`` in the OS keyring under ``reference`` (``keyring:SERVICE/USER``).
    InputError when there is no keyring or it refuses; the message never holds the secret."""
    check_secret_reference(carrier, reference)
    service, _, user = reference[8:].partition("/")
    try:
        import keyring
        import keyring.errors
    except ImportError:
        raise InputError("label.no_keyring", carrier=carrier) from None
    if not keyring_available():
        raise InputError("label.no_keyring", carrier=carrier)
    try:
        keyring.set_password(service, user, secret)
    except keyring.errors.NoKeyringError:
        raise InputError("label.no_keyring", carrier=carrier) from None
    except keyring.errors.KeyringError as error:
        raise InputError("label.keyring_failed", carrier=carrier,
                         reason=type(error).__name__) from None


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
    if secret:
        # Named by its key, never shown: a secret typed in clear must not reach a message.
        check_secret_reference(carrier, secret)
    if provider != "own" and (not login or not secret):
        raise InputError("label.account_incomplete", carrier=carrier, provider=provider)
    customer = str(table.get("customer", "")).strip()
    if provider == "dpd" and customer and not DPD_CUSTOMER.fullmatch(customer):
        raise InputError("label.bad_dpd_customer", carrier=carrier, value=customer)
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
    document: dict[str, Any] = {"provider": account.provider}
    if account.url:
        document["url"] = account.url
    if account.login:
        document[login_key(account.provider)] = account.login
    if account.secret:
        document[secret_key(account.provider)] = account.secret
    document["format"] = account.format
    if account.format == "zpl":
        document["dpi"] = account.dpi
    document.update(account.options)
    return document


def form_account(carrier: str, *, provider: str, url: str = "", login: str = "", secret: str = "",
                 customer: str = "", format: str = "pdf", dpi: int = 203,
                 options: Mapping[str, Any] | None = None) -> LabelAccount:
    """The account the settings window's fields give, checked as the station file's is
    (:func:`parse_account`): each value under the key its provider names it by."""
    table: dict[str, Any] = {"provider": provider, "format": format, "dpi": dpi, **(options or {})}
    if provider in CUSTOMER_KEY:
        table.pop(CUSTOMER_KEY[provider], None)
        if customer:
            table[CUSTOMER_KEY[provider]] = customer
    if url:
        table["url"] = url
    if login:
        table[login_key(provider)] = login
    if secret:
        table[secret_key(provider)] = secret
    return parse_account(carrier, table)


#: The field of the settings window each refusal of :func:`parse_account` is about.
_ERROR_FIELDS = {"label.unknown_provider": "provider", "label.bad_format": "format",
                 "label.pdf_only": "format", "label.bad_dpi": "format", "label.bad_url": "url",
                 "label.bad_dpd_customer": "customer",
                 "label.secret_form": "secret", "label.bad_env_name": "secret",
                 "label.bad_keyring_reference": "secret", "label.no_keyring": "secret",
                 "label.keyring_failed": "secret"}


def error_field(error: InputError, *, login: str) -> str:
    """``provider``, ``url``, ``login``, ``secret`` or ``format``: where ``error`` belongs;
    an incomplete account is about the login when it is empty, else about the secret."""
    if error.key == "label.account_incomplete":
        return "secret" if login else "login"
    return _ERROR_FIELDS.get(error.key, "provider")


i18n.register({
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
    "label.bad_dpd_customer": ("Transporteur « {carrier} » : compte client DPD « {value} » refusé : "
                               "écrivez pays/centre/numéro, par exemple 250/77/12345.",
                               "Carrier “{carrier}”: DPD customer account “{value}” refused: write "
                               "country/center/number, for example 250/77/12345."),
    "label.bad_env_name": ("Transporteur « {carrier} » : nom de variable d'environnement refusé : "
                           "lettres sans accent, chiffres et _, sans espace ni chiffre au début "
                           "(par exemple COLISSIMO_PASSWORD).",
                           "Carrier “{carrier}”: environment variable name refused: letters "
                           "without accents, digits and _, no space, not starting with a digit "
                           "(for example COLISSIMO_PASSWORD)."),
    "label.bad_keyring_reference": ("Transporteur « {carrier} » : écrivez le secret du trousseau "
                                    "keyring:SERVICE/UTILISATEUR (par exemple "
                                    "keyring:packstation/colissimo).",
                                    "Carrier “{carrier}”: write the keyring secret as "
                                    "keyring:SERVICE/USER (for example keyring:packstation/colissimo)."),
    "label.bad_url": ("Transporteur « {carrier} » : adresse du service « {value} » refusée : "
                      "écrivez https://… (le mot de passe ne circule jamais en clair).",
                      "Carrier “{carrier}”: service address “{value}” refused: write https://… "
                      "(the password never travels in clear)."),
})
