"""Stages of a case and the data-quality rules applied to its dates first.

Only dates known to the day are used; dates known only to the month or year
are skipped and counted. Before any stage is measured, impossible dates are
excluded and counted:

* ``future``: after the day the metrics are computed (or after the data's
  "as of" date, which no date in the data can pass);
* ``before_offence``: a procedural step (complaint, arrest, ...) dated before
  the case's earliest offence date;
* ``judgment_before_indictment``: both dates are excluded, since either may be
  the wrong one.

A stage whose end comes before its start after these rules (for example an
arrest on a sealed indictment, common in US federal cases) is not measured and
is counted as ``end_before_start``.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field

from .cases import Case

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH_OR_YEAR = re.compile(r"^\d{4}(-\d{2})?$")


@dataclass(frozen=True)
class Stage:
    name: str
    order: int
    start: str  # event type
    ends: tuple[str, ...]  # event types, in order of preference: the first the case has is the end
    label: str
    sequential: bool = True  # one step of the chain whose medians add up to the total
    # The case enters the stage only when one of these events is recorded (an
    # appeal stage does not begin for a case nobody appealed).
    requires: tuple[str, ...] = ()


# indictment -> trial start falls back to arraignment only when the case has no
# trial_start at all (an imprecise trial_start is skipped, not replaced: the
# two measure different steps). Disposition (the court-standards "time to
# disposition", filing to first-instance decision) ends at the judgment, or at
# the termination date of structured data that has no judgment date.
STAGES: tuple[Stage, ...] = (
    Stage("complaint_to_arrest", 1, "complaint", ("arrest",), "complaint → arrest"),
    Stage("arrest_to_indictment", 2, "arrest", ("indictment",), "arrest → indictment"),
    Stage("indictment_to_trial", 3, "indictment", ("trial_start", "arraignment"), "indictment → trial start (or arraignment)"),
    Stage("trial_to_judgment", 4, "trial_start", ("judgment",), "trial start → judgment"),
    Stage("judgment_to_appeal_decision", 5, "judgment", ("appeal_decision",), "judgment → appeal decision",
          requires=("appeal_filed", "appeal_decision")),
    Stage("offence_to_judgment", 6, "offence", ("judgment",), "offence → judgment (overall)", sequential=False),
    Stage("indictment_to_disposition", 7, "indictment", ("judgment", "termination"),
          "indictment → disposition (time to disposition)", sequential=False),
)
STAGES_BY_NAME = {s.name: s for s in STAGES}

# Order of event types along a prosecution; "termination" is the closing of a
# case in structured (case-management) data.
EVENT_ORDER = {
    "offence": 0, "complaint": 1, "arrest": 2, "indictment": 3, "arraignment": 4, "trial_start": 5,
    "judgment": 6, "sentencing": 7, "termination": 8, "appeal_filed": 9, "appeal_decision": 10,
}

QUALITY_RULES = {
    "not_day_precision": "date known only to the month or year: skipped (only day-precision dates are used)",
    "malformed": "date that is not a valid YYYY, YYYY-MM or YYYY-MM-DD: skipped",
    "future": "date after the day of computation (or after the data's as-of date): excluded",
    "before_offence": "procedural step dated before the case's earliest offence date: excluded",
    "judgment_before_indictment": "judgment dated before the indictment: both dates excluded",
    "end_before_start": "stage whose end is dated before its start: not measured",
}


def precision(date: object) -> str | None:
    """``day``, ``month``, ``year``, or None for a malformed or impossible date."""
    if not isinstance(date, str):
        return None
    if _DAY.match(date):
        try:
            datetime.date.fromisoformat(date)
        except ValueError:
            return None
        return "day"
    if _MONTH_OR_YEAR.match(date):
        if len(date) == 7 and not 1 <= int(date[5:]) <= 12:
            return None
        return "month" if len(date) == 7 else "year"
    return None


@dataclass
class QualityCounts:
    """Dates skipped or excluded, by rule and by event type."""

    by_rule: Counter = field(default_factory=Counter)
    by_rule_and_type: Counter = field(default_factory=Counter)  # (rule, event type or stage) -> n
    dates_seen: int = 0
    dates_used: int = 0

    def add(self, rule: str, what: str, n: int = 1) -> None:
        self.by_rule[rule] += n
        self.by_rule_and_type[(rule, what)] += n

    def to_json(self) -> dict:
        return {
            "dates_seen": self.dates_seen,
            "dates_used": self.dates_used,
            "by_rule": {r: self.by_rule.get(r, 0) for r in QUALITY_RULES},
            "detail": [
                {"rule": r, "what": w, "n": n}
                for (r, w), n in sorted(self.by_rule_and_type.items())
            ],
        }


def clean_dates(case: Case, today: datetime.date, counts: QualityCounts) -> dict[str, datetime.date]:
    """The case's date for each event type (earliest usable day-precision date),
    after the data-quality rules."""
    limit = today
    if case.as_of and precision(case.as_of) == "day":
        limit = min(limit, datetime.date.fromisoformat(case.as_of))
    dated: list[tuple[str, datetime.date]] = []
    for etype, date in case.events:
        counts.dates_seen += 1
        p = precision(date)
        if p is None:
            counts.add("malformed", etype)
            continue
        if p != "day":
            counts.add("not_day_precision", etype)
            continue
        d = datetime.date.fromisoformat(date)
        if d > limit:
            counts.add("future", etype)
            continue
        dated.append((etype, d))
    offences = [d for t, d in dated if t == "offence"]
    if offences:
        first = min(offences)
        kept = []
        for t, d in dated:
            if t != "offence" and d < first:
                counts.add("before_offence", t)
            else:
                kept.append((t, d))
        dated = kept
    earliest: dict[str, datetime.date] = {}
    for t, d in dated:
        if t not in earliest or d < earliest[t]:
            earliest[t] = d
    if "judgment" in earliest and "indictment" in earliest and earliest["judgment"] < earliest["indictment"]:
        n_j = sum(1 for t, _ in dated if t == "judgment")
        n_i = sum(1 for t, _ in dated if t == "indictment")
        counts.add("judgment_before_indictment", "judgment", n_j)
        counts.add("judgment_before_indictment", "indictment", n_i)
        del earliest["judgment"], earliest["indictment"]
        dated = [(t, d) for t, d in dated if t not in ("judgment", "indictment")]
    counts.dates_used += len(dated)
    return earliest


@dataclass(frozen=True)
class Interval:
    """One case's time in one stage: ended (``ended``) or still pending at the as-of date."""

    case: str
    stage: str
    start: datetime.date
    end: datetime.date  # the end date, or the as-of date for a pending case
    ended: bool
    end_event: str | None

    @property
    def days(self) -> int:
        return (self.end - self.start).days


@dataclass
class CaseTimeline:
    case: Case
    dates: dict[str, datetime.date]
    intervals: dict[str, Interval]
    # Stages begun (usable start date) but not measurable and not pending:
    # end missing, imprecise, excluded, or before the start.
    unmeasured: dict[str, str]
    started: set[str]  # stages with a usable start date (that the source can end)

    @property
    def judgment_year(self) -> int | None:
        """Year of the first-instance judgment (structured data: the disposition);
        for a document with no judgment event, the year of its decision date."""
        for t in ("judgment", "termination"):
            if t in self.dates:
                return self.dates[t].year
        if self.case.source == "documents" and precision(self.case.decision_date) is not None:
            return int(self.case.decision_date[:4])
        return None

    @property
    def filing_year(self) -> int | None:
        d = self.dates.get("indictment")
        return d.year if d else None


def _pending(case: Case, stage: Stage, present: set[str]) -> bool:
    if not case.pending_known or not case.as_of:
        return False
    if case.source != "documents":
        return case.pending
    # Documents under a declared as-of date: pending unless a step at or beyond
    # the stage's end was recorded (then the end is missing, not pending).
    first_end = min(EVENT_ORDER.get(t, 99) for t in stage.ends)
    if any(EVENT_ORDER.get(t, -1) >= first_end for t in present):
        return False
    return True


def timeline(case: Case, today: datetime.date, counts: QualityCounts) -> CaseTimeline:
    dates = clean_dates(case, today, counts)
    present = {t for t, _ in case.events}
    intervals: dict[str, Interval] = {}
    unmeasured: dict[str, str] = {}
    as_of = datetime.date.fromisoformat(case.as_of) if case.as_of and precision(case.as_of) == "day" else None
    started: set[str] = set()
    for stage in STAGES:
        if stage.start not in dates:
            continue  # not begun, or its start date is not usable (counted by the rules)
        if case.recordable is not None and not (set(stage.ends) & case.recordable):
            continue  # the source never records this stage's end
        if stage.requires and not (set(stage.requires) & present):
            continue  # e.g. no appeal was lodged
        started.add(stage.name)
        start = dates[stage.start]
        end_type = next((t for t in stage.ends if t in present), None)
        if end_type is None:
            if as_of is not None and _pending(case, stage, present) and as_of >= start:
                intervals[stage.name] = Interval(case.key, stage.name, start, as_of, False, None)
            else:
                unmeasured[stage.name] = "no end date"
            continue
        if end_type not in dates:
            unmeasured[stage.name] = "end date not usable"
            continue
        end = dates[end_type]
        if end < start:
            counts.add("end_before_start", stage.name)
            unmeasured[stage.name] = "end before start"
            continue
        intervals[stage.name] = Interval(case.key, stage.name, start, end, True, end_type)
    return CaseTimeline(case, dates, intervals, unmeasured, started)
