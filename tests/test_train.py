"""train: splits by case, the JSON classifiers, a tiny training run, the hook and evaluate --model."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from atlas_courts.cli import cli
from atlas_courts.records import Document, Extraction, Page
from atlas_courts.train.data import TrainDoc, fold_find
from atlas_courts.train.linear import LinearModel, fit
from atlas_courts.train.split import assign_cases, case_folds, holdout_split

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "corpus"
CONFIG = ROOT / "models" / "configs" / "atlas.cfg"


def _doc(key: str, text: str, number: str | None, origin: str = "dev") -> TrainDoc:
    document = Document(sha256=key * 8, file=f"{key}.txt", path="", media_type="txt",
                        pages=[Page(number=1, text=text, raw_text=text)], language="en")
    gold = {"case": {"case_number": number}} if number else None
    return TrainDoc(key * 8, f"{key}.txt", origin, "en", Extraction(document, []), {"case": {}}, gold)


def _cases_split(docs, sides) -> None:
    by_case: dict[str, set] = {}
    for d, side in zip(docs, sides):
        by_case.setdefault(d.case, set()).add(side)
    assert all(len(s) == 1 for s in by_case.values()), by_case


def test_documents_of_one_case_share_a_case_key():
    docs = [
        _doc("a", "Judgment of the trial court.", "Criminal Case No. 12345/2019"),
        _doc("b", "Appeal from the judgment in Criminal Case No. 12345 / 2019 of the trial court.", "Crl. Appeal No. 77/2021"),
        _doc("c", "Another matter entirely.", "G.R. No. 140067-71"),
        _doc("d", "Same file read twice.", "G.R. No. 140067"),
        _doc("e", "Unrelated.", "Case 9"),
    ]
    assign_cases(docs)
    assert docs[0].case == docs[1].case  # the appeal cites the trial court's number
    assert docs[2].case == docs[3].case  # the same number written two ways
    assert len({d.case for d in docs}) == 3


@pytest.mark.parametrize("seed", [0, 1, 7])
def test_the_split_never_puts_two_documents_of_one_case_on_both_sides(seed):
    rng = random.Random(seed)
    docs = []
    for i in range(60):
        case = rng.randrange(25)  # about two documents a case
        docs.append(_doc(f"{i:03d}", f"Document {i}.", f"Criminal Case No. {10000 + case}/2020",
                         origin=rng.choice(["dev", "generated"])))
    folds = case_folds(docs, 5, seed=seed)
    _cases_split(docs, folds)
    assert len(set(folds)) == 5
    train, held = holdout_split(docs, 0.2, seed=seed)
    sides = ["train" if i in set(train) else "held" for i in range(len(docs))]
    _cases_split(docs, sides)
    assert held and train and not set(train) & set(held)
    # fixed seeds: the same split every time
    assert case_folds(docs, 5, seed=seed) == folds


def test_linear_model_as_json_predicts_as_scikit_learn():
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rng = random.Random(3)
    X = [{f"w{rng.randrange(8)}": 1.0, f"v{rng.randrange(4)}": rng.random()} for _ in range(120)]
    y = [("a" if x.get("w1") or x.get("w2") else "b" if x.get("v0") else "c") for x in X]
    model = LinearModel.from_json(json.loads(json.dumps(fit(X, y, C=1.0, max_iter=500, seed=0).to_json())))
    vec = DictVectorizer()
    clf = LogisticRegression(C=1.0, max_iter=500, random_state=0).fit(vec.fit_transform(X), y)
    expected = clf.predict_proba(vec.transform(X[:10]))
    for row, x in zip(expected, X[:10]):
        got = model.predict_proba(x)
        for label, p in zip(clf.classes_, row):
            assert got[label] == pytest.approx(p, abs=1e-5)


def test_balanced_origins_weigh_the_same_in_total_and_tuning_prefers_the_headline_origin():
    from atlas_courts.train.crossval import _headline_or_mean, _origin_weights

    origins = ["generated"] * 30 + ["dev"] * 10
    weights = _origin_weights(origins, True)
    assert sum(w for w, o in zip(weights, origins) if o == "dev") == pytest.approx(20.0)
    assert sum(w for w, o in zip(weights, origins) if o == "generated") == pytest.approx(20.0)
    assert _origin_weights(origins, False) is None and _origin_weights(["dev"] * 5, True) is None
    # a weighted fit follows the weights: the rare origin's label wins where the two disagree
    X = [{"x": 1.0}] * 40
    y = ["b"] * 30 + ["a"] * 10
    assert fit(X, y, C=10.0, max_iter=500, seed=0).best({"x": 1.0})[0] == "b"
    heavy = [1.0] * 30 + [10.0] * 10
    assert fit(X, y, C=10.0, max_iter=500, seed=0, sample_weight=heavy).best({"x": 1.0})[0] == "a"
    assert _headline_or_mean({"dev": 0.7, "generated": 0.9}, "dev") == 0.7
    assert _headline_or_mean({"generated": 0.9, "other": 0.5}, "dev") == pytest.approx(0.7)


def test_fold_find_ignores_spacing_case_and_quotes():
    text = "the accused\nwas  arrested on “March 3, 2005” in Manila"
    (span,) = fold_find(text, 'was arrested on "march 3, 2005"')
    assert text[span[0] : span[1]] == "was  arrested on “March 3, 2005”"


# --------------------------------------------------------------------------- a tiny training run


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    """Two small generated judgments (TXT and DOCX: no OCR), one epoch of the span model."""
    base = tmp_path_factory.mktemp("tiny")
    gold = base / "gold"
    gold.mkdir()
    for stem, suffix in (("bo-tsp__sentencia-absolutoria", ".txt"), ("py-ts__criadazgo", ".docx"),
                         ("ar-tof__trabajo-infantil-hornos", ".docx")):
        shutil.copy(BUNDLED / f"{stem}{suffix}", gold / f"{stem}{suffix}")
        shutil.copy(BUNDLED / f"{stem}.gold.json", gold / f"{stem}.gold.json")
    out = base / "models" / "tiny-0.0.1"
    result = CliRunner().invoke(cli, [
        "train", "--config", str(CONFIG), "--gold-dir", str(gold), "--out", str(out), "--cache", str(base / "cache"),
        "--set", "training.max_epochs=1", "--set", "training.max_steps=0", "--set", "training.eval_frequency=5",
        "--set", "atlas.name=\"tiny\"", "--set", "atlas.version=\"0.0.1\"", "--set", "atlas.folds=2",
        "--set", "atlas.ner.max_passages_per_doc=6",
    ], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "cross-validated by case" in result.output
    return out


def test_a_tiny_training_run_gives_a_loadable_model_folder_with_all_its_files(tiny_model):
    from atlas_courts.train.model import REQUIRED_FILES, load_model

    for name in REQUIRED_FILES:
        assert (tiny_model / name).exists(), name
    assert (tiny_model / "ner" / "config.cfg").exists() and (tiny_model / "ner" / "meta.json").exists()
    # the span model's training files were temporary: its config names none of them
    assert "atlas-ner-" not in (tiny_model / "ner" / "config.cfg").read_text()
    meta = json.loads((tiny_model / "meta.json").read_text())
    assert meta["name"] == "tiny" and meta["version"] == "0.0.1"
    assert len(meta["data_hash"]) == 64 and meta["data"]["documents"] == 3
    assert {"spacy", "scikit-learn", "python"} <= set(meta["libraries"])
    assert meta["trained_at"] and meta["files"]["events.json"]
    metrics = json.loads((tiny_model / "metrics.json").read_text())
    assert {"crossval", "ner", "in_sample", "thresholds"} <= set(metrics)
    card = (tiny_model / "MODEL_CARD.md").read_text()
    for heading in ("## Intended use", "## Data", "## Scores: cross-validated", "## Known limits"):
        assert heading in card
    from spacy.util import load_config

    config = load_config(tiny_model / "config.cfg", interpolate=False)
    assert config["training"]["max_epochs"] == 1  # the overrides used are in the folder's config
    for key in ("add_threshold", "retype_threshold", "drop_threshold"):
        assert isinstance(config["atlas"]["events"][key], float)  # tuned values filled in
    assert isinstance(config["atlas"]["verdicts"]["threshold"], float)
    model = load_model(tiny_model)
    assert model.id == "tiny-0.0.1"
    assert model.ner.pipe_names == ["tok2vec", "ner"]


def test_a_model_folder_whose_files_changed_is_refused(tiny_model, tmp_path):
    from atlas_courts.errors import UsageError
    from atlas_courts.train.model import load_model

    copy = tmp_path / "tiny-0.0.1"
    shutil.copytree(tiny_model, copy)
    data = json.loads((copy / "events.json").read_text())
    data["intercept"] = [x + 1 for x in data["intercept"]]
    (copy / "events.json").write_text(json.dumps(data))
    with pytest.raises(UsageError, match="checksum mismatch: events.json"):
        load_model(copy)


def test_the_hook_gives_the_rules_without_a_model_and_the_hybrid_with_one(tiny_model):
    from atlas_courts.extract import extract
    from atlas_courts.ingest import ingest_file
    from atlas_courts.resolve import resolve
    from atlas_courts.train.runtime import apply_model

    document = ingest_file(BUNDLED / "bo-tsp__sentencia-absolutoria.txt")
    extraction = extract(document)
    rules = resolve(extraction, versions={"model": "none"}).to_json()
    same, record = apply_model(extraction, None, versions={"model": "none"})
    assert same is extraction and record.to_json() == rules
    hybrid, record = apply_model(extraction, tiny_model, versions={"model": "none"})
    assert record.versions["model"] == "tiny-0.0.1"
    assert all(m.method.startswith(("rule:", "model:")) for m in hybrid.mentions)
    assert all(hybrid.document.text[m.start : m.end] == m.text for m in hybrid.mentions)
    assert {m.label for m in hybrid.mentions} >= {"EVENT", "DATE", "PERSON"}
    assert [d.name for d in record.defendants] == [d["name"] for d in rules["defendants"]]


def test_evaluate_with_a_model_compares_rules_model_and_hybrid(tiny_model, tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    for name in ("bo-tsp__sentencia-absolutoria.txt", "bo-tsp__sentencia-absolutoria.gold.json"):
        shutil.copy(BUNDLED / name, gold / name)
    result = CliRunner().invoke(cli, ["evaluate", str(gold), "--model", str(tiny_model), "--workers", "1"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "rules P/R/F1" in result.output and "model P/R/F1" in result.output and "hybrid P/R/F1" in result.output
    assert "IN-SAMPLE" in result.output  # this document was in the tiny model's training data
    out = tmp_path / "cmp.json"
    result = CliRunner().invoke(cli, ["evaluate", str(gold), "--model", str(tiny_model), "--workers", "1", "--json",
                                      "--out", str(out)], catch_exceptions=False)
    data = json.loads(out.read_text())
    assert set(data["by_language"]["all"]) == {"rules", "model", "hybrid"}
    assert set(data["by_language"]["all"]["model"]) == {"events", "verdict"}


def _models_dir(tmp_path: Path, tiny_model: Path, monkeypatch) -> Path:
    """A models directory with two versions of the tiny model; no ACTIVE file, no env choice."""
    directory = tmp_path / "models"
    directory.mkdir()
    shutil.copytree(tiny_model, directory / "tiny-0.0.1")
    newer = directory / "tiny-0.0.2"
    shutil.copytree(tiny_model, newer)
    meta = json.loads((newer / "meta.json").read_text())
    meta["version"] = "0.0.2"
    (newer / "meta.json").write_text(json.dumps(meta))
    monkeypatch.setenv("ATLAS_COURTS_MODELS", str(directory))
    monkeypatch.delenv("ATLAS_COURTS_MODEL", raising=False)
    return directory


def test_models_list_use_and_the_order_of_choice(tiny_model, tmp_path, monkeypatch):
    from atlas_courts.train.registry import active_model_path, list_models

    directory = _models_dir(tmp_path, tiny_model, monkeypatch)
    assert [m.name for m in list_models()] == ["tiny-0.0.1", "tiny-0.0.2"]
    # No ACTIVE file: the newest version is the default.
    assert active_model_path() == directory / "tiny-0.0.2"
    result = CliRunner().invoke(cli, ["models", "list"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "tiny-0.0.1" in result.output and "tiny-0.0.2" in result.output
    # models use writes ACTIVE; it wins over "newest".
    result = CliRunner().invoke(cli, ["models", "use", "tiny-0.0.1"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert (directory / "ACTIVE").read_text().strip() == "tiny-0.0.1"
    assert active_model_path() == directory / "tiny-0.0.1"
    # The environment wins over ACTIVE; "none" means rules only.
    monkeypatch.setenv("ATLAS_COURTS_MODEL", "none")
    assert active_model_path() is None
    monkeypatch.delenv("ATLAS_COURTS_MODEL")
    CliRunner().invoke(cli, ["models", "use", "none"], catch_exceptions=False)
    assert active_model_path() is None
    result = CliRunner().invoke(cli, ["models", "use", "no-such-model"])
    assert result.exit_code != 0 and "no model 'no-such-model'" in result.output


def test_models_diff_shows_gains_and_losses_per_field(tiny_model, tmp_path, monkeypatch):
    directory = _models_dir(tmp_path, tiny_model, monkeypatch)
    newer = directory / "tiny-0.0.2"
    metrics = json.loads((newer / "metrics.json").read_text())
    scope = metrics["crossval"]
    origin = next(iter(k for k in scope if isinstance(scope[k], dict) and "hybrid" in scope[k]))
    field = next(iter(scope[origin]["hybrid"]))
    old_f1 = scope[origin]["hybrid"][field]["f1"] or 0.0
    scope[origin]["hybrid"][field]["f1"] = round(old_f1 + 0.1, 4)
    (newer / "metrics.json").write_text(json.dumps(metrics))
    result = CliRunner().invoke(cli, ["models", "diff", "tiny-0.0.1", "tiny-0.0.2", "--json",
                                      "--scope", f"crossval.{origin}.hybrid"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    rows = {r["field"]: r for r in json.loads(result.output)}
    assert rows[field]["change"] == pytest.approx(0.1, abs=1e-3)
    assert all(r["change"] in (0, 0.0, None) for f, r in rows.items() if f != field)


def test_extract_uses_the_active_model_and_says_so(tiny_model, tmp_path, monkeypatch):
    from atlas_courts import pipeline
    from atlas_courts.ingest import ingest_file

    _models_dir(tmp_path, tiny_model, monkeypatch)
    pipeline.versions.cache_clear()
    try:
        assert pipeline.versions()["model"] == "tiny-0.0.2"
        processed = pipeline.process_document(ingest_file(BUNDLED / "bo-tsp__sentencia-absolutoria.txt"))
        assert processed.record.versions["model"] == "tiny-0.0.2"
        # The pipeline's record is the hook's hybrid record for that model, mention for mention.
        from atlas_courts.extract import extract
        from atlas_courts.train.runtime import apply_model

        document = ingest_file(BUNDLED / "bo-tsp__sentencia-absolutoria.txt")
        hybrid, record = apply_model(extract(document), tmp_path / "models" / "tiny-0.0.2", versions=pipeline.versions())
        assert processed.record.to_json() == record.to_json()
        assert [(m.label, m.start, m.end, m.method) for m in processed.extraction.mentions] == \
            [(m.label, m.start, m.end, m.method) for m in hybrid.mentions]
        monkeypatch.setenv("ATLAS_COURTS_MODEL", "none")
        pipeline.versions.cache_clear()
        processed = pipeline.process_document(ingest_file(BUNDLED / "bo-tsp__sentencia-absolutoria.txt"))
        assert processed.record.versions["model"] == "none"
        assert not any(m.method.startswith("model:") for m in processed.extraction.mentions)
    finally:
        pipeline.versions.cache_clear()
