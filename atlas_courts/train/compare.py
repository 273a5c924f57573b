"""``atlas-courts evaluate --model``: rules only, model only and the hybrid, field by field.

Each gold document is read once (ingest cache shared with ``evaluate``) and
extracted by the rules; the three records are then:

- ``rules``: the rules alone;
- ``model``: the model's classifiers deciding every event type and verdict on
  their own (other fields have no model component and are the rules');
- ``hybrid``: what ``extract`` gives with the model (``runtime.apply_model``).

Documents the model was trained on are flagged: their scores are in-sample,
and the honest numbers for them are the cross-validated ones in the model's
``metrics.json``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from ..evaluate import GoldPair, find_gold
from ..evaluate.scoring import FIELDS, Counts, score_record
from .crossval import MODEL_FIELDS

__all__ = ["compare", "Comparison", "MODES"]

MODES = ("rules", "model", "hybrid")


def _three(path: Path, *, model_path: str, cache_dir: str | None) -> dict[str, Any]:
    from .data import _ingest_cached, rules_only
    from .model import load_model
    from .runtime import apply_model

    model = load_model(model_path)
    document = _ingest_cached(path, cache_dir)
    extraction, rules = rules_only(document)
    _hybrid_extraction, hybrid = apply_model(extraction, model)
    from ..records import Extraction
    from ..resolve import resolve

    events = model.events(extraction, mode="model")
    alone = Extraction(extraction.document, [m for m in extraction.mentions if m.label != "EVENT"] + events,
                       list(extraction.sections))
    record = model.verdicts(resolve(alone), alone, mode="model")
    return {"rules": rules, "model": record.to_json(), "hybrid": hybrid.to_json(), "sha256": document.sha256}


@dataclass
class Comparison:
    model: str
    documents: int = 0
    in_sample: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    totals: dict[str, dict[str, dict[str, Counts]]] = field(default_factory=dict)  # language -> mode -> field

    def add(self, language: str, mode: str, scored: dict[str, Any]) -> None:
        for lang in ("all", language):
            per = self.totals.setdefault(lang, {}).setdefault(mode, {n: Counts() for n in FIELDS})
            for name, (counts, _fp, _fn) in scored.items():
                per[name].add(counts)

    def to_json(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "documents": self.documents,
            "in_sample_documents": self.in_sample,
            "failed": [{"file": f, "error": e} for f, e in self.failed],
            "model_fields": list(MODEL_FIELDS),
            "by_language": {
                lang: {mode: {n: c.to_json() for n, c in per.items() if mode != "model" or n in MODEL_FIELDS}
                       for mode, per in modes.items()}
                for lang, modes in self.totals.items()
            },
        }


def compare(gold_dir: str | os.PathLike, model_path: str | os.PathLike, *, workers: int = 2,
            cache_dir: str | os.PathLike | None = None) -> Comparison:
    from ..ingest.sandbox import Limits, imap_isolated
    from ..pipeline import warm_up
    from .model import load_model

    pairs: list[GoldPair] = find_gold(gold_dir)
    model = load_model(model_path)
    model.ner  # loaded once here; the worker processes inherit it
    warm_up()
    trained_on = set(model.meta.get("training_documents") or [])
    out = Comparison(model.id)
    by_source = {p.source: p for p in pairs}
    work = partial(_three, model_path=str(Path(model_path).resolve()), cache_dir=str(cache_dir) if cache_dir else None)
    for source, result in imap_isolated(work, [p.source for p in pairs], limits=Limits(timeout_s=600), workers=workers,
                                        file_of=lambda p: p.name):
        pair = by_source[source]
        if isinstance(result, BaseException):
            out.failed.append((source.name, str(result)))
            continue
        out.documents += 1
        if result["sha256"][:16] in trained_on:
            out.in_sample.append(source.name)
        for mode in MODES:
            out.add(pair.language, mode, score_record(result[mode], pair.gold))
    return out
