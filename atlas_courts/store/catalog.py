"""The statute catalog table (``statutes``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import sqlite_utils

from ..errors import UsageError

CATALOG_COLUMNS = (
    "id",
    "country",
    "instrument",
    "article",
    "title",
    "category",
    "penalty_min_months",
    "penalty_max_months",
)


def _catalog_row(row: Mapping[str, Any]) -> dict[str, Any]:
    if not isinstance(row, Mapping):
        raise UsageError(f"catalog rows must be dicts, got {type(row).__name__}")
    unknown = sorted(set(row) - set(CATALOG_COLUMNS))
    if unknown:
        raise UsageError(f"catalog row {row.get('id')!r}: unknown keys {', '.join(unknown)}")
    sid = row.get("id")
    parts = sid.split(":") if isinstance(sid, str) else []
    if len(parts) != 3 or not all(parts):
        raise UsageError(f"catalog row: id must be <country>:<instrument>:<article>, got {sid!r}")
    out = {c: row.get(c) for c in CATALOG_COLUMNS}
    for column, part in zip(("country", "instrument", "article"), parts):
        if out[column] is None:
            out[column] = part
        elif out[column] != part:
            raise UsageError(f"catalog row {sid}: {column} {out[column]!r} does not match the id")
    for column in ("penalty_min_months", "penalty_max_months"):
        value = out[column]
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            raise UsageError(f"catalog row {sid}: {column} must be a number of months, got {value!r}")
    return out


def load_catalog(db: sqlite_utils.Database, catalog_rows: Iterable[dict]) -> None:
    """Make the ``statutes`` table hold exactly ``catalog_rows`` (the catalog is a
    snapshot: articles not given are removed). Unchanged rows are not written."""
    rows = [_catalog_row(r) for r in catalog_rows]
    by_id: dict[str, dict[str, Any]] = {}
    for r in rows:
        if r["id"] in by_id:
            raise UsageError(f"catalog: duplicate id {r['id']}")
        by_id[r["id"]] = r
    with db.atomic():
        existing = {r["id"]: r for r in db.query("SELECT * FROM statutes")}
        for sid in existing.keys() - by_id.keys():
            db.execute("DELETE FROM statutes WHERE id = ?", [sid])
        changed = [r for sid, r in by_id.items() if existing.get(sid) != r]
        if changed:
            db["statutes"].upsert_all(changed, pk="id", alter=False)
