"""The Qt catalogues under resources/i18n: complete, consistent, compiled and up to date.

The ``.ts`` files are the source of the window's texts; these tests read them as files,
compile them with the real ``lrelease`` and load the ``.qm`` files in a real QTranslator.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from packstation.core import i18n
from packstation.ui import catalogue, texts

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "packstation"
# A ui.* key written in the code: "ui.x.y", 'ui.x.y', or an f-string f"ui.x.{name}".
KEY_IN_CODE = re.compile(r"""(?<![\w.])(f?)(["'])(ui\.[^"'\s]+)\2""")


def keys_in_code() -> tuple[set[str], set[str]]:
    """(literal keys, f-string keys) that the Python sources name."""
    literal, formatted = set(), set()
    for path in SOURCES.rglob("*.py"):
        for is_f, _, key in KEY_IN_CODE.findall(path.read_text(encoding="utf-8")):
            (formatted if is_f and "{" in key else literal).add(key)
    return literal, formatted


def pattern_of(formatted_key: str) -> re.Pattern:
    """``ui.menu.action.{name}`` -> a pattern matching ``ui.menu.action.<word>``."""
    parts = re.split(r"\{[^}]*\}", formatted_key)
    return re.compile(r"\w+".join(map(re.escape, parts)))


@pytest.fixture(scope="module")
def messages() -> dict[str, tuple[str, str]]:
    return texts.load_catalogue()


def test_the_catalogues_hold_the_window_texts(messages):
    assert len(messages) > 300
    assert messages["ui.menu.file"] == ("&Fichier", "&File")
    assert messages["ui.queue.state.on_hold"] == ("bloquée : {reason}", "on hold: {reason}")


def test_every_message_has_both_languages_and_the_same_placeholders(messages):
    for key, (french, english) in messages.items():
        assert french.strip() and english.strip(), key
        assert i18n.placeholders(french) == i18n.placeholders(english), key
        assert not french.startswith("ui.") and not english.startswith("ui."), key


def test_every_key_in_the_code_is_in_the_catalogues_and_every_message_is_used(messages):
    literal, formatted = keys_in_code()
    assert len(literal) > 150 and len(formatted) > 15   # the grep still finds the call sites
    assert sorted(literal - messages.keys()) == [], "keys the code names but no catalogue holds"
    patterns = {key: pattern_of(key) for key in formatted}
    assert [key for key, pattern in patterns.items()
            if not any(pattern.fullmatch(known) for known in messages)] == []
    unused = [key for key in messages if key not in literal
              and not any(pattern.fullmatch(key) for pattern in patterns.values())]
    assert unused == [], "messages no code uses"


def test_the_python_catalogue_is_fed_from_the_ts_files(messages):
    """A PackstationError with a ui.* key, or a lookup before Qt starts, finds the same text."""
    assert {key: i18n.catalogue()[key] for key in messages} == messages


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_the_committed_qm_loads_and_answers_every_key(qapp, messages, language):
    translator = QTranslator()
    assert translator.load(str(texts.qm_path(language)))
    assert translator.language() == catalogue.TS_LANGUAGE[language]
    index = i18n.LANGUAGES.index(language)
    wrong = [key for key, pair in messages.items()
             if translator.translate(texts.CONTEXT, key) != pair[index]]
    assert wrong == []


def test_the_committed_qm_files_are_up_to_date():
    assert catalogue.stale_catalogues() == [], "run: python -m packstation.ui.catalogue"


def test_an_edited_ts_makes_its_qm_stale(tmp_path):
    shutil.copytree(texts.catalogue_dir(), tmp_path, dirs_exist_ok=True)
    english = texts.read_ts(texts.ts_path("en", tmp_path))
    english["ui.menu.file"] = "&Files"
    catalogue.write_ts(texts.ts_path("en", tmp_path), "en", english)
    assert catalogue.stale_catalogues(tmp_path) == ["packstation_en.qm"]
    catalogue.compile_catalogue("en", tmp_path)
    assert catalogue.stale_catalogues(tmp_path) == []


def test_write_ts_writes_what_read_ts_and_lrelease_read(tmp_path, qapp):
    """The writer used for drafts keeps every text, markup characters included (&, <, ')."""
    for language in i18n.LANGUAGES:
        original = texts.read_ts(texts.ts_path(language))
        catalogue.write_ts(texts.ts_path(language, tmp_path), language, original)
        assert texts.read_ts(texts.ts_path(language, tmp_path)) == original
        translator = QTranslator()
        assert translator.load(str(catalogue.compile_catalogue(language, tmp_path)))
        assert translator.translate(texts.CONTEXT, "ui.settings.station.output_default").endswith("/<date>")


def _draft(tmp_path: Path, edit) -> Path:
    shutil.copytree(texts.catalogue_dir(), tmp_path, dirs_exist_ok=True)
    english = texts.read_ts(texts.ts_path("en", tmp_path))
    edit(english)
    catalogue.write_ts(texts.ts_path("en", tmp_path), "en", english)
    return tmp_path


@pytest.mark.parametrize("edit, complaint", [
    (lambda en: en.pop("ui.menu.file"), "only in French ['ui.menu.file']"),
    (lambda en: en.update({"ui.extra": "Extra"}), "only in English ['ui.extra']"),
    (lambda en: en.update({"ui.queue.state.on_hold": "on hold: {why}"}), "placeholders differ"),
    (lambda en: en.update({"ui.menu.file": ""}), "no finished translation"),
])
def test_a_broken_catalogue_is_refused(tmp_path, edit, complaint):
    folder = _draft(tmp_path, edit)
    with pytest.raises(texts.CatalogueError, match=re.escape(complaint)):
        texts.load_catalogue(folder)


def test_an_unfinished_translation_counts_as_missing(tmp_path):
    folder = _draft(tmp_path, lambda en: None)
    path = texts.ts_path("en", folder)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "<translation>&amp;File</translation>", '<translation type="unfinished">&amp;File</translation>'),
        encoding="utf-8")
    with pytest.raises(texts.CatalogueError, match="ui.menu.file"):
        texts.load_catalogue(folder)


def test_the_catalogue_command_checks_the_committed_files(messages):
    result = subprocess.run([sys.executable, "-m", "packstation.ui.catalogue", "--check"],
                            capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{len(messages)} messages in fr, en: up to date"
