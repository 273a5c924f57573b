"""A unit for every published column.

Datasette shows pint units (``days``, ``months``) next to numbers; every other
column still gets a unit in words (a code list, a count, a flag, a date
format), written into its description, so nobody has to guess what a value
counts or how it is coded.
"""

from __future__ import annotations

from .tables import Column

# Units Datasette can render through pint.
PINT_UNITS = {"days", "months"}

_FLAGS = {"life", "death", "suspended", "ocr", "ended", "pending", "convicted", "sentenced", "flagged",
          "partial_year", "charge_level", "sequential"}
_COUNTS = {"count", "minors", "pages", "filed", "disposed", "pending_end", "n", "sz"}
_IDS = {"id", "sha256", "document", "defendant", "charge", "run", "case_key", "fact_id", "rowid", "segid",
        "statute_citation", "event", "block", "pgno"}
_EXPLICIT = {
    "country": "ISO 3166-1 alpha-2 code",
    "language": "ISO 639-1 code",
    "fine_currency": "ISO 4217 code",
    "compensation_currency": "ISO 4217 code",
    "fine_amount": "amount in units of fine_currency",
    "compensation_amount": "amount in units of compensation_currency",
    "prov_confidence": "probability (0 to 1)",
    "confidence": "probability (0 to 1)",
    "avg_confidence": "probability (0 to 1)",
    "min_confidence": "probability (0 to 1)",
    "prov_page": "page number (1-based)",
    "page": "page number (1-based)",
    "page_width": "PDF points (1/72 inch)",
    "page_height": "PDF points (1/72 inch)",
    "x0": "PDF points from the left edge",
    "x1": "PDF points from the left edge",
    "top": "PDF points from the top edge",
    "bottom": "PDF points from the top edge",
    "position": "ordinal (from 0)",
    "stage_order": "ordinal (from 1)",
    "clearance_rate": "ratio (disposed / filed)",
    "share": "proportion (0 to 1)",
    "conviction_rate": "proportion (0 to 1)",
    "share_missing": "proportion (0 to 1)",
    "within_90": "proportion (0 to 1)",
    "within_180": "proportion (0 to 1)",
    "within_365": "proportion (0 to 1)",
    "versions": "JSON object",
    "ocr_pages": "JSON list of page numbers",
    "categories": "JSON list of category names",
    "statutes": "JSON list of statute ids",
    "first_seen": "date and time (ISO 8601, UTC)",
    "computed_on": "date (ISO 8601)",
    "source_markdown": "Markdown link",
    "page_image": "URL path",
    "k": "text", "v": "text", "term": "text (index term)",
}


def unit_of(column: Column) -> str:
    """The column's unit: its own, or one inferred from its name and type."""
    if column.unit:
        return column.unit
    name = column.name
    if name in _EXPLICIT:
        return _EXPLICIT[name]
    if name in _FLAGS:
        return "flag (1 = yes, 0 = no)"
    if name in _IDS or name.endswith("_id"):
        return "identifier"
    if name in _COUNTS or name.startswith("n_"):
        return "count"
    if name.endswith("_days"):
        return "days"
    if name.endswith("_months"):
        return "months"
    if name == "date" or name.endswith("_date"):
        return "date (ISO 8601: YYYY-MM-DD, or YYYY-MM / YYYY)"
    if name.endswith("year"):
        return "calendar year"
    if column.type is str:
        return "text"
    return "number"


def with_unit(column: Column) -> str:
    """The column's description with its unit in words."""
    return f"{column.description.rstrip()} Unit: {unit_of(column)}."
