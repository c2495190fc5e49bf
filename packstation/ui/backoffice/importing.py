"""Importing order files from the window: a preview first, then all or nothing.

:class:`ImportPreviewDialog` reads each file and applies it as a dry run (the importer
only reads), then shows per file what would happen: new orders, updated ones, skipped
ones, and every rejected row with its line number and reason. "Importer" applies the
files for real; it stays disabled while a file has rejected rows, since a file is
imported whole or not at all. "Annuler" changes nothing.

In the window both run on its background pool: reading a big file takes seconds, and
the station must go on scanning. The dialog shows that it reads; once "Importer" is
pressed it closes, and the window says when the files are in (see ``BackOffice``).

A CSV whose header no format knows gets a button that opens the :class:`MappingDialog`
(issue 7): the user maps the file's columns to the generic fields, the profile is saved
to the profiles folder, and the file is previewed again through it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import shiboken6
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QProgressBar, QPushButton, QScrollArea, QTabWidget, QVBoxLayout, QWidget,
)

from packstation.core.errors import PackstationError
from packstation.io import generic
from packstation.io.model import ParsedFile
from packstation.services.context import StationConfig
from packstation.services.importing import Importer, ImportReport
from packstation.ui.backoffice.common import (
    RowsModel, error_label, make_table, mark_shop_data, set_error,
)
from packstation.ui.dialogs import dialog_buttons
from packstation.ui.texts import tr

NEW, UPDATED, SKIPPED, REJECTED = "new", "updated", "skipped", "rejected"
SECTIONS = (NEW, UPDATED, SKIPPED, REJECTED)


@dataclass
class FilePreview:
    """One file's dry run, as rows of the preview tables: (line, ref, detail)."""

    path: Path
    format: str = ""
    report: ImportReport | None = None
    rows: dict[str, list[tuple[str, str, str]]] = field(default_factory=lambda: {s: [] for s in SECTIONS})
    unknown_format: bool = False

    @property
    def rejected(self) -> bool:
        return bool(self.rows[REJECTED])


def preview_file(path: Path, importer: Importer, profiles: Sequence) -> FilePreview:
    """Parse ``path`` and apply it as a dry run; every outcome with its file line."""
    from packstation.io import parse

    preview = FilePreview(path)
    try:
        parsed: ParsedFile = parse(str(path), profiles=list(profiles))
    except PackstationError as error:  # unreadable: the whole file is refused
        preview.rows[REJECTED].append(("", "", error.message))
        return preview
    preview.format = parsed.format
    preview.unknown_format = parsed.format == "unknown"
    report = importer.apply(parsed, dry_run=True)
    preview.report = report
    lines = {order.ref: str(order.line) for order in parsed.orders}
    preview.rows[NEW] = [(lines.get(ref, ""), ref, "") for ref in report.new]
    preview.rows[UPDATED] = [(lines.get(ref, ""), ref, tr("ui.import.updated_detail"))
                             for ref in report.updated]
    preview.rows[UPDATED] += [(lines.get(ref, ""), ref, tr("ui.import.cancelled_detail"))
                              for ref in report.cancelled]
    preview.rows[SKIPPED] = [(lines.get(ref, ""), ref, reason) for ref, reason in report.skipped]
    preview.rows[SKIPPED] += [(lines.get(ref, ""), ref, tr("ui.import.unchanged_detail"))
                              for ref in report.unchanged]
    preview.rows[REJECTED] = [(str(error.line), "", error.reason) for error in report.errors]
    for section in SECTIONS:
        preview.rows[section].sort(key=lambda row: (int(row[0]) if row[0].isdigit() else 0, row[1]))
    return preview


class _FilePage(QWidget):
    """One file's preview: a summary and a tab per outcome."""

    def __init__(self, preview: FilePreview, on_map) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.preview = preview
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        if preview.unknown_format:
            row = QHBoxLayout()
            self.map_button = QPushButton(tr("ui.import.map_columns"))
            self.map_button.clicked.connect(lambda: on_map(preview.path))
            row.addWidget(self.map_button)
            row.addStretch(1)
            layout.addLayout(row)
        self.sections = QTabWidget()
        self.models: dict[str, RowsModel] = {}
        headers = [tr("ui.import.column.line"), tr("ui.import.column.order"),
                   tr("ui.import.column.detail")]
        for section in SECTIONS:
            model = RowsModel(headers, self, numeric=(0,))
            model.set_rows(preview.rows[section])
            self.models[section] = model
            self.sections.addTab(make_table(model, stretch=2),
                                 tr(f"ui.import.section.{section}", count=len(preview.rows[section])))
        if preview.rejected:
            self.sections.setCurrentIndex(SECTIONS.index(REJECTED))
        layout.addWidget(self.sections, 1)
        self._summarise()

    def _summarise(self) -> None:
        preview = self.preview
        if preview.rejected:
            text = tr("ui.import.file_rejected", name=preview.path.name,
                           count=len(preview.rows[REJECTED]))
            self.summary.setStyleSheet("color: #b71c1c; font-weight: bold;")
        else:
            report = preview.report
            products = len(report.products_new) + len(report.products_updated) if report else 0
            text = tr("ui.import.file_ok", name=preview.path.name,
                           format=format_name(preview.format), new=len(preview.rows[NEW]),
                           updated=len(preview.rows[UPDATED]), skipped=len(preview.rows[SKIPPED]),
                           products=products)
            self.summary.setStyleSheet("color: #1e5e20; font-weight: bold;")
        self.summary.setText(text)


class ImportPreviewDialog(QDialog):
    """The dry run of each file, then "Importer" (all files) or "Annuler" (nothing).

    Without ``background`` everything runs at once and ``results`` holds each file's real
    ImportReport once applied. With it (the window's pool) the files are read off the UI
    thread, and "Importer" closes the dialog with ``handed_over`` set to the files and
    profiles to import: the caller imports them in the background.
    """

    def __init__(self, paths: Sequence[str | Path], importer: Importer, config: StationConfig,
                 parent: QWidget | None = None, *, background=None) -> None:
        super().__init__(parent)
        self.paths = [Path(path) for path in paths]
        self.importer = importer
        self.config = config
        self.background = background
        self.handed_over: tuple[list[Path], list] | None = None
        self.results: list[ImportReport] = []
        self.previews: list[FilePreview] = []
        self.setWindowTitle(tr("ui.import.title"))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        self.files = QTabWidget()
        mark_shop_data(self.files.tabBar())  # the tabs are named after the files
        layout.addWidget(self.files, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.progress = QProgressBar()   # while the files are read: busy, no percentage
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(tr("ui.import.apply"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(tr("ui.cancel"),
                                                    QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self.refresh()

    def profiles(self) -> list:
        from packstation.services.profiles import load_all_profiles

        return load_all_profiles(self.config)

    def refresh(self) -> None:
        """Preview every file again (after a profile was saved, for instance)."""
        current = self.files.currentIndex()
        try:
            profiles = self.profiles()
        except PackstationError as error:  # a broken profile file: say which
            profiles = []
            set_error(self.status, error.message)
        paths, importer = list(self.paths), self.importer

        def read() -> list[FilePreview]:
            return [preview_file(path, importer, profiles) for path in paths]

        if self.background is None:
            self._show(read(), current)
            return
        self.import_button.setEnabled(False)
        self.progress.show()
        self.status.setStyleSheet("")
        self.status.setText(tr("ui.import.reading", count=len(paths)))
        self.background.submit(read, lambda previews: self._show(previews, current),
                               self._not_read)

    def _not_read(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):   # closed meanwhile
            return
        self.progress.hide()
        set_error(self.status, error.message if isinstance(error, PackstationError)
                  else tr("ui.import.read_failed", detail=str(error) or type(error).__name__))

    def _show(self, previews: list[FilePreview], current: int) -> None:
        if not shiboken6.isValid(self):   # closed while the files were read
            return
        self.progress.hide()
        self.previews = previews
        self.files.clear()
        self.pages = []
        for preview in self.previews:
            page = _FilePage(preview, self.map_columns)
            self.pages.append(page)
            self.files.addTab(page, preview.path.name)
        if current >= 0:
            self.files.setCurrentIndex(min(current, self.files.count() - 1))
        rejected = [preview for preview in self.previews if preview.rejected]
        self.import_button.setEnabled(not rejected and bool(self.previews))
        self.status.setStyleSheet("")
        self.status.setText(tr("ui.import.blocked", count=len(rejected)) if rejected
                            else tr("ui.import.ready"))

    def map_columns(self, path: Path) -> None:
        dialog = MappingDialog(path, self.config, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def apply(self) -> None:
        """Import every file for real; a file refused now (it changed) is said and kept."""
        if not self.import_button.isEnabled():
            return
        profiles = self.profiles()
        if self.background is not None:   # imported off the UI thread by the caller
            self.handed_over = (list(self.paths), profiles)
            self.accept()
            return
        self.results = []
        for path in self.paths:
            try:
                self.results.append(self.importer.import_file(path, profiles=profiles))
            except PackstationError as error:
                set_error(self.status, error.message)
                return
        failed = [report for report in self.results if not report.ok]
        if failed:  # the file changed since the preview: show the new verdict
            self.refresh()
            set_error(self.status, "\n".join(report.summary() for report in failed))
            return
        self.accept()

    def summary(self) -> str:
        return " ".join(report.summary() for report in self.results)


class MappingDialog(QDialog):
    """Which column of an unknown CSV holds each generic field; saved as a profile."""

    def __init__(self, path: str | Path, config: StationConfig, parent: QWidget | None = None) -> None:
        from packstation.io.csvfile import read_table

        super().__init__(parent)
        self.path = Path(path)
        self.config = config
        self.saved_path: Path | None = None
        self.profile = None
        table = read_table(self.path)
        self.headers = list(table.headers)
        self.setWindowTitle(tr("ui.mapping.title", name=self.path.name))
        self.resize(720, 680)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("ui.mapping.intro", count=len(self.headers)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        top = QFormLayout()
        self.name = QLineEdit(_profile_name_for(self.path))
        top.addRow(tr("ui.mapping.name"), self.name)
        self.date_format = QLineEdit()
        self.date_format.setPlaceholderText(tr("ui.mapping.date_format_placeholder"))
        top.addRow(tr("ui.mapping.date_format"), self.date_format)
        layout.addLayout(top)

        form_box = QWidget()
        form = QFormLayout(form_box)
        self.combos: dict[str, list[QComboBox]] = {}
        required = set(generic.REQUIRED_COLUMNS) | {"sku"}
        for name in generic.FIELDS:
            # A name is often split in two columns (first and last name): two choices, joined.
            count = 2 if name == "customer_name" else 1
            combos = []
            row = QHBoxLayout()
            for position in range(count):
                combo = QComboBox()
                mark_shop_data(combo)  # the items are the file's own headers
                combo.addItem(tr("ui.mapping.none"), "")
                for header in self.headers:
                    combo.addItem(header, header)
                guess = _guess(name, self.headers, position)
                if guess:
                    combo.setCurrentIndex(combo.findData(guess))
                combos.append(combo)
                row.addWidget(combo, 1)
            self.combos[name] = combos
            label = tr(f"ui.mapping.field.{name}") + (" *" if name in required else "")
            holder = QWidget()
            holder.setLayout(row)
            row.setContentsMargins(0, 0, 0, 0)
            form.addRow(label, holder)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_box)
        layout.addWidget(scroll, 1)
        note = QLabel(tr("ui.mapping.required"))
        layout.addWidget(note)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = dialog_buttons(self, tr("ui.mapping.save"), on_accept=self.save, save=True)
        layout.addWidget(buttons)

    def choose(self, field_name: str, *headers: str) -> None:
        """Pick the columns of a field (what a user does with the combos; for tests too)."""
        for combo, header in zip(self.combos[field_name], headers):
            combo.setCurrentIndex(combo.findData(header))

    def columns(self) -> dict[str, list[str]]:
        chosen = {}
        for name, combos in self.combos.items():
            headers = [combo.currentData() for combo in combos if combo.currentData()]
            if headers:
                chosen[name] = headers
        return chosen

    def save(self) -> bool:
        from packstation.io.profiles import Profile, ProfileOptions, save_profile
        from packstation.services.profiles import profiles_dir

        options = ProfileOptions(date_format=self.date_format.text().strip() or None)
        try:
            profile = Profile(name=self.name.text().strip(), columns=self.columns(), options=options,
                              description=tr("ui.mapping.description", name=self.path.name))
            if not profile.name:
                raise PackstationError("ui.mapping.no_name")
            self.saved_path = save_profile(profile, profiles_dir(self.config))
        except PackstationError as error:
            set_error(self.error, error.message)
            return False
        self.profile = profile
        self.accept()
        return True


# Usual header names of shop exports, per generic field, folded (see _guess).
_SYNONYMS = {
    "order_ref": ("order number", "order id", "order", "numero de commande", "reference", "ref"),
    "order_date": ("order date", "date", "date de commande", "created at"),
    "carrier": ("shipping method", "shipping method title", "transporteur", "carrier"),
    "customer_name": ("shipping first name", "shipping last name", "first name", "last name", "name", "nom"),
    "company": ("shipping company", "company", "societe"),
    "address1": ("shipping address 1", "address 1", "address", "adresse"),
    "address2": ("shipping address 2", "address 2"),
    "postcode": ("shipping postcode", "postcode", "zip", "code postal"),
    "city": ("shipping city", "city", "ville"),
    "region": ("shipping state", "state", "region"),
    "country": ("shipping country", "country", "pays"),
    "phone": ("billing phone", "phone", "telephone"),
    "email": ("billing email", "email", "e-mail"),
    "billing_country": ("billing country",),
    "sku": ("sku", "product sku", "reference produit"),
    "ean": ("ean", "barcode", "gtin", "ean13"),
    "product_name": ("item name", "product name", "product", "produit"),
    "quantity": ("quantity", "qty", "quantite"),
    "unit_price": ("item cost", "price", "unit price", "prix"),
    "currency": ("order currency", "currency", "devise"),
    "total": ("order total", "total"),
    "note": ("customer note", "note", "comment"),
    "status": ("order status", "status", "statut"),
    "weight_g": ("weight", "poids"),
}


def _guess(field_name: str, headers: list[str], position: int) -> str | None:
    """The header most likely to hold ``field_name`` (the ``position``-th match for a name
    split in two columns), or None: a starting point the user corrects."""
    from packstation.core.carriers import fold

    folded = {fold(header): header for header in headers}
    candidates = (field_name.replace("_", " "), *_SYNONYMS.get(field_name, ()))
    found = [folded[name] for name in candidates if name in folded]
    found = list(dict.fromkeys(found))
    return found[position] if position < len(found) else None


def _profile_name_for(path: Path) -> str:
    import re

    stem = re.sub(r"[^a-z0-9-]+", "-", path.stem.lower()).strip("-")
    return f"profil-{stem or 'boutique'}"


_PLATFORM_NAMES = {"shopify": "Shopify", "woocommerce": "WooCommerce", "prestashop": "PrestaShop"}


def format_name(code: str | None) -> str:
    """A file format as the merchant knows it ("CSV Packstation", "Shopify"), not its code."""
    if not code:
        return tr("ui.import.format.unknown")
    if code == "generic":
        return tr("ui.import.format.generic")
    return _PLATFORM_NAMES.get(code, code)
