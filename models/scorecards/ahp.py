"""Weights from pairwise comparisons (AHP, Saaty): the principal eigenvector.

``matrix[i][j]`` says how much more important criterion *i* is than *j* on Saaty's
1–9 scale (reciprocals below the diagonal). The weights are the principal right
eigenvector scaled to sum to 100; the consistency index CI = (λmax − n)/(n − 1) and the
consistency ratio CR = CI / RI with Saaty's random index RI. A CR above 0.10 means the
judgements contradict each other too much to be trusted (:data:`CR_LIMIT`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

CR_LIMIT = 0.10
RANDOM_INDEX: dict[int, float] = {
    1: 0.0, 2: 0.0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45,
    10: 1.49, 11: 1.51, 12: 1.48, 13: 1.56, 14: 1.57, 15: 1.59,
}
"""Saaty's random consistency index by matrix size (Saaty 1980, extended to 15)."""


class AhpError(ValueError):
    """The matrix is not a square, positive, reciprocal comparison matrix."""


@dataclass(frozen=True)
class AhpResult:
    """Weights (sum 100), λmax, CI, CR (0 for n ≤ 2) and whether CR exceeds 0.10."""

    weights: tuple[float, ...]
    lambda_max: float
    ci: float
    cr: float

    @property
    def inconsistent(self) -> bool:
        return self.cr > CR_LIMIT


def reciprocal_matrix(upper: dict[tuple[int, int], float], n: int) -> list[list[float]]:
    """The full matrix from judgements above the diagonal ``{(i, j): a_ij}`` (i < j)."""
    m = [[1.0] * n for _ in range(n)]
    for (i, j), value in upper.items():
        if value <= 0:
            raise AhpError(f"judgement {value} for ({i}, {j}) must be positive")
        m[i][j], m[j][i] = float(value), 1.0 / float(value)
    return m


def ahp_weights(matrix: Sequence[Sequence[float]]) -> AhpResult:
    """Principal-eigenvector weights and consistency of a pairwise comparison matrix.

    Raises :class:`AhpError` when the matrix is not square, has non-positive entries,
    a diagonal other than 1, or is not reciprocal (tolerance 1e-6), or n > 15.
    """
    a = np.asarray(matrix, dtype=float)
    if a.ndim != 2 or a.shape[0] != a.shape[1] or a.shape[0] == 0:
        raise AhpError("the comparison matrix must be square")
    n = a.shape[0]
    if n > max(RANDOM_INDEX):
        raise AhpError(f"at most {max(RANDOM_INDEX)} criteria can be compared")
    if (a <= 0).any() or not np.allclose(np.diag(a), 1.0):
        raise AhpError("entries must be positive with 1 on the diagonal")
    if not np.allclose(a * a.T, 1.0, atol=1e-6):
        raise AhpError("the matrix is not reciprocal (a_ji must be 1/a_ij)")
    values, vectors = np.linalg.eig(a)
    k = int(np.argmax(values.real))
    lam = float(values[k].real)
    vec = np.abs(vectors[:, k].real)
    weights = vec / vec.sum() * 100.0
    ci = (lam - n) / (n - 1) if n > 2 else 0.0
    ri = RANDOM_INDEX[n]
    cr = ci / ri if ri > 0 else 0.0
    return AhpResult(tuple(float(w) for w in weights), lam, max(ci, 0.0), max(cr, 0.0))


def rounded_weights(weights: Sequence[float], decimals: int = 1) -> tuple[float, ...]:
    """``weights`` rounded to ``decimals`` so that they still sum to exactly 100
    (largest remainder; ties go to the earlier criterion)."""
    unit = 10**decimals
    scaled = [w * unit for w in weights]
    floors = [int(np.floor(x)) for x in scaled]
    short = 100 * unit - sum(floors)
    order = sorted(range(len(scaled)), key=lambda i: (-(scaled[i] - floors[i]), i))
    for i in order[: max(short, 0)]:
        floors[i] += 1
    return tuple(f / unit for f in floors)
