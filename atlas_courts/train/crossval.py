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
    rule_verdicts: list[str]
    origin: str = "dev"


def examples_of(doc: TrainDoc, cfg: dict[str, Any]) -> Examples:
    ext = doc.extraction
    cands = date_candidates(ext)
    ex = event_feature_dicts(ext, cands, before=int(cfg["events"]["context_before"]), after=int(cfg["events"]["context_after"]))
    defendants = record_defendants(ext, doc.rule_record)
    vx = verdict_feature_dicts(ext, defendants, context=int(cfg["verdicts"]["context"]))
    vy = verdict_labels(doc)[: len(vx)]
    return Examples(cands, ex, event_labels(doc, cands), vx, vy, [d.rule_verdict for d in defendants], doc.origin)


def _origin_weights(origins: Sequence[str], balance: bool) -> list[float] | None:
    """With ``balance_origins``, every origin (real judgments, generated ones) weighs the same in
    total, however many examples it has: the generated corpus must not outvote the real one."""
    if not balance or len(set(origins)) < 2:
        return None
    counts: dict[str, int] = {}
    for o in origins:
        counts[o] = counts.get(o, 0) + 1
    share = len(origins) / len(counts)
    return [share / counts[o] for o in origins]


def _fit_one(rows: list[tuple[dict[str, float], str, str]], params: dict[str, Any], seed: int, balance: bool,
             empty: str) -> LinearModel:
    """One classifier from (features, label, origin) rows with the hyperparameters of its config section."""
    if not rows:
        return LinearModel([empty], {}, [[]], [0.0])
    return fit([x for x, _, _ in rows], [y for _, y, _ in rows], C=float(params["C"]), max_iter=int(params["max_iter"]),
               seed=seed, min_count=int(params["min_feature_count"]),
               sample_weight=_origin_weights([o for _, _, o in rows], balance))


def fit_models(examples: Sequence[Examples], cfg: dict[str, Any], seed: int) -> tuple[LinearModel, LinearModel]:
    ex = [(x, y, e.origin) for e in examples for x, y in zip(e.event_x, e.event_y) if y is not None]
    vx = [(x, y, e.origin) for e in examples for x, y in zip(e.verdict_x, e.verdict_y) if y is not None]
    balance = bool((cfg.get("data") or {}).get("balance_origins", False))
    return (_fit_one(ex, cfg["events"], seed, balance, NONE),
            _fit_one(vx, cfg["verdicts"], seed, balance, "unknown"))


def records_for(doc: TrainDoc, ex: Examples, probs: list[dict[str, float]], vprobs: list[dict[str, float]],
                thresholds: dict[str, float]) -> dict[str, dict[str, Any]]:
    """The document's record by the rules, the model alone and the hybrid (contract JSON)."""
    ext = doc.extraction
    out = {"rules": doc.rule_record}
    for mode in ("model", "hybrid"):
        ev = combine_events(ext, ex.candidates, probs, thresholds, mode=mode, method="model:events.cv")
        hybrid = Extraction(ext.document, [m for m in ext.mentions if m.label != "EVENT"] + ev, list(ext.sections))
        record = resolve(hybrid)
        threshold = float(thresholds["verdict_threshold"])
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


THRESHOLDS = ("add_threshold", "retype_threshold", "drop_threshold", "verdict_threshold")


def configured_thresholds(cfg: dict[str, Any]) -> dict[str, Any]:
    """The thresholds as the config gives them: numbers, or "tune"."""
    ev, vv = cfg["events"], cfg["verdicts"]
    return {"add_threshold": ev["add_threshold"], "retype_threshold": ev["retype_threshold"],
            "drop_threshold": ev["drop_threshold"], "verdict_threshold": vv["threshold"]}


def oof_probabilities(docs: Sequence[TrainDoc], examples: Sequence[Examples], idx: Sequence[int], folds: list[int],
                      cfg: dict[str, Any], seed: int) -> dict[int, tuple[list, list]]:
    """Out-of-fold (event, verdict) probabilities of the documents ``idx`` (folds by case)."""
    out: dict[int, tuple[list, list]] = {}
    for f in sorted(set(folds)):
        train = [examples[i] for i, fi in zip(idx, folds) if fi != f]
        events, verdicts = fit_models(train, cfg, seed)
        for i, fi in zip(idx, folds):
            if fi == f:
                out[i] = ([events.predict_proba(x) for x in examples[i].event_x],
                          [verdicts.predict_proba(x) for x in examples[i].verdict_x])
    return out


def _headline_or_mean(per: dict[str, float], headline: str | None) -> float:
    """The score on the headline origin (the real judgments the tool is for) when the tuning part holds
    any of them, else the mean over origins: generated documents train the classifiers, but the
    thresholds that decide when the classifiers overrule the rules are chosen on real documents."""
    if headline and headline in per:
        return per[headline]
    return sum(per.values()) / len(per) if per else 0.0


def _event_score(docs, examples, probs, idx, th, headline: str | None = None) -> float:
    """Micro-F1 of (type, date) pairs, on the headline origin (else the mean over origins)."""
    from ..evaluate.scoring import compare_sets

    per: dict[str, Counts] = {}
    for i in idx:
        doc = docs[i]
        if doc.gold is None or "events" not in doc.gold:
            continue
        ev = combine_events(doc.extraction, examples[i].candidates, probs[i][0], th, mode="hybrid", method="tune")
        pred = {(m.value["type"], m.value["date"]) for m in ev}
        gold = {(e.get("type"), e.get("date")) for e in doc.gold.get("events") or []}
        per.setdefault(doc.origin, Counts()).add(compare_sets(pred, gold)[0])
    return _headline_or_mean({o: c.f1 or 0.0 for o, c in per.items()}, headline)


def _verdict_score(docs, examples, probs, idx, t: float, headline: str | None = None) -> float:
    per: dict[str, list[int]] = {}
    for i in idx:
        ex = examples[i]
        for y, rule, p in zip(ex.verdict_y, ex.rule_verdicts, probs[i][1]):
            if y is None:
                continue
            top = max(p, key=lambda c: (p[c], c))
            final = top if top != rule and p[top] >= t else rule
            tally = per.setdefault(docs[i].origin, [0, 0])
            tally[0] += final == y
            tally[1] += 1
    return _headline_or_mean({o: a / b for o, (a, b) in per.items() if b}, headline)


def tune_thresholds(docs, examples, probs, idx, cfg: dict[str, Any]) -> dict[str, float]:
    """Thresholds the config leaves to "tune", chosen on out-of-fold probabilities of ``idx``; ties go
    to the higher (more conservative: the rules' answer stands more often) value."""
    chosen = dict(configured_thresholds(cfg))
    headline = (cfg.get("data") or {}).get("headline_origin")
    grid = [float(x) for x in cfg["events"].get("tune_grid", [0.5, 0.6, 0.7, 0.8, 0.9])] + [2.0]
    for name in ("drop_threshold", "add_threshold", "retype_threshold"):  # one at a time, in this order
        if chosen[name] != "tune":
            continue
        trial = {k: (2.0 if v == "tune" else float(v)) for k, v in chosen.items()}
        best = max(grid, key=lambda t: (round(_event_score(docs, examples, probs, idx, {**trial, name: t}, headline), 6), t))
        chosen[name] = best
    if chosen["verdict_threshold"] == "tune":
        grid_v = [float(x) for x in cfg["verdicts"].get("tune_grid", [0.5, 0.6, 0.7, 0.8, 0.9])] + [2.0]
        chosen["verdict_threshold"] = max(grid_v, key=lambda t: (round(_verdict_score(docs, examples, probs, idx, t, headline), 6), t))
    return {k: float(v) for k, v in chosen.items()}


def crossvalidate(docs: Sequence[TrainDoc], examples: Sequence[Examples], folds: list[int], cfg: dict[str, Any], seed: int
                  ) -> dict[str, Any]:
    """Outer leave-cases-out folds; thresholds set to "tune" are chosen inside each outer training part
    (inner leave-cases-out folds), so no scored document helps choose them."""
    from .split import case_folds

    k = max(folds) + 1
    tallies: dict[str, Tally] = {}
    event_counts: dict[str, list[int]] = {}
    verdict_counts: dict[str, list[int]] = {}
    verdict_right = verdict_total = 0
    per_doc = []
    chosen_per_fold = []
    tune = any(v == "tune" for v in configured_thresholds(cfg).values())
    all_idx = list(range(len(docs)))
    outer = oof_probabilities(docs, examples, all_idx, folds, cfg, seed)
    for f in range(k):
        train_idx = [i for i in all_idx if folds[i] != f]
        if tune:
            n_cases = len({docs[i].case for i in train_idx})
            inner: dict[int, tuple[list, list]] = {}
            if n_cases >= 2:
                inner_folds = case_folds([docs[i] for i in train_idx], min(max(2, k - 1), n_cases), seed=seed)
                inner = oof_probabilities(docs, examples, train_idx, inner_folds, cfg, seed)
            th = tune_thresholds(docs, examples, inner, train_idx, cfg) if inner else \
                {k_: (0.9 if v == "tune" else float(v)) for k_, v in configured_thresholds(cfg).items()}
        else:
            th = {k_: float(v) for k_, v in configured_thresholds(cfg).items()}
        chosen_per_fold.append(th)
        for i in (i for i in all_idx if folds[i] == f):
            doc, ex = docs[i], examples[i]
            probs, vprobs = outer[i]
            _component_counts(ex.event_y, probs, event_counts, negative=NONE)
            _component_counts(ex.verdict_y, vprobs, verdict_counts, negative=None)
            for y, p in zip(ex.verdict_y, vprobs):
                if y is not None:
                    verdict_total += 1
                    verdict_right += max(p, key=lambda c: (p[c], c)) == y
            if doc.gold is None or doc.gold.get("_partial"):
                continue
            records = records_for(doc, ex, probs, vprobs, {**cfg["events"], **th})
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
    final = tune_thresholds(docs, examples, outer, all_idx, cfg) if tune else \
        {k_: float(v) for k_, v in configured_thresholds(cfg).items()}
    return {
        "folds": k,
        "split": "leave-cases-out (documents of one case always in the same fold)",
        **{origin: t.to_json() for origin, t in sorted(tallies.items())},
        "thresholds": {"per_fold": chosen_per_fold, "final": final,
                       "how": "tuned by inner leave-cases-out folds inside each outer training part" if tune else "fixed in the config"},
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
              thresholds: dict[str, float]) -> dict[str, Any]:
    """The final model scored on its own training documents: NOT evidence of quality (listed as such)."""
    tallies: dict[str, Tally] = {}
    for doc, ex in zip(docs, examples):
        if doc.gold is None or doc.gold.get("_partial"):
            continue
        probs = [events.predict_proba(x) for x in ex.event_x]
        vprobs = [verdicts.predict_proba(x) for x in ex.verdict_x]
        records = records_for(doc, ex, probs, vprobs, thresholds)
        for origin in (doc.origin, "all"):
            tally = tallies.setdefault(origin, Tally())
            tally.documents += 1
            for mode, record in records.items():
                tally.add(mode, score_record(record, doc.gold))
    return {origin: t.to_json() for origin, t in sorted(tallies.items())}
