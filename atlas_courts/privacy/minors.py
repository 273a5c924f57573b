"""Minors: an age under 18 or a word for a child next to a name.

"Maria X, aged 14", "fourteen (14) year old AAA", "a 16-year old high
school student", "la víctima J. P., de 15 años", "la menor de edad S.B.A",
"la niña Ana", "the minor child Rosa".
"""

from __future__ import annotations

import re

ADULT_AGE = 18
_NUM_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
    "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16, "dieciseis": 16,
    "diecisiete": 17,
}
_NUMBER = r"(\d{1,2}|" + "|".join(sorted(_NUM_WORDS, key=len, reverse=True)) + r")(?:\s*\(\d{1,2}\))?"
AGE_RE = re.compile(
    rf"(?:\baged\s+{_NUMBER}|{_NUMBER}[\s-]+years?[\s-]+(?:old|of\s+age)|{_NUMBER}[\s-]+year[\s-]+old|"
    rf"\bde\s+{_NUMBER}\s+años(?:\s+de\s+edad)?|\b{_NUMBER}\s+años\s+de\s+edad|\bedad\s*(?:de\s+)?:?\s*{_NUMBER}\s+años|"
    rf"\bage\s*(?:of\s+)?:?\s*{_NUMBER}\b|\(\s*{_NUMBER}\s*(?:years|años|yrs)?\s*\))",
    re.IGNORECASE,
)
CHILD_RE = re.compile(
    r"\b(?:minors?|menor(?:es)?(?:\s+de\s+edad)?|niñ[oa]s?|adolescentes?|child(?:ren)?|girl|boy|infante|"
    r"juvenile|underage|under\s+(?:the\s+age\s+of\s+)?(?:18|eighteen))\b",
    re.IGNORECASE,
)


def ages_in(text: str) -> list[tuple[int, int, int]]:
    """(start, end, age) of every stated age in ``text``."""
    out = []
    for m in AGE_RE.finditer(text):
        words = re.findall(r"[a-záéíóúñ]+", m.group(0).casefold())
        value = next((_NUM_WORDS[w] for w in words if w in _NUM_WORDS), None)
        digits = re.findall(r"\d{1,2}", m.group(0))
        if digits:
            value = int(digits[0])
        if value is not None:
            out.append((m.start(), m.end(), value))
    return out


def is_minor_context(before: str, after: str) -> bool:
    """Whether the words just before or after a name say the person is a child:
    an age right after it ("Ana, aged 14", "J. P., de 15 años") or right before
    it ("fourteen (14) year old AAA"), or a child word in front of it in the
    same sentence ("la menor de edad S.B.A", "the minor Rosa")."""
    head = re.split(r"[.;]\s", after[:60], maxsplit=1)[0]
    for start, _, age in ages_in(head):
        if start <= 20:
            return age < ADULT_AGE
    tail = before[-60:]
    tail = re.split(r"[.;]\s", tail)[-1]
    ages = ages_in(tail)
    if ages and ages[-1][1] >= len(tail) - 12:
        return ages[-1][2] < ADULT_AGE
    last_child = None
    for m in CHILD_RE.finditer(tail):
        last_child = m
    return last_child is not None and last_child.end() >= len(tail) - 30
