"""The sounds of the table: one per kind of answer, so the packer need not look.

The WAV files are small sine tones written with the standard ``wave`` module
(:func:`write_sounds`; the shipped ones live in ``resources/sounds/``). They are played
with QtMultimedia's ``QSoundEffect``. Where there is no audio output (no device, no
sound server, QtMultimedia not importable) the player stays silent and says so once,
through :attr:`SoundPlayer.unavailable_reason`, which the window shows in its status bar.
"""

from __future__ import annotations

import logging
import math
import struct
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QUrl

from packstation.core import paths
from packstation.core.packing import Tone
from packstation.ui.texts import tr

log = logging.getLogger(__name__)

SAMPLE_RATE = 22050
VOLUME = 0.6

# (frequency in Hz, duration in seconds) notes of each sound. Verified: one short high
# beep. Complete: a rising three-note chime. Error: a low, longer, rough double buzz
# that no one mistakes for the others.
SOUNDS: dict[str, list[tuple[float, float]]] = {
    "verified": [(1760.0, 0.09)],
    "complete": [(880.0, 0.11), (1175.0, 0.11), (1568.0, 0.22)],
    "error": [(196.0, 0.22), (0.0, 0.06), (196.0, 0.30)],
    "info": [(1046.0, 0.06)],
}

TONE_SOUND: dict[Tone, str] = {
    Tone.OK: "verified",
    Tone.COMPLETE: "complete",
    Tone.ERROR: "error",
    Tone.INFO: "info",
    Tone.WARNING: "info",
}


def sounds_dir() -> Path:
    return paths.resources_dir() / "sounds"


def _samples(notes: list[tuple[float, float]]) -> bytes:
    frames = bytearray()
    for frequency, seconds in notes:
        count = int(SAMPLE_RATE * seconds)
        fade = max(1, int(SAMPLE_RATE * 0.008))  # 8 ms ramps: no click at either end
        for n in range(count):
            if frequency <= 0:
                value = 0.0
            else:
                value = math.sin(2 * math.pi * frequency * n / SAMPLE_RATE)
                if frequency < 400:  # a square-ish buzz for errors: audible on small speakers
                    value = max(-0.6, min(0.6, value * 2.5))
            envelope = min(1.0, n / fade, (count - n) / fade)
            frames += struct.pack("<h", int(32767 * VOLUME * value * envelope))
    return bytes(frames)


def write_sounds(folder: Path | None = None) -> dict[str, Path]:
    """Write every sound as a mono 16-bit WAV into ``folder``; returns name -> path."""
    folder = folder or sounds_dir()
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, notes in SOUNDS.items():
        path = folder / f"{name}.wav"
        with wave.open(str(path), "wb") as handle:
            handle.setnchannels(1)
            handle.setsampwidth(2)
            handle.setframerate(SAMPLE_RATE)
            handle.writeframes(_samples(notes))
        written[name] = path
    return written


class SoundPlayer(QObject):
    """Plays the sound of a tone, or nothing where the machine cannot."""

    def __init__(self, enabled: bool = True, folder: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.unavailable_reason: str | None = None
        self.last_played: str | None = None  # for the tests and the status bar
        self._effects: dict[str, object] = {}
        if not enabled:
            self.unavailable_reason = tr("ui.sound.disabled")
            return
        folder = folder or sounds_dir()
        if not all((folder / f"{name}.wav").exists() for name in SOUNDS):
            try:
                write_sounds(folder)
            except OSError as error:
                self.unavailable_reason = tr("ui.sound.no_files", reason=error.strerror)
                return
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError as error:  # e.g. libpulse missing on Linux
            log.info("QtMultimedia unavailable: %s", error)
            self.unavailable_reason = tr("ui.sound.no_audio")
            return
        if not QMediaDevices.audioOutputs():
            self.unavailable_reason = tr("ui.sound.no_audio")
            return
        for name in SOUNDS:
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(folder / f"{name}.wav")))
            effect.setVolume(0.9)
            self._effects[name] = effect

    @property
    def available(self) -> bool:
        return self.unavailable_reason is None

    def play(self, tone: Tone) -> None:
        name = TONE_SOUND[tone]
        self.last_played = name
        effect = self._effects.get(name)
        if effect is not None:
            effect.play()  # type: ignore[attr-defined]
