"""What each training document teaches: event types of its dates, verdicts of its
defendants, and the spans of the span model.

Event types. A gold event ``{type, date, text}`` is placed by its ``text``
snippet (case, spacing and quotes ignored): the candidate dates of that value
inside the snippet get its type. Without a snippet (or when it is not found),
the only candidate of that value gets it; with several, they are left out
(ambiguous). Candidates whose value no gold event has are ``none`` (not a
procedural step). Annotated spans (``ARREST_DATE``, plain ``DATE``) decide the
candidates they cover, over the record.

Verdicts. The rules' defendants are paired with the gold ones by name, as
``evaluate`` pairs them; each pair is one example with the gold verdict.

Spans. The gold does not mark every span of the text, so the span model's
targets are the rules' spans corrected by the gold: statute citations whose
id the gold lists, the gold's statute texts and defendants' names wherever
they occur, every date, penalty term, fine and offence phrase the rules found,
and the people the generator or an analyst named by role. Where the gold is
silent and a span could be wrong (a citation the gold does not list, a person
of unknown role) the tokens are *missing*, not negative. Inside a region an
analyst annotated completely, the analyst's spans replace the rules'.
"""

from __future__ import annotations

import re

from ..annotate.labels import PERSON_LABELS, event_type_of, ner_label, predictions_as_spans
from ..evaluate.scoring import match_defendants
from .data import TrainDoc, _folded, fold_find
from .features import DateCandidate

__all__ = ["event_labels", "verdict_labels", "ner_targets", "NONE"]

NONE = "none"
_TITLES = re.compile(r"^(?:(?:Dr|Dra|Abg|Lic|Hon|Mr|Mrs|Ms|Miss|Judge|Justice|Sr|Sra|Don|Doña)\.?\s+)+", re.I)
# Two or more capitalised words (particles allowed between): a person's name, maybe.
_NAMEISH = re.compile(
    r"(?<![\w])[A-ZÁÉÍÓÚÑÜ][\w'’.-]+(?:\s+(?:(?:de|del|la|las|los|y|da|dos|van|von|bin|e)\s+)*[A-ZÁÉÍÓÚÑÜ][\w'’.-]+)+"
)


def _gold_has(doc: TrainDoc, key: str) -> bool:
    return doc.gold is not None and (not doc.gold.get("_partial") or key in doc.gold)


def event_labels(doc: TrainDoc, candidates: list[DateCandidate]) -> list[str | None]:
    """The gold event type (or ``none``) of each candidate; ``None`` where it cannot be told."""
    labels: list[str | None] = [None] * len(candidates)
    if _gold_has(doc, "events"):
        folded = _folded(doc.text)
        events = doc.gold.get("events") or []
        values = {e.get("date") for e in events}
        by_value: dict[str, list[int]] = {}
        for i, c in enumerate(candidates):
            by_value.setdefault(c.mention.value, []).append(i)
            if c.mention.value not in values:
                labels[i] = NONE
        for e in events:
            idx = by_value.get(e.get("date"), [])
            if not idx:
                continue
            placed = []
            if e.get("text"):
                for lo, hi in fold_find(doc.text, e["text"], folded=folded):
                    placed += [i for i in idx if lo <= candidates[i].mention.start < hi]
            if not placed and len(idx) == 1:
                placed = idx
            for i in placed:
                if labels[i] is None or labels[i] == NONE:
                    labels[i] = e["type"]
    # Annotated spans decide what they cover; complete regions make the rest "none".
    for s, e, label in doc.spans:
        etype = event_type_of(label)
        if etype is None and label != "DATE":
            continue
        for i, c in enumerate(candidates):
            if s <= c.mention.start and c.mention.end <= e:
                labels[i] = etype or NONE
    for lo, hi, complete in doc.regions:
        if complete is not None and "DATE" not in complete and not any(event_type_of(x) for x in complete):
            continue
        for i, c in enumerate(candidates):
            if labels[i] is None and lo <= c.mention.start and c.mention.end <= hi:
                labels[i] = NONE
    return labels


def verdict_labels(doc: TrainDoc) -> list[str | None]:
    """The gold verdict of each of the rules' defendants (``None``: not a gold defendant)."""
    pred = doc.rule_record.get("defendants") or []
    if doc.gold is None or not doc.gold.get("defendants"):
        return [None] * len(pred)
    gold = doc.gold["defendants"]
    pairs = match_defendants(pred, gold)
    return [gold[pairs[i]].get("verdict") if i in pairs else None for i in range(len(pred))]


# --------------------------------------------------------------------------- span model targets


def _strip_title(name: str) -> str:
    return _TITLES.sub("", name.strip()).strip(" ,.")


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def ner_targets(doc: TrainDoc) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """(spans, missing): the span model's targets in one document, in its labels."""
    text = doc.text
    folded = _folded(text)
    spans: list[tuple[int, int, str, int]] = []  # (start, end, label, priority)
    missing: list[tuple[int, int]] = []
    outside: list[tuple[int, int]] = []  # spans known to be no label (people of other roles)
    mentions = doc.extraction.mentions

    gold_ids = {s.get("id") for s in (doc.gold or {}).get("statutes_cited") or [] if s.get("id")}
    check_statutes = _gold_has(doc, "statutes_cited")
    for s, e, label, _conf in predictions_as_spans(text, mentions):
        target = ner_label(label)
        if target is None:
            continue
        if target == "STATUTE" and check_statutes:
            m = next((x for x in mentions if x.label == "STATUTE" and x.start == s and x.end == e), None)
            if m is None or m.value not in gold_ids:
                missing.append((s, e))
                continue
        if target == "DEFENDANT":
            continue  # from the gold names below (the rules' own are checked there)
        spans.append((s, e, target, 1))
    for st in (doc.gold or {}).get("statutes_cited") or []:
        if st.get("id") and st.get("text"):
            for lo, hi in fold_find(text, st["text"], folded=folded):
                spans.append((lo, hi, "STATUTE", 2))

    gold_names = [d.get("name") for d in (doc.gold or {}).get("defendants") or [] if d.get("name")]
    for name in gold_names:
        for lo, hi in fold_find(text, name, folded=folded):
            spans.append((lo, hi, "DEFENDANT", 3))
    for m in mentions:
        if m.label != "PERSON" or (m.attrs or {}).get("role") != "defendant" or m.end <= m.start:
            continue
        known = [n for n in gold_names if _same_name(n, m.text)]
        if doc.gold is not None and doc.gold.get("defendants") is not None and not known:
            missing.append((m.start, m.end))  # the rules' defendant the gold does not have
        elif not gold_names:
            spans.append((m.start, m.end, "DEFENDANT", 1))

    roles_known = bool(doc.people)
    for role, names in doc.people.items():
        for name in names:
            clean = _strip_title(name)
            if len(clean) < 2:
                continue
            for lo, hi in fold_find(text, clean, folded=folded):
                if role in PERSON_LABELS:
                    spans.append((lo, hi, role, 3))
                else:
                    outside.append((lo, hi))

    # Analyst spans: complete regions replace the rules' spans of their labels.
    for lo, hi, complete in doc.regions:
        covered = None if complete is None else {ner_label(x) for x in complete} - {None}
        spans = [sp for sp in spans if not (lo <= sp[0] and sp[1] <= hi and sp[3] < 4
                                            and (covered is None or sp[2] in covered))]
        if complete is None:
            roles_known = True
    for s, e, label in doc.spans:
        if label == "PERSON":
            missing.append((s, e))
            continue
        target = ner_label(label)
        if target is not None:
            spans.append((s, e, target, 4))

    kept: list[tuple[int, int, str]] = []
    for s, e, label, _p in sorted(spans, key=lambda t: (-t[3], -(t[1] - t[0]), t[0])):
        if e <= s or any(_overlaps((s, e), (k[0], k[1])) for k in kept):
            continue
        kept.append((s, e, label))
    kept.sort()
    if not roles_known:
        # Names of people whose role nobody gave: neither a role nor "no role".
        for m in _NAMEISH.finditer(text):
            span = (m.start(), m.end())
            if not any(_overlaps(span, (k[0], k[1])) for k in kept) and not any(_overlaps(span, o) for o in outside):
                missing.append(span)
    missing = [m for m in missing if not any(_overlaps(m, (k[0], k[1])) for k in kept)]
    return kept, sorted(set(missing))


def _same_name(a: str, b: str) -> bool:
    from ..evaluate.scoring import name_tokens

    ta, tb = name_tokens(a), name_tokens(b)
    shared = len(ta & tb)
    return bool(shared) and shared >= min(len(ta), len(tb)) / 2
