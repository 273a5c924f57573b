"""``atlas-courts evaluate``: the extractor against gold case records.

A gold record is ``<stem>.gold.json`` beside ``<stem>.pdf|.docx|.txt``.
Scores are micro-averaged precision / recall / F1 per field, overall and per
language (the gold's ``document.language``), with the FP and FN items of every
document kept for the error listing. A tracked baseline (``models/metrics.json``)
lets every change show its gains and losses per field.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from ..errors import GoldError, UsageError
from ..records import SCHEMA
from .scoring import FIELDS, Counts, score_record

__all__ = ["GoldPair", "Report", "find_gold", "evaluate_pairs", "compare_to_baseline", "FIELDS"]

_SOURCE_SUFFIXES = (".pdf", ".docx", ".txt")


@dataclass(frozen=True)
class GoldPair:
    source: Path
    gold_path: Path
    gold: dict[str, Any]

    @property
    def language(self) -> str:
        return (self.gold.get("document") or {}).get("language") or "unknown"


def find_gold(gold_dir: str | os.PathLike) -> list[GoldPair]:
    """Every document in ``gold_dir`` with a ``<stem>.gold.json`` beside it, sorted by name."""
    root = Path(gold_dir)
    if not root.is_dir():
        raise UsageError(f"{root}: not a directory")
    pairs = []
    for gold_path in sorted(root.glob("*.gold.json")):
        stem = gold_path.name[: -len(".gold.json")]
        sources = [root / f"{stem}{suffix}" for suffix in _SOURCE_SUFFIXES if (root / f"{stem}{suffix}").exists()]
        if not sources:
            continue
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise GoldError(f"{gold_path}: not readable JSON ({exc})") from exc
        if gold.get("schema") != SCHEMA:
            raise GoldError(f"{gold_path}: schema is {gold.get('schema')!r}, expected {SCHEMA!r}")
        pairs.append(GoldPair(sources[0], gold_path, gold))
    return pairs


@dataclass
class DocumentScore:
    file: str
    language: str
    fields: dict[str, Counts]
    errors: dict[str, dict[str, list]]  # field -> {"fp": [...], "fn": [...]}
    failed: str | None = None  # the ingest/extract error when the document could not be processed


@dataclass
class Report:
    documents: list[DocumentScore] = field(default_factory=list)

    def totals(self, language: str | None = None) -> dict[str, Counts]:
        totals = {name: Counts() for name in FIELDS}
        for doc in self.documents:
            if language is not None and doc.language != language:
                continue
            for name, counts in doc.fields.items():
                totals[name].add(counts)
        return totals

    @property
    def languages(self) -> list[str]:
        return sorted({d.language for d in self.documents})

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": len(self.documents),
            "failed": [d.file for d in self.documents if d.failed],
            "overall": {k: v.to_json() for k, v in self.totals().items()},
            "by_language": {
                lang: {
                    "documents": sum(1 for d in self.documents if d.language == lang),
                    "fields": {k: v.to_json() for k, v in self.totals(lang).items()},
                }
                for lang in self.languages
            },
            "per_document": [
                {
                    "file": d.file,
                    "language": d.language,
                    "failed": d.failed,
                    "fields": {k: v.to_json() for k, v in d.fields.items()},
                    "errors": d.errors,
                }
                for d in self.documents
            ],
        }


def _jsonable(items: Iterable[Any]) -> list:
    return sorted((list(i) if isinstance(i, tuple) else i for i in items), key=str)


def score_document(pair: GoldPair, predicted: dict | None, failed: str | None = None) -> DocumentScore:
    """Score one prediction; a failed document scores as all false negatives."""
    pred = predicted or {"defendants": [], "statutes_cited": [], "events": []}
    scored = score_record(pred, pair.gold)
    return DocumentScore(
        file=pair.source.name,
        language=pair.language,
        fields={name: counts for name, (counts, _fp, _fn) in scored.items()},
        errors={
            name: {"fp": _jsonable(fp), "fn": _jsonable(fn)}
            for name, (_counts, fp, fn) in scored.items()
            if fp or fn
        },
        failed=failed,
    )


def evaluate_pairs(
    pairs: list[GoldPair],
    predict: Callable[[list[Path]], Iterable[tuple[Path, dict | None, str | None]]],
) -> Report:
    """Run ``predict`` over the sources and score each result against its gold.

    ``predict`` yields ``(source, record_json or None, error message or None)``
    in any order; it is given all sources at once so that it can parallelise.
    """
    by_source = {p.source: p for p in pairs}
    report = Report()
    for source, record, error in predict([p.source for p in pairs]):
        report.documents.append(score_document(by_source[source], record, error))
    report.documents.sort(key=lambda d: d.file)
    return report


def summary_rows(report: Report) -> list[dict[str, Any]]:
    """One row per field and language (``all`` first), for printing and baselines."""
    rows = []
    for lang in ["all", *report.languages]:
        totals = report.totals(None if lang == "all" else lang)
        for name in FIELDS:
            c = totals[name]
            rows.append({"language": lang, "field": name, **c.to_json()})
    return rows


def compare_to_baseline(report: Report, baseline: dict[str, Any]) -> list[dict[str, Any]]:
    """Per field and language: the baseline F1, the new F1 and the change."""
    old = {(r["language"], r["field"]): r.get("f1") for r in baseline.get("rows", [])}
    out = []
    for row in summary_rows(report):
        key = (row["language"], row["field"])
        before = old.get(key)
        after = row["f1"]
        delta = None if before is None or after is None else round(after - before, 4)
        out.append({"language": key[0], "field": key[1], "baseline": before, "f1": after, "change": delta})
    return out


def baseline_json(report: Report, *, gold_dir: str, versions: dict[str, str]) -> dict[str, Any]:
    return {
        "gold_dir": gold_dir,
        "documents": len(report.documents),
        "versions": versions,
        "rows": summary_rows(report),
    }
