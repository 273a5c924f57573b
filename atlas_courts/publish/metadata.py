"""Datasette metadata for ``public.db``: descriptions, units, facets and canned queries."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..errors import UsageError
from .dashboard import dashboard_config
from .measures import METRIC_TABLES
from .provenance import FACT_SOURCES
from .queries import CANNED_QUERIES, VIEWS
from .search import SEARCH_TEXT, fts_tables
from .tables import TABLES, Table
from .units import PINT_UNITS, with_unit
from .user_queries import METRIC_QUERIES, SEARCH_QUERIES

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


def _entry(table: Table, *, hidden: bool = False) -> dict[str, Any]:
    entry: dict[str, Any] = {"description": table.description, "columns": {c.name: with_unit(c) for c in table.columns}}
    units = {c.name: c.unit for c in table.columns if c.unit in PINT_UNITS}
    if units:
        entry["units"] = units
    if table.facets:
        entry["facets"] = list(table.facets)
    if hidden:
        entry["hidden"] = True
    return entry


def metadata(
    database: str = "public", *, defendant_names: str = "initials", metrics: bool = False, search: bool = False
) -> dict[str, Any]:
    """Datasette metadata for the database named ``database`` (the file's stem):
    the same options as ``publish`` gives the file, so the two always agree."""
    if defendant_names not in DEFENDANT_NAME_DESCRIPTIONS:
        raise UsageError(f"defendant_names must be 'initials' or 'full', got {defendant_names!r}")
    tables: dict[str, Any] = {}
    for table in TABLES:
        entry = _entry(table)
        if table.name == "defendants":
            name = next(c for c in table.columns if c.name == "name")
            entry["columns"]["name"] = with_unit(replace(name, description=DEFENDANT_NAME_DESCRIPTIONS[defendant_names]))
        tables[table.name] = entry
    for view in VIEWS:
        entry = {"description": view.description, "columns": {c.name: with_unit(c) for c in view.columns}}
        units = {c.name: c.unit for c in view.columns if c.unit in PINT_UNITS}
        if units:
            entry["units"] = units
        tables[view.name] = entry
    queries = list(CANNED_QUERIES)
    plugins: dict[str, Any] = {}
    if metrics:
        for table in METRIC_TABLES + (FACT_SOURCES,):
            tables[table.name] = _entry(table)
        queries += METRIC_QUERIES
        plugins["datasette-dashboards"] = dashboard_config(database)
    if search:
        tables[SEARCH_TEXT.name] = _entry(SEARCH_TEXT)
        for table in fts_tables():
            tables[table.name] = _entry(table, hidden=table.name.endswith(("_data", "_idx", "_docsize", "_config")))
        queries += SEARCH_QUERIES
    out = {
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
                    for q in queries
                },
            }
        },
    }
    if plugins:
        out["plugins"] = plugins
    return out
