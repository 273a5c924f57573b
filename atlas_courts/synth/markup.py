"""Inline markup for tracked spans in generated text.

Compose code wraps every statute citation, every dated procedural step and
every other date in markers; ``parse`` strips them and returns the plain text
with the spans, which become the gold record's ``statutes_cited`` and
``events`` (with the page where each span starts).

    \x01S<ids>\x02<text>\x03        statute citation (ids comma-separated)
    \x01E<type>|<iso>\x02<text>\x03  dated procedural step (the text is the sentence or clause)
    \x01N\x02<text>\x03              a date that is not a procedural step (birth dates, reports)

Markers nest (a citation inside an event sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN, SEP, CLOSE = "\x01", "\x02", "\x03"


@dataclass(frozen=True)
class Span:
    kind: str  # "S", "E" or "N"
    meta: str  # ids for S, "type|iso" for E, "" for N
    start: int
    end: int


def statute(ids: list[str] | tuple[str, ...], text: str) -> str:
    return f"{OPEN}S{','.join(ids)}{SEP}{text}{CLOSE}"


def event(etype: str, iso: str, text: str) -> str:
    return f"{OPEN}E{etype}|{iso}{SEP}{text}{CLOSE}"


def other_date(text: str) -> str:
    return f"{OPEN}N{SEP}{text}{CLOSE}"


def strip(text: str) -> str:
    return re.sub(f"{OPEN}[^{SEP}]*{SEP}", "", text).replace(CLOSE, "")


def parse(text: str) -> tuple[str, list[Span]]:
    out: list[str] = []
    spans: list[Span] = []
    stack: list[tuple[str, str, int]] = []
    pos = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == OPEN:
            j = text.index(SEP, i)
            header = text[i + 1 : j]
            stack.append((header[0], header[1:], pos))
            i = j + 1
            continue
        if ch == CLOSE:
            kind, meta, start = stack.pop()
            spans.append(Span(kind, meta, start, pos))
            i += 1
            continue
        if ch == SEP:
            raise ValueError(f"stray separator in {text!r}")
        out.append(ch)
        pos += 1
        i += 1
    if stack:
        raise ValueError(f"unclosed marker in {text!r}")
    spans.sort(key=lambda s: (s.start, -s.end))
    return "".join(out), spans


# Citations and dates written outside markers would make the gold record wrong
# (a first occurrence or a procedural step it does not know of).
_STATUTE_RE = re.compile(
    r"\b(?:arts?\.|art[íi]culos?|[Ss]ections?|§|incisos?)\s*\d", re.IGNORECASE
)
_DATE_RE = re.compile(
    r"\b\d{1,2}[/.]\d{1,2}[/.]\d{4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)? (?:de )?(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
    r"octubre|noviembre|diciembre|January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October|November|December) \d"
    r"|\b(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre) de \d"
    r"|\bdel mes de\b|\bday of\b"
)


def unmarked_problems(plain: str, spans: list[Span]) -> list[str]:
    """Statute citations or dates in ``plain`` that lie outside every span."""
    covered = [False] * len(plain)
    for s in spans:
        for k in range(s.start, s.end):
            covered[k] = True
    problems = []
    for regex, what in ((_STATUTE_RE, "citation"), (_DATE_RE, "date")):
        for m in regex.finditer(plain):
            if not all(covered[m.start() : m.end()]):
                problems.append(f"unmarked {what} {m.group(0)!r} in …{plain[max(0, m.start() - 40): m.end() + 40]}…")
    return problems
