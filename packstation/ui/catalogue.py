"""Check and compile the window's Qt catalogues: ``python -m packstation.ui.catalogue``.

The ``.ts`` files under ``resources/i18n/`` are the source of the window's texts (see
:mod:`packstation.ui.texts`). After editing one — by hand or in Qt Linguist — run this
command: it checks that both languages hold the same keys with the same placeholders and
compiles each ``.ts`` to its ``.qm`` with the ``lrelease`` shipped in the PySide6 wheel.
``--check`` compiles to a scratch folder and fails when a committed ``.qm`` differs.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import PySide6

from packstation.core import i18n
from packstation.ui import texts

# Qt's name for each language, written in the TS header (Linguist shows it, plural rules use it).
TS_LANGUAGE = {"fr": "fr_FR", "en": "en_GB"}


def lrelease() -> Path:
    """The ``lrelease`` of the installed PySide6 wheel (or ``pyside6-lrelease`` on the PATH)."""
    beside = Path(PySide6.__file__).resolve().parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
    if beside.exists():
        return beside
    found = shutil.which("pyside6-lrelease")
    if found is None:
        raise FileNotFoundError("lrelease not found: install PySide6 (it ships lrelease)")
    return Path(found)


def write_ts(path: Path, language: str, messages: dict[str, str]) -> None:
    """Write one catalogue in the TS layout Qt Linguist writes (key -> text, in order)."""
    root = ElementTree.Element("TS", version="2.1", language=TS_LANGUAGE.get(language, language))
    context = ElementTree.SubElement(root, "context")
    ElementTree.SubElement(context, "name").text = texts.CONTEXT
    for key, text in messages.items():
        message = ElementTree.SubElement(context, "message")
        ElementTree.SubElement(message, "source").text = key
        ElementTree.SubElement(message, "translation").text = text
    ElementTree.indent(root, space="    ")
    body = ElementTree.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def compile_catalogue(language: str, source_folder: Path | None = None,
                      target_folder: Path | None = None) -> Path:
    """Compile ``packstation_<language>.ts`` to its ``.qm``; returns the ``.qm`` path."""
    source = texts.ts_path(language, source_folder)
    target = texts.qm_path(language, target_folder or source_folder)
    result = subprocess.run([str(lrelease()), "-silent", str(source), "-qm", str(target)],
                            capture_output=True, text=True, timeout=60)
    if result.returncode != 0 or not target.exists():
        raise texts.CatalogueError(f"lrelease failed on {source.name}: {result.stderr.strip()}")
    return target


def stale_catalogues(folder: Path | None = None) -> list[str]:
    """The committed ``.qm`` files that differ from what their ``.ts`` compiles to."""
    folder = folder or texts.catalogue_dir()
    stale = []
    with tempfile.TemporaryDirectory() as scratch:
        for language in i18n.LANGUAGES:
            fresh = compile_catalogue(language, folder, Path(scratch))
            committed = texts.qm_path(language, folder)
            if not committed.exists() or committed.read_bytes() != fresh.read_bytes():
                stale.append(committed.name)
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m packstation.ui.catalogue", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="compile nothing; fail when a committed .qm is out of date")
    args = parser.parse_args(argv)
    try:
        messages = texts.load_catalogue()   # both languages, same keys, same placeholders
        if args.check:
            stale = stale_catalogues()
            if stale:
                print(f"out of date: {', '.join(stale)} (run python -m packstation.ui.catalogue)",
                      file=sys.stderr)
                return 1
        else:
            for language in i18n.LANGUAGES:
                compile_catalogue(language)
    except (texts.CatalogueError, ElementTree.ParseError, FileNotFoundError) as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{len(messages)} messages in {', '.join(i18n.LANGUAGES)}: "
          f"{'up to date' if args.check else 'compiled'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
