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


def find_court(text: str, sections: list[Section], lang: str | None, *, running_header: str = "") -> list[Mention]:
    """The court that issued the document, canonical where it is a known court.

    The caption is read first; then the page's running header (which ingest removes from
    the text: reports such as "Republic of the Philippines - Supreme Court" name the court
    only there), for known courts only; then a generic court name in the caption proper.
    """
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
    if running_header:
        for court in data["courts"]:
            m = court["_re"].search(running_header)
            if not m:
                continue
            name = court["name"]
            zone = running_header + "\n" + head
            for seat_re, seat in court["_seats"]:
                if seat_re.search(zone):
                    name = f"{name}, {seat}"
                    break
            # the header is not in the text: the fact has no span
            return [Mention("COURT", 0, 0, "", value=name, method=f"rule:court.running_header.{VERSION}",
                            confidence=0.85, attrs={"country": court["country"], "header": m.group(0)})]
    caption_proper = next((s.end for s in sections if s.name == "caption"), end)
    grabbed = grab_court_name(text, start, min(end, max(caption_proper, start + 400)))
    if grabbed:
        s, e, value = grabbed
        return [
            Mention("COURT", s, e, text[s:e], value=_tidy_court(value),
                    method=f"rule:court.generic.{VERSION}", confidence=0.6)
        ]
    return []


# --------------------------------------------------------------------------- generic court names

_ES_HEAD = re.compile(r"(?<![\w])(?:Juzgado|Tribunal|Sala|C[áa]mara|Corte)(?![\w])", re.I)
_EN_HEAD = re.compile(r"(?<![\w])Court(?![\w])", re.I)
_CONNECTOR = re.compile(r"\s+(?:de|del|la|las|los|en|lo|y|e|of|the|for)(?=\s)", re.I)
_NUMBER_MARK = re.compile(r"\s*(?:N[°ºo]\.?|Nro\.?|No\.|n[°º])\s*\d+|\s+\d+(?![\w/.-])")
_NAME_TOKEN = re.compile(r"\s+(?:[“\"'‘][A-Z][”\"'’]|[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñ’'-]*\.?)")
_COMMA_EXTENSION = re.compile(
    r"\s*[,–-](?=\s*(?:Sala\b|SALA\b|(?:Primera|Segunda|Tercera|Cuarta|Quinta|PRIMERA|SEGUNDA|TERCERA|CUARTA|QUINTA)\s+(?:Sala|SALA)\b|"
    r"de\s+la\s+Circunscripci|DE\s+LA\s+CIRCUNSCRIPCI|[A-ZÁÉÍÓÚ][\w]+(?:\s+(?:y\s+|de\s+)?[A-ZÁÉÍÓÚa-z][\w]+){0,4}\s+(?:N[°º]|Nro)|"
    r"(?:[A-Z][\w]+\s+){0,3}(?:County|COUNTY|Circuit|CIRCUIT|Division|DIVISION|Bench|BENCH|District|DISTRICT|Region|REGION)\b))"
)
# Words that start what follows a court's name on its line ("Expte.", "Dr."); on a new line
# also the headings of the document itself ("AUTO SUPREMO", "SENTENCIA N° 12"), which can be
# inside a court's name mid-line ("Tribunal de Sentencia Penal").
_LINE_STOP_WORDS = {"auto", "sentencia", "resolución", "resolucion", "acuerdo"}
_STOP_WORDS = {
    "expte", "expediente", "causa", "nurej", "ministerio",
    "poder", "reunidos", "dr", "dra", "república", "republica", "republic", "juez", "jueza", "fiscal", "secretaria",
    "in", "the", "honorable", "honourable", "hon", "criminal case", "case", "black", "red", "between", "judgment", "judgement", "decision", "ruling",
    "ac", "s.d", "aor", "vistos", "considerando", "resultando", "acta", "fecha", "hora", "people", "state", "vs", "v",
}
_ROOMS = re.compile(r"Sala\s+(?:de\s+(?:Acuerdos|Audiencias?|Deliberaci|Debates?)|Virtual)", re.I)


def grab_court_name(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The first court named in ``text[start:end]``: a head word (Juzgado, Tribunal, Sala, Cámara,
    Corte; Court) with the capitalised words, connectors, numbers and comma-joined divisions
    around it ("Cámara Federal de Casación Penal, Sala IV"; "Eighth Judicial Circuit Court, Nimba
    County"; "Criminal Court “E”, Sixth Judicial Circuit, Montserrado County")."""
    candidates = []
    for head in (_ES_HEAD, _EN_HEAD):
        for m in head.finditer(text, start, end):
            got = _extend(text, m, end, english=head is _EN_HEAD)
            if got and not _ROOMS.match(text[got[0]:got[1]]):
                candidates.append(got)
                break
    if not candidates:
        return None
    s, e = min(candidates)
    value = re.sub(r"\s+", " ", text[s:e])
    value = re.sub(r"\s+[–-]\s+(?=(?:Sala|SALA)\b)", ", ", value)  # "Cámara … – Sala IV"
    return s, e, value


def _extend(text: str, head: re.Match[str], limit: int, *, english: bool) -> tuple[int, int] | None:
    caps = head.group(0).isupper()
    s = head.start()
    if english:
        # Qualifiers before "Court": "Eighth Judicial Circuit", "Samut Sakhon Provincial", "Supreme".
        words = list(re.finditer(r"[A-ZÁÉÍÓÚ][\w’'-]*", text[max(0, s - 80) : s]))
        base = max(0, s - 80)
        for w in reversed(words):
            gap = text[base + w.end() : s]
            if gap.strip() or "\n" in gap or w.group(0).lower() in _STOP_WORDS:
                break
            s = base + w.start()
        if s == head.start() and not re.match(r"\s+of\s", text[head.end() : head.end() + 5], re.I):
            return None  # a bare "Court" ("the Court finds") names nothing
    e = head.end()
    pending = e
    while e < limit:
        for pattern in (_NUMBER_MARK, _CONNECTOR, _NAME_TOKEN, _COMMA_EXTENSION):
            m = pattern.match(text, pending if pattern is _CONNECTOR else e)
            if not m or m.end() > limit:
                continue
            token = m.group(0).strip(" ,\n\t")
            if pattern is _NAME_TOKEN:
                word = token.rstrip(".").lower()
                if word in _STOP_WORDS or ("\n" in m.group(0) and word in _LINE_STOP_WORDS):
                    m = None
                elif "\n" in m.group(0) and not (caps and token.isupper()):
                    m = None  # only an all-caps heading runs on to the next line
            if m is None:
                continue
            if pattern is _CONNECTOR:
                pending = m.end()
                while (more := _CONNECTOR.match(text, pending)) is not None:  # "y de Faltas", "de la Capital"
                    pending = more.end()
                # connectors count only if a name word or number follows them
                nxt = _NAME_TOKEN.match(text, pending) or _NUMBER_MARK.match(text, pending)
                if nxt and nxt.group(0).strip().lower().rstrip(".") not in _STOP_WORDS and "\n" not in nxt.group(0):
                    e = nxt.end()
                    pending = e
                    break
                pending = e
                continue
            e = m.end()
            pending = e
            break
        else:
            break
    name = text[s:e].rstrip(" ,.;:-–")
    if len(name.split()) < 2:
        return None
    return s, s + len(name)


def _tidy_court(name: str) -> str:
    """All-capital headings become title case; numbers and abbreviations stay."""
    if name.isupper():
        small = {"of", "the", "de", "del", "la", "en", "lo", "y", "and", "for"}
        words = [
            w.lower() if w.lower() in small
            else w if len(w.strip("“”\"'‘’")) <= 1 or w.startswith(("“", '"')) or re.fullmatch(r"[IVXLC]+,?", w)
            else w.capitalize()
            for w in name.split()
        ]
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
            r"(?:Causa|CAUSA|Expediente|EXPEDIENTE|Expte\.?|Legajo|Carpeta|Caso|CASO|Proceso|PROCESO|Recurso|Autos)\s*:?\s*"
            r"(?:N[°ºo]\.?|Nro\.?|N\.|n[°º]|nro\.?|No\.)?\s*[A-Z]{0,4}\s*\d[\d.]*(?:\s*/\s*\d{2,4})(?:/[A-Z0-9]+)*|"
            r"(?:Causa|CAUSA|Expediente|EXPEDIENTE|Expte\.?|Legajo|Caso|CASO)\s*:?\s*(?:N[°ºo]\.?|Nro\.?|N\.|n[°º]|nro\.?|No\.)\s*[A-Z]{0,4}\s*\d[\d.]*|"
            r"\bNUREJ\s*(?:N[°º]\.?)?\s*:?\s*\d{5,}|"
            r"\b(?:FCB|FMZ|FRE|FTU|FSA|FPO|FRO|FSM|FLP|FBB|FCR|FGR|FMP|CFP|CCC|CPE)\s+\d+\s*/\s*\d{4}(?:/[A-Z0-9]+)*|"
            r"\bMPF\s*\d{4,}"
        ),
    ),
    # English generic: "Criminal Case No. 123-2019", "Case No. 2:14-cr-00648", "Black Case No. 123/2562"
    (
        "en",
        re.compile(
            r"(?:(?:Black|Red|Criminal|Crim\.|Civil|Sessions|Special)\s+)?(?:Case|CASE)\s*(?:No\.?|NO\.?|Number|#)\s*:?\s*(?:[A-Z][a-z]{0,3}\.\s*)?[A-Z]{0,4}[\d][\w./:-]*|"
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
            r"Judg(?:e)?ment\s+(?:delivered|pronounced|dated|[Dd]ate)|Fecha\s+de\s+(?:la\s+)?(?:resoluci[oó]n|sentencia|fallo)|"
            r"Delivered|GIVEN\s+UNDER\s+(?:MY|OUR)\s+HANDS?(?:\s+AND\s+SEAL)?(?:\s+OF\s+(?:THIS\s+)?COURT)?|"
            r"Given\s+under\s+(?:my|our)\s+hands?(?:\s+and\s+seal)?(?:\s+of\s+(?:this\s+)?[Cc]ourt)?|"
            r"(?:Done|DONE|Dado|DADO|Pronounced|PRONOUNCED)\s+(?:and\s+signed\s+)?(?:in|at|en)\s+[A-Z][\w ]{0,40}?)"
            r"\s*(?:on|:|-|:-|,)?\s*(?:(?:this|THIS)\s+(?:the\s+|THE\s+)?|the\s+|el\s+|a\s+los\s+)?"
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
        # the window reaches past the limit so a date in words is read whole
        for d in find_dates(text[pos : pos + limit + 100], lang, dayfirst=dayfirst):
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
    # "En la ciudad de Asunción, República del Paraguay, a los diecinueve días del mes de …"
    place = re.compile(
        r"(?m)^\s*[A-ZÁÉÍÓÚ][\wáéíóúñ.]+(?:\s+[A-ZÁÉÍÓÚ]?[\wáéíóúñ.]+){0,4},"
        r"(?:\s*(?:Rep[uú]blica|Estado|Provincia|Islas)[\w\s]{0,30},)?\s*(?:a\s+(?:los\s+)?|this\s+|el\s+)?"
    )
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
    (
        "sentencing",
        re.compile(
            r"^\s*(?:SENTENCING\s+(?:ORDER|JUDGMENT|MEMORANDUM|RULING)|JUDGMENT\s+AND\s+SENTENCE|RULING\s+ON\s+(?:THE\s+)?SENTENCE|"
            r"SENTENCE|AUDIENCIA\s+DE\s+(?:CESURA|DETERMINACI[OÓ]N\s+DE\s+LA\s+PENA))\s*$",
            re.M | re.I,
        ),
    ),
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
# Courts that hear appeals, and courts of first instance, by the words of their names.
_APPELLATE_COURT = re.compile(
    r"Supreme|Suprem[ao]|Apelaci[oó]n|Appeal|Appellate|Casaci[oó]n|C[aá]mara|High\s+Court|Sala\s+Penal|"
    r"Tribunal\s+(?:Superior|Departamental)|Superior\s+Court",
    re.I,
)
_FIRST_INSTANCE_COURT = re.compile(
    r"Tribunal\s+Oral|Tribunal\s+de\s+Sentencia|Juzgado|Provincial\s+Court|Circuit\s+Court|Criminal\s+Court|"
    r"District\s+Court|Sessions|Magistrate|Court\s+of\s+First\s+Instance|Regional\s+Trial\s+Court|Juvenile",
    re.I,
)
_APPELLATE = re.compile(
    r"\b(?:appeal|appellant|appellee|apelante|apelado|recurrente|recurso\s+de\s+(?:apelaci[oó]n|casaci[oó]n)|"
    r"Murder\s+Reference|revision|certiorari|petition\s+for\s+review|Auto\s+de\s+Vista|Auto\s+Supremo)\b",
    re.I,
)


# An operative part that convicts or acquits someone by name, in so many words.
_DECIDES_GUILT = re.compile(
    r"\b(?:CONDENAR|ABSOLVER|condenar|absolver|condeno|absuelvo|CONDENO|ABSUELVO)\s+a\s+[A-ZÁÉÍÓÚÑ]|"
    r"\bfound\s+(?:him|her|them|the\s+accused|accused[-\s]appellants?)?\s*(?:GUILTY|guilty|NOT\s+GUILTY|not\s+guilty)\b|"
    r"\bhereby\s+(?:convicted|acquitted|CONVICTED|ACQUITTED)\b"
)


def find_doc_type(text: str, sections: list[Section], court: str | None) -> list[Mention]:
    """The kind of document: explicit headings first, then the level of the court that issued it
    (an appellate court deciding an appeal, a first-instance court deciding a case), then cues."""
    start, end = _caption(sections, text)
    head = text[start : min(len(text), end + 1500)]
    operative = next((s for s in sections if s.name == "operative"), None)
    decides_guilt = operative is not None and _DECIDES_GUILT.search(text, operative.start, operative.end)
    for name, cue in _TYPE_CUES:
        m = cue.search(head)
        if m:
            if name == "order" and decides_guilt:
                # "Tipo de audiencia: audiencia de excarcelación" that ends in "CONDENAR a …": a hearing
                # called for release that decided guilt (an agreed sentence) is a judgment
                continue
            return [Mention("DOC_TYPE", start + m.start(), start + m.end(), m.group(0), value=name,
                            method=f"rule:doc_type.{name}.{VERSION}", confidence=0.8)]
    caption_proper = text[start : next((s.end for s in sections if s.name == "caption"), end)]
    appeal_cue = _APPELLATE.search(caption_proper)
    if appeal_cue:
        return [Mention("DOC_TYPE", start + appeal_cue.start(), start + appeal_cue.end(), appeal_cue.group(0),
                        value="appeal_judgment", method=f"rule:doc_type.appellate_parties.{VERSION}", confidence=0.75)]
    appeal_cue = _APPELLATE.search(head)
    if court and _FIRST_INSTANCE_COURT.search(court) and not _APPELLATE_COURT.search(court):
        return [Mention("DOC_TYPE", 0, 0, "", value="judgment", method=f"rule:doc_type.trial_court.{VERSION}", confidence=0.8)]
    if court and _APPELLATE_COURT.search(court):
        return [Mention("DOC_TYPE", 0, 0, "", value="appeal_judgment",
                        method=f"rule:doc_type.appellate_court.{VERSION}", confidence=0.8)]
    if appeal_cue:
        return [Mention("DOC_TYPE", start + appeal_cue.start(), start + appeal_cue.end(), appeal_cue.group(0),
                        value="appeal_judgment", method=f"rule:doc_type.appellate.{VERSION}", confidence=0.6)]
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
