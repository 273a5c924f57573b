"""Reading the gold back: the imported regions, spans and case-record corrections per document.

A later annotation of the same stretch of text supersedes an earlier one
(by annotation time, then import time): spans of the earlier region that lie
inside the later one are dropped. A region checked against another text
version than the one stored now keeps only the spans whose text is still
exactly there; the rest are listed in ``stale``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from .tasks import stored_text, text_sha256

__all__ = ["GoldRegion", "DocumentGold", "load_gold"]


@dataclass
class GoldRegion:
    start: int
    end: int
    labels: list[str] | None  # complete for these labels; None: for every label
    annotator: str
    annotated_at: str | None
    spans: list[tuple[int, int, str, dict[str, Any]]] = field(default_factory=list)


@dataclass
class DocumentGold:
    sha256: str
    file: str
    language: str | None
    text: str
    regions: list[GoldRegion] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)  # in import order; later ones win
    stale: list[str] = field(default_factory=list)

    def record(self) -> dict[str, Any] | None:
        """The corrections merged into one partial record (later corrections win, per defendant name)."""
        if not self.records:
            return None
        merged: dict[str, Any] = {}
        defendants: dict[str, dict[str, Any]] = {}
        for rec in self.records:
            for key, value in rec.items():
                if key == "defendants":
                    for d in value or []:
                        defendants.setdefault(d["name"], {}).update(d)
                else:
                    merged[key] = value
        if defendants:
            merged["defendants"] = list(defendants.values())
        return merged


def load_gold(db: sqlite_utils.Database) -> dict[str, DocumentGold]:
    if "gold_regions" not in db.table_names():
        return {}
    out: dict[str, DocumentGold] = {}

    def doc(sha: str) -> DocumentGold | None:
        if sha not in out:
            row = db.execute("SELECT file, language FROM documents WHERE sha256 = ?", [sha]).fetchone()
            text = stored_text(db, sha)
            if row is None or text is None:
                return None
            out[sha] = DocumentGold(sha, row[0], row[1], text)
        return out[sha]

    rows = db.query(
        "SELECT r.*, i.imported_at FROM gold_regions r JOIN gold_imports i ON i.id = r.[import] "
        "ORDER BY coalesce(r.annotated_at, ''), i.imported_at, r.id"
    )
    for r in rows:
        d = doc(r["document"])
        if d is None:
            continue
        region = GoldRegion(r["char_start"], r["char_end"], json.loads(r["labels"]) if r["labels"] else None,
                            r["annotator"], r["annotated_at"])
        same_version = r["text_sha256"] == text_sha256(d.text)
        for m in db.query("SELECT * FROM gold_mentions WHERE region = ? ORDER BY char_start, char_end, label", [r["id"]]):
            if not same_version and d.text[m["char_start"] : m["char_end"]] != m["text"]:
                d.stale.append(f"{d.file}: gold {m['label']} {m['text']!r} at {m['char_start']}:{m['char_end']} "
                               "is not in the current text version")
                continue
            region.spans.append((m["char_start"], m["char_end"], m["label"], json.loads(m["attrs"] or "{}")))
        # A later region supersedes what an earlier one said about the same stretch.
        for earlier in d.regions:
            if earlier.end <= region.start or region.end <= earlier.start:
                continue
            if region.labels is None:
                earlier.spans = [s for s in earlier.spans if not (region.start <= s[0] and s[1] <= region.end)]
        d.regions.append(region)
    for r in db.query(
        "SELECT g.document, g.record FROM gold_records g JOIN gold_imports i ON i.id = g.[import] "
        "ORDER BY coalesce(g.annotated_at, ''), i.imported_at, g.id"
    ):
        d = doc(r["document"])
        if d is not None:
            d.records.append(json.loads(r["record"]))
    return out
