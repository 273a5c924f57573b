"""Small text helpers shared by the extraction rules: sentences and windows with offsets.

Legal prose is full of full stops that do not end sentences ("G.R. No. 125",
"Rs.10,000", "Sec. 5", "Cr.P.C.", "J.", initials, "Art."), so sentences are
split with an abbreviation list instead of spaCy's punctuation sentencizer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Words after which a full stop does not end a sentence (lower case, no dot).
_ABBREVIATIONS = frozenset(
    """
    no nos nr nro num art arts sec secs s ss sect para paras par pars cl cls ch chap vol p pp pg
    inc incs ap apdo ley cp cpp cppn cpc crpc cr pc ppc rpc ra pd ca r a u s c usc v vs versus
    mr mrs ms dr messrs hon atty sr sra sres srta dra dres lic abg esq jr st mt ft
    j jj cj pj aj c dist div br
    gr g l e i ii iii iv jan feb mar apr jun jul aug sep sept oct nov dec ene abr ago dic
    rs re ex exh viz etc cf id ibid op cit supra infra et al seq co corp ltd inc govt dept
    fig tsn rollo avda av crl crim cri misc rev addl spl asstt dy insp sho ps pw cw dw fir mst sh ch govt
    """.split()
)

_SENTENCE_END = re.compile(r"[.!?;:]+[\"'”’)\]]*(?=\s+|$)|\n\s*\n")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of ``text[start:end]`` with offsets into ``text``.

    A full stop ends a sentence unless the word before it is a known
    abbreviation, a single letter (an initial), or a number followed by a
    lower-case word. A blank line always ends one; so does a semicolon or a
    colon followed by a line break (operative parts list orders that way).
    """
    end = len(text) if end is None else end
    out: list[Span] = []
    cursor = start
    for m in _SENTENCE_END.finditer(text, start, end):
        stop = m.end()
        punct = m.group(0)
        if punct.strip() and punct[0] == ".":
            before = re.search(r"([\w'’]+)\s*$", text[cursor : m.start()])
            word = before.group(1).lower() if before else ""
            after = text[stop : stop + 3].lstrip()
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
            if word.isdigit() and after[:1].islower():
                continue
            if after[:1].islower() or after[:1].isdigit() and word.isdigit():
                continue
        elif punct[:1] in ";:" and "\n" not in text[m.end() : m.end() + 2] and punct.strip():
            continue
        _emit(text, cursor, stop, out)
        cursor = stop
    _emit(text, cursor, end, out)
    return out


def _emit(text: str, start: int, end: int, out: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Span(start, end, text[start:end]))


def sentence_at(spans: list[Span], offset: int) -> Span | None:
    """The sentence containing ``offset`` (binary search over sorted spans)."""
    lo, hi = 0, len(spans) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = spans[mid]
        if offset < s.start:
            hi = mid - 1
        elif offset >= s.end:
            lo = mid + 1
        else:
            return s
    return None


def one_line(text: str) -> str:
    """Collapse whitespace, for snippets shown to people."""
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=256)
def word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A case-insensitive regex matching any of ``words`` as whole words (longest first)."""
    alts = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])", re.I)
