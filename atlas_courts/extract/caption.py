"""The caption facts: court, case number, decision date, document type and country.

Each finder returns ``Mention`` objects with exact spans, a method name and a
confidence. They read the caption first (the court's own heading), then
labelled fields ("Decided on:", "Fecha:", "Juez: … titular del Juzgado …"),
and only then fall back to weaker cues, with lower confidence.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from ..records import Mention, Section
from ..resolve.dates import find_dates

_DATA = Path(__file__).parent / "data" / "courts.json"
VERSION = "v1"


@lru_cache(maxsize=1)
def _courts() -> dict:
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    for court in data["courts"]:
        court["_re"] = re.compile(court["pattern"], re.I)
        court["_seats"] = [(re.compile(r"\b" + p + r"\b", re.I), name) for p, name in court["seats"]]
    data["_generic"] = {lang: re.compile(p) for lang, p in data["generic"].items()}
    data["_countries"] = {
        c: re.compile(r"\b(?:" + "|".join(words) + r")\b") for c, words in data["countries"].items()
    }
    return data


def _caption(sections: list[Section], text: str) -> tuple[int, int]:
    for s in sections:
        if s.name == "caption":
            return s.start, max(s.end, min(len(text), 1500))
    return 0, min(len(text), 2500)


# --------------------------------------------------------------------------- court


def find_court(text: str, sections: list[Section], lang: str | None) -> list[Mention]:
    """The court that issued the document, canonical where it is a known court."""
    start, end = _caption(sections, text)
    head = text[start:end]
    data = _courts()
    best: tuple[int, Mention] | None = None
    for court in data["courts"]:
        m = court["_re"].search(head)
        if not m:
            continue
        name = court["name"]
        seat_zone = text[max(0, start + m.start() - 300) : start + m.end() + 400]
        for seat_re, seat in court["_seats"]:
            if seat_re.search(seat_zone):
                name = f"{name}, {seat}"
                break
        mention = Mention(
            "COURT", start + m.start(), start + m.end(), m.group(0), value=name,
            method=f"rule:court.known.{VERSION}", confidence=0.95, attrs={"country": court["country"]},
        )
        if best is None or m.start() < best[0]:
            best = (m.start(), mention)
    if best:
        return [best[1]]
    # Labelled: "Juez: Pablo C. Casas, titular del Juzgado Penal ... Nro. 10."
    generic = data["_generic"]
    order = [lang] if lang in generic else []
    order += [k for k in generic if k not in order]
    for key in order:
        for m in generic[key].finditer(head):
            value = re.sub(r"\s+", " ", m.group(0)).strip(" ,.;-")
            value = re.sub(r"^(?:the|THE)\s+", "", value)
            if len(value.split()) < 2:
                continue
            return [
                Mention(
                    "COURT", start + m.start(), start + m.start() + len(m.group(0).rstrip(" ,.;-")),
                    m.group(0).rstrip(" ,.;-"), value=_tidy_court(value),
                    method=f"rule:court.generic.{VERSION}", confidence=0.6,
                )
            ]
    return []


def _tidy_court(name: str) -> str:
    """All-capital headings become title case; numbers and abbreviations stay."""
    if name.isupper():
        small = {"of", "the", "de", "del", "la", "en", "lo", "y", "and", "for"}
        words = [w.lower() if w.lower() in small else w.capitalize() for w in name.split()]
        name = " ".join(words)
        name = name[0].upper() + name[1:]
    return name


# --------------------------------------------------------------------------- case number

# Ordered by specificity. Each names this document's own number as written.
_CASE_NUMBER_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # Philippines: "G.R. No. L-6881", "G.R. Nos. 140067-71"
    ("gr", re.compile(r"G\.\s*R\.\s*Nos?\.\s*(?:L\s*-\s*)?\d[\d-]*(?:\s*(?:&|and)\s*(?:L\s*-\s*)?\d+)?", re.I)),
    # Pakistan / India: "Criminal Appeal No.1518 of 2014", "Murder Reference No.82 of 2019",
    # "W. P. No.33181 of 2023", "Crl. Misc. No.72452/B/2023", "Writ Petition No. 10511/2020"
    (
        "pk",
        re.compile(
            r"(?:Criminal|Crl\.|Cr\.)\s*(?:Appeal|Misc(?:ellaneous)?\.?|Revision|Rev\.|Petition|P\.S\.L\.A\.?)(?:\s*\([A-Z]\))?\s*No\.?\s*[\w-]+(?:/[\w-]+)*(?:\s+of\s+\d{4})?|"
            r"(?:Murder|Capital\s+Sentence|Jail)\s+(?:Reference|Appeal)\.?\s*No\.?\s*[\w-]+(?:/[\w-]+)*(?:\s+of\s+\d{4})?|"
            r"(?:Writ\s+Petition|W\.\s*P\.|Civil\s+Revision|Civil\s+Appeal|Constitutional\s+Petition)\s*No\.?\s*[\w-]+(?:/[\w-]+)*(?:\s+of\s+\d{4})?",
        ),
    ),
    # Sri Lanka: "SC. Appeal No.201/2014", "SC Appeal 154/14", "CA/HCC/0404/18", "CA HCC 0258/23"
    (
        "lk",
        re.compile(
            r"S\.?\s*C\.?\s*(?:\(?\s*(?:Appeal|SPL|Spl\.?\s*LA|HC\s*CA\s*LA)\s*\)?)\s*(?:No\.?\s*)?\d+\s*/\s*\d{2,4}|"
            r"C\.?\s*A\.?\s*[/ ]\s*(?:\(?\s*(?:HCC|PHC|Writ|CPA)\s*\)?)\s*[/ ]?\s*(?:No\.?\s*)?\d+\s*[/ -]\s*\d{2,4}"
        ),
    ),
    # Spanish: "Causa N° 8125/2020", "Causa Nº 31.972/18", "Expte. N° 123/19", "FCB 12345/2015", "MPF 595899"
    (
        "es",
        re.compile(
            r"(?:Causa|CAUSA|Expediente|EXPEDIENTE|Expte\.?|Legajo|Carpeta|Caso|CASO|Proceso|PROCESO|Recurso|Autos)\s*"
            r"(?:N[°ºo]\.?|Nro\.?|N\.|n[°º]|nro\.?|No\.)\s*[A-Z]{0,4}\s*[\d.]+(?:\s*/\s*\d{2,4})?(?:[-/][A-Z0-9]+)?|"
            r"\b(?:FCB|FMZ|FRE|FTU|FSA|FPO|FRO|FSM|FLP|FBB|FCR|FGR|FMP|CFP|CCC|CPE)\s+\d+\s*/\s*\d{4}(?:/[A-Z0-9]+)*|"
            r"\bMPF\s*\d{4,}"
        ),
    ),
    # English generic: "Criminal Case No. 123-2019", "Case No. 2:14-cr-00648", "Black Case No. 123/2562"
    (
        "en",
        re.compile(
            r"(?:(?:Black|Red|Criminal|Crim\.|Civil|Sessions|Special)\s+)?(?:Case|CASE)\s*(?:No\.?|NO\.?|Number|#)\s*:?\s*[A-Z]{0,4}[\d][\w./:-]*|"
            r"\bIndictment\s+No\.?\s*[\w./-]+"
        ),
    ),
]


def find_case_number(text: str, sections: list[Section]) -> list[Mention]:
    """This document's own number: the first number in the caption (joined numbers: the first)."""
    start, end = _caption(sections, text)
    head = text[start:end]
    found: list[tuple[int, int, str, str]] = []
    for name, pattern in _CASE_NUMBER_PATTERNS:
        for m in pattern.finditer(head):
            found.append((m.start(), m.end(), name, m.group(0)))
    if not found:
        return []
    # Earliest wins; among equal starts the longest.
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    s, e, name, raw = found[0]
    raw = raw.rstrip(" .,;:")
    return [
        Mention(
            "CASE_NUMBER", start + s, start + s + len(raw), raw, value=re.sub(r"\s+", " ", raw),
            method=f"rule:case_number.{name}.{VERSION}", confidence=0.9,
        )
    ]


# --------------------------------------------------------------------------- decision date

_DATE_LABELS: list[tuple[str, float, re.Pattern[str]]] = [
    (
        "decided",
        0.95,
        re.compile(
            r"(?:Decided|DECIDED|Date\s+of\s+(?:the\s+)?(?:[Dd]ecision|[Jj]udg(?:e)?ment|[Aa]nnouncement|[Pp]ronouncement|[Oo]rder)|"
            r"DATE\s+OF\s+(?:DECISION|JUDG(?:E)?MENT)|Promulgated|PROMULGATED|Pronounced|Announced(?:\s+in\s+open\s+[Cc]ourt)?|"
            r"Judg(?:e)?ment\s+(?:delivered|pronounced|dated)|Fecha\s+de\s+(?:la\s+)?(?:resoluci[oó]n|sentencia|fallo)|"
            r"Delivered)\s*(?:on|:|-|:-)?\s*(?:the\s+)?"
        ),
    ),
    ("fecha", 0.85, re.compile(r"(?m)^\s*(?:Fecha|FECHA)\s*:\s*")),
    ("hearing", 0.8, re.compile(r"(?:Date|DATE|Dates|DATES)\s+of\s+(?:[Hh]earing|HEARING)\s*(?:on|:|-|:-)?\s*")),
]


def find_decision_date(
    text: str, sections: list[Section], lang: str | None, *, dayfirst: bool = True
) -> list[Mention]:
    """The date this document was decided or signed."""
    start, end = _caption(sections, text)
    head_end = min(len(text), max(end, 3000))
    candidates: list[Mention] = []

    def date_after(pos: int, limit: int = 60):
        for d in find_dates(text[pos : pos + limit + 40], lang, dayfirst=dayfirst):
            if d.start <= limit:
                return d, pos
        return None

    # 1. Labelled dates anywhere in the caption or the closing lines.
    tail_start = max(0, len(text) - 2500)
    for name, confidence, label in _DATE_LABELS:
        for zone_start, zone_end in ((0, head_end), (tail_start, len(text))):
            for m in label.finditer(text, zone_start, zone_end):
                got = date_after(m.end())
                if got:
                    d, base = got
                    candidates.append(
                        Mention("DECISION_DATE", base + d.start, base + d.end, d.text, value=d.value,
                                method=f"rule:decision_date.{name}.{VERSION}", confidence=confidence)
                    )
        if candidates:
            break
    if candidates:
        return [max(candidates, key=lambda c: (c.confidence, -c.start))]

    # 2. The date on the case-number line ("G.R. No. 125903 November 15, 2000").
    for cn in find_case_number(text, sections):
        got = date_after(cn.end, 40)
        if got:
            d, base = got
            return [Mention("DECISION_DATE", base + d.start, base + d.end, d.text, value=d.value,
                            method=f"rule:decision_date.case_line.{VERSION}", confidence=0.9)]

    # 3. Place and date: "Buenos Aires, 7 de enero de 2022", "Monrovia, this 14th day of March 2019".
    place = re.compile(r"(?m)^\s*[A-ZÁÉÍÓÚ][\wáéíóúñ.]+(?:\s+[A-ZÁÉÍÓÚ]?[\wáéíóúñ.]+){0,4},\s*(?:a\s+|this\s+|el\s+)?")
    for zone_start, zone_end in ((0, head_end), (tail_start, len(text))):
        for m in place.finditer(text, zone_start, zone_end):
            got = date_after(m.end(), 30)
            if got and got[0].precision == "day":
                d, base = got
                return [Mention("DECISION_DATE", base + d.start, base + d.end, d.text, value=d.value,
                                method=f"rule:decision_date.place.{VERSION}", confidence=0.8)]

    # 4. A full date alone at the start of a caption line (order sheets: "23.05.2023 Mr. X, Advocate").
    for d in find_dates(text[start:head_end], lang, dayfirst=dayfirst):
        line_start = text.rfind("\n", 0, start + d.start) + 1
        if d.precision == "day" and not text[line_start : start + d.start].strip():
            return [Mention("DECISION_DATE", start + d.start, start + d.end, d.text, value=d.value,
                            method=f"rule:decision_date.line_start.{VERSION}", confidence=0.6)]
    return []


# --------------------------------------------------------------------------- document type

_TYPE_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("indictment", re.compile(r"^\s*(?:INDICTMENT|INFORMATION|REQUERIMIENTO\s+DE\s+ELEVACI[OÓ]N\s+A\s+JUICIO|ACUSACI[OÓ]N\s+FISCAL)\s*$", re.M)),
    ("transcript", re.compile(r"\b(?:REPORTER'?S\s+TRANSCRIPT|TRANSCRIPT\s+OF\s+PROCEEDINGS)\b", re.I)),
    ("sentencing", re.compile(r"^\s*(?:SENTENCING\s+(?:ORDER|JUDGMENT|MEMORANDUM)|JUDGMENT\s+AND\s+SENTENCE|SENTENCE)\s*$", re.M)),
    (
        "order",
        re.compile(
            r"\b(?:Writ\s+Petition|W\.\s*P\.\s*No|habeas\s+corpus|post-arrest\s+bail|pre-arrest\s+bail|bail\s+(?:application|petition|before\s+arrest|after\s+arrest)|"
            r"Crl\.\s*Misc\.|excarcelaci[oó]n|sobreseimiento|SOBRESEIM|archivo\s+por|suspensi[oó]n\s+del\s+(?:proceso|juicio)\s+a\s+prueba|"
            r"Order\s+Sheet|ORDER\s+SHEET)\b",
            re.I,
        ),
    ),
]
_APPELLATE = re.compile(
    r"\b(?:appeal|appellant|appellee|apelante|apelado|recurrente|recurso\s+de\s+(?:apelaci[oó]n|casaci[oó]n)|"
    r"Murder\s+Reference|revision|certiorari|review|Court\s+of\s+Appeals?|Supreme\s+Court|SUPREME\s+COURT|High\s+Court|"
    r"C[aá]mara|Tribunal\s+de\s+Apelaci[oó]n|Sala\s+Penal|casaci[oó]n)\b",
    re.I,
)


def find_doc_type(text: str, sections: list[Section], court: str | None) -> list[Mention]:
    start, end = _caption(sections, text)
    head = text[start : min(len(text), end + 1500)]
    for name, cue in _TYPE_CUES:
        m = cue.search(head)
        if m:
            return [Mention("DOC_TYPE", start + m.start(), start + m.end(), m.group(0), value=name,
                            method=f"rule:doc_type.{name}.{VERSION}", confidence=0.8)]
    m = _APPELLATE.search(head)
    if m or (court and re.search(r"Supreme|Appeal|High\s+Court|C[aá]mara|Casaci[oó]n", court, re.I)):
        if m:
            return [Mention("DOC_TYPE", start + m.start(), start + m.end(), m.group(0), value="appeal_judgment",
                            method=f"rule:doc_type.appellate.{VERSION}", confidence=0.75)]
        return [Mention("DOC_TYPE", 0, 0, "", value="appeal_judgment",
                        method=f"rule:doc_type.appellate_court.{VERSION}", confidence=0.6)]
    return [Mention("DOC_TYPE", 0, 0, "", value="judgment", method=f"rule:doc_type.default.{VERSION}", confidence=0.5)]


# --------------------------------------------------------------------------- country


def find_country(text: str, court: Mention | None, statute_countries: list[str]) -> list[Mention]:
    """The country whose court issued the document: a known court, else place names, else statutes."""
    if court is not None and court.attrs.get("country"):
        return [Mention("COUNTRY", court.start, court.end, court.text, value=court.attrs["country"],
                        method=f"rule:country.court.{VERSION}", confidence=0.95)]
    scores: dict[str, int] = {}
    first: dict[str, re.Match[str]] = {}
    head = text[:20000]
    for country, pattern in _courts()["_countries"].items():
        for m in pattern.finditer(head):
            scores[country] = scores.get(country, 0) + 1
            first.setdefault(country, m)
    for c in statute_countries:
        scores[c] = scores.get(c, 0) + 1
    if not scores:
        return []
    country = max(scores, key=lambda c: (scores[c], -first[c].start() if c in first else 0))
    m = first.get(country)
    if m is None:
        return [Mention("COUNTRY", 0, 0, "", value=country, method=f"rule:country.statutes.{VERSION}", confidence=0.5)]
    return [Mention("COUNTRY", m.start(), m.end(), m.group(0), value=country,
                    method=f"rule:country.places.{VERSION}", confidence=0.7)]
