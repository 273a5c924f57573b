"""Summaries of stage durations: n, median, quartiles, share within the court
time standards (90 / 180 / 365 days).

* ``observed``: decided cases only (no pending case is known). Median and
  quartiles are the sample's, with linear interpolation between order
  statistics (numpy's and pandas' default), so a hand computation with pandas
  gives the same numbers.
* ``complete``: pending cases are known and none is pending in this stage
  (every case that began it has ended): the same sample statistics, unbiased.
* ``kaplan-meier``: some cases are known to be pending; the product-limit
  estimator (lifelines) treats them as censored at the as-of date. The median
  is the smallest duration at which the survival estimate is at or below 0.5
  (``null`` when it is never reached: more than half the cases are still
  pending), the quartiles likewise at 0.75 and 0.25, and the share within N
  days is 1 − S(N).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np

STANDARDS = (90, 180, 365)

OBSERVED = "observed"
COMPLETE = "complete"
KAPLAN_MEIER = "kaplan-meier"

METHOD_NOTES = {
    OBSERVED: "decided cases only: durations of cases still pending are unknown, so figures are survivor-biased",
    COMPLETE: "pending cases are known and none is pending in this stage: sample statistics of every case",
    KAPLAN_MEIER: "Kaplan-Meier estimate: pending cases are counted as censored at the data's as-of date",
}


@dataclass
class Summary:
    stage: str
    method: str
    n_started: int  # cases with a usable start date for this stage
    n: int  # cases that reached the end of the stage (measured)
    n_pending: int  # cases still in the stage at the as-of date (censored)
    median: float | None
    q1: float | None
    q3: float | None
    within_90: float | None  # share of cases ending within 90 days, 0..1
    within_180: float | None
    within_365: float | None
    median_decided: float | None  # sample median of the measured (ended) cases alone
    min_days: int | None
    max_days: int | None

    def to_json(self) -> dict:
        return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in asdict(self).items()}


def _clean(value: float) -> float | None:
    if value is None or (isinstance(value, float) and (math.isinf(value) or math.isnan(value))):
        return None
    return float(value)


def summarise(stage: str, days: Sequence[int], ended: Sequence[bool], n_started: int, *, censoring_known: bool) -> Summary:
    """Summarise one stage of one group from per-case ``days`` and whether each ``ended``.

    ``censoring_known``: every case of the group comes from a source that lists
    its pending cases. Any pending interval makes the estimate Kaplan-Meier
    (cases of sources that list no pending case then count as decided)."""
    days_arr = np.asarray(days, dtype=float)
    ended_arr = np.asarray(ended, dtype=bool)
    done = days_arr[ended_arr]
    n, n_pending = int(ended_arr.sum()), int((~ended_arr).sum())
    median_decided = float(np.median(done)) if n else None
    base = dict(stage=stage, n_started=n_started, n=n, n_pending=n_pending, median_decided=median_decided,
                min_days=int(done.min()) if n else None, max_days=int(done.max()) if n else None)
    if not n_pending:
        method = COMPLETE if censoring_known else OBSERVED
        if not n:
            return Summary(method=method, median=None, q1=None, q3=None, within_90=None, within_180=None,
                           within_365=None, **base)
        q1, med, q3 = np.percentile(done, [25, 50, 75])
        shares = {f"within_{s}": float((done <= s).mean()) for s in STANDARDS}
        return Summary(method=method, median=float(med), q1=float(q1), q3=float(q3), **shares, **base)
    from lifelines import KaplanMeierFitter

    kmf = KaplanMeierFitter()
    kmf.fit(days_arr, event_observed=ended_arr)
    curve = kmf.survival_function_.iloc[:, 0]
    times, survival = curve.index.to_numpy(dtype=float), curve.to_numpy(dtype=float)

    def s_at(t: float) -> float:  # the step function: S at the last time <= t
        i = int(np.searchsorted(times, t, side="right")) - 1
        return 1.0 if i < 0 else float(survival[i])

    def time_at(p: float) -> float | None:  # the smallest time with S <= p
        hits = np.nonzero(survival <= p + 1e-12)[0]
        return float(times[hits[0]]) if len(hits) else None

    shares = {f"within_{s}": 1.0 - s_at(s) for s in STANDARDS}
    return Summary(method=KAPLAN_MEIER, median=time_at(0.5), q1=time_at(0.75), q3=time_at(0.25), **shares, **base)
