"""Views and canned queries of ``public.db``.

SQLite has no MEDIAN: a median is the average of the middle one or two rows
of each partition, numbered with ROW_NUMBER() and counted with COUNT() over
the same partition (rows (n + 1) / 2 and (n + 2) / 2 in integer division:
the same row when n is odd, the two middle rows when n is even).
"""

from __future__ import annotations

from dataclasses import dataclass

from .tables import CATEGORY, Column


@dataclass(frozen=True)
class View:
    name: str
    description: str
    sql: str
    columns: tuple[Column, ...]


@dataclass(frozen=True)
class CannedQuery:
    name: str
    title: str
    description: str
    sql: str


VIEWS: tuple[View, ...] = (
    View(
        "stage_duration_medians",
        "Median days per procedural stage, by country and court, with n (cases measured). "
        "Durations are survivor-biased: only decided cases are in the data.",
        """
WITH ranked AS (
  SELECT country, court, stage, stage_order, days,
         ROW_NUMBER() OVER (PARTITION BY country, court, stage ORDER BY days) AS rn,
         COUNT(*) OVER (PARTITION BY country, court, stage) AS n
  FROM stage_durations
)
SELECT country, court, stage, stage_order, n,
       AVG(CASE WHEN rn IN ((n + 1) / 2, (n + 2) / 2) THEN days END) AS median_days,
       MIN(days) AS min_days,
       MAX(days) AS max_days
FROM ranked
GROUP BY country, court, stage, stage_order, n
""",
        (
            Column("country", str, "Country of the court, ISO 3166-1 alpha-2 code."),
            Column("court", str, "The court that issued the documents."),
            Column("stage", str, "Procedural stage (see stage_durations.stage)."),
            Column("stage_order", int, "Order of the stage in the proceedings (6 for the total)."),
            Column("n", int, "Number of cases in which this stage could be measured."),
            Column("median_days", float, "Median length of the stage, in days.", "days"),
            Column("min_days", int, "Shortest length of the stage, in days.", "days"),
            Column("max_days", int, "Longest length of the stage, in days.", "days"),
        ),
    ),
    View(
        "statute_charge_outcomes",
        "One row per charge and statutory provision it was brought under, with the charge's verdict and the case's country and court.",
        """
SELECT DISTINCT cs.statute_id, c.id AS charge, c.document, c.defendant, c.category, c.verdict,
       cases.country, cases.court, cases.decision_year
FROM charge_statutes AS cs
JOIN charges AS c ON c.id = cs.charge
JOIN cases ON cases.document = c.document
""",
        (
            Column("statute_id", str, "Provision, <country>:<instrument>:<article>; joins to statutes.id."),
            Column("charge", str, "The charge; joins to charges.id."),
            Column("document", str, "SHA-256 of the source judgment; joins to cases.document."),
            Column("defendant", str, "The defendant charged; joins to defendants.id."),
            Column("category", str, f"Offence category of the charge: {CATEGORY}."),
            Column("verdict", str, "Outcome of the charge: convicted, acquitted, dismissed or unknown."),
            Column("country", str, "Country of the court, ISO 3166-1 alpha-2 code."),
            Column("court", str, "The court that issued the document."),
            Column("decision_year", int, "Year of the decision."),
        ),
    ),
    View(
        "convicted_sentences",
        "One row per convicted defendant and offence category of the charges they were convicted of, with the "
        "sentence (a defendant convicted in two categories counts in both).",
        """
SELECT DISTINCT d.id AS defendant, d.document, c.category,
       d.imprisonment_months, d.imprisonment_min_months, d.life, d.death, d.suspended,
       cases.country, cases.court, cases.decision_year
FROM defendants AS d
JOIN charges AS c ON c.defendant = d.id AND c.verdict = 'convicted'
JOIN cases ON cases.document = d.document
""",
        (
            Column("defendant", str, "The defendant; joins to defendants.id."),
            Column("document", str, "SHA-256 of the source judgment; joins to cases.document."),
            Column("category", str, f"Offence category of a charge the defendant was convicted of: {CATEGORY}."),
            Column("imprisonment_months", float, "Longest single custodial term imposed, in months.", "months"),
            Column("imprisonment_min_months", float, "Minimum of an indeterminate sentence, in months.", "months"),
            Column("life", int, "1 for life imprisonment, else 0."),
            Column("death", int, "1 for a death sentence, else 0."),
            Column("suspended", int, "1 when the custodial sentence is suspended, else 0."),
            Column("country", str, "Country of the court, ISO 3166-1 alpha-2 code."),
            Column("court", str, "The court that issued the document."),
            Column("decision_year", int, "Year of the decision."),
        ),
    ),
)

CANNED_QUERIES: tuple[CannedQuery, ...] = (
    CannedQuery(
        "median_days_by_stage",
        "Median days per procedural stage, by country and court",
        "For each country, court and stage: n (cases in which the stage could be measured), the median, "
        "shortest and longest duration in days. Each step's date is the earliest known to the day; "
        "only decided cases are in the data, so durations are survivor-biased. Read medians with few cases (small n) with care.",
        """
SELECT country, court, stage, n, median_days, min_days, max_days
FROM stage_duration_medians
ORDER BY country, court, stage_order
""",
    ),
    CannedQuery(
        "median_days_by_stage_and_country",
        "Median days per procedural stage, by country (all courts)",
        "For each country and stage: n (cases measured) and the median, shortest and longest duration in days.",
        """
WITH ranked AS (
  SELECT country, stage, stage_order, days,
         ROW_NUMBER() OVER (PARTITION BY country, stage ORDER BY days) AS rn,
         COUNT(*) OVER (PARTITION BY country, stage) AS n
  FROM stage_durations
)
SELECT country, stage, n,
       AVG(CASE WHEN rn IN ((n + 1) / 2, (n + 2) / 2) THEN days END) AS median_days,
       MIN(days) AS min_days, MAX(days) AS max_days
FROM ranked
GROUP BY country, stage, stage_order, n
ORDER BY country, stage_order
""",
    ),
    CannedQuery(
        "conviction_rate_by_statute",
        "Conviction rate by statute",
        "For each statutory provision charged: the number of charges brought under it, how many were decided "
        "(convicted, acquitted or dismissed), convicted, acquitted, dismissed and undecided (unknown), and the "
        "conviction rate: convicted / decided, between 0 and 1 (null when none was decided).",
        """
SELECT o.statute_id, s.title, s.category AS statute_category,
       COUNT(*) AS n_charges,
       SUM(o.verdict IN ('convicted', 'acquitted', 'dismissed')) AS n_decided,
       SUM(o.verdict = 'convicted') AS n_convicted,
       SUM(o.verdict = 'acquitted') AS n_acquitted,
       SUM(o.verdict = 'dismissed') AS n_dismissed,
       SUM(o.verdict NOT IN ('convicted', 'acquitted', 'dismissed')) AS n_unknown,
       ROUND(1.0 * SUM(o.verdict = 'convicted')
             / NULLIF(SUM(o.verdict IN ('convicted', 'acquitted', 'dismissed')), 0), 3) AS conviction_rate
FROM statute_charge_outcomes AS o
LEFT JOIN statutes AS s ON s.id = o.statute_id
GROUP BY o.statute_id
ORDER BY n_charges DESC, o.statute_id
""",
    ),
    CannedQuery(
        "imprisonment_by_category",
        "Imprisonment months by offence category",
        "For each offence category of convicted charges: n (convicted defendants with a custodial term), the median, "
        "shortest and longest custodial term in months, how many of those terms were suspended, and how many "
        "defendants got life or death sentences (left out of the figures). A defendant convicted in two categories counts in both.",
        """
WITH custodial AS (
  SELECT category, imprisonment_months AS months, suspended
  FROM convicted_sentences
  WHERE imprisonment_months IS NOT NULL AND life = 0 AND death = 0
),
ranked AS (
  SELECT category, months, suspended,
         ROW_NUMBER() OVER (PARTITION BY category ORDER BY months) AS rn,
         COUNT(*) OVER (PARTITION BY category) AS n
  FROM custodial
),
stats AS (
  SELECT category, n,
         AVG(CASE WHEN rn IN ((n + 1) / 2, (n + 2) / 2) THEN months END) AS median_months,
         MIN(months) AS min_months,
         MAX(months) AS max_months,
         SUM(suspended) AS n_suspended
  FROM ranked
  GROUP BY category, n
),
excluded AS (
  SELECT category, SUM(life) AS n_life, SUM(death) AS n_death
  FROM convicted_sentences
  GROUP BY category
)
SELECT stats.category, stats.n, stats.median_months, stats.min_months, stats.max_months,
       stats.n_suspended, excluded.n_life, excluded.n_death
FROM stats LEFT JOIN excluded ON excluded.category IS stats.category
ORDER BY stats.category
""",
    ),
)
