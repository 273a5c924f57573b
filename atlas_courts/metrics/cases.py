"""The unit of measurement: one case per defendant and indictment.

All charges brought in one indictment against one defendant are one case, as
court performance standards count them (DESIGN.md, "Timeline metrics").

* Document-derived records: one case per defendant per stored document, keyed
  ``doc:<document sha256>:<defendant position>``. The events of a record are the
  document's, so every defendant of a document shares them. A document in which
  no defendant was found is still one case (``doc:<sha256>:-``) so that its
  dates are not lost. Documents are not linked to each other: a first-instance
  judgment and the appeal decision on it are two cases until a later piece of
  work links them.
* Structured imports (``import-cases``): one case per row (one defendant),
  keyed ``import:<source>:<row id>``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils


@dataclass(frozen=True)
class Conviction:
    """One statute a defendant was convicted under, with the sentence to compare
    with the statute's range. ``months`` is the charge's own term where the
    source gives one (structured data), else the defendant's longest term."""

    statute_id: str | None
    category: str | None
    months: float | None
    suspended: bool = False
    life: bool = False
    death: bool = False
    charge_level: bool = False  # months is the sentence for this charge alone


@dataclass
class Case:
    key: str
    source: str  # "documents" or the import's source tag
    country: str | None
    court: str | None
    office: str | None
    events: list[tuple[str, str]]  # (type, date as stored: YYYY, YYYY-MM or YYYY-MM-DD)
    categories: tuple[str, ...] = ()
    statutes: tuple[str, ...] = ()
    verdict: str | None = None  # convicted, acquitted, dismissed, mixed, unknown
    imprisonment_months: float | None = None
    life: bool = False
    death: bool = False
    suspended: bool = False
    fine: bool = False
    convictions: list[Conviction] = field(default_factory=list)
    # (statute id or None, category, verdict) per charge and provision charged
    charges: list[tuple[str | None, str | None, str]] = field(default_factory=list)
    document: str | None = None  # sha256 of the source document (document-derived cases)
    defendant: str | None = None  # defendants.id (document-derived cases)
    decision_date: str | None = None
    # Censoring: True when a stage started and not ended means "pending" (the
    # source lists open cases: structured data, or an "as of" date declared).
    pending_known: bool = False
    pending: bool = False  # the source says the case is still open
    as_of: str | None = None  # the date pending cases are known open at (YYYY-MM-DD)
    # Event types the source can record at all (None: every type). A structured
    # export with no trial dates says nothing about trials: those stages are
    # left out for its cases rather than counted as pending or missing.
    recordable: frozenset[str] | None = None

    @property
    def convicted(self) -> bool:
        return self.verdict in ("convicted", "mixed")

    @property
    def sentenced(self) -> bool:
        """Convicted and a sentence is recorded (a term, even 0 months, life, death or a fine)."""
        return self.convicted and (self.imprisonment_months is not None or self.life or self.death or self.fine)


def _table_exists(db: sqlite_utils.Database, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [name]).fetchone() is not None


def document_cases(db: sqlite_utils.Database) -> list[Case]:
    """One case per defendant per stored document (see the module docstring)."""
    if not _table_exists(db, "cases"):
        return []
    events: dict[str, list[tuple[str, str]]] = {}
    for row in db.execute("SELECT document, type, date FROM events ORDER BY document, position"):
        events.setdefault(row[0], []).append((row[1], row[2]))
    charges: dict[str, list[dict[str, Any]]] = {}
    for row in db.query(
        "SELECT c.id, c.defendant, c.category, c.verdict, "
        "(SELECT json_group_array(statute_id) FROM (SELECT statute_id FROM charge_statutes cs "
        " WHERE cs.charge = c.id ORDER BY position)) AS statutes "
        "FROM charges c ORDER BY c.defendant, c.position"
    ):
        charges.setdefault(row["defendant"], []).append(row)
    defendants: dict[str, list[dict[str, Any]]] = {}
    for row in db.query("SELECT * FROM defendants ORDER BY document, position"):
        defendants.setdefault(row["document"], []).append(row)

    out: list[Case] = []
    for case in db.query(
        "SELECT cases.document, country, court, decision_date FROM cases "
        "JOIN documents ON documents.sha256 = cases.document ORDER BY documents.file, cases.document"
    ):
        sha = case["document"]
        base = dict(
            source="documents",
            country=case["country"],
            court=case["court"],
            office=None,
            events=list(events.get(sha, [])),
            document=sha,
            decision_date=case["decision_date"],
        )
        people = defendants.get(sha, [])
        if not people:
            out.append(Case(key=f"doc:{sha}:-", verdict="unknown", **base))
            continue
        for d in people:
            d_charges = charges.get(d["id"], [])
            statutes = sorted({s for c in d_charges for s in json.loads(c["statutes"] or "[]") if s})
            categories = sorted({c["category"] for c in d_charges if c["category"]})
            convictions = []
            charge_rows = [
                (sid, c["category"], c["verdict"])
                for c in d_charges
                for sid in (json.loads(c["statutes"] or "[]") or [None])
            ]
            for c in d_charges:
                if c["verdict"] != "convicted":
                    continue
                for sid in json.loads(c["statutes"] or "[]") or [None]:
                    convictions.append(
                        Conviction(sid, c["category"], d["imprisonment_months"], bool(d["suspended"]),
                                   bool(d["life"]), bool(d["death"]))
                    )
            out.append(
                Case(
                    key=f"doc:{sha}:{d['position']}",
                    categories=tuple(categories),
                    statutes=tuple(statutes),
                    verdict=d["verdict"],
                    imprisonment_months=d["imprisonment_months"],
                    life=bool(d["life"]),
                    death=bool(d["death"]),
                    suspended=bool(d["suspended"]),
                    fine=d["fine_amount"] is not None,
                    convictions=convictions,
                    charges=charge_rows,
                    defendant=d["id"],
                    **base,
                )
            )
    return out


def structured_cases(db: sqlite_utils.Database) -> list[Case]:
    """The cases loaded by ``import-cases`` (none when nothing was imported)."""
    if not _table_exists(db, "structured_cases"):
        return []
    sources = {r["source"]: json.loads(r["mapping"]) for r in db.query("SELECT source, mapping FROM structured_sources")}
    out: list[Case] = []
    for row in db.query("SELECT * FROM structured_cases ORDER BY source, row_number"):
        charges = json.loads(row["charges"])
        mapping = sources.get(row["source"], {})
        convictions = [
            Conviction(c["statute_id"], c["category"],
                       c["sentence_months"] if c["sentence_months"] is not None else row["imprisonment_months"],
                       False, False, False, c["sentence_months"] is not None)
            for c in charges
            if c["verdict"] == "convicted"
        ]
        out.append(
            Case(
                key=f"import:{row['source']}:{row['external_id']}",
                source=row["source"],
                country=row["country"],
                court=row["court"],
                office=row["office"],
                events=[tuple(e) for e in json.loads(row["events"])],
                categories=tuple(json.loads(row["categories"])),
                statutes=tuple(json.loads(row["statutes"])),
                verdict=row["verdict"],
                imprisonment_months=row["imprisonment_months"],
                fine=bool(row["fined"]),
                convictions=convictions,
                charges=[(c["statute_id"], c["category"], c["verdict"] if not row["pending"] else "unknown")
                         for c in charges],
                pending_known=True,
                pending=bool(row["pending"]),
                as_of=row["as_of"],
                recordable=frozenset(mapping.get("events", {})) or None,
            )
        )
    return out


def load_cases(db: sqlite_utils.Database, *, as_of: str | None = None) -> list[Case]:
    """Every case of atlas.db: document-derived, then imported.

    ``as_of`` (YYYY-MM-DD) declares that the documents are every case of their
    courts as of that date, so a stage begun and not ended in a document is
    pending at ``as_of`` rather than missing; without it, document-derived
    figures cover decided cases only.
    """
    cases = document_cases(db)
    if as_of is not None:
        for c in cases:
            c.pending_known = True
            c.as_of = as_of
    return cases + structured_cases(db)
