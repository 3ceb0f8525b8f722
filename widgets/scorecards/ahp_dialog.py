"""Derive weights by pairwise comparison (AHP) with the consistency ratio shown."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from models.scorecards.ahp import (
    CR_LIMIT,
    AhpError,
    ahp_weights,
    reciprocal_matrix,
    rounded_weights,
)


class AhpDialog(QDialog):
    """Upper-triangle judgements a_ij (1/9 … 9: how much more important row is than
    column); ``weights`` holds the derived weights (sum 100, 0.1 steps) when accepted."""

    def __init__(self, names: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Weights by pairwise comparison (AHP)"))
        self.names = list(names)
        self.weights: tuple[float, ...] = ()
        n = len(names)
        grid = QGridLayout()
        self.spins: dict[tuple[int, int], QDoubleSpinBox] = {}
        for j, name in enumerate(names):
            grid.addWidget(QLabel(short(name)), 0, j + 1)
        for i, name in enumerate(names):
            grid.addWidget(QLabel(short(name)), i + 1, 0)
            for j in range(i + 1, n):
                spin = QDoubleSpinBox()
                spin.setRange(1 / 9, 9)
                spin.setDecimals(3)
                spin.setSingleStep(1)
                spin.setValue(1.0)
                spin.setAccessibleName(self.tr("%1 compared with %2").replace(
                    "%1", short(name)).replace("%2", short(names[j])))
                spin.valueChanged.connect(self._recompute)
                self.spins[(i, j)] = spin
                grid.addWidget(spin, i + 1, j + 1)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("Each cell: how much more important the row is than the column "
                              "(1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme; "
                              "below 1 for less important)."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(grid)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self._recompute()

    def set_judgement(self, i: int, j: int, value: float) -> None:
        self.spins[(i, j)].setValue(value)

    def _recompute(self) -> None:
        try:
            m = reciprocal_matrix({k: s.value() for k, s in self.spins.items()}, len(self.names))
            res = ahp_weights(m)
        except AhpError as exc:
            self.result_label.setText(str(exc))
            return
        self.weights = rounded_weights(res.weights)
        self.cr = res.cr
        text = self.tr("Weights: %1 — consistency ratio CR = %2").replace(
            "%1", ", ".join(f"{short(n)} {w:.1f}" for n, w in zip(self.names, self.weights,
                                                                  strict=True))
        ).replace("%2", f"{res.cr:.3f}")
        if res.cr > CR_LIMIT:
            text += "\n" + self.tr("Warning: CR is above 0.10 — the comparisons contradict each "
                                   "other; revise them before using these weights.")
            self.result_label.setStyleSheet("color: #b00020;")
        else:
            self.result_label.setStyleSheet("")
        self.result_label.setText(text)


def short(name: str) -> str:
    """The first part of a bilingual "中文 / English" name."""
    return name.split(" / ")[0]
