"""Groups of cases (country, court, office, year, offence category, statute, source)
and the bottleneck of each group."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .estimate import Summary, summarise
from .timeline import STAGES, STAGES_BY_NAME, CaseTimeline


def _one(value) -> tuple:
    return (value,) if value is not None else ()


# Each dimension gives the values a case belongs to: a case charged under two
# statutes (or in two categories) counts once in each.
DIMENSIONS: dict[str, Callable[[CaseTimeline], Iterable]] = {
    "all": lambda t: ("all",),
    "source": lambda t: (t.case.source,),
    "country": lambda t: _one(t.case.country),
    "court": lambda t: _one(t.case.court),
    "office": lambda t: _one(t.case.office),
    "judgment_year": lambda t: _one(t.judgment_year),
    "filing_year": lambda t: _one(t.filing_year),
    "category": lambda t: t.case.categories,
    "statute": lambda t: t.case.statutes,
}
DIMENSION_NOTES = {
    "all": "every case",
    "source": "where the case comes from: 'documents' (extracted from judgments) or an import's source tag",
    "country": "country of the court",
    "court": "the court as named in the document or export",
    "office": "prosecutors' office (structured data that names it)",
    "judgment_year": "year of the first-instance judgment (structured data: of the disposition); decided cases only",
    "filing_year": "year of the indictment (filing): the cohort, including cases still pending",
    "category": "offence category of a charge (a case counts in each of its categories)",
    "statute": "statutory provision charged (a case counts under each provision)",
}


@dataclass
class Bottleneck:
    stage: str
    share: float  # the stage's median / the sum of the sequential stages' medians
    median: float
    n: int
    total_median: float  # the sum of the sequential stages' medians

    def to_json(self) -> dict:
        return {"stage": self.stage, "share": round(self.share, 4), "median": self.median, "n": self.n,
                "total_median": self.total_median}


@dataclass
class Group:
    dimension: str
    value: object
    n_cases: int
    stages: dict[str, Summary]
    bottleneck: Bottleneck | None

    def to_json(self) -> dict:
        return {
            "dimension": self.dimension,
            "value": self.value,
            "n_cases": self.n_cases,
            "stages": [s.to_json() for s in self.stages.values()],
            "bottleneck": self.bottleneck.to_json() if self.bottleneck else None,
        }


def bottleneck(stages: dict[str, Summary], *, min_n: int = 1) -> Bottleneck | None:
    """The sequential stage (complaint → … → appeal decision) with the largest
    share of the median total time, where the median total is the sum of the
    sequential stages' medians measured in the group (each with n >= ``min_n``).
    Ties go to the earlier stage."""
    usable = [
        s for s in stages.values()
        if STAGES_BY_NAME[s.stage].sequential and s.median is not None and s.n >= min_n
    ]
    total = sum(s.median for s in usable)
    if not usable or total <= 0:
        return None
    best = max(usable, key=lambda s: (s.median, -STAGES_BY_NAME[s.stage].order))
    return Bottleneck(best.stage, best.median / total, best.median, best.n, total)


def summarise_cases(timelines: list[CaseTimeline]) -> dict[str, Summary]:
    """Every stage's summary over these cases (stages nobody began are left out)."""
    out: dict[str, Summary] = {}
    for stage in STAGES:
        members = [t for t in timelines if stage.name in t.started]
        if not members:
            continue
        intervals = [t.intervals[stage.name] for t in members if stage.name in t.intervals]
        out[stage.name] = summarise(
            stage.name, [i.days for i in intervals], [i.ended for i in intervals], len(members),
            censoring_known=all(t.case.pending_known for t in members),
        )
    return out


def group_timelines(timelines: list[CaseTimeline], dimension: str) -> dict[object, list[CaseTimeline]]:
    if dimension not in DIMENSIONS:
        raise KeyError(dimension)
    groups: dict[object, list[CaseTimeline]] = {}
    for t in timelines:
        for value in dict.fromkeys(DIMENSIONS[dimension](t)):
            groups.setdefault(value, []).append(t)
    return dict(sorted(groups.items(), key=lambda kv: str(kv[0])))


def groups(timelines: list[CaseTimeline], dimensions: Iterable[str], *, min_n: int = 1) -> list[Group]:
    out = []
    for dimension in dimensions:
        for value, members in group_timelines(timelines, dimension).items():
            stages = summarise_cases(members)
            out.append(Group(dimension, value, len(members), stages, bottleneck(stages, min_n=min_n)))
    return out
