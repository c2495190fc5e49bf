"""The sounds written as real WAV files, and the scanner filter on its own."""

from __future__ import annotations

import wave

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget

from packstation.core.packing import Tone


def test_every_sound_is_a_distinct_short_wav(tmp_path):
    from packstation.ui.sounds import SOUNDS, write_sounds

    written = write_sounds(tmp_path)
    assert set(written) == set(SOUNDS)
    contents = set()
    for name, path in written.items():
        with wave.open(str(path)) as handle:
            assert (handle.getnchannels(), handle.getsampwidth()) == (1, 2)
            seconds = handle.getnframes() / handle.getframerate()
            assert 0.05 < seconds < 1.0, name
            contents.add(handle.readframes(handle.getnframes()))
    assert len(contents) == len(SOUNDS)


@pytest.mark.parametrize("tone, sound", [(Tone.OK, "verified"), (Tone.COMPLETE, "complete"),
                                         (Tone.ERROR, "error")])
def test_each_answer_tone_has_its_sound(qtbot, tmp_path, tone, sound):
    from packstation.ui.sounds import SoundPlayer

    player = SoundPlayer(folder=tmp_path)
    player.play(tone)
    assert player.last_played == sound
    assert (tmp_path / f"{sound}.wav").exists()


@pytest.fixture
def form(qtbot):
    from packstation.ui.scanner import ScannerCapture

    widget = QWidget()
    layout = QVBoxLayout(widget)
    field, button = QLineEdit(), QPushButton("ok")
    layout.addWidget(field)
    layout.addWidget(button)
    qtbot.addWidget(widget)
    widget.show()
    capture = ScannerCapture()
    capture.install()
    scans: list[str] = []
    capture.scanned.connect(scans.append)
    yield field, button, scans
    capture.uninstall()


@pytest.mark.parametrize("terminator", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab])
def test_a_burst_ended_by_enter_or_tab_is_a_scan(qtbot, form, terminator):
    field, button, scans = form
    button.setFocus()
    qtbot.keyClicks(button, "3760000000017")
    qtbot.keyClick(button, terminator)
    assert scans == ["3760000000017"]


def test_azerty_digits_from_a_scanner_arrive_as_typed(qtbot, form):
    field, _, scans = form
    field.setFocus()
    for char in "&é\"'(-è_çà":  # QTest types only what a US keyboard has: send the events
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(field, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert scans == ["&é\"'(-è_çà"]  # the service turns them into digits
    assert field.text() == ""


def test_three_fast_keys_are_not_a_scan(qtbot, form):
    field, _, scans = form
    field.setFocus()
    qtbot.keyClicks(field, "abc")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert scans == []
    assert field.text() == "abc"
