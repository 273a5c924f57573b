#!/usr/bin/env python
"""Can a trained classifier find the defendants the rules miss, or drop the ones they add wrongly?

    python scripts/defendant_model_experiment.py --cache /tmp/atlas-cache

Issue 5 asks for a hybrid better than the rules on verdicts. On the dev corpus the rules'
verdict is already right for every defendant that both the rules and the gold hold, so a
better hybrid has to change *who* the defendants are. This script measures whether a
classifier trained on our gold could do that, with the training data and the leave-cases-out
folds of ``atlas-courts train`` (same config, same seed, same origin balancing):

- **add**: every person-like name of two or more words in the body (as the rules read names:
  ``extract.parties.split_name_list``), grouped by person, is a candidate; a candidate the gold lists
  as a defendant is positive. Features: the words around each mention, role cues before and after
  it (accusation, verdict, charge, witness, victim, family, lawyer or judge, negation, at large),
  whether it is listed with a defendant the rules found, its section and how often it is named.
  Two trainings: on every candidate (with "the rules hold it" as a feature), and on the
  candidates the rules do not hold only. Scored: how many candidates the rules do not hold get
  a probability at or above each threshold, right (+TP) and wrong (+FP).
- **drop**: each of the rules' defendants, with the verdict classifier's features and how the
  rules found it; positive when the gold lists it. Scored: how many fall below each threshold,
  rightly (not in the gold) and wrongly.

Every document is scored by a classifier that never saw its case. Measured, never asserted:
the output is the evidence for the closing note, not a test.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\b|y\b|&)?|\band\b|\by\b|&)\s*", re.I)
_CUES = {
    "accused": r"\b(?:acusad|coacusad|procesad|imputad|encausad|accused|co-accused|appellant|apelante|convict|petitioner|recurrente)",
    "verdict": r"\b(?:absolv|absuel|conden|convict|acquit|guilty|culpable|sobrese)",
    "charge": r"\b(?:charg|informati|indict|denuncia|querella|FIR\b|acusaci)",
    "witness": r"\b(?:testig|witness|PW[-\s]?\d|declar|deposed|testif)",
    "victim": r"\b(?:v[ií]ctim|ofendid|agraviad|occiso|deceased|injured|complainant|querellante|denunciante|minor|menor)",
    "family": r"\b(?:son|daughter|wife|husband|father|mother|brother|sister|hij[oa]|espos[oa]|padre|madre|herman[oa]|sobrin[oa])\b",
    "lawyer_or_judge": r"\b(?:counsel|abogad|atty|advocate|defensor|fiscal|prosecutor|procurador|juez|judge|justice|magistrate)",
    "negation": r"\b(?:no\s+(?:est[aá]|fue|ha\s+sido)\s+(?:acusad|procesad|incluid)|tampoco\s+fue|not\s+(?:been\s+)?(?:charged|accused|included|impleaded)|exonerated)",
    "at_large": r"\b(?:at\s+large|abscond|pr[oó]fug|\(PO\)|since\s+PO|rebeld)",
}
_CUES = {k: re.compile(v, re.I) for k, v in _CUES.items()}


def _overlaps(a: set[str], b: set[str]) -> bool:
    return bool(a and b) and len(a & b) >= max(1, min(len(a), len(b)) / 2)


def name_candidates(doc) -> list[tuple[str, bool, dict[str, float]]]:
    """(name, the rules hold it, features) for each person-like name of two words or more."""
    from atlas_courts.extract.parties import name_key, same_person, split_name_list
    from atlas_courts.extract.sections import section_of
    from atlas_courts.train.features import _words

    text, ext = doc.text, doc.extraction
    footnotes = next((s.start for s in ext.sections if s.name == "footnotes"), len(text))
    defendant_keys = [name_key(m.value or m.text) for m in ext.mentions
                      if m.label == "PERSON" and (m.attrs or {}).get("role") == "defendant"]

    def held(name: str) -> bool:
        return any(_overlaps(name_key(name), k) for k in defendant_keys)

    mentions = split_name_list(text[:footnotes], 0)  # the rules' own reading of names, two words or more
    # names joined only by list separators form one list ("A, B y C")
    lists: list[int] = []
    for i, (s, _e, _n) in enumerate(mentions):
        joined = i > 0 and s - mentions[i - 1][1] < 8 and _SEPARATOR.fullmatch(text[mentions[i - 1][1] : s])
        lists.append(lists[-1] if joined else (lists[-1] + 1 if lists else 0))
    members: dict[int, list[str]] = defaultdict(list)
    for (_s, _e, name), li in zip(mentions, lists):
        members[li].append(name)
    people: list[tuple[str, list[tuple[int, int, int]]]] = []
    for (s, e, name), li in zip(mentions, lists):
        for person_name, spans in people:
            if same_person(person_name, name):
                spans.append((s, e, li))
                break
        else:
            people.append((name, [(s, e, li)]))

    lang = doc.language or "unknown"
    doc_type = next((m.value for m in ext.of("DOC_TYPE")), None)
    out = []
    for name, spans in people:
        is_held = held(name)
        f: dict[str, float] = defaultdict(float)
        f[f"lang={lang}"] = f[f"doc_type={doc_type}"] = 1.0
        f[f"rules_hold={is_held}"] = 1.0
        f[f"mentions={min(len(spans), 5)}"] = 1.0
        for s, e, li in spans:
            f[f"section={section_of(ext.sections, s)}"] += 1
            others = [n for n in members[li] if not same_person(n, name)]
            if others:
                f["listed"] += 1
                f[f"list_size={min(len(members[li]), 5)}"] = 1.0
                if any(held(n) for n in others):
                    f["listed_with_defendant"] += 1
            before, after = text[max(0, s - 60) : s], text[e : e + 60]
            for w in _words(before)[-4:]:
                f[f"w<{w}"] = 1.0
            for w in _words(after)[:4]:
                f[f"w>{w}"] = 1.0
            for cue, rx in _CUES.items():
                f[f"before:{cue}"] += 1 if rx.search(before) else 0
                f[f"after:{cue}"] += 1 if rx.search(after) else 0
        out.append((name, is_held, {k: (1 + (v - 1) ** 0.5 / 2 if v > 1 else v) for k, v in f.items() if v}))
    return out


def defendant_rows(doc) -> list[tuple[str, dict[str, float], int]]:
    """(name, features, in the gold) for each of the rules' defendants."""
    from atlas_courts.train.features import record_defendants, verdict_feature_dicts
    from atlas_courts.train.targets import verdict_labels

    defendants = record_defendants(doc.extraction, doc.rule_record)
    feats = verdict_feature_dicts(doc.extraction, defendants)
    gold = verdict_labels(doc)[: len(feats)]
    rows = []
    for d, f, y in zip(defendants, feats, gold):
        f = dict(f)
        f[f"method={d.mention.method.split('.')[1]}"] = 1.0
        f[f"confidence={d.mention.confidence}"] = 1.0
        f[f"mentions={min(len((d.mention.attrs or {}).get('mentions') or []), 3)}"] = 1.0
        rows.append((d.mention.value or d.mention.text, f, int(y is not None)))
    return rows


def _cross_validate(units, folds, cfg, seed, balance):
    """units: (doc index, origin, name, features, label, extra); out-of-fold P(label 1) for each."""
    from atlas_courts.train.crossval import _fit_one

    probs: list[float | None] = [None] * len(units)  # None: the fold's training part has one class only
    for f in sorted(set(folds)):
        train = [u for u in units if folds[u[0]] != f]
        if len({u[4] for u in train}) < 2:
            continue
        # the verdict classifier's hyperparameters and origin balancing, as `atlas-courts train` fits it
        model = _fit_one([(u[3], str(u[4]), u[1]) for u in train], cfg["verdicts"], seed, balance, "0")
        for i, u in enumerate(units):
            if folds[u[0]] == f:
                probs[i] = model.predict_proba(u[3]).get("1", 0.0)
    return probs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", default=str(ROOT / "models" / "configs" / "atlas.cfg"))
    parser.add_argument("--cache", default=None, help="ingest cache shared with evaluate --cache")
    parser.add_argument("--show", type=int, default=12, help="candidates to list per origin")
    args = parser.parse_args(argv)
    os.environ["ATLAS_COURTS_MODEL"] = "none"  # training data are the rules' output, never a model's
    os.chdir(ROOT)

    from atlas_courts.evaluate.scoring import match_defendants
    from atlas_courts.train import _sources_from, load_config
    from atlas_courts.train.data import load_training_docs
    from atlas_courts.train.split import assign_cases, case_folds

    config = load_config(args.config)
    cfg = config["atlas"]
    seed = int(cfg["seed"])
    balance = bool(cfg["data"].get("balance_origins", False))
    docs, _warnings = load_training_docs(_sources_from(config, ROOT), cache_dir=args.cache)
    assign_cases(docs)
    folds = case_folds(docs, min(int(cfg["folds"]), len({d.case for d in docs})), seed=seed)
    scored = [i for i, d in enumerate(docs)
              if (d.gold or {}).get("defendants") and not d.gold.get("_partial")]
    print(f"{len(scored)} documents with gold defendants, {len(set(folds))} leave-cases-out folds (seed {seed})\n")

    candidates = []
    for i in scored:
        cands = name_candidates(docs[i])
        pairs = match_defendants([{"name": n} for n, _h, _f in cands], docs[i].gold["defendants"])
        candidates += [(i, docs[i].origin, n, f, int(j in pairs), held) for j, (n, held, f) in enumerate(cands)]
    print("ADD: candidates the rules do not hold, with P(defendant) >= threshold (+TP right, +FP wrong)")
    for label, units in (("trained on every candidate", candidates),
                         ("trained on the candidates the rules do not hold", [u for u in candidates if not u[5]])):
        probs = _cross_validate(units, folds, cfg, seed, balance)
        print(f"  {label}:")
        for origin in sorted({u[1] for u in units}):
            rows = [(u, p) for u, p in zip(units, probs) if u[1] == origin and not u[5] and p is not None]
            missed = sum(u[4] for u, _p in rows)
            cells = "  ".join(f">={t:.1f} +{sum(1 for u, p in rows if p >= t and u[4])}/-{sum(1 for u, p in rows if p >= t and not u[4])}"
                              for t in THRESHOLDS)
            print(f"    {origin:<10} missed by the rules {missed:>2} of {len(rows):>4} candidates:  {cells}")
            for u, p in sorted(rows, key=lambda r: -r[1])[: args.show if origin == "dev" else 0]:
                print(f"      {p:.2f} {'defendant' if u[4] else '-':<9} {u[2]}  ({docs[u[0]].file[:48]})")

    rows = [(i, docs[i].origin, n, f, y, None) for i in scored for n, f, y in defendant_rows(docs[i])]
    probs = _cross_validate(rows, folds, cfg, seed, balance)
    print("\nDROP: the rules' defendants with P(in the gold) < threshold (right: not in the gold / wrong)")
    for origin in sorted({r[1] for r in rows}):
        unscored = sum(1 for r, p in zip(rows, probs) if r[1] == origin and p is None)
        mine = [(r, p) for r, p in zip(rows, probs) if r[1] == origin and p is not None]
        wrong_in_rules = [r[2] for r, _p in mine if not r[4]]
        cells = "  ".join(f"<{1 - t:.1f} {sum(1 for r, p in mine if p < 1 - t and not r[4])}/"
                          f"{sum(1 for r, p in mine if p < 1 - t and r[4])}" for t in THRESHOLDS)
        print(f"    {origin:<10} {len(mine):>3} defendants, {len(wrong_in_rules)} not in the gold {wrong_in_rules}"
              + (f" ({unscored} more not scored: their fold's training part holds no defendant the gold lacks)"
                 if unscored else ""))
        print(f"               {cells}")
        low = sorted(mine, key=lambda rp: rp[1])[:5]
        print("               lowest: " + ", ".join(f"{r[2]} {p:.2f}{'' if r[4] else ' (not in gold)'}" for r, p in low))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
