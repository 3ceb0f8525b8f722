"""``servicelens kpi`` through the real entry point (DESIGN.md "Command line")."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from models.db import Database
from tests.models.kpi.helpers import T0, D, H, M, add_tickets, add_vendor_and_site
from tests.models.kpi.test_compute import AS_OF, SCENARIO


def run_json(capsys: pytest.CaptureFixture[str], db: Database, *args: str) -> dict:  # type: ignore[type-arg]
    assert main(["--db", db.url, "kpi", "--json", *args]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    return json.loads(out)  # type: ignore[no-any-return]


def test_kpi_json_by_hand(capsys: pytest.CaptureFixture[str], db: Database) -> None:
    add_tickets(db, SCENARIO)
    j = run_json(capsys, db, "--from", "2026-03-02", "--to", "2026-03-09", "--tz", "UTC",
                 "--as-of", AS_OF.isoformat())
    assert j["volume"] == 7
    assert j["frt_median_min"] == pytest.approx(30.0)
    assert j["frt_p90_min"] == pytest.approx(108.0)
    assert j["resolution_median_h"] == pytest.approx(6.0)
    assert j["resolution_p90_h"] == pytest.approx(18.4)
    assert j["response_sla_met_pct"] == pytest.approx(100 * 4 / 6)
    assert j["resolution_sla_met_pct"] == pytest.approx(100 * 4 / 6)
    assert j["response_sla_pending"] == 1
    assert j["resolution_rate_pct"] == pytest.approx(100 * 5 / 7)
    assert j["csat_score"] == pytest.approx(50.0)
    assert j["csat_satisfied_pct"] == pytest.approx(50.0)
    assert j["nps"] == pytest.approx(25.0)
    assert j["complaint_rate_pct"] == pytest.approx(100 * 4 / 7)
    assert j["complaint_closure_pct"] == pytest.approx(75.0)
    assert j["overdue_complaints"] == 1
    assert j["repeat_complaints"] == 2
    assert j["pareto"] == [
        {"category": "B", "count": 3, "cum_pct": 75.0},
        {"category": "A", "count": 1, "cum_pct": 100.0},
    ]
    assert j["by_priority"]["P2"]["frt_median_min"] == pytest.approx(60.0)
    assert j["by_priority"]["P1"]["response_sla_pending"] == 1
    # --priority narrows everything
    p2 = run_json(capsys, db, "--from", "2026-03-02", "--to", "2026-03-09", "--tz", "UTC",
                  "--as-of", AS_OF.isoformat(), "--priority", "P2")
    assert p2["volume"] == 3 and p2["response_sla_met_pct"] == pytest.approx(100 / 3)


def test_dates_are_midnight_in_the_zone(capsys: pytest.CaptureFixture[str], db: Database) -> None:
    # 2 March 01:00 UTC is 09:00 in Shanghai; 1 March 20:00 UTC is 2 March 04:00 there
    add_tickets(db, [dict(created_at=T0 + H), dict(created_at=T0 - 4 * H)])
    day = ["--from", "2026-03-02", "--to", "2026-03-03", "--as-of", "2026-03-05T00:00:00+00:00"]
    assert run_json(capsys, db, *day, "--tz", "Asia/Shanghai")["volume"] == 2
    assert run_json(capsys, db, *day, "--tz", "UTC")["volume"] == 1
    offset = ["--from", "2026-03-02T00:30:00+00:00", "--to", "2026-03-02T02:00:00Z"]
    assert run_json(capsys, db, *offset)["volume"] == 1


def test_vendor_and_site_by_code_or_name(
    capsys: pytest.CaptureFixture[str], db: Database
) -> None:
    v1, v2, s1 = add_vendor_and_site(db)
    add_tickets(db, [
        dict(created_at=T0, vendor_id=v1, site_id=s1, priority="P2", frt=10 * M),
        dict(created_at=T0, vendor_id=v2, priority="P2", frt=2 * H),
        dict(created_at=T0 + D, vendor_id=v1),
    ])
    assert run_json(capsys, db, "--vendor", "V1", "--as-of", "2026-04-01")["volume"] == 2
    beta = run_json(capsys, db, "--vendor", "Beta", "--as-of", "2026-04-01")
    assert beta["volume"] == 1 and beta["response_sla_met_pct"] == 0.0
    assert run_json(capsys, db, "--site", "Store 1", "--as-of", "2026-04-01")["volume"] == 1


def test_empty_database_prints_nulls(capsys: pytest.CaptureFixture[str], db: Database) -> None:
    j = run_json(capsys, db)
    assert j["volume"] == 0 and j["csat_score"] is None and j["pareto"] == []
    assert j["by_priority"]["P1"]["frt_median_min"] is None


def test_table_output(capsys: pytest.CaptureFixture[str], db: Database) -> None:
    add_tickets(db, SCENARIO)
    assert main(["--db", db.url, "kpi", "--as-of", AS_OF.isoformat(), "--tz", "UTC"]) == 0
    out = capsys.readouterr().out
    assert "response SLA met" in out and "Pareto" in out and "P2" in out


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--from", "yesterday"], "not a date"),
        (["--tz", "Mars/Olympus"], "unknown time zone"),
        (["--priority", "P9"], "unknown priority"),
        (["--vendor", "nobody"], "unknown vendor"),
        (["--site", "nowhere"], "unknown site"),
        (["--from", "2026-03-02", "--to", "2026-03-01"], "--to must be after --from"),
    ],
)
def test_bad_input_is_one_line_exit_2(
    capsys: pytest.CaptureFixture[str], db: Database, args: list[str], fragment: str
) -> None:
    assert main(["--db", db.url, "kpi", *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and fragment in err and "Traceback" not in err
