"""The span labels analysts see, and how stored predictions map onto them.

One vocabulary for every tool (Label Studio, Prodigy, doccano): a dated
procedural step is a date span labelled with its step (``ARREST_DATE``), so a
tool that only knows "a span and a label" can still correct an event's type.

    STATUTE, OFFENCE, PENALTY, FINE, MONEY           what the law and the sentence say
    DATE, <STEP>_DATE                                 dates; <STEP> from records.EVENT_TYPES
    DEFENDANT, VICTIM, WITNESS, JUDGE                 people by role
    PERSON                                            a person of another role, or of a role not given
    COURT, CASE_NUMBER                                the caption

Trained components see a coarser view (``ner_label``): every date label is
``DATE`` for the span model, and the step is the event classifier's job.
"""

from __future__ import annotations

import re

from ..records import EVENT_TYPES, Mention

__all__ = [
    "LABELS",
    "EVENT_LABELS",
    "PERSON_LABELS",
    "NER_LABELS",
    "event_label",
    "event_type_of",
    "ner_label",
    "predictions_as_spans",
]

EVENT_LABELS = {f"{etype.upper()}_DATE": etype for etype in EVENT_TYPES}
PERSON_LABELS = ("DEFENDANT", "VICTIM", "WITNESS", "JUDGE")
LABELS: tuple[str, ...] = (
    "STATUTE",
    "OFFENCE",
    "PENALTY",
    "FINE",
    "MONEY",
    "DATE",
    *EVENT_LABELS,
    *PERSON_LABELS,
    "PERSON",
    "COURT",
    "CASE_NUMBER",
)
# What the span model is trained on (the mention types).
NER_LABELS: tuple[str, ...] = ("STATUTE", "OFFENCE", "PENALTY", "FINE", "DATE", *PERSON_LABELS)

# The nearest money cue before an amount decides whether it is a fine.
_FINE = re.compile(r"\b(?:fines?|multas?|días[-\s]multa)\b", re.I)
_NOT_FINE = re.compile(
    r"\b(?:compensation|indemni\w*|damages|restitution|reparaci[oó]n|resarcimiento|civil\s+liability|costs?|costas)\b", re.I
)


def event_label(etype: str) -> str:
    return f"{etype.upper()}_DATE"


def event_type_of(label: str) -> str | None:
    """``ARREST_DATE`` -> ``arrest``; ``None`` for a label that is not a procedural step."""
    return EVENT_LABELS.get(label)


def ner_label(label: str) -> str | None:
    """The span model's label for an analyst label (``None``: not a span-model label)."""
    if label in EVENT_LABELS or label == "DECISION_DATE":
        return "DATE"
    return label if label in NER_LABELS else None


def _money_label(text: str, m: Mention) -> str:
    before = text[max(0, m.start - 120) : m.start]
    fine = [x.end() for x in _FINE.finditer(before)]
    other = [x.end() for x in _NOT_FINE.finditer(before)]
    if fine and (not other or fine[-1] > other[-1]):
        return "FINE"
    return "MONEY"


def predictions_as_spans(text: str, mentions: list[Mention]) -> list[tuple[int, int, str, float]]:
    """Stored predictions as analyst spans ``(start, end, label, confidence)``, sorted.

    A date with an EVENT mention on the same span becomes ``<STEP>_DATE`` (one span,
    not two); defendants are ``DEFENDANT``; zero-length facts (a court read from the
    running header) and verdict cue words have no span to show and are left out.
    """
    events = {(m.start, m.end): m for m in mentions if m.label == "EVENT" and isinstance(m.value, dict)}
    out: dict[tuple[int, int, str], float] = {}
    for m in mentions:
        if m.end <= m.start:
            continue
        label: str | None = None
        if m.label == "DATE":
            event = events.get((m.start, m.end))
            label = event_label(event.value["type"]) if event else "DATE"
            confidence = event.confidence if event else m.confidence
        elif m.label == "EVENT":
            if any(x.label == "DATE" and (x.start, x.end) == (m.start, m.end) for x in mentions):
                continue  # shown on its date
            label, confidence = event_label(m.value["type"]), m.confidence
        elif m.label == "PERSON":
            role = (m.attrs or {}).get("role")
            label = role.upper() if isinstance(role, str) and role.upper() in PERSON_LABELS else None
            confidence = m.confidence
        elif m.label == "MONEY":
            label, confidence = _money_label(text, m), m.confidence
        elif m.label in ("STATUTE", "OFFENCE", "PENALTY", "COURT", "CASE_NUMBER"):
            label, confidence = m.label, m.confidence
        if label is None:
            continue
        key = (m.start, m.end, label)
        out[key] = min(out.get(key, 1.0), float(confidence))
    return sorted(((s, e, lab, c) for (s, e, lab), c in out.items()), key=lambda t: (t[0], t[1], t[2]))
