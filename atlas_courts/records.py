"""The typed records passed between stages.

    ingest  -> Document          (pages, text, char -> page/bbox map, OCR flags)
    extract -> Extraction        (mentions with exact character spans)
    resolve -> CaseRecord        (the case-record JSON contract of DESIGN.md)

Offsets are always offsets into ``Document.text``; the invariant
``document.text[m.start:m.end] == m.text`` holds for every mention.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "atlas-courts/case-record/1"

# A bounding box in PDF points, origin at the top-left of the page:
# (x0, top, x1, bottom), the same convention as pdfplumber.
BBox = tuple[float, float, float, float]

# Separator between the cleaned text of two pages in Document.text.
PAGE_SEPARATOR = "\n\n"

DOC_TYPES = ("judgment", "appeal_judgment", "sentencing", "indictment", "order", "transcript", "other")
VERDICTS = ("convicted", "acquitted", "dismissed", "mixed", "unknown")
CHARGE_VERDICTS = ("convicted", "acquitted", "dismissed", "unknown")
CATEGORIES = ("trafficking", "forced_labour", "child_labour", "sexual_exploitation", "smuggling", "other")
EVENT_TYPES = (
    "offence",
    "complaint",
    "arrest",
    "indictment",
    "arraignment",
    "trial_start",
    "judgment",
    "sentencing",
    "appeal_filed",
    "appeal_decision",
)


# --------------------------------------------------------------------------- ingest


@dataclass
class Page:
    """One page of a document.

    ``text`` is the cleaned text used for extraction (running headers, page
    numbers and pleading-paper line numbers removed, hyphenated line breaks
    joined, columns in reading order); ``raw_text`` is the text as the engine
    gave it. ``boxes`` holds one bounding box per character of ``text``
    (``None`` for characters the cleaning inserted, such as line breaks), or is
    ``None`` altogether when the source has no geometry (DOCX, TXT).
    """

    number: int  # 1-based
    text: str
    raw_text: str
    ocr: bool = False
    width: float | None = None
    height: float | None = None
    boxes: list[BBox | None] | None = None

    def __post_init__(self) -> None:
        if self.boxes is not None and len(self.boxes) != len(self.text):
            raise ValueError(
                f"page {self.number}: {len(self.boxes)} boxes for {len(self.text)} characters"
            )


@dataclass
class Document:
    """A file read into pages of text. Built only by ``atlas_courts.ingest``."""

    sha256: str
    file: str  # file name without directories (published)
    path: str  # the path as given (private database only)
    media_type: str  # "pdf", "docx" or "txt"
    pages: list[Page]
    language: str | None
    warnings: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)  # engine metadata, private
    text: str = field(init=False)
    page_starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        parts: list[str] = []
        starts: list[int] = []
        offset = 0
        for i, page in enumerate(self.pages):
            if i:
                parts.append(PAGE_SEPARATOR)
                offset += len(PAGE_SEPARATOR)
            starts.append(offset)
            parts.append(page.text)
            offset += len(page.text)
        self.text = "".join(parts)
        self.page_starts = starts

    @property
    def ocr_pages(self) -> list[int]:
        return [p.number for p in self.pages if p.ocr]

    def page_of(self, offset: int) -> int:
        """The 1-based page number holding the character at ``offset``."""
        if not self.pages:
            raise ValueError(f"{self.file}: document has no pages")
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} outside 0..{len(self.text)}")
        index = bisect.bisect_right(self.page_starts, offset) - 1
        return self.pages[max(index, 0)].number

    def bbox_of(self, start: int, end: int) -> BBox | None:
        """The union of the boxes of ``text[start:end]`` on the page where it starts."""
        if end <= start:
            return None
        index = max(bisect.bisect_right(self.page_starts, start) - 1, 0)
        page = self.pages[index]
        if page.boxes is None:
            return None
        base = self.page_starts[index]
        boxes = [b for b in page.boxes[start - base : min(end, base + len(page.text)) - base] if b]
        if not boxes:
            return None
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )


# --------------------------------------------------------------------------- extract


@dataclass(frozen=True)
class Provenance:
    """Where a fact came from and how: the one provenance type of the project."""

    sha256: str
    page: int | None
    start: int | None
    end: int | None
    bbox: BBox | None
    method: str  # "rule:statute.v1", "model:ner-0.3.0", "gold:analyst"
    confidence: float

    def to_json(self) -> dict[str, Any]:
        return {
            "page": self.page,
            "start": self.start,
            "end": self.end,
            "bbox": list(self.bbox) if self.bbox else None,
            "method": self.method,
            "confidence": round(self.confidence, 3),
        }


@dataclass
class Mention:
    """A span of the document text with a label and, where possible, a normalised value.

    ``value`` is ``None`` when the text could not be normalised; ``attrs``
    then carries a ``reason``.
    """

    label: str  # DATE, STATUTE, MONEY, PENALTY, COURT, CASE_NUMBER, PERSON, VERDICT, ...
    start: int
    end: int
    text: str
    value: Any = None
    method: str = ""
    confidence: float = 1.0
    attrs: dict[str, Any] = field(default_factory=dict)

    def provenance(self, document: Document) -> Provenance:
        return Provenance(
            sha256=document.sha256,
            page=document.page_of(self.start),
            start=self.start,
            end=self.end,
            bbox=document.bbox_of(self.start, self.end),
            method=self.method,
            confidence=self.confidence,
        )


@dataclass(frozen=True)
class Section:
    """A part of the judgment: caption, facts, lower_court, reasoning, operative."""

    name: str
    start: int
    end: int


@dataclass
class Extraction:
    document: Document
    mentions: list[Mention]
    sections: list[Section] = field(default_factory=list)

    def of(self, label: str) -> list[Mention]:
        return [m for m in self.mentions if m.label == label]


# --------------------------------------------------------------------------- resolve


@dataclass
class Money:
    amount: float
    currency: str | None

    def to_json(self) -> dict[str, Any]:
        amount = int(self.amount) if float(self.amount).is_integer() else self.amount
        return {"amount": amount, "currency": self.currency}


@dataclass
class Sentence:
    imprisonment_months: float | None = None
    imprisonment_min_months: float | None = None
    life: bool = False
    death: bool = False
    suspended: bool = False
    fine: Money | None = None
    compensation: Money | None = None
    provenance: list[Provenance] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "imprisonment_months": self.imprisonment_months,
            "imprisonment_min_months": self.imprisonment_min_months,
            "life": self.life,
            "death": self.death,
            "suspended": self.suspended,
            "fine": self.fine.to_json() if self.fine else None,
            "compensation": self.compensation.to_json() if self.compensation else None,
            "provenance": [p.to_json() for p in self.provenance],
        }


@dataclass
class Charge:
    offence: str | None
    category: str | None
    statutes: list[str] = field(default_factory=list)
    verdict: str = "unknown"
    provenance: Provenance | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "offence": self.offence,
            "category": self.category,
            "statutes": list(self.statutes),
            "verdict": self.verdict,
            "provenance": self.provenance.to_json() if self.provenance else None,
        }


@dataclass
class Defendant:
    name: str
    verdict: str = "unknown"
    charges: list[Charge] = field(default_factory=list)
    sentence: Sentence = field(default_factory=Sentence)
    provenance: Provenance | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "verdict": self.verdict,
            "charges": [c.to_json() for c in self.charges],
            "sentence": self.sentence.to_json(),
            "provenance": self.provenance.to_json() if self.provenance else None,
        }


@dataclass
class StatuteCitation:
    id: str | None  # "AR:CP:145bis"; None when unresolved
    text: str
    page: int | None
    subsection: str | None = None
    reason: str | None = None  # why it is unresolved
    provenance: Provenance | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "text": self.text, "page": self.page}
        if self.subsection:
            out["subsection"] = self.subsection
        if self.reason:
            out["reason"] = self.reason
        out["provenance"] = self.provenance.to_json() if self.provenance else None
        return out


@dataclass
class Event:
    type: str
    date: str  # YYYY-MM-DD, YYYY-MM or YYYY
    page: int | None
    text: str
    provenance: Provenance | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "date": self.date,
            "page": self.page,
            "text": self.text,
            "provenance": self.provenance.to_json() if self.provenance else None,
        }


@dataclass
class Victims:
    count: int | None = None
    minors: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"count": self.count, "minors": self.minors}


@dataclass
class CaseInfo:
    country: str | None = None
    court: str | None = None
    case_number: str | None = None
    decision_date: str | None = None
    provenance: dict[str, Provenance] = field(default_factory=dict)  # field name -> where

    def to_json(self) -> dict[str, Any]:
        return {
            "country": self.country,
            "court": self.court,
            "case_number": self.case_number,
            "decision_date": self.decision_date,
            "provenance": {k: v.to_json() for k, v in sorted(self.provenance.items())},
        }


@dataclass
class DocumentInfo:
    sha256: str
    file: str
    pages: int
    ocr_pages: list[int]
    language: str | None
    doc_type: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "sha256": self.sha256,
            "file": self.file,
            "pages": self.pages,
            "ocr_pages": list(self.ocr_pages),
            "language": self.language,
            "doc_type": self.doc_type,
        }


@dataclass
class CaseRecord:
    """The case record of one document: the JSON contract of DESIGN.md."""

    document: DocumentInfo
    case: CaseInfo
    defendants: list[Defendant] = field(default_factory=list)
    statutes_cited: list[StatuteCitation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    victims: Victims = field(default_factory=Victims)
    versions: dict[str, str] = field(default_factory=dict)  # code/rules/model versions

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "document": self.document.to_json(),
            "case": self.case.to_json(),
            "defendants": [d.to_json() for d in self.defendants],
            "statutes_cited": [s.to_json() for s in self.statutes_cited],
            "events": [e.to_json() for e in self.events],
            "victims": self.victims.to_json(),
            "versions": dict(self.versions),
        }
