"""train: the trained components, their model folders and the registry.

    train(config)           all gold -> models/<name>-<version>/ (span model, classifiers, config,
                            meta.json, metrics.json, MODEL_CARD.md)
    runtime.apply_model     the hook extract calls: rules' extraction in, hybrid extraction and record out
    registry                models list | use | diff, and which model is active

Every hyperparameter is in the config file (``models/configs/atlas.cfg``);
splits are by case; seeds are fixed.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import platform
import shutil
import time
from pathlib import Path
from typing import Any, Callable

from ..errors import UsageError

log = logging.getLogger(__name__)

__all__ = ["train", "DEFAULT_CONFIG", "load_config"]

DEFAULT_CONFIG = Path(__file__).resolve().parents[2] / "models" / "configs" / "atlas.cfg"


def load_config(path: str | Path, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    from spacy.util import load_config as spacy_load_config

    path = Path(path)
    if not path.is_file():
        raise UsageError(f"{path}: no such config file")
    try:
        config = spacy_load_config(path, overrides=dict(overrides or {}), interpolate=False)
    except Exception as exc:  # thinc raises several types on bad configs
        raise UsageError(f"{path}: not a valid config ({exc})") from exc
    if "atlas" not in config:
        raise UsageError(f"{path}: no [atlas] section")
    return config


def _versions() -> dict[str, str]:
    import numpy
    import sklearn
    import spacy
    import thinc

    from .. import __version__
    from ..extract import RULES_VERSION

    return {"atlas-courts": __version__, "rules": RULES_VERSION, "spacy": spacy.__version__, "thinc": thinc.__version__,
            "scikit-learn": sklearn.__version__, "numpy": numpy.__version__, "python": platform.python_version()}


def _sources_from(config: dict[str, Any], base: Path):
    from .data import Sources

    data = config["atlas"].get("data", {})
    return Sources(
        gold_dirs=[base / p for p in data.get("gold_dirs", [])],
        annotations=[(base / p, data.get("annotation_format", "labelstudio"), data.get("annotation_label_map"))
                     for p in data.get("annotations", [])],
    )


def train(
    config_path: str | Path = DEFAULT_CONFIG,
    *,
    out_dir: str | Path | None = None,
    sources=None,
    db: str | Path | None = None,
    overrides: dict[str, Any] | None = None,
    workers: int = 2,
    cache_dir: str | Path | None = None,
    base: str | Path = ".",
    force: bool = False,
    progress: Callable[[str], None] | None = None,
) -> Path:
    """Train every component from all gold and write the model folder; returns its path."""
    from ..evaluate.scoring import FIELDS  # noqa: F401  (fields listed in metrics)
    from .card import model_card
    from .crossval import configured_thresholds, crossvalidate, examples_of, fit_models, in_sample
    from .data import data_hash, load_training_docs
    from .model import file_checksums, load_model
    from .ner import score_ner, train_ner
    from .split import assign_cases, case_folds, holdout_split

    say = progress or (lambda message: log.info(message))
    started = time.perf_counter()
    config_path = Path(config_path)
    config = load_config(config_path, overrides)
    atlas = config["atlas"]
    name, version, seed = str(atlas["name"]), str(atlas["version"]), int(atlas["seed"])
    folder = Path(out_dir) if out_dir else Path(base) / "models" / f"{name}-{version}"
    if folder.exists() and not force:
        raise UsageError(f"{folder} exists: bump [atlas] version in the config, or pass --force to overwrite")
    if sources is None:
        sources = _sources_from(config, Path(base))
    if db is not None:
        sources.db = Path(db)

    say("reading the gold documents (rules only)")
    docs, warnings = load_training_docs(sources, workers=workers, cache_dir=cache_dir)
    if not docs:
        raise UsageError("no training documents: give gold directories, annotation files or a database with gold")
    for w in warnings:
        log.warning(w)
    assign_cases(docs)
    examples = [examples_of(d, atlas) for d in docs]

    n_cases = len({d.case for d in docs})
    k = min(int(atlas["folds"]), n_cases)
    cv: dict[str, Any] = {}
    if k >= 2:
        say(f"cross-validating the classifiers ({k} folds, by case)")
        cv = crossvalidate(docs, examples, case_folds(docs, k, seed=seed), atlas, seed)
    say("fitting the classifiers on everything")
    events, verdicts = fit_models(examples, atlas, seed)
    thresholds = (cv.get("thresholds") or {}).get("final") or {
        k_: (0.9 if v == "tune" else float(v)) for k_, v in configured_thresholds(atlas).items()}

    tmp = folder.with_name(folder.name + ".partial")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    events.save(tmp / "events.json")
    verdicts.save(tmp / "verdicts.json")

    say("training the span model")
    train_idx, held_idx = holdout_split(docs, float(atlas["holdout_share"]), seed=seed) if n_cases > 1 else (list(range(len(docs))), [])
    ner_info = train_ner(config_path, [docs[i] for i in train_idx], [docs[i] for i in held_idx], tmp / "ner",
                         overrides=overrides)
    ner_scores: dict[str, Any] = {}
    if held_idx:
        say("scoring the span model on the held-out cases")
        from .ner import load_ner

        ner_scores = score_ner(load_ner(tmp / "ner"), [docs[i] for i in held_idx], ner_info["labels"])

    shutil.copyfile(config_path, tmp / "config.cfg")
    # The folder's config is the one the model runs with: overrides applied, tuned thresholds filled in.
    _write_overrides(tmp / "config.cfg", {
        **dict(overrides or {}),
        "atlas.events.add_threshold": thresholds["add_threshold"],
        "atlas.events.retype_threshold": thresholds["retype_threshold"],
        "atlas.events.drop_threshold": thresholds["drop_threshold"],
        "atlas.verdicts.threshold": thresholds["verdict_threshold"],
    })
    by_origin: dict[str, int] = {}
    for d in docs:
        by_origin[d.origin] = by_origin.get(d.origin, 0) + 1
    metrics = {
        "model": f"{name}-{version}",
        "read_me": "crossval: leave-cases-out, every document scored by classifiers that never saw its case "
                   "(the honest numbers); ner: span model on held-out cases; in_sample: the final model on its "
                   "own training documents (NOT evidence of quality).",
        "crossval": cv,
        "ner": {"heldout_documents": len(held_idx), "heldout_cases": len({docs[i].case for i in held_idx}),
                "per_label": ner_scores},
        "thresholds": {"used": thresholds, "configured": configured_thresholds(atlas)},
        "in_sample": in_sample(docs, examples, events, verdicts, {**atlas["events"], **thresholds}),
    }
    (tmp / "metrics.json").write_text(json.dumps(metrics, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    seconds = round(time.perf_counter() - started, 1)
    meta = {
        "name": name,
        "version": version,
        "trained_at": _dt.datetime.now(tz=_dt.timezone.utc).isoformat(timespec="seconds"),
        "training_seconds": seconds,
        "seed": seed,
        "data_hash": data_hash(docs),
        "data": {
            "documents": len(docs),
            "cases": n_cases,
            "by_origin": by_origin,
            "event_examples": sum(1 for e in examples for y in e.event_y if y is not None),
            "verdict_examples": sum(1 for e in examples for y in e.verdict_y if y is not None),
            "ner_train_passages": ner_info["train_passages"],
            "ner_heldout_passages": ner_info["heldout_passages"],
            "ner_seconds": ner_info["seconds"],
        },
        "training_documents": sorted(d.key[:16] for d in docs),
        "headline_origin": atlas.get("data", {}).get("headline_origin", "dev"),
        "ner_labels": ner_info["labels"],
        "sources": sources.describe(),
        "libraries": _versions(),
        "warnings": warnings[:200],
    }
    (tmp / "MODEL_CARD.md").write_text(model_card(meta, metrics), encoding="utf-8")
    meta["files"] = file_checksums(tmp)
    (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if folder.exists():
        shutil.rmtree(folder)
    tmp.rename(folder)
    load_model(folder)  # a folder that does not load is not a model
    say(f"model written to {folder} in {seconds} s")
    return folder


def _write_overrides(path: Path, overrides: dict[str, Any]) -> None:
    """Apply command-line overrides to the copied config, so the folder's config is the one used."""
    from spacy.util import load_config as spacy_load_config

    config = spacy_load_config(path, overrides=dict(overrides), interpolate=False)
    path.write_text(config.to_str(), encoding="utf-8")
