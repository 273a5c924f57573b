"""The dashboard of the published Datasette (plugin: datasette-dashboards).

Why datasette-dashboards rather than datasette-vega: it is maintained (0.8.0,
2025, works with Datasette 0.65), it ships Vega, Vega-Lite and vega-embed in
its own static folder (no CDN: the charts render offline), and a dashboard
is configured in the metadata (charts as SQL + Vega-Lite, with filters that
become SQL parameters). datasette-vega (last release 2018) only adds a chart
builder under each table and has no dashboards or filters.

Filters: country, court, year of judgment, offence category. Every chart's
SQL keeps a filter in ``[[ ... ]]`` so that an empty filter drops the clause.
"""

from __future__ import annotations

from typing import Any

from ..records import CATEGORIES
from ..metrics.timeline import STAGES

SLUG = "timelines"
STAGE_SORT = [s.name for s in STAGES]



def _filters(category: str = "EXISTS (SELECT 1 FROM json_each(m.categories) WHERE value = :category)") -> str:
    """The four dashboard filters as optional SQL clauses over measured_cases AS m."""
    return (f"[[ AND m.country = :country ]] [[ AND m.court = :court ]] [[ AND m.judgment_year = :year ]] "
            f"[[ AND {category} ]]")


_CASE_FILTERS = _filters()


def _escape(sql: str) -> str:
    """SQL turning a text column into HTML-safe text (table charts insert HTML)."""
    return f"replace(replace(replace(coalesce({sql}, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;')"


def dashboard_config(database: str) -> dict[str, Any]:
    """The datasette-dashboards plugin configuration for ``database``."""
    db = database
    charts: dict[str, Any] = {
        "cases": {
            "title": "Cases measured",
            "db": db,
            "query": f"SELECT count(*) AS n FROM measured_cases AS m WHERE 1 = 1 {_CASE_FILTERS}",
            "library": "metric",
            "display": {"field": "n", "suffix": " cases"},
        },
        "convicted": {
            "title": "Convicted",
            "db": db,
            "query": f"SELECT round(100.0 * sum(m.convicted) / nullif(count(*), 0), 0) AS pct FROM measured_cases AS m "
                     f"WHERE m.pending = 0 {_CASE_FILTERS}",
            "library": "metric",
            "display": {"field": "pct", "suffix": "% of cases no longer pending"},
        },
        "stage-durations": {
            "title": "Stage durations (days; ended stages, one dot per case)",
            "db": db,
            "query": "SELECT i.stage, i.stage_order, i.days FROM stage_intervals AS i JOIN measured_cases AS m "
                     f"USING (case_key) WHERE i.ended = 1 {_CASE_FILTERS} ORDER BY i.stage_order",
            "library": "vega-lite",
            "display": {
                "layer": [
                    {"mark": {"type": "boxplot", "extent": "min-max", "opacity": 0.5},
                     "encoding": {"y": {"field": "stage", "type": "nominal", "sort": STAGE_SORT, "title": None},
                                  "x": {"field": "days", "type": "quantitative", "title": "days"}}},
                    {"mark": {"type": "tick", "color": "#c0392b", "opacity": 0.6},
                     "encoding": {"y": {"field": "stage", "type": "nominal", "sort": STAGE_SORT},
                                  "x": {"field": "days", "type": "quantitative"},
                                  "tooltip": [{"field": "stage"}, {"field": "days"}]}},
                ],
            },
        },
        "stage-medians": {
            "title": "Median days per stage (ended stages; Kaplan-Meier estimates are in stage_summary)",
            "db": db,
            "query": (
                "WITH d AS (SELECT i.stage, i.stage_order, i.days FROM stage_intervals AS i JOIN measured_cases AS m "
                f"USING (case_key) WHERE i.ended = 1 {_CASE_FILTERS}), "
                "r AS (SELECT stage, stage_order, days, ROW_NUMBER() OVER (PARTITION BY stage ORDER BY days) AS rn, "
                "COUNT(*) OVER (PARTITION BY stage) AS n FROM d) "
                "SELECT stage, stage_order, n, AVG(CASE WHEN rn IN ((n + 1) / 2, (n + 2) / 2) THEN days END) AS median_days "
                "FROM r GROUP BY stage, stage_order, n ORDER BY stage_order"
            ),
            "library": "vega-lite",
            "display": {
                "mark": {"type": "bar", "tooltip": True},
                "encoding": {"y": {"field": "stage", "type": "nominal", "sort": STAGE_SORT, "title": None},
                             "x": {"field": "median_days", "type": "quantitative", "title": "median days"},
                             "tooltip": [{"field": "stage"}, {"field": "median_days"}, {"field": "n"}]},
            },
        },
        "conviction-rates": {
            "title": "Conviction rate by statute (decided charges)",
            "db": db,
            "query": (
                "SELECT c.statute_id, count(*) AS n_decided, "
                "round(1.0 * sum(c.verdict = 'convicted') / count(*), 3) AS conviction_rate "
                "FROM measured_charges AS c JOIN measured_cases AS m USING (case_key) "
                "WHERE c.statute_id IS NOT NULL AND c.verdict IN ('convicted', 'acquitted', 'dismissed') "
                f"{_filters('c.category = :category')} "
                "GROUP BY c.statute_id ORDER BY n_decided DESC, c.statute_id LIMIT 20"
            ),
            "library": "vega-lite",
            "display": {
                "mark": {"type": "bar", "tooltip": True},
                "encoding": {"y": {"field": "statute_id", "type": "nominal", "sort": "-x", "title": None},
                             "x": {"field": "conviction_rate", "type": "quantitative", "title": "convicted / decided",
                                   "scale": {"domain": [0, 1]}},
                             "tooltip": [{"field": "statute_id"}, {"field": "conviction_rate"}, {"field": "n_decided"}]},
            },
        },
        "sentence-lengths": {
            "title": "Sentence lengths by statute against the statutory range (months)",
            "db": db,
            "query": (
                "SELECT r.statute_id, r.months, r.position_in_range, r.penalty_min_months, r.penalty_max_months "
                "FROM sentence_ranges AS r JOIN measured_cases AS m USING (case_key) "
                "WHERE r.position_in_range IN ('below_minimum', 'within', 'above_maximum') "
                f"{_CASE_FILTERS} "
                "ORDER BY r.statute_id LIMIT 1000"
            ),
            "library": "vega-lite",
            "display": {
                "layer": [
                    {"mark": {"type": "rule", "size": 8, "opacity": 0.25, "color": "#2980b9"},
                     "encoding": {"y": {"field": "statute_id", "type": "nominal", "title": None},
                                  "x": {"aggregate": "min", "field": "penalty_min_months", "type": "quantitative"},
                                  "x2": {"aggregate": "max", "field": "penalty_max_months"}}},
                    {"mark": {"type": "circle", "size": 40, "opacity": 0.7},
                     "encoding": {"y": {"field": "statute_id", "type": "nominal"},
                                  "x": {"field": "months", "type": "quantitative", "title": "months of imprisonment"},
                                  "color": {"field": "position_in_range", "type": "nominal", "title": "against the range"},
                                  "tooltip": [{"field": "statute_id"}, {"field": "months"}, {"field": "position_in_range"}]}},
                ],
            },
        },
        "sentence-sources": {
            "title": "Sentences read from judgments, with the page each was read from",
            "db": db,
            "query": (
                f"SELECT {_escape('cases.country')} AS country, {_escape('d.name')} AS defendant, "
                f"{_escape('d.verdict')} AS verdict, d.imprisonment_months AS months, "
                "'<a class=\"source-link\" href=\"' || f.link_url || '\">p. ' || f.page || '</a>' AS source "
                "FROM fact_sources AS f JOIN defendants AS d ON d.id = f.defendant "
                "JOIN cases ON cases.document = d.document "
                "JOIN measured_cases AS m ON m.defendant = d.id "
                f"WHERE f.fact_type = 'sentence' {_CASE_FILTERS} ORDER BY cases.country, d.document, d.position LIMIT 200"
            ),
            "library": "table",
        },
    }
    return {
        SLUG: {
            "title": "Where cases stall: timelines, convictions and sentences",
            "description": (
                "Stage durations, conviction rates by statute and sentence lengths against the statutory range. "
                "Filter by country, court, year of judgment and offence category. Durations here are of stages "
                "that ended; cases still pending are counted in stage_summary (Kaplan-Meier). Every sentence links "
                "to the page it was read from."
            ),
            "settings": {"allow_fullscreen": True},
            "layout": [
                ["cases", "convicted"],
                ["stage-durations", "stage-medians"],
                ["conviction-rates", "sentence-lengths"],
                ["sentence-sources", "sentence-sources"],
            ],
            "filters": {
                "country": {"name": "Country", "type": "select", "db": db,
                            "query": "SELECT DISTINCT country FROM measured_cases WHERE country IS NOT NULL ORDER BY country"},
                "court": {"name": "Court", "type": "select", "db": db,
                          "query": "SELECT DISTINCT court FROM measured_cases WHERE court IS NOT NULL "
                                   "[[ AND country = :country ]] ORDER BY court"},
                "year": {"name": "Year of judgment", "type": "select", "db": db,
                         "query": "SELECT DISTINCT judgment_year FROM measured_cases WHERE judgment_year IS NOT NULL "
                                  "ORDER BY judgment_year DESC"},
                "category": {"name": "Offence category", "type": "select", "options": list(CATEGORIES)},
            },
            "charts": charts,
        }
    }
