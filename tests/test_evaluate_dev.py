"""``evaluate`` on the real dev judgments: scores are computed, sane, and not below the tracked baseline.

models/metrics.json is the last accepted run (``atlas-courts evaluate … --update-baseline``).
A field that drops more than 0.02 below it, overall or in a language, fails the suite:
every change shows its gains and losses, and losses are a decision, not an accident.
"""

from __future__ import annotations

import json

import pytest

from atlas_courts.evaluate import FIELDS, compare_to_baseline, evaluate_pairs, find_gold

from tests.conftest import ROOT

BASELINE = ROOT / "models" / "metrics.json"
TOLERANCE = 0.02


@pytest.fixture(scope="module")
def dev_report(shared_corpus, dev_predictions):
    pairs = find_gold(shared_corpus / "dev")
    return evaluate_pairs(pairs, lambda sources: ((s, *dev_predictions[s.name]) for s in sources))


def test_every_dev_document_is_processed(dev_report):
    assert len(dev_report.documents) == 54
    assert [d.file for d in dev_report.documents if d.failed] == []


def test_scores_are_computed_and_sane(dev_report):
    data = dev_report.to_json()
    assert set(data["by_language"]) == {"en", "es"}
    for field in FIELDS:
        row = data["overall"][field]
        assert row["tp"] + row["fn"] > 0, f"{field}: no gold items"
        assert 0.0 <= row["f1"] <= 1.0
    # Sanity, not targets: a broken stage shows up as a collapse of these.
    overall = data["overall"]
    assert overall["decision_date"]["f1"] > 0.8
    assert overall["statutes"]["f1"] > 0.7
    assert overall["court"]["f1"] > 0.7


def test_no_field_drops_below_the_tracked_baseline(dev_report):
    if not BASELINE.exists():
        pytest.fail(f"{BASELINE} is missing: run atlas-courts evaluate ../shared/corpus/dev --update-baseline")
    baseline = json.loads(BASELINE.read_text())
    drops = [
        f"{r['language']}/{r['field']}: {r['baseline']:.3f} -> {r['f1']:.3f}"
        for r in compare_to_baseline(dev_report, baseline)
        if r["baseline"] is not None and (r["f1"] is None or r["f1"] < r["baseline"] - TOLERANCE)
    ]
    assert not drops, "fields below the tracked baseline: " + "; ".join(drops)
