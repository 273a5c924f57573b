"""The metrics report as plain text (for the terminal)."""

from __future__ import annotations

from .report import MetricsReport
from .timeline import QUALITY_RULES


def _num(v, digits: int = 0) -> str:
    if v is None:
        return "-"
    return f"{v:.{digits}f}"


def _pct(v) -> str:
    return "-" if v is None else f"{100 * v:.0f}%"


def render_text(report: MetricsReport, *, dimensions: tuple[str, ...] | None = None) -> str:
    data = report.to_json()
    lines = [
        f"cases: {data['cases']['total']} ({', '.join(f'{k}: {v}' for k, v in data['cases']['by_source'].items())}); "
        f"pending: {data['cases']['pending']}",
        f"unit: {data['unit']}",
        f"censoring: {data['censoring']}",
    ]
    for method, note in data["methods"].items():
        lines.append(f"  {method}: {note}")
    q = data["data_quality"]
    lines.append(f"data quality (applied before any measure): {q['dates_seen']} dates seen, {q['dates_used']} used")
    for rule, n in q["by_rule"].items():
        lines.append(f"  {rule:<28}{n:>6}  {QUALITY_RULES[rule]}")
    flagged = [m for m in q["missing_fields"] if m["flagged"]]
    lines.append(f"fields missing in more than {q['missing_threshold']:.0%} of cases: "
                 + (", ".join(f"{m['field']} ({m['share_missing']:.0%})" for m in flagged) or "none"))
    header = f"    {'stage':<28}{'method':<14}{'started':>8}{'n':>5}{'pend':>5}{'median':>8}{'q1':>7}{'q3':>7}{'<=90d':>7}{'<=180d':>7}{'<=365d':>7}"
    for g in report.groups:
        if dimensions and g.dimension not in dimensions:
            continue
        lines.append("")
        lines.append(f"[{g.dimension}] {g.value}  ({g.n_cases} cases)")
        if not g.stages:
            lines.append("    no stage could be measured")
            continue
        lines.append(header)
        for s in g.stages.values():
            lines.append(
                f"    {s.stage:<28}{s.method:<14}{s.n_started:>8}{s.n:>5}{s.n_pending:>5}{_num(s.median, 1):>8}"
                f"{_num(s.q1, 1):>7}{_num(s.q3, 1):>7}{_pct(s.within_90):>7}{_pct(s.within_180):>7}{_pct(s.within_365):>7}"
            )
        b = g.bottleneck
        lines.append(
            f"    bottleneck: {b.stage} ({b.share:.0%} of {b.total_median:.0f} median days; n={b.n})" if b
            else "    bottleneck: - (no sequential stage measured)"
        )
    lines.append("")
    lines.append("sentences against the statutory range (convictions per provision):")
    lines.append(f"    {'statute':<18}{'n':>5}{'below':>7}{'within':>8}{'above':>7}{'susp.':>7}{'life':>6}{'none':>6}{'range?':>8}")
    for r in data["sentence_ranges"]:
        lines.append(
            f"    {str(r['statute_id']):<18}{r['n_convictions']:>5}{r['below_minimum']:>7}{r['within']:>8}"
            f"{r['above_maximum']:>7}{r['suspended']:>7}{r['life'] + r['death']:>6}{r['no_custodial_term']:>6}"
            f"{r['range_unknown'] + r['not_in_catalog']:>8}"
        )
    if data["caseload"]:
        lines.append("")
        lines.append("caseload (cases in this data set only):")
        lines.append(f"    {'unit':<58}{'year':>6}{'filed':>7}{'disp.':>7}{'pend.':>7}{'clear.':>8}{'disp.days':>10}")
        for r in data["caseload"]:
            lines.append(
                f"    {r['unit'][:57]:<58}{r['year']:>6}{r['filed']:>7}{r['disposed']:>7}{r['pending_end']:>7}"
                f"{_num(r['clearance_rate'], 2):>8}{_num(r['disposition_days']):>10}{' (partial year)' if r['partial_year'] else ''}"
            )
    else:
        lines.append("")
        lines.append("caseload: not computed (no source lists filings and pending cases)")
    for note in data["notes"]:
        lines.append(f"note: {note}")
    return "\n".join(lines)
