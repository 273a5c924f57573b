"""A trained model folder, loaded, and what it does to an extraction and a record.

    models/<name>-<version>/
        config.cfg          every hyperparameter (a copy of the training config)
        ner/                the spaCy span model (spacy.load-able)
        events.json         event type of a date (multinomial logistic regression as JSON)
        verdicts.json       verdict of a defendant (same)
        meta.json           name, version, training-data hash, sizes, library versions, date, file checksums
        metrics.json        cross-validated and held-out scores (and which numbers are in-sample)
        MODEL_CARD.md       intended use, data, per-label scores, known limits

Three ways to use it, all on the rules' extraction:

- ``events(extraction, mode="hybrid")``: the rules' events stay unless the
  classifier is sure otherwise (drop, re-type, or add a date the rules left
  untyped, each above its threshold); ``mode="model"``: the classifier types
  every candidate date on its own.
- ``verdicts(record, extraction, mode=…)``: likewise for each defendant's verdict.
- ``people(extraction)``: span-model people of the roles the rules do not find
  (victims, witnesses, judges) as PERSON mentions with that role.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..extract.events import consolidate, dedupe_events
from ..records import CaseRecord, Extraction, Mention, Sentence
from .features import date_candidates, event_feature_dicts, record_defendants, verdict_feature_dicts
from .linear import LinearModel

__all__ = ["Model", "load_model", "REQUIRED_FILES", "file_checksums"]

REQUIRED_FILES = ("config.cfg", "meta.json", "metrics.json", "MODEL_CARD.md", "events.json", "verdicts.json", "ner")
NONE = "none"


def file_checksums(folder: Path) -> dict[str, str]:
    """sha256 of every file of a model folder except meta.json itself (which holds them)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name != "meta.json":
            out[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


@dataclass
class Model:
    path: Path
    meta: dict[str, Any]
    config: dict[str, Any]  # the [atlas] section
    event_model: LinearModel
    verdict_model: LinearModel
    _ner: Any = field(default=None, repr=False)

    @property
    def id(self) -> str:
        return f"{self.meta['name']}-{self.meta['version']}"

    @property
    def ner(self):
        if self._ner is None:
            from .ner import load_ner

            self._ner = load_ner(self.path / "ner")
        return self._ner

    # ------------------------------------------------------------------ events

    def event_probabilities(self, extraction: Extraction):
        cands = date_candidates(extraction)
        cfg = self.config["events"]
        feats = event_feature_dicts(extraction, cands, before=int(cfg["context_before"]), after=int(cfg["context_after"]))
        return cands, [self.event_model.predict_proba(f) for f in feats]

    def events(self, extraction: Extraction, *, mode: str = "hybrid") -> list[Mention]:
        """The EVENT mentions of the hybrid (or of the model alone)."""
        cands, probs = self.event_probabilities(extraction)
        return combine_events(extraction, cands, probs, self.config["events"], mode=mode, method=f"model:events.{self.id}")

    # ------------------------------------------------------------------ verdicts

    def verdict_probabilities(self, record: dict[str, Any], extraction: Extraction) -> list[dict[str, float]]:
        defendants = record_defendants(extraction, record)
        feats = verdict_feature_dicts(extraction, defendants, context=int(self.config["verdicts"]["context"]))
        return [self.verdict_model.predict_proba(f) for f in feats]

    def verdicts(self, record: CaseRecord, extraction: Extraction, *, mode: str = "hybrid") -> CaseRecord:
        """The record with the verdicts the model changes (in place; also returned)."""
        probs = self.verdict_probabilities(record.to_json(), extraction)
        threshold = float(self.config["verdicts"]["threshold"])
        for defendant, p in zip(record.defendants, probs):
            top = max(p, key=lambda c: (p[c], c))
            if top == defendant.verdict:
                continue
            if mode == "hybrid" and p[top] < threshold:
                continue
            set_verdict(defendant, top)
        return record

    # ------------------------------------------------------------------ people

    def people(self, extraction: Extraction) -> list[Mention]:
        from .ner import predict_spans

        wanted = set(self.config["hybrid"]["ner_labels"])
        min_chars = int(self.config["hybrid"].get("ner_min_chars", 3))
        text = extraction.document.text
        taken = [(m.start, m.end) for m in extraction.mentions if m.label == "PERSON"]
        out = []
        for s, e, label in predict_spans(self.ner, text):
            if label not in wanted or e - s < min_chars:
                continue
            if any(a < e and s < b for a, b in taken):
                continue  # the rules already say who this is
            out.append(Mention("PERSON", s, e, text[s:e], value=" ".join(text[s:e].split()),
                               method=f"model:ner.{self.id}", confidence=0.5, attrs={"role": label.lower()}))
        return out


def combine_events(extraction: Extraction, cands, probs, cfg: dict[str, Any], *, mode: str, method: str) -> list[Mention]:
    rule_events = [m for m in extraction.of("EVENT") if isinstance(m.value, dict)]
    by_span = {(m.start, m.end): m for m in rule_events}
    out: list[Mention] = []
    spans = set()
    for c, p in zip(cands, probs):
        d = c.mention
        spans.add((d.start, d.end))
        top = max(p, key=lambda k: (p[k], k))
        rule = by_span.get((d.start, d.end))
        new = Mention("EVENT", d.start, d.end, d.text, value={"type": top, "date": d.value}, method=method,
                      confidence=round(p[top], 4))
        if mode == "model":
            if top != NONE:
                out.append(new)
            continue
        if rule is not None:
            if top == NONE and p[top] >= float(cfg["drop_threshold"]):
                continue
            if top not in (NONE, rule.value["type"]) and p[top] >= float(cfg["retype_threshold"]):
                out.append(new)
            else:
                out.append(rule)
        elif top != NONE and p[top] >= float(cfg["add_threshold"]):
            out.append(new)
    if mode != "model":
        out += [m for m in rule_events if (m.start, m.end) not in spans]
    # the same document-level rules as the rules' own events (one offence date, periods)
    return dedupe_events(consolidate(extraction.document.text, out))


def set_verdict(defendant, verdict: str) -> None:
    """A defendant's verdict changed by the model, with what follows from it (ANNOTATION.md):
    charges take the verdict (a mixed verdict keeps the rules' charge verdicts), and a sentence
    only stands for the convicted."""
    defendant.verdict = verdict
    if verdict in ("convicted", "acquitted", "dismissed", "unknown"):
        for c in defendant.charges:
            c.verdict = verdict
    if verdict not in ("convicted", "mixed"):
        defendant.sentence = Sentence()


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise UsageError(f"{path}: not a readable model file ({exc})") from exc


def check_folder(path: Path, *, verify: bool = True) -> dict[str, Any]:
    """The folder's meta.json after checking every required file is there (and, with ``verify``,
    that every file still has the checksum recorded at training)."""
    if not path.is_dir():
        raise UsageError(f"{path}: no such model folder")
    missing = [f for f in REQUIRED_FILES if not (path / f).exists()]
    if missing:
        raise UsageError(f"{path}: not a model folder (missing {', '.join(missing)})")
    meta = _read_json(path / "meta.json")
    if verify:
        recorded = meta.get("files") or {}
        actual = file_checksums(path)
        changed = sorted(k for k in recorded if actual.get(k) != recorded[k])
        if changed:
            raise UsageError(f"{path}: files changed since training (checksum mismatch: {', '.join(changed[:5])})")
    return meta


@lru_cache(maxsize=4)
def _load(path: str, stamp: float) -> Model:
    from spacy.util import load_config

    folder = Path(path)
    meta = check_folder(folder)
    config = load_config(folder / "config.cfg", interpolate=False)["atlas"]
    return Model(folder, meta, dict(config), LinearModel.load(folder / "events.json"),
                 LinearModel.load(folder / "verdicts.json"))


def load_model(path: str | Path) -> Model:
    """Load (once per process) and check a model folder."""
    folder = Path(path).resolve()
    if not (folder / "meta.json").exists():
        check_folder(folder)  # raises with the missing files
    return _load(str(folder), (folder / "meta.json").stat().st_mtime)
