"""Identifying details: ID and passport numbers, phone numbers, addresses and
exact dates of birth, English and Spanish.

Each pattern needs a cue ("DNI", "CNIC", "passport", "cédula", "teléfono",
"residing at", "domiciliado en", "born on", "fecha de nacimiento") or a shape
no ordinary number has (a CNIC "35202-1234567-1", an international phone
"+54 9 11 3432-9255"), so case numbers, statute numbers and amounts stay.
The span returned is the detail itself, without its cue: "DNI [ID]".
"""

from __future__ import annotations

import re

from .records import Identifier, Span

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"septiembre|setiembre|octubre|noviembre|diciembre)"
)
DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:de\s+|of\s+)?{_MONTHS}\.?,?\s+(?:de\s+|del\s+)?\d{{4}}|"
    rf"{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}})"
)
# The value after an ID cue: digits with dots, dashes or spaces, optionally letters (passports, NICs).
_ID_VALUE = r"(?P<v>[A-Z]{0,3}\s?\d[\d.\-/ ]{4,18}\d[A-Z]?|[A-Z]{1,3}\d{5,10})"
_NO = r"(?:\s*(?:N[°ºo]\.?|Nro\.?|No\.?|Nos\.?|Number|número|numero|#)\s*)?\s*[:.]?\s*"

PATTERNS: dict[str, list[re.Pattern[str]]] = {
    "id_number": [
        re.compile(
            r"(?<![\w.])(?:D\.?\s?N\.?\s?I\.?|L\.?\s?E\.?|L\.?\s?C\.?|C\.?\s?I\.?|C\.?\s?U\.?\s?I\.?\s?L\.?|C\.?\s?U\.?\s?I\.?\s?T\.?|"
            r"C\.?\s?N\.?\s?I\.?\s?C\.?|N\.?\s?I\.?\s?C\.?|I\.?\s?D\.?|S\.?\s?S\.?\s?S\.?|T\.?\s?I\.?\s?N\.?|S\.?\s?S\.?\s?N\.?)"
            rf"(?![a-z]){_NO}{_ID_VALUE}"
        ),
        re.compile(
            r"(?i:documento\s+(?:nacional\s+)?de\s+identidad|c[ée]dula(?:\s+de\s+identidad)?(?:\s+de\s+ciudadan[íi]a)?|"
            r"pasaporte|passport|identity\s+card|national\s+identity\s+card|id\s+card|social\s+security|"
            r"libreta\s+c[íi]vica|libreta\s+de\s+enrolamiento|cnic|c\.n\.i\.c)"
            rf"(?i:{_NO}){_ID_VALUE}"
        ),
        re.compile(r"(?<![\w-])(?P<v>\d{5}-\d{7}-\d)(?![\w-])"),  # Pakistani CNIC
        re.compile(r"(?<![\w.])(?P<v>\d{2}\.\d{3}\.\d{3})(?![\w.])"),  # Argentine DNI written with dots
    ],
    "phone": [
        re.compile(
            r"(?i:tel[ée]fono(?:\s+(?:celular|m[óo]vil|fijo))?|celular|m[óo]vil|phone|telephone|tel\.|mobile|cell(?:\s*phone)?|"
            r"whats\s?app|contact\s+(?:no|number))"
            r"(?i:\s*(?:n[°ºo]\.?|nro\.?|no\.?|number|número|#)?\s*[:.]?\s*)"
            r"(?P<v>\+?\(?\d[\d\s().\-]{5,18}\d)"
        ),
        re.compile(r"(?<![\w+])(?P<v>\+\d{1,3}[\s.\-]?(?:\(?\d{1,4}\)?[\s.\-]?){2,4}\d{2,4})(?![\w])"),
        re.compile(r"(?<![\w\-/.])(?P<v>(?:15|11)-\d{4}-\d{4}|03\d{2}-\d{7})(?![\w\-/])"),  # AR mobile, PK mobile
    ],
    "address": [
        re.compile(
            r"(?i:domiciliad[oa]\s+en|con\s+domicilio\s+(?:real\s+|legal\s+)?en|domicilio\s+(?:real\s+)?(?:en|sito\s+en)|"
            r"residente\s+en|que\s+vive\s+en|residing\s+at|resident\s+of|residing\s+in|who\s+lives\s+at|"
            r"living\s+at|\br/o\b|address(?:ed)?\s*(?:at|:))"
            r"\s*(?P<v>[^.;\n()]{3,90}?\d[^.;\n()]{0,40}?)(?=[.;\n(]|,\s+(?:[a-z]|DNI|CNIC|Tel)|$)"
        ),
        re.compile(
            rf"(?P<v>(?i:calle|avenida|av\.|pasaje|manzana|mz\.?|barrio|house\s+no\.?|street|st\.|road|rd\.|lane|block|chak\s+no\.?|mohallah|sitio|purok)"
            r"\s+[^\n.;,()]{0,40}?\d{1,5}(?:\s*(?i:casa|piso|depto\.?|dpto\.?|apt\.?|lote|house)\s*\w{1,4})*)"
        ),
        re.compile(r"(?P<v>\b\d{1,5}\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Lane|Boulevard|Blvd\.|Drive|Dr\.))"),
    ],
    "date_of_birth": [
        re.compile(
            r"(?i:born\s+on|born|nacid[oa]\s+el|nacid[oa]\s+en\s+\S+\s+el|fecha\s+de\s+nacimiento|date\s+of\s+birth|"
            r"d\.\s?o\.\s?b\.|dob|f\.\s?nac\.)"
            rf"\s*[:,]?\s*(?:el\s+|on\s+)?(?P<v>{DATE})",
            re.IGNORECASE,
        ),
    ],
}


def find_identifiers(text: str) -> list[Identifier]:
    """Every identifying detail in ``text``, without overlaps (the longest wins)."""
    found: list[Identifier] = []
    for kind, patterns in PATTERNS.items():
        for pattern in patterns:
            for m in pattern.finditer(text):
                start, end = m.span("v")
                value = text[start:end].rstrip(" -./")
                while value[:1] in "( ":
                    value, start = value[1:], start + 1
                end = start + len(value)
                if kind in ("id_number", "phone") and sum(ch.isdigit() for ch in value) < 6:
                    continue
                found.append(Identifier(kind, Span(start, end, value)))
    found.sort(key=lambda i: (i.span.start, -(i.span.end - i.span.start)))
    out: list[Identifier] = []
    for ident in found:
        if out and ident.span.start < out[-1].span.end:
            continue
        out.append(ident)
    return out
