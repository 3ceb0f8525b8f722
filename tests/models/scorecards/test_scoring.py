"""Scoring against hand-computed cases (issue 6, acceptance 1)."""

from __future__ import annotations

import math

import pytest

from models.orm import DEFAULT_GRADE_BANDS
from models.scorecards.ahp import AhpError, ahp_weights, reciprocal_matrix, rounded_weights
from models.scorecards.normalise import NormalisationError, banded, linear, normalise
from models.scorecards.scoring import (
    CriterionSpec,
    Rankable,
    grade_for,
    rank,
    score_evaluation,
    trimmed_mean,
)
from models.scorecards.sensitivity import (
    VendorScores,
    scenarios,
    shifted_weights,
    smallest_tipping,
)

BANDS = DEFAULT_GRADE_BANDS


def test_linear_higher_is_better_with_clamping() -> None:
    assert linear(84, 70, 98) == pytest.approx(50.0)  # (84-70)/(98-70)*100
    assert linear(70, 70, 98) == 0.0
    assert linear(98, 70, 98) == 100.0
    assert linear(60, 70, 98) == 0.0  # clamped below
    assert linear(99.5, 70, 98) == 100.0  # clamped above


def test_linear_lower_is_better_when_worst_above_best() -> None:
    assert linear(2.75, 5.0, 0.5) == pytest.approx(50.0)  # (2.75-5)/(0.5-5)*100
    assert linear(1.4, 5.0, 0.5) == pytest.approx(80.0)
    assert linear(7.0, 5.0, 0.5) == 0.0
    assert linear(0.1, 5.0, 0.5) == 100.0


def test_linear_refuses_an_empty_range() -> None:
    with pytest.raises(NormalisationError):
        linear(1, 3, 3)
    with pytest.raises(NormalisationError):
        normalise(1, "linear", None, 3)


def test_bands_pick_the_greatest_threshold_not_above_the_value() -> None:
    price = [{"min": 0, "score": 100}, {"min": 95, "score": 85}, {"min": 100, "score": 70},
             {"min": 105, "score": 50}, {"min": 110, "score": 20}]
    assert banded(94.9, price) == 100
    assert banded(95.0, price) == 85
    assert banded(104.99, price) == 70
    assert banded(130, price) == 20
    assert banded(-1, price) == 0  # below every threshold
    with pytest.raises(NormalisationError):
        banded(1, [])


def _c(cid: int, weight: float, rule: str = "reweight") -> CriterionSpec:
    return CriterionSpec(id=cid, position=cid, name=f"c{cid}", weight=weight,
                         source="vendor_metric", worst=0.0, best=100.0, missing_rule=rule)


def test_total_is_weighted_mean_and_points_add_up() -> None:
    crit = [_c(1, 50), _c(2, 30), _c(3, 20)]
    r = score_evaluation(crit, {1: 90, 2: 80, 3: 60}, BANDS)
    # (50*90 + 30*80 + 20*60) / 100 = 81
    assert r.total == pytest.approx(81.0)
    assert r.grade == "B"
    assert sum(v.points or 0 for v in r.criteria) == pytest.approx(81.0)
    assert not r.incomplete


def test_missing_criterion_is_reweighted() -> None:
    crit = [_c(1, 50), _c(2, 30), _c(3, 20)]
    r = score_evaluation(crit, {1: 90, 2: 80, 3: None}, BANDS)
    # (50*90 + 30*80) / 80 = 86.25; 20 % missing is not more than 20 % → complete
    assert r.total == pytest.approx(86.25)
    assert r.missing_weight_pct == pytest.approx(20.0)
    assert not r.incomplete and r.grade == "B"
    assert r.criteria[2].missing and r.criteria[2].score is None


def test_more_than_20_percent_missing_is_incomplete_without_grade() -> None:
    crit = [_c(1, 50), _c(2, 25), _c(3, 25)]
    r = score_evaluation(crit, {1: 95}, BANDS)
    assert r.total == pytest.approx(95.0)
    assert r.missing_weight_pct == pytest.approx(50.0)
    assert r.incomplete and r.grade is None


def test_zero_rule_scores_zero_and_counts_the_weight() -> None:
    crit = [_c(1, 50), _c(2, 50, "zero")]
    r = score_evaluation(crit, {1: 80}, BANDS)
    assert r.total == pytest.approx(40.0)  # (50*80 + 50*0) / 100
    assert r.grade == "D" and not r.incomplete
    assert r.criteria[1].substituted == "zero" and r.criteria[1].missing


def test_carry_rule_uses_last_period_and_falls_back_to_reweight() -> None:
    crit = [_c(1, 60), _c(2, 40, "carry")]
    r = score_evaluation(crit, {1: 80}, BANDS, carried={2: 70.0})
    assert r.total == pytest.approx((60 * 80 + 40 * 70) / 100)  # 76
    assert r.criteria[1].raw == 70.0 and r.criteria[1].substituted == "carry"
    r2 = score_evaluation(crit, {1: 80}, BANDS)  # nothing to carry → reweighted
    assert r2.total == pytest.approx(80.0) and r2.incomplete  # 40 % missing


def test_veto_gives_d_whatever_the_total_with_the_reason() -> None:
    crit = [_c(1, 100)]
    r = score_evaluation(crit, {1: 97}, BANDS, veto_reason="business licence expired")
    assert r.total == pytest.approx(97.0)
    assert r.grade == "D" and r.veto_reason == "business licence expired"


def test_grade_bands_boundaries() -> None:
    assert grade_for(90.0, BANDS) == "A"
    assert grade_for(89.999, BANDS) == "A"  # rounded to 2 decimals, as in the xlsx
    assert grade_for(89.99, BANDS) == "B"
    assert grade_for(60.0, BANDS) == "C"
    assert grade_for(0.0, BANDS) == "D"


def test_trimmed_mean_drops_high_and_low_from_five() -> None:
    t = trimmed_mean({"a": 60, "b": 70, "c": 80, "d": 90, "e": 100})
    assert t.mean == pytest.approx(80.0)
    assert (t.dropped_high, t.dropped_low) == ("e", "a")
    four = trimmed_mean({"a": 60, "b": 70, "c": 80, "d": 90})
    assert four.mean == pytest.approx(75.0) and four.dropped_high is None
    same = trimmed_mean({n: 50.0 for n in "abcde"})
    assert same.dropped_high != same.dropped_low and same.mean == 50.0
    assert trimmed_mean({}).mean is None


def test_rank_ties_share_a_rank_vetoed_last_incomplete_unranked() -> None:
    items = [
        Rankable("v1", "cleaning", 88.0), Rankable("v2", "cleaning", 92.0),
        Rankable("v3", "cleaning", 88.0), Rankable("v4", "cleaning", 95.0, vetoed=True),
        Rankable("v5", "cleaning", 70.0), Rankable("v6", "cleaning", 99.0, incomplete=True),
        Rankable("s1", "security", 50.0),
    ]
    r = rank(items)
    assert r == {"v2": 1, "v1": 2, "v3": 2, "v5": 4, "v4": 5, "v6": None, "s1": 1}


def test_ahp_consistent_matrix_has_cr_zero() -> None:
    res = ahp_weights([[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]])
    assert res.weights == pytest.approx((400 / 7, 200 / 7, 100 / 7))
    assert res.lambda_max == pytest.approx(3.0)
    assert res.cr == pytest.approx(0.0, abs=1e-9)


def test_ahp_textbook_three_by_three() -> None:
    # For a 3×3 reciprocal matrix (a12=a, a13=b, a23=c) the textbook closed form is
    # λmax = 1 + (b/(ac))^(1/3) + (ac/b)^(1/3), and the eigenvector equals the row
    # geometric means. With a=3, b=5, c=3: λmax = 3.0385, CI = 0.0193, CR = 0.0332.
    m = reciprocal_matrix({(0, 1): 3, (0, 2): 5, (1, 2): 3}, 3)
    res = ahp_weights(m)
    lam = 1 + (5 / 9) ** (1 / 3) + (9 / 5) ** (1 / 3)
    assert res.lambda_max == pytest.approx(lam)
    assert res.cr == pytest.approx((lam - 3) / 2 / 0.58)
    assert res.cr == pytest.approx(0.0332, abs=1e-4) and not res.inconsistent
    geo = [math.prod(row) ** (1 / 3) for row in m]
    assert res.weights == pytest.approx(tuple(g / sum(geo) * 100 for g in geo))
    assert sum(rounded_weights(res.weights)) == pytest.approx(100.0)


def test_ahp_intransitive_judgement_is_flagged() -> None:
    # An intransitive judgement (1 ≫ 2 ≫ 3 ≫ 1) must be flagged (CR > 0.10).
    bad = reciprocal_matrix({(0, 1): 9, (0, 2): 1 / 9, (1, 2): 9}, 3)
    res = ahp_weights(bad)
    assert res.lambda_max == pytest.approx(1 + 1 / 9 + 9)
    assert res.inconsistent
    with pytest.raises(AhpError):
        ahp_weights([[1, 2], [2, 1]])


def test_shifted_weights_keep_the_sum() -> None:
    w = {1: 50.0, 2: 30.0, 3: 20.0}
    s = shifted_weights(w, 3, 10)
    assert s[3] == 30 and s[1] == pytest.approx(50 * 70 / 80) and sum(s.values()) == 100
    assert shifted_weights(w, 3, -30)[3] == 0.0


def test_sensitivity_and_smallest_change_of_first_place() -> None:
    # A is strong on criterion 1, B on criterion 2. Weights 60/40:
    # A = 0.6*90 + 0.4*60 = 78, B = 0.6*70 + 0.4*90 = 78 → tie; use 62/38 for a lead:
    w = {1: 62.0, 2: 38.0}
    vendors = [VendorScores("A", "A", {1: 90, 2: 60}), VendorScores("B", "B", {1: 70, 2: 90})]
    # A = 78.6, B = 77.6. First place changes once w1 < 60 (tie at 60 changes the leader set).
    tip = smallest_tipping(vendors, w)
    assert tip is not None and tip.criterion_id == 1 and tip.delta == pytest.approx(-2.0)
    sc = {(s.criterion_id, s.delta): s for s in scenarios(vendors, w)}
    assert sc[(1, 5.0)].ranks == {"A": 1, "B": 2} and not sc[(1, 5.0)].leader_changed
    assert sc[(2, 5.0)].ranks == {"B": 1, "A": 2} and sc[(2, 5.0)].leader_changed
