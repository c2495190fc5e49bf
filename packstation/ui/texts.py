"""The window's own texts, looked up through Qt's translation system.

The source of truth is the pair of Qt Linguist catalogues ``resources/i18n/
packstation_fr.ts`` and ``packstation_en.ts``: one context, ``packstation``, whose source
texts are the ``ui.*`` keys the code names and whose translations are the texts, with
their ``{placeholders}``. A translator edits them in Qt Linguist (or any tool that speaks
TS); ``python -m packstation.ui.catalogue`` checks them and compiles them to the ``.qm``
files that Qt loads at run time. Keeping the texts out of the Python sources means there
is no generated file that a translator's work could be overwritten by.

:func:`tr` asks Qt (``QCoreApplication.translate``) through a ``QTranslator`` holding
``packstation_<language>.qm``. The language itself stays one setting, in
:mod:`packstation.core.i18n`, shared with what the services say (scan answers, errors,
which keep their Python catalogue because the CLI has no Qt): when it changes, the
translator is swapped at the next lookup, so a test or the screenshot tool that switches
language gets the window in that language.

The same ``.ts`` files are also read at import into the Python catalogue, so that a
``PackstationError`` raised with a ``ui.*`` key renders, the texts show before a Qt
application exists, and nothing ever shows a raw key.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from packstation.core import i18n, paths

CONTEXT = "packstation"
CATALOGUE_NAME = "packstation"


class CatalogueError(ValueError):
    """A catalogue file that is malformed or disagrees with the other language: a bug."""


def catalogue_dir() -> Path:
    return paths.resources_dir() / "i18n"


def ts_path(language: str, folder: Path | None = None) -> Path:
    return (folder or catalogue_dir()) / f"{CATALOGUE_NAME}_{language}.ts"


def qm_path(language: str, folder: Path | None = None) -> Path:
    return (folder or catalogue_dir()) / f"{CATALOGUE_NAME}_{language}.qm"


def read_ts(path: Path) -> dict[str, str]:
    """The messages of the ``packstation`` context of one TS file: key -> text, in file order."""
    messages: dict[str, str] = {}
    root = ElementTree.parse(path).getroot()
    for context in root.iter("context"):
        if context.findtext("name") != CONTEXT:
            continue
        for message in context.iter("message"):
            key = message.findtext("source") or ""
            translation = message.find("translation")
            text = translation.text if translation is not None else None
            if translation is not None and translation.get("type") in ("unfinished", "vanished", "obsolete"):
                text = None   # lrelease leaves these out of the .qm: treat them as missing
            if not key.startswith("ui.") or not text:
                raise CatalogueError(f"{path.name}: message {key!r} has no finished translation")
            if key in messages:
                raise CatalogueError(f"{path.name}: message {key!r} appears twice")
            messages[key] = text
    return messages


def load_catalogue(folder: Path | None = None) -> dict[str, tuple[str, str]]:
    """Both catalogues as key -> (French, English), in the French file's order.

    The two files must hold the same keys with the same placeholders: a text missing in
    one language is found here, at import, rather than by a user."""
    french = read_ts(ts_path("fr", folder))
    english = read_ts(ts_path("en", folder))
    if french.keys() != english.keys():
        only_fr = sorted(french.keys() - english.keys())
        only_en = sorted(english.keys() - french.keys())
        raise CatalogueError(f"the catalogues differ: only in French {only_fr}, only in English {only_en}")
    for key, text in french.items():
        if i18n.placeholders(text) != i18n.placeholders(english[key]):
            raise CatalogueError(f"message {key!r}: the placeholders differ between French and English")
    return {key: (text, english[key]) for key, text in french.items()}


# The Python catalogue learns the ui.* texts from the same files (see the module docstring).
i18n.register(load_catalogue())

# The one translator of ours that is installed: its language, its file, itself.
_installed: tuple[str, Path, QTranslator] | None = None


def install_translator(app: QCoreApplication | None = None, language: str | None = None, *,
                       folder: Path | None = None) -> QTranslator:
    """Install ``packstation_<language>.qm`` (default: the current language) in ``app``,
    replacing the one installed before; a no-op when that file is already installed.
    ``folder`` reads the catalogue from elsewhere (a translator trying a draft, a test).

    Raises :class:`CatalogueError` when the file is missing or unreadable: a broken install,
    which the fallback of :func:`tr` would otherwise hide."""
    global _installed
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_translator needs a Qt application")
    language = language or i18n.language()
    path = qm_path(language, folder)
    if _installed is not None and _installed[:2] == (language, path):
        return _installed[2]
    translator = QTranslator(app)
    if not translator.load(str(path)):
        raise CatalogueError(f"cannot load the catalogue {path}")
    if _installed is not None:
        app.removeTranslator(_installed[2])
        _installed[2].deleteLater()
    app.installTranslator(translator)
    _installed = (language, path, translator)
    return translator


def installed_language() -> str | None:
    """The language of the installed translator, None before the first one."""
    return _installed[0] if _installed is not None else None


def tr(key: str, /, **params: object) -> str:
    """The window text ``key`` in the current language, filled with ``params``.

    Qt answers from the installed ``.qm`` (swapped first if the language changed). Before
    any Qt application exists, the same text comes from the Python catalogue."""
    app = QCoreApplication.instance()
    if app is None:
        return i18n.tr(key, **params)
    if _installed is None or _installed[0] != i18n.language():
        install_translator(app)   # the language changed since: follow it
    text = QCoreApplication.translate(CONTEXT, key)
    if text == key:   # Qt hands back the source when the .qm lacks it: a key unknown anywhere raises here
        return i18n.tr(key, **params)
    return text.format(**params) if params else text
