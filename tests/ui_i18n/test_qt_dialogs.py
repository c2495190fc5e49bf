"""Qt's own dialogs speak the window's language: the file dialogs are Qt's (not the
desktop's, which speak the system's), translated by qtbase_fr."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QPushButton

from packstation.app import install_qt_translator
from packstation.core import i18n
from packstation.ui.backoffice.common import FILE_DIALOG_OPTIONS


def test_the_file_dialogs_are_qt_s_own_and_in_french(qtbot, qapp):
    i18n.set_language("fr")
    translator = install_qt_translator(qapp, "fr")
    assert translator is not None
    try:
        dialog = QFileDialog(None, "Importer des commandes…")
        dialog.setOptions(FILE_DIALOG_OPTIONS)
        qtbot.addWidget(dialog)
        dialog.show()
        texts = {button.text().replace("&", "") for button in dialog.findChildren(QPushButton)}
        assert "Annuler" in texts and "Ouvrir" in texts, texts
    finally:
        qapp.removeTranslator(translator)
    assert FILE_DIALOG_OPTIONS & QFileDialog.Option.DontUseNativeDialog
