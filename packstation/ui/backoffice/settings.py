"""The settings window: the shop (sender, logo, returns, document language), its carriers,
its fraud rules — all three in the database, shared by every table — and this station's
own settings (name, printers, folders, sounds...) in its TOML file.

Nothing is saved until every tab is valid: a refused value is said next to its field,
with its reason, the dialog stays open on the first tab with a problem. The rules
themselves live in the services (``parse_carriers``, ``validate_config``); this window
only collects the values and shows what the services say.
"""

from __future__ import annotations

import copy
import tomllib
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout, QGridLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea,
    QSpinBox, QTabWidget, QVBoxLayout, QWidget,
)

from packstation.core import i18n
from packstation.core.carriers import CarrierSchedule, parse_carriers, to_toml
from packstation.core.errors import InputError, PackstationError
from packstation.services.context import PRINT_KINDS, ConfigProblem, StationConfig, validate_config
from packstation.services.settings import HoldSettings, ShopSettings
from packstation.ui.backoffice.common import FolderField, error_label, mark_shop_data, set_error
from packstation.ui.dialogs import dialog_buttons
from packstation.ui.texts import tr

SHOP_TAB, CARRIERS_TAB, HOLDS_TAB, STATION_TAB = range(4)
_SHOP_TEXT_FIELDS = ("name", "address1", "address2", "postcode", "city", "country", "phone", "email")
MEDIA_CHOICES = ("", "100x150mm", "4x6in", "A6", "A5", "A4", "Letter")
LABEL_LAYOUTS = ("100x150", "4x6", "a6", "a4x2", "a4x4")
FOLDER_CHOICE = ""   # the destination combo's data for "a folder of PDFs"


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
        return box

    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("ui.settings.logo"), self.logo.text(),
                                              tr("ui.settings.logo_filter"))
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
    """The carriers as a TOML text (one ``[[carriers]]`` table each): pickup days and
    times, holidays, closed days, which shipping methods mean the carrier."""

    def __init__(self, schedules: list[CarrierSchedule]) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        help_label = QLabel(tr("ui.settings.carriers_help"))
        help_label.setWordWrap(True)
        layout.addWidget(help_label)
        self.editor = QPlainTextEdit(to_toml(schedules))
        mark_shop_data(self.editor)
        font = self.editor.font()
        font.setFamily("DejaVu Sans Mono")
        self.editor.setFont(font)
        layout.addWidget(self.editor, 1)
        self.error = error_label()
        layout.addWidget(self.error)

    def collect(self) -> tuple[list[CarrierSchedule] | None, str | None]:
        try:
            document = tomllib.loads(self.editor.toPlainText())
        except tomllib.TOMLDecodeError as error:
            message = tr("ui.settings.error.carriers_toml", reason=str(error))
        else:
            try:
                schedules = parse_carriers(document)
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
        config.sounds = self.sounds.isChecked()
        config.inbox = self.inbox.value()
        config.output_dir = self.output_dir.value()
        config.label_layout = self.layout_combo.currentData()
        config.printers = {kind: entry for kind, row in self.rows.items() if (entry := row.value())}
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
        self.carriers_tab = CarriersTab(list(load_schedules().values()))
        self.holds_tab = HoldsTab(hold_settings())
        self.station_tab = StationTab(config, printers, printers_error)
        for widget, key in ((self.shop_tab, "shop"), (self.carriers_tab, "carriers"),
                            (self.holds_tab, "holds"), (self.station_tab, "station")):
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
        holds, holds_problem = self.holds_tab.collect()
        station_config, station_problems = self.station_tab.collect()
        failing = [tab for tab, bad in ((SHOP_TAB, shop_problems), (CARRIERS_TAB, carriers_problem),
                                        (HOLDS_TAB, holds_problem), (STATION_TAB, station_problems)) if bad]
        if failing:
            self.tabs.setCurrentIndex(failing[0])
            set_error(self.summary, tr("ui.settings.not_saved",
                                            tabs=", ".join(self.tabs.tabText(tab) for tab in failing)))
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
    """The CUPS queue names, or None and why they cannot be listed (CUPS not running)."""
    from packstation.printing.cups import PrintError, list_printers

    try:
        return [printer.name for printer in list_printers()], None
    except PrintError as error:
        return None, tr("ui.settings.station.no_cups", reason=error.message)
