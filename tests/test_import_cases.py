"""import-cases on the real structured export (US federal trafficking prosecutions):
the stage medians must equal a hand computation with pandas."""

from __future__ import annotations

import datetime
import json

import pandas as pd
import pytest
import sqlite_utils
from click.testing import CliRunner

from atlas_courts.cli import cli
from atlas_courts.metrics import compute_metrics, import_cases, load_mapping
from atlas_courts.metrics.structured import MAPPINGS_DIR
from atlas_courts.resolve.statutes import Catalog
from atlas_courts.store import load_catalog, open_db

MAPPING_FILE = MAPPINGS_DIR / "htd_federal_trafficking.json"
V1 = "htd_federal_trafficking_defendants.csv"
V2 = "htd_federal_trafficking_defendants_v2.csv"


@pytest.fixture(scope="module")
def htd(shared_corpus, tmp_path_factory):
    path = tmp_path_factory.mktemp("htd") / "atlas.db"
    db = open_db(path)
    load_catalog(db, Catalog.load().rows())
    summary = import_cases(db, shared_corpus / "structured" / V1, load_mapping(MAPPING_FILE))
    db.close()
    report = compute_metrics(sqlite_utils.Database(path), today=datetime.date(2026, 1, 1))
    return path, summary, report


@pytest.fixture(scope="module")
def by_hand(shared_corpus) -> pd.DataFrame:
    """The export read with pandas alone: one row per defendant, the two stages in days."""
    df = pd.read_csv(shared_corpus / "structured" / V1, dtype=str, keep_default_na=False)

    def dates(column: str) -> pd.Series:
        return pd.to_datetime(df[column].str.strip().replace("999", ""), format="%m/%d/%Y", errors="coerce")

    arrest, charge, terminated, sentenced = (dates(c) for c in ("ArrestDate", "ChargeDate", "DateTerminated", "SentDate"))
    as_of = max(s.max() for s in (arrest, charge, terminated, sentenced))
    district, state = df["FedDistrict"].str.strip(), df["State"].str.strip()  # the first FedDistrict: its location
    office = ("U.S. Attorney's Office, " + district + " District of " + state).where(
        district != "", "U.S. Attorney's Office, District of " + state)
    out = pd.DataFrame({
        "office": office,
        "arrest_to_indictment": (charge - arrest).dt.days,
        "ended": terminated.notna(),
        # a pending case is censored at the as-of date (the latest date in the export)
        "to_disposition": (terminated.fillna(as_of) - charge).dt.days,
    })
    out.attrs["as_of"] = as_of
    return out


def kaplan_meier(days: pd.Series, ended: pd.Series) -> tuple[float | None, dict[int, float]]:
    """Product-limit estimate by hand: (median, {t: S(t)} at each event time)."""
    frame = pd.DataFrame({"t": days, "e": ended})
    survival, curve, median = 1.0, {}, None
    for t, group in frame.groupby("t", sort=True):
        deaths = int(group["e"].sum())
        if deaths:
            survival *= 1 - deaths / int((frame["t"] >= t).sum())
            curve[int(t)] = survival
            if median is None and survival <= 0.5:
                median = float(t)
    return median, curve


def test_import_summary(htd, by_hand) -> None:
    _, summary, report = htd
    assert (summary.rows, summary.skipped_rows) == (290, 0)
    assert summary.as_of == by_hand.attrs["as_of"].date().isoformat() == "2014-08-05"
    assert summary.pending == int((~by_hand["ended"]).sum()) == 56
    assert summary.warnings == {"repeated id: keyed by id and line": 1, "row without an id: keyed by its line": 1}
    assert report.cases[0].country == "US" and report.cases[0].office.startswith("U.S. Attorney's Office, ")


def test_arrest_to_indictment_medians_equal_pandas(htd, by_hand) -> None:
    _, _, report = htd
    days = by_hand["arrest_to_indictment"].dropna()
    days = days[days >= 0]  # arrested after being charged: end before start, not measured
    s = report.group("all", "all").stages["arrest_to_indictment"]
    assert s.method == "complete"  # pending cases are known and none can be pending here
    assert s.n == len(days) and s.n_started == int(by_hand["arrest_to_indictment"].notna().sum())
    assert s.median == s.median_decided == days.median()
    assert (s.q1, s.q3) == (days.quantile(0.25), days.quantile(0.75))
    assert s.within_90 == pytest.approx((days <= 90).mean())
    assert report.quality.by_rule_and_type[("end_before_start", "arrest_to_indictment")] == int(
        (by_hand["arrest_to_indictment"] < 0).sum())


def test_time_to_disposition_equals_pandas(htd, by_hand) -> None:
    _, _, report = htd
    frame = by_hand[~(by_hand["ended"] & (by_hand["to_disposition"] < 0))]
    s = report.group("all", "all").stages["indictment_to_disposition"]
    assert s.method == "kaplan-meier"
    assert (s.n, s.n_pending) == (int(frame["ended"].sum()), int((~frame["ended"]).sum()))
    assert s.median_decided == frame.loc[frame["ended"], "to_disposition"].median()
    median, curve = kaplan_meier(frame["to_disposition"], frame["ended"])
    assert s.median == median
    below = [v for t, v in curve.items() if t <= 365]
    assert s.within_365 == pytest.approx(1 - (below[-1] if below else 1.0))


def test_office_medians_equal_pandas(htd, by_hand) -> None:
    _, _, report = htd
    frame = by_hand[~(by_hand["ended"] & (by_hand["to_disposition"] < 0))]
    offices = {g.value: g for g in report.groups if g.dimension == "office"}
    assert set(offices) == set(frame["office"])
    for office, rows in frame.groupby("office"):
        s = offices[office].stages["indictment_to_disposition"]
        decided = rows.loc[rows["ended"], "to_disposition"]
        assert s.median_decided == (decided.median() if len(decided) else None), office
        median, _ = kaplan_meier(rows["to_disposition"], rows["ended"])
        if (~rows["ended"]).any():
            assert s.median == median, office
        else:
            assert s.median == decided.median(), office


def test_second_export_with_a_two_row_header(shared_corpus, tmp_path) -> None:
    db = open_db(tmp_path / "atlas.db")
    summary = import_cases(db, shared_corpus / "structured" / V2, load_mapping("htd_federal_trafficking"))
    # Group titles above the names, descriptions and codes below them: found and skipped.
    assert summary.skipped_rows >= 2 and summary.rows > 290
    assert summary.warnings["ArrestDate: date followed by a note (date kept)"] == 1
    assert summary.warnings["DateTerminated: not a date, kept null"] == 1
    first = db.execute("SELECT events, case_number FROM structured_cases ORDER BY row_number LIMIT 1").fetchone()
    assert json.loads(first[0])[0] == ["arrest", "2006-12-29"]
    db.close()


def test_cli_import_with_the_shipped_mapping(shared_corpus, tmp_path) -> None:
    db = tmp_path / "atlas.db"
    result = CliRunner().invoke(cli, ["import-cases", str(shared_corpus / "structured" / V1), "--mapping",
                                      str(MAPPING_FILE), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "imported 290 cases from htd_federal_trafficking_defendants.csv as source htd-federal-trafficking "
        "(56 pending as of 2014-08-05; 0 non-data rows skipped)\n"
    )
    result = CliRunner().invoke(cli, ["metrics", "--db", str(db), "--group-by", "all"])
    assert "kaplan-meier" in result.stdout and "indictment_to_disposition" in result.stdout
