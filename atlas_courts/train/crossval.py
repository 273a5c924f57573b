"""Leave-cases-out cross-validation of the classifiers, and the rules / model / hybrid comparison.

For each fold the two classifiers are fitted on the other folds' cases and
applied to this fold's documents; each document's record is then built three
ways and scored against its gold, field by field (``evaluate.scoring``):

- ``rules``: the rules alone (what ``extract`` gives without a model);
- ``model``: the classifiers decide every candidate date's type and every
  defendant's verdict on their own (fields they do not decide are the rules');
- ``hybrid``: the rules, overridden where the classifiers are sure (what
  ``extract`` gives with the model).

Nothing a document is scored on was trained on it, nor on another document of
its case. The span model does not change any scored field (the hybrid adds
only people of roles the record does not hold), so it is not refitted per fold;
its scores are on held-out cases (``ner``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from ..evaluate.scoring import FIELDS, Counts, score_record
from ..records import Extraction
from ..resolve import resolve
from .data import TrainDoc
from .features import DateCandidate, date_candidates, event_feature_dicts, record_defendants, verdict_feature_dicts
from .linear import LinearModel, fit
from .model import combine_events, set_verdict
from .targets import NONE, event_labels, verdict_labels

__all__ = ["Examples", "examples_of", "fit_models", "crossvalidate", "records_for", "MODEL_FIELDS"]

# Fields the trained classifiers decide (the others are the rules' in every column).
MODEL_FIELDS = ("events", "verdict")


@dataclass
class Examples:
    """One document's classifier inputs: features computed once, labels where the gold tells."""

    candidates: list[DateCandidate]
    event_x: list[dict[str, float]]
    event_y: list[str | None]
    verdict_x: list[dict[str, float]]
    verdict_y: list[str | None]


def examples_of(doc: TrainDoc, cfg: dict[str, Any]) -> Examples:
    ext = doc.extraction
    cands = date_candidates(ext)
    ex = event_feature_dicts(ext, cands, before=int(cfg["events"]["context_before"]), after=int(cfg["events"]["context_after"]))
    defendants = record_defendants(ext, doc.rule_record)
    vx = verdict_feature_dicts(ext, defendants, context=int(cfg["verdicts"]["context"]))
    vy = verdict_labels(doc)[: len(vx)]
    return Examples(cands, ex, event_labels(doc, cands), vx, vy)


def fit_models(examples: Sequence[Examples], cfg: dict[str, Any], seed: int) -> tuple[LinearModel, LinearModel]:
    ex = [(x, y) for e in examples for x, y in zip(e.event_x, e.event_y) if y is not None]
    vx = [(x, y) for e in examples for x, y in zip(e.verdict_x, e.verdict_y) if y is not None]
    ev = cfg["events"]
    vv = cfg["verdicts"]
    events = fit([x for x, _ in ex], [y for _, y in ex], C=float(ev["C"]), max_iter=int(ev["max_iter"]), seed=seed,
                 min_count=int(ev["min_feature_count"])) if ex else LinearModel([NONE], {}, [[]], [0.0])
    verdicts = fit([x for x, _ in vx], [y for _, y in vx], C=float(vv["C"]), max_iter=int(vv["max_iter"]), seed=seed,
                   min_count=int(vv["min_feature_count"])) if vx else LinearModel(["unknown"], {}, [[]], [0.0])
    return events, verdicts


def records_for(doc: TrainDoc, ex: Examples, events: LinearModel, verdicts: LinearModel, cfg: dict[str, Any]
                ) -> dict[str, dict[str, Any]]:
    """The document's record by the rules, the model alone and the hybrid (contract JSON)."""
    ext = doc.extraction
    probs = [events.predict_proba(x) for x in ex.event_x]
    vprobs = [verdicts.predict_proba(x) for x in ex.verdict_x]
    out = {"rules": doc.rule_record}
    for mode in ("model", "hybrid"):
        ev = combine_events(ext, ex.candidates, probs, cfg["events"], mode=mode, method="model:events.cv")
        hybrid = Extraction(ext.document, [m for m in ext.mentions if m.label != "EVENT"] + ev, list(ext.sections))
        record = resolve(hybrid)
        threshold = float(cfg["verdicts"]["threshold"])
        for defendant, p in zip(record.defendants, vprobs):
            top = max(p, key=lambda c: (p[c], c))
            if top != defendant.verdict and (mode == "model" or p[top] >= threshold):
                set_verdict(defendant, top)
        out[mode] = record.to_json()
    return out


@dataclass
class Tally:
    fields: dict[str, dict[str, Counts]] = field(default_factory=dict)  # mode -> field -> counts
    documents: int = 0

    def add(self, mode: str, scored: dict[str, tuple[Counts, set, set]]) -> None:
        per = self.fields.setdefault(mode, {name: Counts() for name in FIELDS})
        for name, (counts, _fp, _fn) in scored.items():
            per[name].add(counts)

    def to_json(self, *, model_fields: Sequence[str] = MODEL_FIELDS) -> dict[str, Any]:
        out: dict[str, Any] = {"documents": self.documents}
        for mode, per in self.fields.items():
            keep = per if mode != "model" else {k: v for k, v in per.items() if k in model_fields}
            out[mode] = {k: v.to_json() for k, v in keep.items()}
        return out


def _component_counts(labels: list[str | None], probs: list[dict[str, float]], store: dict[str, list[int]],
                      *, negative: str | None) -> None:
    for y, p in zip(labels, probs):
        if y is None:
            continue
        top = max(p, key=lambda c: (p[c], c))
        if top == y:
            if y != negative:
                store.setdefault(y, [0, 0, 0])[0] += 1
        else:
            if top != negative:
                store.setdefault(top, [0, 0, 0])[1] += 1
            if y != negative:
                store.setdefault(y, [0, 0, 0])[2] += 1


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    c = Counts(tp, fp, fn)
    return c.to_json()


def crossvalidate(docs: Sequence[TrainDoc], examples: Sequence[Examples], folds: list[int], cfg: dict[str, Any], seed: int
                  ) -> dict[str, Any]:
    k = max(folds) + 1
    tallies: dict[str, Tally] = {}
    event_counts: dict[str, list[int]] = {}
    verdict_counts: dict[str, list[int]] = {}
    verdict_right = verdict_total = 0
    per_doc = []
    for f in range(k):
        train = [examples[i] for i in range(len(docs)) if folds[i] != f]
        events, verdicts = fit_models(train, cfg, seed)
        for i in (i for i in range(len(docs)) if folds[i] == f):
            doc, ex = docs[i], examples[i]
            probs = [events.predict_proba(x) for x in ex.event_x]
            vprobs = [verdicts.predict_proba(x) for x in ex.verdict_x]
            _component_counts(ex.event_y, probs, event_counts, negative=NONE)
            _component_counts(ex.verdict_y, vprobs, verdict_counts, negative=None)
            for y, p in zip(ex.verdict_y, vprobs):
                if y is not None:
                    verdict_total += 1
                    verdict_right += max(p, key=lambda c: (p[c], c)) == y
            if doc.gold is None or doc.gold.get("_partial"):
                continue
            records = records_for(doc, ex, events, verdicts, cfg)
            row = {"file": doc.file, "origin": doc.origin, "fold": f}
            for origin in (doc.origin, "all"):
                tally = tallies.setdefault(origin, Tally())
                tally.documents += 1
                for mode, record in records.items():
                    scored = score_record(record, doc.gold)
                    tally.add(mode, scored)
                    if origin == "all":
                        row[mode] = {n: c.to_json() for n, (c, _fp, _fn) in scored.items() if n in MODEL_FIELDS + ("imprisonment",)}
            per_doc.append(row)
    return {
        "folds": k,
        "split": "leave-cases-out (documents of one case always in the same fold)",
        **{origin: t.to_json() for origin, t in sorted(tallies.items())},
        "components": {
            "events": {"negative_class": NONE, "per_label": {k_: _prf(*v) for k_, v in sorted(event_counts.items())}},
            "verdicts": {
                "accuracy": round(verdict_right / verdict_total, 4) if verdict_total else None,
                "examples": verdict_total,
                "per_label": {k_: _prf(*v) for k_, v in sorted(verdict_counts.items())},
            },
        },
        "per_document": per_doc,
    }


def in_sample(docs: Sequence[TrainDoc], examples: Sequence[Examples], events: LinearModel, verdicts: LinearModel,
              cfg: dict[str, Any]) -> dict[str, Any]:
    """The final model scored on its own training documents: NOT evidence of quality (listed as such)."""
    tallies: dict[str, Tally] = {}
    for doc, ex in zip(docs, examples):
        if doc.gold is None or doc.gold.get("_partial"):
            continue
        records = records_for(doc, ex, events, verdicts, cfg)
        for origin in (doc.origin, "all"):
            tally = tallies.setdefault(origin, Tally())
            tally.documents += 1
            for mode, record in records.items():
                tally.add(mode, score_record(record, doc.gold))
    return {origin: t.to_json() for origin, t in sorted(tallies.items())}
