"""Golden case records of the generated corpus, and its scores against the generator's gold.

The golden files (tests/golden/<file>.json) are the extractor's own output at the
last accepted change: any difference is shown field by field. Rewrite them on
purpose with ``pytest tests/test_golden.py --update-golden`` and review the diff.
"""

from __future__ import annotations

import json

import pytest

from atlas_courts.evaluate import evaluate_pairs, find_gold

from tests.conftest import BUNDLED, GOLDEN

STEMS = sorted(p.source.name for p in find_gold(BUNDLED))


def _comparable(record: dict) -> dict:
    """The record without what may legitimately change between machines: the versions block,
    and, on OCR'd documents, the character offsets and boxes (tesseract builds differ)."""
    record = json.loads(json.dumps(record))
    record.pop("versions", None)
    if record["document"].get("ocr_pages"):
        def strip(node):
            if isinstance(node, dict):
                node.pop("provenance", None)
                for v in node.values():
                    strip(v)
            elif isinstance(node, list):
                for v in node:
                    strip(v)
        strip(record)
    return record


def test_the_generated_corpus_has_golden_files():
    assert len(STEMS) >= 30


@pytest.mark.parametrize("name", STEMS)
def test_golden_record(name, bundled_predictions, update_golden):
    record, error = bundled_predictions[name]
    assert error is None, error
    path = GOLDEN / f"{name}.json"
    got = _comparable(record)
    if update_golden or not path.exists():
        if not update_golden:
            pytest.fail(f"{path} is missing: run pytest --update-golden and review it")
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        return
    expected = json.loads(path.read_text(encoding="utf-8"))
    for key in ("document", "case", "defendants", "statutes_cited", "events", "victims"):
        assert got.get(key) == expected.get(key), f"{name}: {key} changed (run --update-golden if intended)"


# Floors measured on the generated corpus when the baseline was accepted, minus a margin.
# They guard the end-to-end pipeline on documents whose truth is known exactly.
GENERATED_FLOORS = {
    "court": 0.85,
    "case_number": 0.95,
    "doc_type": 0.95,
    "statutes": 0.70,
    "defendants": 0.70,
}


def test_generated_corpus_scores(bundled_predictions):
    report = evaluate_pairs(
        find_gold(BUNDLED),
        lambda sources: ((s, *bundled_predictions[s.name]) for s in sources),
    )
    totals = report.totals()
    assert len(report.documents) == len(STEMS)
    for field, floor in GENERATED_FLOORS.items():
        f1 = totals[field].f1
        assert f1 is not None and f1 >= floor, f"{field}: F1 {f1} below {floor}"
