"""Compare one court or prosecutors' office with its peers, stage by stage."""

from __future__ import annotations

import datetime
import difflib
from collections import Counter
from dataclasses import dataclass, field

import sqlite_utils

from ..errors import UsageError
from ..metrics.estimate import METHOD_NOTES, Summary
from ..metrics.groups import bottleneck, summarise_cases
from ..metrics.report import MetricsReport, compute_metrics
from ..metrics.sentences import RangeRow, catalog_ranges
from ..metrics.timeline import STAGES, CaseTimeline

UNIT_TYPES = ("court", "office")
PEER_SCOPES = ("country", "all")


@dataclass
class PeerMedian:
    unit: str
    median: float
    n: int


@dataclass
class StageComparison:
    stage: str
    label: str
    subject: Summary | None
    peers_pooled: Summary | None  # every peer case together
    peer_medians: list[PeerMedian]  # one per peer unit with a median (n >= min_n)
    percentile: float | None  # 0 = faster than every peer, 100 = slower than every peer

    def to_json(self) -> dict:
        return {
            "stage": self.stage,
            "label": self.label,
            "subject": self.subject.to_json() if self.subject else None,
            "peers_pooled": self.peers_pooled.to_json() if self.peers_pooled else None,
            "peer_medians": [p.__dict__ for p in self.peer_medians],
            "n_peers_compared": len(self.peer_medians),
            "percentile": None if self.percentile is None else round(self.percentile, 1),
        }


@dataclass
class Funnel:
    charged: int
    convicted: int
    sentenced: int

    def to_json(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Benchmark:
    unit_type: str
    unit: str
    peers: str
    country: str | None
    peer_units: list[str]
    stages: list[StageComparison]
    funnel: Funnel
    peers_funnel: Funnel
    subject_timelines: list[CaseTimeline]
    peer_timelines: list[CaseTimeline]
    ranges: list[RangeRow]  # subject and peer convictions
    catalog: dict[str, tuple]
    report: MetricsReport
    min_n: int
    notes: list[str] = field(default_factory=list)

    def bottleneck(self):
        return bottleneck({s.stage: s.subject for s in self.stages if s.subject}, min_n=self.min_n)

    def to_json(self) -> dict:
        b = self.bottleneck()
        return {
            "schema": "atlas-courts/benchmark/1",
            "unit_type": self.unit_type,
            "unit": self.unit,
            "peers": self.peers,
            "country": self.country,
            "peer_units": self.peer_units,
            "n_cases": len(self.subject_timelines),
            "n_peer_cases": len(self.peer_timelines),
            "percentile": "share of peer units whose median is shorter (ties count half), 0-100: "
                          "0 = faster than every peer, 100 = slower than every peer",
            "stages": [s.to_json() for s in self.stages],
            "bottleneck": b.to_json() if b else None,
            "funnel": {"subject": self.funnel.to_json(), "peers": self.peers_funnel.to_json()},
            "sentence_ranges": {
                who: dict(Counter(r.position for r in self.ranges if (getattr(r, self.unit_type) == self.unit) == mine))
                for who, mine in (("subject", True), ("peers", False))
            },
            "censoring": self.report.censoring_statement(),
            "methods": {m: METHOD_NOTES[m] for m in sorted({s.subject.method for s in self.stages if s.subject})},
            "min_n": self.min_n,
            "notes": self.notes,
        }


def percentile_rank(value: float, others: list[float]) -> float | None:
    """Share (0-100) of ``others`` below ``value``, ties counting half."""
    if not others:
        return None
    below = sum(1 for o in others if o < value)
    ties = sum(1 for o in others if o == value)
    return 100.0 * (below + 0.5 * ties) / len(others)


def _funnel(timelines: list[CaseTimeline]) -> Funnel:
    cases = [t.case for t in timelines]
    return Funnel(len(cases), sum(1 for c in cases if c.convicted), sum(1 for c in cases if c.sentenced))


def _resolve_unit(name: str, units: set[str], unit_type: str) -> str:
    if name in units:
        return name
    folded = {u.casefold(): u for u in units}
    if name.casefold() in folded:
        return folded[name.casefold()]
    close = [u for u in sorted(units) if name.casefold() in u.casefold()][:3]
    close = close or sorted(difflib.get_close_matches(name, sorted(units), n=3, cutoff=0.5))
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    raise UsageError(f"benchmark: no case names the {unit_type} {name!r}{hint}")


def benchmark(
    db: sqlite_utils.Database,
    *,
    court: str | None = None,
    office: str | None = None,
    peers: str = "country",
    min_n: int = 1,
    as_of: str | None = None,
    today: datetime.date | None = None,
) -> Benchmark:
    """Each stage's median for one court (or office) and its percentile among peer
    units of the same country (``peers="country"``) or all units (``"all"``)."""
    if (court is None) == (office is None):
        raise UsageError("benchmark: give either a court or an office")
    if peers not in PEER_SCOPES:
        raise UsageError(f"benchmark: peers must be 'country' or 'all', got {peers!r}")
    unit_type = "court" if court is not None else "office"
    report = compute_metrics(db, as_of=as_of, today=today, dimensions=("all",), min_n=min_n)
    by_unit: dict[str, list[CaseTimeline]] = {}
    for t in report.timelines:
        unit = getattr(t.case, unit_type)
        if unit:
            by_unit.setdefault(unit, []).append(t)
    unit = _resolve_unit(court if court is not None else office, set(by_unit), unit_type)
    mine = by_unit[unit]
    country = Counter(t.case.country for t in mine if t.case.country).most_common(1)
    country = country[0][0] if country else None
    peer_units = sorted(
        u for u, ts in by_unit.items()
        if u != unit and (peers == "all" or any(t.case.country == country for t in ts))
    )
    peer_timelines = [t for u in peer_units for t in by_unit[u]]
    subject_stages = summarise_cases(mine)
    pooled = summarise_cases(peer_timelines)
    per_peer = {u: summarise_cases(by_unit[u]) for u in peer_units}
    stages = []
    for stage in STAGES:
        s = subject_stages.get(stage.name)
        medians = [
            PeerMedian(u, st[stage.name].median, st[stage.name].n)
            for u, st in per_peer.items()
            if stage.name in st and st[stage.name].median is not None and st[stage.name].n >= min_n
        ]
        if s is None and stage.name not in pooled:
            continue
        pct = percentile_rank(s.median, [p.median for p in medians]) if s and s.median is not None and s.n >= min_n else None
        stages.append(StageComparison(stage.name, stage.label, s, pooled.get(stage.name), medians, pct))
    involved = mine + peer_timelines
    notes = list(report.notes) if any(t.case.source == "documents" for t in involved) else []
    if not peer_units:
        notes.append(f"No peer {unit_type} in the data" + (f" for {country}" if peers == "country" else "") + ": nothing to compare with.")
    keys = {t.case.key for t in mine} | {t.case.key for t in peer_timelines}
    return Benchmark(
        unit_type=unit_type,
        unit=unit,
        peers=peers,
        country=country,
        peer_units=peer_units,
        stages=stages,
        funnel=_funnel(mine),
        peers_funnel=_funnel(peer_timelines),
        subject_timelines=mine,
        peer_timelines=peer_timelines,
        ranges=[r for r in report.ranges if r.case in keys],
        catalog=catalog_ranges(db),
        report=report,
        min_n=min_n,
        notes=notes,
    )
