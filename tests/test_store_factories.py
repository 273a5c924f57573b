"""Factories for store and publish tests: a judgment built from a small spec,
as the (Document, Extraction, CaseRecord) triple the pipeline hands to store.

The text holds every name and date the record mentions, and each mention's
span is found in that text, so ``text[start:end] == mention.text`` holds.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from atlas_courts.records import (
    CaseInfo,
    CaseRecord,
    Charge,
    Defendant,
    Document,
    DocumentInfo,
    Event,
    Extraction,
    Mention,
    Money,
    Page,
    Sentence,
    StatuteCitation,
    Victims,
)

VERSIONS = {"code": "0.1.0", "rules": "statute.v1", "model": "none", "catalog": "2024-01"}

DEFENDANT = "Zebulon Quixote Farnsworth"
CO_DEFENDANT = "Juan Carlos Gomez"
VICTIM = "Xochitl Quispe Mamani"

CATALOG = [
    {
        "id": "AR:CP:145bis",
        "title": "Trata de personas",
        "category": "trafficking",
        "penalty_min_months": 48,
        "penalty_max_months": 96,
    },
    {"id": "AR:CP:140", "title": "Reducción a servidumbre", "category": "forced_labour"},
    {"id": "PY:L4788:5", "country": "PY", "instrument": "L4788", "article": "5", "title": "Trata de personas"},
]


@dataclass
class ChargeSpec:
    offence: str = "trata de personas con fines de explotación laboral"
    category: str | None = "trafficking"
    statutes: list[str] = field(default_factory=lambda: ["AR:CP:145bis"])
    verdict: str = "convicted"


@dataclass
class DefendantSpec:
    name: str = DEFENDANT
    verdict: str = "convicted"
    charges: list[ChargeSpec] = field(default_factory=lambda: [ChargeSpec()])
    months: float | None = 96
    min_months: float | None = None
    life: bool = False
    death: bool = False
    suspended: bool = False
    fine: tuple[float, str] | None = None
    compensation: tuple[float, str] | None = None


def _find(text: str, needle: str, start: int = 0) -> int:
    at = text.find(needle, start)
    assert at >= 0, f"{needle!r} is not in the test document"
    return at


def make_case(
    *,
    file: str = "case-a.pdf",
    country: str | None = "AR",
    court: str = "Tribunal Oral en lo Criminal Federal N° 1 de Córdoba",
    case_number: str = "FCB 12345/2015",
    decision_date: str | None = "2019-03-14",
    defendants: list[DefendantSpec] | None = None,
    events: list[tuple[str, str]] | None = None,
    victim: str | None = VICTIM,
    victims: tuple[int | None, int | None] = (3, 1),
    salt: str = "",
    sha256: str | None = None,
) -> tuple[Document, Extraction, CaseRecord]:
    if defendants is None:
        defendants = [
            DefendantSpec(fine=(100000, "ARS")),
            DefendantSpec(
                name=CO_DEFENDANT,
                verdict="mixed",
                charges=[
                    ChargeSpec(),
                    ChargeSpec(
                        offence=f"reducción a servidumbre de {victim or 'una persona'}",
                        category="forced_labour",
                        statutes=["AR:CP:140"],
                        verdict="acquitted",
                    ),
                ],
                months=48.5,
                compensation=(25000.5, "ARS"),
            ),
        ]
    if events is None:
        events = [("offence", "2015-02"), ("complaint", "2015-03-01"), ("arrest", "2015-03-11"), ("judgment", "2019-03-14")]

    names = ", ".join(d.name for d in defendants)
    page1 = f"{court}\nCausa {case_number}\nImputados: {names}.\nSe aplica el art. 145 bis del Código Penal y la ley 99.999.\n"
    victim_text = f"La víctima {victim} fue captada en Salta.\n" if victim else "La víctima fue captada en Salta.\n"
    event_lines = "".join(f"El hecho ({etype}) ocurrió el {date}.\n" for etype, date in events)
    charge_lines = "".join(f"Cargo: {c.offence}.\n" for d in defendants for c in d.charges)
    page2 = victim_text + event_lines + charge_lines + f"Fallo del {decision_date}.\n"
    sha = sha256 or hashlib.sha256((file + page1 + page2 + salt).encode()).hexdigest()
    # Page 1 has character boxes (a PDF text layer); page 2 is OCR without geometry.
    boxes1 = [None if ch == "\n" else (float(i % 80) * 6, float(i // 80) * 12, float(i % 80) * 6 + 5, float(i // 80) * 12 + 10) for i, ch in enumerate(page1)]
    document = Document(
        sha256=sha,
        file=file,
        path=f"/private/inbox/{file}",
        media_type="pdf",
        pages=[
            Page(1, page1, page1 + "  -1-", ocr=False, width=595.0, height=842.0, boxes=boxes1),
            Page(2, page2, page2, ocr=True, width=595.0, height=842.0),
        ],
        language="es",
        warnings=["page 2: OCR"],
        metadata={"Producer": "Scanner 3000", "Author": "Secretaría"},
    )
    text = document.text
    mentions: list[Mention] = []

    def mention(label: str, needle: str, value: Any = None, start: int = 0, **attrs: Any) -> Mention:
        at = _find(text, needle, start)
        m = Mention(label, at, at + len(needle), needle, value, "rule:test.v1", 0.9, dict(attrs))
        mentions.append(m)
        return m

    court_m = mention("COURT", court, court)
    mention("CASE_NUMBER", case_number, case_number)
    defendant_mentions = [mention("PERSON", d.name, d.name, role="defendant") for d in defendants]
    if victim:
        mention("PERSON", victim, victim, role="victim")
    statute_m = mention("STATUTE", "art. 145 bis del Código Penal", "AR:CP:145bis")
    unresolved_m = mention("STATUTE", "ley 99.999", None, reason="unknown law")
    event_mentions = []
    for etype, date in events:
        line = f"El hecho ({etype}) ocurrió el {date}."
        event_mentions.append(mention("DATE", date, date, start=_find(text, line), event=etype))

    record_defendants = []
    for d, dm in zip(defendants, defendant_mentions):
        prov = dm.provenance(document)
        record_defendants.append(
            Defendant(
                name=d.name,
                verdict=d.verdict,
                charges=[
                    Charge(
                        c.offence,
                        c.category,
                        list(c.statutes),
                        c.verdict,
                        mention("CHARGE", c.offence, c.category, start=_find(text, "Cargo: ")).provenance(document),
                    )
                    for c in d.charges
                ],
                sentence=Sentence(
                    imprisonment_months=d.months,
                    imprisonment_min_months=d.min_months,
                    life=d.life,
                    death=d.death,
                    suspended=d.suspended,
                    fine=Money(*d.fine) if d.fine else None,
                    compensation=Money(*d.compensation) if d.compensation else None,
                    provenance=[prov],
                ),
                provenance=prov,
            )
        )
    record = CaseRecord(
        document=DocumentInfo(sha, file, len(document.pages), document.ocr_pages, "es", "judgment"),
        case=CaseInfo(country, court, case_number, decision_date, {"court": court_m.provenance(document)}),
        defendants=record_defendants,
        statutes_cited=[
            StatuteCitation("AR:CP:145bis", statute_m.text, 1, "inc. 2", None, statute_m.provenance(document)),
            StatuteCitation(None, unresolved_m.text, 1, None, "unknown law", unresolved_m.provenance(document)),
        ],
        events=[
            Event(
                etype,
                date,
                2,
                # The snippet names the victim: it must never be published.
                f"{victim or ''} … el {date}",
                m.provenance(document),
            )
            for (etype, date), m in zip(events, event_mentions)
        ],
        victims=Victims(*victims),
        versions=dict(VERSIONS),
    )
    return document, Extraction(document, mentions), record


def test_factory_spans_hold() -> None:
    document, extraction, record = make_case()
    for m in extraction.mentions:
        assert document.text[m.start : m.end] == m.text
    assert record.to_json()["defendants"][0]["sentence"]["fine"] == {"amount": 100000, "currency": "ARS"}
    assert extraction.mentions[0].provenance(document).bbox is not None  # page 1 has geometry
