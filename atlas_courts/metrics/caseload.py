"""Caseload measures, where filings and pending cases are known (structured
imports that list open cases):

* clearance rate = cases disposed in the year ÷ cases filed in the year;
* disposition time (days) = 365 × cases pending at the end of the year ÷ cases
  disposed in the year (how long the year's backlog would take to clear at that
  year's pace).

They cover the cases in the data set only (an export of trafficking cases is
not a court's whole docket), per court or office and calendar year, up to the
year of the as-of date (a partial year is marked). Document-derived records
are all decided cases with no count of filings, so no caseload is computed for
them.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass

from .timeline import CaseTimeline


@dataclass
class CaseloadRow:
    unit_type: str  # court or office
    unit: str
    year: int
    filed: int
    disposed: int
    pending_end: int  # filed by 31 December and not disposed by then
    clearance_rate: float | None
    disposition_days: float | None
    partial_year: bool

    def to_json(self) -> dict:
        d = asdict(self)
        for k in ("clearance_rate", "disposition_days"):
            if d[k] is not None:
                d[k] = round(d[k], 4)
        return d


def _disposed(t: CaseTimeline) -> datetime.date | None:
    return t.dates.get("judgment") or t.dates.get("termination")


def caseload(timelines: list[CaseTimeline], unit_type: str = "court") -> list[CaseloadRow]:
    known = [t for t in timelines if t.case.pending_known and t.case.as_of and "indictment" in t.dates]
    units: dict[str, list[CaseTimeline]] = {}
    for t in known:
        unit = getattr(t.case, unit_type)
        if unit:
            units.setdefault(unit, []).append(t)
    rows = []
    for unit, members in sorted(units.items()):
        as_of = max(datetime.date.fromisoformat(t.case.as_of) for t in members)
        first = min(t.dates["indictment"].year for t in members)
        for year in range(first, as_of.year + 1):
            end = min(datetime.date(year, 12, 31), as_of)
            filed = sum(1 for t in members if t.dates["indictment"].year == year)
            disposed = sum(1 for t in members if (d := _disposed(t)) is not None and d.year == year)
            pending = sum(
                1 for t in members
                if t.dates["indictment"] <= end and ((d := _disposed(t)) is None or d > end)
            )
            rows.append(CaseloadRow(
                unit_type, unit, year, filed, disposed, pending,
                disposed / filed if filed else None,
                365 * pending / disposed if disposed else None,
                end != datetime.date(year, 12, 31),
            ))
    return rows
