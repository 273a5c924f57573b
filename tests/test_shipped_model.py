"""The model shipped in models/: intact, the default of extract, and no worse than the rules where it decides."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from atlas_courts.train.registry import list_models

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "corpus"
MODELS = ROOT / "models"


@pytest.fixture(scope="module")
def shipped():
    usable = [m for m in list_models(MODELS) if m.ok]
    if not usable:
        pytest.skip("no model is shipped in models/")
    return max(usable, key=lambda m: m.version_key)


def test_the_shipped_model_folder_is_complete_and_unchanged(shipped):
    from atlas_courts.train.model import REQUIRED_FILES, check_folder, load_model

    check_folder(shipped.path)  # every file's checksum as meta.json recorded it
    for name in REQUIRED_FILES:
        assert (shipped.path / name).exists(), name
    assert load_model(shipped.path).id == shipped.name


def test_the_shipped_model_is_extracts_default(shipped, monkeypatch):
    from atlas_courts.train.registry import active_model_path

    monkeypatch.delenv("ATLAS_COURTS_MODEL", raising=False)
    monkeypatch.delenv("ATLAS_COURTS_MODELS", raising=False)
    if (MODELS / "ACTIVE").exists():
        pytest.skip("models/ACTIVE chooses another model on this checkout")
    assert active_model_path() == shipped.path


def test_cross_validated_hybrid_is_no_worse_than_rules_and_better_on_events(shipped):
    """What the model card claims, from its own leave-cases-out scores on the real judgments."""
    metrics = json.loads((shipped.path / "metrics.json").read_text())
    dev = metrics["crossval"]["dev"]
    for field, rules in dev["rules"].items():
        hybrid = dev["hybrid"][field]
        if rules.get("f1") is None:
            continue
        # One defendant or event either way is noise at this size; more is a regression.
        assert hybrid["f1"] >= rules["f1"] - 0.01, (field, rules["f1"], hybrid["f1"])
    assert dev["hybrid"]["events"]["f1"] > dev["rules"]["events"]["f1"]


def test_extract_with_the_shipped_model_gives_a_contract_record(shipped):
    from atlas_courts.extract import extract
    from atlas_courts.ingest import ingest_file
    from atlas_courts.resolve import resolve
    from atlas_courts.train.runtime import apply_model

    document = ingest_file(BUNDLED / "bo-tsp__sentencia-absolutoria.txt")
    extraction = extract(document)
    rules = resolve(extraction).to_json()
    hybrid, record = apply_model(extraction, shipped.path, versions={"model": "none"})
    data = record.to_json()
    assert data["schema"] == rules["schema"] and data["versions"]["model"] == shipped.name
    assert [d["name"] for d in data["defendants"]] == [d["name"] for d in rules["defendants"]]
    assert all(hybrid.document.text[m.start : m.end] == m.text for m in hybrid.mentions)
