"""benchmark: one court or office against its peers, and the HTML report."""

from __future__ import annotations

import datetime
import json
import re

import pytest
import sqlite_utils
from click.testing import CliRunner
from tests.test_metrics import make_structured_db
from tests.test_store_factories import VERSIONS, make_case

from atlas_courts.benchmark import benchmark, percentile_rank, render_html, write_report
from atlas_courts.cli import cli
from atlas_courts.errors import UsageError
from atlas_courts.store import open_db, record_run, store_document

TODAY = datetime.date(2026, 1, 1)
AR_A = "Tribunal Oral en lo Criminal Federal de Salta"
AR_B = "Tribunal Oral en lo Criminal Federal de Jujuy"


@pytest.fixture(scope="module")
def combined(tmp_path_factory):
    """The five-row US export of test_metrics plus two Argentine judgments."""
    path = make_structured_db(tmp_path_factory.mktemp("bench") / "atlas.db")
    db = open_db(path)
    run = record_run(db, VERSIONS)
    for file, court, events in [
        ("a.pdf", AR_A, [("complaint", "2020-01-01"), ("arrest", "2020-01-21"), ("indictment", "2020-03-01"),
                         ("judgment", "2020-12-01")]),
        ("b.pdf", AR_B, [("complaint", "2020-01-01"), ("arrest", "2020-01-11"), ("judgment", "2020-06-01")]),
    ]:
        store_document(db, *make_case(file=file, court=court, events=events), run=run)
    db.close()
    return path


def run(path, **kw):
    db = sqlite_utils.Database(path)
    try:
        return benchmark(db, today=TODAY, **kw)
    finally:
        db.close()


@pytest.mark.parametrize(
    "value, others, expected",
    [(10, [20, 30], 0.0), (40, [20, 30], 100.0), (25, [20, 30], 50.0), (20, [20, 30], 25.0), (5, [], None)],
)
def test_percentile_rank(value, others, expected) -> None:
    assert percentile_rank(value, others) == expected


def test_court_against_its_peers(combined) -> None:
    b = run(combined, court="Court X")
    assert (b.unit, b.country, b.peer_units) == ("Court X", "US", ["Court Y"])
    stages = {s.stage: s for s in b.stages}
    # Time to disposition: X's Kaplan-Meier median 365 days (test_metrics), Y's single case 90.
    disposition = stages["indictment_to_disposition"]
    assert (disposition.subject.median, disposition.subject.method) == (365.0, "kaplan-meier")
    assert [(p.unit, p.median, p.n) for p in disposition.peer_medians] == [("Court Y", 90.0, 1)]
    assert disposition.percentile == 100.0
    assert stages["arrest_to_indictment"].percentile == 0.0  # 10 days against Y's 30
    # Funnel: X charged 4 (1, 2, 3, 5), convicted 2 (2 and 5 pending), sentenced 2.
    assert (b.funnel.charged, b.funnel.convicted, b.funnel.sentenced) == (4, 2, 2)
    assert (b.peers_funnel.charged, b.peers_funnel.convicted, b.peers_funnel.sentenced) == (1, 1, 1)
    data = b.to_json()
    assert data["sentence_ranges"] == {"subject": {"within": 2}, "peers": {"below_minimum": 1}}
    assert data["bottleneck"]["stage"] == "arrest_to_indictment"  # the only sequential stage measured
    assert run(combined, office="Office Y").to_json()["stages"][0]["percentile"] == 100.0


def test_peers_of_the_same_country_or_all(combined) -> None:
    assert run(combined, court=AR_A).peer_units == [AR_B]
    assert run(combined, court=AR_A, peers="all").peer_units == sorted([AR_B, "Court X", "Court Y"])
    b = run(combined, court=AR_A)
    ca = {s.stage: s for s in b.stages}["complaint_to_arrest"]
    assert (ca.subject.median, ca.subject.n, ca.percentile) == (20.0, 2, 100.0)  # 20 days against B's 10


def test_benchmark_errors(combined) -> None:
    with pytest.raises(UsageError, match="give either a court or an office"):
        run(combined)
    with pytest.raises(UsageError, match="peers must be 'country' or 'all'"):
        run(combined, court="Court X", peers="region")
    with pytest.raises(UsageError, match=r"no case names the office 'Court X'"):
        run(combined, office="Court X")
    assert run(combined, court="court x").unit == "Court X"  # case does not matter


def test_html_report(combined, tmp_path) -> None:
    b = run(combined, court="Court X")
    html = render_html(b)
    assert html.count("<svg") == 3
    for chart in ("chart-stages", "chart-funnel", "chart-sentences"):
        assert f"id='{chart}'" in html
    # Nothing fetched: no scripts, no stylesheets or images from elsewhere.
    assert "<script" not in html and "<link" not in html and not re.search(r"(src|href)=\"https?:", html)
    assert "kaplan-meier" in html and "Court Y" in html
    out = write_report(b, tmp_path / "report.html")
    assert out.read_text(encoding="utf-8") == html
    assert render_html(run(combined, court="Court X")) == html  # the same report twice is the same file


def test_cli_benchmark(combined, tmp_path) -> None:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["benchmark", "--db", str(combined), "--office", "Office X", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "Office X: 4 cases; 1 peers (country US), 1 cases"
    assert "report written to" in result.stderr and out.is_file()
    result = CliRunner().invoke(cli, ["benchmark", "--db", str(combined), "--court", AR_A, "--peers", "all", "--json"])
    data = json.loads(result.stdout)
    assert data["unit"] == AR_A and len(data["peer_units"]) == 3
