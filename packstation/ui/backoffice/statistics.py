"""The statistics window: today or the last 7 days, at a glance and in detail.

Three figures on top (parcels packed, median packing time, mistakes caught by the
scanner), a bar chart of parcels per hour (per day for the week), and two tables, per
packer and per hour (or day), with the same figures. "Exporter en CSV" writes
:func:`packstation.services.statistics.to_csv`. The chart is drawn with QPainter: a few
bars need no charting library.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, Sequence

from PySide6.QtCore import QRectF, Qt, Slot
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFileDialog, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from packstation.core import i18n
from packstation.core.errors import PackstationError
from packstation.db.models import utcnow
from packstation.services.statistics import Figures, Statistics
from packstation.ui.backoffice.common import FILE_DIALOG_OPTIONS, RowsModel, duration, make_table, show_error
from packstation.ui.formats import date_text
from packstation.ui.texts import tr

TODAY, WEEK = "today", "week"
BAR = QColor("#1c5fa8")
MISTAKE = QColor("#c62828")


class BarChart(QWidget):
    """Parcels (blue) and mistakes (red) per group, with the group's name under its bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, int, int]] = []
        self.title = ""
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_bars(self, title: str, bars: Sequence[tuple[str, int, int]]) -> None:
        self.title = title
        self.bars = list(bars)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        metrics = painter.fontMetrics()
        line = metrics.height()
        painter.setPen(QColor("#39424e"))
        painter.drawText(QRectF(8, 4, self.width() - 16, line), Qt.AlignmentFlag.AlignLeft, self.title)
        legend = [(BAR, tr("ui.stats.legend.parcels")), (MISTAKE, tr("ui.stats.legend.mistakes"))]
        x = self.width() - 8
        for color, text in reversed(legend):
            width = metrics.horizontalAdvance(text)
            x -= width
            painter.drawText(QRectF(x, 4, width, line), Qt.AlignmentFlag.AlignLeft, text)
            x -= 16
            painter.fillRect(QRectF(x, 4 + line / 4, 10, line / 2), color)
            x -= 14
        top, bottom = 10 + 2 * line, self.height() - line - 10
        if not self.bars:
            painter.drawText(QRectF(0, top, self.width(), bottom - top), Qt.AlignmentFlag.AlignCenter,
                             tr("ui.stats.no_data"))
            return
        highest = max(max(parcels, mistakes) for _, parcels, mistakes in self.bars) or 1
        slot = (self.width() - 16) / len(self.bars)
        bar_width = max(2.0, min(36.0, slot * 0.35))
        painter.setPen(QColor("#cfd6de"))
        painter.drawLine(8, bottom, self.width() - 8, bottom)
        for position, (name, parcels, mistakes) in enumerate(self.bars):
            centre = 8 + slot * (position + 0.5)
            for offset, value, color in ((-bar_width, parcels, BAR), (0.0, mistakes, MISTAKE)):
                height = (bottom - top) * value / highest
                painter.fillRect(QRectF(centre + offset, bottom - height, bar_width, height), color)
                if value:
                    painter.setPen(QColor("#39424e"))
                    painter.drawText(QRectF(centre + offset - 10, bottom - height - line, bar_width + 20, line),
                                     Qt.AlignmentFlag.AlignHCenter, str(value))
            painter.setPen(QColor("#39424e"))
            painter.drawText(QRectF(centre - slot / 2, bottom + 2, slot, line), Qt.AlignmentFlag.AlignHCenter, name)


def _figure_row(name: str, figures: Figures) -> tuple[str, ...]:
    return (name, str(figures.parcels), duration(figures.median_seconds), str(figures.mistakes_total),
            *(str(figures.mistakes[kind]) for kind in figures.mistakes))


class StatisticsWindow(QDialog):
    """Today's or the week's figures; ``now`` is the clock (tests give a fixed one)."""

    def __init__(self, *, now: Callable[[], dt.datetime] = utcnow, parent: QWidget | None = None) -> None:
        from packstation.services.statistics import MISTAKES

        super().__init__(parent)
        self.now = now
        self.stats: Statistics | None = None
        self.setWindowTitle(tr("ui.stats.title"))
        self.resize(1100, 720)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("ui.stats.period")))
        self.period = QComboBox()
        self.period.addItem(tr("ui.stats.today"), TODAY)
        self.period.addItem(tr("ui.stats.week"), WEEK)
        self.period.currentIndexChanged.connect(self.refresh)
        top.addWidget(self.period)
        self.period_label = QLabel()
        top.addWidget(self.period_label)
        top.addStretch(1)
        self.export_button = QPushButton(tr("ui.stats.export"))
        self.export_button.clicked.connect(self.export_csv)
        top.addWidget(self.export_button)
        layout.addLayout(top)

        figures = QHBoxLayout()
        self.big: dict[str, QLabel] = {}
        for key in ("parcels", "median", "mistakes"):
            box = QFrame()
            box.setStyleSheet("QFrame { background: #eef1f5; border-radius: 6px; }")
            inner = QVBoxLayout(box)
            caption = QLabel(tr(f"ui.stats.figure.{key}"))
            caption.setStyleSheet("color: #5b6673; font-weight: bold; background: transparent;")
            value = QLabel("—")
            value.setStyleSheet("font-size: 24pt; font-weight: bold; background: transparent;")
            inner.addWidget(caption)
            inner.addWidget(value)
            self.big[key] = value
            figures.addWidget(box, 1)
        layout.addLayout(figures)

        self.chart = BarChart()
        layout.addWidget(self.chart, 2)
        headers = [tr("ui.stats.column.parcels"), tr("ui.stats.column.median"),
                   tr("ui.stats.column.mistakes"), *(i18n.tr(f"stats.mistake.{kind}") for kind in MISTAKES)]
        numeric = range(1, 4 + len(MISTAKES))
        self.packer_model = RowsModel([tr("ui.stats.column.packer"), *headers], self, numeric=numeric)
        self.time_model = RowsModel([tr("ui.stats.column.hour"), *headers], self, numeric=numeric)
        tables = QGridLayout()
        self.packer_box = QGroupBox(tr("ui.stats.per_packer"))
        QVBoxLayout(self.packer_box).addWidget(make_table(self.packer_model))
        self.time_box = QGroupBox(tr("ui.stats.per_hour"))
        QVBoxLayout(self.time_box).addWidget(make_table(self.time_model))
        # One above the other: each table has a column per kind of mistake and needs the width.
        tables.addWidget(self.packer_box, 0, 0)
        tables.addWidget(self.time_box, 1, 0)
        layout.addLayout(tables, 3)
        self.message = QLabel()
        layout.addWidget(self.message)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        from packstation.services.statistics import last_7_days, statistics_for, today

        week = self.period.currentData() == WEEK
        now = self.now()
        stats = statistics_for(last_7_days(now) if week else today(now))
        self.stats = stats
        self.period_label.setText(tr("ui.stats.from_to", first=_day(stats.period.first_day),
                                          last=_day(stats.period.last_day)) if week
                                  else _day(stats.period.first_day))
        self.big["parcels"].setText(str(stats.total.parcels))
        self.big["median"].setText(duration(stats.total.median_seconds))
        self.big["mistakes"].setText(str(stats.total.mistakes_total))
        self.packer_model.set_rows([_figure_row(f.key or i18n.tr("stats.no_packer"), f)
                                    for f in stats.per_packer])
        if week:
            groups = [(_day(dt.date.fromisoformat(f.key), short=True), f) for f in stats.per_day]
            self.time_model.headers[0] = tr("ui.stats.column.day")
            self.time_box.setTitle(tr("ui.stats.per_day"))
            title = tr("ui.stats.chart.day")
        else:
            groups = [(i18n.tr("stats.hour", hour=f.key), f) for f in stats.per_hour]
            self.time_model.headers[0] = tr("ui.stats.column.hour")
            self.time_box.setTitle(tr("ui.stats.per_hour"))
            title = tr("ui.stats.chart.hour")
        self.time_model.set_rows([_figure_row(name, f) for name, f in groups])
        self.time_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 0)
        self.chart.set_bars(title, [(name, f.parcels, f.mistakes_total) for name, f in groups])

    def export_csv(self, path: str | None = None) -> str | None:
        from packstation.services.statistics import to_csv

        if self.stats is None:
            return None
        if not path:
            suggested = f"statistiques-{self.stats.period.first_day}-{self.stats.period.last_day}.csv"
            path, _ = QFileDialog.getSaveFileName(self, tr("ui.stats.export"), suggested,
                                                  tr("ui.stats.csv_filter"), options=FILE_DIALOG_OPTIONS)
            if not path:
                return None
        try:
            written = to_csv(self.stats, path)
        except PackstationError as error:
            show_error(self, error)
            return None
        self.message.setText(tr("ui.stats.exported", path=str(written)))
        return str(written)


def _day(day: dt.date, *, short: bool = False) -> str:
    return date_text(day, year=not short)
