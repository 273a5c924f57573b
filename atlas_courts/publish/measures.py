"""The timeline metrics in ``public.db`` (``publish(..., metrics=True)``).

Tables computed by ``atlas_courts.metrics`` over the same snapshot of atlas.db
the rest of public.db comes from, with court names as published (people's
names replaced). Nothing about victims, and no names of imported defendants:
cases are keyed by document and position, or by the export's own row id.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

import sqlite_utils

from ..metrics.cases import load_cases
from ..metrics.estimate import METHOD_NOTES
from ..metrics.groups import DIMENSION_NOTES
from ..metrics.report import MetricsReport, compute_metrics
from ..errors import UsageError
from ..metrics.timeline import QUALITY_RULES, STAGES, precision
from .tables import CATEGORY, Column, Table

STAGE_NAMES = ", ".join(s.name for s in STAGES)
_CASE_KEY = Column(
    "case_key", str,
    "The case: one defendant in one indictment. 'doc:<document sha256>:<defendant position>' for a case read "
    "from a judgment, 'import:<source>:<row id>' for a row of an imported case-management export.",
)
_SOURCE = Column("source", str, "Where the case comes from: 'documents' (read from judgments) or the tag of an imported export.")
_COUNTRY = Column("country", str, "Country of the court, ISO 3166-1 alpha-2 code.")
_COURT = Column("court", str, "The court, as named in the document or export (names of people replaced by placeholders).")
_OFFICE = Column("office", str, "Prosecutors' office, where the source names it (imported exports); null otherwise.")
_JYEAR = Column("judgment_year", int, "Year of the first-instance judgment (imported exports: of the disposition); null while pending.")
_FYEAR = Column("filing_year", int, "Year of the indictment (the filing).")
_CATS = Column("categories", str, f"JSON list of the offence categories charged ({CATEGORY}).")
_STATUTES = Column("statutes", str, "JSON list of the provisions charged, <country>:<instrument>:<article>.")

METRIC_TABLES: tuple[Table, ...] = (
    Table(
        "measured_cases",
        "One row per case measured (one defendant in one indictment: for judgments, one defendant in one "
        "document), with where it was decided and how it ended.",
        ("case_key",),
        (
            _CASE_KEY, _SOURCE,
            Column("document", str, "SHA-256 of the source judgment (joins to documents.sha256); null for imported rows."),
            Column("defendant", str, "The defendant (joins to defendants.id); null for imported rows."),
            _COUNTRY, _COURT, _OFFICE, _JYEAR, _FYEAR, _CATS, _STATUTES,
            Column("verdict", str, "convicted, acquitted, dismissed, mixed or unknown (unknown while pending)."),
            Column("convicted", int, "1 when convicted of at least one charge (verdict convicted or mixed)."),
            Column("sentenced", int, "1 when convicted and a sentence is recorded (a term, even of 0 months, life, death or a fine)."),
            Column("pending", int, "1 when the source lists the case as still open at its as-of date."),
            Column("imprisonment_months", float, "Longest custodial term (imported exports: total months sentenced).", "months"),
        ),
        facets=("source", "country", "verdict"),
        indexes=(("country", "court"), ("office",)),
    ),
    Table(
        "measured_charges",
        "One row per case, charge and provision charged, with the charge's outcome: the basis of conviction "
        "rates by statute across judgments and imported exports.",
        ("case_key", "position"),
        (
            _CASE_KEY,
            Column("position", int, "Order of the row in the case, from 0."),
            _SOURCE, _COUNTRY, _COURT, _OFFICE, _JYEAR,
            Column("statute_id", str, "Provision charged; null when the charge names none or a range of sections."),
            Column("category", str, f"Offence category: {CATEGORY}."),
            Column("verdict", str, "Outcome of the charge: convicted, acquitted, dismissed or unknown (pending included)."),
        ),
        facets=("verdict", "category", "country"),
        indexes=(("statute_id",), ("country", "court")),
    ),
    Table(
        "stage_intervals",
        "One row per case and stage it began: the days it took, or, for a case still pending at the as-of date "
        "of its source, the days so far (ended = 0). Data-quality rules are applied first (see data_quality).",
        ("case_key", "stage"),
        (
            _CASE_KEY,
            Column("stage", str, f"Procedural stage: {STAGE_NAMES}."),
            Column("stage_order", int, "Order of the stage (1-5 the chain complaint → appeal decision; 6 offence → judgment; 7 indictment → disposition)."),
            Column("start_date", str, "Date the stage began, YYYY-MM-DD."),
            Column("end_date", str, "Date the stage ended, or the as-of date of a pending case, YYYY-MM-DD."),
            Column("days", int, "Days from start_date to end_date.", "days"),
            Column("ended", int, "1 when the stage ended; 0 when the case was still in it at the as-of date (censored)."),
            Column("end_event", str, "Event type the stage ended at (null while pending)."),
            _SOURCE, _COUNTRY, _COURT, _OFFICE, _JYEAR, _FYEAR, _CATS, _STATUTES,
        ),
        facets=("stage", "country", "ended"),
        indexes=(("stage",), ("country", "court"), ("office",)),
    ),
    Table(
        "stage_summary",
        "Stage durations per group: n, median, quartiles and the share within the court time standards "
        "(90 / 180 / 365 days). method says how: 'observed' (decided cases only, survivor-biased), 'complete' "
        "(pending cases known, none pending in this stage) or 'kaplan-meier' (pending cases censored).",
        ("dimension", "value", "stage"),
        (
            Column("dimension", str, "How cases are grouped: " + "; ".join(f"{k}: {v}" for k, v in DIMENSION_NOTES.items()) + "."),
            Column("value", str, "The group (a country code, court name, year, category, statute id, ...)."),
            Column("stage", str, f"Procedural stage: {STAGE_NAMES}."),
            Column("stage_order", int, "Order of the stage."),
            Column("method", str, "; ".join(f"{k}: {v}" for k, v in METHOD_NOTES.items()) + "."),
            Column("n_started", int, "Cases with a usable start date for the stage."),
            Column("n", int, "Cases that reached the end of the stage (measured)."),
            Column("n_pending", int, "Cases still in the stage at the as-of date (censored)."),
            Column("median_days", float, "Median length of the stage (Kaplan-Meier: the time by which half the cases ended; null when not reached).", "days"),
            Column("q1_days", float, "First quartile of the stage's length.", "days"),
            Column("q3_days", float, "Third quartile of the stage's length.", "days"),
            Column("within_90", float, "Share of cases that ended the stage within 90 days, 0 to 1."),
            Column("within_180", float, "Share of cases that ended the stage within 180 days, 0 to 1."),
            Column("within_365", float, "Share of cases that ended the stage within 365 days, 0 to 1."),
            Column("median_decided_days", float, "Median of the cases that ended the stage only (the survivor-biased figure).", "days"),
            Column("min_days", int, "Shortest measured length.", "days"),
            Column("max_days", int, "Longest measured length.", "days"),
        ),
        facets=("dimension", "stage", "method"),
        indexes=(("dimension", "value"), ("stage",)),
    ),
    Table(
        "bottlenecks",
        "For each group, the stage with the largest share of the median total time (the sum of the medians "
        "of the sequential stages complaint → arrest → indictment → trial → judgment → appeal decision), with its n.",
        ("dimension", "value"),
        (
            Column("dimension", str, "How cases are grouped (see stage_summary.dimension)."),
            Column("value", str, "The group."),
            Column("stage", str, "The bottleneck stage."),
            Column("share", float, "The stage's median divided by the median total, 0 to 1."),
            Column("median_days", float, "The stage's median.", "days"),
            Column("n", int, "Cases measured in the stage."),
            Column("total_median_days", float, "Sum of the medians of the sequential stages measured in the group.", "days"),
        ),
        facets=("dimension", "stage"),
    ),
    Table(
        "sentence_ranges",
        "One row per conviction and provision: the custodial term against the provision's statutory range "
        "from the catalog. For judgments the term is the defendant's longest single term; imported exports "
        "give the term per provision where they have one (charge_level = 1).",
        ("case_key", "position"),
        (
            _CASE_KEY,
            Column("position", int, "Order of the conviction in the case, from 0."),
            _SOURCE,
            Column("document", str, "SHA-256 of the source judgment; null for imported rows."),
            Column("defendant", str, "The defendant (joins to defendants.id); null for imported rows."),
            _COUNTRY, _COURT, _OFFICE,
            Column("statute_id", str, "Provision convicted under; null when the source names a range of sections."),
            Column("category", str, f"Offence category: {CATEGORY}."),
            Column("months", float, "The custodial term compared.", "months"),
            Column("penalty_min_months", float, "Minimum the provision sets.", "months"),
            Column("penalty_max_months", float, "Maximum the provision sets (null: none).", "months"),
            Column("position_in_range", str, "below_minimum, within, above_maximum; or, not compared: suspended, life, "
                   "death, no_custodial_term, range_unknown, not_in_catalog."),
            Column("charge_level", int, "1 when months is the sentence for this provision alone."),
        ),
        facets=("position_in_range", "statute_id", "country"),
        indexes=(("statute_id",), ("country", "court"), ("office",)),
    ),
    Table(
        "caseload",
        "Clearance rate and disposition time per court or office and year, where filings and pending cases are "
        "known (imported exports that list open cases). Covers the cases in the data set only.",
        ("unit_type", "unit", "year"),
        (
            Column("unit_type", str, "court or office."),
            Column("unit", str, "The court or office."),
            Column("year", int, "Calendar year."),
            Column("filed", int, "Cases filed (indicted) in the year."),
            Column("disposed", int, "Cases disposed in the year."),
            Column("pending_end", int, "Cases pending on 31 December (or the as-of date in its year)."),
            Column("clearance_rate", float, "disposed / filed; null when nothing was filed."),
            Column("disposition_days", float, "365 × pending_end / disposed: days to clear the backlog at the year's pace.", "days"),
            Column("partial_year", int, "1 when the as-of date falls inside the year."),
        ),
        facets=("unit_type",),
    ),
    Table(
        "data_quality",
        "The data-quality rules applied before any measure, with how many dates (or stages) each excluded, "
        "and the share of cases missing each field (flagged above 80%).",
        ("rule", "what"),
        (
            Column("rule", str, "The rule: " + "; ".join(f"{k}: {v}" for k, v in QUALITY_RULES.items())
                   + "; missing_field: share of cases without the field."),
            Column("what", str, "Event type, stage or field the row counts ('all' for the rule's total)."),
            Column("n", int, "Dates, stages or cases concerned."),
            Column("share_missing", float, "missing_field rows: the share of cases missing the field, 0 to 1."),
            Column("flagged", int, "1 when the field is missing in more than 80% of cases."),
            Column("description", str, "What the rule does."),
        ),
        facets=("rule", "flagged"),
    ),
    Table(
        "units",
        "Courts and prosecutors' offices with their country and number of cases: the peers a unit is compared with.",
        ("unit_type", "unit"),
        (
            Column("unit_type", str, "court or office."),
            Column("unit", str, "The court or office."),
            _COUNTRY,
            Column("n_cases", int, "Cases measured."),
            Column("n_convicted", int, "Cases with a conviction."),
        ),
        facets=("unit_type", "country"),
    ),
    Table(
        "metrics_notes",
        "How the metrics were computed: date of computation, censoring, methods and caveats.",
        ("key",),
        (
            Column("key", str, "What the note is about."),
            Column("value", str, "The note."),
        ),
    ),
)


def _j(values) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def compute_for_publish(src: sqlite_utils.Database, courts: dict[str, str | None], today: datetime.date | None,
                        as_of: str | None) -> MetricsReport:
    """The metrics of atlas.db, with each document's court as published (``courts``)."""
    if as_of is not None and precision(as_of) != "day":
        raise UsageError(f"as_of must be a date YYYY-MM-DD, got {as_of!r}")
    cases = load_cases(src, as_of=as_of)
    for c in cases:
        if c.document is not None:
            c.court = courts.get(c.document)
    return compute_metrics(src, cases=cases, today=today, as_of=as_of)


def metric_rows(report: MetricsReport) -> dict[str, Iterator[dict[str, Any]] | list[dict[str, Any]]]:
    def case_cols(t) -> dict[str, Any]:
        c = t.case
        return {"source": c.source, "country": c.country, "court": c.court, "office": c.office,
                "judgment_year": t.judgment_year, "filing_year": t.filing_year,
                "categories": _j(c.categories), "statutes": _j(c.statutes)}

    measured = []
    intervals = []
    charges = []
    for t in report.timelines:
        c = t.case
        base = case_cols(t)
        measured.append({
            "case_key": c.key, "document": c.document, "defendant": c.defendant, **base,
            "verdict": c.verdict, "convicted": int(c.convicted), "sentenced": int(c.sentenced),
            "pending": int(c.pending), "imprisonment_months": c.imprisonment_months,
        })
        for position, (sid, category, verdict) in enumerate(c.charges):
            charges.append({"case_key": c.key, "position": position, "source": c.source, "country": c.country,
                            "court": c.court, "office": c.office, "judgment_year": t.judgment_year,
                            "statute_id": sid, "category": category, "verdict": verdict})
        for stage in STAGES:
            i = t.intervals.get(stage.name)
            if i is None:
                continue
            intervals.append({
                "case_key": c.key, "stage": stage.name, "stage_order": stage.order,
                "start_date": i.start.isoformat(), "end_date": i.end.isoformat(), "days": i.days,
                "ended": int(i.ended), "end_event": i.end_event, **base,
            })
    summary, necks = [], []
    for g in report.groups:
        for s in g.stages.values():
            summary.append({
                "dimension": g.dimension, "value": str(g.value), "stage": s.stage,
                "stage_order": next(x.order for x in STAGES if x.name == s.stage), "method": s.method,
                "n_started": s.n_started, "n": s.n, "n_pending": s.n_pending, "median_days": s.median,
                "q1_days": s.q1, "q3_days": s.q3, "within_90": s.within_90, "within_180": s.within_180,
                "within_365": s.within_365, "median_decided_days": s.median_decided,
                "min_days": s.min_days, "max_days": s.max_days,
            })
        if g.bottleneck:
            b = g.bottleneck
            necks.append({"dimension": g.dimension, "value": str(g.value), "stage": b.stage, "share": b.share,
                          "median_days": b.median, "n": b.n, "total_median_days": b.total_median})
    positions: Counter = Counter()
    ranges = []
    for r in report.ranges:
        ranges.append({
            "case_key": r.case, "position": positions[r.case], "source": r.source, "document": r.document,
            "defendant": r.defendant, "country": r.country, "court": r.court, "office": r.office,
            "statute_id": r.statute_id, "category": r.category, "months": r.months,
            "penalty_min_months": r.penalty_min_months, "penalty_max_months": r.penalty_max_months,
            "position_in_range": r.position, "charge_level": int(r.charge_level),
        })
        positions[r.case] += 1
    quality = report.quality.to_json()
    dq = [{"rule": rule, "what": "all", "n": quality["by_rule"][rule], "share_missing": None, "flagged": 0,
           "description": QUALITY_RULES[rule]} for rule in QUALITY_RULES]
    dq += [{"rule": d["rule"], "what": d["what"], "n": d["n"], "share_missing": None, "flagged": 0,
            "description": QUALITY_RULES[d["rule"]]} for d in quality["detail"]]
    dq += [{"rule": "missing_field", "what": m["field"], "n": m["missing"], "share_missing": m["share_missing"],
            "flagged": int(m["flagged"]), "description": f"cases without the field, of {m['cases']}"}
           for m in report.missing]
    units: dict[tuple[str, str], dict[str, Any]] = {}
    for t in report.timelines:
        for unit_type in ("court", "office"):
            name = getattr(t.case, unit_type)
            if not name:
                continue
            u = units.setdefault((unit_type, name), {"unit_type": unit_type, "unit": name, "countries": Counter(),
                                                      "n_cases": 0, "n_convicted": 0})
            u["countries"][t.case.country] += 1
            u["n_cases"] += 1
            u["n_convicted"] += int(t.case.convicted)
    unit_rows = [
        {"unit_type": u["unit_type"], "unit": u["unit"], "country": u["countries"].most_common(1)[0][0],
         "n_cases": u["n_cases"], "n_convicted": u["n_convicted"]}
        for _, u in sorted(units.items())
    ]
    data = report.to_json()
    notes = [
        {"key": "computed_on", "value": data["computed_on"]},
        {"key": "unit", "value": data["unit"]},
        {"key": "censoring", "value": data["censoring"]},
        *({"key": f"method:{m}", "value": v} for m, v in data["methods"].items()),
        *({"key": f"note:{i}", "value": n} for i, n in enumerate(data["notes"], 1)),
    ]
    return {
        "measured_cases": measured,
        "measured_charges": charges,
        "stage_intervals": intervals,
        "stage_summary": summary,
        "bottlenecks": necks,
        "sentence_ranges": ranges,
        "caseload": [r.to_json() | {"partial_year": int(r.partial_year)} for r in report.caseload + report.office_caseload],
        "data_quality": dq,
        "units": unit_rows,
        "metrics_notes": notes,
    }
