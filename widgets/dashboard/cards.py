"""KPI cards: value, target and traffic light, delta against the previous period, sample
size (with a "thin" marker under 30), and a sparkline. A click (or Enter/Space on the
focused card) emits :attr:`KpiCard.clicked` with the card's KPI key.

Traffic light (issue 4): **met** when the value reaches the target in the KPI's
direction; **near** when it misses by at most 5 % of the target; **missed** otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from models.kpi.api import THIN_N, KpiResult, KpiTargetSpec
from widgets.dashboard import kpi_labels

Light = Literal["met", "near", "missed"]
LIGHT_COLOURS: dict[str, str] = {"met": "#2e9d5b", "near": "#e0a526", "missed": "#d64541"}


@dataclass(frozen=True)
class CardSpec:
    """A KPI key and how to read its value and sample size from a :class:`KpiResult`."""

    key: str
    value: Callable[[KpiResult], float | None]
    sample: Callable[[KpiResult], int]


CARDS: tuple[CardSpec, ...] = (
    CardSpec("volume", lambda k: float(k.volume), lambda k: k.volume),
    CardSpec("response_sla_met_pct", lambda k: k.response_sla_met_pct,
             lambda k: k.response_sla.rate.denominator),
    CardSpec("resolution_sla_met_pct", lambda k: k.resolution_sla_met_pct,
             lambda k: k.resolution_sla.rate.denominator),
    CardSpec("frt_median_min", lambda k: k.frt_median_min, lambda k: k.frt.n),
    CardSpec("resolution_median_h", lambda k: k.resolution_median_h,
             lambda k: k.resolution_time.n),
    CardSpec("resolution_rate_pct", lambda k: k.resolution_rate_pct,
             lambda k: k.resolution_rate.denominator),
    CardSpec("csat_score", lambda k: k.csat_score, lambda k: k.csat_n),
    CardSpec("nps", lambda k: k.nps, lambda k: k.nps_n),
    CardSpec("complaint_rate_pct", lambda k: k.complaint_rate_pct,
             lambda k: k.complaint_rate.denominator),
    CardSpec("complaint_closure_pct", lambda k: k.complaint_closure_pct,
             lambda k: k.complaint_closure.denominator),
    CardSpec("overdue_complaints", lambda k: float(k.overdue_complaints),
             lambda k: k.complaints),
    CardSpec("repeat_complaints", lambda k: float(k.repeat_complaints), lambda k: k.complaints),
    # shown only when the data carries them (models.kpi.api.OPTIONAL_KPIS)
    CardSpec("answered_30s_pct", lambda k: k.answered_30s_pct,
             lambda k: k.answered_30s.denominator),
    CardSpec("onsite_sla_met_pct", lambda k: k.onsite_sla_met_pct,
             lambda k: k.onsite_sla.rate.denominator),
)
COUNT_KEYS = ("volume", "overdue_complaints", "repeat_complaints")


def traffic_light(value: float | None, target: KpiTargetSpec | None) -> Light | None:
    """met / near (within 5 % of the target) / missed; None without value or target."""
    if value is None or target is None or value != value:
        return None
    t = target.target
    gap = (t - value) if target.higher_is_better else (value - t)
    if gap <= 0:
        return "met"
    return "near" if gap <= 0.05 * abs(t) else "missed"


def set_text_colour(label: QLabel, colour: QColor | None) -> None:
    """Colour a label through its palette (style sheets make a dozen cards slow to paint);
    ``None`` = the muted placeholder colour of the palette."""
    palette = label.palette()
    if colour is None:
        colour = palette.color(QPalette.ColorRole.PlaceholderText)
    if palette.color(QPalette.ColorRole.WindowText) != colour:
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        label.setPalette(palette)


class Sparkline(QWidget):
    """A small line over the buckets of the period (NaN buckets leave gaps)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: npt.NDArray[np.float64] = np.zeros(0)
        self.setFixedHeight(26)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_values(self, values: npt.NDArray[np.float64]) -> None:
        self.values = np.asarray(values, dtype=np.float64)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        finite = self.values[~np.isnan(self.values)] if self.values.size else self.values
        if finite.size < 2:
            return
        lo, hi = float(finite.min()), float(finite.max())
        span = hi - lo or 1.0
        rect = QRectF(self.rect()).adjusted(2, 3, -2, -3)
        n = self.values.size
        path = QPainterPath()
        pen_down = False
        last = QPointF()
        for i, v in enumerate(self.values):
            if np.isnan(v):
                pen_down = False
                continue
            last = QPointF(rect.left() + rect.width() * i / max(n - 1, 1),
                           rect.bottom() - rect.height() * (float(v) - lo) / span)
            path.lineTo(last) if pen_down else path.moveTo(last)
            pen_down = True
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#3b7dd8"), 1.5))
        painter.drawPath(path)
        painter.setBrush(QColor("#3b7dd8"))
        painter.drawEllipse(last, 2.5, 2.5)
        painter.end()


class KpiCard(QFrame):
    """One KPI card; ``clicked(key)`` asks for the tickets behind it."""

    clicked = Signal(str)

    def __init__(self, spec: CardSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName("kpiCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(kpi_labels.title(spec.key))
        self.setMinimumWidth(150)
        self.title = QLabel(kpi_labels.title(spec.key))
        self.title.setWordWrap(True)
        self.light = QLabel("●")
        light_font = self.light.font()
        light_font.setPointSizeF(light_font.pointSizeF() * 1.6)
        self.light.setFont(light_font)
        self.light.setAccessibleName(self.tr("Status"))
        self.value = QLabel("—")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.value.setFont(font)
        self.target = QLabel()
        self.delta = QLabel()
        self.sample = QLabel()
        for label in (self.target, self.delta, self.sample):
            set_text_colour(label, None)
        self.sparkline = Sparkline()
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.light, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(1)
        layout.addLayout(head)
        layout.addWidget(self.value)
        layout.addWidget(self.target)
        layout.addWidget(self.delta)
        layout.addWidget(self.sample)
        layout.addWidget(self.sparkline)
        self.value_number: float | None = None
        self.status: Light | None = None

    def show_result(self, kpis: KpiResult, previous: KpiResult | None,
                    target: KpiTargetSpec | None) -> None:
        key = self.spec.key
        value = self.spec.value(kpis)
        n = self.spec.sample(kpis)
        self.value_number = value
        thin = n < THIN_N and key not in COUNT_KEYS
        self.value.setText(kpi_labels.format_value(key, value))
        set_text_colour(self.value, None if thin else self.palette().color(
            QPalette.ColorRole.WindowText))
        self.status = traffic_light(value, target)
        status_text = {"met": self.tr("target met"), "near": self.tr("within 5 % of target"),
                       "missed": self.tr("target missed")}
        colour = LIGHT_COLOURS.get(self.status or "", "#b0b0b0")
        set_text_colour(self.light, QColor(colour))
        self.light.setToolTip(status_text.get(self.status or "", self.tr("no target")))
        self.light.setAccessibleDescription(self.light.toolTip())
        if target is None:
            self.target.setText(self.tr("no target"))
        else:
            sign = "≥" if target.higher_is_better else "≤"
            self.target.setText(self.tr("target %1 %2").replace("%1", sign).replace(
                "%2", kpi_labels.format_value(key, target.target)))
        text, colour = self._delta_text(value, previous, target)
        self.delta.setText(text)
        set_text_colour(self.delta, QColor(colour) if colour else None)
        sample = self.tr("n = %1").replace("%1", f"{n:,}")
        if thin:
            sample += " · " + self.tr("thin (n < 30)")
        self.sample.setText(sample)
        self.setToolTip(self.tr("Click to list the tickets: %1").replace(
            "%1", kpi_labels.drill(key)[1]))

    def _delta_text(self, value: float | None, previous: KpiResult | None,
                    target: KpiTargetSpec | None) -> tuple[str, str | None]:
        """The delta against the previous period and its colour (None: muted)."""
        before = self.spec.value(previous) if previous is not None else None
        if value is None or before is None or value != value or before != before:
            return self.tr("no previous period"), None
        diff = value - before
        key = self.spec.key
        unit = self.tr("pp") if key.endswith("_pct") else kpi_labels.unit(key)
        arrow = "▲" if diff > 0 else "▼" if diff < 0 else "＝"
        better = target.higher_is_better if target else kpi_labels.higher_is_better(key)
        good = (diff > 0) == better if diff else None
        colour = "#2e9d5b" if good else "#d64541" if good is False else "#888888"
        amount = f"{abs(diff):,.0f}" if key in COUNT_KEYS else f"{abs(diff):,.1f}"
        text = self.tr("%1 %2 vs previous").replace("%1", f"{arrow} {amount}").replace(
            "%2", unit).replace("  ", " ")
        return text, colour

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit(self.spec.key)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit(self.spec.key)
            return
        super().keyPressEvent(event)


def layout_cards(grid: QGridLayout, cards: dict[str, KpiCard], shown: list[str],
                 columns: int) -> None:
    """Put the ``shown`` cards into ``grid`` in rows of ``columns`` (wider rows would not
    fit beside the alerts panel) and hide the others (optional cards without data)."""
    for card in cards.values():
        grid.removeWidget(card)
        if card.spec.key not in shown:
            card.hide()
    for i, key in enumerate(shown):
        card = cards[key]
        grid.addWidget(card, i // columns, i % columns)
        if card.isHidden() and card.parentWidget() is not None:  # (no window of its own)
            card.show()


__all__ = [
    "CARDS", "CardSpec", "KpiCard", "Sparkline", "layout_cards", "traffic_light",
]
