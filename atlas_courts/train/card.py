"""MODEL_CARD.md: intended use, data, per-label scores and known limits, written from metrics and meta."""

from __future__ import annotations

from typing import Any

from ..evaluate.scoring import FIELDS
from .crossval import MODEL_FIELDS


def _f(x: Any) -> str:
    return "-" if x is None else f"{x:.2f}"


def _table(block: dict[str, Any], fields=FIELDS) -> list[str]:
    lines = ["| field | rules F1 | model F1 | hybrid F1 | hybrid P / R |", "|---|---|---|---|---|"]
    for name in fields:
        r = (block.get("rules") or {}).get(name) or {}
        m = (block.get("model") or {}).get(name) or {}
        h = (block.get("hybrid") or {}).get(name) or {}
        model = _f(m.get("f1")) if name in MODEL_FIELDS else "(rules)"
        lines.append(f"| {name} | {_f(r.get('f1'))} | {model} | {_f(h.get('f1'))} | {_f(h.get('precision'))} / {_f(h.get('recall'))} |")
    return lines


def _labels(per_label: dict[str, Any]) -> list[str]:
    lines = ["| label | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for label, c in per_label.items():
        lines.append(f"| {label} | {_f(c.get('precision'))} | {_f(c.get('recall'))} | {_f(c.get('f1'))} | {c.get('tp', 0) + c.get('fn', 0)} |")
    return lines


def model_card(meta: dict[str, Any], metrics: dict[str, Any]) -> str:
    cv = metrics.get("crossval", {})
    headline = meta.get("headline_origin", "dev")
    sizes = meta.get("data", {})
    lines = [
        f"# Model card: {meta['name']} {meta['version']}",
        "",
        f"Trained {meta.get('trained_at', '?')} in {meta.get('training_seconds', '?')} s from data {meta.get('data_hash', '?')[:16]}…; "
        f"spaCy {meta.get('libraries', {}).get('spacy', '?')}, scikit-learn {meta.get('libraries', {}).get('scikit-learn', '?')}.",
        "",
        "## Intended use",
        "",
        "Helps `atlas-courts extract` on judgments in trafficking, forced-labour and child-labour prosecutions "
        "(Spanish and English): it re-types the dates the rules find as procedural events, reviews each "
        "defendant's verdict, and names victims, witnesses and judges. It works *on top of* the rules "
        "(the hybrid): where the classifiers are not sure (thresholds in `config.cfg`), the rules' answer stands. "
        "Every fact it changes carries `model:<component>.<name>-<version>` as its method, and analysts' "
        "corrections (`atlas-courts annotate`) are what it learns from.",
        "",
        "Not for: deciding anything about a person without a human reading the document; documents in other "
        "languages or court systems than the training data (below) without checking `atlas-courts evaluate --model` on "
        "gold from them first.",
        "",
        "## Components",
        "",
        "- `ner/`: spaCy `ner` on `spacy.blank(\"xx\")` (hash embeddings + CNN, nothing pretrained) for "
        + ", ".join(meta.get("ner_labels", [])) + ".",
        "- `events.json`: multinomial logistic regression, the event type (or none) of each date the rules find; "
        "features: the rules' cue evidence (`extract.events.event_features`), the rules' own decision, the date's "
        "place relative to the decision date and in the document, and the words around it.",
        "- `verdicts.json`: multinomial logistic regression, the verdict of each defendant the rules find; "
        "features: the rules' verdict and caption status, verdict cue words in operative sentences naming the "
        "defendant (or nobody) and in body clauses naming them, words around the name in the operative part.",
        "",
        "## Data",
        "",
        f"{sizes.get('documents', '?')} documents in {sizes.get('cases', '?')} cases: "
        + ", ".join(f"{k}: {v}" for k, v in (sizes.get('by_origin') or {}).items())
        + f". Event examples: {sizes.get('event_examples', '?')}; verdict examples: {sizes.get('verdict_examples', '?')}; "
        f"span-model passages: {sizes.get('ner_train_passages', '?')} (training), {sizes.get('ner_heldout_passages', '?')} (held out).",
        "",
        "Sources: " + "; ".join(meta.get("sources", {}).get("gold_dirs", [])) + "; annotations: "
        + "; ".join(a["file"] for a in meta.get("sources", {}).get("annotations", [])) + ".",
        "",
        "Span targets are the rules' spans corrected by the gold (gold records list each statute once and name "
        "the defendants; the generated corpus's generator names judges and victims; analysts' regions replace the "
        "rules' spans). Stretches the gold is silent about are left unannotated rather than negative.",
        "",
        f"## Scores: cross-validated, leave-cases-out ({cv.get('folds', '?')} folds) on `{headline}`",
        "",
        f"{(cv.get(headline) or {}).get('documents', '?')} documents; each scored by classifiers that never saw it "
        "or its case. `model` = the classifiers alone, for the fields they decide. These are the honest numbers.",
        "",
        *_table(cv.get(headline) or {}),
        "",
        "### All origins (cross-validated)",
        "",
        *_table(cv.get("all") or {}),
        "",
        "### Event types (classifier alone, cross-validated, per candidate date)",
        "",
        *_labels(((cv.get("components") or {}).get("events") or {}).get("per_label") or {}),
        "",
        f"### Verdicts (classifier alone, cross-validated, accuracy {_f(((cv.get('components') or {}).get('verdicts') or {}).get('accuracy'))})",
        "",
        *_labels(((cv.get("components") or {}).get("verdicts") or {}).get("per_label") or {}),
        "",
        f"### Span model (held-out cases: {metrics.get('ner', {}).get('heldout_documents', '?')} documents, whole texts)",
        "",
        *_labels((metrics.get("ner") or {}).get("per_label") or {}),
        "",
        "In-sample scores (the final model on its own training documents) are in `metrics.json` under "
        "`in_sample`: they are not evidence of quality.",
        "",
        "## Known limits",
        "",
        "- Little data: a few dozen real judgments (Philippine, Pakistani, Sri Lankan, Buenos Aires), the rest "
        "generated. Scores on other courts are unknown until gold from them is annotated.",
        "- The classifiers only re-type dates and re-decide verdicts of defendants the rules found: a date the "
        "rules did not read, or a defendant they missed, stays missed. A verdict changed to `convicted` has no "
        "sentence unless the rules read one.",
        *_threshold_limits(cv),
        "- Span targets come partly from the rules (silver), so the span model learns some of their mistakes; "
        "its scores measure agreement with those targets on held-out cases.",
        "- Victim, witness and judge names rest on the generated corpus and six annotated Buenos Aires rulings.",
        "",
    ]
    return "\n".join(lines)


def _threshold_limits(cv: dict[str, Any]) -> list[str]:
    """Say so when the tuning never let a classifier overrule the rules: then the hybrid is the rules there."""
    thresholds = cv.get("thresholds") or {}
    folds = thresholds.get("per_fold") or []
    out = []
    if folds and all(float(f.get("verdict_threshold", 0)) > 1 for f in folds):
        out.append("- Verdicts: in every cross-validation fold the tuned threshold kept the rules' verdict "
                   "(the classifier alone scores below the rules), so the hybrid's verdicts are the rules'.")
    if folds and all(float(f.get(k, 0)) > 1 for f in folds for k in ("add_threshold", "retype_threshold", "drop_threshold")):
        out.append("- Events: in every fold the tuned thresholds kept the rules' events, so the hybrid's events are the rules'.")
    return out
