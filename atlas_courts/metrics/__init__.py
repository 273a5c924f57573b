"""metrics: where enforcement stalls, measured from atlas.db.

Stage durations per case (one defendant in one indictment), with the
data-quality rules applied first, summarised per group (country, court,
office, year, offence category, statute) with n, median, quartiles and the
share within court time standards; Kaplan-Meier estimates where pending cases
are known; the bottleneck stage of each group; sentences against statutory
ranges; caseload (clearance rate, disposition time) where filings and pending
cases are known; and the import of structured case-management exports.

Library code only: it reads atlas.db (``import_cases`` also writes its own
tables) and never prints.
"""

from .cases import Case, Conviction, load_cases
from .estimate import KAPLAN_MEIER, OBSERVED, STANDARDS, Summary, summarise
from .groups import DIMENSIONS, Bottleneck, Group, bottleneck
from .report import MetricsReport, compute_metrics
from .sentences import position as sentence_position
from .structured import ImportSummary, import_cases, load_mapping
from .text import render_text
from .timeline import QUALITY_RULES, STAGES, precision

__all__ = [
    "DIMENSIONS",
    "KAPLAN_MEIER",
    "OBSERVED",
    "QUALITY_RULES",
    "STAGES",
    "STANDARDS",
    "Bottleneck",
    "Case",
    "Conviction",
    "Group",
    "ImportSummary",
    "MetricsReport",
    "Summary",
    "bottleneck",
    "compute_metrics",
    "import_cases",
    "load_cases",
    "load_mapping",
    "precision",
    "render_text",
    "sentence_position",
    "summarise",
]
