"""The window speaks the language chosen, and its texts come through Qt's QTranslator.

The station window is built on a real shop in each language; a draft catalogue compiled
with the real lrelease proves that what the window shows is what the installed ``.qm``
says. Separate processes check the language that follows the system and ``--lang``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from packstation.core import i18n
from packstation.ui import catalogue, texts

ROOT = Path(__file__).resolve().parents[2]


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


@pytest.mark.parametrize("language, menus, placeholder, search", [
    ("fr", ["&Fichier", "&Boutique", "&Historique", "&Statistiques", "Fin de &journée", "&Impression", "&Aide"],
     "Code tapé puis Entrée · quantité : 23* puis scan", "Rechercher (Ctrl+F)"),
    ("en", ["&File", "&Shop", "&History", "S&tatistics", "&End of day", "&Print", "H&elp"],
     "Code typed, then Enter · quantity: 23* then scan", "Search (Ctrl+F)"),
])
def test_a_window_built_in_a_language_shows_it(qapp, make_window, config, committed_translator,
                                               language, menus, placeholder, search):
    i18n.set_language(language)
    window = make_window(config)
    assert texts.installed_language() == language   # Qt's translator followed the language
    assert menu_titles(window) == menus
    assert window.scan_field.placeholderText() == placeholder
    assert window.search_field.placeholderText() == search


def test_switching_language_swaps_the_translator(qapp, committed_translator):
    for language, expected in (("en", "&File"), ("fr", "&Fichier"), ("en", "&File")):
        i18n.set_language(language)
        assert texts.tr("ui.menu.file") == expected
        assert texts.installed_language() == language
        assert QCoreApplication.translate("packstation", "ui.menu.file") == expected


def test_placeholders_are_filled(qapp, committed_translator):
    i18n.set_language("en")
    assert texts.tr("ui.queue.state.on_hold", reason="fraud risk") == "on hold: fraud risk"
    i18n.set_language("fr")
    assert texts.tr("ui.queue.state.on_hold", reason="risque de fraude") == "bloquée : risque de fraude"


def test_an_unknown_key_is_a_bug_not_a_raw_key(qapp):
    with pytest.raises(i18n.MessageKeyError):
        texts.tr("ui.no_such_text")


def test_the_window_shows_what_the_installed_qm_says(qapp, make_window, config, tmp_path,
                                                     committed_translator):
    """A draft catalogue (another text for two keys) compiled with lrelease and installed:
    the window shows the draft, so its texts come from the QTranslator, not from Python."""
    shutil.copytree(texts.catalogue_dir(), tmp_path / "draft")
    draft = tmp_path / "draft"
    english = texts.read_ts(texts.ts_path("en", draft))
    english["ui.menu.file"] = "&Draft file"
    english["ui.window.title"] = "Draft — {station}"
    catalogue.write_ts(texts.ts_path("en", draft), "en", english)
    catalogue.compile_catalogue("en", draft)

    i18n.set_language("en")
    texts.install_translator(qapp, "en", folder=draft)
    window = make_window(config)
    assert menu_titles(window)[0] == "&Draft file"
    assert window.windowTitle() == "Draft — Table 1"
    assert i18n.tr("ui.menu.file") == "&File"   # the Python catalogue is not where it came from


def test_a_missing_qm_is_reported(qapp, tmp_path, committed_translator):
    with pytest.raises(texts.CatalogueError, match="packstation_en.qm"):
        texts.install_translator(qapp, "en", folder=tmp_path)


# A real process: a Qt application, the translator installed as app.py does, then one lookup.
PROBE = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QCoreApplication
    from packstation.core import i18n
    from packstation.ui import texts
    if len(sys.argv) > 1:
        i18n.set_language(sys.argv[1])        # what --lang does
    app = QCoreApplication([])
    texts.install_translator(app)
    print(json.dumps([texts.installed_language(),
                      QCoreApplication.translate("packstation", "ui.menu.file")]))
""")


def run_probe(environment: dict[str, str], *arguments: str) -> list[str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG")}
    result = subprocess.run([sys.executable, "-c", PROBE, *arguments], capture_output=True, text=True,
                            timeout=60, cwd=ROOT, env={**env, **environment})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("environment, arguments, expected", [
    ({"LANG": "fr_FR.UTF-8"}, (), ["fr", "&Fichier"]),
    ({"LANG": "en_GB.UTF-8"}, (), ["en", "&File"]),
    ({"LANG": "de_DE.UTF-8"}, (), ["en", "&File"]),
    ({"LANG": "C"}, (), ["fr", "&Fichier"]),
    ({"LANG": "fr_FR.UTF-8"}, ("en",), ["en", "&File"]),
    ({"LANG": "en_GB.UTF-8"}, ("fr",), ["fr", "&Fichier"]),
])
def test_the_language_follows_the_system_unless_overridden(environment, arguments, expected):
    assert run_probe(environment, *arguments) == expected


def test_before_any_qt_application_the_texts_still_show():
    code = ("from packstation.core import i18n; from packstation.ui.texts import tr; "
            "i18n.set_language('en'); print(tr('ui.menu.file')); i18n.set_language('fr'); "
            "print(tr('ui.queue.state.on_hold', reason='x'))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["&File", "bloquée : x"]


# The real composition root: `packstation [--lang L]` opens the window; a timer reads its
# menus once Qt runs, then closes it.
OPEN_WINDOW = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from packstation import cli
    from packstation.ui.window import StationWindow

    app = QApplication([])

    def look():
        window = next(w for w in app.topLevelWidgets() if isinstance(w, StationWindow))
        print(json.dumps([action.text() for action in window.menuBar().actions()]))
        window.close()
        app.quit()

    QTimer.singleShot(0, look)
    sys.exit(cli.main(sys.argv[1:]))
""")


@pytest.mark.parametrize("arguments, first_menu", [
    ((), "&Fichier"),
    (("--lang", "en"), "&File"),
])
def test_the_program_window_speaks_the_system_language_unless_lang_says(tmp_path, arguments, first_menu):
    env = {key: value for key, value in os.environ.items() if key not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    result = subprocess.run([sys.executable, "-c", OPEN_WINDOW, "--db", str(tmp_path / "shop.sqlite3"),
                             *arguments], capture_output=True, text=True, timeout=60, cwd=ROOT,
                            env={**env, "LANG": "fr_FR.UTF-8", "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1])[0] == first_menu
