"""Document structure: caption, body, quoted lower-court decisions, operative part, footnotes.

The verdict and sentence of a judgment are read from its operative part
(WHEREFORE / POR TANTO / FALLO / RESUELVO / "the appeal is dismissed"), so
finding the right one matters: appellate judgments quote the trial court's
own dispositive portion ("WHEREFORE, this Court finds ... SO ORDERED.\"")
and separate opinions follow the majority's "SO ORDERED.".

Rules, in order:
1. The majority opinion ends at the first unquoted terminator ("SO ORDERED",
   "Así se ordena", "IT IS SO ORDERED", "Notifíquese") or, failing that, at
   the footnotes or the concurrence line ("JJ., concur", "están conformes").
2. The operative part starts at the last operative marker before that end;
   markers inside a quoted passage (the quoted trial judgment) are sections of
   their own, named ``lower_court``.
3. With no marker, the last paragraph(s) before the end (up to ~1,200
   characters) stand in for the operative part.
"""

from __future__ import annotations

import re

from ..records import Section
from .text import sentences

_TERMINATOR = re.compile(
    r"(?:IT\s+IS\s+)?SO\s+ORDERED|So\s+ordered|As[ií]\s+se\s+(?:ordena|decide|resuelve)|"
    r"ASI\s+SE\s+ORDENA|N[oó]tifíquese|NOTIF[ÍI]QUESE|Reg[ií]strese|REG[ÍI]STRESE|"
    r"Let\s+(?:a\s+)?copy\s+of\s+this\s+judgment\s+be\s+sent",
)
_CONCURRENCE = re.compile(
    r"^.{0,160}?\b(?:JJ\.?,?\s+concur|J\.,?\s+concurs?|concur\.|est[aá]n\s+conformes|"
    r"MM\.,?\s+est[aá]n\s+conformes|I\s+agree)\b",
    re.M,
)
# Separate opinions follow the majority's: "Separate Opinions", "PERFECTO, J., dissenting:".
_SEPARATE = re.compile(
    r"^\s*(?:Separate\s+Opinions?|SEPARATE\s+OPINIONS?|(?:DISSENTING|CONCURRING)\s+OPINION|"
    r"[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){0,3},\s*(?:C\.\s*)?J\.,?\s*(?:dissenting|concurring)\b)",
    re.M,
)
_FOOTNOTES = re.compile(r"^\s*(?:Footnotes|FOOTNOTES|Notas(?:\s+al\s+pie)?|NOTAS)\s*:?\s*$", re.M)

_OPERATIVE = re.compile(
    r"\b(?:WHEREFORE|Wherefore|IN\s+VIEW\s+WHEREOF|In\s+view\s+whereof|PREMISES\s+CONSIDERED|"
    r"IN\s+VIEW\s+OF\s+(?:THE\s+)?(?:ALL\s+)?(?:THE\s+)?(?:FOREGOING|ABOVE)|In\s+view\s+of\s+(?:all\s+)?the\s+(?:foregoing|above)|"
    r"ACCORDINGLY|Accordingly|IN\s+THE\s+RESULT|In\s+the\s+result|"
    r"For\s+(?:all\s+)?(?:the\s+)?(?:foregoing|above|these|the\s+reasons?)\s*(?:reasons|stated|discussed|considerations)?|"
    r"For\s+what\s+has\s+been\s+discussed\s+above|In\s+the\s+light\s+of\s+(?:the\s+)?above\s+discussion|"
    r"In\s+(?:these|such|the\s+above)\s+circumstances|In\s+view\s+of\s+the\s+above|Keeping\s+in\s+view\s+the\s+above|"
    r"Resultantly|RESULTANTLY|Consequently,?\s+(?:the\s+|this\s+|instant\s+)*(?:(?:Criminal|Crl\.|Jail)\s+)?(?:appeal|revision|petition)|"
    r"IT\s+IS\s+(?:HEREBY\s+)?ORDERED|"
    r"POR\s+TANTO|Por\s+tanto|EN\s+(?:SU\s+)?VIRTUD|En\s+(?:su\s+)?virtud\s+de\s+(?:lo|todo\s+lo)\s+(?:expuesto|que\s+antecede)|"
    r"Por\s+(?:todo\s+)?lo\s+(?:expuesto|que\s+antecede)|POR\s+(?:TODO\s+)?LO\s+(?:EXPUESTO|QUE\s+ANTECEDE)|"
    r"Por\s+(?:las|estas)\s+(?:razones|consideraciones)|"
    r"^\s*(?:FALLO|F\s*A\s*L\s*L\s*O|RESUELVO|R\s*E\s*S\s*U\s*E\s*L\s*V\s*O|RESUELVE|SE\s+RESUELVE|DISPOSITIVO)\s*:?\s*$|"
    # "En consecuencia, RESUELVE:", "Por lo expuesto, DECIDE:": the verb in capitals and a colon, mid-line
    r"(?-i:\b(?:RESUELV[EO]|DECID[EO]|FALL[AO])\s*:))",
    re.M,
)
# An appeal disposed of in so many words, when there is no marker.
_DISPOSAL = re.compile(
    r"\b(?:appeals?|petitions?|revisions?|references?)\b(?:\s+No\.)?[^.]{0,60}?\b(?:is|are|stands?)\s+(?:hereby\s+)?"
    r"(?:dismissed|allowed|accepted|rejected|disposed|answered|partly\s+allowed)|"
    r"\b(?:judgment|sentence|decision|conviction|order)s?\b[^.]{0,80}?\b(?:should|must|is|are|will)\s+(?:be\s+)?"
    r"(?:and\s+(?:is|are)\s+)?(?:hereby\s+)?(?:affirmed|reversed|modified|set\s+aside|confirmed|quashed|upheld)|"
    r"\b(?:is|are)\s+(?:hereby\s+)?(?:affirmed|reversed|set\s+aside|acquitted|convicted)\b|"
    r"\b(?:we|I)\s+(?:hereby\s+)?(?:accept|allow|dismiss|reject|uphold|set\s+aside)\s+(?:the\s+|this\s+|instant\s+)*"
    r"(?:(?:Criminal|Crl\.|Jail)\s+)?(?:appeals?|revisions?|petitions?|references?)\b|"
    r"\b(?:se\s+confirma|se\s+revoca|se\s+modifica|confirmamos|revocamos|modificamos|absolvemos|condenamos)\b",
    re.I,
)
_QUOTES = "\"“”«»"


def _terminator_is_quoted(text: str, end: int) -> bool:
    """A quoted dispositive portion ends with ``SO ORDERED."``, ``SO ORDERED.”`` or, in
    reports that drop the closing quote, with the footnote mark of the quotation
    (``SO ORDERED. 9``); the majority's own terminator ends its line."""
    tail = text[end : end + 6]
    return any(q in tail for q in _QUOTES) or re.match(r"[.\s]{0,3}\d{1,3}\b", tail) is not None


def find_sections(text: str) -> list[Section]:
    """Sections of the document text, in order. Never overlapping; gaps are body text."""
    if not text.strip():
        return []
    sections: list[Section] = []

    caption_end = _caption_end(text)
    sections.append(Section("caption", 0, caption_end))

    majority_end = _majority_end(text, caption_end)
    footnotes = _FOOTNOTES.search(text, caption_end)

    quoted: list[tuple[int, int]] = []
    for m in _TERMINATOR.finditer(text, caption_end, majority_end):
        if _terminator_is_quoted(text, m.end()):
            quoted.append((m.start(), m.end()))

    markers = [m for m in _OPERATIVE.finditer(text, caption_end, majority_end)]
    # Markers followed by a quoted terminator before the next marker belong to the lower court.
    lower: list[Section] = []
    main_start: int | None = None
    for i, m in enumerate(markers):
        next_start = markers[i + 1].start() if i + 1 < len(markers) else majority_end
        q = next((q for q in quoted if m.start() < q[0] < next_start), None)
        if q is not None:
            lower.append(Section("lower_court", m.start(), q[1]))
        else:
            main_start = m.start()
    if main_start is not None:
        # Several dispositions close some judgments ("Consequently, Crl. Appeal … is allowed …"
        # then "For the above reasons, Crl. Revision … is dismissed"): start at the first marker
        # near the end whose paragraph disposes of something.
        lowered = {(s.start, s.end) for s in lower}
        for m in markers:
            if m.start() < majority_end - 2500 or any(a <= m.start() < b for a, b in lowered):
                continue
            if _DISPOSAL.search(text, m.start(), min(majority_end, m.start() + 1000)):
                main_start = min(main_start, m.start())
                break
    if main_start is None:
        tail = max(caption_end, majority_end - 2500)
        disposals = [m for m in _DISPOSAL.finditer(text, tail, majority_end)]
        anchor = disposals[0].start() if disposals else max(caption_end, majority_end - 1200)
        main_start = _sentence_start(text, anchor, floor=caption_end)
    # Lower-court sections before the operative part only.
    sections.extend(s for s in lower if s.end <= main_start)
    sections.append(Section("operative", main_start, majority_end))
    if footnotes and footnotes.start() >= majority_end:
        sections.append(Section("footnotes", footnotes.start(), len(text)))
    sections.sort(key=lambda s: s.start)
    return sections


def _sentence_start(text: str, offset: int, *, floor: int) -> int:
    """The start of the sentence holding ``offset`` (never before ``floor``)."""
    lo = max(floor, offset - 1500)
    for span in sentences(text, lo, min(len(text), offset + 1)):
        if span.start <= offset <= span.end:
            return span.start
    return offset


def _caption_end(text: str) -> int:
    """End of the caption: the judge's line ("GONZAGA-REYES, J.:", "AALIA NEELUM, J:-"),
    "D E C I S I O N" / "JUDGMENT" / "SENTENCIA" / "VISTOS" headings, else ~2,500 characters."""
    head = text[:6000]
    patterns = [
        r"^[^\n]{0,60}?\b[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){0,4},?\s+(?:C\.\s*)?J\.?\s*(?::|;|:-|-)",
        r"^\s*(?:D\s*E\s*C\s*I\s*S\s*I\s*[OÓ]\s*N|J\s*U\s*D\s*G\s*M\s*E\s*N\s*T|SENTENCIA|RESOLUCI[OÓ]N|VISTOS)\s*:?\s*$",
    ]
    ends = []
    for p in patterns:
        m = re.search(p, head, re.M)
        if m:
            ends.append(m.end())
    if ends:
        return min(ends)
    # No judge's line or heading: a caption is short, and never most of the document.
    return min(2500, len(text) // 3)


def _majority_end(text: str, start: int) -> int:
    # The concurrence line ("JJ., concur") follows the majority's own terminator.
    concurrence = _CONCURRENCE.search(text, start)
    if concurrence:
        before = [m for m in _TERMINATOR.finditer(text, max(start, concurrence.start() - 3000), concurrence.start())]
        if before:
            line_end = text.find("\n", before[-1].end())
            return concurrence.start() if line_end < 0 else min(line_end, concurrence.start())
    for m in _TERMINATOR.finditer(text, start):
        if not _terminator_is_quoted(text, m.end()):
            line_end = text.find("\n", m.end())
            return len(text) if line_end < 0 else line_end
    candidates = [len(text)]
    f = _FOOTNOTES.search(text, start)
    if f:
        candidates.append(f.start())
    for c in _CONCURRENCE.finditer(text, start):
        if c.start() > len(text) * 0.5:  # the majority's concurrence line, not a quoted "I agree"
            candidates.append(c.start())
            break
    separate = _SEPARATE.search(text, start)
    if separate:
        candidates.append(separate.start())
    return min(candidates)


def section_of(sections: list[Section], offset: int) -> str:
    """The name of the section holding ``offset``; ``body`` between named sections."""
    for s in sections:
        if s.start <= offset < s.end:
            return s.name
    return "body"
