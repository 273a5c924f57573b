"""metrics: stage durations, data-quality rules, censoring, groups, bottlenecks,
sentence ranges and caseload, against values worked out by hand."""

from __future__ import annotations

import datetime
import json
import math
import statistics
from fractions import Fraction
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.test_store_factories import VERSIONS, ChargeSpec, DefendantSpec, make_case

from atlas_courts.cli import cli
from atlas_courts.errors import UsageError
from atlas_courts.metrics import (
    Case,
    compute_metrics,
    import_cases,
    load_mapping,
    render_text,
    sentence_position,
    summarise,
)
from atlas_courts.metrics.structured import MAPPINGS_DIR, check_mapping
from atlas_courts.metrics.timeline import QualityCounts, clean_dates, timeline
from atlas_courts.resolve.statutes import Catalog
from atlas_courts.store import load_catalog, open_db, record_run, store_document

TODAY = datetime.date(2026, 1, 1)
D = datetime.date.fromisoformat

# --------------------------------------------------------------------------- a small structured export
# Five defendants; the export is "as of" 2021-03-01 (declared in the mapping).
#   row  court    arrest      charged     terminated  1589 (0-240 m)   1591 (120 m - )
#   1    Court X  2020-01-01  2020-01-11  2020-07-09  guilty, 12 m     -
#   2    Court X  2020-01-01  2020-01-21  (pending)   -                -
#   3    Court X  2020-02-01  2020-02-11  2021-02-10  guilty, 24 m     -
#   4    Court Y  2020-03-01  2020-03-31  2020-06-29  -                guilty, 6 m
#   5    Court X  2020-11-21  2020-12-01  (pending)   -                -
# arrest -> indictment: X 10, 20, 10, 10; Y 30 (nothing pending in this stage: "complete").
# indictment -> disposition: 180 (ended), 405 (pending at 2021-03-01), 365, 90, 90 (pending).
STRUCTURED_CSV = """Export of the case-management system,,,,,,,,,,,,
Id,Court,Office,Arrested,Charged,Terminated,1589,Counts1589,Guilty1589,Sent1589,1591,Counts1591,Guilty1591,Sent1591,Total
(reference),,,MM/DD/YYYY,MM/DD/YYYY,MM/DD/YYYY,,,,,,,,,
1,Court X,Office X,01/01/2020,01/11/2020,07/09/2020,1,2,2,12,0,,,,12
2,Court X,Office X,01/01/2020,01/21/2020,,1,1,,,0,,,,
3,Court X,Office X,02/01/2020,02/11/2020,02/10/2021,1,1,1,24,0,,,,24
4,Court Y,Office Y,03/01/2020,03/31/2020,06/29/2020,0,,,,1,1,1,6,6
5,Court X,Office X,11/21/2020,12/01/2020,,0,,,,1,1,,,
"""

MAPPING = {
    "schema": "atlas-courts/case-import-mapping/1",
    "source": "test-export",
    "title": "A test export",
    "header": {"row_with": ["Id", "Charged", "Terminated"]},
    "id": {"columns": ["Id"]},
    "date_formats": ["%m/%d/%Y"],
    "as_of": "2021-03-01",
    "country": {"value": "US"},
    "court": {"column": "Court"},
    "office": {"column": "Office"},
    "events": {"arrest": "Arrested", "indictment": "Charged", "termination": "Terminated"},
    "sentence": {"imprisonment_months": "Total"},
    "charges": {
        "groups": {"1589": {"statute": "US:18USC:1589"}, "1591": {"statute": "US:18USC:1591"}},
        "charged": "{group}",
        "counts": "Counts{group}",
        "convicted": ["Guilty{group}"],
        "sentence_months": "Sent{group}",
    },
}


def make_structured_db(path: Path, csv_name: str = "export.csv") -> Path:
    """atlas.db holding the catalog and the five-row export above."""
    csv_path = path.parent / csv_name
    csv_path.write_text(STRUCTURED_CSV, encoding="utf-8")
    db = open_db(path)
    load_catalog(db, Catalog.load().rows())
    import_cases(db, csv_path, MAPPING)
    db.close()
    return path


@pytest.fixture(scope="module")
def structured(tmp_path_factory) -> Path:
    return make_structured_db(tmp_path_factory.mktemp("structured") / "atlas.db")


def metrics_of(path: Path, **kw):
    db = sqlite_utils.Database(path)
    try:
        return compute_metrics(db, today=TODAY, **kw)
    finally:
        db.close()


# --------------------------------------------------------------------------- estimators


def test_observed_summary_is_the_sample() -> None:
    s = summarise("x", [10, 20, 30, 40], [True] * 4, 4, censoring_known=False)
    assert (s.method, s.n, s.n_pending, s.median, s.q1, s.q3) == ("observed", 4, 0, 25.0, 17.5, 32.5)
    assert (s.within_90, s.within_180, s.within_365) == (1.0, 1.0, 1.0)
    s = summarise("x", [10, 100, 200, 400], [True] * 4, 6, censoring_known=False)
    assert (s.within_90, s.within_180, s.within_365, s.n_started) == (0.25, 0.5, 0.75, 6)
    assert summarise("x", [], [], 3, censoring_known=False).median is None


def test_kaplan_meier_by_hand() -> None:
    # 10 ended, 20 pending, 30 ended, 40 ended, 50 pending:
    # S(10) = 4/5 = .8; S(30) = .8 * 2/3 = .533; S(40) = .533 * 1/2 = .267.
    s = summarise("x", [10, 20, 30, 40, 50], [True, False, True, True, False], 5, censoring_known=True)
    assert s.method == "kaplan-meier" and (s.n, s.n_pending) == (3, 2)
    assert (s.median, s.q1, s.q3) == (40.0, 30.0, None)  # S never falls to .25
    assert s.within_90 == pytest.approx(1 - 0.8 * 2 / 3 * 1 / 2)
    assert s.median_decided == 30.0  # the survivor-biased figure, for comparison
    # Nothing pending in the stage: the plain sample ("complete").
    s = summarise("x", [10, 20], [True, True], 2, censoring_known=True)
    assert (s.method, s.median) == ("complete", 15.0)
    # More than half still pending: the median is not reached.
    s = summarise("x", [10, 20, 30], [True, False, False], 3, censoring_known=True)
    assert s.median is None and s.within_90 == pytest.approx(1 / 3)


def test_kaplan_meier_agrees_with_lifelines() -> None:
    from lifelines import KaplanMeierFitter

    days = [5, 8, 8, 12, 15, 21, 21, 30, 44, 60]
    ended = [True, True, False, True, False, True, True, False, True, False]
    kmf = KaplanMeierFitter().fit(days, ended)
    s = summarise("x", days, ended, len(days), censoring_known=True)
    assert s.median == kmf.median_survival_time_


def exact_km(pairs: list[tuple[int, bool]]) -> dict[int, Fraction]:
    """The product-limit estimate in exact fractions: {event time: S(t)}."""
    survival, curve = Fraction(1), {}
    for t in sorted({d for d, e in pairs if e}):
        deaths = sum(1 for d, e in pairs if d == t and e)
        survival *= 1 - Fraction(deaths, sum(1 for d, _ in pairs if d >= t))
        curve[t] = survival
    return curve


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2000), st.booleans()), min_size=1, max_size=40))
def test_estimates_agree_with_exact_arithmetic(pairs) -> None:
    days, ended = [d for d, _ in pairs], [e for _, e in pairs]
    s = summarise("x", days, ended, len(days), censoring_known=True)
    done = [d for d, e in pairs if e]
    assert s.median_decided == (statistics.median(done) if done else None)
    if all(ended):
        assert s.method == "complete" and s.median == statistics.median(days)
        return
    curve = exact_km(pairs)
    assert s.median == next((float(t) for t, v in curve.items() if v <= Fraction(1, 2)), None)
    assert s.q1 == next((float(t) for t, v in curve.items() if v <= Fraction(3, 4)), None)
    for limit, share in ((90, s.within_90), (180, s.within_180), (365, s.within_365)):
        below = [v for t, v in curve.items() if t <= limit]
        assert share == pytest.approx(float(1 - (below[-1] if below else 1)))


# --------------------------------------------------------------------------- data-quality rules


def case(events, **kw) -> Case:
    base = dict(key="k", source="documents", country="AR", court="C", office=None, events=list(events))
    return Case(**(base | kw))


@pytest.mark.parametrize(
    "events, dates, rules",
    [
        # Only day precision; month and malformed dates skipped and counted.
        ([("complaint", "2020-01"), ("arrest", "2020-02-30"), ("arrest", "2020-03-01")],
         {"arrest": "2020-03-01"}, {"not_day_precision": 1, "malformed": 1}),
        # A date after today is excluded.
        ([("complaint", "2020-01-01"), ("judgment", "2099-01-01")], {"complaint": "2020-01-01"}, {"future": 1}),
        # Before the (earliest) offence: excluded; the offence itself stays.
        ([("offence", "2020-05-01"), ("offence", "2020-06-01"), ("complaint", "2020-04-01"), ("arrest", "2020-05-10")],
         {"offence": "2020-05-01", "arrest": "2020-05-10"}, {"before_offence": 1}),
        # Judgment before indictment: both excluded.
        ([("indictment", "2020-05-01"), ("judgment", "2020-04-01"), ("arrest", "2020-01-01")],
         {"arrest": "2020-01-01"}, {"judgment_before_indictment": 2}),
        # The earliest day-precision date of a type is used.
        ([("arrest", "2020-01-20"), ("arrest", "2020-01-05")], {"arrest": "2020-01-05"}, {}),
    ],
)
def test_quality_rules(events, dates, rules) -> None:
    counts = QualityCounts()
    got = clean_dates(case(events), TODAY, counts)
    assert {k: v.isoformat() for k, v in got.items()} == dates
    assert {k: v for k, v in counts.by_rule.items() if v} == rules


def test_as_of_is_a_limit_for_future_dates() -> None:
    counts = QualityCounts()
    got = clean_dates(case([("arrest", "2020-01-01"), ("indictment", "2021-06-01")], as_of="2021-01-01"), TODAY, counts)
    assert list(got) == ["arrest"] and counts.by_rule["future"] == 1


def test_stages_of_one_case() -> None:
    counts = QualityCounts()
    t = timeline(case([
        ("offence", "2019-12-01"), ("complaint", "2020-01-01"), ("arrest", "2020-01-11"), ("indictment", "2020-04-10"),
        ("arraignment", "2020-05-10"), ("judgment", "2020-11-06"), ("appeal_decision", "2021-11-06"),
    ]), TODAY, counts)
    days = {name: i.days for name, i in t.intervals.items()}
    assert days == {
        "complaint_to_arrest": 10, "arrest_to_indictment": 90,
        "indictment_to_trial": 30,  # no trial_start: ends at the arraignment
        "offence_to_judgment": 341, "indictment_to_disposition": 210,
        "judgment_to_appeal_decision": 365,  # an appeal decision is recorded: the appeal stage began
    }
    assert "trial_to_judgment" not in t.started  # no trial start: the stage never began
    # Without an appeal on record the appeal stage does not begin at all.
    no_appeal = timeline(case([("judgment", "2020-11-06")]), TODAY, QualityCounts())
    assert no_appeal.started == set() and no_appeal.unmeasured == {}
    assert t.intervals["indictment_to_trial"].end_event == "arraignment"
    assert t.judgment_year == 2020 and t.filing_year == 2020


def test_end_before_start_is_not_measured() -> None:
    counts = QualityCounts()
    t = timeline(case([("arrest", "2020-02-01"), ("indictment", "2020-01-01")]), TODAY, counts)
    assert t.intervals == {} and t.unmeasured["arrest_to_indictment"] == "end before start"
    assert counts.by_rule["end_before_start"] == 1


def test_pending_only_where_the_source_lists_open_cases() -> None:
    events = [("arrest", "2020-01-01"), ("indictment", "2020-02-01")]
    decided_only = timeline(case(events), TODAY, QualityCounts())
    assert set(decided_only.intervals) == {"arrest_to_indictment"}
    assert decided_only.unmeasured["indictment_to_trial"] == "no end date"
    # Declared complete as of 2020-03-02: the indictment's next steps are pending.
    declared = timeline(case(events, pending_known=True, as_of="2020-03-02"), TODAY, QualityCounts())
    pending = {n: i.days for n, i in declared.intervals.items() if not i.ended}
    assert pending == {"indictment_to_trial": 30, "indictment_to_disposition": 30}
    # A later step was recorded: the missing end is missing, not pending.
    later = timeline(case(events + [("judgment", "2020-03-01")], pending_known=True, as_of="2020-03-02"),
                     TODAY, QualityCounts())
    assert all(i.ended for i in later.intervals.values())


# --------------------------------------------------------------------------- sentences against the range


@pytest.mark.parametrize(
    "months, low, high, flags, expected",
    [
        (47.9, 48, 96, {}, "below_minimum"),
        (48, 48, 96, {}, "within"),
        (96, 48, 96, {}, "within"),
        (96.5, 48, 96, {}, "above_maximum"),
        (500, 120, None, {}, "within"),  # no maximum
        (60, None, None, {}, "range_unknown"),
        (None, 48, 96, {}, "no_custodial_term"),
        (60, 48, 96, {"suspended": True}, "suspended"),
        (None, 48, 96, {"life": True}, "life"),
        (None, 48, 96, {"death": True}, "death"),
    ],
)
def test_sentence_position(months, low, high, flags, expected) -> None:
    assert sentence_position(months, low, high, **flags) == expected


# --------------------------------------------------------------------------- documents in atlas.db

COURT_A = "Tribunal Oral en lo Criminal Federal de Salta"
COURT_B = "Tribunal Oral en lo Criminal Federal de Jujuy"


@pytest.fixture(scope="module")
def documents_db(tmp_path_factory) -> Path:
    """Three judgments, worked out by hand below."""
    path = tmp_path_factory.mktemp("documents") / "atlas.db"
    db = open_db(path)
    run = record_run(db, VERSIONS)
    load_catalog(db, [{"id": "AR:CP:145bis", "title": "Trata", "category": "trafficking",
                       "penalty_min_months": 48, "penalty_max_months": 96}])
    specs = [
        # a1, two defendants (the factory's default: 96 months convicted; 48.5 months, mixed):
        # complaint->arrest 10, arrest->indictment 90, indictment->trial 180, trial->judgment 30.
        dict(file="a1.pdf", court=COURT_A, events=[
            ("complaint", "2020-01-01"), ("arrest", "2020-01-11"), ("indictment", "2020-04-10"),
            ("trial_start", "2020-10-07"), ("judgment", "2020-11-06")]),
        # a2: complaint->arrest 30; arrest->indictment 30; judgment before indictment: both excluded.
        dict(file="a2.pdf", court=COURT_A, events=[
            ("complaint", "2021-01-01"), ("arrest", "2021-01-31"), ("indictment", "2021-03-02"),
            ("judgment", "2021-02-01"), ("offence", "2020-12")],
             defendants=[DefendantSpec(name="Ana Ruiz", months=120)]),
        # b1: complaint->arrest 60; an arrest in 2099 is a future date.
        dict(file="b1.pdf", court=COURT_B, events=[
            ("complaint", "2020-01-01"), ("arrest", "2020-03-01"), ("indictment", "2099-01-01")],
             defendants=[DefendantSpec(name="Beto Paz", months=60, suspended=True,
                                       charges=[ChargeSpec(statutes=["AR:CP:145bis"])])]),
    ]
    for spec in specs:
        store_document(db, *make_case(**spec), run=run)
    db.close()
    return path


def test_document_metrics_by_hand(documents_db) -> None:
    r = metrics_of(documents_db)
    assert [c.key.rsplit(":", 1)[1] for c in r.cases] == ["0", "1", "0", "0"]  # a1 has two defendants
    assert r.quality.by_rule["future"] == 1
    assert r.quality.by_rule["judgment_before_indictment"] == 2
    assert r.quality.by_rule["not_day_precision"] == 1
    a = r.group("court", COURT_A).stages
    # complaint -> arrest: a1 twice (two defendants) 10, 10; a2 30.
    assert (a["complaint_to_arrest"].n, a["complaint_to_arrest"].median, a["complaint_to_arrest"].method) == (3, 10.0, "observed")
    assert a["arrest_to_indictment"].median == 90.0  # 90, 90 (a2's indictment was excluded with its judgment)
    assert a["arrest_to_indictment"].n_started == 3 and a["arrest_to_indictment"].n == 2
    assert r.group("court", COURT_B).stages["complaint_to_arrest"].median == 60.0
    everyone = r.group("all", "all").stages["complaint_to_arrest"]
    assert (everyone.n, everyone.median, everyone.q1, everyone.q3) == (4, 20.0, 10.0, 37.5)
    # The bottleneck of court A: trial (180) of 10 + 90 + 180 + 30 = 310 median days.
    b = r.group("court", COURT_A).bottleneck
    assert (b.stage, b.median, b.n, b.total_median) == ("indictment_to_trial", 180.0, 2, 310.0)
    assert b.share == pytest.approx(180 / 310)
    assert r.censoring_statement() == "documents: figures cover decided cases only (no pending cases are known)"
    assert r.caseload == []  # no filings or pending counts in judgments


def test_document_sentences_against_the_range(documents_db) -> None:
    r = metrics_of(documents_db)
    positions = sorted((x.statute_id, x.months, x.position) for x in r.ranges)
    # a1: 96 (within 48-96), 48.5 (within; the co-defendant's 140 charge has no catalog range);
    # a2: 120 above; b1: 60 suspended.
    assert positions == [
        ("AR:CP:145bis", 48.5, "within"), ("AR:CP:145bis", 60, "suspended"),
        ("AR:CP:145bis", 96, "within"), ("AR:CP:145bis", 120, "above_maximum"),
    ]


def test_fields_missing_in_most_cases_are_flagged(documents_db) -> None:
    missing = {m["field"]: m for m in metrics_of(documents_db).missing}
    assert missing["office"]["flagged"] and missing["office"]["share_missing"] == 1.0
    assert missing["trial_start date (day precision)"]["missing"] == 2  # only a1's two defendants have one
    assert not missing["country"]["flagged"]


# --------------------------------------------------------------------------- structured data: censoring, caseload


def test_structured_import(structured) -> None:
    db = sqlite_utils.Database(structured)
    rows = {r["external_id"]: r for r in db.query("SELECT * FROM structured_cases")}
    db.close()
    assert sorted(rows) == ["1", "2", "3", "4", "5"]  # the row of date formats under the header is skipped
    assert {k: r["pending"] for k, r in rows.items()} == {"1": 0, "2": 1, "3": 0, "4": 0, "5": 1}
    assert json.loads(rows["4"]["charges"])[0] | {} == {
        "statute_id": "US:18USC:1591", "text": "1591", "category": "trafficking", "verdict": "convicted",
        "counts": 1.0, "acquitted_counts": 0, "sentence_months": 6.0,
    }
    assert rows["1"]["verdict"] == "convicted" and rows["2"]["verdict"] == "unknown"


def test_structured_metrics_by_hand(structured) -> None:
    r = metrics_of(structured)
    x = r.group("court", "Court X").stages
    # Court X, indictment -> disposition: 180 ended, 405 pending, 365 ended, 90 pending.
    # KM: the 90 is censored first; at 180, 3 at risk -> S = 2/3; at 365, 2 at risk -> S = 1/3.
    # Median: first S <= .5 (365); q1: first S <= .75 (180); q3: S never <= .25.
    s = x["indictment_to_disposition"]
    assert (s.method, s.n_started, s.n, s.n_pending) == ("kaplan-meier", 4, 2, 2)
    assert (s.median, s.q1, s.q3) == (365.0, 180.0, None)
    assert (s.within_90, s.within_180, s.within_365) == pytest.approx((0.0, 1 / 3, 2 / 3))
    assert s.median_decided == (180 + 365) / 2
    # All five: 90 e, 90 c, 180 e, 365 e, 405 c -> S(90) = .8, S(180) = .533, S(365) = .267.
    a = r.group("all", "all").stages["indictment_to_disposition"]
    assert (a.median, a.q1, a.q3) == (365.0, 180.0, None)
    assert (a.within_90, a.within_180, a.within_365) == pytest.approx((0.2, 1 - 0.8 * 2 / 3, 1 - 0.8 * 2 / 3 / 2))
    # Arrest -> indictment: nothing can be pending: the plain sample of every case.
    ai = x["arrest_to_indictment"]
    assert (ai.method, ai.n, ai.median) == ("complete", 4, 10.0)
    # No trial dates in the export: no trial stage at all (not "pending").
    assert "indictment_to_trial" not in x
    assert "Kaplan-Meier" in r.censoring_statement()


def test_structured_caseload_by_hand(structured) -> None:
    rows = {(c.unit, c.year): c for c in metrics_of(structured).caseload}
    y2020 = rows[("Court X", 2020)]
    # Filed in 2020: 1, 2, 3, 5; disposed in 2020: 1; pending on 31 Dec: 2, 3, 5.
    assert (y2020.filed, y2020.disposed, y2020.pending_end) == (4, 1, 3)
    assert (y2020.clearance_rate, y2020.disposition_days, y2020.partial_year) == (0.25, 1095.0, False)
    y2021 = rows[("Court X", 2021)]
    # Up to the as-of date 2021-03-01: nothing filed, 3 disposed, 2 and 5 pending.
    assert (y2021.filed, y2021.disposed, y2021.pending_end, y2021.clearance_rate, y2021.disposition_days,
            y2021.partial_year) == (0, 1, 2, None, 730.0, True)


def test_structured_sentences_against_the_range(structured) -> None:
    got = sorted((x.statute_id, x.months, x.position, x.charge_level) for x in metrics_of(structured).ranges)
    assert got == [("US:18USC:1589", 12, "within", True), ("US:18USC:1589", 24, "within", True),
                   ("US:18USC:1591", 6, "below_minimum", True)]


def test_import_replaces_the_source_and_is_idempotent(structured, tmp_path) -> None:
    path = make_structured_db(tmp_path / "atlas.db")
    db = open_db(path)
    before = list(db.query("SELECT * FROM structured_cases ORDER BY id"))
    summary = import_cases(db, tmp_path / "export.csv", MAPPING)
    assert list(db.query("SELECT * FROM structured_cases ORDER BY id")) == before
    assert (summary.rows, summary.pending, summary.skipped_rows, summary.as_of) == (5, 2, 1, "2021-03-01")
    db.close()


def test_mapping_errors(tmp_path) -> None:
    with pytest.raises(UsageError, match="schema must be"):
        check_mapping({"source": "x"})
    with pytest.raises(UsageError, match="unknown event type"):
        check_mapping(MAPPING | {"events": {"verdict": "Terminated", "termination": "Terminated"}})
    with pytest.raises(UsageError, match="map a judgment or termination column"):
        check_mapping(MAPPING | {"events": {"arrest": "Arrested"}})
    with pytest.raises(UsageError, match="source must be a lower-case tag"):
        check_mapping(MAPPING | {"source": "documents"})
    (tmp_path / "x.csv").write_text("a,b\n1,2\n")
    with pytest.raises(UsageError, match="no header row with the columns Charged, Id, Terminated"):
        import_cases(sqlite_utils.Database(memory=True), tmp_path / "x.csv", MAPPING)
    assert load_mapping("htd_federal_trafficking")["source"] == "htd-federal-trafficking"
    for path in MAPPINGS_DIR.glob("*.json"):
        check_mapping(json.loads(path.read_text()), str(path))


def test_report_json_and_text(structured) -> None:
    r = metrics_of(structured)
    data = json.loads(json.dumps(r.to_json()))
    assert data["cases"] == {"total": 5, "by_source": {"test-export": 5}, "pending": 2}
    assert set(data["methods"]) == {"complete", "kaplan-meier"}
    assert data["data_quality"]["by_rule"]["future"] == 0
    assert {g["dimension"] for g in data["groups"]} >= {"all", "court", "office", "filing_year", "statute"}
    text = render_text(r)
    assert "kaplan-meier" in text and "bottleneck:" in text and "clear." in text
    for value in (math.inf, math.nan):
        assert str(value) not in json.dumps(data)


# --------------------------------------------------------------------------- CLI


def test_cli_metrics_and_import(tmp_path) -> None:
    runner = CliRunner()
    (tmp_path / "export.csv").write_text(STRUCTURED_CSV, encoding="utf-8")
    (tmp_path / "mapping.json").write_text(json.dumps(MAPPING), encoding="utf-8")
    db = tmp_path / "atlas.db"
    result = runner.invoke(cli, ["import-cases", str(tmp_path / "export.csv"), "--mapping", str(tmp_path / "mapping.json"),
                                 "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("imported 5 cases from export.csv as source test-export (2 pending as of 2021-03-01")
    result = runner.invoke(cli, ["metrics", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["cases"]["total"] == 5
    result = runner.invoke(cli, ["metrics", "--db", str(db), "--group-by", "court"])
    assert result.exit_code == 0 and "[court] Court X" in result.stdout and "[country]" not in result.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["metrics", "--db", "{tmp}/missing.db"], "Error: {tmp}/missing.db: no such database: run build (or import-cases) first"),
        (["metrics", "--db", "{db}", "--group-by", "planet"], "Error: --group-by: unknown dimension 'planet'; choose from all, source, country, court, office, judgment_year, filing_year, category, statute"),
        (["metrics", "--db", "{db}", "--as-of", "2021-02"], "Error: as_of must be a date YYYY-MM-DD, got '2021-02'"),
        (["import-cases", "{tmp}/nothing.csv", "--mapping", "htd_federal_trafficking", "--db", "{db}"], "Error: {tmp}/nothing.csv: no such file"),
        (["import-cases", "{db}", "--mapping", "{tmp}/nothing.json", "--db", "{db}"], "Error: mapping {tmp}/nothing.json: no such file"),
        (["benchmark", "--db", "{db}"], "Error: benchmark: give --court or --office (one of them)"),
        (["benchmark", "--db", "{db}", "--court", "Court Z"], "Error: benchmark: no case names the court 'Court Z'; did you mean 'Court X' or 'Court Y'?"),
    ],
)
def test_cli_errors(structured, tmp_path, args, message) -> None:
    fill = {"tmp": str(tmp_path), "db": str(structured)}
    result = CliRunner().invoke(cli, [a.format(**fill) for a in args])
    assert result.exit_code == 1
    assert result.stderr.strip() == message.format(**fill)
