"""The allow-list: every table and column of ``public.db``, with its description.

Nothing reaches the public database unless it is listed here, and nothing can
be listed without a description, so the Datasette metadata and the file
cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    type: type
    description: str
    unit: str | None = None  # a pint unit Datasette understands ("days", "months")


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    pk: tuple[str, ...]
    columns: tuple[Column, ...]
    facets: tuple[str | dict, ...] = ()
    indexes: tuple[tuple[str, ...], ...] = ()

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _doc(what: str = "the case") -> Column:
    return Column(
        "document",
        str,
        f"SHA-256 of the source judgment of {what}; joins to documents.sha256 and cases.document.",
    )


PROV_PAGE = Column("prov_page", int, "Page of the source judgment (1-based) where this was read.")
PROV_METHOD = Column(
    "prov_method",
    str,
    "How it was extracted: 'rule:<name>.<version>', 'model:<name>-<version>' or 'gold:analyst' (checked by hand).",
)
PROV_CONFIDENCE = Column(
    "prov_confidence", float, "Extractor confidence between 0 and 1 (1 for rules and hand-checked values)."
)
PROVENANCE = (PROV_PAGE, PROV_METHOD, PROV_CONFIDENCE)

CATEGORY = "one of trafficking, forced_labour, child_labour, sexual_exploitation, smuggling, other"

TABLES: tuple[Table, ...] = (
    Table(
        "documents",
        "One row per source judgment (court document) processed. The file itself, its name, "
        "path, text and metadata are not published.",
        ("sha256",),
        (
            Column("sha256", str, "SHA-256 of the source file: the document's identifier."),
            Column("media_type", str, "Format of the source file: pdf, docx or txt."),
            Column("language", str, "Language of the document, ISO 639-1 code (es, en, th, ...)."),
            Column(
                "doc_type",
                str,
                "Kind of document: judgment, appeal_judgment, sentencing, indictment, order, transcript or other.",
            ),
            Column("pages", int, "Number of pages."),
            Column(
                "ocr_pages",
                str,
                "JSON list of the page numbers whose text was read by OCR (scanned pages; extraction there is less reliable).",
            ),
            Column("run", str, "Id of the run (versions of code, rules, models and catalog) that extracted it; see runs."),
        ),
        facets=("doc_type", "language"),
    ),
    Table(
        "cases",
        "One row per document: the case as this document decides it.",
        ("document",),
        (
            _doc("this case"),
            Column("country", str, "Country of the court, ISO 3166-1 alpha-2 code (AR, PY, TH, US, ...)."),
            Column("court", str, "The court that issued the document, as named in it (names of people replaced by placeholders)."),
            Column("case_number", str, "The court's case number (names of people replaced by placeholders)."),
            Column("decision_date", str, "Date of the document's decision: YYYY-MM-DD, or YYYY-MM / YYYY when only that is known."),
            Column("decision_year", int, "Year of the decision (from decision_date)."),
            Column("doc_type", str, "Kind of document: judgment, appeal_judgment, sentencing, indictment, order, transcript or other."),
        ),
        facets=("country", "doc_type", "decision_year"),
        indexes=(("country", "court"),),
    ),
    Table(
        "defendants",
        "One row per accused person in a case, with the verdict and sentence as the document leaves them "
        "(an appeal's outcome where the document is an appeal).",
        ("id",),
        (
            Column("id", str, "Identifier of the defendant in this case (a hash of the document and position)."),
            _doc("the case"),
            Column("position", int, "Order of first mention in the document, from 0."),
            Column("name", str, "The defendant's initials (\"J. C. G.\"); the full name is not published unless the publisher chose to."),
            Column("verdict", str, "Outcome for this defendant: convicted, acquitted, dismissed, mixed (some charges each way) or unknown."),
            Column(
                "imprisonment_months",
                float,
                "Longest single custodial term imposed, in months (years x 12 + months + days / 30); the maximum of an "
                "indeterminate sentence; null when there is none, and null with life or death.",
                "months",
            ),
            Column("imprisonment_min_months", float, "Minimum of an indeterminate sentence, in months; null otherwise.", "months"),
            Column("life", int, "1 when sentenced to life imprisonment (reclusión perpetua), else 0."),
            Column("death", int, "1 when sentenced to death, else 0."),
            Column("suspended", int, "1 when the custodial sentence is suspended, else 0."),
            Column("fine_amount", float, "Fine imposed, as an amount in units of fine_currency; null when none."),
            Column("fine_currency", str, "Currency of the fine, ISO 4217 code (ARS, PHP, USD, ...)."),
            Column(
                "compensation_amount",
                float,
                "Total the defendant is ordered to pay the victims (indemnity, damages, compensation), in units of compensation_currency.",
            ),
            Column("compensation_currency", str, "Currency of the compensation, ISO 4217 code."),
            *PROVENANCE,
        ),
        facets=("verdict",),
        indexes=(("document",),),
    ),
    Table(
        "charges",
        "One row per distinct offence a defendant was charged with or convicted of.",
        ("id",),
        (
            Column("id", str, "Identifier of the charge (a hash of the defendant and position)."),
            _doc("the case"),
            Column("defendant", str, "The defendant charged; joins to defendants.id."),
            Column("position", int, "Order of the charge for this defendant, from 0."),
            Column("offence", str, "The offence as the document names it (names of people replaced by placeholders)."),
            Column("category", str, f"Offence category: {CATEGORY}."),
            Column("verdict", str, "Outcome of this charge: convicted, acquitted, dismissed or unknown."),
            *PROVENANCE,
        ),
        facets=("category", "verdict"),
        indexes=(("document",), ("defendant",)),
    ),
    Table(
        "charge_statutes",
        "The statutory provisions each charge was brought or decided under.",
        ("charge", "position"),
        (
            Column("charge", str, "The charge; joins to charges.id."),
            Column("position", int, "Order of the provision in the charge, from 0."),
            _doc("the case"),
            Column("statute_id", str, "Provision, as <country>:<instrument>:<article> (AR:CP:145bis); joins to statutes.id."),
        ),
        facets=("statute_id",),
        indexes=(("statute_id",), ("document",)),
    ),
    Table(
        "statutes_cited",
        "Every statutory provision the document cites, resolved to a catalog id where possible. "
        "Unresolved citations keep their text and a reason.",
        ("id",),
        (
            Column("id", str, "Identifier of the citation (a hash of the document and position)."),
            _doc("the case"),
            Column("position", int, "Order of the citation in the document, from 0."),
            Column("statute_id", str, "Provision cited, as <country>:<instrument>:<article>; null when it could not be resolved."),
            Column("text", str, "The citation as written (\"art. 145 bis del Código Penal\")."),
            Column("page", int, "Page of the document (1-based) where the citation is."),
            Column("subsection", str, "Sub-division cited (inciso, paragraph, (a)(1)), when given."),
            Column("reason", str, "Why the citation could not be resolved; null when resolved."),
            PROV_METHOD,
            PROV_CONFIDENCE,
        ),
        facets=("statute_id",),
        indexes=(("document",), ("statute_id",)),
    ),
    Table(
        "events",
        "Dated procedural steps the document states (offence, complaint, arrest, indictment, ..., appeal decision). "
        "The sentence of the document each date was read from is not published.",
        ("id",),
        (
            Column("id", str, "Identifier of the event (a hash of the document and position)."),
            _doc("the case"),
            Column("position", int, "Order of the event in the case record, from 0."),
            Column(
                "type",
                str,
                "Step: offence, complaint, arrest, indictment, arraignment, trial_start, judgment, sentencing, "
                "appeal_filed or appeal_decision.",
            ),
            Column("date", str, "Date of the step: YYYY-MM-DD, or YYYY-MM / YYYY when only that is known."),
            Column("date_precision", str, "day, month or year: how precisely the date is known (null when malformed)."),
            Column("page", int, "Page of the document (1-based) stating the date."),
            PROV_METHOD,
            PROV_CONFIDENCE,
        ),
        facets=("type", "date_precision"),
        indexes=(("document",), ("type",)),
    ),
    Table(
        "victims",
        "Number of victims of the offences decided, per case (counts only: nothing about any victim is published).",
        ("document",),
        (
            _doc("the case"),
            Column("count", int, "Number of victims; null when the document does not say."),
            Column("minors", int, "How many victims were under 18 at the time; null when the document does not say."),
        ),
    ),
    Table(
        "statutes",
        "The project's statute catalog: provisions with their offence category and penalty range.",
        ("id",),
        (
            Column("id", str, "Provision id, <country>:<instrument>:<article> (AR:CP:145bis)."),
            Column("country", str, "Country, ISO 3166-1 alpha-2 code."),
            Column("instrument", str, "Short code of the law or code (CP, L26364, 18USC, MSA2015, ...)."),
            Column("article", str, "Article or section number, lower case, without prefix or sub-divisions."),
            Column("title", str, "Official title or heading of the provision."),
            Column("category", str, f"Offence category of the provision: {CATEGORY}."),
            Column("penalty_min_months", float, "Minimum penalty the provision sets, in months of imprisonment.", "months"),
            Column("penalty_max_months", float, "Maximum penalty the provision sets, in months of imprisonment.", "months"),
        ),
        facets=("country", "instrument", "category"),
    ),
    Table(
        "stage_durations",
        "Days between procedural steps, one row per case and stage. Each step's date is the earliest date of that "
        "type known to the day; stages with a date known only to the month or year are left out, and so are "
        "negative (impossible) durations. Only decided cases appear, so durations are survivor-biased.",
        ("document", "stage"),
        (
            _doc("the case"),
            Column(
                "stage",
                str,
                "complaint_to_arrest, arrest_to_indictment, indictment_to_trial, trial_to_judgment, "
                "judgment_to_appeal_decision, or offence_to_judgment (the total).",
            ),
            Column("stage_order", int, "Order of the stage in the proceedings (1 to 5; 6 for the total)."),
            Column("from_event", str, "Event type the stage starts at."),
            Column(
                "to_event",
                str,
                "Event type the stage ends at (indictment_to_trial ends at arraignment when the case has no trial_start).",
            ),
            Column("from_date", str, "Date the stage starts, YYYY-MM-DD."),
            Column("to_date", str, "Date the stage ends, YYYY-MM-DD."),
            Column("days", int, "Length of the stage in days.", "days"),
            Column("country", str, "Country of the court, ISO 3166-1 alpha-2 code."),
            Column("court", str, "The court that issued the document."),
            Column("decision_year", int, "Year of the decision."),
            Column("categories", str, f"JSON list of the offence categories charged in the case ({CATEGORY})."),
        ),
        facets=("stage", "country", {"array": "categories"}),
        indexes=(("country", "court", "stage"), ("stage",)),
    ),
    Table(
        "runs",
        "Versions of code, rules, models and statute catalog behind each extraction run.",
        ("id",),
        (
            Column("id", str, "Run id: a hash of the versions."),
            Column("versions", str, "JSON object of component name -> version."),
            Column("first_seen", str, "When this combination of versions was first used (UTC, ISO 8601)."),
        ),
    ),
)

TABLES_BY_NAME = {t.name: t for t in TABLES}
