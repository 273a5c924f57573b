"""Build ``public.db`` from ``atlas.db``: allow-listed tables and columns only.

The public file is built from scratch in a temporary file beside the output
and moved into place when complete, so a failed publish leaves the previous
``public.db`` untouched and nothing deleted from atlas.db can linger in free
pages of the public file. Everything is read in one read transaction: a
build still writing to atlas.db is seen as of one moment.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from ..errors import StoreError, UsageError
from ..store.schema import pending_migrations
from .durations import DurationCounts, precision, stage_durations
from .metadata import metadata
from .measures import METRIC_TABLES, compute_for_publish, metric_rows
from ..privacy import DocumentRedactor, Redactor, check_file, detect
from ..privacy.names import fold
from ..records import PAGE_SEPARATOR
from .names import initials
from .provenance import FACT_SOURCES, fact_source_rows, pages_dir
from .search import add_search
from .queries import VIEWS
from .tables import TABLES, TABLES_BY_NAME, Table

DEFENDANT_NAME_MODES = ("initials", "full")

# Free-text columns that could carry a name picked up with the text around it.
REDACTED_COLUMNS = {
    "cases": ("court", "case_number"),
    "charges": ("offence",),
    "statutes_cited": ("text", "subsection", "reason"),
}

# Columns that name courts (and so places): redacted by cue-protected names only.
PLACE_COLUMNS = frozenset({"court", "office", "court_name"})

# The SELECT reading each table from atlas.db. Columns are named one by one:
# nothing new in atlas.db is published until it is added here and in tables.py.
SOURCE_SQL = {
    "documents": "SELECT sha256, media_type, language, doc_type, pages, ocr_pages, run FROM documents ORDER BY sha256",
    "cases": "SELECT document, country, court, case_number, decision_date, doc_type FROM cases ORDER BY document",
    "defendants": (
        "SELECT id, document, position, name, verdict, imprisonment_months, imprisonment_min_months, life, death, "
        "suspended, fine_amount, fine_currency, compensation_amount, compensation_currency, "
        "prov_page, prov_method, prov_confidence FROM defendants ORDER BY id"
    ),
    "charges": (
        "SELECT id, document, defendant, position, offence, category, verdict, prov_page, prov_method, prov_confidence "
        "FROM charges ORDER BY id"
    ),
    "charge_statutes": "SELECT charge, position, document, statute_id FROM charge_statutes ORDER BY charge, position",
    "statutes_cited": (
        "SELECT id, document, position, statute_id, text, page, subsection, reason, prov_method, prov_confidence "
        "FROM statutes_cited ORDER BY id"
    ),
    "events": "SELECT id, document, position, type, date, page, prov_method, prov_confidence FROM events ORDER BY id",
    "victims": "SELECT document, count, minors FROM victims ORDER BY document",
    "statutes": (
        "SELECT id, country, instrument, article, title, category, penalty_min_months, penalty_max_months "
        "FROM statutes ORDER BY id"
    ),
    "runs": "SELECT id, versions, first_seen FROM runs ORDER BY id",
}

_YEAR = re.compile(r"^(\d{4})")


def _decision_year(date: str | None) -> int | None:
    match = _YEAR.match(date or "")
    return int(match.group(1)) if match else None


def _open_readonly(path: Path) -> sqlite_utils.Database:
    if not path.is_file():
        raise UsageError(f"publish: {path} does not exist")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    conn.isolation_level = None
    db = sqlite_utils.Database(conn)
    pending = pending_migrations(db)
    if pending:
        db.close()
        raise StoreError(f"{path} needs migrating ({', '.join(pending)}): open it with store.open_db first")
    return db


def _known_persons(src: sqlite_utils.Database) -> dict[str, list[tuple[str, str]]]:
    """Per document: (name, role) of the persons the stored record already
    knows: its defendants, and PERSON mentions (rules or a trained model,
    with their role; a mention without one is an unknown person, redacted)."""
    known: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in src.query("SELECT document, name FROM defendants WHERE name IS NOT NULL"):
        known[row["document"]].append((row["name"], "defendant"))
    for row in src.query(
        "SELECT document, label, text, value, attrs FROM mentions "
        "WHERE label = 'PERSON' OR upper(label) LIKE '%VICTIM%' OR attrs LIKE '%victim%'"
    ):
        attrs = json.loads(row["attrs"] or "{}")
        role = str(attrs.get("role", "")).lower() if isinstance(attrs, dict) else ""
        if "VICTIM" in row["label"].upper() or role in ("victim", "complainant"):
            role = "victim"
        elif row["label"] != "PERSON":
            continue
        elif role == "minor":
            role = "victim"
        elif role not in ("defendant", "witness", "judge", "lawyer", "police"):
            role = "unknown"
        value = json.loads(row["value"]) if row["value"] else None
        for text in {row["text"], value if isinstance(value, str) else row["text"]}:
            known[row["document"]].append((text, role))
    return known


def _document_text(src: sqlite_utils.Database, document: str) -> str:
    pages = [r["text"] for r in src.query("SELECT text FROM pages WHERE document = ? ORDER BY number", [document])]
    return PAGE_SEPARATOR.join(pages)


class _Redaction:
    """The redactors of one publish: one per document (built on first use from
    the document's text and record), and one over all documents for values
    that belong to none (metric labels, imported rows)."""

    def __init__(self, src: sqlite_utils.Database, defendant_names: str):
        self.src = src
        self.defendant_names = defendant_names
        self.known = _known_persons(src)
        self.documents: dict[str, DocumentRedactor] = {}

    def __call__(self, document: str | None) -> Redactor:
        if document is None:
            return self.global_redactor()
        if document not in self.documents:
            text = _document_text(self.src, document)
            known = []
            for name, role in self.known.get(document, ()):
                if role == "unknown":
                    # An unknown person the record names: redacted, as a person next to a victim is.
                    known.append((name, "other"))
                else:
                    known.append((name, role))
            detection = detect(text, known)
            for person in detection.persons:
                if person.role == "other" and any(fold(n) == fold(k) for k, r in self.known.get(document, ()) if r == "unknown" for n in person.names):
                    person.near_victim = True
            self.documents[document] = DocumentRedactor(text, detection, defendant_names=self.defendant_names)
        return self.documents[document]

    def all_documents(self) -> None:
        for row in self.src.query("SELECT sha256 FROM documents ORDER BY sha256"):
            self(row["sha256"])

    def global_redactor(self) -> Redactor:
        forms: dict[str, str] = {}
        ids: list[tuple[str, str]] = []
        for redactor in self.documents.values():
            # Labels of metric tables and imported rows (courts, offices, offences): the names a
            # cue protects, not every capitalised run the unknown-person default took.
            for form, placeholder in redactor.cued_forms.items():
                if len(form.split()) >= 2 and placeholder.startswith("["):
                    forms.setdefault(form, placeholder.rsplit(" ", 1)[0] + "]")
            ids += list(redactor.identifiers.items())
        return Redactor(forms, ids)

    @property
    def count(self) -> int:
        return sum(r.count for r in self.documents.values())

    def summary(self) -> dict[str, int]:
        """Counts for the publish summary (no names)."""
        out = {"victims": 0, "witnesses": 0, "minors": 0, "other_persons_redacted": 0, "identifiers": 0}
        for r in self.documents.values():
            for p in r.detection.persons:
                if p.minor:
                    out["minors"] += 1
                elif p.role == "victim":
                    out["victims"] += 1
                elif p.role == "witness":
                    out["witnesses"] += 1
                elif p.protected:
                    out["other_persons_redacted"] += 1
            out["identifiers"] += len(r.detection.identifiers)
        return out

    def scan_terms(self) -> set[str]:
        return {t for r in self.documents.values() for t in r.scan_terms()}


def publish(
    atlas_db: str | os.PathLike,
    out: str | os.PathLike,
    *,
    defendant_names: str = "initials",
    metrics: bool = False,
    search: bool = False,
    page_images: bool = False,
    as_of: str | None = None,
    today: datetime.date | None = None,
) -> dict[str, Any]:
    """Build ``out`` (public.db) afresh from ``atlas_db`` and write its Datasette
    metadata beside it (public.db -> public.metadata.json). Returns summary counts.

    ``metrics``: add the timeline metrics (stage intervals and summaries,
    bottlenecks, sentences against statutory ranges, caseload, data quality),
    the provenance links of every extracted fact (``fact_sources``), the
    canned queries for researchers, prosecutors and analysts, and the
    dashboard. ``search``: full-text indexes of the published text columns
    (unicode61, and trigram for scripts without spaces). ``page_images``
    (needs ``metrics``): render each source page a fact was read from into
    public.pages/ beside public.db, served with it, and link facts to the page
    with the passage highlighted. Every span the document's redactor replaces
    (protected names, defendants' names in initials mode, identifying details)
    is blacked out on the image, from the character boxes of a fresh ingest of
    the source file; a page that cannot be masked completely (file gone or
    changed, text not the stored text, no character boxes) is not rendered and
    is counted. Images are off unless asked for. Publishing without them
    removes the images of an earlier publish. ``as_of`` and ``today`` are passed to
    ``metrics.compute_metrics``.
    """
    if defendant_names not in DEFENDANT_NAME_MODES:
        raise UsageError(f"defendant_names must be 'initials' or 'full', got {defendant_names!r}")
    if page_images and not metrics:
        raise UsageError("publish: page images need metrics=True (the links live in fact_sources)")
    options = {"metrics": metrics, "search": search, "page_images": page_images, "as_of": as_of, "today": today}
    atlas_path, out_path = Path(atlas_db), Path(out)
    if out_path.resolve() == atlas_path.resolve():
        raise UsageError("publish: the output must not be the private database")
    if not out_path.parent.is_dir():
        raise UsageError(f"publish: directory {out_path.parent} does not exist")
    meta_path = metadata_path(out_path)
    tmp = out_path.with_name(f".{out_path.name}.tmp-{os.getpid()}")
    tmp_meta = meta_path.with_name(f".{meta_path.name}.tmp-{os.getpid()}")
    images = pages_dir(out_path)
    tmp_images = images.with_name(f".{images.name}.tmp-{os.getpid()}")
    for stale in (tmp, tmp_meta):
        stale.unlink(missing_ok=True)
    shutil.rmtree(tmp_images, ignore_errors=True)

    src = _open_readonly(atlas_path)
    try:
        src.execute("BEGIN")  # one snapshot of atlas.db for the whole build
        dst = sqlite_utils.Database(tmp)
        try:
            options["roots"] = [atlas_path.resolve().parent]
            summary = _build(src, dst, defendant_names, out_path.stem, tmp_images if page_images else None, options)
            dst.conn.commit()
            dst.vacuum()
        finally:
            dst.close()
        # The last gate: no protected name or identifying number anywhere in the file's bytes.
        summary["privacy"]["terms_scanned"] = check_file(tmp, options["redaction"].scan_terms())
        src.execute("COMMIT")
        meta = metadata(out_path.stem, defendant_names=defendant_names, metrics=metrics, search=search)
        tmp_meta.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        # A journal left by some other program beside the old file must not be
        # applied to the new one.
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{out_path}{suffix}").unlink(missing_ok=True)
        os.replace(tmp, out_path)
        os.replace(tmp_meta, meta_path)
        # Images of an earlier publish must not outlive it (they show names).
        shutil.rmtree(images, ignore_errors=True)
        if page_images and tmp_images.is_dir():
            os.replace(tmp_images, images)
    except BaseException:
        tmp.unlink(missing_ok=True)
        tmp_meta.unlink(missing_ok=True)
        shutil.rmtree(tmp_images, ignore_errors=True)
        raise
    finally:
        src.close()
    summary["defendant_names"] = defendant_names
    summary["public_db"] = str(out_path)
    summary["metadata"] = str(meta_path)
    if page_images:
        summary["page_images"] = str(images)
    return summary


def metadata_path(public_db: str | os.PathLike) -> Path:
    """public.db -> public.metadata.json, in the same folder."""
    path = Path(public_db)
    return path.with_name(f"{path.stem}.metadata.json")


def _create(dst: sqlite_utils.Database, table: Table) -> None:
    dst[table.name].create(
        {c.name: c.type for c in table.columns},
        pk=table.pk[0] if len(table.pk) == 1 else table.pk,
        strict=True,
    )


def _build(
    src: sqlite_utils.Database,
    dst: sqlite_utils.Database,
    defendant_names: str,
    database: str = "public",
    images_dir: Path | None = None,
    options: dict[str, Any] | None = None,
) -> dict[str, Any]:
    options = options or {}
    for table in TABLES:
        _create(dst, table)

    redaction = _Redaction(src, defendant_names)
    redaction.all_documents()
    options["redaction"] = redaction

    def redact(table: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
        def apply(row: dict[str, Any]) -> dict[str, Any]:
            r = redaction(row["document"])
            for column in REDACTED_COLUMNS[table]:
                # A court's name holds places, never a victim: only cue-protected names there.
                row[column] = (r.cued() if column in PLACE_COLUMNS and hasattr(r, "cued") else r)(row[column])
            return row

        return apply

    def cases(row: dict[str, Any]) -> dict[str, Any]:
        row = redact("cases")(row)
        row["decision_year"] = _decision_year(row["decision_date"])
        return row

    def defendants(row: dict[str, Any]) -> dict[str, Any]:
        if defendant_names == "initials":
            row["name"] = initials(row["name"])
        else:  # full names by choice; a minor's name is still replaced
            row["name"] = redaction(row["document"])(row["name"])
        return row

    def events(row: dict[str, Any]) -> dict[str, Any]:
        row["date_precision"] = precision(row["date"])
        return row

    transforms: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
        "cases": cases,
        "defendants": defendants,
        "charges": redact("charges"),
        "statutes_cited": redact("statutes_cited"),
        "events": events,
    }
    summary: dict[str, Any] = {}
    for name, sql in SOURCE_SQL.items():
        table = TABLES_BY_NAME[name]
        transform = transforms.get(name, lambda row: row)
        rows = (_only(table.column_names, transform(dict(row))) for row in src.query(sql))
        dst[name].insert_all(rows, batch_size=1000)
        summary[name] = dst[name].count

    counts = DurationCounts()
    dst["stage_durations"].insert_all(_stage_duration_rows(src, dst, counts), batch_size=1000)
    summary["stage_durations"] = dst["stage_durations"].count
    summary["excluded_impossible_durations"] = counts.impossible
    summary["excluded_impossible_by_stage"] = dict(sorted(counts.by_stage_impossible.items()))
    summary["skipped_imprecise_durations"] = counts.imprecise
    summary["redactions"] = redaction.count
    summary["unresolved_citations"] = dst.execute(
        "SELECT count(*) FROM statutes_cited WHERE statute_id IS NULL"
    ).fetchone()[0]

    for table in TABLES:
        for columns in table.indexes:
            dst[table.name].create_index(list(columns))
    for view in VIEWS:
        dst.create_view(view.name, view.sql.strip())

    if options.get("metrics"):
        summary.update(_add_metrics(src, dst, database, images_dir, options))
    summary["redactions"] += _redact_everything(dst, redaction.global_redactor())
    summary["privacy"] = redaction.summary()
    if options.get("search"):
        summary["search_text"] = add_search(dst)
    return summary


def _add_metrics(
    src: sqlite_utils.Database, dst: sqlite_utils.Database, database: str, images_dir: Path | None,
    options: dict[str, Any],
) -> dict[str, Any]:
    """The timeline metrics and the provenance links (publish(..., metrics=True))."""
    courts = {r["document"]: r["court"] for r in dst.query("SELECT document, court FROM cases")}  # as published
    report = compute_for_publish(src, courts, options.get("today"), options.get("as_of"))
    out: dict[str, Any] = {}
    rows = metric_rows(report)
    for table in METRIC_TABLES + (FACT_SOURCES,):
        _create(dst, table)
    for table in METRIC_TABLES:
        dst[table.name].insert_all(
            (_only(table.column_names, r) for r in rows[table.name]), batch_size=1000
        )
        out[table.name] = dst[table.name].count
    image_stats: dict[str, int] = {}
    dst[FACT_SOURCES.name].insert_all(
        fact_source_rows(src, database, images_dir, options.get("roots"), options.get("redaction"), image_stats),
        batch_size=1000,
    )
    out[FACT_SOURCES.name] = dst[FACT_SOURCES.name].count
    if images_dir is not None:
        out["page_images_rendered"] = len(list(images_dir.glob("*.png")))
        # Pages not rendered because they could not be masked, and documents whose file is gone or changed.
        out["page_images_unmaskable"] = image_stats.get("pages_unmaskable", 0)
        out["page_images_documents_unverified"] = image_stats.get("documents_unverified", 0)
        out["page_images_masked_boxes"] = image_stats.get("masked_boxes", 0)
        out["facts_without_page_image"] = dst.execute(
            "SELECT count(*) FROM fact_sources WHERE page_image IS NULL"
        ).fetchone()[0]
    for table in METRIC_TABLES + (FACT_SOURCES,):
        for columns in table.indexes:
            dst[table.name].create_index(list(columns))
    out["censoring"] = report.censoring_statement()
    return out


# Text columns that hold codes, ids, dates or JSON made by the code, never text
# read from a document: the last pass leaves them alone.
_CODE_COLUMNS = frozenset({
    "id", "sha256", "document", "defendant", "charge", "event", "statute_citation", "fact_id", "fact_type",
    "media_type", "language", "doc_type", "verdict", "category", "type", "date", "from_date", "to_date",
    "start_date", "end_date", "decision_date", "date_precision", "statute_id", "country", "instrument", "article",
    "stage", "from_event", "to_event", "end_event", "method", "prov_method", "run", "versions", "first_seen",
    "ocr_pages", "categories", "statutes", "link_url", "source_markdown", "page_image", "case_key", "source",
    "dimension", "unit_type", "position_in_range", "rule",
})


def _redact_everything(dst: sqlite_utils.Database, redactor: Redactor) -> int:
    """The last pass: every other TEXT value of every table through the redactor
    of all documents (labels of metric tables, imported rows, anything a new
    table adds). Returns the number of values changed."""
    changed = 0
    for table in dst.table_names():
        if "_fts" in table:
            continue
        columns = [c.name for c in dst[table].columns if c.type.upper() == "TEXT" and c.name not in _CODE_COLUMNS]
        if not columns:
            continue
        updates = []
        for row in dst.execute(f"SELECT rowid, {', '.join(f'[{c}]' for c in columns)} FROM [{table}]").fetchall():
            new = [redactor(v) if isinstance(v, str) else v for v in row[1:]]
            if new != list(row[1:]):
                updates.append([*new, row[0]])
        if updates:
            sets = ", ".join(f"[{c}] = ?" for c in columns)
            dst.conn.executemany(f"UPDATE [{table}] SET {sets} WHERE rowid = ?", updates)
            changed += len(updates)
    return changed


def _only(columns: list[str], row: dict[str, Any]) -> dict[str, Any]:
    return {c: row[c] for c in columns}


def _stage_duration_rows(
    src: sqlite_utils.Database, dst: sqlite_utils.Database, counts: DurationCounts
) -> Iterator[dict[str, Any]]:
    events: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in src.query("SELECT document, type, date FROM events ORDER BY document, position"):
        events[row["document"]].append((row["type"], row["date"]))
    categories: dict[str, list[str]] = defaultdict(list)
    for row in dst.query(
        "SELECT DISTINCT document, category FROM charges WHERE category IS NOT NULL ORDER BY document, category"
    ):
        categories[row["document"]].append(row["category"])
    for case in dst.query("SELECT document, country, court, decision_year FROM cases ORDER BY document"):
        for d in stage_durations(events.get(case["document"], ()), counts):
            yield {
                "document": case["document"],
                "stage": d.stage,
                "stage_order": d.stage_order,
                "from_event": d.from_event,
                "to_event": d.to_event,
                "from_date": d.from_date,
                "to_date": d.to_date,
                "days": d.days,
                "country": case["country"],
                "court": case["court"],  # already redacted
                "decision_year": case["decision_year"],
                "categories": json.dumps(categories.get(case["document"], [])),
            }

