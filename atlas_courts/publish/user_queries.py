"""Canned queries for each kind of user of the published Datasette (with
``publish(..., metrics=True)``; the search query with ``search=True``).

* researchers: outcomes and sentences by statute and country; stage medians by country;
* prosecutors' offices: my office (or court) against its peers, a parameterised query;
* analysts: extraction confidence, documents to check, unresolved citations.

A parameter left empty never breaks a query: ``unit`` empty lists every unit
against its peers, ``q`` empty finds nothing.
"""

from __future__ import annotations

from .queries import CannedQuery

RESEARCHER = (
    CannedQuery(
        "outcomes_by_statute_and_country",
        "Researchers: outcomes and sentences by statute and country",
        "For each provision charged and country (judgments and imported exports together): charges brought, "
        "decided, convicted, acquitted, dismissed, the conviction rate (convicted / decided), and how the "
        "custodial terms of the convictions compare with the provision's statutory range.",
        """
WITH outcomes AS (
  SELECT statute_id, country, COUNT(*) AS n_charges,
         SUM(verdict IN ('convicted', 'acquitted', 'dismissed')) AS n_decided,
         SUM(verdict = 'convicted') AS n_convicted,
         SUM(verdict = 'acquitted') AS n_acquitted,
         SUM(verdict = 'dismissed') AS n_dismissed
  FROM measured_charges
  WHERE statute_id IS NOT NULL
  GROUP BY statute_id, country
),
ranges AS (
  SELECT statute_id, country,
         SUM(position_in_range = 'below_minimum') AS n_below_minimum,
         SUM(position_in_range = 'within') AS n_within,
         SUM(position_in_range = 'above_maximum') AS n_above_maximum,
         SUM(position_in_range = 'suspended') AS n_suspended
  FROM sentence_ranges
  WHERE statute_id IS NOT NULL
  GROUP BY statute_id, country
)
SELECT o.statute_id, s.title, o.country, o.n_charges, o.n_decided, o.n_convicted, o.n_acquitted, o.n_dismissed,
       ROUND(1.0 * o.n_convicted / NULLIF(o.n_decided, 0), 3) AS conviction_rate,
       s.penalty_min_months, s.penalty_max_months,
       r.n_below_minimum, r.n_within, r.n_above_maximum, r.n_suspended
FROM outcomes AS o
LEFT JOIN statutes AS s ON s.id = o.statute_id
LEFT JOIN ranges AS r ON r.statute_id = o.statute_id AND r.country IS o.country
ORDER BY o.country, o.n_charges DESC, o.statute_id
""",
    ),
    CannedQuery(
        "stage_medians_by_country",
        "Researchers: stage durations by country",
        "For each country and stage: how the figures were estimated (observed: decided cases only; complete; "
        "kaplan-meier: pending cases censored), n started, n measured, n pending, median and quartiles in days, "
        "and the share ending within 90, 180 and 365 days.",
        """
SELECT value AS country, stage, method, n_started, n, n_pending, median_days, q1_days, q3_days,
       ROUND(within_90, 3) AS within_90, ROUND(within_180, 3) AS within_180, ROUND(within_365, 3) AS within_365
FROM stage_summary
WHERE dimension = 'country'
ORDER BY value, stage_order
""",
    ),
    CannedQuery(
        "bottleneck_by_group",
        "Researchers: the bottleneck stage of each country, court, office and year",
        "For each group: the stage with the largest share of the median total time (the sum of the sequential "
        "stages' medians), its median and n.",
        """
SELECT dimension, value, stage, ROUND(share, 3) AS share, median_days, n, total_median_days
FROM bottlenecks
WHERE dimension IN ('country', 'court', 'office', 'judgment_year', 'category')
ORDER BY dimension, value
""",
    ),
)

PROSECUTOR = (
    CannedQuery(
        "unit_against_peers",
        "Prosecutors: my office (or court) against its peers",
        "Type the name of your office or court (as in the units table) in unit. For each stage: your median "
        "and n, and your percentile among the peer offices (courts) of the same country with a median for the "
        "stage: 0 = faster than every peer, 100 = slower than every peer (ties count half). Leave unit empty "
        "to see every unit against its peers.",
        """
WITH unit_medians AS (
  SELECT s.dimension AS unit_type, s.value AS unit, u.country, s.stage, s.stage_order, s.method,
         s.n, s.n_pending, s.median_days, s.within_365
  FROM stage_summary AS s
  JOIN units AS u ON u.unit_type = s.dimension AND u.unit = s.value
  WHERE s.dimension IN ('court', 'office')
),
mine AS (
  SELECT * FROM unit_medians WHERE :unit = '' OR unit = :unit
)
SELECT m.unit_type, m.unit, m.country, m.stage, m.method, m.n, m.n_pending, m.median_days,
       ROUND(m.within_365, 3) AS within_365,
       COUNT(p.unit) AS n_peers,
       MIN(p.median_days) AS fastest_peer_median_days,
       MAX(p.median_days) AS slowest_peer_median_days,
       CASE WHEN m.median_days IS NULL OR COUNT(p.unit) = 0 THEN NULL
            ELSE ROUND(100.0 * (SUM(p.median_days < m.median_days) + 0.5 * SUM(p.median_days = m.median_days))
                       / COUNT(p.unit), 1) END AS percentile
FROM mine AS m
LEFT JOIN unit_medians AS p
  ON p.unit_type = m.unit_type AND p.stage = m.stage AND p.unit != m.unit
 AND p.country IS m.country AND p.median_days IS NOT NULL
GROUP BY m.unit_type, m.unit, m.stage
ORDER BY m.unit_type, m.unit, m.stage_order
""",
    ),
)

ANALYST = (
    CannedQuery(
        "extraction_confidence",
        "Analysts: extraction confidence by kind of fact and method",
        "For each kind of extracted fact and extraction method: how many, the mean and lowest confidence, and how "
        "many fall below 0.8 (worth a look).",
        """
SELECT 'defendant' AS fact, prov_method AS method, COUNT(*) AS n, ROUND(AVG(prov_confidence), 3) AS avg_confidence,
       MIN(prov_confidence) AS min_confidence, SUM(prov_confidence < 0.8) AS n_below_0_8 FROM defendants GROUP BY prov_method
UNION ALL
SELECT 'charge', prov_method, COUNT(*), ROUND(AVG(prov_confidence), 3), MIN(prov_confidence), SUM(prov_confidence < 0.8)
FROM charges GROUP BY prov_method
UNION ALL
SELECT 'statute_citation', prov_method, COUNT(*), ROUND(AVG(prov_confidence), 3), MIN(prov_confidence), SUM(prov_confidence < 0.8)
FROM statutes_cited GROUP BY prov_method
UNION ALL
SELECT 'event', prov_method, COUNT(*), ROUND(AVG(prov_confidence), 3), MIN(prov_confidence), SUM(prov_confidence < 0.8)
FROM events GROUP BY prov_method
ORDER BY 1, 2
""",
    ),
    CannedQuery(
        "documents_to_check",
        "Analysts: documents to check first",
        "Documents ranked by the weakest extraction: mean confidence of their facts, OCR pages, unresolved "
        "citations and dates known only to the month or year.",
        """
WITH facts AS (
  SELECT document, prov_confidence AS c FROM defendants
  UNION ALL SELECT document, prov_confidence FROM charges
  UNION ALL SELECT document, prov_confidence FROM statutes_cited
  UNION ALL SELECT document, prov_confidence FROM events
)
SELECT d.sha256 AS document, c.country, c.court, d.doc_type, d.pages, json_array_length(d.ocr_pages) AS n_ocr_pages,
       (SELECT COUNT(*) FROM facts f WHERE f.document = d.sha256) AS n_facts,
       (SELECT ROUND(AVG(f.c), 3) FROM facts f WHERE f.document = d.sha256) AS avg_confidence,
       (SELECT COUNT(*) FROM statutes_cited s WHERE s.document = d.sha256 AND s.statute_id IS NULL) AS n_unresolved_citations,
       (SELECT COUNT(*) FROM events e WHERE e.document = d.sha256 AND e.date_precision != 'day') AS n_imprecise_dates
FROM documents AS d LEFT JOIN cases AS c ON c.document = d.sha256
ORDER BY avg_confidence IS NULL, avg_confidence, n_unresolved_citations DESC, d.sha256
""",
    ),
    CannedQuery(
        "unresolved_citations",
        "Analysts: unresolved statute citations",
        "Citations the resolver could not map to a catalog provision, grouped by text and reason, with how often "
        "and in how many documents they occur: candidates for the statute catalog.",
        """
SELECT text, reason, COUNT(*) AS n, COUNT(DISTINCT document) AS n_documents, MIN(page) AS first_page
FROM statutes_cited
WHERE statute_id IS NULL
GROUP BY text, reason
ORDER BY n DESC, text
""",
    ),
)

SEARCH = (
    CannedQuery(
        "search_all_text",
        "Search every published text (any script, Thai included)",
        "Type at least three characters in q: offences, citations, courts, case numbers and statute titles "
        "containing them, through the trigram index (no word boundaries needed). Page text is not published "
        "and not searched.",
        """
SELECT source_table, source_column, source_id, document, text
FROM search_text
WHERE rowid IN (
  SELECT rowid FROM search_text_fts WHERE search_text_fts MATCH '"' || replace(:q, '"', '""') || '"'
)
ORDER BY source_table, source_column, text
LIMIT 500
""",
    ),
)

METRIC_QUERIES = RESEARCHER + PROSECUTOR + ANALYST
SEARCH_QUERIES = SEARCH
# A value for each parameter that makes the query return rows on real data
# (tests and the README use them).
PARAMETERS = {"unit_against_peers": ("unit",), "search_all_text": ("q",)}
