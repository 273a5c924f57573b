"""The benchmark as one self-contained HTML file (inline SVG charts, no
scripts, nothing fetched from the network)."""

from __future__ import annotations

import html
import os
from pathlib import Path

from ..errors import UsageError
from ..metrics.timeline import QUALITY_RULES
from . import charts
from .compare import Benchmark

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;font-size:.9em}td,th{padding:.25em .6em;border-bottom:1px solid #eee;text-align:right}
td:first-child,th:first-child{text-align:left}.note{color:#555;font-size:.9em}.chart svg{max-width:100%;height:auto}
"""


def _e(v) -> str:
    return html.escape("" if v is None else str(v))


def _n(v, digits: int = 0) -> str:
    return "–" if v is None else f"{v:.{digits}f}"


def _pct(v) -> str:
    return "–" if v is None else f"{100 * v:.0f}%"


def render_html(b: Benchmark) -> str:
    data = b.to_json()
    mine_durations = {s.stage: [] for s in b.stages}
    peer_durations = {s.stage: [] for s in b.stages}
    for target, timelines in ((mine_durations, b.subject_timelines), (peer_durations, b.peer_timelines)):
        for t in timelines:
            for name, interval in t.intervals.items():
                if interval.ended:
                    target.setdefault(name, []).append(interval.days)
    range_rows = [
        {"statute_id": r.statute_id, "months": r.months, "min": r.penalty_min_months, "max": r.penalty_max_months,
         "position": r.position, "mine": getattr(r, b.unit_type) == b.unit}
        for r in b.ranges
    ]
    rows = []
    for s in b.stages:
        sub = s.subject
        rows.append(
            "<tr>" + "".join(f"<td>{c}</td>" for c in (
                _e(s.label),
                _e(sub.method) if sub else "–",
                sub.n_started if sub else 0,
                sub.n if sub else 0,
                sub.n_pending if sub else 0,
                _n(sub.median if sub else None, 1),
                f"{_n(sub.q1 if sub else None, 1)} – {_n(sub.q3 if sub else None, 1)}",
                _pct(sub.within_365 if sub else None),
                _n(s.peers_pooled.median if s.peers_pooled else None, 1),
                len(s.peer_medians),
                _n(s.percentile, 0),
            )) + "</tr>"
        )
    b_neck = data["bottleneck"]
    quality = b.report.quality.to_json()["by_rule"]
    sentence_counts = data["sentence_ranges"]
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>Benchmark: {_e(b.unit)}</title><style>{CSS}</style></head><body>",
        f"<h1>Benchmark: {_e(b.unit)}</h1>",
        f"<p>{_e(b.unit_type.capitalize())} compared with {len(b.peer_units)} peer {b.unit_type}s "
        f"({'same country: ' + _e(b.country) if b.peers == 'country' else 'all countries'}); "
        f"{data['n_cases']} cases here, {data['n_peer_cases']} among the peers. "
        "A case is one defendant in one indictment.</p>",
        f"<p class='note'>{_e(data['censoring'])}.</p>",
        "<h2>Stages</h2>",
        "<table><tr><th>stage</th><th>method</th><th>started</th><th>n</th><th>pending</th><th>median days</th>"
        "<th>quartiles</th><th>≤ 365 days</th><th>peers' median</th><th>peers compared</th><th>percentile</th></tr>",
        *rows,
        "</table>",
        f"<p class='note'>Percentile: {_e(data['percentile'])}. Peers compared: peer {b.unit_type}s with a median "
        f"for the stage from at least {b.min_n} case(s).</p>",
        "<p><strong>Bottleneck:</strong> "
        + (f"{_e(b_neck['stage'])}: {b_neck['share'] * 100:.0f}% of the {b_neck['total_median']:.0f} median days "
           f"of the sequential stages (n = {b_neck['n']})." if b_neck else "none measurable.")
        + "</p>",
        f"<div class='chart' id='chart-stages'>{charts.stage_durations(mine_durations, peer_durations, b.unit)}</div>",
        "<h2>Funnel</h2>",
        f"<div class='chart' id='chart-funnel'>{charts.funnel(data['funnel']['subject'], data['funnel']['peers'], b.unit)}</div>",
        "<p class='note'>Charged: defendants (cases). Convicted: verdict convicted or mixed. Sentenced: convicted with a "
        "sentence recorded (a custodial term, even of 0 months, life, death or a fine).</p>",
        "<h2>Sentences against the statutory range</h2>",
        f"<div class='chart' id='chart-sentences'>{charts.sentences(range_rows, b.unit)}</div>",
        "<table><tr><th></th>" + "".join(f"<th>{_e(p)}</th>" for p in ("below_minimum", "within", "above_maximum", "suspended", "life", "no_custodial_term", "range_unknown", "not_in_catalog")) + "</tr>",
        *(
            f"<tr><td>{_e(who if who == 'peers' else b.unit)}</td>"
            + "".join(f"<td>{sentence_counts[who].get(p, 0)}</td>" for p in ("below_minimum", "within", "above_maximum", "suspended", "life", "no_custodial_term", "range_unknown", "not_in_catalog"))
            + "</tr>"
            for who in ("subject", "peers")
        ),
        "</table>",
        "<h2>Data quality (all cases, before any measure)</h2><table>",
        *(f"<tr><td>{_e(rule)}</td><td>{quality[rule]}</td><td class='note' style='text-align:left'>{_e(QUALITY_RULES[rule])}</td></tr>" for rule in QUALITY_RULES),
        "</table>",
        "<h2>Peers</h2><p>" + (", ".join(_e(u) for u in b.peer_units) or "none") + "</p>",
        *(f"<p class='note'>{_e(n)}</p>" for n in data["notes"]),
        "</body></html>",
    ]
    return "\n".join(parts)


def write_report(b: Benchmark, out: str | os.PathLike) -> Path:
    path = Path(out)
    if not path.parent.is_dir():
        raise UsageError(f"benchmark: directory {path.parent} does not exist")
    path.write_text(render_html(b), encoding="utf-8")
    return path
