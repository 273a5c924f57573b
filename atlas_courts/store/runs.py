"""Runs (the versions of code, rules, models and catalog a build used) and ingest errors."""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Mapping

import sqlite_utils

from ..errors import StoreError, UsageError
from .schema import content_id

# The terminal statuses of errors.py.
STATUSES = ("ok", "failed", "encrypted", "rejected", "timeout", "crashed")


def _check_versions(versions: object) -> dict[str, str]:
    if not isinstance(versions, Mapping):
        raise UsageError(f"versions must be a dict of name -> version, got {type(versions).__name__}")
    for key, value in versions.items():
        if not isinstance(key, str) or not isinstance(value, str):
            raise UsageError(f"versions must map strings to strings, got {key!r}: {value!r}")
    return dict(versions)


def run_id(versions: dict[str, str]) -> str:
    """The content hash of ``versions`` (16 hex digits): same versions, same run id."""
    canonical = json.dumps(_check_versions(versions), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def record_run(db: sqlite_utils.Database, versions: dict[str, str]) -> str:
    """Record a run and return its id. ``first_seen`` is set once: recording the
    same versions again changes nothing."""
    rid = run_id(versions)
    first_seen = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()
    with db.atomic():
        db.execute(
            "INSERT INTO runs (id, versions, first_seen) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
            [rid, json.dumps(dict(versions), sort_keys=True, ensure_ascii=False), first_seen],
        )
    return rid


def error_id(sha256: str | None, path: str, error_class: str) -> str:
    return content_id("ingest_error", sha256 or path, error_class)


def store_error(
    db: sqlite_utils.Database,
    *,
    file: str,
    path: str,
    sha256: str | None,
    error_class: str,
    status: str,
    message: str,
    run: str,
) -> None:
    """Record that a file failed. Keyed by (sha256, or path when there is none, and
    error_class): storing the same error again changes nothing; a new message,
    status or run updates the row in place."""
    for name, value in [("file", file), ("path", path), ("error_class", error_class), ("message", message), ("run", run)]:
        if not isinstance(value, str):
            raise UsageError(f"store_error: {name} must be a string, got {value!r}")
    if sha256 is not None and (not isinstance(sha256, str) or not sha256):
        raise UsageError(f"store_error: sha256 must be a hex digest or None, got {sha256!r}")
    if not path and not sha256:
        raise UsageError("store_error: give a path or a sha256")
    if status not in STATUSES:
        raise UsageError(f"store_error: status must be one of {', '.join(STATUSES)}, got {status!r}")
    row = {
        "id": error_id(sha256, path, error_class),
        "file": file,
        "path": path,
        "sha256": sha256,
        "error_class": error_class,
        "status": status,
        "message": message,
        "run": run,
    }
    columns = list(row)
    updates = ", ".join(f"[{c}] = excluded.[{c}]" for c in columns[1:])
    changed = " OR ".join(f"[{c}] IS NOT excluded.[{c}]" for c in columns[1:])
    with db.atomic():
        if db.execute("SELECT 1 FROM runs WHERE id = ?", [run]).fetchone() is None:
            raise StoreError(f"run {run} is not recorded: call record_run() first")
        db.execute(
            f"INSERT INTO ingest_errors ({', '.join(f'[{c}]' for c in columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates} WHERE {changed}",
            list(row.values()),
        )
