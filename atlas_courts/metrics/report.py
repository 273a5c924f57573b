"""``compute_metrics``: every measure over atlas.db, as one report."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from ..errors import UsageError
from .caseload import CaseloadRow, caseload
from .cases import Case, load_cases
from .estimate import COMPLETE, KAPLAN_MEIER, METHOD_NOTES, OBSERVED
from .groups import DIMENSION_NOTES, DIMENSIONS, Group, groups
from .sentences import RangeRow, catalog_ranges, sentence_ranges, summarise_ranges
from .timeline import QUALITY_RULES, STAGES, CaseTimeline, QualityCounts, precision, timeline

# A field missing in more than this share of cases is flagged.
MISSING_THRESHOLD = 0.8

DEFAULT_DIMENSIONS = ("all", "source", "country", "court", "office", "judgment_year", "filing_year", "category", "statute")


def _missing_fields(cases: list[Case]) -> list[dict[str, Any]]:
    """Share of cases missing each field; those above the threshold are flagged."""
    checks: dict[str, tuple[list[Case], Any]] = {
        "country": (cases, lambda c: c.country),
        "court": (cases, lambda c: c.court),
        "office": (cases, lambda c: c.office),
        "verdict": (cases, lambda c: c.verdict if c.verdict not in (None, "unknown") else None),
        "category": (cases, lambda c: c.categories or None),
        "statute": (cases, lambda c: c.statutes or None),
        "sentence (convicted cases)": (
            [c for c in cases if c.convicted],
            lambda c: c.imprisonment_months if c.imprisonment_months is not None or c.life or c.death else None,
        ),
    }
    for etype in ("offence", "complaint", "arrest", "indictment", "trial_start", "judgment", "appeal_decision"):
        checks[f"{etype} date (day precision)"] = (
            cases, lambda c, e=etype: any(t == e and precision(d) == "day" for t, d in c.events) or None
        )
    out = []
    for name, (pool, get) in checks.items():
        if not pool:
            continue
        missing = sum(1 for c in pool if get(c) in (None, (), ""))
        share = missing / len(pool)
        out.append({"field": name, "cases": len(pool), "missing": missing, "share_missing": round(share, 4),
                    "flagged": share > MISSING_THRESHOLD})
    return out


@dataclass
class MetricsReport:
    computed_on: str
    cases: list[Case]
    timelines: list[CaseTimeline]
    quality: QualityCounts
    missing: list[dict[str, Any]]
    groups: list[Group]
    ranges: list[RangeRow]
    caseload: list[CaseloadRow]
    office_caseload: list[CaseloadRow]
    min_n: int
    notes: list[str] = field(default_factory=list)

    @property
    def methods(self) -> set[str]:
        return {s.method for g in self.groups for s in g.stages.values()}

    def group(self, dimension: str, value: object) -> Group:
        for g in self.groups:
            if g.dimension == dimension and g.value == value:
                return g
        raise KeyError((dimension, value))

    def censoring_statement(self) -> str:
        by_source = Counter(c.source for c in self.cases)
        known = sorted({c.source for c in self.cases if c.pending_known})
        unknown = sorted(set(by_source) - set(known))
        parts = []
        if known:
            parts.append(f"{', '.join(known)}: pending cases are known, durations are Kaplan-Meier estimates "
                         f"(pending cases censored at the as-of date)")
        if unknown:
            parts.append(f"{', '.join(unknown)}: figures cover decided cases only (no pending cases are known)")
        return "; ".join(parts) or "no cases"

    def to_json(self) -> dict[str, Any]:
        sources = Counter(c.source for c in self.cases)
        return {
            "schema": "atlas-courts/metrics/1",
            "computed_on": self.computed_on,
            "unit": "case = one defendant in one indictment (documents: one defendant in one document)",
            "cases": {"total": len(self.cases), "by_source": dict(sorted(sources.items())),
                      "pending": sum(1 for c in self.cases if c.pending)},
            "censoring": self.censoring_statement(),
            "methods": {m: METHOD_NOTES[m] for m in sorted(self.methods)},
            "stages": [{"stage": s.name, "order": s.order, "label": s.label, "from": s.start, "to": list(s.ends),
                        "sequential": s.sequential} for s in STAGES],
            "data_quality": {
                "rules": QUALITY_RULES,
                **self.quality.to_json(),
                "missing_fields": self.missing,
                "missing_threshold": MISSING_THRESHOLD,
            },
            "dimensions": {d: DIMENSION_NOTES[d] for d in dict.fromkeys(g.dimension for g in self.groups)},
            "groups": [g.to_json() for g in self.groups],
            "bottleneck_min_n": self.min_n,
            "sentence_ranges": summarise_ranges(self.ranges),
            "caseload": [r.to_json() for r in self.caseload + self.office_caseload],
            "notes": self.notes,
        }


def compute_metrics(
    db: sqlite_utils.Database,
    *,
    as_of: str | None = None,
    today: datetime.date | None = None,
    dimensions: tuple[str, ...] = DEFAULT_DIMENSIONS,
    min_n: int = 1,
    cases: list[Case] | None = None,
) -> MetricsReport:
    """Every measure over the cases of ``db`` (see the metrics package docstring).

    ``as_of`` declares the date the document-derived cases are complete at (then
    their unfinished stages are pending, not missing); ``today`` is the limit of
    the "future date" rule (default: the real today). ``cases`` replaces the
    cases read from ``db`` (publish passes them with court names as published).
    """
    if as_of is not None and precision(as_of) != "day":
        raise UsageError(f"as_of must be a date YYYY-MM-DD, got {as_of!r}")
    unknown = [d for d in dimensions if d not in DIMENSIONS]
    if unknown:
        raise UsageError(f"unknown group dimension(s) {', '.join(unknown)}; choose from {', '.join(DIMENSIONS)}")
    if isinstance(min_n, bool) or not isinstance(min_n, int) or min_n < 1:
        raise UsageError(f"min_n must be a positive integer, got {min_n!r}")
    today = today or datetime.date.today()
    if cases is None:
        cases = load_cases(db, as_of=as_of)
    quality = QualityCounts()
    timelines = [timeline(c, today, quality) for c in cases]
    ranges = sentence_ranges(cases, catalog_ranges(db))
    notes = []
    if any(c.source == "documents" for c in cases) and as_of is None:
        notes.append("Document-derived cases are decided cases only: their durations are survivor-biased.")
    if any(c.source == "documents" for c in cases):
        notes.append("Documents are not linked to one another: an appeal decision and the judgment it reviews "
                     "are separate cases unless both dates are in one document.")
    return MetricsReport(
        computed_on=today.isoformat(),
        cases=cases,
        timelines=timelines,
        quality=quality,
        missing=_missing_fields(cases),
        groups=groups(timelines, dimensions, min_n=min_n),
        ranges=ranges,
        caseload=caseload(timelines, "court"),
        office_caseload=caseload(timelines, "office"),
        min_n=min_n,
        notes=notes,
    )


__all__ = ["COMPLETE", "KAPLAN_MEIER", "OBSERVED", "MetricsReport", "compute_metrics"]
