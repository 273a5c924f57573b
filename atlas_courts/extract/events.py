"""Typed procedural events: which step of the prosecution a date belongs to.

A date's type is decided from its context: cue words (``data/events.json``)
before the date in the same sentence weigh most, the nearest cue winning;
cues right after the date weigh less. Dates in footnotes, in citations of
reported cases ("290 SCRA 92 (1998)") and births are not events. The
document's own decision date is the ``appeal_decision`` of an appellate
judgment and the ``judgment`` of a first-instance one (ANNOTATION.md).

``event_features`` exposes the same evidence as features, so that a trained
classifier (atlas_courts.train) can be used in place of, or on top of, these
rules.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from ..records import EVENT_TYPES, Mention, Section
from .sections import section_of
from .text import Span, sentence_at

VERSION = "v1"
_DATA = Path(__file__).parent / "data" / "events.json"


@lru_cache(maxsize=1)
def _cues() -> tuple[dict[str, re.Pattern[str]], re.Pattern[str], dict[str, re.Pattern[str]]]:
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    cues = {t: re.compile("|".join(f"(?:{p})" for p in pats), re.I) for t, pats in data["cues"].items()}
    block = re.compile("|".join(f"(?:{p})" for p in data["block"]), re.I | re.M)
    strong = {t: re.compile("|".join(f"(?:{p})" for p in pats), re.I) for t, pats in data["strong"].items()}
    return cues, block, strong


def event_features(text: str, date: Mention, sentence: Span | None, section: str) -> dict[str, float]:
    """Evidence for each event type around one date: cue distances before and after, section."""
    cues, block, strong = _cues()
    start = sentence.start if sentence else max(0, date.start - 250)
    end = sentence.end if sentence else min(len(text), date.end + 120)
    before = text[max(start, date.start - 300) : date.start]
    after = text[date.end : min(end, date.end + 150)]
    feats: dict[str, float] = {f"section={section}": 1.0, f"precision={date.attrs.get('precision', 'day')}": 1.0}
    for etype, pattern in cues.items():
        hits_before = [m.end() for m in pattern.finditer(before)]
        if hits_before:
            distance = len(before) - hits_before[-1]
            feats[f"before:{etype}"] = 1.0 / (1.0 + distance / 40.0)
        hit_after = pattern.search(after)
        if hit_after:
            feats[f"after:{etype}"] = 1.0 / (1.0 + hit_after.start() / 40.0)
        if etype in strong and (strong[etype].search(before[-160:]) or strong[etype].search(after[:80])):
            feats[f"strong:{etype}"] = 1.0
    if block.search(text[max(0, date.start - 60) : min(len(text), date.end + 25)]):
        feats["blocked"] = 1.0
    return feats


def type_dates(
    text: str,
    dates: list[Mention],
    sentences: list[Span],
    sections: list[Section],
    *,
    decision_date: Mention | None,
    doc_type: str | None,
) -> list[Mention]:
    """EVENT mentions (value = {"type", "date"}) for the dates whose context names a step."""
    events: list[Mention] = []
    own_type = {"appeal_judgment": "appeal_decision", "judgment": "judgment", "sentencing": "sentencing"}.get(doc_type or "")
    for date in dates:
        section = section_of(sections, date.start)
        if section == "footnotes":
            continue
        if decision_date is not None and date.start == decision_date.start:
            # This document's own date is a procedural step only when it decides the case
            # (ANNOTATION.md); a bail or writ order is not one.
            if own_type:
                events.append(_event(date, own_type, "decision", 0.9))
            # The record of a trial hearing is dated by its heading ("AUDIENCIA DE JUICIO … Fecha:
            # 18 de octubre de 2022"): that day the trial is held, whatever is decided on it.
            _, _, strong = _cues()
            if strong["trial_start"].search(text[max(0, date.start - 80) : date.start]):
                events.append(_event(date, "trial_start", "heading", 0.8))
            continue
        feats = event_features(text, date, sentence_at(sentences, date.start), section)
        if feats.get("blocked"):
            continue
        if decision_date is not None and not _plausible(date.value, decision_date.value):
            continue
        period = period_role(text, date)
        if period == "end":
            continue  # "hasta marzo de 2021", "until 3 May": the end of a period is no step
        scored = []
        for etype in EVENT_TYPES:
            if period == "start" and etype != "offence":
                continue  # a period's first date starts a course of conduct, never a procedural step
            score = feats.get(f"before:{etype}", 0.0) + 0.6 * feats.get(f"after:{etype}", 0.0)
            if score:
                scored.append((score, etype))
        # The appellate court named as the decision's author or as the subject of a disposal is as strong a
        # cue as there is: "the September 29, 2000 decision and May 4, 2001 resolution of the Court of Appeals"
        appellate = period is None and _appellate_decides(text, date)
        if appellate and not scored:
            scored = [(0.5, "appeal_decision")]
        if not scored:
            continue
        score, etype = max(scored)
        if score < 0.12:
            continue
        strong = bool(feats.get(f"strong:{etype}"))
        if appellate and etype in ("judgment", "appeal_decision"):
            etype, strong = "appeal_decision", True
        event = _event(date, etype, "cue.strong" if strong else "cue", min(0.9, 0.4 + score / 2 + 0.2 * strong))
        event.attrs["strong"] = strong
        events.append(event)
    return consolidate(text, _weak_filter(events))


# An appellate court, its name perhaps broken by a page number ("the Court\n18\nof Appeal").
_APPELLATE = (r"(?:Court\s+(?:\d{1,3}\s+)?of\s+(?:Criminal\s+)?Appeals?|appellate\s+court|"
              r"C[aá]mara(?:\s+(?:Nacional|Federal)?\s*de\s+Apelaciones)?|Tribunal\s+de\s+(?:Apelaci[oó]n|Alzada))")
# The date is that court's decision when the court is named right after it as the subject of a disposal
# ("By judgment dated 17th January 2014, the Court of Appeal dismissed the appeal"), right after it as the
# decision's author ("May 4, 2001 resolution of the Court of Appeals"), or right before it ("the Court of
# Appeal by its judgment dated 17-01-2014").
_APPELLATE_AFTER = re.compile(
    rf"^[\s,]{{0,4}}(?:(?:the\s+)?(?:learned\s+)?{_APPELLATE}\s+(?:\w+\s+){{0,2}}?(?:dismissed|affirmed|allowed|"
    r"set\s+aside|reversed|modified|upheld|acquitted|confirm[oó]|revoc[oó]|resolvi[oó]|rechaz[oó]|absolvi[oó])\b|"
    rf"(?:decision|resolution|judg(?:e)?ment|sentencia|resoluci[oó]n)\s*\d{{0,3}}\s+(?:of|de)\s+(?:the\s+|la\s+)?{_APPELLATE})",
    re.I,
)
_APPELLATE_BEFORE = re.compile(
    rf"{_APPELLATE}\s*,?\s*(?:by\s+|in\s+|through\s+|mediante\s+|por\s+)?(?:its|the|su|la)\s+"
    r"(?:judg(?:e)?ment|decision|resolution|order|sentencia|resoluci[oó]n)\s+(?:dated|of|de\s+fecha|del?)\s*$",
    re.I,
)


def _appellate_decides(text: str, date: Mention) -> bool:
    return bool(_APPELLATE_AFTER.match(text[date.end : date.end + 80])
                or _APPELLATE_BEFORE.search(text[max(0, date.start - 90) : date.start]))


def _weak_filter(events: list[Mention]) -> list[Mention]:
    """Narrated dates carry weak cues ("recruited", "trial court"): a type named by a strong cue
    somewhere keeps only its strongly cued dates; otherwise offences keep their first date and
    the other types their weakly cued dates."""
    out = []
    for etype in {e.value["type"] for e in events}:
        of_type = sorted((e for e in events if e.value["type"] == etype), key=lambda e: e.start)
        strong = [e for e in of_type if e.attrs.get("strong") or "decision" in e.method or "heading" in e.method]
        if strong:
            out.extend(strong)
        elif etype == "offence":
            out.append(min(of_type, key=lambda e: e.value["date"]))
        else:
            out.extend(of_type)
    return sorted(out, key=lambda e: e.start)


_PERIOD_START = re.compile(r"(?:\b(?:desde|from|since|entre|between)\s+(?:el\s+|la\s+|the\s+)?(?:mes\s+de\s+|month\s+of\s+)?)$", re.I)
_PERIOD_AFTER = re.compile(r"^\s*,?\s*(?:hasta|to|until|till|and|y|al?)\b", re.I)
_PERIOD_END = re.compile(r"(?:\b(?:hasta|until|till)\s+(?:el\s+|la\s+|the\s+)?(?:mes\s+de\s+|month\s+of\s+)?)$", re.I)


def period_role(text: str, date: Mention) -> str | None:
    """ "start" for the first date of a period ("desde octubre de 2016 hasta …", "from March to June"),
    "end" for its last ("hasta marzo de 2021", "until 3 May 2001"), else None."""
    before = text[max(0, date.start - 30) : date.start]
    if _PERIOD_END.search(before):
        return "end"
    if _PERIOD_START.search(before) and _PERIOD_AFTER.match(text[date.end : date.end + 12]):
        return "start"
    return None


def consolidate(text: str, events: list[Mention]) -> list[Mention]:
    """What ANNOTATION.md asks of a document's events whatever typed them: one offence date (the
    first), no step on a date that ends a period, and a period's first date only as the offence."""
    out = []
    for e in events:
        role = period_role(text, e)
        if role == "end" and "decision" not in e.method and "heading" not in e.method:
            continue
        if role == "start" and e.value["type"] != "offence":
            continue
        out.append(e)
    offences = [e for e in out if e.value["type"] == "offence"]
    if len(offences) > 1:
        first = min(offences, key=lambda e: (e.value["date"], e.start))
        out = [e for e in out if e.value["type"] != "offence" or e is first]
    return sorted(out, key=lambda e: e.start)


def _plausible(value: str, decided: str) -> bool:
    """A step of this prosecution happens before its decision and within a generation of it:
    later dates are other proceedings, far earlier ones cited precedents or births."""
    return value[:10] <= decided[:10] and int(value[:4]) >= int(decided[:4]) - 40


def _event(date: Mention, etype: str, how: str, confidence: float) -> Mention:
    return Mention(
        "EVENT", date.start, date.end, date.text, value={"type": etype, "date": date.value},
        method=f"rule:events.{how}.{VERSION}", confidence=confidence,
    )


def dedupe_events(events: list[Mention]) -> list[Mention]:
    """One event per (type, date); the first mention is kept (the contract lists first occurrences)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for e in sorted(events, key=lambda m: m.start):
        key = (e.value["type"], e.value["date"])
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def first_dates_only(text: str, dates: list[Mention]) -> list[Mention]:
    """Keep the first date of a range ("from January 1997 to June, 1997"; "desde … hasta …")."""
    out = []
    for d in dates:
        prev = out[-1] if out else None
        if prev is not None and re.fullmatch(
            r"\s*(?:to|until|till|and|-|–|hasta|al|a|y)\s*(?:the\s+|el\s+|la\s+)?(?:mes\s+de\s+)?", text[prev.end : d.start], re.I
        ):
            continue
        out.append(d)
    return out
