"""Typed records -> table rows (pure functions, no database).

Every row carries every column of its table, with JSON columns already
serialised deterministically, so a row read back from SQLite compares equal
to a freshly built one when nothing changed (that is how re-storing identical
content writes nothing).
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import StoreError
from ..records import CaseRecord, Document, Extraction, Provenance
from .schema import PROVENANCE_COLUMNS, content_id

# Tables holding one document's rows, parents before children. The second item
# is the primary key; every table has a ``document`` column.
DOCUMENT_TABLES: list[tuple[str, tuple[str, ...]]] = [
    ("documents", ("sha256",)),
    ("pages", ("document", "number")),
    ("mentions", ("id",)),
    ("cases", ("document",)),
    ("defendants", ("id",)),
    ("charges", ("id",)),
    ("charge_statutes", ("charge", "position")),
    ("statutes_cited", ("id",)),
    ("events", ("id",)),
    ("victims", ("document",)),
]


def dumps(value: Any) -> str:
    """Deterministic JSON for a JSON column (non-JSON values become strings)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def provenance_columns(p: Provenance | None, sha256: str) -> dict[str, Any]:
    if p is None:
        return dict.fromkeys(PROVENANCE_COLUMNS)
    if p.sha256 != sha256:
        raise StoreError(f"provenance points at document {p.sha256}, not {sha256}")
    x0, top, x1, bottom = p.bbox if p.bbox else (None, None, None, None)
    return {
        "prov_page": p.page,
        "prov_char_start": p.start,
        "prov_char_end": p.end,
        "prov_x0": x0,
        "prov_top": top,
        "prov_x1": x1,
        "prov_bottom": bottom,
        "prov_method": p.method,
        "prov_confidence": float(p.confidence),
    }


def _provenance_json(p: Provenance, sha256: str) -> dict[str, Any]:
    if p.sha256 != sha256:
        raise StoreError(f"provenance points at document {p.sha256}, not {sha256}")
    return {
        "page": p.page,
        "start": p.start,
        "end": p.end,
        "bbox": list(p.bbox) if p.bbox else None,
        "method": p.method,
        "confidence": float(p.confidence),
    }


def _bool(value: bool) -> int:
    return 1 if value else 0


def document_rows(
    document: Document, extraction: Extraction, record: CaseRecord, *, run: str
) -> dict[str, list[dict[str, Any]]]:
    """All rows of one document, by table (keys in ``DOCUMENT_TABLES`` order)."""
    sha = document.sha256
    if extraction.document.sha256 != sha:
        raise StoreError(f"{document.file}: extraction is of document {extraction.document.sha256}, not {sha}")
    if record.document.sha256 != sha:
        raise StoreError(f"{document.file}: case record is of document {record.document.sha256}, not {sha}")

    rows: dict[str, list[dict[str, Any]]] = {table: [] for table, _ in DOCUMENT_TABLES}
    rows["documents"].append(
        {
            "sha256": sha,
            "file": document.file,
            "path": document.path,
            "media_type": document.media_type,
            "language": document.language,
            "doc_type": record.document.doc_type,
            "pages": len(document.pages),
            "ocr_pages": dumps(document.ocr_pages),
            "warnings": dumps(list(document.warnings)),
            "metadata": dumps(document.metadata),
            "run": run,
            "status": "ok",
        }
    )
    for page in document.pages:
        rows["pages"].append(
            {
                "document": sha,
                "number": page.number,
                "text": page.text,
                "raw_text": page.raw_text,
                "ocr": _bool(page.ocr),
                "width": page.width,
                "height": page.height,
            }
        )
    for position, m in enumerate(extraction.mentions):
        if document.text[m.start : m.end] != m.text:
            raise StoreError(
                f"{document.file}: mention {position} ({m.label}) text {m.text!r} "
                f"is not text[{m.start}:{m.end}] = {document.text[m.start:m.end]!r}"
            )
        p = m.provenance(document)
        x0, top, x1, bottom = p.bbox if p.bbox else (None, None, None, None)
        rows["mentions"].append(
            {
                "id": content_id("mention", sha, position),
                "document": sha,
                "position": position,
                "label": m.label,
                "text": m.text,
                "value": None if m.value is None else dumps(m.value),
                "char_start": m.start,
                "char_end": m.end,
                "page": p.page,
                "x0": x0,
                "top": top,
                "x1": x1,
                "bottom": bottom,
                "method": m.method,
                "confidence": float(m.confidence),
                "attrs": dumps(m.attrs),
            }
        )

    case = record.case
    rows["cases"].append(
        {
            "document": sha,
            "country": case.country,
            "court": case.court,
            "case_number": case.case_number,
            "decision_date": case.decision_date,
            "doc_type": record.document.doc_type,
            "provenance": dumps({k: _provenance_json(v, sha) for k, v in sorted(case.provenance.items())}),
            # Key order kept (not sorted): load_records gives back exactly what to_json() gave.
            "record": json.dumps(record.to_json(), ensure_ascii=False),
        }
    )

    for d_pos, d in enumerate(record.defendants):
        d_id = content_id("defendant", sha, d_pos)
        s = d.sentence
        rows["defendants"].append(
            {
                "id": d_id,
                "document": sha,
                "position": d_pos,
                "name": d.name,
                "verdict": d.verdict,
                "imprisonment_months": s.imprisonment_months,
                "imprisonment_min_months": s.imprisonment_min_months,
                "life": _bool(s.life),
                "death": _bool(s.death),
                "suspended": _bool(s.suspended),
                "fine_amount": s.fine.amount if s.fine else None,
                "fine_currency": s.fine.currency if s.fine else None,
                "compensation_amount": s.compensation.amount if s.compensation else None,
                "compensation_currency": s.compensation.currency if s.compensation else None,
                "sentence_provenance": dumps([_provenance_json(p, sha) for p in s.provenance]),
                **provenance_columns(d.provenance, sha),
            }
        )
        for c_pos, c in enumerate(d.charges):
            c_id = content_id("charge", d_id, c_pos)
            rows["charges"].append(
                {
                    "id": c_id,
                    "document": sha,
                    "defendant": d_id,
                    "position": c_pos,
                    "offence": c.offence,
                    "category": c.category,
                    "verdict": c.verdict,
                    **provenance_columns(c.provenance, sha),
                }
            )
            for s_pos, statute_id in enumerate(c.statutes):
                rows["charge_statutes"].append(
                    {"charge": c_id, "position": s_pos, "document": sha, "statute_id": statute_id}
                )

    for position, cite in enumerate(record.statutes_cited):
        rows["statutes_cited"].append(
            {
                "id": content_id("statute_cited", sha, position),
                "document": sha,
                "position": position,
                "statute_id": cite.id,
                "text": cite.text,
                "page": cite.page,
                "subsection": cite.subsection,
                "reason": cite.reason,
                **provenance_columns(cite.provenance, sha),
            }
        )
    for position, event in enumerate(record.events):
        rows["events"].append(
            {
                "id": content_id("event", sha, position),
                "document": sha,
                "position": position,
                "type": event.type,
                "date": event.date,
                "page": event.page,
                "text": event.text,
                **provenance_columns(event.provenance, sha),
            }
        )
    rows["victims"].append(
        {"document": sha, "count": record.victims.count, "minors": record.victims.minors}
    )
    return rows
