"""The settings window: the shop (sender, logo, returns, document language), its carriers,
its fraud rules — all three in the database, shared by every table — and this station's
own settings (name, printers, folders, sounds..., and the carriers' label accounts, edited
in the carriers tab) in its TOML file.

Nothing is saved until every tab is valid: a refused value is said next to its field,
with its reason, the dialog stays open on the first tab with a problem. The rules
themselves live in the services (``parse_carriers``, ``parse_account``, ``validate_config``); this window
only collects the values and shows what the services say.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Mapping

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout, QGridLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea,
    QSpinBox, QTabWidget, QVBoxLayout, QWidget,
)

from packstation.core import i18n
from packstation.core.carriers import (
    DEFAULT_MAX_WEIGHT_G, WEEKDAY_KEYS, CarrierSchedule, parse_carriers, to_document,
)
from packstation.core.errors import InputError, PackstationError
from packstation.services.context import PRINT_KINDS, ConfigProblem, StationConfig, validate_config
from packstation.services.settings import HoldSettings, ShopSettings
from packstation.shipping import PROVIDERS, LabelAccount
from packstation.shipping.accounts import CUSTOMER_KEY
from packstation.ui.backoffice.common import FILE_DIALOG_OPTIONS, FolderField, error_label, mark_shop_data, set_error
from packstation.ui.dialogs import dialog_buttons
from packstation.ui.texts import tr

SHOP_TAB, CARRIERS_TAB, HOLDS_TAB, STATION_TAB, PACKERS_TAB = range(5)
_SHOP_TEXT_FIELDS = ("name", "address1", "address2", "postcode", "city", "country", "phone", "email")
MEDIA_CHOICES = ("", "100x150mm", "4x6in", "A6", "A5", "A4", "Letter")
LABEL_LAYOUTS = ("100x150", "4x6", "a6", "a4x2", "a4x4")
FOLDER_CHOICE = ""   # the destination combo's data for "a folder of PDFs"
#: A label account's format choices, "<format>_<dpi>"; a PDF label is 10x15.
LABEL_FORMAT_CHOICES = ("pdf_203", "zpl_203", "zpl_300")


class ShopTab(QWidget):
    """Who sends the parcels: printed as the sender on labels, at the top of slips."""

    def __init__(self, settings: ShopSettings) -> None:
        super().__init__()
        self.settings = settings
        form = QFormLayout(self)
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        for name in _SHOP_TEXT_FIELDS:
            edit = QLineEdit(str(getattr(settings, name) or ""))
            self.edits[name] = edit
            self.errors[name] = error_label()
            form.addRow(tr(f"ui.shop.{name}"), self._with_error(edit, self.errors[name]))
        logo_row = QWidget()
        row = QHBoxLayout(logo_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.logo = QLineEdit(settings.logo_path)
        self.logo.setPlaceholderText(tr("ui.settings.logo_placeholder"))
        browse = QPushButton(tr("ui.bo.browse"))
        browse.clicked.connect(self.choose_logo)
        row.addWidget(self.logo, 1)
        row.addWidget(browse)
        self.errors["logo_path"] = error_label()
        form.addRow(tr("ui.settings.logo"), self._with_error(logo_row, self.errors["logo_path"]))
        self.returns = QPlainTextEdit(settings.return_instructions)
        self.returns.setPlaceholderText(tr("ui.settings.returns_placeholder"))
        self.returns.setMaximumHeight(90)
        form.addRow(tr("ui.shop.return_instructions"), self.returns)
        self.language = QComboBox()
        for code in i18n.LANGUAGES:
            self.language.addItem(tr(f"ui.settings.language.{code}"), code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.document_language)))
        form.addRow(tr("ui.settings.document_language"), self.language)

    @staticmethod
    def _with_error(field: QWidget, error: QLabel) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(error)
        # A reason that wraps onto a second line gets its height (a plain QWidget does not
        # pass its layout's height-for-width to the form it sits in).
        policy = box.sizePolicy()
        policy.setHeightForWidth(True)
        box.setSizePolicy(policy)
        return box

    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("ui.settings.logo"), self.logo.text(),
                                              tr("ui.settings.logo_filter"), options=FILE_DIALOG_OPTIONS)
        if path:
            self.logo.setText(path)

    def collect(self) -> tuple[ShopSettings | None, dict[str, str]]:
        """The edited settings, or None and the reason for each refused field."""
        values = {name: edit.text().strip() for name, edit in self.edits.items()}
        problems: dict[str, str] = {}
        if not values["name"]:
            problems["name"] = tr("ui.settings.error.shop_name")
        values["country"] = values["country"].upper()
        if len(values["country"]) != 2 or not values["country"].isalpha():
            problems["country"] = tr("ui.settings.error.country", value=values["country"])
        if values["email"] and "@" not in values["email"]:
            problems["email"] = tr("ui.settings.error.email", value=values["email"])
        logo = self.logo.text().strip()
        if logo:
            path = Path(logo).expanduser()
            if not path.is_file():
                problems["logo_path"] = tr("ui.settings.error.logo_missing", path=logo)
            elif path.suffix.lower() not in (".png", ".jpg", ".jpeg"):
                problems["logo_path"] = tr("ui.settings.error.logo_type", path=logo)
        for name, label in self.errors.items():
            set_error(label, problems.get(name))
        if problems:
            return None, problems
        settings = copy.copy(self.settings)
        for name, value in values.items():
            setattr(settings, name, value)
        settings.logo_path = logo
        settings.return_instructions = self.returns.toPlainText().strip()
        settings.document_language = self.language.currentData()
        return settings, {}


class CarriersTab(QWidget):
    """The carriers as a form: the list on the left, the chosen one's pickup days and times,
    holidays, closed days, extra pickups, matching shipping methods, express services,
    weight limit and label account on the right. Every value is checked as the station file's
    would be (:func:`packstation.core.carriers.parse_carriers`,
    :func:`packstation.shipping.accounts.parse_account`): a bad one is refused with its reason.
    The schedules go to the database, the label accounts to the station file (secret
    references only; a secret typed for the keyring goes there when saved)."""

    def __init__(self, schedules: list[CarrierSchedule],
                 accounts: Mapping[str, LabelAccount] | None = None) -> None:
        from PySide6.QtWidgets import QListWidget

        import packstation.core.pickups  # noqa: F401 (registers the weekday names)

        super().__init__()
        self.documents = [to_document(schedule) for schedule in schedules]
        self.current: int | None = None
        # The station file's label accounts, and what the form holds for each carrier
        # shown so far (kept as typed when another carrier is chosen).
        self.accounts: dict[str, LabelAccount] = dict(accounts or {})
        self.account_forms: dict[str, dict] = {}
        self.account_errors: dict[str, tuple[str, str]] = {}   # code -> (field, message)
        self.pending_secrets: dict[str, tuple[str, str]] = {}  # code -> (keyring ref, secret)
        outer = QVBoxLayout(self)
        help_label = QLabel(tr("ui.settings.carriers_help"))
        help_label.setWordWrap(True)
        outer.addWidget(help_label)
        row = QHBoxLayout()
        outer.addLayout(row, 1)
        self.carrier_list = QListWidget()
        mark_shop_data(self.carrier_list)
        self.carrier_list.addItems([document["name"] for document in self.documents])
        self.carrier_list.setMaximumWidth(200)
        row.addWidget(self.carrier_list)

        form_box = QWidget()
        form = QFormLayout(form_box)
        self.fields: dict[str, QLineEdit] = {}

        def field(key: str, placeholder: str = "") -> QLineEdit:
            edit = QLineEdit()
            if placeholder:
                edit.setPlaceholderText(placeholder)  # an example of the shop's own values
            mark_shop_data(edit)
            self.fields[key] = edit
            return edit

        form.addRow(tr("ui.settings.carrier.name"), field("name"))
        pickups = QGroupBox(tr("ui.settings.carrier.pickups"))
        grid = QGridLayout(pickups)
        for number, key in enumerate(WEEKDAY_KEYS):
            grid.addWidget(QLabel(i18n.tr(f"pickups.weekday.{number}").capitalize()), number // 4 * 2, number % 4)
            grid.addWidget(field(f"pickup.{key}"), number // 4 * 2 + 1, number % 4)
        form.addRow(pickups)
        form.addRow(tr("ui.settings.carrier.holidays"), field("holidays", "FR"))
        form.addRow(tr("ui.settings.carrier.subdivision"), field("holidays_subdivision"))
        form.addRow(tr("ui.settings.carrier.closed"), field("closed", "2026-08-14, 2026-12-24"))
        form.addRow(tr("ui.settings.carrier.extra"), field("extra", "2026-12-19T11:00"))
        form.addRow(tr("ui.settings.carrier.match"), field("match", "Colissimo*, La Poste*"))
        form.addRow(tr("ui.settings.carrier.express"), field("express_services", "express"))
        self.max_weight = QSpinBox()
        self.max_weight.setRange(100, 1_000_000)
        self.max_weight.setSingleStep(1000)
        self.max_weight.setSuffix(" g")
        form.addRow(tr("ui.settings.carrier.max_weight"), self.max_weight)
        self.label_group = self._label_account_group()
        form.addRow(self.label_group)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_box)
        row.addWidget(scroll, 1)
        self.error = error_label()
        outer.addWidget(self.error)
        self.carrier_list.currentRowChanged.connect(self.show_carrier)
        if self.documents:
            self.carrier_list.setCurrentRow(0)

    def _label_account_group(self) -> QGroupBox:
        """The chosen carrier's label account: its provider, service, login, secret (a
        reference: an environment variable, or the system keyring) and label format."""
        group = QGroupBox(tr("ui.settings.carrier.label_account"))
        form = QFormLayout(group)
        self.provider = QComboBox()
        for provider in PROVIDERS:
            self.provider.addItem(tr(f"ui.settings.label.provider.{provider}"), provider)
        self.provider_help = QLabel()
        self.provider_help.setWordWrap(True)
        self.account_error_labels = {key: error_label()
                                     for key in ("provider", "url", "login", "customer", "secret", "format")}
        form.addRow(tr("ui.settings.label.provider"), self.provider)
        form.addRow(self.provider_help)
        form.addRow(self.account_error_labels["provider"])
        self.url = QLineEdit()
        form.addRow(tr("ui.settings.label.url"), ShopTab._with_error(self.url, self.account_error_labels["url"]))
        self.login = QLineEdit()
        self.login_caption = QLabel()
        form.addRow(self.login_caption, ShopTab._with_error(self.login, self.account_error_labels["login"]))
        self.customer = QLineEdit()
        self.customer_caption = QLabel()
        self.customer_box = ShopTab._with_error(self.customer, self.account_error_labels["customer"])
        form.addRow(self.customer_caption, self.customer_box)
        self.account_form_layout = form
        for edit in (self.url, self.login, self.customer):
            mark_shop_data(edit)
        secret_box = QWidget()
        secret_row = QHBoxLayout(secret_box)
        secret_row.setContentsMargins(0, 0, 0, 0)
        self.secret_mode = QComboBox()
        for mode in ("env", "keyring"):
            self.secret_mode.addItem(tr(f"ui.settings.label.secret_mode.{mode}"), mode)
        self.env_name = mark_shop_data(QLineEdit())
        self.env_name.setPlaceholderText(tr("ui.settings.label.env_placeholder"))
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)  # never shown, never read back
        secret_row.addWidget(self.secret_mode)
        secret_row.addWidget(self.env_name, 1)
        secret_row.addWidget(self.secret, 1)
        self.secret_note = QLabel()
        self.secret_note.setWordWrap(True)
        secret_column = ShopTab._with_error(secret_box, self.account_error_labels["secret"])
        secret_column.layout().insertWidget(1, self.secret_note)
        self.secret_caption = QLabel()
        form.addRow(self.secret_caption, secret_column)
        self.label_format = QComboBox()
        for choice in LABEL_FORMAT_CHOICES:
            self.label_format.addItem(tr(f"ui.settings.label.format.{choice}"), choice)
        form.addRow(tr("ui.settings.label.format"),
                    ShopTab._with_error(self.label_format, self.account_error_labels["format"]))
        self.provider.currentIndexChanged.connect(self.sync_account)
        self.secret_mode.currentIndexChanged.connect(self.sync_account)
        self.sync_account()
        return group

    def _account_form(self, code: str) -> dict:
        """What the form shows for ``code``: typed earlier, else the station file's account."""
        if code not in self.account_forms:
            account = self.accounts.get(code) or LabelAccount(carrier=code)
            keyring = account.secret.startswith("keyring:")
            self.account_forms[code] = {
                "provider": account.provider, "url": account.url, "login": account.login,
                "customer": str(account.options.get(CUSTOMER_KEY.get(account.provider, ""), "")),
                "mode": "keyring" if keyring else "env",
                "env": account.secret[4:] if account.secret.startswith("env:") else "",
                "keyring": account.secret if keyring else "", "typed": "",
                "format": f"{account.format}_{account.dpi if account.format == 'zpl' else 203}",
                "options": dict(account.options)}
        return self.account_forms[code]

    def _read_account(self, code: str) -> None:
        state = self._account_form(code)
        state.update(provider=self.provider.currentData(), url=self.url.text().strip(),
                     login=self.login.text().strip(), customer=self.customer.text().strip(),
                     mode=self.secret_mode.currentData(),
                     env=self.env_name.text().strip(), typed=self.secret.text(),
                     format=self.label_format.currentData())

    def _show_account(self, code: str) -> None:
        state = self._account_form(code)
        for combo, value in ((self.provider, state["provider"]), (self.secret_mode, state["mode"]),
                             (self.label_format, state["format"])):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.url.setText(state["url"])
        self.login.setText(state["login"])
        self.customer.setText(state["customer"])
        self.env_name.setText(state["env"])
        self.secret.setText(state["typed"])
        self.sync_account()
        field, message = self.account_errors.get(code, ("", ""))
        for key, label in self.account_error_labels.items():
            set_error(label, message if key == field else None)

    def sync_account(self) -> None:
        """Name the fields as the chosen provider does; only what the account uses is active."""
        from packstation.shipping import default_url
        from packstation.shipping.accounts import keyring_available, login_key, secret_key

        provider = self.provider.currentData()
        own = provider == "own"
        self.provider_help.setText(tr(f"ui.settings.label.ask.{provider}"))
        default = default_url(provider)
        self.url.setPlaceholderText(tr("ui.settings.label.url_default", url=default) if default else "")
        self.login_caption.setText(tr(f"ui.settings.label.login.{login_key(provider)}"))
        self.secret_caption.setText(tr(f"ui.settings.label.secret.{secret_key(provider)}"))
        if provider in CUSTOMER_KEY:
            self.customer_caption.setText(tr(f"ui.settings.label.customer.{CUSTOMER_KEY[provider]}"))
            self.customer.setPlaceholderText(tr(f"ui.settings.label.customer_placeholder.{CUSTOMER_KEY[provider]}"))
        self.account_form_layout.setRowVisible(self.customer_box, provider in CUSTOMER_KEY)
        for widget in (self.url, self.login, self.secret_mode, self.env_name, self.secret,
                       self.label_format):
            widget.setEnabled(not own)
        keyring = self.secret_mode.currentData() == "keyring"
        self.env_name.setVisible(not keyring)
        self.secret.setVisible(keyring)
        stored = self.current is not None and self._account_form(self._code())["keyring"]
        if keyring and not keyring_available():
            note = tr("ui.settings.label.no_keyring")
        elif keyring:
            note = tr("ui.settings.label.keyring_kept", reference=stored) if stored \
                else tr("ui.settings.label.keyring_note")
        else:
            note = tr("ui.settings.label.env_note")
        self.secret_note.setText("" if own else note)
        self.secret_note.setVisible(not own)
        self.secret.setPlaceholderText(tr("ui.settings.label.keyring_placeholder"))

    def _code(self) -> str:
        return self.documents[self.current]["code"]

    def collect_accounts(self) -> tuple[dict[str, LabelAccount] | None, str | None]:
        """The label accounts of the form (a carrier on "own" has none), checked as the
        station file's are; None and the first reason, shown next to its field, otherwise.
        The secrets typed for the keyring wait in ``pending_secrets`` until saved."""
        from packstation.shipping.accounts import (
            KEYRING_SERVICE, error_field, form_account, keyring_available,
        )

        if self.current is not None:
            self._read_account(self._code())
        accounts = {code: account for code, account in self.accounts.items()
                    if code not in {document["code"] for document in self.documents}}
        self.account_errors, self.pending_secrets = {}, {}
        for document in self.documents:
            code = document["code"]
            if code not in self.account_forms:
                if code in self.accounts:
                    accounts[code] = self.accounts[code]  # never shown: as the file has it
                continue
            state = self.account_forms[code]
            if state["provider"] == "own":
                continue
            before = self.accounts.get(code)
            options = state["options"] if before and before.provider == state["provider"] else {}
            if state["mode"] == "keyring":
                reference = state["keyring"] or f"keyring:{KEYRING_SERVICE}/{code}"
                secret = reference if (state["typed"] or state["keyring"]) else ""
            else:
                name = state["env"].removeprefix("env:")  # the reference typed whole is fine too
                secret = f"env:{name}" if name else ""
            format_, dpi = state["format"].split("_")
            try:
                if state["mode"] == "keyring" and state["typed"] and not keyring_available():
                    raise InputError("label.no_keyring", carrier=code)
                accounts[code] = form_account(code, provider=state["provider"], url=state["url"],
                                              login=state["login"], secret=secret,
                                              customer=state["customer"],
                                              format=format_, dpi=int(dpi),
                                              options=options)
            except InputError as error:
                self.account_errors[code] = (error_field(error, login=state["login"]), error.message)
            else:
                if state["mode"] == "keyring" and state["typed"]:
                    self.pending_secrets[code] = (secret, state["typed"])
        if self.current is not None:
            self._show_account(self._code())
        if not self.account_errors:
            return accounts, None
        first = next(code for code in (d["code"] for d in self.documents) if code in self.account_errors)
        self.carrier_list.setCurrentRow(self.carrier_index(first))  # shows it next to its field
        return None, self.account_errors[first][1]

    def store_secrets(self) -> str | None:
        """Put the secrets typed for the keyring into it; None, or why it refused (shown
        next to the secret of that carrier)."""
        from packstation.shipping.accounts import store_in_keyring

        for code, (reference, secret) in self.pending_secrets.items():
            try:
                store_in_keyring(code, reference, secret)
            except InputError as error:
                self.account_errors[code] = ("secret", error.message)
                self.carrier_list.setCurrentRow(self.carrier_index(code))
                self._show_account(code)
                return error.message
        return None

    def carrier_index(self, code: str) -> int:
        return next(number for number, document in enumerate(self.documents) if document["code"] == code)

    def show_carrier(self, number: int) -> None:
        """Keep what was typed for the carrier left, then show the chosen one."""
        if self.current is not None:
            self.documents[self.current] = self._read_form(self.documents[self.current])
            self._read_account(self._code())
        self.current = number if 0 <= number < len(self.documents) else None
        if self.current is None:
            return
        document = self.documents[self.current]
        self._show_account(document["code"])
        self.fields["name"].setText(document.get("name", ""))
        pickup = document.get("pickup", {})
        for key in WEEKDAY_KEYS:
            times = pickup.get(key, [])
            self.fields[f"pickup.{key}"].setText(", ".join([times] if isinstance(times, str) else times))
        self.fields["holidays"].setText(document.get("holidays", ""))
        self.fields["holidays_subdivision"].setText(document.get("holidays_subdivision", ""))
        for key in ("closed", "extra", "match", "express_services"):
            self.fields[key].setText(", ".join(document.get(key, [])))
        self.max_weight.setValue(document.get("max_weight_g", DEFAULT_MAX_WEIGHT_G))

    def _read_form(self, document: dict) -> dict:
        def items(key: str) -> list[str]:
            return [item.strip() for item in self.fields[key].text().split(",") if item.strip()]

        edited = dict(document)
        edited["name"] = self.fields["name"].text().strip()
        edited["pickup"] = {key: items(f"pickup.{key}") for key in WEEKDAY_KEYS if items(f"pickup.{key}")}
        edited["holidays"] = self.fields["holidays"].text().strip()
        subdivision = self.fields["holidays_subdivision"].text().strip()
        if subdivision:
            edited["holidays_subdivision"] = subdivision
        else:
            edited.pop("holidays_subdivision", None)
        for key in ("closed", "extra", "match", "express_services"):
            edited[key] = items(key)
        edited["max_weight_g"] = self.max_weight.value()
        return edited

    def collect(self) -> tuple[list[CarrierSchedule] | None, str | None]:
        if self.current is not None:
            self.documents[self.current] = self._read_form(self.documents[self.current])
        try:
            schedules = parse_carriers({"carriers": self.documents})
        except InputError as error:
            message = error.message
        else:
            if schedules:
                set_error(self.error, None)
                return schedules, None
            message = tr("ui.settings.error.no_carrier")
        set_error(self.error, message)
        return None, message


class HoldsTab(QWidget):
    """The fraud rules applied at import: which orders are put on hold, and why."""

    def __init__(self, settings: HoldSettings) -> None:
        super().__init__()
        self.settings = settings
        form = QFormLayout(self)
        self.risk_levels = QLineEdit(", ".join(settings.hold_risk_levels))
        self.risk_levels.setPlaceholderText(tr("ui.settings.holds.risk_placeholder"))
        form.addRow(tr("ui.settings.holds.risk"), self.risk_levels)
        self.country_mismatch = QCheckBox(tr("ui.settings.holds.country"))
        self.country_mismatch.setChecked(settings.hold_country_mismatch)
        form.addRow(self.country_mismatch)
        self.first_express = QCheckBox(tr("ui.settings.holds.first_express"))
        self.first_express.setChecked(settings.hold_first_order_express)
        form.addRow(self.first_express)
        self.awaiting_payment = QCheckBox(tr("ui.settings.holds.awaiting_payment"))
        self.awaiting_payment.setChecked(settings.hold_awaiting_payment)
        form.addRow(self.awaiting_payment)
        self.total_above = QLineEdit(settings.hold_total_above or "")
        self.total_above.setPlaceholderText(tr("ui.settings.holds.total_placeholder"))
        self.total_error = error_label()
        total_box = ShopTab._with_error(self.total_above, self.total_error)
        form.addRow(tr("ui.settings.holds.total"), total_box)
        self.deny_emails = QPlainTextEdit("\n".join(settings.deny_emails))
        self.deny_emails.setPlaceholderText(tr("ui.settings.holds.one_per_line"))
        form.addRow(tr("ui.settings.holds.deny_emails"), self.deny_emails)
        self.deny_addresses = QPlainTextEdit("\n".join(settings.deny_addresses))
        self.deny_addresses.setPlaceholderText(tr("ui.settings.holds.one_per_line"))
        form.addRow(tr("ui.settings.holds.deny_addresses"), self.deny_addresses)

    def collect(self) -> tuple[HoldSettings | None, str | None]:
        text = self.total_above.text().strip().replace(",", ".").replace("€", "").strip()
        total: str | None = None
        if text:
            try:
                amount = Decimal(text)
            except InvalidOperation:
                amount = Decimal(-1)
            if not amount.is_finite() or amount <= 0:
                message = i18n.tr("hold.bad_total_limit", value=self.total_above.text().strip())
                set_error(self.total_error, message)
                return None, message
            total = str(amount)
        set_error(self.total_error, None)

        def lines(edit: QPlainTextEdit) -> list[str]:
            return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]

        levels = [level.strip().lower() for level in self.risk_levels.text().split(",") if level.strip()]
        return replace(self.settings, hold_risk_levels=levels,
                       hold_country_mismatch=self.country_mismatch.isChecked(),
                       hold_total_above=total, hold_first_order_express=self.first_express.isChecked(),
                       hold_awaiting_payment=self.awaiting_payment.isChecked(),
                       deny_emails=lines(self.deny_emails),
                       deny_addresses=lines(self.deny_addresses)), None


class _DocumentRow:
    """One document's destination: a printer (with its paper) or a folder of PDFs."""

    def __init__(self, kind: str, entry: dict, printers: list[str] | None) -> None:
        self.kind = kind
        self.entry = dict(entry)
        self.destination = QComboBox()
        self.destination.addItem(tr("ui.settings.station.to_folder"), FOLDER_CHOICE)
        names = list(printers or [])
        if entry.get("printer") and entry["printer"] not in names:
            names.append(entry["printer"])  # kept visible, and refused with its reason
        for name in names:
            self.destination.addItem(name, name)
        self.destination.setCurrentIndex(max(0, self.destination.findData(entry.get("printer") or FOLDER_CHOICE)))
        self.media = QComboBox()
        self.media.setEditable(True)
        self.media.setMinimumWidth(150)
        for media in MEDIA_CHOICES:
            self.media.addItem(media)
        self.media.lineEdit().setPlaceholderText(tr("ui.settings.station.media_default"))
        self.media.setCurrentText(str(entry.get("media") or ""))
        self.folder = FolderField(entry.get("folder"), placeholder=tr("ui.settings.station.folder_default"))
        self.error = error_label()
        self.destination.currentIndexChanged.connect(self.sync)
        self.sync()

    def sync(self) -> None:
        to_printer = bool(self.destination.currentData())
        self.media.setEnabled(to_printer)
        self.folder.setEnabled(not to_printer)

    def value(self) -> dict:
        entry = {key: value for key, value in self.entry.items()
                 if key not in ("printer", "folder", "media")}
        printer = self.destination.currentData()
        if printer:
            entry["printer"] = printer
            if self.media.currentText().strip():
                entry["media"] = self.media.currentText().strip()
        elif self.folder.value():
            entry["folder"] = self.folder.value()
        return entry if ("printer" in entry or "folder" in entry) else {}


class StationTab(QWidget):
    """This table's own settings, kept in its station file."""

    def __init__(self, config: StationConfig, printers: list[str] | None, printers_error: str | None) -> None:
        super().__init__()
        self.config = config
        self.printers = printers
        outer = QVBoxLayout(self)
        general = QGroupBox(tr("ui.settings.station.general"))
        form = QFormLayout(general)
        self.name = QLineEdit(config.station)
        self.name_error = error_label()
        form.addRow(tr("ui.settings.station.name"), ShopTab._with_error(self.name, self.name_error))
        self.ask_weight = QCheckBox(tr("ui.settings.station.ask_weight"))
        self.ask_weight.setChecked(config.ask_weight)
        form.addRow(self.ask_weight)
        self.packaging = QSpinBox()
        self.packaging.setRange(0, 30000)
        self.packaging.setSuffix(" g")
        self.packaging.setValue(config.packaging_g)
        form.addRow(tr("ui.settings.station.packaging"), self.packaging)
        self.open_next = QCheckBox(tr("ui.settings.station.open_next"))
        self.open_next.setChecked(config.open_next)
        form.addRow(self.open_next)
        self.require_packer = QCheckBox(tr("ui.settings.station.require_packer"))
        self.require_packer.setChecked(config.require_packer)
        form.addRow(self.require_packer)
        self.sounds = QCheckBox(tr("ui.settings.station.sounds"))
        self.sounds.setChecked(config.sounds)
        form.addRow(self.sounds)
        self.inbox = FolderField(config.inbox, placeholder=tr("ui.settings.station.inbox_none"))
        form.addRow(tr("ui.settings.station.inbox"), self.inbox)
        outer.addWidget(general)

        printing = QGroupBox(tr("ui.settings.station.printing"))
        grid = QGridLayout(printing)
        self.layout_combo = QComboBox()
        for layout in LABEL_LAYOUTS:
            self.layout_combo.addItem(tr(f"ui.settings.layout.{layout}"), layout)
        if self.layout_combo.findData(config.label_layout) < 0:
            self.layout_combo.addItem(config.label_layout, config.label_layout)
        self.layout_combo.setCurrentIndex(self.layout_combo.findData(config.label_layout))
        self.layout_error = error_label()
        grid.addWidget(QLabel(tr("ui.settings.station.label_layout")), 0, 0)
        grid.addWidget(self.layout_combo, 0, 1, 1, 2)
        grid.addWidget(self.layout_error, 1, 1, 1, 3)
        self.output_dir = FolderField(config.output_dir, placeholder=tr("ui.settings.station.output_default"))
        grid.addWidget(QLabel(tr("ui.settings.station.output_dir")), 2, 0)
        grid.addWidget(self.output_dir, 2, 1, 1, 3)
        for column, key in enumerate(("document", "destination", "media", "folder")):
            heading = QLabel(tr(f"ui.settings.station.column.{key}"))
            heading.setStyleSheet("font-weight: bold;")
            grid.addWidget(heading, 3, column)
        self.rows: dict[str, _DocumentRow] = {}
        for position, kind in enumerate(PRINT_KINDS):
            row = _DocumentRow(kind, config.printers.get(kind, {}), printers)
            self.rows[kind] = row
            line = 4 + 2 * position
            grid.addWidget(QLabel(i18n.tr(f"history.document.{kind}")), line, 0)
            grid.addWidget(row.destination, line, 1)
            grid.addWidget(row.media, line, 2)
            grid.addWidget(row.folder, line, 3)
            grid.addWidget(row.error, line + 1, 1, 1, 3)
        grid.setColumnStretch(3, 1)
        if printers_error:
            note = QLabel(printers_error)
            note.setWordWrap(True)
            note.setStyleSheet("color: #7a4b00;")
            grid.addWidget(note, 4 + 2 * len(PRINT_KINDS), 0, 1, 4)
        outer.addWidget(printing)
        outer.addStretch(1)

    def edited(self) -> StationConfig:
        config = copy.deepcopy(self.config)
        config.station = self.name.text().strip()
        config.ask_weight = self.ask_weight.isChecked()
        config.packaging_g = self.packaging.value()
        config.open_next = self.open_next.isChecked()
        config.require_packer = self.require_packer.isChecked()
        config.sounds = self.sounds.isChecked()
        config.inbox = self.inbox.value()
        config.output_dir = self.output_dir.value()
        config.label_layout = self.layout_combo.currentData()
        # The kinds this tab does not show (a customs declaration's printer, written in
        # the station file) are kept as they are.
        config.printers = {**{kind: entry for kind, entry in config.printers.items()
                              if kind not in self.rows},
                           **{kind: entry for kind, row in self.rows.items() if (entry := row.value())}}
        return config

    def collect(self) -> tuple[StationConfig | None, list[ConfigProblem]]:
        config = self.edited()
        problems = validate_config(config, printers=self.printers)
        labels: dict[str, QLabel] = {
            "station.name": self.name_error, "printing.label_layout": self.layout_error,
            "printing.output_dir": self.output_dir.error, "import.inbox": self.inbox.error,
        }
        for kind, row in self.rows.items():
            labels[f"printing.{kind}.folder"] = row.folder.error
            for suffix in ("", ".printer", ".media", ".orientation"):
                labels[f"printing.{kind}{suffix}"] = row.error
        messages: dict[int, list[str]] = {}
        unplaced = []
        for problem in problems:
            label = labels.get(problem.field)
            if label is None:
                unplaced.append(problem.message)
            else:
                messages.setdefault(id(label), []).append(problem.message)
        for label in dict.fromkeys(labels.values()):
            set_error(label, "\n".join(messages.get(id(label), [])) or None)
        if unplaced:  # a field the form does not show (packaging, language): under the name
            set_error(self.name_error, "\n".join(filter(None, [self.name_error.text(), *unplaced])))
        return (None if problems else config), problems


class PackersTab(QWidget):
    """The shop's packers and their badges. Each change applies at once (one transaction
    with its event, as ``packstation packer ...`` does); "Enregistrer" does not wait for it."""

    def __init__(self, station: str, config: StationConfig) -> None:
        from packstation.ui.backoffice.common import RowsModel, make_table

        super().__init__()
        self.station = station
        self.config = config
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("ui.settings.packers.intro")))
        self.model = RowsModel([tr("ui.settings.packers.name"), tr("ui.settings.packers.badge"),
                                tr("ui.settings.packers.state")])
        self.table = make_table(self.model, stretch=0)
        layout.addWidget(self.table, 1)
        form = QHBoxLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("ui.settings.packers.name"))
        self.badge = QLineEdit()
        self.badge.setPlaceholderText(tr("ui.settings.packers.badge_placeholder"))
        form.addWidget(self.name, 2)
        form.addWidget(self.badge, 2)
        self.buttons: dict[str, QPushButton] = {}
        for action, handler in (("add", self.add), ("rename", self.rename), ("retire", self.retire),
                                ("print", self.print_cards)):
            button = QPushButton(tr(f"ui.settings.packers.{action}"))
            button.setAutoDefault(False)  # Enter in a field never presses these
            button.clicked.connect(handler)
            self.buttons[action] = button
            form.addWidget(button)
        layout.addLayout(form)
        self.message = error_label()
        layout.addWidget(self.message)
        self.reload()

    def reload(self) -> None:
        from packstation.services.packers import list_packers

        packers = list_packers()
        self.model.set_rows([(p.name, p.badge, tr("ui.settings.packers.active" if p.active
                                                  else "ui.settings.packers.retired")) for p in packers],
                            packers)

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.payloads[rows[0].row()] if rows else None

    def _run(self, action) -> bool:
        try:
            done = action()
        except PackstationError as error:
            set_error(self.message, error.message)
            return False
        self.reload()
        set_error(self.message, None)
        self.message.setText(done)
        return True

    def add(self) -> bool:
        from packstation.services.packers import add_packer

        def action():
            packer = add_packer(self.name.text(), self.badge.text().strip() or None, station=self.station)
            self.name.clear()
            self.badge.clear()
            return i18n.tr("packers.added", name=packer.name, badge=packer.badge)
        return self._run(action)

    def rename(self) -> bool:
        from packstation.services.packers import rename_packer

        chosen = self.selected()
        if chosen is None:
            set_error(self.message, tr("ui.settings.packers.choose"))
            return False
        return self._run(lambda: i18n.tr("packers.renamed", **_said(
            rename_packer(chosen.badge, self.name.text(), station=self.station))))

    def retire(self) -> bool:
        from packstation.services.packers import retire_packer

        chosen = self.selected()
        if chosen is None:
            set_error(self.message, tr("ui.settings.packers.choose"))
            return False
        return self._run(lambda: i18n.tr("packers.retired", **_said(
            retire_packer(chosen.badge, station=self.station))))

    def print_cards(self) -> bool:
        """The badge cards of the active packers, where sheets of stickers go."""
        from packstation.printing.queue import PrintQueue
        from packstation.services.printing import destination_for, render

        def action():
            document, _ = render("badges", [])
            job = PrintQueue(station=self.station).submit(
                "badges", [], document, destination_for("product-labels", self.config))
            if job.status == "failed":
                raise PackstationError("print.failed", error=job.last_error)
            return tr("ui.menu.print_sent", document=tr("ui.settings.packers.cards"), output=job.output or "")
        return self._run(action)


def _said(packer) -> dict:
    return {"name": packer.name, "badge": packer.badge}


class SettingsDialog(QDialog):
    """Every setting in tabs; "Enregistrer" saves all of them once all are valid.

    ``saved`` lists what was saved ("shop", "carriers", "holds", "station") after accept.
    """

    def __init__(self, config: StationConfig, *, station: str, parent: QWidget | None = None,
                 printers: list[str] | None = None, printers_error: str | None = None,
                 tab: int = SHOP_TAB) -> None:
        from packstation.services.carriers import load_schedules
        from packstation.services.settings import hold_settings, shop_settings

        super().__init__(parent)
        self.config = config
        self.station = station
        self.saved: list[str] = []
        self.saved_config: StationConfig | None = None
        self.setWindowTitle(tr("ui.settings.title"))
        self.resize(980, 700)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.shop_tab = ShopTab(shop_settings())
        self.carriers_tab = CarriersTab(list(load_schedules().values()), config.label_accounts)
        self.holds_tab = HoldsTab(hold_settings())
        self.station_tab = StationTab(config, printers, printers_error)
        self.packers_tab = PackersTab(station, config)
        for widget, key in ((self.shop_tab, "shop"), (self.carriers_tab, "carriers"),
                            (self.holds_tab, "holds"), (self.station_tab, "station"),
                            (self.packers_tab, "packers")):
            if widget is self.station_tab:
                scroll = QScrollArea()
                scroll.setWidgetResizable(True)
                scroll.setWidget(widget)
                self.tabs.addTab(scroll, tr(f"ui.settings.tab.{key}"))
            else:
                self.tabs.addTab(widget, tr(f"ui.settings.tab.{key}"))
        self.tabs.setCurrentIndex(tab)
        layout.addWidget(self.tabs, 1)
        self.summary = error_label()
        layout.addWidget(self.summary)
        buttons = dialog_buttons(self, tr("ui.save"), on_accept=self.save, save=True)
        layout.addWidget(buttons)

    def save(self) -> bool:
        """Validate every tab; save all if all are valid and accept, else stay open."""
        from packstation.services.carriers import save_carriers
        from packstation.services.context import save_config
        from packstation.services.settings import save_hold_settings, save_shop_settings

        shop, shop_problems = self.shop_tab.collect()
        carriers, carriers_problem = self.carriers_tab.collect()
        accounts, accounts_problem = self.carriers_tab.collect_accounts()
        carriers_problem = carriers_problem or accounts_problem
        holds, holds_problem = self.holds_tab.collect()
        station_config, station_problems = self.station_tab.collect()
        failing = [tab for tab, bad in ((SHOP_TAB, shop_problems), (CARRIERS_TAB, carriers_problem),
                                        (HOLDS_TAB, holds_problem), (STATION_TAB, station_problems)) if bad]
        if failing:
            self.tabs.setCurrentIndex(failing[0])
            set_error(self.summary, tr("ui.settings.not_saved",
                                            tabs=", ".join(self.tabs.tabText(tab) for tab in failing)))
            return False
        station_config.label_accounts = accounts
        # The keyring first: a secret it refuses leaves the station file as it was (one it
        # kept before the file failed to be written is only an unused entry).
        keyring_problem = self.carriers_tab.store_secrets()
        if keyring_problem:
            self.tabs.setCurrentIndex(CARRIERS_TAB)
            set_error(self.summary, tr("ui.settings.not_saved", tabs=self.tabs.tabText(CARRIERS_TAB)))
            return False
        try:
            save_config(station_config, printers=self.station_tab.printers)
        except PackstationError as error:  # the file cannot be written: nothing else saved
            self.tabs.setCurrentIndex(STATION_TAB)
            set_error(self.summary, error.message)
            return False
        save_shop_settings(shop, station=self.station)
        save_carriers(carriers, station=self.station)
        save_hold_settings(holds, station=self.station)
        self.saved = ["station", "shop", "carriers", "holds"]
        self.saved_config = station_config
        set_error(self.summary, None)
        self.accept()
        return True


def system_printers() -> tuple[list[str] | None, str | None]:
    """The system's printer names (CUPS queues, or Qt's printers on Windows and macOS), or
    None and why they cannot be listed (CUPS not running)."""
    from packstation.printing.destinations import PrintError, system_printing

    try:
        return system_printing().printer_names(), None
    except PrintError as error:
        return None, tr("ui.settings.station.no_cups", reason=error.message)
