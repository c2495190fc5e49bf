"""The window's colours and type sizes: one place, so that a tone always looks the same.

Colours are chosen to be told apart from a step back and by the most common colour
blindness: the answer text also says what happened, colour is never the only signal.
"""

from __future__ import annotations

from dataclasses import dataclass

from packstation.core.packing import Tone


@dataclass(frozen=True)
class Swatch:
    background: str
    foreground: str


TONE_SWATCHES: dict[Tone, Swatch] = {
    Tone.OK: Swatch("#1e7d32", "#ffffff"),
    Tone.COMPLETE: Swatch("#0b5d1e", "#ffffff"),
    Tone.ERROR: Swatch("#c62828", "#ffffff"),
    Tone.INFO: Swatch("#1c5fa8", "#ffffff"),
    Tone.WARNING: Swatch("#f2a900", "#1a1a1a"),
}

# The countdown banner: states of core.pickups.Projection, plus "missed".
BANNER_SWATCHES: dict[str, Swatch] = {
    "on_track": Swatch("#1e7d32", "#ffffff"),
    "tight": Swatch("#f2a900", "#1a1a1a"),
    "behind": Swatch("#c62828", "#ffffff"),
    "missed": Swatch("#7a1010", "#ffffff"),
    "none_left": Swatch("#e3e7ec", "#39424e"),
    "no_pickup": Swatch("#e3e7ec", "#39424e"),
}

IDLE = Swatch("#eef1f5", "#39424e")
NOTE = Swatch("#fff3c4", "#5a4300")
DONE_LINE = "#8a949e"
SETTINGS_BANNER = Swatch("#fde7c8", "#5a3a00")

# Point sizes read from a step back at 1366x768 (about 1 m from a 15" screen).
ANSWER_PT = 22
ORDER_REF_PT = 24
LINE_PT = 15
BANNER_BIG_PT = 17

STYLESHEET = """
QMainWindow, QWidget#central { background: #f7f8fa; }
QTableView#queueView { font-size: 10pt; }
QLabel#statusItem { padding: 0 10px 0 4px; border-right: 1px solid #c5ccd4; }
QTableView { font-size: 11pt; gridline-color: #dde2e8; selection-background-color: #cfe0f5;
             selection-color: #111; }
QHeaderView::section { background: #e9edf2; padding: 4px; border: none;
                       border-bottom: 1px solid #cfd6de; font-weight: bold; }
QLineEdit { padding: 4px 6px; font-size: 12pt; }
QPushButton { padding: 5px 10px; font-size: 10pt; }
QLabel#sectionTitle { font-size: 10pt; font-weight: bold; color: #5b6673; }
QStatusBar { font-size: 10pt; }
"""


def swatch_css(swatch: Swatch) -> str:
    return f"background: {swatch.background}; color: {swatch.foreground};"
