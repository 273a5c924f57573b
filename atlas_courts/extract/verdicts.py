"""Verdict cues: the words that convict, acquit, dismiss, affirm, reverse or modify.

A VERDICT mention's value is one of ``convicted``, ``acquitted``,
``dismissed``, ``unknown`` (remand, retrial, at large, death), ``affirmed``,
``reversed``, ``modified``, ``appeal_dismissed``, ``appeal_allowed``, ``appeal_reinstated``
(an order refusing an appeal set aside and the appeal sent back to be heard). Which
defendant a cue decides, and what an affirmance means for them, is worked out
in ``atlas_courts.resolve.outcomes`` from the operative part.
"""

from __future__ import annotations

import re

from ..records import Mention

VERSION = "v1"

# Ordered: when two cues overlap, the earlier kind in this list wins.
_CUES: list[tuple[str, re.Pattern[str]]] = [
    (
        "unknown",
        re.compile(
            r"\bremand(?:ed)?\b[^.]{0,60}\b(?:for|to)\b[^.]{0,30}\b(?:re-?trial|new\s+trial|further\s+proceedings|decision\s+afresh)|"
            r"\b(?:re-?trial|de\s+novo\s+trial|new\s+trial)\b|\breenv[ií]o\b|"
            # remanded to be tried again, not "remanded to the trial court with a certified copy of
            # this decision … for execution thereof" (the old reports' closing formula)
            r"\b(?:remanded|remitted|sent\s+back)\s+(?:back\s+)?to\s+the\s+(?:learned\s+)?trial\s+court"
            r"(?![^.]{0,160}\b(?:for\s+(?:the\s+)?execution|certified\s+copy|to\s+be\s+executed))|\bcontinue\s+the\s+trial\b|"
            r"\bnuevo\s+juicio\b|\bse\s+anula\b|\banula(?:r|mos)?\s+(?:la\s+)?sentencia|"
            r"\b(?:proceedings?|case)\s+(?:against\s+\w+\s+)?(?:is|are|was|were|stands?)\s+(?:hereby\s+)?abated|"
            r"\bcriminal\s+liability\b[^.]{0,40}\bextinguished|"
            # dead, at large or never arrested: not decided (ANNOTATION.md)
            r"\bfallec(?:i[oó]|ido|ida)\b|\bmuri[oó]\b|\bhas\s+(?:since\s+)?died\b|\bdied\s+(?:during|before|pending|in\s+jail|in\s+prison)|"
            r"\bat\s+large\b|\bno\s+han?\s+sido\s+(?:aprehendid|arrestad|capturad|detenid)\w*|"
            r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:arrested|apprehended|tried)\b|\bpr[oó]fug[oa]s?\b|\brebeld[ií]a\b|"
            r"\babsconding\b|\babsconder\b|\bproclaimed\s+offender\b|"
            # a minor found guilty whose proceedings are suspended: "se suspendio el proceso en cuanto a el"
            r"\bse\s+suspendi[oó]\s+(?:el\s+proceso|la\s+causa)\b|\bproceedings\s+(?:against\s+\w+\s+)?(?:was|were|are|is)\s+"
            r"(?:hereby\s+)?suspended\b",
            re.I,
        ),
    ),
    (
        "acquitted",
        re.compile(
            r"\bacquit(?:ted|tal|s)?\b|\bACQUIT(?:TED)?\b|\babsuel(?:to|ta|tos|tas|ve|vo|ven)\b|\bABSOLVER\b|\babsolver(?:lo|la|los)?\b|"
            r"\babsolvi(?:[oó]|eron)\b|\bABSOLVI[OÓ]\b|"
            r"\babsolvemos\b|\bbenefit\s+of\s+(?:the\s+)?doubt\b|\bset\s+(?:at\s+)?(?:liberty|free)\b|"
            r"\breleased\s+forthwith\b|\bno\s+es\s+culpable\b|\bnot\s+guilty\b|\bNOT\s+GUILTY\b",
            re.I,
        ),
    ),
    (
        "dismissed",
        re.compile(
            r"\bsobrese(?:imiento|imeinto|er|o|ído|ido)\b|\bSOBRESE|\b(?:case|charges?|information|complaint|proceedings|FIR)\b[^.]{0,40}\b(?:is|are|was|were)\s+(?:hereby\s+)?(?:dismissed|quashed|withdrawn)|"
            r"\bquash(?:ed)?\b|\barchivo\b|\bARCHIVO\b|\bdischarged\b",
            re.I,
        ),
    ),
    (
        "appeal_allowed",
        re.compile(
            r"\b(?:appeals?|petitions?|revisions?)\b(?:\s+No\.)?[^.]{0,60}?\b(?:is|are|stands?)\s+(?:hereby\s+)?(?:allowed|accepted|granted|GRANTED|ALLOWED)\b",
            re.I,
        ),
    ),
    (
        "appeal_dismissed",
        re.compile(
            r"\b(?:appeals?|petitions?|recursos?)\b(?:\s+No\.)?[^.]{0,60}?\b(?:is|are|stands?|es|son)\s+(?:hereby\s+)?(?:dismissed|denied|rejected|DISMISSED|DENIED|rechazad[oa]s?|desestimad[oa]s?)\b",
            re.I,
        ),
    ),
    (
        # The order refusing an appeal set aside and the appeal sent back to be heard: the conviction
        # is not touched (lk-sc-ca 2018: "I set aside the order made by the learned High Court Judge …
        # and direct the learned High Court Judge to entertain the appeal … on its merits").
        "appeal_reinstated",
        re.compile(
            r"\bset\s+aside\s+the\s+(?:impugned\s+)?order\b[^.]{0,200}?\b(?:direct|order)\w*\b[^.]{0,80}?"
            r"\b(?:entertain|hear|consider|admit)\w*\s+the\s+appeal",
            re.I,
        ),
    ),
    ("reversed", re.compile(r"\breversed\b|\bREVERSED\b|\brevoca(?:da|do|mos|r)?\b|\bREVOCA\b|\bset\s+aside\b|\bSET\s+ASIDE\b", re.I)),
    ("modified", re.compile(r"\bmodif(?:ied|ication|ica|icada|icamos|icar)\b|\bMODIFI(?:ED|CATION)\b|\breduced\s+to\b|\baltered\s+(?:in)?to\b|\bconverted\s+(?:in)?to\b|\bcommuted\b", re.I)),
    ("affirmed", re.compile(r"\baffirm(?:ed|s)?\b|\bAFFIRMED\b|\bupheld\b|\bmaintained\b|\bconfirm(?:ed|a|ada|ado|amos)\b|\bCONFIRMA\b|\bse\s+confirma\b", re.I)),
    (
        "convicted",
        re.compile(
            r"\bguilty\b|\bGUILTY\b|\bconvict(?:ed|ion|s)?\b|\bCONDENAR\b|\bcondena(?:r|do|da|dos|das|mos|ndo|ron)?\b|\bconden[oó]\b|"
            r"\bculpables?\b|\bcondemn(?:ed|ing|s)?\b|"
            r"\bsentenced\b|\bsentencing\b(?!\s+(?:order|hearing|stage|proceedings?|judgment|court|judge|policy|guidelines?|process|discretion))|\bshall\s+suffer\b|\bto\s+suffer\b|\bsufrir\b|\bimpose[sd]?\b|\bimponer\b",
            re.I,
        ),
    ),
]
# "pleaded not guilty" is a plea, not a verdict.
_PLEA = re.compile(r"plead(?:ed|s)?\s+(?:not\s+)?guilty|plea\s+of\s+(?:not\s+)?guilty", re.I)
# Reasoning, not deciding: "an accused cannot be convicted", "sufficient to hold him guilty",
# "if the appellant is acquitted", "no puede ser condenado".
_MODAL = re.compile(
    r"(?:\b(?:cannot|can\s+not|could\s+not|would|may|might|unless|if|whether|no\s+puede|no\s+podr[ií]a|podr[ií]a|si)\b[^.;]{0,25}|"
    r"\bto\s+(?:hold\s+\w+|be|sustain\s+a|justify\s+(?:a|the))\s*|\bsufficient\s+to\s+[^.;]{0,20})$",
    re.I,
)


def find_verdict_cues(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    end = len(text) if end is None else end
    found: list[Mention] = []
    for value, pattern in _CUES:
        for m in pattern.finditer(text, start, end):
            if value in ("convicted", "acquitted") and _PLEA.search(text[max(0, m.start() - 20) : m.end() + 2]):
                continue
            if value == "acquitted" and re.search(r"\bnot\b", text[max(0, m.start() - 8) : m.start()]):
                continue
            if value in ("convicted", "acquitted") and _MODAL.search(text[max(start, m.start() - 40) : m.start()]):
                continue
            if value == "affirmed" and re.search(r"\b(?:not|NOT|no|NO)\s+(?:be\s+|been\s+)?$", text[max(start, m.start() - 12) : m.start()]):
                continue  # "death sentences … are NOT CONFIRMED"
            found.append(
                Mention("VERDICT", m.start(), m.end(), m.group(0), value=value,
                        method=f"rule:verdict.{value}.{VERSION}", confidence=0.7)
            )
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out
