"""Storing one document's rows, one transaction per document."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

import sqlite_utils

from ..errors import StoreError, UsageError
from ..records import CaseRecord, Document, Extraction
from .rows import DOCUMENT_TABLES, document_rows


def is_stored(db: sqlite_utils.Database, sha256: str, run: str) -> bool:
    """True when ``sha256`` is stored and was stored by run ``run`` (the build skips it)."""
    row = db.execute(
        "SELECT 1 FROM documents WHERE sha256 = ? AND run = ? AND status = 'ok'", [sha256, run]
    ).fetchone()
    return row is not None


def store_document(
    db: sqlite_utils.Database,
    document: Document,
    extraction: Extraction,
    record: CaseRecord,
    *,
    run: str,
) -> None:
    """Store one document and everything extracted from it, in ONE transaction.

    The end state is as if every row previously stored for this sha256 had been
    deleted and the new ones inserted, but only rows that differ are written:
    storing identical content again changes nothing, not even rowids. Any
    ``ingest_errors`` row for this document (by sha256, or by path when the
    error had no sha256) is cleared.
    """
    if not isinstance(run, str) or not run:
        raise UsageError(f"store_document: run must be a run id, got {run!r}")
    if not isinstance(document, Document):
        raise UsageError(f"store_document: expected a Document, got {type(document).__name__}")
    rows = document_rows(document, extraction, record, run=run)
    sha = document.sha256
    try:
        with db.atomic():
            if db.execute("SELECT 1 FROM runs WHERE id = ?", [run]).fetchone() is None:
                raise StoreError(f"run {run} is not recorded: call record_run() first")
            plan = [(table, pk, *_diff(db, table, pk, rows[table], sha)) for table, pk in DOCUMENT_TABLES]
            # Children first when deleting, parents first when writing (foreign keys).
            for table, pk, stale, _changed in reversed(plan):
                for key in stale:
                    where = " AND ".join(f"[{c}] = ?" for c in pk)
                    db.execute(f"DELETE FROM [{table}] WHERE {where}", list(key))
            for table, pk, _stale, changed in plan:
                if changed:
                    db[table].upsert_all(changed, pk=pk[0] if len(pk) == 1 else pk, alter=False)
            db.execute(
                "DELETE FROM ingest_errors WHERE sha256 = ? OR (sha256 IS NULL AND path = ?)",
                [sha, document.path],
            )
    except sqlite3.IntegrityError as e:
        raise StoreError(f"{document.file}: {e}") from e


def _diff(
    db: sqlite_utils.Database,
    table: str,
    pk: tuple[str, ...],
    new_rows: list[dict[str, Any]],
    sha256: str,
) -> tuple[list[tuple], list[dict[str, Any]]]:
    """(keys of stored rows to delete, new rows that differ from what is stored)."""
    column = "sha256" if table == "documents" else "document"
    existing = {
        tuple(r[c] for c in pk): r
        for r in db.query(f"SELECT * FROM [{table}] WHERE [{column}] = ?", [sha256])
    }
    new = {tuple(r[c] for c in pk): r for r in new_rows}
    if len(new) != len(new_rows):
        raise StoreError(f"{sha256}: duplicate primary keys in {table}")
    stale = [key for key in existing if key not in new]
    changed = [row for key, row in new.items() if existing.get(key) != row]
    return stale, changed


def load_records(db: sqlite_utils.Database) -> Iterator[dict[str, Any]]:
    """Every stored case record as the contract JSON (as ``record.to_json()`` gave it),
    ordered by file name (then sha256 for files of the same name)."""
    for row in db.execute(
        "SELECT cases.record FROM cases JOIN documents ON documents.sha256 = cases.document "
        "ORDER BY documents.file, documents.sha256"
    ):
        yield json.loads(row[0])
