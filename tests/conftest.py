"""Shared fixtures. Tests that read the shared corpus skip when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The rules are what the golden records and the tracked dev baseline (models/metrics.json) measure;
# a shipped model is tested on its own (tests/test_shipped_model.py), by name. Set before anything
# imports the pipeline, and inherited by the CLI subprocesses the tests start.
os.environ.setdefault("ATLAS_COURTS_MODEL", "none")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
BUNDLED = ROOT / "corpus"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite tests/golden/ from the current extractor output (review the diff before committing).",
    )


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared/corpus is not present")
    return SHARED


@pytest.fixture(scope="session")
def bundled_corpus() -> Path:
    return BUNDLED


@pytest.fixture(scope="session")
def ingest_cache(tmp_path_factory) -> Path:
    """One ingest cache for the session: each PDF is read (and OCR'd) once however many tests use it."""
    return tmp_path_factory.mktemp("ingest-cache")


def _predict_dir(directory: Path, cache: Path) -> dict[str, tuple[dict | None, str | None]]:
    from atlas_courts.evaluate import find_gold
    from atlas_courts.evaluate.runner import predict_files

    sources = [p.source for p in find_gold(directory)]
    return {src.name: (record, error) for src, record, error in predict_files(sources, workers=2, cache_dir=cache)}


@pytest.fixture(scope="session")
def bundled_predictions(bundled_corpus, ingest_cache) -> dict[str, tuple[dict | None, str | None]]:
    """The extractor's record (or error) for every generated document with a gold record."""
    return _predict_dir(bundled_corpus, ingest_cache)


@pytest.fixture(scope="session")
def dev_predictions(shared_corpus, ingest_cache) -> dict[str, tuple[dict | None, str | None]]:
    """The extractor's record (or error) for every real dev judgment."""
    return _predict_dir(shared_corpus / "dev", ingest_cache)
