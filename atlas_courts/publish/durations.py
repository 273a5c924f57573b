"""Stage durations of one case (DESIGN.md, "Timeline metrics").

A case is one stored document. For each event type the case's date is the
earliest day-precision date of that type. A stage is measured only when both
ends have day-precision dates; a negative duration is impossible (a date read
wrongly, or two proceedings mixed in one document) and is excluded and counted.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..metrics.timeline import precision  # noqa: F401  (one rule for how precise a date is; build imports it from here)

# (stage, order, from event type, to event types in order of preference).
# indictment -> trial start falls back to arraignment only when the case has
# no trial_start event at all (an imprecise trial_start is skipped, not
# replaced: the two measure different steps).
STAGES: tuple[tuple[str, int, str, tuple[str, ...]], ...] = (
    ("complaint_to_arrest", 1, "complaint", ("arrest",)),
    ("arrest_to_indictment", 2, "arrest", ("indictment",)),
    ("indictment_to_trial", 3, "indictment", ("trial_start", "arraignment")),
    ("trial_to_judgment", 4, "trial_start", ("judgment",)),
    ("judgment_to_appeal_decision", 5, "judgment", ("appeal_decision",)),
    ("offence_to_judgment", 6, "offence", ("judgment",)),
)

@dataclass
class Duration:
    stage: str
    stage_order: int
    from_event: str
    to_event: str
    from_date: str
    to_date: str
    days: int


@dataclass
class DurationCounts:
    measured: int = 0
    impossible: int = 0  # negative durations, excluded
    imprecise: int = 0  # an end known only to the month or year (or malformed)
    by_stage_impossible: Counter = field(default_factory=Counter)


def stage_durations(events: Iterable[tuple[str, str]], counts: DurationCounts | None = None) -> list[Duration]:
    """Durations of one case from its ``(type, date)`` events."""
    counts = counts if counts is not None else DurationCounts()
    day_dates: dict[str, datetime.date] = {}
    present: set[str] = set()
    for event_type, date in events:
        present.add(event_type)
        if precision(date) == "day":
            d = datetime.date.fromisoformat(date)
            if event_type not in day_dates or d < day_dates[event_type]:
                day_dates[event_type] = d
    out: list[Duration] = []
    for stage, order, start_type, end_types in STAGES:
        end_type = next((t for t in end_types if t in present), None)
        if start_type not in present or end_type is None:
            continue  # the case did not reach (or does not state) this stage
        if start_type not in day_dates or end_type not in day_dates:
            counts.imprecise += 1
            continue
        start, end = day_dates[start_type], day_dates[end_type]
        days = (end - start).days
        if days < 0:
            counts.impossible += 1
            counts.by_stage_impossible[stage] += 1
            continue
        counts.measured += 1
        out.append(Duration(stage, order, start_type, end_type, start.isoformat(), end.isoformat(), days))
    return out
