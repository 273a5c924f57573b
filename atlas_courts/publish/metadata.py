"""Datasette metadata for ``public.db``: descriptions, units, facets and canned queries."""

from __future__ import annotations

from typing import Any

from ..errors import UsageError
from .queries import CANNED_QUERIES, VIEWS
from .tables import TABLES

TITLE = "atlas_courts"
DESCRIPTION = (
    "Court judgments in trafficking, forced-labour and child-labour prosecutions, turned into a dataset: "
    "cases, defendants, charges, verdicts, sentences, statutes cited and procedural timelines. "
    "Every value was extracted automatically from the judgment and carries the page it was read from; "
    "check the source before relying on a single case. Defendants appear by their initials and nothing "
    "about victims is published except their number."
)
# To be confirmed by the project lead before the first public release.
LICENSE = "CC BY 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
SOURCE = "Published court judgments, processed by atlas_courts"
SOURCE_URL = "https://example.org/atlas_courts"  # placeholder: the project's public page

DEFENDANT_NAME_DESCRIPTIONS = {
    "initials": "The defendant's initials (\"J. C. G.\"); full names are not published.",
    "full": "The defendant's name as written in the document.",
}


def metadata(database: str = "public", *, defendant_names: str = "initials") -> dict[str, Any]:
    """Datasette metadata for the database named ``database`` (the file's stem)."""
    if defendant_names not in DEFENDANT_NAME_DESCRIPTIONS:
        raise UsageError(f"defendant_names must be 'initials' or 'full', got {defendant_names!r}")
    tables: dict[str, Any] = {}
    for table in TABLES:
        columns = {c.name: c.description for c in table.columns}
        if table.name == "defendants":
            columns["name"] = DEFENDANT_NAME_DESCRIPTIONS[defendant_names]
        entry: dict[str, Any] = {"description": table.description, "columns": columns}
        units = {c.name: c.unit for c in table.columns if c.unit}
        if units:
            entry["units"] = units
        if table.facets:
            entry["facets"] = list(table.facets)
        tables[table.name] = entry
    for view in VIEWS:
        entry = {"description": view.description, "columns": {c.name: c.description for c in view.columns}}
        units = {c.name: c.unit for c in view.columns if c.unit}
        if units:
            entry["units"] = units
        tables[view.name] = entry
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "license": LICENSE,
        "license_url": LICENSE_URL,
        "source": SOURCE,
        "source_url": SOURCE_URL,
        "databases": {
            database: {
                "description": DESCRIPTION,
                "tables": tables,
                "queries": {
                    q.name: {"sql": q.sql.strip(), "title": q.title, "description": q.description}
                    for q in CANNED_QUERIES
                },
            }
        },
    }
