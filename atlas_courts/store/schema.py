"""The private working database ``atlas.db``: its schema (as sqlite-utils
migrations) and how it is opened.

Every table is keyed by a content hash (or by the document's sha256 plus a
position), so storing the same input twice writes the same rows. Schema
changes are new functions registered on ``MIGRATIONS``; never edit an applied
migration.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import sqlite_utils

from ..errors import UsageError

MIGRATIONS = sqlite_utils.Migrations("atlas_courts.store")

# Seconds a writer waits for another connection's lock before giving up.
BUSY_TIMEOUT_MS = 30_000

# Provenance columns carried by every extracted fact (the document's sha256 is
# the row's ``document`` column). ``prov_page`` is the page the span starts on;
# the bounding box is in PDF points, top-left origin, as in records.BBox.
PROVENANCE_COLUMNS: dict[str, type] = {
    "prov_page": int,
    "prov_char_start": int,
    "prov_char_end": int,
    "prov_x0": float,
    "prov_top": float,
    "prov_x1": float,
    "prov_bottom": float,
    "prov_method": str,
    "prov_confidence": float,
}


def content_id(*parts: object) -> str:
    """A stable id: the first 32 hex digits (128 bits) of the sha256 of ``parts``."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def open_db(path: str | os.PathLike) -> sqlite_utils.Database:
    """Open (creating and migrating as needed) the private database at ``path``.

    The connection is in autocommit mode (``isolation_level=None``): nothing is
    held open between calls, and every write of this package runs inside an
    explicit ``db.atomic()`` transaction. WAL and foreign keys are on.
    """
    if not isinstance(path, (str, os.PathLike)) or not str(path):
        raise UsageError(f"open_db: expected a file path, got {path!r}")
    path = Path(path)
    if path.is_dir():
        raise UsageError(f"open_db: {path} is a directory")
    if not path.parent.is_dir():
        raise UsageError(f"open_db: directory {path.parent} does not exist")
    db = sqlite_utils.Database(path)
    db.conn.isolation_level = None
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.enable_wal()
    db.execute("PRAGMA foreign_keys = ON")
    migrate(db)
    return db


def migrate(db: sqlite_utils.Database, migrations: sqlite_utils.Migrations = MIGRATIONS) -> None:
    """Apply pending migrations (of atlas.db, or another set such as the imported case
    data's), serialised across processes by a write lock."""
    if not migrations.pending(db):
        return
    # BEGIN IMMEDIATE takes the write lock before the pending list is read
    # again, so two processes opening a new database do not both create it.
    db.execute("BEGIN IMMEDIATE")
    try:
        migrations.apply(db)
    except BaseException:
        db.rollback()
        raise
    db.execute("COMMIT")


def pending_migrations(db: sqlite_utils.Database) -> list[str]:
    return [m.name for m in MIGRATIONS.pending(db)]


# --------------------------------------------------------------------------- migrations


@MIGRATIONS()
def m001_initial(db: sqlite_utils.Database) -> None:
    prov = dict(PROVENANCE_COLUMNS)
    doc_fk = [("document", "documents", "sha256")]

    db["runs"].create(
        {"id": str, "versions": str, "first_seen": str},
        pk="id",
        not_null=["versions", "first_seen"],
        strict=True,
    )
    db["documents"].create(
        {
            "sha256": str,
            "file": str,
            "path": str,
            "media_type": str,
            "language": str,
            "doc_type": str,
            "pages": int,
            "ocr_pages": str,  # JSON list of page numbers
            "warnings": str,  # JSON list of strings
            "metadata": str,  # JSON: engine metadata (private)
            "run": str,
            "status": str,
        },
        pk="sha256",
        not_null=["file", "path", "media_type", "pages", "ocr_pages", "warnings", "run", "status"],
        foreign_keys=[("run", "runs", "id")],
        strict=True,
    )
    db["pages"].create(
        {
            "document": str,
            "number": int,
            "text": str,
            "raw_text": str,
            "ocr": int,
            "width": float,
            "height": float,
        },
        pk=("document", "number"),
        not_null=["text", "raw_text", "ocr"],
        foreign_keys=doc_fk,
        strict=True,
    )
    db["mentions"].create(
        {
            "id": str,
            "document": str,
            "position": int,
            "label": str,
            "text": str,
            "value": str,  # JSON
            "char_start": int,
            "char_end": int,
            "page": int,
            "x0": float,
            "top": float,
            "x1": float,
            "bottom": float,
            "method": str,
            "confidence": float,
            "attrs": str,  # JSON object
        },
        pk="id",
        not_null=["document", "position", "label", "text", "char_start", "char_end", "method", "confidence", "attrs"],
        foreign_keys=doc_fk,
        strict=True,
    )
    db["cases"].create(
        {
            "document": str,
            "country": str,
            "court": str,
            "case_number": str,
            "decision_date": str,
            "doc_type": str,
            "provenance": str,  # JSON: field name -> provenance
            "record": str,  # JSON: the case record exactly as record.to_json() gave it
        },
        pk="document",
        not_null=["provenance", "record"],
        foreign_keys=doc_fk,
        strict=True,
    )
    db["defendants"].create(
        {
            "id": str,
            "document": str,
            "position": int,
            "name": str,
            "verdict": str,
            "imprisonment_months": float,
            "imprisonment_min_months": float,
            "life": int,
            "death": int,
            "suspended": int,
            "fine_amount": float,
            "fine_currency": str,
            "compensation_amount": float,
            "compensation_currency": str,
            "sentence_provenance": str,  # JSON list of provenance objects
            **prov,
        },
        pk="id",
        not_null=["document", "position", "name", "verdict", "life", "death", "suspended", "sentence_provenance"],
        foreign_keys=doc_fk,
        strict=True,
    )
    db["charges"].create(
        {
            "id": str,
            "document": str,
            "defendant": str,
            "position": int,
            "offence": str,
            "category": str,
            "verdict": str,
            **prov,
        },
        pk="id",
        not_null=["document", "defendant", "position", "verdict"],
        foreign_keys=doc_fk + [("defendant", "defendants", "id")],
        strict=True,
    )
    db["charge_statutes"].create(
        {"charge": str, "position": int, "document": str, "statute_id": str},
        pk=("charge", "position"),
        not_null=["document", "statute_id"],
        foreign_keys=doc_fk + [("charge", "charges", "id")],
        strict=True,
    )
    db["statutes_cited"].create(
        {
            "id": str,
            "document": str,
            "position": int,
            "statute_id": str,  # null when the citation could not be resolved
            "text": str,
            "page": int,
            "subsection": str,
            "reason": str,
            **prov,
        },
        pk="id",
        not_null=["document", "position", "text"],
        foreign_keys=doc_fk,
        strict=True,
    )
    db["events"].create(
        {
            "id": str,
            "document": str,
            "position": int,
            "type": str,
            "date": str,
            "page": int,
            "text": str,
            **prov,
        },
        pk="id",
        not_null=["document", "position", "type", "date", "text"],
        foreign_keys=doc_fk,
        strict=True,
    )
    db["victims"].create(
        {"document": str, "count": int, "minors": int},
        pk="document",
        foreign_keys=doc_fk,
        strict=True,
    )
    db["statutes"].create(
        {
            "id": str,
            "country": str,
            "instrument": str,
            "article": str,
            "title": str,
            "category": str,
            "penalty_min_months": float,
            "penalty_max_months": float,
        },
        pk="id",
        not_null=["country", "instrument", "article"],
        strict=True,
    )
    db["ingest_errors"].create(
        {
            "id": str,
            "file": str,
            "path": str,
            "sha256": str,
            "error_class": str,
            "status": str,
            "message": str,
            "run": str,
        },
        pk="id",
        not_null=["file", "path", "error_class", "status", "message", "run"],
        foreign_keys=[("run", "runs", "id")],
        strict=True,
    )

    for table, columns in [
        ("documents", ["run"]),
        ("documents", ["file"]),
        ("mentions", ["document"]),
        ("mentions", ["label"]),
        ("defendants", ["document"]),
        ("charges", ["document"]),
        ("charges", ["defendant"]),
        ("charges", ["category"]),
        ("charge_statutes", ["document"]),
        ("charge_statutes", ["statute_id"]),
        ("statutes_cited", ["document"]),
        ("statutes_cited", ["statute_id"]),
        ("events", ["document"]),
        ("events", ["type", "date"]),
        ("cases", ["country", "court"]),
        ("ingest_errors", ["sha256"]),
        ("ingest_errors", ["path"]),
        ("ingest_errors", ["run"]),
    ]:
        db[table].create_index(columns)


@MIGRATIONS()
def m002_gold_annotations(db: sqlite_utils.Database) -> None:
    """Human corrections, kept apart from the predictions (``mentions``, ``cases``, …).

    ``gold_imports``: one row per imported file (who imported it, when, what was
    accepted and rejected). ``gold_regions``: the stretches of a document an
    analyst reviewed; inside a region the gold spans are complete (a prediction
    the analyst deleted is a negative). ``gold_mentions``: the spans, checked
    against the stored text version (``text_sha256``). ``gold_records``:
    case-record-level corrections (a verdict, a sentence), as contract JSON.
    """
    doc_fk = [("document", "documents", "sha256")]
    db["gold_imports"].create(
        {
            "id": str,
            "file": str,
            "format": str,
            "imported_by": str,
            "imported_at": str,
            "tasks": int,
            "spans": int,
            "rejected": int,
            "report": str,  # JSON: counts and the rejected spans with their reasons
        },
        pk="id",
        not_null=["file", "format", "imported_by", "imported_at", "tasks", "spans", "rejected", "report"],
        strict=True,
    )
    db["gold_regions"].create(
        {
            "id": str,
            "document": str,
            "import": str,
            "task": str,  # the tool's task id, as given
            "char_start": int,
            "char_end": int,
            "text_sha256": str,  # sha256 of the document text the spans were checked against
            "labels": str,  # JSON list: the labels this region is complete for (null: every label)
            "annotator": str,
            "annotated_at": str,
        },
        pk="id",
        not_null=["document", "import", "char_start", "char_end", "text_sha256", "annotator"],
        foreign_keys=doc_fk + [("import", "gold_imports", "id")],
        strict=True,
    )
    db["gold_mentions"].create(
        {
            "id": str,
            "document": str,
            "region": str,
            "label": str,
            "char_start": int,
            "char_end": int,
            "text": str,
            "attrs": str,  # JSON object (e.g. the tool's per-span choices)
            "annotator": str,
            "annotated_at": str,
        },
        pk="id",
        not_null=["document", "region", "label", "char_start", "char_end", "text", "attrs", "annotator"],
        foreign_keys=doc_fk + [("region", "gold_regions", "id")],
        strict=True,
    )
    db["gold_records"].create(
        {
            "id": str,
            "document": str,
            "import": str,
            "record": str,  # JSON: a full or partial case record (the DESIGN.md contract)
            "annotator": str,
            "annotated_at": str,
        },
        pk="id",
        not_null=["document", "import", "record", "annotator"],
        foreign_keys=doc_fk + [("import", "gold_imports", "id")],
        strict=True,
    )
    for table, columns in [
        ("gold_regions", ["document"]),
        ("gold_regions", ["import"]),
        ("gold_mentions", ["document"]),
        ("gold_mentions", ["region"]),
        ("gold_records", ["document"]),
    ]:
        db[table].create_index(columns)
