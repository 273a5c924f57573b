"""benchmark: one court or prosecutors' office against its peers.

``benchmark()`` compares each stage's median with the peers' (same country, or
all), gives its percentile among them, and ``write_report()`` writes a
self-contained HTML report with charts (stage durations, the funnel charged →
convicted → sentenced, sentence lengths against the statutory range).
"""

from .compare import PEER_SCOPES, UNIT_TYPES, Benchmark, StageComparison, benchmark, percentile_rank
from .html import render_html, write_report

__all__ = ["PEER_SCOPES", "UNIT_TYPES", "Benchmark", "StageComparison", "benchmark", "percentile_rank",
           "render_html", "write_report"]
