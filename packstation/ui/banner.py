"""The countdown banner: one coloured tile per carrier, readable from a step back.

Each tile says when the carrier comes, how long is left, and whether the orders left
fit at the table's pace: green on track, amber tight, red behind. Once the day's last
pickup has gone, the tile shows the next one and its projection ("demain 15:00 — 12
commandes restantes… dans les temps"): the orders left count for that one.
The projections come from :func:`packstation.services.pickups.carrier_projections`
(computed off the UI thread by the window); this module only shows them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from packstation.core import i18n
from packstation.core.carriers import CarrierSchedule
from packstation.core.pickups import Projection, format_duration
from packstation.services.pickups import CarrierProjection
from packstation.ui import theme
from packstation.ui.formats import date_text
from packstation.ui.texts import tr


@dataclass(frozen=True)
class TileText:
    """What one carrier's tile shows, worked out before any widget is touched."""

    state: str  # a core.pickups state
    title: str
    big: str
    detail: str
    tooltip: str


def _day_and_time(projection: Projection) -> str:
    pickup = projection.next_pickup
    assert pickup is not None
    today = projection.now.astimezone(pickup.tzinfo).date()
    ahead = (pickup.date() - today).days
    if ahead == 0:
        return pickup.strftime("%H:%M")
    if ahead == 1:
        day = i18n.tr("pickups.tomorrow")
    elif ahead < 7:
        day = i18n.tr(f"pickups.weekday.{pickup.weekday()}")
    else:
        day = date_text(pickup.date(), year=False)
    return f"{day} {pickup.strftime('%H:%M')}"


def tile_text(item: CarrierProjection, schedule: CarrierSchedule | None = None) -> TileText:
    p = item.projection
    state = p.state
    if p.next_pickup is None:
        title = item.name
        big = "—"
    elif p.later_day:  # the evening, a weekend: the next pickup is the news, not a countdown
        title = tr("ui.banner.next_title", carrier=item.name)
        big = _day_and_time(p)
    else:
        title = tr("ui.banner.title", carrier=item.name, when=_day_and_time(p))
        big = format_duration(p.seconds_left or 0)
    count_key = "pickups.work.one" if p.orders_left == 1 else "pickups.work.many"
    if state == "none_left":
        detail = i18n.tr("pickups.work.none_left")
    else:
        detail = i18n.tr(count_key, count=p.orders_left,
                         work=format_duration(p.work_seconds, round_up=True))
        if state == "behind":
            key = "pickups.state.behind_one" if p.orders_missing == 1 else "pickups.state.behind_many"
            detail += " — " + i18n.tr(key, missing=p.orders_missing)
        elif state == "tight":
            detail += " — " + i18n.tr("pickups.state.tight",
                                      margin=format_duration(p.margin_seconds or 0))
        elif state == "on_track":
            detail += " — " + i18n.tr("pickups.state.on_track")
    if p.blocked:
        detail += i18n.tr("pickups.blocked.one" if p.blocked == 1 else "pickups.blocked.many",
                          count=p.blocked)
    return TileText(state, title, big, detail, item.summary)


class CarrierTile(QFrame):
    """One carrier: name and pickup time, the time left in large type, the verdict."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("carrierTile")
        self.text: TileText | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 5)
        layout.setSpacing(0)
        self.title = QLabel()
        self.big = QLabel()
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        for label in (self.title, self.big, self.detail):
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        self.title.setStyleSheet("font-size: 11pt; font-weight: bold;")
        self.big.setStyleSheet(f"font-size: {theme.BANNER_BIG_PT}pt; font-weight: bold;")
        self.detail.setStyleSheet("font-size: 9pt;")
        # Two lines of verdict whatever it says, so that the tiles (and the queue under
        # them) do not jump when a verdict grows or shrinks by a line.
        self.detail.ensurePolished()
        self.detail.setMinimumHeight(2 * self.detail.fontMetrics().lineSpacing())
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def show_text(self, text: TileText) -> None:
        self.text = text
        self.title.setText(text.title)
        self.big.setText(text.big)
        self.detail.setText(text.detail)
        self.setToolTip(text.tooltip)
        swatch = theme.BANNER_SWATCHES.get(text.state, theme.IDLE)
        self.setStyleSheet(f"QFrame#carrierTile {{ {theme.swatch_css(swatch)} border-radius: 6px; }}"
                           f" QLabel {{ color: {swatch.foreground}; background: transparent; }}")


class CountdownBanner(QWidget):
    """A row of carrier tiles, the carrier whose pickup comes first on the left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles: list[CarrierTile] = []
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._waiting = QLabel(tr("ui.banner.loading"))
        self._layout.addWidget(self._waiting)
        self.updated_at: dt.datetime | None = None

    def show_projections(self, items: list[CarrierProjection],
                         schedules: dict[str, CarrierSchedule] | None = None) -> None:
        schedules = schedules or {}
        texts = [tile_text(item, schedules.get(item.carrier)) for item in items]
        self._waiting.setVisible(not texts)
        self._waiting.setText(tr("ui.banner.no_carrier"))
        while len(self.tiles) < len(texts):
            tile = CarrierTile(self)
            self._layout.addWidget(tile, 1)
            self.tiles.append(tile)
        while len(self.tiles) > len(texts):
            tile = self.tiles.pop()
            self._layout.removeWidget(tile)
            tile.deleteLater()
        for tile, text in zip(self.tiles, texts):
            tile.show_text(text)
        self.updated_at = items[0].projection.now if items else None

    def states(self) -> list[str]:
        return [tile.text.state for tile in self.tiles if tile.text is not None]
