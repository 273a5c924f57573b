"""Sentences against the statutory range of the catalog (``statutes`` table).

For each conviction under a catalog provision with a known range, where the
custodial term falls: ``below_minimum``, ``within`` or ``above_maximum``
(a range with no maximum: only below / within). Counted apart and never
compared: suspended sentences, life and death sentences, convictions with no
custodial term recorded, and provisions whose range is unknown. For
document-derived records the term compared is the defendant's longest single
custodial term (the record holds one per defendant), so a defendant convicted
under several provisions is compared with each; structured data gives the
term per provision where it has one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import sqlite_utils

from .cases import Case

POSITIONS = ("below_minimum", "within", "above_maximum", "suspended", "life", "death", "no_custodial_term",
             "range_unknown", "not_in_catalog")


@dataclass(frozen=True)
class RangeRow:
    case: str
    source: str
    document: str | None
    defendant: str | None
    country: str | None
    court: str | None
    office: str | None
    statute_id: str | None
    category: str | None
    months: float | None
    penalty_min_months: float | None
    penalty_max_months: float | None
    position: str
    charge_level: bool


def catalog_ranges(db: sqlite_utils.Database) -> dict[str, tuple[float | None, float | None, str | None]]:
    if not db["statutes"].exists():
        return {}
    return {
        r["id"]: (r["penalty_min_months"], r["penalty_max_months"], r["title"])
        for r in db.query("SELECT id, title, penalty_min_months, penalty_max_months FROM statutes")
    }


def position(months: float | None, low: float | None, high: float | None, *, suspended: bool = False,
             life: bool = False, death: bool = False) -> str:
    if death:
        return "death"
    if life:
        return "life"
    if suspended:
        return "suspended"
    if months is None:
        return "no_custodial_term"
    if low is None and high is None:
        return "range_unknown"
    if low is not None and months < low:
        return "below_minimum"
    if high is not None and months > high:
        return "above_maximum"
    return "within"


def sentence_ranges(cases: list[Case], ranges: dict[str, tuple]) -> list[RangeRow]:
    rows = []
    for case in cases:
        for conv in case.convictions:
            if conv.statute_id is None or conv.statute_id not in ranges:
                pos = "not_in_catalog"
                low = high = None
            else:
                low, high, _ = ranges[conv.statute_id]
                pos = position(conv.months, low, high, suspended=conv.suspended, life=conv.life, death=conv.death)
            rows.append(RangeRow(case.key, case.source, case.document, case.defendant, case.country, case.court,
                                 case.office, conv.statute_id, conv.category, conv.months, low, high, pos,
                                 conv.charge_level))
    return rows


def summarise_ranges(rows: list[RangeRow]) -> list[dict]:
    by_statute: dict[str | None, Counter] = {}
    for r in rows:
        by_statute.setdefault(r.statute_id, Counter())[r.position] += 1
    out = []
    for sid, counts in sorted(by_statute.items(), key=lambda kv: (kv[0] is None, kv[0] or "")):
        compared = counts["below_minimum"] + counts["within"] + counts["above_maximum"]
        out.append({"statute_id": sid, "n_convictions": sum(counts.values()), "n_compared": compared,
                    **{p: counts.get(p, 0) for p in POSITIONS}})
    return out
