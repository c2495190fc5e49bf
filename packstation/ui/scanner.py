"""Scanner capture: a keyboard-wedge scanner's bursts, recognised whatever has focus.

A USB scanner is a keyboard that types very fast and ends with Enter (or Tab). The
:class:`ScannerCapture` event filter is installed on the whole application, so that it
sees every key before any widget does:

* Focus in a text field (the search field, the scan field, a dialog's field): keys go
  to the field as usual, but the filter times them. If Enter/Tab ends a burst (at least
  :attr:`min_length` characters, each within :attr:`max_gap_ms` of the previous one),
  it was a scanner: the field gets back the text it had before the burst, the Enter is
  swallowed and the code is emitted. Slow human typing stays in the field.
* Focus anywhere else (the queue, a button, nothing — as right after a dialog closes):
  printable keys have nowhere useful to go, so they are collected, and Enter/Tab emits
  them as a scan. Enter alone keeps its usual meaning (e.g. open the selected order).
* While a modal dialog is open, keys go to the dialog as usual, but a burst ended by
  Enter/Tab is never the dialog's: the field gets back the text it had, the Enter is
  swallowed (it would press the dialog's default button) and the code is emitted as
  ``dialog_scanned``, for the window to route (a reason code to the abandon dialog, a
  badge to the packer dialog) or refuse with the error sound.

Signals:
    scanned(str): a complete scan, without its terminator.
    dialog_scanned(str): a complete scan made while a modal dialog was open.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

TERMINATORS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
# Scanners type a character every 1 to 10 ms; the fastest people need 50 ms or more
# between two keys, and rarely hold that for four keys in a row.
DEFAULT_MAX_GAP_MS = 30.0
DEFAULT_MIN_LENGTH = 4
# Outside a text field, keys typed by hand are forgotten after this pause.
FORGET_AFTER_MS = 3000.0


@dataclass
class _Burst:
    """The characters typed so far, with the field and its text before the first one."""

    chars: list[str] = field(default_factory=list)
    last_at: float = 0.0
    field: QLineEdit | None = None
    field_text: str = ""
    field_cursor: int = 0

    @property
    def text(self) -> str:
        return "".join(self.chars)


def _line_edit_of(widget: QWidget | None) -> QLineEdit | None:
    if isinstance(widget, QLineEdit):
        return widget
    if isinstance(widget, QAbstractSpinBox):
        return widget.findChild(QLineEdit)
    if isinstance(widget, QComboBox) and widget.isEditable():
        return widget.lineEdit()
    return None


def _is_text_input(widget: QWidget | None) -> bool:
    return _line_edit_of(widget) is not None or isinstance(widget, (QTextEdit, QPlainTextEdit))


class ScannerCapture(QObject):
    """The application-wide event filter that turns key bursts into scans."""

    scanned = Signal(str)
    dialog_scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, *, max_gap_ms: float = DEFAULT_MAX_GAP_MS,
                 min_length: int = DEFAULT_MIN_LENGTH,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.max_gap_ms = max_gap_ms
        self.min_length = min_length
        self.clock = clock
        self.enabled = True
        self._burst = _Burst()
        # A key event travels from the focus widget up to its parents, through this
        # filter each time: remember the last one seen so it is handled once.
        self._last_event: tuple[int, QObject] | None = None
        self._in_dialog = False

    def install(self, app: QApplication | None = None) -> None:
        (app or QApplication.instance()).installEventFilter(self)

    def uninstall(self, app: QApplication | None = None) -> None:
        app = app or QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def reset(self) -> None:
        self._burst = _Burst()

    # -- the filter ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.KeyPress or not self.enabled:
            return False
        if not isinstance(watched, QWidget):
            return False  # the QWindow sees the key before the widget: wait for the widget
        in_dialog = QApplication.activeModalWidget() is not None
        if in_dialog != self._in_dialog:
            self._in_dialog = in_dialog
            self.reset()  # a burst never spans a dialog opening or closing
        if self._propagated(watched, event):
            return False
        return self._key(watched, event, in_dialog)  # type: ignore[arg-type]

    def _propagated(self, watched: QWidget, event: QEvent) -> bool:
        """Whether this is a key already seen on a child of ``watched``."""
        import shiboken6

        address = shiboken6.getCppPointer(event)[0]
        last = self._last_event
        self._last_event = (address, watched)
        if last is None or last[0] != address:
            return False
        child = last[1]
        # (Qt counts a widget as its own ancestor; the same widget is a new key.)
        return isinstance(child, QWidget) and child is not watched and watched.isAncestorOf(child)

    def _key(self, watched: QWidget, event: QKeyEvent, in_dialog: bool = False) -> bool:
        now = self.clock() * 1000.0
        focus = watched  # the first receiver of a key is the widget with the focus
        in_text = _is_text_input(focus)
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier & ~Qt.KeyboardModifier.KeypadModifier
        burst = self._burst
        gap = now - burst.last_at if burst.chars else 0.0

        if key in TERMINATORS and not modifiers:
            text = burst.text
            fast = len(burst.chars) >= self.min_length and gap <= self.max_gap_ms * 2
            self.reset()
            if in_text or in_dialog:
                if not fast:
                    return False  # a person pressed Enter in a field: the field's business
                line_edit = _line_edit_of(focus)
                if line_edit is not None and line_edit is burst.field:
                    line_edit.setText(burst.field_text)
                    line_edit.setCursorPosition(burst.field_cursor)
            elif not text:
                return False  # Enter alone keeps its meaning (open the selected order…)
            (self.dialog_scanned if in_dialog else self.scanned).emit(text)
            return True

        char = event.text()
        if modifiers or not char or not char.isprintable() or event.isAutoRepeat():
            if key not in (Qt.Key.Key_Shift, Qt.Key.Key_AltGr, Qt.Key.Key_CapsLock):
                self.reset()  # a shortcut or an arrow breaks any burst
            return False
        # In a field, a key too slow for a scanner starts a new burst. Outside a field,
        # slow keys keep accumulating: typed by hand into nowhere, Enter sends them as
        # a scan rather than losing them; only a real pause forgets them.
        if burst.chars and gap > (self.max_gap_ms if in_text or in_dialog else FORGET_AFTER_MS):
            self.reset()
            burst = self._burst
        if not burst.chars and in_text:
            line_edit = _line_edit_of(focus)
            burst.field = line_edit
            if line_edit is not None:
                burst.field_text = line_edit.text()
                burst.field_cursor = line_edit.cursorPosition()
        burst.chars.append(char)
        burst.last_at = now
        if in_dialog:
            # The dialog's widgets get the keys, except a space inside a burst, which
            # would press the button that has the focus.
            return char == " " and len(burst.chars) > 1
        return not in_text  # outside a field the keys are ours; in a field, the field's
