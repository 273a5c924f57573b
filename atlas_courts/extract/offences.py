"""Offences named in the judgment and their categories.

An OFFENCE mention is the offence as the document names it ("illegal
recruitment in large scale", "incumplimiento de los deberes de asistencia
familiar", "Qatl-e-Amd"), with the statutes cited in the same sentence. The
category comes from the statute catalog first (ANNOTATION.md: categories of
the provisions charged), from the wording otherwise (``data/offences.json``).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from ..records import CATEGORIES, Mention

VERSION = "v1"
_DATA = Path(__file__).parent / "data" / "offences.json"

_STOP = (
    r"(?=\s+(?:under|in\s+violation|defined|penali[sz]ed|punishable|punished|as\s+defined|committed|and\s+sentenc|"
    # words that cannot be inside an offence's name end it ("rape they do not constitute …")
    r"(?:they|he|she|it|which|who|whom|that|is|are|was|were|do|does|did|not|has|have|had|this|these|because|"
    r"if|when|where|whereas|but|as|so|since|may|can|shall|will|must|could|would|might|should|for\s+which|el\s+cual|la\s+cual|que|quien|fue|es|son|era)\b|"
    r"and\s+imposing|and\s+(?:is|was|were)|in\s+Criminal|in\s+Crim\.|as\s+charged|with\s+the|against|before|by\s+|"
    r"previst[oa]|tipificad[oa]|contemplad[oa]|reprimid[oa]|en\s+perjuicio|cometid[oa]|en\s+calidad|por\s+(?:el|los|la)|"
    r"en\s+los\s+t[eé]rminos|en\s+concurso|a\s+la\s+pena|y\s+(?:se\s+)?(?:le|lo|la)\b|en\s+el\s+marco|que\s+)"
    r"|\s*[,.;:()\[\]]|\s*\n\s*\n|\s*$)"
)
_OFFENCE_PATTERNS = [
    re.compile(
        r"\b(?:(?:the\s+)?(?:crimes?|offen[cs]es?|felon(?:y|ies)|charges?)\s+of|guilty\s+(?:beyond\s+(?:a\s+)?reasonable\s+doubt\s+)?of(?:\s+the\s+crimes?\s+of)?|"
        r"charged\s+with(?:\s+the\s+crimes?\s+of)?|convicted\s+(?:him|her|them|the\s+\w+\s+)?(?:of|for)(?:\s+the\s+crimes?\s+of)?|"
        r"charging\s+[^.;]{3,200}?\s+with(?:\s+the\s+crimes?\s+of)?|"
        r"commission\s+of(?:\s+the\s+offen[cs]e\s+of)?)\s+(?:the\s+)?(?:crime\s+of\s+)?(?P<o>[A-Za-z][\w'’ \n-]{2,110}?)" + _STOP,
        re.I,
    ),
    re.compile(
        r"\b(?:(?:los?\s+|el\s+|del\s+)?(?:delitos?|cr[ií]men(?:es)?|contravenci[oó]n(?:es)?|infracci[oó]n)\s+de|"
        r"culpables?\s+de(?:l\s+delito\s+de)?|(?:co-?)?autor(?:es|as?)?\s+(?:penalmente\s+responsables?\s+)?del?(?:\s+la\s+comisi[oó]n\s+del?)?(?:\s+delito\s+de)?"
        # "autora de la comisión del delito de X", never "autor de los hechos" / "de la libertad"
        r"(?=\s+(?!(?:la|las|los|el)\s)))\s+"
        r"(?P<o>[A-Za-zÁÉÍÓÚáéíóúñÑ][\wáéíóúñÁÉÍÓÚÑ'’ \n-]{2,110}?)" + _STOP,
        re.I,
    ),
    re.compile(r"\b(?P<o>Qatl-e-Amd|qatl-i-amd|Zina\s+bil\s+Jabr|Hirabah)\b", re.I),
]
_NOT_OFFENCE = re.compile(
    r"^(?:an?\s+|the\s+)?(?:offen[cs]es?|crimes?|violation|delito|infracci[oó]n|charges?)$|"
    r"^(?:the\s+|el\s+|la\s+|los\s+|las\s+)?(?:same|said|accused|appellant|law|this|that|which|such|it|them|him|her|record|evidence|"
    r"lo\s+expuesto|la\s+misma|las\s+mismas|este|esta|dicho|dicha|los\s+mismos|acci[oó]n\s+p[uú]blica|"
    r"prueba|pena|fecha|juicio|causa|hechos?|suceso|evento)\b|^\w{1,3}$",
    re.I,
)


@lru_cache(maxsize=1)
def _category_patterns() -> list[tuple[str, re.Pattern[str]]]:
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    out = []
    for category, pattern in data["categories"]:
        if category not in CATEGORIES:
            raise ValueError(f"{_DATA}: unknown category {category!r}")
        out.append((category, re.compile(pattern, re.I)))
    return out


@lru_cache(maxsize=1)
def _child_context() -> re.Pattern[str]:
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    return re.compile(data["child_context"], re.I)


def about_a_child(text: str) -> bool:
    """Whether the text speaks of a minor: a child word, or an age under 18."""
    for m in _child_context().finditer(text):
        if m.group("age") is None or int(m.group("age")) < 18:
            return True
    return False


_SEXUAL_OFFENCE = re.compile(r"\b(?:rape|violaci[oó]n|abuso\s+sexual|lascivious|acts\s+of\s+lasciviousness|sexual\s+assault|zina)\b", re.I)


def is_sexual_offence(offence: str | None) -> bool:
    return bool(offence and _SEXUAL_OFFENCE.search(offence))


@lru_cache(maxsize=1)
def _other_offences() -> re.Pattern[str]:
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    return re.compile(data["other"], re.I)


def category_from_words(offence: str | None, *, with_other: bool = False) -> str | None:
    """The category the wording names; None when it names none of the five (or, with
    ``with_other``, "other" when it names a known offence outside them: estafa, murder, robo…)."""
    if not offence:
        return None
    for category, pattern in _category_patterns():
        if pattern.search(offence):
            return category
    if with_other and _other_offences().search(offence):
        return "other"
    return None


def find_offences(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    end = len(text) if end is None else end
    out: list[Mention] = []
    for pattern in _OFFENCE_PATTERNS:
        for m in pattern.finditer(text, start, end):
            s, e = m.span("o")
            raw = text[s:e].rstrip(" -")
            raw = re.sub(r"\s+(?:and|y|e)$", "", raw)
            if not raw or _NOT_OFFENCE.search(raw):
                continue
            for ps, pe in _parts(text, s, s + len(raw)):
                part = text[ps:pe]
                value = re.sub(r"\s+", " ", part).strip()
                out.append(
                    Mention("OFFENCE", ps, pe, part, value=value, method=f"rule:offence.{VERSION}", confidence=0.7,
                            attrs={"category_from_words": category_from_words(value)})
                )
    out.sort(key=lambda m: m.start)
    # overlapping matches: keep the longer
    kept: list[Mention] = []
    for m in out:
        if kept and m.start < kept[-1].end:
            if m.end - m.start > kept[-1].end - kept[-1].start:
                kept[-1] = m
            continue
        kept.append(m)
    return kept


_JOIN = re.compile(r"\s+(?:and|y|e)\s+", re.I)


def _parts(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Spans of the offences one phrase names: "estafa and illegal recruitment" is two
    offences when each side is a known offence on its own; otherwise the phrase is one
    ("trafficking and exploitation of persons", "sale and trafficking of children")."""
    cuts = list(_JOIN.finditer(text, s, e))
    if not cuts:
        return [(s, e)]
    spans, at = [], s
    for cut in cuts:
        spans.append((at, cut.start()))
        at = cut.end()
    spans.append((at, e))
    if all(category_from_words(text[a:b], with_other=True) is not None for a, b in spans):
        return spans
    return [(s, e)]


def offence_key(value: str) -> str:
    """Offences that differ only in case, articles or "the crime of" count once."""
    v = value.lower()
    v = re.sub(r"\b(?:the|el|la|los|las|de|del|of|a|an)\b", " ", v)
    v = re.sub(r"\b(?:two|three|four|five|\d+)\s+counts?\s+of\b", " ", v)
    v = re.sub(r"[^a-z0-9áéíóúñ]+", " ", v)
    return " ".join(v.split()[:4])
